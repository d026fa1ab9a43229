"""A work cited by its italic title and year (Chicago 15.22, NBR 10520): bak-p58270, bak-p59610, fixtures."""

from __future__ import annotations

import pytest

from histkit.analyse.reconcile import reconcile
from histkit.extract.citation_titles import entry_titles
from histkit.extract.citations import citations_table, find_groups
from histkit.extract.list_clues import ListClues
from histkit.extract.references import article_references

_ENTRIES = [
    "VANDERVEKEN, D. *Meaning and Speech Acts.* New York: Cambridge University Press, 1990.",
    "SEARLE, J. R. *Speech Acts*. New York: Cambridge University Press, 1969.",
    "SEARLE, J. R. *Speech Acts*. 2. ed. New York: Cambridge University Press, 1970.",
]


def _found(text):
    return [(text[g.start : g.end], w.authors, w.year) for g in find_groups(text, clues=ListClues(
        titles=entry_titles(_ENTRIES))) for w in g.works]


def test_a_title_the_list_prints_then_its_year():
    # Fixture in the form of bak-p58270's note 10.
    text = "No *Meaning and Speech Acts* (1990, p.103), Daniel Vanderveken enumera"
    assert _found(text) == [("*Meaning and Speech Acts* (1990, p.103)", ("VANDERVEKEN",), "1990")]


@pytest.mark.parametrize(
    "text",
    [
        "No *Meaning and Speech Acts* (1991), outro",  # a year the entry does not print
        "a *Teoria dos atos* (1990) de outro autor",  # a title the list does not print
        "*Speech Acts* (1969) e (1970)",  # fixture: the second year alone has no title before it
    ],
)
def test_no_title_or_no_year_is_no_citation(text):
    assert [f for f in _found(text) if f[2] != "1969"] == []


def test_two_entries_with_the_title_and_year_are_not_guessed():
    entries = [*_ENTRIES, "SEARLE, J. R. *Speech Acts*: reprint. London: Penguin, 1969."]
    text = "o livro *Speech Acts* (1969) mostra"
    assert find_groups(text, clues=ListClues(titles=entry_titles(entries))) == []


@pytest.mark.parametrize(
    ("article", "quote", "family"),
    [
        # bak-p58270, note 10: the author's name comes after the year
        ("bak-p58270", "*Meaning and Speech Acts* (1990, p.103)", "VANDERVEKEN"),
        # bak-p59610: an italic title, its subtitle in roman, then the year and pages
        (
            "bak-p59610",
            "*O método formal nos estudos literários.* Introdução crítica a uma poética sociológica (2012, p.193-210)",
            "MEDVIÉDEV",
        ),
    ],
)
def test_titles_in_the_corpus(corpus, article, quote, family):
    art = corpus[article]
    refs = article_references(art)
    rows = reconcile(citations_table(art), refs)
    (row,) = rows[rows["start"] == art.text.index(quote)].itertuples()
    assert row.quote == quote
    assert next(r for r in refs if r.ref_id == row.ref_id).authors[0].family == family


def test_the_list_vouches_for_what_read_as_a_date(corpus):
    # bak-p59384: "Democracy (1999)" alone reads as a date; the title before it is HIRSCHKOP 1999's.
    art = corpus["bak-p59384"]
    rows = citations_table(art)
    at = art.text.index("(1999)")
    (row,) = rows[(rows["start"] < at) & (rows["end"] == at + len("(1999)"))].itertuples()
    assert (row.authors, row.year) == ("Hirschkop", "1999")
