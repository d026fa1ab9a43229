"""The bad-input catalogue: every way a user can hand histkit something wrong, in one list.

Each case spoils a copy of a project that has already been built (the fixture notebooks, the real
workbook's notebooks, the tiny and the real seed, the committed figures), runs the command, and
checks the exit status, the one-line message, and that no output changed: every file under the
project hashes the same before and after, and no staging folder, temporary file or kernel socket is
left. Most cases fail before any kernel starts; the few marked ``kernel`` run one.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

from histkit.core import files, inputs
from histkit.run import cli, runner
from tests.conftest import DATA, ROOT, patience, rehash

TINY = Path("seeds/tiny")
SPENSER = Path("seeds/spenser-bolsheviks-mexico")
# Files a failed build may write on purpose: the failed notebook's executed copy (named in the
# message), the parameter declarations read from the notebooks, the lock file, the record of a seed
# check that passed (cache/seeds/), and what a kernel remembers for the next (cache/memo/, plain JSON).
NOT_OUTPUTS = re.compile(r"^build/(failed/|cache/parameters/|cache/seeds/|cache/memo/|\.lock$)")


def _write(rel: str, text: str | bytes) -> Callable[[Path], None]:
    def spoil(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else textwrap.dedent(text).encode())

    return spoil


def _edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def spoil(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return spoil


def _article(change: Callable[[bytes], bytes], then_rehash: bool = True) -> Callable[[Path], None]:
    def spoil(root: Path) -> None:
        path = root / TINY / "article.txt"
        path.write_bytes(change(path.read_bytes()))
        if then_rehash:
            rehash(root / TINY)

    return spoil


def _link(rel: str, target: str) -> Callable[[Path], None]:
    def spoil(root: Path) -> None:
        path = root / rel
        path.unlink(missing_ok=True)
        path.symlink_to((root / target).resolve())

    return spoil


def _linked_out(rel: Path) -> Callable[[Path], None]:
    """Move the file out of the project and leave a link in its place (the same bytes: its SHA-256 holds)."""

    def spoil(root: Path) -> None:
        outside = root.parent / f"outside-{rel.name}"
        (root / rel).rename(outside)
        (root / rel).symlink_to(outside)

    return spoil


def _both(*spoils: Callable[[Path], None]) -> Callable[[Path], None]:
    def spoil(root: Path) -> None:
        for one in spoils:
            one(root)

    return spoil


def _fail_probe(code: int, under: str) -> Callable[[Path], None]:
    """Make every write test under ``root/under`` fail with ``code`` (read-only or full disk, as a user sees it).

    Monkeypatched rather than mounted: tests run as any user, and root ignores chmod.
    """

    def spoil(root: Path) -> None:
        real = inputs._probe

        def probe(folder: Path) -> None:
            if Path(folder).resolve().is_relative_to((root / under).resolve()):
                raise OSError(code, os.strerror(code), str(folder))
            real(folder)

        inputs._probe = probe  # restored by the fixture

    return spoil


@dataclass(frozen=True)
class Case:
    """One bad input: how to spoil the project, the command, the exit status and the message."""

    id: str
    argv: list[str]
    message: str
    spoil: Callable[[Path], None] = field(default=lambda root: None)
    code: int = 2
    kernel: bool = False


PRICES = "prices.csv"
ANN = str(TINY / "annotations.yaml")
QTY = str(TINY / "quantities.yaml")
TOML = str(TINY / "seed.toml")
B = ["build"]
OK = ["build", "00-ok"]
WAGES = ["build", "02-railway-wages"]

# About 340 bytes; expanded, 10**9 elements (issue 21: it hung the command for minutes).
BOMB = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{n}: &{n} [{','.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))

CASES = [
    # --- parameters: types, ranges, NaN and infinity -----------------------------------------
    Case("nan", [*WAGES, "-p", "claim_tolerance", "nan"], r"parameter 'claim_tolerance' must be a finite number"),
    Case("inf", [*WAGES, "-p", "rate_tolerance", "inf"], r"parameter 'rate_tolerance' must be a finite number"),
    Case("negative-tolerance", [*WAGES, "-p", "rate_tolerance", "-1"],
         r"parameter 'rate_tolerance' must be at least 0; got -1.0; e\.g\. -p rate_tolerance 0\.05"),
    Case("zero-price-ratio", [*WAGES, "-p", "price_ratio", "0"], r"'price_ratio' must be greater than 0"),
    Case("text-price-ratio", [*WAGES, "-p", "price_ratio", "high"], r"'price_ratio' must be float; got 'high'"),
    Case("peso-gold-named-as-typed", [*WAGES, "-p", "peso_gold_g", "-0.75"], r"parameter 'peso_gold_g' must be"),
    Case("dollar-gold-named-as-typed", [*WAGES, "-p", "dollar_gold_g", "0"], r"parameter 'dollar_gold_g' must be"),
    Case("years-reversed", [*WAGES, "-p", "base_year", "1927", "-p", "end_year", "1910"],
         r"'base_year' \(1927\) must be before 'end_year' \(1910\)"),
    Case("timeline-years-reversed", ["build", "01-chronology", "-p", "first_year", "1930", "-p", "last_year",
                                     "1917"], r"'first_year' \(1930\) must be before 'last_year' \(1917\)"),
    Case("year-not-int", ["build", "01-chronology", "-p", "first_year", "1917.5"], r"'first_year' must be int"),
    Case("year-out-of-range", ["build", "01-chronology", "-p", "last_year", "30000"], r"'last_year' must be at most"),
    Case("stage-mode", ["build", "01-chronology", "-p", "stage_mode", "weekly"],
         r"'stage_mode' must be one of 'sections', 'presence'; got 'weekly'"),
    Case("fuzzy-threshold", ["build", "03-citations", "-p", "fuzzy_threshold", "150"],
         r"'fuzzy_threshold' must be at most 100"),
    Case("stage-sections-twice", ["build", "03-citations", "-f", "p.yaml"], r"'stage_sections' names a section twice",
         _write("p.yaml", "stage_sections: [2, 2, 4]\n")),
    Case("stage-sections-text", ["build", "03-citations", "-f", "p.yaml"], r"'stage_sections' must be list",
         _write("p.yaml", "stage_sections: '2,3,4'\n")),
    Case("unknown-name", [*B, "-p", "colour", "red"], r"unknown parameter 'colour'; the notebooks take: .*base_year"),
    Case("fixture-int", [*OK, "-p", "repeat", "many"], r"00-ok.ipynb: parameter 'repeat' must be int; got 'many'"),
    Case("bool-for-int", [*OK, "-p", "repeat", "True"], r"parameter 'repeat' must be int; got True"),
    Case("params-file-yaml", [*OK, "-f", "p.yaml"],
         r"p\.yaml: not valid YAML: line 2, column 1: .*\(while parsing a flow sequence at line 1, column 9\)",
         _write("p.yaml", "repeat: [1\n")),
    Case("params-file-list", [*OK, "-f", "p.yaml"], r"expected a mapping of parameter names",
         _write("p.yaml", "- 1\n")),
    Case("params-file-missing", [*OK, "-f", "nowhere.yaml"], r"nowhere\.yaml: cannot read parameters file"),
    Case("negative-infinity-as-a-value", [*WAGES, "-p", "price_ratio", "-inf"],
         r"parameter 'price_ratio' must be a finite number; got -inf"),
    Case("parameter-given-twice", [*OK, "-p", "repeat", "2", "-p", "repeat", "3"],
         r"parameter 'repeat' is given twice with -p; give it once"),
    Case("notebook-not-json", OK, r"00-ok\.ipynb: not a notebook histkit can read \(NotJSONError",
         _write("notebooks/00-ok.ipynb", '{"cells": [')),
    Case("notebook-not-utf8", ["list"], r"00-ok\.ipynb: not a notebook histkit can read",
         _write("notebooks/00-ok.ipynb", b'{"cells": "\xff\xfe"}')),
    Case("notebook-wrong-shape", OK, r"00-ok\.ipynb: not a notebook histkit can read",
         _write("notebooks/00-ok.ipynb", '{"cells": 5, "nbformat": 4, "nbformat_minor": 5, "metadata": {}}')),
    Case("jobs", [*OK, "--jobs", "0"], r"--jobs must be 1 or more"),
    Case("timeout-zero", [*OK, "--timeout", "0"], r"--timeout must be a positive number of seconds"),
    Case("no-such-notebook", ["build", "99-missing"], r"no notebook '99-missing'"),
    # --- output folders and input files ----------------------------------------------------------
    Case("empty-tables-dir", [*OK, "-p", "tables_dir", ""], r"parameter 'tables_dir' is empty, which would write"),
    Case("tables-dir-outside", [*OK, "-p", "tables_dir", "/proc/x"], r"'tables_dir' is '/proc/x', outside the project"),
    Case("figures-dir-in-seeds", [*OK, "-p", "figures_dir", "seeds/out"], r"holds the project's own sources"),
    Case("figures-dir-in-notebooks", [*OK, "-p", "figures_dir", "notebooks"], r"holds the project's own sources"),
    Case("tables-dir-is-a-file", [*OK, "-p", "tables_dir", "p.yaml/t"], r"p\.yaml is a file, not a folder",
         _write("p.yaml", "x: 1\n")),
    Case("main-folder-for-another-run", [*OK, "-p", "repeat", "5", "-p", "tables_dir", "build/tables"],
         r"'tables_dir' is 'build/tables', the folder of the default run"),
    Case("price-index-missing", [*WAGES, "-p", "price_index_file", "none.csv"], r"'price_index_file': .*no such file"),
    Case("price-index-header", [*WAGES, "-p", "price_index_file", PRICES], r"line 1: the header must be",
         _write(PRICES, "year;index\n1910;100\n")),
    Case("price-index-negative", [*WAGES, "-p", "price_index_file", PRICES], r"line 3: index must be a positive",
         _write(PRICES, "year,index,source\n1910,100,a\n1927,-5,b\n")),
    Case("price-index-not-utf8", [*WAGES, "-p", "price_index_file", PRICES], r"not UTF-8 text",
         _write(PRICES, b"year,index,source\n1910,100,S\xe3o Paulo\n")),
    Case("build-is-a-file", OK, r"build is a file, not a folder", _write("build-file", ""), ),
    Case("read-only-notebooks", OK, r"cannot write in .*build/notebooks: permission denied; make the folder writable",
         _fail_probe(errno.EACCES, "build/notebooks")),
    Case("read-only-disk", OK, r"cannot write in \S+: it is on a read-only file system",
         _fail_probe(errno.EROFS, "build")),
    Case("disk-full", OK, r"cannot write in \S+: the disk is full; free some space",
         _fail_probe(errno.ENOSPC, "build")),
    # --- seeds and their metadata ----------------------------------------------------------------
    Case("seed-missing", [*OK, "--seed", "nowhere"], r"seed folder .*nowhere does not exist"),
    Case("seed-empty-name", [*OK, "-p", "seed", ""], r"parameter 'seed' must be|parameter 'seed' is empty"),
    Case("seed-twice", [*OK, "--seed", "tiny", "-p", "seed", "other"], r"the seed is given twice"),
    Case("toml-missing", [*OK], r"seed\.toml is missing", lambda root: (root / TOML).unlink()),
    Case("toml-syntax", [*OK], r"seed\.toml: not valid TOML", _write(TOML, "[seed\n")),
    Case("toml-seed-not-table", [*OK], r"key 'seed' must be a table; got 'oops'", _write(TOML, 'seed = "oops"\n')),
    Case("toml-file-not-string", [*OK], r"key 'seed.file' must be a string \(in quotes\); got 42",
         _edit(TOML, 'file = "article.txt"', "file = 42")),
    Case("toml-file-outside", [*OK], r"key 'seed.file' must name a file inside the seed folder",
         _edit(TOML, 'file = "article.txt"', 'file = "../../article.txt"')),
    Case("toml-date", [*OK], r"key 'bibliographic.received' must be text matching",
         _edit(TOML, 'received = "2020-02-01"', 'received = "1 Feb 2020"')),
    Case("toml-date-that-does-not-exist", [*OK], r"key 'bibliographic.received' is '2017-13-45', a date that "
         r"does not exist", _edit(TOML, 'received = "2020-02-01"', 'received = "2017-13-45"')),
    Case("toml-no-sha", [*OK], r"\[seed\] sha256 is missing; add sha256 = \"[0-9a-f]{64}\"",
         lambda root: (root / TOML).write_text(
             "\n".join(x for x in (root / TOML).read_text().splitlines() if not x.startswith("sha256")))),
    Case("sha-mismatch", [*OK], r"article.txt: SHA-256 is [0-9a-f]+ but seed.toml records",
         _article(lambda b: b + b"x", then_rehash=False)),
    Case("article-empty", [*OK], r"article.txt is empty", _article(lambda b: b"")),
    Case("article-not-utf8", [*OK], r"article.txt:\d+: not UTF-8", _article(lambda b: b + "é".encode("latin-1"))),
    Case("article-nul", [*OK], r"article.txt:25:5: control character U\+0000",
         _article(lambda b: b.replace(b"The envoy", b"The \0envoy", 1))),
    Case("article-too-large", [*OK], r"more than histkit handles \(1,000,000\)",
         _article(lambda b: b + b"word " * 210_000)),
    Case("article-linked-outside", [*OK], r"article\.txt is a link to .*outside the seed folder",
         _linked_out(TINY / "article.txt")),
    Case("curated-file-linked-outside", [*OK], r"annotations\.yaml is a link to .*outside the seed folder",
         _both(_write("../elsewhere.yaml", "events: []\n"), _link(ANN, "../elsewhere.yaml"))),
    # a missing reference list is only a warning (a review or an essay may have none); no body is an error
    Case("article-no-body", [*OK], r"article.txt: no body was found",
         _article(lambda b: b"\n".join(b.split(b"\n")[:2]) + b"\n")),
    Case("new-name-climbs-out", ["new", str(TINY / "article.txt"), "--name", "../../../somewhere"],
         r"--name '\.\./\.\./\.\./somewhere' is not a seed name"),
    Case("new-name-absolute", ["new", str(TINY / "article.txt"), "--name", "/tmp/histkit-new-abs"],
         r"--name '/tmp/histkit-new-abs' is not a seed name"),
    Case("new-name-dot-dot", ["new", str(TINY / "article.txt"), "--name", ".."], r"--name '\.\.' is not a seed name"),
    # --- curated annotations ---------------------------------------------------------------------
    Case("yaml-syntax", [*OK], r"annotations.yaml: not valid YAML: line 2, column 10: mapping values are not allowed",
         _write(ANN, "events:\n  - id: a: b\n")),
    Case("yaml-top-list", [*OK], r"the top level must be a mapping", _write(ANN, "- a\n")),
    Case("quote-missing", [*OK], r"annotations.yaml:2: quote 'no such words' .*does not occur",
         _write(ANN, "events:\n  - id: e1\n    exact: no such words\n")),
    Case("quote-ambiguous-capped", [*OK],
         r"it occurs \d\d+ times \(article lines \d+, \d+, \d+, \d+, \d+ and \d+ more\)",
         _write(ANN, "events:\n  - id: e1\n    exact: e\n")),
    Case("duplicate-id", [*OK], r"id 'e1' of 'events' is used twice",
         _write(ANN, "events:\n  - id: e1\n  - id: e1\n")),
    Case("bad-edtf", [*OK], r"annotations.yaml:2: 'edtf': invalid EDTF '1926-13-45'",
         _write(ANN, "events:\n  - id: e1\n    edtf: 1926-13-45\n")),
    Case("yaml-not-utf8", [*OK], r"annotations.yaml:1: not UTF-8", _write(ANN, b"events: [\xff]\n")),
    # --- issue 21: hostile YAML, in parameter files and curated files alike --------------------------
    Case("params-file-alias-bomb", [*OK, "-f", "p.yaml"], r"p\.yaml:2: an alias \(\*a\) is not allowed",
         _write("p.yaml", BOMB)),
    Case("params-file-deep", [*OK, "-f", "p.yaml"], r"p\.yaml:1: nested more than 64 levels deep",
         _write("p.yaml", "repeat: " + "[" * 100_000 + "]" * 100_000 + "\n")),
    Case("params-file-not-utf8", [*OK, "-f", "p.yaml"], r"p\.yaml:1: not UTF-8 \(byte 0xe3",
         _write("p.yaml", b"repeat: S\xe3o\n")),
    Case("params-file-duplicate-key", [*OK, "-f", "p.yaml"],
         r"p\.yaml:3: the key 'repeat' is given twice \(first at line 1\); keep one",
         _write("p.yaml", "repeat: 2\nother: 1\nrepeat: 3\n")),
    Case("params-file-huge-value-quoted-as-an-excerpt", [*OK, "-f", "p.yaml"],
         r"parameter 'repeat' must be int; got \[1, 1, 1, .{20,60}\.\.\. \(300,00\d characters\) \(list\); e\.g\.",
         _write("p.yaml", "repeat: [" + "1, " * 100_000 + "]\n")),
    Case("params-file-too-large", [*OK, "-f", "p.yaml"], r"p\.yaml: larger than 1,000,000 bytes",
         _write("p.yaml", "# " + "x" * 1_000_000 + "\n")),
    Case("yaml-alias-bomb", [*OK], r"annotations\.yaml:2: an alias \(\*a\) is not allowed", _write(ANN, BOMB)),
    Case("yaml-deep", [*OK], r"annotations\.yaml:1: nested more than 64 levels deep",
         _write(ANN, "events: " + "[" * 100_000 + "]" * 100_000 + "\n")),
    Case("yaml-duplicate-key", [*OK], r"annotations\.yaml:4: the key 'exact' is given twice",
         _write(ANN, "events:\n  - id: e1\n    exact: The envoy\n    exact: a friend\n")),
    # --- curated files checked against their declared shape before any kernel (issue 21) ------------
    Case("quantities-quote-missing", [*OK], r"quantities\.yaml:2: quote 'no such figure' .*does not occur",
         _write(QTY, "quantities:\n  - key: k\n    exact: no such figure\n    measures: m\n")),
    Case("quantities-entry-without-measures", [*OK],
         r"quantities\.yaml:2: an item of 'quantities' has no 'measures'; each needs 'key', 'exact', 'measures'",
         _write(QTY, "quantities:\n  - key: k\n    exact: fifty rubles\n")),
    Case("quantities-year-not-a-number", [*OK], r"quantities\.yaml:2: 'year' must be a whole number",
         _write(QTY, "quantities:\n  - key: k\n    exact: fifty rubles\n    measures: m\n    year: soon\n")),
    Case("annotations-without-stages", [*OK], r"annotations\.yaml: no 'stages' list; add one",
         _write(ANN, "people: []\nevents: []\nstays: []\nrelative: []\nchecks: []\n")),
    Case("event-without-date", [*OK], r"annotations\.yaml:3: an item of 'events' has no 'date'",
         _write(ANN, "stages: []\nevents:\n  - id: e1\n    exact: The envoy\n"
                     "people: []\nstays: []\nrelative: []\nchecks: []\n")),
    Case("argument-step-not-a-number", [*OK], r"argument\.yaml:2: 'step' must be a whole number",
         _write(str(TINY / "argument.yaml"), "steps:\n  - step: one\n    gloss: g\n    exact: a friend\n")),
    # --- runs that need a kernel ------------------------------------------------------------------
    Case("failing-cell", ["build", "01-broken"], r"01-broken.ipynb failed: cell 2 .* raised ZeroDivisionError: "
         r"division by zero \(see build/failed/01-broken.ipynb\); no output was changed", code=1, kernel=True),
    Case("kernel-death", ["build", "00-ok", "02-dies"],
         r"02-dies.ipynb failed: the kernel stopped: Kernel died \(no executed copy was written\); "
         r"no output was changed",
         code=1, kernel=True),
    Case("time-limit", ["build", "05-sleeps", "--timeout", "3"],
         r"05-sleeps.ipynb failed: still running after the time limit of 3 s \(--timeout\)", code=1, kernel=True),
    Case("bad-input-inside-a-notebook", ["build", "06-raises"], r"06-raises.ipynb failed: .* raised SeedError",
         kernel=True),
]


def _sleeper(root: Path) -> None:
    for name, source in (("05-sleeps", "import time\ntime.sleep(seconds)"),
                         ("06-raises", "from histkit.core.errors import SeedError\nraise SeedError('bad seed')")):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [nbformat.v4.new_code_cell("seconds: int = 120", metadata={"tags": ["parameters"]}),
                    nbformat.v4.new_code_cell(source)]
        nbformat.write(nb, root / "notebooks" / f"{name}.ipynb")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with both seeds, the fixture and the workbook notebooks, its figures, built once."""
    root = tmp_path_factory.mktemp("catalogue") / "project"
    root.mkdir()
    shutil.copy(ROOT / "pyproject.toml", root)
    shutil.copytree(ROOT / SPENSER, root / SPENSER)
    shutil.copytree(DATA / "tiny", root / TINY)
    shutil.copytree(DATA / "notebooks", root / "notebooks")
    for path in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"):
        shutil.copy(path, root / "notebooks")
    _sleeper(root)
    shutil.copytree(ROOT / "figures", root / "figures")
    cwd = Path.cwd()
    os.chdir(root)
    try:
        runner.build(["00-ok"], root=root, report=lambda line: None)
        for path in runner.notebooks(root):
            runner.parameters(path)  # remembered, so that each case reads them from build/cache/
    finally:
        os.chdir(cwd)
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    monkeypatch.chdir(root)
    monkeypatch.delenv("HISTKIT_ROOT", raising=False)
    monkeypatch.setattr(inputs, "_probe", inputs._probe)  # some cases replace it
    return root


def snapshot(root: Path) -> dict[str, str]:
    """SHA-256 of every file under the project that a build could have written or changed."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and not NOT_OUTPUTS.match(rel):
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def leftovers(root: Path) -> list[str]:
    """Staging folders, temporary files and kernel sockets a build should never leave."""
    build = root / "build"
    found = [p.name for p in build.glob(".stage-*")] + [p.name for p in build.glob(".kernels")]
    found += [p.relative_to(root).as_posix() for p in root.rglob("*.tmp")]
    return found


def _no_kernel(*args: object, **kwargs: object) -> None:
    raise AssertionError("a kernel started for a case that should have been refused before any kernel")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, project: Path, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> None:
    if not case.kernel:  # proof that the case is caught before any kernel starts (issue 21)
        monkeypatch.setattr(runner, "execute", _no_kernel)
    if case.id == "build-is-a-file":
        shutil.rmtree(project / "build")
        (project / "build").write_text("not a folder")
    case.spoil(project)
    before = snapshot(project)
    assert cli.main(case.argv) == case.code
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1, captured.err
    assert captured.err.startswith("histkit: error: ")
    assert "Traceback" not in captured.err
    assert re.search(case.message, captured.err), captured.err
    assert len(captured.err) < 1000  # an excerpt of a value, never the whole of it (issue 21)
    assert snapshot(project) == before
    if (project / "build").is_dir():
        assert leftovers(project) == []
    if not case.kernel:
        assert not (project / "build" / "failed").exists()


def test_the_catalogue_is_large_and_mostly_kernel_free() -> None:
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)
    assert sum(c.kernel for c in CASES) <= 5


def test_disk_full_while_moving_outputs_into_place_puts_everything_back(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(project)
    real = files._move
    moved: list[Path] = []

    def full_after_one(source: Path, target: Path) -> None:
        if moved:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(source), None, str(target))
        moved.append(target)
        real(source, target)

    monkeypatch.setattr(files, "_move", full_after_one)
    assert cli.main(["build", "00-ok", "--force"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert re.search(r"cannot write in .*: the disk is full; free some space; no output was changed", err)
    assert moved  # one file had already been moved in, and was put back
    assert snapshot(project) == before
    assert leftovers(project) == []


def _start_build(project: Path, log: Path) -> subprocess.Popen:
    """A build of a sleeping notebook and a quick one, in another process; returns once a kernel runs."""
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "histkit.run.cli", "build", "05-sleeps", "00-ok", "-p", "repeat", "4",
             "--jobs", "2"], cwd=project, stdout=subprocess.DEVNULL, stderr=err,
        )
    # wait until a kernel runs: its connection file appears under build/.kernels/ (an event; the
    # bound only keeps a broken build from hanging the suite, and grows with the machine's load)
    deadline = time.monotonic() + patience(60)
    while time.monotonic() < deadline:
        if list((project / "build" / ".kernels").glob("kernel-*.json")) or proc.poll() is not None:
            break
        time.sleep(0.1)
    return proc


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_build_stops_its_kernels_and_changes_nothing(
    project: Path, tmp_path: Path, sig: int, code: int
) -> None:
    before = snapshot(project)
    log = tmp_path / "stderr.txt"
    proc = _start_build(project, log)
    try:
        proc.send_signal(sig)
        proc.wait(timeout=patience(60))
    finally:
        proc.kill()
        proc.wait(timeout=patience(30))
    err = log.read_text()
    assert proc.returncode == code, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert "stopped" in err and "no output was changed" in err
    assert snapshot(project) == before
    assert leftovers(project) == []  # no kernel connection file or socket either


def _threads_taking_sigint(pid: int) -> list[int]:
    """The threads of process ``pid`` other than its main thread that do not block SIGINT (Linux)."""
    found = []
    for task in sorted(Path(f"/proc/{pid}/task").iterdir(), key=lambda p: int(p.name)):
        with contextlib.suppress(OSError):
            blocked = next(line for line in (task / "status").read_text().splitlines() if line.startswith("SigBlk:"))
            if int(task.name) != pid and not int(blocked.split()[1], 16) >> (signal.SIGINT - 1) & 1:
                found.append(int(task.name))
    return found


def _descendants(pid: int) -> set[int]:
    """The processes started by ``pid``, and by those (its kernels, or the zygote and the kernels it forked)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
    found, new = set(), {pid}
    while new:
        new = {child for child, parent in parents.items() if parent in new} - found
        found |= new
    return found


def _running(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie waiting to be reaped does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _wait_for(condition: Callable[[], object], seconds: float) -> None:
    """Poll for an event; the bound only keeps a broken build from hanging the suite (grows with load)."""
    deadline = time.monotonic() + patience(seconds)
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="aims a signal at one thread of another process: Linux only (tgkill, /proc)")
@pytest.mark.parametrize("moment", ["threads-up", "kernel-running", "one-notebook-done"])
def test_ctrl_c_landing_in_a_worker_thread_stops_the_build(project: Path, tmp_path: Path, moment: str) -> None:
    """Issue 21: Python handles signals in the main thread only. A Ctrl-C the system delivered to a
    worker thread left the main thread blocked in ``future.result()`` until the running notebook
    ended (here: ten minutes). The main thread now waits in short slices."""
    libc = ctypes.CDLL(None, use_errno=True)
    before = snapshot(project)
    out, err = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "histkit.run.cli", "build", "05-sleeps", "00-ok", "-p", "seconds", "600",
             "-p", "repeat", "4", "--jobs", "2", "--force"],
            cwd=project, stdout=stdout, stderr=stderr, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        kernels = project / "build" / ".kernels"
        ready = {
            "threads-up": lambda: _threads_taking_sigint(proc.pid) or proc.poll() is not None,
            "kernel-running": lambda: list(kernels.glob("kernel-*.json")) or proc.poll() is not None,
            "one-notebook-done": lambda: "00-ok.ipynb" in out.read_text() or proc.poll() is not None,
        }[moment]
        _wait_for(ready, 60)
        assert proc.poll() is None, err.read_text()
        _wait_for(lambda: _threads_taking_sigint(proc.pid), 60)
        target = _threads_taking_sigint(proc.pid)[0]
        started = _descendants(proc.pid)  # its kernels (or its zygote and their forks), and any started later:
        assert libc.tgkill(proc.pid, target, signal.SIGINT) == 0, ctypes.get_errno()
        deadline = time.monotonic() + patience(30)  # the sleeping notebook would hold a blocked build for 600 s
        while proc.poll() is None and time.monotonic() < deadline:
            started |= _descendants(proc.pid)
            time.sleep(0.05)
        assert proc.poll() is not None, "the build did not stop on Ctrl-C"
    finally:
        proc.kill()
        proc.wait(timeout=patience(30))
    message = err.read_text()
    assert proc.returncode == 130, message
    assert message.count("\n") == 1 and "Traceback" not in message, message
    assert "stopped (Ctrl-C)" in message and "no output was changed" in message
    _wait_for(lambda: not any(_running(pid) for pid in started), 10)
    assert [pid for pid in started if _running(pid)] == []  # no kernel (nor zygote) left behind
    assert snapshot(project) == before
    assert leftovers(project) == []


def test_a_killed_build_is_recovered_by_the_next_without_force(project: Path, tmp_path: Path) -> None:
    before = snapshot(project)
    proc = _start_build(project, tmp_path / "stderr.txt")
    proc.kill()
    proc.wait(timeout=patience(30))
    # Nothing outside build/.stage-* and build/.kernels/ changed: what the killed build had written so
    # far is in its staging folder, and its kernels' connection files are under build/, not in /tmp.
    after = {k: v for k, v in snapshot(project).items() if not re.match(r"build/(\.stage-|\.kernels/)", k)}
    assert after == before
    lines: list[str] = []
    results = runner.build(["00-ok"], {"repeat": 4}, root=project, report=lines.append)
    assert [r.status for r in results] == ["ok"]
    assert leftovers(project) == []
    assert not [p for p in (project / "build").iterdir() if p.name.startswith(".stage")]


@pytest.mark.parametrize("given", [["-p", "tables_dir", "build/alt_tables"], ["-p", "figures_dir", "alt_figures"],
                                   ["--allow-outside", "-p", "tables_dir", "OUTSIDE"]],
                         ids=["tables-dir", "figures-dir", "outside"])
def test_an_output_folder_parameter_is_a_run_of_its_own(
    given: list[str], project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 21: another output folder rewrote the committed MANIFEST.tsv and build/notebooks/."""
    outside = tmp_path / "outside-tables"
    given = [str(outside) if word == "OUTSIDE" else word for word in given]
    before = snapshot(project)
    assert cli.main(["build", "00-ok", *given]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "build/runs/" in out
    after = {k: v for k, v in snapshot(project).items()
             if not re.match(r"(build/runs/|build/alt_tables/|alt_figures/)", k)}
    assert after == before  # committed figures, MANIFEST.tsv and build/notebooks byte-identical
    written = {k for k in snapshot(project) if k not in before}
    assert any(k.startswith("build/runs/") and k.endswith("notebooks/00-ok.ipynb") for k in written), written
    if "--allow-outside" in given:
        assert any(outside.iterdir())


@pytest.mark.parametrize("command", [["build"], ["list"], ["site"]])
def test_an_empty_histkit_root_is_an_error_that_leaves_nothing(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 21: HISTKIT_ROOT=<empty dir> histkit build exited 0 silently and left a lock file there."""
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("HISTKIT_ROOT", str(empty))
    assert cli.main(command) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("histkit: error: HISTKIT_ROOT is ")
    assert "not a histkit project" in err
    assert list(empty.iterdir()) == []
