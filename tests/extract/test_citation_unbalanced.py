"""A citation with one of its parentheses left out (NBR 10520, APA 8.10-8.11, Chicago 15.22: a slip of typing).

Each case from two corpus articles (bak-p59099, paz-mixed-flocks) or a fixture; the quotes were read in
``article.txt``.
"""

from __future__ import annotations

import pytest

from histkit.analyse.reconcile import reconcile
from histkit.extract.citation_split import person_years
from histkit.extract.citations import citations_table, find_groups
from histkit.extract.list_clues import ListClues
from histkit.extract.references import article_references

_ENTRIES = [
    "SILVA, J. *Estudos*. São Paulo: Ática, 2008.",
    "Brandt, C.S.; Hasenack, H. 2009. Composition of mixed-species bird flocks. Zoologia 26: 488-498.",
    "BRASIL. Lei nº 9.394, de 20 de dezembro de 1996. Brasília, 1996.",
]
_CLUES = ListClues(persons=person_years(_ENTRIES))


def _found(text):
    return [(text[g.start : g.end], [(w.authors, w.year) for w in g.works]) for g in find_groups(text, clues=_CLUES)]


@pytest.mark.parametrize(
    ("article", "before", "quote", "year", "family"),
    [
        # bak-p59099: "Exemplo desse movimento é empreendido por Bakhtin (2008, na análise da poética de
        # Dostoiévski, ..." -- the parenthesis is never closed; BAKHTIN 2008 is Problemas da poética de Dostoiévski.
        ("bak-p59099", "empreendido por ", "Bakhtin (2008", "2008", "BAKHTIN"),
        # paz-mixed-flocks: "*T. albicollis*Brandt *et al.,* 2009), and" -- the "(" and a space left out.
        ("paz-mixed-flocks", "*T. albicollis*", "Brandt *et al.,* 2009)", "2009", "Brandt"),
    ],
)
def test_corpus_citation_with_a_parenthesis_left_out(corpus, article, before, quote, year, family):
    art = corpus[article]
    at = art.text.index(before + quote) + len(before)
    refs = {r.ref_id: r for r in article_references(art)}
    rows = reconcile(citations_table(art), list(refs.values()))
    (row,) = rows[rows["group_start"] == at].itertuples()
    assert art.text[row.group_start : row.group_end] == quote
    assert row.year == year
    assert refs[row.ref_id].authors[0].family == family


def test_unclosed_parenthesis_after_a_listed_person():
    # Fixture: the ")" never comes; SILVA is listed as a person for 2008.
    assert _found("Como mostra Silva (2008, p. 4, no estudo das vilas, a ocupação foi lenta.") == [
        ("Silva (2008, p. 4", [(("Silva",), "2008")])
    ]


def test_unopened_parenthesis_after_a_listed_work():
    # Fixture: "(" left out before a parenthetical work at the end of a clause.
    assert _found("as found in the south Brandt *et al.,* 2009), and in the north.") == [
        ("Brandt *et al.,* 2009)", [(("Brandt *et al.,*",), "2009")])
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the year is not one the person is listed for
        "Como mostra Silva (2010, no estudo das vilas, a ocupação foi lenta.",
        # a corporate author is no person: "Brasil (1996, ..." is a date as likely as a work
        "O Brasil (1996, ano da nova lei, reformou o ensino.",
        # an unlisted name before an unopened parenthesis
        "as found by Moreira, 2009), and in the north.",
    ],
)
def test_unvouched_half_marked_years_are_not_citations(text):
    assert _found(text) == []


def test_balanced_parentheses_are_left_to_the_ordinary_forms():
    # Fixture: with both parentheses the narrative form reads it once.
    assert _found("Como mostra Silva (2008), a ocupação foi lenta (Brandt, 2009).") == [
        ("Silva (2008)", [(("Silva",), "2008")]),
        ("(Brandt, 2009)", [(("Brandt",), "2009")]),
    ]
