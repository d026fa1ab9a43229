"""EDTF values: checking a string and the first and last day it can mean.

The one place histkit reads EDTF (Library of Congress Extended Date/Time Format), through the
maintained ``edtf`` package; every layer that holds a date (curated annotations, extracted dates,
the chronology, dates in words) checks, parses and bounds it here. The package's grammar takes about
11 ms a string, so the bounds of every string it accepted are kept in a :class:`~histkit.core.memo.Memo`
under the package's version and this module's code: each string is parsed once, not once per notebook.

Most strings are plain dates (``1926``, ``1926-12``, ``1926-12-05``) or an interval of two
(``1919/1939``): about four in five of an article's. For those, :func:`parse` builds the very
objects the package's grammar would (its ``Date`` and ``Interval`` classes, with the same
attributes) without running the grammar, accepting exactly the days the grammar accepts (up to
29 February in any year, 30 in April, June, September and November); every other string, and any
plain one out of those ranges, goes through the grammar. A cold build parsed each new date once per
kernel, and the grammar was half a second of CPU in three kernels at once (issue 23).
"""

from __future__ import annotations

import contextlib
import math
import re
from datetime import date
from functools import lru_cache
from importlib.metadata import version

from histkit.core.errors import DateError
from histkit.core.memo import Memo, source_digest

# A plain EDTF date: four ASCII digits for the year, then a month and a day (not \d: that takes any script's digits).
_PLAIN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# The last day the edtf grammar accepts in each month: 29 February in any year (a date the
# calendar lacks, as 1925-02-29, parses there and has no bounds here, as before).
_LAST_DAY = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _plain(text: str) -> object | None:
    """The edtf package's ``Date`` for a plain date it accepts, or None (let the grammar decide)."""
    m = _PLAIN.fullmatch(text)
    if m is None:
        return None
    year, month, day = m.groups()
    if month is not None and not 1 <= int(month) <= 12:
        return None
    if day is not None and not 1 <= int(day) <= _LAST_DAY[int(month) - 1]:
        return None
    from edtf.parser.parser_classes import Date

    return Date(year=year, month=month, day=day)


def _direct(value: str) -> object | None:
    """What the grammar would give for a plain date or an interval of two, built directly; else None."""
    lower, slash, upper = value.partition("/")
    if not slash:
        return _plain(value)
    first, last = _plain(lower), _plain(upper)
    if first is None or last is None:
        return None
    from edtf.parser.parser_classes import Interval

    return Interval(lower=first, upper=last)


@lru_cache(maxsize=4096)
def parse(value: str) -> object:
    """The ``edtf`` package's object for an EDTF string, as ``edtf.parse_edtf`` gives it.

    Remembered per string in this process (the objects are only read). A plain date or an interval of
    two is built without the grammar (see the module's note); anything else is parsed by it.

    Raises
    ------
    edtf.parser.edtf_exceptions.EDTFParseException
        As ``parse_edtf``, for a string the grammar refuses.
    """
    direct = _direct(value) if isinstance(value, str) else None
    if direct is not None:
        return direct
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
        return parse(value)
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
