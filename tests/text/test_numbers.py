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
    with pytest.raises(AnnotationError, match="'many thousand' is not a number written in words in 'en'"):
        numbers.words_to_number("many thousand")


# Portuguese and Spanish number words as printed in the corpus articles ("quatro anos" and
# "dez meses" in rdbci-bibliotecas, "seis meses" and "cinco reais" in bak-p58270, "dois dias" in
# ciedu-saresp) and compound forms text2num reads ("vinte e cinco", "treinta y cinco").
@pytest.mark.parametrize(
    ("words", "lang", "value"),
    [("quatro", "pt", 4), ("dez", "pt", 10), ("seis", "pt", 6), ("dois", "pt", 2), ("duas", "pt", 2),
     ("vinte e cinco", "pt", 25), ("cinquenta mil", "pt", 50000), ("três", "pt", 3),
     ("dos", "es", 2), ("treinta y cinco", "es", 35), ("veinticinco", "es", 25), ("cien", "es", 100),
     ("diez mil", "es", 10000)],
)
def test_words_to_number_pt_es(words: str, lang: str, value: int) -> None:
    assert numbers.words_to_number(words, lang) == value


def test_words_to_number_rejects_unknown_language() -> None:
    with pytest.raises(AnnotationError, match="lang='fr' is not one of"):
        numbers.words_to_number("deux", "fr")


@pytest.mark.parametrize("words", ["vinte e cinco", "cinco mil", "treinta y cinco", "dez", "mil"])
def test_pt_es_words_pattern_finds_whole_numbers(words: str) -> None:
    import re

    assert re.fullmatch(numbers.WORDS_PATTERN_PT_ES, words)


def test_pt_es_words_pattern_leaves_out_common_words() -> None:
    import re

    # "dos" is Portuguese "of the", "um/una" are articles, "once" is an English word.
    for word in ("dos", "um", "una", "once"):
        assert not re.fullmatch(numbers.WORDS_PATTERN_PT_ES, word)


@pytest.mark.parametrize(("word", "value"), [("12", 12), ("twelve", 12), ("doze", 12), ("doce", 12), ("dozen", None)])
def test_a_whole_number_in_digits_or_words_of_any_of_the_three_languages(word, value):
    from histkit.text.numbers import whole_number

    assert whole_number(word) == value
