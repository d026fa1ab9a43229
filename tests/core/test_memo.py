"""Results kept between processes in JSON: the EDTF bounds a second kernel need not parse again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import histkit
from histkit.core.errors import DateError
from histkit.core.memo import Memo

SRC = Path(histkit.__file__).resolve().parents[1]


def test_a_memo_is_plain_json_read_back_under_its_version_only(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _make_project(tmp_path)
    monkeypatch.setenv("HISTKIT_ROOT", str(tmp_path))
    first = Memo("things", "v1")
    first.put("1926-23", ["1926-09-01", "1926-11-30"])
    first.save()
    stored = json.loads((tmp_path / "build" / "cache" / "memo" / "things.json").read_text(encoding="utf-8"))
    assert stored == {"version": "v1", "values": {"1926-23": ["1926-09-01", "1926-11-30"]}}
    assert Memo("things", "v1").get("1926-23") == ["1926-09-01", "1926-11-30"]
    assert Memo("things", "v2").get("1926-23") is None  # another edtf version or code: computed again
    # Two processes' findings are merged, not overwritten.
    second = Memo("things", "v1")
    second.put("1927", ["1927-01-01", "1927-12-31"])
    second.save()
    merged = Memo("things", "v1")
    assert merged.get("1926-23") == ["1926-09-01", "1926-11-30"] and merged.get("1927") == ["1927-01-01", "1927-12-31"]


def test_a_damaged_memo_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _make_project(tmp_path)
    monkeypatch.setenv("HISTKIT_ROOT", str(tmp_path))
    path = tmp_path / "build" / "cache" / "memo" / "things.json"
    path.parent.mkdir(parents=True)
    path.write_text("[not, json", encoding="utf-8")
    assert Memo("things", "v1").get("x") is None


RUN = """
import sys
from histkit.core.dating import bounds, check_edtf
print(sys.argv[1], [str(b) for b in bounds(sys.argv[1])], "edtf" in sys.modules)
"""


def _bounds_in_a_new_process(project: Path, value: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(SRC), "HISTKIT_ROOT": str(project)}
    return subprocess.run([sys.executable, "-c", RUN, value], env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def test_a_second_process_takes_the_bounds_from_the_memo_without_the_edtf_grammar(tmp_path: Path) -> None:
    # Autumn 1926 (EDTF season 23) is September to November, as the edtf package reads it.
    _make_project(tmp_path)
    assert _bounds_in_a_new_process(tmp_path, "1926-23") == "1926-23 ['1926-09-01', '1926-11-30'] True"
    assert _bounds_in_a_new_process(tmp_path, "1926-23") == "1926-23 ['1926-09-01', '1926-11-30'] False"
    assert _bounds_in_a_new_process(tmp_path, "../1927-03") == "../1927-03 ['None', '1927-03-31'] True"
    assert _bounds_in_a_new_process(tmp_path, "../1927-03") == "../1927-03 ['None', '1927-03-31'] False"


def test_a_rejected_value_is_never_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from histkit.core import dating

    _make_project(tmp_path)
    monkeypatch.setenv("HISTKIT_ROOT", str(tmp_path))
    memo = Memo("edtf-test", "v")
    monkeypatch.setattr(dating, "_memo", lambda: memo)
    for _ in range(2):
        with pytest.raises(DateError, match="invalid EDTF '1926-13-45'"):
            dating.check_edtf("1926-13-45")
    assert dating.check_edtf("1919-08/1919-09") == "1919-08/1919-09"
    assert dating.bounds("1919-08/1919-09") == (date(1919, 8, 1), date(1919, 9, 30))
    assert dating._memo().get("1926-13-45") is None


def _make_project(folder: Path) -> None:
    """HISTKIT_ROOT must name a histkit project: a pyproject.toml naming histkit beside seeds/."""
    (folder / "seeds").mkdir(exist_ok=True)
    (folder / "pyproject.toml").write_text('[project]\nname = "histkit"\n', encoding="utf-8")
