from __future__ import annotations

import pytest

from histkit.core.errors import ParameterError
from histkit.core.params import check_parameter, check_parameters

CASES = [
    ("price_ratio", "abc", "float",
     r"'price_ratio' must be float; got 'abc' \(str\); pass a float, e.g. -p price_ratio"),
    ("first_year", 1917.5, "int", r"'first_year' must be int; got 1917.5 \(float\)"),
    ("first_year", True, "int", r"'first_year' must be int; got True \(bool\)"),
    ("stage_sections", "2,3,4", "list", r"give it in a YAML file: histkit build -f params.yaml"),
]


@pytest.mark.parametrize(("name", "value", "expected", "message"), CASES)
def test_wrong_types_name_the_parameter_and_the_fix(name, value, expected, message):
    with pytest.raises(ParameterError, match=message):
        check_parameter(name, value, expected)


def test_int_widens_to_float_and_unknown_type_accepts():
    assert check_parameter("price_ratio", 2, "float") == 2.0
    assert isinstance(check_parameter("price_ratio", 2, "float"), float)
    assert check_parameter("anything", object, "None") is object


def test_unknown_name_lists_what_the_notebook_takes():
    with pytest.raises(ParameterError, match=r"^nb.ipynb: unknown parameter 'colour'; this notebook takes: a, b$"):
        check_parameters({"colour": 1}, {"a": "int", "b": "str"}, where="nb.ipynb")
