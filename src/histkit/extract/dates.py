"""The table ``dates``: every date expression of the article, normalised to EDTF, with provenance.

The phrases and their EDTF forms are read by :mod:`histkit.extract.date_phrases`; this module walks
the article's elements, keeps each phrase's exact span, marks those inside citations (publication
years, not events) and resolves relative phrases against the date they refer to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

import pandas as pd

from histkit.core.dating import bounds
from histkit.core.errors import DateError
from histkit.core.spans import Spans
from histkit.extract.citation_names import listed_names
from histkit.extract.citations import find_groups
from histkit.extract.date_phrases import Found, find_in
from histkit.extract.list_clues import list_clues
from histkit.extract.relative_dates import resolve_relative
from histkit.text.ingest import Article, Element

# --- the table -------------------------------------------------------------------------------

DATE_COLUMNS = [
    "seed",
    "date_id",
    "element_id",
    "kind",
    "section",
    "line",
    "start",
    "end",
    "quote",
    "edtf",
    "earliest",
    "latest",
    "precision",
    "form",
    "qualifier",
    "in_citation",
    "refers_to",
    "note",
]

_CITATION = re.compile(r"\([A-ZÀ-Þ][^()]*\d{4}[^()]*\)"
                       # "(2013, p.46; grifo no original)": the year and page of the author just named
                       r"|\((?:1[5-9]\d\d|20\d\d)[a-z]?,\s*(?:pp?\.|s\.\s?p\.|n\.\s?p\.)[^()]*\)")
# "Acesso em: 27 jun. 2022", "Accessed 3 May 2021": the day a web source was read, not a date of the text.
_ACCESSED = re.compile(
    r"(?:acesso|acessado|accessed|acceso|consultado|visitado|retrieved)(?:\s+(?:em|on|en|el))?\s*:?\s*"
    r"(?:\d{1,2}\s+(?:de\s+)?[^\W\d_]{3,10}\.?\s+(?:de\s+)?)?$", re.I)
# The number of a street address in an author's note ("Avenida Doutor Silas Muguba, 1700", "Av. Feliciano Coelho
# 1509") is not a year: a street's name (capitalised words and particles) then the number, a comma between or not.
_STREET_NUMBER = re.compile(
    r"\b(?:Av\.|Avda\.|Avenida|Rua|Rodovia|Estrada|Travessa|Alameda|Praça|Calle|Carrera|Avenue|Street|Road|Boulevard)"
    r"(?: +(?:[A-ZÀ-Þ][\w.'’-]*|d[aeo]s?|del|la)){1,6},? +(?P<number>\d{1,5})\b"
)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined, so that each character lies in at most one."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def _elements(article: Article) -> Iterable[Element]:
    kinds = ("front-matter", "paragraph", "blockquote", "footnote", "reference")
    chosen = [e for e in article.elements if e.kind in kinds]
    # a field read inside another ("received" inside the note "Article received on January 30, 2024 ...") is
    # dated once, with the element that holds it; the front matter's fields are few, listed once (a hostile
    # text of ten thousand one-line paragraphs compared each with every element: quadratic)
    fields = [(o.start, o.end) for o in chosen if o.kind == "front-matter"]
    return [e for e in chosen if not any(a <= e.start and e.end <= b and (a, b) != (e.start, e.end)
                                         for a, b in fields)]


def dates_table(
    article: Article, references: dict[tuple[int, int], tuple[str, str]] | None = None
) -> pd.DataFrame:
    """Every date expression of the article, normalised to EDTF, with provenance.

    Parameters
    ----------
    article : Article
        The ingested article; expressions are searched in the verbatim pieces of each element.
    references : dict, optional
        For relative phrases: ``(start, end)`` of the phrase -> ``(edtf, quote)`` of the date it
        refers to (curated in annotations.yaml). Without one, a relative phrase counts from the
        nearest absolute date before it in the same element, and the note says so.

    Returns
    -------
    DataFrame
        Columns :data:`DATE_COLUMNS`, sorted by position.

    """
    references = references or {}
    rows: list[dict[str, object]] = []
    # The bounds of each EDTF value, as printed, computed once per value: a text of 166,000 years
    # holds a few hundred values (issue 21).
    printed: dict[str, tuple[str, str]] = {}
    listed = listed_names(article.text[e.start : e.end] for e in article.references)
    # What the list prints (titles, kinds of names) lets the audit read "Austin, ..., *Quando dizer é fazer*
    # (1990)" and "*Meaning and Speech Acts* (1990, p.103)" as citations: their years are publication years here too.
    clues = list_clues(article.text[e.start : e.end] for e in article.references)
    for element in _elements(article):
        previous: tuple[str, str] | None = None
        for a, b in element.pieces:
            piece = article.text[a:b]
            # The citation audit's own reading of the piece, so that the year of "Soares (2003)" is a
            # publication year here as it is there; a bare "Portugal (1974)" the list does not print
            # stays a date.
            groups = [] if element.kind == "reference" else find_groups(
                piece, bare="all" if element.kind == "footnote" else "remarks", listed=listed, clues=clues)
            citations = Spans(_merged([*(m.span() for m in _CITATION.finditer(piece)),
                                       *((g.start, g.end) for g in groups if g.works)]))
            streets = Spans(m.span("number") for m in _STREET_NUMBER.finditer(piece))

            def in_citation(f: Found, citations: Spans = citations, kind: str = element.kind,
                            piece: str = piece) -> bool:
                return (kind == "reference" or citations.contains(f.start, f.end)
                        or _ACCESSED.search(piece, max(0, f.start - 40), f.start) is not None)
            for f in (f for f in find_in(piece) if not streets.overlaps(f.start, f.end)):
                start, end = a + f.start, a + f.end
                value = f.value
                if value.form == "relative":
                    ref = references.get((start, end))
                    if ref is None and previous is None:
                        value = replace(
                            value, note="relative, but no earlier date in the element to count from"
                        )
                    else:
                        edtf, quote = ref if ref is not None else previous  # type: ignore[misc]
                        how = "curated in annotations.yaml" if ref is not None else "nearest date before it"
                        try:
                            value = resolve_relative(f.phrase, edtf, f"{quote!r}, {how}")
                        except DateError as err:
                            # Kept as a row with the reason: one phrase must not sink the table.
                            value = replace(value, note=f"relative to {quote!r} ({edtf}), which cannot be "
                                            f"shifted: {err}; curate its referent in annotations.yaml")
                cited = in_citation(f)
                if f.value.form != "relative" and value.precision != "open" and not cited:
                    # A publication year in "(SMITH, 1990)" is not what "two years later" counts from.
                    previous = (value.edtf, f.phrase)
                if value.edtf not in printed:
                    earliest, latest = bounds(value.edtf) if value.edtf else (None, None)
                    printed[value.edtf] = (_iso(earliest), _iso(latest))
                rows.append(
                    {
                        "seed": article.seed_id,
                        "element_id": element.element_id,
                        "kind": element.kind,
                        "section": element.section,
                        "line": article.line_of(start),
                        "start": start,
                        "end": end,
                        "quote": article.text[start:end],
                        "edtf": value.edtf,
                        "earliest": printed[value.edtf][0],
                        "latest": printed[value.edtf][1],
                        "precision": value.precision,
                        "form": value.form,
                        "qualifier": f.qualifier,
                        "in_citation": cited,
                        "refers_to": value.refers_to,
                        "note": value.note,
                    }
                )
    frame = pd.DataFrame(rows, columns=[c for c in DATE_COLUMNS if c != "date_id"])
    frame = frame.sort_values(["start", "end"], ignore_index=True)
    frame.insert(1, "date_id", [f"d{i:03d}" for i in range(1, len(frame) + 1)])
    frame["section"] = frame["section"].astype("Int64")
    return frame
