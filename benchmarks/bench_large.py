"""Large texts: how ingest and a build scale with the size of the article. Prints a table; asserts nothing.

Rows: ``parse_article`` on the article repeated 1, 5 and 20 times (linear, well under a second); how
long the 9 MB text (the article repeated 200 times, issue 10) takes to be refused (it is longer than
``histkit.text.limits.MAX_CHARS``); and a whole ``histkit build`` of an uncurated seed holding the
article repeated N times (default 1 and 10), on a throwaway copy of the project.

Run: .venv/bin/python benchmarks/bench_large.py [N ...]
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from histkit.core.errors import SeedError
from histkit.text.ingest import parse_article
from histkit.text.limits import MAX_CHARS

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "spenser-bolsheviks-mexico"
TOML = """[seed]
id = "large-{n}"
file = "article.txt"
sha256 = "{sha}"

[bibliographic]
title = "The article repeated {n} times"
"""


def _seed(folder: Path, text: str, n: int) -> Path:
    folder.mkdir(parents=True)
    data = text.encode("utf-8")
    (folder / "article.txt").write_bytes(data)
    (folder / "seed.toml").write_text(TOML.format(n=n, sha=hashlib.sha256(data).hexdigest()))
    return folder


def main() -> None:
    counts = [int(a) for a in sys.argv[1:]] or [1, 10]
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    print(f"{'step':<52} {'characters':>11} {'seconds':>9}")
    for n in (1, 5, 20):
        start = time.perf_counter()
        parse_article(text * n, "large")
        print(f"{f'parse_article, article x {n}':<52} {len(text) * n:>11,} {time.perf_counter() - start:>9.3f}")
    start = time.perf_counter()
    try:
        parse_article(text * 200, "large", "large/article.txt")
        outcome = "accepted"
    except SeedError:
        outcome = f"refused (limit {MAX_CHARS:,})"
    print(f"{f'9 MB text (x 200): {outcome}':<52} {len(text) * 200:>11,} {time.perf_counter() - start:>9.3f}")
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "build", ".git", "*.pyc"))
        for n in counts:
            seed = _seed(Path(tmp) / f"large-{n}", text * n, n)
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "histkit.run.cli", "build", "--seed", str(seed)],
                                  cwd=project, capture_output=True, text=True)
            seconds = time.perf_counter() - start
            status = "ok" if done.returncode == 0 else f"exit {done.returncode}"
            print(f"{f'histkit build, uncurated article x {n} ({status})':<52} {len(text) * n:>11,} {seconds:>9.1f}")
            for line in done.stdout.splitlines():
                print(f"    {line}")
            if done.returncode:
                print(f"    {done.stderr.strip()[:300]}")


if __name__ == "__main__":
    main()
