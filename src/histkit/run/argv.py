"""``-p NAME VALUE`` taken from the command line before argparse sees it.

argparse reads any word that starts with a dash as an option, unless it looks like a negative
number: ``-p price_ratio -inf`` failed with "expected 2 arguments", naming no parameter (issue 21).
Here each ``-p``/``--parameter`` of ``histkit build`` takes the next two words as they are, so the
value reaches the parameter check, which names the parameter and the fix.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from histkit.core.errors import ParameterError

FLAGS = ("-p", "--parameter")


def split_parameters(argv: Sequence[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Return ``argv`` without its ``-p NAME VALUE`` triples, and the ``(NAME, VALUE)`` pairs in order.

    Only for the ``build`` command; anything else, or a ``-p`` without two words after it, is left
    to argparse (which says what is missing).

    Raises
    ------
    ParameterError
        If one name is given twice (the second would silently win).

    """
    words = list(argv)
    if "build" not in words or "--" in words:
        return words, []
    rest: list[str] = []
    pairs: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        if words[i] in FLAGS and i + 2 < len(words) and not words[i + 1].startswith("-"):
            pairs.append((words[i + 1], words[i + 2]))
            i += 3
            continue
        rest.append(words[i])
        i += 1
    twice = [name for name, count in Counter(name for name, _ in pairs).items() if count > 1]
    if twice:
        raise ParameterError(f"parameter {twice[0]!r} is given twice with -p; give it once")
    return rest, pairs
