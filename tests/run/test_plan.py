"""The plan of a build: every notebook parameter has a rule, and each run has its own tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from histkit.core.params import RULES, check_value
from histkit.run import plan, runner
from tests.conftest import ROOT


@pytest.mark.parametrize("path", runner.notebooks(ROOT), ids=lambda p: p.stem)
def test_every_workbook_parameter_has_a_rule_of_its_declared_type(path: Path) -> None:
    for name, declared in runner.parameters(path).items():
        assert name in RULES, f"{path.name}: add a Rule for {name!r} in histkit.core.params"
        assert RULES[name].type == declared.type_name, name
        default = plan.default_value(declared.default)
        assert default is not plan.NO_DEFAULT, name
        # the defaults themselves pass their rules
        check_value(name, default, declared.type_name, root=ROOT)


def test_default_run_writes_the_main_outputs_and_any_other_its_own_tree(tmp_path: Path) -> None:
    main = plan.tree_for(tmp_path, tmp_path / "seeds" / "s", {}, own_seed=False)
    assert main.name == "" and main.figures == tmp_path / "figures"
    other = plan.tree_for(tmp_path, tmp_path / "seeds" / "s", {"price_ratio": 1.5})
    again = plan.tree_for(tmp_path, tmp_path / "seeds" / "s", {"price_ratio": 1.5})
    assert other == again
    assert other.base.parent == tmp_path / "build" / "runs"
    assert other.name.startswith("s_price_ratio-1.5-") and len(other.name.rsplit("-", 1)[1]) == 8
    assert plan.tree_for(tmp_path, tmp_path / "seeds" / "s", {"price_ratio": 2.0}).name != other.name
    assert plan.tree_for(tmp_path, tmp_path / "x" / "t", {}, own_seed=True).name.startswith("t-")


def test_the_default_seed_named_by_its_path_is_the_plain_default_run() -> None:
    paths = runner.notebooks(ROOT)
    declared = {path: runner.parameters(path) for path in paths}
    given = {"seed": "seeds/spenser-bolsheviks-mexico", "first_year": 1917}  # both their defaults
    tree, jobs = plan.make(ROOT, paths, declared, given)
    plain_tree, plain_jobs = plan.make(ROOT, paths, declared, {})
    assert tree == plain_tree and tree.name == ""
    # same parameters as a plain build: the same cache key and the same manifest rows
    assert [job.params for job in jobs] == [job.params for job in plain_jobs] == [{}] * len(paths)


@pytest.mark.parametrize("name", plan.OUTPUT_DIRS)
def test_another_output_folder_is_another_run(name: str) -> None:
    """Issue 21: an output-folder parameter alone ran as the default run, over the main outputs."""
    paths = runner.notebooks(ROOT)
    declared = {path: runner.parameters(path) for path in paths}
    tree, _ = plan.make(ROOT, paths, declared, {name: "build/elsewhere"})
    assert tree.name and tree.base.parent == ROOT / "build" / "runs"
    assert tree.outputs[name] == ROOT / "build" / "elsewhere"
    assert tree.notebooks != ROOT / "build" / "notebooks" and tree.figures != ROOT / "figures"
    main, _ = plan.make(ROOT, paths, declared, {name: str(plan.tree_for(ROOT, None, {}).outputs[name])})
    assert main.name == ""  # the main folder itself, named: the plain default run


def test_the_generic_workbook_s_parameters_are_remembered_in_the_project_not_the_package(tmp_path: Path) -> None:
    """They were written to ``histkit/build/cache/`` beside the installed package, named like the project's."""
    from histkit.run import workbooks

    package_cache = workbooks.GENERIC.parent / "build"
    before = sorted(package_cache.rglob("*")) if package_cache.exists() else []
    root = tmp_path / "project"
    for path in workbooks.notebooks_in(workbooks.GENERIC):
        declared = runner.parameters(path, root=root)
        assert "seed" in declared  # every generic notebook is run with a seed
    stored = sorted(p.name for p in (root / "build" / "cache" / "parameters").iterdir())
    assert stored == sorted(f"workbook-{p.stem}.json" for p in workbooks.notebooks_in(workbooks.GENERIC))
    after = sorted(package_cache.rglob("*")) if package_cache.exists() else []
    assert after == before


def _copy_with_a_seed(where: Path) -> Path:
    import shutil

    shutil.copy(ROOT / "pyproject.toml", where)
    shutil.copytree(ROOT / "notebooks", where / "notebooks")
    shutil.copytree(ROOT / "seeds" / "spenser-bolsheviks-mexico", where / "seeds" / "other")
    shutil.copytree(ROOT / "seeds" / "spenser-bolsheviks-mexico", where / "corpus" / "elsewhere")
    return where


def test_a_run_gives_its_notebooks_folders_as_the_project_names_them(tmp_path: Path, monkeypatch) -> None:
    # Two copies of one project in two places: the same run, the same folder name, the same parameters, and
    # no folder of this machine in them (an executed notebook, and a site made from it, would show it).
    runs = []
    for place in ("a", "b"):
        (tmp_path / place / "project").mkdir(parents=True)
        root = _copy_with_a_seed(tmp_path / place / "project")
        paths = runner.notebooks(root)
        declared = {path: runner.parameters(path) for path in paths}
        monkeypatch.chdir(root)
        tree, jobs = plan.make(root, paths, declared, {"seed": "seeds/other"})
        elsewhere, more = plan.make(root, paths, declared, {"seed": str(root / "corpus" / "elsewhere")})
        runs.append((tree.name, [job.params for job in jobs], elsewhere.name, [job.params for job in more]))
        assert all(str(tmp_path) not in str(value) for job in jobs + more for value in job.params.values())
        seeds = {job.params["seed"] for job in jobs if "seed" in job.params}
        assert seeds == {"other"}  # a seed under seeds/ by its name, as `histkit list` shows it
        assert {job.params["seed"] for job in more if "seed" in job.params} == {"corpus/elsewhere"}
        assert {job.params.get("figures_dir") for job in jobs} - {None} == {f"build/runs/{tree.name}/figures"}
        assert {job.seed for job in more} == {root / "corpus" / "elsewhere"}
    assert runs[0] == runs[1]


def test_a_notebook_reads_a_seed_path_from_the_project_root_not_its_own_folder(tmp_path: Path,
                                                                                monkeypatch) -> None:
    from histkit.core.paths import resolve_seed_dir

    root = _copy_with_a_seed(tmp_path)
    monkeypatch.chdir(root / "notebooks")  # a kernel's folder is its notebook's
    assert resolve_seed_dir("corpus/elsewhere", root) == (root / "corpus" / "elsewhere").resolve()
    assert resolve_seed_dir("other", root) == root / "seeds" / "other"
    monkeypatch.chdir(root / "corpus")  # a user in a folder of their own types a path from there
    assert resolve_seed_dir("elsewhere", root) == (root / "corpus" / "elsewhere").resolve()
