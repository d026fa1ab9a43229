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


# --- a title dated in the prose, without parentheses ("*Speech Acts* em 1969") ----------------------------------


def test_a_title_dated_in_the_prose_is_a_citation_of_the_entry_with_that_year():
    # Fixture in English ("in"), and one in Portuguese with the comma (", de").
    assert _found("the theory Vanderveken set out in *Meaning and Speech Acts* in 1990 was") == [
        ("*Meaning and Speech Acts* in 1990", ("VANDERVEKEN",), "1990")
    ]
    assert _found("a obra *Meaning and Speech Acts*, de 1990, propõe") == [
        ("*Meaning and Speech Acts*, de 1990", ("VANDERVEKEN",), "1990")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a obra *Meaning and Speech Acts*, de 1985, propõe",  # a year the entry does not print: a first edition
        "no Teatro dos *Champs Elysées* em 1913",  # bak-p59553: a title the list does not print (a theatre)
    ],
)
def test_a_title_dated_by_another_year_is_a_mention(text):
    assert _found(text) == []


def test_corpus_title_dated_inside_a_later_citation_of_its_author(corpus):
    # bak-p58270: "Searle, apesar de ter escrito sua obra *Speech Acts* em 1969, notou apenas depois (1983)": two
    # works, SEARLE 1969 (Speech Acts) dated in the prose and SEARLE 1983 (Intentionality) by the later year.
    art = corpus["bak-p58270"]
    refs = {r.ref_id: r for r in article_references(art)}
    rows = reconcile(citations_table(art), list(refs.values()))
    at = art.text.index("Searle, apesar de ter escrito")
    near = rows[(rows["start"] >= at) & (rows["start"] < at + 100)]
    assert sorted((r.quote, refs[r.ref_id].title) for r in near.itertuples()) == [
        ("*Speech Acts* em 1969", "Speech Acts"),
        ("Searle, apesar de ter escrito sua obra *Speech Acts* em 1969, notou apenas depois (1983)", "Intentionality"),
    ]
    # bak-p59384: "*Problemas da obra de Dostoiévski*, de 1929": the list holds the edition of 2022 only.
    art = corpus["bak-p59384"]
    rows = citations_table(art)
    at = art.text.index("*Problemas da obra de Dostoiévski*, de 1929")
    assert not ((rows["start"] <= at) & (rows["end"] > at)).any()
