"""Progress lines of a build: one whole line per notebook, however many notebooks end at once.

To report something new during a build: pass it through the ``report`` that :func:`one_line_at_a_time`
returns, so its line never runs into another's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


def one_line_at_a_time(report: Callable[[str], None]) -> Callable[[str], None]:
    """``report`` for notebooks ending in parallel, one line at a time.

    ``print`` writes a line and its newline in two writes, so two threads printing at once could
    give "01-chronology ok 02-railway ok" and then two newlines.
    """
    lock = threading.Lock()

    def say(line: str) -> None:
        with lock:
            report(line)

    return say
