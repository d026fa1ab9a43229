"""The chronology explorer: a year range, person and stage filters, the events table and the timeline."""

from __future__ import annotations

from histkit.analyse.chronology import Chronology, filter_events
from histkit.present.chronology_views import events_table
from histkit.present.timeline import timeline_figure


def stays_of(chron: Chronology, person: str, stage: str = ""):  # -> DataFrame
    """The stays in Mexico that ``person`` (a person id) was part of, within ``stage``.

    ``""`` means everyone, or every stage; a stage ("1", "2", "3") has the stays its annotation lists
    under ``presence``; "none" (the context events) has none.
    """
    stays = chron.stays
    if person:
        stays = stays[stays["members"].str.split(";").apply(lambda members: person in members)]
    if stage == "none":
        stays = stays.iloc[0:0]
    elif stage:
        listed = [s.get("presence") or [] for s in chron.notes["stages"] if s.item_id == stage]
        stays = stays[stays["stay_id"].isin([p for presence in listed for p in presence])]
    return stays


def _stages(chron: Chronology) -> list[int]:
    return sorted({int(s) for s in chron.events["stage"].dropna()})


def make_explorer(chron: Chronology, years: tuple[int, int] | None = None, stage_mode: str = "presence"):
    """Build an ipywidgets explorer: a year-range slider, person and stage selectors, table and timeline.

    Returns a ``VBox`` whose plain-text form is a fixed sentence (so a saved notebook stays the
    same under nbval); changing a control filters the events table, the stays and the timeline.
    """
    import ipywidgets as widgets

    from histkit.present.style import render

    class _Explorer(widgets.VBox):
        def __repr__(self) -> str:
            return "Chronology explorer: run the notebook in JupyterLab to filter the events and redraw the timeline."

    if chron.events.empty:
        # No curated events (annotations.yaml): nothing to filter; say what curation would add.
        note = "<p>No curated events: events in annotations.yaml would fill this explorer.</p>"
        return _Explorer([widgets.HTML(note)])
    first = int(chron.events["year"].min())
    last = int(chron.events["year"].max())
    years = years or (first, last)
    # the slider's own readout is cut to four characters ("1917 – 193"): a label of its own instead
    slider = widgets.IntRangeSlider(
        value=years, min=first, max=last, step=1, description="Years", readout=False,
        layout=widgets.Layout(width="360px"),
    )  # fmt: skip
    shown = widgets.HTML(layout=widgets.Layout(width="auto", min_width="7em"))
    people = [("everyone", "")] + [
        (n, p) for p, n in zip(chron.people["person_id"], chron.people["name"], strict=True)
    ]
    person = widgets.Dropdown(options=people, value="", description="Person")
    stage = widgets.Dropdown(
        options=[("all", ""), *[(f"stage {n}", str(n)) for n in _stages(chron)], ("context", "none")],
        value="",
        description="Stage",
    )
    # An HTML table and an Image, not an Output widget: their values are plain data, so the
    # explorer renders the same in JupyterLab and under nbclient/nbval (no captured outputs).
    table = widgets.HTML()
    picture = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))

    def redraw(_change: object = None) -> None:
        lo, hi = slider.value
        shown.value = f"{lo}-{hi}"
        selected = filter_events(chron.events, slider.value, person.value, stage.value)
        count = f"{len(selected)} event{'' if len(selected) == 1 else 's'}"
        table.value = f"<p>{count}</p>" + events_table(chron, selected)._repr_html_()
        if hi > lo:
            stays = stays_of(chron, person.value, stage.value)
            picture.value = render(
                timeline_figure(chron, (lo, hi), stage_mode, events=selected, stays=stays), "png"
            )

    for w in (slider, person, stage):
        w.observe(redraw, names="value")
    redraw()
    return _Explorer([widgets.HBox([slider, shown, person, stage]), picture, table])
