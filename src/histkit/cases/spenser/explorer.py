"""The railway explorer: rates and a price level to move, and what they change in the wage table."""

from __future__ import annotations

from typing import Any

import pandas as pd

from histkit.cases.spenser.economics import GoldParities, Rates, rates, worker_months
from histkit.cases.spenser.wages import WageChange, break_even, real_change
from histkit.extract.quantities import by_key
from histkit.present.display import figure, reader_table

# --- explorer -------------------------------------------------------------------------------


def explorer_view(quantities: pd.DataFrame, change: WageChange, price_ratio: float,
                  parities: GoldParities, rate: Rates | None = None) -> pd.DataFrame:
    """Return what the explorer shows for one setting (also the static view for a notebook).

    Values are written at a reader's precision ("about 2.2 times", "122%"); the exact figures are
    in the notebook's tables and CSV files. ``rate`` carries exchange rates given as parameters;
    without it, the gold parities decide. Each rate feeds a visible line: the pesos per dollar turn
    the article's dollars into months of wages, the rubles per dollar turn its rubles into dollars.
    """
    rate = rate or rates(parities)
    rub = float(by_key(quantities, "strike_fund_rub")["value"])
    usd = float(by_key(quantities, "strike_fund_usd")["value"])
    end, base = change.end_year, change.base_year
    months = f"months of the {end} average railway wage"
    dollars = rub / rate.rubles_per_dollar
    rows = [
        (f"price level {end} / {base}", f"{price_ratio:.2f}", "an assumption: the article gives no price index"),
        (f"real wage change {base}-{end}", f"{figure(100 * real_change(change, price_ratio))}%",
         "the wage ratio divided by the price level, less one"),
        (f"real wage {end}", f"{change.end / price_ratio:.2f} pesos", f"a month, at {base} prices"),
        ("break-even price level", f"about {break_even(change):.1f} times",
         f"the {base} prices: above it the real wage fell"),
        ("pesos per dollar", figure(rate.pesos_per_dollar, 4), _source(rate.pesos_source)),
        ("rubles per dollar", figure(rate.rubles_per_dollar, 4), _source(rate.rubles_source)),
        ("strike fund in dollars", f"US${dollars:,.0f}",
         f"the article's {rub:,.0f} rubles at this rate (it says US${usd:,.0f})"),
        ("strike fund, the article's dollars", f"{worker_months(quantities, change, rate):.1f}",
         f"{months} (US${usd:,.0f} at this peso rate)"),
        ("strike fund, the rubles at these rates", f"{dollars * rate.pesos_per_dollar / change.end:.1f}", months),
        ("strike fund, the rubles in gold", f"{rub * parities.ruble_g / parities.peso_g / change.end:.1f}",
         f"{months} (rubles to pesos by their gold content)"),
    ]
    return pd.DataFrame(rows, columns=["quantity", "value", "meaning"])


def _source(source: str) -> str:
    return "from the gold parities" if source == "gold parity" else "as given"


# one sentence of at most 110 characters: ipywidgets cuts a longer text form with "…"
EXPLORER_REPR = (
    "Railway wage explorer: run the notebook in JupyterLab to try other settings; the static table follows."
)


def _step(value: float) -> float:
    # the slider's step must land on the starting value, or the browser snaps it to the grid
    for decimals in range(2, 7):
        if abs(value * 10**decimals - round(value * 10**decimals)) < 1e-9:
            return 10.0**-decimals
    return 1e-6


def make_explorer(quantities: pd.DataFrame, change: WageChange, price_ratio: float = 1.0,
                  parities: GoldParities | None = None, rate: Rates | None = None) -> Any:
    """Return an ipywidgets box: the price level, gold parities and rates, a live table and figure.

    The price level is a slider (its step lands on the parameter, so nothing snaps); the gold
    parities and rates are text boxes, which keep every decimal of a parameter (7.74234 g stays
    7.74234). A rate at 0 means "use the gold parity", as for the notebook's parameters. With
    nothing touched, the table is the notebook's static table for the same settings. Moving the
    price level also redraws the real-wage figure. The box's text form is one fixed sentence, so a
    notebook saved with it is the same on every run.
    """
    import ipywidgets as widgets  # imported here: only the notebook's explorer needs it

    from histkit.cases.spenser.figures import plot_sensitivity
    from histkit.present.style import render

    class _Explorer(widgets.VBox):
        # the default repr lists every control's state: long, and it changes with any setting
        def __repr__(self) -> str:
            return EXPLORER_REPR

    parities = parities or GoldParities()
    rate = rate or rates(parities)
    style = {"description_width": "16em"}

    def box(value: float, description: str) -> Any:
        return widgets.FloatText(value=value, description=description, style=style,
                                 layout=widgets.Layout(width="26em"))

    def given(value: float, source: str) -> float:
        return value if source == "parameter" else 0.0

    price = widgets.FloatSlider(
        value=price_ratio, min=min(0.5, price_ratio), max=max(4.0, price_ratio), step=_step(price_ratio),
        description=f"price level {change.end_year} / {change.base_year}", readout_format=".2f", style=style,
        layout=widgets.Layout(width="40em"),
    )  # fmt: skip
    controls = {
        "price_ratio": price,
        "peso_g": box(parities.peso_g, "g of gold in a peso"),
        "chervonets_g": box(parities.chervonets_g, "g of gold in a chervonets"),
        "dollar_g": box(parities.dollar_g, "g of gold in a dollar"),
        "pesos_per_dollar": box(given(rate.pesos_per_dollar, rate.pesos_source), "pesos per dollar (0: gold)"),
        "rubles_per_dollar": box(given(rate.rubles_per_dollar, rate.rubles_source), "rubles per dollar (0: gold)"),
    }
    output = widgets.HTML()
    picture = widgets.Image(format="png", layout=widgets.Layout(max_width="44em"))

    def positive(name: str, fallback: float) -> float:
        # a text box may hold 0 or a negative number while someone types: keep the last sound value
        value = controls[name].value
        return value if value and value > 0 else fallback

    def update(_: object = None) -> None:
        chosen = GoldParities(positive("peso_g", parities.peso_g), positive("chervonets_g", parities.chervonets_g),
                              parities.chervonets_rubles, positive("dollar_g", parities.dollar_g))
        chosen_rate = rates(chosen, positive("pesos_per_dollar", 0) or None,
                            positive("rubles_per_dollar", 0) or None)
        view = explorer_view(quantities, change, positive("price_ratio", price_ratio), chosen, chosen_rate)
        output.value = reader_table(view)._repr_html_()

    def redraw(_: object = None) -> None:
        picture.value = render(plot_sensitivity(change, positive("price_ratio", price_ratio)), "png")

    for widget in controls.values():
        widget.observe(update, names="value")
    price.observe(redraw, names="value")
    update()
    redraw()
    return _Explorer([*controls.values(), output, picture])
