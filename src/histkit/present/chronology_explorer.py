"""The chronology explorer: a year range, person and stage filters, the events table and the timeline."""

from __future__ import annotations

from histkit.analyse.chronology import Chronology, filter_events
from histkit.present.timeline import timeline_figure


def make_explorer(chron: Chronology, years: tuple[int, int] = (1917, 1930), stage_mode: str = "sections"):
    """Build an ipywidgets explorer: a year-range slider, person and stage selectors, table and timeline.

    Returns a ``VBox`` whose plain-text form is a fixed sentence (so a saved notebook stays the
    same under nbval); changing a control filters the events table and redraws the timeline.
    """
    import ipywidgets as widgets

    from histkit.present.style import render

    class _Explorer(widgets.VBox):
        def __repr__(self) -> str:
            return "Chronology explorer: run the notebook in JupyterLab to filter the events and redraw the timeline."

    known = chron.events["year"].dropna()
    # An uncurated seed has no events: the slider then spans the years asked for.
    first = int(known.min()) if len(known) else min(years)
    last = int(known.max()) if len(known) else max(years)
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
