"""EDTF values: checking a string and the first and last day it can mean.

The one place histkit reads EDTF (Library of Congress Extended Date/Time Format), through the
maintained ``edtf`` package; every layer that holds a date (curated annotations, extracted dates,
the chronology) checks and bounds it here.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

from histkit.core.errors import DateError


@lru_cache(maxsize=4096)
def _parse(value: str) -> object:
    # Parsing EDTF (pyparsing) is slow and the same strings recur: parse each one once.
    return parse_edtf(value)


def check_edtf(value: str) -> str:
    """Return ``value`` if the ``edtf`` package parses it, else raise :class:`DateError`."""
    if not isinstance(value, str) or not value.strip():
        raise DateError(f"EDTF value {value!r} is empty or not a string; write e.g. '1926-12' or '1926-23'")
    try:
        _parse(value)
    except (EDTFParseException, ValueError, TypeError) as err:
        raise DateError(
            f"invalid EDTF {value!r}: {err}. Use e.g. '1926', '1926-12', '1926-12-05', '1926-23' (autumn), "
            "'192X' (a decade), '1919-08/1919-09' (an interval)"
        ) from err
    return value


def _to_date(bound: object) -> date | None:
    # The edtf package returns a struct_time, or +/- infinity for an open end.
    if isinstance(bound, float) and math.isinf(bound):
        return None
    return date(bound.tm_year, bound.tm_mon, bound.tm_mday)  # type: ignore[attr-defined]


@lru_cache(maxsize=4096)
def bounds(value: str) -> tuple[date | None, date | None]:
    """Return the earliest and latest day an EDTF string can mean (strict bounds).

    ``1925~`` (approximate) keeps the year's own bounds; an open end gives ``None``. Remembered per
    value (the result is immutable): computing them was most of the date extractor's time on a text
    of many dates (issue 21).
    """
    parsed = _parse(check_edtf(value))
    return _to_date(parsed.lower_strict()), _to_date(parsed.upper_strict())
