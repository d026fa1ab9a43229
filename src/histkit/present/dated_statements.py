"""When an article speaks about: its dated statements, in words, on a figure and as a TimelineJS file.

A *dated statement* is a date expression of the article's own prose (front matter, paragraphs, block
quotations, notes), normalised to EDTF by :mod:`histkit.extract.dates`. Years inside citations and
in the reference list are left out: they date publications, not what the article speaks about.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from histkit.analyse.sentences import sentence_span
from histkit.core.files import WrittenFiles, atomic_write
from histkit.core.paths import from_root
from histkit.extract.date_words import DECADE_PARTS
from histkit.extract.dates import dates_table
from histkit.present.display import Prose, ReaderTable, date_in_words, markdown, reader_table
from histkit.present.section_names import heading_labels, place, section_places
from histkit.present.style import PALETTE, new_figure
from histkit.present.timelinejs import _ends, _parts, _plain
from histkit.text.ingest import Article

KINDS = ("front-matter", "paragraph", "blockquote", "footnote")


def dated_statements(article: Article) -> pd.DataFrame:
    """The article's date expressions outside citations and the reference list, in text order."""
    dates = dates_table(article)
    keep = dates["kind"].isin(KINDS) & ~dates["in_citation"].astype(bool)
    return dates[keep].reset_index(drop=True)


def _year(iso: object) -> int | None:
    return int(str(iso)[:4]) if isinstance(iso, str) and len(iso) >= 4 and str(iso)[:4].isdigit() else None


def year_span(dates: pd.DataFrame) -> tuple[int, int] | None:
    """The first and last year the dated statements reach (open ends left out), or None without dates."""
    years = [y for column in ("earliest", "latest") for y in map(_year, dates[column]) if y is not None]
    return (min(years), max(years)) if years else None


def statements_view(dates: pd.DataFrame, article: Article | None = None) -> ReaderTable:
    """Every dated statement: the date in words, the words the article uses, where, and how it was read.

    With the ``article``, a section is named as its heading prints it ("section 3.1", "Introdução").
    """
    places = section_places(article) if article is not None else {}
    shown = dates.assign(place=[place(s, places) for s in dates["section"]],
                         date=[_date_words(d) for d in dates.itertuples(index=False)])
    return reader_table(shown, ["date", "quote", "place", "line", "note"], dates=(),
                        headings={"date": "Date", "quote": "As the article writes it", "note": "How it was read"},
                        codes=["note"])


# The words of an open end, as the article's qualifier means it ("desde" is "since", "até" and "hasta" "until").
_OPEN_WORDS = {"since": "since", "desde": "since", "a partir de": "from", "by": "by", "until": "until",
               "till": "until", "até": "until", "hasta": "until"}


def _date_words(d: object) -> str:
    """A statement's date in words; a decade with an open end as the article says it ("since the 1980s").

    EDTF cannot open an interval on a decade, so "since the 1980s" is stored as ``1980/..`` and "until the
    1960s" as ``../1969``: in words they would read "from 1980" and "by 1969".
    """
    edtf, form, qualifier = str(getattr(d, "edtf", "") or ""), getattr(d, "form", ""), getattr(d, "qualifier", "")
    word = _OPEN_WORDS.get(qualifier.lower(), "") if isinstance(qualifier, str) else ""
    if form == "decade" and word:
        year = edtf.split("/")[0] if edtf.endswith("/..") else edtf.split("/")[-1]
        if year.isdigit():
            return f"{word} the {int(year) // 10 * 10}s"
    if form in ("part-of-decade", "part-of-decade-pt-es") and word:
        # "since the mid-2000s" is stored from 2003 on, "by mid-1920s" up to 1927 (DECADE_PARTS): said as written
        opens = edtf.endswith("/..")
        year = edtf.split("/")[0] if opens else edtf.split("/")[-1]
        if year.isdigit():
            side = 0 if opens else 1
            part = next((name for name, bounds in DECADE_PARTS.items() if bounds[side] == int(year) % 10), "")
            if part:
                joint = "-" if part == "mid" else " "  # "the mid-2000s", "the early 1990s"
                return f"{word} the {part}{joint}{int(year) // 10 * 10}s"
    words = date_in_words(edtf) if edtf.strip() else ""
    # "until 1980" reaches up to 1980; "by" (no later than) is another thing
    return f"until {words[3:]}" if word == "until" and words.startswith("by ") else words


def forms_summary(dates: pd.DataFrame) -> ReaderTable:
    """How many dated statements of each form (a year, a month, a full date, a span, a relative phrase)."""
    counts = dates.groupby("form", as_index=False).size().rename(columns={"size": "statements"})
    counts = counts.sort_values(["statements", "form"], ascending=[False, True], ignore_index=True)
    counts["form"] = counts["form"].str.replace("-", " ")
    return reader_table(counts, headings={"form": "Form of the date"})


def when_figure(dates: pd.DataFrame, article: Article):  # -> matplotlib Figure, or None without dates
    """Which years each part of the article speaks about: one row per section, one mark per statement.

    A statement dated to a year or less is a dot on that year; a span is a line from its first to its
    last year. The axis runs from the earliest to the latest year the statements reach.
    """
    span = year_span(dates)
    if span is None:
        return None
    places = [(0, "front matter"), *heading_labels(article).items()]
    rows = {number: i for i, (number, _) in enumerate(places)}
    fig = new_figure(7.5, max(2.2, 1.0 + 0.3 * len(places)))
    ax = fig.add_subplot()
    points: dict[tuple[int, int], int] = {}
    for _, d in dates.iterrows():
        if pd.isna(d["section"]) or int(d["section"]) not in rows:
            continue
        y = len(places) - 1 - rows[int(d["section"])]
        low, high = _year(d["earliest"]), _year(d["latest"])
        if low is not None and high is not None and high > low:
            ax.plot([low, high + 1], [y, y], color=PALETTE[0], alpha=0.35, linewidth=3, solid_capstyle="butt")
        elif low is not None or high is not None:
            year = low if low is not None else high
            points[(year, y)] = points.get((year, y), 0) + 1
    if points:
        xs, ys, sizes = zip(*[(x + 0.5, y, 12 + 10 * n) for (x, y), n in sorted(points.items())], strict=True)
        ax.scatter(xs, ys, s=sizes, color=PALETTE[1], zorder=3, edgecolors="none")
    ax.set_yticks(range(len(places)), [label for _, label in reversed(places)], fontsize=8)
    first, last = span
    pad = max(1, (last - first) // 30)
    ax.set_xlim(first - pad, last + 1 + pad)
    ax.xaxis.get_major_locator().set_params(integer=True)  # years, never "2002.5"
    ax.set_xlabel("year")
    # Over the whole figure, not the axes: long section titles push the axes right, and a title
    # centred on them ran off the figure's edge.
    fig.suptitle(f"When the article speaks about: dated statements, {first}-{last}", fontsize="medium")
    ax.grid(axis="x", alpha=0.3)
    return fig



def statements_timelinejs(dates: pd.DataFrame, article: Article) -> dict[str, Any]:
    """The dated statements as a TimelineJS 3 document: each a slide with its date in words and its sentence."""
    events = []
    places = section_places(article)
    for _, d in dates.iterrows():
        if not (d["earliest"] or d["latest"]):
            continue
        low, high = _ends(d["edtf"])
        start_iso, start_point = (d["earliest"], low) if d["earliest"] else (d["latest"], high)
        a, b = sentence_span(article.text, *_piece(article, int(d["start"])), int(d["start"]), int(d["end"]))
        item: dict[str, Any] = {
            "unique_id": d["date_id"],
            "start_date": _parts(start_iso, start_point),
            "text": {"headline": date_in_words(d["edtf"]),
                     "text": f"“{' '.join(article.text[a:b].split())}” (article line {d['line']})"},
            "group": place(d["section"], places),
        }
        if d["earliest"] and d["latest"] and d["latest"] != d["earliest"] and low != high:
            item["end_date"] = _parts(d["latest"], high)
        if not _plain(d["edtf"]):
            item["display_date"] = date_in_words(d["edtf"])
        events.append(item)
    title = article.front.get("title")
    return {"title": {"text": {"headline": title.text if title else article.seed_id,
                               "text": "What the article dates"}},
            "events": events}


def _piece(article: Article, offset: int) -> tuple[int, int]:
    """The verbatim piece of text (a paragraph or note, between page breaks) that holds ``offset``."""
    for element in article.elements:
        for a, b in element.pieces:
            if a <= offset < b:
                return a, b
    return offset, offset


def export_statements_timelinejs(dates: pd.DataFrame, article: Article, folder: str | Path) -> WrittenFiles:
    """Write ``<folder>/timeline.json`` (TimelineJS) atomically; a relative folder is taken from the root."""
    text = json.dumps(statements_timelinejs(dates, article), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return WrittenFiles([atomic_write(from_root(folder) / "timeline.json", text)])


def span_summary(dates: pd.DataFrame) -> Prose:
    """One line: how many dated statements, the years they reach, and how many sections hold them."""
    span = year_span(dates)
    if span is None:
        return markdown("The article's prose dates nothing: it has no date expression outside its citations "
                        "and reference list.")
    sections = sorted({int(s) for s in dates["section"].dropna() if int(s) > 0})
    return markdown(f"**{len(dates)} dated statements**, reaching from {span[0]} to {span[1]}, in "
                    f"{len(sections)} of the article's sections (and {int((dates['section'] == 0).sum())} in its "
                    "front matter).")
