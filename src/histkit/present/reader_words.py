"""The words a reader sees for the workbook's own codes, column by column.

Tables and CSV files keep the codes (``title_pt``, ``part-of-decade``, ``und``, ISO 639-1 language
codes): they are exact and other tools read them. A notebook table shows the words instead, through
:func:`histkit.present.display.reader_table`, which passes each cell of a column named here through
:func:`in_words`.

To add a code: add it to its column's mapping in :data:`CODE_WORDS` (a new column gets a mapping of
its own), and a case to ``tests/present/test_reader_words.py``.
"""

from __future__ import annotations

# The fields of an article's front matter (histkit.text.ingest), as a reader names them.
FRONT_MATTER = {
    "title": "title",
    "author": "author",
    "abstract": "abstract",
    "keywords": "keywords",
    "title_pt": "title in Portuguese",
    "abstract_pt": "abstract in Portuguese",
    "keywords_pt": "keywords in Portuguese",
    "title_es": "title in Spanish",
    "abstract_es": "abstract in Spanish",
    "keywords_es": "keywords in Spanish",
    "title_en": "title in English",
    "title_other": "title in another language",
    "abstract_en": "abstract in English",
    "keywords_en": "keywords in English",
    "author_repeated": "author (printed again)",
    "author_note": "note on the author",
    "received": "received",
    "approved": "approved",
}

# How a date phrase was read (histkit.extract.date_phrases).
DATE_FORMS = {
    "full-date": "full date",
    "part-of-decade": "part of a decade",
    "part-of-decade-pt-es": "part of a decade",
    "part-of-year": "part of a year",
}

# ISO 639-1 codes (and ISO 639-2 "und", undetermined) of the languages met in reference lists.
LANGUAGES = {
    "en": "English",
    "es": "Spanish",
    "pt": "Portuguese",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pl": "Polish",
    "ru": "Russian",
    "und": "undetermined",
}

CODE_WORDS: dict[str, dict[str, str]] = {"field": FRONT_MATTER, "form": DATE_FORMS, "language": LANGUAGES}


def in_words(column: str, value: object) -> object:
    """The words for ``value`` in a column named in :data:`CODE_WORDS`; any other value as it is."""
    words = CODE_WORDS.get(column)
    if words is None or not isinstance(value, str):
        return value
    return words.get(value, value)
