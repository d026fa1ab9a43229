"""The pre-kernel seed check runs once per version of what it reads, and again after any change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from histkit.core.errors import AnnotationError, SeedError
from histkit.run import runner, seedcheck
from tests.conftest import DATA, ROOT

GOOD = ("events:\n  - id: e1\n    exact: The envoy wrote to a friend\n    date: 1926-12\n"
        "stages: []\npeople: []\nstays: []\nrelative: []\nchecks: []\n")  # every list a curated file needs


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "project"
    seed = root / "seeds" / "tiny"
    shutil.copytree(DATA / "tiny", seed)
    (root / "pyproject.toml").write_text('[project]\nname = "histkit"\n', encoding="utf-8")
    (seed / "annotations.yaml").write_text(GOOD, encoding="utf-8")
    return root, seed


def _checked(root: Path, seed: Path) -> bool:
    seedcheck.check_all(root, [seed])
    was = bool(seedcheck._PENDING)
    seedcheck.save_records()
    return was


def test_a_seed_that_passed_is_not_checked_again_until_a_file_changes(project: tuple[Path, Path]) -> None:
    root, seed = project
    assert _checked(root, seed)
    assert not _checked(root, seed)
    # Only the content counts: a rewrite with the same bytes is no change.
    (seed / "annotations.yaml").write_text(GOOD, encoding="utf-8")
    assert not _checked(root, seed)
    (seed / "annotations.yaml").write_text(GOOD.replace("1926-12", "1926-11"), encoding="utf-8")
    assert _checked(root, seed)


def test_a_curated_file_spoiled_after_a_passing_check_is_refused(project: tuple[Path, Path]) -> None:
    root, seed = project
    assert _checked(root, seed)
    (seed / "annotations.yaml").write_text(GOOD.replace("The envoy wrote", "The envoy sang"), encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"annotations.yaml:2: quote 'The envoy sang to a friend'"):
        seedcheck.check_all(root, [seed])
    # A new curated file counts as a change too, and a bad one is refused.
    (seed / "annotations.yaml").write_text(GOOD, encoding="utf-8")
    assert not _checked(root, seed)
    (seed / "argument.yaml").write_text("steps:\n  - id: a: b\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"argument.yaml: not valid YAML"):
        seedcheck.check_all(root, [seed])


def test_a_refused_check_writes_no_record(project: tuple[Path, Path]) -> None:
    root, seed = project
    (seed / "article.txt").write_text("changed\n", encoding="utf-8")  # no longer the recorded SHA-256
    with pytest.raises(SeedError, match="SHA-256"):
        seedcheck.check_all(root, [seed])
    seedcheck.save_records()
    assert not (root / "build").exists()


def test_the_fingerprint_covers_the_package_source_and_version(project: tuple[Path, Path],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _, seed = project
    before = seedcheck.fingerprint(seed)
    files = seedcheck.package_files()
    monkeypatch.setattr(seedcheck, "package_files", lambda: (*files, ("run/new.py", b"\0" * 32)))
    assert seedcheck.fingerprint(seed) != before
    monkeypatch.undo()
    monkeypatch.setattr("histkit.__version__", "99.0")
    assert seedcheck.fingerprint(seed) != before


def test_a_build_checks_a_changed_curated_file_before_any_kernel_starts(
    project: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, seed = project
    shutil.copytree(DATA / "notebooks", root / "notebooks")
    shutil.copy(ROOT / "pyproject.toml", root)
    monkeypatch.chdir(root)
    monkeypatch.delenv("HISTKIT_ROOT", raising=False)
    runner.build(["00-ok"], root=root, report=lambda line: None)
    assert list((root / "build" / "cache" / "seeds").glob("tiny-*.json"))

    def no_kernel(*args: object, **kw: object) -> None:
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(runner, "execute", no_kernel)
    (seed / "annotations.yaml").write_text("events:\n  - id: e1\n    edtf: 1926-13-45\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"annotations.yaml:2: 'edtf': invalid EDTF '1926-13-45'"):
        runner.build(["00-ok"], root=root, report=lambda line: None, force=True)


def test_a_copied_project_keeps_its_seed_records(project: tuple[Path, Path], tmp_path: Path) -> None:
    root, seed = project
    assert _checked(root, seed)
    copy = tmp_path / "moved"
    shutil.copytree(root, copy)
    assert not _checked(copy, copy / "seeds" / "tiny")
    # A seed outside the project is recorded by its full path: another folder of that name is checked.
    outside = tmp_path / "elsewhere" / "tiny"
    shutil.copytree(seed, outside)
    assert _checked(copy, outside)


def test_what_the_check_read_is_left_for_the_kernels(project: tuple[Path, Path]) -> None:
    # The fixture notebook reads no curated file: what build/cache/memo/ holds, the build's own check wrote.
    root, _ = project
    shutil.copytree(DATA / "notebooks", root / "notebooks")
    shutil.copy(ROOT / "pyproject.toml", root)
    env = {**os.environ, "PYTHONPATH": str(Path(seedcheck.__file__).resolve().parents[2])}
    env.pop("HISTKIT_ROOT", None)
    subprocess.run([sys.executable, "-m", "histkit.run.cli", "build", "00-ok"], cwd=root, env=env, check=True,
                   capture_output=True)
    memo = root / "build" / "cache" / "memo"
    bounds = json.loads((memo / "edtf-bounds.json").read_text(encoding="utf-8"))["values"]
    assert bounds["1926-12"] == ["1926-12-01", "1926-12-31"]
    read = json.loads((memo / "yaml.json").read_text(encoding="utf-8"))["values"]
    assert [v["events"][0]["exact"] for v in read.values()] == ["The envoy wrote to a friend"]
