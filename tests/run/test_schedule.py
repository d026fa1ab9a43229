"""The order a build starts its notebooks in: the longest first, as the last run measured (issue 23)."""

from __future__ import annotations

import json
import shutil
import sys

from histkit.run import runner
from histkit.run.schedule import default_jobs, file_size, longest_first

from .test_cli import project  # noqa: F401  (the throwaway project fixture)


def test_the_longest_starts_first_and_ties_keep_their_order():
    # The first article's notebooks as measured (CPU seconds of a cold build): overview, chronology, numbers, citations.
    assert longest_first([1.0, 2.5, 1.75, 2.35]) == [1, 3, 2, 0]
    assert longest_first([2.0, 2.0, 3.0]) == [2, 0, 1]
    assert longest_first([]) == []


def test_a_notebook_never_run_starts_before_the_measured_ones():
    # Nothing says it is short; among themselves the unknown keep the given (name) order.
    assert longest_first([1.0, None, 3.0, None]) == [1, 3, 2, 0]
    assert longest_first([None, None]) == [0, 1]


def test_notebooks_never_run_start_largest_first():
    # The first article's notebooks by their files' bytes (saved outputs, mostly figures): as their times order them.
    assert longest_first([None] * 4, sizes=[133_680, 433_325, 273_146, 276_197]) == [1, 3, 2, 0]
    assert longest_first([None, 5.0, None], sizes=[1, 10**9, 2]) == [2, 0, 1]  # a measured one waits, however large


def test_a_build_runs_one_more_notebook_than_cores_when_kernels_are_forked(monkeypatch):
    assert default_jobs(2) == 3 and default_jobs(8) == 9
    assert default_jobs(2, forked=False) == 2  # a kernel started as a new Python keeps its core busy importing
    assert default_jobs(0) == 2  # at least one core (os.cpu_count() may say None)
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert default_jobs() == 5


def test_a_build_without_jobs_uses_the_default(project, monkeypatch):  # noqa: F811
    asked: list[int] = []
    real = runner.run_in_threads
    monkeypatch.setattr(runner, "run_in_threads",
                        lambda work, items, jobs: asked.append(jobs) or real(work, items, jobs))
    runner.build(["00-ok"], root=project, report=lambda line: None, force=True)
    assert asked == [default_jobs(forked=runner.kernels.can_fork())]


def test_a_file_size_is_its_bytes_and_a_missing_file_none(tmp_path):
    (tmp_path / "a.ipynb").write_bytes(b"x" * 12)
    assert file_size(tmp_path / "a.ipynb") == 12
    assert file_size(tmp_path / "gone.ipynb") == 0


def test_a_build_starts_the_notebook_its_records_say_is_longest(project):  # noqa: F811
    shutil.copy(project / "notebooks" / "00-ok.ipynb", project / "notebooks" / "03-ok.ipynb")
    started: list[str] = []
    first = runner.build(["00-ok", "03-ok"], root=project, report=started.append, jobs=1)
    assert [r.notebook for r in first] == ["00-ok.ipynb", "03-ok.ipynb"]
    if sys.platform.startswith("linux"):
        assert all(r.cpu is not None and r.cpu >= 0 for r in first)  # its kernel's CPU, read from /proc
    assert [line.split()[0] for line in started] == ["00-ok.ipynb", "03-ok.ipynb"]  # same size, nothing known: by name
    records = {name: project / "build" / "cache" / f"{name}.json" for name in ("00-ok", "03-ok")}
    for name, seconds in (("00-ok", 1.0), ("03-ok", 9.0)):
        data = json.loads(records[name].read_text(encoding="utf-8"))
        assert data["seconds"] >= 0  # the run's own time, recorded
        records[name].write_text(json.dumps(data | {"seconds": seconds}), encoding="utf-8")
    started.clear()
    again = runner.build(["00-ok", "03-ok"], root=project, report=started.append, jobs=1, force=True)
    assert [line.split()[0] for line in started] == ["03-ok.ipynb", "00-ok.ipynb"]  # one worker: ends in start order
    assert [(r.notebook, r.status) for r in again] == [("00-ok.ipynb", "ok"), ("03-ok.ipynb", "ok")]
