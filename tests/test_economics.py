"""Tests of histkit.economics against the article's own figures (section 3, lines 91-93).

The article: profits 41% (1909) and 6% (1926); average salary 56.13 pesos a month (1910) and
124.78 (1927), "an increase of 225%"; fifty thousand rubles (US$25,000). Expected values below
were worked out by hand from those figures: 124.78 - 56.13 = 68.65; 124.78 / 56.13 = 2.2231;
2.2231 ** (1/17) = 1.0481; 41 - 6 = 35 points; 6 / 41 = 0.1463; 50000 / 25000 = 2.
"""

from __future__ import annotations

import pandas as pd
import pytest

import histkit as hk
from histkit import economics as ec
from histkit import quantities as q
from histkit.errors import AnnotationError, ParameterError
from histkit.tables import check_provenance


@pytest.fixture(scope="module")
def article() -> hk.Article:
    return hk.load_seed("spenser-bolsheviks-mexico")


@pytest.fixture(scope="module")
def table(article):
    return q.quantities_table(article)


@pytest.fixture(scope="module")
def change(table) -> ec.WageChange:
    return ec.wage_change(table, 1910, 1927)


PARITIES = ec.GoldParities()


def test_wage_change_from_the_article(change) -> None:
    assert (change.base, change.end) == (56.13, 124.78)
    assert change.absolute == pytest.approx(68.65)
    assert change.ratio == pytest.approx(2.2231, abs=1e-4)
    assert change.increase == pytest.approx(1.2231, abs=1e-4)
    assert change.years == 17
    assert change.cagr == pytest.approx(0.0481, abs=1e-4)


def test_wage_table(change, article) -> None:
    frame = ec.wage_table(change, article.text)
    check_provenance(frame, article.text, "wages")
    values = dict(zip(frame["measure"], frame["value"], strict=True))
    assert values["absolute change"] == "+68.65"
    assert values["percentage increase"] == "122.31%"
    assert values["1927 wage as a share of 1910"] == "222.31%"
    assert values["compound annual growth 1910-1927"] == "4.81%"
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
        ec.wage_change(table, base_year, end_year)


@pytest.mark.parametrize(
    ("tolerance", "increase_status", "share_status"),
    [
        (0.5, "inconsistent", "inconsistent"),  # 222.31% is 2.69 points from 225%
        (3.0, "inconsistent", "consistent"),  # a looser reader accepts the "share" reading
        (110.0, "consistent", "consistent"),
    ],
)
def test_increase_claims(table, change, tolerance, increase_status, share_status) -> None:
    claims = {c.claim_id: c for c in ec.increase_claims(table, change, tolerance)}
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
        ec.increase_claims(table, change, tolerance)


def test_profits(table, article) -> None:
    frame = ec.profits_table(table, article.text)
    check_provenance(frame, article.text, "profits")
    values = dict(zip(frame["measure"], frame["value"], strict=True))
    assert values["change in percentage points"] == "-35.00"
    assert values["relative change"] == "-85.37%"
    claim = ec.profits_claim(table, article.text)
    assert claim.status == "consistent"
    assert claim.quote.startswith("41%") and claim.quote.endswith("6%")


def test_gold_parities() -> None:
    assert PARITIES.ruble_g == pytest.approx(0.774234)
    assert PARITIES.pesos_per_dollar == pytest.approx(1.50463 / 0.75)
    assert PARITIES.rubles_per_dollar == pytest.approx(1.9434, abs=1e-4)
    sources = ec.parities_table(PARITIES)["source"]
    assert sources.str.contains("1905").any() and sources.str.contains("Gold Standard Act").any()


@pytest.mark.parametrize(("field", "value"), [("peso_g", 0.0), ("dollar_g", "1.5"), ("chervonets_g", -1.0)])
def test_gold_parities_are_checked(field, value) -> None:
    with pytest.raises(ParameterError, match=field):
        ec.GoldParities(**{field: value})


@pytest.mark.parametrize(("tolerance", "status"), [(0.05, "consistent"), (0.02, "inconsistent")])
def test_exchange_claim(table, article, tolerance, status) -> None:
    claim = ec.exchange_claim(table, article.text, PARITIES, tolerance)
    assert claim.stated == "2.0000 RUB/USD"
    assert claim.computed == "1.9434 RUB/USD at gold parity"
    assert claim.status == status
    assert claim.quote == "fifty thousand rubles (US\\$25,000)"
    assert "+2.91%" in claim.explanation
    # 50,000 / 25,000 is a whole 2 rubles to the dollar
    assert claim.explanation.endswith("a round conversion at 2 rubles to the dollar")


def _with_value(table: pd.DataFrame, key: str, value: float) -> pd.DataFrame:
    """The quantities table with the figure curated as ``key`` set to another value."""
    changed = table.copy()
    changed.loc[changed["key"] == key, "value"] = value
    return changed


@pytest.mark.parametrize(
    ("usd", "ending"),
    [
        (25000.0, "a round conversion at 2 rubles to the dollar"),  # the article's pair
        (20000.0, "a conversion at 2.50 rubles to the dollar"),  # 50,000 / 20,000
        (10000.0, "a round conversion at 5 rubles to the dollar"),  # 50,000 / 10,000
    ],
)
def test_exchange_explanation_follows_the_figures(table, article, usd, ending) -> None:
    claim = ec.exchange_claim(_with_value(table, "strike_fund_usd", usd), article.text, PARITIES)
    assert claim.explanation.endswith(ending)
    assert "about 2 rubles" not in claim.explanation


@pytest.mark.parametrize("drop", [1, 2])
def test_missing_profit_figures_are_a_data_error(table, drop) -> None:
    # the seed's quantities.yaml marks "41%" and "6%"; without one of them the notes are at fault
    profits = table.index[table["key"] == "railway_profits"]
    broken = table.drop(profits[:drop])
    with pytest.raises(AnnotationError, match=r"quantities\.yaml: expected two figures with key "
                       r"'railway_profits'.*found " + str(2 - drop) + r".*give two entries"):
        ec.profits_change(broken)


def test_profit_figure_without_a_year_is_a_data_error(table) -> None:
    broken = table.copy()
    broken.loc[broken["quote"] == "6%", "year"] = pd.NA
    with pytest.raises(AnnotationError, match=r"quantities\.yaml: .*1 without a year.*'year:'"):
        ec.profits_change(broken)


def test_rates_default_to_parity_and_accept_overrides() -> None:
    default = ec.rates(PARITIES)
    assert default.pesos_per_dollar == pytest.approx(2.0062, abs=1e-4)
    assert default.pesos_source == "gold parity"
    given = ec.rates(PARITIES, pesos_per_dollar=2.5, rubles_per_dollar=2)
    assert (given.pesos_per_dollar, given.rubles_per_dollar, given.rubles_source) == (2.5, 2.0, "parameter")
    with pytest.raises(ParameterError, match="'pesos_per_dollar' must be float"):
        ec.rates(PARITIES, pesos_per_dollar="2")
    with pytest.raises(ParameterError, match="'rubles_per_dollar' must be a positive rate"):
        ec.rates(PARITIES, rubles_per_dollar=0.0)


def test_strike_fund_in_worker_months(table, article, change) -> None:
    rate = ec.rates(PARITIES, pesos_per_dollar=2.0)
    # 25,000 USD x 2 MXN/USD = 50,000 MXN; / 124.78 = 400.7 months
    assert ec.worker_months(table, change, rate) == pytest.approx(50000 / 124.78)
    frame = ec.strike_fund_table(table, article.text, change, rate, PARITIES)
    check_provenance(frame, article.text, "strike_fund")
    months = frame[frame["step"] == "= worker-months"]
    assert list(months["path"]) == ["A", "B", "C"]
    assert months.iloc[0]["value"] == "400.7"
    assert frame.iloc[0]["quote"] == "US\\$25,000"


@pytest.mark.parametrize(
    ("price_ratio", "expected"),
    [(1.0, 1.2231), (2.0, 0.1115), (124.78 / 56.13, 0.0), (3.0, -0.2590)],
)
def test_real_change(change, price_ratio, expected) -> None:
    assert ec.real_change(change, price_ratio) == pytest.approx(expected, abs=1e-4)


def test_break_even_and_sensitivity(change) -> None:
    assert ec.break_even(change) == pytest.approx(2.2231, abs=1e-4)
    ratios = ec.default_ratios(change)
    frame = ec.sensitivity_table(change, ratios)
    row = frame[frame["price_ratio"] == "2.2231"].iloc[0]
    assert (row["real_change"], row["verdict"]) == ("0.00%", "unchanged (break-even)")
    assert frame.iloc[0]["verdict"] == "real wage rose" and frame.iloc[-1]["verdict"] == "real wage fell"


@pytest.mark.parametrize("bad", ["2", 0.0, -1.0])
def test_real_change_bad_price_ratio(change, bad) -> None:
    with pytest.raises(ParameterError, match="price_ratio"):
        ec.real_change(change, bad)


def test_price_index(tmp_path, change) -> None:
    path = tmp_path / "prices.csv"
    path.write_text("year,index,source\n1927,250,invented for the test\n1910,100,invented for the test\n",
                    encoding="utf-8")
    index = ec.read_price_index(path)
    assert list(index["year"]) == [1910, 1927]
    ratio, frame = ec.real_series(change, index)
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
        ec.read_price_index(path)


def test_price_index_missing_file_and_year(tmp_path, change) -> None:
    with pytest.raises(ParameterError, match="no such file"):
        ec.read_price_index(tmp_path / "absent.csv")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("year,index,source\n1910,100,Banco de M\xe9xico\n".encode("latin-1"))
    with pytest.raises(ParameterError, match="not UTF-8"):
        ec.read_price_index(bad)
    index = pd.DataFrame({"year": [1910], "index": [100.0], "source": ["x"]})
    with pytest.raises(ParameterError, match=r"no value for \[1927\]"):
        ec.real_series(change, index)


def test_all_claims(table, article, change) -> None:
    frame = ec.all_claims(table, article.text, change, PARITIES)
    check_provenance(frame, article.text, "claims")
    expected = ["profits-fall", "wage-225-increase", "wage-225-share", "strike-fund-rate"]
    assert list(frame["claim_id"]) == expected
    assert list(frame["status"]) == ["consistent", "inconsistent", "inconsistent", "consistent"]


def test_figures_draw_the_article_figures(table, change) -> None:
    fig = ec.plot_nominal_wages(change, table)  # the stated 225% is looked up in the table
    ax = fig.axes[0]
    assert [p.get_height() for p in ax.patches] == [56.13, 124.78]
    levels = sorted(line.get_ydata()[0] for line in ax.get_lines())
    assert levels == pytest.approx([56.13 * 2.25, 56.13 * 3.25])
    fig = ec.plot_profits(table)
    assert [p.get_height() for p in fig.axes[0].patches] == [41.0, 6.0]
    fig = ec.plot_sensitivity(change, 6.0)  # outside the default range: the axis widens
    ax = fig.axes[0]
    assert ax.get_lines()[0].get_xdata().max() == pytest.approx(6.6)
    assert any(line.get_xdata()[0] == pytest.approx(124.78 / 56.13) for line in ax.get_lines()[1:])


def test_nominal_wage_figure_reads_the_stated_figure(table, change) -> None:
    # a stated "increase of 300%" moves the two reference lines to 56.13 x 4 and 56.13 x 3
    fig = ec.plot_nominal_wages(change, _with_value(table, "wage_increase_stated", 300.0))
    levels = sorted(line.get_ydata()[0] for line in fig.axes[0].get_lines())
    assert levels == pytest.approx([56.13 * 3.0, 56.13 * 4.0])


def test_explorer_updates_with_the_sliders(table, change) -> None:
    box = ec.make_explorer(table, change, price_ratio=1.0)
    price, peso_g, _, _ = box.children[:4]
    html = box.children[-1]
    assert "122.31%" in html.value
    price.value = 2.0
    assert "11.15%" in html.value
    peso_g.value = 1.5  # twice the gold per peso: half the pesos, half the worker-months
    assert f"{25000 * (1.50463 / 1.5) / 124.78:.1f}" in html.value


def test_explorer_view_is_the_static_table(table, change) -> None:
    view = ec.explorer_view(table, change, 2.0, PARITIES)
    values = dict(zip(view["quantity"], view["value"], strict=True))
    assert values["real wage change"] == "11.15%"
    assert values["real wage 1927"] == "62.39"
    assert values["break-even price ratio"] == "2.2231"


def test_zero_rate_parameter_means_gold_parity():
    checked = ec.check_wage_parameters(pesos_per_dollar=0.0, rubles_per_dollar=2)
    assert checked == {"pesos_per_dollar": None, "rubles_per_dollar": 2.0}


def test_explorer_view_uses_the_rates_given():
    quantities = q.quantities_table(hk.load_seed("spenser-bolsheviks-mexico"))
    change = ec.wage_change(quantities)
    given = ec.rates(PARITIES, pesos_per_dollar=2.5)
    view = ec.explorer_view(quantities, change, 1.0, PARITIES, given).set_index("quantity")
    assert view.loc["pesos per dollar", "value"] == "2.5000"
    # 25,000 USD x 2.5 pesos / 124.78 pesos a month, all three read from the article or given
    assert view.loc["strike fund, worker-months (via USD)", "value"] == f"{25000 * 2.5 / 124.78:.1f}"


def test_explorer_has_a_fixed_text_form(table, change) -> None:
    box = ec.make_explorer(table, change, 2.0, PARITIES)
    assert repr(box) == ec.EXPLORER_REPR
    assert len(ec.EXPLORER_REPR) <= 110  # ipywidgets cuts a longer text/plain with "…"
    assert "VBox" not in repr(box) and "FloatSlider" not in repr(box)


@pytest.mark.parametrize(
    ("price_ratio", "pesos", "rubles"),
    [(1.0, None, None), (2.0, 2.5, None), (1.0, None, 2.0), (2.5, 3.0, 1.5), (6.0, None, None)],
)
def test_explorer_starts_as_the_static_table(table, change, price_ratio, pesos, rubles) -> None:
    # the live table with untouched sliders is the static table for the same settings
    rate = ec.rates(PARITIES, pesos, rubles)
    box = ec.make_explorer(table, change, price_ratio, PARITIES, rate)
    static = ec.explorer_view(table, change, price_ratio, PARITIES, rate)
    assert box.children[-1].value == static.to_html(index=False)


def test_explorer_rate_sliders(table, change) -> None:
    box = ec.make_explorer(table, change, 1.0, PARITIES, ec.rates(PARITIES, pesos_per_dollar=2.5))
    sliders = {s.description: s for s in box.children[:-1]}
    html = box.children[-1]
    pesos = sliders["pesos per dollar (0: gold parity)"]
    assert pesos.value == 2.5
    assert "500.9" in html.value  # 500.9 worker-months at 2.5 pesos a dollar
    pesos.value = 0.0  # back to the gold parity: 25,000 x 2.0062 / 124.78 = 401.9
    assert "401.9" in html.value and "gold parity" in html.value
    sliders["rubles per dollar (0: gold parity)"].value = 2.0  # the article's own 50,000 / 25,000
    assert "2.0000" in html.value
