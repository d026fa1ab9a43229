"""What a date phrase is worth, and the builders of phrases that span years: ranges, decades, parts.

:class:`DateValue` is one phrase normalised to EDTF (see :mod:`histkit.extract.date_phrases`, which finds
the phrases and holds the builders of single dates). The builders here read the match of a pattern of
:data:`histkit.extract.date_phrases.PATTERNS` and return a :class:`DateValue`, or ``None`` where the
match is not a date after all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from histkit.core.dating import bounds
from histkit.extract import date_words as _w
from histkit.extract.date_words import DECADE_PARTS, PARTS_PT_ES, YEAR_PARTS
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


def year_range(m: re.Match[str]) -> DateValue | None:
    """"1924-26", "1999/00", "from 1923 to 1927": a span of years, or an ISO month ("2010-04"), or None."""
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


def spaced_year_range(m: re.Match[str]) -> DateValue | None:
    """"(1989 - 2018)": two years in full joined by a spaced dash, in order; None when they go backwards."""
    # "Tourism Cycle (1989 - 2018)": a dash with spaces joins two years in full, in that order; two
    # years that go backwards ("2018 - 1989") are read one by one.
    return year_range(m) if int(m["y2"]) >= int(m["y1"]) else None


def part_word(word: str) -> str:
    """"early"/"mid"/"late" for an English word or its Portuguese/Spanish equivalent."""
    word = word.lower()
    return PARTS_PT_ES.get(word, word)


def year_range_pt_es(m: re.Match[str]) -> DateValue:
    """"de 1923 a 1927", "entre 1923 y 1927": a span of years."""
    first = int(m["y1"] or m["y1b"])
    return DateValue(f"{first:04d}/{int(m['y2']):04d}", "interval", "range")


def part_of_decade(m: re.Match[str]) -> DateValue:
    """"the early 1920s", "fines de los años 20": years of a decade, by convention (the note says which)."""
    tens = m.groupdict().get("tens")
    decade = 1900 + int(tens) if tens else int(m["decade"])
    part = part_word(m["part"])
    lo, hi = DECADE_PARTS[part]
    century = f"; the text does not print the century, read as the {decade}s" if tens else ""
    return DateValue(
        f"{decade + lo:04d}/{decade + hi:04d}",
        "interval",
        "part-of-decade",
        note=f"EDTF has no qualifier for '{part}' in a decade; mapped to the years "
        f"{decade + lo}-{decade + hi} by convention{century}",
    )


def decade(m: re.Match[str]) -> DateValue:
    """"the 1920s": EDTF ``192X``."""
    return DateValue(f"{m['decade'][:3]}X", "decade", "decade")


_ROMAN = {"I": 1, "V": 5, "X": 10}
_ORDINAL_WORDS = {
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}


def century(m: re.Match[str]) -> DateValue | None:
    """"the 18th century", "eighteenth century", "século XVIII", "siglo XIX": the century's hundred years.

    EDTF ``17XX`` (1700-1799), the years a reader names by the century, not its strict count (1701-1800).
    """
    if m["number"]:
        number = int(m["number"])
    elif m["word"]:
        number = _ORDINAL_WORDS[m["word"].lower()]
    else:
        values = [_ROMAN[c] for c in m["roman"]]
        number = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    if not 16 <= number <= 21:
        return None  # histkit reads years from 1500 on
    return DateValue(f"{number - 1:02d}XX", "century", "century",
                     note=f"a century read as the years {number - 1}00-{number - 1}99 (by its hundreds)")


def decade_pt_es(m: re.Match[str]) -> DateValue:
    """"anos 1970", "década de 70", "los años veinte": a decade; two digits or a word read in the 1900s."""
    if m["decade"]:
        return decade(m)
    word = (m["word"] or "").lower()
    tens = int(m["tens"]) if m["tens"] else words_to_number(word, _w.DECADE_WORDS_PT_ES[word])
    return DateValue(
        f"19{tens // 10}X",
        "decade",
        "decade",
        note=f"the text does not print the century; '{m.group(0)}' read as the {1900 + tens}s",
    )


def decades_pt_es(m: re.Match[str]) -> DateValue | None:
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


def part_of_year(m: re.Match[str]) -> DateValue:
    """"mid-1925", "início de 1925": months of a year, by convention (the note says which)."""
    year = int(m["year"])
    part = part_word(m["part"])
    lo, hi = YEAR_PARTS[part]
    return DateValue(
        f"{year:04d}-{lo:02d}/{year:04d}-{hi:02d}",
        "interval",
        "part-of-year",
        note=f"EDTF has no qualifier for '{part}' in a year; mapped to the months "
        f"{lo:02d}-{hi:02d} by convention",
    )
