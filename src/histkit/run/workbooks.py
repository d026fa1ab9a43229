"""Which notebooks a build runs for a seed.

Three kinds of workbook, chosen in this order:

1. **The seed's own notebooks**, in ``<seed>/notebooks/``: an author's edited workbook (``histkit new
   --notebooks`` copies the generic one there as a starting point).
2. **The project's authored workbook**, ``notebooks/``, for the seed its notebooks name as their default
   (the first article's curated workbook in this repository).
3. **The generic workbook** shipped inside the package (``histkit/workbook/``): notebooks whose every
   sentence is true of any article, and whose article-specific words come from the article through code.

The generic notebooks hold no outputs and no seed of their own: the runner always gives them one.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

from histkit.core.errors import ParameterError, SeedError
from histkit.core.files import atomic_write, ensure_dir
from histkit.core.paths import resolve_seed_dir

GENERIC = Path(__file__).resolve().parent.parent / "workbook"
PATTERN = "[0-9][0-9]-*.ipynb"


def notebooks_in(folder: Path) -> list[Path]:
    """The notebooks of a workbook folder (``NN-name.ipynb``), in name order."""
    return sorted(folder.glob(PATTERN)) if folder.is_dir() else []


def declared_seed(notebook: Path) -> str | None:
    """The default of the ``seed`` parameter in a notebook's ``parameters`` cell, or None.

    Read from the cell's source with :mod:`ast` (no kernel, no papermill): it only needs the literal.
    """
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return None
    for cell in cells:
        if "parameters" not in cell.get("metadata", {}).get("tags", []):
            continue
        source = "".join(cell.get("source", []))
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return None
        for node in tree.body:
            target = node.target if isinstance(node, ast.AnnAssign) else (
                node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None)
            value = getattr(node, "value", None)
            if isinstance(target, ast.Name) and target.id == "seed" and isinstance(value, ast.Constant):
                return str(value.value)
        return None
    return None


def workbook_for(root: Path, seed: Path | None) -> Path:
    """The folder of the notebooks to run for ``seed`` (None: the project's default workbook)."""
    project = root / "notebooks"
    if seed is None:
        return project
    if notebooks_in(seed / "notebooks"):
        return seed / "notebooks"
    authored = notebooks_in(project)
    if authored:
        named = declared_seed(authored[0])
        if named and resolve_seed_dir(named, root).resolve() == seed.resolve():
            return project
    return GENERIC


def kind_of(folder: Path, root: Path) -> str:
    """A reader's name for a workbook folder: "generic", "authored" or "the seed's own"."""
    if folder.resolve() == GENERIC.resolve():
        return "generic"
    if folder.resolve() == (root / "notebooks").resolve():
        return "authored"
    return "the seed's own"


def copy_generic(seed: Path) -> list[Path]:
    """Copy the generic workbook into ``<seed>/notebooks/`` for its author to edit; return the copies.

    Each copy's ``seed`` parameter defaults to this seed's folder name, so the notebook also runs when
    opened alone in JupyterLab from inside the project.

    Raises
    ------
    SeedError
        If the seed already has notebooks of its own (they are never overwritten).
    """
    target = seed / "notebooks"
    if notebooks_in(target):
        raise SeedError(f"{target} already holds notebooks; remove them first to start again from the generic ones")
    ensure_dir(target)
    made = []
    for source in notebooks_in(GENERIC):
        nb = json.loads(source.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if "parameters" in cell.get("metadata", {}).get("tags", []):
                text = "".join(cell["source"]).replace('seed: str = ""', f"seed: str = {json.dumps(seed.name)}")
                cell["source"] = text.splitlines(keepends=True)
        copy = target / source.name
        atomic_write(copy, json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
        made.append(copy)
    return made


def require_generic() -> None:
    """Fail plainly when the package was installed without its generic notebooks."""
    if not notebooks_in(GENERIC):
        raise ParameterError(f"the generic workbook is missing from the installed package ({GENERIC}); "
                             "reinstall histkit")
