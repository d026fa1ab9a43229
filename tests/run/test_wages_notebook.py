"""Run notebooks/02-railway-wages.ipynb through papermill with ``-p`` overrides.

Each run writes its figures and tables into a temporary folder, so the committed figures are
never touched. Expected numbers come from the article: 124.78 / 56.13 = 2.2231, and with prices
doubled the real change is 2.2231 / 2 - 1 = 11.15%.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill as pm
import pytest

from histkit.cases.spenser import explorer as ex
from histkit.core.paths import project_root

ROOT = project_root(Path(__file__).parent)
NOTEBOOK = ROOT / "notebooks" / "02-railway-wages.ipynb"


def _run(tmp_path: Path, **parameters: object) -> nbformat.NotebookNode:
    output = tmp_path / "out.ipynb"
    pm.execute_notebook(
        str(NOTEBOOK),
        str(output),
        parameters={"figures_dir": str(tmp_path / "figures"), "tables_dir": str(tmp_path / "tables"),
                    **parameters},
        cwd=str(NOTEBOOK.parent),
        kernel_name="python3",
        progress_bar=False,
        record_timing=False,
    )
    return nbformat.read(output, as_version=4)


def _text(nb: nbformat.NotebookNode, cell_id: str) -> str:
    (cell,) = [c for c in nb.cells if c.get("id") == cell_id]
    parts = []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", "") or out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def _html(nb: nbformat.NotebookNode, cell_id: str) -> str:
    # the full table: pandas shortens a wide table's text/plain with "..."
    (cell,) = [c for c in nb.cells if c.get("id") == cell_id]
    return "\n".join(out.get("data", {}).get("text/html", "") for out in cell.get("outputs", []))


def test_committed_notebook_has_the_default() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert "122.31%" in _text(nb, "real")  # price ratio 1: the real change is the nominal change
    assert "1.00" in _text(nb, "real")


def test_committed_notebook_is_deterministic_and_sourced() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # the explorer saves one fixed sentence, not the widget's state
    assert _text(nb, "explorer") == ex.EXPLORER_REPR
    # no outside fact in the prose without a source beside it (the article gives no price history)
    (real_md,) = [c for c in nb.cells if c.get("id") == "real-md"]
    assert "inflation of 1914-1916" not in real_md.source
    # cells stay thin: the stated figure is looked up inside the package
    (fig,) = [c for c in nb.cells if c.get("id") == "fig-wages"]
    assert "by_key" not in fig.source


def test_rate_override_reaches_every_table(tmp_path: Path) -> None:
    # 25,000 USD x 2.5 pesos a dollar / 124.78 pesos a month = 62,500 / 124.78 = 500.9 worker-months
    nb = _run(tmp_path, pesos_per_dollar=2.5)
    assert "2.5000" in _html(nb, "strike")
    # the explorer's table writes the rate as a reader would, and says it was given
    assert ">2.5</td>" in _html(nb, "explorer-static") and ">as given</td>" in _html(nb, "explorer-static")
    assert "500.9" in _html(nb, "explorer-static")
    assert "at 2.5000 (parameter)" in _text(nb, "summary")


def test_price_ratio_override_changes_the_outputs(tmp_path: Path) -> None:
    nb = _run(tmp_path, price_ratio=2.0)
    real = _text(nb, "real")
    assert "2.00" in real and "11.15%" in real and "62.39" in real
    assert "122.31%" not in real
    assert "price ratio 2.00" in _text(nb, "summary")
    assert (tmp_path / "figures" / "02-real-wage-sensitivity.svg").is_file()
    assert (tmp_path / "tables" / "claims-economics.csv").is_file()


def test_claim_tolerance_override_changes_the_verdict(tmp_path: Path) -> None:
    nb = _run(tmp_path, claim_tolerance=3.0)
    claims = (tmp_path / "tables" / "claims-economics.csv").read_text(encoding="utf-8")
    share = next(line for line in claims.splitlines() if line.startswith("wage-225-share"))
    assert ",consistent," in share
    assert "within the tolerance of 3.00" in _text(nb, "summary")


def test_price_index_file(tmp_path: Path) -> None:
    index = tmp_path / "prices.csv"
    index.write_text("year,index,source\n1910,100,test figures\n1927,250,test figures\n", encoding="utf-8")
    nb = _run(tmp_path, price_index_file=str(index))
    real = _text(nb, "real")
    assert "2.50" in real and "-11.08%" in real  # 2.2231 / 2.5 - 1
    assert "prices.csv" in real


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [("price_ratio", "abc", "float"), ("base_year", 1910.5, "int")],
)
def test_wrong_type_fails_at_the_top(tmp_path: Path, name: str, value: object, expected: str) -> None:
    with pytest.raises(pm.PapermillExecutionError) as info:
        _run(tmp_path, **{name: value})
    err = info.value
    assert err.ename == "ParameterError"
    assert f"parameter '{name}' must be {expected}" in err.evalue
    assert err.source.startswith("import histkit as hk")  # the cell right after the parameters
