"""The words of date phrases: month and season names, parts of a year, in English, Portuguese and Spanish.

Kept apart from :mod:`histkit.extract.date_phrases` (which holds the forms and their builders) so
that a new language is a new set of words here. Values of number words come from
:func:`histkit.text.numbers.words_to_number` (``text2num``), never from a table here.

Portuguese and Spanish forms are read too ("12 de outubro de 1924", "1º de maio de 1925",
"3 de mayo de 1925", "junho de 2020", "meados de 1925", "fines de 2017", "verão de 1925",
"de 2014 a 2018", "entre 2003 y 2015", "desde 2015", "dois anos depois"); their number words
are read by :func:`histkit.text.numbers.words_to_number` (``text2num``).

Here too is what holds a year that is not a date: a web address, a program's name ("Software Excel 2019"), a
quantity ("2000 µg/mL").
"""

from __future__ import annotations

import re

from histkit.core.spans import Spans
from histkit.text.numbers import ONES, SMALL_PT_ES

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
# Portuguese and Spanish month names, with and without accents ("março"/"marco", "setiembre").
MONTHS_PT_ES: dict[str, int] = {
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "abril": 4, "maio": 5, "junho": 6,
    "julho": 7, "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "mayo": 5, "junio": 6, "julio": 7, "septiembre": 9,
    "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
# EDTF level 1 season codes (21 spring, 22 summer, 23 autumn, 24 winter).
SEASONS = {"spring": 21, "summer": 22, "fall": 23, "autumn": 23, "winter": 24}
# Where in a decade or year "early", "mid" and "late" fall: EDTF has no qualifier for these, so
# each becomes an explicit interval (a convention, stated in the row's note).
DECADE_PARTS = {"early": (0, 3), "mid": (3, 7), "late": (7, 9)}
YEAR_PARTS = {"early": (1, 4), "mid": (4, 9), "late": (9, 12)}
# Portuguese and Spanish words for the seasons and for parts of a year or decade.
SEASONS_PT_ES = {
    "primavera": 21, "verão": 22, "verao": 22, "verano": 22, "outono": 23, "otoño": 23, "otono": 23,
    "inverno": 24, "invierno": 24,
}
PARTS_PT_ES = {
    "início": "early", "inicio": "early", "princípio": "early", "principios": "early",
    "comienzos": "early", "meados": "mid", "mediados": "mid", "fim": "late", "final": "late",
    "finais": "late", "finales": "late", "fines": "late",
}


# Portuguese and Spanish: "dois anos depois", "três meses antes", "dos años después",
# "un año más tarde". The count is read by text2num (see relative_offset).
ARTICLES_PT_ES = ("um", "uma", "un", "uno", "una")
COUNT_PT_ES = "|".join(sorted([*ARTICLES_PT_ES, "dos", *SMALL_PT_ES], key=len, reverse=True))
RELATIVE_PT_ES_RE = (
    rf"(?P<count>{COUNT_PT_ES})\s+"
    r"(?P<unit>anos?|años?|mês|mes|meses)\s+"
    r"(?P<direction>depois|después|despues|mais\s+tarde|más\s+tarde|mas\s+tarde|antes)"
)
MONTH_PT_ES_NAMES = "|".join(sorted(MONTHS_PT_ES, key=len, reverse=True))
# "março" unaccented ("marco") is also the noun "landmark": read only with a day before it.
MONTH_PT_ES = rf"(?P<month>{MONTH_PT_ES_NAMES})"
MONTH_PT_ES_NO_MARCO = "(?P<month>" + "|".join(
    sorted((m for m in MONTHS_PT_ES if m != "marco"), key=len, reverse=True)
) + ")"
PART_PT_ES = "|".join(sorted(PARTS_PT_ES, key=len, reverse=True))
SEASON_PT_ES = "|".join(sorted(SEASONS_PT_ES, key=len, reverse=True))

# The count of a relative phrase: an article ("a year later") or a number word up to nineteen.
# Number words are read by histkit.text.numbers.words_to_number, the one reader of them in histkit.
ARTICLES = ("a", "an")
COUNT = "|".join(sorted([*ARTICLES, *ONES], key=len, reverse=True))
RELATIVE_RE = (
    rf"(?P<count>{COUNT})\s+"
    r"(?P<unit>years?|months?)\s+"
    r"(?P<direction>later|earlier|(?:after|before)(?:\s+(?:his|her|their|its|the)\s+\w+)?)"
)

# Decades named by a word in Portuguese and Spanish ("anos sessenta", "los años veinte"); the
# number is read by histkit.text.numbers.words_to_number. Which century is meant is not printed.
DECADE_WORDS_PT_ES = {
    "vinte": "pt", "veinte": "es", "trinta": "pt", "treinta": "es", "quarenta": "pt", "cuarenta": "es",
    "cinquenta": "pt", "cincuenta": "es", "sessenta": "pt", "sesenta": "es", "setenta": "pt",
    "oitenta": "pt", "ochenta": "es", "noventa": "pt",
}
DECADE_WORD_PT_ES = "|".join(sorted(DECADE_WORDS_PT_ES, key=len, reverse=True))
# "anos 1970", "nos anos de 1970", "los años 20", "la década de 70": the words before a decade.
DECADE_LEAD_PT_ES = r"(?:anos|años)\s+(?:de\s+)?|década\s+de\s+"
# "entre os anos de 2020 e 2021" lists years, not a decade ("década de 50, 60" lists decades).
NOT_A_DECADE_AFTER = r"(?!\s*(?:,|e|y|a|até|hasta)\s*\d{3}[1-9])"
# "décadas de 70 e 80", "las décadas de 1970 y 1980", "anos 70 e 80", "los años 1960 a 1980": two decades
# and the span between them (not "anos de 2010 e 2020", which names two years).
DECADES_PT_ES = (
    r"\b(?:décadas\s+de\s+(?P<d1>(?:1[5-9]|20)?\d0)|(?:anos|años)\s+(?:de\s+)?(?P<e1>[1-9]0)"
    r"|(?:anos|años)\s+(?P<f1>(?:1[5-9]|20)\d0))"
    r"\s*(?P<join>e|y|a|até|hasta|[-–])\s*(?:(?:os|los|la|a)\s+)?"
    r"(?:(?P<d2>(?:1[5-9]|20)\d0|[1-9]0))\b"
)


def _initials(words: object) -> str:
    return "".join(sorted({w[0] for w in words}))  # type: ignore[attr-defined]


# What a match of each pattern of histkit.extract.date_phrases.PATTERNS can start with, as a look-ahead
# put before it (under the pattern's own flags): the regex engine then skips every other position at
# once instead of trying each word list there, a third of the date extractor's time on a hostile text
# of 1,000,000 characters (issue 21). A superset of the true first characters finds the same matches.
PATTERN_STARTS = {
    "full-date": r"\d",
    "full-date-pt-es": r"[\dp]",
    "numeric-date": "[0-3]",
    "dotted-date": r"\d",
    "month-range-pt-es": f"(?i:[{_initials(MONTHS_PT_ES)}])",
    "month-range": "f",
    "iso-date": "[12]",
    "month-day-year": f"[{_initials(m.capitalize() for m in MONTHS)}]",
    "month-pair": f"[{_initials(m.capitalize() for m in MONTHS)}]",
    "month": f"[{_initials(m.capitalize() for m in MONTHS)}]",
    "month-pt-es": f"(?i:[{_initials(MONTHS_PT_ES)}])",  # the pattern's month is case-blind, not all of it
    "season-pt-es": f"[{_initials(SEASONS_PT_ES)}]",
    "decades-pt-es": "[da]",
    "from-to-pt-es": "[de]",
    "season": f"[t{_initials(SEASONS)}]",  # "the fall of 1926"
    "from-to": "f",
    "between": "b",
    "spaced-year-range": "[12]",
    "year-range": "[12]",
    "part-of-decade": f"[t{_initials(DECADE_PARTS)}]",
    "part-of-decade-pt-es": f"[{_initials(PARTS_PT_ES)}]",
    "decade": "[t12]",
    "decade-pt-es": "[ad]",
    "part-of-year": f"[{_initials(YEAR_PARTS)}]",
    "half-year": "(?i:[pst12])",
    "part-of-year-pt-es": f"[{_initials(PARTS_PT_ES)}]",
    "year": "[12]",
    "relative": f"[{_initials([*ARTICLES, *ONES])}]",
}

# A web address or DOI: the digits in it ("/2023-10-16/", "wei-2021-11") are not dates of the text.
ADDRESS = re.compile(r"(?:https?://|www\.|doi:\s*|\b10\.\d{4,}/)\S+", re.I)
# A year that is part of a program's name ("Software Excel 2019", "o software Microsoft Excel 2019", "the package
# Stata 2017") is its version, not a date the text speaks of: a word for software, one to three capitalised words
# (its maker and name), then the year, with no preposition between. A name alone ("ENANCIB 2021", "Copa 2014")
# stays a date: a conference or a cup of that year took place then; so does a government's "Programa Brasil
# Alfabetizado 2004" ("programa" and "program" name policies as often as software, and are not read here).
PROGRAM_YEAR = re.compile(
    r"\b(?i:(?:software|aplicativo|aplicación|application|app|pacote|package|paquete)s?)"
    r"(?:\s+[A-ZÀ-Þ][\w®™+.-]*){1,3}\s+(?P<year>(?:1[5-9]|20)\d\d)\b"
)
# A number before a unit of measure ("de 500 a 2000 µg/mL", "1500 m de altitude") is a quantity, not a year. Symbols
# only, as printed after a number; a lone capital ("L.", "W.") is more often an initial and is not read.
_UNIT = (
    r"(?:[µμ]g|mg|ng|kg|g|mL|ml|[µμ]L|km|cm|mm|nm|[µμ]m|m|ha|°C|ºC|mM|[µμ]M|rpm|kcal|ppm|m²|m³|km²|kW|MW|Hz)(?!\w)"
)
MEASURE = re.compile(r"(?<![\d.,])(?P<year>(?:1[5-9]|20)\d\d)\s?" + _UNIT)
# The first bound of a range whose unit is printed once, after the second ("rainfall between 1750 and 3000 mm",
# "de 1500 a 2000 m", "1750–3000 mm") is a quantity too, when the second bound is a whole number above the first
# ("in 2017 and 15.8 °C in 2018" is a year and a temperature).
MEASURE_RANGE = re.compile(
    r"(?<![\d.,])(?P<year>(?:1[5-9]|20)\d\d)\s*(?:(?:and|to|or|a|e|y|o|até|hasta)\s+|[–-]\s*)"
    r"(?P<to>\d+)(?![\d.,]\d)\s?" + _UNIT
)


def not_dates(text: str) -> Spans:
    """The spans of ``text`` whose digits are no date: web addresses, programs' years, numbers before a unit."""
    taken = Spans([m.span() for m in ADDRESS.finditer(text)])
    for pattern in (PROGRAM_YEAR, MEASURE, MEASURE_RANGE):
        taken.add_all([m.span("year") for m in pattern.finditer(text) if not taken.overlaps(*m.span("year"))
                       and ("to" not in m.groupdict() or int(m.group("to")) > int(m.group("year")))])
    return taken
