"""The railway wages recomputed: the change 1910-1927, the stated increase, real wages as a sensitivity."""

from __future__ import annotations

import pandas as pd
import pytest

from histkit.cases.spenser import wages
from histkit.core.errors import ParameterError
from histkit.text.tables import check_provenance


def test_wage_change_from_the_article(change) -> None:
    assert (change.base, change.end) == (56.13, 124.78)
    assert change.absolute == pytest.approx(68.65)
    assert change.ratio == pytest.approx(2.2231, abs=1e-4)
    assert change.increase == pytest.approx(1.2231, abs=1e-4)
    assert change.years == 17
    assert change.cagr == pytest.approx(0.0481, abs=1e-4)


def test_wage_table(change, article) -> None:
    frame = wages.wage_table(change, article.text)
    check_provenance(frame, article.text, "wages")
    values = dict(zip(frame["measure"], frame["value"], strict=True))
    assert values["absolute change"] == "+68.65"
    assert values["percentage increase"] == "122.31%"
    assert values["1927 wage as a share of 1910"] == "222.31%"
    assert values["compound annual growth 1910-1927"] == "4.81%"
    assert values["ratio 1927/1910"] == "2.22"  # 124.78 / 56.13 = 2.2231: "about 2.2 times"
    assert frame.loc[0, "quote"] == "56.13 pesos a month"


def test_wage_values_are_numbers(change, article) -> None:
    """wages.csv holds numbers (Frictionless type number), not the reader's text."""
    frame = wages.wage_values(change, article.text)
    check_provenance(frame, article.text, "wages")
    values = dict(zip(frame["measure"], frame["value"], strict=True))
    # numbers, not text: "56.13 pesos a month" (1910) and "124.78" (1927)
    assert values["average wage 1910"] == 56.13 and values["average wage 1927"] == 124.78
    assert values["absolute change"] == pytest.approx(68.65)
    assert values["percentage increase"] == pytest.approx(122.31, abs=0.005)
    assert values["1927 wage as a share of 1910"] == pytest.approx(222.31, abs=0.005)
    assert values["compound annual growth 1910-1927"] == pytest.approx(4.81, abs=0.005)
    assert frame["value"].dtype == float
    assert frame.loc[0, "quote"] == "56.13 pesos a month"


@pytest.mark.parametrize(
    ("base_year", "end_year", "message"),
    [
        (1913, 1927, r"'base_year'.*no railway wage for 1913; choose one of \[1910, 1927\]"),
        (1910, 1930, r"'end_year'.*no railway wage for 1930"),
        (1927, 1910, r"'end_year' \(1910\) must come after 'base_year' \(1927\)"),
        ("1910", 1927, r"'base_year' must be int; got '1910' \(str\)"),
    ],
)
def test_wage_change_bad_years(table, base_year, end_year, message) -> None:
    with pytest.raises(ParameterError, match=message):
        wages.wage_change(table, base_year, end_year)


@pytest.mark.parametrize(
    ("tolerance", "increase_status", "share_status"),
    [
        (0.5, "inconsistent", "inconsistent"),  # 222.31% is 2.69 points from 225%
        (3.0, "inconsistent", "consistent"),  # a looser reader accepts the "share" reading
        (110.0, "consistent", "consistent"),
    ],
)
def test_increase_claims(table, change, tolerance, increase_status, share_status) -> None:
    claims = {c.claim_id: c for c in wages.increase_claims(table, change, tolerance)}
    inc, share = claims["wage-225-increase"], claims["wage-225-share"]
    assert (inc.stated, inc.computed, inc.status) == ("225%", "122.31%", increase_status)
    assert (share.stated, share.computed, share.status) == ("225%", "222.31%", share_status)
    assert inc.kind == share.kind == "arithmetic"
    assert inc.quote == "225%"
    assert "126.29" in share.explanation  # 56.13 x 2.25
    assert "182.42" in inc.explanation  # 56.13 x 3.25


@pytest.mark.parametrize("tolerance", ["0.5", -1.0])
def test_increase_claims_bad_tolerance(table, change, tolerance) -> None:
    with pytest.raises(ParameterError, match="claim_tolerance"):
        wages.increase_claims(table, change, tolerance)


@pytest.mark.parametrize(
    ("price_ratio", "expected"),
    [(1.0, 1.2231), (2.0, 0.1115), (124.78 / 56.13, 0.0), (3.0, -0.2590)],
)
def test_real_change(change, price_ratio, expected) -> None:
    assert wages.real_change(change, price_ratio) == pytest.approx(expected, abs=1e-4)


def test_break_even_and_sensitivity(change) -> None:
    assert wages.break_even(change) == pytest.approx(2.2231, abs=1e-4)
    ratios = wages.default_ratios(change)
    frame = wages.sensitivity_table(change, ratios)
    row = frame[frame["price_ratio"] == "2.22"].iloc[0]  # 2.2231 at a reader's precision
    assert (row["real_change"], row["verdict"]) == ("0.00%", "unchanged (break-even)")
    assert frame.iloc[0]["verdict"] == "real wage rose" and frame.iloc[-1]["verdict"] == "real wage fell"


@pytest.mark.parametrize("bad", ["2", 0.0, -1.0])
def test_real_change_bad_price_ratio(change, bad) -> None:
    with pytest.raises(ParameterError, match="price_ratio"):
        wages.real_change(change, bad)


def test_price_index(tmp_path, change) -> None:
    path = tmp_path / "prices.csv"
    path.write_text("year,index,source\n1927,250,invented for the test\n1910,100,invented for the test\n",
                    encoding="utf-8")
    index = wages.read_price_index(path)
    assert list(index["year"]) == [1910, 1927]
    ratio, frame = wages.real_series(change, index)
    assert ratio == 2.5
    assert list(frame["real_wage_base_prices"]) == ["56.13", "49.91"]  # 124.78 / 2.5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("year,value\n1910,100\n", r"line 1: the header must be 'year,index,source'"),
        ("year,index,source\n1910,abc,x\n", r"line 2: year '1910' must be an integer and index 'abc'"),
        ("year,index,source\n1910,100,x\n1910,120,y\n", r"line 3: year 1910 appears twice"),
        ("year,index,source\n1910,-5,x\n", r"line 2: index must be a positive number"),
        ("year,index,source\n1910,100\n", r"line 2: expected 3 fields"),
        ("year,index,source\n1910,100,\n", r"line 2: give the source"),
        ("year,index,source\n", "no rows"),
        ("", "header must be"),
    ],
)
def test_price_index_errors(tmp_path, content, message) -> None:
    path = tmp_path / "prices.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ParameterError, match=r"price_index_file.*prices\.csv.*" + message):
        wages.read_price_index(path)


def test_price_index_missing_file_and_year(tmp_path, change) -> None:
    with pytest.raises(ParameterError, match="no such file"):
        wages.read_price_index(tmp_path / "absent.csv")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("year,index,source\n1910,100,Banco de M\xe9xico\n".encode("latin-1"))
    with pytest.raises(ParameterError, match="not UTF-8"):
        wages.read_price_index(bad)
    index = pd.DataFrame({"year": [1910], "index": [100.0], "source": ["x"]})
    with pytest.raises(ParameterError, match=r"no value for \[1927\]"):
        wages.real_series(change, index)


def test_an_uncurated_article_has_no_wage_change_and_is_told_why(table, tiny) -> None:
    from histkit.cases.spenser import economics as ec
    from histkit.extract.quantities import quantities_table

    # the first article's curated railway wages: 56.13 (1910) and 124.78 (1927) pesos
    change = wages.curated_wage_change(table, 1910, 1927)
    assert (change.base, change.end) == (56.13, 124.78)
    # the tiny fixture seed has no quantities.yaml: nothing says which figure is a railway wage
    uncurated = quantities_table(tiny)
    assert wages.curated_wage_change(uncurated, 1910, 1927) is None
    note = wages.curation_note(uncurated, tiny.seed_id)
    assert note.startswith("**Not curated yet.**") and "quantities.yaml" in note and "railway_wage" in note
    assert f"the {len(uncurated)} figures with a unit" in note
    assert ec.all_claims(uncurated, tiny.text, None, ec.GoldParities()).empty
    assert list(wages.wage_values(None, tiny.text).columns)[:4] == ["measure", "value", "unit", "formula"]


def test_a_curated_article_with_a_missing_year_is_still_an_error(table) -> None:
    with pytest.raises(ParameterError, match="base_year"):
        wages.curated_wage_change(table, 1911, 1927)
