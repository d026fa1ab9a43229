"""Publishing any run: `histkit site --seed` and `histkit export jdh --seed` on articles of the corpus (issue 24).

Each corpus article becomes a seed with `histkit new` (from its text, or from its publisher's PDF), is built with
`histkit build --seed`, then published; the site and the JDH copy are written in that run's own tree, name that
article, show none of the first article's words, and every quote link lands inside the run's site. The default
run's `build/site` and `build/jdh` stay byte-identical.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from histkit.run import cli, runner
from histkit.text.emphasis import unmarked
from tests.conftest import CORPUS, ROOT

from ..publish.test_jdh import jdh_problems, run_in_fresh_venv

#: Words of the first article (and of the notebooks written for it) that no other article's publication may show.
FIRST_ARTICLE = ["Spenser", "Borodin", "Bolshevik", "railway", "envoy", "pesos", "gold parity", "three stages",
                 "stage 1", "56.13"]
#: Two articles of the development corpus in two languages, one made a seed from its text and one from its
#: publisher's PDF (the first article, in English, is published by the default run).
ARTICLES = {"mediacoes-cambiemos": ("es", "article.txt"), "hoehnea-senna-extracts": ("pt", "article.pdf")}


def _foreign(article: str) -> list[str]:
    """The first article's words this article does not use itself (an Argentine article speaks of pesos too)."""
    return [w for w in [*FIRST_ARTICLE, "spenser-bolsheviks-mexico"] if w.lower() not in article.lower()]


def _printed(name: str) -> tuple[str, list[str]]:
    """The title and the authors as the publisher's JATS prints them (corpus article.txt), markup left out.

    The truth for an article made from its PDF too: the seed's text is the PDF's, this one the JATS's.
    """
    lines = (CORPUS / name / "article.txt").read_text(encoding="utf-8").split("\n")
    return lines[0].strip().replace("*", ""), lines[2].strip().split("; ")


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def published(built, tmp_path_factory):
    """The default run published, then each corpus article made a seed, built and published in the same project."""
    from os import chdir, getcwd

    here = getcwd()
    chdir(built)
    try:
        assert cli.main(["site"]) == 0 and cli.main(["export", "jdh"]) == 0
        before = {name: _tree(built / "build" / name) for name in ("site", "jdh")}
        runs = {}
        for name in ARTICLES:
            # named apart from any seed the project already holds for the same article
            assert cli.main(["new", str(CORPUS / name / ARTICLES[name][1]), "--name", f"new-{name}"]) == 0
            seed = f"seeds/new-{name}"
            runner.build(seed=seed, root=built, jobs=2, report=lambda line: None)
            assert cli.main(["site", "--seed", seed]) == 0
            assert cli.main(["export", "jdh", "--seed", seed]) == 0
            (base,) = [p for p in (built / "build" / "runs").glob(f"new-{name}-*") if (p / "site").is_dir()]
            runs[name] = base
        after = {name: _tree(built / "build" / name) for name in ("site", "jdh")}
    finally:
        chdir(here)
    return {"root": built, "runs": runs, "before": before, "after": after}


def test_the_default_sites_are_untouched_by_publishing_another_seed(published):
    assert published["after"] == published["before"]


@pytest.mark.parametrize("name", ARTICLES)
def test_the_site_of_another_article_names_it_and_links_inside_itself(published, name):
    base = published["runs"][name]
    title, authors = _printed(name)
    text = (base.parents[2] / "seeds" / f"new-{name}" / "article.txt").read_text(encoding="utf-8")
    pages = {p.name: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
             for p in (base / "site").glob("*.html")}
    assert {"index.html", "article.html"} <= set(pages)
    assert title in pages["index.html"].get_text() and title in pages["article.html"].get_text()
    # each author by name, with nothing of a note's marker left beside it ("Neves¹,⁴," once read "Neves,,")
    heading = " ".join(pages["index.html"].find("h1").get_text().split())
    assert all(a in heading for a in authors) and ",," not in heading, heading
    ids = {page: {tag["id"] for tag in soup.find_all(id=True)} for page, soup in pages.items()}
    links = 0
    foreign = {}
    for page, soup in pages.items():
        foreign[page] = [w for w in _foreign(text) if w.lower() in soup.get_text(" ").lower()]
        assert not soup.select("td.quote-unplaced"), page  # every quote shown in a table found in the article
        for link in soup.select("a.quote-link"):
            target, _, anchor = link["href"].partition("#")
            assert target == "article.html" and anchor in ids["article.html"], (page, link["href"])
            start, end = map(int, anchor.removeprefix("q-").split("-"))
            head = link.get_text().removesuffix("...").replace("\\n", "\n")
            # a table shows the article's emphasis marks as type: "Pellerin *et al*. 2019" reads "Pellerin et al. 2019"
            quoted = " ".join(unmarked(text[start:end]).split())
            assert quoted.startswith(" ".join(head.split())), (page, link.get_text())
            links += 1
    assert links > 20
    # last: it failed while the workbook's notebooks spoke of the first article
    assert foreign == {page: [] for page in pages}


@pytest.mark.parametrize("name", ARTICLES)
def test_the_jdh_copy_of_another_article_is_its_own(published, name):
    folder = published["runs"][name] / "jdh"
    text = (published["root"] / "seeds" / f"new-{name}" / "article.txt").read_text(encoding="utf-8")
    title, authors = _printed(name)
    assert (folder / "seeds" / f"new-{name}" / "article.txt").read_text(encoding="utf-8") == text
    # the authors as the publisher lists them, one contributor cell each (the PDF prints "A, B and C")
    foreign = {}
    for path in sorted(folder.glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert jdh_problems(nb) == [], path.name
        cells = {t: "".join(c["source"]) for c in nb["cells"] for t in c["metadata"].get("tags", [])}
        assert title in cells["title"]
        contributors = ["".join(c["source"]) for c in nb["cells"] if "contributor" in c["metadata"].get("tags", [])]
        assert [c.split("\n")[0] for c in contributors] == [f"### {a}" for a in authors]
        # the licence the article states (hoehnea's PDF prints it at its foot), else said to be unrecorded
        stated = "distributed under the terms of the Creative Commons Attribution License" in text
        assert ("Creative Commons Attribution License, as the article prints it" in cells["copyright"]) is stated
        assert ("seed.toml records no licence" in cells["copyright"]) is not stated
        shown = json.dumps(nb, ensure_ascii=False)
        foreign[path.name] = [w for w in _foreign(text) if w.lower() in shown.lower()]
    # last: it failed while the workbook's notebooks spoke of the first article
    assert foreign == {name: [] for name in foreign}


@pytest.mark.parametrize("name", ARTICLES)
def test_the_jdh_copy_of_another_article_runs_from_its_own_folder(published, name, tmp_path):
    folder = published["runs"][name] / "jdh"
    assert sorted(run_in_fresh_venv(folder, tmp_path)) == sorted(p.name for p in folder.glob("*.ipynb"))


def _project(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")


def test_without_a_finished_build_it_says_which_build_to_run(tmp_path, monkeypatch, capsys):
    _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["new", str(CORPUS / "mediacoes-cambiemos" / "article.txt"), "--name", "cambiemos"]) == 0
    capsys.readouterr()
    assert cli.main(["site"]) == 2
    assert cli.main(["export", "jdh", "--seed", "seeds/cambiemos", "-p", "fuzzy_threshold", "90"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert re.search(r"no executed copy of 00-overview\.ipynb, .* in build/notebooks; "
                     r"run `histkit build` first", err[0])
    assert re.search(r"in build/runs/cambiemos_fuzzy_threshold-90-[0-9a-f]{8}/notebooks; "
                     r"run `histkit build --seed seeds/cambiemos -p fuzzy_threshold 90` first", err[1])
    assert not (tmp_path / "build" / "site").exists() and not (tmp_path / "build" / "runs").exists()
    # a seed folder that is not there is said as such
    assert cli.main(["site", "--seed", "seeds/no-such-seed"]) == 2
    assert "no-such-seed" in capsys.readouterr().err
    # a bad parameter is refused as histkit build refuses it
    assert cli.main(["site", "-p", "no_such_parameter", "1"]) == 2
    assert "unknown parameter 'no_such_parameter'" in capsys.readouterr().err
