"""The committed examples: the generic workbook executed on an article nobody curated.

An example is a seed under ``seeds/<name>/`` with a folder ``examples/<name>/`` beside the project's
``notebooks/``. ``histkit freeze`` writes the generic notebooks there with the seed injected as papermill does
(a cell tagged ``injected-parameters``), then executes them in place, so nbval keeps them honest like the
first article's. Their outputs go under ``build/examples/<name>/``, never into ``figures/``.
"""

from __future__ import annotations

import json
from pathlib import Path

from histkit.core.files import atomic_write, ensure_dir
from histkit.run import workbooks

FOLDER = "examples"
INJECTED_ID = "injected-parameters"


def example_names(root: Path) -> list[str]:
    """The examples of the project: folders of ``examples/`` whose name is a seed under ``seeds/``."""
    folder = root / FOLDER
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and (root / "seeds" / p.name).is_dir())


def parameters_for(name: str) -> dict[str, str]:
    """What an example's notebooks are given: its seed, and output folders of its own under ``build/``."""
    base = f"build/{FOLDER}/{name}"
    return {"seed": name, "figures_dir": f"{base}/figures", "tables_dir": f"{base}/tables",
            "exports_dir": f"{base}/exports"}


def write_example(root: Path, name: str) -> list[Path]:
    """Write ``examples/<name>/`` afresh from the generic workbook, parameters injected; return the notebooks."""
    import nbformat
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    target = ensure_dir(root / FOLDER / name)
    made = []
    for source in workbooks.notebooks_in(workbooks.GENERIC):
        nb = load_notebook_node(str(source))  # as papermill reads it (every cell with its tags list)
        declared = _declared(nb)
        given = {k: v for k, v in parameters_for(name).items() if k in declared}
        nb = parameterize_notebook(nb, given, report_mode=False, comment="Parameters of this example")
        for cell in nb.cells:
            if "injected-parameters" in cell.metadata.get("tags", []):
                cell["id"] = INJECTED_ID  # papermill's id is random; a committed notebook holds none
        nb.metadata.pop("papermill", None)
        for cell in nb.cells:  # the empty tag lists papermill added are no part of the template
            if not cell.metadata.get("tags"):
                cell.metadata.pop("tags", None)
        path = target / source.name
        atomic_write(path, nbformat.writes(nb) + "\n")
        made.append(path)
    for stale in sorted(set(workbooks.notebooks_in(target)) - set(made)):
        stale.unlink()
    return made


def _declared(nb: object) -> set[str]:
    for cell in nb.cells:  # type: ignore[attr-defined]
        if "parameters" in cell.metadata.get("tags", []):
            return {line.split(":")[0].split("=")[0].strip() for line in cell.source.splitlines()
                    if line.strip() and not line.lstrip().startswith("#")}
    return set()


def template_cells(path: Path) -> list[tuple[str, str]]:
    """An example notebook's cells as (kind, source), without the injected cell: to compare with the template."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(c["cell_type"], "".join(c["source"])) for c in cells
            if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
