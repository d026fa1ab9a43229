"""`histkit export jdh`: notebooks that pass the Journal of Digital History's rules (issue 13).

`jdh_problems` is the test side's own reading of those rules, written from the issue and the JDH
preflight's checks (tags, outputs, headings, kernel), not from histkit's code. It fails the notebooks
as committed, and passes the export.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

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
            # the cover cell shows its image as the JDH's template does: a code cell tagged "cover" alone
            if "image/png" in data and not any(t.startswith("figure-") or t == "cover" for t in mine):
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
    lines = [line for line in (folder / "requirements.txt").read_text().splitlines() if line and line[0] != "#"]
    # histkit itself first, as the wheel beside it (it is not on PyPI), then its dependencies pinned
    assert re.fullmatch(r"\./histkit-[\d.]+-py3-none-any\.whl", lines[0]) and (folder / lines[0]).is_file()
    pins = dict(line.split("==") for line in lines[1:])
    assert pins["pandas"] == "3.1.1" and pins["matplotlib"] == "3.11.2"  # the pins the outputs depend on
    assert {"papermill", "nbformat", "ipywidgets", "edtf"} <= set(pins)
    # the seed folder goes with it, byte for byte
    seed = ROOT / "seeds" / "spenser-bolsheviks-mexico"
    for name in ("article.txt", "seed.toml", "annotations.yaml"):
        assert (folder / "seeds" / seed.name / name).read_bytes() == (seed / name).read_bytes()


def _cells(nb: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for cell in nb["cells"]:
        for tag in cell["metadata"].get("tags", []):
            found.setdefault(tag, []).append(_source(cell))
    return found


def test_the_mandatory_cells_come_from_the_article_and_seed(jdh):
    text = (ROOT / "seeds" / "spenser-bolsheviks-mexico" / "article.txt").read_text(encoding="utf-8")
    cells = _cells(jdh["01-chronology.ipynb"])
    # the notebook's own heading, and the article's title as seed.toml records it (the text prints it on line 1)
    assert cells["title"] == ["# 01 · The three stages: a chronology of the envoys · "
                              "Bolsheviks' Encounter with the Mexican Revolution"]
    assert text.startswith("Bolsheviks' Encounter with the Mexican Revolution")
    # the keywords as the article's front matter prints them, separated by commas as the JDH's template asks
    printed = re.search(r"KEYWORDS: (.*)", text).group(1)
    assert cells["keywords"] == [", ".join(k.strip() for k in printed.rstrip(".").split("."))]
    # the abstract cell is the article's abstract, verbatim, and cites the article; not the notebook's question
    abstract = re.search(r"ABSTRACT: (.*)", text).group(1)
    (cell,) = cells["abstract"]
    assert cell.startswith(abstract.replace("&", "&amp;")) and "**Question" not in cell
    assert '<cite data-cite="HISTKIT/ARTICLE"></cite>' in cell
    # one contributor: the article's author, with the affiliation seed.toml records
    assert cells["contributor"] == ["### Daniela Spenser\nCentro de Investigaciones y Estudios Superiores en "
                                    "Antropología Social (CIESAS), Mexico City"]
    (licence,) = cells["copyright"]
    cc_by = "[Creative Commons Attribution 4.0 International (CC BY 4.0)](https://creativecommons.org/licenses/by/4.0/)"
    assert cc_by in licence and "© Daniela Spenser." in licence
    # the article's own licence, as seed.toml records it: the text states none
    assert "Not stated in the source text" in licence and "MIT" in licence


def test_the_cover_is_an_image_file_shown_as_the_jdh_shows_one(jdh):
    import base64

    nb = jdh["01-chronology.ipynb"]
    (cover,) = [c for c in nb["cells"] if "cover" in c["metadata"].get("tags", [])]
    assert cover["cell_type"] == "code" and 'Image("./media/01-chronology-cover.png")' in _source(cover)
    png = (jdh["folder"] / "media" / "01-chronology-cover.png").read_bytes()
    assert png.startswith(b"\x89PNG") and base64.b64decode(cover["outputs"][0]["data"]["image/png"]) == png
    # it is the notebook's first figure
    first = next(o["data"]["image/png"] for c in nb["cells"] if c is not cover for o in c.get("outputs", [])
                 if "image/png" in o.get("data", {}))
    assert base64.b64decode(first) == png


def test_citations_in_prose_are_cite2c_citations_of_the_reconciled_bibliography(jdh):
    from histkit.publish.jdh_cite import load_bibliography

    root = jdh["root"]
    bib = load_bibliography(root / "build" / "exports", root / "build" / "tables")
    # a citation as the article prints it (line 29: "(BARTRA, 1986, p. 320)"), its page kept beside it
    cited, used = bib.cite_in("e.g. *(BARTRA, 1986, p. 320)*;")
    (item_id,) = used
    assert cited == f'e.g. *(<cite data-cite="{item_id}"></cite>, p. 320)*;'
    assert re.fullmatch(r"[/\dA-Z]+", item_id)  # the JDH's frontend reads ids of capitals, digits and "/"
    item = bib.items[item_id]
    # the reference list's entry (line 155): "BARTRA, A. (ed.). Regeneración 1900-1918. Mexico City: ERA/SEP, 1986."
    assert item["title"] == "Regeneración 1900-1918" and item["issued"] == {"date-parts": [[1986]], "year": 1986}
    for name, nb in ((k, v) for k, v in jdh.items() if k.endswith(".ipynb")):
        citations = nb["metadata"]["cite2c"]["citations"]
        assert citations["HISTKIT/ARTICLE"]["title"] == "Bolsheviks' Encounter with the Mexican Revolution"
        ids = set()
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                ids |= set(re.findall(r'<cite data-cite="([^"]+)"></cite>', _source(cell)))
                # no citation printed as the article prints it is left as plain text
                assert not bib.cite_in(_source(cell))[1], name
        assert ids == set(citations), name
        assert all(citations[i] == bib.items[i] for i in ids - {"HISTKIT/ARTICLE"}), name
        assert any(_source(c) == '<div class="cite2c-biblio"></div>' for c in nb["cells"]), name


def test_the_licence_is_a_parameter(built, monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(built)
    before = _snapshot(built)
    folder = built / "build" / "jdh"
    first = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    assert cli.main(["export", "jdh", "--licence", "CC-BY-NC-ND-4.0"]) == 0
    nb = json.loads((built / "build" / "jdh" / "00-overview.ipynb").read_text(encoding="utf-8"))
    assert "https://creativecommons.org/licenses/by-nc-nd/4.0/" in _cells(nb)["copyright"][0]
    assert cli.main(["export", "jdh", "--licence", "MIT"]) == 2
    assert "--licence 'MIT' is not one the JDH publishes under" in capsys.readouterr().err
    assert cli.main(["export", "jdh"]) == 0  # back to CC BY for the tests that follow
    assert _snapshot(built) == before
    # the same run exported again: the same bytes, histkit's wheel included
    assert {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()} == first


def test_setup_is_hidden_and_the_outputs_are_the_executed_ones(jdh):
    nb = jdh["02-railway-wages.ipynb"]
    code = [c for c in nb["cells"] if c["cell_type"] == "code" and "cover" not in c["metadata"].get("tags", [])]
    hidden = [c for c in code if "hidden" in c["metadata"].get("tags", [])]
    assert hidden and all(c["metadata"]["jupyter"]["source_hidden"] for c in hidden)
    assert any("price_ratio" in _source(c) for c in hidden)  # the parameters cell
    assert not any("import" in _source(c) for c in code if c not in hidden)
    executed = json.loads((jdh["root"] / "build" / "notebooks" / "02-railway-wages.ipynb").read_text())
    figures = [o["data"]["image/png"] for c in executed["cells"] for o in c.get("outputs", [])
               if "image/png" in o.get("data", {})]
    assert figures == [o["data"]["image/png"] for c in code for o in c.get("outputs", [])
                       if "image/png" in o.get("data", {})]
    # the parameters name the seed by its folder beside the notebooks, and write into outputs/ there
    (params,) = [_source(c) for c in hidden if "price_ratio: float" in _source(c)]
    assert "seed: str = 'spenser-bolsheviks-mexico'" in params and "figures_dir: str = 'outputs/figures'" in params


def test_the_export_runs_from_its_own_folder_in_a_fresh_environment(jdh, tmp_path):
    ran = run_in_fresh_venv(jdh["folder"], tmp_path)
    assert sorted(ran) == sorted(k for k in jdh if k.endswith(".ipynb"))
    # the notebooks, re-run there, write the tables the build wrote, byte for byte
    again = tmp_path / "jdh" / "outputs" / "tables"
    built = jdh["root"] / "build" / "tables"
    assert sorted(p.name for p in again.glob("*.csv")) == sorted(p.name for p in built.glob("*.csv"))
    for path in again.glob("*.csv"):
        assert path.read_bytes() == (built / path.name).read_bytes(), path.name


#: Run by the fresh environment's Python: where histkit comes from, which Python the kernel is, every notebook run.
RUN_ALL = """
import json, pathlib, sys
import histkit, nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

folder = pathlib.Path.cwd()
ran = {"histkit": histkit.__file__, "kernel": KernelSpecManager().get_kernel_spec("python3").argv[0], "notebooks": []}
for path in sorted(folder.glob("*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    ran["notebooks"].append(path.name)
print(json.dumps(ran))
"""


def run_in_fresh_venv(folder: Path, tmp: Path) -> list[str]:
    """Copy a JDH export, install it in a fresh virtual environment from its own requirements, run every notebook.

    Offline: the test environment's installed packages stand in for PyPI (a folder of links to them on the new
    environment's path), histkit's own left out, so that histkit comes from the export's wheel and every other
    requirement must be met at its pinned version. Returns the notebooks that ran.
    """
    work = shutil.copytree(folder, tmp / "jdh")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    deps = tmp / "deps"
    deps.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if "histkit" not in entry.name.lower():
            (deps / entry.name).symlink_to(entry)
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    (Path(purelib) / "installed-here.pth").write_text(f"{deps}\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "HISTKIT_ROOT", "VIRTUAL_ENV")}
    install = subprocess.run([python, "-m", "pip", "install", "--no-index", "--disable-pip-version-check",
                              "-r", "requirements.txt"], cwd=work, env=env, capture_output=True, text=True)
    assert install.returncode == 0, install.stdout + install.stderr
    assert "Successfully installed histkit" in install.stdout
    done = subprocess.run([python, "-c", RUN_ALL], cwd=work, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    ran = json.loads(done.stdout.strip().splitlines()[-1])
    assert ran["histkit"].startswith(purelib)  # the wheel, installed; not the source tree
    assert Path(ran["kernel"]).parent == python.parent or ran["kernel"] == str(python), ran["kernel"]
    return ran["notebooks"]


def test_publishing_waits_for_no_build_and_says_so(built, monkeypatch, capsys):
    from histkit.core.files import exclusive_lock

    monkeypatch.chdir(built)
    with exclusive_lock(built / "build" / ".lock"):
        assert cli.main(["export", "jdh"]) == 2
        assert cli.main(["site"]) == 2
    assert capsys.readouterr().err.count("another histkit build is running") == 2
