"""What ingest refuses before it parses: texts it cannot promise to handle.

Kept apart from :mod:`histkit.text.ingest` so that the limits can be read (and changed) in one place.
"""

from __future__ import annotations

import re

from histkit.core.errors import SeedError

# Twenty times the seminar article (47,022 characters). The extractors and the figures are tested and
# timed up to this size (benchmarks/bench_large.py); a longer text is refused rather than left to run
# for many minutes.
MAX_CHARS = 1_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def check_text(text: str, source: str = "<text>") -> None:
    """Refuse a text that ingest cannot promise to handle: too long, or holding control characters.

    Raises
    ------
    SeedError
        Naming the file, and the line and column of the first control character (a NUL byte of a
        broken conversion would otherwise be copied into every table and figure).

    """
    if len(text) > MAX_CHARS:
        raise SeedError(
            f"{source}: the text has {len(text):,} characters, more than histkit handles ({MAX_CHARS:,}); "
            "split it into several seeds, one article each"
        )
    found = _CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise SeedError(
            f"{source}:{line}:{column}: control character U+{ord(found.group()):04X} in the text; "
            "remove it (a PDF-to-text conversion left it) and update sha256 in seed.toml"
        )
