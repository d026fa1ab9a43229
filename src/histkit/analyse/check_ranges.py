"""Ranges over months: "from October to February (from 5 to 20 contacts)" beside the value of each month.

Field studies print a value for each month ("October (n = 17), November (n = 12) ... August and
September (n = 10, each)", "outubro (n = 17)", "octubre (n = 17)") and elsewhere sum them up as a range
over a span of months (pt/es/en): "from October to February (from 5 to 20 contacts)", "de outubro a
fevereiro (de 5 a 20 contatos)", "entre marzo y septiembre (de 9 a 14 contactos)". The range is checked
against the least and the greatest value of the months it spans (across the new year when the last
month comes before the first), when every one of those months has one value in the article; a month
printed with two values, or missing, and nothing is checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from histkit.analyse.check_rows import Check
from histkit.analyse.figures import Passage
from histkit.analyse.tolerance import exact, judge
from histkit.extract.date_words import MONTHS, MONTHS_PT_ES

_MONTH_NAMES = {**{k.lower(): v for k, v in MONTHS.items()}, **{k.lower(): v for k, v in MONTHS_PT_ES.items()}}
_M = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_VALUE = re.compile(
    rf"\b(?P<m1>{_M})(?:\s+(?:and|e|y)\s+(?P<m2>{_M}))?\s*\(\s*n\s*=\s*(?P<n>\d+)(?P<each>,\s*(?:each|cada))?\s*\)",
    re.IGNORECASE,
)
_SPAN = re.compile(rf"\b(?:from|de|desde|entre|between)\s+(?P<m1>{_M})\s+(?:to|a|até|hasta|and|e|y)\s+(?P<m2>{_M})\b",
                   re.IGNORECASE)
_RANGE = re.compile(r"\(\s*(?:from|de|entre|between)?\s*(?P<lo>\d+)\s+(?:to|a|até|hasta|and|e|y)\s+(?P<hi>\d+)"
                    r"(?:\s+[^\W\d_]+)?\s*\)", re.IGNORECASE)


def _month_values(passages: list[Passage]) -> dict[int, tuple[int, Passage, tuple[int, int]]]:
    """The one value printed for each month ("October (n = 17)"); months printed with two values are left out."""
    seen: dict[int, set[int]] = {}
    where: dict[int, tuple[int, Passage, tuple[int, int]]] = {}
    for p in passages:
        if "n =" not in p.text and "n=" not in p.text:
            continue  # a cheap test: most passages print no "(n = ...)"
        for m in _VALUE.finditer(p.text):
            months = [m["m1"]] + ([m["m2"]] if m["m2"] and m["each"] else [])
            if m["m2"] and not m["each"]:
                continue  # "August and September (n = 10)": the two together, not each
            for name in months:
                month = _MONTH_NAMES[name.lower()]
                seen.setdefault(month, set()).add(int(m["n"]))
                where.setdefault(month, (int(m["n"]), p, m.span()))
    return {k: v for k, v in where.items() if len(seen[k]) == 1}


def month_range_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every range stated over a span of months, against the value the article prints for each month."""
    values: dict[int, tuple[int, Passage, tuple[int, int]]] | None = None
    for passage in passages:
        # the stated range opens with "(": found first, then the months before it in its sentence
        for stated in _RANGE.finditer(passage.text):
            a, _ = passage.sentence_of(stated.start())
            spans = list(_SPAN.finditer(passage.text, a, stated.start()))
            if not spans:
                continue
            span = spans[-1]
            if values is None:
                values = _month_values(passages)
            first, last = _MONTH_NAMES[span["m1"].lower()], _MONTH_NAMES[span["m2"].lower()]
            months = [(first - 1 + k) % 12 + 1 for k in range((last - first) % 12 + 1)]
            if len(months) < 2 or any(m not in values for m in months):
                continue
            found = [values[m] for m in months]
            lo, hi = int(stated["lo"]), int(stated["hi"])
            least, most = min(v for v, _, _ in found), max(v for v, _, _ in found)
            ends = [judge(lo, 0, exact(least)), judge(hi, 0, exact(most))]
            status = "consistent" if all(e[0] == "consistent" for e in ends) else "inconsistent"
            inputs = list(dict.fromkeys((p.element_id, s) for _, p, s in found))
            by_id = {p.element_id: p for _, p, _ in found}
            yield passage, Check(
                kind="range",
                span=stated.span(),
                inputs=[s for _, s in inputs],
                stated=f"{lo} to {hi}",
                computed=f"{least} to {most}",
                status=status,
                formula=f"least and greatest of the {len(months)} months from {span['m1']} to {span['m2']}",
                reason=f"least: {ends[0][1]}; greatest: {ends[1][1]}",
                input_passages=[by_id[e] for e, _ in inputs],
            )
