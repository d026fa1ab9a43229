"""Count the date expressions found per corpus article, by precision. Prints one table.

For each article of ``../shared/corpus/`` (beside the repository) and the first seed: parse the
text and build its dates table (:func:`histkit.extract.dates.dates_table`), then count

- ``dates``: all rows (every date expression found, in any element);
- ``day``, ``month``, ``season``, ``interval``, ``decade``, ``open``, ``year``: rows by precision
  (a Portuguese "12 de outubro de 1924" read only as its year counts as ``year``, not ``day``);
- ``relative``: relative phrases ("two years later");
- ``ms``: median time of parse + dates table (several runs).

Run: ``.venv/bin/python benchmarks/count_dates.py [repeats]``. Asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT / "seeds" / "spenser-bolsheviks-mexico"
PRECISIONS = ("day", "month", "season", "interval", "decade", "open", "year")


def main() -> None:
    """Print one row per article: date rows by precision and the time to find them."""
    from histkit.extract.dates import dates_table
    from histkit.text.ingest import parse_article

    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    articles = [("first-seed", SEED / "article.txt")] + [
        (p.parent.name, p) for p in sorted(CORPUS.glob("*/article.txt"))
    ]
    head = f"{'article':<28}{'dates':>6}" + "".join(f"{p:>9}" for p in PRECISIONS) + f"{'relative':>9}{'ms':>8}"
    print(head)
    print("-" * len(head))
    totals: Counter[str] = Counter()
    times = []
    for name, path in articles:
        text = path.read_text(encoding="utf-8")
        samples = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            table = dates_table(parse_article(text, name))
            samples.append((time.perf_counter() - t0) * 1000)
        ms = statistics.median(samples)
        times.append(ms)
        by = Counter(table["precision"])
        relative = int((table["form"] == "relative").sum())
        totals.update(by)
        totals["dates"] += len(table)
        totals["relative"] += relative
        print(
            f"{name:<28}{len(table):>6}" + "".join(f"{by.get(p, 0):>9}" for p in PRECISIONS)
            + f"{relative:>9}{ms:>8.1f}"
        )
    print("-" * len(head))
    print(
        f"{'total':<28}{totals['dates']:>6}" + "".join(f"{totals[p]:>9}" for p in PRECISIONS)
        + f"{totals['relative']:>9}{statistics.median(times):>8.1f}"
    )


if __name__ == "__main__":
    main()
