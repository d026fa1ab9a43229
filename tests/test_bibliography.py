import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest

import histkit as hk
from histkit.bibliography import (
    bibtex,
    citation_keys,
    csl_json,
    display_family,
    render_bibliography,
    to_bibtex_entries,
    to_csl,
    write_exports,
)
from histkit.references import article_references, parse_references

SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def refs():
    return article_references(hk.load_seed())


@pytest.mark.parametrize(
    ("printed", "usual"),
    [
        ("KHEIFETS", "Kheifets"),
        ("MCDERMOTT", "McDermott"),
        ("GÓMEZ", "Gómez"),
        ("Bartra", "Bartra"),
        ("DE LA CRUZ", "De La Cruz"),
    ],
)
def test_display_family(printed, usual):
    assert display_family(printed) == usual


def test_keys_unique_and_readable(refs):
    keys = citation_keys(refs)
    assert len(set(keys.values())) == len(refs)
    assert keys["ref05"] == "carr1976" and keys["ref06"] == "carr1992"
    assert keys["ref12"] == "gomez1964" and keys["ref01"] == "ahsre1919"


def test_same_key_gets_letters():
    two = parse_references(["SMITH, J. One. London: A, 1990.", "_____. Two. London: A, 1990."])
    assert list(citation_keys(two).values()) == ["smith1990a", "smith1990b"]


def test_csl_json_validates_against_schema(refs):
    items = json.loads(csl_json(refs))
    errors = list(jsonschema.Draft7Validator(SCHEMA).iter_errors(items))
    assert errors == []
    assert len(items) == 25


def test_schema_would_catch_a_bad_item():
    errors = list(jsonschema.Draft7Validator(SCHEMA).iter_errors([{"id": "x", "type": "memoir"}]))
    assert errors


def test_csl_items(refs):
    items = {i["id"]: i for i in to_csl(refs)}
    assert items["kheifets1994"]["type"] == "article-journal"
    assert items["kheifets1994"]["issued"] == {"date-parts": [[1994], [1995]]}
    assert items["kheifets1994"]["page"] == "340-367"
    assert items["weiner1997"]["type"] == "chapter"
    assert [e["family"] for e in items["weiner1997"]["editor"]] == ["McDermott", "Agnew"]
    assert items["bartra1986"]["editor"] == [{"family": "Bartra", "given": "A."}]
    assert "author" not in items["bartra1986"]
    assert items["phillips1920"]["type"] == "manuscript"
    assert items["phillips1920"]["archive"] == "RGASPI"
    assert items["phillips1920"]["archive_location"] == "fond 495, reg. 108, file 4"
    assert items["gaa1918"]["type"] == "document"
    assert items["gaa1918"]["issued"] == {"date-parts": [[1918, 2, 14]]}
    assert items["roy1964"]["genre"] == "memoir"


def test_csl_json_is_deterministic(refs):
    assert csl_json(refs) == csl_json(refs)
    assert csl_json(refs).endswith("\n")


def test_bibtex_round_trip(refs):
    library = bibtexparser.parse_string(bibtex(refs))
    assert library.failed_blocks == []
    parsed = [
        {"ENTRYTYPE": e.entry_type, "ID": e.key, **{f.key: f.value for f in e.fields}}
        for e in library.entries
    ]
    assert parsed == to_bibtex_entries(refs)


def test_bibtex_entry_types(refs):
    types = {e["ID"]: e["ENTRYTYPE"] for e in to_bibtex_entries(refs)}
    assert types["weiner1997"] == "incollection"
    assert types["gomez1964"] == "article"
    assert types["ahsre1919"] == "misc"
    assert types["phillips1920"] == "unpublished"
    assert types["carr1992"] == "book"


def test_rendered_bibliography(refs):
    lines = render_bibliography(refs)
    assert len(lines) == 25
    assert "Carr, B. (1992) Marxism and Communism in Twentieth-Century Mexico." in " ".join(lines)
    assert any(line.startswith("Kheifets, V. and Kheifets, L. (1994–1995)") for line in lines)


def test_write_exports(refs, tmp_path):
    written = write_exports(refs, tmp_path)
    assert [p.name for p in written] == ["references.bib", "references.json"]
    assert repr(written) == "files written: references.bib, references.json"
    assert (tmp_path / "references.json").read_text(encoding="utf-8") == csl_json(refs)
    assert (tmp_path / "references.bib").read_text(encoding="utf-8") == bibtex(refs)
