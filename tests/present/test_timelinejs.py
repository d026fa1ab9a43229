"""The chronology as TimelineJS: dates in words, sort dates at their precision, eras of the stage spans."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from histkit.analyse import chronology as ch
from histkit.present import timelinejs as tjs


@pytest.mark.parametrize(
    ("edtf", "words"),
    [
        # the seed's events, with the article's own words in a comment
        ("[1919-09..1919-11]", "Sept.-Nov. 1919"),  # Borodin arrives after the congress, at work by November
        ("1919-08/1919-09", "Aug.-Sept. 1919"),  # "in August and September 1919"
        ("1926-23", "autumn 1926"),  # "in the fall of 1926"
        ("1927-21", "spring 1927"),  # "in the spring of 1927"
        ("1920-07~", "c. July 1920"),  # Lenin received Phillips during the Second Congress
        ("../1927-03", "by March 1927"),  # "By March 1927"
        ("1923/1927", "1923-1927"),  # "from 1923 to 1927"
        ("1926-06/1927-21", "June 1926 – spring 1927"),
        ("1919-12-29", "29 December 1919"),  # "29 December 1919"
        ("1925~", "c. 1925"),
        ("1925-03?", "March 1925?"),
        ("1925-03%", "c. March 1925?"),
        ("1924/..", "from 1924"),
        ("192X", "the 1920s"),
        ("1926-12/1927-01", "Dec. 1926 – Jan. 1927"),
    ],
)
def test_edtf_in_words(edtf, words):
    assert tjs.edtf_in_words(edtf) == words


@pytest.mark.parametrize(
    "phrase",
    ["in August and September 1919", "in the fall of 1926", "in the spring of 1927", "By March 1927",
     "from 1923 to 1927", "29 December 1919"],
)
def test_words_are_the_articles(article, phrase):
    """The dates in the cases above are the article's (not made up for the test)."""
    assert phrase in article.text


def test_unknown_form_kept_as_code():
    assert tjs.edtf_in_words("1985-04-12T23:20:30") == "1985-04-12T23:20:30"


def _key(d):
    return (d["year"], d.get("month", 0), d.get("day", 0))


def test_every_uncertain_or_ranged_date_in_words(chron):
    doc = tjs.timelinejs(chron)
    by_id = {e["unique_id"]: e for e in doc["events"]}
    fuzzy = chron.events[chron.events["edtf"].str.contains(r"[~?%/\[{]|-2[1-4]$", regex=True)]
    assert len(fuzzy) >= 10
    for _, r in fuzzy.iterrows():
        shown = by_id[r["event_id"]]["display_date"]
        assert shown == tjs.edtf_in_words(r["edtf"]) and not re.search(r"[~?%/\[\]]|\d{4}-\d\d(?!\d)", shown), shown
    plain = chron.events[~chron.events.index.isin(fuzzy.index)]
    assert not any("display_date" in by_id[e] for e in plain["event_id"])
    assert by_id["borodin-arrives"]["display_date"] == "Sept.-Nov. 1919"
    assert by_id["pestkovsky-leaves"]["display_date"] == "autumn 1926"
    assert by_id["phillips-meets-lenin"]["display_date"] == "c. July 1920"
    assert by_id["kollontai-resolves"]["display_date"] == "by March 1927"


def test_sort_dates_follow_the_range(chron):
    """Borodin arrives "after the congress of August-September 1919": after March 1919, not on 1 January."""
    by_id = {e["unique_id"]: e for e in tjs.timelinejs(chron)["events"]}
    arrives = by_id["borodin-arrives"]
    assert arrives["start_date"] == {"year": 1919, "month": 9}
    assert arrives["end_date"] == {"year": 1919, "month": 11}
    assert _key(by_id["comintern-founded"]["start_date"]) < _key(arrives["start_date"])  # March 1919
    assert _key(by_id["socialist-congress"]["start_date"]) <= _key(arrives["start_date"])
    assert _key(arrives["start_date"]) < _key(by_id["borodin-organizes"]["start_date"])  # November 1919
    # a season sorts at its first month; "by March 1927" at its only known end
    assert by_id["pestkovsky-leaves"]["start_date"] == {"year": 1926, "month": 9}
    assert by_id["kollontai-resolves"]["start_date"] == {"year": 1927, "month": 3}
    # precision kept: a year has no month, a day its day
    assert by_id["borodin-arrested"]["start_date"] == {"year": 1949}
    assert by_id["ortiz-report"]["start_date"] == {"year": 1919, "month": 12, "day": 29}


def test_timelinejs_export(chron, tmp_path):
    doc = tjs.timelinejs(chron)
    assert len(doc["events"]) == len(chron.events)
    by_id = {e["unique_id"]: e for e in doc["events"]}
    assert by_id["pestkovsky-arrives"]["start_date"] == {"year": 1924, "month": 10}
    assert by_id["socialist-congress"]["end_date"] == {"year": 1919, "month": 9}
    assert set(by_id["chicherin-speech"]["text"]) == {"headline", "text"}
    (path,) = tjs.export_timelinejs(chron, tmp_path)
    first = path.read_bytes()
    assert json.loads(first)["eras"][0]["text"]["headline"].startswith("Stage 1")
    assert tjs.export_timelinejs(chron, tmp_path)[0].read_bytes() == first


@pytest.mark.parametrize("mode", ["sections", "presence"])
def test_eras_are_the_stage_spans(chron, mode):
    """The eras are the timeline figure's stage spans (stages_table), to the day."""
    eras = tjs.timelinejs(chron, mode)["eras"]
    stages = ch.stages_table(chron, mode)
    assert len(eras) == len(stages) == 3
    for era, (_, s) in zip(eras, stages.iterrows(), strict=True):
        assert "{year:04d}-{month:02d}-{day:02d}".format(**era["start_date"]) == s["earliest"]
        assert "{year:04d}-{month:02d}-{day:02d}".format(**era["end_date"]) == s["latest"]


@pytest.mark.parametrize("mode", ["sections", "presence"])
def test_eras_never_overlap(chron, mode):
    """TimelineJS stacks overlapping eras; the stages follow one another.

    The eras are taken as they are from stages_table (histkit.analyse.chronology), whose stage spans
    follow their labels and never overlap in either mode.
    """
    eras = sorted(tjs.timelinejs(chron, mode)["eras"], key=lambda e: _key(e["start_date"]))
    for before, after in itertools.pairwise(eras):
        assert _key(before["end_date"]) < _key(after["start_date"]), (before["text"], after["text"])


@pytest.mark.parametrize("mode", ["sections", "presence"])
def test_rows_come_in_stage_order(chron, mode):
    """TimelineJS stacks its rows in the order their first slide comes in time (TimeScale._computePositionInfo,
    after the slides are sorted by date): context, then stage 1, 2, 3, never stage 3 above stage 2."""
    events = sorted(tjs.timelinejs(chron, mode)["events"], key=lambda e: _key(e["start_date"]))
    rows = list(dict.fromkeys(e["group"] for e in events))
    assert rows[0] == "Context"
    assert [r.split(":")[0] for r in rows[1:]] == ["Stage 1", "Stage 2", "Stage 3"]
    # "Kollontai enters the diplomatic service" (1922) prepares stage 3: it says so, in the context row
    by_id = {e["unique_id"]: e for e in tjs.timelinejs(chron, mode)["events"]}
    kollontai = [e for e in by_id.values() if e["text"]["headline"] == "Kollontai enters the diplomatic service"]
    assert kollontai and kollontai[0]["group"] == "Context" and "Before stage 3" in kollontai[0]["text"]["text"]


def test_no_edtf_code_in_slide_text(chron):
    """A reader sees dates in words (display_date), never "1926-06/1927-21" or "EDTF"."""
    doc = tjs.timelinejs(chron)
    for e in doc["events"]:
        assert "EDTF" not in e["text"]["text"]
        edtf = chron.events.set_index("event_id").loc[e["unique_id"], "edtf"]
        if not edtf.isdigit():  # a plain year may be the article's own words
            assert edtf not in e["text"]["text"].replace(e["text"]["text"].split("”")[0], "")


def test_era_labels_fit_their_band(chron):
    """An era shorter than TimelineJS's 100-pixel minimum still shows its label inside it: "Stage N" only."""
    for era in tjs.timelinejs(chron)["eras"]:
        assert len(era["text"]["headline"]) <= len("Stage 9")
