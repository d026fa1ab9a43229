"""Shares of a printed total and totals stated beside their printed parts (kinds ``share``, ``sum``).

How prose states them, in pt/es/en:

- a **total** is a count or a sum of money right after a word that says so: "de um total de
  1.753", "a total of 76 species", "soma 43.633", "totaled US$636 billion", "totalizando";
- a **share** is a count with its percentage beside it: "805 ... (45,89%)", "(n = 10 spp.)
  accounted for 13.1%", "43 species (56.5% of total richness)";
- **parts** of a total are the counts listed after it in the same sentence ("de um total de 1.753
  participantes, 805 ..., 326 ... e 622"; "43 enunciados ..., distribuídos em: 17 ..., 15 ... e
  11"), or before the word that totals them ("US$504 billion ... added US$132 billion ... totaled
  US$636 billion"). A sentence opening with "Desse total", "Of these", "Del total" lists the parts
  of the total just before it.

Precision before recall. A share's base is taken only from a total of its own sentence, from the
total a "Desse total" sentence refers to, or from the one total of the article counted in the same
noun when the share says "of the total" or names that noun. Any other pairing (the last total of
the section) is weak: it is kept only when the share agrees with it, the agreement being what
shows the pairing; a weak pairing never makes an inconsistent row. A list of parts that comes
nowhere near its total (a quarter off) is not taken for its parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from histkit.analyse.check_rows import Check
from histkit.analyse.figures import Figure, Passage
from histkit.analyse.tolerance import as_input, exact, fmt, judge

_TOTAL_CUE = re.compile(
    r"\b(?:total|totais|totaliza\w*|totaling|totalling|totaled|totalled|soma|somam|somando|sum|suma|suman|"
    r"sumando|in\s+all|ao\s+todo|en\s+total|no\s+total)\s+(?:de\s+|of\s+)?(?:um\s+|uma\s+|a\s+|un\s+|una\s+)?$",
    re.IGNORECASE,
)
_ANAPHORA = re.compile(
    r"^\W*(?:desse|deste|desses|destes|dessas|destas|del|de\s+este|de\s+ese|de\s+estos|de\s+esos|of\s+these|"
    r"of\s+this|of\s+the|of\s+them|among\s+them|dos\s+quais|das\s+quais)(?:\s+total)?\b",
    re.IGNORECASE,
)
_PARTITION_CUE = re.compile(
    r"\bsendo\b|\bdistribu\w+|\bdos\s+quais|\bdas\s+quais|\bof\s+which|\bof\s+whom|\bincluding\b|\bincluindo\b|"
    r"\bentre\s+(?:eles|elas|ellos|ellas)\b|\bdivid\w+|\bcompost[oa]s?\s+por|\bcomposed\s+of|:|\bde\s+los\s+cuales",
    re.IGNORECASE,
)
_LIST_GAP = 300  # characters between a total and its first part, or between two parts
_LIST_ITEMS = 60  # parts of one total, at most
_LAST_CONNECTIVE = re.compile(r"(?:\be\b|\by\b|\band\b)[^,;]*$", re.IGNORECASE)
_SHARE_VERB = re.compile(
    r"\b(?:accounted\s+for|account\s+for|representing|represent(?:s|ed)?|correspond\w*|representa\w*|"
    r"equivale\w*|comprised|made\s+up)\b",
    re.IGNORECASE,
)
_OF_A_TOTAL = re.compile(r"^\s*(?:de|of|do|del)\s+(?:um\s+|uma\s+|a\s+|un\s+|una\s+|the\s+)?total\s+(?:de|of)\s+$",
                         re.IGNORECASE)
_OF_WHAT = re.compile(r"\s*(?:of|do|da|de|del|dos|das)\s+((?:\w+\s+){0,3}\w+)", re.IGNORECASE)


def _is_total(passage: Passage, f: Figure) -> bool:
    if f.kind not in ("count", "money"):
        return False
    before = passage.text[max(0, f.start - 30) : f.start]
    return any(w in before for w in ("tota", "soma", "sum", "all", "todo")) and bool(_TOTAL_CUE.search(before))


def _totals(passages: list[Passage]) -> list[tuple[Passage, Figure]]:
    """Every total the article states, in order."""
    return [(p, f) for p in passages for f in p.figures if _is_total(p, f) and f.decimals == 0]


def share_pairs(passage: Passage, a: int, b: int) -> list[tuple[Figure, Figure]]:
    """Pairs (count, percentage) of a sentence.

    Adjacent, with no clause break between, the percentage opening its parentheses ("805 ...
    (45,89%)") or after a verb of share ("accounted for 13.1%"); a verb of share may also reach
    over figures in parentheses ("three species ...: A (FO = 46.7%), ..., representing 3.9%").
    """
    figures = passage.figures_in(a, b)
    pairs = []
    for i, count in enumerate(figures):
        if count.kind != "count" or count.decimals or i + 1 == len(figures):
            continue
        pct = figures[i + 1]
        # distances first, then the gap read: a long sentence stays linear
        if pct.kind == "percent" and pct.start - count.end <= 80:
            gap = passage.text[count.end : pct.start]
            # "(45,89%)" opens with the share; "(FO = 46.7%)" is another measure of the thing named
            opens = gap.rstrip().endswith("(")
            if ";" not in gap and ":" not in gap and ((opens and not count.in_parens) or _SHARE_VERB.search(gap)):
                pairs.append((count, pct))
                continue
        if count.in_parens:
            continue
        later = next((figures[j] for j in range(i + 1, len(figures)) if not figures[j].in_parens), None)
        if later is not None and later.kind == "percent" and later.start - count.end <= 240:
            gap = passage.text[count.end : later.start]
            if _SHARE_VERB.search(gap[-40:]) and ";" not in gap:
                pairs.append((count, later))
    return pairs


def _of_total(passage: Passage, a: int, b: int) -> Iterator[Check]:
    """Shares written "totalizando 0,52% de um total de 8.450.755": the sentence's total over that one."""
    figures = passage.figures_in(a, b)
    for pct, base in pairwise(figures):
        if pct.kind != "percent" or base.kind != "count" or not _OF_A_TOTAL.match(passage.text[pct.end : base.start]):
            continue
        counts = [f for f in figures if f.end <= pct.start and _is_total(passage, f) and f.value < base.value]
        if not counts:
            continue
        count = counts[0]
        computed = (as_input(count) / as_input(base)).scale(100.0)
        status, reason = judge(pct.value, pct.decimals, computed)
        yield Check(
            kind="share",
            span=(pct.start, base.end),
            inputs=[(count.start, count.end), (base.start, base.end)],
            stated=f"{fmt(pct.value, pct.decimals)}%",
            computed=f"{fmt(computed.mid, pct.decimals + 1)}%",
            status=status,
            formula=f"{count.number} / {base.number} x 100",
            reason=reason,
        )


def _nouns(passage: Passage, a: int, b: int) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{4,}", passage.text[a:b])}


def _base_for(
    passage: Passage, sentence: tuple[int, int], pairs: list[tuple[Figure, Figure]],
    by_unit: dict[str, list[tuple[Passage, Figure]]], last: tuple[Passage, Figure] | None,
    earlier: set[int] | None = None,
) -> tuple[Passage, Figure, bool] | None:
    """The total the shares of a sentence are of, and whether the pairing is strong.

    ``by_unit`` holds the article's totals by what they count; ``last`` is the last total stated
    before the sentence in its section; ``earlier`` the ids of the passages before it (a total named
    by its noun must have been stated before the share).
    """
    a, b = sentence
    first = pairs[0][0].start
    own = [f for f in passage.figures_in(a, first) if _is_total(passage, f)]
    if own:
        return passage, own[-1], True
    if _ANAPHORA.match(passage.text[a:b]) and last:
        return last[0], last[1], True
    nouns = _nouns(passage, a, b)
    for _count, pct in pairs:
        of = _OF_WHAT.match(passage.text, pct.end)
        said = {w.lower() for w in of.group(1).split()} if of else set()
        units = {u for u in nouns | said if u in by_unit}
        if ("total" in said or units) and len(units) == 1 and len(by_unit[next(iter(units))]) == 1:
            total_passage, total = by_unit[next(iter(units))][0]
            before = total_passage is passage and total.start < a
            if before or earlier is None or id(total_passage) in earlier:
                return total_passage, total, True
    if last:
        return last[0], last[1], False
    return None


def share_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every share of a printed total the article states, recomputed."""
    by_unit: dict[str, list[tuple[Passage, Figure]]] = {}
    for p, f in _totals(passages):
        if f.unit:
            by_unit.setdefault(f.unit, []).append((p, f))
    last_in_section: dict[int | None, tuple[Passage, Figure]] = {}  # kept as the text is read: linear time
    read: set[int] = set()
    for passage in passages:
        own = [f for f in passage.figures if _is_total(passage, f) and f.decimals == 0]
        for sentence in passage.sentences:
            for check in _of_total(passage, *sentence):
                yield passage, check
            pairs = share_pairs(passage, *sentence)
            if not pairs:
                continue
            before = [f for f in own if f.start < sentence[0]]
            last = (passage, before[-1]) if before else last_in_section.get(passage.section)
            found = _base_for(passage, sentence, pairs, by_unit, last, read)
            if found is None:
                continue
            base_passage, base, strong = found
            for count, pct in pairs:
                if count.value >= base.value:
                    continue
                computed = as_input(count) / as_input(base)
                computed = computed.scale(100.0)
                status, reason = judge(pct.value, pct.decimals, computed)
                if not strong and status != "consistent":
                    continue
                if not strong:
                    reason += "; the total was paired by agreement (the last total stated before it)"
                verb = _SHARE_VERB.search(passage.text, count.end, pct.start)
                reach = any(f.in_parens for f in passage.figures_in(count.end, pct.start))
                yield passage, Check(
                    kind="share",
                    # over figures in parentheses the statement is the verb and its share
                    span=(verb.start() if reach and verb else count.start, pct.end),
                    inputs=[(count.start, count.end), (base.start, base.end)],
                    stated=f"{fmt(pct.value, pct.decimals)}%",
                    computed=f"{fmt(computed.mid, pct.decimals + 1)}%",
                    status=status,
                    formula=f"{count.number} / {base.number} x 100",
                    reason=reason,
                    input_passages=[passage, base_passage],
                )
        if own:
            last_in_section[passage.section] = (passage, own[-1])
        read.add(id(passage))


def _parts_after(passage: Passage, total: Figure, end: int, begin: int | None = None) -> list[Figure]:
    """The counts listed after a total, up to the one joined by "e", "y" or "and".

    Parts are all outside parentheses, or else all inside ("three species, including A (two
    events) and B (one event)").
    """
    for inside in (False, True):
        parts: list[Figure] = []
        begin = total.end if begin is None else begin
        for f in passage.iter_figures(begin, end):
            if f.start - (parts[-1].end if parts else begin) > _LIST_GAP or len(parts) == _LIST_ITEMS:
                break  # a list is short and its items near each other: reading on is quadratic in a long sentence
            if f.kind in ("percent", "year", "label") or f.in_parens != inside:
                continue
            if f.kind != total.kind or f.value >= total.value or f.decimals:
                break
            gap = passage.text[parts[-1].end if parts else begin : f.start]
            parts.append(f)
            if len(parts) >= 2 and _LAST_CONNECTIVE.search(gap):
                return parts
    return []


def _listed(passage: Passage, parts: list[Figure]) -> bool:
    """Whether the parts read as one list: its last item joined by "e", "y" or "and"."""
    if len(parts) < 2:
        return False
    gap = passage.text[parts[-2].end : parts[-1].start]
    return bool(_LAST_CONNECTIVE.search(gap))


def _sum_check(passage: Passage, total: Figure, parts: list[Figure], span: tuple[int, int],
               total_passage: Passage) -> Check | None:
    summed = exact(0.0)
    for part in parts:
        summed = summed + as_input(part)
    if abs(summed.mid - total.value) > 0.25 * total.value:
        return None
    status, reason = judge(total.value, total.decimals, summed)
    return Check(
        kind="sum",
        span=span,
        inputs=[(total.start, total.end)] + [(p.start, p.end) for p in parts],
        stated=total.number,
        computed=fmt(summed.mid, total.decimals),
        status=status,
        formula=" + ".join(p.number for p in parts) + f" against the total {total.number}",
        reason=reason,
        input_passages=[total_passage] + [passage] * len(parts),
    )


def sum_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every total the article states beside its printed parts, added up."""
    last_in_section: dict[int | None, tuple[Passage, Figure]] = {}  # kept as the text is read: linear time
    for passage in passages:
        for a, b in passage.sentences:
            figures = [f for f in passage.figures_in(a, b) if f.kind in ("count", "money")]
            anaphora = _ANAPHORA.match(passage.text[a:b])
            if anaphora:
                last = next((f for f in reversed(passage.figures_in(0, a)) if f.kind == "count" and not f.in_parens),
                            None)
                earlier = last_in_section.get(passage.section)
                if last:
                    found = (passage, last, (last.start, last.end))
                elif earlier:
                    found = (earlier[0], earlier[1], (a, a + anaphora.end()))
                else:
                    found = None
                if found:
                    total_passage, total, span = found
                    parts = _parts_after(passage, total, b, begin=a)
                    if _listed(passage, parts):
                        check = _sum_check(passage, total, parts, span, total_passage)
                        if check:
                            yield passage, check
            used: set[int] = set()
            for i, f in enumerate(figures):
                if (f.decimals and f.kind == "count") or f.start in used:
                    continue
                parts = _parts_after(passage, f, b)
                cue_after = _PARTITION_CUE.search(passage.text[f.end : parts[0].start]) if parts else None
                if _listed(passage, parts) and (_is_total(passage, f) or cue_after):
                    check = _sum_check(passage, f, parts, (f.start, f.end), passage)
                    if check:
                        used.update(p.start for p in parts)
                        yield passage, check
                        continue
                if not _is_total(passage, f):
                    continue
                before = [g for g in figures[:i] if g.kind == f.kind and g.unit == f.unit and not g.in_parens]
                if len(before) >= 2:
                    check = _sum_check(passage, f, before, (f.start, f.end), passage)
                    if check:
                        yield passage, check
                        break
        own = [f for f in passage.figures if _is_total(passage, f) and f.decimals == 0]
        if own:
            last_in_section[passage.section] = (passage, own[-1])
