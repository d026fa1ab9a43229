"""The list's clues read once, and the vouched forms found in order without overlapping."""

from __future__ import annotations

from histkit.extract.list_clues import list_clues, vouched_groups

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
