"""Time reading, checking and parsing the seed (target: under 50 ms). Prints a table; asserts nothing.

Run: .venv/bin/python benchmarks/bench_ingest.py [repeats]
"""

from __future__ import annotations

import sys
from pathlib import Path

from _timing import time_ms

from histkit import load_seed, parse_article
from histkit.text.seed import read_seed
from histkit.text.tables import paragraphs_table, repairs_table

SEED = Path(__file__).resolve().parents[1] / "seeds" / "spenser-bolsheviks-mexico"




def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    text = read_seed(SEED).text
    article = load_seed(str(SEED))
    rows = [
        time_ms("parse_article (text already read)", lambda: parse_article(text, "s"), repeats),
        time_ms("load_seed (read + sha256 + parse)", lambda: load_seed(str(SEED)), repeats),
        time_ms("paragraphs + repairs tables", lambda: (paragraphs_table(article), repairs_table(article)), repeats),
    ]
    print(f"{'step':<40} {'median ms':>10} {'min ms':>8}   ({repeats} runs, target < 50 ms for ingest)")
    for label, median, best in rows:
        print(f"{label:<40} {median:>10.2f} {best:>8.2f}")


if __name__ == "__main__":
    main()
