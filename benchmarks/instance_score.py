"""Per-instance citation scoring: which of our citation rows match which JATS xref, and hand adjudications.

Truth units are the (span, rid) pairs of the printed JATS bibr xrefs (one unit per rid of a
multi-rid xref), optionally corrected by ``benchmarks/corpus-adjudications.tsv``. One of our
citation rows (``start``, ``end``, ``group_start``, ``group_end``, ``ref_id``) and one unit pair up
when our row's entry is aligned to the unit's rid and, first, their spans overlap (the xref may
cover "Searle, 1969" while our row covers "Searle, 1969, p.157", or only "2008" of our
"BRAIT, 2006, 2008"), or else the unit overlaps our row's group (the same parenthesis or narrative
citation: a work in it named twice, a typo such as "FERRÃO *et al*.; 2001" split differently). The
pairing is one to one, greedy by overlap, the work-span pass before the group pass. A paired
row is a true positive; an unpaired row a false positive; an unpaired unit a miss.

Adjudication verdicts (only where the text is plainly right and the JATS wrong or incomplete):

- ``untagged``: the text cites a listed work (``rid``) at ``start:end`` and the JATS tags nothing
  there: a unit is added.
- ``not-a-citation``: the JATS xref at ``start:end`` is on words that cite no work: its units are
  removed.
- ``wrong-rid``: the JATS xref at ``start:end`` points to another entry than the one the text
  names (``rid``): its units are replaced by one to ``rid``.
- ``unlisted``: ``start:end`` cites a work the reference list does not hold (nor the JATS); an
  unresolved row of ours there is right and is left out of precision (a row resolved to some
  entry there still counts as a false positive).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VERDICTS = ("untagged", "not-a-citation", "wrong-rid", "unlisted")
ADJUDICATIONS = Path(__file__).resolve().parent / "corpus-adjudications.tsv"
FIELDS = ["article", "start", "end", "quote", "verdict", "rid", "reason"]


@dataclass(frozen=True)
class Unit:
    """One truth unit: a cited work (``rid``) at ``start:end``; ``source`` is ``jats`` or ``adjudicated``."""

    start: int
    end: int
    rid: str
    source: str = "jats"


@dataclass(frozen=True)
class Row:
    """One of our citation rows, with the JATS rid its entry is aligned to ("" if none)."""

    index: int
    start: int
    end: int
    group_start: int
    group_end: int
    ref_id: str
    rid: str


@dataclass(frozen=True)
class Adjudication:
    """One row of the adjudications file."""

    article: str
    start: int
    end: int
    quote: str
    verdict: str
    rid: str
    reason: str


@dataclass
class Outcome:
    """Pairs (our row, truth unit), unpaired rows (false positives), unpaired units (misses), neutral rows."""

    pairs: list[tuple[Row, Unit]] = field(default_factory=list)
    false_positives: list[Row] = field(default_factory=list)
    misses: list[Unit] = field(default_factory=list)
    neutral: list[Row] = field(default_factory=list)

    @property
    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        tp = len(self.pairs)
        ours, truth = tp + len(self.false_positives), tp + len(self.misses)
        p = tp / ours if ours else 0.0
        r = tp / truth if truth else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def rows_of(cites: Any, pairs: dict[str, str]) -> list[Row]:
    """Our citation rows (a reconciled citations table) with the aligned JATS rid of their entry."""
    return [
        Row(i, int(s), int(e), int(gs), int(ge), str(ref), pairs.get(str(ref), "") if ref else "")
        for i, (s, e, gs, ge, ref) in enumerate(
            zip(cites["start"], cites["end"], cites["group_start"], cites["group_end"], cites["ref_id"], strict=True)
        )
    ]


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def match(rows: Iterable[Row], units: Iterable[Unit], neutral_spans: Iterable[tuple[int, int]] = ()) -> Outcome:
    """Pair our rows with truth units one to one (see the module docstring)."""
    rows, units = list(rows), list(units)
    out = Outcome()
    paired_rows: set[int] = set()
    paired_units: set[int] = set()
    for use_group in (False, True):
        candidates = []
        for i, row in enumerate(rows):
            if not row.rid or i in paired_rows:
                continue
            lo, hi = (row.group_start, row.group_end) if use_group else (row.start, row.end)
            for j, unit in enumerate(units):
                if j in paired_units or unit.rid != row.rid:
                    continue
                size = _overlap(lo, hi, unit.start, unit.end)
                if size > 0:
                    candidates.append((-size, abs(row.start - unit.start), i, j))
        for _, _, i, j in sorted(candidates):
            if i in paired_rows or j in paired_units:
                continue
            paired_rows.add(i)
            paired_units.add(j)
            out.pairs.append((rows[i], units[j]))
    neutral = list(neutral_spans)
    for i, row in enumerate(rows):
        if i in paired_rows:
            continue
        if not row.ref_id and any(_overlap(row.start, row.end, s, e) > 0 for s, e in neutral):
            out.neutral.append(row)
        else:
            out.false_positives.append(row)
    out.misses = [u for j, u in enumerate(units) if j not in paired_units]
    out.pairs.sort(key=lambda p: p[0].start)
    return out


def read_adjudications(path: Path = ADJUDICATIONS) -> list[Adjudication]:
    """The hand adjudications (an absent file is none); a bad verdict or row is an error naming the line."""
    if not path.is_file():
        return []
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != FIELDS:
            raise ValueError(f"{path}: the header must be {FIELDS}, not {reader.fieldnames}")
        for line, rec in enumerate(reader, start=2):
            if rec["verdict"] not in VERDICTS:
                raise ValueError(f"{path}:{line}: verdict {rec['verdict']!r} is not one of {VERDICTS}")
            if not rec["reason"].strip():
                raise ValueError(f"{path}:{line}: every adjudication needs a reason")
            rows.append(
                Adjudication(
                    rec["article"],
                    int(rec["start"]),
                    int(rec["end"]),
                    rec["quote"],
                    rec["verdict"],
                    rec["rid"],
                    rec["reason"],
                )
            )
    return rows


def adjudicate(units: list[Unit], adjudications: Iterable[Adjudication]) -> tuple[list[Unit], list[tuple[int, int]]]:
    """Truth units corrected by one article's adjudications, and the spans of ``unlisted`` works."""
    out = list(units)
    unlisted = []
    for adj in adjudications:
        if adj.verdict in ("not-a-citation", "wrong-rid"):
            out = [
                u
                for u in out
                if not (
                    u.source == "jats"
                    and _overlap(u.start, u.end, adj.start, adj.end) > 0
                    and (adj.verdict == "wrong-rid" or not adj.rid or u.rid == adj.rid)
                )
            ]
        if adj.verdict in ("untagged", "wrong-rid"):
            out.append(Unit(adj.start, adj.end, adj.rid, "adjudicated"))
        if adj.verdict == "unlisted":
            unlisted.append((adj.start, adj.end))
    return sorted(out, key=lambda u: (u.start, u.rid)), unlisted
