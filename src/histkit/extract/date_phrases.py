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

from histkit.core.dating import check_edtf
from histkit.core.errors import DateError
from histkit.extract import date_words as _w
from histkit.extract.date_values import (
    DateValue,
    century,
    decade,
    decade_pt_es,
    decades_pt_es,
    part_of_decade,
    part_of_year,
    spaced_year_range,
    year_range,
    year_range_pt_es,
)
from histkit.extract.date_words import (
    MONTHS,
    MONTHS_PT_ES,
    SEASONS,
    SEASONS_PT_ES,
)

# --- the forms -------------------------------------------------------------------------------

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
# The Portuguese and Spanish month names ("marco" left out: a landmark, not "março"), without a group name.
_MONTHS_PT_ES = _w.MONTH_PT_ES_NO_MARCO.replace("(?P<month>", "(?:")


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


def _numeric_date(m: re.Match[str]) -> DateValue | None:
    # DD/MM/YYYY, as in the front matter ("RECEBIDO EM: 04/06/2017"), or D.M.YYYY as laws are dated in
    # Portuguese ("Lei nº 7.209, de 11.7.1984").
    day, month, year = int(m["day"]), int(m["mon"]), int(m["year"])
    try:
        date(year, month, day)
    except ValueError:
        return None  # "31.02.2020" is no day
    return DateValue(f"{year:04d}-{month:02d}-{day:02d}", "day", "full-date")


def _month_range(m: re.Match[str]) -> DateValue | None:
    # "diciembre de 2015 a abril de 2018", "from December 2015 to April 2018": a span of months.
    first, second = (int(m["y1"]), _month_number(m["m1"])), (int(m["y2"]), _month_number(m["m2"]))
    if second < first:
        return None
    return DateValue(f"{first[0]:04d}-{first[1]:02d}/{second[0]:04d}-{second[1]:02d}", "interval", "range")


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


def _year(m: re.Match[str]) -> DateValue:
    return DateValue(f"{int(m['year']):04d}", "year", "year")


def _half_year(m: re.Match[str]) -> DateValue:
    # "no primeiro semestre de 2021", "el segundo semestre de 2019", "the first half of 2020": six months
    year, second = int(m["year"]), (m["half"] or m["half_en"]).lower().startswith(("seg", "sec", "2"))
    lo, hi = (7, 12) if second else (1, 6)
    return DateValue(f"{year:04d}-{lo:02d}/{year:04d}-{hi:02d}", "interval", "part-of-year",
                     note=f"a half of the year: the months {lo:02d}-{hi:02d}")


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
        # 11.7.1984 / 05.03.2020: a date with full stops, as Brazilian laws print them
        "dotted-date",
        re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>1[5-9]\d\d|20\d\d)(?![\d.]\d)"),
        _numeric_date,
    ),
    (
        # diciembre de 2015 a abril de 2018 / de março de 2019 até junho de 2020
        "month-range-pt-es",
        re.compile(
            rf"\b(?P<m1>(?i:{_MONTHS_PT_ES}))(?:\s+del?)?\s+(?P<y1>1[5-9]\d\d|20\d\d)\s+(?:a|até|hasta|al)\s+"
            rf"(?P<m2>(?i:{_MONTHS_PT_ES}))(?:\s+del?)?\s+(?P<y2>1[5-9]\d\d|20\d\d)\b"
        ),
        _month_range,
    ),
    (
        "month-range",
        re.compile(
            r"\bfrom\s+(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)"
            r",?\s+(?P<y1>1[5-9]\d\d|20\d\d)\s+(?:to|until)\s+"
            r"(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)"
            r",?\s+(?P<y2>1[5-9]\d\d|20\d\d)\b"
        ),
        _month_range,
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
    ("decades-pt-es", re.compile(_w.DECADES_PT_ES, re.I), decades_pt_es),
    (
        # de 2014 a 2018 / de 1923 até 1927 / desde 1923 hasta 1927 / entre 2003 y 2015
        "from-to-pt-es",
        re.compile(
            r"\b(?:(?:de|desde)\s+(?P<y1>1[5-9]\d\d|20\d\d)\s+(?:a|até|hasta|al)"
            # "entre os anos de 2020 e 2021", "entre los años 2010 y 2015": the years of a span, not two years
            r"|entre\s+(?:(?:os\s+anos|los\s+años)\s+(?:de\s+)?)?(?P<y1b>1[5-9]\d\d|20\d\d)\s+[ey])"
            r"\s+(?P<y2>1[5-9]\d\d|20\d\d)\b",
            re.I,
        ),
        year_range_pt_es,
    ),
    (
        "season",
        re.compile(rf"\b(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+{_YEAR}\b", re.I),
        _season,
    ),
    (
        "from-to",
        re.compile(r"\bfrom\s+(?P<y1>1[5-9]\d\d|20\d\d)\s+to\s+(?P<y2>1[5-9]\d\d|20\d\d)\b"),
        year_range,
    ),
    (
        # "active between 1996 and 2006", "between the years 1990 and 2000": a span, as "entre 2003 y 2015"
        "between",
        re.compile(r"\bbetween\s+(?:the\s+years\s+)?(?P<y1>1[5-9]\d\d|20\d\d)\s+and\s+(?P<y2>1[5-9]\d\d|20\d\d)\b"),
        year_range_pt_es,
    ),
    (
        "spaced-year-range",
        re.compile(r"(?<![\d./])(?P<y1>1[5-9]\d\d|20\d\d) [\-–—] (?P<y2>1[5-9]\d\d|20\d\d)(?![\d/])"),
        spaced_year_range,
    ),
    (
        "year-range",
        re.compile(r"(?<![\d./])(?P<y1>1[5-9]\d\d|20\d\d)[/\-–](?P<y2>\d{2}(?:\d\d)?)(?![\d/])"),
        year_range,
    ),
    (
        "part-of-decade",
        re.compile(r"\b(?:the\s+)?(?P<part>early|mid|late)[\s\-]+(?P<decade>1[5-9]\d0|20\d0)s\b", re.I),
        part_of_decade,
    ),
    (
        # meados da década de 1920 / finales de la década de 1920
        "part-of-decade-pt-es",
        re.compile(
            rf"\b(?P<part>{_w.PART_PT_ES})\s+(?:d[ae]\s+(?:la\s+)?década\s+de|d[oe]s\s+anos|de\s+los\s+años)\s+"
            r"(?:(?P<decade>1[5-9]\d0|20\d0)|(?P<tens>[1-9]0))\b",
            re.I,
        ),
        part_of_decade,
    ),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<decade>1[5-9]\d0|20\d0)s\b"), decade),
    (
        # the 18th century / the eighteenth century / o século XVIII / el siglo XIX; in lower case, as prose writes
        # it: "Twentieth-Century Mexico" is a title's, "Siglo XXI" a publisher's name
        "century",
        re.compile(
            r"\b(?:(?:the\s+)?(?:(?P<number>1[6-9]|2[01])(?:st|th)|(?P<word>sixteenth|seventeenth|eighteenth|"
            r"nineteenth|twentieth|twenty-first))[\s\-]+century"
            r"|(?:s[ée]culo|siglo|s[ée]c\.)\s+(?P<roman>X{1,2}(?:I{1,3}|IV|IX|V|VI{1,3})?))\b",
        ),
        century,
    ),
    (
        # anos 1970 / nos anos de 1970 / la década de 1920 / década de 70 / los años veinte
        "decade-pt-es",
        re.compile(
            rf"\b(?:{_w.DECADE_LEAD_PT_ES})(?:(?P<decade>1[5-9]\d0|20\d0)|(?P<tens>[1-9]0)"
            rf"|(?P<word>{_w.DECADE_WORD_PT_ES}))\b{_w.NOT_A_DECADE_AFTER}",
            re.I,
        ),
        decade_pt_es,
    ),
    ("part-of-year", re.compile(rf"\b(?P<part>early|mid|late)-{_YEAR}\b", re.I), part_of_year),
    (
        # no primeiro semestre de 2021 / el segundo semestre de 2019 / the first half of 2020 / 1º semestre de 2021
        "half-year",
        re.compile(rf"\b(?:(?P<half>primeiro|primer|segundo|[12][º°o])\s+semestre\s+del?"
                   rf"|the\s+(?P<half_en>first|second)\s+half\s+of)\s+{_YEAR}\b", re.I),
        _half_year,
    ),
    # meados de 1925 / mediados de 2018 / início de 1925 / principios de 1925 / fines de 2017
    ("part-of-year-pt-es", re.compile(rf"\b(?P<part>{_w.PART_PT_ES})\s+(?:del?|do)\s+{_YEAR}\b", re.I), part_of_year),
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


_QUALIFIER = re.compile(
    r"\b(by|since|until|till|desde|até|hasta|a\s+partir\s+de)\s+(?:(?:o|el|the)\s+(?:ano|año|year)\s+(?:de\s+)?)?$",
    re.I,
)
# Portuguese and Spanish qualifiers: "desde" and "a partir de" mean "since"; "até"/"hasta" mean "by" (no later
# than); "until 1980" ("até o ano de 2021") is a span open at its start, as "by" is.
_QUALIFIER_MEANS = {"desde": "since", "até": "by", "hasta": "by", "until": "by", "till": "by", "a partir de": "since"}
_ONWARDS = re.compile(r"\s+(onwards|em\s+diante|en\s+adelante)\b", re.I)
# How a note says each: "until 1980" reaches up to 1980; "by March 1927" is no later than it.
_UP_TO = frozenset({"until", "till"})


def _qualify(text: str, f: Found) -> Found:
    if f.value.form == "relative":
        return f
    window = max(0, f.start - 24)
    m = _QUALIFIER.search(text[window : f.start])
    after = _ONWARDS.match(text, f.end) if not m and f.value.precision != "open" else None
    if after:
        # "from 1997 onwards", "de 2010 em diante", "de 2015 en adelante": open at its end, as "since"
        edtf = f"{_start_of(_expand(f.value.edtf))}/.."
        note = f"'{after.group(1)}' means from {_start_of(edtf)} on: an interval open at its end"
        value = replace(f.value, edtf=check_edtf(edtf), precision="open", note=note)
        return Found(f.start, after.end(), text[f.start : after.end()], value, qualifier=after.group(1).lower())
    if not m:
        return f
    word = " ".join(m.group(1).lower().split())
    v = f.value
    if _QUALIFIER_MEANS.get(word, word) == "by":
        edtf = f"../{_end_of(_expand(v.edtf))}"
        reach = "up to" if word in _UP_TO else "no later than"
        note = f"'{word}' means {reach} {_end_of(_expand(v.edtf))}: an interval open at its start"
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
