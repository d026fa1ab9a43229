"""Tests of histkit.cases.spenser.economics against the article's own figures (section 3, lines 91-93).

The article: profits 41% (1909) and 6% (1926); average salary 56.13 pesos a month (1910) and
124.78 (1927), "an increase of 225%"; fifty thousand rubles (US$25,000). Expected values below
were worked out by hand from those figures: 124.78 - 56.13 = 68.65; 124.78 / 56.13 = 2.2231;
2.2231 ** (1/17) = 1.0481; 41 - 6 = 35 points; 6 / 41 = 0.1463; 50000 / 25000 = 2.
"""

from __future__ import annotations

import pandas as pd
import pytest

from histkit.cases.spenser import economics as ec
from histkit.core.errors import AnnotationError, ParameterError
from histkit.text.tables import check_provenance
from tests.conftest import with_value

PARITIES = ec.GoldParities()












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


@pytest.mark.parametrize(
    ("usd", "ending"),
    [
        (25000.0, "a round conversion at 2 rubles to the dollar"),  # the article's pair
        (20000.0, "a conversion at 2.50 rubles to the dollar"),  # 50,000 / 20,000
        (10000.0, "a round conversion at 5 rubles to the dollar"),  # 50,000 / 10,000
    ],
)
def test_exchange_explanation_follows_the_figures(table, article, usd, ending) -> None:
    claim = ec.exchange_claim(with_value(table, "strike_fund_usd", usd), article.text, PARITIES)
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
        ec.rates(PARITIES, rubles_per_dollar=-1.0)
    # 0 is what the notebook's parameter cell documents as "use the gold parity"
    assert ec.rates(PARITIES, rubles_per_dollar=0.0).rubles_source == "gold parity"


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














def test_all_claims(table, article, change) -> None:
    frame = ec.all_claims(table, article.text, change, PARITIES)
    check_provenance(frame, article.text, "claims")
    expected = ["profits-fall", "wage-225-increase", "wage-225-share", "strike-fund-rate"]
    assert list(frame["claim_id"]) == expected
    assert list(frame["status"]) == ["consistent", "inconsistent", "inconsistent", "consistent"]


















