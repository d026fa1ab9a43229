"""Date phrases normalised to EDTF: the forms histkit reads, and relative phrases resolved.

Every phrase that names a time ("In February of 1918", "the fall of 1926", "from 1923 to 1927", "mid-1925",
"two years later") becomes an EDTF string (Library of Congress Extended Date/Time Format), parsed and bounded by
the maintained ``edtf`` package: EDTF can say "autumn 1926" (``1926-23``), "some year of the 1920s" (``192X``)
or "between August and September 1919" (``1919-08/1919-09``) without pretending to a precision the text does
not have. A phrase EDTF has no word for (``mid-1925``, ``the early 1920s``) is mapped to an explicit interval
and the reason is recorded in the ``note`` column, never dropped. A relative phrase ("a year later") is found
here and resolved in :mod:`histkit.extract.relative_dates`.

To add a new form: add a pattern to :data:`PATTERNS` (longest forms first, as the first match wins), a
builder returning a :class:`DateValue` (or ``None`` where the match is not a date after all), and a case to
``tests/extract/test_date_phrases.py``; the words are in :mod:`histkit.extract.date_words`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from histkit.core.dating import bounds, check_edtf
from histkit.core.errors import DateError
from histkit.extract import date_words as _w
from histkit.extract.date_words import (
    DECADE_PARTS,
    MONTHS,
    MONTHS_PT_ES,
    PARTS_PT_ES,
    SEASONS,
    SEASONS_PT_ES,
    YEAR_PARTS,
)
from histkit.text.numbers import words_to_number


@dataclass(frozen=True)
class DateValue:
    """One normalised date expression.

    Attributes
    ----------
    edtf : str
        The EDTF string (validated by the ``edtf`` package).
    precision : str
        ``day``, ``month``, ``season``, ``year``, ``decade``, ``interval`` or ``open``.
    form : str
        Which kind of phrase it was (``full-date``, ``month``, ``season``, ``range``, ``relative``...).
    note : str
        Why a phrase was mapped to an explicit interval, or how a relative phrase was resolved.
    refers_to : str
        For a relative phrase, the EDTF of the date it counts from.

    """

    edtf: str
    precision: str
    form: str
    note: str = ""
    refers_to: str = ""

    @property
    def earliest(self) -> date | None:
        """First day the expression can mean (``None`` for an open start)."""
        return bounds(self.edtf)[0]

    @property
    def latest(self) -> date | None:
        """Last day the expression can mean (``None`` for an open end)."""
        return bounds(self.edtf)[1]


# --- the forms -------------------------------------------------------------------------------

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"


def _month_number(name: str) -> int:
    name = name.lower()
    return MONTHS[name] if name in MONTHS else MONTHS_PT_ES[name]


def _full_date(m: re.Match[str]) -> DateValue:
    day = 1 if m.groupdict().get("first") else int(m["day"])
    month, year = _month_number(m["month"]), int(m["year"])
    return DateValue(f"{year:04d}-{month:02d}-{day:02d}", "day", "full-date")


def _month_day_year(m: re.Match[str]) -> DateValue | None:
    # "October 24, 2016": the American order, the English articles' own (paz-mixed-flocks, bak-p58270).
    try:
        date(int(m["year"]), _month_number(m["month"]), int(m["day"]))
    except ValueError:
        return None  # "May 45, 2010" is no day: its year is still read, alone
    return _full_date(m)


def _numeric_date(m: re.Match[str]) -> DateValue:
    # DD/MM/YYYY, as in the front matter ("RECEBIDO EM: 04/06/2017").
    day, month, year = int(m["day"]), int(m["mon"]), int(m["year"])
    return DateValue(f"{year:04d}-{month:02d}-{day:02d}", "day", "full-date")


def _month_pair(m: re.Match[str]) -> DateValue:
    year = int(m["year"])
    first, second = MONTHS[m["m1"].lower()], MONTHS[m["month"].lower()]
    return DateValue(f"{year:04d}-{first:02d}/{year:04d}-{second:02d}", "interval", "range")


def _month(m: re.Match[str]) -> DateValue:
    return DateValue(f"{int(m['year']):04d}-{_month_number(m['month']):02d}", "month", "month")


def _season(m: re.Match[str]) -> DateValue:
    return DateValue(f"{int(m['year']):04d}-{SEASONS[m['season'].lower()]}", "season", "season")


def _season_pt_es(m: re.Match[str]) -> DateValue:
    note = "season as named in the text: EDTF codes 21-24 do not say which hemisphere"
    return DateValue(f"{int(m['year']):04d}-{SEASONS_PT_ES[m['season'].lower()]}", "season", "season", note=note)


def last_year(first: int, second: str | None) -> int:
    """Expand the second year of "1994/95", "1919-39" or "1999/2000" to a full year.

    A short second year shares the first one's century, or the next century when it would
    otherwise come before the first ("1999/00" is 2000).
    """
    if not second:
        return first
    if len(second) >= 4:
        return int(second)
    width = 10 ** len(second)
    last = first - first % width + int(second)
    return last if last >= first else last + width


def _year_range(m: re.Match[str]) -> DateValue | None:
    first = int(m["y1"])
    second = m["y2"]
    sep = m.group(0)[4]
    if len(second) == 2 and int(second) < first % 100:
        # Across a century: "1994/95" and "1999/00" (a season, a harvest) or "1999–00" are ranges; with a
        # hyphen only from a 9x year to a 0x one ("1998-02"), else "2010-04" is ISO April 2010, not 2010-2104.
        if sep != "-" or (first % 100 >= 90 and int(second) < 10):
            return DateValue(f"{first:04d}/{last_year(first, second):04d}", "interval", "range")
        if 1 <= int(second) <= 12:
            return DateValue(
                f"{first:04d}-{second}",
                "month",
                "iso-month",
                note=f"'{m.group(0)}' read as a month (ISO 8601): a range across a century prints its end in full",
            )
        return None
    return DateValue(f"{first:04d}/{last_year(first, second):04d}", "interval", "range")


def _spaced_year_range(m: re.Match[str]) -> DateValue | None:
    # "Tourism Cycle (1989 - 2018)": a dash with spaces joins two years in full, in that order; two
    # years that go backwards ("2018 - 1989") are read one by one.
    return _year_range(m) if int(m["y2"]) >= int(m["y1"]) else None


def _part_word(word: str) -> str:
    """"early"/"mid"/"late" for an English word or its Portuguese/Spanish equivalent."""
    word = word.lower()
    return PARTS_PT_ES.get(word, word)


def _year_range_pt_es(m: re.Match[str]) -> DateValue:
    first = int(m["y1"] or m["y1b"])
    return DateValue(f"{first:04d}/{int(m['y2']):04d}", "interval", "range")


def _part_of_decade(m: re.Match[str]) -> DateValue:
    tens = m.groupdict().get("tens")
    decade = 1900 + int(tens) if tens else int(m["decade"])
    part = _part_word(m["part"])
    lo, hi = DECADE_PARTS[part]
    century = f"; the text does not print the century, read as the {decade}s" if tens else ""
    return DateValue(
        f"{decade + lo:04d}/{decade + hi:04d}",
        "interval",
        "part-of-decade",
        note=f"EDTF has no qualifier for '{part}' in a decade; mapped to the years "
        f"{decade + lo}-{decade + hi} by convention{century}",
    )


def _decade(m: re.Match[str]) -> DateValue:
    return DateValue(f"{m['decade'][:3]}X", "decade", "decade")


def _decade_pt_es(m: re.Match[str]) -> DateValue:
    """"anos 1970", "década de 70", "los años veinte": a decade; two digits or a word read in the 1900s."""
    if m["decade"]:
        return _decade(m)
    word = (m["word"] or "").lower()
    tens = int(m["tens"]) if m["tens"] else words_to_number(word, _w.DECADE_WORDS_PT_ES[word])
    return DateValue(
        f"19{tens // 10}X",
        "decade",
        "decade",
        note=f"the text does not print the century; '{m.group(0)}' read as the {1900 + tens}s",
    )


def _decades_pt_es(m: re.Match[str]) -> DateValue | None:
    """"décadas de 70 e 80", "los años 1960 a 1980": the years from the first decade to the end of the last.

    Two decades joined by "e"/"y" must follow each other (else they are a list, not a span).
    """
    d1, d2 = m["d1"] or m["e1"] or m["f1"], m["d2"]
    if len(d1) != len(d2):
        return None
    first, last = (int(d) if len(d) == 4 else 1900 + int(d) for d in (d1, d2))
    if last <= first or (m["join"].lower() in ("e", "y") and last != first + 10):
        return None
    century = f"; the text does not print the century, read as the {first}s to the {last}s" if len(d1) == 2 else ""
    return DateValue(f"{first:04d}/{last + 9:04d}", "interval", "decades",
                     note=f"'{m.group(0)}': from the first year of the first decade to the last of the last{century}")


def _part_of_year(m: re.Match[str]) -> DateValue:
    year = int(m["year"])
    part = _part_word(m["part"])
    lo, hi = YEAR_PARTS[part]
    return DateValue(
        f"{year:04d}-{lo:02d}/{year:04d}-{hi:02d}",
        "interval",
        "part-of-year",
        note=f"EDTF has no qualifier for '{part}' in a year; mapped to the months "
        f"{lo:02d}-{hi:02d} by convention",
    )


def _year(m: re.Match[str]) -> DateValue:
    return DateValue(f"{int(m['year']):04d}", "year", "year")


def _relative(m: re.Match[str]) -> DateValue:
    # Resolved later, against the date it refers to (see resolve_relative).
    return DateValue("", "", "relative")


PATTERNS: list[tuple[str, re.Pattern[str], Callable[[re.Match[str]], DateValue | None]]] = [
    ("full-date", re.compile(rf"\b(?P<day>[0-3]?\d)\s+{_MONTH}\s+{_YEAR}\b"), _full_date),
    (
        # 12 de outubro de 1924 / 1º de maio de 1925 / 1o de maio / primeiro de maio / 3 de mayo del 2020
        "full-date-pt-es",
        re.compile(
            rf"(?:\b(?P<day>[0-3]?\d)(?:[º°]|o\b)?|\b(?P<first>primeiro|primero))\s+de\s+"
            rf"(?i:{_w.MONTH_PT_ES})(?:\s+del?|,)?\s+{_YEAR}\b"
        ),
        _full_date,
    ),
    (
        "month-day-year",
        re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}\b"),
        _month_day_year,
    ),
    (
        "numeric-date",
        re.compile(r"\b(?P<day>[0-3]\d)/(?P<mon>[01]\d)/(?P<year>1[5-9]\d\d|20\d\d)\b"),
        _numeric_date,
    ),
    (
        # ISO 8601: 2010-04-15
        "iso-date",
        re.compile(r"(?<![\d./\-])(?P<year>1[5-9]\d\d|20\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?![\d\-])"),
        _numeric_date,
    ),
    (
        "month-pair",
        re.compile(
            r"\b(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)"
            rf"\s+and\s+{_MONTH}\s+{_YEAR}\b"
        ),
        _month_pair,
    ),
    ("month", re.compile(rf"\b{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b"), _month),
    # junho de 2020 / diciembre de 2015 / marzo 2018 / julio del 2020
    ("month-pt-es", re.compile(rf"\b(?i:{_w.MONTH_PT_ES_NO_MARCO})(?:\s+del?)?\s+{_YEAR}\b"), _month),
    # no verão de 1925 / el invierno de 1925
    ("season-pt-es", re.compile(rf"\b(?P<season>{_w.SEASON_PT_ES})\s+del?\s+{_YEAR}\b", re.I), _season_pt_es),
    ("decades-pt-es", re.compile(_w.DECADES_PT_ES, re.I), _decades_pt_es),
    (
        # de 2014 a 2018 / de 1923 até 1927 / desde 1923 hasta 1927 / entre 2003 y 2015
        "from-to-pt-es",
        re.compile(
            r"\b(?:(?:de|desde)\s+(?P<y1>1[5-9]\d\d|20\d\d)\s+(?:a|até|hasta|al)"
            r"|entre\s+(?P<y1b>1[5-9]\d\d|20\d\d)\s+[ey])\s+(?P<y2>1[5-9]\d\d|20\d\d)\b",
            re.I,
        ),
        _year_range_pt_es,
    ),
    (
        "season",
        re.compile(rf"\b(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+{_YEAR}\b", re.I),
        _season,
    ),
    (
        "from-to",
        re.compile(r"\bfrom\s+(?P<y1>1[5-9]\d\d|20\d\d)\s+to\s+(?P<y2>1[5-9]\d\d|20\d\d)\b"),
        _year_range,
    ),
    (
        "spaced-year-range",
        re.compile(r"(?<![\d./])(?P<y1>1[5-9]\d\d|20\d\d) [\-–—] (?P<y2>1[5-9]\d\d|20\d\d)(?![\d/])"),
        _spaced_year_range,
    ),
    (
        "year-range",
        re.compile(r"(?<![\d./])(?P<y1>1[5-9]\d\d|20\d\d)[/\-–](?P<y2>\d{2}(?:\d\d)?)(?![\d/])"),
        _year_range,
    ),
    (
        "part-of-decade",
        re.compile(r"\b(?:the\s+)?(?P<part>early|mid|late)[\s\-]+(?P<decade>1[5-9]\d0|20\d0)s\b", re.I),
        _part_of_decade,
    ),
    (
        # meados da década de 1920 / finales de la década de 1920
        "part-of-decade-pt-es",
        re.compile(
            rf"\b(?P<part>{_w.PART_PT_ES})\s+(?:d[ae]\s+(?:la\s+)?década\s+de|d[oe]s\s+anos|de\s+los\s+años)\s+"
            r"(?:(?P<decade>1[5-9]\d0|20\d0)|(?P<tens>[1-9]0))\b",
            re.I,
        ),
        _part_of_decade,
    ),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<decade>1[5-9]\d0|20\d0)s\b"), _decade),
    (
        # anos 1970 / nos anos de 1970 / la década de 1920 / década de 70 / los años veinte
        "decade-pt-es",
        re.compile(
            rf"\b(?:{_w.DECADE_LEAD_PT_ES})(?:(?P<decade>1[5-9]\d0|20\d0)|(?P<tens>[1-9]0)"
            rf"|(?P<word>{_w.DECADE_WORD_PT_ES}))\b{_w.NOT_A_DECADE_AFTER}",
            re.I,
        ),
        _decade_pt_es,
    ),
    ("part-of-year", re.compile(rf"\b(?P<part>early|mid|late)-{_YEAR}\b", re.I), _part_of_year),
    # meados de 1925 / mediados de 2018 / início de 1925 / principios de 1925 / fines de 2017
    ("part-of-year-pt-es", re.compile(rf"\b(?P<part>{_w.PART_PT_ES})\s+(?:del?|do)\s+{_YEAR}\b", re.I), _part_of_year),
    ("year", re.compile(rf"(?<![\d./,\-\w]){_YEAR}(?![\d/\w]|-\d|\.\d)"), _year),
    ("relative", re.compile(rf"\b{_w.RELATIVE_RE}\b", re.I), _relative),
    # the lookahead (a word, then a unit) skips most positions quickly: the count list is long
    ("relative-pt-es", re.compile(rf"\b(?=\w+\s+(?:an|añ|m[eê]s))(?:{_w.RELATIVE_PT_ES_RE})\b", re.I), _relative),
]


PATTERNS = [(n, re.compile(f"(?={_w.PATTERN_STARTS[n]})" + p.pattern, p.flags) if n in _w.PATTERN_STARTS else p, b)
            for n, p, b in PATTERNS]  # each behind a look-ahead for what it can start with (issue 21)


@dataclass(frozen=True)
class Found:
    """A date expression found in a string: its span (relative to that string) and value."""

    start: int
    end: int
    phrase: str
    value: DateValue
    qualifier: str = ""


def find_in(text: str) -> list[Found]:
    """Find the date expressions in ``text``, longest forms first, without overlaps.

    Returns
    -------
    list of Found
        Sorted by position. A phrase preceded by "by" or "since" gets that word as ``qualifier`` and an
        open interval (``../1927-03``, ``1923/..``) as its EDTF, because "by March 1927" means "no later than".

    """
    # Digits that are no date: a web address or DOI ("/2023-10-16/"), a program's year, a number before its unit.
    taken = _w.not_dates(text)
    found: list[Found] = []
    built: dict[tuple[str, str, tuple[str | None, ...]], DateValue | None] = {}
    for name, pattern, build in PATTERNS:
        # One pattern's matches never overlap each other: check them against the earlier patterns'
        # only, and add them all at once (one linear merge per pattern, not a scan per match).
        new: list[tuple[int, int]] = []
        for m in pattern.finditer(text):
            start, end = m.span()
            if taken.overlaps(start, end):
                continue
            key = (name, m.group(0), m.groups())  # a builder reads only the groups: one value per phrase
            value = built[key] if key in built else built.setdefault(key, build(m))
            if value is None:
                continue
            new.append((start, end))
            found.append(Found(start, end, key[1], value))
        taken.add_all(new)
    found.sort(key=lambda f: f.start)
    return [_qualify(text, f) for f in found]


_QUALIFIER = re.compile(r"\b(by|since|desde|até|hasta)\s+$", re.I)
# Portuguese and Spanish qualifiers: "desde" means "since"; "até"/"hasta" mean "by" (no later than).
_QUALIFIER_MEANS = {"desde": "since", "até": "by", "hasta": "by"}


def _qualify(text: str, f: Found) -> Found:
    if f.value.form == "relative":
        return f
    window = max(0, f.start - 8)
    m = _QUALIFIER.search(text[window : f.start])
    if not m:
        return f
    word = m.group(1).lower()
    v = f.value
    if _QUALIFIER_MEANS.get(word, word) == "by":
        edtf = f"../{_end_of(_expand(v.edtf))}"
        note = f"'{word}' means no later than {_end_of(_expand(v.edtf))}: an interval open at its start"
    else:
        edtf = f"{_start_of(_expand(v.edtf))}/.."
        note = f"'{word}' means from {_start_of(_expand(v.edtf))} on: an interval open at its end"
    note = f"{v.note}; {note}" if v.note else note
    # The quote takes in the qualifier: "by March 1927" is the phrase, not "March 1927".
    start = window + m.start(1)
    value = replace(v, edtf=check_edtf(edtf), precision="open", note=note)
    return Found(start, f.end, text[start : f.end], value, qualifier=word)


def _expand(edtf: str) -> str:
    """A decade or century with unspecified digits ("192X") as years ("1920/1929"): EDTF has no "../192X"."""
    if re.fullmatch(r"\d{3}X", edtf):
        return f"{edtf[:3]}0/{edtf[:3]}9"
    if re.fullmatch(r"\d{2}XX", edtf):
        return f"{edtf[:2]}00/{edtf[:2]}99"
    return edtf


def _start_of(edtf: str) -> str:
    return edtf.split("/")[0]


def _end_of(edtf: str) -> str:
    return edtf.split("/")[-1]


def normalise(phrase: str) -> DateValue:
    """Normalise one date phrase (the whole phrase must be a date expression).

    Parameters
    ----------
    phrase : str
        E.g. ``"in October 1924"`` (a leading "in"/"on", Portuguese "em"/"no"/"na" or Spanish
        "en"/"el" is allowed), ``"the fall of 1926"``, ``"no verão de 1925"``,
        ``"mid-1925"``, ``"by March 1927"``.

    Raises
    ------
    DateError
        If the phrase holds no date expression, or a relative one (use :func:`resolve_relative`).

    """
    text = re.sub(r"^\s*(?:in|on|during|of|em|no|na|nos|nas|os|en|el|los|durante)\s+", "", phrase.strip(), flags=re.I)
    hits = find_in(text)
    if (
        len(hits) != 1
        or text[: hits[0].start].strip().lower() not in ("", "by", "since")
        or text[hits[0].end :].strip(" .,")
    ):
        raise DateError(f"{phrase!r} is not a single date expression histkit can normalise")
    if hits[0].value.form == "relative":
        raise DateError(f"{phrase!r} is relative; resolve it with resolve_relative(phrase, reference)")
    return hits[0].value
