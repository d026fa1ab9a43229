"""Numbers written in words or digits: the one reader of number words in histkit.

Every module that reads a stated count ("thirty-five years", "fifty thousand rubles", "a year")
reads it here, so a new language or form is added in one place: add its words, and a case to
``tests/text/test_numbers.py``.
"""

from __future__ import annotations

import re

from histkit.core.errors import AnnotationError

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
# "thirty-five", "fifty thousand", "two hundred and fifty", "one million"
WORDS_PATTERN = (
    rf"(?:{_SMALL})(?:-(?:{_SMALL}))?"
    rf"(?:\s+(?:{_SCALE})(?:\s+(?:and\s+)?(?:{_SMALL})(?:-(?:{_SMALL}))?)?)*"
)
# 25,000 / 56.13 / 41 ; a leading digit group of at most 3 when commas are used
DIGITS_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def words_to_number(words: str) -> int:
    """Return the value of a number written in English words.

    Parameters
    ----------
    words : str
        E.g. ``"fifty thousand"``, ``"thirty-five"``, ``"two hundred and fifty"``.

    Raises
    ------
    AnnotationError
        If a word is not a number word.

    """
    total = 0
    current = 0
    for word in re.split(r"[\s-]+", words.lower().strip()):
        if word == "and" or not word:
            continue
        if word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            raise AnnotationError(f"{words!r}: {word!r} is not an English number word")
    return total + current


def digits_to_number(digits: str) -> float:
    """Return the value of ``"25,000"`` or ``"56.13"`` (commas group thousands)."""
    return float(digits.replace(",", ""))
