"""Products: a total effort in hours stated beside the campaigns, days and hours per day it multiplies.

Field studies state their sampling effort so (pt/es/en): "monthly campaigns ... three consecutive
observation days, with sampling sessions of six hours per day, resulting in a total effort of 216 h",
"12 campanhas mensais de três dias consecutivos, com seis horas por dia, totalizando 216 horas",
"12 campañas de tres días, seis horas diarias, un total de 216 horas". The total is checked as
campaigns x days x hours per day when its passage prints each factor once, in digits or words:

- **hours a day**: "six hours per day", "six hours each", "seis horas por dia", "seis horas diarias";
- **days**: "three consecutive days", "três dias consecutivos", "tres días";
- **campaigns**: "12 monthly campaigns", "12 campanhas", or "monthly" ("mensais", "mensuales") with the
  months it runs from and to ("from October 2016 to September 2017": 12 months, both counted).

A factor printed twice with different values, or missing, and the total is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from histkit.analyse.check_rows import Check
from histkit.analyse.figures import Passage
from histkit.analyse.tolerance import exact, judge
from histkit.extract.date_words import MONTHS, MONTHS_PT_ES
from histkit.text.numbers import whole_number

_N = r"(?P<n>\d+|[^\W\d_]+(?:-[^\W\d_]+)?)"
_TOTAL = re.compile(
    r"\b(?:total(?:ing|ling|izing|izando|izaron|izou)?|total\s+(?:effort\s+)?of|(?:um|un)\s+total\s+de)\s+"
    r"(?P<n>\d+)\s*(?:h|hours|horas)\b",
    re.IGNORECASE,
)
_HOURS = re.compile(rf"\b{_N}\s+(?:hours?|horas?|h)\s+(?:per\s+day|a\s+day|each|daily|por\s+d[ií]a|di[aá]ri[ao]s)\b",
                    re.IGNORECASE)
_DAYS = re.compile(rf"\b{_N}\s+(?:consecutive\s+)?(?:observation\s+|sampling\s+)?(?:days|dias|días)\b", re.IGNORECASE)
_CAMPAIGNS = re.compile(rf"\b{_N}\s+(?:monthly\s+)?(?:campaigns|campanhas|campañas|field\s+trips|expeditions)\b",
                        re.IGNORECASE)
_MONTHLY = re.compile(r"\b(?:monthly|mensais|mensuales|mensalmente|mensualmente)\b", re.IGNORECASE)
_MONTH_NAMES = {**{k.lower(): v for k, v in MONTHS.items()}, **{k.lower(): v for k, v in MONTHS_PT_ES.items()}}
_MONTH_WORD = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_MONTH_RANGE = re.compile(
    rf"\b(?:from|between|de|desde|entre)\s+(?P<m1>{_MONTH_WORD})(?:\s+de)?\s+(?P<y1>\d{{4}})\s+"
    rf"(?:to|and|a|até|e|hasta|y)\s+(?P<m2>{_MONTH_WORD})(?:\s+de)?\s+(?P<y2>\d{{4}})\b",
    re.IGNORECASE,
)


def _one(pattern: re.Pattern[str], text: str, end: int) -> tuple[int, tuple[int, int]] | None:
    """The one value a factor takes before ``end`` (None when absent or printed with two values)."""
    found = [(v, m.span("n")) for m in pattern.finditer(text, 0, end) if (v := whole_number(m.group("n"))) is not None]
    return found[0] if found and len({v for v, _ in found}) == 1 else None


def _campaigns(text: str, end: int) -> tuple[int, tuple[int, int]] | None:
    counted = _one(_CAMPAIGNS, text, end)
    if counted is not None or not _MONTHLY.search(text, 0, end):
        return counted
    spans = list(_MONTH_RANGE.finditer(text, 0, end))
    if len(spans) != 1:
        return None
    m = spans[0]
    months = (int(m["y2"]) - int(m["y1"])) * 12 + _MONTH_NAMES[m["m2"].lower()] - _MONTH_NAMES[m["m1"].lower()] + 1
    return (months, m.span()) if months > 0 else None


def effort_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every total of hours whose passage prints the campaigns, days and hours a day it is the product of."""
    for passage in passages:
        if "total" not in passage.text and "Total" not in passage.text:
            continue  # a cheap test first: most passages state no total
        for total in _TOTAL.finditer(passage.text):
            stop = total.start()
            factors = [_campaigns(passage.text, stop), _one(_DAYS, passage.text, stop),
                       _one(_HOURS, passage.text, stop)]
            if any(f is None for f in factors):
                continue
            (c, c_span), (d, d_span), (h, h_span) = factors  # type: ignore[misc]
            stated = int(total["n"])
            status, reason = judge(stated, 0, exact(c * d * h))
            yield passage, Check(
                kind="product",
                span=total.span(),
                inputs=[c_span, d_span, h_span],
                stated=f"{stated} h",
                computed=f"{c * d * h} h",
                status=status,
                formula=f"{c} campaigns x {d} days x {h} hours a day",
                reason=reason,
            )
