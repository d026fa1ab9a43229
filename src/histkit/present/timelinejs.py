"""The chronology as a TimelineJS 3 JSON document (events, and eras for the stages).

Nothing the chronology knows is lost on the way: every slide whose date is uncertain, approximate, a
season or a span carries a ``display_date`` in words ("Sept.-Nov. 1919", "autumn 1926", "c. July
1920", "by March 1927"), which TimelineJS shows instead of the date it sorts by. The sort date is the
start of the span at the span's own precision (Borodin's arrival, "[1919-09..1919-11]", sorts in
September 1919, no longer on 1 January), and a span keeps its end as ``end_date``. The eras are the
stage spans of the timeline figure (:func:`histkit.analyse.chronology.stages_table`), to the day.

What TimelineJS shows is for readers: a slide's text is the article's words and its line, never an
EDTF code. TimelineJS stacks its rows (``group``) in the order their first slide comes in time, so
a stage's row holds its events from the stage's start on, and what comes before (a stage's
background: "Kollontai enters the diplomatic service", 1922) stands in the context row, saying
which stage it prepares: the rows then read context, stage 1, stage 2, stage 3. Eras are labelled
"Stage N" only, short enough to stay inside their band; the row labels name the stages in full.

:func:`edtf_in_words` writes a date with :func:`histkit.present.display.date_in_words`, the one
reader of EDTF in words that the notebooks use too.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from histkit.analyse.chronology import Chronology, stages_table
from histkit.core.errors import DateError
from histkit.core.files import WrittenFiles, atomic_write
from histkit.core.paths import from_root
from histkit.present.display import date_in_words

_POINT = re.compile(r"^(?P<year>\d{3}[\dX])(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?)?(?P<q>[~?%]?)$")


def edtf_in_words(edtf: str) -> str:
    """An EDTF value as a historian writes it.

    Parameters
    ----------
    edtf : str
        ``1926-23``, ``1920-07~``, ``[1919-09..1919-11]``, ``1919-08/1919-09``, ``../1927-03``, ...

    Returns
    -------
    str
        "autumn 1926", "c. July 1920", "Sept.-Nov. 1919", "Aug.-Sept. 1919", "by March 1927"; a form
        this reader does not know is returned as it is (its EDTF code).
    """
    try:
        return date_in_words(edtf.strip())
    except DateError:
        return edtf


def _plain(edtf: str) -> bool:
    """True when a date says exactly one year, month or day, with no qualifier: no words needed."""
    m = _POINT.match(edtf)
    return bool(m) and not m["q"] and not m["year"].endswith("X") and (not m["month"] or int(m["month"]) <= 12)


def _ends(edtf: str) -> tuple[str, str]:
    """The EDTF points at the start and the end of a value ("" for an open end)."""
    value = edtf.strip().strip("[]{}")
    for sep in ("/", ".."):
        if sep in value:
            low, high = value.split(sep, 1)
            return ("" if low == ".." else low), ("" if high == ".." else high)
    return value, value


def _parts(iso: str, point: str) -> dict[str, int]:
    """A TimelineJS date at the precision of the EDTF point: a year has no month, a season its months."""
    d = date.fromisoformat(iso)
    out = {"year": d.year}
    m = _POINT.match(point)
    if m and m["month"]:
        out["month"] = d.month
        if m["day"] and int(m["month"]) <= 12:
            out["day"] = d.day
    return out


def _day(iso: str) -> dict[str, int]:
    d = date.fromisoformat(iso)
    return {"year": d.year, "month": d.month, "day": d.day}


def timelinejs(chron: Chronology, stage_mode: str = "presence") -> dict[str, Any]:
    """Return the events as a TimelineJS 3 JSON document (``events``, and ``eras`` for the three stages).

    A date's parts follow its precision: a year-only date has no month, a month no day. A date that is
    a span, a season or uncertain has its words in ``display_date``; the span's end is ``end_date``.
    """
    stages = stages_table(chron, stage_mode)
    starts = {int(s["stage"]): s["earliest"] for _, s in stages.iterrows()}
    rows = {int(s["stage"]): f"Stage {int(s['stage'])}: {s['label']}" for _, s in stages.iterrows()}
    items = []
    for _, r in chron.events.iterrows():
        low, high = _ends(r["edtf"])
        start_iso, start_point = (r["earliest"], low) if r["earliest"] else (r["latest"], high)
        text = f"“{r['quote']}” (article line {r['line']})"
        group = "Context"
        if not pd.isna(r["stage"]):
            stage = int(r["stage"])
            if stage in starts and start_iso < starts[stage]:
                text += f". Before stage {stage}."
            else:
                group = rows.get(stage, f"Stage {stage}")
        item: dict[str, Any] = {
            "unique_id": r["event_id"],
            "start_date": _parts(start_iso, start_point),
            "text": {"headline": r["label"], "text": text},
            "group": group,
        }
        if r["earliest"] and r["latest"] and r["latest"] != r["earliest"] and low != high:
            item["end_date"] = _parts(r["latest"], high)
        if not _plain(r["edtf"]):
            item["display_date"] = edtf_in_words(r["edtf"])
        items.append(item)
    eras = [
        {
            # to the day, so that one era ends before the next begins
            "start_date": _day(s["earliest"]),
            "end_date": _day(s["latest"]),
            "text": {"headline": f"Stage {int(s['stage'])}"},
        }
        for _, s in stages.iterrows()
    ]
    title = chron.article.front.get("title")
    return {
        "title": {"text": {"headline": title.text if title else chron.article.seed_id, "text": "Chronology"}},
        "events": items,
        "eras": eras,
    }


def export_timelinejs(chron: Chronology, folder: str | Path, stage_mode: str = "presence") -> WrittenFiles:
    """Write ``<folder>/timeline.json`` (TimelineJS) atomically; a relative folder is taken from the root."""
    text = json.dumps(timelinejs(chron, stage_mode), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return WrittenFiles([atomic_write(from_root(folder) / "timeline.json", text)])
