"""The package's architecture: layers in the order of the flow, no cycles, small modules.

import-linter's contracts live in pyproject.toml; these tests run them, show that a wrong-way import
breaks them, and check what a contract cannot say (no cycle between any two modules, no module over
450 lines).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "histkit"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
MAX_LINES = 450


def _lint(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)} if pythonpath else None
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_import_contracts_are_kept():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong_import", "contract"),
    [
        # a low layer reaching up: core must not know about analyses
        ("core/paths.py", "from histkit.analyse import claims", "histkit is layered in the order of the flow"),
        # extract reaching into present
        ("extract/citations.py", "from histkit.present import style", "histkit is layered in the order of the flow"),
        # the runner reaching into history
        ("run/cache.py", "from histkit.extract import dates", "the runner knows notebooks and parameters, not history"),
        # publishing reaching into history: it reads what a run wrote
        ("publish/jdh_cite.py", "from histkit.present import bibliography",
         "publishing reads what a run wrote, not history"),
        # publishing reaching up into the runner: the command line hands it the run
        ("publish/site.py", "from histkit.run import runner", "histkit is layered in the order of the flow"),
    ],
)
def test_a_wrong_way_import_breaks_a_contract(tmp_path, module, wrong_import, contract):
    copy = tmp_path / "src" / "histkit"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    # inside a function, so that only the static analysis sees it (as it would see any import)
    target.write_text(target.read_text() + f"\n\ndef _wrong_way() -> None:\n    {wrong_import}\n")
    result = _lint(tmp_path, pythonpath=tmp_path / "src")
    assert result.returncode != 0
    assert f"{contract} BROKEN" in result.stdout
    assert module.replace("/", ".").removesuffix(".py") in result.stdout


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.find_modules_directly_imported_by(node)):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle_between_any_two_modules():
    graph = grimp.build_graph("histkit", cache_dir=None)
    # the package's own __init__ re-exports names for notebooks: every module is "under" it, so
    # leave it out, as import-linter does for a container
    graph.remove_module("histkit")
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for a, b in [("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")]:
        graph.add_import(importer=a, imported=b)
    assert _cycles(graph) == [["p.a", "p.b", "p.c"]]


def test_no_module_over_the_limit():
    sizes = {p.relative_to(PACKAGE).as_posix(): len(p.read_text().splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


@pytest.mark.parametrize("layer", ["core", "text", "extract", "analyse", "present", "publish", "run"])
def test_every_layer_says_in_two_lines_what_lives_there_and_what_it_imports(layer):
    import ast

    doc = ast.get_docstring(ast.parse((PACKAGE / layer / "__init__.py").read_text()))
    lines = [line for line in (doc or "").splitlines() if line.strip()]
    assert len(lines) == 2, lines
    assert lines[1].startswith("Import"), lines[1]
