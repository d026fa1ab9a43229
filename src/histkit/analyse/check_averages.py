"""Averages beside their values: "an average of 20 pupils (12, 18 and 30)", "média de 4,5 (3, 5 e 6)".

How prose states them (pt/es/en): a word for the mean ("average", "mean", "média", "media",
"promedio"), "of"/"de" and the figure, then, in parentheses in the same sentence, the values it is the
mean of, two or more, joined by commas and "and"/"e"/"y". The mean of the values is recomputed, each
value standing for the range its printed digits allow, and the stated figure judged at its own
precision (:mod:`histkit.analyse.tolerance`). A sentence with "respectively" pairs figures with things,
not values with their mean, and is left alone; so are years and labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from histkit.analyse.check_rows import Check
from histkit.analyse.figures import Figure, Passage
from histkit.analyse.tolerance import Interval, as_input, fmt, judge

_MEAN = re.compile(r"\b(?:average|mean|média|media|promedio)\s+(?:of|de|do|da|del)\s+$", re.IGNORECASE)
_GAP = re.compile(r"^\s*(?:,|;|,?\s*(?:and|e|y))\s*$", re.IGNORECASE)
_WORDS = ("average", "mean", "média", "media", "promedio", "Average", "Mean", "Média", "Media", "Promedio")
_VALUE_KINDS = frozenset({"count", "percent", "money", "duration"})


def _listed(passage: Passage, opened: int, close: int) -> list[Figure]:
    """The values of a parenthesised list ("(12, 18 and 30)"), or none when anything else is inside."""
    inside = [f for f in passage.figures_in(opened, close) if f.kind in _VALUE_KINDS]
    if len(inside) < 2 or passage.text[opened + 1 : inside[0].start].strip():
        return []
    for one, two in pairwise(inside):
        if not _GAP.match(passage.text[one.end : two.start]):
            return []
    return inside if not passage.text[inside[-1].end : close].strip(" %") else []


def average_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every mean stated beside the values it is the mean of."""
    for passage in passages:
        if not any(w in passage.text for w in _WORDS):
            continue  # a cheap test first
        for mean in passage.figures:
            if mean.kind not in _VALUE_KINDS or not _MEAN.search(passage.text, max(0, mean.start - 20), mean.start):
                continue
            a, b = passage.sentence_of(mean.start)
            if "respectiv" in passage.text[a:b].lower():
                continue
            opened = passage.text.find("(", mean.end, b)
            close = passage.text.find(")", opened, b) if opened >= 0 else -1
            if close < 0 or passage.text.find("(", mean.end, opened) >= 0:
                continue
            values = _listed(passage, opened, close)
            if not values or any(v.kind != values[0].kind for v in values):
                continue
            parts = [as_input(v) for v in values]
            n = len(parts)
            total = Interval(sum(p.lo for p in parts), sum(p.hi for p in parts), sum(p.mid for p in parts))
            computed = total.scale(1 / n)
            status, reason = judge(mean.value, mean.decimals, computed)
            yield passage, Check(
                kind="average",
                span=(mean.start, close + 1),
                inputs=[(v.start, v.end) for v in values],
                stated=mean.number,
                computed=fmt(computed.mid, mean.decimals + 1),
                status=status,
                formula=f"({' + '.join(v.number for v in values)}) / {n}",
                reason=reason,
            )
