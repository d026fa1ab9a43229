"""Shared fixtures: the real seed (read once) and the tiny fixture seed in tests/data/."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

import histkit
from histkit.text.ingest import Article

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
# The development corpus of issue 11 sits beside the repository (../shared/corpus), as in CI.
CORPUS = ROOT.parent / "shared" / "corpus"

# The fixture notebooks are inputs to the CLI tests (one fails on purpose), not notebooks to check.
collect_ignore = ["data"]


def rehash(folder: Path) -> None:
    """Record the current SHA-256 of ``folder/article.txt`` in its seed.toml (for spoiled copies)."""
    digest = hashlib.sha256((folder / "article.txt").read_bytes()).hexdigest()
    toml = folder / "seed.toml"
    lines = [f'sha256 = "{digest}"' if line.startswith("sha256") else line for line in toml.read_text().splitlines()]
    toml.write_text("\n".join(lines))


def pytest_configure(config: pytest.Config) -> None:
    # Build matplotlib's font cache before any notebook kernel starts: nbval allows a cell 5 s
    # to start answering, and a first-time cache build can take longer.
    import histkit.present.style  # noqa: F401


@pytest.fixture(scope="session")
def article() -> Article:
    """The real seed, ingested once per test session."""
    return histkit.load_seed(str(ROOT / "seeds" / "spenser-bolsheviks-mexico"))


@pytest.fixture(scope="session")
def tiny() -> Article:
    """The tiny fixture seed with one of each artefact."""
    return histkit.load_seed(str(DATA / "tiny"))


@pytest.fixture(scope="session")
def chron(article):
    """The real seed's chronology, built once per test session."""
    from histkit.analyse.chronology import build_chronology

    return build_chronology(article)


@pytest.fixture(scope="session")
def table(article):
    """The real seed's quantities table."""
    from histkit.extract.quantities import quantities_table

    return quantities_table(article)


@pytest.fixture(scope="session")
def change(table):
    """The wage change 1910-1927 read from the real seed."""
    from histkit.cases.spenser.wages import wage_change

    return wage_change(table, 1910, 1927)


@pytest.fixture(scope="session")
def audit(article):
    """The real seed's citation audit."""
    from histkit.analyse.audit import run_audit

    return run_audit(article)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The whole workbook built once (as the README's first command does) in a throwaway copy of the project."""
    from histkit.run import runner

    root = tmp_path_factory.mktemp("workbook")
    shutil.copy(ROOT / "pyproject.toml", root)
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    results = runner.build(root=root, report=lambda line: None, jobs=2, force=True)
    assert [r.status for r in results] == ["ok"] * len(results)
    return root


def with_value(table, key: str, value: float):
    """The quantities table with the figure curated as ``key`` set to another value."""
    changed = table.copy()
    changed.loc[changed["key"] == key, "value"] = value
    return changed
def corpus_text(name: str) -> str:
    """The verbatim text of one corpus article; fails loudly when the corpus is absent."""
    path = CORPUS / name / "article.txt"
    if not path.is_file():
        pytest.fail(f"the development corpus is missing: expected {path} (../shared/corpus beside the repository)")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus() -> dict[str, Article]:
    """Every corpus article, ingested once per test session (by folder name)."""
    from histkit.text.ingest import parse_article

    if not CORPUS.is_dir():
        pytest.fail(f"the development corpus is missing: expected {CORPUS} beside the repository")
    names = sorted(p.name for p in CORPUS.iterdir() if (p / "article.txt").is_file())
    return {name: parse_article(corpus_text(name), name, f"{name}/article.txt") for name in names}
