"""-p NAME VALUE taken as they are, whatever the value starts with (issue 21)."""

from __future__ import annotations

import pytest

from histkit.core.errors import ParameterError
from histkit.run.argv import split_parameters


def test_a_value_starting_with_a_dash_is_a_value() -> None:
    rest, pairs = split_parameters(["build", "-p", "price_ratio", "-inf", "02-railway-wages", "--parameter", "a", "-1"])
    assert rest == ["build", "02-railway-wages"]
    assert pairs == [("price_ratio", "-inf"), ("a", "-1")]


def test_an_incomplete_or_foreign_option_is_left_to_argparse() -> None:
    assert split_parameters(["build", "-p", "x"]) == (["build", "-p", "x"], [])
    assert split_parameters(["list", "-p", "a", "b"]) == (["list", "-p", "a", "b"], [])


def test_a_name_given_twice_is_refused() -> None:
    with pytest.raises(ParameterError, match="'a' is given twice"):
        split_parameters(["build", "-p", "a", "1", "-p", "a", "2"])
