"""Quotes in the workbook's tables, found again in the article so that a page can link to them.

Every row a notebook takes from the text carries ``start``, ``end`` and ``quote`` in the exported CSV
tables (``build/tables/``); a table shown in a notebook often shows only the quote, cut to fit, and its
``line``. :class:`QuoteIndex` holds the spans of the CSV tables and finds the span a shown quote stands for.
The runner's layer handles files and text only: this module reads CSV and HTML, never a history module.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from histkit.core.errors import OutputError
from histkit.text.emphasis import unmarked

#: What pandas puts at the end of a cell it has cut to ``display.max_colwidth``.
CUT = "..."
#: Empty values as pandas prints them: not quotes.
EMPTY = {"", "nan", "NaN", "None", "<NA>", "NaT"}
#: Column pairs that give a span: (start, end, quote).
SPAN_COLUMNS = (("start", "end", "quote"), ("group_start", "group_end", "group_quote"))


def _squash(text: str) -> str:
    """``text`` with every run of whitespace as one space, and none at the ends."""
    return " ".join(text.split())


def _plain(text: str) -> str:
    """``text`` as a reader's table shows it, read as text: emphasis marks left out, whitespace squashed."""
    return _squash(unmarked(text))


def anchor_id(start: int, end: int) -> str:
    """The id of a quoted span in the article page: ``q-<start>-<end>`` (code points into the verbatim text)."""
    return f"q-{start}-{end}"


def is_quote_column(name: str) -> bool:
    """Whether a table column holds quotes of the article (``quote``, ``born_quote``, ...)."""
    name = name.strip().lower()
    return name == "quote" or name.endswith("_quote")


@dataclass
class QuoteIndex:
    """The spans of the article that the workbook's tables quote.

    Attributes
    ----------
    text : str
        The verbatim article text.
    sources : dict
        Each span ``(start, end)`` mapped to the names of the CSV tables that quote it.
    rows : dict
        Each span mapped to the CSV rows that quote it (to tell apart spans that begin alike).

    """

    text: str
    sources: dict[tuple[int, int], set[str]] = field(default_factory=dict)
    rows: dict[tuple[int, int], list[dict[str, str]]] = field(default_factory=dict, repr=False)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    @classmethod
    def from_tables(cls, text: str, tables: Iterable[Path], seed_id: str = "") -> QuoteIndex:
        """Read the spans of every CSV table that has ``start``/``end``/``quote`` columns.

        Rows of another seed (a ``seed`` column naming another id) are left out.

        Raises
        ------
        OutputError
            If a row's quote is not the text at its offsets (the table is stale or spoiled).

        """
        index = cls(text)
        for path in sorted(tables):
            with path.open(encoding="utf-8", newline="") as handle:
                for number, row in enumerate(csv.DictReader(handle), start=2):
                    if seed_id and row.get("seed") not in (None, "", seed_id):
                        continue
                    for start_col, end_col, quote_col in SPAN_COLUMNS:
                        start, end = row.get(start_col, ""), row.get(end_col, "")
                        if not (start.isdigit() and end.isdigit()):
                            continue
                        span = (int(start), int(end))
                        if text[span[0] : span[1]] != row.get(quote_col):
                            raise OutputError(
                                f"{path}, row {number}: {quote_col} is not the article's text at "
                                f"{start}-{end}; the table is stale: run `histkit build`"
                            )
                        index.sources.setdefault(span, set()).add(path.stem)
                        if quote_col == "quote":
                            index.rows.setdefault(span, []).append(row)
        return index

    def line_of(self, offset: int) -> int:
        """The 1-based line of a code-point offset (as the tables' ``line`` column counts)."""
        return bisect.bisect_right(self._line_starts, offset)

    def add(self, span: tuple[int, int], source: str) -> None:
        """Record that ``source`` quotes ``span``."""
        self.sources.setdefault(span, set()).add(source)

    def locate(
        self,
        shown: str,
        line: int | None = None,
        start: int | None = None,
        end: int | None = None,
        row: dict[str, str] | None = None,
    ) -> tuple[int, int] | None:
        """The span that a quote shown in a table stands for, or None when it cannot be told.

        Parameters
        ----------
        shown : str
            The cell's text; a trailing ``...`` means pandas cut it.
        line : int, optional
            The row's ``line``: the quote (or the row's main quote) begins on it.
        start, end : int, optional
            The row's own offsets, when the table shows them.
        row : dict, optional
            The row's other cells by column name: when several spans begin with a cut quote, the one whose
            exported row agrees with the most of them (an id, a kind, a status) is taken.

        """
        cut = shown.endswith(CUT) and len(shown) > len(CUT)
        head = shown[: -len(CUT)] if cut else shown
        if start is not None and end is not None:
            quoted = self.text[start:end]
            if (quoted.startswith(head) if cut else quoted == shown) or _plain(quoted) == _plain(shown):
                return (start, end)
        known = self._matching(head, cut, str)
        if not cut:
            known = sorted(set(known) | set(self._occurrences(shown)))
        if not known:
            # a table that shows a line break as a space (or a run of spaces as one) still quotes the span
            known = self._matching(head, cut, _squash)
        if not known:
            # a reader's table shows "*et al*" in italics: its text has no marks
            known = self._matching(head, cut, _plain)
        if line is not None and len(known) > 1:
            near = [span for span in known if self.line_of(span[0]) == line]
            # a second quote of a row (``born_quote``) lies near the row's line, not always on it
            known = near or [span for span in known if abs(self.line_of(span[0]) - line) <= 2] or known
        if row and len(known) > 1:
            known = self._best_rows(known, row)
        return known[0] if len(known) == 1 else None

    def _matching(self, head: str, cut: bool, norm: Callable[[str], str]) -> list[tuple[int, int]]:
        """The spans whose text is ``head`` (or begins with it, when cut), both read through ``norm``."""
        want = norm(head)
        found = []
        for span in self.sources:
            quoted = norm(self.text[span[0] : span[1]])
            if quoted.startswith(want) if cut else quoted == want:
                found.append(span)
        return sorted(found)

    def _best_rows(self, spans: list[tuple[int, int]], shown: dict[str, str]) -> list[tuple[int, int]]:
        """The spans whose exported rows agree with the most cells of the shown row."""

        def agreement(span: tuple[int, int]) -> int:
            return max(
                (sum(1 for k, v in shown.items() if v and row.get(k) == v) for row in self.rows.get(span, [])),
                default=0,
            )

        scores = {span: agreement(span) for span in spans}
        best = max(scores.values())
        return [span for span in spans if scores[span] == best] if best else spans

    def _occurrences(self, quote: str) -> list[tuple[int, int]]:
        if not quote:
            return []
        found, at = [], self.text.find(quote)
        while at != -1:
            found.append((at, at + len(quote)))
            at = self.text.find(quote, at + 1)
        return found
