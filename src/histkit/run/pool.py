"""Run notebooks in worker threads while the main thread stays ready for Ctrl-C.

Python runs signal handlers (Ctrl-C's ``KeyboardInterrupt``, the build's SIGTERM handler) only in
the main thread, between two bytecodes. The operating system may deliver the signal itself to any
thread: when it lands in a worker thread, a main thread blocked in a wait with no time limit
(``Executor.map``'s ``future.result()``, ``Thread.join()``) is never woken, and Ctrl-C does
nothing until the running notebook ends, which may be never (issue 21). So the main thread waits
here in short slices, and between two slices Python runs the pending handler.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import TypeVar

Item = TypeVar("Item")
Out = TypeVar("Out")

SLICE = 0.2  # seconds: how late a signal that landed in a worker thread is handled, at most


def run_in_threads(work: Callable[[Item], Out], items: Sequence[Item], jobs: int) -> list[Out]:
    """``[work(item) for item in items]`` on ``jobs`` threads, in order, interruptible at any moment.

    Like ``list(ThreadPoolExecutor.map(...))``: results in the order of ``items``, and an exception
    raised by ``work`` is raised here once the items before it have ended.

    Parameters
    ----------
    work : callable
        Called once per item, in a worker thread.
    items : sequence
        What to run.
    jobs : int
        How many threads at most (at least one).

    Raises
    ------
    BaseException
        Whatever ``work`` raised, or ``KeyboardInterrupt`` (Ctrl-C, or a subclass for SIGTERM) while
        waiting; then nothing more starts and the running items are left to the caller to stop
        (their kernels), the threads not waited for.
    """
    pool = ThreadPoolExecutor(max_workers=max(1, min(jobs, len(items) or 1)))
    try:
        futures: list[Future[Out]] = [pool.submit(work, item) for item in items]
        for future in futures:
            while not wait([future], timeout=SLICE).done:
                pass  # between two slices, Python runs a pending signal handler (it may raise)
        results = [future.result() for future in futures]
    except BaseException:
        # Ctrl-C (or a bug): start nothing more, and stop the kernels now (the caller does), not
        # when their notebooks end.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results
