""""The remaining N": a total less the parts stated before it, each a share of that total.

A paragraph often divides a total into groups, each with its share, and ends on the rest: "only
three species were classified as regular ..., representing 3.9% of the total richness. Common
species (n = 10 spp.) accounted for 13.1% of the species richness, whereas unusual species (n = 20
spp.) accounted for 26.3%. The remaining 43 species (56.5% of total richness) were rare." The rest is
the total less the parts: 76 - 3 - 10 - 20 = 43. It is read so, in pt/es/en:

- the **rest** is a count right after "the remaining", "os/as demais", "os/as restantes", "los/las
  restantes" (or followed by "restantes"), whose share another check has recomputed over a total;
- the **parts** are the counts whose shares were recomputed over that same total, earlier in the
  rest's sentence and in the sentences just before it (five at most), each holding such a share (a
  sentence with none ends the list);
- the groups are known to divide the total when the printed shares of the parts and the rest add up
  to 100% within their rounding; then a rest that differs is inconsistent. Otherwise the pairing is
  kept only when it agrees (the agreement being what shows the parts are the groups).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from histkit.analyse.check_rows import Check
from histkit.analyse.figures import Figure, Passage
from histkit.analyse.tolerance import half_unit

_BEFORE = re.compile(r"\b(?:remaining|demais|restantes?)\s+$", re.IGNORECASE)
_AFTER = re.compile(r"\s+(?:[^\W\d_]+\s+)?(?:restantes?|remaining)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+[^\W\d_]+")
_WEAK = "paired by agreement"
_READ_BACK = 5  # sentences read back for the parts


@dataclass(frozen=True)
class _Share:
    """A share another check recomputed: its count, its total and its printed percentage."""

    count: Figure
    base: tuple[int, tuple[int, int]]  # the total's passage (by id) and span
    base_passage: Passage
    percent: float
    decimals: int


def _shares(passage: Passage, checks: list[Check]) -> list[_Share]:
    """The strong share checks of a passage, in the order of their counts."""
    by_start = {f.start: f for f in passage.figures}
    out = []
    for check in checks:
        if check.kind != "share" or _WEAK in check.reason or len(check.inputs) != 2:
            continue
        where = list(check.input_passages) or [passage, passage]
        count = by_start.get(check.inputs[0][0])
        stated = check.stated.rstrip("%")
        if count is None or where[0] is not passage or not stated.replace(".", "", 1).isdigit():
            continue
        decimals = len(stated.partition(".")[2])
        out.append(_Share(count, (id(where[1]), check.inputs[1]), where[1], float(stated), decimals))
    return sorted(out, key=lambda s: s.count.start)


def _is_rest(passage: Passage, count: Figure) -> bool:
    before = passage.text[max(0, count.start - 16) : count.start]
    return bool(_BEFORE.search(before) or _AFTER.match(passage.text, count.end))


def remainder_checks(passages: list[Passage], checks: list[tuple[Passage, Check]]) -> Iterator[tuple[Passage, Check]]:
    """Every "the remaining N" after the other parts of the same total, each with its share.

    Parameters
    ----------
    passages : list of Passage
        The passages of the article.
    checks : list of (Passage, Check)
        The checks the other families made; the parts are read from their shares.

    """
    by_passage: dict[int, list[Check]] = {}
    for p, check in checks:
        by_passage.setdefault(id(p), []).append(check)
    for passage in passages:
        if id(passage) not in by_passage or not any(w in passage.text for w in ("emaining", "demais", "restante")):
            continue
        shares = _shares(passage, by_passage[id(passage)])
        for k, rest in enumerate(shares):
            if _is_rest(passage, rest.count):
                yield from _rest_check(passage, rest, shares[:k])


def _parts(passage: Passage, rest: _Share, before: list[_Share]) -> list[_Share]:
    """The shares of the same total in the rest's sentence and the run of sentences before it."""
    index = bisect_right(passage.sentences, rest.count.start, key=lambda s: s[0]) - 1
    parts: list[_Share] = []
    for k in range(index, max(-1, index - _READ_BACK - 1), -1):
        a, b = passage.sentences[k]
        lo = bisect_left(before, a, key=lambda s: s.count.start)
        hi = bisect_left(before, b, lo, key=lambda s: s.count.start)
        inside = [s for s in before[lo:hi] if s.base == rest.base]
        if not inside and k != index:
            break
        parts = inside + parts
    return parts


def _rest_check(passage: Passage, rest: _Share, before: list[_Share]) -> Iterator[tuple[Passage, Check]]:
    parts = _parts(passage, rest, before)
    base_passage = rest.base_passage
    base_span = rest.base[1]
    base = next((f for f in base_passage.figures if (f.start, f.end) == base_span), None)
    if not parts or base is None or base.decimals or any(p.count.decimals for p in parts):
        return
    computed = base.value - sum(p.count.value for p in parts)
    printed = sum(p.percent for p in [*parts, rest])
    rounding = sum(half_unit(p.decimals) for p in [*parts, rest])
    divides = abs(printed - 100.0) <= rounding + 1e-9
    holds = computed == rest.count.value
    if not holds and not divides:
        return
    numbers = " - ".join(str(int(v)) for v in [base.value, *(p.count.value for p in parts)])  # "three" as 3
    after = _NEXT_WORD.match(passage.text, rest.count.end)
    lo = max(0, rest.count.start - 16)
    cue = _BEFORE.search(passage.text[lo : rest.count.start])
    start = lo + cue.start() if cue else rest.count.start
    reason = (f"{base.number} less the parts is {int(computed)}; the text says {rest.count.number}"
              + ("; their shares add up to 100%, so they are the groups of the total" if divides else
                 "; paired by agreement (the shares do not show the groups divide the total)"))
    yield passage, Check(
        kind="sum", span=(start, after.end() if after else rest.count.end),
        inputs=[base_span, *((p.count.start, p.count.end) for p in parts)],
        stated=rest.count.number, computed=f"{numbers} = {int(computed)}",
        status="consistent" if holds else "inconsistent",
        formula="the total less the parts stated before it", reason=reason,
        input_passages=[base_passage, *([passage] * len(parts))],
    )
