"""The railway figures drawn: nominal wages, profits, and the real-wage sensitivity."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from histkit.cases.spenser.economics import profits_change
from histkit.cases.spenser.wages import WageChange, break_even, real_change
from histkit.extract.quantities import by_key
from histkit.present.style import PALETTE, new_figure

# --- figures --------------------------------------------------------------------------------


def plot_nominal_wages(change: WageChange, quantities: pd.DataFrame) -> Figure:
    """Bar chart of the two nominal wages, annotated with the stated and the computed changes.

    The stated increase is the figure curated as ``wage_increase_stated`` in ``quantities``.
    """
    stated_increase = float(by_key(quantities, "wage_increase_stated")["value"])
    fig = new_figure(6.5, 4.0)
    ax = fig.add_subplot()
    labels = [str(change.base_year), str(change.end_year)]
    bars = ax.bar(labels, [change.base, change.end], color=[PALETTE[0], PALETTE[1]], width=0.55)
    for bar, value in zip(bars, (change.base, change.end), strict=True):
        ax.annotate(f"{value:.2f}", (bar.get_x() + bar.get_width() / 2, value), ha="center",
                    va="bottom", xytext=(0, 3), textcoords="offset points")
    ax.set_ylabel("pesos a month")
    ax.set_title("Average railway wage, as given in the article (nominal pesos)")
    ax.set_ylim(0, max(change.end, change.base * (1 + stated_increase / 100)) * 1.25)
    ax.text(
        0.02, 0.97,
        f"computed increase: {100 * change.increase:.0f}%  (about {change.ratio:.1f} times the "
        f"{change.base_year} wage)\n"
        f"stated: \"an increase of {stated_increase:.0f}%\"\n"
        f"annual growth {change.base_year}-{change.end_year}: {100 * change.cagr:.1f}% a year",
        transform=ax.transAxes, va="top", ha="left", fontsize=9,
    )
    # the two readings of the stated figure, as the 1927 wage each would need
    for level, label, offset in (
        (change.base * (1 + stated_increase / 100), f"read as an increase of {stated_increase:.0f}%", 0),
        (change.base * stated_increase / 100, f"read as {stated_increase:.0f}% of {change.base_year}", 1),
    ):
        ax.axhline(level, color=PALETTE[5], linestyle="--" if offset == 0 else ":", linewidth=1)
        ax.annotate(f"{label}: {level:.2f}", (0.27, level), xycoords=("axes fraction", "data"),
                    ha="center", va="bottom", fontsize=8, color=PALETTE[5])
    return fig


def plot_sensitivity(change: WageChange, price_ratio: float, low: float = 0.5, high: float = 4.0) -> Figure:
    """Curve of the real-wage change against the price ratio, with the break-even marked."""
    fig = new_figure(6.5, 4.0)
    ax = fig.add_subplot()
    high = max(high, price_ratio * 1.1)
    low = min(low, price_ratio * 0.9)
    n = 200
    xs = [low + (high - low) * i / n for i in range(n + 1)]
    ys = [100 * real_change(change, x) for x in xs]
    ax.plot(xs, ys, color=PALETTE[0], linewidth=2)
    ax.axhline(0, color=PALETTE[7], linewidth=0.8)
    even = break_even(change)
    ax.axvline(even, color=PALETTE[5], linestyle="--", linewidth=1)
    ax.annotate(f"break-even: prices x {even:.1f}", (even, 0), xytext=(8, 40), textcoords="offset points",
                color=PALETTE[5], fontsize=9)
    chosen = 100 * real_change(change, price_ratio)
    ax.plot([price_ratio], [chosen], marker="o", color=PALETTE[1])
    ax.annotate(f"price ratio {price_ratio:.2f}: {chosen:+.0f}%", (price_ratio, chosen), xytext=(8, 8),
                textcoords="offset points", color=PALETTE[1], fontsize=9)
    ax.set_xlabel(
        f"price level {change.end_year} / price level {change.base_year} (not given in the article)"
    )
    ax.set_ylabel(f"real wage change {change.base_year}-{change.end_year} (%)")
    ax.set_title("Real railway wage: what it would be for each possible price rise")
    return fig


def plot_profits(quantities: pd.DataFrame) -> Figure:
    """Bar chart of the railway company's profits in the two years the article gives."""
    first, last = profits_change(quantities)
    fig = new_figure(5.0, 3.6)
    ax = fig.add_subplot()
    values = [float(first["value"]), float(last["value"])]
    bars = ax.bar([str(int(first["year"])), str(int(last["year"]))], values,
                  color=[PALETTE[2], PALETTE[3]], width=0.55)
    for bar, value in zip(bars, values, strict=True):
        ax.annotate(f"{value:.0f}%", (bar.get_x() + bar.get_width() / 2, value), ha="center",
                    va="bottom", xytext=(0, 3), textcoords="offset points")
    ax.set_ylim(0, max(values) * 1.3)
    ax.set_ylabel("profits (%; base not stated)")
    ax.set_title("Railway company profits, as given in the article")
    ax.text(0.98, 0.95, f"{values[1] - values[0]:+.0f} percentage points\n"
            f"{100 * (values[1] / values[0] - 1):+.2f}% relative", transform=ax.transAxes,
            ha="right", va="top", fontsize=9)
    return fig
