"""The corpus evaluation's truth (benchmarks/jats_positions.py) and scoring (benchmarks/instance_score.py).

The JATS xrefs must land on the right words of ``article.txt``, the hand adjudications must quote the
text they judge, and the per-instance scoring must count a hand-made case as a reader would.
Like the other corpus tests, these fail loudly when ``../shared`` is not beside the repository.
"""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import CORPUS, ROOT, corpus_text

BENCHMARKS = ROOT / "benchmarks"


def _load(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


positions = _load("jats_positions")
scoring = _load("instance_score")

ARTICLES = sorted(p.name for p in CORPUS.iterdir() if (p / "article.txt").is_file()) if CORPUS.is_dir() else []


def _spans(name: str) -> list:
    text = corpus_text(name)
    spans = positions.xref_spans(CORPUS / name / "source.xml", text)
    assert spans is not None, f"{name}: the marked re-conversion of source.xml does not reproduce article.txt"
    return spans


def test_the_corpus_is_there() -> None:
    if not CORPUS.is_dir() or not positions.CONVERTER.is_file():
        pytest.fail(f"the development corpus or its converter is missing: expected {CORPUS}, {positions.CONVERTER}")
    folders = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    # every folder is an article with its publisher's JATS beside the text, and the corpus is not empty
    assert ARTICLES == folders and ARTICLES
    assert all((CORPUS / name / "source.xml").is_file() for name in ARTICLES)


@pytest.mark.parametrize("name", ARTICLES)
def test_marked_reconversion_reproduces_article_txt(name: str) -> None:
    spans = _spans(name)
    text = corpus_text(name)
    assert spans, name
    for span in spans:
        quote = text[span.start : span.end]
        assert quote and quote == quote.strip() and not set(quote) & {positions.OPEN, positions.CLOSE}


def test_xrefs_land_on_the_cited_words() -> None:
    text = corpus_text("bak-p59610")
    by_quote = {(text[s.start : s.end], s.rids): s for s in _spans("bak-p59610")}
    # "(cf. BRAIT, 2006, 2008)": the JATS tags the second year alone
    year_only = by_quote[("2008", ("B9",))]
    assert text[year_only.start - 13 : year_only.end + 1] == "BRAIT, 2006, 2008)"
    # an xref inside a note sits where jats2txt prints the note: after the paragraph that calls it
    note = by_quote[("Galf, 2021", ("B20",))]
    assert note.in_note
    block = text.rfind("\n\n", 0, note.start) + 2
    assert text[block:].startswith("¹ Em janeiro deste ano (2022)")
    calling = text[text.rfind("\n\n", 0, block - 2) : block]
    assert "inquestionáveis¹." in calling and calling.endswith("(OLIVEIRA; RESENDE, 2020, p.162).\n\n")
    # a narrative citation tagged with its year and locator
    assert ("Volóchinov (2019, p.243)", ("B29",)) in by_quote


def test_several_rids_and_notes_on_a_tiny_article(tmp_path: Path) -> None:
    xml = (
        "<article><front><article-meta><title-group><article-title>T</article-title></title-group>"
        "</article-meta></front><body><sec><title>1 Intro</title>"
        '<p>As shown (<xref ref-type="bibr" rid="R1 R2">Ana, 2001; Bo, 2002</xref>)'
        '<xref ref-type="fn" rid="n1">1</xref> and by Cy (<xref ref-type="bibr" rid="R3">2003</xref>).</p>'
        '</sec></body><back><fn-group><fn id="n1"><label>1</label><p>See <xref ref-type="bibr" rid="R1">'
        "<italic>Ana</italic>, 2001</xref>.</p></fn></fn-group></back></article>"
    )
    source = tmp_path / "source.xml"
    source.write_text(xml, encoding="utf-8")
    text = positions.converter().Converter(ET.fromstring(xml)).render()
    assert text == "T\n\n\n1 Intro\n\nAs shown (Ana, 2001; Bo, 2002)¹ and by Cy (2003).\n\n¹ See *Ana*, 2001.\n"
    spans = positions.xref_spans(source, text)
    assert [(text[s.start : s.end], s.rids, s.in_note) for s in spans] == [
        ("Ana, 2001; Bo, 2002", ("R1", "R2"), False),
        ("2003", ("R3",), False),
        ("*Ana*, 2001", ("R1",), True),
    ]
    assert positions.xref_spans(source, text.replace("Cy", "Cyd")) is None


def test_every_adjudication_quotes_the_text_and_contradicts_the_jats() -> None:
    rows = scoring.read_adjudications()
    assert rows
    for adj in rows:
        where = f"corpus-adjudications.tsv: {adj.article} {adj.start}:{adj.end}"
        text = corpus_text(adj.article)
        assert text[adj.start : adj.end] == adj.quote, where
        assert adj.reason.strip(), where
        jats = [s for s in _spans(adj.article) if min(s.end, adj.end) > max(s.start, adj.start)]
        rids = {ref.get("id") for ref in ET.parse(CORPUS / adj.article / "source.xml").getroot().iter("ref")}
        if adj.verdict in ("untagged", "unlisted"):
            assert not jats, f"{where}: the JATS tags this span, so it is not {adj.verdict}"
        else:
            assert jats, f"{where}: no JATS xref here to call {adj.verdict}"
        if adj.verdict in ("untagged", "wrong-rid"):
            assert adj.rid in rids, f"{where}: {adj.rid} is not a ref of the JATS"
            assert all(adj.rid not in s.rids for s in jats), f"{where}: the JATS already points to {adj.rid}"
        if adj.verdict == "not-a-citation":
            assert any(adj.rid in s.rids for s in jats), where
        if adj.verdict == "unlisted":
            assert adj.rid == "", where
    keys = [(a.article, a.start, a.end) for a in rows]
    assert len(keys) == len(set(keys)), "an adjudication is listed twice"


def _row(index: int, start: int, end: int, rid: str, group: tuple[int, int] | None = None) -> object:
    group_start, group_end = group or (start, end)
    return scoring.Row(index, start, end, group_start, group_end, f"ours-{rid}" if rid else "", rid)


def test_per_instance_scoring_of_a_hand_made_case() -> None:
    """bak-p59384, a book review with 14 tagged citations; our rows made by hand around them."""
    text = corpus_text("bak-p59384")
    units = [scoring.Unit(s.start, s.end, rid) for s in _spans("bak-p59384") for rid in s.rids]
    assert len(units) == 14

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    hirschkop = at("HIRSCHKOP, 2021, p.4")  # the JATS tags "HIRSCHKOP, 2021" only
    poole, brandist = at("Poole (2001)"), at("Brandist (2012)")
    group = at("(cf. MORSON; EMERSON, 2008; FARACO, 2009)")
    faraco = at("FARACO, 2009")
    rows = [
        _row(0, *hirschkop, "B7"),  # longer than the xref, same entry: true positive
        _row(1, *hirschkop, "B7"),  # the same citation counted twice: false positive
        _row(2, *poole, "B2"),  # Poole read as Brandist's entry: false positive (and Poole missed)
        _row(3, *brandist, ""),  # unresolved: false positive
        _row(4, *faraco, "B4"),  # true positive
        _row(5, group[1] - 1, group[1], "B8", group),  # only the group holds the MORSON xref: true positive
    ]
    out = scoring.match(rows, units)
    assert sorted(r.index for r, _ in out.pairs) == [0, 4, 5]
    assert sorted(r.index for r in out.false_positives) == [1, 2, 3]
    assert len(out.misses) == 11
    assert {text[u.start : u.end] for u in out.misses} >= {"Poole (2001)", "Brandist (2012)"}
    p, r, f1 = out.prf
    assert (p, r) == (3 / 6, 3 / 14)
    assert f1 == pytest.approx(2 * p * r / (p + r))

    adjudications = [
        scoring.Adjudication("bak-p59384", *poole, "Poole (2001)", "not-a-citation", "B9", "hand-made"),
        scoring.Adjudication("bak-p59384", *brandist, "Brandist (2012)", "unlisted", "", "hand-made"),
        scoring.Adjudication("bak-p59384", *hirschkop, "HIRSCHKOP, 2021, p.4", "untagged", "B7", "hand-made"),
    ]
    fixed, unlisted = scoring.adjudicate(units, adjudications)
    out = scoring.match(rows, fixed, unlisted)
    # the second HIRSCHKOP row now has its own unit, Poole's xref is gone, the unresolved row is neutral
    assert sorted(r.index for r, _ in out.pairs) == [0, 1, 4, 5]
    assert [r.index for r in out.false_positives] == [2]
    assert [r.index for r in out.neutral] == [3]
    assert len(out.misses) == 10
