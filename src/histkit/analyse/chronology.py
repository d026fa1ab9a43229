"""The three-stage chronology: the curated events, people and stays, the stages, and the checks.

The article is built on three stages (sections 2-4): Borodin's mission of 1919 and the envoys of
1921, Pestkovsky's embassy of 1924-1926, Kollontai's of 1926-1927. The curated facts live in
``seeds/<seed>/annotations.yaml`` (kinds ``stages``, ``people``, ``events``, ``stays``,
``relative``, ``checks``), anchored by quotes; this module builds a :class:`Chronology` from them
(tables in :mod:`histkit.analyse.chronology_tables`, checks in
:mod:`histkit.analyse.chronology_checks`). Its figures, explorer and TimelineJS export live in
:mod:`histkit.present`.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from histkit.analyse.chronology_checks import check_claims
from histkit.analyse.chronology_tables import (
    KINDS,
    STAGE_MODES,
    Chronology,
    events_table,
    people_table,
    provenance_of,
    required_field,
    stays_table,
)
from histkit.analyse.claims import claims_table
from histkit.core.errors import AnnotationError, ParameterError
from histkit.extract.date_phrases import find_in
from histkit.extract.dates import dates_table
from histkit.text.anchor import Anchor, Annotations, load_annotations
from histkit.text.ingest import Article

__all__ = [
    "Chronology",
    "build_chronology",
    "check_options",
    "chronology_tables",
    "date_forms",
    "events_view",
    "filter_events",
    "label_years",
    "stages_table",
    "summary",
]


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
        target = required_field(notes, item, "refers_to")
        value = [f for f in find_in(target.exact)] if isinstance(target, Anchor) else []
        if item.anchor is None or not value:
            raise AnnotationError(
                f"{notes.path}:{item.line}: relative item {item.item_id!r} needs 'exact' (the relative "
                "phrase) and 'refers_to: {exact: ...}' quoting a dated phrase"
            )
        refs[(item.anchor.start, item.anchor.end)] = (value[0].value.edtf, target.exact)
    dates = dates_table(article, refs)
    chron = Chronology(article, notes, events, people, stays, pd.DataFrame(), dates, pd.DataFrame())
    chron.stages = stages_table(chron, "presence")
    chron.claims = claims_table(check_claims(chron))
    return chron

def label_years(label: str) -> tuple[int, int] | None:
    """The first and last year a stage's label names ("Pestkovsky 1924-1926" → (1924, 1926)), or None.

    A short second year counts in the first one's century ("1921-22" → 1922).
    """
    years: list[int] = []
    for m in re.finditer(r"\b(1[5-9]\d\d|20\d\d)(?:\s*[-–]\s*(\d{2})\b(?!\d))?", label):
        years.append(int(m[1]))
        if m[2]:
            years.append(int(m[1][:2] + m[2]))
    return (min(years), max(years)) if years else None


def _without_overlap(rows: list[dict[str, Any]]) -> None:
    # stages follow one another: where one reaches into the next, it ends the day before the next begins
    rows.sort(key=lambda r: r["stage"])
    for before, after in itertools.pairwise(rows):
        if before["latest"] >= after["earliest"]:
            before["latest"] = (date.fromisoformat(after["earliest"]) - timedelta(days=1)).isoformat()


def stages_table(chron: Chronology, mode: str = "presence") -> pd.DataFrame:
    """Return the extent of each stage, by one of two boundary rules; stages never overlap.

    Parameters
    ----------
    chron : Chronology
        The chronology.
    mode : str
        ``"presence"`` (default): a stage spans the envoys' stays in Mexico listed for it in
        annotations.yaml, which is what the stage labels name ("Pestkovsky 1924-1926").
        ``"sections"``: a stage spans the events the article narrates in its section (those
        annotated with that stage) within the years its label names (a section looks back and
        ahead: section 3 mentions 1923 and 1927).

    In both modes, where a stage would reach into the next one it ends the day before the next begins.
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
            named = label_years(str(required_field(notes, st, "label")))
            if named is not None:  # only what falls within the years the label names
                ev = ev[ev["earliest"].ge(f"{named[0]}-01-01") & ev["latest"].le(f"{named[1]}-12-31")]
            earliest = [x for x in ev["earliest"] if x]
            latest = [x for x in ev["latest"] if x]
            if not earliest or not latest:
                raise AnnotationError(
                    f"{where} has no events with a closed date within the years of its label (no event has "
                    f"'stage: {number}', or all are open-ended); mark its events with 'stage: {number}', "
                    "or use stage_mode 'presence'"
                )
            lo, hi = min(earliest), max(latest)
        else:
            presence = list(required_field(notes, st, "presence"))
            unknown = [p for p in presence if p not in stays.index]
            if unknown:
                raise AnnotationError(
                    f"{where}: 'presence' names unknown stay {unknown[0]!r}; use the id of an item under stays"
                )
            chosen = stays.loc[presence]
            lo, hi = chosen["arrival_earliest"].min(), chosen["departure_latest"].max()
        rows.append(
            {
                **provenance_of(chron.article, st.anchor),
                "section": st.get("section"),  # the heading itself belongs to no paragraph
                "stage": number,
                "label": required_field(notes, st, "label"),
                "mode": mode,
                "earliest": lo,
                "latest": hi,
            }
        )
    _without_overlap(rows)
    columns = ["seed", "section", "line", "start", "end", "quote", "stage", "label", "mode", "earliest", "latest"]
    return pd.DataFrame(rows, columns=columns)

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
