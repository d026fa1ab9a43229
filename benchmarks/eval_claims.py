"""Score the automatic statement checks against the hand-read truth in ``../shared/claims-truth/``.

Run by hand (it asserts nothing)::

    PYTHONPATH=src python benchmarks/eval_claims.py [--detail] [--time]

A found row matches a truth row when their spans overlap (a truth row of the same kind first,
then the largest overlap). It prints, per article and per kind: precision (found rows that match a
truth row), recall (truth rows matched), verdict agreement among the matched truth rows (a statement
read two ways is consistent if either reading is; ``needs_outside_value`` counts as
``unverifiable``), and the inconsistent statements found and called inconsistent. Then the first
article, read with no curated file: the rows the issue asks for, and any automatic verdict that
contradicts a curated one on the same statement. ``--time`` adds the median time of the checks
per corpus article and the time on long texts (the article repeated), to show it is linear.
"""

from __future__ import annotations

import hashlib
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _timing import time_ms  # noqa: E402

from histkit.analyse.auto_checks import automatic_claims  # noqa: E402
from histkit.text.ingest import parse_article  # noqa: E402

SHARED = ROOT.parent / "shared"
TRUTH = SHARED / "claims-truth"
CORPUS = SHARED / "corpus"
SEED = ROOT / "seeds" / "spenser-bolsheviks-mexico"


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _verdict(value: str) -> str:
    return "unverifiable" if value == "needs_outside_value" else value


def match(found: list[dict], truth: list[dict]) -> dict[int, int]:
    """Found row index -> truth row index, for found rows overlapping a truth row."""
    pairs = {}
    for i, f in enumerate(found):
        best = None
        for j, t in enumerate(truth):
            size = _overlap(f["start"], f["end"], t["start"], t["end"])
            if size:
                key = (f["kind"] == t["kind"], size)
                if best is None or key > best[0]:
                    best = (key, j)
        if best is not None:
            pairs[i] = best[1]
    return pairs


def score(found: list[dict], truth: list[dict]) -> dict[str, object]:
    """Counts for one article (or one kind): found, matched, truth, recalled, agreed, inconsistent."""
    pairs = match(found, truth)
    by_truth: dict[int, list[str]] = defaultdict(list)
    for i, j in pairs.items():
        by_truth[j].append(found[i]["status"])
    agreed = 0
    inconsistent_found = 0
    disagreements = []
    for j, statuses in by_truth.items():
        ours = "consistent" if "consistent" in statuses else statuses[0]
        theirs = _verdict(truth[j]["verdict"])
        agreed += ours == theirs
        if ours != theirs:
            disagreements.append((truth[j]["id"], theirs, ours))
        inconsistent_found += theirs == "inconsistent" and ours == "inconsistent"
    return {
        "found": len(found), "matched": len(pairs), "truth": len(truth), "recalled": len(by_truth),
        "agreed": agreed, "inconsistent": sum(_verdict(t["verdict"]) == "inconsistent" for t in truth),
        "inconsistent_found": inconsistent_found, "disagreements": disagreements,
        "unmatched": [found[i] for i in range(len(found)) if i not in pairs],
        "missed": [t for j, t in enumerate(truth) if j not in by_truth],
    }


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def _line(name: str, s: dict[str, object]) -> str:
    return (f"| {name} | {s['found']} | {_ratio(s['matched'], s['found'])} | {s['truth']} | "
            f"{_ratio(s['recalled'], s['truth'])} | {_ratio(s['agreed'], s['recalled'])} | "
            f"{s['inconsistent_found']}/{s['inconsistent']} |")


def load(name: str) -> tuple[object, dict]:
    data = json.loads((TRUTH / f"{name}.json").read_text(encoding="utf-8"))
    raw = (CORPUS / name / "article.txt").read_bytes()
    if hashlib.sha256(raw).hexdigest() != data["sha256"]:
        print(f"warning: {name}: article.txt is not the text the truth was read on")
    return parse_article(raw.decode("utf-8"), name), data


def main() -> None:
    detail = "--detail" in sys.argv
    header = "| {} | found | precision | truth | recall | verdict agreement | inconsistent found |"
    rule = "|---|---|---|---|---|---|---|"
    totals = {"found": [], "truth": []}
    print(header.format("article"), rule, sep="\n")
    per_kind_found: dict[str, list[dict]] = defaultdict(list)
    per_kind_truth: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(TRUTH.glob("*.json")):
        article, data = load(path.stem)
        found = automatic_claims(article).to_dict("records")
        s = score(found, data["rows"])
        print(_line(path.stem, s))
        totals["found"] += [dict(f, article=path.stem) for f in found]
        totals["truth"] += [dict(t, article=path.stem) for t in data["rows"]]
        if detail:
            for tid, theirs, ours in s["disagreements"]:
                print(f"    verdict differs {tid}: truth {theirs}, checker {ours}")
            for f in s["unmatched"]:
                print(f"    not in truth: {f['kind']} {f['status']} {f['quote'][:70]!r}")
            for t in s["missed"]:
                print(f"    missed {t['id']} {t['kind']} {t['verdict']} {t['difficulty']}: {t['quote'][:60]!r}")
    # scoring the whole corpus at once keeps every match inside its own article
    overall = _combined(totals["found"], totals["truth"])
    print(_line("**all**", overall))
    for f in totals["found"]:
        per_kind_found[f["kind"]].append(f)
    for t in totals["truth"]:
        per_kind_truth[t["kind"]].append(t)
    print()
    print(header.format("kind"), rule, sep="\n")
    for kind in sorted(set(per_kind_found) | set(per_kind_truth)):
        found_kind = [f for f in totals["found"] if f["kind"] == kind]
        truth_kind = [t for t in totals["truth"] if t["kind"] == kind]
        print(_line(kind, _combined(found_kind, truth_kind)))
    print()
    first_article()
    if "--time" in sys.argv:
        timing()


def _combined(found: list[dict], truth: list[dict]) -> dict[str, object]:
    out: dict[str, object] = {}
    for name in sorted({r["article"] for r in found} | {t["article"] for t in truth}):
        s = score([f for f in found if f["article"] == name], [t for t in truth if t["article"] == name])
        for key, value in s.items():
            out[key] = out.get(key, 0 if isinstance(value, int) else []) + value
    return out or score([], [])


def first_article() -> None:
    """The first article with no curated file: what the issue asks the automatic checks to find."""
    from histkit import load_seed
    from histkit.cases import spenser

    text = (SEED / "article.txt").read_text(encoding="utf-8")
    auto = automatic_claims(parse_article(text, "uncurated-copy"))
    print("First article, uncurated copy:", len(auto), "automatic checks")
    for row in auto.itertuples():
        print(f"- {row.kind} {row.status}: {row.quote[:60]!r} stated {row.stated}, computed {row.computed}")
    curated = spenser.all_claims(load_seed(SEED)).query("checker == 'curated'")
    clashes = [
        (a.quote, a.status, c.claim_id, c.status)
        for a in auto.itertuples() for c in curated.itertuples()
        if _overlap(a.start, a.end, c.start, c.end) and {a.status, c.status} == {"consistent", "inconsistent"}
    ]
    # "unverifiable" (no outside rate) beside a curated verdict made with one is no contradiction
    print("automatic verdicts contradicting a curated one:", clashes or "none")


def _cpu_ms(fn: object, repeats: int = 5) -> float:
    """Median CPU time of ``fn()`` in ms: on a shared machine, wall time mostly measures the others."""
    fn()
    samples = []
    for _ in range(repeats):
        start = time.process_time()
        fn()
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples)


def timing() -> None:
    articles = [parse_article((d / "article.txt").read_text(encoding="utf-8"), d.name)
                for d in sorted(CORPUS.iterdir()) if (d / "article.txt").is_file()]
    wall = [time_ms(a.seed_id, lambda a=a: automatic_claims(a), 5)[1] for a in articles]
    cpu = [_cpu_ms(lambda a=a: automatic_claims(a)) for a in articles]
    ingest = [_cpu_ms(lambda a=a: parse_article(a.text, a.seed_id)) for a in articles]
    print(f"\nchecks per corpus article: median {statistics.median(cpu):.1f} ms CPU (max {max(cpu):.1f}), "
          f"{statistics.median(wall):.1f} ms wall; ingest alone {statistics.median(ingest):.1f} ms CPU")
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    for copies in (1, 4, 16):
        article = parse_article("\n\n".join([text] * copies), "long")
        best = min(_cpu_ms(lambda article=article: automatic_claims(article), 1) for _ in range(3))
        print(f"  {copies:>2} x the first article ({len(article.text):,} chars): {best:.0f} ms CPU "
              f"({best / copies:.1f} ms per copy)")


if __name__ == "__main__":
    main()
