"""Railway wages and money: the article's figures recomputed, checked and put in context.

Every input figure comes from the ``quantities`` table (histkit.quantities), found by its curated
``key`` and year; nothing here types a number the article gives. What the article does not give
(the gold content of the peso, the ruble and the dollar, a price index) enters as a parameter
whose default carries its source (:data:`PARITY_SOURCES`).

Tables returned carry provenance (``seed, start, end, quote``): a computed row quotes the verbatim
span that runs from its first input figure to its last, so a reader can see where it comes from.

To add a computation: write a pure function of the quantities table (and parameters) returning a
DataFrame with those columns, a case in ``tests/test_economics.py`` checked against the article's
own numbers, and a cell in ``notebooks/02-railway-wages.ipynb``.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from histkit.claims import Claim, claims_table
from histkit.errors import AnnotationError, ParameterError
from histkit.figures import PALETTE, new_figure
from histkit.params import check_parameter
from histkit.paths import from_root
from histkit.quantities import by_key, by_key_year, notes_path

# --- outside facts: gold parities ------------------------------------------------------------


@dataclass(frozen=True)
class GoldParities:
    """Grams of pure gold in one unit of each currency (outside facts, see :data:`PARITY_SOURCES`)."""

    peso_g: float = 0.75  # Mexico, Ley Monetaria of 25 March 1905: the peso = 75 centigrams pure gold
    chervonets_g: float = 7.74234  # USSR, chervonets of 10 rubles (1922): 7.74234 g pure gold
    chervonets_rubles: float = 10.0  # one chervonets = 10 rubles
    dollar_g: float = 1.50463  # USA, Gold Standard Act of 14 March 1900: 23.22 grains = 1.50463 g

    def __post_init__(self) -> None:
        for name in ("peso_g", "chervonets_g", "chervonets_rubles", "dollar_g"):
            value = check_parameter(name, getattr(self, name), "float")
            if not value > 0:
                raise ParameterError(f"parameter {name!r} must be a positive number of grams; got {value!r}")

    @property
    def ruble_g(self) -> float:
        """Grams of pure gold in one ruble (a tenth of a chervonets)."""
        return self.chervonets_g / self.chervonets_rubles

    @property
    def pesos_per_dollar(self) -> float:
        """Pesos for one dollar at gold parity."""
        return self.dollar_g / self.peso_g

    @property
    def rubles_per_dollar(self) -> float:
        """Rubles for one dollar at gold parity."""
        return self.dollar_g / self.ruble_g


PARITY_SOURCES: dict[str, str] = {
    "peso_g": "Mexico, Ley Monetaria (25 March 1905): the peso is defined as 75 centigrams of pure gold",
    "chervonets_g": "Soviet decree on the chervonets (11 October 1922): 10 rubles = 7.74234 g of pure gold",
    "dollar_g": (
        "United States, Gold Standard Act (14 March 1900): 25.8 grains of gold nine-tenths fine "
        "= 23.22 grains = 1.50463 g of pure gold"
    ),
}


def parities_table(parities: GoldParities) -> pd.DataFrame:
    """Return the gold parities used, each with its source, and the rates they imply."""
    rows = [
        ("peso (MXN)", f"{parities.peso_g:.5f}", "g pure gold", PARITY_SOURCES["peso_g"]),
        ("ruble (RUB)", f"{parities.ruble_g:.6f}", "g pure gold",
         f"a tenth of the chervonets; {PARITY_SOURCES['chervonets_g']}"),
        ("US dollar (USD)", f"{parities.dollar_g:.5f}", "g pure gold", PARITY_SOURCES["dollar_g"]),
        ("pesos per dollar", f"{parities.pesos_per_dollar:.4f}", "MXN/USD", "dollar gold / peso gold"),
        ("rubles per dollar", f"{parities.rubles_per_dollar:.4f}", "RUB/USD", "dollar gold / ruble gold"),
    ]
    return pd.DataFrame(rows, columns=["item", "value", "unit", "source"])


# --- helpers --------------------------------------------------------------------------------


def _provenance(*rows: pd.Series) -> dict[str, Any]:
    """Provenance of a computed row: the verbatim span from its first input to its last."""
    start = min(int(r["start"]) for r in rows)
    end = max(int(r["end"]) for r in rows)
    seed = str(rows[0]["seed"])
    return {"seed": seed, "start": start, "end": end, "_span": (start, end)}


def _with_quotes(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    frame = frame.copy()
    frame["quote"] = [text[a:b] for a, b in zip(frame["start"], frame["end"], strict=True)]
    return frame


def _pct(x: float) -> str:
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


def wage_table(change: WageChange, text: str) -> pd.DataFrame:
    """Return the wage figures and what they give: change, ratio, increase, annual growth."""
    b, e = change.base_year, change.end_year
    prov = _provenance(change.base_row, change.end_row)
    rows = [
        (f"average wage {b}", f"{change.base:.2f}", "MXN a month", "article", change.base_row),
        (f"average wage {e}", f"{change.end:.2f}", "MXN a month", "article", change.end_row),
        ("absolute change", f"{change.absolute:+.2f}", "MXN a month", f"{e} - {b}", None),
        (f"ratio {e}/{b}", f"{change.ratio:.4f}", "times", f"{e} / {b}", None),
        (f"{e} wage as a share of {b}", _pct(change.ratio), "percent", f"100 x {e} / {b}", None),
        ("percentage increase", _pct(change.increase), "percent", f"100 x ({e} / {b} - 1)", None),
        (f"compound annual growth {b}-{e}", _pct(change.cagr), "percent a year",
         f"100 x (({e} / {b}) ** (1 / {change.years}) - 1)", None),
    ]
    records = []
    for measure, value, unit, formula, source in rows:
        span = (int(source["start"]), int(source["end"])) if source is not None else prov["_span"]
        records.append({"measure": measure, "value": value, "unit": unit, "formula": formula,
                        "seed": prov["seed"], "start": span[0], "end": span[1]})
    return _with_quotes(pd.DataFrame(records), text)


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


# --- profits --------------------------------------------------------------------------------


def profits_change(quantities: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Return the two profit figures (earlier, later) of the railway company, in year order.

    Raises
    ------
    AnnotationError
        If the curated notes do not mark exactly two figures ``railway_profits`` with a year each
        (a data problem, not a parameter: the message names the quantities.yaml to fix).

    """
    rows = quantities[quantities["key"] == "railway_profits"]
    if len(rows) != 2 or rows["year"].isna().any():
        raise AnnotationError(
            f"{notes_path(quantities)}: expected two figures with key 'railway_profits', each with a "
            f"year (the earlier and the later profit percentage), found {len(rows)} "
            f"({int(rows['year'].isna().sum())} without a year); give two entries "
            "'key: railway_profits' anchored by the exact quote of each percentage, and a 'year:' "
            "where the sentence does not state it"
        )
    rows = rows.sort_values("year")
    return rows.iloc[0], rows.iloc[1]


def profits_table(quantities: pd.DataFrame, text: str) -> pd.DataFrame:
    """Return the fall in profits in percentage points and as a relative change."""
    first, last = profits_change(quantities)
    y0, y1 = int(first["year"]), int(last["year"])
    p0, p1 = float(first["value"]), float(last["value"])
    prov = _provenance(first, last)
    rows = [
        (f"profits {y0}", f"{p0:.2f}%", "percent", "article", first),
        (f"profits {y1}", f"{p1:.2f}%", "percent", "article", last),
        ("change in percentage points", f"{p1 - p0:+.2f}", "percentage points", f"{y1} - {y0}", None),
        ("relative change", _pct(p1 / p0 - 1), "percent", f"100 x ({y1} / {y0} - 1)", None),
    ]
    records = []
    for measure, value, unit, formula, source in rows:
        span = (int(source["start"]), int(source["end"])) if source is not None else prov["_span"]
        records.append({"measure": measure, "value": value, "unit": unit, "formula": formula,
                        "seed": prov["seed"], "start": span[0], "end": span[1]})
    return _with_quotes(pd.DataFrame(records), text)


def profits_claim(quantities: pd.DataFrame, text: str) -> Claim:
    """Check "profits were at 41%, in 1926 they had fallen to 6%": a fall, and by how much."""
    first, last = profits_change(quantities)
    p0, p1 = float(first["value"]), float(last["value"])
    y0, y1 = int(first["year"]), int(last["year"])
    start, end = int(first["start"]), int(last["end"])
    return Claim(
        claim_id="profits-fall",
        kind="arithmetic",
        seed=str(first["seed"]),
        start=start,
        end=end,
        quote=text[start:end],
        stated=f"fell from {p0:.0f}% ({y0}) to {p1:.0f}% ({y1})",
        computed=f"{p1 - p0:+.2f} points; {100 * (p1 / p0 - 1):+.2f}% relative",
        status="consistent" if p1 < p0 else "inconsistent",
        explanation=(
            f"the article says the profits had fallen; the figures fall by {p0 - p1:.2f} percentage "
            f"points, i.e. to {100 * p1 / p0:.2f}% of their {y0} level. What the percentages are "
            "of (capital, receipts) is not stated, so only the direction and size of the fall can be checked"
        ),
    )


# --- money in context -----------------------------------------------------------------------


@dataclass(frozen=True)
class Rates:
    """Exchange rates used for conversions, with where each comes from."""

    pesos_per_dollar: float
    rubles_per_dollar: float
    pesos_source: str
    rubles_source: str


def rates(
    parities: GoldParities, pesos_per_dollar: float | None = None, rubles_per_dollar: float | None = None
) -> Rates:
    """Return the rates: the given ones, or (for ``None``) the gold parities."""
    chosen = []
    for name, given, parity in (
        ("pesos_per_dollar", pesos_per_dollar, parities.pesos_per_dollar),
        ("rubles_per_dollar", rubles_per_dollar, parities.rubles_per_dollar),
    ):
        if given is None:
            chosen.append((parity, "gold parity"))
            continue
        value = check_parameter(name, given, "float")
        if not value > 0:
            raise ParameterError(f"parameter {name!r} must be a positive rate; got {value!r}")
        chosen.append((value, "parameter"))
    return Rates(chosen[0][0], chosen[1][0], chosen[0][1], chosen[1][1])


def exchange_claim(quantities: pd.DataFrame, text: str, parities: GoldParities,
                   tolerance: float = 0.05) -> Claim:
    """Compare the rate implied by "fifty thousand rubles (US$25,000)" with the gold parity.

    ``tolerance`` is relative (0.05 = the implied rate may differ from parity by 5 %).
    """
    tolerance = check_parameter("rate_tolerance", tolerance, "float")
    rub, usd = by_key(quantities, "strike_fund_rub"), by_key(quantities, "strike_fund_usd")
    implied = float(rub["value"]) / float(usd["value"])
    parity = parities.rubles_per_dollar
    gap = implied / parity - 1
    start, end = int(rub["start"]), int(usd["end"])
    if text[end : end + 1] == ")":
        end += 1  # quote the whole phrase "fifty thousand rubles (US$25,000)"
    # a whole number of rubles to the dollar reads as a round conversion, not a market quotation
    how = (f"a round conversion at {implied:.0f} rubles to the dollar" if abs(implied - round(implied)) < 1e-9
           else f"a conversion at {implied:.2f} rubles to the dollar")
    return Claim(
        claim_id="strike-fund-rate",
        kind="conversion",
        seed=str(rub["seed"]),
        start=start,
        end=end,
        quote=text[start:end],
        stated=f"{implied:.4f} RUB/USD",
        computed=f"{parity:.4f} RUB/USD at gold parity",
        status="consistent" if abs(gap) <= tolerance else "inconsistent",
        explanation=(
            f"{float(rub['value']):,.0f} RUB / {float(usd['value']):,.0f} USD = {implied:.4f} rubles per "
            f"dollar; gold parity ({parities.dollar_g:.5f} g / {parities.ruble_g:.6f} g) gives "
            f"{parity:.4f}; the article's rate is {100 * gap:+.2f}% from parity (tolerance "
            f"{100 * tolerance:.1f}%): {how}"
        ),
    )


def strike_fund_table(quantities: pd.DataFrame, text: str, change: WageChange, rate: Rates,
                      parities: GoldParities) -> pd.DataFrame:
    """Return the strike fund in months of the end-year average wage, with each conversion step.

    Two paths are shown: through the article's own dollar figure and the peso-dollar rate, and
    through the ruble figure and the gold contents of ruble and peso.
    """
    rub, usd = by_key(quantities, "strike_fund_rub"), by_key(quantities, "strike_fund_usd")
    wage = change.end
    e = change.end_year
    via_usd = float(usd["value"]) * rate.pesos_per_dollar
    rub_in_usd = float(rub["value"]) / rate.rubles_per_dollar
    via_rub = rub_in_usd * rate.pesos_per_dollar
    gold = float(rub["value"]) * parities.ruble_g
    via_gold = gold / parities.peso_g
    steps = [
        ("A", "strike fund in dollars (article)", f"{float(usd['value']):,.2f}", "USD", "article", usd),
        ("A", f"x pesos per dollar ({rate.pesos_source})", f"{rate.pesos_per_dollar:.4f}", "MXN/USD", "",
         None),
        ("A", "= strike fund in pesos", f"{via_usd:,.2f}", "MXN", "USD x MXN/USD", None),
        ("A", f"/ average wage {e} (article)", f"{wage:.2f}", "MXN a month", "article", change.end_row),
        ("A", "= worker-months", f"{via_usd / wage:,.1f}", "months", "MXN / (MXN a month)", None),
        ("A", "= worker-years", f"{via_usd / wage / 12:,.2f}", "years", "months / 12", None),
        ("B", "strike fund in rubles (article)", f"{float(rub['value']):,.2f}", "RUB", "article", rub),
        ("B", f"/ rubles per dollar ({rate.rubles_source})", f"{rate.rubles_per_dollar:.4f}", "RUB/USD", "",
         None),
        ("B", "= strike fund in dollars", f"{rub_in_usd:,.2f}", "USD", "RUB / (RUB/USD)", None),
        ("B", "= strike fund in pesos", f"{via_rub:,.2f}", "MXN", "USD x MXN/USD", None),
        ("B", "= worker-months", f"{via_rub / wage:,.1f}", "months", "MXN / (MXN a month)", None),
        ("C", "strike fund in grams of pure gold", f"{gold:,.2f}", "g", "RUB x g/RUB (gold parity)", None),
        ("C", "= strike fund in pesos", f"{via_gold:,.2f}", "MXN", "g / (g/MXN)", None),
        ("C", "= worker-months", f"{via_gold / wage:,.1f}", "months", "MXN / (MXN a month)", None),
    ]
    prov = _provenance(change.end_row, rub, usd)
    records = []
    for path, step, value, unit, how, source in steps:
        span = (int(source["start"]), int(source["end"])) if source is not None else prov["_span"]
        records.append({"path": path, "step": step, "value": value, "unit": unit, "how": how,
                        "seed": prov["seed"], "start": span[0], "end": span[1]})
    return _with_quotes(pd.DataFrame(records), text)


def worker_months(quantities: pd.DataFrame, change: WageChange, rate: Rates) -> float:
    """Return the strike fund (article's dollar figure) in months of the end-year average wage."""
    usd = by_key(quantities, "strike_fund_usd")
    return float(usd["value"]) * rate.pesos_per_dollar / change.end


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
        rows.append({"price_ratio": f"{r:.4f}", f"real_wage_{change.end_year}_at_{change.base_year}_prices":
                     f"{change.end / r:.2f}", "real_change": _pct(real), "verdict": verdict})
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
        (missing file, wrong header, a year or index that is not a number, a duplicate year,
        an index that is not positive, a missing source).

    """
    path = Path(path)
    where = f"parameter 'price_index_file': {path}"
    if not path.is_file():
        raise ParameterError(f"{where}: no such file; give the path of a CSV with columns year,index,source")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as err:
        raise ParameterError(f"{where}: not UTF-8 text ({err.reason}); save the CSV as UTF-8") from err
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or [h.strip().lower() for h in header] != ["year", "index", "source"]:
        raise ParameterError(f"{where}, line 1: the header must be 'year,index,source'; found {header!r}")
    rows: list[dict[str, Any]] = []
    seen: set[int] = set()
    for number, fields in enumerate(reader, start=2):
        if not fields or not "".join(fields).strip():
            continue
        if len(fields) != 3:
            raise ParameterError(
                f"{where}, line {number}: expected 3 fields (year,index,source); got {fields!r}"
            )
        year_text, index_text, source = (f.strip() for f in fields)
        try:
            year = int(year_text)
            index = float(index_text)
        except ValueError:
            raise ParameterError(
                f"{where}, line {number}: year {year_text!r} must be an integer "
                f"and index {index_text!r} a number"
            ) from None
        if not (math.isfinite(index) and index > 0):
            raise ParameterError(
                f"{where}, line {number}: index must be a positive number; got {index_text!r}"
            )
        if year in seen:
            raise ParameterError(f"{where}, line {number}: year {year} appears twice")
        if not source:
            raise ParameterError(f"{where}, line {number}: give the source of the index for {year}")
        seen.add(year)
        rows.append({"year": year, "index": index, "source": source})
    if not rows:
        raise ParameterError(f"{where}: the file has a header but no rows")
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


# --- one call for the notebook --------------------------------------------------------------


def all_claims(quantities: pd.DataFrame, text: str, change: WageChange, parities: GoldParities,
               claim_tolerance: float = 0.5, rate_tolerance: float = 0.05) -> pd.DataFrame:
    """Return the claims table of the wage, profit and exchange-rate checks."""
    claims = [
        *increase_claims(quantities, change, claim_tolerance),
        profits_claim(quantities, text),
        exchange_claim(quantities, text, parities, rate_tolerance),
    ]
    return claims_table(claims)


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
        f"computed increase: {100 * change.increase:.2f}%  (ratio {change.ratio:.4f}, "
        f"i.e. {100 * change.ratio:.2f}% of {change.base_year})\n"
        f"stated: \"an increase of {stated_increase:.0f}%\"\n"
        f"annual growth {change.base_year}-{change.end_year}: {100 * change.cagr:.2f}% a year",
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
    ax.annotate(f"break-even: prices x {even:.4f}", (even, 0), xytext=(8, 40), textcoords="offset points",
                color=PALETTE[5], fontsize=9)
    chosen = 100 * real_change(change, price_ratio)
    ax.plot([price_ratio], [chosen], marker="o", color=PALETTE[1])
    ax.annotate(f"price ratio {price_ratio:.2f}: {chosen:+.2f}%", (price_ratio, chosen), xytext=(8, 8),
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
        ("real wage change", _pct(real_change(change, price_ratio)), f"{change.base_year}-{change.end_year}"),
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


# --- notebook parameters --------------------------------------------------------------------

# The notebook's own parameters and their types. The two optional rates are declared ``float = 0.0``
# in the notebook (papermill cannot read an ``float | None`` annotation); 0 or None means "use the
# gold parity".
PARAMETER_TYPES: dict[str, str] = {
    "base_year": "int", "end_year": "int", "price_ratio": "float", "price_index_file": "str",
    "peso_gold_g": "float", "chervonets_gold_g": "float", "dollar_gold_g": "float",
    "claim_tolerance": "float", "rate_tolerance": "float",
}
OPTIONAL_FLOATS = ("pesos_per_dollar", "rubles_per_dollar")


def check_wage_parameters(**values: Any) -> dict[str, Any]:
    """Check the notebook's parameters; return them with ints widened to floats where declared.

    Raises
    ------
    ParameterError
        Naming the first parameter with a wrong type and the type expected.

    """
    checked = {}
    for name, value in values.items():
        if name in OPTIONAL_FLOATS:
            rate = None if value is None else check_parameter(name, value, "float")
            checked[name] = rate or None
        elif name in PARAMETER_TYPES:
            checked[name] = check_parameter(name, value, PARAMETER_TYPES[name])
        else:
            raise ParameterError(
                f"unknown parameter {name!r}; the wage notebook takes: "
                f"{', '.join(sorted([*PARAMETER_TYPES, *OPTIONAL_FLOATS]))}"
            )
    return checked


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
        ("price ratio used", f"{price.ratio:.4f}", price.source),
        ("nominal wage ratio", f"{change.ratio:.4f}", f"{change.end:.2f} / {change.base:.2f}"),
        ("real wage change", _pct(real), "nominal ratio / price ratio - 1"),
        (f"real wage {change.end_year} at {change.base_year} prices", f"{change.end / price.ratio:.2f}",
         "pesos a month"),
        ("break-even price ratio", f"{break_even(change):.4f}",
         "prices must have risen less than this for the real wage to have risen"),
    ]
    return pd.DataFrame(rows, columns=["quantity", "value", "note"])


def plain_summary(quantities: pd.DataFrame, change: WageChange, price: PriceSetting, rate: Rates,
                  tolerance: float = 0.5) -> str:
    """Return, in plain sentences, what the figures give and what they cannot show.

    Every number in the text is computed here, so the prose follows the parameters.
    """
    stated = float(by_key(quantities, "wage_increase_stated")["value"])
    b, e = change.base_year, change.end_year
    months = worker_months(quantities, change, rate)
    real = real_change(change, price.ratio)
    share_gap = 100 * change.ratio - stated
    lines = [
        f"From {change.base:.2f} pesos a month ({b}) to {change.end:.2f} ({e}) the average railway wage "
        f"rose by {change.absolute:.2f} pesos, i.e. by {100 * change.increase:.2f}%; the {e} wage is "
        f"{100 * change.ratio:.2f}% of the {b} wage (ratio {change.ratio:.4f}), an average growth of "
        f"{100 * change.cagr:.2f}% a year over {change.years} years.",
        f"The stated \"increase of {stated:.0f}%\" does not fit the figures read as an increase "
        f"({100 * change.increase:.2f}%); it comes closer read as the {e} wage as a share of the {b} wage, "
        f"{share_gap:+.2f} percentage points away ({'within' if abs(share_gap) <= tolerance else 'outside'} "
        f"the tolerance of {tolerance:.2f}). The discrepancy lies in how the sentence states the "
        "change; it casts no doubt on the two wage figures themselves, and it does not tell us whether "
        "workers were better off.",
        f"The strike fund was worth {months:.1f} months of a {e} average railway wage "
        f"({months / 12:.1f} worker-years), converting dollars to pesos at {rate.pesos_per_dollar:.4f} "
        f"({rate.pesos_source}).",
        f"With the price ratio {price.ratio:.4f} (from the {price.source}) the real wage changed by "
        f"{_pct(real)}. The real wage rose only if prices in {e} were less than {break_even(change):.4f} "
        f"times those of {b}; the article gives no price index, so this stays open.",
    ]
    return "\n\n".join(lines)
