"""Conversions with both amounts printed: "fifty thousand rubles (US$25,000)", "R$ 10 (US$ 2)".

How prose states them, in pt/es/en: a sum of money, then in parentheses the same sum in another
currency. The article gives the rate it implies but not the rate of the time, so the check is
``unverifiable`` here: the rate is an outside fact, which belongs in a notebook parameter with its
source named beside it (as the first article's gold parities are, in
:mod:`histkit.cases.spenser.economics`). The row states the implied rate, so that a reader can compare it
with one.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from histkit.analyse.check_rows import Check
from histkit.analyse.figures import Passage


def conversion_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every sum of money followed by the same sum in another currency in parentheses."""
    for passage in passages:
        money = [f for f in passage.figures if f.kind == "money"]
        for first, second in pairwise(money):
            gap = passage.text[first.end : second.start]
            if (len(gap) > 12 or "(" not in gap or not second.in_parens or first.in_parens
                    or first.unit.split()[0] == second.unit.split()[0] or not second.value or first.unit == "$"):
                continue
            rate = first.value / second.value
            one, other = first.unit.split()[0], second.unit.split()[0]
            yield passage, Check(
                kind="conversion",
                span=(first.start, second.end + (1 if passage.text[second.end : second.end + 1] == ")" else 0)),
                inputs=[(first.start, first.end), (second.start, second.end)],
                stated=f"{rate:.4g} {one} per {other}",
                computed="needs the rate of the time",
                status="unverifiable",
                formula=f"{first.number} {one} / {second.number} {other}",
                reason=("the article prints both amounts, so the rate it used is known, but not the rate of the "
                        "time: that is an outside fact, to be given as a parameter with its source"),
            )
