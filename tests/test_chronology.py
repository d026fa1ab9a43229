"""Tests of the chronology: events, people, stays, checks, figures, explorer and TimelineJS export.

Expected values are read from the article: e.g. line 39 gives Borodin 1884-1951, Pestkovsky
1882-1937, Kollontai 1872-1952; line 81 "settled in Mexico in October 1924"; line 113 "left Mexico in
the fall of 1926"; line 123 "arrival at the port of Veracruz in December 1926"; line 127 "She left in June".
"""

from __future__ import annotations

import json
from itertools import combinations

import pandas as pd
import pytest

import histkit as hk
from histkit import chronology as ch
from histkit.errors import AnnotationError, ParameterError
from histkit.tables import check_provenance

ANNOTATIONS = hk.paths.project_root() / "seeds" / "spenser-bolsheviks-mexico" / "annotations.yaml"



@pytest.fixture(scope="module")
def chron(article):
    return ch.build_chronology(article)


@pytest.mark.parametrize("name", ["events", "people", "stays", "dates", "claims", "stages"])
def test_every_table_has_exact_quotes(chron, article, name):
    table = getattr(chron, name)
    assert len(table) > 0
    check_provenance(table, article.text, name)


def test_events_span_1909_to_1952(chron):
    events = chron.events
    assert 45 <= len(events) <= 70
    assert events["event_id"].is_unique
    assert events["earliest"].replace("", None).dropna().min() == "1909-01-01"
    assert events["latest"].max() == "1952-12-31"
    assert list(events["earliest"].where(events["earliest"] != "", events["latest"])) == sorted(
        events["earliest"].where(events["earliest"] != "", events["latest"])
    )


@pytest.mark.parametrize(
    ("event_id", "edtf", "stage"),
    [
        ("borodin-leaves-moscow", "1919-04", 1),
        ("borodin-leaves-mexico", "1919-12", 1),
        ("comintern-founded", "1919-03", 1),
        ("second-congress", "1920-07", 1),
        ("envoys-arrive", "1921", 1),
        ("envoys-leave", "1922", 1),
        ("pestkovsky-arrives", "1924-10", 2),
        ("chicherin-speech", "1925-03", 2),
        ("railway-strike", "1926-06", 2),
        ("railway-strike-1926-27", "1926-06/1927-21", 2),
        ("strike-defeated", "1927-21", 2),
        ("pestkovsky-leaves", "1926-23", 2),
        ("kollontai-arrives", "1926-12", 3),
        ("kollontai-leaves", "1927-06", 3),
        ("pestkovsky-vanishes", "1937", None),
        ("borodin-arrested", "1949", None),
        ("borodin-dies", "1951", None),
        ("kollontai-dies", "1952", None),
    ],
)
def test_required_events(chron, event_id, edtf, stage):
    row = chron.events.set_index("event_id").loc[event_id]
    assert row["edtf"] == edtf
    if stage is None:
        assert pd.isna(row["stage"])
    else:
        assert row["stage"] == stage


def test_relative_events_match_their_resolution(chron):
    # "By the time they left Mexico a year later" (1921 + 1) and "died two years later" (1949 + 2)
    dates = chron.dates[chron.dates["form"] == "relative"]
    events = chron.events.set_index("event_id")
    for event_id, phrase in [("envoys-leave", "a year later"), ("borodin-dies", "two years later")]:
        event = events.loc[event_id]
        row = dates[(dates["start"] >= event["start"]) & (dates["end"] <= event["end"])].iloc[0]
        assert row["quote"] == phrase
        assert row["edtf"] == event["edtf"]


def test_curated_referent_of_five_months(chron):
    row = chron.dates[chron.dates["quote"] == "five months after his arrival"].iloc[0]
    assert row["refers_to"] == "1924-10"  # "settled in Mexico in October 1924", not "March of 1925"
    assert row["edtf"] == "1925-03"
    assert "curated" in row["note"]


def test_event_dates_agree_with_the_dates_table(chron):
    # an event whose quote holds one plain date expression carries that expression's EDTF
    dates = chron.dates
    for _, e in chron.events.iterrows():
        inside = dates[(dates["start"] >= e["start"]) & (dates["end"] <= e["end"])]
        if len(inside) == 1 and inside.iloc[0]["precision"] in ("year", "month", "day", "season"):
            if e["note"]:
                continue
            assert inside.iloc[0]["edtf"] == e["edtf"], e["event_id"]


@pytest.mark.parametrize(
    ("person", "born", "died", "aliases"),
    [
        ("borodin", 1884, 1951, ["Mikhail Gruzenberg"]),
        ("pestkovsky", 1882, 1937, ["Comrade Andres", "PESTKOWSKI", "A. Vol'skii"]),
        ("kollontai", 1872, 1952, ["Aleksandra Kollontai"]),
        ("phillips", None, None, ["Jesús Ramírez"]),
        ("fraina", 1892, 1953, ["Lewis Corey"]),
    ],
)
def test_people(chron, person, born, died, aliases):
    row = chron.people.set_index("person_id").loc[person]
    assert (None if row["born"] is pd.NA else row["born"]) == born
    assert (None if row["died"] is pd.NA else row["died"]) == died
    for alias in aliases:
        assert alias in row["aliases"].split(";")


@pytest.mark.parametrize(
    ("stay", "edtf", "months", "ages"),
    [
        ("stay-borodin", "1919-09?/1919-12", (1, 3), (34, 35)),
        ("stay-pestkovsky", "1924-10/1926-23", (23, 25), (41, 42)),  # Oct 1924 -> Sep..Nov 1926
        ("stay-kollontai", "1926-12/1927-06", (6, 6), (53, 54)),  # Dec 1926 -> June 1927
    ],
)
def test_stays(chron, stay, edtf, months, ages):
    row = chron.stays.set_index("stay_id").loc[stay]
    assert row["edtf"] == edtf
    assert (row["months_min"], row["months_max"]) == months
    assert (row["age_at_arrival_min"], row["age_at_arrival_max"]) == ages


@pytest.mark.parametrize(
    ("claim", "stated", "computed", "status"),
    [
        ("borodin-age-1919", "35 years", "34-35 years", "consistent"),
        ("diary-five-months", "5 months", "5 months", "consistent"),
        ("pestkovsky-two-years", "2 years", "2 years", "consistent"),
        ("borodin-died-two-years-later", "2 years", "2 years", "consistent"),
        ("envoys-a-year-later", "'a year later' from 1921", "1922", "unverifiable"),
        ("pestkovsky-recalled-1926", "'1926' (1926)", "1926-09-01..1926-11-30", "consistent"),
        ("kollontai-after-pestkovsky", None, None, "consistent"),
    ],
)
def test_chronology_claims(chron, claim, stated, computed, status):
    row = chron.claims.set_index("claim_id").loc[f"chronology-{claim}"]
    assert row["kind"] == "chronology"
    assert row["status"] == status
    if stated is not None:
        assert row["stated"] == stated
        assert row["computed"] == computed
    assert row["explanation"]


def _copy_with(tmp_path, old, new):
    text = ANNOTATIONS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "annotations.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "error", "message"),
    [
        (
            'date: "1924-10"',
            'date: "1924-13"',
            AnnotationError,
            r"annotations\.yaml:\d+: 'date': invalid EDTF '1924-13'",
        ),
        (
            "actors: [pestkovsky, calles]",
            "actors: [pestkovsky, obregon]",
            AnnotationError,
            "unknown actor 'obregon'",
        ),
        ("    stage: 3\n", "    stage: 4\n", AnnotationError, "stage must be 1, 2, 3 or null"),
        ('exact: "She left in June"', 'exact: "in June"', AnnotationError, r"quote 'in June' is ambiguous"),
        ("arrival: kollontai-arrives", "arrival: kollontai-lands", AnnotationError, "unknown arrival event"),
    ],
)
def test_broken_annotations_fail_clearly(tmp_path, article, old, new, error, message):
    with pytest.raises(error, match=message):
        ch.build_chronology(article, _copy_with(tmp_path, old, new))


def test_an_inconsistent_statement_is_reported(tmp_path, article):
    # if the article had said "thirty years of age", the check must say so
    path = _copy_with(
        tmp_path,
        'exact: "Borodin, then thirty-five years of age, left Moscow in April 1919"\n    type: age',
        'exact: "left Moscow in April 1919"\n    type: age',
    )
    # no number of years in that quote: an error naming it
    with pytest.raises(AnnotationError, match="no stated number"):
        ch.build_chronology(article, path)


def test_stage_modes(chron):
    sections = ch.stages_table(chron, "sections").set_index("stage")
    presence = ch.stages_table(chron, "presence").set_index("stage")
    assert presence.loc[2, "earliest"] == "1924-10-01" and presence.loc[2, "latest"] == "1926-11-30"
    assert presence.loc[3, "earliest"] == "1926-12-01" and presence.loc[3, "latest"] == "1927-06-30"
    assert sections.loc[1, "earliest"] <= "1919-03-01"
    with pytest.raises(ParameterError, match="stage_mode"):
        ch.stages_table(chron, "chapters")


@pytest.mark.parametrize(
    ("years", "person", "stage", "must", "must_not"),
    [
        ((1924, 1926), "pestkovsky", "", "pestkovsky-arrives", "kollontai-arrives"),
        ((1917, 1930), "", "3", "kollontai-leaves", "pestkovsky-leaves"),
        ((1940, 1952), "", "none", "borodin-arrested", "kollontai-leaves"),
        ((1919, 1919), "borodin", "1", "borodin-arrives", "second-congress"),
    ],
)
def test_filter_events(chron, years, person, stage, must, must_not):
    ids = set(ch.filter_events(chron.events, years, person, stage)["event_id"])
    assert must in ids and must_not not in ids


def _label_boxes(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    return [t.get_window_extent(renderer) for t in ax.texts if t.get_text().endswith(")")]


@pytest.mark.parametrize("mode", ["sections", "presence"])
def test_timeline_labels_do_not_overlap(chron, mode):
    fig = ch.timeline_figure(chron, (1917, 1930), mode)
    boxes = _label_boxes(fig)
    key = ch.filter_events(chron.events, (1917, 1930), key_only=True)
    assert len(boxes) >= len(key)
    for a, b in combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    # the four stays are drawn, each with a certain part and two fuzzy ends
    assert len(fig.axes[0].patches) >= 3 + 4 * 3


def test_timeline_year_range_checked(chron):
    with pytest.raises(ParameterError, match="year_range"):
        ch.timeline_figure(chron, (1930, 1917))


def test_lifespans_figure(chron):
    fig = ch.lifespans_figure(chron)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "Alexandra Kollontai (1872-1952)" in texts
    assert "in Mexico aged 53-54" in texts


def test_timelinejs_export(chron, tmp_path):
    doc = ch.timelinejs(chron)
    assert len(doc["events"]) == len(chron.events)
    assert len(doc["eras"]) == 3
    by_id = {e["unique_id"]: e for e in doc["events"]}
    assert by_id["pestkovsky-arrives"]["start_date"] == {"year": 1924, "month": 10}
    assert by_id["borodin-arrested"]["start_date"] == {"year": 1949}
    assert by_id["socialist-congress"]["end_date"] == {"year": 1919, "month": 9}
    assert by_id["ortiz-report"]["start_date"] == {"year": 1919, "month": 12, "day": 29}
    assert set(by_id["chicherin-speech"]["text"]) == {"headline", "text"}
    (path,) = ch.export_timelinejs(chron, tmp_path)
    first = path.read_bytes()
    assert json.loads(first)["eras"][0]["text"]["headline"].startswith("Stage 1")
    assert ch.export_timelinejs(chron, tmp_path)[0].read_bytes() == first


def test_explorer_builds_and_filters(chron):
    widgets = pytest.importorskip("ipywidgets")
    box = ch.make_explorer(chron)
    assert isinstance(box, widgets.VBox)
    assert repr(box).startswith("Chronology explorer")  # fixed text: the saved notebook stays stable
    controls, picture, table = box.children
    slider, person, stage = controls.children
    assert slider.value == (1917, 1930)
    assert picture.value[:4] == b"\x89PNG"
    assert "pestkovsky-arrives" in table.value
    person.value = "kollontai"
    stage.value = "3"
    slider.value = (1926, 1927)
    assert "kollontai-leaves" in table.value
    assert "pestkovsky-arrives" not in table.value
    assert "kollontai-diplomat" not in table.value  # 1922: outside the years


@pytest.mark.parametrize(
    ("first", "last", "mode", "message"),
    [
        (1930, 1917, "sections", "'first_year' \\(1930\\) must be before 'last_year' \\(1917\\)"),
        (1917, 1917, "sections", "must be before"),
        (1917, 1930, "chapters", "'stage_mode' must be one of"),
    ],
)
def test_check_options(first, last, mode, message):
    with pytest.raises(ParameterError, match=message):
        ch.check_options(first, last, mode)
    assert ch.check_options(1917, 1930, "presence") == ((1917, 1930), "presence")


def test_exported_tables_have_provenance(chron, article, tmp_path):
    tables = ch.chronology_tables(chron)
    assert sorted(tables) == ["claims-chronology", "dates", "events", "people", "stays"]
    for name, table in tables.items():
        check_provenance(table, article.text, name)
    written = hk.tables.export_tables(tables, tmp_path)
    assert [p.name for p in written] == sorted(f"{n}.csv" for n in tables)
