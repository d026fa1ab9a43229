"""Sums of two rows of a table whose columns come in groups, read at the column and group the prose names.

Scientific tables often print one value per column of a two-level header: groups of columns ("Lower
stratum Middle stratum Upper stratum"), then the columns of each group, by abbreviations the caption
defines ("PF = primary forest; SF = secondary forest; SAF= agroforestry systems"), repeated in each
group ("PF SF SAF AC OP PAS PF SF SAF PF SF SAF"). Flattened into the caption, the header is read so:

- the **columns** are the last run of defined abbreviations as long as the table's rows; a label seen
  again starts a new group;
- the **groups** are the words before that run, two per group, the same noun after or before each
  ("lower stratum", "estrato inferior");
- a **row** is named by the last word of its label ("Singletons (%)"), when no other row ends in it.

The paragraph right after the table often adds two rows up at one cell: "In the middle stratum, SAF
had ... (singletons + doubletons = 63%)", "ranging from 47% for singletons and doubletons",
"singleton and doubleton species in the lower stratum was higher in primary and secondary forests (52
and 43%, respectively)", "in all LCT (from 62 to 70%)". A percentage is checked when its sentence
names two rows joined by "+", "and", "e" or "y", one group (or the group of the sentence before), and
its column: by abbreviation or by the first word of the caption's expansion ("primary", "oil"), one
column for one figure, as many as the figures of a "respectively" list in order, or every column of
the group after "all"/"todos"/"todas" for a range ("from 62 to 70%": the least and the greatest sum).
Anything else is not paired, so nothing is read by guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from histkit.analyse.check_rows import Check
from histkit.analyse.check_tables import TABLE, Cell, as_input_cell, read_rows
from histkit.analyse.figures import Figure, Passage
from histkit.analyse.tolerance import Interval, fmt, judge

_DEFINED = re.compile(r"\b([A-Z][A-Za-z]{0,5})\s*=\s*([^;,)=]+)")
_WORD = re.compile(r"[^\W\d_][\w-]*|\+")
_JOIN = frozenset({"+", "and", "e", "y"})
_ARTICLES = frozenset({"the", "los", "las", "das", "dos", "del", "una", "uma"})  # never the word that names a column
_ALL = re.compile(r"\b(?:all|todos|todas|every|cada)\b", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectiv", re.IGNORECASE)
_RANGE = re.compile(
    r"\b(?:from|de|entre|between)\s+(\d+(?:[.,]\d+)?)\s*%?\s+(?:to|a|até|and|e|y)\s+(\d+(?:[.,]\d+)?)\s*%"
)


@dataclass(frozen=True)
class Grid:
    """A table of grouped columns: its caption, column labels, groups and uniquely named rows."""

    caption: Passage
    columns: tuple[str, ...]  # lower case
    expansions: dict[str, str]  # first word of a column's expansion -> column label
    groups: tuple[tuple[str, int, int], ...]  # (name, first column index, end index)
    rows: dict[str, tuple[Cell | None, ...]]  # row name (stem) -> cells


def _stem(word: str) -> str:
    return word.lower().rstrip("s")


def _key(label: tuple[str, ...]) -> str:
    """A row's name: the last word of its label that is not a unit ("Singletons (%)": singleton)."""
    words = [w for w in label if w not in ("(%)", "%", "(n)", "n")]
    return _stem(words[-1]) if words else ""


def read_grid(caption: Passage, mark: str) -> Grid | None:
    """Read a caption as a table of grouped columns, or ``None`` if it is not one."""
    if not TABLE.match(caption.text):
        return None
    defined = {m.group(1).lower(): m.group(2).strip().lower() for m in _DEFINED.finditer(caption.text)}
    rows = read_rows(caption.text, mark)
    widths = Counter(len(r.cells) for r in rows if len(r.cells) >= 3)
    if not widths or not defined:
        return None
    width = widths.most_common(1)[0][0]
    head = next(r.label for r in rows if len(r.cells) == width)
    run = [i for i, w in enumerate(head) if w in defined]
    starts = [i for i in run if all(i + k in run for k in range(width)) and i + width not in run
              and (i - 1) not in run]
    if not starts:
        return None
    first = starts[-1]
    columns = tuple(head[first : first + width])
    bounds, seen = [0], {columns[0]}
    for i in range(1, width):
        if columns[i] in seen:  # a label seen again starts the next group
            bounds.append(i)
            seen = set()
        seen.add(columns[i])
    groups: list[tuple[str, int, int]] = []
    if len(bounds) > 1:
        names = head[first - 2 * len(bounds) : first]
        edges = [*bounds, width]
        if len(names) == 2 * len(bounds) and len(set(names[1::2])) == 1:  # "lower stratum"
            labels = [f"{w} {names[1]}" for w in names[0::2]]
        elif len(names) == 2 * len(bounds) and len(set(names[0::2])) == 1:  # "estrato inferior"
            labels = [f"{names[0]} {w}" for w in names[1::2]]
        else:
            return None
        groups = [(label, edges[k], edges[k + 1]) for k, label in enumerate(labels)]
    firsts = Counter(defined[c].split()[0] for c in set(columns) if defined[c].split())
    expansions = {defined[c].split()[0]: c for c in set(columns) if firsts[defined[c].split()[0]] == 1}
    keys = [_key(r.label) for r in rows]
    count = Counter(keys)
    named = {k: r.cells for k, r in zip(keys, rows, strict=True)
             if k and len(r.cells) == width and count[k] == 1 and k not in defined}
    return Grid(caption, columns, expansions, tuple(groups), named)


def _words(text: str, a: int, b: int) -> list[tuple[str, int]]:
    return [(m.group(0).lower(), m.start()) for m in _WORD.finditer(text, a, b)]


def _row_pairs(grid: Grid, words: list[tuple[str, int]]) -> list[tuple[str, str, int]]:
    """Two rows named with a join between them ("singletons + doubletons"): (row, row, offset)."""
    out = []
    for k in range(len(words) - 2):
        (w1, at), (join, _), (w2, _) = words[k], words[k + 1], words[k + 2]
        if join in _JOIN and _stem(w1) in grid.rows and _stem(w2) in grid.rows and _stem(w1) != _stem(w2):
            out.append((_stem(w1), _stem(w2), at))
    return out


def _columns(grid: Grid, words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    out = []
    for w, at in words:
        if w in grid.columns:
            out.append((w, at))
        else:
            hit = [c for first, c in grid.expansions.items()
                   if len(first) > 2 and first not in _ARTICLES and w.startswith(first)]
            if hit:
                out.append((hit[0], at))
    return out


def _group(grid: Grid, text: str) -> tuple[str, int, int] | None:
    named = [g for g in grid.groups if g[0] in text.lower()]
    return named[0] if len(named) == 1 else None


def grid_sum_checks(passages: list[Passage], captions: list[Passage], mark: str) -> Iterator[tuple[Passage, Check]]:
    """Every percentage of the paragraph after a grouped table that adds two of its rows up at one cell."""
    for caption in captions:
        grid = read_grid(caption, mark)
        if grid is None or not grid.groups:
            continue
        after = [p for p in passages if p.joined.pieces[0][0] > caption.joined.pieces[-1][1]]
        if not after:
            continue
        prose = after[0]
        group = None
        for a, b in prose.sentences:
            group = _group(grid, prose.text[a:b]) or group
            if group is None:
                continue
            pairs = _row_pairs(grid, _words(prose.text, a, b))
            if pairs:
                yield from _sentence_checks(grid, prose, a, b, group, pairs)


def _cell_sum(grid: Grid, pair: tuple[str, str, int], index: int) -> tuple[Interval, list[Cell]] | None:
    cells = [grid.rows[pair[0]][index], grid.rows[pair[1]][index]]
    if any(c is None for c in cells):
        return None
    parts = [as_input_cell(c) for c in cells if c is not None]
    total = parts[0] + parts[1]
    # a rounded cell stands for [v - h, v + h): the sum never reaches its upper end (75.4 + 14.0 < 89.5)
    top = total.hi - 1e-6 if total.hi > total.lo else total.hi
    return Interval(total.lo, top, total.mid), [c for c in cells if c is not None]


def _sentence_checks(
    grid: Grid, prose: Passage, a: int, b: int, group: tuple[str, int, int], pairs: list[tuple[str, str, int]],
) -> Iterator[tuple[Passage, Check]]:
    name, lo, hi = group
    percents = [f for f in prose.figures_in(a, b) if f.kind in ("percent", "count") and not f.words]
    ranges = {m.start(1): m for m in _RANGE.finditer(prose.text, a, b)}
    done = a
    for f in percents:
        if f.start < done:
            continue
        pair = min(pairs, key=lambda p: abs(p[2] - f.start))
        if f.start in ranges and _ALL.search(prose.text, a, f.start):
            yield from _range_check(grid, prose, ranges[f.start], pair, group, percents)
            done = ranges[f.start].end()
            continue
        if f.kind != "percent" and not _list_ends_in_percent(prose, f.end, b):
            continue
        close = prose.text.find(")", f.start, b)
        listed = [g for g in percents if f.start <= g.start < close]
        respectively = close > 0 and _RESPECTIVELY.search(prose.text, f.start, close + 1)
        if respectively:
            opened = prose.text.rfind("(", a, f.start)
            named = _columns(grid, _words(prose.text, max(done, a), opened))
            items = listed[: len(named)] if len(named) == len(listed) else []
            done = close
        else:
            cols = {c for c, _ in _columns(grid, _words(prose.text, a, b))}
            items, named = ([f], [(next(iter(cols)), 0)]) if len(cols) == 1 else ([], [])
            done = f.end
        for fig, (column, _) in zip(items, named, strict=False):
            index = [i for i in range(lo, hi) if grid.columns[i] == column]
            if len(index) != 1 or (summed := _cell_sum(grid, pair, index[0])) is None:
                continue
            total, cells = summed
            status, reason = judge(fig.value, fig.decimals, total)
            yield prose, Check(
                kind="sum", span=(fig.start, fig.end), inputs=[(c.start, c.end) for c in cells],
                stated=f"{fmt(fig.value, fig.decimals)}%", computed=f"{fmt(total.mid, fig.decimals + 1)}%",
                status=status,
                formula=f"{pair[0]} + {pair[1]} ({column.upper()}, {name}) from the table",
                reason=reason + "; the parts are the table's", input_passages=[grid.caption] * 2,
            )


def _list_ends_in_percent(prose: Passage, start: int, end: int) -> bool:
    close = prose.text.find(")", start, end)
    if close < 0:
        return False
    return prose.text[:close].rstrip().endswith("%") or "respectiv" in prose.text[start:close]


def _range_check(
    grid: Grid, prose: Passage, m: re.Match[str], pair: tuple[str, str, int], group: tuple[str, int, int],
    figures: list[Figure],
) -> Iterator[tuple[Passage, Check]]:
    name, lo, hi = group
    sums = [s for i in range(lo, hi) if (s := _cell_sum(grid, pair, i)) is not None]
    if len(sums) < 2:
        return
    least = min(sums, key=lambda s: s[0].mid)
    most = max(sums, key=lambda s: s[0].mid)
    ends = [next((f for f in figures if f.start == m.start(k)), None) for k in (1, 2)]
    if None in ends:
        return
    verdicts = [judge(f.value, f.decimals, s[0]) for f, s in zip(ends, (least, most), strict=True) if f]
    status = "consistent" if all(v[0] == "consistent" for v in verdicts) else "inconsistent"
    reason = "; ".join(f"{end}: {v[1]}" for end, v in zip(("least", "greatest"), verdicts, strict=True))
    yield prose, Check(
        kind="sum", span=(m.start(), m.end()), inputs=[(c.start, c.end) for s in (least, most) for c in s[1]],
        stated=f"{m.group(1)} to {m.group(2)}%",
        computed=f"{fmt(least[0].mid, 1)} to {fmt(most[0].mid, 1)}%", status=status,
        formula=f"least and greatest of {pair[0]} + {pair[1]} over the columns of the {name}",
        reason=reason + "; the parts are the table's", input_passages=[grid.caption] * 4,
    )
