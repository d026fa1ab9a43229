"""Sources cited only in footnotes: archives, call numbers, reels, newspapers of a given day.

A footnote cites in its own way ("ASRE, 18-22-86", "reel 83", "El Demócrata, 11 February 1925"):
:func:`footnote_sources` lists each item with the reference it matches, if any, so that the audit
can say which footnote-only sources have no entry in the list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from histkit.analyse.reconcile import DEFAULT_THRESHOLD, Match, match_name
from histkit.extract.references import Reference
from histkit.text.ingest import Article, Element

# "ASRE, 18-22-86": an archive's acronym followed by a call number; "reel 83": microfilm.
_CALL = re.compile(r"\b(?P<acronym>[A-ZÀ-Þ]{2,8}), +(?P<call>\d[\d./\-]*\d)")
_REEL = re.compile(r"\breel +\d+")
# "LEVINSON, 2007" and "IBGE, 2012" are the author-date form in capitals (ABNT), not an archive and its call
# number: a "call number" that is a year (a letter after it, as in "2012a") is a citation's year.
_YEAR_ONLY = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?")
_DAY_DATE = re.compile(
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December) (?P<year>1[5-9]\d\d|20\d\d)\b"
)
_ANY_YEAR = re.compile(r"\b(?P<year>1[5-9]\d\d|20\d\d)\b")
_JOURNAL = re.compile(r"\bno\. ?\d+.*\b\d+[-–]\d+")
_QUOTED = re.compile(r"[\"“][^\"”]+[\"”]")

def _items_of(piece: str) -> list[str]:
    """``piece.split(";")``, except at a ';' inside a quotation or parentheses.

    A note that quotes a passage ("No original: “...; and if the list...”") or gives a citation group
    ("(GRICE, 1975; SEARLE, 1969)") is one item there, not two.
    """
    parts, depth, last = [], 0, 0
    for at, char in enumerate(piece):
        if char in "“(":
            depth += 1
        elif char in "”)":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            parts.append(piece[last:at])
            last = at + 1
    return [*parts, piece[last:]]


def _footnote_items(article: Article, element: Element) -> list[list[tuple[int, int]]]:
    """Split a footnote into its ';'-separated items, each a list of verbatim spans.

    An item that runs over a page break (footnote 2's "Weddell to / Secretary of State, ...") is
    one item with two spans.
    """
    items: list[list[tuple[int, int]]] = []
    carry: list[tuple[int, int]] = []
    for a, b in element.pieces:
        piece = article.text[a:b]
        pos = 0
        parts = _items_of(piece)
        for i, part in enumerate(parts):
            lead = len(part) - len(part.lstrip())
            span = (a + pos + lead, a + pos + len(part.rstrip()))
            pos += len(part) + 1
            if span[1] > span[0]:
                carry.append(span)
            if i < len(parts) - 1 and carry:
                items.append(carry)
                carry = []
    if carry:
        items.append(carry)
    return items


FOOTNOTE_COLUMNS = [
    "seed", "footnote", "item", "kind", "archive_cited", "call_number", "year", "ref_id", "match", "score",
    "document_listed", "text", "line", "pieces", "start", "end", "quote",
]


def footnote_sources(article: Article, refs: Sequence[Reference], threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """One row per source named in a footnote, matched to the reference list where possible.

    A footnote item is an ``archival`` source when it gives an archive acronym and a call number
    ("ASRE, 18-22-86"; a year is no call number: "LEVINSON, 2007" cites a work) or a microfilm
    reel, ``press`` when it quotes a title and gives a day's date, ``article`` when it gives an
    issue number and pages, else ``other`` (a remark such as footnote 1's "alias"). An archive
    acronym is matched to the acronyms of the list (exact, folded or fuzzy, with no year);
    ``document_listed`` says whether the list holds a document of that archive from the same year.

    Parameters
    ----------
    article : Article
        The ingested article.
    refs : sequence of Reference
        The parsed reference list.
    threshold : float
        Least similarity (0-100) for a fuzzy match of an acronym.

    """
    archives = [r for r in refs if r.archive_acronym]
    rows = []
    for element in article.footnotes:
        for n, spans in enumerate(_footnote_items(article, element), start=1):
            text = " ".join(article.text[a:b] for a, b in spans).replace("\\$", "$")
            call = next((m for m in _CALL.finditer(text) if not _YEAR_ONLY.fullmatch(m.group("call"))), None)
            day = _DAY_DATE.search(text)
            year = day or _ANY_YEAR.search(text)
            if call or _REEL.search(text):
                kind = "archival"
            elif _QUOTED.search(text) and day:
                kind = "press"
            elif _JOURNAL.search(text):
                kind = "article"
            else:
                kind = "other"
            match = Match("", "none", 0.0)
            if call:
                match = match_name(call.group("acronym"), "", archives, threshold, by_year=False)
            listed = bool(
                match.ref_id and year and any(r.ref_id == match.ref_id and r.year == year.group("year") for r in refs)
            )
            start, end = spans[0][0], spans[-1][1]
            rows.append(
                {
                    "seed": article.seed_id,
                    "footnote": element.number,
                    "item": n,
                    "kind": kind,
                    "archive_cited": call.group("acronym") if call else "",
                    "call_number": call.group("call") if call else "",
                    "year": year.group("year") if year else "",
                    "ref_id": match.ref_id,
                    "match": match.kind,
                    "score": round(float(match.score), 1),
                    "document_listed": listed,
                    "text": text,
                    "line": article.line_of(start),
                    "pieces": ";".join(f"{a}-{b}" for a, b in spans),
                    "start": start,
                    "end": end,
                    "quote": article.text[start:end],
                }
            )
    # An article without notes still gives the table its columns (the notebook selects them).
    return pd.DataFrame(rows, columns=FOOTNOTE_COLUMNS)
