"""The article itself as CSL-JSON: what the seed says of it, valid CSL, nothing invented."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from histkit.present.source_citation import source_item, write_source

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "csl-data.json").read_text(encoding="utf-8"))


def test_the_article_as_csl(article):
    item = source_item(article)
    assert item["title"] == "Bolsheviks' Encounter with the Mexican Revolution"
    assert item["author"] == [{"family": "Spenser", "given": "Daniela"}]
    # "RECEBIDO EM: 04/06/2017", day first
    assert item["submitted"] == {"date-parts": [[2017, 6, 4]]}
    assert "2017-11-28" in item["note"]
    # the text names no journal, volume, pages or date of publication: none is given
    assert not {"container-title", "volume", "page", "issued"} & set(item)
    assert list(jsonschema.Draft7Validator(SCHEMA).iter_errors([item])) == []


def test_write_source(article, tmp_path):
    (path,) = write_source(article, tmp_path)
    assert path.name == "source.json"
    assert json.loads(path.read_text(encoding="utf-8")) == [source_item(article)]
