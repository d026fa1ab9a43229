"""The words a reader sees for the workbook's codes: no title_pt, part-of-decade or und in a notebook."""

from __future__ import annotations

import pandas as pd
import pytest

from histkit.analyse import overview
from histkit.present.display import reader_table
from histkit.present.reader_words import in_words


@pytest.mark.parametrize(
    ("column", "code", "words"),
    [
        ("field", "title_pt", "title in Portuguese"),
        ("field", "author_note", "note on the author"),
        ("form", "part-of-decade", "part of a decade"),
        ("language", "und", "undetermined"),
        ("language", "pl", "Polish"),
        ("language", "xx", "xx"),  # a code not known is shown as it is
        ("title", "und", "und"),  # only the columns named
    ],
)
def test_in_words(column, code, words):
    assert in_words(column, code) == words


def test_front_matter_as_a_reader_reads_it(article):
    """Notebook 00's front matter and dates tables: fields in words, no "Seed.toml" heading."""
    shown = reader_table(overview.front_matter_table(article), ["field", "value", "line"]).frame
    assert "title in Portuguese" in set(shown["Field"]) and "title_pt" not in set(shown["Field"])
    assert "note on the author" in set(shown["Field"])
    dates = reader_table(overview.dates_check(article)).frame
    assert "Seed.toml" not in dates.columns
    assert "Recorded in the seed's metadata" in dates.columns


def test_csv_keeps_the_codes():
    frame = pd.DataFrame({"language": ["und"]})
    assert reader_table(frame).frame["Language"].tolist() == ["undetermined"]
    assert frame["language"].tolist() == ["und"]
