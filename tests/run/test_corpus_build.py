"""Notebooks on an article of the development corpus, without any curated file (issue 11)."""

from __future__ import annotations

import hashlib
import shutil

from histkit.run import runner

from ..conftest import ROOT, corpus_text


def _seed(folder, name: str) -> None:
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text(corpus_text(name), encoding="utf-8")
    digest = hashlib.sha256((folder / "article.txt").read_bytes()).hexdigest()
    (folder / "seed.toml").write_text(f'[seed]\nid = "{name}"\nfile = "article.txt"\nsha256 = "{digest}"\n')


def test_uncurated_corpus_article_builds_overview_chronology_and_citations(tmp_path):
    # 02-railway-wages still needs the first article's railway wages: not run here (see the report).
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    seed = tmp_path / "corpus" / "mediacoes-cambiemos"
    _seed(seed, "mediacoes-cambiemos")
    results = runner.build(
        ["00-overview", "01-chronology", "03-citations"], seed=str(seed), root=tmp_path, report=lambda line: None
    )
    assert [r.status for r in results] == ["ok", "ok", "ok"]
