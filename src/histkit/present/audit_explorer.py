"""The citation explorer: pick a reference, read every passage that cites it, in context."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

from histkit.analyse.audit import Audit
from histkit.analyse.passages import citing_passages, most_cited_ref
from histkit.present.display import ReaderTable, reader_table
from histkit.present.section_names import place, section_places
from histkit.text.ingest import Article

if TYPE_CHECKING:
    import ipywidgets as widgets


def _passages_html(passages: pd.DataFrame, title: str, places: dict[int, str] | None = None) -> str:
    from html import escape

    if passages.empty:
        return f"<p><b>{escape(title)}</b>: never cited in author-date form.</p>"
    items = "".join(
        f"<li>{escape(place(p.section, places or {}))}, line {p.line}: {escape(p.before)}{_gap(p.before_gap)}"
        f"<mark><b>{escape(p.citation)}</b></mark>{_gap(p.after_gap)}{escape(p.after)}</li>"
        for p in passages.itertuples(index=False)
    )
    return f"<p><b>{escape(title)}</b></p><ol>{items}</ol>"


def _gap(spaced: bool) -> str:
    # as the article prints it: "(BARTRA, 1986, p. 321)." has no space before the period
    return " " if spaced else ""


def explorer_options(audit: Audit) -> list[tuple[str, str]]:
    """Dropdown labels and values: one per reference, in list order, with its citation count."""
    return [
        (f"{r.key} {r.year} ({r.cited} citation{'s' if r.cited != 1 else ''})", r.ref_id)
        for r in audit.references.itertuples(index=False)
    ]


def make_explorer(audit: Audit, article: Article, ref_id: str = "", context: int = 160) -> widgets.VBox:
    """Return an ipywidgets box: pick a reference, read every passage that cites it, in context.

    Parameters
    ----------
    audit : Audit
        From :func:`run_audit`.
    article : Article
        The ingested article.
    ref_id : str
        The reference shown first; default the most cited one.
    context : int
        Characters of text shown either side of a citation.

    """
    import ipywidgets as widgets

    class _Explorer(widgets.VBox):
        # A saved notebook keeps a widget's text/plain beside its view; the default VBox repr
        # lists every child and option, which is unreadable and changes between ipywidgets
        # versions, so nbval would flag it. One fixed sentence instead.
        def __repr__(self) -> str:
            return "Citation explorer: run the notebook in JupyterLab to pick a reference and read its citing passages."

    refs = audit.references.set_index("ref_id")
    first = ref_id or most_cited_ref(audit)
    places = section_places(article)  # "section 3.1", "Introdução": as the headings print them

    def html_for(rid: str) -> str:
        title = f"{refs.loc[rid, 'key']} {refs.loc[rid, 'year']}. {refs.loc[rid, 'title']}"
        return _passages_html(citing_passages(audit, article, rid, context), title, places)

    picker = widgets.Dropdown(options=explorer_options(audit), value=first, description="Reference")
    view = widgets.HTML(value=html_for(first))

    def on_change(change: dict) -> None:
        view.value = html_for(change["new"])

    picker.observe(on_change, names="value")
    return _Explorer([picker, view])


def findings_view(findings: pd.DataFrame) -> ReaderTable:
    """The editor's queries as a reader reads them: footnote items and paragraphs by number and line.

    The findings table (and its CSV) names them by id ("fn2.3", "s1p01"); the view says "footnote
    2, item 3" and "the paragraph at line 27".
    """
    def words(text: str) -> str:
        text = re.sub(r"\bfn(\d+)\.(\d+)\b", r"footnote \1, item \2", str(text))
        text = re.sub(r"\bin s\d+p\d+ \(line (\d+)\)", r"in the paragraph at line \1", text)
        return re.sub(r"\bs\d+p\d+\b", "a paragraph", text)

    shown = findings.assign(subject=findings["subject"].map(words), detail=findings["detail"].map(words))
    return reader_table(shown, ["kind", "subject", "detail", "line"])


def listed_by(row: object) -> str:
    """Who an entry of the list is by, as a reader reads it: authors, else editors "(ed.)", else the archive.

    "BARTRA, A. (ed.)" for an edited book, "AHSRE (Acervo Histórico de la Secretaría de Relaciones
    Exteriores)" for an archival document with no personal author.
    """
    authors, editors = getattr(row, "authors", ""), getattr(row, "editors", "")
    if isinstance(authors, str) and authors:
        return authors
    if isinstance(editors, str) and editors:
        return f"{editors} ({'eds.' if ';' in editors else 'ed.'})"
    acronym, archive = getattr(row, "archive_acronym", ""), getattr(row, "archive", "")
    if isinstance(archive, str) and archive and archive != acronym:
        return f"{acronym} ({archive})" if isinstance(acronym, str) and acronym else archive
    return acronym if isinstance(acronym, str) else ""


def references_view(references: pd.DataFrame) -> ReaderTable:
    """The reference list, entry by entry, with who each entry is by (:func:`listed_by`), never blank."""
    shown = references.assign(authors=[listed_by(r) for r in references.itertuples(index=False)])
    return reader_table(shown, ["authors", "year", "title", "kind", "language", "cited", "line"])
