"""Tests of the generic annotation loader (TextQuoteSelector anchoring, lines, EDTF checks)."""

from __future__ import annotations

import textwrap

import pytest

from histkit.core.errors import AnnotationError
from histkit.text.anchor import Anchor, anchor, load_annotations, read_yaml

TEXT = "Borodin left Moscow in April 1919. Borodin arrived in Mexico. Kollontai left in June."



def write(tmp_path, body: str):
    path = tmp_path / "annotations.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("exact", "prefix", "suffix", "expected"),
    [
        ("left Moscow", "", "", (8, 19)),
        ("Borodin", "", " left", (0, 7)),
        ("Borodin", ". ", "", (35, 42)),
        ("Borodin", "", " arrived", (35, 42)),
        ("left in June", "Kollontai ", ".", (72, 84)),
    ],
)
def test_anchor_resolves_unique_span(exact, prefix, suffix, expected):
    start, end = anchor(TEXT, exact, prefix, suffix)
    assert (start, end) == expected
    assert TEXT[start:end] == exact


@pytest.mark.parametrize(
    ("exact", "prefix", "suffix", "message"),
    [
        ("Borodin", "", "", r"f\.yaml:7: quote 'Borodin' is ambiguous: it occurs 2 times"),
        ("left", "", "", r"occurs 2 times"),
        ("Pestkovsky", "", "", r"f\.yaml:7: quote 'Pestkovsky' does not occur"),
        ("Borodin", "X", "", r"after prefix 'X' does not occur"),
        ("Borodin", "", " sailed", r"before suffix ' sailed' does not occur"),
        ("", "", "", r"empty"),
    ],
)
def test_anchor_missing_or_ambiguous(exact, prefix, suffix, message):
    with pytest.raises(AnnotationError, match=message):
        anchor(TEXT, exact, prefix, suffix, source="f.yaml", line=7)


def test_read_yaml_records_lines(tmp_path):
    path = write(
        tmp_path,
        """\
        events:
          - id: a
            exact: x
          - id: b
            exact: y
            born:
              exact: z
        """,
    )
    data = read_yaml(path)
    assert [item["__line__"] for item in data["events"]] == [2, 4]
    assert data["events"][1]["born"]["__line__"] == 7


def test_load_resolves_nested_selectors(tmp_path, article):
    path = write(
        tmp_path,
        """\
        people:
          - id: borodin
            exact: "I shall refer to Mikhail Borodin"
            born:
              exact: "born in 1884"
            aliases:
              - exact: "Mikhail Gruzenberg"
                prefix: "alias of "
        events:
          - id: e1
            exact: "left Moscow in April 1919"
            date: "1919-04"
        """,
    )
    notes = load_annotations(article, path)
    person = notes.by_id("people")["borodin"]
    assert person.line == 2
    assert article.text[person.anchor.start : person.anchor.end] == "I shall refer to Mikhail Borodin"
    born = person["born"]
    assert isinstance(born, Anchor)
    assert article.text[born.start : born.end] == "born in 1884"
    alias = person["aliases"][0]
    # the alias is the first of the two "Mikhail Gruzenberg" (the other follows "real name, ")
    assert article.text[alias.start - 9 : alias.end] == "alias of Mikhail Gruzenberg"
    assert notes["events"][0]["date"] == "1919-04"
    assert list(notes) == ["people", "events"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('events:\n  - id: e1\n    exact: "Borodin"\n', r"annotations\.yaml:2: quote 'Borodin' is ambiguous"),
        (
            'events:\n  - id: e1\n    exact: "Borodin ate soup"\n',
            r"annotations\.yaml:2: quote 'Borodin ate soup' does not occur",
        ),
        (
            'people:\n  - id: p\n    exact: "I shall refer to Mikhail Borodin"\n'
            '    died:\n      exact: "died"\n',
            r"annotations\.yaml:5: quote 'died' is ambiguous",
        ),
        (
            'events:\n  - id: e1\n    exact: "left Moscow in April 1919"\n    date: "1919-13"\n',
            r"annotations\.yaml:2: 'date': invalid EDTF '1919-13'",
        ),
        (
            'events:\n  - id: e1\n    exact: "left Moscow in April 1919"\n\n    date: "spring 1919"\n',
            r"annotations\.yaml:2: 'date': invalid EDTF 'spring 1919'",
        ),
        (
            'events:\n  - exact: "left Moscow in April 1919"\n',
            r"annotations\.yaml:2: an item of 'events' has no 'id'",
        ),
        (
            'events:\n  - id: a\n    exact: "left Moscow"\n  - id: a\n    exact: "in April 1919"\n',
            r"annotations\.yaml:4: id 'a' of 'events' is used twice \(first on line 2\)",
        ),
        ("events: [\n", r"annotations\.yaml: not valid YAML: line \d+, column \d+: .*\(while parsing a flow"),
        ("events: 3\n", r"'events' must be a list"),
        ("- 1\n", r"top level must be a mapping"),
    ],
)
def test_load_errors_name_file_line_and_quote(tmp_path, article, body, message):
    path = write(tmp_path, body)
    with pytest.raises(AnnotationError, match=message):
        load_annotations(article, path)


def test_missing_file_and_missing_kind(tmp_path, article):
    with pytest.raises(AnnotationError, match="does not exist"):
        load_annotations(article, tmp_path / "nope.yaml")
    path = write(tmp_path, "events: []\n")
    with pytest.raises(AnnotationError, match="no 'people' list"):
        load_annotations(article, path, kinds=["people"])
    with pytest.raises(AnnotationError, match="there is no 'stays' list"):
        load_annotations(article, path)["stays"]


def test_kinds_filter_skips_other_kinds(tmp_path, article):
    # a broken item in a kind that is not asked for does not stop loading the others
    path = write(tmp_path, "events: []\nquantities:\n  - id: q\n    exact: nowhere-to-be-found\n")
    assert load_annotations(article, path, kinds=["events"])["events"] == []


def test_real_annotations_load_and_anchor(article):
    notes = load_annotations(article)
    for kind in notes:
        for item in notes[kind]:
            if item.anchor is not None:
                assert article.text[item.anchor.start : item.anchor.end] == item.anchor.exact


def test_annotations_are_read_from_the_articles_own_seed_folder(tmp_path):
    import shutil

    import histkit
    from histkit.text.anchor import load_annotations
    from tests.conftest import ROOT

    folder = tmp_path / "copy"
    shutil.copytree(ROOT / "seeds" / "spenser-bolsheviks-mexico", folder)
    (folder / "annotations.yaml").unlink()
    article = histkit.load_seed(str(folder))
    with pytest.raises(AnnotationError, match=r"copy/annotations.yaml does not exist"):
        load_annotations(article)


@pytest.mark.parametrize("field", ["prefix", "suffix"])
def test_non_text_prefix_or_suffix_is_an_annotation_error(field):
    kwargs = {"prefix": "", "suffix": ""} | {field: 1}
    with pytest.raises(AnnotationError, match=rf"f.yaml:4: selector's '{field}' is 1, not text"):
        anchor("some text", "text", kwargs["prefix"], kwargs["suffix"], source="f.yaml", line=4)


def test_a_curated_file_read_again_comes_from_the_memo_whole_in_order_and_unshared(tmp_path, monkeypatch):
    from histkit.core.memo import Memo
    from histkit.text import anchor

    monkeypatch.setenv("HISTKIT_ROOT", str(tmp_path))
    memo = Memo("yaml-test", "v")
    monkeypatch.setattr(anchor, "_yaml_memo", lambda: memo)
    path = tmp_path / "annotations.yaml"
    path.write_text("people:\n  - id: z\n    name: Zeta\n  - id: a\n    born: 1884~\nevents: []\n", encoding="utf-8")
    first = anchor.read_yaml(path)
    assert list(first) == ["people", "events", "__line__"]
    assert first["people"][1] == {"id": "a", "born": "1884~", "__line__": 4}
    first["people"].clear()  # what a caller does with its copy is its own affair
    again = anchor.read_yaml(path)
    assert list(again) == ["people", "events", "__line__"] and len(again["people"]) == 2
    assert list(again["people"][0]) == ["id", "name", "__line__"]
    # A key JSON cannot keep (the integer 1926) is read right, and never remembered.
    path.write_text("events:\n  - id: e\n    1926: a year as a key\n", encoding="utf-8")
    assert anchor.read_yaml(path)["events"][0][1926] == "a year as a key"
    assert len(memo._new) == 1
