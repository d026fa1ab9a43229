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
