"""EDTF values: checking a string and the first and last day it can mean.

The one place histkit reads EDTF (Library of Congress Extended Date/Time Format), through the
maintained ``edtf`` package; every layer that holds a date (curated annotations, extracted dates,
the chronology) checks and bounds it here. The package's grammar takes about 11 ms a string, so
the bounds of every string it accepted are kept in a :class:`~histkit.core.memo.Memo` under the
package's version and this module's code: each string is parsed once, not once per notebook.
"""

from __future__ import annotations

import contextlib
import math
from datetime import date
from functools import lru_cache
from importlib.metadata import version

from histkit.core.errors import DateError
from histkit.core.memo import Memo, source_digest


@lru_cache(maxsize=4096)
def _parse(value: str) -> object:
    # Parsing EDTF (pyparsing) is slow and the same strings recur: parse each one once.
    from edtf import parse_edtf  # building its grammar on import takes about 0.1 s: only when needed

    return parse_edtf(value)


@lru_cache(maxsize=1)
def _memo() -> Memo:
    # Bounds depend on the edtf package and on this module's code: both name the memo's version.
    return Memo("edtf-bounds", f"edtf {version('edtf')}; {source_digest(__file__)}")


def _to_date(bound: object) -> date | None:
    # The edtf package returns a struct_time, or +/- infinity for an open end.
    if isinstance(bound, float) and math.isinf(bound):
        return None
    return date(bound.tm_year, bound.tm_mon, bound.tm_mday)  # type: ignore[attr-defined]


def _checked(value: str) -> object:
    from edtf.parser.edtf_exceptions import EDTFParseException

    try:
        return _parse(value)
    except (EDTFParseException, ValueError, TypeError) as err:
        raise DateError(
            f"invalid EDTF {value!r}: {err}. Use e.g. '1926', '1926-12', '1926-12-05', '1926-23' (autumn), "
            "'192X' (a decade), '1919-08/1919-09' (an interval)"
        ) from err


def _bounds_of(value: str, parsed: object) -> tuple[date | None, date | None]:
    low = _to_date(parsed.lower_strict())  # type: ignore[attr-defined]
    high = _to_date(parsed.upper_strict())  # type: ignore[attr-defined]
    _memo().put(value, [low.isoformat() if low else None, high.isoformat() if high else None])
    return low, high


def check_edtf(value: str) -> str:
    """Return ``value`` if the ``edtf`` package parses it, else raise :class:`DateError`."""
    if not isinstance(value, str) or not value.strip():
        raise DateError(f"EDTF value {value!r} is empty or not a string; write e.g. '1926-12' or '1926-23'")
    if _memo().get(value) is not None:
        return value  # parsed before, in this process or another (only accepted values are kept)
    parsed = _checked(value)
    with contextlib.suppress(ValueError, TypeError, AttributeError, OverflowError):
        _bounds_of(value, parsed)  # remembered now, for whoever asks for the bounds next
    return value


def bounds(value: str) -> tuple[date | None, date | None]:
    """Return the earliest and latest day an EDTF string can mean (strict bounds).

    ``1925~`` (approximate) keeps the year's own bounds; an open end gives ``None``. Remembered per
    value (the result is immutable): computing them was most of the date extractor's time on a text
    of many dates (issue 21).
    """
    known = _memo().get(value) if isinstance(value, str) else None
    if known is not None:
        low, high = known
        return (date.fromisoformat(low) if low else None, date.fromisoformat(high) if high else None)
    return _bounds_of(value, _checked(check_edtf(value)))
