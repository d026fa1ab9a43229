"""What a reader sees: dates in words, plain tables and short Markdown summaries.

The tables and CSV files keep everything exact (EDTF codes, ids, every decimal). A notebook shows a historian
something else: "spring 1927" rather than ``1927-21``, "by March 1927" rather than ``../1927-03``, headings in
words, no index, no internal ids, text that wraps instead of being cut with "…", and numbers at the precision a
historian would write.

- :func:`date_in_words` turns one EDTF string into words; :data:`DATE_LEGEND` says what the words mean.
- :func:`reader_table` turns a DataFrame into a :class:`ReaderTable` (wrapping HTML and a plain-text form);
  :func:`cell_text` is how one value is written in it.
- :func:`figure` writes a number at a reader's precision; :func:`markdown` and :func:`summary` give Markdown.

To add a new kind of EDTF value: add a branch to ``_words`` for its ``edtf`` parser class and a test case.
"""

from __future__ import annotations

import html
import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version

import pandas as pd
from edtf.parser import parser_classes as edtf_classes
from edtf.parser.edtf_exceptions import EDTFParseException

from histkit.core.dating import parse as parse_edtf
from histkit.core.errors import DateError
from histkit.core.memo import Memo, remembered, source_digest
from histkit.present.reader_words import in_words
from histkit.text.emphasis import typeset

_WORDS = Memo("edtf-words", f"edtf {version('edtf')}; {source_digest(__file__)}")  # parsing: ~11 ms a date
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
# Abbreviations a historian writes in a span ("Sept.-Nov. 1919"); short names stay whole.
MONTHS_SHORT = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
# EDTF seasons: 21-24 the seasons, 25-32 northern/southern hemisphere seasons, 33-36 quarters,
# 37-39 quadrimesters, 40-41 semesters (EDTF level 2).
_FOUR = ("spring", "summer", "autumn", "winter")
SEASONS = dict(enumerate([*_FOUR, *_FOUR, *(f"{s} (southern)" for s in _FOUR),
                          *(f"{n} quarter of" for n in ("first", "second", "third", "fourth")),
                          "first third of", "second third of", "last third of", "first half of", "second half of"],
                         start=21))  # fmt: skip

DATE_LEGEND = (
    "Dates in words: “c.” means approximately, “?” uncertain, “by” at the latest, “from” at the earliest; "
    "a season or a span (“Sept.-Nov. 1919”) where the article gives no closer date. "
    "The exact EDTF codes are in the CSV files."
)

# Columns a reader never needs: provenance offsets and the seed's id stay in the CSV files.
HIDDEN_COLUMNS = frozenset({"seed", "start", "end", "id", "index"})


# --- dates in words --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Point:
    """One calendar point of an EDTF value: a year, month, day or season, maybe qualified."""

    year: str
    month: int | None = None
    day: int | None = None
    season: int | None = None
    qualifier: str = ""  # "~" approximate, "?" uncertain, "%" both

    def words(self, short: bool = False, with_year: bool = True) -> str:
        """The point in words; ``short`` abbreviates the month, ``with_year=False`` leaves the year out."""
        year = _year_words(self.year)
        if self.season is not None:
            name = SEASONS[self.season]
            text = f"{name} {year}" if with_year else name
        elif self.month is not None:
            month = (MONTHS_SHORT if short else MONTHS)[self.month - 1]
            text = month if not with_year else f"{month} {year}"
            if self.day is not None:
                text = f"{self.day} {text}"
        else:
            text = year
        return _qualified(text, self.qualifier)

    @property
    def precision(self) -> str:
        """``day``, ``month``, ``season`` or ``year``."""
        if self.season is not None:
            return "season"
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"


def _qualified(text: str, qualifier: str) -> str:
    if qualifier == "~":
        return f"c. {text}"
    if qualifier == "?":
        return f"{text}?"
    if qualifier == "%":
        return f"c. {text}?"
    return text


def _year_words(year: str) -> str:
    # "192X" is some year of the 1920s, "19XX" of the 1900s
    unspecified = len(year) - len(year.rstrip("Xx"))
    if unspecified == 0:
        return year
    return f"the {year[:-unspecified]}{'0' * unspecified}s"


def _int_or_none(value: object) -> int | None:  # "09" → 9; None or "XX" → None
    return int(value) if value is not None and str(value).isdigit() else None


def _point(obj: object, qualifier: str = "") -> _Point:
    # Date, Unspecified, Season, Level2Season, or an UncertainOrApproximate wrapping one of them
    if isinstance(obj, edtf_classes.UncertainOrApproximate):
        return _point(obj.date, str(obj.ua or ""))
    if isinstance(obj, edtf_classes.Season | edtf_classes.Level2Season):
        return _Point(str(obj._year), season=int(obj.season), qualifier=qualifier)
    if isinstance(obj, edtf_classes.Date):
        return _Point(
            str(obj._year), _int_or_none(obj._month), _int_or_none(obj._day), qualifier=qualifier
        )
    raise DateError(f"EDTF value {str(obj)!r} has no reading in words yet; add it to histkit.present.display")


def _open(obj: object) -> bool:
    return isinstance(obj, edtf_classes.UnspecifiedIntervalSection)


def _span(low: _Point, high: _Point) -> str:
    """Two points as one span: "1924-1928", "Sept.-Nov. 1919", "Oct. 1924 – autumn 1926"."""
    if low == high:
        return low.words()
    if low.precision == high.precision == "year" and not low.qualifier and not high.qualifier:
        return f"{_year_words(low.year)}-{_year_words(high.year)}"
    if low.year == high.year and low.precision == high.precision and low.precision in ("month", "season"):
        if low.precision == "month" or not high.qualifier:
            return f"{low.words(short=True, with_year=False)}-{high.words(short=True)}"
    if (
        low.year == high.year
        and low.month == high.month
        and low.precision == high.precision == "day"
        and not (low.qualifier or high.qualifier)
    ):
        return f"{low.day}-{high.words()}"
    return f"{low.words(short=True)} – {high.words(short=True)}"


def _words(parsed: object) -> str:
    if isinstance(parsed, edtf_classes.OneOfASet | edtf_classes.MultipleDates):
        joiner = " or " if isinstance(parsed, edtf_classes.OneOfASet) else " and "
        return joiner.join(_words(o) for o in parsed.objects)
    if isinstance(parsed, edtf_classes.EarlierConsecutives):
        return f"{_point(parsed.upper).words()} or earlier"
    if isinstance(parsed, edtf_classes.LaterConsecutives):
        return f"{_point(parsed.lower).words()} or later"
    if isinstance(parsed, edtf_classes.Consecutives | edtf_classes.Interval | edtf_classes.Level1Interval):
        lower, upper = parsed.lower, parsed.upper
        if _open(lower) and _open(upper):
            return "date unknown"
        if _open(lower):
            start_unknown = str(lower) == ""
            return f"until {_point(upper).words()} (start unknown)" if start_unknown else f"by {_point(upper).words()}"
        if _open(upper):
            end_unknown = str(upper) == ""
            return f"from {_point(lower).words()} (end unknown)" if end_unknown else f"from {_point(lower).words()}"
        return _span(_point(lower), _point(upper))
    return _point(parsed).words()


@lru_cache(maxsize=4096)
def date_in_words(edtf: str) -> str:
    """Write an EDTF date as a historian would.

    Parameters
    ----------
    edtf : str
        An EDTF string, e.g. ``"1927-21"``, ``"../1927-03"``, ``"[1919-09..1919-11]"``.

    Returns
    -------
    str
        The date in words: ``"spring 1927"``, ``"by March 1927"``, ``"Sept.-Nov. 1919"``,
        ``"c. July 1920"``, ``"autumn 1926"``, ``"1924"``.

    Raises
    ------
    DateError
        If the ``edtf`` package cannot parse ``edtf``.

    """
    if not isinstance(edtf, str) or not edtf.strip():
        raise DateError(f"EDTF value {edtf!r} is empty or not a string; write e.g. '1926-12' or '1926-23'")
    try:
        return remembered(_WORDS, edtf.strip(), lambda code: _words(parse_edtf(code)))
    except (EDTFParseException, ValueError, TypeError) as err:
        raise DateError(f"invalid EDTF {edtf!r}: {err}; use e.g. '1926', '1926-12', '1926-23' (autumn)") from err


# An EDTF code inside a sentence ("Lenin dies (1924-01)", "1918-02-14..1918-02-14"): a year with a
# month or season, or an open or closed interval or set of them. A plain year is already words.
_CODE = re.compile(
    r"(?<![\w.-])(?:\.\./)?\[?\d{4}(?:-\d\d){1,2}[~?%]?"
    r"(?:(?:/|\.\.)(?:\d{4}(?:-\d\d){0,2}[~?%]?)?\]?|\])?(?:/\.\.)?(?![\w-])"
    r"|(?<![\w.-])\.\./\d{4}(?![\w-])|(?<![\w.-])\d{4}/\d{4}(?![\w-])"
)


def codes_in_words(text: str) -> str:
    """Replace the EDTF codes inside ``text`` by words ("from 1924-10" → "from October 1924").

    A token that only looks like a code ("1926-27" for two years, "1919-39") is left as it is.
    """

    def words(m: re.Match[str]) -> str:
        code = m[0]
        # a month (01-12) or one of the four seasons (21-24) only: "1926-27" is two years, not a quarter
        if any(not (1 <= int(mm) <= 12 or 21 <= int(mm) <= 24) for mm in re.findall(r"\d{4}-(\d\d)", code)):
            return code
        lone = re.fullmatch(r"([^.\[\]]+)\.\.([^.\[\]]+)", code)  # "a..b" written outside a set
        if lone:
            code = f"{lone[1]}/{lone[2]}" if lone[1] != lone[2] else lone[1]
        try:
            return date_in_words(code)
        except DateError:
            return m[0]

    return _CODE.sub(words, text)


# --- numbers ---------------------------------------------------------------------------------


def figure(value: float, digits: int | None = None) -> str:
    """Write a number as a reader would: three significant figures, no trailing zeros.

    The integer part is never rounded away (``411.3`` → ``"411"``, ``12345.6`` → ``"12,346"``);
    ``digits`` fixes the decimals instead (``figure(124.78, 2)`` → ``"124.78"``, for sums of money
    the article gives to the cent).
    """
    if isinstance(value, bool):
        return str(value)
    number = float(value)
    if math.isnan(number):
        return ""
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    if digits is None:
        magnitude = math.floor(math.log10(abs(number))) if number else 0
        digits = max(0, 2 - magnitude)
    text = f"{number:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# --- tables ----------------------------------------------------------------------------------


def heading(name: str) -> str:
    """A column name as a heading: ``"age_at_arrival_min"`` → ``"Age at arrival min"``."""
    words = re.sub(r"[_\s]+", " ", str(name)).strip()
    return words[:1].upper() + words[1:]


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def cell_text(value: object, digits: int | None = None) -> str:
    """How one value reads in a table: no ``<NA>``, dict, tuple or escape sequence, whitespace collapsed."""
    if _missing(value):
        return ""
    if isinstance(value, Mapping):
        return "; ".join(f"{cell_text(k)}: {cell_text(v, digits)}" for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return ", ".join(t for t in (cell_text(v, digits) for v in items) if t)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return f"{int(value)}" if abs(int(value)) < 10000 else f"{int(value):,}"
    if isinstance(value, numbers.Real):
        return figure(float(value), digits)
    # real line breaks and the two-character escape "\n" left by a conversion both become spaces
    return re.sub(r"\s+", " ", str(value).replace("\\n", " ")).strip()


@dataclass(frozen=True)
class ReaderTable:
    """A table as a reader sees it: strings only, plain headings, no index.

    Shows as HTML whose cells wrap (CSS ``white-space: normal``), are never cut and set the article's emphasis marks
    as type; its plain-text form lists the same strings. ``frame`` holds the shown strings (for tests and reuse).
    """

    frame: pd.DataFrame
    caption: str = ""
    sources: tuple[str, ...] = ()
    spans: tuple[tuple[int, int] | None, ...] = ()

    def _repr_html_(self) -> str:
        # JupyterLab right-aligns table cells: each cell says left; wrapping is inherited from the table
        cell = "text-align:left;vertical-align:top"
        # invisible to a reader, kept for tools (the static site links a quote to its place in the
        # article): each heading's column name in the table, each row's span of the article
        names = self.sources or tuple(self.frame.columns)
        head = "".join(
            f'<th style="{cell}" data-column="{html.escape(str(n))}">{html.escape(str(c))}</th>'
            for n, c in zip(names, self.frame.columns, strict=True)
        )
        spans = self.spans or (None,) * len(self.frame)
        body = "".join(
            (f'<tr data-start="{span[0]}" data-end="{span[1]}">' if span else "<tr>")
            + "".join(f'<td style="{cell}">{typeset(html.escape(v))}</td>' for v in row)
            + "</tr>"
            for row, span in zip(self.frame.itertuples(index=False, name=None), spans, strict=True)
        )
        caption = f'<caption style="text-align:left">{html.escape(self.caption)}</caption>' if self.caption else ""
        return (  # no MathJax (3 in JupyterLab: mathjax_ignore; 2: tex2jax_ignore), which reads "\$" as "$"
            '<table class="histkit-reader mathjax_ignore tex2jax_ignore" '
            f'style="white-space:normal;overflow-wrap:break-word">{caption}'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def __repr__(self) -> str:
        lines = [self.caption] if self.caption else []
        lines.append(" | ".join(self.frame.columns))
        lines.extend(" | ".join(row) for row in self.frame.itertuples(index=False, name=None))
        return "\n".join(lines)

    def __len__(self) -> int:
        return len(self.frame)


def _hidden(name: str) -> bool:
    return name in HIDDEN_COLUMNS or name.endswith("_id") or name.endswith("_ids")


def reader_table(
    frame: pd.DataFrame,
    columns: Sequence[str] | None = None,
    *,
    headings: Mapping[str, str] | None = None,
    dates: Iterable[str] = ("edtf",),
    digits: Mapping[str, int] | None = None,
    caption: str = "",
    codes: Iterable[str] = (),
) -> ReaderTable:
    """Turn ``frame`` into the table a reader sees.

    Parameters
    ----------
    frame : DataFrame
        Any histkit table (it is not changed).
    columns : sequence of str, optional
        The columns to show, in order; default all. Provenance offsets (``seed``, ``start``,
        ``end``) and internal ids (``*_id``) are never shown: they stay in the CSV files.
    headings : mapping, optional
        A heading for a column (the frame's ``attrs["headings"]`` first); others from the name ("Months min").
    dates : iterable of str
        Columns holding EDTF strings, written in words (default ``edtf``, headed "Date").
    digits : mapping, optional
        Decimals for a column of numbers (e.g. ``{"value": 2}`` for pesos and centavos); other
        numbers get three significant figures.
    caption : str
        A line above the table.
    codes : iterable of str
        Columns of prose whose embedded EDTF codes are written in words (:func:`codes_in_words`).

    Returns
    -------
    ReaderTable
        Strings only; shows as wrapping HTML in a notebook.

    Raises
    ------
    KeyError
        If a column in ``columns`` is not in ``frame`` (the message lists the ones that are).

    """
    if any(name is not None for name in frame.index.names):  # a named index is a column to a reader
        frame = frame.reset_index()
    chosen = list(frame.columns if columns is None else columns)
    unknown = [c for c in chosen if c not in frame.columns]
    if unknown:
        raise KeyError(f"no column {unknown} in this table; it has {list(frame.columns)}")
    chosen = [c for c in chosen if not _hidden(str(c))]
    date_columns, code_columns = set(dates), set(codes)
    names = {"edtf": "Date", **frame.attrs.get("headings", {}), **(headings or {})}
    digits = dict(digits or {})
    shown = {}
    for column in chosen:
        values = frame[column].tolist()
        if column in date_columns:
            text = [date_in_words(v) if isinstance(v, str) and v.strip() else cell_text(v) for v in values]
        else:
            text = [cell_text(in_words(str(column), v), digits.get(column)) for v in values]
        if column in code_columns:
            text = [codes_in_words(t) for t in text]
        shown[names.get(column, heading(column))] = text
    spans: tuple[tuple[int, int] | None, ...] = ()
    if {"start", "end"} <= set(frame.columns):
        spans = tuple(
            (int(a), int(b)) if not (_missing(a) or _missing(b)) else None
            for a, b in zip(frame["start"], frame["end"], strict=True)
        )
    return ReaderTable(pd.DataFrame(shown, dtype=object), caption, tuple(str(c) for c in chosen), spans)


# --- prose -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prose:
    """Text that JupyterLab renders as Markdown; its plain form is the same text."""

    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def markdown(text: str) -> Prose:
    """Show ``text`` (Markdown) as formatted prose in a notebook rather than as a monospace print."""
    return Prose(text.strip())


def summary(points: Iterable[str], title: str = "") -> Prose:
    """A short Markdown list: one bullet per point, under an optional bold title."""
    lines = [f"**{title}**", ""] if title else []
    lines.extend(f"- {p.strip()}" for p in points if p and p.strip())
    return Prose("\n".join(lines))


def date_legend() -> Prose:
    """The one-line legend for dates in words, as Markdown (italic)."""
    return Prose(f"*{DATE_LEGEND}*")
