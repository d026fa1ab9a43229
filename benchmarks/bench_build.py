"""Benchmark `histkit build` where people wait, on a throwaway copy of the project. Prints tables; asserts nothing.

In one run (issue 23), each step timed as a whole command, process start included, median of ``--runs``:

- **cold build** (`histkit build --force`, no result remembered: `build/cache/memo/` and `build/cache/seeds/`
  deleted first; the run records, which keep each notebook's parameters and last CPU time, stay) against **plain
  papermill serial** (one Python process running the same notebooks one after another with papermill's own
  kernel manager, from the same empty cache), and their ratio (target <= 0.35);
- a forced build with the cache of remembered results (`build/cache/memo/`) warm, as after a code change;
- the **floor**: for each notebook, a bare kernel started and that notebook's own imports run, one after the
  other (what no build can avoid without sharing kernels);
- the **no-change rebuild** (target < 0.3 s) and a rebuild after **editing one notebook**;
- a **new article**: `histkit new` on a corpus article and `histkit build --seed` on it (target <= 10 s).

The machine is shared: the load average (`/proc/loadavg`) is printed before and after every step, and every
sample is shown next to its median. Peak memory is the largest sum of resident memory over the build process
and all its kernels, sampled every 20 ms.

Run: .venv/bin/python benchmarks/bench_build.py [--runs 3] [--article NAME] [--jobs N]
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PAGE = os.sysconf("SC_PAGE_SIZE")
PAPERMILL_SERIAL = """
import sys
from pathlib import Path
import papermill

out = Path(sys.argv[1])
for name in sys.argv[2:]:
    notebook = Path(name)
    papermill.execute_notebook(str(notebook), str(out / notebook.name), kernel_name="python3", progress_bar=False,
                               cwd=str(notebook.parent))
"""
FLOOR = """
import sys
from jupyter_client.manager import start_new_kernel

for code in sys.argv[1:]:
    km, kc = start_new_kernel(kernel_name="python3", extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
    try:
        reply = kc.execute_interactive(code, timeout=300)
        assert reply["content"]["status"] == "ok", reply["content"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
"""


def load() -> str:
    """The 1-minute load average and the number of cores, for the record."""
    return f"load {Path('/proc/loadavg').read_text().split()[0]} on {os.cpu_count()} cores"


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


CPU: list[float] = []  # CPU seconds (user + system) of every command timed, its kernels included


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Run ``command``; return (seconds, peak tree RSS in bytes, stdout). Exits if it fails.

    Its CPU time (with every process it waited for: kernels) is appended to :data:`CPU`.
    """
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    peak = 0

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, err = proc.communicate()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {proc.returncode}:\n{err[-2000:]}")
    return time.perf_counter() - start, peak, out


def histkit(root: Path, *args: str) -> tuple[float, int, str]:
    """Run `histkit ARGS` in ``root`` with this tree's sources."""
    return timed([sys.executable, "-m", "histkit.run.cli", *args], root,
                 {"PYTHONPATH": str(ROOT / "src"), "HISTKIT_ROOT": str(root)})


def imports_of(notebook: Path) -> str:
    """The import statements of a notebook's code cells (what its kernel must load before any work)."""
    found = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        try:
            tree = ast.parse("".join(cell["source"]))
        except SyntaxError:
            continue
        found += [ast.unparse(node) for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    return "\n".join(found)


class Table:
    """Rows of (step, samples, peak memory), printed with medians and the load at the time."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, list[float], list[float], int, str]] = []

    def add(self, label: str, samples: list[float], cpu: list[float], peak: int = 0, loads: str = "") -> float:
        self.rows.append((label, samples, cpu, peak, loads))
        print(f"  {label}: {', '.join(f'{s:.2f}' for s in samples)} s, CPU {', '.join(f'{c:.2f}' for c in cpu)} s"
              f" ({loads})", flush=True)
        return statistics.median(samples)

    def print(self) -> None:
        print(f"\n{'step':<44} {'median s':>8} {'CPU s':>6} {'runs':>4} {'peak MB':>7}  samples s; load before, after")
        for label, samples, cpu, peak, loads in self.rows:
            peak_mb = f"{peak / 2**20:7.0f}" if peak else f"{'':7}"
            print(f"{label:<44} {statistics.median(samples):>8.2f} {statistics.median(cpu):>6.2f} {len(samples):>4} "
                  f"{peak_mb}  {' '.join(f'{s:.2f}' for s in samples)}; {loads}")


def repeat(runs: int, step: Callable[[], tuple[float, int]]) -> tuple[list[float], list[float], int, str]:
    """Run ``step`` (returning (seconds, peak)) ``runs`` times; samples, CPU samples, the largest peak, the loads."""
    samples, cpu, peaks, before = [], [], [0], load()
    for _ in range(runs):
        CPU.clear()
        seconds, peak = step()
        samples.append(seconds)
        cpu.append(sum(CPU))
        peaks.append(peak)
    return samples, cpu, max(peaks), f"{before} -> {load().split(' on ')[0]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each step (the median is reported)")
    parser.add_argument("--article", default="edur-literatura-indigena", help="corpus article for the new-article step")
    parser.add_argument("--jobs", type=int, default=None,
                        help="--jobs for the cold build (default: the build's own default), to compare settings")
    args = parser.parse_args()
    table = Table()
    print(f"histkit build benchmark, {time.strftime('%Y-%m-%d %H:%M:%S')}, {load()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="histkit-bench-") as tmp:
        root = Path(tmp) / "project"
        root.mkdir()
        shutil.copy(ROOT / "pyproject.toml", root)
        shutil.copytree(ROOT / "seeds", root / "seeds")
        shutil.copytree(ROOT / "notebooks", root / "notebooks")
        notebooks = sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb"))
        histkit(root, "list")  # parameter declarations remembered once, as after any first command

        def cold() -> tuple[float, int]:
            shutil.rmtree(root / "build" / "cache" / "memo", ignore_errors=True)
            shutil.rmtree(root / "build" / "cache" / "seeds", ignore_errors=True)
            seconds, peak, _ = histkit(root, "build", "--force", *(["--jobs", str(args.jobs)] if args.jobs else []))
            return seconds, peak

        def papermill_serial() -> tuple[float, int]:
            shutil.rmtree(root / "build" / "cache" / "memo", ignore_errors=True)
            out = Path(tmp) / "papermill"
            out.mkdir(exist_ok=True)
            seconds, peak, _ = timed([sys.executable, "-c", PAPERMILL_SERIAL, str(out), *map(str, notebooks)], root,
                                     {"PYTHONPATH": str(ROOT / "src"), "HISTKIT_ROOT": str(root)})
            return seconds, peak

        print("cold build and papermill serial, alternating:", flush=True)
        cold_s, cold_cpu, pm_s, pm_cpu, peaks, before = [], [], [], [], [0], load()
        for _ in range(args.runs):
            CPU.clear()
            seconds, peak = cold()
            cold_s.append(seconds)
            cold_cpu.append(sum(CPU))
            peaks.append(peak)
            CPU.clear()
            pm_s.append(papermill_serial()[0])
            pm_cpu.append(sum(CPU))
        loads = f"{before} -> {load().split(' on ')[0]}"
        cold_median = table.add("cold build (--force, nothing remembered)", cold_s, cold_cpu, max(peaks), loads)
        pm_median = table.add("plain papermill serial (same notebooks)", pm_s, pm_cpu, 0, loads)

        samples, cpu, peak, loads = repeat(args.runs, lambda: histkit(root, "build", "--force")[:2])
        table.add("forced build, remembered results warm", samples, cpu, peak, loads)

        floor_code = [imports_of(nb) for nb in notebooks]
        samples, cpu, _, loads = repeat(args.runs, lambda: timed([sys.executable, "-c", FLOOR, *floor_code], root,
                                                                 {"PYTHONPATH": str(ROOT / "src")})[:2])
        floor_median = table.add(f"floor: bare kernel + its imports x {len(notebooks)}", samples, cpu, 0, loads)

        samples, cpu, peak, loads = repeat(max(args.runs, 5), lambda: histkit(root, "build")[:2])
        nochange = table.add("no-change rebuild (whole command)", samples, cpu, peak, loads)

        target = notebooks[-1]
        edits = iter(range(1000))

        def edit() -> tuple[float, int]:
            nb = json.loads(target.read_text(encoding="utf-8"))
            nb["metadata"]["benchmark_edit"] = next(edits)
            target.write_text(json.dumps(nb, indent=1) + "\n", encoding="utf-8")
            return histkit(root, "build")[:2]

        samples, cpu, peak, loads = repeat(args.runs, edit)
        table.add(f"rebuild after editing {target.name}", samples, cpu, peak, loads)

        source = CORPUS / args.article / "article.txt"
        if source.is_file():
            article = Path(tmp) / args.article / "article.txt"
            article.parent.mkdir()
            shutil.copy(source, article)

            def new_article() -> tuple[float, int]:
                shutil.rmtree(root / "seeds" / "bench-new", ignore_errors=True)
                shutil.rmtree(root / "build" / "runs", ignore_errors=True)
                first, _, _ = histkit(root, "new", str(article), "--name", "bench-new")
                seconds, peak, _ = histkit(root, "build", "--seed", str(root / "seeds" / "bench-new"))
                return first + seconds, peak

            samples, cpu, peak, loads = repeat(args.runs, new_article)
            new_median = table.add("new article: histkit new + build --seed", samples, cpu, peak, loads)
            print(f"  (the article: {args.article}, {len(source.read_text(encoding='utf-8')):,} characters)")
        else:
            new_median = float("nan")
            print(f"  (no corpus article at {source}: the new-article step is left out)")

    table.print()
    print()
    print(f"cold build / papermill serial: {cold_median / pm_median:.2f} (target <= 0.35); in CPU time "
          f"{statistics.median(table.rows[0][2]) / statistics.median(table.rows[1][2]):.2f}")
    print(f"cold build / floor:            {cold_median / floor_median:.2f}")
    print(f"no-change rebuild:             {nochange:.2f} s (target < 0.3)")
    print(f"new article to workbook:       {new_median:.1f} s (target <= 10)")
    print(f"finished {time.strftime('%H:%M:%S')}, {load()}. On a loaded machine wall times stretch by about the load "
          "over the cores; CPU times (user + system, kernels included) are what a quiet machine's wall time approaches "
          "for serial steps")


if __name__ == "__main__":
    main()
