"""datapackage.json: the exported tables described for Frictionless (types, keys, list separators)."""

from __future__ import annotations

import json
import threading

import frictionless  # the test extra: a missing install fails, it is not skipped
import numpy as np
import pandas as pd
import pytest

import histkit as hk
from histkit.analyse import chronology as ch
from histkit.present import datapackage as dp
from histkit.text.tables import paragraphs_table, repairs_table, sections_table


def validate(folder):
    report = frictionless.validate(str(folder / "datapackage.json"))
    return report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.mark.parametrize(
    ("values", "kind"),
    [
        ([1, 2, 3], "integer"),
        ([1.0, np.nan, 3.0], "integer"),  # pandas' integers with a missing value
        ([56.13, 124.78], "number"),
        ([100.0, 85.5, np.nan], "number"),
        ([True, False], "boolean"),
        (["1919-09-01", "", "1927-03-31"], "date"),
        (["1919-09", "1919-09-01"], "string"),  # not all whole days
        (["ref01", None], "string"),
        ([None, None], "string"),
    ],
)
def test_field_type(values, kind):
    assert dp.field_type(pd.Series(values)) == kind


@pytest.fixture(scope="module")
def notebook_tables(article):
    """The tables notebooks 00 and 01 export (two notebooks, two exports into one folder)."""
    chron = ch.build_chronology(article)
    overview = {"paragraphs": paragraphs_table(article), "repairs": repairs_table(article),
                "sections": sections_table(article)}
    return overview, ch.chronology_tables(chron)


def test_two_exports_make_one_valid_package(notebook_tables, tmp_path):
    overview, chronology = notebook_tables
    hk.export_tables(chronology, tmp_path)
    written = hk.export_tables(overview, tmp_path)
    assert "datapackage.json" not in {p.name for p in written}  # not one notebook's output: see csv.py
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == sorted([*overview, *chronology])
    assert validate(tmp_path) == (True, [])
    res = {r["name"]: r for r in package["resources"]}
    fields = {name: {f["name"]: f for f in r["schema"]["fields"]} for name, r in res.items()}
    assert fields["events"]["actors"] == {
        "name": "actors", "type": "list", "delimiter": ";", "itemType": "string",
        "description": "person_id of each actor (see people).",
    }
    assert fields["events"]["stage"]["type"] == "integer"  # 1, 2, 3 or blank for context
    assert fields["events"]["key"]["type"] == "boolean"
    assert fields["events"]["latest"]["type"] == "date"
    assert fields["paragraphs"]["start"]["description"].startswith("Offset of the quoted span")
    assert res["events"]["schema"]["primaryKey"] == ["event_id"]
    assert {"fields": ["person_id"], "reference": {"resource": "people", "fields": ["person_id"]}} in res["stays"][
        "schema"
    ]["foreignKeys"]
    assert all(r["description"] and r["description"] != dp.UNDESCRIBED for r in package["resources"])


def test_package_bytes_do_not_depend_on_export_order(notebook_tables, tmp_path):
    overview, chronology = notebook_tables
    hk.export_tables(overview, tmp_path / "a")
    hk.export_tables(chronology, tmp_path / "a")
    hk.export_tables(chronology, tmp_path / "b")
    hk.export_tables(overview, tmp_path / "b")
    first = (tmp_path / "a" / "datapackage.json").read_bytes()
    assert first == (tmp_path / "b" / "datapackage.json").read_bytes()
    hk.export_tables(overview, tmp_path / "a")
    assert (tmp_path / "a" / "datapackage.json").read_bytes() == first


def test_foreign_key_to_a_table_not_exported_is_left_out(article, tmp_path):
    hk.export_tables({"repairs": repairs_table(article)}, tmp_path)  # paragraphs not exported
    [res] = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    assert "foreignKeys" not in res["schema"]
    assert validate(tmp_path)[0]


def test_validation_catches_a_broken_reference(notebook_tables, tmp_path):
    _, chronology = notebook_tables
    stays = chronology["stays"].copy()
    stays.loc[0, "person_id"] = "nobody"
    hk.export_tables({**chronology, "stays": stays}, tmp_path)
    valid, errors = validate(tmp_path)
    assert not valid
    assert [e[2] for e in errors] == ["foreign-key"]


def test_parallel_exports_all_land(notebook_tables, tmp_path):
    """Notebooks export at the same time: the lock lets each merge its tables in turn."""
    overview, chronology = notebook_tables
    tables = {**overview, **chronology}
    threads = [threading.Thread(target=hk.export_tables, args=({n: t}, tmp_path)) for n, t in tables.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == sorted(tables)


def test_a_table_without_description_says_so(tmp_path):
    hk.export_tables({"extra": pd.DataFrame({"a": [1, 2]})}, tmp_path)
    [res] = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    assert res["description"] == dp.UNDESCRIBED
    assert res["schema"]["fields"] == [{"name": "a", "type": "integer"}]


def test_declarations_for_absent_columns_are_left_out(article, tmp_path):
    """The citations table before the audit matched it has no ref_id: no foreign key, still valid."""
    from histkit.extract.citations import citations_table

    hk.export_tables({"citations": citations_table(article), "references": pd.DataFrame({"ref_id": ["ref01"]})},
                     tmp_path)  # fmt: skip
    res = {r["name"]: r for r in json.loads((tmp_path / "datapackage.json").read_text("utf-8"))["resources"]}
    assert "foreignKeys" not in res["citations"]["schema"]
    assert res["citations"]["schema"]["primaryKey"] == ["citation_id"]
    assert validate(tmp_path)[0]


def test_citation_tables_package(article, tmp_path):
    """The citation notebook's tables: ids that are citation ids, numeric scores, one list separator."""
    from histkit.analyse.audit import run_audit

    audit = run_audit(article)
    tables = {"citations": audit.citations, "references": audit.references, "citation_findings": audit.findings,
              "footnote_sources": audit.footnote_sources}  # fmt: skip
    hk.export_tables(tables, tmp_path)
    assert validate(tmp_path) == (True, [])
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    fields = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in package["resources"]}
    assert fields["citations"]["score"]["type"] == "number"
    assert fields["footnote_sources"]["score"]["type"] == "number"
    assert {f["delimiter"] for t in fields.values() for f in t.values() if f["type"] == "list"} == {dp.LIST_SEPARATOR}
    findings = pd.read_csv(tmp_path / "citation_findings.csv", keep_default_na=False)
    citation_ids = set(pd.read_csv(tmp_path / "citations.csv")["citation_id"])
    listed = {i for v in findings["citation_ids"] if v for i in v.split(";")}
    assert listed and listed <= citation_ids
    # footnote 2's archive ("... reel 83, 812.00/27508") is named by its footnote and place, not as a citation
    archive = findings[findings["kind"] == "footnote-archive"].iloc[0]
    assert (archive["footnote"], archive["item"], archive["citation_ids"]) == ("2", "1", "")
    assert fields["citation_findings"]["footnote"]["type"] == "integer"
    references = pd.read_csv(tmp_path / "references.csv", keep_default_na=False)
    assert "KHEIFETS, V.;KHEIFETS, L." in set(references["authors"])  # "KHEIFETS, V.; KHEIFETS, L." in the list
    assert not any("; " in v for v in references["authors"])
