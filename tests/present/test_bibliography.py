import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest

import histkit as hk
from histkit.extract.references import article_references, parse_references
from histkit.present.bibliography import (
    bibtex,
    citation_keys,
    csl_json,
    display_family,
    render_bibliography,
    to_bibtex_entries,
    to_csl,
    write_exports,
)

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "csl-data.json").read_text(encoding="utf-8"))


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


@pytest.mark.parametrize(
    ("key", "archive", "author"),
    [
        # "AHSRE - Acervo Histórico de la Secretaría de Relaciones Exteriores. Leopoldo Ortiz to ..."
        ("ahsre1919", "Acervo Histórico de la Secretaría de Relaciones Exteriores", None),
        # "GAA - Genaro Amezcua Archive. **Emiliano Zapata to General Genaro Amezcua**. Fondo VIII-2, file 4."
        ("gaa1918", "Genaro Amezcua Archive", None),
        # "PHILLIPS, C. **Partidos socialistas ...**. RGASPI, fond 495, ...": a personal author
        ("phillips1920", "RGASPI", [{"family": "Phillips", "given": "C."}]),
    ],
)
def test_csl_archival_author(refs, key, archive, author):
    """A document without a personal author is entered under its archive, as an institutional name."""
    item = {i["id"]: i for i in to_csl(refs)}[key]
    assert item["archive"] == archive
    assert item["author"] == (author or [{"literal": archive}])


def test_editors_only_as_editors(refs):
    """An edited book ("BARTRA, A. (ed.)") has editors and no author in the CSL-JSON."""
    items = {i["id"]: i for i in to_csl(refs)}
    for key in ("bartra1986", "clissold1970"):
        assert "author" not in items[key] and len(items[key]["editor"]) == 1


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


@pytest.mark.parametrize(
    ("start", "title"),
    [
        (
            "Acervo Histórico de la Secretaría de Relaciones Exteriores (1919)",
            "Leopoldo Ortiz to the Foreign Relations Ministry",
        ),
        ("Genaro Amezcua Archive (1918)", "Emiliano Zapata to General Genaro Amezcua"),
    ],
)
def test_rendered_archival_entry(refs, start, title):
    """The archive stands where the author goes; the title is printed once, not also as author."""
    [line] = [line for line in render_bibliography(refs) if title in line]
    assert line.startswith(start)
    assert line.count(title) == 1


@pytest.mark.xfail(
    strict=True,
    reason="citeproc-py 0.11 does not suppress a name variable used as the author's substitute, so the "
    "Harvard style prints an edited book's editor twice; the notebook says so. If this passes, "
    "citeproc-py has fixed it: update the notebook's prose and remove this mark.",
)
def test_rendered_editor_once(refs):
    [line] = [line for line in render_bibliography(refs) if "Regeneración" in line]
    assert line.startswith("Bartra, A. (ed.) (1986)")
    assert "Edited by" not in line


def test_write_exports(refs, tmp_path):
    written = write_exports(refs, tmp_path)
    assert [p.name for p in written] == ["references.bib", "references.json"]
    assert repr(written) == "files written: references.bib, references.json"
    assert (tmp_path / "references.json").read_text(encoding="utf-8") == csl_json(refs)
    assert (tmp_path / "references.bib").read_text(encoding="utf-8") == bibtex(refs)
