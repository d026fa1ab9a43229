"""Score ingest, citations, references and reconciliation on the development corpus. Prints one table.

For each article of ``../shared/corpus/`` (beside the repository) and the first seed: parse the
text, extract the reference list and the in-text citations, reconcile them, and compare with the
publisher's JATS (``source.xml``), which is a ground truth made by the publisher, incomplete in
places (see ``benchmarks/corpus-notes.md`` for where it and the text disagree):

- ``refs``: share of the JATS ``<ref>`` entries whose entry in our list has the right first-author
  surname (``<person-group>/<name>/<surname>`` or ``<collab>``; a corporate name may be printed
  short, see :func:`same_author`) and the ``<year>`` as its year (not merely one of its years);
  our entries are paired with the JATS ones by the similarity of their text.
- ``cit P/R/F1``: in-text citations found and resolved to the right entry, counted per entry:
  true positives are ``min(JATS xrefs to the entry, our citations resolved to it)``; precision
  divides by all our citation rows (unresolved ones count against it), recall by all JATS
  ``<xref ref-type="bibr">`` of the main article's body and notes.
- ``sec`` and ``fn``: sections and footnotes we found / JATS ``<sec>`` in the body and numbered
  ``<fn>`` of the main article.
- ``ms``: median time of parse + extract + reconcile (several runs).

The first seed has no JATS: its row shows counts only (its truth is in the test suite).

Run: ``.venv/bin/python benchmarks/eval_corpus.py [repeats]``. Asserts nothing.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT / "seeds" / "spenser-bolsheviks-mexico"


def _pipeline() -> Callable[[str, str], tuple[Any, list[Any], Any]]:
    """The package's parse + extract + reconcile."""
    from histkit.analyse.reconcile import reconcile
    from histkit.extract.citations import citations_table
    from histkit.extract.references import article_references
    from histkit.text.ingest import parse_article

    def run(text: str, seed_id: str) -> tuple[Any, list[Any], Any]:
        article = parse_article(text, seed_id)
        refs = article_references(article)
        return article, refs, reconcile(citations_table(article), refs)

    return run


def fold(text: str) -> str:
    """Lower case without accents, apostrophes or punctuation: for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^\w]+", " ", plain).strip()


@dataclass
class TruthRef:
    """One JATS ``<ref>``: its id, first author (surname or collab), years and printed text."""

    rid: str
    surname: str
    years: list[int]
    text: str


@dataclass
class Truth:
    """What the JATS says about the main article."""

    refs: list[TruthRef] = field(default_factory=list)
    xrefs: Counter[str] = field(default_factory=Counter)
    sections: int = 0
    footnotes: int = 0


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def read_truth(path: Path) -> Truth:
    """Read the main article's refs, bibr xrefs (body and notes), sections and numbered notes."""
    root = ET.parse(path).getroot()
    truth = Truth()
    body, back = root.find("body"), root.find("back")
    notes = [fn for part in (body, back) if part is not None for fn in part.iter("fn") if fn.find("label") is not None]
    truth.footnotes = len(notes)
    truth.sections = len(list(body.iter("sec"))) if body is not None else 0
    for part in [body, *notes]:
        if part is None:
            continue
        for xref in part.iter("xref"):
            if xref.get("ref-type") == "bibr":
                for rid in (xref.get("rid") or "").split():
                    truth.xrefs[rid] += 1
    for ref in back.iter("ref") if back is not None else []:
        cite = ref.find("element-citation") or ref.find("mixed-citation")
        group = None
        if cite is not None:
            groups = cite.findall("person-group")
            group = next((g for g in groups if g.get("person-group-type") == "author"), groups[0] if groups else None)
        surname = ""
        if group is not None:
            first = next(iter(group), None)
            if first is not None:
                surname = _text(first.find("surname")) if first.tag in ("name", "string-name") else _text(first)
        if not surname and cite is not None and cite.find(".//collab") is not None:
            surname = _text(cite.find(".//collab"))
        years = [int(y) for y in re.findall(r"\d{4}", _text(cite.find("year") if cite is not None else None))]
        mixed = ref.find("mixed-citation")
        truth.refs.append(TruthRef(ref.get("id", ""), surname, years, _text(mixed if mixed is not None else cite)))
    return truth


def _first_family(ref: Any) -> str:
    names = ref.authors or ref.editors
    if names:
        return names[0].family
    return ref.key.split(";")[0] if ref.key else ""


def same_author(ours: str, theirs: str) -> bool:
    """Same first author once folded; a corporate name may be printed short or long.

    "NBS" in the list and "NBS – National Bureau of Statistics of China" in the JATS ``<collab>``
    name the same author, so one folded name that starts the other at a word boundary counts.
    """
    a, b = fold(ours), fold(theirs)
    if not a or not b:
        return False
    return a == b or (f"{b} ".startswith(f"{a} ") or f"{a} ".startswith(f"{b} "))


def _ref_years(ref: Any) -> set[int]:
    years: set[int] = set()
    if ref.year_first is not None:
        years.update(range(ref.year_first, (ref.year_last or ref.year_first) + 1))
    return years


def align(article: Any, refs: list[Any], truth: Truth) -> dict[str, str]:
    """Pair our entries with JATS refs by the similarity of their printed text (ref_id -> rid)."""
    ours = [(r.ref_id, fold(article.text[r.start : r.end])[:120]) for r in refs]
    theirs = [(t.rid, fold(t.text)[:120]) for t in truth.refs]
    scores = sorted(
        ((fuzz.ratio(a, b), i, j) for i, (_, a) in enumerate(ours) for j, (_, b) in enumerate(theirs)),
        reverse=True,
    )
    pairs: dict[str, str] = {}
    used: set[int] = set()
    for score, i, j in scores:
        if score < 60:
            break
        if ours[i][0] in pairs or j in used:
            continue
        pairs[ours[i][0]] = theirs[j][0]
        used.add(j)
    return pairs


Pipeline = Callable[[str, str], tuple[Any, list[Any], Any]]


def score_article(run: Pipeline, name: str, text: str, truth: Truth | None, repeats: int) -> dict[str, Any]:
    """One row of the table."""
    row: dict[str, Any] = {"article": name}
    try:
        article, refs, cites = run(text, name)
    except Exception as err:  # the table reports any failure
        row["error"] = f"{type(err).__name__}: {str(err)[:70]}"
        return row
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run(text, name)
        samples.append((time.perf_counter() - t0) * 1000)
    row["ms"] = statistics.median(samples)
    body_sections = [s for s in article.sections if not getattr(s, "is_references", s.number is None)]
    row["sec"] = len(body_sections)
    row["fn"] = len(article.footnotes)
    row["n_refs"] = len(refs)
    row["n_cit"] = len(cites)
    row["resolved"] = int((cites["ref_id"] != "").sum())
    if truth is None:
        return row
    pairs = align(article, refs, truth)
    by_rid = {t.rid: t for t in truth.refs}
    good = 0
    for ref in refs:
        t = by_rid.get(pairs.get(ref.ref_id, ""))
        if t and same_author(_first_family(ref), t.surname) and (not t.years or set(t.years) & _ref_years(ref)):
            good += 1
    row["refs"] = good / len(truth.refs) if truth.refs else float("nan")
    ours = Counter(pairs.get(r, "?") for r in cites["ref_id"] if r)
    tp = sum(min(n, truth.xrefs.get(rid, 0)) for rid, n in ours.items())
    p = tp / len(cites) if len(cites) else 0.0
    r = tp / sum(truth.xrefs.values()) if truth.xrefs else 0.0
    row.update(P=p, R=r, F1=2 * p * r / (p + r) if p + r else 0.0)
    row["sec"] = f"{row['sec']}/{truth.sections}"
    row["fn"] = f"{row['fn']}/{truth.footnotes}"
    row["n_refs"] = f"{len(refs)}/{len(truth.refs)}"
    row["n_cit"] = f"{len(cites)}/{sum(truth.xrefs.values())}"
    return row


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS}: it sits beside the repository as ../shared/corpus")
    run = _pipeline()
    rows = []
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "article.txt").is_file()):
        text = (folder / "article.txt").read_text(encoding="utf-8")
        rows.append(score_article(run, folder.name, text, read_truth(folder / "source.xml"), repeats))
    rows.append(score_article(run, SEED.name, (SEED / "article.txt").read_text(encoding="utf-8"), None, repeats))

    head = (
        f"{'article':<28} {'refs':>5} {'cit P':>6} {'cit R':>6} {'F1':>5} {'cites':>8} {'resolved':>8} "
        f"{'entries':>7} {'sec':>6} {'fn':>6} {'ms':>6}"
    )
    print(head)
    print("-" * len(head))

    def num(value: Any, width: int) -> str:
        return f"{value:>{width}.2f}" if isinstance(value, float) else f"{'-' if value is None else value:>{width}}"

    for row in rows:
        if "error" in row:
            print(f"{row['article']:<28} ERROR {row['error']}")
            continue
        print(
            f"{row['article']:<28} {num(row.get('refs'), 5)} {num(row.get('P'), 6)} {num(row.get('R'), 6)} "
            f"{num(row.get('F1'), 5)} {row['n_cit']!s:>8} {row['resolved']:>8} {row['n_refs']!s:>7} "
            f"{row['sec']!s:>6} {row['fn']!s:>6} {row['ms']:>6.1f}"
        )
    scored = [r for r in rows if r["article"] != SEED.name]
    mean = {k: statistics.fmean(r.get(k, 0.0) for r in scored) for k in ("refs", "P", "R", "F1")}
    times = [r["ms"] for r in scored if "ms" in r]
    print("-" * len(head))
    print(
        f"{'mean over corpus (errors=0)':<28} {mean['refs']:>5.2f} {mean['P']:>6.2f} {mean['R']:>6.2f} "
        f"{mean['F1']:>5.2f}"
        f"   median ms {statistics.median(times) if times else float('nan'):.1f}  ({len(scored) - len(times)} errors)"
    )


if __name__ == "__main__":
    main()
