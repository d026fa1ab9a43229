"""cite2c citations from a run's reconciled bibliography: as the JDH's frontend reads them."""

from __future__ import annotations

import json
import re

from histkit.publish import jdh_cite
from histkit.text.seed import read_seed
from tests.conftest import DATA

REFS = "seed,ref_id,key,title\nx,ref01,CARR,The Bolshevik Revolution\nx,ref02,KHEIFETS,Latin America\n"
CITES = ("seed,citation_id,year,quote,ref_id\nx,c01,1992,\"CARR, 1992\",ref01\nx,c02,1994,\"KHEIFETS; KHEIFETS, "
         "1994/95, p. 8\",ref02\nx,c03,1992,\"CARR, 1992, p. 4\",ref01\nx,c04,2001,\"NOBODY, 2001\",\n")
CSL = [{"id": "carr1992", "type": "book", "title": "The Bolshevik Revolution", "author": [{"family": "Carr"}],
        "issued": {"date-parts": [[1992]]}},
       {"id": "kheifets-kheifets1994", "type": "book", "title": "Latin America", "author": [{"literal": "KHEIFETS"}],
        "issued": {"date-parts": [[1994], [1995]]}}]


def _run(tmp_path):
    (tmp_path / "exports").mkdir()
    (tmp_path / "tables").mkdir()
    (tmp_path / "exports" / "references.json").write_text(json.dumps(CSL))
    (tmp_path / "tables" / "references.csv").write_text(REFS)
    (tmp_path / "tables" / "citations.csv").write_text(CITES)
    return jdh_cite.load_bibliography(tmp_path / "exports", tmp_path / "tables")


def test_a_printed_citation_becomes_a_cite2c_citation_with_its_pages(tmp_path):
    bib = _run(tmp_path)
    assert sorted(bib.items) == ["HISTKIT/CARR1992", "HISTKIT/KHEIFETSKHEIFETS1994"]
    # the JDH's frontend reads ids of capitals, digits and "/", and keys its items by their id
    assert all(re.fullmatch(r"[/\dA-Z]+", i) and item["id"] == i for i, item in bib.items.items())
    text, used = bib.cite_in("As *(CARR, 1992, p. 4; KHEIFETS; KHEIFETS, 1994/95, p. 8)* and CARR, 1992 say.")
    assert text == ('As *(<cite data-cite="HISTKIT/CARR1992"></cite>, p. 4; '
                    '<cite data-cite="HISTKIT/KHEIFETSKHEIFETS1994"></cite>, p. 8)* and '
                    '<cite data-cite="HISTKIT/CARR1992"></cite> say.')
    assert used == {"HISTKIT/CARR1992", "HISTKIT/KHEIFETSKHEIFETS1994"}
    # prose wraps its lines where the article did not
    assert bib.cite_in("(KHEIFETS;\nKHEIFETS, 1994/95, p. 8)")[0] == \
        '(<cite data-cite="HISTKIT/KHEIFETSKHEIFETS1994"></cite>, p. 8)'
    # as the JDH's frontend labels a citation (author[].family, issued.year) and its preflight reads names
    assert bib.items["HISTKIT/CARR1992"]["author"] == [{"given": "", "family": "Carr"}]
    assert bib.items["HISTKIT/CARR1992"]["issued"] == {"date-parts": [[1992]], "year": 1992}
    assert bib.items["HISTKIT/KHEIFETSKHEIFETS1994"]["author"] == [{"family": "KHEIFETS", "given": ""}]
    assert bib.items["HISTKIT/KHEIFETSKHEIFETS1994"]["issued"]["year"] == 1994
    # a citation matched to no reference stays as printed
    assert bib.cite_in("(NOBODY, 2001)") == ("(NOBODY, 2001)", set())


def test_what_the_run_did_not_write_is_noted(tmp_path):
    bib = jdh_cite.load_bibliography(tmp_path, tmp_path)
    assert bib.items == {} and "the run wrote no references.json, references.csv, citations.csv" in bib.notes[0]


def test_the_article_is_an_item_from_seed_toml():
    seed = read_seed(DATA / "tiny")
    item = jdh_cite.article_item(seed, ("Ana Autora",), "A Tiny Article on Page Breaks")
    # tests/data/tiny/seed.toml: approved = "2020-04-03", language = "en"
    assert item == {"id": "HISTKIT/ARTICLE", "type": "article-journal", "title": "A Tiny Article on Page Breaks",
                    "author": [{"family": "Autora", "given": "Ana"}], "language": "en",
                    "issued": {"date-parts": [[2020]]}}
