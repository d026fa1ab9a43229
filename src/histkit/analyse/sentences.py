"""Sentences around a citation: where a citing passage begins and ends, never cut mid-sentence."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.?!][\"”’)]*\s+")


def _initial(text: str, at: int) -> bool:
    """Whether the full stop at ``at`` ends an initial ("Valentin N. Volóchinov", "J. Smith"), not a sentence."""
    return at >= 1 and text[at] == "." and text[at - 1].isupper() and (at < 2 or not text[at - 2].isalpha())


def _ends(text: str, start: int, end: int) -> list[re.Match[str]]:
    return [m for m in _SENTENCE_END.finditer(text, start, end) if not _initial(text, m.start())]


def sentence_span(text: str, a: int, b: int, gs: int, ge: int) -> tuple[int, int]:
    """The sentence around a citation group ``[gs, ge)`` within the piece ``[a, b)``: whole, never cut.

    A group standing right after a full stop ("... mechanically. (BARTRA, 1986)") cites the
    sentence that stop ends. The full stop of an initial ("Valentin N. Volóchinov") ends no sentence.
    """
    head = text[a:gs].rstrip()
    head = head[:-1] if head.endswith((".", "?", "!")) else head
    ends = _ends(head, 0, len(head))
    lo = a + ends[-1].end() if ends else a
    tail = next(iter(_ends(text, ge, b)), None)
    hi = tail.start() + 1 if tail else b
    return lo, hi
