"""An element's verbatim pieces joined into one string, with the map back to verbatim offsets.

A page break may split a sentence into two pieces of the verbatim text; extractors read the joined
string and report spans of the verbatim text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Joined:
    """The verbatim pieces of an element joined by single spaces, with a map back to offsets."""

    text: str
    starts: tuple[int, ...]  # offset of each piece in ``text``
    pieces: tuple[tuple[int, int], ...]

    def to_verbatim(self, start: int, end: int) -> tuple[int, int] | None:
        """Map a span of :attr:`text` to the verbatim text; ``None`` if it crosses a page break."""
        i = bisect.bisect_right(self.starts, start) - 1  # the one piece that can hold ``start``
        if i < 0:
            return None
        (a, b), s = self.pieces[i], self.starts[i]
        if end <= s + (b - a):
            return a + start - s, a + end - s
        return None


def join_pieces(text: str, pieces: Sequence[tuple[int, int]]) -> Joined:
    """Join an element's verbatim pieces (a page break may split a sentence) with one space."""
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for a, b in pieces:
        starts.append(offset)
        parts.append(text[a:b])
        offset += b - a + 1
    return Joined(" ".join(parts), tuple(starts), tuple(pieces))
