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


def whole_number(word: str) -> int | None:
    """The value of ``word`` in digits or as a number word of English, Portuguese or Spanish; None if neither."""
    if word.isdigit():
        return int(word)
    for lang in ("en", "pt", "es"):
        try:
            return words_to_number(word, lang)
        except AnnotationError:
            continue
    return None


def digits_to_number(digits: str) -> float:
    """Return the value of ``"25,000"`` or ``"56.13"`` (commas group thousands)."""
    return float(digits.replace(",", ""))


# A run of digits with dots or commas between groups: "1.753", "45,89", "25,000", "8.450.755".
# Which mark is the decimal one depends on the article's language: see :func:`decimal_mark`.
DIGIT_GROUPS_PATTERN = r"\d+(?:[.,]\d+)*"
# Each opens with a digit and looks behind it only there, so the scan of a long text stays cheap.
_COMMA_DECIMAL = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:,\d{1,2}(?![\d,])|(?:\.\d{3}){2,}(?![\d,]))")
_DOT_DECIMAL = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:\.\d{1,2}(?![\d.])|(?:,\d{3}){2,}(?![\d.]))")


def decimal_mark(text: str) -> str:
    """Return the decimal mark a text prints numbers with: ``","`` (pt, es), ``"."`` (en) or ``""``.

    The text votes: ``45,89`` or ``8.450.755`` say comma, ``56.13`` or ``8,450,755`` say dot. A tie
    (often: no evidence at all) gives ``""``, and :func:`read_digit_groups` then reads each number
    on its own, leaving out the ones that could be either ("1.500").
    """
    comma = sum(1 for _ in _COMMA_DECIMAL.finditer(text))
    dot = sum(1 for _ in _DOT_DECIMAL.finditer(text))
    return "," if comma > dot else "." if dot > comma else ""


def read_digit_groups(token: str, mark: str = ".") -> tuple[float, int] | None:
    """Return the value of ``token`` and how many decimals it prints, or ``None`` if malformed.

    Parameters
    ----------
    token : str
        Digits with dots or commas, e.g. ``"1.753"``, ``"45,89"``, ``"25,000"``, ``"56.13"``.
    mark : str
        The decimal mark of the text (:func:`decimal_mark`); the other mark groups thousands,
        and a grouped number must have groups of exactly three digits. ``""`` (the text does not
        say): a number with one mark followed by three digits ("1.500", "1,500") is ``None``,
        as it could be either; any other is read by its own form.

    Examples
    --------
    >>> read_digit_groups("1.753", ",")
    (1753.0, 0)
    >>> read_digit_groups("45,89", ",")
    (45.89, 2)
    >>> read_digit_groups("25,000", ".")
    (25000.0, 0)

    """
    if not re.fullmatch(DIGIT_GROUPS_PATTERN, token):
        return None
    if not mark:
        marks = [c for c in token if c in ".,"]
        if not marks:
            return float(token), 0
        last = token.rfind(marks[-1])
        if len(marks) == 1 and len(token) - last - 1 == 3:
            return None  # "1.500": a thousand and a half, or one and a half
        mark = marks[-1] if len(token) - last - 1 != 3 or len(set(marks)) > 1 else ("," if marks[0] == "." else ".")
    group = "," if mark == "." else "."
    whole, _, decimals = token.partition(mark)
    if mark in decimals:
        return None
    parts = whole.split(group)
    if len(parts) > 1 and (not 1 <= len(parts[0]) <= 3 or any(len(p) != 3 for p in parts[1:])):
        return None
    digits = "".join(parts)
    if not digits.isdigit() or (decimals and not decimals.isdigit()):
        return None
    return float(f"{digits}.{decimals}" if decimals else digits), len(decimals)
