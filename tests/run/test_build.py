"""The build as authors rely on it: cache, parallel runs, the lock, atomic outputs, determinism."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from histkit.core.errors import NotebookError, OutputError
from histkit.core.files import exclusive_lock
from histkit.run import cli, runner
from tests.conftest import DATA, ROOT

from .test_cli import project  # noqa: F401  (the throwaway project fixture)


def _build(root, *names, **kwargs):
    lines: list[str] = []
    results = runner.build(list(names), root=root, report=lines.append, **kwargs)
    return {r.notebook: r.status for r in results}


def test_second_build_is_cached_and_force_reruns(project):  # noqa: F811
    assert _build(project, "00-ok") == {"00-ok.ipynb": "ok"}
    assert _build(project, "00-ok") == {"00-ok.ipynb": "cached"}
    assert _build(project, "00-ok", force=True) == {"00-ok.ipynb": "ok"}


def test_what_invalidates_the_cache(project):  # noqa: F811
    _build(project, "00-ok")
    # another parameter value
    assert _build(project, "00-ok", given={"repeat": 5}) == {"00-ok.ipynb": "ok"}
    assert _build(project, "00-ok", given={"repeat": 5}) == {"00-ok.ipynb": "cached"}
    # an edited notebook
    nb = project / "notebooks" / "00-ok.ipynb"
    nb.write_text(nb.read_text().replace("seed_id * repeat", "seed_id * repeat "))
    assert _build(project, "00-ok", given={"repeat": 5}) == {"00-ok.ipynb": "ok"}
    # a file of the seed folder (annotations count as much as the text)
    (project / "seeds" / "tiny" / "annotations.yaml").write_text("events: []\n")
    assert _build(project, "00-ok", given={"repeat": 5}) == {"00-ok.ipynb": "ok"}
    # an output that went missing (in the run's own tree, build/runs/<name>/)
    (table,) = (project / "build" / "runs").glob("*/tables/paragraphs.csv")
    table.unlink()
    assert _build(project, "00-ok", given={"repeat": 5}) == {"00-ok.ipynb": "ok"}
    assert table.is_file()


def test_a_failing_notebook_is_never_cached(project):  # noqa: F811
    for _ in range(2):
        with pytest.raises(NotebookError, match="ZeroDivisionError"):
            _build(project, "01-broken")


def test_parallel_runs_keep_each_notebook_apart(project):  # noqa: F811
    for n in range(3):
        shutil.copy(project / "notebooks" / "00-ok.ipynb", project / "notebooks" / f"1{n}-copy.ipynb")
    statuses = _build(project, "00-ok", "10-copy", "11-copy", "12-copy", jobs=2)
    assert set(statuses.values()) == {"ok"}
    for name in ("00-ok", "10-copy", "11-copy", "12-copy"):
        # each kernel started in the notebooks folder, whatever the others were doing
        assert "tinytiny notebooks" in (project / "build" / "notebooks" / f"{name}.ipynb").read_text()


def test_a_failure_in_one_leaves_every_output_as_it_was(project):  # noqa: F811
    with pytest.raises(NotebookError, match=r"01-broken\.ipynb failed.*; no output was changed"):
        _build(project, "00-ok", "01-broken", jobs=2)
    # all or nothing: the notebook that succeeded is not moved into place either
    assert not (project / "build" / "notebooks").exists()
    assert not (project / "build" / "tables").exists()
    assert sorted(p.name for p in (project / "build").iterdir()) == [".lock", "cache", "failed"]
    assert _build(project, "00-ok") == {"00-ok.ipynb": "ok"}


def test_second_build_is_refused_while_one_runs(project, capsys):  # noqa: F811
    held = threading.Event()
    release = threading.Event()

    def hold():
        with exclusive_lock(project / "build" / ".lock"):
            held.set()
            release.wait(10)

    # flock locks belong to open files, so another open file in this process contends like a process
    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(10)
    try:
        assert cli.main(["build", "00-ok"]) == 2
        assert "another histkit build is running" in capsys.readouterr().err
        with pytest.raises(OutputError):
            _build(project, "00-ok")
    finally:
        release.set()
        thread.join()
    assert _build(project, "00-ok") == {"00-ok.ipynb": "ok"}


def test_unwritable_build_folder_is_bad_input(project, capsys):  # noqa: F811
    (project / "build").write_text("a file where the build folder should be")
    assert cli.main(["build", "00-ok"]) == 2
    assert "build is a file, not a folder" in capsys.readouterr().err


@pytest.fixture(scope="module")
def workbook_copy(tmp_path_factory):
    """The real workbook's overview notebook in a throwaway project (figures land there, not in the checkout)."""
    root = tmp_path_factory.mktemp("workbook")
    shutil.copy(ROOT / "pyproject.toml", root)
    shutil.copytree(ROOT / "seeds", root / "seeds")
    (root / "notebooks").mkdir()
    shutil.copy(ROOT / "notebooks" / "00-overview.ipynb", root / "notebooks")
    return root


def test_two_forced_builds_write_identical_figures(workbook_copy):
    _build(workbook_copy, force=True)
    first = {p.name: p.read_bytes() for p in sorted((workbook_copy / "figures").iterdir())}
    _build(workbook_copy, force=True)
    second = {p.name: p.read_bytes() for p in sorted((workbook_copy / "figures").iterdir())}
    assert first == second
    assert {"00-words-per-section.svg", "00-words-per-section.png", "00-words-per-section.pdf",
            "MANIFEST.tsv"} <= set(first)
    # and they are what the checkout has committed
    for name in ("00-words-per-section.svg", "00-words-per-section.png", "00-words-per-section.pdf"):
        assert first[name] == (ROOT / "figures" / name).read_bytes(), name


def test_manifest_links_figures_to_notebook_cell_and_seed(workbook_copy):
    _build(workbook_copy)
    lines = (workbook_copy / "figures" / "MANIFEST.tsv").read_text().splitlines()
    assert lines[0].split("\t") == ["file", "sha256", "notebook", "cell", "seed", "seed_sha256", "parameters"]
    row = dict(zip(lines[0].split("\t"), lines[1].split("\t"), strict=True))
    assert row["file"] == "figures/00-words-per-section.pdf"
    assert row["notebook"] == "00-overview.ipynb"
    assert row["cell"] == "figure"
    import hashlib

    seed = workbook_copy / "seeds" / "spenser-bolsheviks-mexico" / "article.txt"
    assert row["seed_sha256"] == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert row["sha256"] == hashlib.sha256((workbook_copy / row["file"]).read_bytes()).hexdigest()


def test_committed_manifest_matches_committed_figures():
    import hashlib

    lines = (ROOT / "figures" / "MANIFEST.tsv").read_text().splitlines()[1:]
    listed = {line.split("\t")[0]: line.split("\t")[1] for line in lines}
    on_disk = {f"figures/{p.name}" for p in (ROOT / "figures").iterdir() if p.name != "MANIFEST.tsv"}
    assert set(listed) == on_disk
    for name, digest in listed.items():
        assert hashlib.sha256((ROOT / name).read_bytes()).hexdigest() == digest, name


def test_fixture_data_is_where_the_tests_expect():
    assert (DATA / "notebooks" / "00-ok.ipynb").is_file()


def test_a_dying_kernel_is_a_failed_notebook_not_a_crash(project, capsys):  # noqa: F811
    assert cli.main(["build", "00-ok", "02-dies"]) == 1
    captured = capsys.readouterr()
    assert "02-dies.ipynb failed: the kernel stopped" in captured.err
    assert "Traceback" not in captured.err
    assert "00-ok.ipynb" in captured.out  # the other notebook ran and was reported


def test_a_full_disk_while_writing_the_executed_copy_leaves_no_half_file(tmp_path, monkeypatch):
    import errno
    import os

    import papermill

    def full(source, target, **kwargs):
        Path(target).write_text('{"cells": [')  # what a full disk leaves behind
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), target)

    monkeypatch.setattr(papermill, "execute_notebook", full)
    target = tmp_path / ".stage-1" / "project" / "build" / "notebooks" / "00-ok.ipynb"
    result = runner.execute(DATA / "notebooks" / "00-ok.ipynb", {}, target, manager=object, shown="build/notebooks")
    assert (result.status, result.error_name) == ("failed", "OutputError")
    assert result.error == "cannot write in build/notebooks: the disk is full; free some space"
    assert not target.exists()

