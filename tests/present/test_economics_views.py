"""The railway figures and the railway explorer: drawn from the article figures, starting at the parameters."""

from __future__ import annotations

import pytest

import histkit as hk
from histkit.analyse import economics as ec
from histkit.analyse import wages
from histkit.extract import quantities as q
from histkit.present import economics_explorer as ex
from histkit.present import economics_figures as ef
from tests.conftest import with_value

PARITIES = ec.GoldParities()


def test_figures_draw_the_article_figures(table, change) -> None:
    fig = ef.plot_nominal_wages(change, table)  # the stated 225% is looked up in the table
    ax = fig.axes[0]
    assert [p.get_height() for p in ax.patches] == [56.13, 124.78]
    levels = sorted(line.get_ydata()[0] for line in ax.get_lines())
    assert levels == pytest.approx([56.13 * 2.25, 56.13 * 3.25])
    fig = ef.plot_profits(table)
    assert [p.get_height() for p in fig.axes[0].patches] == [41.0, 6.0]
    fig = ef.plot_sensitivity(change, 6.0)  # outside the default range: the axis widens
    ax = fig.axes[0]
    assert ax.get_lines()[0].get_xdata().max() == pytest.approx(6.6)
    assert any(line.get_xdata()[0] == pytest.approx(124.78 / 56.13) for line in ax.get_lines()[1:])


def test_nominal_wage_figure_reads_the_stated_figure(table, change) -> None:
    # a stated "increase of 300%" moves the two reference lines to 56.13 x 4 and 56.13 x 3
    fig = ef.plot_nominal_wages(change, with_value(table, "wage_increase_stated", 300.0))
    levels = sorted(line.get_ydata()[0] for line in fig.axes[0].get_lines())
    assert levels == pytest.approx([56.13 * 3.0, 56.13 * 4.0])


def test_explorer_updates_with_the_sliders(table, change) -> None:
    box = ex.make_explorer(table, change, price_ratio=1.0)
    price, peso_g, _, _ = box.children[:4]
    html = box.children[-1]
    assert "122.31%" in html.value
    price.value = 2.0
    assert "11.15%" in html.value
    peso_g.value = 1.5  # twice the gold per peso: half the pesos, half the worker-months
    assert f"{25000 * (1.50463 / 1.5) / 124.78:.1f}" in html.value


def test_explorer_view_is_the_static_table(table, change) -> None:
    view = ex.explorer_view(table, change, 2.0, PARITIES)
    values = dict(zip(view["quantity"], view["value"], strict=True))
    assert values["real wage change"] == "11.15%"
    assert values["real wage 1927"] == "62.39"
    assert values["break-even price ratio"] == "2.2231"


def test_zero_rate_parameter_means_gold_parity():
    checked = ec.check_wage_parameters(pesos_per_dollar=0.0, rubles_per_dollar=2)
    assert checked == {"pesos_per_dollar": None, "rubles_per_dollar": 2.0}


def test_explorer_view_uses_the_rates_given():
    quantities = q.quantities_table(hk.load_seed("spenser-bolsheviks-mexico"))
    change = wages.wage_change(quantities)
    given = ec.rates(PARITIES, pesos_per_dollar=2.5)
    view = ex.explorer_view(quantities, change, 1.0, PARITIES, given).set_index("quantity")
    assert view.loc["pesos per dollar", "value"] == "2.5000"
    # 25,000 USD x 2.5 pesos / 124.78 pesos a month, all three read from the article or given
    assert view.loc["strike fund, worker-months (via USD)", "value"] == f"{25000 * 2.5 / 124.78:.1f}"


def test_explorer_has_a_fixed_text_form(table, change) -> None:
    box = ex.make_explorer(table, change, 2.0, PARITIES)
    assert repr(box) == ex.EXPLORER_REPR
    assert len(ex.EXPLORER_REPR) <= 110  # ipywidgets cuts a longer text/plain with "…"
    assert "VBox" not in repr(box) and "FloatSlider" not in repr(box)


@pytest.mark.parametrize(
    ("price_ratio", "pesos", "rubles"),
    [(1.0, None, None), (2.0, 2.5, None), (1.0, None, 2.0), (2.5, 3.0, 1.5), (6.0, None, None)],
)
def test_explorer_starts_as_the_static_table(table, change, price_ratio, pesos, rubles) -> None:
    # the live table with untouched sliders is the static table for the same settings
    rate = ec.rates(PARITIES, pesos, rubles)
    box = ex.make_explorer(table, change, price_ratio, PARITIES, rate)
    static = ex.explorer_view(table, change, price_ratio, PARITIES, rate)
    assert box.children[-1].value == static.to_html(index=False)


def test_explorer_rate_sliders(table, change) -> None:
    box = ex.make_explorer(table, change, 1.0, PARITIES, ec.rates(PARITIES, pesos_per_dollar=2.5))
    sliders = {s.description: s for s in box.children[:-1]}
    html = box.children[-1]
    pesos = sliders["pesos per dollar (0: gold parity)"]
    assert pesos.value == 2.5
    assert "500.9" in html.value  # 500.9 worker-months at 2.5 pesos a dollar
    pesos.value = 0.0  # back to the gold parity: 25,000 x 2.0062 / 124.78 = 401.9
    assert "401.9" in html.value and "gold parity" in html.value
    sliders["rubles per dollar (0: gold parity)"].value = 2.0  # the article's own 50,000 / 25,000
    assert "2.0000" in html.value
