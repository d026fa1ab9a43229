"""annotations.jsonld: curated facts and checked claims as W3C Web Annotations on the verbatim text."""

from __future__ import annotations

import json

import pytest
import yaml

from histkit.cases import spenser
from histkit.present import annotations_jsonld as aj

# The W3C Web Annotation Data Model's motivations (https://www.w3.org/TR/annotation-model/#motivation-and-purpose).
MOTIVATIONS = {"assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
               "identifying", "linking", "moderating", "questioning", "replying", "tagging"}  # fmt: skip


@pytest.fixture(scope="module")
def collection(article):
    return aj.annotation_collection(article, spenser.all_claims(article))  # as the first article's notebook 03


@pytest.fixture(scope="module")
def items(collection):
    return collection["first"]["items"]


def check_annotation_model(collection):
    """The keys the W3C model requires (MUST) of a collection, a page, an annotation and its selectors."""
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection" and collection["id"]
    page = collection["first"]
    assert page["type"] == "AnnotationPage" and page["id"] and page["startIndex"] == 0
    assert collection["total"] == len(page["items"])
    ids = [a["id"] for a in page["items"]]
    assert len(set(ids)) == len(ids)
    for a in page["items"]:
        assert a["type"] == "Annotation"
        assert a["id"].startswith("urn:histkit:") and " " not in a["id"]
        assert a["motivation"] in MOTIVATIONS
        assert a["body"] and all(b["type"] == "TextualBody" and b["value"] for b in a["body"])
        assert all(b.get("purpose", "describing") in MOTIVATIONS for b in a["body"])
        target = a["target"]
        assert target["source"]["id"].startswith("urn:sha256:")
        kinds = [s["type"] for s in target["selector"]]
        assert kinds == ["TextQuoteSelector", "TextPositionSelector"]


def check_selectors_hold(collection, text):
    """Every selector holds on the verbatim text: the quote at its position, prefix and suffix beside it."""
    for a in collection["first"]["items"]:
        quote, position = a["target"]["selector"]
        start, end = position["start"], position["end"]
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
        assert text[start:end] == quote["exact"], a["id"]
        assert text[start - len(quote["prefix"]) : start] == quote["prefix"], a["id"]
        assert text[end : end + len(quote["suffix"])] == quote["suffix"], a["id"]
        # and the quote selector alone is unambiguous: it occurs once with its prefix and suffix
        whole = quote["prefix"] + quote["exact"] + quote["suffix"]
        assert text.count(whole) == 1, a["id"]


def test_structure_follows_the_annotation_model(collection):
    check_annotation_model(collection)


def test_every_selector_holds_on_the_verbatim_text(collection, article):
    check_selectors_hold(collection, article.text)


def _quotes_in(path):
    """Every mapping with 'exact' in a curated YAML file, read here independently of the package."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            if "exact" in value:
                found.append(value["exact"])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def test_every_curated_quote_and_every_claim_is_an_annotation(items, article):
    curated = [a for a in items if a["motivation"] == "describing"]
    expected = [q for name in aj.CURATED_FILES for q in _quotes_in(article.seed_file(name))]
    assert sorted(a["target"]["selector"][0]["exact"] for a in curated) == sorted(expected)
    claims = spenser.all_claims(article)
    assessed = {a["id"].rsplit(":", 1)[1] for a in items if a["motivation"] == "assessing"}
    assert assessed == set(claims["claim_id"])
    assert len(items) == len(expected) + len(claims)


def test_bodies_carry_the_reading(items):
    by_id = {a["id"].split(":", 3)[3]: a for a in items}
    arrives = by_id["annotations:events:borodin-arrives"]
    assert arrives["body"][0]["value"].startswith("Borodin arrives in Mexico. date: [1919-09..1919-11]")
    assert arrives["body"][1] == {"type": "TextualBody", "value": "events", "purpose": "tagging"}
    # "an increase of 225%": the article's arithmetic does not hold under either reading
    claim = by_id["claims:wage-225-increase"]
    assert claim["body"][0]["value"].startswith("inconsistent: stated 225%")
    assert claim["body"][2]["value"] == "inconsistent"
    assert claim["target"]["selector"][0]["exact"].endswith("225%")
    step = by_id["argument:steps:step-2"]
    assert step["target"]["selector"][0]["exact"] == "uses biography as a methodological tool"
    born = by_id["annotations:people:borodin:born"]
    assert born["target"]["selector"][0]["exact"] == "born in 1884"


def test_export_is_deterministic(article, tmp_path):
    (path,) = aj.export_annotations(article, tmp_path)
    assert path.name == "annotations.jsonld"
    first = path.read_bytes()
    assert aj.export_annotations(article, tmp_path)[0].read_bytes() == first
    assert json.loads(first) == aj.annotation_collection(article)
