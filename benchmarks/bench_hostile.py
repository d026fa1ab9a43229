"""Hostile texts: every extractor on repetitive text at 1x, 10x and 100x a corpus article's size.

Each hostile body (the same few characters repeated, the shapes that once made a pattern backtrack)
is wrapped in the least an article needs (a title, one numbered section, a reference list) and
given to ingest and to every extractor in turn. Each step runs in its own process with a time
budget, so one that never finishes is reported as such rather than holding the table. Prints the
seconds per step and size, wall clock and (in brackets) the CPU time of the process, and of all steps
together (**all**: the 10-second goal of issue 21 is for them); the ratio of the 100x CPU time to the 10x
one (linear: about 10); and the load average before and after (on a shared machine the wall clock grows
with it, the CPU time much less). Asserts nothing; tests never time anything.

Run: .venv/bin/python benchmarks/bench_hostile.py [--budget SECONDS] [--only NAME]
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (ROOT / "seeds" / "spenser-bolsheviks-mexico" / "article.txt").read_text(encoding="utf-8")
ONE = 10_000  # 1x: a corpus article's body is 10,000 to 50,000 characters; 100x is then 1,000,000
SIZES = (1, 10, 100)
HEAD = "A Hostile Article\n\nANA AUTORA\n\n1 INTRODUCTION\n\nThe text reads: "
TAIL = "\n\nREFERENCES\n\nSMITH, B. Another Book. Paris: Press, 1990.\n"

# Repeated units: the shapes of the issue-21 reports, and others of the same family.
UNITS: dict[str, str] = {
    "percent": "12% ",
    "years": "1917, ",
    "year-ranges": "1917-18 ",
    "dates": "5 May 1926, ",
    "months": "May ",
    "number-words": "twenty-five ",
    "number-words-pt": "vinte e cinco ",
    "money": "US$25,000 ",
    "decimals": "56.13 ",
    "citation-groups": "(SMITH, 1990; ",
    "initials": "A. ",
    "capitals": "DA SILVA ",
    "digits": "1",
    "letters": "a",
    "dots": ". ",
    "footnote-marks": "¹",
    # the statements of the automatic checks (issue 18), each repeated in one paragraph
    "comparisons": "in the present study (76 species) was higher than that found by A (2001), who had 64 species. ",
    "event-order": "founded in January 1973, shortly before the revolution, which took place on 25 April 1974. ",
    "remainders": "10 were rare (25.0%) and 12 common (30.0%). The remaining 18 nests (45.0%) ",
    "repeats": "grew rice (22.5% of the total farms) ",
    "article": "",  # the real article, repeated (the shape a long corpus article has)
}


def article_text(name: str, chars: int) -> str:
    """A hostile article of exactly ``chars`` characters: one paragraph of the repeated unit (or the
    real article repeated and cut, the shape of a long corpus article)."""
    unit = UNITS[name] or ARTICLE
    room = chars if not UNITS[name] else chars - len(HEAD) - len(TAIL)
    text = (unit * (room // len(unit) + 1))[:room]
    return text if not UNITS[name] else HEAD + text + TAIL


def _steps() -> dict[str, Callable[[object], object]]:
    from histkit.analyse import audit, auto_checks
    from histkit.extract import citations, dates, quantities, references

    return {
        "dates": dates.dates_table,
        "quantities": lambda a: quantities.quantities_table(a, notes=[]),
        "citations": citations.citations_table,
        "references": references.references_table,
        "audit": audit.run_audit,
        "checks": auto_checks.automatic_claims,
    }


STEP_NAMES = ("ingest", "dates", "quantities", "citations", "references", "audit", "checks")


def _work(name: str, chars: int, step: str, out: multiprocessing.Queue) -> None:
    from histkit.core.errors import HistkitError
    from histkit.text.ingest import parse_article

    text = article_text(name, chars)
    steps = _steps()  # imported before the clock starts
    try:
        if step != "ingest":
            # Loaded once per process, whatever the text (the title-language model, the EDTF memo):
            # before the clock starts, so the 1x column is not mostly a model's load.
            with contextlib.suppress(HistkitError):
                steps[step](parse_article(HEAD + "Warm up. " + TAIL, "warm", "warm/article.txt"))
        wall, cpu = time.perf_counter(), time.process_time()
        article = parse_article(text, "hostile", "hostile/article.txt")
        if step != "ingest":
            wall, cpu = time.perf_counter(), time.process_time()
            steps[step](article)
        out.put((time.perf_counter() - wall, time.process_time() - cpu))
    except HistkitError as err:
        out.put(f"refused: {str(err)[:40]}")


def timed(name: str, chars: int, step: str, budget: float) -> tuple[float, float] | str:
    """(wall, CPU) seconds ``step`` takes on the hostile text, or why there is no time ('>budget')."""
    out: multiprocessing.Queue = multiprocessing.Queue()
    proc = multiprocessing.Process(target=_work, args=(name, chars, step, out))
    proc.start()
    proc.join(budget)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return f">{budget:g}"
    return out.get() if not out.empty() else f"crashed ({proc.exitcode})"


def _cell(seconds: tuple[float, float] | str) -> str:
    return f"{seconds[0]:.3f} ({seconds[1]:.3f})" if isinstance(seconds, tuple) else seconds


def _ratio(large: tuple[float, float] | str, small: tuple[float, float] | str) -> str:
    """The CPU time at 100x over that at 10x (CPU, not wall: other processes on the cores do not count)."""
    if isinstance(large, str) or isinstance(small, str):
        return "-"
    return f"{large[1] / max(small[1], 1e-3):.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=30.0)
    parser.add_argument("--only", action="append", help="only these hostile texts")
    parser.add_argument("--steps", nargs="*", default=list(STEP_NAMES))
    args = parser.parse_args()
    names = args.only or list(UNITS)
    print(f"load average at the start: {_load()} on {os.cpu_count()} cores")
    print("seconds: wall (CPU of the process); ratio: CPU time at 100x over 10x")
    print(f"| text | step | {' | '.join(f'{n}x s' for n in SIZES)} | 100x/10x |")
    print("|---|---|" + "---:|" * (len(SIZES) + 1))
    for name in names:
        totals: list[tuple[float, float] | str] = [(0.0, 0.0)] * len(SIZES)  # all steps: what a build spends
        for step in args.steps:
            cells = [timed(name, ONE * n, step, args.budget) for n in SIZES]
            print(f"| {name} | {step} | {' | '.join(_cell(c) for c in cells)} | {_ratio(cells[2], cells[1])} |",
                  flush=True)
            totals = [t if isinstance(t, str) else c if isinstance(c, str) else (t[0] + c[0], t[1] + c[1])
                      for t, c in zip(totals, cells, strict=True)]
        print(f"| {name} | **all** | {' | '.join(_cell(t) for t in totals)} | {_ratio(totals[2], totals[1])} |",
              flush=True)
    print(f"load average at the end: {_load()}")


def _load() -> str:
    """The 1-, 5- and 15-minute load averages: on a shared machine the times grow with them."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except (AttributeError, OSError):
        return "unknown"


if __name__ == "__main__":
    main()
