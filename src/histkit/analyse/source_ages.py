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
from histkit.core.spans import Spans
from histkit.extract.citations import _PAREN, parse_group
from histkit.extract.date_words import not_dates
from histkit.extract.references import Reference
from histkit.text.ingest import Article

_ANY_YEAR = re.compile(r"\b(?P<year>1[5-9]\d\d|20\d\d)\b")


def _years_in(text: str, low: int, high: int, at: int = 0, cited: Spans | None = None) -> list[int]:
    """Years named in a passage, citation groups left out (their years are publication years).

    ``at`` is the passage's offset in the article and ``cited`` the spans of its citation groups as
    the audit found them, narrative ones included: the year of "Soares (2003)" is a source's, not an
    event's. Without them, parenthetical groups are still left out.
    """
    parens = Spans((m.start(), m.end()) for m in _PAREN.finditer(text) if parse_group(m.group(1)))
    # digits the dates table does not read as a year either: "rainfall between 1750 and 3000 mm", "Excel 2019", a DOI
    no_date = not_dates(text)
    return sorted({
        int(m.group()) for m in _ANY_YEAR.finditer(text)
        if low <= int(m.group()) <= high and not parens.contains(m.start(), m.end())
        and not no_date.overlaps(m.start(), m.end())
        and not (cited is not None and cited.contains(at + m.start(), at + m.end()))
    })


def _element_years(article: Article, element: object, low: int, high: int, cited: Spans | None) -> list[int]:
    """Years named in an element's verbatim pieces (see :func:`_years_in`)."""
    return sorted({y for a, b in element.pieces for y in _years_in(article.text[a:b], low, high, a, cited)})


def _citing_sentence(article: Article, element: object, gs: int, ge: int) -> tuple[int, str]:
    """Where the verbatim sentence around the citation group ``[gs, ge)`` starts, and the sentence."""
    a, b = next(((a, b) for a, b in element.pieces if a <= gs and ge <= b), (element.start, element.end))
    lo, hi = sentence_span(article.text, a, b, gs, ge)
    return lo, article.text[lo:hi]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined (a group may hold another's span), so that each character lies in one."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


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


def story_period(article: Article, cited: Spans | None = None) -> tuple[int, int]:
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
    years = [y for e in article.of_kind("paragraph", "blockquote")
             for y in _element_years(article, e, 1500, 2099, cited)]
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
    groups = reconciled[["group_start", "group_end"]].drop_duplicates().astype(int).itertuples(index=False)
    cited = Spans(_merged(sorted((a, b) for a, b in groups)))
    if period is None:
        if not any(_element_years(article, e, 1500, 2099, cited) for e in article.of_kind("paragraph", "blockquote")):
            # A body that names no year has no events to date its sources against: no rows, not an error.
            return pd.DataFrame(columns=AGE_COLUMNS)
        period = story_period(article, cited)
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
                years = _element_years(article, element, *period, cited)
                if not years and i > 0 and elements[i - 1].section == element.section:
                    years = _element_years(article, elements[i - 1], *period, cited)
            else:
                # the sentence the citation closes, else its own paragraph; never the paragraph before:
                # "(KATZ, 1981)" documents Pestkovsky's retreat, not Borodin's arrest told just before
                lo, sentence = _citing_sentence(article, element, int(c.group_start), int(c.group_end))
                years = (_years_in(sentence, *period, lo, cited)
                         or _element_years(article, element, *period, cited))
            source = element.element_id if years else ""
        ref = by_id[c.ref_id]
        archival = ref.kind in ARCHIVAL_KINDS
        rows.append(
            {
                "citation_id": c.citation_id,
                "ref_id": c.ref_id,
                "key": ref.key,
                # a person (given names or initials printed; an edited book's editor) or a body: "GIL, A. C." is
                # labelled Gil, "BARTRA, A. (ed.)" Bartra, "IBGE" IBGE
                "person": bool((ref.authors or ref.editors) and (ref.authors or ref.editors)[0].given),
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


AGE_COLUMNS = ["citation_id", "ref_id", "key", "person", "section", "stage", "published", "event_years", "event_first",
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
