"""A name cited in lower case that the list prints in capitals (a website, "bell hooks")."""

from __future__ import annotations

import pytest

from histkit.analyse.reconcile import reconcile
from histkit.extract.citation_lowercase import lead_years
from histkit.extract.citations import citations_table, find_groups
from histkit.extract.list_clues import ListClues
from histkit.extract.references import article_references

_ENTRIES = [
    "HOOKS, bell. *Teaching to transgress*. New York: Routledge, 1994.",
    "PROFESSOR Edson Kayapó e a importância da Literatura Indígena. YouTube. 2015.",
]


def test_lead_years_reads_one_word_leads():
    assert lead_years(_ENTRIES) == {"hooks": frozenset({1994})}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("as hooks (1994) argues", "hooks"),  # fixture: a person who writes her name in lower case
        ("the data of hooks.com (1994) show", "hooks.com"),  # fixture: the same as a web domain
    ],
)
def test_a_listed_lead_in_lower_case(text, name):
    (group,) = find_groups(text, clues=ListClues(leads=lead_years(_ENTRIES)))
    (work,) = group.works
    assert (work.authors, work.year, text[group.start : group.end]) == ((name,), "1994", f"{name} (1994)")


@pytest.mark.parametrize(
    "text",
    [
        "as hooks (1995) argues",  # a year the entry does not print
        "the professor (2015) said",  # not a one-word lead
        "see www.hooks (1994)",  # inside an address
    ],
)
def test_other_lower_case_words_are_prose(text):
    assert find_groups(text, clues=ListClues(leads=lead_years(_ENTRIES))) == []


@pytest.mark.parametrize("quote", ["laodongqushi.com (2022)", "laodongqushi (2022)"])
def test_a_website_cited_by_its_domain_in_the_corpus(corpus, quote):
    # ecos-china-new-normal, Graph 5: the entry is "LAODONGQUSHI. 年平均工时 ... *Laodongqushi*, Oct. 3, 2022."
    art = corpus["ecos-china-new-normal"]
    refs = article_references(art)
    rows = reconcile(citations_table(art), refs)
    (row,) = rows[rows["start"] == art.text.index(quote)].itertuples()
    assert row.quote == quote
    assert next(r for r in refs if r.ref_id == row.ref_id).key == "LAODONGQUSHI"
