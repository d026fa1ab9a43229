"""Checks of the article's relative statements against its own absolute dates.

"thirty-five years of age", "five months after his arrival" (annotations kind ``checks``).

Each check computes the least and the most the dates allow and calls a statement consistent when
what it states lies in that range. To add a kind of check: write ``_check_<kind>`` returning
(stated, computed, status, explanation), add it to :data:`_CHECKS`, and a case to the tests.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from histkit.analyse.chronology_tables import (
    KIND,
    Chronology,
    completed_years,
    iso_day,
    month_index,
    required_field,
)
from histkit.analyse.claims import Claim
from histkit.core.dating import bounds
from histkit.core.errors import AnnotationError
from histkit.extract.date_phrases import find_in
from histkit.extract.relative_dates import resolve_relative
from histkit.text.anchor import Anchor, Annotation
from histkit.text.numbers import ONES, TENS, words_to_number

# A stated count: digits, an article ("a year") or number words ("five", "thirty-five"); the
# words are read by histkit.text.numbers.words_to_number, the one reader of number words.
_ARTICLES = ("a", "an")
_WORD = "|".join(sorted([*ONES, *TENS], key=len, reverse=True))
_STATED = re.compile(
    rf"\b(?P<n>\d+|an?|(?:{_WORD})(?:-(?:{_WORD}))?)\s+(?P<unit>years?|months?)\b", re.I
)


def _stated(quote: str, where: str) -> tuple[int, str]:
    """Return the number and unit a quote states ("thirty-five years" -> (35, "years")).

    ``where`` is the file and line of the item, for the error message.
    """
    m = _STATED.search(quote)
    if m is None:
        raise AnnotationError(
            f"{where}: no stated number of years or months in the quote {quote!r}; quote the words "
            "that state it (e.g. 'thirty-five years of age')"
        )
    n = m["n"].lower()
    count = int(n) if n.isdigit() else (1 if n in _ARTICLES else words_to_number(n))
    return count, ("years" if m["unit"].lower().startswith("y") else "months")

def _where(chron: Chronology, c: Annotation) -> str:
    return f"{chron.notes.path}:{c.line}: check {c.item_id!r}"


def _range(chron: Chronology, ref: str, c: Annotation) -> tuple[date, date, str]:
    """Earliest and latest day of an event, a stay, or ``person.born`` / ``person.died``.

    ``c`` is the check that refers to it, named in the error message.
    """
    events = chron.events.set_index("event_id")
    stays = chron.stays.set_index("stay_id")
    if ref in events.index:
        row = events.loc[ref]
        lo, hi = bounds(row["edtf"])
        if lo is None or hi is None:
            raise AnnotationError(
                f"{_where(chron, c)} refers to event {ref!r}, whose date {row['edtf']} is open-ended; "
                "a check needs an event with a closed date"
            )
        return lo, hi, f"{row['label']} ({row['edtf']})"
    if ref in stays.index:
        row = stays.loc[ref]
        return (
            date.fromisoformat(row["arrival_earliest"]),
            date.fromisoformat(row["departure_latest"]),
            f"{row['name']}'s stay ({row['edtf']})",
        )
    person, _, which = ref.partition(".")
    people = chron.people.set_index("person_id")
    if person in people.index and which in ("born", "died") and not pd.isna(people.loc[person, which]):
        year = int(people.loc[person, which])
        return date(year, 1, 1), date(year, 12, 31), f"{people.loc[person, 'name']} {which} ({year})"
    raise AnnotationError(
        f"{_where(chron, c)} refers to {ref!r}, which is no event, stay or person.born/person.died "
        "with a known year; use an id from events or stays, or e.g. 'borodin.born'"
    )


def count_range(lo: int, hi: int, unit: str) -> str:
    """Say a range of counts as a reader would: "5 months", or "23-25 months"."""
    return f"{lo} {unit}" if lo == hi else f"{lo}-{hi} {unit}"


def _verdict(stated: int, lo: int, hi: int) -> str:
    return "consistent" if lo <= stated <= hi else "inconsistent"


def check_claims(chron: Chronology) -> list[Claim]:
    """Check the article's relative statements against its absolute dates (see annotations ``checks``)."""
    claims = []
    for c in chron.notes["checks"]:
        kind = c.get("type")
        method = _CHECKS.get(kind)
        if method is None or c.anchor is None:
            raise AnnotationError(
                f"{chron.notes.path}:{c.line}: check {c.item_id!r} needs exact "
                f"and a type in {sorted(_CHECKS)}"
            )
        stated, computed, status, explanation = method(chron, c)
        a = c.anchor
        claims.append(
            Claim(
                claim_id=f"chronology-{c.item_id}",
                kind=KIND,
                seed=chron.article.seed_id,
                start=a.start,
                end=a.end,
                quote=chron.article.text[a.start : a.end],
                stated=stated,
                computed=computed,
                status=status,
                explanation=explanation,
            )
        )
    return claims


def _check_age(chron: Chronology, c: Annotation) -> tuple[str, str, str, str]:
    n, _ = _stated(c.anchor.exact, _where(chron, c))  # type: ignore[union-attr]
    b_lo, b_hi, b_what = _range(chron, f"{required_field(chron.notes, c, 'person')}.born", c)
    at_lo, at_hi, at_what = _range(chron, required_field(chron.notes, c, "at"), c)
    lo, hi = completed_years(b_hi, at_lo), completed_years(b_lo, at_hi)
    status = _verdict(n, lo, hi)
    return (
        f"{n} years",
        count_range(lo, hi, "years"),
        status,
        f"{b_what} to {at_what}: {lo} to {hi} completed years, as the birth date within the year is unknown",
    )


def _check_span(chron: Chronology, c: Annotation) -> tuple[str, str, str, str]:
    n, unit = _stated(c.anchor.exact, _where(chron, c))  # type: ignore[union-attr]
    if c.get("unit") and c["unit"] != unit:
        raise AnnotationError(
            f"{_where(chron, c)}: the quote states {unit}, the check says {c['unit']}; make them agree"
        )
    f_lo, f_hi, f_what = _range(chron, required_field(chron.notes, c, "from"), c)
    if c.get("to"):
        t_lo, t_hi, t_what = _range(chron, c["to"], c)
    else:  # a stay: from its arrival to its departure
        stays = chron.stays.set_index("stay_id")
        if c["from"] not in stays.index:
            raise AnnotationError(
                f"{_where(chron, c)}: a span without 'to' must start from a stay id; "
                f"{c['from']!r} is none (add 'to', or use an id from stays)"
            )
        stay = stays.loc[c["from"]]
        f_lo, f_hi = (date.fromisoformat(stay[k]) for k in ("arrival_earliest", "arrival_latest"))
        t_lo, t_hi = (date.fromisoformat(stay[k]) for k in ("departure_earliest", "departure_latest"))
        f_what, t_what = f"arrival ({stay['arrival_edtf']})", f"departure ({stay['departure_edtf']})"
    if unit == "years":
        lo, hi = t_lo.year - f_hi.year, t_hi.year - f_lo.year
    else:
        lo, hi = month_index(t_lo) - month_index(f_hi), month_index(t_hi) - month_index(f_lo)
    months = f" ({month_index(t_lo) - month_index(f_hi)}-{month_index(t_hi) - month_index(f_lo)} months)"
    return (
        f"{n} {unit}",
        count_range(lo, hi, unit),
        _verdict(n, lo, hi),
        f"calendar {unit} from {f_what} to {t_what}: {count_range(lo, hi, unit)}"
        + (months if unit == "years" else ""),
    )


def _check_relative(chron: Chronology, c: Annotation) -> tuple[str, str, str, str]:
    events = chron.events.set_index("event_id")
    origin = required_field(chron.notes, c, "from")
    if origin not in events.index:
        raise AnnotationError(f"{_where(chron, c)}: 'from' {origin!r} is not an event id; use one from events")
    ref = events.loc[origin, "edtf"]
    value = resolve_relative(c.anchor.exact, ref, origin)  # type: ignore[union-attr]
    if c.get("to"):
        lo, hi, what = _range(chron, c["to"], c)
        r_lo, r_hi = bounds(value.edtf)
        ok = r_lo <= hi and lo <= r_hi  # type: ignore[operator]
        return (
            value.note,
            value.edtf,
            "consistent" if ok else "inconsistent",
            f"{what} against {value.edtf}",
        )
    phrase = [f.phrase for f in find_in(c.anchor.exact) if f.value.form == "relative"]  # type: ignore[union-attr]
    return (
        f"{phrase[0] if phrase else c.anchor.exact!r} from {ref}",  # type: ignore[union-attr]
        value.edtf,
        "unverifiable",
        f"resolves to {value.edtf} ({value.note}); the article gives no independent date for it",
    )


def _check_within(chron: Chronology, c: Annotation) -> tuple[str, str, str, str]:
    if c.get("container"):
        s_lo, s_hi, s_what = _range(chron, c["container"], c)
    else:
        found = [f for f in find_in(c.anchor.exact) if f.value.edtf]  # type: ignore[union-attr]
        if not found:
            raise AnnotationError(
                f"{_where(chron, c)}: no date in the quote {c.anchor.exact!r}; quote a dated phrase "  # type: ignore[union-attr]
                "or give a 'container' (an event or stay id)"
            )
        s_lo, s_hi = bounds(found[0].value.edtf)
        s_what = f"{found[0].phrase!r} ({found[0].value.edtf})"
    if c.get("target_quote"):
        q = c["target_quote"]
        dated = [f for f in find_in(q.exact) if f.value.edtf] if isinstance(q, Anchor) else []
        if not dated:
            raise AnnotationError(
                f"{_where(chron, c)}: 'target_quote' must be {{exact: ...}} quoting a dated phrase"
            )
        value = dated[0].value
        t_lo, t_hi = bounds(value.edtf)
        t_what = f"{q.exact!r} ({value.edtf}, line {chron.article.line_of(q.start)})"
    else:
        t_lo, t_hi, t_what = _range(chron, required_field(chron.notes, c, "target"), c)
    inside = s_lo <= t_lo and t_hi <= s_hi  # type: ignore[operator]
    apart = t_hi < s_lo or s_hi < t_lo  # type: ignore[operator]
    status = "consistent" if inside else ("inconsistent" if apart else "unverifiable")
    return (
        s_what,
        f"{iso_day(t_lo)}..{iso_day(t_hi)}",
        status,
        f"{t_what} {'lies within' if inside else ('lies outside' if apart else 'overlaps')} {s_what}",
    )


def _named(what: str) -> str:
    # "First National Socialist Congress (1919-08/1919-09)" → its label, as a reader names it
    return what.rsplit(" (", 1)[0]


def _check_order(chron: Chronology, c: Annotation) -> tuple[str, str, str, str]:
    b_lo, b_hi, b_what = _range(chron, required_field(chron.notes, c, "before"), c)
    a_lo, a_hi, a_what = _range(chron, required_field(chron.notes, c, "after"), c)
    if b_hi <= a_lo:
        status, how = "consistent", "ends before"
    elif b_lo > a_hi:
        status, how = "inconsistent", "begins after"
    else:
        status, how = "unverifiable", "overlaps"
    return (
        f"{_named(b_what)} before {_named(a_what)}",
        f"{iso_day(b_hi)} <= {iso_day(a_lo)}"
        if status == "consistent"
        else f"{iso_day(b_lo)}..{iso_day(b_hi)} vs {iso_day(a_lo)}",
        status,
        f"{b_what} {how} {a_what}",
    )


_CHECKS = {
    "age": _check_age,
    "span": _check_span,
    "relative": _check_relative,
    "within": _check_within,
    "order": _check_order,
}
