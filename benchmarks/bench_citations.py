"""Time parsing and reconciling the seed's citations (target: under 50 ms). Prints a table; asserts nothing.

Run: PYTHONPATH=src python benchmarks/bench_citations.py [repeats]
"""

from __future__ import annotations

import sys
from pathlib import Path

from _timing import time_ms

from histkit import load_seed
from histkit.analyse.audit import run_audit
from histkit.analyse.footnote_sources import footnote_sources
from histkit.analyse.reconcile import reconcile
from histkit.extract.citations import citations_table
from histkit.extract.references import article_references

SEED = Path(__file__).resolve().parents[1] / "seeds" / "spenser-bolsheviks-mexico"




def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    article = load_seed(str(SEED))
    refs = article_references(article)
    cites = citations_table(article)

    def parse_and_reconcile() -> None:
        r = article_references(article)
        reconcile(citations_table(article), r)

    rows = [
        time_ms("citations_table (parse citations)", lambda: citations_table(article), repeats),
        time_ms("article_references (parse list)", lambda: article_references(article), repeats),
        time_ms("reconcile (match 30 works)", lambda: reconcile(cites, refs), repeats),
        time_ms("footnote_sources", lambda: footnote_sources(article, refs), repeats),
        time_ms("parse + reconcile (the target)", parse_and_reconcile, repeats),
        time_ms("run_audit (all tables + findings)", lambda: run_audit(article), repeats),
    ]
    print(f"{'step':<40} {'median ms':>10} {'min ms':>8}   ({repeats} runs, target < 50 ms for parse + reconcile)")
    for label, median, best in rows:
        print(f"{label:<40} {median:>10.2f} {best:>8.2f}")


if __name__ == "__main__":
    main()
