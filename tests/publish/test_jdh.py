"""`histkit export jdh`: notebooks that pass the Journal of Digital History's rules (issue 13).

`jdh_problems` is the test side's own reading of those rules, written from the issue and the JDH
preflight's checks (tags, outputs, headings, kernel), not from histkit's code. It fails the notebooks
as committed, and passes the export.
"""

from __future__ import annotations

import json
import os
import re
import sys

import pytest

from histkit.run import cli
from tests.conftest import ROOT

from .test_site import _snapshot

MANDATORY = {"title", "cover", "contributor", "copyright", "keywords", "abstract"}
OPTIONAL = {"hermeneutics", "narrative", "disclaimer", "hidden"}
NUMBERED = re.compile(r"(table|figure)-(\d+|\w+-\*)$")


def _source(cell) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def jdh_problems(nb: dict) -> list[str]:
    """Every way ``nb`` breaks the JDH's notebook rules, as the issue lists them."""
    problems = []
    cells = nb["cells"]
    tags = [set(c.get("metadata", {}).get("tags", [])) for c in cells]
    every = set().union(*tags)
    problems += [f"missing tag {t}" for t in sorted(MANDATORY - every)]
    allowed = MANDATORY | OPTIONAL
    problems += [f"tag {t} not allowed" for t in sorted(every) if t not in allowed and not NUMBERED.match(t)]
    h1 = 0
    for i, (cell, mine) in enumerate(zip(cells, tags, strict=True)):
        lines = _source(cell).split("\n")
        h1 += lines[0].startswith("# ")
        problems += [f"cell {i}: line {n + 1} starts with #" for n, line in enumerate(lines)
                     if n and line.startswith("#")]
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if output["output_type"] == "stream" and output["name"] == "stdout":
                problems.append(f"cell {i}: printed text with no HTML")
            if data and not {"text/html", "image/png"} & set(data):
                problems.append(f"cell {i}: an output with only {sorted(data)}")
            html = data.get("text/html", "")
            html = html if isinstance(html, str) else "".join(html)
            if "<table" in html and not any(t.startswith("table-") for t in mine):
                problems.append(f"cell {i}: a table output without a table-N tag")
            if "image/png" in data and not any(t.startswith("figure-") for t in mine):
                problems.append(f"cell {i}: a figure output without a figure-N tag")
    if h1 != 1:
        problems.append(f"{h1} level-1 headings, not one")
    numbered = [t for mine in tags for t in sorted(mine) if NUMBERED.match(t)]
    if len(numbered) != len(set(numbered)):
        problems.append("a table-N or figure-N tag used twice")
    return problems


def test_the_checker_fails_the_notebooks_as_committed():
    nb = json.loads((ROOT / "notebooks" / "00-overview.ipynb").read_text(encoding="utf-8"))
    problems = jdh_problems(nb)
    assert "missing tag title" in problems and "missing tag abstract" in problems
    assert "tag parameters not allowed" in problems
    assert any("without a table-N tag" in p for p in problems)
    assert any("without a figure-N tag" in p for p in problems)
    assert any("only ['text/plain']" in p for p in problems)
    assert "3 level-1 headings, not one" in problems  # the title and two code cells opening with "# "


@pytest.fixture(scope="module")
def jdh(built):
    before = _snapshot(built)
    cwd = os.getcwd()
    os.chdir(built)
    try:
        assert cli.main(["export", "jdh"]) == 0
    finally:
        os.chdir(cwd)
    assert _snapshot(built) == before  # notebooks, seeds and figures untouched
    folder = built / "build" / "jdh"
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.ipynb"))} | {
        "folder": folder, "root": built}


def test_every_exported_notebook_meets_the_rules(jdh):
    names = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert sorted(k for k in jdh if k.endswith(".ipynb")) == names
    for name in names:
        assert jdh_problems(jdh[name]) == [], name


def test_runtime_and_requirements_sit_beside_them(jdh):
    folder = jdh["folder"]
    version = jdh["00-overview.ipynb"]["metadata"]["language_info"]["version"]
    # the preflight compares the file's whole content with "python-" and the notebook's version
    assert (folder / "runtime.txt").read_text() == f"python-{version}"
    assert version.startswith(f"{sys.version_info.major}.{sys.version_info.minor}")
    pins = dict(line.split("==") for line in (folder / "requirements.txt").read_text().splitlines()
                if line and not line.startswith("#"))
    assert pins["pandas"] == "3.1.1" and pins["matplotlib"] == "3.11.2"  # the pins the outputs depend on
    assert {"papermill", "nbformat", "ipywidgets", "edtf"} <= set(pins)


def test_the_mandatory_cells_come_from_the_article_and_seed(jdh):
    text = (ROOT / "seeds" / "spenser-bolsheviks-mexico" / "article.txt").read_text(encoding="utf-8")
    cells = {t: _source(c) for c in jdh["01-chronology.ipynb"]["cells"] for t in c["metadata"].get("tags", [])}
    assert cells["title"] == "# 01 · The three stages: a chronology of the envoys"
    # the keywords as the article's front matter prints them
    printed = re.search(r"KEYWORDS: (.*)", text).group(1)
    assert [k.strip() for k in printed.rstrip(".").split(".")] == \
        cells["keywords"].removeprefix("Keywords (the article's own): ").rstrip(".").split("; ")
    # the article's abstract, verbatim, after the notebook's own question
    abstract = re.search(r"ABSTRACT: (.*)", text).group(1)
    assert cells["abstract"].startswith("**Question.**") and abstract in cells["abstract"]
    assert "Daniela Spenser" in cells["contributor"] and "CIESAS" in cells["contributor"]
    assert "Not stated in the source text" in cells["copyright"] and "MIT" in cells["copyright"]
    assert cells["cover"].startswith("![") and "attachment:cover.png" in cells["cover"]


def test_setup_is_hidden_and_the_outputs_are_the_executed_ones(jdh):
    nb = jdh["02-railway-wages.ipynb"]
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    hidden = [c for c in code if "hidden" in c["metadata"].get("tags", [])]
    assert hidden and all(c["metadata"]["jupyter"]["source_hidden"] for c in hidden)
    assert any("price_ratio" in _source(c) for c in hidden)  # the parameters cell
    assert not any("import" in _source(c) for c in code if c not in hidden)
    executed = json.loads((jdh["root"] / "build" / "notebooks" / "02-railway-wages.ipynb").read_text())
    figures = [o["data"]["image/png"] for c in executed["cells"] for o in c.get("outputs", [])
               if "image/png" in o.get("data", {})]
    assert figures == [o["data"]["image/png"] for c in code for o in c.get("outputs", [])
                       if "image/png" in o.get("data", {})]


def test_publishing_waits_for_no_build_and_says_so(built, monkeypatch, capsys):
    from histkit.core.files import exclusive_lock

    monkeypatch.chdir(built)
    with exclusive_lock(built / "build" / ".lock"):
        assert cli.main(["export", "jdh"]) == 2
        assert cli.main(["site"]) == 2
    assert capsys.readouterr().err.count("another histkit build is running") == 2
