"""The railway figures and the railway explorer: drawn from the article figures, starting at the parameters."""

from __future__ import annotations

import pytest

import histkit as hk
from histkit.cases.spenser import economics as ec
from histkit.cases.spenser import explorer as ex
from histkit.cases.spenser import figures as ef
from histkit.cases.spenser import wages
from histkit.extract import quantities as q
from histkit.present.display import reader_table
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


def test_explorer_updates_with_the_controls(table, change) -> None:
    box = ex.make_explorer(table, change, price_ratio=1.0)
    price, peso_g = box.children[:2]
    html, picture = box.children[-2:]
    assert "122%" in html.value  # 124.78 / 56.13 - 1, at a reader's precision
    first = picture.value
    price.value = 2.0
    assert "11.2%" in html.value
    assert picture.value != first and picture.value[:4] == b"\x89PNG"  # the real-wage figure is redrawn
    peso_g.value = 1.5  # twice the gold per peso: half the pesos, half the worker-months
    assert f"{25000 * (1.50463 / 1.5) / 124.78:.1f}" in html.value


def test_explorer_view_is_the_static_table(table, change) -> None:
    view = ex.explorer_view(table, change, 2.0, PARITIES)
    values = dict(zip(view["quantity"], view["value"], strict=True))
    assert values["real wage change 1910-1927"] == "11.2%"
    assert values["real wage 1927"] == "62.39 pesos"
    # 124.78 / 56.13 = 2.2231: "about 2.2 times", not four decimals
    assert values["break-even price level"] == "about 2.2 times"


def test_zero_rate_parameter_means_gold_parity():
    checked = ec.check_wage_parameters(pesos_per_dollar=0.0, rubles_per_dollar=2)
    assert checked == {"pesos_per_dollar": None, "rubles_per_dollar": 2.0}


def test_explorer_view_uses_the_rates_given():
    quantities = q.quantities_table(hk.load_seed("spenser-bolsheviks-mexico"))
    change = wages.wage_change(quantities)
    given = ec.rates(PARITIES, pesos_per_dollar=2.5)
    view = ex.explorer_view(quantities, change, 1.0, PARITIES, given).set_index("quantity")
    assert view.loc["pesos per dollar", "value"] == "2.5"
    assert view.loc["pesos per dollar", "meaning"] == "as given"
    # 25,000 USD x 2.5 pesos / 124.78 pesos a month, all three read from the article or given
    assert view.loc["strike fund, the article's dollars", "value"] == f"{25000 * 2.5 / 124.78:.1f}"


def test_explorer_has_a_fixed_text_form(table, change) -> None:
    box = ex.make_explorer(table, change, 2.0, PARITIES)
    assert repr(box) == ex.EXPLORER_REPR
    assert len(ex.EXPLORER_REPR) <= 110  # ipywidgets cuts a longer text/plain with "…"
    assert "VBox" not in repr(box) and "FloatSlider" not in repr(box)


@pytest.mark.parametrize(("value", "step"), [(1.0, 0.01), (1.25, 0.01), (1.505, 0.001), (7.74234, 1e-5)])
def test_price_slider_step_lands_on_the_parameter(table, change, value, step) -> None:
    # a slider whose grid misses its value is snapped by the browser (1.50463 became 1.505)
    price = ex.make_explorer(table, change, value).children[0]
    assert price.value == value
    assert price.step == pytest.approx(step)
    assert round(value / price.step) * price.step == pytest.approx(value)


def test_gold_parities_and_rates_are_text_boxes_holding_every_decimal(table, change) -> None:
    widgets = pytest.importorskip("ipywidgets")
    box = ex.make_explorer(table, change, 1.0, PARITIES)
    boxes = {w.description: w for w in box.children[1:6]}
    assert all(isinstance(w, widgets.FloatText) for w in boxes.values())
    # the parameters' values as the sources give them: 7.74234 g (chervonets), 1.50463 g (dollar)
    assert boxes["g of gold in a chervonets"].value == 7.74234
    assert boxes["g of gold in a dollar"].value == 1.50463


@pytest.mark.parametrize(
    ("price_ratio", "pesos", "rubles"),
    [(1.0, None, None), (2.0, 2.5, None), (1.0, None, 2.0), (2.5, 3.0, 1.5), (6.0, None, None)],
)
def test_explorer_starts_as_the_static_table(table, change, price_ratio, pesos, rubles) -> None:
    # the live table with untouched sliders is the static table for the same settings
    rate = ec.rates(PARITIES, pesos, rubles)
    box = ex.make_explorer(table, change, price_ratio, PARITIES, rate)
    static = ex.explorer_view(table, change, price_ratio, PARITIES, rate)
    assert box.children[-2].value == reader_table(static)._repr_html_()


def test_explorer_rates_change_what_is_shown(table, change) -> None:
    box = ex.make_explorer(table, change, 1.0, PARITIES, ec.rates(PARITIES, pesos_per_dollar=2.5))
    boxes = {w.description: w for w in box.children[1:6]}
    html = box.children[-2]
    pesos = boxes["pesos per dollar (0: gold)"]
    assert pesos.value == 2.5
    assert "500.9" in html.value  # 500.9 worker-months at 2.5 pesos a dollar
    pesos.value = 0.0  # back to the gold parity: 25,000 x 2.0062 / 124.78 = 401.9
    assert "401.9" in html.value and "from the gold parities" in html.value
    # the article's own 50,000 rubles / US$25,000: the rubles come to the article's dollars
    boxes["rubles per dollar (0: gold)"].value = 2.0
    assert "US$25,000</td>" in html.value
    assert "401.9" in html.value.split("the rubles at these rates")[1]
