"""Disjoint spans of a text, kept in order, asked about in logarithmic time.

Extractors skip a match that overlaps one found before, or that lies inside a citation. Scanning
every span found so far for each match is quadratic: a text of 30,000 years took over a minute
(issue 21). Here the question is a binary search.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Sequence


class Spans:
    """Disjoint ``(start, end)`` spans in order; whether a span overlaps or lies in one is a binary search."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans = sorted(spans)
        self._starts = [a for a, _ in self._spans]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span (of those disjoint, the last starting before ``end``)."""
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._spans[i][1] > start

    def contains(self, start: int, end: int) -> bool:
        """Whether one span holds all of ``[start, end)``."""
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and end <= self._spans[i][1]

    def add_all(self, spans: Sequence[tuple[int, int]]) -> None:
        """Add spans (in order, disjoint from these and from each other)."""
        if spans:
            self._spans = list(heapq.merge(self._spans, spans))
            self._starts = [a for a, _ in self._spans]
