"""The railway explorer: rates and a price level to move, and what they change in the wage table."""

from __future__ import annotations

from typing import Any

import pandas as pd

from histkit.analyse.economics import GoldParities, Rates, rates, worker_months
from histkit.analyse.wages import WageChange, break_even, percent, real_change
from histkit.extract.quantities import by_key

# --- explorer -------------------------------------------------------------------------------


def explorer_view(quantities: pd.DataFrame, change: WageChange, price_ratio: float,
                  parities: GoldParities, rate: Rates | None = None) -> pd.DataFrame:
    """Return what the explorer shows for one setting (also the static view for a notebook).

    ``rate`` carries exchange rates given as parameters; without it, the gold parities decide.
    """
    rate = rate or rates(parities)
    rub = float(by_key(quantities, "strike_fund_rub")["value"])
    rows = [
        ("price ratio", f"{price_ratio:.2f}", f"P{change.end_year} / P{change.base_year}"),
        ("real wage change", percent(real_change(change, price_ratio)), f"{change.base_year}-{change.end_year}"),
        (f"real wage {change.end_year}", f"{change.end / price_ratio:.2f}",
         f"pesos a month at {change.base_year} prices"),
        ("break-even price ratio", f"{break_even(change):.4f}", "real wage unchanged"),
        ("pesos per dollar", f"{rate.pesos_per_dollar:.4f}", rate.pesos_source),
        ("rubles per dollar", f"{rate.rubles_per_dollar:.4f}", rate.rubles_source),
        ("strike fund, worker-months (via USD)", f"{worker_months(quantities, change, rate):.1f}",
         f"months of the {change.end_year} average wage"),
        ("strike fund, worker-months (via gold)",
         f"{rub * parities.ruble_g / parities.peso_g / change.end:.1f}",
         f"months of the {change.end_year} average wage"),
    ]
    return pd.DataFrame(rows, columns=["quantity", "value", "meaning"])


# one sentence of at most 110 characters: ipywidgets cuts a longer text form with "…"
EXPLORER_REPR = (
    "Railway wage explorer: run the notebook in JupyterLab to move the sliders; the static table follows."
)


def make_explorer(quantities: pd.DataFrame, change: WageChange, price_ratio: float = 1.0,
                  parities: GoldParities | None = None, rate: Rates | None = None) -> Any:
    """Return an ipywidgets box: sliders for the price ratio, gold parities and rates, and a live table.

    The table is an ``HTML`` widget whose value is rebuilt from :func:`explorer_view` when a
    slider moves; with the sliders untouched it is the notebook's static table for the same
    ``price_ratio``, ``parities`` and ``rate``. A rate slider at 0 means "use the gold parity"
    (as the notebook's ``pesos_per_dollar``/``rubles_per_dollar`` parameters do); a rate given as a
    parameter starts the slider at that rate. The box's text form is one fixed sentence, so a
    notebook saved with it is the same on every run.
    """
    import ipywidgets as widgets  # imported here: only the notebook's explorer needs it

    class _Explorer(widgets.VBox):
        # the default repr lists every slider's state: long, and it changes with any setting
        def __repr__(self) -> str:
            return EXPLORER_REPR

    parities = parities or GoldParities()
    rate = rate or rates(parities)
    style = {"description_width": "initial"}

    def slider(value: float, low: float, high: float, step: float, description: str,
               fmt: str = ".2f") -> Any:
        # widen the range to hold the starting value: a slider clips a value outside it, and the
        # live table would then no longer match the static one
        return widgets.FloatSlider(value=value, min=min(low, value), max=max(high, value), step=step,
                                   description=description, readout_format=fmt, style=style)

    def given(value: float, source: str) -> float:
        return value if source == "parameter" else 0.0

    sliders = {
        "price_ratio": slider(price_ratio, 0.5, 4.0, 0.05, f"prices {change.end_year}/{change.base_year}"),
        "peso_g": slider(parities.peso_g, 0.3, 1.5, 0.005, "g gold per peso", ".3f"),
        "chervonets_g": slider(parities.chervonets_g, 4.0, 12.0, 0.01, "g gold per chervonets", ".5f"),
        "dollar_g": slider(parities.dollar_g, 0.8, 3.0, 0.005, "g gold per dollar", ".5f"),
        "pesos_per_dollar": slider(given(rate.pesos_per_dollar, rate.pesos_source), 0.0, 5.0, 0.01,
                                   "pesos per dollar (0: gold parity)", ".4f"),
        "rubles_per_dollar": slider(given(rate.rubles_per_dollar, rate.rubles_source), 0.0, 5.0, 0.01,
                                    "rubles per dollar (0: gold parity)", ".4f"),
    }
    output = widgets.HTML()

    def update(_: object = None) -> None:
        chosen = GoldParities(sliders["peso_g"].value, sliders["chervonets_g"].value,
                              parities.chervonets_rubles, sliders["dollar_g"].value)
        chosen_rate = rates(chosen, sliders["pesos_per_dollar"].value or None,
                            sliders["rubles_per_dollar"].value or None)
        view = explorer_view(quantities, change, sliders["price_ratio"].value, chosen, chosen_rate)
        output.value = view.to_html(index=False)

    for widget in sliders.values():
        widget.observe(update, names="value")
    update()
    return _Explorer([*sliders.values(), output])
