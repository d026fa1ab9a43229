"""The article at a glance (notebook 00): tables that hold for any article, with or without notes."""

from __future__ import annotations

import dataclasses

import pytest

from histkit.analyse import overview
from histkit.present.display import reader_table

NOTEBOOK_COLUMNS = ["note", "section", "lines", "text"]  # what notebook 00 shows of the notes


def test_the_first_articles_three_footnotes(article):
    notes = overview.footnotes_table(article)
    assert notes["note"].tolist() == [1, 2, 3]
    # footnote 2 continues after a page break in section 3: two verbatim pieces
    assert notes.set_index("note").loc[2, "pieces"] == 2


@pytest.mark.parametrize("name", ["ciedu-saresp", "oes-tourism-gentrification"])
def test_an_article_without_notes_still_shows_its_notes_table(corpus, name):
    # neither article prints a numbered note; the notebook's table must still render, empty
    notes = overview.footnotes_table(corpus[name])
    assert notes.empty and set(NOTEBOOK_COLUMNS) <= set(notes.columns)
    reader_table(notes, NOTEBOOK_COLUMNS)


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("bak-p58270", "pt"),  # its front matter prints an English abstract too
        ("mediacoes-cambiemos", "es"),
        ("paz-mixed-flocks", "en"),
    ],
)
def test_an_article_s_language_is_read_from_its_body_when_the_seed_records_none(corpus, name, language):
    assert "language" not in corpus[name].metadata
    assert overview.article_language(corpus[name]) == language


def test_the_language_a_seed_records_is_kept(article, corpus):
    assert overview.article_language(article) == article.metadata["language"] == "en"
    # a seed's record wins over what the body reads as (paz-mixed-flocks is in English)
    recorded = dataclasses.replace(corpus["paz-mixed-flocks"], metadata={"language": "pt"})
    assert overview.article_language(recorded) == "pt"
