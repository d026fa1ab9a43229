"""The chronology drawn: the timeline, the lifespans figure and the explorer (TimelineJS: test_timelinejs)."""

from __future__ import annotations

from itertools import combinations

import pytest

from histkit.analyse import chronology as ch
from histkit.core.errors import ParameterError
from histkit.present import chronology_explorer as cx
from histkit.present import timeline as tl


def _label_boxes(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    return [t.get_window_extent(renderer) for t in ax.texts if t.get_text().endswith(")")]


@pytest.mark.parametrize("mode", ["sections", "presence"])
def test_timeline_labels_do_not_overlap(chron, mode):
    fig = tl.timeline_figure(chron, (1917, 1930), mode)
    boxes = _label_boxes(fig)
    key = ch.filter_events(chron.events, (1917, 1930), key_only=True)
    assert len(boxes) >= len(key)
    for a, b in combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    # the four stays are drawn, each with a certain part and two fuzzy ends
    assert len(fig.axes[0].patches) >= 3 + 4 * 3


def test_timeline_year_range_checked(chron):
    # the notebook's parameters are first_year and last_year; there is no 'year_range'
    with pytest.raises(ParameterError, match=r"'first_year' \(1930\) must be before 'last_year' \(1917\)"):
        tl.timeline_figure(chron, (1930, 1917))


def test_lifespans_figure(chron):
    fig = tl.lifespans_figure(chron)
    texts = [t.get_text() for t in fig.axes[0].texts]
    names = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "Alexandra Kollontai (1872-1952)" in names
    # Kollontai "born in 1872" stayed from December 1926 to June 1927: 53 at the youngest on
    # arrival, 55 at the oldest on leaving (only her birth year is known)
    assert "in Mexico 1926-1927, aged 53-55" in texts


def test_explorer_builds_and_filters(chron):
    widgets = pytest.importorskip("ipywidgets")
    box = cx.make_explorer(chron, (1917, 1930))
    assert isinstance(box, widgets.VBox)
    assert repr(box).startswith("Chronology explorer")  # fixed text: the saved notebook stays stable
    controls, picture, table = box.children
    slider, shown, person, stage = controls.children
    assert slider.value == (1917, 1930)
    assert shown.value == "1917-1930"  # the whole range, in a label of its own (the readout cut it)
    assert picture.value[:4] == b"\x89PNG"
    assert [o[0] for o in stage.options] == ["all", "stage 1", "stage 2", "stage 3", "context"]  # as curated
    assert "Pestkovsky arrives in Mexico" in table.value
    assert "pestkovsky-arrives" not in table.value  # no internal ids shown
    person.value = "kollontai"
    stage.value = "3"
    slider.value = (1926, 1927)
    assert shown.value == "1926-1927"
    assert "Kollontai leaves Mexico" in table.value
    assert "Pestkovsky arrives in Mexico" not in table.value
    assert "Kollontai enters the diplomatic service" not in table.value  # 1922: outside the years
    person.value = "borodin"
    stage.value = ""
    slider.value = (1926, 1926)
    assert table.value.startswith("<p>1 event</p>")  # one event, not "1 events"


def test_lifespans_axis_starts_at_the_first_births_decade(chron):
    """Names stand beside the axes: the years start at the first birth's decade, not 30-40 years before it."""
    fig = tl.lifespans_figure(chron)
    first = int(chron.people.dropna(subset=["born", "died"])["born"].min())
    lo, _ = fig.axes[0].get_xlim()
    assert first - 10 < lo <= first


def _stems_and_labels(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    ax = fig.axes[0]
    stems = []
    for line in ax.lines:
        xs, ys = line.get_xdata(), line.get_ydata()
        if len(xs) == 2 and xs[0] == xs[1] and ys[0] != ys[1] and line.get_linewidth() == 0.5:
            a, b = ax.transData.transform([(xs[0], ys[0]), (xs[1], ys[1])])
            stems.append((a[0], min(a[1], b[1]), max(a[1], b[1])))
    labels = [t.get_window_extent(renderer) for t in ax.texts if t.get_text().endswith(")")]
    return stems, labels


@pytest.mark.parametrize(("years", "width"), [((1917, 1930), 10.0), ((1919, 1927), 10.0), ((1917, 1930), 7.0)])
def test_stems_never_cross_a_label(chron, years, width):
    """No event's stem runs through the words of another event's label (also in the explorer's redraws)."""
    events = ch.filter_events(chron.events, years)
    fig = tl.timeline_figure(chron, years, events=events, width=width)
    stems, labels = _stems_and_labels(fig)
    assert stems
    for x, y0, y1 in stems:
        for box in labels:
            inside = box.x0 + 1 < x < box.x1 - 1 and y0 < box.y1 - 1 and y1 > box.y0 + 1
            assert not inside, (x, y0, y1, box)


def test_without_years_the_explorer_spans_the_chronologys_own_events(chron):
    pytest.importorskip("ipywidgets")
    slider = cx.make_explorer(chron).children[0].children[0]
    # the first article's events run from the railway's profits of 1909 to Kollontai's death in 1952
    assert slider.value == (1909, 1952)
