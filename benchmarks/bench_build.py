"""Benchmark `histkit build` on a throwaway copy of the project. Prints a table; asserts nothing.

Rows: a cold full build with 1 and with 2 jobs; a no-change rebuild (the whole command, process
start included); a rebuild after editing one notebook; and the floor: a bare kernel started and
pandas + matplotlib imported once per notebook, one after the other. Peak memory is the largest sum
of resident memory over the build process and all its kernels, sampled every 20 ms.

Run: .venv/bin/python benchmarks/bench_build.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * PAGE
            # Kernels are started from worker threads, and each thread lists its own children.
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack.extend(int(c) for c in handle.read().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def run(root: Path, *args: str) -> tuple[float, int, str]:
    """Run `histkit ARGS` in ``root``; return (seconds, peak tree RSS in bytes, stdout)."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "histkit.run.cli", *args]
    proc = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, _ = proc.communicate()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"histkit {' '.join(args)} failed with status {proc.returncode}")
    return time.perf_counter() - start, peak, out


def floor(count: int) -> float:
    """Seconds to start a bare kernel and import pandas and matplotlib, ``count`` times in a row."""
    from jupyter_client.manager import start_new_kernel

    start = time.perf_counter()
    for _ in range(count):
        km, kc = start_new_kernel(kernel_name="python3", extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
        try:
            kc.execute_interactive("import pandas, matplotlib", timeout=120)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="histkit-bench-") as tmp:
        root = Path(tmp)
        shutil.copy(ROOT / "pyproject.toml", root)
        shutil.copytree(ROOT / "seeds", root / "seeds")
        shutil.copytree(ROOT / "notebooks", root / "notebooks")
        notebooks = sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb"))
        rows = []

        seconds, peak1, _ = run(root, "build", "--force", "--jobs", "1")
        rows.append(("cold build, --jobs 1", seconds, peak1))
        seconds, peak2, out = run(root, "build", "--force", "--jobs", "2")
        rows.append(("cold build, --jobs 2", seconds, peak2))
        cold2 = seconds
        per_notebook = {line.split()[0]: float(line.split()[-2]) for line in out.splitlines() if " ok " in line}

        seconds, peak, _ = run(root, "build")
        rows.append(("no-change rebuild (whole command)", seconds, peak))

        target = notebooks[-1]
        os.utime(target)  # a touch alone changes no content: still cached
        seconds, peak, _ = run(root, "build")
        rows.append((f"rebuild after touching {target.name} (mtime only)", seconds, peak))

        nb = json.loads(target.read_text(encoding="utf-8"))
        nb["metadata"]["benchmark_edit"] = True
        target.write_text(json.dumps(nb, indent=1) + "\n", encoding="utf-8")
        seconds, peak, out = run(root, "build")
        rows.append((f"rebuild after editing {target.name}", seconds, peak))
        edited = seconds
        alone = next(float(line.split()[-2]) for line in out.splitlines() if line.startswith(target.name))

        floor_s = floor(len(notebooks))
        rows.append((f"floor: bare kernel + pandas/matplotlib x {len(notebooks)}", floor_s, 0))

    print(f"{'step':<58} {'seconds':>8} {'peak MB':>8}")
    for label, seconds, peak in rows:
        print(f"{label:<58} {seconds:>8.2f} {peak / 2**20 if peak else float('nan'):>8.0f}")
    print()
    print(f"notebook times in the --jobs 2 build: {per_notebook}")
    print(f"cold --jobs 2 / floor: {cold2 / floor_s:.2f} (target <= 1.5)")
    print(f"edited-notebook rebuild minus that notebook's own run ({alone:.1f} s): {edited - alone:.2f} s "
          "(target <= 1.0)")
    print(f"peak memory of a cold build: {max(peak1, peak2) / 2**20:.0f} MB (target < 1024)")


if __name__ == "__main__":
    main()
