"""Legislation cited by name in the text ("Decreto nº 6.214/2007", "Lei nº 9.394/1996"), resolved to the list.

An act named by its kind and number is not an author-date citation, but a reader expects it found in the
reference list, where NBR 6023 (7.11) prints it under the jurisdiction ("BRASIL. Decreto nº 6.214, de 26
de setembro de 2007."). :func:`legislation_mentions` lists every act the body, captions and notes name,
with the entry that prints the same kind and number, or none; the audit reports those the list lacks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import pandas as pd

from histkit.extract.references import Reference
from histkit.text.ingest import Article

# Kinds of act in Portuguese and Spanish, the longest first; "nº", "n°", "no", "n o", "nº." before the
# number; the number with thousands dots ("9.394"); a year after "/" ("/2007", "/04"). Bounded, linear.
_ACT = re.compile(
    r"\b(?P<kind>Lei Complementar|Decreto-Lei|Decreto Legislativo|Medida Provisória|Instrução Normativa|"
    r"Resolução|Portaria|Decreto|Lei|Ley|Resolución)(?: Federal)? "
    r"n(?:\.?º|°| ?o|úm\.?|o\.)?\.? ?(?P<number>\d{1,3}(?:\.\d{3}){1,2}|\d{1,6})(?:/(?P<year>\d{4}|\d{2})(?!\d))?"
)
COLUMNS = ["seed", "element_id", "line", "start", "end", "quote", "act", "number", "year", "ref_id"]


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def _key(m: re.Match[str]) -> tuple[str, str]:
    """The act's kind (folded) and number without its thousands dots: what names it."""
    return _fold(m.group("kind")), m.group("number").replace(".", "")


def _year(m: re.Match[str]) -> str:
    year = m.group("year") or ""
    if len(year) == 2:
        # "/04" is 2004, "/96" 1996: acts cited this way are of the last hundred years.
        year = f"{20 if int(year) <= 30 else 19}{year}"
    return year


def legislation_mentions(article: Article, refs: Sequence[Reference]) -> pd.DataFrame:
    """Every act named by kind and number in the body, captions and notes, with the entry that prints it.

    Parameters
    ----------
    article : Article
        The ingested article.
    refs : sequence of Reference
        The parsed reference list (:func:`histkit.extract.references.article_references`).

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`; ``act`` is the kind as printed ("Decreto"), ``number`` without dots,
        ``year`` as four digits when the text gives one, ``ref_id`` the first entry (in list order) that
        names the same kind and number, ``""`` when none does. ``text[start:end] == quote``.

    """
    listed: dict[tuple[str, str], str] = {}
    for r in refs:
        for m in _ACT.finditer(article.text, r.start, r.end):
            # The act an entry is about opens it, after the jurisdiction; acts it only mentions come later.
            if m.start() - r.start < 40:
                listed.setdefault(_key(m), r.ref_id)
    rows = []
    for element in sorted(article.of_kind("paragraph", "blockquote", "caption", "footnote"), key=lambda e: e.start):
        for a, b in element.pieces:
            for m in _ACT.finditer(article.text, a, b):
                rows.append(
                    {
                        "seed": article.seed_id,
                        "element_id": element.element_id,
                        "line": article.line_of(m.start()),
                        "start": m.start(),
                        "end": m.end(),
                        "quote": m.group(),
                        "act": m.group("kind"),
                        "number": m.group("number").replace(".", ""),
                        "year": _year(m),
                        "ref_id": listed.get(_key(m), ""),
                    }
                )
    return pd.DataFrame(rows, columns=COLUMNS)
