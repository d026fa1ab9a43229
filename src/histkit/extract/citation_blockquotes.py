"""A block quotation introduced by its author and closed by the year: "Para Coelho, > ... (2000, p.27).".

NBR 10520 (and APA 8.27, Chicago 13.9) set a long quotation apart, and the running text may name its
author in the words that introduce it ("Para Coelho,", "Mikhail Bakhtin afirma:") while the year and the
page close the quotation in parentheses. The two halves lie in two elements of the article, a paragraph
and the block quote after it, so the forms that read one piece of text at a time miss them. The rule is
as narrow as :mod:`~histkit.extract.citation_split`'s: the block quote ends with a parenthesis that holds
a year (a locator, and after ";" a remark such as "grifos nossos") and nothing else, read as no citation
yet; the element right before it is a paragraph that ends with ":" or "," (it introduces the quotation);
and the nearest capitalised word of that paragraph's last sentence is the family name of a *person* the
list prints as first author, with an entry of that year. The citation's group runs from that name to
the closing parenthesis, its work is the parenthesis.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from histkit.extract.citation_forms import _REMARK_ONLY, _SPACES, _YEAR_ONLY, fold
from histkit.extract.citation_groups import Work, _works
from histkit.extract.citation_split import _CAPITAL, _sentence_start
from histkit.text.article import Element

# The parenthesis that closes a block quote, with at most a full stop after it.
_CLOSING = re.compile(r"\((?P<inner>[^()\n]{4,80})\)\.?\s*$")
_LOOK_BACK = 400


def _year_and_remark(inner: str) -> re.Match[str] | None:
    """The year (and locator) of "2015, p.63; grifos nossos": a remark may follow after ";"."""
    head, *rest = inner.split(";")
    if any(r.strip() and not _REMARK_ONLY.fullmatch(_SPACES.sub(" ", r.strip())) for r in rest):
        return None
    y = _YEAR_ONLY.fullmatch(_SPACES.sub(" ", head.strip()))
    return y if y is not None and y.group("years")[:1].isdigit() else None


def quoted_after_lead_in(
    text: str, elements: Sequence[Element], found: Sequence[tuple[Any, Element]], persons: Mapping[str, frozenset[int]]
) -> list[tuple[int, int, list[Work], Element]]:
    """``(start, end, works, element)`` of each block quote's year whose author the paragraph before names.

    ``elements`` are the article's paragraphs, block quotes, captions and notes in text order; ``found``
    the citation groups already read (objects with ``start``, ``end`` and ``works``), which the new ones
    never overlap; ``element`` is the introducing paragraph, where the citation starts.
    """
    if not persons:
        return []
    covered = bytearray(len(text) + 1)
    for group, _ in found:
        if group.works:
            covered[group.start : group.end] = b"\x01" * (group.end - group.start)
    out: list[tuple[int, int, list[Work], Element]] = []
    for before, quote in itertools.pairwise(elements):
        if quote.kind != "blockquote" or before.kind != "paragraph":
            continue
        close = _CLOSING.search(text, quote.pieces[-1][0], quote.pieces[-1][1])
        if close is None or covered[close.start()] or (y := _year_and_remark(close.group("inner"))) is None:
            continue
        lead_end = before.pieces[-1][1]
        while lead_end > before.start and text[lead_end - 1].isspace():
            lead_end -= 1
        if lead_end <= before.start or text[lead_end - 1] not in ":,":
            continue
        lo = max(before.pieces[-1][0], lead_end - _LOOK_BACK)
        years = {int(x) for x in re.findall(r"(?<!\d)\d{4}(?!\d)", y.group("years"))}
        name = None
        for word in _CAPITAL.finditer(text, _sentence_start(text, lo, lead_end), lead_end):
            if not covered[word.start()] and years & persons.get(fold(word.group().split("-")[-1]), frozenset()):
                name = word
        if name is None:
            continue
        end = close.start() + len(close.group().rstrip().rstrip("."))
        # The work is the parenthesis (its quote stays short); the group runs from the name.
        works = _works((name.group(),), y.group("years"), y.group("pages"), close.start() - name.start(),
                       end - name.start(), "narrative", "cited")
        if works:
            out.append((name.start(), end, works, before))
    return out
