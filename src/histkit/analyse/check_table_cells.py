"""A percentage of the prose read back in one cell of a table with grouped columns and rows in two levels.

Ecological and survey tables often print, for each group of columns (three strata) and each column
(six land-cover types), rows named in two levels: a life form and an ecological group the caption
defines ("ST = shade tolerant; P = pioneer"), "Palm ST (%)", then "P (%)" under the same life form;
and the whole table twice, once per thing counted, each half closed by its total ("Total
Individuals", "Total Species"). The prose next to it restates single cells: "except in the upper
stratum of the SAF, where palm trees predominated (48%)", "Shade-tolerant tree species were also well
represented in the lower stratum of SAF and cropland (24 and 18%, respectively)", "in the lower
stratum of the agricultural uses (oil palm plantation, SAF, cropland and pasture), where pioneer herbs
predominated (38 to 63%)". The columns and groups are read by
:func:`histkit.analyse.check_grid_tables.read_grid`; a percentage of a paragraph citing the table (or
next to it) is read back when the words between it and the figure before it name, each without a
doubt:

- the **half**: its sentence names one of the things the halves count ("individuals", "species"),
  not both;
- **one group** ("upper stratum");
- the **columns**: by abbreviation or by a word of the caption's expansion that names one column
  only and no row ("cropland", "oil"): one column for one figure, as many as a "respectively"
  list has figures, in order, or at least two for a range ("38 to 63%": the least and the greatest
  cell);
- **one row**: a life form ("palm", "herbs") with its group when given ("pioneer", "shade-tolerant"),
  the life forms that name no single row dropped ("palm trees": trees are shade-tolerant and
  pioneer, palms only shade-tolerant); or, with no life form, one row named by itself
  ("cultivated"); or two life forms named together with their group ("pioneer herbs and shrubs"),
  whose cells are added up;
- a set of columns named with its list earlier in the paragraph ("the agricultural uses (oil palm
  plantation, SAF, cropland and pasture)") stands for them where it is named again.

Anything else is not paired. A cell that disagrees is inconsistent, and the reason names any other
cell of the same row that holds the stated figure (a group or column slip).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from histkit.analyse.check_grid_tables import Grid, read_grid
from histkit.analyse.check_rows import Check
from histkit.analyse.check_tables import Cell, as_input_cell, read_rows
from histkit.analyse.figures import Figure, Passage
from histkit.analyse.tolerance import Interval, fmt, judge

_DEFINED = re.compile(r"\b([A-Z][A-Za-z]{0,5})\s*=\s*([^;,)=]+)")
_WORD = re.compile(r"[^\W\d_][\w-]*")
_UNITS = frozenset({"(%)", "%", "(n)", "n"})
_ARTICLES = frozenset({"the", "los", "las", "das", "dos", "del", "una", "uma", "and", "with", "for"})
_RESPECTIVELY = re.compile(r"\brespectiv", re.IGNORECASE)
# the two words before a "(" (read back from it, on a bounded window: linear) name the list inside
_NAMED_SET = re.compile(r"(?P<name>[^\W\d_]+\s+[^\W\d_]+)\s*$")
_ITEMS = re.compile(r",|\band\b|\be\b|\by\b")
_JOINS = ("and", "or", "e", "ou", "y", "o")
_NEAR = 200  # characters read around a figure for its parentheses: a list in them is short
_RANGE_JOIN = re.compile(r"\s*%?\s*(?:to|a|até|-|–)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class _Row:
    """A row of the table: the half it is in, its life form and group (``""`` when it has none)."""

    half: str
    form: str
    group: str
    cells: tuple[Cell | None, ...]


def _stem(word: str) -> str:
    """A word in the singular, as far as a plural in -s shows it ("bushes", "herbs", "caules")."""
    word = word.lower()
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _rows(grid: Grid, mark: str) -> tuple[list[_Row], dict[str, str], dict[str, str]]:
    """The rows of a table in two levels, the words its halves are named by, and its groups' words."""
    text = grid.caption.text
    defined = {m.group(1).lower(): m.group(2).strip().lower() for m in _DEFINED.finditer(text)}
    groups = {abbr: words.replace("-", " ") for abbr, words in defined.items() if abbr not in grid.columns}
    rows = [r for r in read_rows(text, mark) if len(r.cells) == len(grid.columns)]
    halves = {_stem(r.label[1]): r.label[1] for r in rows if len(r.label) == 2 and r.label[0] == "total"}
    out: list[_Row] = []
    half, form = "", ""
    for row in rows:
        named = [k for k, w in enumerate(row.label) if _stem(w) in halves]
        own = [w for w in row.label[named[-1] + 1 :] if w not in _UNITS] if named else \
            [w for w in row.label if w not in _UNITS]
        if named:
            half = _stem(row.label[named[-1]])
        if not half or (own and own[0] == "total"):
            continue
        if len(own) == 2 and own[1] in groups:
            form = _stem(own[0])
            out.append(_Row(half, form, own[1], row.cells))
        elif len(own) == 1 and own[0] in groups and form:
            out.append(_Row(half, form, own[0], row.cells))
        elif len(own) == 1:
            out.append(_Row(half, _stem(own[0]), "", row.cells))
    return out, halves, groups


def _column_words(grid: Grid, defined: dict[str, str], rows: list[_Row]) -> dict[str, str]:
    """Words that name one column only and no row: its abbreviation or a word of its expansion."""
    forms = {r.form for r in rows}
    seen: dict[str, set[str]] = {}
    for column in set(grid.columns):
        for word in _WORD.findall(defined.get(column, "")):
            seen.setdefault(_stem(word), set()).add(column)
    words = {w: next(iter(cs)) for w, cs in seen.items() if len(cs) == 1 and len(w) > 2 and w not in forms
             and w not in _ARTICLES}
    words.update({c: c for c in grid.columns})
    return words


def table_cell_checks(passages: list[Passage], captions: list[Passage], mark: str) -> Iterator[tuple[Passage, Check]]:
    """Every percentage restating one cell (or the least and greatest of a few) of a table in two levels."""
    for caption in captions:
        grid = read_grid(caption, mark)
        if grid is None or not grid.groups:
            continue
        rows, halves, groups = _rows(grid, mark)
        if len(halves) < 1 or not any(r.group for r in rows):
            continue
        defined = {m.group(1).lower(): m.group(2).strip().lower() for m in _DEFINED.finditer(caption.text)}
        table = _Table(grid, rows, halves, groups, _column_words(grid, defined, rows))
        for passage in _near(passages, caption):
            sets: dict[str, list[str]] = {}
            for a, b in passage.sentences:
                yield from table.sentence(passage, a, b, sets)


def _near(passages: list[Passage], caption: Passage) -> list[Passage]:
    """The paragraphs citing the table by its number, and the ones right before and after it."""
    cited = re.compile(rf"\b{re.escape(' '.join(caption.text.split()[:2]))}\b", re.IGNORECASE)  # "Table 1", not 10
    at = caption.joined.pieces[0][0]
    before = [p for p in passages if p.joined.pieces[-1][1] <= at]
    after = [p for p in passages if p.joined.pieces[0][0] >= at]
    near = before[-1:] + after[:1]
    near += [p for p in passages if p not in near and cited.search(p.text)]
    return near


@dataclass(frozen=True)
class _Table:
    grid: Grid
    rows: list[_Row]
    halves: dict[str, str]  # singular -> as the total row prints it ("individual" -> "individuals")
    groups: dict[str, str]  # abbreviation -> words of its expansion ("st" -> "shade tolerant")
    columns: dict[str, str]  # word -> column

    def sentence(self, passage: Passage, a: int, b: int, sets: dict[str, list[str]]) -> Iterator[tuple[Passage, Check]]:
        """The checks of one sentence; ``sets`` keeps the sets of columns the paragraph has named."""
        words = {_stem(w) for w in _WORD.findall(passage.text, a, b)}
        halves = words & self.halves.keys()
        if len(halves) != 1:
            return
        half = next(iter(halves))
        done = a
        for items in _statements(passage, a, b):
            stretch = passage.text[done : items[0].start]
            yield from self._read(passage, half, stretch, items, done, sets)
            done = items[-1].end

    def _named_sets(self, low: str, sets: dict[str, list[str]]) -> None:
        """Remember "the agricultural uses (oil palm plantation, SAF, cropland and pasture)" as a set of columns."""
        opened = low.find("(")
        while opened >= 0:
            closed = low.find(")", opened)
            m = _NAMED_SET.search(low, max(0, opened - 60), opened)
            if closed < 0:
                return
            items = [i for i in _ITEMS.split(low[opened + 1 : closed]) if i.strip()]
            columns = [self._columns_of(i) for i in items]
            if m and len(items) >= 2 and all(len(c) == 1 for c in columns):
                sets[m.group("name")] = list(dict.fromkeys(c[0] for c in columns))
            opened = low.find("(", closed)

    def _columns_of(self, text: str) -> list[str]:
        words = [_stem(w) for w in _WORD.findall(text.replace("-", " "))]
        return list(dict.fromkeys(self.columns[w] for w in words if w in self.columns))

    def _read(
        self, passage: Passage, half: str, stretch: str, items: list[Figure], at: int, sets: dict[str, list[str]],
    ) -> Iterator[tuple[Passage, Check]]:
        low = stretch.lower()
        self._named_sets(low, sets)
        named_groups = [g for g in self.grid.groups if g[0] in low]
        if len(named_groups) != 1:
            return
        name, lo, hi = named_groups[0]
        words = [_stem(w) for w in _WORD.findall(low.replace("-", " "))]
        columns = self._columns_of(low)
        if not columns:  # "the agricultural uses", named with its columns earlier in the paragraph
            known = [c for n, c in sets.items() if n in low]
            columns = known[0] if len(known) == 1 else []
        rows = self._rows_named(half, words, " ".join(words))
        if not rows:
            return
        index = {c: [i for i in range(lo, hi) if self.grid.columns[i] == c] for c in columns}
        if any(len(v) != 1 for v in index.values()):
            return
        cells = [(c, [r.cells[index[c][0]] for r in rows]) for c in columns]
        if any(cell is None for _, parts in cells for cell in parts):
            return
        label = " + ".join(f"{r.form}{' ' + r.group.upper() if r.group else ''}" for r in rows)
        label += f" ({self.halves[half]}, {name})"
        said = at + low.find(name)  # the statement opens where the group is named
        if len(items) == 2 and _RANGE_JOIN.search(passage.text[items[0].end : items[1].start]):
            if len(cells) >= 2:
                yield passage, self._range(items, cells, label, (said, _closed(passage, said, items[1].end)))
            return
        if len(items) != len(cells):
            return
        for fig, (column, parts) in zip(items, cells, strict=True):
            # one figure: the whole statement; a "respectively" list: each figure its own row
            start = said if len(items) == 1 else fig.start
            yield passage, self._cell(fig, column, parts, rows, label, (start, _closed(passage, start, fig.end)))

    def _rows_named(self, half: str, words: list[str], phrase: str) -> list[_Row]:
        """The one row named, or two joined ("pioneer herbs and shrubs": added up), or none."""
        rows = [r for r in self.rows if r.half == half]
        said_groups = {g for g, w in self.groups.items() if w and w in phrase}
        forms = [f for f in dict.fromkeys(words) if any(r.form == f and r.group for r in rows)]
        if not forms:
            alone = [r for r in rows if not r.group and r.form in words]
            return alone if len(alone) == 1 else []
        found = []
        for form in forms:
            mine = [r for r in rows if r.form == form and (not said_groups or r.group in said_groups)]
            if len(mine) == 1:  # a life form naming no single row names none
                found.append(mine[0])
        if len(found) == 2 and said_groups and _joined(words, found[0].form, found[1].form):
            return found
        return found if len(found) == 1 else []

    def _cell(self, fig: Figure, column: str, parts: list[Cell | None], rows: list[_Row], label: str,
              span: tuple[int, int]) -> Check:
        cells = [c for c in parts if c is not None]
        value = _total(cells)
        status, reason = judge(fig.value, fig.decimals, value)
        if status == "inconsistent" and len(rows) == 1:
            elsewhere = [(self._where(i), c) for i, c in enumerate(rows[0].cells)
                         if c is not None and c is not cells[0]
                         and judge(fig.value, fig.decimals, as_input_cell(c))[0] == "consistent"]
            if elsewhere:
                reason += "; the table prints " + ", ".join(f"{fmt(c.value, c.decimals)} for {w}" for w, c in elsewhere)
        return Check(
            kind="table_cell", span=span, inputs=[(c.start, c.end) for c in cells],
            stated=f"{fmt(fig.value, fig.decimals)}%", computed=f"{fmt(value.mid, 1)}%", status=status,
            formula=f"the cell{'s' if len(cells) > 1 else ''} of {label} at {column.upper()}", reason=reason,
            input_passages=[self.grid.caption] * len(cells),
        )

    def _where(self, i: int) -> str:
        group = next(g[0] for g in self.grid.groups if g[1] <= i < g[2])
        return f"{self.grid.columns[i].upper()} in the {group}"

    def _range(
        self, items: list[Figure], cells: list[tuple[str, list[Cell | None]]], label: str, span: tuple[int, int],
    ) -> Check:
        sums = [[c for c in parts if c is not None] for _, parts in cells]
        least = min(sums, key=lambda c: _total(c).mid)
        most = max(sums, key=lambda c: _total(c).mid)
        verdicts = [judge(f.value, f.decimals, _total(c)) for f, c in zip(items, (least, most), strict=True)]
        status = "consistent" if all(v[0] == "consistent" for v in verdicts) else "inconsistent"
        reason = "; ".join(f"{end}: {v[1]}" for end, v in zip(("least", "greatest"), verdicts, strict=True))
        names = ", ".join(c.upper() for c, _ in cells)
        inputs = [(c.start, c.end) for c in [*least, *most]]
        return Check(
            kind="range", span=span, inputs=inputs,
            stated=f"{fmt(items[0].value, items[0].decimals)} to {fmt(items[1].value, items[1].decimals)}%",
            computed=f"{fmt(_total(least).mid, 1)} to {fmt(_total(most).mid, 1)}%", status=status,
            formula=f"least and greatest {'sum' if len(least) > 1 else 'cell'} of {label} over {names}", reason=reason,
            input_passages=[self.grid.caption] * len(inputs),
        )


def _closed(passage: Passage, start: int, end: int) -> int:
    """The end of a statement, with the parenthesis its figure closes ("... predominated (48%)")."""
    opened = passage.text.rfind("(", start, end) > passage.text.rfind(")", start, end)
    return end + 1 if opened and passage.text[end : end + 1] == ")" else end


def _total(cells: list[Cell]) -> Interval:
    """A cell's range, or the sum of a few (a rounded cell stands for [v - h, v + h): never its top)."""
    ranges = [as_input_cell(c) for c in cells]
    if len(ranges) == 1:
        return ranges[0]
    lo = sum(r.lo for r in ranges)
    hi = sum(r.hi for r in ranges)
    return Interval(lo, hi - 1e-6 if hi > lo else hi, sum(r.mid for r in ranges))


def _joined(words: list[str], first: str, second: str) -> bool:
    """Whether two life forms are named together: "herbs and shrubs", "trees or shrubs"."""
    return any(words[k : k + 3] in ([first, j, second], [second, j, first]) for k in range(len(words) - 2)
               for j in _JOINS)


def _statements(passage: Passage, a: int, b: int) -> list[list[Figure]]:
    """The percentages of a sentence, those in one pair of parentheses together ("(24 and 18%, ...)")."""
    figures = [f for f in passage.figures_in(a, b) if f.kind in ("percent", "count") and not f.words]
    out: list[list[Figure]] = []
    for f in figures:
        if f.kind == "count" and not _ends_in_percent(passage, f, b):
            continue
        opened = passage.text.rfind("(", max(a, f.start - _NEAR), f.start)
        closed = passage.text.rfind(")", max(a, f.start - _NEAR), f.start)
        if out and opened > closed and out[-1][-1].start > opened:
            out[-1].append(f)
        else:
            out.append([f])
    return [items for items in out if items[-1].kind == "percent" and _is_list(passage, items)]


def _ends_in_percent(passage: Passage, f: Figure, b: int) -> bool:
    """A count in a list or range closed by a percentage ("24 and 18%", "38 to 63%")."""
    close = passage.text.find(")", f.end, min(b, f.end + _NEAR))
    if close < 0 or "(" in passage.text[f.end : close]:
        return False
    return passage.text[:close].rstrip().endswith("%") or bool(_RESPECTIVELY.search(passage.text, f.end, close))


def _is_list(passage: Passage, items: list[Figure]) -> bool:
    if len(items) == 1:
        return True
    close = passage.text.find(")", items[-1].end, items[-1].end + _NEAR)
    tail = passage.text[items[-1].end : close if close > 0 else items[-1].end + 40]
    between = passage.text[items[0].end : items[1].start]
    return bool(_RESPECTIVELY.search(tail)) or (len(items) == 2 and bool(_RANGE_JOIN.search(between)))
