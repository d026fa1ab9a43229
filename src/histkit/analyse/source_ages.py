"""The age of the historiography: the year of each cited source against the years its passage tells.

To add a class of source, extend :data:`histkit.analyse.reconcile.ARCHIVAL_KINDS` or
:func:`source_classes`, with a test.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from histkit.analyse.reconcile import ARCHIVAL_KINDS
from histkit.analyse.sentences import sentence_span
from histkit.core.errors import SeedError
from histkit.extract.citations import _PAREN, parse_group
from histkit.extract.references import Reference
from histkit.text.ingest import Article

_ANY_YEAR = re.compile(r"\b(?P<year>1[5-9]\d\d|20\d\d)\b")


def _years_in(text: str, low: int, high: int) -> list[int]:
    """Years named in a passage, citation groups left out (their years are publication years)."""
    text = _PAREN.sub(lambda m: "" if parse_group(m.group(1)) else m.group(), text)
    return sorted({int(y) for y in _ANY_YEAR.findall(text) if low <= int(y) <= high})


def _citing_sentence(article: Article, element: object, gs: int, ge: int) -> str:
    """The verbatim sentence around the citation group ``[gs, ge)`` (see :func:`sentence_span`)."""
    a, b = next(((a, b) for a, b in element.pieces if a <= gs and ge <= b), (element.start, element.end))
    lo, hi = sentence_span(article.text, a, b, gs, ge)
    return article.text[lo:hi]


def gap_summary(ages: pd.DataFrame) -> pd.DataFrame:
    """Per class of source: citations with a gap, and the least, median and greatest gap in years.

    The median is written with one decimal (a median of two gaps can fall between whole years).
    """
    known = ages.dropna(subset=["gap"])
    gaps = known.groupby("source_class")["gap"]
    return pd.DataFrame(
        {
            "citations": gaps.size(),
            "least gap": gaps.min().astype(int),
            "median gap": gaps.median().map(lambda v: f"{v:.1f}"),
            "greatest gap": gaps.max().astype(int),
        }
    )


def story_period(article: Article) -> tuple[int, int]:
    """The years of the story: the earliest and the latest year the article's body names.

    Years inside citation groups are left out (they are publication years, not events); every
    other year of a paragraph or block quotation counts, e.g. a protagonist's birth or death.

    Raises
    ------
    SeedError
        If the body names no year outside its citations (the period cannot be read).

    """
    # Derived from the text rather than a notebook parameter: the span of the story is a fact of
    # the article, and a hand-typed span (it was 1900-1945) silently dropped the events the
    # article tells after it, Borodin's arrest in 1949 and death in 1951. The bound still keeps
    # out any year written only in a citation, which is the source's, not the event's.
    years = [y for e in article.of_kind("paragraph", "blockquote") for y in _years_in(e.text, 1500, 2099)]
    if not years:
        raise SeedError(
            f"seed {article.seed_id!r}: the article's body names no year outside its citations, so the "
            "years of the story cannot be read; pass period=(first, last) to source_ages"
        )
    return min(years), max(years)


def source_ages(
    reconciled: pd.DataFrame,
    refs: Sequence[Reference],
    article: Article,
    period: tuple[int, int] | None = None,
) -> pd.DataFrame:
    """For each matched citation: the years of the events its passage tells and the source's year.

    The events a source documents are read from the sentence that cites it: the years it names
    inside ``period`` (the years of the story; default :func:`story_period`); if it names none, from
    its own paragraph. Never from the passage before, which tells of something else (only a block
    quotation is dated by the paragraph that introduces it). ``gap`` is the source's first year
    minus the latest event year; empty when neither names a year.
    """
    if period is None:
        if not any(_years_in(e.text, 1500, 2099) for e in article.of_kind("paragraph", "blockquote")):
            # A body that names no year has no events to date its sources against: no rows, not an error.
            return pd.DataFrame(columns=AGE_COLUMNS)
        period = story_period(article)
    by_id = {r.ref_id: r for r in refs}
    elements = article.of_kind("paragraph", "blockquote")
    index = {e.element_id: i for i, e in enumerate(elements)}
    rows = []
    for c in reconciled[reconciled["ref_id"] != ""].itertuples(index=False):
        i = index[c.element_id] if c.element_id in index else None
        years: list[int] = []
        source = ""
        if i is not None:
            element = elements[i]
            if element.kind == "blockquote":
                # a quotation tells what it quotes, dated by the paragraph that introduces it
                years = _years_in(element.text, *period)
                if not years and i > 0 and elements[i - 1].section == element.section:
                    years = _years_in(elements[i - 1].text, *period)
            else:
                # the sentence the citation closes, else its own paragraph; never the paragraph before:
                # "(KATZ, 1981)" documents Pestkovsky's retreat, not Borodin's arrest told just before
                sentence = _citing_sentence(article, element, int(c.group_start), int(c.group_end))
                years = _years_in(sentence, *period) or _years_in(element.text, *period)
            source = element.element_id if years else ""
        ref = by_id[c.ref_id]
        archival = ref.kind in ARCHIVAL_KINDS
        rows.append(
            {
                "citation_id": c.citation_id,
                "ref_id": c.ref_id,
                "key": ref.key,
                "section": c.section,
                "stage": c.stage,
                "published": ref.year_first,
                "event_years": ";".join(str(y) for y in years),
                "event_first": min(years) if years else None,
                "event_last": max(years) if years else None,
                "gap": (ref.year_first - max(years)) if years and ref.year_first else None,
                "years_from": source,
                "source_class": "archival" if archival else "published",
                "seed": c.seed,
                "start": c.start,
                "end": c.end,
                "quote": c.quote,
            }
        )
    # With no matched citation (a damaged or reordered text) the table is empty but keeps its columns.
    frame = pd.DataFrame(rows, columns=AGE_COLUMNS)
    for column in ("event_first", "event_last", "gap", "stage", "section", "published"):
        frame[column] = frame[column].astype("Int64")
    return frame


AGE_COLUMNS = ["citation_id", "ref_id", "key", "section", "stage", "published", "event_years", "event_first",
               "event_last", "gap", "years_from", "source_class", "seed", "start", "end", "quote"]


def source_classes(reconciled: pd.DataFrame, refs: Sequence[Reference]) -> pd.DataFrame:
    """Count references and citations per kind of source, with the archival/published class."""
    rows = []
    kinds = sorted({r.kind for r in refs})
    for kind in kinds:
        ids = [r.ref_id for r in refs if r.kind == kind]
        rows.append(
            {
                "source_class": "archival" if kind in ARCHIVAL_KINDS else "published",
                "kind": kind,
                "references": len(ids),
                "cited_references": reconciled.loc[reconciled["ref_id"].isin(ids), "ref_id"].nunique(),
                "citations": int(reconciled["ref_id"].isin(ids).sum()),
            }
        )
    return pd.DataFrame(rows).sort_values(["source_class", "kind"], ignore_index=True)


def languages(reconciled: pd.DataFrame, refs: Sequence[Reference]) -> pd.DataFrame:
    """Count references and citations per language of the source's title (``und``: undetermined)."""
    rows = []
    for lang in sorted({r.language for r in refs}):
        ids = [r.ref_id for r in refs if r.language == lang]
        rows.append({"language": lang, "references": len(ids), "citations": int(reconciled["ref_id"].isin(ids).sum())})
    return pd.DataFrame(rows).sort_values(["references", "language"], ascending=[False, True], ignore_index=True)
