from __future__ import annotations

import pandas as pd
import pytest

from histkit.analyse import overview
from histkit.core.errors import HistkitError
from histkit.present.csv import export_tables
from histkit.text.tables import check_provenance, paragraphs_table, repairs_table, sections_table
from tests.conftest import ROOT

TABLES = {
    "paragraphs": paragraphs_table,
    "repairs": repairs_table,
    "sections": sections_table,
    "front_matter": overview.front_matter_table,
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_row_quotes_its_span(article, name):
    frame = TABLES[name](article)
    assert len(frame) > 0
    assert (frame["seed"] == "spenser-bolsheviks-mexico").all()
    check_provenance(frame, article.text, name)
    assert all(article.text[s:e] == q for s, e, q in zip(frame["start"], frame["end"], frame["quote"], strict=True))


def test_argument_table_quotes_its_span(article):
    frame = overview.argument_table(article, ROOT / "seeds" / "spenser-bolsheviks-mexico" / "argument.yaml")
    assert list(frame["step"]) == list(range(1, len(frame) + 1))
    check_provenance(frame, article.text, "argument")


def test_check_provenance_catches_a_shifted_span(article):
    frame = paragraphs_table(article)
    frame.loc[3, "start"] += 1
    with pytest.raises(HistkitError, match=r"paragraphs: row 3: text\[\d+:\d+\] is"):
        check_provenance(frame, article.text, "paragraphs")


def test_paragraphs_table_counts(article):
    frame = paragraphs_table(article)
    counts = frame["kind"].value_counts().to_dict()
    assert counts["footnote"] == 3
    assert counts["reference"] == 25
    assert counts["blockquote"] == 4
    assert frame["start"].is_monotonic_increasing


def test_sections_table_words_add_up(article):
    sections = sections_table(article)
    body_words = sum(e.words for e in article.body)
    assert sections["words"].sum() == body_words
    assert sections.loc[sections["section"] == 3, "footnotes"].item() == 1


def test_export_is_deterministic_and_reads_back(article, tmp_path):
    frames = {"paragraphs": paragraphs_table(article), "repairs": repairs_table(article)}
    first = [p.read_bytes() for p in export_tables(frames, tmp_path / "a")]
    second = [p.read_bytes() for p in export_tables(frames, tmp_path / "b")]
    assert first == second
    back = pd.read_csv(tmp_path / "a" / "paragraphs.csv", keep_default_na=False)
    check_provenance(back, article.text, "paragraphs.csv")
    assert not list(tmp_path.glob("a/.*.tmp"))


def test_export_into_unwritable_place_is_an_error(article, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(HistkitError, match=r"cannot create output folder .*file/tables"):
        export_tables({"paragraphs": paragraphs_table(article)}, blocker / "tables")


def test_repair_reasons_are_explained(article):
    frame = repairs_table(article)
    assert frame["reason"].str.len().min() > 20
    assert frame["repair_id"].is_unique


def test_argument_quote_in_a_heading_takes_the_headings_section(article, tmp_path):
    path = tmp_path / "argument.yaml"
    path.write_text('steps:\n  - step: 1\n    gloss: g\n    exact: "3 THE SECOND STAGE"\n', encoding="utf-8")
    frame = overview.argument_table(article, path)
    assert frame.loc[0, "section"] == 3
    assert frame.loc[0, "element_id"] == "heading"
    check_provenance(frame, article.text, "argument")


def test_stage_sections_come_from_the_annotations(article):
    # annotations.yaml anchors the stages on the headings "2 THE FIRST STAGE" ... "4 THE THIRD STAGE"
    assert overview.stage_sections(article) == [2, 3, 4]


def test_two_sections_with_one_heading_count_their_own_elements():
    # acta-amazonica's PDF prints an appendix with its own "REFERENCES" (six entries, read as a section) before
    # the article's list of 49: each row counted the other's paragraphs and entries
    from histkit.text.ingest import parse_article
    from histkit.text.tables import sections_table

    text = ("A Title\n\nAn Author\n\nINTRODUCTION\n\nA paragraph (SMITH, 1990).\n\nREFERENCES\n\n"
            "One appendix paragraph.\n\nREFERENCES\n\nSMITH, J. A book. London: P, 1990.\n\n"
            "JONES, K. Another. Paris: Q, 1991.\n")
    table = sections_table(parse_article(text, "tiny-twice"))
    rows = {(r.section if r.section is not pd.NA else None): r for r in table.itertuples()}
    assert (rows[2].paragraphs, rows[2].references) == (1, 0)
    assert (rows[None].paragraphs, rows[None].references) == (0, 2)
