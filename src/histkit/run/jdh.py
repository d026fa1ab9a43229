"""``histkit export jdh``: the executed notebooks in the Journal of Digital History's format, in ``build/jdh/``.

For authors submitting the workbook to the JDH (https://journalofdigitalhistory.org), whose preflight
checks each notebook. Every rule below is one the JDH states; each notebook here is rewritten from the
executed copy of the last build (the same one ``histkit site`` shows):

- the mandatory cells, tagged ``title``, ``cover``, ``contributor``, ``copyright``, ``keywords`` and
  ``abstract``, written from the notebook's own heading and question, ``seed.toml`` and the article's
  front matter (nothing invented: where the article gives no licence or cover image, the cell says so and
  what stands in for it);
- only the JDH's tags: ``parameters`` (papermill's) is dropped, the setup cells (the parameters and the
  imports before the first section) are ``hidden`` with their source hidden (``jupyter.source_hidden``);
- each cell with a table output tagged ``table-N`` and each with a figure ``figure-N``, numbered in order;
- every output offered as ``text/html`` (a plain-text output gets an escaped ``<pre>`` beside it);
- one level-1 heading: the leading comment of a code cell (``# ...``, which the preflight reads as a
  heading) moves into a markdown cell before it;
- ``runtime.txt`` (``python-X.Y.Z`` of the kernel, as the preflight compares it) and ``requirements.txt``
  (the installed versions of histkit's dependencies) beside the notebooks.
"""

from __future__ import annotations

import base64
import html
import importlib.metadata
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from histkit.core.paths import DEFAULT_SEED, project_root, resolve_seed_dir
from histkit.run.executed import executed_notebooks, quiet_build, write_tree
from histkit.text.ingest import parse_article
from histkit.text.seed import Seed, read_seed

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TABLE = re.compile(r"<table\b", re.IGNORECASE)


@dataclass(frozen=True)
class Export:
    """What ``histkit export jdh`` wrote, and what it had to stand in for."""

    folder: Path
    notebooks: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Front:
    """The article's front matter and the workbook's credits, as the mandatory cells use them."""

    title: str
    author: str
    affiliation: str
    abstract: str
    keywords: tuple[str, ...]
    licence: str
    received: str
    approved: str
    contributors: str


def front_matter(seed: Seed) -> Front:
    """Read the mandatory cells' content from ``seed.toml`` and the article's front matter."""
    article = parse_article(seed.text, seed.seed_id, str(seed.article_path))
    meta = seed.bibliographic
    front = article.front
    try:
        contributors = importlib.metadata.metadata("histkit").get("Author") or "histkit contributors"
    except importlib.metadata.PackageNotFoundError:
        contributors = "histkit contributors"
    return Front(
        title=str(meta.get("title") or (front["title"].text if "title" in front else seed.seed_id)),
        author=str(meta.get("author", "")),
        affiliation=str(meta.get("affiliation", "")),
        abstract=front["abstract"].text if "abstract" in front else "",
        keywords=tuple(article.keywords.get("en", [])),
        licence=str(meta.get("licence", "")),
        received=front["received"].text if "received" in front else "",
        approved=front["approved"].text if "approved" in front else "",
        contributors=contributors,
    )


def _md(source: str, *tags: str, **metadata: Any) -> Any:
    import nbformat

    cell = nbformat.v4.new_markdown_cell(source)
    if tags:
        cell.metadata["tags"] = list(tags)
    cell.metadata.update(metadata)
    return cell


def _first_png(nb: Any) -> str | None:
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                return png if isinstance(png, str) else "".join(png)
    return None


def mandatory_cells(nb: Any, heading: str, question: str, front: Front) -> tuple[list[Any], list[str]]:
    """The six mandatory cells for one notebook, and notes on what stands in where the sources are silent."""
    def esc(text: str) -> str:
        return html.escape(text, quote=False)  # markdown text: <, > and & escaped, apostrophes kept

    notes = []
    cells = [_md(f"# {heading}", "title")]
    png = _first_png(nb)
    if png:
        cover = _md(f"![The notebook's first figure, as its cover]({'attachment:cover.png'})", "cover")
        cover["attachments"] = {"cover.png": {"image/png": png}}
        base64.b64decode(png, validate=False)  # fails loudly on a spoiled output
    else:
        cover = _md(f"*{esc(front.title)}*: the article gives no image, and this notebook draws no figure.", "cover")
    notes.append("cover: the article has no cover image; each notebook's first figure stands in for it")
    cells.append(cover)
    cells.append(_md(
        f"**{esc(front.contributors)}**, authors of the histkit workbook (as `CITATION.cff` names them), computing "
        f"from the article by **{esc(front.author)}** ({esc(front.affiliation)}).", "contributor"))
    licence = front.licence or "not stated in the source text"
    cells.append(_md(
        "The notebook's code: histkit, MIT licence. The article's text, quoted throughout: "
        f"{esc(front.author)}, *{esc(front.title)}*; its licence, as `seed.toml` records it: {esc(licence)}",
        "copyright"))
    notes.append(
        "copyright: the article states no licence; the cell says so and gives histkit's MIT licence for the code"
    )
    cells.append(_md("Keywords (the article's own): " + "; ".join(esc(k) for k in front.keywords) + ".", "keywords"))
    dates = f" (received {esc(front.received)}, approved {esc(front.approved)})" if front.received else ""
    abstract = "\n".join(f"> {line}" for line in esc(front.abstract).splitlines() if line.strip())
    cells.append(_md(
        f"{question}\n\nThe notebook computes from {esc(front.author)}, *{esc(front.title)}*{dates}, "
        f"whose abstract reads:\n\n{abstract}", "abstract"))
    return cells, notes


def _split_heading(source: str) -> tuple[str, str, str]:
    """The level-1 heading of the first markdown cell, its question paragraph, and the rest of the cell."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", source) if p.strip()]
    heading = paragraphs[0].lstrip("#").strip() if paragraphs and paragraphs[0].startswith("# ") else ""
    rest = paragraphs[1:] if heading else paragraphs
    question = next((p for p in rest if p.startswith("**Question")), rest[0] if rest else "")
    # the question opens the abstract cell; the narrative goes on from the method
    return heading, question, "\n\n".join(p for p in rest if p != question)


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


def jdh_notebook(nb: Any, front: Front) -> tuple[Any, list[str]]:
    """Rewrite one executed notebook to the JDH's rules (see the module's docstring)."""
    import nbformat

    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown")
    heading, question, rest = _split_heading(nb.cells[first].source)
    cells, notes = mandatory_cells(nb, heading or front.title, question, front)
    if rest:
        cells.append(_md(rest))
    # the setup: code cells after the introduction and before the first section heading
    setup_until = next((i for i, c in enumerate(nb.cells) if i > first and c.cell_type == "markdown"), len(nb.cells))
    tables = figures = 0
    for number, cell in enumerate(nb.cells):
        if number == first:
            continue
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        tags = [t for t in cell.metadata.get("tags", []) if t not in ("parameters", "injected-parameters")]
        hidden = cell.cell_type == "code" and number < setup_until
        if cell.cell_type == "code":
            comment, source = _leading_comment(cell)
            if comment:
                cells.append(_md(html.escape(comment, quote=False), *(["hidden"] if hidden else [])))
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
    for number, cell in enumerate(cells):
        cell["id"] = f"jdh-{number}"
    nb.cells = cells
    nbformat.validate(nb)
    return nb, notes


def requirements() -> str:
    """``requirements.txt``: histkit's dependencies at the versions installed for the build."""
    lines = [
        "# The versions the notebooks were executed with. The notebooks also import histkit itself,",
        "# which is not on PyPI: install it from the workbook's repository (pip install -e <checkout>).",
    ]
    for requirement in importlib.metadata.requires("histkit") or []:
        if "extra ==" in requirement:
            continue
        name = re.split(r"[<>=!~ ;\[]", requirement, maxsplit=1)[0]
        lines.append(f"{name}=={importlib.metadata.version(name)}")
    return "\n".join(lines) + "\n"


def export_jdh(root: Path | None = None, out: Path | None = None) -> Export:
    """Write the JDH copy of the executed workbook into ``out`` (default ``build/jdh/``).

    Raises
    ------
    BuildError
        If the workbook has not been built (no executed notebooks): run ``histkit build``.
    OutputError
        If the folder cannot be written, or a build is running.

    """
    root = root or project_root()
    with quiet_build(root):
        return _write_jdh(root, out or root / "build" / "jdh")


def _write_jdh(root: Path, out: Path) -> Export:
    import nbformat

    paths = executed_notebooks(root)
    front = front_matter(read_seed(resolve_seed_dir(DEFAULT_SEED, root)))
    files: dict[str, bytes | str] = {}
    notes: list[str] = []
    versions = set()
    for path in paths:
        nb, found = jdh_notebook(nbformat.read(path, as_version=4), front)
        files[path.name] = nbformat.writes(nb) + "\n"
        versions.add(str(nb.metadata.get("language_info", {}).get("version", "")))
        notes += [n for n in found if n not in notes]
    # The preflight compares runtime.txt, byte for byte, with "python-" and the notebooks' language version.
    files["runtime.txt"] = f"python-{sorted(versions)[-1]}"
    files["requirements.txt"] = requirements()
    write_tree(out, files)
    return Export(out, tuple(p.name for p in paths), tuple(notes))
