"""Sentences around a citation: where a citing passage begins and ends, never cut mid-sentence."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.?!][\"”’)]*\s+")


def sentence_span(text: str, a: int, b: int, gs: int, ge: int) -> tuple[int, int]:
    """The sentence around a citation group ``[gs, ge)`` within the piece ``[a, b)``: whole, never cut.

    A group standing right after a full stop ("... mechanically. (BARTRA, 1986)") cites the
    sentence that stop ends.
    """
    head = text[a:gs].rstrip()
    head = head[:-1] if head.endswith((".", "?", "!")) else head
    ends = list(_SENTENCE_END.finditer(head))
    lo = a + ends[-1].end() if ends else a
    tail = _SENTENCE_END.search(text, ge, b)
    hi = tail.start() + 1 if tail else b
    return lo, hi
