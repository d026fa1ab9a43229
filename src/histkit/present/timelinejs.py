"""The chronology as a TimelineJS 3 JSON document (events, and eras for the stages)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from histkit.analyse.chronology import Chronology, stages_table
from histkit.core.files import WrittenFiles, atomic_write
from histkit.core.paths import from_root


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
