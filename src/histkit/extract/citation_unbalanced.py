"""A citation with one of its parentheses left out: "Bakhtin (2008, na análise", "Brandt *et al.,* 2009)".

NBR 10520, APA (8.10-8.11) and Chicago author-date (15.22) put the year of a narrative citation, or the
whole of a parenthetical one, between parentheses; a slip of typing drops one of the two. Nothing but
the parentheses is wrong, so the work is still cited, but :data:`~histkit.extract.citation_forms._PAREN`
and the narrative form need both. The rule is narrow, as the list must vouch for what the text leaves
half-marked:

- an opening parenthesis that no ")" closes before the next "(" or the end of the piece, right after a
  capitalised word and holding a year (and a locator) before a comma: the word is the family name of a
  person the list prints as first author, with an entry of that year ("Bakhtin (2008, na análise");
- a ")" that no "(" opens, after a run of words that reads as one author-date work, the whole run and
  nothing before it ("Brandt *et al.,* 2009)"): its first author is a person the list prints, with an
  entry of that year.

Finding the unmatched parentheses is one pass over the piece with a stack; each is then read once, in a
window of bounded size, so the time stays linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from histkit.extract.citation_forms import _YEAR_ONLY, _strip_etal, fold
from histkit.extract.citation_groups import Work, _works, read_group

# The capitalised word right before an unclosed "(": the family name of a narrative citation.
_NAME_BEFORE = re.compile(r"(?<![\w-])(?P<name>[A-ZÀ-Þ][^\W\d_]+(?:[-‑][A-ZÀ-Þ]?[^\W\d_]+)*) $")
# After an unclosed "(": a comma before a letter, where the year (and a locator) may end and the prose go on.
_PROSE_AFTER = re.compile(r", (?=[^\W\d_])")
_HEAD = 40
# Where a parenthetical work without its "(" may start: a capital after a non-letter ("*T. albicollis*Brandt").
_WORK_START = re.compile(r"(?<![^\W\d_])[A-ZÀ-Þ]")
_WINDOW = 120
# A year (or an undated mark) within the last characters before a ")" that may close a work.
_YEAR_BEFORE = re.compile(r"(?:1[5-9]\d\d|20\d\d|[sn]\.? ?d\.?|s/d)")
# At most this many starts are read per unmatched ")": a hostile run of "A)A)A)..." stays linear, with a
# small constant (a real work before its ")" opens at one of its first capitals).
_TRIES = 12


def _unmatched(text: str) -> tuple[list[int], list[int]]:
    """Offsets of the "(" no ")" closes and of the ")" no "(" opens (a stack; linear)."""
    opens: list[int] = []
    unclosed: list[int] = []
    closes: list[int] = []
    for m in re.finditer(r"[()\n]", text):
        ch = m.group()
        if ch == "(":
            opens.append(m.start())
        elif ch == ")":
            if opens:
                opens.pop()
            else:
                closes.append(m.start())
        else:  # a parenthesis never spans a line break (as _PAREN reads them)
            unclosed += opens
            opens = []
    return unclosed + opens, closes


def _vouched(author: str, years: list[int | None], persons: Mapping[str, frozenset[int]]) -> bool:
    """The list prints this first author as a person, with an entry of one of these years."""
    words = fold(_strip_etal(author)).replace("-", " ").split()
    return bool(words) and any(y in persons.get(words[-1], frozenset()) for y in years if y is not None)


def unbalanced_citations(
    text: str, covered: bytearray, persons: Mapping[str, frozenset[int]]
) -> list[tuple[int, int, list[Work]]]:
    """``(start, end, works)`` of each citation with a parenthesis left out; offsets in ``text``.

    ``persons`` maps the folded family name of each personal first author of the list to the years
    its entries print (:func:`~histkit.extract.citation_split.person_years`); ``covered`` flags the
    characters other citations already hold.
    """
    if not persons or ("(" not in text and ")" not in text):
        return []
    opens, closes = _unmatched(text)
    found: list[tuple[int, int, list[Work]]] = []
    for at in opens:
        name = _NAME_BEFORE.search(text, max(0, at - 60), at)
        if name is None or covered[name.start()] or covered[at]:
            continue
        # The year and its locator run up to the last comma before prose that leaves them a year.
        window = text[at + 1 : at + 1 + _HEAD]
        cuts = [c.start() for c in _PROSE_AFTER.finditer(window)]
        y, end = None, 0
        for cut in reversed(cuts):
            if (y := _YEAR_ONLY.fullmatch(window[:cut].strip())) is not None:
                end = at + 1 + cut
                break
        if y is None or not y.group("years")[:1].isdigit():
            continue
        works = _works((name.group("name"),), y.group("years"), y.group("pages"), 0, end - name.start(),
                       "narrative", "cited")
        if works and _vouched(name.group("name"), [w.year_first for w in works], persons):
            found.append((name.start(), end, works))
    for at in closes:
        lo = max(0, at - _WINDOW)
        # A work without its "(" holds no parenthesis: it starts after the last one before its ")".
        lo = max(lo, text.rfind(")", lo, at) + 1, text.rfind("(", lo, at) + 1)
        if not _YEAR_BEFORE.search(text, max(lo, at - 40), at):
            continue  # no year just before the ")": no work ends there
        for tries, start in enumerate(_WORK_START.finditer(text, lo, at)):
            if tries == _TRIES:
                break
            if any(covered[start.start() : at + 1]):
                continue
            works, problems = read_group(text[start.start() : at])
            if works and not problems and works[0].start == 0:
                if _vouched(works[0].authors[0], [w.year_first for w in works], persons):
                    found.append((start.start(), at + 1, works))
                    covered[start.start() : at + 1] = b"\x01" * (at + 1 - start.start())
                break  # the longest run that reads as works; a shorter one would drop its first names
    return found
