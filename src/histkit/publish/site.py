"""``histkit site``: a static reading copy of one run of the workbook, in that run's ``site/`` (``build/site/``).

For readers without Python (a seminar's participants before the session, a reviewer, an editor). Made
with nbconvert's HTML exporter and its JupyterLab template (extended in ``templates/histkit-site``, with
nothing loaded from the network), it holds:

- ``index.html``: each notebook's question and its figures;
- ``NN-name.html``: each notebook as the run's last ``histkit build`` executed it, where every quote in a
  table links to its place in the article;
- ``article.html``: the verbatim article, every quoted span anchored (``#q-<start>-<end>``, code
  points into ``article.txt``) with links back to the table cells that quote it;
- ``tables/``: the run's CSV tables.

Everything on the pages comes from the run: its notebooks, its tables, and its seed (title, authors and their
affiliations from ``seed.toml``, the verbatim ``article.txt``).

The pages hold no date, version or random id: two runs on the same build write the same bytes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from histkit.publish.executed import Run, quiet_build, write_tree
from histkit.publish.quotes import QuoteIndex
from histkit.publish.site_article import article_html, typesetting_marks
from histkit.publish.site_tables import QuoteRef, link_quotes
from histkit.text.ingest import parse_article
from histkit.text.seed import Seed, read_seed

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TEMPLATES = Path(__file__).resolve().parent / "templates"
ARTICLE = "article.html"
INDEX = "index.html"


@dataclass(frozen=True)
class Site:
    """What ``histkit site`` wrote."""

    folder: Path
    pages: tuple[str, ...]
    quotes: int
    misses: tuple[str, ...]


def _exporter(exclude_input: bool) -> Any:
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    config.HTMLExporter.template_name = "histkit-site"
    config.TemplateExporter.exclude_input = exclude_input
    return HTMLExporter(config=config)


def _render(nb: Any, page: str, title: str, nav: list[tuple[str, str]], exclude_input: bool = False) -> str:
    nb.metadata["title"] = title
    # A widget needs a kernel, and its view names a random model id: the page shows its text/plain
    # note instead (as `histkit freeze` stores it).
    nb.metadata.pop("widgets", None)
    for number, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{number}"  # papermill's injected cell has a new random id on every run
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
    body, _ = _exporter(exclude_input).from_notebook_node(
        nb, resources={"histkit_nav": nav, "histkit_page": page, "metadata": {"name": title}}
    )
    return body


def _heading(nb: Any) -> tuple[str, str]:
    """The notebook's level-1 heading and its question (the first markdown cell's ``**Question.**`` paragraph)."""
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", first) if p.strip()]
    title = paragraphs[0].lstrip("#").strip() if paragraphs and paragraphs[0].startswith("#") else ""
    question = next((p for p in paragraphs if p.startswith("**Question")), paragraphs[1] if len(paragraphs) > 1 else "")
    return title, question


def _link_tables(nb: Any, page: str, stem: str, index: QuoteIndex) -> tuple[list[QuoteRef], list[str]]:
    refs: list[QuoteRef] = []
    misses: list[str] = []
    for number, cell in enumerate(nb.cells):
        for o, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            if "<table" not in data.get("text/html", ""):
                continue
            linked = link_quotes(data["text/html"], index, page, f"c{number}-o{o}", f"{stem}, cell {number + 1}")
            data["text/html"] = linked.html
            refs += linked.refs
            misses += linked.misses
    return refs, misses


def _figures(nb: Any) -> list[Any]:
    import nbformat

    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                found.append(nbformat.v4.new_output("display_data", data={
                    "image/png": data["image/png"], "text/plain": data.get("text/plain", "a figure")}))
    return found


def _esc(text: str) -> str:
    """Escape text for a markdown cell: ``<``, ``>`` and ``&`` as entities, apostrophes kept."""
    return html.escape(text, quote=False)


def _title_author(seed: Seed) -> tuple[str, str]:
    """The article's title and authors as seed.toml records them (saying so where it records none)."""
    meta = seed.bibliographic
    authors = [a.strip() for a in str(meta.get("author", "")).split(";") if a.strip()]
    if not authors:
        names = "seed.toml names no author"
    else:
        names = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
    return str(meta.get("title") or f"{seed.seed_id} (seed.toml records no title)"), names


def byline(seed: Seed) -> str:
    """The authors, then the affiliations seed.toml records in brackets (``histkit new`` takes them from the text)."""
    affiliation = str(seed.bibliographic.get("affiliation") or "")
    names = _title_author(seed)[1]
    return f"{names} ({affiliation})" if affiliation else names


def _article_page(seed: Seed, index: QuoteIndex, refs: list[QuoteRef]) -> Any:
    """The article page as a notebook: a heading, then the verbatim text as one HTML output."""
    import nbformat

    title, author = _title_author(seed)[0], byline(seed)
    marks = typesetting_marks(seed.text, parse_article(seed.text, seed.seed_id, str(seed.article_path)).repairs)
    page = nbformat.v4.new_notebook()
    page.cells = [
        nbformat.v4.new_markdown_cell(
            f"# {_esc(title)}\n\n{_esc(author)}. The verbatim text of `{_esc(seed.article_path.name)}` in the seed "
            f"folder `{_esc(seed.folder.name)}` (SHA-256 `{seed.sha256[:16]}...`). A shaded passage is quoted in a "
            "table of the notebooks. The small links after its start (↩00, ↩01, ...) lead back to those tables, "
            "by the notebook's number (00 is the overview). A link from a table lands on its passage, marked in "
            "yellow. What the conversion left of the typesetting (asterisks, `>` marks, a backslash before a "
            "dollar sign) is kept in the page but not shown: the words are set in italics or bold, as printed."
        ),
        nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
            "display_data", data={"text/html": article_html(index, refs, marks), "text/plain": seed.text})]),
    ]
    return page


def _landing_page(
    seed: Seed, pages: list[str], notebooks: list[Any], headings: list[tuple[str, str]], tables: list[Path]
) -> Any:
    """The landing page as a notebook: each notebook's question and figures, then the tables."""
    import nbformat

    title, author = _title_author(seed)
    landing = nbformat.v4.new_notebook()
    landing.cells = [nbformat.v4.new_markdown_cell(
        f"# A reading copy of the workbook on {_esc(author)}, *{_esc(title)}*\n\n"
        f"Each notebook as the last `histkit build` executed it, and [the article itself]({ARTICLE}). "
        "Every quote in a table links to its place in the article, and the article links back to the tables "
        "that quote it. The tables are also [CSV files](#tables)."
    )]
    for page, nb, (heading, question) in zip(pages, notebooks, headings, strict=True):
        landing.cells.append(nbformat.v4.new_markdown_cell(f"## [{heading or page}]({page})\n\n{question}"))
        figures = _figures(nb)
        if figures:
            landing.cells.append(nbformat.v4.new_code_cell(outputs=figures))
    landing.cells.append(nbformat.v4.new_markdown_cell(
        '<h2 id="tables">Tables</h2>\n\n' + "\n".join(f"- [{_esc(p.name)}](tables/{_esc(p.name)})" for p in tables)
    ))
    return landing


def build_site(run: Run, out: Path | None = None) -> Site:
    """Write the static site of a finished run into ``out`` (default: the run's ``site/``).

    Raises
    ------
    OutputError
        If an exported table no longer quotes the article exactly, the folder cannot be written, or a build
        is running (the command waits for no build: run it again when the build has finished).

    """
    with quiet_build(run.root):
        return _write_site(run, out or run.base / "site")


def _write_site(run: Run, out: Path) -> Site:
    import nbformat

    paths = list(run.notebooks)
    seed = read_seed(run.seed)
    tables = sorted(run.tables.glob("*.csv"))
    index = QuoteIndex.from_tables(seed.text, tables, seed.seed_id)
    notebooks = [nbformat.read(p, as_version=4) for p in paths]
    headings = [_heading(nb) for nb in notebooks]
    pages = [f"{p.stem}.html" for p in paths]
    nav = [(INDEX, "Overview"), *((page, h[0] or page) for page, h in zip(pages, headings, strict=True)),
           (ARTICLE, "The article")]
    files: dict[str, bytes | str] = {}
    refs: list[QuoteRef] = []
    misses: list[str] = []
    for path, page, nb in zip(paths, pages, notebooks, strict=True):
        found, missed = _link_tables(nb, page, path.stem, index)
        refs += found
        misses += missed
    for path, page, nb, (title, _) in zip(paths, pages, notebooks, headings, strict=True):
        files[page] = _render(nb, page, title or path.stem, nav)

    title = _title_author(seed)[0]
    files[ARTICLE] = _render(_article_page(seed, index, refs), ARTICLE, title, nav, exclude_input=True)
    landing = _landing_page(seed, pages, notebooks, headings, tables)
    files[INDEX] = _render(landing, INDEX, f"histkit: {title}", nav, exclude_input=True)
    for path in tables:
        files[f"tables/{path.name}"] = path.read_bytes()
    write_tree(out, files)
    return Site(out, tuple(sorted(p for p in files if p.endswith(".html"))), len(refs), tuple(misses))
