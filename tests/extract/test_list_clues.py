"""The list's clues read once, and the vouched forms found in order without overlapping."""

from __future__ import annotations

import pytest

from histkit.extract.citations import find_groups
from histkit.extract.list_clues import list_clues, vouched_groups
from tests.extract.test_citation_groups import growth

_ENTRIES = [
    "SEARLE, J. R. *Expression and Meaning*. New York: Cambridge University Press, 1979.",
    "LAODONGQUSHI. Working hours. *Laodongqushi*, Oct. 3, 2022.",
]


def test_list_clues_reads_each_kind():
    clues = list_clues(iter(_ENTRIES))  # an iterator: read once for the three
    assert clues.persons == {"searle": frozenset({1979})}
    assert clues.leads["laodongqushi"] == frozenset({2022})
    assert [t[0] for t in clues.titles] == ["SEARLE", "LAODONGQUSHI"]


def test_the_author_in_the_sentence_wins_over_the_title_alone():
    # bak-p58270's form: "Searle traz no segundo capítulo do *Expression and Meaning* (1979, p.73)": both the
    # person and the title vouch for it; the span starts at the person, and it is one citation.
    text = "o exemplo que Searle traz no segundo capítulo do *Expression and Meaning* (1979, p.73): a"
    covered = bytearray(len(text) + 1)
    found = vouched_groups(text, covered, list_clues(_ENTRIES))
    assert [(text[a:b], works[0].authors) for a, b, works in found] == [
        ("Searle traz no segundo capítulo do *Expression and Meaning* (1979, p.73)", ("Searle",))
    ]
    assert all(covered[text.index("Searle") : text.index(":")])


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "Silva wrote " + "(2001) " * n,  # years alone, a listed person far behind
        lambda n: "Silva said (2001), " * n + ".",  # one long sentence of narrative citations
        lambda n: "aaaa (2001) " * n,  # lower-case leads
        lambda n: "*Aaaa bbbb* (2001) " * n,  # titles then a year
    ],
    ids=["years-alone", "one-sentence", "lower-case", "titles"],
)
def test_vouched_forms_grow_linearly_on_hostile_text(make):
    # As tests/extract/test_citation_groups.py: the ratio of best times at 8x and 1x (linear ~8, quadratic ~64).
    clues = list_clues(["SILVA, A. *Aaaa bbbb*. Place: Pub, 2001.", "AAAA. Site. Online, 2001."])
    run = lambda text: find_groups(text, listed=frozenset({"silva", "aaaa"}), clues=clues)  # noqa: E731
    assert growth(make, run, 1250) < 32
