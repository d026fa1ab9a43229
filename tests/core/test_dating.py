"""EDTF values: checking and bounds."""

from __future__ import annotations

from datetime import date

import pytest

from histkit.core.dating import bounds, check_edtf, parse
from histkit.core.errors import DateError


def test_bounds_of_open_intervals():
    assert bounds("../1927-03")[0] is None
    assert bounds("1923/..")[1] is None


def _attributes(parsed: object) -> object:
    """An edtf object as its class and attributes, nested objects included (what every reader of it sees)."""
    if hasattr(parsed, "__dict__"):
        return type(parsed).__name__, {key: _attributes(value) for key, value in vars(parsed).items()}
    return parsed


def _grammar(value: str) -> object:
    from edtf import parse_edtf
    from edtf.parser.edtf_exceptions import EDTFParseException

    try:
        return _attributes(parse_edtf(value))
    except EDTFParseException:
        return "refused"


def _ours(value: str) -> object:
    from edtf.parser.edtf_exceptions import EDTFParseException

    try:
        return _attributes(parse(value))
    except EDTFParseException:
        return "refused"


@pytest.mark.parametrize("year", ["1924", "1925", "0000", "2000"])
def test_plain_dates_are_the_grammars_own_objects(year):
    # Every month (and two that are not), and the days at each month's edges: built without the grammar,
    # the objects must be the grammar's, and a day the grammar refuses refused all the same.
    for month in ["00", "01", "02", "04", "06", "09", "11", "12", "13", "21"]:
        days = ("00", "01", "28", "29", "30", "31", "32")
        for value in [f"{year}-{month}", *(f"{year}-{month}-{day}" for day in days)]:
            assert _ours(value) == _grammar(value), value
    assert _ours(year) == _grammar(year)


@pytest.mark.parametrize(
    "value",
    ["1919/1939", "1919-08/1919-09", "1919-08-01/1920", "1939/1919", "1926-02-30/1927", "1926/1927-13",
     "1926-21/1927", "../1927", "1923/..", "192X", "1920-07~", "[1919-09..1919-11]", " 1926", "1926 ", "1926/",
     "/1926", "1926//1927", "١٩٢٦", "19260", "926"],
)
def test_intervals_and_everything_else_as_the_grammar_reads_them(value):
    assert _ours(value) == _grammar(value)


def test_bounds_of_plain_dates_are_the_calendars():
    assert bounds("1926") == (date(1926, 1, 1), date(1926, 12, 31))
    assert bounds("1924-02") == (date(1924, 2, 1), date(1924, 2, 29))
    assert bounds("1925-02") == (date(1925, 2, 1), date(1925, 2, 28))
    assert bounds("1919-08/1919-09") == (date(1919, 8, 1), date(1919, 9, 30))


def test_a_day_the_calendar_lacks_is_checked_by_the_grammar_and_has_no_bounds():
    # The grammar accepts 29 February in any year; the calendar has none in 1925 (as before this change).
    assert check_edtf("1925-02-29") == "1925-02-29"
    with pytest.raises(ValueError):
        bounds("1925-02-29")
    with pytest.raises(DateError, match="invalid EDTF '1926-02-30'"):
        check_edtf("1926-02-30")
