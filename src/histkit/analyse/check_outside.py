"""Statements whose figure only an outside value settles: a ratio to the population, the length of a regime.

Two forms are recognised in pt/es/en and reported ``unverifiable``, with the outside value they need
named, so that a reader knows what to look up (as :mod:`histkit.analyse.check_conversions` does for the
rate of the time):

- a **ratio to the population**: "uma biblioteca pública para cada 33 mil habitantes", "one doctor
  for every 1,000 inhabitants", "un médico por cada 1.000 habitantes". It needs the population of the
  place and time; a passage that prints a population itself is left alone, as pairing it would be a
  guess;
- the **length of a named period** whose dates the sentence does not print: "após quase 30 anos de
  regime ditatorial", "after 40 years of dictatorship", "tras 17 años de dictadura". It needs the
  dates the period began and ended (a sentence that prints years is read by the duration checks of
  :mod:`histkit.analyse.check_time`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from histkit.analyse.check_rows import Check
from histkit.analyse.figures import Passage
from histkit.text.numbers import whole_number

_PER_PEOPLE = re.compile(
    r"\b(?:one|uma?|un[ao]?)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?:for\s+every|per|para\s+cada|por\s+cada)\s+"
    r"(?P<n>\d[\d.,]*(?:\s+(?:mil|thousand|million|milhões|millones))?)\s+"
    r"(?:inhabitants|residents|people|habitantes|pessoas|personas)\b",
    re.IGNORECASE,
)
_POPULATION = re.compile(r"\b(?:population|população|población)\s+(?:of|de)\s+\d", re.IGNORECASE)
_PERIOD = re.compile(
    r"\b(?P<n>\d+|[^\W\d_]+)\s+(?:years|anos|años)\s+(?:of|de)\s+(?:(?:the|o|a|la|el)\s+)?"
    r"(?:regime|dictatorship|military\s+rule|ditadura|dictadura|régimen|regimen|franquismo|salazarismo)\b",
    re.IGNORECASE,
)
# cheap tests first (str.find in C): a case-blind alternation tried at every position is slow
_PERIOD_WORDS = ("regime", "dictatorship", "military rule", "ditadura", "dictadura", "régimen", "franquismo",
                 "salazarismo")
_PEOPLE_WORDS = ("inhabitants", "residents", "people", "habitantes", "pessoas", "personas")
_PEOPLE = re.compile(r"\b(?:inhabitants|residents|people|habitantes|pessoas|personas)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")


def outside_value_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every ratio to the population and every length of a regime with no dates beside it."""
    for passage in passages:
        low = passage.text  # the words are written in lower case mid-sentence
        has_people = any(w in low for w in _PEOPLE_WORDS)
        for people in _PEOPLE.finditer(passage.text) if has_people else ():
            # the ratio ends at the word for people: read in a bounded window before it
            m = _PER_PEOPLE.search(passage.text, max(0, people.start() - 90), people.end())
            if m is None or _POPULATION.search(passage.text):
                continue
            yield passage, Check(
                kind="ratio", span=m.span(), inputs=[m.span("n")], stated=m.group(0),
                computed="needs the population", status="unverifiable",
                formula="population / the number of what is counted",
                reason=("a ratio to the population needs the population of the place and time, which "
                        "the article does not print: an outside value, to be given with its source"),
            )
        if not any(w in low for w in _PERIOD_WORDS):
            continue  # a cheap test first: the pattern below tries every word
        for m in _PERIOD.finditer(passage.text):
            a, b = passage.sentence_of(m.start())
            if _YEAR.search(passage.text, a, b) or whole_number(m["n"]) is None:
                continue  # "muitos anos de ditadura" states no figure
            yield passage, Check(
                kind="duration", span=m.span(), inputs=[m.span("n")], stated=m.group(0),
                computed="needs the dates of the period", status="unverifiable",
                formula="the year the period ended - the year it began",
                reason=("the sentence does not print when the period began and ended: an outside value, to be "
                        "given with its source"),
            )
