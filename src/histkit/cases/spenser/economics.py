"""Money in context: profits, the rouble-dollar rate against gold parities, the strike fund, all claims.

Every input figure comes from the ``quantities`` table (:mod:`histkit.extract.quantities`), found by
its curated ``key`` and year. What the article does not give (the gold content of the peso, the
ruble and the dollar) enters as a parameter whose default carries its source
(:data:`PARITY_SOURCES`). The wages themselves are in :mod:`histkit.cases.spenser.wages`.

To add a computation: a pure function of the quantities table (and parameters) returning a
DataFrame with provenance columns, a case in ``tests/analyse/test_economics.py`` checked against
the article's own numbers, and a cell in ``notebooks/02-railway-wages.ipynb``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from histkit.analyse.claims import Claim, claims_table
from histkit.cases.spenser.wages import (
    PriceSetting,
    WageChange,
    break_even,
    increase_claims,
    percent,
    real_change,
    span_of,
    with_quotes,
)
from histkit.core.errors import AnnotationError, ParameterError
from histkit.core.params import check_parameter
from histkit.extract.quantities import by_key, notes_path

# --- outside facts: gold parities ------------------------------------------------------------


PARAMETER_NAMES = {"peso_g": "peso_gold_g", "chervonets_g": "chervonets_gold_g", "dollar_g": "dollar_gold_g"}


@dataclass(frozen=True)
class GoldParities:
    """Grams of pure gold in one unit of each currency (outside facts, see :data:`PARITY_SOURCES`)."""

    peso_g: float = 0.75  # Mexico, Ley Monetaria of 25 March 1905: the peso = 75 centigrams pure gold
    chervonets_g: float = 7.74234  # USSR, chervonets of 10 rubles (1922): 7.74234 g pure gold
    chervonets_rubles: float = 10.0  # one chervonets = 10 rubles
    dollar_g: float = 1.50463  # USA, Gold Standard Act of 14 March 1900: 23.22 grains = 1.50463 g

    def __post_init__(self) -> None:
        for name in ("peso_g", "chervonets_g", "chervonets_rubles", "dollar_g"):
            # Named as the notebook's parameters are (peso_gold_g), not as this class's fields.
            shown = PARAMETER_NAMES.get(name, name)
            value = check_parameter(shown, getattr(self, name), "float")
            if not value > 0:
                raise ParameterError(f"parameter {shown!r} must be a positive number of grams; got {value!r}")

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
    prov = span_of(first, last)
    rows = [
        (f"profits {y0}", f"{p0:.2f}%", "percent", "article", first),
        (f"profits {y1}", f"{p1:.2f}%", "percent", "article", last),
        ("change in percentage points", f"{p1 - p0:+.2f}", "percentage points", f"{y1} - {y0}", None),
        ("relative change", percent(p1 / p0 - 1), "percent", f"100 x ({y1} / {y0} - 1)", None),
    ]
    records = []
    for measure, value, unit, formula, source in rows:
        span = (int(source["start"]), int(source["end"])) if source is not None else prov["_span"]
        records.append({"measure": measure, "value": value, "unit": unit, "formula": formula,
                        "seed": prov["seed"], "start": span[0], "end": span[1]})
    return with_quotes(pd.DataFrame(records), text)


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
    """Return the rates: the given ones, or (for ``None`` or 0, as the notebook's parameters say) the gold parities."""
    chosen = []
    for name, given, parity in (
        ("pesos_per_dollar", pesos_per_dollar, parities.pesos_per_dollar),
        ("rubles_per_dollar", rubles_per_dollar, parities.rubles_per_dollar),
    ):
        if given is None or (isinstance(given, int | float) and not isinstance(given, bool) and given == 0):
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
    prov = span_of(change.end_row, rub, usd)
    records = []
    for path, step, value, unit, how, source in steps:
        span = (int(source["start"]), int(source["end"])) if source is not None else prov["_span"]
        records.append({"path": path, "step": step, "value": value, "unit": unit, "how": how,
                        "seed": prov["seed"], "start": span[0], "end": span[1]})
    return with_quotes(pd.DataFrame(records), text)


def worker_months(quantities: pd.DataFrame, change: WageChange, rate: Rates) -> float:
    """Return the strike fund (article's dollar figure) in months of the end-year average wage."""
    usd = by_key(quantities, "strike_fund_usd")
    return float(usd["value"]) * rate.pesos_per_dollar / change.end

# --- one call for the notebook --------------------------------------------------------------


def all_claims(quantities: pd.DataFrame, text: str, change: WageChange | None, parities: GoldParities,
               claim_tolerance: float = 0.5, rate_tolerance: float = 0.05) -> pd.DataFrame:
    """Return the claims table of the wage, profit and exchange-rate checks.

    An article whose figures are not curated (``change`` is None) has none of these checks: the table
    is empty, with its columns.
    """
    if change is None:
        return claims_table([])
    claims = [
        *increase_claims(quantities, change, claim_tolerance),
        profits_claim(quantities, text),
        exchange_claim(quantities, text, parities, rate_tolerance),
    ]
    return claims_table(claims)

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
        f"{100 * change.ratio:.2f}% of the {b} wage (about {change.ratio:.1f} times), an average growth of "
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
        f"With the price ratio {price.ratio:.2f} (from the {price.source}) the real wage changed by "
        f"{percent(real)}. The real wage rose only if prices in {e} were less than {break_even(change):.2f} "
        f"times those of {b}; the article gives no price index, so this stays open.",
    ]
    return "\n\n".join(lines)
