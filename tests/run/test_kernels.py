"""Kernels for a build: how much CPU a kernel used, read from the system as it is shut down."""

from __future__ import annotations

import os
import sys
import time

import pytest

from histkit.run import kernels


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
