"""Number words and digits: the one reader of numbers."""

from __future__ import annotations

import pytest

from histkit.core.errors import AnnotationError
from histkit.text import numbers


@pytest.mark.parametrize(
    ("words", "value"),
    [("fifty thousand", 50000), ("thirty-five", 35), ("two hundred and fifty", 250), ("one million", 1000000),
     ("twelve", 12)],
)
def test_words_to_number(words: str, value: int) -> None:
    assert numbers.words_to_number(words) == value


def test_words_to_number_rejects_other_words() -> None:
    with pytest.raises(AnnotationError, match="'many' is not an English number word"):
        numbers.words_to_number("many thousand")
