"""Numbers written in words or digits: the one reader of number words in histkit.

Every module that reads a stated count ("thirty-five years", "fifty thousand rubles", "a year",
"dois anos", "treinta y cinco años") reads it here. The VALUE of a number written in words, in
English, Portuguese or Spanish, is computed by the maintained ``text2num`` library
(:func:`text_to_num.text2num`); the word lists below only serve to FIND number words in a text
(regular expressions need a vocabulary), never to add them up. A new form is added in one place:
its words here, and a case to ``tests/text/test_numbers.py``.
"""

from __future__ import annotations

import re

from text_to_num import text2num

from histkit.core.errors import AnnotationError, excerpt

LANGUAGES = ("en", "pt", "es")

ONES: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}

_SMALL = "|".join(sorted([*ONES, *TENS], key=len, reverse=True))
_SCALE = "|".join(SCALES)
# "thirty-five", "fifty thousand", "two hundred and fifty", "one million"; at most three scale words
# ("two million three hundred and five thousand"): an endless run of them is no number (issue 21).
WORDS_PATTERN = (
    rf"(?:{_SMALL})(?:-(?:{_SMALL}))?"
    rf"(?:\s+(?:{_SCALE})(?:\s+(?:and\s+)?(?:{_SMALL})(?:-(?:{_SMALL}))?)?){{0,3}}"
)
# 25,000 / 56.13 / 41 ; a leading digit group of at most 3 when commas are used
DIGITS_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


# Portuguese and Spanish number words up to the thousands, to find them in a text (values come
# from text2num). Left out on purpose, because they are common words that are not numbers:
# Portuguese "dos" ("of the"), the articles "um/uma/un/una", and Spanish "once" (an English word).
SMALL_PT_ES: tuple[str, ...] = (
    # pt
    "dois", "duas", "três", "tres", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez",
    "onze", "doze", "treze", "catorze", "quatorze", "quinze", "dezesseis", "dezessete", "dezoito",
    "dezenove", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta",
    "noventa", "cem", "cento", "duzentos", "trezentos", "quatrocentos", "quinhentos",
    # es (tres, cinco, seis shared)
    "cuatro", "siete", "ocho", "nueve", "diez", "doce", "trece", "catorce", "quince",
    "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidós",
    "veintitrés", "veinticuatro", "veinticinco", "treinta", "cuarenta", "cincuenta", "sesenta",
    "setenta", "ochenta", "noventa", "cien", "ciento", "doscientos", "trescientos", "quinientos",
)
_SMALL_PT_ES = "|".join(sorted(SMALL_PT_ES, key=len, reverse=True))
# "vinte e cinco", "treinta y cinco", "cinco mil", "dez mil"; "mil" alone is "a thousand".
WORDS_PATTERN_PT_ES = (
    rf"(?:(?:{_SMALL_PT_ES})(?:\s+[ey]\s+(?:{_SMALL_PT_ES})){{0,3}}(?:\s+mil(?:\s+e\s+(?:{_SMALL_PT_ES}))?)?|mil)"
)


def words_to_number(words: str, lang: str = "en") -> int:
    """Return the value of a number written in words, read by ``text2num``.

    Parameters
    ----------
    words : str
        E.g. ``"fifty thousand"``, ``"thirty-five"``, ``"two hundred and fifty"`` (``lang="en"``),
        ``"vinte e cinco"`` (``"pt"``), ``"treinta y cinco"`` (``"es"``).
    lang : str
        ``"en"``, ``"pt"`` or ``"es"``.

    Raises
    ------
    AnnotationError
        If the words are not a number in that language, or the language is not one of
        :data:`LANGUAGES`.

    """
    if lang not in LANGUAGES:
        raise AnnotationError(f"words_to_number: lang={lang!r} is not one of {LANGUAGES}; pass one of them")
    cleaned = re.sub(r"\s+", " ", words.lower().strip())
    try:
        return int(text2num(cleaned, lang))
    except ValueError as err:
        raise AnnotationError(
            f"{excerpt(words)} is not a number written in words in {lang!r}; "
            "write it in digits or check its spelling"
        ) from err


def digits_to_number(digits: str) -> float:
    """Return the value of ``"25,000"`` or ``"56.13"`` (commas group thousands)."""
    return float(digits.replace(",", ""))
