"""Notebook parameters: names, types, ranges, and the checks papermill does not do.

Papermill only warns about an unknown parameter name and never checks a value. histkit declares
every parameter the workbook's notebooks take in :data:`RULES` (type, range, choices, and whether the
value names an output folder or an input file), and checks a value against it twice: in the runner,
for every notebook before any kernel starts, and in each notebook's setup cell through the one call
``hk.check_parameters({...})``. A bad value is one :class:`ParameterError` naming the parameter, what
is wrong and what would fix it.

To add a parameter to a notebook: declare it in the notebook's ``parameters`` cell with a type
annotation, add its :class:`Rule` here, and pass it to ``hk.check_parameters`` in the setup cell.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from histkit.core.errors import ParameterError, excerpt
from histkit.core.inputs import check_input_file, check_output_dir

# papermill's inferred_type_name -> accepted Python types (an int is a valid float).
TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "float": (float, int),
    "int": (int,),
    "bool": (bool,),
    "list": (list, tuple),
    "dict": (dict,),
}


@dataclass(frozen=True)
class Rule:
    """What a parameter may hold.

    Attributes
    ----------
    type : str
        The declared type name (``"str"``, ``"float"``, ``"int"``, ``"list"``, ...).
    low, high : float or None
        Inclusive bounds of a number; ``None`` for no bound.
    above : float or None
        An exclusive lower bound (``0`` for a positive number).
    choices : tuple
        The only values allowed, when not empty.
    kind : str
        ``"output_dir"`` (a folder the notebook writes), ``"input_file"`` (a file it reads, empty for
        none), ``"seed"`` (a seed folder, checked by the runner), or ``""``.
    example : str
        A good value, for the message.

    """

    type: str
    low: float | None = None
    high: float | None = None
    above: float | None = None
    choices: tuple[Any, ...] = ()
    kind: str = ""
    example: str = ""


RULES: dict[str, Rule] = {
    "seed": Rule("str", kind="seed", example="my-article"),  # any article: not the first one's name
    "figures_dir": Rule("str", kind="output_dir", example="figures"),
    "tables_dir": Rule("str", kind="output_dir", example="build/tables"),
    "exports_dir": Rule("str", kind="output_dir", example="build/exports"),
    "first_year": Rule("int", low=1000, high=2100, example="1917"),
    "last_year": Rule("int", low=1000, high=2100, example="1930"),
    "stage_mode": Rule("str", choices=("sections", "presence"), example="sections"),
    "base_year": Rule("int", low=1000, high=2100, example="1910"),
    "end_year": Rule("int", low=1000, high=2100, example="1927"),
    "price_ratio": Rule("float", above=0, high=1e6, example="1.5"),
    "price_index_file": Rule("str", kind="input_file", example="prices.csv"),
    "pesos_per_dollar": Rule("float", low=0, high=1e6, example="2.0 (0 means the gold parity)"),
    "rubles_per_dollar": Rule("float", low=0, high=1e6, example="1.94 (0 means the gold parity)"),
    "peso_gold_g": Rule("float", above=0, high=100, example="0.75"),
    "chervonets_gold_g": Rule("float", above=0, high=1000, example="7.74234"),
    "dollar_gold_g": Rule("float", above=0, high=100, example="1.50463"),
    "claim_tolerance": Rule("float", low=0, high=100, example="0.5"),
    "rate_tolerance": Rule("float", low=0, high=10, example="0.05"),
    "fuzzy_threshold": Rule("float", low=0, high=100, example="85"),
    "stage_sections": Rule("list", example="[2, 3, 4]"),
}

# (earlier, later, strictly): pairs of parameters that must be in order.
ORDERED = (("first_year", "last_year", True), ("base_year", "end_year", True))


def _how(name: str, rule: Rule) -> str:
    if rule.type in ("list", "dict"):
        return f"give it in a YAML file: histkit build -f params.yaml (with `{name}: {rule.example or '...'}`)"
    return f"e.g. -p {name} {rule.example or '<' + rule.type + '>'}"


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

    Raises
    ------
    ParameterError
        If the type is wrong, or a float is NaN or infinite (they would silently flip a comparison).

    """
    accepted = TYPES.get(expected)
    if accepted is None:
        return value
    bad_bool = isinstance(value, bool) and bool not in accepted
    if bad_bool or not isinstance(value, accepted):
        how = _how(name, RULES.get(name, Rule(expected)))
        raise ParameterError(
            f"parameter {name!r} must be {expected}; got {excerpt(value)} ({type(value).__name__}); {how}"
        )
    if expected == "float":
        if not math.isfinite(value):
            how = _how(name, RULES.get(name, Rule("float")))
            raise ParameterError(f"parameter {name!r} must be a finite number; got {excerpt(value)}; {how}")
        return float(value)
    return value


def _check_range(name: str, value: Any, rule: Rule) -> None:
    problem = ""
    if rule.choices and value not in rule.choices:
        problem = f"must be one of {', '.join(map(repr, rule.choices))}"
    elif rule.above is not None and not value > rule.above:
        problem = f"must be greater than {rule.above:g}"
    elif rule.low is not None and value < rule.low:
        problem = f"must be at least {rule.low:g}"
    if not problem and rule.high is not None and value > rule.high:
        problem = f"must be at most {rule.high:g}"
    if problem:
        raise ParameterError(f"parameter {name!r} {problem}; got {excerpt(value)}; {_how(name, rule)}")


def _check_list(name: str, value: Any) -> list[Any]:
    items = list(value)
    if not items or not all(isinstance(s, int) and not isinstance(s, bool) and s > 0 for s in items):
        raise ParameterError(
            f"parameter {name!r} must be a list of section numbers, e.g. [2, 3, 4]; got {excerpt(value)}"
        )
    if len(set(items)) != len(items):
        raise ParameterError(f"parameter {name!r} names a section twice: {excerpt(items)}; give each section once")
    return items


def check_value(name: str, value: Any, declared: str = "", *, root: Path | None = None,
                allow_outside: bool = False) -> Any:
    """Check one parameter against its declared type and its :data:`RULES` entry; return the value.

    Output folders must be writable and inside the project (``allow_outside`` lifts the second
    condition); an input file must be readable and well formed. Seeds are checked by the caller.
    """
    rule = RULES.get(name)
    checked = check_parameter(name, value, declared or (rule.type if rule else "None"))
    if rule is None:
        return checked
    if rule.type == "list":
        return _check_list(name, checked)
    if rule.type in ("int", "float", "str") and isinstance(checked, int | float | str):
        _check_range(name, checked, rule)
    if rule.kind == "output_dir":
        check_output_dir(name, checked, root=root, allow_outside=allow_outside)
    elif rule.kind == "input_file" and checked:
        check_input_file(name, checked, root=root)
    elif rule.kind == "seed" and not checked.strip():
        raise ParameterError(
            f"parameter {name!r} is empty; give a folder under seeds/ or a path, e.g. -p {name} {rule.example}"
        )
    return checked


def check_parameters(values: Mapping[str, Any], declared: Mapping[str, str] | None = None, where: str = "",
                     *, root: Path | None = None, allow_outside: bool | None = None) -> dict[str, Any]:
    """Check a notebook's parameter values: names, types, ranges, folders, files and their order.

    The one call a notebook's setup cell makes: ``hk.check_parameters({"seed": seed, ...})``.

    Parameters
    ----------
    values : mapping
        Parameter name -> value.
    declared : mapping, optional
        Parameter name -> type name, as in the notebook's ``parameters`` cell; by default the
        types of :data:`RULES`, and a name it does not know is an error.
    where : str
        The notebook, for the message.
    root : Path, optional
        The project folder (default: found from the current folder).
    allow_outside : bool, optional
        Accept output folders outside the project. By default only in a notebook's own check
        (``declared`` not given): ``histkit build`` has refused them before the kernel started, unless
        asked to allow them, and a notebook run by papermill directly may write where it is told.

    Returns
    -------
    dict
        The values, ints widened to floats where a float is declared.

    Raises
    ------
    ParameterError
        For the first bad value, naming it and what would fix it.

    """
    prefix = f"{where}: " if where else ""
    if allow_outside is None:
        allow_outside = declared is None
    known = declared if declared is not None else {name: rule.type for name, rule in RULES.items()}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ParameterError(
            f"{prefix}unknown parameter {unknown[0]!r}; this notebook takes: "
            f"{', '.join(sorted(known)) or 'no parameters'}"
        )
    try:
        checked = {k: check_value(k, v, known[k], root=root, allow_outside=allow_outside)
                   for k, v in values.items()}
        for first, second, strict in ORDERED:
            if first in checked and second in checked:
                a, b = checked[first], checked[second]
                if (a >= b) if strict else (a > b):
                    raise ParameterError(
                        f"parameter {first!r} ({a}) must be before {second!r} ({b}); "
                        f"e.g. -p {first} {RULES[first].example} -p {second} {RULES[second].example}"
                    )
    except ParameterError as err:
        raise ParameterError(f"{prefix}{err}") from None
    return checked
