"""End to end: the whole workbook built in a throwaway copy of the project.

Checks what authors and readers rely on: every exported row quotes its span exactly, and the build
writes exactly the figures (and manifest) that are committed. The build is the session fixture ``built``
(tests/conftest.py), shared with the publishing tests.
"""

from __future__ import annotations

import json

import pandas as pd

from histkit.text.tables import check_provenance
from tests.conftest import ROOT


def test_every_notebook_was_built(built):
    names = sorted(p.name for p in (built / "build" / "notebooks").glob("*.ipynb"))
    assert names == sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def test_every_exported_row_quotes_its_span(built):
    text = (ROOT / "seeds" / "spenser-bolsheviks-mexico" / "article.txt").read_text(encoding="utf-8")
    tables = sorted((built / "build" / "tables").glob("*.csv"))
    assert "paragraphs.csv" in {p.name for p in tables}
    checked = 0
    for path in tables:
        frame = pd.read_csv(path, keep_default_na=False, dtype=str)
        if not {"start", "end", "quote"} <= set(frame.columns):
            continue
        rows = frame[(frame["start"] != "") & (frame["end"] != "")]
        rows = rows.assign(start=rows["start"].astype(int), end=rows["end"].astype(int))
        check_provenance(rows, text, path.name)
        checked += 1
    assert checked >= 10


def test_data_package_describes_every_table_and_validates(built):
    """build/tables/datapackage.json, checked by Frictionless against the CSV files a real build wrote."""
    import frictionless  # the test extra

    from histkit.present.datapackage import TABLES

    folder = built / "build" / "tables"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    csvs = sorted(p.stem for p in folder.glob("*.csv"))
    assert [r["name"] for r in package["resources"]] == csvs
    assert len(csvs) == 17
    assert sorted(TABLES) == csvs  # every exported table has its description, keys and list columns
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    res = {r["name"]: r for r in package["resources"]}
    fields = {name: {f["name"]: f["type"] for f in r["schema"]["fields"]} for name, r in res.items()}
    assert fields["wages"]["value"] == "number"  # "56.13 pesos a month"
    assert fields["references"]["cited"] == "integer"  # how many citations cite it
    assert fields["people"]["envoy"] == "boolean"
    assert fields["citations"]["year_first"] == "integer"
    assert {"fields": ["ref_id"], "reference": {"resource": "references", "fields": ["ref_id"]}} in res["citations"][
        "schema"
    ]["foreignKeys"]


def test_annotations_export_holds_on_the_article(built):
    """build/exports/annotations.jsonld: the W3C model's keys, and every selector on the verbatim text."""
    from tests.present.test_annotations_jsonld import check_annotation_model, check_selectors_hold

    collection = json.loads((built / "build" / "exports" / "annotations.jsonld").read_text(encoding="utf-8"))
    check_annotation_model(collection)
    check_selectors_hold(collection, (ROOT / "seeds" / "spenser-bolsheviks-mexico" / "article.txt").read_text("utf-8"))
    assert collection["total"] > 100


def test_build_writes_exactly_the_committed_figures(built):
    written = {p.name: p.read_bytes() for p in (built / "figures").iterdir()}
    committed = {p.name: p.read_bytes() for p in (ROOT / "figures").iterdir()}
    assert sorted(written) == sorted(committed)
    for name in sorted(committed):
        assert written[name] == committed[name], f"figures/{name} differs from what a build writes"
