"""Notebooks on an article of the development corpus, without any curated file (issue 11)."""

from __future__ import annotations

import hashlib
import shutil

from histkit.core.errors import HistkitError
from histkit.run import runner

from ..conftest import CORPUS, ROOT, corpus_text

NOTEBOOKS = ["00-overview", "01-chronology", "02-railway-wages", "03-citations"]
# Every article of the development corpus (listed, so that a missing one fails rather than vanishes).
ARTICLES = [
    "acta-amazonica-land-cover", "bak-p58270", "bak-p59099", "bak-p59384", "bak-p59553", "bak-p59610",
    "bragantia-grapevine", "ciedu-saresp", "ecos-china-new-normal", "edur-literatura-indigena",
    "edur-metodologias-ativas", "ensaio-deficiencia", "hoehnea-senna-extracts", "mediacoes-cambiemos",
    "oes-tourism-gentrification", "paz-mixed-flocks", "rdbci-bibliotecas",
]


def _seed(folder, name: str) -> None:
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text(corpus_text(name), encoding="utf-8")
    digest = hashlib.sha256((folder / "article.txt").read_bytes()).hexdigest()
    (folder / "seed.toml").write_text(f'[seed]\nid = "{name}"\nfile = "article.txt"\nsha256 = "{digest}"\n')


def test_the_list_is_the_whole_corpus():
    assert sorted(p.name for p in CORPUS.iterdir() if (p / "article.txt").is_file()) == ARTICLES


def _project(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")


def test_every_corpus_article_builds_every_notebook_without_curation(tmp_path):
    _project(tmp_path)
    failed = {}
    for name in ARTICLES:
        seed = tmp_path / "corpus" / name
        _seed(seed, name)
        try:
            runner.build(NOTEBOOKS, seed=str(seed), root=tmp_path, jobs=2, report=lambda line: None)
        except HistkitError as err:  # a failed notebook: the message names it, its cell and the error
            failed[name] = str(err)
    assert failed == {}


def test_uncurated_corpus_article_builds_every_notebook(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    seed = tmp_path / "corpus" / "mediacoes-cambiemos"
    _seed(seed, "mediacoes-cambiemos")
    results = runner.build(
        ["00-overview", "01-chronology", "02-railway-wages", "03-citations"],
        seed=str(seed), root=tmp_path, report=lambda line: None,
    )
    assert [r.status for r in results] == ["ok", "ok", "ok", "ok"]
    # 02 says what curation would add instead of computing railway wages the article does not have
    (wages_nb,) = (tmp_path / "build" / "runs").glob("*/notebooks/02-railway-wages.ipynb")
    shown = wages_nb.read_text(encoding="utf-8")
    assert "Not curated yet." in shown and "quantities.yaml" in shown
    assert "average wage 1910" not in shown
