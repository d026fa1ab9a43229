"""The command line: arguments alone (no kernel), then real runs of tiny fixture notebooks."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from histkit.core.errors import SeedError
from histkit.run import cli, runner
from tests.conftest import DATA, ROOT, rehash


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A throwaway histkit project holding the tiny seed and the fixture notebooks."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "histkit"\n')
    shutil.copytree(DATA / "tiny", tmp_path / "seeds" / "tiny")
    shutil.copytree(DATA / "notebooks", tmp_path / "notebooks")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HISTKIT_ROOT", raising=False)
    return tmp_path


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


# --- arguments only -----------------------------------------------------------------------


def test_list_shows_parameters_with_defaults(project, capsys):
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    assert "00-ok.ipynb\n" in out
    assert "  repeat: int = 2\n" in out
    assert '  seed: str = "tiny"\n' in out
    assert "  divisor: int = 0\n" in out


def test_list_of_the_workbook_itself(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    assert "00-overview.ipynb" in out
    assert '  seed: str = "spenser-bolsheviks-mexico"' in out


BAD_ARGUMENTS = [
    (["build", "-p", "colour", "red"], "unknown parameter .colour.; the notebooks take: code, divisor, figures_dir"),
    (["build", "-p", "repeat", "many"], "00-ok.ipynb: parameter 'repeat' must be int; got 'many'"),
    (["build", "-p", "repeat", "1.5"], "parameter 'repeat' must be int; got 1.5"),
    (["build", "--seed", "nowhere"], "seed folder .*nowhere does not exist"),
    (["build", "99-missing"], "no notebook '99-missing'"),
]


@pytest.mark.parametrize(("argv", "message"), BAD_ARGUMENTS)
def test_bad_arguments_exit_2_with_one_line(project, capsys, argv, message):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("histkit: error: ")
    assert re.search(message, err)
    assert not (project / "build" / "notebooks").exists()


def test_parameters_file_errors(project, capsys):
    bad = project / "params.yaml"
    bad.write_text("repeat: [1\n")
    assert cli.main(["build", "-f", str(bad)]) == 2
    assert "params.yaml: not valid YAML" in capsys.readouterr().err
    bad.write_text("- 1\n- 2\n")
    assert cli.main(["build", "-f", str(bad)]) == 2
    assert "expected a mapping of parameter names to values" in capsys.readouterr().err


def test_resolve_value_like_papermill():
    assert [runner.resolve_value(v) for v in ("True", "None", "3", "2.5", "abc")] == [True, None, 3, 2.5, "abc"]


def _title_only(text: str) -> str:
    return text.split("\n")[0] + "\n"


# Each bad seed of docs/data-contract.md, section 7: (how to spoil the text, rehash after?, message)
BAD_SEEDS = [
    (lambda b: b + b"x", False, r"article.txt: SHA-256 is [0-9a-f]+ but seed.toml records"),
    (lambda b: b"", True, r"article.txt is empty"),
    (lambda b: b + "é".encode("latin-1"), True, r"article.txt:\d+: not UTF-8"),
    (lambda b: _title_only(b.decode()).encode(), True, r"article.txt: no body was found"),
]


@pytest.mark.parametrize(("spoil", "then_rehash", "message"), BAD_SEEDS)
def test_bad_seed_fails_before_any_kernel(project, capsys, spoil, then_rehash, message):
    folder = project / "seeds" / "tiny"
    article = folder / "article.txt"
    article.write_bytes(spoil(article.read_bytes()))
    if then_rehash:
        rehash(folder)
    assert cli.main(["build", "--seed", "tiny"]) == 2
    err = capsys.readouterr().err
    assert re.search(message, err)
    assert err.count("\n") == 1
    assert not (project / "build").exists()


# --- real runs (a kernel per notebook) ------------------------------------------------------


def test_build_runs_ok_notebook_and_never_touches_notebooks(project, capsys):
    before = _digests(project / "notebooks")
    assert cli.main(["build", "00-ok"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("00-ok.ipynb")
    assert " ok " in out and out.rstrip().endswith(" s")
    assert _digests(project / "notebooks") == before
    executed = (project / "build" / "notebooks" / "00-ok.ipynb").read_text()
    assert "tinytiny" in executed
    assert (project / "build" / "tables" / "paragraphs.csv").is_file()
    assert not list((project / "build" / "notebooks").glob(".*"))
    assert not list((project / "build").glob(".stage*"))


def test_other_parameters_write_a_tree_of_their_own(project, capsys):
    assert cli.main(["build", "00-ok"]) == 0
    main_table = (project / "build" / "tables" / "paragraphs.csv").read_bytes()
    capsys.readouterr()
    assert cli.main(["build", "00-ok", "-p", "repeat", "3"]) == 0
    out = capsys.readouterr().out
    runs = list((project / "build" / "runs").iterdir())
    assert [p.name for p in runs] == [re.search(r"build/runs/(\S+)/", out).group(1)]
    assert runs[0].name.startswith("tiny_repeat-3-")
    assert "tinytinytiny" in (runs[0] / "notebooks" / "00-ok.ipynb").read_text()
    assert (runs[0] / "tables" / "paragraphs.csv").is_file()
    # the default run's outputs are untouched, and so is its executed notebook
    assert (project / "build" / "tables" / "paragraphs.csv").read_bytes() == main_table
    assert "tinytinytiny" not in (project / "build" / "notebooks" / "00-ok.ipynb").read_text()
    # a parameter given at its default value is the default run
    assert cli.main(["build", "00-ok", "-p", "repeat", "2"]) == 0
    assert "build/runs" not in capsys.readouterr().out


def test_failing_notebook_names_notebook_cell_and_error(project, capsys):
    assert cli.main(["build", "01-broken"]) == 1
    err = capsys.readouterr().err
    assert "01-broken.ipynb failed: cell 2 (id 'boom') raised ZeroDivisionError: division by zero" in err
    # The executed copy is kept apart, with papermill's error banner, for reading; the message names it.
    assert "see build/failed/01-broken.ipynb" in err
    assert "ZeroDivisionError" in (project / "build" / "failed" / "01-broken.ipynb").read_text()
    assert not (project / "build" / "notebooks" / "01-broken.ipynb").exists()


@pytest.mark.parametrize("how", ["--seed", "-p seed"])
def test_another_seed_writes_under_build_runs(project, tmp_path, how):
    other = tmp_path / "elsewhere" / "tiny-copy"
    shutil.copytree(DATA / "tiny", other)
    shutil.copytree(DATA / "notebooks", other / "notebooks")  # a seed with notebooks of its own runs them
    given = {"seed": str(other)} if how == "-p seed" else {}
    seed = str(other) if how == "--seed" else None
    results = runner.build(["00-ok"], given, seed=seed, root=project, report=lambda line: None)
    assert [r.status for r in results] == ["ok"]
    (tree,) = (project / "build" / "runs").iterdir()
    assert tree.name.startswith("tiny-copy-")
    assert (tree / "tables" / "paragraphs.csv").is_file()
    assert not (project / "build" / "tables").exists()


def test_a_missing_seed_is_bad_input_before_any_kernel(project):
    with pytest.raises(SeedError, match=r"seed folder .*no-such-seed does not exist"):
        runner.build(["00-ok"], {"seed": "no-such-seed"}, root=project, report=lambda line: None)
    assert not (project / "build").exists()


def test_freeze_names_a_notebook_that_does_not_exist(capsys):
    from histkit.run import cli

    assert cli.main(["freeze", "99-nosuch"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "histkit: error: no notebook '99-nosuch'; give a path or a name from notebooks/ (see histkit list)"
