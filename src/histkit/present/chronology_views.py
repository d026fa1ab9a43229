"""The chronology as a reader sees it: events, people and stays in words, contested statements marked.

The chronology's tables (and their CSV files) keep EDTF codes, ids and the curated labels. What a
notebook shows is written for a historian: dates in words, people by name, stays with the ages
from arrival to departure, and an event whose figure the workbook contests (a claim with verdict
``inconsistent``) shown as the article's statement beside the recomputed value, never as a fact.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pandas as pd

from histkit.analyse.chronology import Chronology
from histkit.analyse.chronology_checks import count_range
from histkit.analyse.chronology_tables import completed_years
from histkit.present.claims_words import no_later_than, said_once
from histkit.present.display import DATE_LEGEND, ReaderTable, codes_in_words, figure, reader_table

LINE = {"line": "Line in article.txt"}


def _names(chron: Chronology) -> dict[str, str]:
    return dict(zip(chron.people["person_id"], chron.people["name"], strict=True))


def contested_label(label: str, line: int, claims: pd.DataFrame) -> str:
    """``label``, rewritten when it states a figure the workbook found inconsistent in the same passage.

    A claim counts when its verdict is ``inconsistent``, it sits on the event's line of
    ``article.txt`` and its stated figure appears in the label; the label then says that the figure
    is the article's, what the workbook computed, and where the verdict is.
    """
    found = claims[claims["status"].eq("inconsistent") & claims["line"].eq(line)]
    found = found[[str(stated) in label for stated in found["stated"]]]
    if found.empty:
        return label
    stated = str(found["stated"].iloc[0])
    # "122.31%" → "122%": the precision a reader needs to see the gap from the stated figure
    computed = " or ".join(
        dict.fromkeys(re.sub(r"\d+(?:\.\d+)?", lambda m: figure(float(m[0])), str(c)) for c in found["computed"])
    )
    return (
        f"{label.replace(stated, f'“{stated}”')} (the article's figure; recomputed {computed}: "
        f"inconsistent, line {line})"
    )


def with_contested(chron: Chronology, claims: pd.DataFrame) -> Chronology:
    """A copy of ``chron`` whose event labels mark the figures the workbook contests (for display only)."""
    if claims.empty or "line" not in claims:
        return chron
    events = chron.events.copy()
    events["label"] = [
        contested_label(label, line, claims) for label, line in zip(events["label"], events["line"], strict=True)
    ]
    return replace(chron, events=events)


def events_table(chron: Chronology, events: pd.DataFrame | None = None) -> ReaderTable:
    """The events as a reader reads them: date in words, what happened, who, where, stage, line."""
    events = chron.events if events is None else events
    names = _names(chron)
    frame = pd.DataFrame(
        {
            "date": events["edtf"],
            "event": events["label"],
            "people": [
                ", ".join(names.get(a, a) for a in actors.split(";") if a) for actors in events["actors"]
            ],
            "place": events["place"],
            "stage": ["context" if pd.isna(s) else f"stage {int(s)}" for s in events["stage"]],
            "line": events["line"],
        }
    )
    return reader_table(frame, dates=("date",), headings=LINE, caption=DATE_LEGEND)


def stays_table(chron: Chronology) -> ReaderTable:
    """The stays in Mexico: who, when (in words), how long, and how old from arrival to departure."""
    stays = chron.stays
    names = _names(chron)
    born = dict(zip(chron.people["person_id"], chron.people["born"], strict=True))
    rows = []
    for s in stays.itertuples(index=False):
        members = [m for m in s.members.split(";") if m]
        ages = []
        for m in members:
            if pd.notna(born.get(m)):
                # only the birth year is known: youngest with a birthday on 31 December, oldest on 1 January
                youngest = completed_years(date(int(born[m]), 12, 31), date.fromisoformat(s.arrival_earliest))
                oldest = completed_years(date(int(born[m]), 1, 1), date.fromisoformat(s.departure_latest))
                ages.append(f"{names.get(m, m)}: {count_range(youngest, oldest, '').strip()}")
        rows.append(
            {
                "who": ", ".join(names.get(m, m) for m in members),
                "in Mexico": s.edtf,
                "arrival": s.arrival_edtf,
                "departure": s.departure_edtf,
                "length": count_range(int(s.months_min), int(s.months_max), "months"),
                "ages during the stay": "; ".join(ages) or "not given",
                "line": s.line,
            }
        )
    return reader_table(pd.DataFrame(rows), dates=("in Mexico", "arrival", "departure"), headings=LINE)


def stages_view(stages: pd.DataFrame) -> ReaderTable:
    """The stages (from :func:`histkit.analyse.chronology.stages_table`) with their spans in words."""
    frame = pd.DataFrame(
        {
            "stage": stages["stage"],
            "label": stages["label"],
            "span": [f"{lo[:7]}/{hi[:7]}" for lo, hi in zip(stages["earliest"], stages["latest"], strict=True)],
            "bounded by": [
                "the envoys' stays in Mexico" if m == "presence" else "the section's events, within the label's years"
                for m in stages["mode"]
            ],
            "heading in the article": stages["quote"],
            "line": stages["line"],
        }
    )
    return reader_table(frame, dates=("span",), headings=LINE)


def date_forms_view(forms: pd.DataFrame) -> ReaderTable:
    """How the article's date phrases were read (from :func:`histkit.analyse.chronology.date_forms`)."""
    return reader_table(
        forms,
        ["line", "quote", "edtf", "form", "refers_to", "note"],
        dates=("edtf", "refers_to"),
        headings={**LINE, "quote": "The article's words", "edtf": "Read as", "refers_to": "Counted from"},
        caption=DATE_LEGEND,
        codes=("note",),
    )


def people_view(chron: Chronology) -> ReaderTable:
    """The people: names, other names, and birth and death years with the words that give them."""
    people = chron.people.copy()
    people["aliases"] = [str(a).replace(";", ", ") if pd.notna(a) else "" for a in people["aliases"]]
    return reader_table(
        people,
        ["name", "aliases", "born", "died", "born_quote", "died_quote", "line"],
        headings={**LINE, "aliases": "Also named", "born_quote": "Birth from", "died_quote": "Death from"},
    )


def claims_view(claims: pd.DataFrame) -> ReaderTable:
    """The article's relative statements and their verdicts, as a reader reads them."""
    claims = claims.copy()
    # no "<=" and no "'1926' (1926)": the words notebook 00's claims table uses
    for column in ("stated", "computed", "explanation"):
        claims[column] = [no_later_than(said_once(codes_in_words(v))) if isinstance(v, str) else v
                          for v in claims[column]]
    return reader_table(
        claims,
        ["quote", "stated", "computed", "status", "explanation"],
        headings={"quote": "The article's words", "status": "Verdict"},
        codes=("stated", "computed", "explanation"),
    )
