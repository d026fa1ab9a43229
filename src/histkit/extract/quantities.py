r"""Quantities: every number with a unit in the article (table ``quantities``).

A quantity is a number (written in digits, ``56.13``, ``25,000``, or in words, ``fifty thousand``,
``thirty-five``) tied to a unit: a currency (ISO 4217 code: ``MXN``, ``RUB``, ``USD``; a bare peso is ``peso``
until the text or the seed's ``quantities.yaml`` says whose, :func:`histkit.extract.units.name_pesos`), ``percent``,
an age or a duration in ``years``/``months``/``weeks``/``days``/``hours``/``minutes``, or a count of something
(``three envoys``). A number without a unit is not a quantity: years (``in 1910``), page numbers
(``p. 320``), reel and file numbers are left out on purpose. The one exception is a bare decimal
figure in a sentence that already gave a sum of money ("56.13 pesos a month ... it had risen to
124.78"): it takes the unit of that sum, and ``unit_source`` says so.

Portuguese and Spanish are read too: units in :data:`UNITS_PT_ES` ("anos", "años", "meses",
"reais", "rublos", "dólares", "por cento", "por ciento"), number words ("quatro anos",
"treinta y cinco años", valued by ``text2num`` through :mod:`histkit.text.numbers`) only before
such a unit, a decimal comma before a per cent sign ("30,7%"), and a dot grouping thousands before
a Portuguese or Spanish unit ("1.500 anos").

Regexes run over the VERBATIM pieces of each element (so ``US\\$25,000`` is matched with its
backslash), and offsets are verbatim offsets: ``article.text[start:end] == quote``.

What a figure measures (``measures``) and the role an analysis gives it (``key``) are curated
knowledge, kept beside the seed in ``quantities.yaml`` and anchored by quote (W3C
TextQuoteSelector: ``exact`` with optional ``prefix``/``suffix``).

To add a unit: add its words to :data:`histkit.extract.units.UNITS` (word -> (kind, unit)), add a case to
``tests/extract/test_quantities.py`` and, if an analysis needs the figure, a ``key`` in ``quantities.yaml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from histkit.core.errors import AnnotationError, ParameterError
from histkit.extract.units import NOT_COUNTED, NOT_PLURAL, PESO, UNITS, UNITS_PT_ES, dot_grouped, name_pesos, peso_after
from histkit.extract.units import SHARED_UNITS as _SHARED_UNITS
from histkit.text.anchor import LINE, anchor, read_yaml
from histkit.text.ingest import Article, Element
from histkit.text.numbers import (
    DIGITS_PATTERN,
    WORDS_PATTERN,
    WORDS_PATTERN_PT_ES,
    digits_to_number,
    words_to_number,
)
from histkit.text.pieces import Joined as Joined  # re-exported: it was defined here
from histkit.text.pieces import join_pieces

# --- units ---------------------------------------------------------------------------------

_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True) if u != "%")
# Currency signs written before the number; "US\$" is the markdown-escaped "US$" of the seed.
_PREFIX_UNITS: dict[str, str] = {"US$": "USD", "US\\$": "USD", "U.S.$": "USD", "MX$": "MXN"}

# Portuguese and Spanish decimals with a comma before a per cent sign ("30,7%", "55,5 %"): one
# or two decimals only, so never an English thousands group ("25,000").
_DECIMAL_COMMA = r"\d{1,3},\d{1,2}(?=\s?%|\s+por\s+cient[oi]\b)"
_NUMBER = (
    rf"(?P<cdigits>{_DECIMAL_COMMA})|(?P<digits>{DIGITS_PATTERN})|(?P<words>{WORDS_PATTERN})"
    rf"|(?P<words_pt_es>{WORDS_PATTERN_PT_ES})"
)
QUANTITY = re.compile(
    # US$25,000 or US\$25,000
    r"(?P<sign>US\\?\$|U\.S\.\$|MX\$)\s?(?P<sdigits>" + DIGITS_PATTERN + r")(?![\d,])"
    # 41% / 41 percent / 56.13 pesos (a month) / thirty-five years (of age) / three envoys
    + rf"|(?<![\w$\\.,/-])(?:{_NUMBER})(?!\w|[.,]\d|/|-\w)"
    + rf"(?:(?P<pct>\s?%)|\s+(?P<unit>{_UNIT})\b(?P<per>\s+(?:a|per)\s+(?:month|year|week|day)\b)?"
    # the noun counted: an English plural in -s, or one of the irregular plurals of persons ("twelve people")
    + r"(?P<age>\s+(?:of\s+age|old))?|\s+(?P<noun>[a-z]+s|people|men|women|children)\b)?",
    re.IGNORECASE,
)
YEAR = re.compile(r"(?<![\w$\\.,/-])(1[6-9]\d\d|20\d\d)(?![\w%/-]|[.,]\d)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”)]?\s+(?=[\"“(]?[A-Z0-9])")
# No sentence break after these abbreviations ("p. 320", "e.g. Germany"), nor "Jr." hyphened ("Ghizoni-Jr. (2009)").
_ABBREVIATIONS = frozenset({"p.", "pp.", "no.", "n.", "e.g.", "i.e.", "cf.", "vol.", "ed.", "mr.", "dr.", "jr.", "sr."})
_ABBREVIATION_ENDS = frozenset(a[-2:] for a in _ABBREVIATIONS)


def _last_word(text: str, begin: int, end: int) -> str:
    """The last whitespace-separated word of ``text[begin:end]``, read backwards from ``end`` only.

    Splitting the whole span instead made a run of "p. p. p. ..." quadratic (issue 21).
    """
    start = end
    while start > begin and not text[start - 1].isspace():
        start -= 1
    if start == end:  # trailing whitespace: the word before it
        while start > begin and text[start - 1].isspace():
            start -= 1
        end = start
        while start > begin and not text[start - 1].isspace():
            start -= 1
    return text[start:end]


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text`` (a rough split, enough to find a figure's year)."""
    spans = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        # The word is read only where its end can be an abbreviation's ("A. A. A. ...": 333,000 breaks; issue 21).
        end = match.start()
        if text[end - 2 : end].lower() in _ABBREVIATION_ENDS and (
            _last_word(text, begin, end).lstrip("(*").rpartition("-")[2].lower() in _ABBREVIATIONS
        ):
            continue
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, len(text)))
    return spans


def _years_in(text: str) -> tuple[list[int], list[int]]:
    """Positions and values of the years of ``text``, in order.

    Found once for the whole text, then cut per sentence by binary search (no year touches a sentence
    break): reading each sentence again made 30,000 figures in one sentence quadratic (issue 21).
    """
    found = [(m.start(), int(m.group(1))) for m in YEAR.finditer(text)]
    return [pos for pos, _ in found], [year for _, year in found]


def _year_for(
    years: tuple[list[int], list[int]], sentence: tuple[int, int], start: int, end: int
) -> tuple[int | None, str]:
    """Return the year a figure refers to: the nearest year before it in its sentence, else after it.

    ``years`` is :func:`_years_in` of the whole text; only those inside ``sentence`` count. Returns
    the year and how it was found (``""`` when the sentence has no year).
    """
    positions, values = years
    first, last = bisect.bisect_left(positions, sentence[0]), bisect.bisect_left(positions, sentence[1])
    before = bisect.bisect_left(positions, start, first, last)
    if before > first:
        return values[before - 1], "sentence, before the figure"
    after = bisect.bisect_left(positions, end, first, last)
    return (values[after], "sentence, after the figure") if after < last else (None, "")


def _classify(match: re.Match[str]) -> tuple[str, str, float, str, str] | None:
    """Return (kind, unit, value, number as written, per) for a match, or None if no unit."""
    # Every group read at once: a hostile text of 250,000 figures asked for each one a dozen times.
    sign, sdigits, cdigits, digits, words, words_pt_es, pct, unit, per_words, age, noun = match.group(*_GROUPS)
    if sign:
        return "money", _PREFIX_UNITS[sign], digits_to_number(sdigits), sdigits, ""
    unit_word = (unit or "").lower()
    pt_es_unit = unit_word in UNITS_PT_ES or unit_word in _SHARED_UNITS or bool(pct)
    if words_pt_es and not pt_es_unit:
        return None  # "dez alunos", "dos Santos": Portuguese/Spanish words count only before a unit
    number = cdigits or digits or words or words_pt_es
    if cdigits:
        value = float(number.replace(",", "."))  # "30,7%"
    elif digits and unit_word in UNITS_PT_ES and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
        value = float(number.replace(".", ""))  # "1.500 anos": a dot groups thousands in pt/es
    elif digits:
        value = digits_to_number(number)
    else:
        try:
            value = float(words_to_number(number) if words else _pt_es_words(number))
        except AnnotationError:
            return None  # number words that make no number ("twenty thousand twenty"): not a quantity
    per = (per_words or "").split()[-1:] or [""]
    if pct:
        return "percent", "percent", value, number, ""
    if unit:
        kind, unit = UNITS[unit.lower()]
        if kind == "duration" and age:
            kind = "age"
        return kind, unit, value, number, per[0]
    if noun and noun.lower() not in NOT_COUNTED and not noun.lower().endswith(NOT_PLURAL) and words and value != 1:
        # counts only for numbers in words: digits before a noun are page, file or reel numbers
        return "count", noun.lower(), value, number, ""
    if digits and "." in number:
        return "bare-decimal", "", value, number, ""
    return None


_GROUPS = ("sign", "sdigits", "cdigits", "digits", "words", "words_pt_es", "pct", "unit", "per", "age", "noun")


def _pt_es_words(words: str) -> int:
    """Value of Portuguese or Spanish number words (text2num, through histkit.text.numbers)."""
    try:
        return words_to_number(words, "pt")
    except AnnotationError:
        return words_to_number(words, "es")


@dataclass(frozen=True)
class Found:
    """A quantity found in a string (offsets into that string)."""

    kind: str
    value: float
    unit: str
    per: str
    year: int | None
    year_source: str
    number_text: str
    unit_source: str
    start: int
    end: int


def find_quantities(text: str) -> list[Found]:
    r"""Return the quantities of a plain string, in order.

    Parameters
    ----------
    text : str
        Any text, e.g. one sentence or an element's joined pieces.

    Examples
    --------
    >>> [(f.value, f.unit) for f in find_quantities("fifty thousand rubles (US\\$25,000)")]
    [(50000.0, 'RUB'), (25000.0, 'USD')]

    """
    found: list[Found] = []
    years = _years_in(text)
    for sentence in sentences(text):
        money_unit: tuple[str, str] | None = None  # the last sum of money in this sentence
        for match in QUANTITY.finditer(text, *sentence):
            classified = _classify(match)
            if classified is None:
                continue
            kind, unit, value, number, per = classified
            if kind == "percent" and (grouped := dot_grouped(number, text[slice(*sentence)])) is not None:
                value = grouped
            unit_source, end = "text", match.end()
            if kind == "bare-decimal":
                if money_unit is None:
                    continue  # e.g. "812.00/27508", a file number, not a sum
                unit, per = money_unit
                kind = "money"
                unit_source = "inherited from the sum earlier in the sentence"
                end = match.start() + len(number)
            elif kind == "money":
                unit = peso_after(text, end) if unit == PESO else unit
                money_unit = (unit, per)
            year, year_source = _year_for(years, sentence, match.start(), end)
            found.append(
                Found(kind, value, unit, per, year, year_source, number, unit_source, match.start(), end)
            )
    return found


def extract_element(article: Article, element: Element) -> list[dict[str, Any]]:
    """Return the quantity rows of one element, with verbatim spans."""
    joined = join_pieces(article.text, element.pieces)
    rows: list[dict[str, Any]] = []
    for f in find_quantities(joined.text):
        span = joined.to_verbatim(f.start, f.end)
        if span is None:
            continue  # a figure split by a page break cannot be quoted verbatim
        rows.append(
            {
                "seed": article.seed_id,
                "element_id": element.element_id,
                "section": element.section,
                "line": article.line_of(span[0]),
                "kind": f.kind,
                "value": f.value,
                "unit": f.unit,
                "per": f.per,
                "year": f.year,
                "year_source": f.year_source,
                "number_text": f.number_text,
                "unit_source": f.unit_source,
                "start": span[0],
                "end": span[1],
                "quote": article.text[span[0] : span[1]],
            }
        )
    return rows


# --- curated annotations --------------------------------------------------------------------


@dataclass(frozen=True)
class QuantityNote:
    """A curated note on one figure, anchored by quote, resolved to its verbatim span."""

    key: str
    measures: str
    start: int
    end: int
    year: int | None = None
    base_year: int | None = None
    source: str = "quantities.yaml"  # the YAML file the note was read from
    line: int = 0  # its line there (0: not read from a file)

    @property
    def where(self) -> str:
        """``path:line`` of the note, for messages (just the path for a note made in code)."""
        return f"{self.source}:{self.line}" if self.line else self.source


def load_notes(path: str | Path, text: str) -> list[QuantityNote]:
    """Read ``quantities.yaml`` and anchor each entry in ``text``.

    Raises
    ------
    AnnotationError
        Naming the file and line of a malformed entry or an unanchorable quote.

    """
    data = read_yaml(path)
    entries = data.get("quantities")
    if not isinstance(entries, list):
        raise AnnotationError(f"{path}: expected a top-level 'quantities:' list")
    notes = []
    for entry in entries:
        line = entry.get(LINE, 0) if isinstance(entry, dict) else data[LINE]
        if not isinstance(entry, dict) or not {"key", "exact", "measures"} <= set(entry):
            raise AnnotationError(f"{path}:{line}: each entry needs 'key', 'exact' and 'measures'")
        start, end = anchor(text, str(entry["exact"]), str(entry.get("prefix", "")),
                            str(entry.get("suffix", "")), source=str(path), line=line)
        for field in ("year", "base_year"):
            value = entry.get(field)
            # bool is an int in Python; a YAML "yes" is not a year
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise AnnotationError(
                    f"{path}:{line}: {field!r} of note {entry['key']!r} must be a year such as 1927; "
                    f"got {value!r}"
                )
        notes.append(
            QuantityNote(str(entry["key"]), str(entry["measures"]), start, end,
                         entry.get("year"), entry.get("base_year"), str(path), int(line))
        )
    return notes


COLUMNS = [
    "seed", "quantity_id", "element_id", "section", "line", "kind", "value", "unit", "per", "year",
    "year_source", "base_year", "measures", "key", "number_text", "unit_source", "start", "end", "quote",
]


def quantities_table(article: Article, notes: Iterable[QuantityNote] | None = None) -> pd.DataFrame:
    """Return one row per quantity of the body and footnotes, in text order.

    Parameters
    ----------
    article : Article
        The ingested article (reference entries are left out: their numbers are bibliographic).
    notes : iterable of QuantityNote, optional
        Curated notes; default: the seed's ``quantities.yaml`` if it exists. A note attaches to
        the quantity whose span contains it; a note that matches no quantity is an error.

    """
    if notes is None:
        notes = default_notes(article)
    notes = list(notes)
    rows = []
    for element in article.of_kind("paragraph", "blockquote", "footnote"):
        rows.extend(extract_element(article, element))
    rows.sort(key=lambda r: (r["start"], r["end"]))
    name_pesos(article, rows)
    for i, row in enumerate(rows, start=1):
        row.update(quantity_id=f"q{i:03d}", measures=_DEFAULT_MEASURES[row["kind"]], key="",
                   base_year=None)
    for note in notes:
        hits = [r for r in rows if r["start"] <= note.start and note.end <= r["end"]]
        if len(hits) != 1:
            raise AnnotationError(
                f"{note.where}: note {note.key!r} quotes {article.text[note.start : note.end]!r} "
                f"(text {note.start}-{note.end}), which is not a quantity the extractor found"
                f"{' (it overlaps several)' if hits else ''}; quote the whole figure with its unit, "
                "or teach the extractor the unit (histkit.extract.quantities.UNITS)"
            )
        row = hits[0]
        row.update(key=note.key, measures=note.measures)
        if note.year is not None:
            row["year"] = note.year
            row["year_source"] = "curated (quantities.yaml)"
        if note.base_year is not None:
            row["base_year"] = note.base_year
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("section", "year", "base_year"):
        frame[column] = frame[column].astype("Int64")
    frame["value"] = frame["value"].astype(float)
    # where the curated keys come from, so that a missing or doubled key can name the file
    frame.attrs["notes_path"] = notes[0].source if notes else str(article.seed_file("quantities.yaml"))
    return frame


_DEFAULT_MEASURES = {
    "money": "a sum of money",
    "percent": "a percentage",
    "age": "a person's age",
    "duration": "a length of time",
    "count": "a number of people or things",
}


def default_notes(article: Article) -> list[QuantityNote]:
    """Return the seed's curated notes (``seeds/<seed>/quantities.yaml``), or none without one."""
    path = article.seed_file("quantities.yaml")
    return load_notes(path, article.text) if path.is_file() else []


def notes_path(table: pd.DataFrame) -> str:
    """Return the curated-notes file the keys of a quantities table come from (for messages)."""
    return str(table.attrs.get("notes_path", "the seed's quantities.yaml"))


def by_key(table: pd.DataFrame, key: str) -> pd.Series:
    """Return the one quantity row curated with ``key``.

    Raises
    ------
    AnnotationError
        If no row or several rows carry the key.

    """
    rows = table[table["key"] == key]
    if len(rows) != 1:
        raise AnnotationError(
            f"{notes_path(table)}: expected one figure with key {key!r}, found {len(rows)}; "
            f"give exactly one entry 'key: {key}' there, anchored by the figure's exact quote"
        )
    return rows.iloc[0]


def by_key_year(table: pd.DataFrame, key: str, year: int, parameter: str = "year") -> pd.Series:
    """Return the one quantity row curated with ``key`` that refers to ``year``.

    Raises
    ------
    ParameterError
        If no figure with that key refers to ``year``, naming ``parameter`` and the years available.

    """
    rows = table[(table["key"] == key) & (table["year"] == year)]
    if len(rows) != 1:
        years = sorted(int(y) for y in table.loc[table["key"] == key, "year"].dropna())
        raise ParameterError(
            f"parameter {parameter!r}: the article gives no {key.replace('_', ' ')} for {year}; "
            f"choose one of {years}"
        )
    return rows.iloc[0]
