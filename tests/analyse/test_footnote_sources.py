"""Sources named in footnotes: archives by call number, and what is no call number."""

from __future__ import annotations

import pytest

from histkit.analyse.footnote_sources import footnote_sources
from histkit.extract.references import article_references
from histkit.text.ingest import parse_article


def _notes(note: str) -> object:
    text = (f"A Title\n\nAn Author\n\n1 INTRODUCTION\n\nA paragraph¹.\n\n¹ {note}\n\n"
            "REFERENCES\n\nSMITH, J. A book. London: P, 1990.\n")
    art = parse_article(text, "tiny-notes")
    return footnote_sources(art, article_references(art))


@pytest.mark.parametrize("note", [
    # ecos-china-new-normal's note 23 quotes a passage that cites "(UNDP, 2013; Yang, 2014)"; edur-literatura-indigena
    # cites "(BANIWA, 2006)" and "(BRASIL, 1973)" in notes: an acronym or a name with a year is author-date
    "“By 2030 ... over 1 billion.” (UNDP, 2013; Yang, 2014) This means a lot.",
    "e ainda o CIMI, que tem um papel político (BANIWA, 2006).",
])
def test_a_name_with_a_year_in_a_note_is_no_archive_call_number(note):
    row = _notes(note).iloc[0]
    assert (row["kind"], row["archive_cited"], row["call_number"]) == ("other", "", "")


def test_an_archive_acronym_with_its_call_number_is_archival():
    # the first article's notes: "SRE, ASRE, 18-22-86"; a year that runs on into a call number ("1925/27508") too
    for note, call in (("Letter, SRE, ASRE, 18-22-86.", "18-22-86"), ("NARA, 1925/27508, reel 83.", "1925/27508")):
        row = _notes(note).iloc[0]
        assert (row["kind"], row["call_number"]) == ("archival", call)


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
