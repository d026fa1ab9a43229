"""Prose that restates a table rendered as text: its shares recomputed from the table's counts.

A table the conversion flattened into its caption ("Tabela 1 ... Esfera área IES-E IES-F IES-Pr
Total n* %** n* %** ... Humanas 363 20,79 180 10,26 ... Total 805 45,89 ... 1.753 100") is read
as rows: a label, then a run of cells. A table of **count and percentage pairs** (every row an even
run of cells, counts at the even places) has a ``Total`` row whose last count is the grand total,
and one column label per pair just before the first ``n``.

The paragraph right after such a table often restates it: "Ciências Humanas (49,71%), sendo
20,69% de IES-E". A percentage there, after the label of a row ("Humanas") and with a column label
in the four words after it ("de IES-E"), or opening parentheses after the row label (the total
column), is recomputed as that cell's count over the grand total, with the tolerance of
:mod:`histkit.analyse.tolerance`. Only the paragraph that follows the table is read, and only
labels the table prints, so nothing is paired by guess.

A total the prose states ("A total of 25,297 individual plants") beside a table whose ``Total``
row counts the same thing ("Total Individuals 1603 1838 ...") is checked against the sum of that
row. The thing counted must be named in both (the same word, singular or plural).

A share said to be of each group ("do total de participantes por instituição, 23 ... na IES-E
(2,86%)", "per school", "en cada") names its column: its base is that column's count in the
``Total`` row of the last such table before it in the section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from histkit.analyse.check_rows import Check
from histkit.analyse.check_shares import share_pairs
from histkit.analyse.figures import Figure, Passage
from histkit.analyse.tolerance import Interval, as_input, fmt, judge
from histkit.text.numbers import read_digit_groups

_TABLE = re.compile(r"^\W*(?:tabela|table|tabla|cuadro)\s+\d+", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
_TOTAL_BEFORE = re.compile(r"\b(?:total|totais)\s+(?:of|de)\s+$", re.IGNORECASE)
_PER_GROUP = re.compile(r"\b(?:por|per|em\s+cada|en\s+cada|in\s+each|de\s+cada|of\s+each)\s+[\w-]+", re.IGNORECASE)
_EMPTY = frozenset({"-", "–", "—"})


@dataclass(frozen=True)
class Cell:
    """One cell: its value, printed decimals and span in the caption's joined text."""

    value: float
    decimals: int
    start: int
    end: int


@dataclass(frozen=True)
class Row:
    """A row of a table rendered as text: its label words and its cells."""

    label: tuple[str, ...]
    cells: tuple[Cell | None, ...]


def read_rows(text: str, mark: str) -> list[Row]:
    """Split a flattened table into rows: a run of words, then a run of numbers or dashes."""
    rows: list[Row] = []
    label: list[str] = []
    cells: list[Cell | None] = []
    for token in _TOKEN.finditer(text):
        word = token.group(0)
        read = read_digit_groups(word, mark) if word[0].isdigit() else None
        if read is not None or word in _EMPTY:
            cells.append(Cell(read[0], read[1], token.start(), token.end()) if read else None)
            continue
        if cells:
            rows.append(Row(tuple(label), tuple(cells)))
            label, cells = [], []
        label.append(word.strip("*").lower())
    if cells:
        rows.append(Row(tuple(label), tuple(cells)))
    return rows


@dataclass(frozen=True)
class PairTable:
    """A table of (count, percentage) pairs with its column labels and grand total."""

    passage: Passage
    rows: tuple[Row, ...]
    columns: tuple[str, ...]
    total: Cell


def pair_table(passage: Passage, mark: str) -> PairTable | None:
    """Read a caption as a table of count and percentage pairs, or ``None`` if it is not one."""
    if not _TABLE.match(passage.text):
        return None
    rows = [r for r in read_rows(passage.text, mark) if len(r.cells) >= 4]
    if not rows or any(len(r.cells) % 2 for r in rows):
        return None
    width = len(rows[0].cells)
    if any(len(r.cells) != width for r in rows):
        return None
    totals = [r for r in rows if r.label and r.label[-1] == "total"]
    if len(totals) != 1 or totals[0].cells[-2] is None:
        return None
    header = re.search(rf"((?:\S+\s+){{{width // 2}}})n\*?\s+%", passage.text)
    if header is None:
        return None
    columns = tuple(w.lower() for w in header.group(1).split())
    return PairTable(passage, tuple(rows), columns, totals[0].cells[-2])


def _row_named(table: PairTable, words: set[str]) -> Row | None:
    named = [r for r in table.rows if r.label and r.label[-1] in words and r.label[-1] != "total"]
    return named[-1] if len(named) == 1 else None


def table_share_checks(
    passages: list[Passage], captions: list[Passage], mark: str
) -> Iterator[tuple[Passage, Check]]:
    """Every percentage of the paragraph after a count-and-percentage table, recomputed from its counts."""
    for caption in captions:
        table = pair_table(caption, mark)
        if table is None:
            continue
        after = [p for p in passages if p.joined.pieces[0][0] > caption.joined.pieces[-1][1]]
        if not after:
            continue
        prose = after[0]
        for a, b in prose.sentences:
            row = None
            for pct in prose.figures_in(a, b):
                if pct.kind != "percent":
                    continue
                before = prose.text[a : pct.start]
                words = {w.lower() for w in re.findall(r"[^\W\d_][\w-]*", before[-60:])}
                row = _row_named(table, words) or row
                if row is None:
                    continue
                after_words = re.findall(r"[\w-]+", prose.text[pct.end : pct.end + 30].lower())
                named = [c for c in after_words[:4] if c in table.columns]
                if named:
                    index = table.columns.index(named[0])
                elif prose.text[:pct.start].rstrip().endswith("("):
                    index = len(table.columns) - 1  # "Humanas (49,71%)": the row's total
                else:
                    continue  # a column the table does not name: not paired by guess
                count = row.cells[2 * index]
                if count is None:
                    continue
                computed = as_input_cell(count) / as_input_cell(table.total)
                computed = computed.scale(100.0)
                status, reason = judge(pct.value, pct.decimals, computed)
                label = " ".join(row.label)
                yield prose, Check(
                    kind="share",
                    span=(pct.start - 1 if prose.text[pct.start - 1] == "(" else pct.start, pct.end),
                    inputs=[(count.start, count.end), (table.total.start, table.total.end)],
                    stated=f"{fmt(pct.value, pct.decimals)}%",
                    computed=f"{fmt(computed.mid, pct.decimals + 1)}%",
                    status=status,
                    formula=(f"{caption.text[count.start:count.end]} ({label}, {table.columns[index]}) / "
                             f"{caption.text[table.total.start:table.total.end]} (table total) x 100"),
                    reason=reason + "; the counts are the table's",
                    input_passages=[caption, caption],
                )


def as_input_cell(cell: Cell) -> Interval:
    """The range a table cell allows (a whole count is exact)."""
    return as_input(Figure(cell.value, cell.decimals, "count", "", cell.start, cell.end, "", False, False))


def column_share_checks(
    passages: list[Passage], captions: list[Passage], mark: str
) -> Iterator[tuple[Passage, Check]]:
    """Every share "of each group" whose column a count-and-percentage table names, over that column's total."""
    tables = [t for t in (pair_table(c, mark) for c in captions) if t is not None]
    for passage in passages:
        start = passage.joined.pieces[0][0]
        before = [t for t in tables if t.passage.joined.pieces[-1][1] < start and t.passage.section == passage.section]
        if not before:
            continue
        for a, b in passage.sentences:
            if not _PER_GROUP.search(passage.text, a, b):
                continue
            for count, pct in share_pairs(passage, a, b):
                words = {w.lower() for w in re.findall(r"[\w-]+", passage.text[count.end : pct.start])}
                # the last table before it whose columns name exactly one of these words
                named = [(t, [c for c in t.columns[:-1] if c in words]) for t in reversed(before)]
                named = [(t, cols[0]) for t, cols in named if len(cols) == 1]
                if not named:
                    continue
                table, column = named[0]
                totals = next(r for r in table.rows if r.label and r.label[-1] == "total")
                base = totals.cells[2 * table.columns.index(column)]
                if base is None or count.value >= base.value:
                    continue
                computed = (as_input(count) / as_input_cell(base)).scale(100.0)
                status, reason = judge(pct.value, pct.decimals, computed)
                yield passage, Check(
                    kind="share",
                    span=(count.start, pct.end),
                    inputs=[(count.start, count.end), (base.start, base.end)],
                    stated=f"{fmt(pct.value, pct.decimals)}%",
                    computed=f"{fmt(computed.mid, pct.decimals + 1)}%",
                    status=status,
                    formula=f"{count.number} / {table.passage.text[base.start:base.end]} (the table's total of "
                            f"{column.upper()}) x 100",
                    reason=reason + "; the base is the total of the column the text names",
                    input_passages=[passage, table.passage],
                )


def _stem(word: str) -> str:
    return word.lower().rstrip("s")[:8]


def row_total_checks(
    passages: list[Passage], captions: list[Passage], mark: str
) -> Iterator[tuple[Passage, Check]]:
    """Every total of the prose whose table row "Total <what it counts>" adds up to it, or not."""
    rows = []
    for caption in captions:
        if not _TABLE.match(caption.text):
            continue
        for row in read_rows(caption.text, mark):
            cells = [c for c in row.cells if c is not None]
            whole = all(c.decimals == 0 for c in cells)
            if len(row.label) >= 2 and row.label[0] == "total" and len(cells) >= 2 and whole:
                rows.append((caption, _stem(row.label[1]), cells))
    if not rows:
        return
    for passage in passages:
        for f in passage.figures:
            said_total = _TOTAL_BEFORE.search(passage.text[max(0, f.start - 20) : f.start])
            if f.kind != "count" or f.decimals or not f.unit or not said_total:
                continue
            same = [(c, cells) for c, stem, cells in rows if stem == _stem(f.unit)]
            if len(same) != 1:
                continue
            caption, cells = same[0]
            summed = sum(c.value for c in cells)
            if abs(summed - f.value) > 0.25 * f.value:
                continue
            status, reason = judge(f.value, 0, Interval(summed, summed, summed))
            yield passage, Check(
                kind="sum",
                span=(f.start, f.end),
                inputs=[(c.start, c.end) for c in cells],
                stated=f.number,
                computed=f"{summed:.0f}",
                status=status,
                formula=f"the sum of the table's row 'Total {f.unit}' ({len(cells)} cells)",
                reason=reason + "; the parts are the table's",
                input_passages=[caption] * len(cells),
            )
