"""Tables of the ingested article, as pandas DataFrames with provenance columns.

Every row derived from the article carries ``seed``, ``start``, ``end`` and ``quote`` with
``article.text[start:end] == quote`` (docs/data-contract.md, section 3); :func:`check_provenance` proves it.
Rows are sorted by position, so the tables are the same on every run.
"""

from __future__ import annotations

import pandas as pd

from histkit.core.errors import HistkitError
from histkit.text.ingest import Article

PROVENANCE = ("seed", "start", "end", "quote")


def _pieces(pieces: list[tuple[int, int]]) -> str:
    return ";".join(f"{a}-{b}" for a, b in pieces)


def paragraphs_table(article: Article) -> pd.DataFrame:
    """One row per front-matter field, paragraph, block quote, footnote and reference entry.

    ``quote`` is the verbatim extent of the element (for a rejoined paragraph it includes what
    the page break put in between); ``pieces`` lists the verbatim spans actually used, and
    ``text`` is the repaired text.
    """
    rows = [
        {
            "seed": article.seed_id,
            "element_id": e.element_id,
            "kind": e.kind,
            "section": e.section,
            "section_title": e.section_title,
            "field": e.field,
            "line": article.line_of(e.start),
            "start": e.start,
            "end": e.end,
            "quote": article.text[e.start : e.end],
            "pieces": _pieces(e.pieces),
            "text": e.text,
            "notes": ";".join(str(n) for n in e.notes),
            "called_from": e.called_from,
            "words": e.words,
        }
        for e in article.elements
    ]
    frame = pd.DataFrame(rows).sort_values(["start", "element_id"], ignore_index=True)
    frame["section"] = frame["section"].astype("Int64")
    return frame


def repairs_table(article: Article) -> pd.DataFrame:
    """One row per repair of a conversion artefact, with the verbatim span it concerns."""
    rows = [
        {
            "seed": article.seed_id,
            "repair_id": f"r{i:03d}",
            "kind": r.kind,
            "element_id": r.element_id,
            "line": article.line_of(r.start),
            "start": r.start,
            "end": r.end,
            "quote": article.text[r.start : r.end],
            "replacement": r.replacement,
            "reason": r.reason,
        }
        for i, r in enumerate(article.repairs, start=1)
    ]
    return pd.DataFrame(rows)


def warnings_table(article: Article) -> pd.DataFrame:
    """One row per thing ingest could not tell from the text, with what it assumed instead.

    E.g. a text with no heading before its body, no reference-list heading, or a line inside
    the reference list read as a sub-heading rather than an entry.
    """
    rows = [
        {
            "seed": article.seed_id,
            "kind": w.kind,
            "line": article.line_of(w.start),
            "start": w.start,
            "end": w.end,
            "quote": article.text[w.start : w.end],
            "assumed": w.message,
        }
        for w in article.warnings
    ]
    return pd.DataFrame(rows, columns=["seed", "kind", "line", "start", "end", "quote", "assumed"])


def sections_table(article: Article) -> pd.DataFrame:
    """One row per section heading, with counts of what the section holds.

    ``words`` counts the repaired text of paragraphs and block quotes (not footnotes).
    """
    rows = []
    for s in article.sections:
        # by number: two sections may print the same heading (an appendix's own "REFERENCES" before the list's)
        inside = [e for e in article.elements if e.section == s.number and e.section_title == s.heading]
        body = [e for e in inside if e.kind in ("paragraph", "blockquote")]
        rows.append(
            {
                "seed": article.seed_id,
                "section": s.number,
                "title": s.title,
                "start": s.start,
                "end": s.end,
                "quote": article.text[s.start : s.end],
                "paragraphs": sum(e.kind == "paragraph" for e in inside),
                "blockquotes": sum(e.kind == "blockquote" for e in inside),
                "footnotes": sum(e.kind == "footnote" for e in inside),
                "references": sum(e.kind == "reference" for e in inside),
                "words": sum(e.words for e in body),
            }
        )
    frame = pd.DataFrame(rows)
    frame["section"] = frame["section"].astype("Int64")
    return frame


def check_provenance(frame: pd.DataFrame, text: str, name: str = "table") -> None:
    """Raise :class:`HistkitError` unless every row's quote is the text at its span.

    Parameters
    ----------
    frame : DataFrame
        A table with ``start``, ``end`` and ``quote`` columns.
    text : str
        The verbatim article text.
    name : str
        The table's name, for the message.

    """
    missing = [c for c in ("start", "end", "quote") if c not in frame.columns]
    if missing:
        raise HistkitError(f"{name}: provenance columns {missing} are missing")
    for row in frame.itertuples(index=True):
        if text[row.start : row.end] != row.quote:
            raise HistkitError(
                f"{name}: row {row.Index}: text[{row.start}:{row.end}] is "
                f"{text[row.start:row.end]!r}, not the quote {row.quote!r}"
            )
