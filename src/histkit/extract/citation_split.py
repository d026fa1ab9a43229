"""A narrative citation whose author is named earlier in the sentence than the parenthesised year.

APA 7 (8.11) and Chicago author-date (15.22) let the running text name the author and give the year in
parentheses later in the sentence; ABNT NBR 10520 does the same ("Para Barthes, ... (1987, p. 19)"):
"Searle traz no segundo capítulo do *Expression and Meaning* (1979, p.73)", "Márcio Galvão, em seu
pequeno artigo “...” (2007, p.1)", "Searle ... notou apenas depois (1983)". A year alone in parentheses
is a date as often as a citation, so the rule is narrow: the parenthesis holds a year (and a locator)
and nothing else; the nearest capitalised word before it in the same sentence (a sentence end inside
a quotation does not count) is the family name of a *person* the list prints as first author (an entry
opening "SEARLE, J. R."; a corporate "BRASIL. Lei ..." never counts); and that person's entries print
the year. :func:`histkit.extract.citations.find_groups` calls :func:`split_narratives` last, so a
parenthesis already read as a citation is never read again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from histkit.extract.citation_forms import _PAREN, _SPACES, _YEAR_ONLY, fold
from histkit.extract.citation_groups import Problem, Work, _works

# The first author of a personal entry: a family name, a comma, then a first name or initial
# ("SEARLE, J. R.", "Galvão, Márcio", "BARTHES, R."); "BRASIL. Lei ..." and title entries do not open so.
_PERSON = re.compile(r"\s*\**(?P<family>[A-ZÀ-Þ][^\W\d_]*(?:[ '’\-‑][A-ZÀ-Þ]?[^\W\d_]+){0,3})\**, \**[A-ZÀ-Þ]")
_ENTRY_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
# A capitalised word (mixed or upper case) that could be a family name.
_CAPITAL = re.compile(r"(?<![\w-])[A-ZÀ-Þ][^\W\d_]+(?:[-‑][A-ZÀ-Þ]?[^\W\d_]+)*")
# A sentence ends at ".", "!" or "?" (with a closing quote or parenthesis) before a space and a capital.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“*]*[A-ZÀ-Þ])")
_WINDOW = 400


def person_years(entries: Iterable[str]) -> dict[str, frozenset[int]]:
    """The folded family name of each personal first author of the list, and the years their entries print."""
    years: dict[str, set[int]] = {}
    for entry in entries:
        if m := _PERSON.match(entry.replace("\n", " ")):
            family = fold(m.group("family").split()[-1])
            years.setdefault(family, set()).update(int(y) for y in _ENTRY_YEAR.findall(entry))
    return {k: frozenset(v) for k, v in years.items()}


def _sentence_start(text: str, lo: int, hi: int) -> int:
    """Where the sentence holding ``text[hi]`` starts, looking back no further than ``lo``.

    A full stop inside a quotation (between “ and ”) does not end the sentence that quotes it.
    """
    start, depth = lo, 0
    for i in range(lo, hi):
        ch = text[i]
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ".!?" and (m := _SENTENCE_END.match(text, i)) and m.end() <= hi:
            start = m.end()
    return start


def split_narratives(
    text: str, covered: bytearray, persons: Mapping[str, frozenset[int]]
) -> list[tuple[int, int, list[Work], list[Problem]]]:
    """Citations whose author stands earlier in the sentence than the parenthesised year.

    Returns ``(start, end, works, problems)`` in ``text``'s offsets, the span from the name to the
    closing parenthesis; ``covered`` flags the characters other citations already hold.
    """
    if not persons:
        return []
    found = []
    for m in _PAREN.finditer(text):
        inner = _SPACES.sub(" ", m.group(1).strip())
        if covered[m.start()] or not (y := _YEAR_ONLY.fullmatch(inner)) or not y.group("years")[:1].isdigit():
            continue
        years = {int(x) for x in re.findall(r"(?<!\d)\d{4}(?!\d)", y.group("years"))}
        lo, name = max(0, m.start() - _WINDOW), None
        for word in _CAPITAL.finditer(text, lo, m.start()):
            if not covered[word.start()] and years & persons.get(fold(word.group().split("-")[-1]), frozenset()):
                name = word
        # The sentence is looked for only when a listed person stands in the window (most years have none).
        if name is None or name.start() < _sentence_start(text, lo, m.start()) or any(covered[name.start() : m.end()]):
            continue
        works = _works((name.group(),), y.group("years"), y.group("pages"), 0, m.end() - name.start(),
                       "narrative", "cited")
        if works:
            found.append((name.start(), m.end(), works, []))
    return found
