"""The chronology's tables from curated annotations: events, people and stays in Mexico.

Every date is EDTF; ``earliest`` and ``latest`` are the first and last day it can mean, and every
computed length or age is a range (from the least to the most the dates allow), never a point
pretending to a precision the article does not have. To add a column, add it to the ``*_COLUMNS``
list and the row builder, and a case to ``tests/analyse/test_chronology.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from histkit.core.dating import bounds
from histkit.core.errors import AnnotationError
from histkit.extract.date_phrases import find_in
from histkit.text.anchor import Anchor, Annotation, Annotations
from histkit.text.ingest import Article

STAGE_MODES = ("sections", "presence")
KIND = "chronology"
# The kinds of annotations.yaml the chronology reads.
KINDS = ["stages", "people", "events", "stays", "relative", "checks"]


# --- helpers ---------------------------------------------------------------------------------


def iso_day(d: date | None) -> str:
    """ISO form of a day, or "" for an open end."""
    return d.isoformat() if d else ""


def month_index(d: date) -> int:
    """Months since year 0, so that two days' difference in calendar months is a subtraction."""
    return d.year * 12 + d.month - 1


def completed_years(born: date, at: date) -> int:
    """Age in completed years on the day ``at`` of someone born on ``born``."""
    return at.year - born.year - ((at.month, at.day) < (born.month, born.day))


def _year_of(anchor: Anchor | None, notes: Annotations, key: str) -> int | None:
    """Read the year from a quote such as "born in 1884" or "(1892-"."""
    if anchor is None:
        return None
    found = [f for f in find_in(anchor.exact) if f.value.edtf[:4].isdigit()]
    if not found:
        raise AnnotationError(
            f"{notes.path}:{anchor.line}: no year in the '{key}' quote {anchor.exact!r}; "
            "quote the words that give the year (e.g. 'born in 1884')"
        )
    return int(found[0].value.edtf[:4])


def required_field(notes: Annotations, item: Annotation, key: str) -> Any:
    """Return a required field of an item, or fail naming the file, the line and the key."""
    if item.get(key) in (None, ""):
        raise AnnotationError(
            f"{notes.path}:{item.line}: {item.kind} item {item.item_id!r} has no '{key}'; add it"
        )
    return item[key]


def provenance_of(article: Article, a: Anchor) -> dict[str, Any]:
    """Provenance columns of a row anchored by a curated quote (seed, section, line, span, quote)."""
    return {
        "seed": article.seed_id,
        "section": _section_of(article, a.start),
        "line": article.line_of(a.start),
        "start": a.start,
        "end": a.end,
        "quote": article.text[a.start : a.end],
    }


def _section_of(article: Article, offset: int) -> int | None:
    """Section number of the element whose verbatim extent holds ``offset`` (0: front matter)."""
    for e in article.elements:
        if e.start <= offset < e.end:
            return e.section
    return None


@dataclass
class Chronology:
    """The tables of the chronology of one article.

    Attributes
    ----------
    events, people, stays, stages, dates, claims : DataFrame
        One row per event, person, stay in Mexico, stage, date expression and checked statement.

    """

    article: Article
    notes: Annotations
    events: pd.DataFrame
    people: pd.DataFrame
    stays: pd.DataFrame
    stages: pd.DataFrame
    dates: pd.DataFrame
    claims: pd.DataFrame

EVENT_COLUMNS = [
    "seed",
    "event_id",
    "label",
    "edtf",
    "earliest",
    "latest",
    "year",
    "actors",
    "place",
    "stage",
    "key",
    "note",
    "section",
    "line",
    "start",
    "end",
    "quote",
]


def events_table(article: Article, notes: Annotations) -> pd.DataFrame:
    """One row per curated event, sorted by earliest date then id.

    ``year`` is the year the event is placed in on a timeline (that of ``latest`` for an interval
    open at its start, else of ``earliest``); ``actors`` is a ``;``-joined list of person ids.
    """
    people = set(notes.by_id("people"))
    rows = []
    for e in notes["events"]:
        if e.anchor is None or "date" not in e.fields:
            raise AnnotationError(
                f"{notes.path}:{e.line}: event {e.item_id!r} needs 'exact' (a quote) and 'date' (EDTF)"
            )
        unknown = [a for a in e.get("actors", []) if a not in people]
        if unknown:
            raise AnnotationError(
                f"{notes.path}:{e.line}: event {e.item_id!r} names unknown actor {unknown[0]!r}; "
                "add the person under people"
            )
        stage = e.get("stage")
        if stage not in (None, 1, 2, 3):
            raise AnnotationError(
                f"{notes.path}:{e.line}: event {e.item_id!r}: stage must be 1, 2, 3 or null; not {stage!r}"
            )
        earliest, latest = bounds(e["date"])
        rows.append(
            {
                "seed": article.seed_id,
                "event_id": e.item_id,
                "label": required_field(notes, e, "label"),
                "edtf": e["date"],
                "earliest": iso_day(earliest),
                "latest": iso_day(latest),
                "year": (earliest or latest).year,  # type: ignore[union-attr]
                "actors": ";".join(e.get("actors", [])),
                "place": e.get("place", ""),
                "stage": stage,
                "key": bool(e.get("key", False)),
                "note": e.get("note", ""),
                **provenance_of(article, e.anchor),
            }
        )
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS).astype({"key": bool})
    frame["_sort"] = frame["earliest"].where(frame["earliest"] != "", frame["latest"])
    frame = frame.sort_values(["_sort", "latest", "event_id"], ignore_index=True).drop(columns="_sort")
    frame["stage"] = frame["stage"].astype("Int64")
    frame["section"] = frame["section"].astype("Int64")
    return frame


PEOPLE_COLUMNS = [
    "seed",
    "person_id",
    "name",
    "aliases",
    "born",
    "died",
    "born_quote",
    "died_quote",
    "envoy",
    "section",
    "line",
    "start",
    "end",
    "quote",
]


def people_table(article: Article, notes: Annotations) -> pd.DataFrame:
    """One row per person: name, aliases (``;``-joined quotes), born and died years read from quotes."""
    rows = []
    for p in notes["people"]:
        if p.anchor is None:
            raise AnnotationError(f"{notes.path}:{p.line}: person {p.item_id!r} needs 'exact' (a quote)")
        rows.append(
            {
                "seed": article.seed_id,
                "person_id": p.item_id,
                "name": required_field(notes, p, "name"),
                "aliases": ";".join(a.exact for a in p.get("aliases", [])),
                "born": _year_of(p.get("born"), notes, "born"),
                "died": _year_of(p.get("died"), notes, "died"),
                "born_quote": p["born"].exact if p.get("born") else "",
                "died_quote": p["died"].exact if p.get("died") else "",
                "envoy": bool(p.get("envoy", False)),
                **provenance_of(article, p.anchor),
            }
        )
    frame = pd.DataFrame(rows, columns=PEOPLE_COLUMNS)
    for col in ("born", "died", "section"):
        frame[col] = frame[col].astype("Int64")
    return frame.sort_values(["person_id"], ignore_index=True)


STAY_COLUMNS = [
    "seed",
    "stay_id",
    "person_id",
    "name",
    "members",
    "label",
    "edtf",
    "arrival",
    "departure",
    "arrival_edtf",
    "departure_edtf",
    "arrival_earliest",
    "arrival_latest",
    "departure_earliest",
    "departure_latest",
    "months_min",
    "months_max",
    "age_at_arrival_min",
    "age_at_arrival_max",
    "note",
    "section",
    "line",
    "start",
    "end",
    "quote",
]


def _stay_edtf(arrival: str, departure: str) -> str:
    # An EDTF interval's ends must be single dates: a set such as "[1919-09..1919-11]" becomes
    # its first month marked uncertain ("1919-09?").
    def end(value: str, first: bool) -> str:
        if value.startswith("[") or "/" in value:
            lo, hi = bounds(value)
            d = lo if first else hi
            return f"{d.year:04d}-{d.month:02d}?"  # type: ignore[union-attr]
        return value

    return f"{end(arrival, True)}/{end(departure, False)}"


def stays_table(
    article: Article, notes: Annotations, events: pd.DataFrame, people: pd.DataFrame
) -> pd.DataFrame:
    """One row per stay in Mexico: EDTF interval, length in months (least, most), age at arrival.

    The least length runs from the latest possible arrival to the earliest possible departure,
    the most from the earliest arrival to the latest departure (calendar months); ages are
    completed years at arrival, from a birth year only (so two values are possible).
    ``label`` names the stay on a timeline: the person's name, or for a stay of several
    ``members`` their surnames (the last word of each name), in the order annotations.yaml lists them.
    """
    by_event = events.set_index("event_id")
    by_person = people.set_index("person_id")
    rows = []
    for s in notes["stays"]:
        if s.anchor is None:
            raise AnnotationError(f"{notes.path}:{s.line}: stay {s.item_id!r} needs 'exact' (a quote)")
        for ref in ("arrival", "departure"):
            if s.get(ref) not in by_event.index:
                raise AnnotationError(
                    f"{notes.path}:{s.line}: stay {s.item_id!r}: unknown {ref} event {s.get(ref)!r}; "
                    "use the id of an item under events"
                )
        members = list(s.get("members") or [required_field(notes, s, "person")])
        for who in [s["person"] if s.get("person") else None, *members]:
            if who is not None and who not in by_person.index:
                raise AnnotationError(
                    f"{notes.path}:{s.line}: stay {s.item_id!r} names unknown person {who!r}; "
                    "add the person under people or use an existing person id"
                )
        arr, dep = by_event.loc[s["arrival"]], by_event.loc[s["departure"]]
        a_lo, a_hi = bounds(arr["edtf"])
        d_lo, d_hi = bounds(dep["edtf"])
        person = by_person.loc[required_field(notes, s, "person")]
        names = [str(by_person.loc[m, "name"]) for m in members]
        label = names[0] if len(names) == 1 else ", ".join(n.split()[-1] for n in names)
        born = person["born"]
        age_min = age_max = pd.NA
        if not pd.isna(born):
            age_min = completed_years(date(int(born), 12, 31), a_lo)  # type: ignore[arg-type]
            age_max = completed_years(date(int(born), 1, 1), a_hi)  # type: ignore[arg-type]
        rows.append(
            {
                "seed": article.seed_id,
                "stay_id": s.item_id,
                "person_id": s["person"],
                "name": person["name"],
                "members": ";".join(members),
                "label": label,
                "edtf": _stay_edtf(arr["edtf"], dep["edtf"]),
                "arrival": s["arrival"],
                "departure": s["departure"],
                "arrival_edtf": arr["edtf"],
                "departure_edtf": dep["edtf"],
                "arrival_earliest": iso_day(a_lo),
                "arrival_latest": iso_day(a_hi),
                "departure_earliest": iso_day(d_lo),
                "departure_latest": iso_day(d_hi),
                "months_min": month_index(d_lo) - month_index(a_hi),  # type: ignore[arg-type]
                "months_max": month_index(d_hi) - month_index(a_lo),  # type: ignore[arg-type]
                "age_at_arrival_min": age_min,
                "age_at_arrival_max": age_max,
                "note": s.get("note", ""),
                **provenance_of(article, s.anchor),
            }
        )
    frame = pd.DataFrame(rows, columns=STAY_COLUMNS)
    for col in ("age_at_arrival_min", "age_at_arrival_max", "section"):
        frame[col] = frame[col].astype("Int64")
    return frame.sort_values(["arrival_earliest", "stay_id"], ignore_index=True)
