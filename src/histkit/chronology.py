"""The three-stage chronology: events, people, stays, checks, a timeline, an explorer, TimelineJS.

The article is built on three stages (sections 2-4): Borodin's mission of 1919 and the envoys of
1921, Pestkovsky's embassy of 1924-1926, Kollontai's of 1926-1927. The curated facts live in
``seeds/<seed>/annotations.yaml`` (kinds ``stages``, ``people``, ``events``, ``stays``,
``relative``, ``checks``), anchored by quotes; this module turns them into tables with
provenance, computes what follows from them (lengths of stays, ages, the checks of the article's
relative statements) and draws them.

Every date is EDTF; ``earliest`` and ``latest`` are the first and last day it can mean, and every
computed length or age is a range (from the least to the most the dates allow), never a point
pretending to a precision the article does not have.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from histkit.annotations import Anchor, Annotation, Annotations, load_annotations
from histkit.claims import Claim, claims_table
from histkit.dates import bounds, dates_table, find_in, resolve_relative
from histkit.errors import AnnotationError, ParameterError
from histkit.figures import PALETTE, new_figure
from histkit.ingest import Article
from histkit.io import WrittenFiles, atomic_write
from histkit.paths import from_root
from histkit.quantities import ONES, TENS, words_to_number

STAGE_MODES = ("sections", "presence")
KIND = "chronology"
# The kinds of annotations.yaml the chronology reads.
KINDS = ["stages", "people", "events", "stays", "relative", "checks"]


# --- helpers ---------------------------------------------------------------------------------


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def _completed_years(born: date, at: date) -> int:
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


def _field(notes: Annotations, item: Annotation, key: str) -> Any:
    """Return a required field of an item, or fail naming the file, the line and the key."""
    if item.get(key) in (None, ""):
        raise AnnotationError(
            f"{notes.path}:{item.line}: {item.kind} item {item.item_id!r} has no '{key}'; add it"
        )
    return item[key]


# A stated count: digits, an article ("a year") or number words ("five", "thirty-five"); the
# words are read by histkit.quantities.words_to_number, the one reader of number words.
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


def _provenance(article: Article, a: Anchor) -> dict[str, Any]:
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


# --- the chronology --------------------------------------------------------------------------


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


def build_chronology(article: Article, annotations: str | Path | None = None) -> Chronology:
    """Load the curated annotations and compute every table of the chronology.

    Parameters
    ----------
    article : Article
        The ingested article.
    annotations : str or Path, optional
        The annotations file; default the seed's ``annotations.yaml``. A seed without one (a new
        article nobody has curated yet) gets a chronology with no events, people or stays, but
        with its date expressions: an uncurated text is not an error.

    Raises
    ------
    AnnotationError
        Naming the annotations file and line, if a curated item is malformed.

    """
    if annotations is None and not article.seed_file("annotations.yaml").is_file():
        notes = Annotations(article.seed_file("annotations.yaml"), {k: [] for k in KINDS}, article.text)
    else:
        notes = load_annotations(article, annotations, kinds=KINDS)
    events = events_table(article, notes)
    people = people_table(article, notes)
    stays = stays_table(article, notes, events, people)
    refs = {}
    for item in notes["relative"]:
        target = _field(notes, item, "refers_to")
        value = [f for f in find_in(target.exact)] if isinstance(target, Anchor) else []
        if item.anchor is None or not value:
            raise AnnotationError(
                f"{notes.path}:{item.line}: relative item {item.item_id!r} needs 'exact' (the relative "
                "phrase) and 'refers_to: {exact: ...}' quoting a dated phrase"
            )
        refs[(item.anchor.start, item.anchor.end)] = (value[0].value.edtf, target.exact)
    dates = dates_table(article, refs)
    chron = Chronology(article, notes, events, people, stays, pd.DataFrame(), dates, pd.DataFrame())
    chron.stages = stages_table(chron, "sections")
    chron.claims = claims_table(check_claims(chron))
    return chron


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
                "label": _field(notes, e, "label"),
                "edtf": e["date"],
                "earliest": _iso(earliest),
                "latest": _iso(latest),
                "year": (earliest or latest).year,  # type: ignore[union-attr]
                "actors": ";".join(e.get("actors", [])),
                "place": e.get("place", ""),
                "stage": stage,
                "key": bool(e.get("key", False)),
                "note": e.get("note", ""),
                **_provenance(article, e.anchor),
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
                "name": _field(notes, p, "name"),
                "aliases": ";".join(a.exact for a in p.get("aliases", [])),
                "born": _year_of(p.get("born"), notes, "born"),
                "died": _year_of(p.get("died"), notes, "died"),
                "born_quote": p["born"].exact if p.get("born") else "",
                "died_quote": p["died"].exact if p.get("died") else "",
                "envoy": bool(p.get("envoy", False)),
                **_provenance(article, p.anchor),
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
        members = list(s.get("members") or [_field(notes, s, "person")])
        for who in [s["person"] if s.get("person") else None, *members]:
            if who is not None and who not in by_person.index:
                raise AnnotationError(
                    f"{notes.path}:{s.line}: stay {s.item_id!r} names unknown person {who!r}; "
                    "add the person under people or use an existing person id"
                )
        arr, dep = by_event.loc[s["arrival"]], by_event.loc[s["departure"]]
        a_lo, a_hi = bounds(arr["edtf"])
        d_lo, d_hi = bounds(dep["edtf"])
        person = by_person.loc[_field(notes, s, "person")]
        names = [str(by_person.loc[m, "name"]) for m in members]
        label = names[0] if len(names) == 1 else ", ".join(n.split()[-1] for n in names)
        born = person["born"]
        age_min = age_max = pd.NA
        if not pd.isna(born):
            age_min = _completed_years(date(int(born), 12, 31), a_lo)  # type: ignore[arg-type]
            age_max = _completed_years(date(int(born), 1, 1), a_hi)  # type: ignore[arg-type]
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
                "arrival_earliest": _iso(a_lo),
                "arrival_latest": _iso(a_hi),
                "departure_earliest": _iso(d_lo),
                "departure_latest": _iso(d_hi),
                "months_min": _month_index(d_lo) - _month_index(a_hi),  # type: ignore[arg-type]
                "months_max": _month_index(d_hi) - _month_index(a_lo),  # type: ignore[arg-type]
                "age_at_arrival_min": age_min,
                "age_at_arrival_max": age_max,
                "note": s.get("note", ""),
                **_provenance(article, s.anchor),
            }
        )
    frame = pd.DataFrame(rows, columns=STAY_COLUMNS)
    for col in ("age_at_arrival_min", "age_at_arrival_max", "section"):
        frame[col] = frame[col].astype("Int64")
    return frame.sort_values(["arrival_earliest", "stay_id"], ignore_index=True)


def stages_table(chron: Chronology, mode: str = "sections") -> pd.DataFrame:
    """Return the extent of each stage, by one of two boundary rules.

    Parameters
    ----------
    chron : Chronology
        The chronology.
    mode : str
        ``"sections"``: a stage spans the events the article narrates in its section (those
        annotated with that stage); ``"presence"``: it spans the envoys' stays in Mexico listed
        for it in annotations.yaml.

    """
    if mode not in STAGE_MODES:
        raise ParameterError(f"parameter 'stage_mode' must be one of {STAGE_MODES}; not {mode!r}")
    notes = chron.notes
    stays = chron.stays.set_index("stay_id")
    rows = []
    for st in notes["stages"]:
        where = f"{notes.path}:{st.line}: stage {st.item_id!r}"
        if st.anchor is None or st.item_id not in ("1", "2", "3"):
            raise AnnotationError(f"{where}: a stage needs id \"1\", \"2\" or \"3\" and 'exact' (its heading)")
        number = int(st.item_id)
        if mode == "sections":
            ev = chron.events[chron.events["stage"].eq(number).fillna(False)]
            earliest = [x for x in ev["earliest"] if x]
            latest = [x for x in ev["latest"] if x]
            if not earliest or not latest:
                raise AnnotationError(
                    f"{where} has no events with a closed date (no event has 'stage: {number}', or all "
                    f"are open-ended); mark its events with 'stage: {number}', or use stage_mode 'presence'"
                )
            lo, hi = min(earliest), max(latest)
        else:
            presence = list(_field(notes, st, "presence"))
            unknown = [p for p in presence if p not in stays.index]
            if unknown:
                raise AnnotationError(
                    f"{where}: 'presence' names unknown stay {unknown[0]!r}; use the id of an item under stays"
                )
            chosen = stays.loc[presence]
            lo, hi = chosen["arrival_earliest"].min(), chosen["departure_latest"].max()
        rows.append(
            {
                **_provenance(chron.article, st.anchor),
                "section": st.get("section"),  # the heading itself belongs to no paragraph
                "stage": number,
                "label": _field(notes, st, "label"),
                "mode": mode,
                "earliest": lo,
                "latest": hi,
            }
        )
    columns = ["seed", "section", "line", "start", "end", "quote", "stage", "label", "mode", "earliest", "latest"]
    return pd.DataFrame(rows, columns=columns)


# --- checks ----------------------------------------------------------------------------------


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


def _fmt(lo: int, hi: int, unit: str) -> str:
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
    b_lo, b_hi, b_what = _range(chron, f"{_field(chron.notes, c, 'person')}.born", c)
    at_lo, at_hi, at_what = _range(chron, _field(chron.notes, c, "at"), c)
    lo, hi = _completed_years(b_hi, at_lo), _completed_years(b_lo, at_hi)
    status = _verdict(n, lo, hi)
    return (
        f"{n} years",
        _fmt(lo, hi, "years"),
        status,
        f"{b_what} to {at_what}: {lo} to {hi} completed years, as the birth date within the year is unknown",
    )


def _check_span(chron: Chronology, c: Annotation) -> tuple[str, str, str, str]:
    n, unit = _stated(c.anchor.exact, _where(chron, c))  # type: ignore[union-attr]
    if c.get("unit") and c["unit"] != unit:
        raise AnnotationError(
            f"{_where(chron, c)}: the quote states {unit}, the check says {c['unit']}; make them agree"
        )
    f_lo, f_hi, f_what = _range(chron, _field(chron.notes, c, "from"), c)
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
        lo, hi = _month_index(t_lo) - _month_index(f_hi), _month_index(t_hi) - _month_index(f_lo)
    months = f" ({_month_index(t_lo) - _month_index(f_hi)}-{_month_index(t_hi) - _month_index(f_lo)} months)"
    return (
        f"{n} {unit}",
        _fmt(lo, hi, unit),
        _verdict(n, lo, hi),
        f"calendar {unit} from {f_what} to {t_what}: {_fmt(lo, hi, unit)}"
        + (months if unit == "years" else ""),
    )


def _check_relative(chron: Chronology, c: Annotation) -> tuple[str, str, str, str]:
    events = chron.events.set_index("event_id")
    origin = _field(chron.notes, c, "from")
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
        t_lo, t_hi, t_what = _range(chron, _field(chron.notes, c, "target"), c)
    inside = s_lo <= t_lo and t_hi <= s_hi  # type: ignore[operator]
    apart = t_hi < s_lo or s_hi < t_lo  # type: ignore[operator]
    status = "consistent" if inside else ("inconsistent" if apart else "unverifiable")
    return (
        s_what,
        f"{_iso(t_lo)}..{_iso(t_hi)}",
        status,
        f"{t_what} {'lies within' if inside else ('lies outside' if apart else 'overlaps')} {s_what}",
    )


def _check_order(chron: Chronology, c: Annotation) -> tuple[str, str, str, str]:
    b_lo, b_hi, b_what = _range(chron, _field(chron.notes, c, "before"), c)
    a_lo, a_hi, a_what = _range(chron, _field(chron.notes, c, "after"), c)
    if b_hi <= a_lo:
        status, how = "consistent", "ends before"
    elif b_lo > a_hi:
        status, how = "inconsistent", "begins after"
    else:
        status, how = "unverifiable", "overlaps"
    return (
        f"{c['before']} before {c['after']}",
        f"{_iso(b_hi)} <= {_iso(a_lo)}"
        if status == "consistent"
        else f"{_iso(b_lo)}..{_iso(b_hi)} vs {_iso(a_lo)}",
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


# --- filtering, figures, explorer, export ----------------------------------------------------


def filter_events(
    events: pd.DataFrame,
    years: tuple[int, int] | None = None,
    person: str = "",
    stage: str = "",
    key_only: bool = False,
) -> pd.DataFrame:
    """Events overlapping ``years`` (inclusive), with ``person`` among the actors, in ``stage``.

    ``stage`` is ``""`` (all), ``"1"``, ``"2"``, ``"3"`` or ``"none"`` (context events).
    """
    keep = pd.Series(True, index=events.index)
    if years is not None:
        lo_year = events["earliest"].str[:4].replace("", "0").astype(int)
        hi_year = events["latest"].str[:4].replace("", "9999").astype(int)
        keep &= (hi_year >= years[0]) & (lo_year <= years[1])
    if person:
        keep &= events["actors"].str.split(";").apply(lambda actors: person in actors)
    if stage == "none":
        keep &= events["stage"].isna()
    elif stage:
        keep &= events["stage"].eq(int(stage)).fillna(False)
    if key_only:
        keep &= events["key"]
    return events[keep].reset_index(drop=True)


def _x(d: date | str) -> float:
    """Position of a day on a timeline axis, in fractional years."""
    d = date.fromisoformat(d) if isinstance(d, str) else d
    return d.year + (d.timetuple().tm_yday - 1) / (366 if d.year % 4 == 0 else 365)


def _lanes(positions: Sequence[tuple[float, float]]) -> list[int]:
    """Assign each [start, end) label extent the first lane where it overlaps nothing (greedy)."""
    ends: list[float] = []
    lanes = []
    for lo, hi in positions:
        for i, end in enumerate(ends):
            if lo >= end:
                ends[i] = hi
                lanes.append(i)
                break
        else:
            ends.append(hi)
            lanes.append(len(ends) - 1)
    return lanes


def _text_width_in(text: str, size: float) -> float:
    """Width of ``text`` in inches, in the histkit font (its laid-out advance width).

    From the font's metrics, which is some thirty times faster than measuring glyph outlines and
    what the label layout needs: how far the text reaches.
    """
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    width, _, _ = text_to_path.get_text_width_height_descent(
        text, FontProperties(family="DejaVu Sans", size=size), ismath=False
    )
    return width / 72


STAGE_COLOURS = {1: PALETTE[0], 2: PALETTE[1], 3: PALETTE[2]}
NO_STAGE = "#666666"


def timeline_figure(
    chron: Chronology,
    years: tuple[int, int] = (1917, 1930),
    stage_mode: str = "sections",
    events: pd.DataFrame | None = None,
    width: float = 10.0,
):  # -> matplotlib Figure
    """Draw the timeline: stages as bands, each stay as a bar with fuzzy ends, key events labelled.

    Labels never overlap: each one is measured and put in the first free lane (greedy), to the
    right of its event, or to the left near the right edge.

    Parameters
    ----------
    chron : Chronology
        The chronology.
    years : (int, int)
        First and last year shown.
    stage_mode : str
        ``"sections"`` or ``"presence"`` (see :func:`stages_table`).
    events : DataFrame, optional
        Events to mark; default the key events (``key: true``) within ``years``.
    width : float
        Figure width in inches.

    """
    lo_year, hi_year = int(years[0]), int(years[1])
    if lo_year >= hi_year:
        raise ParameterError(
            f"parameter 'first_year' ({lo_year}) must be before 'last_year' ({hi_year}); "
            "e.g. -p first_year 1917 -p last_year 1930"
        )
    x0, x1 = float(lo_year), float(hi_year + 1)
    if events is None:
        events = filter_events(chron.events, (lo_year, hi_year), key_only=True)
    events = events.reset_index(drop=True)
    xs = [_x(r["earliest"] or r["latest"]) for _, r in events.iterrows()]
    keep = [i for i, x in enumerate(xs) if x0 <= x < x1]
    events = events.iloc[keep].reset_index(drop=True)
    xs = [xs[i] for i in keep]

    fontsize = 7.5
    left_in, right_in, row_in = 2.2, 0.25, 0.26
    axes_w = width - left_in - right_in
    per_in = (x1 - x0) / axes_w  # years per inch
    labels = [f"{r['label']} ({r['edtf']})" for _, r in events.iterrows()]
    order = sorted(range(len(xs)), key=lambda i: (xs[i], labels[i]))
    extents, sides = [], {}
    for i in order:
        w = (_text_width_in(labels[i], fontsize) + 0.12) * per_in
        right = xs[i] + w <= x1
        sides[i] = right
        extents.append((xs[i] - 0.03, xs[i] + w) if right else (xs[i] - w, xs[i] + 0.03))
    # greedy lanes need extents sorted by their start
    by_start = sorted(range(len(order)), key=lambda k: (extents[k][0], k))
    lane_of = _lanes([extents[k] for k in by_start])
    lanes = {order[k]: lane for k, lane in zip(by_start, lane_of, strict=True)}
    n_lanes = max(lanes.values(), default=-1) + 1

    stays = chron.stays
    stages = stages_table(chron, stage_mode)
    n_rows = len(stages) + len(stays) + n_lanes
    top_in, bottom_in = 0.35, 0.55
    height = top_in + bottom_in + row_in * (n_rows + 0.6)
    fig = new_figure(width, height)
    fig.set_layout_engine("none")
    ax = fig.add_axes(
        (left_in / width, bottom_in / height, axes_w / width, 1 - (top_in + bottom_in) / height)
    )
    top = n_rows
    ticks, ticklabels = [], []
    for k, st in stages.iterrows():
        y = top - k - 0.5
        s_lo, s_hi = max(_x(st["earliest"]), x0), min(_x(st["latest"]) + 1 / 365, x1)
        colour = STAGE_COLOURS[int(st["stage"])]
        ax.axvspan(s_lo, s_hi, color=colour, alpha=0.07, lw=0)
        ax.barh(y, s_hi - s_lo, left=s_lo, height=0.7, color=colour)
        ticks.append(y)
        ticklabels.append(f"Stage {int(st['stage'])}: {st['label']}")
    for k, s in stays.iterrows():
        y = top - len(stages) - k - 0.5
        a_lo, a_hi = _x(s["arrival_earliest"]), _x(s["arrival_latest"]) + 1 / 365
        d_lo, d_hi = _x(s["departure_earliest"]), _x(s["departure_latest"]) + 1 / 365
        # certain part solid; the windows in which arrival and departure fall are light and hatched
        ax.barh(y, max(d_lo - a_hi, 0), left=a_hi, height=0.55, color="#222222")
        ax.barh(y, a_hi - a_lo, left=a_lo, height=0.55, color="#222222", alpha=0.25, hatch="////", lw=0)
        ax.barh(y, d_hi - d_lo, left=d_lo, height=0.55, color="#222222", alpha=0.25, hatch="////", lw=0)
        months = _fmt(int(s["months_min"]), int(s["months_max"]), "months")
        ax.text(d_hi + 0.06, y, f"in Mexico {months}", va="center", ha="left", fontsize=fontsize - 0.5)
        ticks.append(y)
        ticklabels.append(str(s["label"]))
    line_top = top - len(stages) - len(stays)
    for i, r in events.iterrows():
        x = xs[i]
        y = n_lanes - lanes[i] - 0.5
        colour = NO_STAGE if pd.isna(r["stage"]) else STAGE_COLOURS[int(r["stage"])]
        ax.plot([x, x], [y, line_top], color=colour, lw=0.5, alpha=0.6)
        ax.plot([x], [y], marker="o", ms=3.5, color=colour)
        gap = 0.06 if sides[i] else -0.06
        ax.text(
            x + gap,
            y,
            labels[i],
            va="center",
            ha="left" if sides[i] else "right",
            fontsize=fontsize,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 0.6},
            zorder=3,
        )
    ax.set_yticks(ticks, ticklabels, fontsize=fontsize)
    ax.set_ylim(0, top + 0.1)
    ax.set_xlim(x0, x1)
    ax.set_xticks(range(lo_year, hi_year + 2))
    ax.tick_params(axis="x", labelsize=fontsize)
    ax.set_xlabel(
        "Stays in Mexico: solid where certain, hatched where the arrival or departure may fall.  "
        "Events: blue, orange, green = stages 1-3; grey = context",
        fontsize=fontsize,
    )
    ax.grid(axis="x", color="#dddddd", lw=0.5)
    ax.set_axisbelow(True)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    mode = "the article's sections" if stage_mode == "sections" else "the envoys' presence in Mexico"
    ax.set_title(f"The three stages, {lo_year}-{hi_year} (stage bands follow {mode})", fontsize=9, loc="left")
    return fig


def lifespans_figure(chron: Chronology, width: float = 8.0):  # -> matplotlib Figure
    """Draw the lifespans of the people with known birth and death years, with their stays in Mexico."""
    people = chron.people.dropna(subset=["born", "died"]).sort_values(
        ["born", "person_id"], ignore_index=True
    )
    fig = new_figure(width, 0.6 + 0.45 * len(people))
    ax = fig.add_subplot()
    stays = chron.stays
    for k, p in people.iterrows():
        y = len(people) - k - 1
        born, died = int(p["born"]), int(p["died"])
        ax.barh(y, died - born + 1, left=born, height=0.5, color="#bbbbbb")
        ax.text(born - 0.5, y, f"{p['name']} ({born}-{died})", va="center", ha="right", fontsize=8)
        mine = stays[stays["members"].str.split(";").apply(lambda m, pid=p["person_id"]: pid in m)]
        for _, s in mine.iterrows():
            lo, hi = _x(s["arrival_earliest"]), _x(s["departure_latest"]) + 1 / 365
            ax.barh(y, max(hi - lo, 0.4), left=lo, height=0.5, color=PALETTE[5])
            a_lo, a_hi = date.fromisoformat(s["arrival_earliest"]), date.fromisoformat(s["arrival_latest"])
            ages = _fmt(
                _completed_years(date(born, 12, 31), a_lo), _completed_years(date(born, 1, 1), a_hi), ""
            )
            ax.text(hi + 0.6, y, f"in Mexico aged {ages.strip()}", va="center", ha="left", fontsize=7.5)
    lo = int(people["born"].min()) - 40
    ax.set_xlim(lo, int(people["died"].max()) + 25)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xticks(range((lo // 10 + 1) * 10, int(people["died"].max()) + 20, 10))
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", color="#dddddd", lw=0.5)
    ax.set_axisbelow(True)
    ax.set_title(
        "Lives of the dated people (grey), with their stays in Mexico (orange)", fontsize=9, loc="left"
    )
    return fig


def timelinejs(chron: Chronology, stage_mode: str = "sections") -> dict[str, Any]:
    """Return the events as a TimelineJS 3 JSON document (``events`` and ``eras`` for the three stages).

    A date's parts follow its precision: a year-only date has no month, a month no day.
    """

    def parts(iso: str, edtf: str, end: bool) -> dict[str, int]:
        d = date.fromisoformat(iso)
        single = edtf.split("/")[-1 if end else 0].rstrip("~?%")
        out = {"year": d.year}
        if len(single) >= 7 and single[4] == "-" and single[5:7].isdigit() and int(single[5:7]) <= 12:
            out["month"] = d.month
            if len(single) >= 10:
                out["day"] = d.day
        return out

    items = []
    for _, r in chron.events.iterrows():
        start = r["earliest"] or r["latest"]
        item: dict[str, Any] = {
            "unique_id": r["event_id"],
            "start_date": parts(start, r["edtf"], False),
            "text": {
                "headline": r["label"],
                "text": f"“{r['quote']}” (article line {r['line']}; EDTF {r['edtf']})",
            },
            "group": "context" if pd.isna(r["stage"]) else f"stage {int(r['stage'])}",
        }
        if r["latest"] and r["latest"] != r["earliest"] and ("/" in r["edtf"] or r["edtf"].startswith("[")):
            item["end_date"] = parts(r["latest"], r["edtf"], True)
        items.append(item)
    eras = [
        {
            "start_date": {"year": int(s["earliest"][:4]), "month": int(s["earliest"][5:7])},
            "end_date": {"year": int(s["latest"][:4]), "month": int(s["latest"][5:7])},
            "text": {"headline": f"Stage {int(s['stage'])}: {s['label']}"},
        }
        for _, s in stages_table(chron, stage_mode).iterrows()
    ]
    title = chron.article.front.get("title")
    return {
        "title": {"text": {"headline": title.text if title else chron.article.seed_id, "text": "Chronology"}},
        "events": items,
        "eras": eras,
    }


def export_timelinejs(chron: Chronology, folder: str | Path, stage_mode: str = "sections") -> WrittenFiles:
    """Write ``<folder>/timeline.json`` (TimelineJS) atomically; a relative folder is taken from the root."""
    text = json.dumps(timelinejs(chron, stage_mode), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return WrittenFiles([atomic_write(from_root(folder) / "timeline.json", text)])


def make_explorer(chron: Chronology, years: tuple[int, int] = (1917, 1930), stage_mode: str = "sections"):
    """Build an ipywidgets explorer: a year-range slider, person and stage selectors, table and timeline.

    Returns a ``VBox`` whose plain-text form is a fixed sentence (so a saved notebook stays the
    same under nbval); changing a control filters the events table and redraws the timeline.
    """
    import ipywidgets as widgets

    from histkit.figures import render

    class _Explorer(widgets.VBox):
        def __repr__(self) -> str:
            return "Chronology explorer: run the notebook in JupyterLab to filter the events and redraw the timeline."

    first = int(chron.events["year"].min())
    last = int(chron.events["year"].max())
    slider = widgets.IntRangeSlider(value=years, min=first, max=last, step=1, description="Years")
    people = [("everyone", "")] + [
        (n, p) for p, n in zip(chron.people["person_id"], chron.people["name"], strict=True)
    ]
    person = widgets.Dropdown(options=people, value="", description="Person")
    stage = widgets.Dropdown(
        options=[("all", ""), ("stage 1", "1"), ("stage 2", "2"), ("stage 3", "3"), ("context", "none")],
        value="",
        description="Stage",
    )
    # An HTML table and an Image, not an Output widget: their values are plain data, so the
    # explorer renders the same in JupyterLab and under nbclient/nbval (no captured outputs).
    table = widgets.HTML()
    picture = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))

    def redraw(_change: object = None) -> None:
        selected = filter_events(chron.events, slider.value, person.value, stage.value)
        table.value = f"<p>{len(selected)} events</p>" + selected[EXPLORER_COLUMNS].astype(
            {"stage": object}
        ).fillna("").to_html(index=False)
        lo, hi = slider.value
        if hi > lo:
            picture.value = render(timeline_figure(chron, (lo, hi), stage_mode, events=selected), "png")

    for w in (slider, person, stage):
        w.observe(redraw, names="value")
    redraw()
    return _Explorer([widgets.HBox([slider, person, stage]), picture, table])


EXPLORER_COLUMNS = ["event_id", "edtf", "label", "actors", "place", "stage", "line"]


def check_options(first_year: int, last_year: int, stage_mode: str) -> tuple[tuple[int, int], str]:
    """Check the notebook's chronology parameters at the top, before any work is done.

    Raises
    ------
    ParameterError
        Naming the parameter, if the years are not in order or ``stage_mode`` is unknown.

    """
    if first_year >= last_year:
        raise ParameterError(
            f"parameter 'first_year' ({first_year}) must be before 'last_year' ({last_year}); "
            "e.g. -p first_year 1917 -p last_year 1930"
        )
    if stage_mode not in STAGE_MODES:
        raise ParameterError(f"parameter 'stage_mode' must be one of {STAGE_MODES}; not {stage_mode!r}")
    return (first_year, last_year), stage_mode


def chronology_tables(chron: Chronology) -> dict[str, pd.DataFrame]:
    """Return the tables to export: events, people, stays, dates, claims-chronology."""
    return {
        "events": chron.events,
        "people": chron.people,
        "stays": chron.stays,
        "dates": chron.dates,
        # Other analyses add claims of their own kinds: this file holds the chronology's only.
        "claims-chronology": chron.claims,
    }


def summary(chron: Chronology) -> str:
    """Return one sentence counting what the chronology holds (for a notebook's first output)."""
    years = chron.events["year"]
    span = f" ({int(years.min())}-{int(years.max())})" if len(years) else ""
    verdicts = chron.claims["status"].value_counts()
    counts = ", ".join(
        f"{int(verdicts.get(s, 0))} {s}" for s in ("consistent", "inconsistent", "unverifiable")
    )
    return (
        f"{len(chron.events)} events{span}, {len(chron.people)} people, "
        f"{len(chron.stays)} stays in Mexico, {len(chron.dates)} date expressions "
        f"({int(chron.dates['in_citation'].sum())} in citations or references); "
        f"{len(chron.claims)} checks: {counts}"
    )


def date_forms(chron: Chronology) -> pd.DataFrame:
    """Return the date expressions outside citations that are not plain years (the interesting forms)."""
    dates = chron.dates
    chosen = dates[~dates["in_citation"] & (dates["form"] != "year")]
    columns = ["line", "quote", "edtf", "earliest", "latest", "precision", "form", "refers_to", "note"]
    return chosen[columns].reset_index(drop=True)


def events_view(chron: Chronology) -> pd.DataFrame:
    """Return the events table with the columns a reader needs, stage shown as 1-3 or empty."""
    columns = ["event_id", "edtf", "earliest", "latest", "label", "actors", "place", "stage", "line"]
    return chron.events[columns]
