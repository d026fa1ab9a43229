"""A name cited in lower case that the reference list prints in capitals: a website, or a person who writes so.

NBR 6023 enters a website under its name in capitals ("LAODONGQUSHI. ... *Laodongqushi*, Oct. 3, 2022"), and
APA and Chicago keep a name as its bearer writes it ("bell hooks"); the running text then cites them as they
are printed: "laodongqushi.com (2022)", "laodongqushi (2022)", "hooks (1994)". Lower-case words before a
year are prose far more often, so the rule is narrow: one word (a web domain's ".com", ".org" ... allowed),
the whole lead of an entry (the words before its first "." or ","), a year alone in the parenthesis, and
one of the years that entry prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from histkit.extract.citation_forms import _SPACES, _YEAR_ONLY, fold
from histkit.extract.citation_groups import Work, _works

_LEAD = re.compile(r"\s*\**(?P<lead>[^\W\d_]+)\**[.,]")
_ENTRY_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
# A web domain's suffix is read past: "laodongqushi.com" is cited as the site LAODONGQUSHI.
DOMAIN = re.compile(r"\.(?:com|org|net|gov|edu|info)(?:\.[a-z]{2})?$")
# The name is bounded: unbounded, a run of letters and hyphens with no " (" after it ("mid-mid-mid-...") was
# scanned to its end from each of its positions (quadratic; tests/test_robustness_hostile.py).
_LOWER = re.compile(
    r"(?<![\w.@/-])(?P<name>[a-zß-ÿ][a-zß-ÿ\-]{1,60}(?:\.(?:com|org|net|gov|edu|info)(?:\.[a-z]{2})?)?) "
    r"\((?P<inner>[^()\n]{4,40})\)"
)


def lead_years(entries: Iterable[str]) -> dict[str, frozenset[int]]:
    """Entries led by one word ("LAODONGQUSHI.", "HOOKS, bell."): that word folded, and the years each prints."""
    years: dict[str, set[int]] = {}
    for entry in entries:
        if m := _LEAD.match(entry.replace("\n", " ")):
            years.setdefault(fold(m.group("lead")), set()).update(int(y) for y in _ENTRY_YEAR.findall(entry))
    return {k: frozenset(v) for k, v in years.items()}


def lowercase_citations(
    text: str, covered: bytearray, leads: Mapping[str, frozenset[int]]
) -> list[tuple[int, int, list[Work]]]:
    """``(start, end, works)`` of each such citation in ``text`` not already covered by another."""
    found = []
    if not leads:
        return found
    for m in _LOWER.finditer(text):
        y = _YEAR_ONLY.fullmatch(_SPACES.sub(" ", m.group("inner").strip()))
        if covered[m.start()] or y is None or not y.group("years")[:1].isdigit():
            continue
        years = {int(x) for x in re.findall(r"(?<!\d)\d{4}(?!\d)", y.group("years"))}
        if years & leads.get(fold(DOMAIN.sub("", m.group("name"))), frozenset()):
            found.append((m.start(), m.end(), _works((m.group("name"),), y.group("years"), y.group("pages"), 0,
                                                    m.end() - m.start(), "narrative", "cited")))
    return found
