"""Which notebook a build starts first: the longest, as its last run measured (issue 23).

A build runs its notebooks on a few worker threads (one per core), each taking the next notebook when
its own ends. In name order, the first article's four notebooks on two cores left one core idle for a
second or more at the end: the short overview first, then two more on the same thread while the
chronology ran alone on the other. Started longest first (the rule of "longest processing time
first", within a third of the best order for any number of workers), the two threads end close
together.

How long a notebook takes is read from its build record (:func:`histkit.run.cache.last_seconds`): the
CPU seconds its kernel used in its last successful run. A notebook never run (a fresh clone, a new
seed's run) is taken as longer than any measured one, since nothing says it is short, and those are
started largest file first: a notebook's saved outputs are mostly its figures, and drawing figures is
most of a notebook's time (the first article's four, by size, are in the order their times give).
The order changes only when notebooks start, never what they compute: each runs in a kernel of its
own, and the executed copies and outputs are the same bytes in any order.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def default_jobs(cores: int | None = None, forked: bool = True) -> int:
    """How many notebooks a build runs at once when ``--jobs`` is not given: one more than the cores.

    A kernel does not keep its core busy all the time: it waits for the build to hand it each cell and to
    take its outputs, and at its start and end for the build to connect and let it go. With one notebook
    per core, a core idles in those waits, and at the end while the last notebook runs alone. One more
    kernel fills them (the first article's cold build on two cores, quiet, medians of three: 5.17 and
    5.25 s with three at once against 5.60 s with two, issue 23). Without forked kernels (Windows) each kernel starts a
    Python and its imports, and one per core is kept.

    Parameters
    ----------
    cores : int, optional
        The machine's cores; by default :func:`os.cpu_count`.
    forked : bool
        Whether kernels are forked from a process that has done their imports (:mod:`histkit.run.zygote`).

    Examples
    --------
    >>> default_jobs(2), default_jobs(1), default_jobs(4, forked=False)
    (3, 2, 4)
    """
    cores = max(1, (os.cpu_count() or 1) if cores is None else cores)
    return cores + 1 if forked else cores


def file_size(path: Path) -> int:
    """A notebook file's bytes (0 if it cannot be read): what orders the notebooks never run."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def longest_first(expected: Sequence[float | None], sizes: Sequence[int] | None = None) -> list[int]:
    """Indices of the items in the order to start them: unknown durations first, then longest first.

    Unknowns among themselves start largest first (by ``sizes``); ties keep the given order.

    Parameters
    ----------
    expected : sequence of float or None
        Each item's expected seconds, None where nothing is known.
    sizes : sequence of int, optional
        Each item's size (a notebook file's bytes), which orders the unknown ones.

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
    >>> longest_first([None, None, 2.0], sizes=[10, 30, 20])
    [1, 0, 2]
    """
    size = sizes or [0] * len(expected)

    def rank(i: int) -> tuple[bool, float, int]:
        known = expected[i] is not None
        return known, -(expected[i] or 0.0), 0 if known else -size[i]

    return sorted(range(len(expected)), key=rank)
