"""Relative date phrases ("two years later", "dois anos depois") resolved against a date.

A relative phrase found by :func:`histkit.extract.date_phrases.find_in` has no EDTF of its own:
:func:`resolve_relative` counts its offset from the EDTF date it refers to, and the row records
which (``refers_to``) and how it was found (``note``). The count words are read by
:func:`histkit.text.numbers.words_to_number`, the one reader of number words in histkit.
"""

from __future__ import annotations

import re

from histkit.core.dating import check_edtf
from histkit.core.errors import DateError
from histkit.extract import date_words as _w
from histkit.extract.date_values import DateValue
from histkit.text.numbers import words_to_number


def relative_offset(phrase: str) -> tuple[int, str]:
    """Return the signed count and unit (``"years"`` or ``"months"``) of a relative phrase."""
    m = re.search(_w.RELATIVE_RE, phrase, re.I)  # "two years later", "five months after his arrival"
    if m:
        word = m["count"].lower()
        count = 1 if word in _w.ARTICLES else words_to_number(word)
        sign = -1 if m["direction"].lower().split()[0] in ("before", "earlier") else 1
        unit = "years" if m["unit"].lower().startswith("year") else "months"
        return sign * count, unit
    m = re.search(_w.RELATIVE_PT_ES_RE, phrase, re.I)  # "dois anos depois", "dos años después"
    if not m:
        raise DateError(
            f"{phrase!r} is not a relative date phrase like 'two years later', 'dois anos depois' "
            "or 'dos años después'"
        )
    word, unit_word = m["count"].lower(), m["unit"].lower()
    # "anos"/"mês" are Portuguese; "años"/"mes" Spanish; "meses" and "dos" need the other word.
    lang = "es" if ("ñ" in unit_word or unit_word == "mes" or word == "dos" or "ú" in m["direction"]
                    or "á" in m["direction"]) else "pt"
    count = 1 if word in _w.ARTICLES_PT_ES else words_to_number(word, lang)
    sign = -1 if m["direction"].lower() == "antes" else 1
    unit = "years" if unit_word.startswith(("ano", "año")) else "months"
    return sign * count, unit


def shift(edtf: str, count: int, unit: str) -> str:
    """Shift an EDTF date (year, month or day precision, or a season) by whole years or months."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", edtf)
    if not m:
        raise DateError(f"cannot shift {edtf!r}: only a plain year, month, day or season EDTF can be shifted")
    year = int(m[1])
    part = m[2]
    if unit == "years":
        out = f"{year + count:04d}" + edtf[4:]
    elif part is None or int(part) > 12:
        raise DateError(f"cannot shift {edtf!r} by months: it has no month")
    else:
        index = year * 12 + int(part) - 1 + count
        out = f"{index // 12:04d}-{index % 12 + 1:02d}" + edtf[7:]
    return check_edtf(out)


def resolve_relative(phrase: str, reference: str, referent: str = "") -> DateValue:
    """Resolve "two years later" against the EDTF date it counts from.

    Parameters
    ----------
    phrase : str
        The relative phrase.
    reference : str
        EDTF of the date the phrase refers to.
    referent : str
        How the reference was found, for the note (e.g. the quote it comes from).

    """
    count, unit = relative_offset(phrase)
    edtf = shift(reference, count, unit)
    precision = "year" if len(edtf) == 4 else ("month" if len(edtf) == 7 and int(edtf[5:7]) <= 12 else "day")
    if len(edtf) == 7 and int(edtf[5:7]) > 12:
        precision = "season"
    where = f" ({referent})" if referent else ""
    note = f"relative: {count:+d} {unit} from {reference}{where}"
    return DateValue(edtf, precision, "relative", note=note, refers_to=reference)
