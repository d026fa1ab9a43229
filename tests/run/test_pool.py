"""The build's thread pool: results in order, and Ctrl-C handled wherever the signal lands (issue 21)."""

from __future__ import annotations

import signal
import sys
import threading

import pytest

from histkit.run.pool import run_in_threads
from tests.conftest import patience


def test_results_come_in_the_order_of_the_items() -> None:
    assert run_in_threads(lambda n: n * n, [3, 1, 2], jobs=2) == [9, 1, 4]
    assert run_in_threads(lambda n: n, [], jobs=4) == []


def test_an_error_in_a_worker_is_raised_in_the_caller() -> None:
    def work(n: int) -> int:
        if n == 2:
            raise ValueError("two")
        return n

    with pytest.raises(ValueError, match="two"):
        run_in_threads(work, [1, 2, 3], jobs=2)


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="signals aimed at one thread are POSIX")
def test_ctrl_c_that_lands_in_a_worker_thread_stops_the_wait() -> None:
    """Python handles signals in the main thread only; one delivered to a worker thread once left the
    main thread blocked in ``future.result()`` until the notebook ended (issue 21)."""
    release = threading.Event()
    started: list[int] = []
    ready, ended = threading.Event(), threading.Event()

    def work(n: int) -> int:
        started.append(threading.get_ident())
        ready.set()
        release.wait(patience(60))  # a notebook that runs on: it ends only when the test lets it
        ended.set()
        return n

    def interrupt_the_worker() -> None:
        ready.wait(patience(60))
        signal.pthread_kill(started[0], signal.SIGINT)

    threading.Thread(target=interrupt_the_worker, daemon=True).start()
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            run_in_threads(work, [1], jobs=2)
        assert not ended.is_set()  # the interrupt came while the worker still ran, not after it
    finally:
        release.set()
        signal.signal(signal.SIGINT, previous)
    assert sys.exc_info() == (None, None, None)
