"""``histkit export jdh``: one run's executed notebooks as a Journal of Digital History submission, in its ``jdh/``.

For authors submitting the workbook to the JDH (https://journalofdigitalhistory.org). The rules below are the
journal's, from its author template, its preflight and its frontend (which reads the cells' tags, the cover
cell's image output and cite2c's citations). Each notebook is rewritten from the run's executed copy (the one
``histkit site`` shows):

- the mandatory cells, tagged ``title``, ``cover``, ``contributor`` (one per author), ``copyright``,
  ``keywords`` and ``abstract``, from the article and ``seed.toml`` (:mod:`histkit.publish.jdh_front`);
- the cover: the notebook's first figure as an image file, ``media/<notebook>-cover.png``, shown by a code cell
  tagged ``cover`` as the JDH's template does (the article gives no image; a note says so);
- every citation in the prose as a cite2c citation of the run's reconciled bibliography, the article itself
  cited in the abstract cell, a hidden bibliography cell (:mod:`histkit.publish.jdh_cite`);
- only the JDH's tags: ``parameters`` (papermill's) is dropped, the setup cells (the parameters and the imports
  before the first section) are ``hidden`` with their source hidden (``jupyter.source_hidden``);
- each cell with a table output tagged ``table-N`` and each with a figure ``figure-N``, numbered in order;
- every output offered as ``text/html`` (a plain-text output gets an escaped ``<pre>`` beside it);
- one level-1 heading: the leading comment of a code cell moves into a markdown cell before it.

The folder runs on its own (:mod:`histkit.publish.jdh_package`): histkit's wheel, the seed folder under
``seeds/``, ``requirements.txt`` that installs both, ``runtime.txt``; the parameters cell names the seed by its
folder and writes into ``outputs/``, and a setup cell makes the notebooks' folder the workbook's root.
"""

from __future__ import annotations

import ast
import base64
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from histkit.publish import jdh_cite, jdh_front, jdh_package
from histkit.publish.executed import Run, quiet_build, write_tree
from histkit.publish.jdh_front import Front, md
from histkit.text.seed import read_seed

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TABLE = re.compile(r"<table\b", re.IGNORECASE)
#: Where the re-run notebooks write, inside the exported folder.
OUTPUTS = {"figures_dir": "outputs/figures", "tables_dir": "outputs/tables", "exports_dir": "outputs/exports"}
ROOT_CELL = (
    "import os\n\n"
    'os.environ["HISTKIT_ROOT"] = os.getcwd()  # this folder holds seeds/ and receives outputs/'
)


@dataclass(frozen=True)
class Export:
    """What ``histkit export jdh`` wrote, and what it had to stand in for."""

    folder: Path
    notebooks: tuple[str, ...]
    notes: tuple[str, ...]


def _first_png(nb: Any) -> str | None:
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                return png if isinstance(png, str) else "".join(png)
    return None


def cover_cell(nb: Any, stem: str, front: Front) -> tuple[Any, dict[str, bytes], list[str]]:
    """The ``cover`` cell and its image file: the notebook's first figure, shown as the JDH's template shows one."""
    import nbformat

    png = _first_png(nb)
    if not png:
        return (md(f"*{jdh_front.esc(front.title)}*: the article gives no image, and this notebook draws no figure.",
                   "cover"), {}, [f"cover: {stem} draws no figure and the article gives no image; the cover cell "
                                  "says so"])
    path = f"media/{stem}-cover.png"
    cell = nbformat.v4.new_code_cell(f'from IPython.display import Image, display\n\ndisplay(Image("./{path}"))')
    cell.metadata["tags"] = ["cover"]
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "image/png": png, "text/plain": "<IPython.core.display.Image object>"})]
    return cell, {path: base64.b64decode(png, validate=True)}, [
        "cover: the article gives no cover image; each notebook's first figure stands in, "
        "as media/<notebook>-cover.png"]


def _split_heading(source: str) -> tuple[str, str]:
    """The level-1 heading of the first markdown cell, and the rest of the cell (the question, the method...)."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", source) if p.strip()]
    heading = paragraphs[0].lstrip("#").strip() if paragraphs and paragraphs[0].startswith("# ") else ""
    rest = paragraphs[1:] if heading else paragraphs
    return heading, "\n\n".join(rest)


def _html_outputs(cell: Any) -> None:
    """Offer every output as HTML: plain text and printed streams get an escaped ``<pre>`` beside them."""
    import nbformat

    outputs = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        data.pop(WIDGET_VIEW, None)
        if output.get("output_type") == "stream" and output.get("name") == "stdout":
            text = output.get("text", "")
            output = nbformat.v4.new_output("display_data", data={"text/plain": text})
            data = output["data"]
        if "text/plain" in data and not ({"text/html", "image/png", "image/svg+xml"} & set(data)):
            text = data["text/plain"] if isinstance(data["text/plain"], str) else "".join(data["text/plain"])
            data["text/html"] = f"<pre>{html.escape(text)}</pre>"
        outputs.append(output)
    cell["outputs"] = outputs


def _leading_comment(cell: Any) -> tuple[str, str]:
    """A code cell's leading ``#`` comment lines (as prose) and its source without them."""
    lines = cell.source.split("\n")
    taken = []
    while lines and lines[0].startswith("#"):
        taken.append(lines.pop(0).lstrip("#").strip())
    return " ".join(t for t in taken if t), "\n".join(lines)


def _assigned(source: str) -> dict[str, ast.expr]:
    """The names a cell assigns at its top level, with their value nodes."""
    found: dict[str, ast.expr] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            found[node.target.id] = node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = node.value
    return found


def run_parameters(nb: Any, seed_name: str) -> dict[str, Any]:
    """The values the run gave (papermill's injected cell), with the seed by its folder and outputs in this folder."""
    values: dict[str, Any] = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and "injected-parameters" in cell.metadata.get("tags", []):
            for name, node in _assigned(cell.source).items():
                try:
                    values[name] = ast.literal_eval(node)
                except ValueError:
                    continue
    return values | {"seed": seed_name} | OUTPUTS


def rewrite_parameters(source: str, values: dict[str, Any]) -> str:
    """The parameters cell with each declared value replaced by the run's (comments and types kept)."""
    lines = source.split("\n")
    for name, node in sorted(_assigned(source).items(), key=lambda kv: -kv[1].lineno):
        if name not in values or node.lineno != node.end_lineno:
            continue
        row = lines[node.lineno - 1]
        # ast's columns count UTF-8 bytes
        raw = row.encode("utf-8")
        new = raw[: node.col_offset] + repr(values[name]).encode("utf-8") + raw[node.end_col_offset:]
        lines[node.lineno - 1] = new.decode("utf-8")
    return "\n".join(lines)


def jdh_notebook(
    nb: Any, stem: str, front: Front, bib: jdh_cite.Bibliography, seed_name: str, article_item: dict[str, Any]
) -> tuple[Any, dict[str, bytes], list[str]]:
    """Rewrite one executed notebook to the JDH's rules (see the module's docstring); its media files and notes."""
    import nbformat

    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    values = run_parameters(nb, seed_name)
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown")
    heading, rest = _split_heading(nb.cells[first].source)
    title = f"{heading} · {front.title}" if heading and front.title else heading or front.title or stem
    cells = [md(f"# {jdh_front.esc(title)}", "title")]
    cover, media, notes = cover_cell(nb, stem, front)
    cells.append(cover)
    contributors, found = jdh_front.contributor_cells(front)
    cells += contributors
    notes += found
    for make in (jdh_front.copyright_cell, jdh_front.keywords_cell):
        cell, found = make(front)
        cells.append(cell)
        notes += found
    cell, found = jdh_front.abstract_cell(front, jdh_cite.cite(jdh_cite.ARTICLE_ID))
    cells.append(cell)
    notes += found
    used = {jdh_cite.ARTICLE_ID}
    if rest:
        cells.append(md(rest))
    # the setup: code cells after the introduction and before the first section heading
    setup_until = next((i for i, c in enumerate(nb.cells) if i > first and c.cell_type == "markdown"), len(nb.cells))
    tables = figures = 0
    for number, cell in enumerate(nb.cells):
        tags = cell.metadata.get("tags", [])
        if number == first or "injected-parameters" in tags:
            continue
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        hidden = cell.cell_type == "code" and number < setup_until
        if "parameters" in tags:
            root = nbformat.v4.new_code_cell(ROOT_CELL)
            root.metadata.update({"tags": ["hidden"], "jupyter": {"source_hidden": True}})
            cells.append(root)
            cell.source = rewrite_parameters(cell.source, values)
        tags = [t for t in tags if t != "parameters"]
        if cell.cell_type == "code":
            comment, source = _leading_comment(cell)
            if comment:
                cells.append(md(html.escape(comment, quote=False), *(["hidden"] if hidden else [])))
                cell.source = source
            _html_outputs(cell)
            outputs = [o.get("data", {}) for o in cell.outputs]
            if any(TABLE.search(d.get("text/html", "")) for d in outputs):
                tables += 1
                tags.append(f"table-{tables}")
            if any("image/png" in d or "image/svg+xml" in d for d in outputs):
                figures += 1
                tags.append(f"figure-{figures}")
        if hidden:
            tags.append("hidden")
            cell.metadata["jupyter"] = {**cell.metadata.get("jupyter", {}), "source_hidden": True}
        if tags:
            cell.metadata["tags"] = tags
        else:
            cell.metadata.pop("tags", None)
        cells.append(cell)
    for cell in cells:
        if cell.cell_type == "markdown" and not {"title", "contributor", "copyright", "keywords"} & set(
                cell.metadata.get("tags", [])):
            cell.source, cited = bib.cite_in(cell.source)
            used |= cited
    cells.append(md(jdh_cite.BIBLIOGRAPHY, "hidden"))
    for number, cell in enumerate(cells):
        cell["id"] = f"jdh-{number}"
    nb.cells = cells
    items = {jdh_cite.ARTICLE_ID: article_item} | bib.items
    nb.metadata["cite2c"] = {"citations": {i: items[i] for i in sorted(used)}}
    nbformat.validate(nb)
    return nb, media, notes


def export_jdh(run: Run, out: Path | None = None, licence: str = jdh_front.DEFAULT_LICENCE) -> Export:
    """Write the JDH copy of a finished run into ``out`` (default: the run's ``jdh/``).

    Raises
    ------
    ParameterError
        For a licence the JDH does not publish under.
    BuildError
        If histkit's wheel cannot be built from its source.
    OutputError
        If the folder cannot be written, or a build is running.

    """
    jdh_front.check_licence(licence)
    with quiet_build(run.root):
        return _write_jdh(run, out or run.base / "jdh", licence)


def _write_jdh(run: Run, out: Path, licence: str) -> Export:
    import nbformat

    seed = read_seed(run.seed)
    front = jdh_front.front_matter(seed, licence)
    bib = jdh_cite.load_bibliography(run.exports, run.tables)
    article = jdh_cite.for_jdh(jdh_cite.article_item(seed, front.authors, front.title))
    wheel_name, wheel = jdh_package.build_wheel()
    files: dict[str, bytes | str] = {wheel_name: wheel, **jdh_package.seed_files(seed.folder)}
    notes: list[str] = list(bib.notes)
    versions = set()
    for path in run.notebooks:
        nb, media, found = jdh_notebook(nbformat.read(path, as_version=4), path.stem, front, bib,
                                        seed.folder.name, article)
        files[path.name] = nbformat.writes(nb) + "\n"
        files.update(media)
        versions.add(str(nb.metadata.get("language_info", {}).get("version", "")))
        notes += [n for n in found if n not in notes]
    # The preflight compares runtime.txt, byte for byte, with "python-" and the notebooks' language version.
    files["runtime.txt"] = f"python-{sorted(versions)[-1]}"
    files["requirements.txt"] = jdh_package.requirements(wheel_name, wheel)
    write_tree(out, files)
    return Export(out, tuple(p.name for p in run.notebooks), tuple(notes))
