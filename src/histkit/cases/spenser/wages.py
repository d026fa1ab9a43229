"""Railway wages recomputed: the change 1910-1927, the stated increase tested, real wages as a sensitivity.

Every input figure comes from the ``quantities`` table (:mod:`histkit.extract.quantities`), found by
its curated ``key`` and year; nothing here types a number the article gives. What the article does
not give (a price index) enters as a parameter, and its absence is shown as a sensitivity.

Tables returned carry provenance (``seed, start, end, quote``): a computed row quotes the verbatim
span that runs from its first input figure to its last, so a reader can see where it comes from.
To add a computation: a pure function of the quantities table (and parameters) returning such a
DataFrame, with a case in ``tests/analyse/test_wages.py`` checked against the article's own numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from histkit.analyse.claims import Claim
from histkit.core import inputs
from histkit.core.errors import ParameterError
from histkit.core.params import check_parameter
from histkit.core.paths import from_root
from histkit.extract.quantities import by_key, by_key_year

# --- helpers --------------------------------------------------------------------------------


def span_of(*rows: pd.Series) -> dict[str, Any]:
    """Provenance of a computed row: the verbatim span from its first input to its last."""
    start = min(int(r["start"]) for r in rows)
    end = max(int(r["end"]) for r in rows)
    seed = str(rows[0]["seed"])
    return {"seed": seed, "start": start, "end": end, "_span": (start, end)}


def with_quotes(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    """Fill the ``quote`` column from each row's verbatim span."""
    frame = frame.copy()
    frame["quote"] = [text[a:b] for a, b in zip(frame["start"], frame["end"], strict=True)]
    return frame


def percent(x: float) -> str:
    """A ratio as a percentage with two decimals ("122.31%")."""
    # round first so that a value within rounding of zero never prints as "-0.00%"
    return f"{round(100 * x, 2) + 0.0:.2f}%"


# --- wages ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WageChange:
    """The change of the average railway wage between two years, from the article's figures."""

    base_year: int
    end_year: int
    base: float  # pesos a month
    end: float
    base_row: pd.Series
    end_row: pd.Series

    @property
    def absolute(self) -> float:
        """End minus base, pesos a month."""
        return self.end - self.base

    @property
    def ratio(self) -> float:
        """End divided by base (the end wage as a multiple of the base wage)."""
        return self.end / self.base

    @property
    def increase(self) -> float:
        """Relative increase, end / base - 1 (0.5 means +50 %)."""
        return self.ratio - 1

    @property
    def years(self) -> int:
        """Years between base and end."""
        return self.end_year - self.base_year

    @property
    def cagr(self) -> float:
        """Compound annual growth rate, ratio ** (1 / years) - 1."""
        return self.ratio ** (1 / self.years) - 1


def wage_change(quantities: pd.DataFrame, base_year: int = 1910, end_year: int = 1927) -> WageChange:
    """Find the average railway wage of ``base_year`` and ``end_year`` in the quantities table.

    Raises
    ------
    ParameterError
        If the article gives no wage for one of the years (naming the parameter and the years it has).

    """
    base_year = check_parameter("base_year", base_year, "int")
    end_year = check_parameter("end_year", end_year, "int")
    if end_year <= base_year:
        raise ParameterError(
            f"parameter 'end_year' ({end_year}) must come after 'base_year' ({base_year})"
        )
    base = by_key_year(quantities, "railway_wage", base_year, "base_year")
    end = by_key_year(quantities, "railway_wage", end_year, "end_year")
    return WageChange(base_year, end_year, float(base["value"]), float(end["value"]), base, end)


def curated_wage_change(
    quantities: pd.DataFrame, base_year: int = 1910, end_year: int = 1927
) -> WageChange | None:
    """The wage change, or ``None`` for an article nobody has curated yet.

    Which figure is a railway wage is curated knowledge (key ``railway_wage`` in the seed's
    ``quantities.yaml``): an article without any such key gets ``None``, and :func:`curation_note`
    says what curating would add. With the key, a missing year is still an error naming the parameter.
    """
    if "key" not in quantities or not quantities["key"].eq("railway_wage").any():
        return None
    return wage_change(quantities, base_year, end_year)


def curation_note(quantities: pd.DataFrame, seed: str) -> str:
    """Say in plain words what this notebook computes once an article's figures are curated (Markdown)."""
    money = int(quantities["kind"].eq("money").sum()) if "kind" in quantities else 0
    return (
        f"**Not curated yet.** The text alone gives the {len(quantities)} figures with a unit above "
        f"({money} sums of money), but not which of them are the railway wages, the company's profits and "
        "the strike fund this notebook is about. That is curated knowledge: a `quantities.yaml` beside "
        f"the article text of seed `{seed}` (keys `railway_wage`, `railway_profits`, `wage_increase_stated`, "
        "`strike_fund_rub`, `strike_fund_usd`, each anchored by its quote; the first article's file shows "
        "the form). With it, the cells below recompute the wage change, test the article's stated increase, "
        "put the strike fund in months of wages and show real wages as a sensitivity to prices; without it "
        "they stay empty rather than guess."
    )


def wage_values(change: WageChange | None, text: str) -> pd.DataFrame:
    """Return the wage figures and what they give (change, ratio, increase, annual growth), exactly.

    ``value`` is a number at full precision (percentages in percent, ``unit`` says which): the
    table exported as ``wages.csv``. :func:`wage_table` is the same, written for a reader. Without a
    wage change (an uncurated article) the table is empty, with its columns.
    """
    if change is None:
        return pd.DataFrame(columns=["measure", "value", "unit", "formula", "seed", "start", "end", "quote"])
    b, e = change.base_year, change.end_year
    prov = span_of(change.base_row, change.end_row)
    rows = [
        (f"average wage {b}", change.base, "MXN a month", "article", change.base_row),
        (f"average wage {e}", change.end, "MXN a month", "article", change.end_row),
        ("absolute change", change.absolute, "MXN a month", f"{e} - {b}", None),
        (f"ratio {e}/{b}", change.ratio, "times", f"{e} / {b}", None),
        (f"{e} wage as a share of {b}", 100 * change.ratio, "percent", f"100 x {e} / {b}", None),
        ("percentage increase", 100 * change.increase, "percent", f"100 x ({e} / {b} - 1)", None),
        (f"compound annual growth {b}-{e}", 100 * change.cagr, "percent a year",
         f"100 x (({e} / {b}) ** (1 / {change.years}) - 1)", None),
    ]
    records = []
    for measure, value, unit, formula, source in rows:
        span = (int(source["start"]), int(source["end"])) if source is not None else prov["_span"]
        records.append({"measure": measure, "value": float(value), "unit": unit, "formula": formula,
                        "seed": prov["seed"], "start": span[0], "end": span[1]})
    return with_quotes(pd.DataFrame(records), text)


def wage_table(change: WageChange, text: str) -> pd.DataFrame:
    """Return :func:`wage_values` with each value written as a historian would ("+68.65", "122.31%")."""
    frame = wage_values(change, text)
    written = {
        "MXN a month": lambda v: f"{v:.2f}",
        "times": lambda v: f"{v:.2f}",  # a historian says "about 2.2 times"; wages.csv keeps every digit
        "percent": lambda v: percent(v / 100),
        "percent a year": lambda v: percent(v / 100),
    }
    frame["value"] = [written[u](v) for v, u in zip(frame["value"], frame["unit"], strict=True)]
    frame.loc[frame["measure"] == "absolute change", "value"] = f"{change.absolute:+.2f}"
    return frame


def increase_claims(
    quantities: pd.DataFrame, change: WageChange, tolerance: float = 0.5
) -> list[Claim]:
    """Check the stated "increase of 225%" under both readings a reader might intend.

    Parameters
    ----------
    quantities : DataFrame
        The quantities table (the stated figure has key ``wage_increase_stated``).
    change : WageChange
        The wage figures.
    tolerance : float
        Largest accepted gap between stated and computed percentage, in percentage points. The
        default 0.5 accepts any figure that rounds to the stated whole percent.

    """
    tolerance = check_parameter("claim_tolerance", tolerance, "float")
    if tolerance < 0:
        raise ParameterError(f"parameter 'claim_tolerance' must be >= 0 percentage points; got {tolerance}")
    stated_row = by_key(quantities, "wage_increase_stated")
    stated = float(stated_row["value"])
    b, e = change.base_year, change.end_year
    readings = [
        ("increase", 100 * change.increase,
         f"read as an increase ({e} / {b} - 1)"),
        ("share", 100 * change.ratio,
         f"read as the {e} wage expressed as a percentage of the {b} wage ({e} / {b})"),
    ]
    claims = []
    for name, computed, reading in readings:
        gap = computed - stated
        ok = abs(gap) <= tolerance
        needed_end = change.base * (1 + stated / 100 if name == "increase" else stated / 100)
        claims.append(
            Claim(
                claim_id=f"wage-225-{name}",
                kind="arithmetic",
                seed=str(stated_row["seed"]),
                start=int(stated_row["start"]),
                end=int(stated_row["end"]),
                quote=str(stated_row["quote"]),
                stated=f"{stated:.0f}%",
                computed=f"{computed:.2f}%",
                status="consistent" if ok else "inconsistent",
                explanation=(
                    f"{reading}: {change.end:.2f} / {change.base:.2f} gives {computed:.2f}%, "
                    f"{gap:+.2f} percentage points from the stated {stated:.0f}% "
                    f"(tolerance {tolerance:.2f}); the stated figure would need a {e} wage of "
                    f"{needed_end:.2f} pesos"
                ),
            )
        )
    return claims

# --- real wages -----------------------------------------------------------------------------


def real_change(change: WageChange, price_ratio: float) -> float:
    """Return the real-wage change for a price level ``price_ratio`` = P(end) / P(base)."""
    price_ratio = check_parameter("price_ratio", price_ratio, "float")
    if not price_ratio > 0:
        raise ParameterError(f"parameter 'price_ratio' must be a positive number; got {price_ratio!r}")
    return change.ratio / price_ratio - 1


def break_even(change: WageChange) -> float:
    """Return the price ratio at which the real wage is unchanged (it equals the nominal ratio)."""
    return change.ratio


def sensitivity_table(change: WageChange, ratios: Sequence[float]) -> pd.DataFrame:
    """Return the real-wage change for each price ratio (the article gives no price index)."""
    rows = []
    for r in ratios:
        real = real_change(change, r)
        verdict = "unchanged (break-even)" if abs(real) < 1e-9 else (
            "real wage rose" if real > 0 else "real wage fell")
        rows.append({"price_ratio": f"{r:.2f}", f"real_wage_{change.end_year}_at_{change.base_year}_prices":
                     f"{change.end / r:.2f}", "real_change": percent(real), "verdict": verdict})
    return pd.DataFrame(rows)


def default_ratios(
    change: WageChange, low: float = 0.5, high: float = 4.0, step: float = 0.25
) -> list[float]:
    """Return a grid of price ratios from ``low`` to ``high``, with the break-even added."""
    n = round((high - low) / step)
    grid = {round(low + i * step, 10) for i in range(n + 1)}
    grid = {g for g in grid if abs(g - break_even(change)) > 1e-9}
    return sorted([*grid, break_even(change)])


def read_price_index(path: str | Path) -> pd.DataFrame:
    """Read a user's price index: a CSV with the header ``year,index,source``.

    Raises
    ------
    ParameterError
        Naming parameter ``price_index_file``, the file and the line of the first problem
        (see :func:`histkit.core.inputs.read_price_index`).

    """
    rows = inputs.read_price_index("price_index_file", Path(path))
    return pd.DataFrame(rows).sort_values("year", ignore_index=True)


def real_series(change: WageChange, index: pd.DataFrame) -> tuple[float, pd.DataFrame]:
    """Return the price ratio from a price index and the real wages at base-year prices.

    Raises
    ------
    ParameterError
        If the index lacks the base or the end year.

    """
    by_year = dict(zip(index["year"], index["index"], strict=True))
    missing = [y for y in (change.base_year, change.end_year) if y not in by_year]
    if missing:
        raise ParameterError(
            f"parameter 'price_index_file': the index has no value for {missing}; "
            f"add rows for {change.base_year} and {change.end_year}"
        )
    ratio = by_year[change.end_year] / by_year[change.base_year]
    rows = []
    for year, wage in ((change.base_year, change.base), (change.end_year, change.end)):
        deflator = by_year[year] / by_year[change.base_year]
        source = index.loc[index["year"] == year, "source"].iloc[0]
        rows.append({"year": year, "nominal_wage": f"{wage:.2f}", "index": f"{by_year[year]:.2f}",
                     "real_wage_base_prices": f"{wage / deflator:.2f}", "index_source": source})
    return ratio, pd.DataFrame(rows)

@dataclass(frozen=True)
class PriceSetting:
    """The price ratio used for real wages, where it comes from, and the real series if any."""

    ratio: float
    source: str
    series: pd.DataFrame | None


def price_setting(change: WageChange, price_ratio: float = 1.0, price_index_file: str = "") -> PriceSetting:
    """Return the price ratio: from the price-index file when one is given, else the parameter."""
    if price_index_file:
        path = from_root(price_index_file)
        ratio, series = real_series(change, read_price_index(path))
        return PriceSetting(ratio, f"price index file {Path(price_index_file).name}", series)
    real_change(change, price_ratio)  # checks the value
    return PriceSetting(float(price_ratio), "parameter price_ratio, an assumption, not a source", None)


def real_wage_summary(change: WageChange, price: PriceSetting) -> pd.DataFrame:
    """Return the real-wage result for the chosen price ratio, and the break-even."""
    real = real_change(change, price.ratio)
    rows = [
        ("price ratio used", f"{price.ratio:.2f}", price.source),
        ("nominal wage ratio", f"{change.ratio:.2f}", f"{change.end:.2f} / {change.base:.2f}"),
        ("real wage change", percent(real), "nominal ratio / price ratio - 1"),
        (f"real wage {change.end_year} at {change.base_year} prices", f"{change.end / price.ratio:.2f}",
         "pesos a month"),
        ("break-even price ratio", f"{break_even(change):.2f}",
         "prices must have risen less than this for the real wage to have risen"),
    ]
    return pd.DataFrame(rows, columns=["quantity", "value", "note"])
