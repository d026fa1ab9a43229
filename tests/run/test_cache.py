"""The build cache's records: how long a notebook's last run took."""

from __future__ import annotations

import json

import pytest

from histkit.run import cache


@pytest.mark.parametrize("seconds", [None, "2.5", True, -1.0, [2.5]])
def test_a_record_without_a_usable_time_says_nothing(tmp_path, seconds):
    (tmp_path / "00-x.json").write_text(json.dumps({"notebook": "00-x.ipynb", "seconds": seconds}), encoding="utf-8")
    assert cache.last_seconds(tmp_path, tmp_path / "00-x.ipynb") is None


def test_the_last_run_time_is_read_back(tmp_path):
    (tmp_path / "00-x.json").write_text(json.dumps({"notebook": "00-x.ipynb", "seconds": 2.5}), encoding="utf-8")
    assert cache.last_seconds(tmp_path, tmp_path / "00-x.ipynb") == 2.5
    assert cache.last_seconds(tmp_path, tmp_path / "01-none.ipynb") is None  # no record
    (tmp_path / "02-bad.json").write_text("{not json", encoding="utf-8")
    assert cache.last_seconds(tmp_path, tmp_path / "02-bad.ipynb") is None
    (tmp_path / "03-list.json").write_text("[2.5]", encoding="utf-8")
    assert cache.last_seconds(tmp_path, tmp_path / "03-list.ipynb") is None
