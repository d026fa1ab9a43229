"""Which notebooks a build runs for a seed: its own, the project's authored workbook, or the generic one."""

from __future__ import annotations

import json
import shutil

import pytest

from histkit.core.errors import SeedError
from histkit.run import examples, workbooks

from ..conftest import ROOT


def test_the_generic_workbook_ships_inside_the_package():
    names = [p.name for p in workbooks.notebooks_in(workbooks.GENERIC)]
    assert names == ["00-overview.ipynb", "01-chronology.ipynb", "02-numbers.ipynb", "03-citations.ipynb"]
    assert workbooks.GENERIC.parent.name == "histkit"


def test_generic_notebooks_hold_no_outputs_and_no_seed_of_their_own():
    for path in workbooks.notebooks_in(workbooks.GENERIC):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        assert all(not c.get("outputs") and c.get("execution_count") is None for c in cells if c["cell_type"] == "code")
        assert workbooks.declared_seed(path) == ""


def test_the_first_article_runs_its_authored_workbook(tmp_path):
    seed = ROOT / "seeds" / "spenser-bolsheviks-mexico"
    assert workbooks.workbook_for(ROOT, seed) == ROOT / "notebooks"
    assert workbooks.workbook_for(ROOT, None) == ROOT / "notebooks"


def test_an_uncurated_copy_of_the_first_article_runs_the_generic_workbook(tmp_path):
    copy = tmp_path / "spenser-copy"
    copy.mkdir()
    shutil.copy(ROOT / "seeds" / "spenser-bolsheviks-mexico" / "article.txt", copy)
    assert workbooks.workbook_for(ROOT, copy) == workbooks.GENERIC


def test_a_seed_with_notebooks_of_its_own_runs_them(tmp_path):
    seed = tmp_path / "mine"
    seed.mkdir()
    made = workbooks.copy_generic(seed)
    assert [p.name for p in made] == [p.name for p in workbooks.notebooks_in(workbooks.GENERIC)]
    assert workbooks.workbook_for(ROOT, seed) == seed / "notebooks"
    assert workbooks.declared_seed(made[0]) == "mine"  # runs alone in JupyterLab too
    with pytest.raises(SeedError, match="already holds notebooks"):
        workbooks.copy_generic(seed)  # an author's edits are never overwritten


def test_declared_seed_reads_the_parameters_cell_only():
    assert workbooks.declared_seed(ROOT / "notebooks" / "00-overview.ipynb") == "spenser-bolsheviks-mexico"


def test_each_committed_example_is_the_generic_workbook_with_its_seed_injected():
    names = examples.example_names(ROOT)
    assert names == ["mediacoes-cambiemos"]  # a CC BY article nobody curated (see its seed.toml)
    for name in names:
        committed = workbooks.notebooks_in(ROOT / "examples" / name)
        assert [p.name for p in committed] == [p.name for p in workbooks.notebooks_in(workbooks.GENERIC)]
        for path in committed:
            # the same cells as the package's notebook: `histkit freeze` rewrites them when the template changes
            assert examples.template_cells(path) == examples.template_cells(workbooks.GENERIC / path.name), path
            injected = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                        if "injected-parameters" in c.get("metadata", {}).get("tags", [])]
            assert len(injected) == 1 and f'seed = "{name}"' in "".join(injected[0]["source"])
            assert "build/examples/" in "".join(injected[0]["source"])  # never the committed figures/
        assert not list((ROOT / "seeds" / name).glob("*.yaml"))  # uncurated


def test_the_wheel_carries_the_generic_workbook(tmp_path):
    # a user who installs histkit without this repository gets the generic notebooks with the package
    import subprocess
    import sys
    import zipfile

    source = tmp_path / "source"  # a copy, so that setuptools' build/ folder never lands in the project's
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path), str(source)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("histkit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in workbooks.notebooks_in(workbooks.GENERIC):
        assert f"histkit/workbook/{path.name}" in names
    assert "histkit/run/workbooks.py" in names
