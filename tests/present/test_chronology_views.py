"""The chronology as a reader sees it, checked against the article's own words."""

from __future__ import annotations

from itertools import pairwise

import pytest

from histkit.analyse import chronology as ch
from histkit.cases import spenser
from histkit.present import chronology_explorer as cx
from histkit.present import chronology_views as cv
from histkit.present import timeline as tl
from histkit.present import timelinejs as tjs


@pytest.mark.parametrize("mode", ["presence", "sections"])
def test_stage_bands_follow_their_labels_and_never_overlap(chron, mode):
    stages = ch.stages_table(chron, mode)
    for st in stages.itertuples():
        first, last = ch.label_years(st.label)
        # "Pestkovsky 1924-1926": the band lies within the years its label names
        assert f"{first}-01-01" <= st.earliest <= st.latest <= f"{last}-12-31", st
    for before, after in pairwise(stages.itertuples()):
        assert before.latest < after.earliest, (before.label, after.label)


def test_stages_default_to_the_envoys_presence(chron, article):
    # "Pestkovsky stayed in Mexico for two years": from October 1924 (his arrival) to autumn 1926
    assert "Pestkovsky stayed in Mexico for two years" in article.text
    stages = ch.stages_table(chron).set_index("stage")
    assert (stages.loc[2, "earliest"], stages.loc[2, "latest"]) == ("1924-10-01", "1926-11-30")
    assert set(ch.stages_table(chron)["mode"]) == {"presence"}
    # the stage no longer "starts in 1922" (Kollontai entering the diplomatic service) in either mode
    assert ch.stages_table(chron, "sections").set_index("stage").loc[3, "earliest"] >= "1926-01-01"


def test_label_years():
    assert ch.label_years("Pestkovsky 1924-1926") == (1924, 1926)
    assert ch.label_years("Borodin 1919, envoys 1921-22") == (1919, 1922)
    assert ch.label_years("the envoys") is None


@pytest.mark.parametrize("mode", ["presence", "sections"])
def test_timelinejs_eras_follow_the_stages_and_never_overlap(chron, mode):
    eras = tjs.timelinejs(chron, mode)["eras"]
    stages = ch.stages_table(chron, mode)
    days = [tuple((d["year"], d["month"], d["day"]) for d in (e["start_date"], e["end_date"])) for e in eras]
    for (start, end), st in zip(days, stages.itertuples(), strict=True):
        assert "{:04d}-{:02d}-{:02d}".format(*start) == st.earliest
        assert "{:04d}-{:02d}-{:02d}".format(*end) == st.latest
    for (_, end), (start, _) in pairwise(days):
        assert end < start


def test_timeline_draws_stage_bands_as_stages_table(chron):
    fig = tl.timeline_figure(chron, (1917, 1930))
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:3] == [
        "Stage 1: Borodin 1919, envoys 1921-1922",
        "Stage 2: Pestkovsky 1924-1926",
        "Stage 3: Kollontai 1926-1927",
    ]
    # the first three bars are the stage bands: Pestkovsky's ends before Kollontai's begins
    bars = [p for p in ax.patches if getattr(p, "get_height", lambda: 0)() == pytest.approx(0.7)]
    bands = [(p.get_x(), p.get_x() + p.get_width()) for p in bars]
    assert len(bands) == 3
    assert bands[1][1] <= bands[2][0]
    assert bands[1][0] == pytest.approx(1924 + 274 / 366)  # 1 October 1924


def test_year_only_event_is_a_span_not_the_first_of_january(chron, article):
    # "relations restored (1924)" is known only to the year; Lenin died in January 1924
    fig = tl.timeline_figure(chron, (1917, 1930))
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "Mexico and the USSR restore relations (1924)" in texts
    assert "Lenin dies (January 1924)" in texts
    spans = [
        tuple(line.get_xdata()) for line in ax.lines if len(line.get_xdata()) == 2 and len(set(line.get_ydata())) == 1
    ]
    assert any(lo == pytest.approx(1924.0) and hi == pytest.approx(1925.0, abs=0.01) for lo, hi in spans)
    assert not any("1924-01" in t or "(1924-" in t for t in texts)  # no EDTF code in a label


def test_ages_during_a_stay_run_from_arrival_to_departure(chron, article):
    # "Pestkovsky, born in 1882" "stayed in Mexico for two years" (October 1924 to autumn 1926)
    assert "born in 1882" in article.text
    pestkovsky = chron.stays.set_index("stay_id").loc["stay-pestkovsky"]
    assert tl.stay_ages(pestkovsky, 1882) == "in Mexico 1924-1926, aged 41-44"
    table = cv.stays_table(chron).frame.set_index("Who")
    assert table.loc["Stanislav Pestkovsky", "Ages during the stay"] == "Stanislav Pestkovsky: 41-44"
    assert table.loc["Stanislav Pestkovsky", "In Mexico"] == "Oct. 1924 – autumn 1926"


def test_contested_figure_is_the_articles_claim_beside_the_recomputed_value(chron, article):
    # the article: "an increase of 225%"; notebook 02 recomputes 122% (or 222% read as a share)
    assert "an increase of 225%" in article.text
    shown = cv.with_contested(chron, spenser.all_claims(article))
    label = shown.events.set_index("event_id").loc["railway-salary-1927", "label"]
    assert label.startswith("Railway salaries up “225%” since 1910 (the article's figure; recomputed 122% or 222%")
    assert "inconsistent" in label
    # the curated label (and the CSV) are unchanged; no other event is touched
    curated = chron.events.set_index("event_id").loc["railway-salary-1927", "label"]
    assert curated == "Railway salaries up 225% since 1910"
    changed = shown.events["label"] != chron.events["label"]
    assert changed.sum() == 1


def test_events_table_for_readers(chron):
    table = cv.events_table(chron)
    assert list(table.frame.columns) == ["Date", "Event", "People", "Place", "Stage", "Line in article.txt"]
    row = table.frame[table.frame["Event"] == "Borodin arrives in Mexico"].iloc[0]
    assert (row["Date"], row["People"], row["Stage"]) == ("Sept.-Nov. 1919", "Mikhail Borodin", "stage 1")
    page = table._repr_html_()
    for code in ("[1919-09..1919-11]", "../1927-03", "1927-21", "borodin-arrives", "<NA>", "…"):
        assert code not in page


def test_person_filter_filters_the_stays_too(chron):
    assert cx.stays_of(chron, "kollontai")["stay_id"].tolist() == ["stay-kollontai"]
    assert cx.stays_of(chron, "fraina")["stay_id"].tolist() == ["stay-envoys"]
    assert len(cx.stays_of(chron, "")) == len(chron.stays)
    # the stage filter too: stage 1 is Borodin's and the three envoys' stays; context events have none
    assert cx.stays_of(chron, "", "1")["stay_id"].tolist() == ["stay-borodin", "stay-envoys"]
    assert cx.stays_of(chron, "", "none").empty
    assert cx.stays_of(chron, "borodin", "3").empty
    fig = tl.timeline_figure(chron, (1926, 1927), stays=cx.stays_of(chron, "kollontai"))
    names = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "Alexandra Kollontai" in names and "Stanislav Pestkovsky" not in names


def test_checks_name_events_by_their_labels_not_ids(chron, article):
    # "Borodin arrived in Mexico after the First National Socialist Congress"
    assert "Borodin arrived in Mexico after the First National Socialist Congress" in article.text
    claims = cv.claims_view(chron.claims).frame
    row = claims[claims["The article's words"].str.startswith("Borodin arrived in Mexico after")].iloc[0]
    assert row["Stated"] == "First National Socialist Congress before Borodin organizes the Mexican Communist Party"
    assert row["Computed"] == "30 September 1919, no later than 1 November 1919"
    page = cv.claims_view(chron.claims)._repr_html_()
    assert "socialist-congress" not in page and "1919-09-30" not in page
    assert "&lt;=" not in page and "<=" not in page


def test_checks_say_a_year_once(chron, article):
    # "Pestkovsky was recalled in 1926" (line 71): "1926", never "'1926' (1926)"
    assert "Pestkovsky was recalled in 1926" in article.text
    claims = cv.claims_view(chron.claims).frame
    row = claims[claims["The article's words"] == "Pestkovsky was recalled in 1926"].iloc[0]
    assert row["Stated"] == "1926"
    assert row["Explanation"].endswith("lies within 1926")
