"""A classical work cited by author and title, with no year: "Aristóteles (*Retórica*)", "(Platão, *República*, IV)".

Chicago (14.242) cites classical Greek and Latin works by author, title and book
or section, never by the year of the modern edition; NBR 10520 lets a work be named in the text by its
title. The reference list still prints the edition read. The rule: a capitalised name, then in parentheses
an italic title (and at most a short locator, "IV", "I, 2", "1354a"), or the same inside one parenthesis
after a comma; exactly one entry of the list whose lead is that name and whose text holds that title, and
that entry prints exactly one year. The citation takes that year (the text prints none, and the title
names the entry), so reconciliation finds the entry as for any author-date citation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from histkit.extract.citation_forms import fold
from histkit.extract.citation_groups import Work, _works
from histkit.extract.citation_titles import _plain

_NAME = r"[A-ZÀ-Þ][^\W\d_]+"
_CLASSICAL = re.compile(
    rf"(?:(?<![\w.])(?P<narrative>{_NAME}) \(|\((?P<inside>{_NAME}), )"
    r"\*(?P<title>[^*\n]{3,80}?) ?\* ?(?:,? (?P<locator>[^()*\n]{1,30}?))?\)"
)


def classical_citations(
    text: str, covered: bytearray, titles: Sequence[tuple[str, frozenset[int], str]]
) -> list[tuple[int, int, list[Work]]]:
    """``(start, end, works)`` of each author-and-title citation; ``titles`` as :func:`entry_titles` gives them."""
    found: list[tuple[int, int, list[Work]]] = []
    if not titles or ("(*" not in text and ", *" not in text):
        return found
    for m in _CLASSICAL.finditer(text):
        if any(covered[m.start() : m.end()]):
            continue
        name = m.group("narrative") or m.group("inside")
        title = f" {_plain(m.group('title'))} "
        if not title.strip():
            continue
        fits = [(lead, years) for lead, years, plain in titles if fold(lead) == fold(name) and title in plain]
        if len(fits) != 1 or len(fits[0][1]) != 1:
            continue
        (year,) = fits[0][1]
        works = _works((name,), str(year), None, 0, m.end() - m.start(), "narrative" if m.group("narrative")
                       else "parenthetical", "cited")
        locator = (m.group("locator") or "").strip()
        found.append((m.start(), m.end(), [replace(w, pages=locator) for w in works]))
    return found
