"""Every article of the development corpus gets a workbook about itself (issue 17).

Each article is built without any curated file, through the generic workbook, and what a reader sees is
read back: no word of the first article that this article never says, no error output, and a figure only
where the article has the data for it.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from histkit.core.errors import HistkitError
from histkit.run import runner, workbooks

from ..conftest import CORPUS, DATA, ROOT, corpus_text

# Every article of the development corpus (listed, so that a missing one fails rather than vanishes).
ARTICLES = [
    "acta-amazonica-land-cover", "bak-p58270", "bak-p59099", "bak-p59384", "bak-p59553", "bak-p59610",
    "bragantia-grapevine", "ciedu-saresp", "ecos-china-new-normal", "edur-literatura-indigena",
    "edur-metodologias-ativas", "ensaio-deficiencia", "hoehnea-senna-extracts", "mediacoes-cambiemos",
    "oes-tourism-gentrification", "paz-mixed-flocks", "rdbci-bibliotecas",
]
# Words of the first article's world; none may reach another article's workbook unless that article says it.
FIRST_ARTICLE = ["Spenser", "Borodin", "Bolshevik", "railway", "envoy", "pesos", "gold parity", "three stages",
                 "stage 1", "56.13", "Kollontai", "Pestkovsky", "Mexico"]
GENERIC_NAMES = [p.name for p in workbooks.notebooks_in(workbooks.GENERIC)]


def _seed(folder: Path, name: str, text: str | None = None) -> Path:
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text(corpus_text(name) if text is None else text, encoding="utf-8")
    digest = hashlib.sha256((folder / "article.txt").read_bytes()).hexdigest()
    (folder / "seed.toml").write_text(f'[seed]\nid = "{folder.name}"\nfile = "article.txt"\nsha256 = "{digest}"\n')
    return folder


def _project(tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")


def _shown(notebook: Path) -> tuple[str, list[str], int]:
    """What a reader sees of an executed notebook: its prose and text outputs, its errors, its figures."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    texts, errors, figures = [], [], 0
    for cell in cells:
        if cell["cell_type"] == "markdown":
            texts.append("".join(cell["source"]))
        for out in cell.get("outputs", []):
            if out["output_type"] == "error" or (out["output_type"] == "stream" and out["name"] == "stderr"):
                errors.append(out.get("ename", "") + "".join(out.get("text", "")))
            data = out.get("data", {})
            figures += "image/png" in data
            texts.extend("".join(data.get(kind, "")) for kind in ("text/markdown", "text/html", "text/plain"))
            texts.append("".join(out.get("text", "")))
    return "\n".join(texts), errors, figures


def _foreign_words(shown: str, article: str) -> list[str]:
    return [w for w in FIRST_ARTICLE
            if re.search(re.escape(w), shown, re.IGNORECASE) and not re.search(re.escape(w), article, re.IGNORECASE)]


def test_the_list_is_the_whole_corpus():
    assert sorted(p.name for p in CORPUS.iterdir() if (p / "article.txt").is_file()) == ARTICLES


def test_every_corpus_article_gets_a_workbook_about_itself(tmp_path):
    _project(tmp_path)
    failed, foreign, errors = {}, {}, {}
    for name in ARTICLES:
        seed = _seed(tmp_path / "corpus" / name, name)
        try:
            results = runner.build(seed=str(seed), root=tmp_path, jobs=2, report=lambda line: None)
        except HistkitError as err:  # a failed notebook: the message names it, its cell and the error
            failed[name] = str(err)
            continue
        assert sorted(r.notebook for r in results) == GENERIC_NAMES
        (run,) = (tmp_path / "build" / "runs").glob(f"{name}-*")
        for notebook in sorted((run / "notebooks").glob("*.ipynb")):
            shown, errs, _ = _shown(notebook)
            if _foreign_words(shown, corpus_text(name)):
                foreign[f"{name}/{notebook.name}"] = _foreign_words(shown, corpus_text(name))
            if errs:
                errors[f"{name}/{notebook.name}"] = errs[:2]
            if (name, notebook.name) == ("bak-p59553", "03-citations.ipynb"):
                # "BRAIT, B; GONÇALVES, J. (org.). *Bakhtin e as artes do corpo*": an edited book, listed under its
                # editors, not under no one.
                assert "BRAIT, B; GONÇALVES, J. (eds.) | 2021 | Bakhtin e as artes do corpo" in shown
    assert failed == {}
    assert foreign == {}
    assert errors == {}


def test_an_uncurated_copy_of_the_first_article_gets_the_generic_workbook(tmp_path):
    _project(tmp_path)
    text = (ROOT / "seeds" / "spenser-bolsheviks-mexico" / "article.txt").read_text(encoding="utf-8")
    seed = _seed(tmp_path / "corpus" / "spenser-uncurated", "mediacoes-cambiemos", text)
    results = runner.build(seed=str(seed), root=tmp_path, jobs=2, report=lambda line: None)
    assert sorted(r.notebook for r in results) == GENERIC_NAMES
    (run,) = (tmp_path / "build" / "runs").glob("spenser-uncurated-*")
    overview, errs, figures = _shown(run / "notebooks" / "00-overview.ipynb")
    assert errs == [] and figures == 1  # words per section
    assert "Bolsheviks' Encounter with the Mexican Revolution" in overview  # its own title, read from the text
    assert "three stages" not in overview  # the curated reading of its sections is not assumed
    chronology, errs, figures = _shown(run / "notebooks" / "01-chronology.ipynb")
    assert errs == [] and figures == 1
    assert "No events are curated for this article" in chronology


def test_a_tiny_article_builds_through_the_generic_workbook(tmp_path):
    _project(tmp_path)
    seed = tmp_path / "corpus" / "tiny"
    shutil.copytree(DATA / "tiny", seed)
    results = runner.build(seed=str(seed), root=tmp_path, jobs=2, report=lambda line: None)
    assert [r.status for r in sorted(results, key=lambda r: r.notebook)] == ["ok"] * len(GENERIC_NAMES)
    (run,) = (tmp_path / "build" / "runs").glob("tiny-*")
    overview, errs, _ = _shown(run / "notebooks" / "00-overview.ipynb")
    assert errs == []
    assert "A Tiny Article on Page Breaks" in overview and "ANA AUTORA" in overview
    assert "Abstracts printed in: English, Portuguese" in overview
    citations, errs, _ = _shown(run / "notebooks" / "03-citations.ipynb")
    assert errs == [] and "SMITH" in citations  # its one reference


@pytest.mark.parametrize("name", ["bak-p59384"])
def test_a_named_notebook_of_the_generic_workbook_builds_alone(tmp_path, name):
    _project(tmp_path)
    seed = _seed(tmp_path / "corpus" / name, name)
    results = runner.build(["02-numbers"], seed=str(seed), root=tmp_path, report=lambda line: None)
    assert [(r.notebook, r.status) for r in results] == [("02-numbers.ipynb", "ok")]
