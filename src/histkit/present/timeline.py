"""The chronology drawn: the timeline of stages, stays and key events, and the lifespans figure."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from histkit.analyse.chronology import Chronology, filter_events, stages_table
from histkit.analyse.chronology_checks import count_range
from histkit.analyse.chronology_tables import completed_years
from histkit.core.errors import ParameterError
from histkit.present.display import date_in_words
from histkit.present.style import PALETTE, new_figure


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


def stage_colour(stage: int) -> str:
    """The colour of stage ``stage`` (1, 2, ...): the palette in order, for as many stages as are curated."""
    return PALETTE[(int(stage) - 1) % len(PALETTE)]


def events_span(chron: Chronology) -> tuple[int, int]:
    """The first and last year of the chronology's events (the default span of its figures)."""
    years = chron.events["year"].dropna().astype(int)
    return (int(years.min()), int(years.max())) if len(years) else (0, 1)
NO_STAGE = "#666666"


def _stem_top(
    i: int, x: float, lanes: dict[int, int], extents: dict[int, tuple[float, float]], n_lanes: int
) -> float:
    """Where an event's stem stops: at the top of the event rows, or under the first label above it.

    A stem runs up from its event's lane; a label in a lane above that reaches across its year
    would have the stem drawn through its words, so the stem ends just below that label.
    """
    above = [lanes[j] for j, (lo, hi) in extents.items() if lanes[j] < lanes[i] and lo <= x <= hi]
    if not above:
        return float(n_lanes)
    return n_lanes - max(above) - 0.5 - 0.4  # the label's lane centre, less half a row


def span_days(event: pd.Series) -> int:
    """Days between an event's earliest and latest possible day (0 for a day-precise event)."""
    return (date.fromisoformat(event["latest"]) - date.fromisoformat(event["earliest"])).days


def timeline_figure(
    chron: Chronology,
    years: tuple[int, int] | None = None,
    stage_mode: str = "presence",
    events: pd.DataFrame | None = None,
    width: float = 10.0,
    stays: pd.DataFrame | None = None,
):  # -> matplotlib Figure
    """Draw the timeline: stages as bands, each stay as a bar with fuzzy ends, key events labelled.

    Labels never overlap: each one is measured and put in the first free lane (greedy), to the
    right of its event, or to the left near the right edge.

    Parameters
    ----------
    chron : Chronology
        The chronology.
    years : (int, int), optional
        First and last year shown; default the span of the chronology's events.
    stage_mode : str
        ``"sections"`` or ``"presence"`` (see :func:`stages_table`).
    events : DataFrame, optional
        Events to mark; default the key events (``key: true``) within ``years``.
    stays : DataFrame, optional
        Stays to draw (e.g. one person's); default all of ``chron.stays``.
    width : float
        Figure width in inches.

    """
    lo_year, hi_year = (int(y) for y in (years or events_span(chron)))
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
    # an event known only to the year or season is a span, drawn as one, not a point on its first day
    ends = [
        min(_x(r["latest"]) + 1 / 365, x1) if r["earliest"] and r["latest"] and span_days(r) > 31 else x
        for x, (_, r) in zip(xs, events.iterrows(), strict=True)
    ]

    fontsize = 7.5
    stays = chron.stays if stays is None else stays.reset_index(drop=True)
    stages = stages_table(chron, stage_mode)
    row_names = [f"Stage {int(st['stage'])}: {st['label']}" for _, st in stages.iterrows()]
    row_names += [str(s["label"]) for _, s in stays.iterrows()]
    # the left margin holds the longest row name, whole
    left_in = max([2.2] + [_text_width_in(n, fontsize) + 0.3 for n in row_names])
    right_in, row_in = 0.25, 0.26
    axes_w = width - left_in - right_in
    per_in = (x1 - x0) / axes_w  # years per inch
    labels = [f"{r['label']} ({date_in_words(r['edtf'])})" for _, r in events.iterrows()]
    order = sorted(range(len(xs)), key=lambda i: (xs[i], labels[i]))
    extents, sides = [], {}
    for i in order:
        w = (_text_width_in(labels[i], fontsize) + 0.12) * per_in
        right = xs[i] + w <= x1
        sides[i] = right
        extents.append((xs[i] - 0.03, max(xs[i] + w, ends[i])) if right else (xs[i] - w, max(xs[i], ends[i]) + 0.03))
    # greedy lanes need extents sorted by their start
    by_start = sorted(range(len(order)), key=lambda k: (extents[k][0], k))
    lane_of = _lanes([extents[k] for k in by_start])
    lanes = {order[k]: lane for k, lane in zip(by_start, lane_of, strict=True)}
    n_lanes = max(lanes.values(), default=-1) + 1
    extent_of = {order[k]: extents[k] for k in range(len(order))}

    n_rows = len(stages) + len(stays) + n_lanes
    top_in, bottom_in = 0.35, 0.7
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
        colour = stage_colour(st["stage"])
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
        months = count_range(int(s["months_min"]), int(s["months_max"]), "months")
        if a_lo < x1 and d_hi + 0.06 < x1:  # only beside a bar that is in view, never over a row name
            ax.text(d_hi + 0.06, y, f"in Mexico {months}", va="center", ha="left", fontsize=fontsize - 0.5,
                    clip_on=True)
        ticks.append(y)
        ticklabels.append(str(s["label"]))
    for i, r in events.iterrows():
        x = xs[i]
        y = n_lanes - lanes[i] - 0.5
        colour = NO_STAGE if pd.isna(r["stage"]) else stage_colour(r["stage"])
        if ends[i] > x:  # a span: a bracket under its label from its first to its last possible day
            ax.plot([x, ends[i]], [y - 0.33, y - 0.33], color=colour, lw=2.2, alpha=0.8, solid_capstyle="butt")
            ax.plot([x, x], [y - 0.33, y - 0.15], color=colour, lw=1)
            ax.plot([ends[i], ends[i]], [y - 0.33, y - 0.15], color=colour, lw=1)
        else:
            ax.plot([x, x], [y, _stem_top(i, x, lanes, extent_of, n_lanes)], color=colour, lw=0.5, alpha=0.6)
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
    step = 1 if hi_year - lo_year <= 16 else 2 if hi_year - lo_year <= 30 else 5  # labels that never touch
    ax.set_xticks(range(lo_year, hi_year + 2, step))
    ax.tick_params(axis="x", labelsize=fontsize)
    ax.set_xlabel(
        "Stays in Mexico: solid where certain, hatched where the arrival or departure may fall.\n"
        "Events: blue, orange, green = stages 1-3; grey = context; a bracket = known only to the year or season.",
        fontsize=fontsize,
    )
    ax.grid(axis="x", color="#dddddd", lw=0.5)
    ax.set_axisbelow(True)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    mode = "the article's sections" if stage_mode == "sections" else "the envoys' presence in Mexico"
    ax.set_title(f"The three stages, {lo_year}-{hi_year} (stage bands follow {mode})", fontsize=9, loc="left")
    return fig


def stay_ages(stay: pd.Series, born: int) -> str:
    """"in Mexico 1924-1926, aged 41-44": the years of a stay and the ages from arrival to departure.

    Only the birth year is known, so the youngest age counts from a birthday on 31 December at the
    earliest arrival, and the oldest from 1 January at the latest departure.
    """
    first = date.fromisoformat(stay["arrival_earliest"])
    last = date.fromisoformat(stay["departure_latest"])
    youngest = completed_years(date(born, 12, 31), first)
    oldest = completed_years(date(born, 1, 1), last)
    years = f"{first.year}" if first.year == last.year else f"{first.year}-{last.year}"
    return f"in Mexico {years}, aged {count_range(youngest, oldest, '').strip()}"


def lifespans_figure(chron: Chronology, width: float = 8.0):  # -> matplotlib Figure
    """Draw the lifespans of the people with known birth and death years, with their stays in Mexico."""
    people = chron.people.dropna(subset=["born", "died"]).sort_values(
        ["born", "person_id"], ignore_index=True
    )
    fig = new_figure(width, 0.6 + 0.45 * max(len(people), 2))
    ax = fig.add_subplot()
    if people.empty:
        # An article without curated people (annotations.yaml) has no lives to draw: say so.
        ax.set_axis_off()
        ax.text(0, 0.5, "No person with known birth and death years: curated people would add their lives here.",
                fontsize=9, va="center")
        return fig
    stays = chron.stays
    names = []
    for k, p in people.iterrows():
        y = len(people) - k - 1
        born, died = int(p["born"]), int(p["died"])
        ax.barh(y, died - born + 1, left=born, height=0.5, color="#bbbbbb")
        names.append((y, f"{p['name']} ({born}-{died})"))
        mine = stays[stays["members"].str.split(";").apply(lambda m, pid=p["person_id"]: pid in m)]
        for _, s in mine.iterrows():
            lo, hi = _x(s["arrival_earliest"]), _x(s["departure_latest"]) + 1 / 365
            ax.barh(y, max(hi - lo, 0.4), left=lo, height=0.5, color=PALETTE[5])
            ax.text(hi + 0.6, y, stay_ages(s, born), va="center", ha="left", fontsize=7.5)
    # The names stand beside the axes, so the years start at the decade of the first birth rather
    # than decades before it, where the names used to be written.
    ax.set_yticks([y for y, _ in names], [name for _, name in names], fontsize=8)
    ax.tick_params(axis="y", length=0)
    lo = int(people["born"].min()) // 10 * 10
    ax.set_xlim(lo, int(people["died"].max()) + 12)
    ax.spines["left"].set_visible(False)
    ax.set_xticks(range(lo, int(people["died"].max()) + 12, 10))
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", color="#dddddd", lw=0.5)
    ax.set_axisbelow(True)
    ax.set_title(
        "Lives of the dated people (grey), with their stays in Mexico (orange)", fontsize=9, loc="left"
    )
    return fig
