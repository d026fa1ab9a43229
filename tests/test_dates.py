"""Tests of date normalisation to EDTF, on the forms the article uses (values read from the article)."""

from __future__ import annotations

import pytest

import histkit as hk
from histkit.dates import (
    DateError,
    bounds,
    check_edtf,
    dates_table,
    find_in,
    normalise,
    relative_offset,
    resolve_relative,
    shift,
)
from histkit.tables import check_provenance

# phrase as the article writes it -> (edtf, earliest, latest, precision)
CASES = [
    # years
    ("in 1924", "1924", "1924-01-01", "1924-12-31", "year"),
    ("1917", "1917", "1917-01-01", "1917-12-31", "year"),
    # months
    ("In February of 1918", "1918-02", "1918-02-01", "1918-02-28", "month"),
    ("in October 1924", "1924-10", "1924-10-01", "1924-10-31", "month"),
    ("March of 1925", "1925-03", "1925-03-01", "1925-03-31", "month"),
    ("December 1926", "1926-12", "1926-12-01", "1926-12-31", "month"),
    # full dates
    ("14 February 1918", "1918-02-14", "1918-02-14", "1918-02-14", "day"),
    ("30 April 1925", "1925-04-30", "1925-04-30", "1925-04-30", "day"),
    ("5 May 1925", "1925-05-05", "1925-05-05", "1925-05-05", "day"),
    ("04/06/2017", "2017-06-04", "2017-06-04", "2017-06-04", "day"),  # RECEBIDO EM: DD/MM/YYYY
    # seasons (EDTF level 1: 21 spring, 23 autumn)
    ("the fall of 1926", "1926-23", "1926-09-01", "1926-11-30", "season"),
    ("the spring of 1927", "1927-21", "1927-03-01", "1927-05-31", "season"),
    # ranges
    ("August and September 1919", "1919-08/1919-09", "1919-08-01", "1919-09-30", "interval"),
    ("from 1923 to 1927", "1923/1927", "1923-01-01", "1927-12-31", "interval"),
    ("1994/95", "1994/1995", "1994-01-01", "1995-12-31", "interval"),
    ("1919-39", "1919/1939", "1919-01-01", "1939-12-31", "interval"),
    ("1892-1953", "1892/1953", "1892-01-01", "1953-12-31", "interval"),
    # decades and parts of them
    ("in the 1920s", "192X", "1920-01-01", "1929-12-31", "decade"),
    ("década de 1920", "192X", "1920-01-01", "1929-12-31", "decade"),
    ("the early 1920s", "1920/1923", "1920-01-01", "1923-12-31", "interval"),
    ("mid-1925", "1925-04/1925-09", "1925-04-01", "1925-09-30", "interval"),
    # open: "by" = no later than, "since" = from then on
    ("by March 1927", "../1927-03", "", "1927-03-31", "open"),
    ("by mid-1920s", "../1927", "", "1927-12-31", "open"),
    ("since 1923", "1923/..", "1923-01-01", "", "open"),
]


@pytest.mark.parametrize(("phrase", "edtf", "earliest", "latest", "precision"), CASES)
def test_normalise(phrase, edtf, earliest, latest, precision):
    value = normalise(phrase)
    assert value.edtf == edtf
    assert (value.earliest.isoformat() if value.earliest else "") == earliest
    assert (value.latest.isoformat() if value.latest else "") == latest
    assert value.precision == precision


@pytest.mark.parametrize("phrase", ["mid-1925", "the early 1920s", "by mid-1920s", "by March 1927"])
def test_inexpressible_phrases_record_a_reason(phrase):
    assert "EDTF has no qualifier" in normalise(phrase).note or "no later than" in normalise(phrase).note


@pytest.mark.parametrize(
    ("phrase", "reference", "edtf", "count", "unit"),
    [
        ("five months after his arrival", "1924-10", "1925-03", 5, "months"),  # Pestkovsky's diary
        ("two years later", "1949", "1951", 2, "years"),  # Borodin's death after his arrest
        ("a year later", "1921", "1922", 1, "years"),  # the envoys of 1921 leave
        ("three months before", "1925-02", "1924-11", -3, "months"),
        ("a year later", "1926-23", "1927-23", 1, "years"),
    ],
)
def test_relative_forms_resolve_and_record_reference(phrase, reference, edtf, count, unit):
    assert relative_offset(phrase) == (count, unit)
    value = resolve_relative(phrase, reference, "the arrival")
    assert value.edtf == edtf
    assert value.refers_to == reference
    assert reference in value.note and "the arrival" in value.note


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: normalise("yesterday"), "not a single date expression"),
        (lambda: normalise("1918 and 1919"), "not a single date expression"),
        (lambda: normalise("two years later"), "is relative"),
        (lambda: relative_offset("in 1924"), "not a relative date phrase"),
        (lambda: shift("1926-23", 2, "months"), "has no month"),
        (lambda: shift("192X", 1, "years"), "cannot shift"),
        (lambda: check_edtf("1926-13"), "invalid EDTF '1926-13'"),
        (lambda: check_edtf("fall 1926"), "invalid EDTF 'fall 1926'"),
        (lambda: check_edtf(""), "empty"),
    ],
)
def test_errors(call, message):
    with pytest.raises(DateError, match=message):
        call()


def test_date_error_is_a_histkit_error():
    assert issubclass(DateError, hk.HistkitError)


@pytest.mark.parametrize(
    ("phrase", "count", "unit"),
    [
        ("an year later", 1, "years"),  # an article counts as one
        ("eleven months later", 11, "months"),
        ("fifteen months after the strike", 15, "months"),  # beyond the old twelve-word list
        ("Nineteen years earlier", -19, "years"),
    ],
)
def test_relative_counts_read_by_the_one_number_reader(phrase, count, unit):
    # Number words are read by histkit.quantities.words_to_number only; dates keeps no copy.
    from histkit import dates

    assert relative_offset(phrase) == (count, unit)
    assert not hasattr(dates, "NUMBER_WORDS")


def test_bounds_of_open_intervals():
    assert bounds("../1927-03")[0] is None
    assert bounds("1923/..")[1] is None


def test_find_in_does_not_take_page_numbers_or_money():
    text = "p. 340-367, reel 83, 812.00/27508, US\\$25,000, 56.13 pesos, fond 495, n. 5/6, Survey 55"
    assert find_in(text) == []


def test_find_in_prefers_longest_form():
    found = find_in("held in Mexico City in August and September 1919. The")
    assert [f.phrase for f in found] == ["August and September 1919"]



@pytest.fixture(scope="module")
def table(article):
    return dates_table(article)


def test_dates_table_provenance(table, article):
    check_provenance(table, article.text, "dates")
    assert table["date_id"].is_unique
    assert list(table["start"]) == sorted(table["start"])


@pytest.mark.parametrize(
    ("quote", "edtf", "element"),
    [
        ("February of 1918", "1918-02", "s1p01"),
        ("the fall of 1926", "1926-23", "s3p19"),  # Pestkovsky left Mexico
        ("the spring of 1927", "1927-21", "s3p11"),  # the strike defeated
        ("August and September 1919", "1919-08/1919-09", "s2p05"),
        ("1994/95", "1994/1995", "s2p05"),  # as cited
        ("By March 1927", "../1927-03", "s4p04"),
        ("mid-1925", "1925-04/1925-09", "s3p17"),
        ("11 February 1925", "1925-02-11", "fn2"),  # footnote 2, continued after a page break
        ("04/06/2017", "2017-06-04", "fm-received"),
        ("two years later", "1951", "s5p03"),
    ],
)
def test_dates_table_holds_the_article_forms(table, quote, edtf, element):
    rows = table[table["quote"] == quote]
    assert len(rows) >= 1, quote
    row = rows.iloc[0]
    assert row["edtf"] == edtf
    assert row["element_id"] == element


def test_relative_default_and_curated_reference(article, table):
    # Without curation, "five months after his arrival" counts from the nearest date before it
    # (March of 1925), which is wrong; a curated reference (October 1924) fixes it.
    row = table[table["quote"].str.startswith("five months after")].iloc[0]
    assert row["refers_to"] == "1925-03"
    start = article.text.index("October 1924")
    fixed = dates_table(article, {(int(row["start"]), int(row["end"])): ("1924-10", "October 1924")})
    again = fixed[fixed["start"] == row["start"]].iloc[0]
    assert again["edtf"] == "1925-03" and again["refers_to"] == "1924-10"
    assert start < row["start"]


def test_every_section_has_dates(table):
    assert set(table["section"].dropna()) >= {0, 1, 2, 3, 4, 5}
    assert not table["edtf"].eq("").any()


# --- relative phrases that cannot, or must not, count from the nearest year -----------------

def _tiny_dates(sentence: str):
    from histkit.ingest import parse_article

    from .conftest import DATA

    text = (DATA / "tiny" / "article.txt").read_text(encoding="utf-8")
    article = parse_article(text.replace("The second paragraph ends in", f"{sentence} The second paragraph ends in"),
                            "tiny")
    frame = dates_table(article)
    return frame[frame["element_id"] == "s2p02"].set_index("quote")


def test_relative_to_a_decade_is_kept_with_the_reason():
    found = _tiny_dates("In the 1920s the party grew; a year later it split.")
    row = found.loc["a year later"]
    assert row["edtf"] == ""
    assert "cannot be shifted" in row["note"] and "curate its referent" in row["note"]


def test_relative_phrase_skips_a_citation_year():
    found = _tiny_dates("In 1921 they came (SMITH, 1990). Two years later they left.")
    assert found.loc["Two years later", "edtf"] == "1923"
    assert bool(found.loc["1990", "in_citation"])


@pytest.mark.parametrize(("sentence", "quote", "edtf"), [
    ("By the 1920s it was over.", "By the 1920s", "../1929"),
    ("Since the 1920s it grew.", "Since the 1920s", "1920/.."),
])
def test_open_intervals_on_a_decade(sentence, quote, edtf):
    assert _tiny_dates(sentence).loc[quote, "edtf"] == edtf


@pytest.mark.parametrize(("first", "second", "last"), [
    (1994, "95", 1995), (1919, "39", 1939), (1999, "00", 2000), (1999, "2000", 2000), (1926, None, 1926),
    (1995, "7", 1997), (1999, "1", 2001),
])
def test_last_year_of_a_short_range(first, second, last):
    from histkit.dates import last_year

    assert last_year(first, second) == last
