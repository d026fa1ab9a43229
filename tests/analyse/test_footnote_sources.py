from __future__ import annotations

from histkit.analyse.footnote_sources import footnote_sources
from histkit.extract.references import article_references


def test_an_author_and_year_in_a_note_is_a_citation_not_an_archive_call_number(corpus):
    # mediacoes-cambiemos' note 3 ends "... entidades multilaterales .” ( CAMPOS, 2015 )." and the list prints
    # "CAMPOS, J. Se encara mal el tema precios ... 2015": no archive "CAMPOS" with call number 2015.
    article = corpus["mediacoes-cambiemos"]
    table = footnote_sources(article, article_references(article))
    note = table[table["footnote"] == 3].iloc[0]
    assert note["kind"] == "other" and note["archive_cited"] == "" and note["call_number"] == ""
    assert "( CAMPOS, 2015 )" in note["text"]


def test_an_archive_and_its_call_number_stay_archival(article):
    # The first article's note 2: "ASRE, 18-22-86" is the Mexican foreign ministry's archive and its file.
    table = footnote_sources(article, article_references(article))
    assert ("ASRE", "18-22-86") in set(zip(table["archive_cited"], table["call_number"], strict=True))
