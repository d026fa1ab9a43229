"""Which notebook a build starts first: the longest, as its last run measured (issue 23).

A build runs its notebooks on a few worker threads (one per core), each taking the next notebook when
its own ends. In name order, the first article's four notebooks on two cores left one core idle for a
second or more at the end: the short overview first, then two more on the same thread while the
chronology ran alone on the other. Started longest first (the rule of "longest processing time
first", within a third of the best order for any number of workers), the two threads end close
together.

How long a notebook takes is read from its build record (:func:`histkit.run.cache.last_seconds`): the
seconds its last successful run took. A notebook never run (a fresh clone, a new seed's run) is taken
as the longest, since nothing says it is short; notebooks with nothing known keep their name order.
The order changes only when notebooks start, never what they compute: each runs in a kernel of its
own, and the executed copies and outputs are the same bytes in any order.
"""

from __future__ import annotations

from collections.abc import Sequence


def longest_first(expected: Sequence[float | None]) -> list[int]:
    """Indices of the items in the order to start them: unknown durations first, then longest first.

    Ties (and unknowns among themselves) keep the given order.

    Parameters
    ----------
    expected : sequence of float or None
        Each item's expected seconds, None where nothing is known.

    Returns
    -------
    list of int
        A permutation of ``range(len(expected))``.

    Examples
    --------
    >>> longest_first([1.0, 2.5, 1.75, 2.35])
    [1, 3, 2, 0]
    >>> longest_first([1.0, None, 3.0])
    [1, 2, 0]
    """
    return sorted(range(len(expected)), key=lambda i: (expected[i] is not None, -(expected[i] or 0.0)))
