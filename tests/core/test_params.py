from __future__ import annotations

import math
from pathlib import Path

import pytest

from histkit.core.errors import ParameterError
from histkit.core.params import RULES, check_parameter, check_parameters, check_value

ROOT = Path(__file__).resolve().parents[2]

CASES = [
    ("price_ratio", "abc", "float",
     r"'price_ratio' must be float; got 'abc' \(str\); e.g. -p price_ratio 1.5"),
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


RANGES = [
    ("claim_tolerance", math.nan, r"'claim_tolerance' must be a finite number; got nan"),
    ("price_ratio", math.inf, r"'price_ratio' must be a finite number"),
    ("rate_tolerance", -1.0, r"'rate_tolerance' must be at least 0; got -1.0; e.g. -p rate_tolerance 0.05"),
    ("price_ratio", 0.0, r"'price_ratio' must be greater than 0"),
    ("peso_gold_g", -0.75, r"'peso_gold_g' must be greater than 0"),
    ("fuzzy_threshold", 101.0, r"'fuzzy_threshold' must be at most 100"),
    ("stage_mode", "weekly", r"'stage_mode' must be one of 'sections', 'presence'"),
    ("stage_sections", [2, 2], r"names a section twice"),
    ("stage_sections", [0, 1], r"must be a list of section numbers"),
]


@pytest.mark.parametrize(("name", "value", "message"), RANGES)
def test_values_out_of_range_name_the_parameter_and_a_good_value(name, value, message):
    with pytest.raises(ParameterError, match=message):
        check_value(name, value)


def test_one_call_checks_a_notebooks_parameters_in_order(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "histkit"\n')
    checked = check_parameters({"base_year": 1910, "end_year": 1927, "price_ratio": 1, "tables_dir": "build/t"},
                               root=tmp_path)
    assert checked["price_ratio"] == 1.0 and isinstance(checked["price_ratio"], float)
    with pytest.raises(ParameterError, match=r"'base_year' \(1927\) must be before 'end_year' \(1910\)"):
        check_parameters({"base_year": 1927, "end_year": 1910}, root=tmp_path)
    with pytest.raises(ParameterError, match=r"unknown parameter 'colour'; this notebook takes: base_year"):
        check_parameters({"colour": 1}, root=tmp_path)


@pytest.mark.parametrize(("value", "message"), [
    ("", r"'tables_dir' is empty, which would write into the project folder itself"),
    ("/proc/x", r"'tables_dir' is '/proc/x', outside the project"),
    ("seeds/x", r"holds the project's own sources"),
])
def test_output_folders_must_be_sensible_places(tmp_path, value, message):
    with pytest.raises(ParameterError, match=message):
        check_value("tables_dir", value, root=tmp_path)


def test_outside_folders_only_when_allowed(tmp_path):
    outside = tmp_path / "elsewhere"
    project = tmp_path / "project"
    project.mkdir()
    assert check_value("tables_dir", str(outside), root=project, allow_outside=True) == str(outside)


def test_every_rule_has_an_example_of_a_good_value():
    assert all(rule.example for rule in RULES.values())


def test_the_seed_example_is_no_particular_article():
    # Every article's reader may meet it in an error message: it must not name the first article's seed.
    assert RULES["seed"].example and not any(RULES["seed"].example == path.name
                                             for path in (ROOT / "seeds").iterdir())
