"""What the reference list tells the citation finder about forms it cannot read from the text alone.

Five forms are citations only because the list vouches for them: a lower-case name that is an entry's
whole lead (:mod:`~histkit.extract.citation_lowercase`), a year alone in parentheses after a person the
list prints (:mod:`~histkit.extract.citation_split`), after a title it prints or a year in the prose
right after that title (:mod:`~histkit.extract.citation_titles`), a classical work by its author and
title (:mod:`~histkit.extract.citation_classical`), and a listed person's work with one
of its parentheses left out (:mod:`~histkit.extract.citation_unbalanced`). :func:`list_clues` reads the
list once per article; :func:`vouched_groups` finds them in a text, in that order, none overlapping
another citation (but a title dated in the prose may lie inside the span of a year after its author).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from histkit.extract.citation_classical import classical_citations
from histkit.extract.citation_groups import Work
from histkit.extract.citation_lowercase import lead_years, lowercase_citations
from histkit.extract.citation_split import person_years, split_narratives
from histkit.extract.citation_titles import entry_titles, titled_citations, titled_mentions
from histkit.extract.citation_unbalanced import unbalanced_citations


@dataclass(frozen=True)
class ListClues:
    """Personal first authors and one-word leads with their years, and each entry's lead, years and text."""

    persons: Mapping[str, frozenset[int]] = field(default_factory=dict)
    leads: Mapping[str, frozenset[int]] = field(default_factory=dict)
    titles: Sequence[tuple[str, frozenset[int], str]] = ()


def list_clues(entries: Iterable[str]) -> ListClues:
    """Read the verbatim reference entries once."""
    entries = list(entries)
    return ListClues(person_years(entries), lead_years(entries), entry_titles(entries))


def vouched_groups(text: str, covered: bytearray, clues: ListClues) -> list[tuple[int, int, list[Work]]]:
    """``(start, end, works)`` of each vouched citation in ``text``; ``covered`` is updated as they are taken."""
    found: list[tuple[int, int, list[Work]]] = []

    def take(items: Iterable[tuple[int, int, list[Work]]]) -> None:
        for a, b, works in items:
            found.append((a, b, works))
            covered[a:b] = b"\x01" * (b - a)

    take(lowercase_citations(text, covered, clues.leads))
    # "Searle, apesar de ter escrito sua obra *Speech Acts* em 1969, notou apenas depois (1983)": the title
    # dated in the prose lies inside the span of the author's later year, and cites another work.
    before_split = bytearray(covered)
    take((a, b, works) for a, b, works, _ in split_narratives(text, covered, clues.persons))
    take(titled_citations(text, covered, clues.titles))
    take(titled_mentions(text, before_split, clues.titles))
    take(classical_citations(text, covered, clues.titles))
    take(unbalanced_citations(text, covered, clues.persons))
    return found
