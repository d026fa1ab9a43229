"""Kernels for a build: stopping them (by worker thread, by process group, never a kernel that has ended), and
how much CPU a kernel used, read from the system as it is shut down."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest

from histkit.run import kernels


class _Kernel:
    """What kernels.stop reads of a kernel manager: its provisioner's process, sockets, connection file."""

    def __init__(self, process: subprocess.Popen, folder) -> None:  # type: ignore[no-untyped-def]
        self.provisioner = type("P", (), {"process": process, "pid": process.pid})()
        self.ip = str(folder / "sock")
        self.connection_file = str(folder / "kernel.json")


def test_a_kernel_that_ended_without_its_cleanup_does_not_stand_for_a_new_thread(monkeypatch, tmp_path):
    """A thread's id is reused: a dead kernel left under it made stop(thread) stop nothing and say it had."""
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"], start_new_session=True)
    try:
        me = threading.get_ident()
        stale, live = _Kernel(ended, tmp_path), _Kernel(running, tmp_path)
        monkeypatch.setattr(kernels, "_LIVE", {stale: me})  # others may linger from earlier tests
        assert kernels.stop(thread=me, grace=0) == 0  # nothing of this thread runs: it says so
        assert stale not in kernels._LIVE
        kernels._LIVE[live] = me
        assert kernels.stop(thread=me, grace=0) == 1
        assert running.wait(timeout=600) is not None  # killed by its group (an event: returns at once)
    finally:
        running.kill()
        kernels.STOPPING.clear()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="read from Linux's /proc")
def test_cpu_seconds_of_a_running_process_grow_with_its_work():
    before = kernels.cpu_seconds(os.getpid())
    assert before is not None and before >= 0
    end = time.process_time() + 0.3
    while time.process_time() < end:  # work for 0.3 s of CPU
        pass
    assert kernels.cpu_seconds(os.getpid()) >= before + 0.2  # clock ticks are coarse: at least most of it


def test_cpu_seconds_of_no_process_is_unknown():
    assert kernels.cpu_seconds(2**22 + 12345) is None  # above Linux's largest pid


def test_a_kernels_cpu_is_given_once_to_its_thread():
    with kernels._LOCK:
        kernels._CPU[-1] = 1.5
    assert kernels.kernel_cpu(-1) == 1.5
    assert kernels.kernel_cpu(-1) is None
