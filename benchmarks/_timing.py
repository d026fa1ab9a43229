"""Shared timing helper for the benchmark scripts (median and best of repeated runs, in ms)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def time_ms(label: str, fn: Callable[[], object], repeats: int) -> tuple[str, float, float]:
    """Run ``fn`` once to warm up, then ``repeats`` times; return (label, median ms, best ms)."""
    fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return label, statistics.median(samples), min(samples)
