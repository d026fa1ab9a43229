"""The online part of the entries (link, DOI, access date) in CSL-JSON and biblatex, read back as tools read them.

The entries are two corpus articles' lists (rdbci-bibliotecas: ABNT with "DOI:", "Disponível em:" and "Acesso em:";
ecos-china-new-normal: "Available at:" and "Last access:", links printed with a space) and acta-amazonica-land-cover
(CSE: "doi:", a link broken after its scheme, "Accessed on July 2022"). Expected values were read off the articles.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import jsonschema
import pytest

from histkit.extract.references import article_references
from histkit.present.bibliography import bibtex, citation_keys, to_bibtex_entries, to_csl

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "csl-data.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def refs(corpus):
    return {name: article_references(corpus[name])
            for name in ("rdbci-bibliotecas", "ecos-china-new-normal", "acta-amazonica-land-cover")}


def _by_ref(refs, name, items):
    keys = citation_keys(refs[name])
    by_key = {item["id"] if "id" in item else item["ID"]: item for item in items}
    return {r.ref_id: by_key[keys[r.ref_id]] for r in refs[name]}


def test_csl_json_carries_url_doi_and_access_date(refs):
    items = _by_ref(refs, "rdbci-bibliotecas", to_csl(refs["rdbci-bibliotecas"]))
    # "DOI: 10.20396/rdbci.v18i00.8661184. Disponível em: https://periodicos.sbu.unicamp.br/.../8661184. Acesso em: 6
    # set. 2021."
    assert items["ref13"]["DOI"] == "10.20396/rdbci.v18i00.8661184"
    assert items["ref13"]["URL"] == "https://periodicos.sbu.unicamp.br/ojs/index.php/rdbci/article/view/8661184"
    assert items["ref13"]["accessed"] == {"date-parts": [[2021, 9, 6]]}
    # "Disponível em: https://bit.ly/3CejM3Z. Acesso em: 12 ago. 2021."
    assert items["ref04"]["URL"] == "https://bit.ly/3CejM3Z"
    assert items["ref04"]["accessed"] == {"date-parts": [[2021, 8, 12]]}
    acta = _by_ref(refs, "acta-amazonica-land-cover", to_csl(refs["acta-amazonica-land-cover"]))
    assert acta["ref45"]["DOI"] == "10.3390/e21080794" and "URL" not in acta["ref45"]  # "doi: 10.3390/e21080794."
    assert acta["ref41"]["URL"] == "https://www.R-project.org/"  # "(https:// www.R-project.org/)."
    assert acta["ref35"]["accessed"] == {"date-parts": [[2022, 7]]}  # "Accessed on July 2022."
    # an entry with no online part gets none of the three
    plain = [i for r, i in items.items() if not refs_online(refs, "rdbci-bibliotecas", r)]
    assert plain and not any({"URL", "DOI", "accessed"} & set(i) for i in plain)


def refs_online(refs, name, ref_id):
    ref = next(r for r in refs[name] if r.ref_id == ref_id)
    return ref.url or ref.doi or ref.accessed


@pytest.mark.parametrize("name", ["rdbci-bibliotecas", "ecos-china-new-normal", "acta-amazonica-land-cover"])
def test_csl_json_with_links_validates_against_schema(refs, name):
    assert list(jsonschema.Draft7Validator(SCHEMA).iter_errors(to_csl(refs[name]))) == []


def test_biblatex_carries_url_doi_and_urldate(refs):
    entries = _by_ref(refs, "rdbci-bibliotecas", to_bibtex_entries(refs["rdbci-bibliotecas"]))
    assert entries["ref13"]["doi"] == "10.20396/rdbci.v18i00.8661184"
    assert entries["ref13"]["url"] == "https://periodicos.sbu.unicamp.br/ojs/index.php/rdbci/article/view/8661184"
    assert entries["ref13"]["urldate"] == "2021-09-06"
    ecos = _by_ref(refs, "ecos-china-new-normal", to_bibtex_entries(refs["ecos-china-new-normal"]))
    # ".../24/c 693839.htm", printed with a space: %20 in biblatex's url, where LaTeX's url package drops spaces
    assert ecos["ref51"]["url"] == "https://subsites.chinadaily.com.cn/npc/2021-12/24/c%20693839.htm"
    assert ecos["ref51"]["urldate"] == "2024-01-14"  # "Last access: Jan. 14, 2024."
    library = bibtexparser.parse_string(bibtex(refs["ecos-china-new-normal"]))
    assert library.failed_blocks == []
    parsed = {e.key: {f.key: f.value for f in e.fields} for e in library.entries}
    key = citation_keys(refs["ecos-china-new-normal"])["ref50"]
    assert parsed[key]["url"] == "https://data.worldbank.org/indicator/PA.NUS.FCRF?locations=CN"


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is not installed (CI installs it: .ci/run)")
@pytest.mark.parametrize("name", ["rdbci-bibliotecas", "ecos-china-new-normal"])
def test_biber_validates_links(refs, name, tmp_path):
    (tmp_path / "references.bib").write_text(bibtex(refs[name]), encoding="utf-8")
    done = subprocess.run(["biber", "--tool", "--validate-datamodel", "--nolog", "references.bib"],
                          cwd=tmp_path, capture_output=True, text=True, check=False)  # fmt: skip
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert not [line for line in output.splitlines() if ("WARN" in line or "ERROR" in line) and
                any(f in line for f in ("'url'", "'doi'", "'urldate'"))], output  # fmt: skip


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed (apt-get install pandoc)")
def test_pandoc_reads_links_back(refs, tmp_path):
    (tmp_path / "references.bib").write_text(bibtex(refs["rdbci-bibliotecas"]), encoding="utf-8")
    done = subprocess.run(["pandoc", "references.bib", "-f", "biblatex", "-t", "csljson"],
                          cwd=tmp_path, capture_output=True, text=True, check=True)  # fmt: skip
    items = _by_ref(refs, "rdbci-bibliotecas", json.loads(done.stdout))
    assert items["ref13"]["DOI"] == "10.20396/rdbci.v18i00.8661184"
    assert items["ref13"]["URL"] == "https://periodicos.sbu.unicamp.br/ojs/index.php/rdbci/article/view/8661184"
    assert items["ref13"]["accessed"] == {"date-parts": [[2021, 9, 6]]}
