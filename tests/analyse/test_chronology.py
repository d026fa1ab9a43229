"""Tests of the chronology: events, people, stays, checks, figures, explorer and TimelineJS export.

Expected values are read from the article: e.g. line 39 gives Borodin 1884-1951, Pestkovsky
1882-1937, Kollontai 1872-1952; line 81 "settled in Mexico in October 1924"; line 113 "left Mexico in
the fall of 1926"; line 123 "arrival at the port of Veracruz in December 1926"; line 127 "She left in June".
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

import histkit as hk
from histkit.analyse import chronology as ch
from histkit.analyse import chronology_checks as cc
from histkit.analyse import chronology_tables as ct
from histkit.core.errors import AnnotationError, ParameterError
from histkit.core.paths import project_root
from histkit.extract.date_phrases import MONTHS
from histkit.extract.dates import dates_table
from histkit.present import timeline as tl
from histkit.text.tables import check_provenance

ANNOTATIONS = project_root() / "seeds" / "spenser-bolsheviks-mexico" / "annotations.yaml"


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


# Events whose quote holds no date expression of its own, and why (read from the article at the
# event's line); each curated date is checked against the events it is built from instead.
BUILT_FROM_OTHER_EVENTS = {
    # l. 53 "Borodin arrived in Mexico after the First National Socialist Congress was held ... in August
    # and September 1919", and he was at work there "in November 1919" (l. 55): from the congress's last
    # month to that November.
    "borodin-arrives": lambda ev: f"[{ev['socialist-congress'].split('/')[-1]}..{ev['borodin-organizes']}]",
    # l. 57 "had the good fortune to be received by Lenin": during the Second Congress, hence approximate.
    "phillips-meets-lenin": lambda ev: ev["second-congress"] + "~",
    # l. 81 "Before his departure from Europe, Pestkovsky met the recently elected Mexican president":
    # the year in which he "settled in Mexico in October 1924".
    "pestkovsky-meets-calles": lambda ev: ev["pestkovsky-arrives"][:4],
    # l. 95 "The strike was finally defeated in the spring of 1927": the whole strike, from the mechanics'
    # strike "in June 1926" to that defeat.
    "railway-strike-1926-27": lambda ev: f"{ev['railway-strike']}/{ev['strike-defeated']}",
}
# Quotes that name a month without its year: l. 53 "Before leaving Mexico in December" (in the paragraph
# of "August and September 1919") and l. 127 "She left in June" (after "By March 1927"). The year is that
# of the nearest date before the quote in the same paragraph.
MONTH_WITHOUT_YEAR = ("borodin-leaves-mexico", "kollontai-leaves")
# Quotes with no date whose date is the nearest one before them in the paragraph: l. 135 "When in 1927
# Beijing authorities raided ... and Borodin fled China in haste".
NEAREST_DATE_BEFORE = ("borodin-flees-china",)


def _element_of(article, offset):
    return next(e.element_id for e in article.elements if e.start <= offset < e.end)


def _date_before(article, dates, event):
    element = _element_of(article, event["start"])
    before = dates[
        (dates["element_id"] == element) & (dates["end"] <= event["start"]) & ~dates["in_citation"]
    ]
    return before.iloc[-1]


def test_event_dates_agree_with_the_dates_table(chron, article):
    # The curated EDTF of each event (annotations.yaml) must agree with what histkit.extract.dates reads
    # from the article in its quote: two independent readings of the same words.
    dates, events = chron.dates, chron.events
    by_id = dict(zip(events["event_id"], events["edtf"], strict=True))
    undated, wrong = [], []
    for _, e in events.iterrows():
        inside = dates[(dates["start"] >= e["start"]) & (dates["end"] <= e["end"])]
        # "since 1923" (an open interval) dates an event that began in 1923
        readings = set(inside["edtf"]) | {
            r["edtf"].split("/")[0] for _, r in inside.iterrows() if r["qualifier"] == "since"
        }
        if e["event_id"] in BUILT_FROM_OTHER_EVENTS:
            assert not readings, f"{e['event_id']} has a date in its quote: check it against that"
            expected = BUILT_FROM_OTHER_EVENTS[e["event_id"]](by_id)
        elif e["event_id"] in MONTH_WITHOUT_YEAR:
            assert not readings, e["event_id"]
            (month,) = [MONTHS[w.lower()] for w in re.findall(r"[A-Z][a-z]+", e["quote"]) if w.lower() in MONTHS]
            before = _date_before(article, dates, e)
            expected = f"{(before['earliest'] or before['latest'])[:4]}-{month:02d}"
        elif e["event_id"] in NEAREST_DATE_BEFORE:
            assert not readings, e["event_id"]
            expected = _date_before(article, dates, e)["edtf"]
        elif not readings:
            undated.append(e["event_id"])
            continue
        else:
            expected = e["edtf"] if e["edtf"] in readings else sorted(readings)
        if e["edtf"] != expected:
            wrong.append((e["event_id"], e["edtf"], expected))
    assert undated == [], "events with no date in their quote: add them to a list above, with the reason"
    assert wrong == []


def test_key_events_are_dated_by_their_own_quote(chron):
    # the events drawn on the timeline carry exactly the date their quote writes
    dates = chron.dates
    key = chron.events[chron.events["key"]]
    assert len(key) >= 10
    for _, e in key.iterrows():
        inside = dates[(dates["start"] >= e["start"]) & (dates["end"] <= e["end"])]
        assert e["edtf"] in set(inside["edtf"]), (e["event_id"], e["edtf"], list(inside["quote"]))


def test_derived_event_dates_read_from_the_article(chron):
    # the explicit exceptions above, against the words of the article
    ev = chron.events.set_index("event_id")
    assert ev.loc["borodin-arrives", "edtf"] == "[1919-09..1919-11]"  # after Aug-Sep 1919, by November 1919
    assert ev.loc["borodin-leaves-mexico", "edtf"] == "1919-12"  # "in December", paragraph of 1919
    assert ev.loc["kollontai-leaves", "edtf"] == "1927-06"  # "She left in June" after "By March 1927"
    assert ev.loc["railway-strike-1926-27", "edtf"] == "1926-06/1927-21"  # June 1926 to spring 1927


@pytest.mark.parametrize("which", ["article", "tiny"])
def test_a_clean_text_never_raises(request, which):
    # dates_table and build_chronology on a clean text (the real seed, and the tiny fixture, which has
    # no annotations.yaml at all) must not raise: an uncurated article has dates but no events.
    text = request.getfixturevalue(which)
    table = dates_table(text)
    check_provenance(table, text.text, "dates")
    assert len(table) > 0
    built = ch.build_chronology(text)
    for name in ("events", "people", "stays", "dates", "claims", "stages"):
        check_provenance(getattr(built, name), text.text, name)
    assert ch.summary(built)
    if which == "tiny":
        # "RECEBIDO EM: 01/02/2020" and "1926 figures" in tests/data/tiny/article.txt
        assert {"2020-02-01", "1926"} <= set(built.dates["edtf"])
        assert built.events.empty and built.claims.empty and built.stays.empty
        assert list(built.events.columns) == ct.EVENT_COLUMNS


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


def _copy_with(tmp_path, old, new, count=1):
    text = ANNOTATIONS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "annotations.yaml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def _tick_labels(fig):
    return [t.get_text() for t in fig.axes[0].get_yticklabels()]


def test_group_stay_label_comes_from_its_members(chron):
    # l. 63 "the Comintern decided to send three envoys ... Charles Phillips ... Louis Fraina ... Sen Katayama"
    row = chron.stays.set_index("stay_id").loc["stay-envoys"]
    assert row["members"] == "phillips;fraina;katayama"
    assert row["label"] == "Phillips, Fraina, Katayama"
    assert chron.stays.set_index("stay_id").loc["stay-pestkovsky", "label"] == "Stanislav Pestkovsky"
    assert "Phillips, Fraina, Katayama" in _tick_labels(tl.timeline_figure(chron))


def test_group_stay_label_follows_the_annotations(tmp_path, article):
    path = _copy_with(tmp_path, "members: [phillips, fraina, katayama]", "members: [katayama, phillips]")
    chron = ch.build_chronology(article, path)
    assert chron.stays.set_index("stay_id").loc["stay-envoys", "label"] == "Katayama, Phillips"
    labels = _tick_labels(tl.timeline_figure(chron))
    assert "Katayama, Phillips" in labels and "Phillips, Fraina, Katayama" not in labels


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
        (
            "person: kollontai\n    arrival",
            "person: kolontai\n    arrival",
            AnnotationError,
            r"annotations\.yaml:\d+: stay 'stay-kollontai' names unknown person 'kolontai'; add the person",
        ),
        (
            "members: [phillips, fraina, katayama]",
            "members: [phillips, fraina, roy]",
            AnnotationError,
            r"annotations\.yaml:\d+: stay 'stay-envoys' names unknown person 'roy'",
        ),
        (
            'born: {exact: "born in 1884"}',
            'born: {exact: "I shall refer to Mikhail Borodin"}',
            AnnotationError,
            r"annotations\.yaml:\d+: no year in the 'born' quote 'I shall refer to Mikhail Borodin'; quote the words",
        ),
        (
            '    label: "Borodin leaves Moscow"\n',
            "",
            AnnotationError,
            r"annotations\.yaml:\d+: events item 'borodin-leaves-moscow' has no 'label'",
        ),
        (
            "presence: [stay-kollontai]",
            "presence: [stay-kolontai]",
            AnnotationError,
            r"annotations\.yaml:\d+: stage '3': 'presence' names unknown stay 'stay-kolontai'",
        ),
        (
            "    to: borodin.died\n",
            "    to: borodin.buried\n",
            AnnotationError,
            r"annotations\.yaml:\d+: check 'borodin-died-two-years-later' refers to 'borodin.buried'",
        ),
    ],
)
def test_broken_annotations_fail_clearly(tmp_path, article, old, new, error, message):
    with pytest.raises(error, match=message):
        chron = ch.build_chronology(article, _copy_with(tmp_path, old, new))
        ch.stages_table(chron, "presence")


def test_a_stage_without_events_names_the_file_and_line(tmp_path, article):
    # every event of section 4 taken out of stage 3: min() of nothing must not leak out
    path = _copy_with(tmp_path, "    stage: 3\n", "    stage: null\n", count=-1)
    chron = ch.build_chronology(article, path)  # the default stage bands follow the envoys' presence
    with pytest.raises(AnnotationError, match=r"annotations\.yaml:\d+: stage '3' has no events.*stage: 3"):
        ch.stages_table(chron, "sections")


def test_an_inconsistent_statement_is_reported(tmp_path, article):
    # if the article had said "thirty years of age", the check must say so
    path = _copy_with(
        tmp_path,
        'exact: "Borodin, then thirty-five years of age, left Moscow in April 1919"\n    type: age',
        'exact: "left Moscow in April 1919"\n    type: age',
    )
    # no number of years in that quote: an error naming the file, the line and the check
    with pytest.raises(
        AnnotationError, match=r"annotations\.yaml:\d+: check 'borodin-age-1919': no stated number"
    ):
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








@pytest.mark.parametrize(
    ("quote", "stated"),
    [
        ("Borodin, then thirty-five years of age", (35, "years")),  # l. 49
        ("five months after his arrival in Mexico", (5, "months")),  # l. 83
        ("died two years later in Lefortovo prison", (2, "years")),  # l. 137
        ("a year later", (1, "years")),
        ("fourteen months", (14, "months")),  # a word the old list lacked
        ("for 18 months", (18, "months")),
    ],
)
def test_stated_numbers_use_the_one_number_reader(quote, stated):
    assert cc._stated(quote, "annotations.yaml:1") == stated
    assert not hasattr(ch, "_number")








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
    written = hk.export_tables(tables, tmp_path)
    assert [p.name for p in written] == sorted(f"{n}.csv" for n in tables)
