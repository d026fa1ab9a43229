"""Notebook parameters: names, types and the checks papermill does not do.

Papermill only warns about an unknown parameter name and never checks a value's type; histkit
makes both an error that names the parameter and what would fix it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from histkit.core.errors import ParameterError

# papermill's inferred_type_name -> accepted Python types (an int is a valid float).
TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "float": (float, int),
    "int": (int,),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}


def check_parameter(name: str, value: Any, expected: str) -> Any:
    """Return ``value`` (an int widened to float where a float is expected) or raise.

    Parameters
    ----------
    name : str
        Parameter name, for the message.
    value : object
        The value given.
    expected : str
        The declared type name (``"str"``, ``"float"``, ``"int"``, ``"bool"``, ...); ``"None"``
        or an unknown name accepts anything.

    """
    accepted = TYPES.get(expected)
    if accepted is None:
        return value
    bad_bool = isinstance(value, bool) and bool not in accepted
    if bad_bool or not isinstance(value, accepted):
        how = (
            f"give it in a YAML file: histkit build -f params.yaml (with `{name}: ...`)"
            if expected in ("list", "dict")
            else f"pass a {expected}, e.g. -p {name} <{expected}>"
        )
        raise ParameterError(
            f"parameter {name!r} must be {expected}; got {value!r} ({type(value).__name__}); {how}"
        )
    if expected == "float":
        return float(value)
    return value


def check_parameters(values: Mapping[str, Any], declared: Mapping[str, str], where: str = "") -> dict[str, Any]:
    """Check a set of parameter values against the declared names and types.

    Parameters
    ----------
    values : mapping
        Parameter name -> value.
    declared : mapping
        Parameter name -> type name, as in the notebook's ``parameters`` cell.
    where : str
        The notebook, for the message.

    """
    prefix = f"{where}: " if where else ""
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise ParameterError(
            f"{prefix}unknown parameter {unknown[0]!r}; this notebook takes: "
            f"{', '.join(sorted(declared)) or 'no parameters'}"
        )
    try:
        return {k: check_parameter(k, v, declared[k]) for k, v in values.items()}
    except ParameterError as err:
        raise ParameterError(f"{prefix}{err}") from None
