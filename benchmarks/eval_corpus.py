"""Score ingest, citations, references and reconciliation on the development corpus. Prints one table.

For each article of ``../shared/corpus/`` (beside the repository) and the first seed: parse the
text, extract the reference list and the in-text citations, reconcile them, and compare with the
publisher's JATS (``source.xml``), which is a ground truth made by the publisher, incomplete in
places (see ``benchmarks/corpus-notes.md`` for where it and the text disagree):

- ``refs``: share of the JATS ``<ref>`` entries whose entry in our list has the right first-author
  surname (``<person-group>/<name>/<surname>`` or ``<collab>``; a corporate name may be printed
  short, see :func:`same_author`) and the ``<year>`` as its year (not merely one of its years);
  our entries are paired with the JATS ones by the similarity of their text.
- ``cit P/R/F1``: in-text citations found and resolved to the right entry, per instance: each
  JATS ``<xref ref-type="bibr">`` printed in ``article.txt`` is placed there by re-running the
  converter that made the text with marks around the xrefs (:mod:`jats_positions`); one of our
  citation rows is a true positive when it pairs, one to one, with an xref in the same place
  (overlapping spans, or the same group) whose rid is the JATS ref our entry is aligned to
  (:mod:`instance_score`). Precision divides by all our citation rows (unresolved ones count
  against it), recall by the printed xrefs (one per rid). ``adj P/R/F1``: the same against the
  JATS corrected by the hand adjudications in ``benchmarks/corpus-adjudications.tsv``.
  ``cnt F1``: the earlier count method, per entry: true positives are ``min(JATS xrefs to the
  entry, our citations resolved to it)`` over all xrefs of the body and notes, printed or not
  (an article whose re-conversion does not reproduce its text falls back to it, marked ``*``).
- ``sec`` and ``fn``: sections and footnotes we found / JATS ``<sec>`` in the body and numbered
  ``<fn>`` of the main article.
- ``ms``: median time of parse + extract + reconcile (several runs).

The first seed has no JATS: its row shows counts only (its truth is in the test suite).

Run: ``.venv/bin/python benchmarks/eval_corpus.py [repeats]``; every false positive and miss of one
article with its context: ``.venv/bin/python benchmarks/eval_corpus.py --detail ARTICLE``. Asserts
nothing.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from instance_score import Adjudication, Outcome, Unit, adjudicate, match, read_adjudications, rows_of
from jats_positions import xref_spans

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


@dataclass
class Instances:
    """Per-instance scoring of one article: against the JATS alone and against JATS + adjudications."""

    jats: Outcome
    adjudicated: Outcome
    unprinted: int


def score_instances(
    text: str, source: Path, cites: Any, pairs: dict[str, str], adjudications: list[Adjudication]
) -> Instances | None:
    """Pair our rows with the printed JATS xrefs; ``None`` when the re-conversion does not give ``text``."""
    spans = xref_spans(source, text)
    if spans is None:
        return None
    units = [Unit(x.start, x.end, rid) for x in spans for rid in x.rids]
    rows = rows_of(cites, pairs)
    fixed, unlisted = adjudicate(units, adjudications)
    total = sum(1 for _ in _body_xrefs(source))
    return Instances(match(rows, units), match(rows, fixed, unlisted), total - sum(len(x.rids) for x in spans))


def _body_xrefs(source: Path) -> list[str]:
    """Every rid of every bibr xref of the main article (body and back, not sub-articles)."""
    root = ET.parse(source).getroot()
    parts = [p for p in (root.find("body"), root.find("back")) if p is not None]
    xrefs = [x for part in parts for x in part.iter("xref") if x.get("ref-type") == "bibr"]
    return [rid for x in xrefs for rid in x.get("rid", "").split()]


def score_article(
    run: Pipeline,
    name: str,
    text: str,
    truth: Truth | None,
    repeats: int,
    source: Path | None = None,
    adjudications: list[Adjudication] | None = None,
) -> dict[str, Any]:
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
    row["cnt_F1"] = 2 * p * r / (p + r) if p + r else 0.0
    inst = score_instances(text, source, cites, pairs, adjudications or []) if source is not None else None
    if inst is None:  # fall back to the count method, marked in the table
        row.update(P=p, R=r, F1=row["cnt_F1"], aP=p, aR=r, aF1=row["cnt_F1"], fallback=True)
        n_truth = sum(truth.xrefs.values())
    else:
        row.update(zip(("P", "R", "F1"), inst.jats.prf, strict=True))
        row.update(zip(("aP", "aR", "aF1"), inst.adjudicated.prf, strict=True))
        row["unprinted"] = inst.unprinted
        n_truth = len(inst.jats.pairs) + len(inst.jats.misses)
    row["sec"] = f"{row['sec']}/{truth.sections}"
    row["fn"] = f"{row['fn']}/{truth.footnotes}"
    row["n_refs"] = f"{len(refs)}/{len(truth.refs)}"
    row["n_cit"] = f"{len(cites)}/{n_truth}"
    return row


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def detail(name: str) -> None:
    """Print every false positive and miss of one article, with its quote and ±60 characters of context."""
    folder = CORPUS / name
    text = (folder / "article.txt").read_text(encoding="utf-8")
    truth = read_truth(folder / "source.xml")
    article, refs, cites = _pipeline()(text, name)
    pairs = align(article, refs, truth)
    adjudications = [a for a in read_adjudications() if a.article == name]
    inst = score_instances(text, folder / "source.xml", cites, pairs, adjudications)
    if inst is None:
        sys.exit(f"{name}: the marked re-conversion does not reproduce article.txt; no per-instance detail")
    by_rid = {t.rid: t for t in truth.refs}
    ours = {r.ref_id: r for r in refs}

    def rid_label(rid: str) -> str:
        t = by_rid.get(rid)
        return f"{rid} ({t.surname} {'/'.join(map(str, t.years)) or 's.d.'})" if t else rid or "-"

    for title, outcome in (("JATS alone", inst.jats), ("JATS + adjudications", inst.adjudicated)):
        p, r, f = outcome.prf
        print(
            f"== {name}, {title}: TP {len(outcome.pairs)}  FP {len(outcome.false_positives)}  "
            f"miss {len(outcome.misses)}  neutral {len(outcome.neutral)}   P {p:.2f} R {r:.2f} F1 {f:.2f}"
        )
    print(f"   ({inst.unprinted} xref rids of the body/back are not printed in article.txt: tables)")
    out = inst.adjudicated
    print("\n-- false positives (our rows paired with no xref)")
    for row in out.false_positives:
        c = cites.iloc[row.index]
        ref = ours.get(row.ref_id)
        entry = f"{row.ref_id}={_first_family(ref)} {ref.year_first}" if ref else "unresolved"
        print(f"FP   {row.start}:{row.end} {c['quote']!r} form={c['form']} -> {entry} -> {rid_label(row.rid)}")
        print(f"     {_context(text, row.start, row.end)}")
    print("\n-- misses (xrefs paired with none of our rows)")
    for unit in out.misses:
        near = [
            f"{cites.iloc[row.index]['quote']!r}->{row.rid or '?' if row.ref_id else 'unresolved'}"
            for row in rows_of(cites, pairs)
            if min(row.group_end, unit.end) > max(row.group_start, unit.start)
        ]
        print(
            f"MISS {unit.start}:{unit.end} {text[unit.start : unit.end]!r} {rid_label(unit.rid)} [{unit.source}]"
            f"  ours here: {', '.join(near) or 'none'}"
        )
        print(f"     {_context(text, unit.start, unit.end)}")

    print("\n-- untagged candidates (a listed surname followed by one of its years, marked by neither side)")
    covered = [(u.start, u.end) for _, u in inst.adjudicated.pairs]
    covered += [(u.start, u.end) for u in inst.adjudicated.misses]
    covered += [(int(s), int(e)) for s, e in zip(cites["start"], cites["end"], strict=True)]
    body_end = min((r.start for r in refs), default=len(text))
    for start, end, rid in untagged_candidates(text[:body_end], truth):
        if not any(min(e, end) > max(s, start) for s, e in covered):
            print(f"CAND {start}:{end} {text[start:end]!r} {rid_label(rid)}")
            print(f"     {_context(text, start, end)}")


def _fold_chars(text: str) -> str:
    """Lower case without accents, one character for one (offsets are kept)."""
    return "".join((unicodedata.normalize("NFKD", c)[:1] or c).casefold()[:1] for c in text)


def untagged_candidates(text: str, truth: Truth) -> list[tuple[int, int, str]]:
    """Places where a listed first author's surname is followed, within 80 characters, by one of its years."""
    folded = _fold_chars(text)
    found = []
    for ref in truth.refs:
        words = [w for w in fold(ref.surname).split() if len(w) > 2]
        if not words or not ref.years:
            continue
        years = "|".join(str(y) for y in ref.years)
        pattern = re.compile(rf"\b{re.escape(words[0])}\b[^()]{{0,80}}?\(?\b(?:{years})[a-z]?\b")
        found += [(m.start(), m.end(), ref.rid) for m in pattern.finditer(folded)]
    return sorted(found)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--detail":
        for name in sys.argv[2:]:
            detail(name)
        return
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS}: it sits beside the repository as ../shared/corpus")
    run = _pipeline()
    adjudications = read_adjudications()
    rows = []
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "article.txt").is_file()):
        text = (folder / "article.txt").read_text(encoding="utf-8")
        mine = [a for a in adjudications if a.article == folder.name]
        truth = read_truth(folder / "source.xml")
        rows.append(score_article(run, folder.name, text, truth, repeats, folder / "source.xml", mine))
    rows.append(score_article(run, SEED.name, (SEED / "article.txt").read_text(encoding="utf-8"), None, repeats))

    head = (
        f"{'article':<27} {'refs':>4} {'cit P':>5} {'cit R':>5} {'F1':>4} {'adj P':>5} {'adj R':>5} {'F1':>4} "
        f"{'cnt F1':>6} {'cites':>7} {'res':>3} {'entries':>7} {'sec':>5} {'fn':>5} {'ms':>5}"
    )
    print(head)
    print("-" * len(head))

    def num(value: Any, width: int) -> str:
        return f"{value:>{width}.2f}" if isinstance(value, float) else f"{'-' if value is None else value:>{width}}"

    for row in rows:
        if "error" in row:
            print(f"{row['article']:<27} ERROR {row['error']}")
            continue
        name = row["article"] + ("*" if row.get("fallback") else "")
        print(
            f"{name:<27} {num(row.get('refs'), 4)} {num(row.get('P'), 5)} {num(row.get('R'), 5)} "
            f"{num(row.get('F1'), 4)} {num(row.get('aP'), 5)} {num(row.get('aR'), 5)} {num(row.get('aF1'), 4)} "
            f"{num(row.get('cnt_F1'), 6)} {row['n_cit']!s:>7} {row['resolved']:>3} {row['n_refs']!s:>7} "
            f"{row['sec']!s:>5} {row['fn']!s:>5} {row['ms']:>5.1f}"
        )
    scored = [r for r in rows if r["article"] != SEED.name]
    keys = ("refs", "P", "R", "F1", "aP", "aR", "aF1", "cnt_F1")
    mean = {k: statistics.fmean(r.get(k, 0.0) for r in scored) for k in keys}
    times = [r["ms"] for r in scored if "ms" in r]
    print("-" * len(head))
    print(
        f"{'mean (errors=0)':<27} {mean['refs']:>4.2f} {mean['P']:>5.2f} {mean['R']:>5.2f} {mean['F1']:>4.2f} "
        f"{mean['aP']:>5.2f} {mean['aR']:>5.2f} {mean['aF1']:>4.2f} {mean['cnt_F1']:>6.2f}"
        f"   median ms {statistics.median(times) if times else float('nan'):.1f}  ({len(scored) - len(times)} errors)"
    )
    unprinted = sum(r.get("unprinted", 0) for r in scored)
    fallback = [r["article"] for r in scored if r.get("fallback")]
    print(
        f"cites = our rows / printed JATS xref rids ({unprinted} more in tables, not printed, count only in cnt F1);"
        f" adjudications: {len(adjudications)}; * = count method, text not reproduced: {', '.join(fallback) or 'none'}"
    )


if __name__ == "__main__":
    main()
