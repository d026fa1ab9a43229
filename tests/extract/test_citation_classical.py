"""A classical work cited by author and title, with no year (Chicago 14.242; NBR 10520): bak-p59610, fixtures."""

from __future__ import annotations

import pytest

from histkit.analyse.reconcile import reconcile
from histkit.extract.citation_titles import entry_titles
from histkit.extract.citations import citations_table, find_groups
from histkit.extract.list_clues import ListClues
from histkit.extract.references import article_references

_ENTRIES = [
    "PLATÃO. *A República*. Trad. Maria Helena da Rocha Pereira. Lisboa: Gulbenkian, 2001.",
    "ARISTÓTELES. *Retórica.* 3ed. Lisboa: Imprensa Nacional, 2006.",
    "ARISTÓTELES. *Poética.* Trad. Eudoro de Souza. São Paulo: Ars Poetica, 1993.",
    "HERÓDOTO. *Histórias*. Livro I. Lisboa: Edições 70, 1994 [1ª ed. 1984].",
]


def _found(text):
    return [(text[g.start : g.end], w.authors, w.year, w.pages) for g in find_groups(text, clues=ListClues(
        titles=entry_titles(_ENTRIES))) for w in g.works]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fixture: narrative, the edition's year taken from the one entry with that author and title
        ("como já mostrava Platão (*A República*, IV) sobre",
         [("Platão (*A República*, IV)", ("Platão",), "2001", "IV")]),
        # fixture: parenthetical, two entries of one author told apart by the title
        ("a catarse (Aristóteles, *Poética*, 1449b)", [("(Aristóteles, *Poética*, 1449b)", ("Aristóteles",), "1993",
                                                     "1449b")]),
    ],
)
def test_author_and_title_cite_the_one_entry_holding_the_title(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "segundo Aristóteles (*Metafísica*) o ser",  # a title the list does not print for this author
        "segundo Sófocles (*Antígona*) a lei",  # an author the list does not print
        "em Heródoto (*Histórias*) a guerra",  # the entry prints two years: which edition is not said
    ],
)
def test_no_single_entry_no_citation(text):
    assert _found(text) == []


def test_corpus_classical_work_by_title(corpus):
    # bak-p59610: "acismo deveria ser tão-somente racional, mas ao menos desde Aristóteles (*Retórica* ) sabemos";
    # the list prints ARISTÓTELES. *Retórica.* ... 2006.
    art = corpus["bak-p59610"]
    refs = {r.ref_id: r for r in article_references(art)}
    rows = reconcile(citations_table(art), list(refs.values()))
    at = art.text.index("Aristóteles (*Retórica* )")
    (row,) = rows[rows["start"] == at].itertuples()
    assert (row.quote, row.year) == ("Aristóteles (*Retórica* )", "2006")
    assert refs[row.ref_id].title.startswith("Retórica")
