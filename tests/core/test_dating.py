"""EDTF values: checking and bounds."""

from __future__ import annotations

from histkit.core.dating import bounds


def test_bounds_of_open_intervals():
    assert bounds("../1927-03")[0] is None
    assert bounds("1923/..")[1] is None
