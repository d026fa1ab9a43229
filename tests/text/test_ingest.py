from __future__ import annotations

import pytest

from histkit.core.errors import SeedError
from histkit.text.ingest import parse_article

# --- the tiny fixture: one of each artefact -------------------------------------------------


def test_tiny_sections(tiny):
    assert [s.heading for s in tiny.sections] == ["1 INTRODUCTION", "2 THE ONLY STAGE", "REFERENCES"]


def test_tiny_front_matter(tiny):
    front = tiny.front
    assert front["title"].text == "A Tiny Article on Page Breaks"
    assert front["author"].text == "ANA AUTORA"
    assert front["abstract"].text == "A fixture for the ingest tests."
    assert front["title_pt"].text == "Um artigo minúsculo"
    assert front["author_note"].text.startswith("Researcher somewhere.")
    assert tiny.received.isoformat() == "2020-02-01"
    assert tiny.approved.isoformat() == "2020-04-03"
    assert tiny.keywords == {"en": ["Page breaks", "Footnotes"], "pt": ["Quebras De Página", "Notas"]}


def test_tiny_unmarked_and_marked_block_quotes(tiny):
    quotes = [e.text for e in tiny.of_kind("blockquote")]
    assert quotes == [
        "We would gain a lot if the peoples understood one another. (SMITH, 1990, p. 3)",
        "A marked quotation. (JONES, 2001, p. 5).",
    ]


def test_tiny_paragraph_rejoined_across_page_breaks_and_a_footnote(tiny):
    para = next(e for e in tiny.body if e.text.startswith("He carried"))
    assert len(para.pieces) == 4
    assert para.text == (
        "He carried e.g. fifty rubles (US$25) and a note. The journey was long and the and the weather "
        "bad (SMITH, 1990). A later paragraph is cut to the next page after the note."
    )
    assert para.notes == [1]


def test_tiny_footnote_continuation(tiny):
    (note,) = tiny.footnotes
    assert note.number == 1
    assert note.text == "A first note that runs on Continued note text, 1925."
    assert note.called_from == next(e.element_id for e in tiny.body if e.text.startswith("He carried"))


def test_tiny_join_that_starts_with_a_digit(tiny):
    para = next(e for e in tiny.body if e.text.startswith("The second paragraph"))
    assert para.text == "The second paragraph ends in 1926 figures and ends here."


def test_tiny_repairs_point_at_what_they_repair(tiny):
    kinds = {}
    for r in tiny.repairs:
        kinds.setdefault(r.kind, []).append(tiny.text[r.start : r.end])
    assert kinds["escaped-dollar"] == ["\\$"]
    assert kinds["markdown-emphasis"] == ["*e.g.*", "**A Book**"]
    assert kinds["footnote-marker"] == ["¹"]
    assert kinds["blockquote-marker"] == ["> "]
    assert kinds["footnote-continuation"] == ["Continued note text, 1925."]
    assert kinds["page-break-join"][0] == "the\n\n¹ A first note that runs on\n\nand"
    assert len(kinds["page-break-join"]) == 4
    assert kinds["keyword-spacing"] == ["QuebrasDePágina"]


def test_tiny_references(tiny):
    assert [r.text for r in tiny.references] == [
        "JONES, A. A Book. London: Press, 2001.",
        "SMITH, B. Another Book. Paris: Press, 1990.",
    ]


def test_every_piece_is_verbatim_and_ordered(tiny):
    for element in tiny.elements:
        assert element.pieces == sorted(element.pieces)
        assert all(tiny.text[a:b].strip() == tiny.text[a:b] for a, b in element.pieces)


# --- bad input ---------------------------------------------------------------------------------

BAD_TEXTS = [
    ("Title\n\nSome text without any headings.\n", "no numbered section heading"),
    ("Title\n\n1 INTRODUCTION\n\nA paragraph.\n", "no reference list"),
]


@pytest.mark.parametrize(("text", "message"), BAD_TEXTS)
def test_text_without_structure_is_an_error(text, message):
    with pytest.raises(SeedError, match=message):
        parse_article(text, "bad", "bad/article.txt")


def test_error_names_the_file():
    with pytest.raises(SeedError, match=r"^bad/article.txt: "):
        parse_article("1 INTRODUCTION\n\nText.\n", "bad", "bad/article.txt")


# --- the real seed, end to end (expected values read off article.txt) --------------------------


def test_seed_sections(article):
    assert [s.heading for s in article.sections] == [
        "1 INTRODUCTION",
        "2 THE FIRST STAGE",
        "3 THE SECOND STAGE",
        "4 THE THIRD STAGE",
        "5 IN CONCLUSION",
        "REFERENCES",
    ]


def test_seed_front_matter(article):
    front = article.front
    assert front["title"].text == "Bolsheviks' Encounter with the Mexican Revolution"
    assert front["title_pt"].text == "O encontro dos bolcheviques com a revolução mexicana"
    assert front["author"].text == "DANIELA SPENSER"
    assert front["abstract"].text.startswith("The encounter of Bolshevik leaders")
    assert front["abstract_pt"].text.startswith("O encontro dos líderes")
    assert front["author_note"].text.endswith("daniela.spenser@gmail.com")
    assert article.keywords["en"] == [
        "Mexican Revolution", "Bolshevik Revolution", "Michal Borodin", "Stanislav Pestkovsky", "Alexandra Kollontai",
    ]
    assert article.keywords["pt"][0] == "Revolução Mexicana"
    assert article.keywords["pt"][3] == "Stanislav Pestkovsky"


def test_seed_dates_agree_with_seed_toml(article):
    assert article.received.isoformat() == article.metadata["received"]
    assert article.approved.isoformat() == article.metadata["approved"]


def test_seed_three_footnotes_called_from_their_paragraphs(article):
    notes = {n.number: n for n in article.footnotes}
    assert sorted(notes) == [1, 2, 3]
    body = {e.element_id: e for e in article.body}
    assert "Charles Phillips" in body[notes[1].called_from].text
    assert body[notes[2].called_from].text.startswith("We have succeeded in reestablishing")
    assert "Peasants, after all, had been the revolutionary force there." in body[notes[3].called_from].text
    assert notes[1].text == "Charles Phillips, alias Jesús Ramírez."
    assert notes[2].text.endswith("Weddell to Secretary of State, Mexico City, 11 February 1925, reel 83, 812.00/27508")
    assert notes[3].text.startswith("A. Vol'skii")


def test_seed_has_25_reference_entries(article):
    refs = article.references
    assert len(refs) == 25
    assert refs[0].text.startswith("AHSRE - Acervo Histórico")
    assert refs[5].text.startswith("_____. Marxism and Communism")
    assert refs[-1].text.startswith("WEINER, M. Comintern in Asia")


def test_seed_block_quotes(article):
    quotes = [e.text[:30] for e in article.of_kind("blockquote")]
    assert quotes == [
        "We would gain a lot, human jus",  # Zapata, unmarked
        "a movement that has to spark, ",  # Flores Magón, '>'
        "Could he be of help? His infor",  # Phillips's memoir, unmarked
        "We have succeeded in reestabli",  # Chicherin, '>'
    ]


# The five page breaks inside body paragraphs (WORKBOOK.md section 1 names the first).
PAGE_BREAKS = [
    "determination\n\nand",
    "conducted\n\nwith",
    "in\n\n1926",
    "organized\n\nSecretary of State, Mexico City, 11 February 1925, reel 83, 812.00/27508\n\nworkers",
    "newspaper\n\nthat",
]


def test_seed_page_break_joins(article):
    joins = [article.text[r.start : r.end] for r in article.repairs if r.kind == "page-break-join"]
    assert joins == PAGE_BREAKS


def test_seed_rejoined_paragraph_reads_through(article):
    para = next(e for e in article.body if "greater vehemence, determination and resources" in e.text)
    assert len(para.pieces) == 2
    wage = next(e for e in article.body if "profits were at 41%, in 1926 they had fallen to 6%" in e.text)
    assert "fifty thousand rubles (US$25,000)" in wage.text


def test_seed_other_repairs(article):
    by_kind: dict[str, list[str]] = {}
    for r in article.repairs:
        by_kind.setdefault(r.kind, []).append(article.text[r.start : r.end])
    assert by_kind["footnote-continuation"] == [
        "Secretary of State, Mexico City, 11 February 1925, reel 83, 812.00/27508"
    ]
    assert by_kind["escaped-dollar"] == ["\\$", "\\$"]
    assert by_kind["footnote-marker"] == ["¹", "²", "³"]
    assert by_kind["blockquote-marker"] == ["> ", "> "]
    assert by_kind["keyword-spacing"] == ["RevoluçãoMexicana", "StanislavPestkovsky"]
    assert "*e.g.*" in by_kind["markdown-emphasis"]


def test_seed_no_markup_left_in_repaired_text(article):
    for element in article.elements:
        assert "\\$" not in element.text
        assert "**" not in element.text
        assert not element.text.startswith(">")
        assert not any(c in element.text for c in "¹²³") or element.kind == "footnote"


def test_seed_line_numbers(article):
    assert article.line_of(article.sections[0].start) == 25
    assert article.line_of(0) == 1


@pytest.mark.parametrize(("date_text", "message"), [
    ("31/02/2017", r"received date '31/02/2017' is not a calendar date"),
    ("2017-06-04", r"received date '2017-06-04' is not DD/MM/YYYY"),
])
def test_bad_front_matter_date_names_file_and_line(tiny, date_text, message):
    text = tiny.text.replace("RECEBIDO EM: 01/02/2020", f"RECEBIDO EM: {date_text}")
    article = parse_article(text, "tiny", "tiny/article.txt")
    with pytest.raises(SeedError, match=rf"^tiny/article.txt:19: {message}"):
        _ = article.received
