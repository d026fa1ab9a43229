"""How close a recomputed figure must come to the printed one: tolerance as statcheck does it.

A figure printed with d decimals stands for anything within half a unit of its last digit (35%
accepts 34.5 to 35.5; 45,89% accepts 45.885 to 45.895). An input printed with decimals, or with a
scale word ("1,25 milhão", "US$504 billion"), is itself rounded, so the computation is carried over
the whole range the inputs allow. A whole count printed in digits ("1.753 participantes") is
exact. A result that agrees only when cut off rather than rounded (13.16 printed as 13.1) is
inconsistent, and the reason says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from histkit.analyse.figures import Figure


@dataclass(frozen=True)
class Interval:
    """A closed range of values ``[lo, hi]`` with its central value ``mid``."""

    lo: float
    hi: float
    mid: float

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0:
            return Interval(-math.inf, math.inf, self.mid / other.mid if other.mid else math.inf)
        ends = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(ends), max(ends), self.mid / other.mid)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi, self.mid + other.mid)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo, self.mid - other.mid)

    def scale(self, factor: float, shift: float = 0.0) -> Interval:
        """``factor * x + shift`` for every x in the range (factor > 0)."""
        return Interval(self.lo * factor + shift, self.hi * factor + shift, self.mid * factor + shift)


def half_unit(decimals: int) -> float:
    """Half a unit of the last printed digit."""
    return 0.5 * 10.0 ** (-decimals)


def as_input(figure: Figure) -> Interval:
    """The range an input figure allows: exact for a whole count in digits, else half a unit."""
    rounded = figure.decimals > 0 or " " in figure.unit or figure.kind == "percent"
    half = half_unit(figure.decimals) if rounded else 0.0
    return Interval(figure.value - half, figure.value + half, figure.value)


def exact(value: float) -> Interval:
    """A value known exactly (a sum of whole counts, a difference of years)."""
    return Interval(value, value, value)


def fmt(value: float, decimals: int) -> str:
    """A value with a fixed number of decimals, for the table (``"45.92"``)."""
    return f"{value:.{decimals}f}"


def judge(stated: float, decimals: int, computed: Interval) -> tuple[str, str]:
    """Return (status, reason) for a stated figure against a computed range.

    Consistent when the stated figure's own range (half a unit of its last digit) meets the
    computed range; otherwise inconsistent, and the reason says whether the stated figure is the
    computed one cut off (truncated) instead of rounded.
    """
    half = half_unit(decimals)
    shown = fmt(computed.mid, decimals)
    if stated - half <= computed.hi + 1e-9 and computed.lo - 1e-9 <= stated + half:
        if computed.hi - computed.lo < 1e-9 and abs(computed.mid - stated) < 1e-9:
            return "consistent", f"the figures give exactly {fmt(stated, decimals)}"
        return "consistent", (
            f"the figures give {fmt(computed.mid, decimals + 2)}, within the rounding of the stated "
            f"{fmt(stated, decimals)} ({fmt(stated - half, decimals + 1)} to {fmt(stated + half, decimals + 1)})"
        )
    step = 10.0 ** (-decimals)
    truncated = math.floor(computed.mid / step + 1e-9) * step
    if abs(truncated - stated) < step / 10 and computed.mid >= 0:
        return "inconsistent", (
            f"the figures give {fmt(computed.mid, decimals + 2)}, which rounds to {shown}; the stated "
            f"{fmt(stated, decimals)} is it truncated, not rounded"
        )
    return "inconsistent", (
        f"the figures give {shown} at the stated precision; the stated {fmt(stated, decimals)} is "
        f"{abs(stated - computed.mid):.{max(decimals, 1)}f} away"
    )
