"""A narrative citation whose author is named earlier in the sentence (APA 8.11, Chicago 15.22, NBR 10520).

Each case from two corpus articles (bak-p58270, edur-literatura-indigena, bak-p59610) or a fixture;
the quotes were read in ``article.txt``.
"""

from __future__ import annotations

import pytest

from histkit.analyse.reconcile import reconcile
from histkit.extract.citation_split import person_years
from histkit.extract.citations import citations_table, find_groups
from histkit.extract.list_clues import ListClues
from histkit.extract.references import article_references

_ENTRIES = [
    "SEARLE, J. R. *Intentionality*. New York: Cambridge University Press, 1983.",
    "Galvão, Márcio. Atos de fala indiretos. *Revista*, v. 1, 2007.",
    "BRASIL. Lei nº 9.394, de 20 de dezembro de 1996. Brasília, 1996.",
]


def test_person_years_reads_personal_first_authors_only():
    persons = person_years(_ENTRIES)
    assert persons == {"searle": frozenset({1983}), "galvao": frozenset({2007})}


@pytest.mark.parametrize(
    ("article", "name_at", "paren", "year", "ref_family"),
    [
        # bak-p58270: "Searle, apesar de ter escrito sua obra *Speech Acts* em 1969, notou apenas depois (1983)"
        ("bak-p58270", "Searle, apesar de ter escrito", "(1983)", "1983", "SEARLE"),
        # bak-p58270: a quoted title between the name and the year
        ("bak-p58270", "Galvão, em seu pequeno artigo", "(2007, p.1)", "2007", "GALVÃO"),
        # edur-literatura-indigena: the year after a quotation; the quotation's "…" does not end the sentence
        ("edur-literatura-indigena", "Barthes chama atenção", "(1987, p.19)", "1987", "BARTHES"),
        # edur-literatura-indigena: "Lima acredita ... “... Maxakali.” (2012, p.41)": a full stop inside the quotation
        ("edur-literatura-indigena", "Lima acredita ser complicado", "(2012, p.41)", "2012", "LIMA"),
    ],
)
def test_year_after_the_author_named_in_the_sentence(corpus, article, name_at, paren, year, ref_family):
    art = corpus[article]
    start = art.text.index(name_at)
    end = art.text.index(paren, start) + len(paren)
    refs = {r.ref_id: r for r in article_references(art)}
    rows = reconcile(citations_table(art), list(refs.values()))
    (row,) = rows[(rows["start"] == start) & (rows["end"] == end)].itertuples()
    assert (row.year, row.form) == (year, "narrative")
    assert refs[row.ref_id].authors[0].family == ref_family


def test_year_alone_after_a_corporate_author_is_a_date():
    # Fixture: "o Brasil ... (1996)": BRASIL prints 1996 but is no person; the year is a date, not a citation.
    text = "Em 1996 o Brasil aprovou a nova lei de diretrizes (1996) para a educação."
    assert find_groups(text, clues=ListClues(persons=person_years(_ENTRIES))) == []


def test_the_author_must_be_in_the_same_sentence():
    # Fixture: Searle is named in the sentence before; "(1983)" stands alone.
    text = "Searle wrote on acts. The theory of mind came later (1983) in another book."
    assert find_groups(text, clues=ListClues(persons=person_years(_ENTRIES))) == []


def test_the_year_must_be_one_the_person_is_listed_for():
    # Fixture: Searle is listed for 1983 only; "(1990)" is a date.
    text = "Searle, in a later interview (1990), said so."
    assert find_groups(text, clues=ListClues(persons=person_years(_ENTRIES))) == []


def test_a_name_already_cited_in_between_is_not_taken_again():
    # Fixture: "(SEARLE, 1983)" is cited in full; the "(1983)" after it is not a second citation of it.
    text = "as Searle says (SEARLE, 1983) in the book (1983) he wrote."
    groups = find_groups(text, clues=ListClues(persons=person_years(_ENTRIES)))
    assert [text[g.start : g.end] for g in groups] == ["(SEARLE, 1983)"]
