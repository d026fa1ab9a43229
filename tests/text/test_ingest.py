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
    ("Title\n\nSome text without any headings.\n", "no body was found"),
    ("Title\n\nAUTHOR\n", "no body was found"),
]


@pytest.mark.parametrize(("text", "message"), BAD_TEXTS)
def test_text_without_a_body_is_an_error(text, message):
    with pytest.raises(SeedError, match=message):
        parse_article(text, "bad", "bad/article.txt")


def test_text_without_reference_list_is_read_with_a_warning():
    article = parse_article("Title\n\n1 INTRODUCTION\n\nA paragraph.\n", "bad", "bad/article.txt")
    assert [s.heading for s in article.sections] == ["1 INTRODUCTION"]
    assert [w.kind for w in article.warnings] == ["no-references"]
    assert article.references == []


def test_error_names_the_file():
    with pytest.raises(SeedError, match=r"^bad/article.txt: "):
        parse_article("Title\n", "bad", "bad/article.txt")


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


# The five page breaks inside body paragraphs (docs/data-contract.md, section 1, names the kind).
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


# --- real articles of the development corpus (issue 11) ----------------------------------------

from histkit.text.ingest import heading_of, is_references_heading  # noqa: E402

# (block as printed, expected (label, title) or None); the article each case comes from is named.
HEADINGS = [
    ("1 INTRODUÇÃO", ("1", "INTRODUÇÃO")),  # rdbci-bibliotecas
    ("1 A Teoria das Implicaturas", ("1", "A Teoria das Implicaturas")),  # bak-p58270
    ("3.1 Do grande cronotopo ao Tribunal do Júri", ("3.1", "Do grande cronotopo ao Tribunal do Júri")),  # bak-p59099
    ("Introducción", ("", "Introducción")),  # mediacoes-cambiemos
    ("Considerações finais", ("", "Considerações finais")),  # bak-p59099, bak-p59610
    ("Shifting growth drivers: end of the low road?", ("", "Shifting growth drivers: end of the low road?")),  # ecos
    ("E então, literatura indígena ou nativa?", ("", "E então, literatura indígena ou nativa?")),  # edur
    ("“Volver al Mundo”", ("", "“Volver al Mundo”")),  # mediacoes-cambiemos
    ("IV - RESULTADOS", ("IV", "RESULTADOS")),  # fixture: Roman numeral with a dash
    ("II. Methods", ("II", "Methods")),  # fixture: Roman numeral with a period
    ("2. Métodos", ("2", "Métodos")),  # fixture: Arabic numeral with a period
    ("Entretanto,", None),  # bak-p59553: a sentence cut by a line break
    ("A foto foi retirada da matéria;", None),  # bak-p59610: list item
    ("la necesidad de *rehabilitar el crédito externo* ;", None),  # mediacoes: list item
    ("3) [2º DEPOENTE]: *Não.*", None),  # bak-p59099: numbered turn of a transcript
    ("Graph 1 GDP growth rate (1978-2023) Source: NBS (2024).", None),  # ecos: caption
    ("Figura 4 La Pasionaria¹⁷", None),  # bak-p59610: caption
    ("We would gain a lot. (SMITH, 1990, p. 3)", None),  # fixture: quotation ending in a citation
    ("Federal University of Viçosa, Viçosa, Brazil. Email: a@b.br", None),  # oes: affiliation
]


@pytest.mark.parametrize(("raw", "expected"), HEADINGS)
def test_heading_of(raw, expected):
    assert heading_of(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("REFERÊNCIAS", True),  # bak-p58270 and four more
        ("Referências", True),  # ciedu-saresp
        ("Referencias", True),  # mediacoes-cambiemos
        ("References", True),  # ecos, oes
        ("REFERÊNCIAS - Livros:", True),  # edur-literatura-indigena
        ("Bibliografía", True),  # fixture
        ("7 REFERENCES", True),  # fixture: numbered
        ("Referências a Bakhtin aparecem em toda a obra.", False),  # fixture: a sentence
    ],
)
def test_reference_headings(raw, expected):
    assert is_references_heading(raw) is expected


def test_every_corpus_article_is_read(corpus):
    for name, art in corpus.items():
        assert art.body, name
        assert art.references, name
        for element in art.elements:
            assert all(art.text[a:b].strip() == art.text[a:b] for a, b in element.pieces), name


def test_corpus_headings_numbered_and_unnumbered(corpus):
    assert [s.heading for s in corpus["mediacoes-cambiemos"].sections][:4] == [
        "Introducción",
        "Algunos Mojones Teóricos Para el Análisis de los Discursos Sociales",
        "El Discurso Como Práctica Social Acotadayla Hegemonía Discursiva",
        "Sobre el ACD Como Modo de Abordaje Empírico",
    ]
    assert [s.heading for s in corpus["rdbci-bibliotecas"].sections][-2:] == ["6 CONSIDERAÇÕES FINAIS", "REFERÊNCIAS"]
    assert [s.heading for s in corpus["bak-p58270"].sections] == [
        "Introdução",
        "1 A Teoria das Implicaturas",
        "2 Os atos de discurso indiretos",
        "3 Da relação entre as teorias vistas",
        "4 Alguns exemplos",
        "Conclusão",
        "REFERÊNCIAS",
    ]


def test_corpus_front_matter_labels_in_three_languages(corpus):
    assert {"title", "author", "abstract_es", "keywords_es", "abstract", "keywords"} <= set(
        corpus["mediacoes-cambiemos"].front
    )
    assert corpus["mediacoes-cambiemos"].keywords["es"][0] == "Bloque de poder"
    assert corpus["mediacoes-cambiemos"].keywords["en"][0] == "Power Bloc"
    front = corpus["ciedu-saresp"].front
    assert front["abstract_pt"].text.startswith("O presente estudo investiga")
    assert front["abstract"].text.startswith("This study investigates")
    assert corpus["ciedu-saresp"].keywords["pt"][-1] == "SARESP"
    assert corpus["ecos-china-new-normal"].front["jel"].text == "O53, O47, O49."


def test_corpus_captions_kept_apart(corpus):
    captions = [e.text for e in corpus["ciedu-saresp"].captions]
    assert "[Tabela 1 Percentual de alunos, por região, nos níveis de proficiência em matemática]" in captions
    ecos = corpus["ecos-china-new-normal"]
    assert any(c.text.startswith("Graph 1 GDP growth rate") for c in ecos.captions)
    assert any(p.text.startswith("Graph 1 displays the evolution") for p in ecos.body)


def test_corpus_footnotes_wherever_they_sit(corpus):
    # "(¹) ..." notes in ecos and "¹ ..." notes in the others; rdbci's note 7 sits just before its list.
    assert [n.number for n in corpus["ecos-china-new-normal"].footnotes][:3] == [1, 2, 3]
    assert 7 in [n.number for n in corpus["rdbci-bibliotecas"].footnotes]
    assert len(corpus["bak-p58270"].footnotes) == 12


def test_reference_subheadings_are_not_entries(corpus):
    art = corpus["edur-literatura-indigena"]
    assert not any(r.text.endswith(":") for r in art.references)
    assert "reference-subheading" in {w.kind for w in art.warnings}


def test_book_review_without_headings_is_one_section_with_a_warning(corpus):
    art = corpus["bak-p59384"]
    assert [s.heading for s in art.sections] == ["", "REFERÊNCIAS"]
    assert [w.kind for w in art.warnings] == ["body-start"]
    assert art.body[0].kind == "blockquote"


def test_warnings_table_names_line_and_assumption(corpus):
    from histkit.text.tables import check_provenance, warnings_table

    table = warnings_table(corpus["edur-literatura-indigena"])
    assert "reference-subheading" in set(table["kind"])
    row = table[table["kind"] == "reference-subheading"].iloc[0]
    assert row["quote"].endswith(":") and "sub-heading" in row["assumed"]
    check_provenance(table, corpus["edur-literatura-indigena"].text, "warnings")
    assert warnings_table(corpus["mediacoes-cambiemos"]).empty


def test_numbered_heading_followed_by_its_first_subsection(corpus):
    # bak-p59099: "3 Análise dialógica ..." directly followed by "3.1 Do grande cronotopo ..."
    labels = [s.label for s in corpus["bak-p59099"].sections]
    assert labels[:6] == ["", "1", "2", "3", "3.1", "3.2"]
    # rdbci-bibliotecas: numbered sections 1 to 6
    assert [s.label for s in corpus["rdbci-bibliotecas"].sections][:6] == ["1", "2", "3", "4", "5", "6"]


def test_introduction_without_heading_is_an_untitled_opening_section(corpus):
    # bak-p59610 opens with two epigraphs and eight paragraphs before "1 Signo ideológico ...":
    # they are the body (with notes 1-2 and citations), not front matter.
    art = corpus["bak-p59610"]
    assert [s.heading for s in art.sections][:2] == [
        "",
        "1 Signo ideológico, relações dialógicas e valores. Ainda: anotações metodológicas",
    ]
    opening = [e for e in art.elements if e.section == 1]
    assert opening[0].kind == "blockquote" and opening[0].text.startswith("Todos os seres humanos nascem livres")
    assert any(e.text.startswith("O racismo é uma realidade social") for e in opening)
    assert {n.number for n in art.footnotes} >= {1, 2}
    assert "untitled opening" in next(w.message for w in art.warnings if w.kind == "body-start")
    assert not any(e.kind == "front-matter" and e.text.startswith(">") for e in art.elements)


def test_affiliations_before_the_first_heading_stay_front_matter(corpus):
    # ecos-china-new-normal and bak-p59099 print three affiliation notes between the keywords and
    # the first heading: short lines, no quotation, so the first heading still opens the body.
    for name in ("ecos-china-new-normal", "bak-p59099", "rdbci-bibliotecas"):
        art = corpus[name]
        assert art.sections[0].heading, name
        assert "body-start" not in {w.kind for w in art.warnings}, name


def test_untitled_opening_in_a_tiny_text():
    text = (
        "A Title\n\nAn Author\n\nABSTRACT A short abstract.\n\nKEYWORDS: one. two.\n\n"
        "University of Somewhere.\n\n\n> An epigraph of some words.\n\n"
        + "An opening paragraph " * 10
        + "(SMITH, 1990).\n\n1 FIRST HEADING\n\nA paragraph.\n\nREFERENCES\n\nSMITH, J. A book. London: P, 1990.\n"
    )
    art = parse_article(text, "tiny-opening")
    assert [s.heading for s in art.sections] == ["", "1 FIRST HEADING", "REFERENCES"]
    assert art.body[0].kind == "blockquote"
    assert not any("University of Somewhere" in e.text for e in art.body)


# --- front matter of articles nobody curated -------------------------------------------------


@pytest.mark.parametrize("name", ["bragantia-grapevine", "paz-mixed-flocks"])
def test_affiliations_after_the_last_label_are_notes_on_authors_not_titles(corpus, name):
    article = corpus[name]
    assert "title_pt" not in article.front
    notes = [e.text for e in article.of_kind("front-matter") if e.field.startswith("author_note")]
    assert len(notes) == 2 and all(n.startswith("Universidade") or n.startswith("Instituto") for n in notes)


def test_a_title_printed_without_its_own_abstract_is_a_title_in_another_language(corpus):
    front = corpus["mediacoes-cambiemos"].front
    assert front["title_other"].text.startswith("Vozes que Gritam Forte")  # Portuguese, no label says so
    assert front["title_en"].text.startswith("Voices That Shout Loudly")
    assert front["author_note"].text.startswith("Investigador de Conicet")
    assert "title_pt" not in front


def test_note_markers_joined_by_commas_and_a_label_led_by_a_dash_leave_nothing_behind():
    # as hoehnea-senna-extracts' PDF prints its front matter: "Neves¹,⁴," and "ABSTRACT – (Chemical ..."
    from histkit.file.pdf import convert_pdf
    from tests.conftest import CORPUS

    folder = CORPUS / "hoehnea-senna-extracts"
    front = parse_article(convert_pdf(folder / "article.pdf").text, "hoehnea").front
    jats = parse_article((folder / "article.txt").read_text(encoding="utf-8"), "hoehnea-jats").front
    names = jats["author"].text.split("; ")
    assert len(names) == 8
    assert front["author"].text == ", ".join(names[:-1]) + " and " + names[-1]
    assert front["abstract"].text.startswith("(Chemical prospecting and antioxidant")
    assert front["abstract_pt"].text.startswith("(Prospecção química, atividade antioxidante")
    tiny = parse_article("A Title\n\nAna Souza¹,², João Silva² and Pedro Paz¹\n\n¹ Somewhere.\n\n² Elsewhere.\n\n"
                         "RESUMO — Um resumo.\n\nABSTRACT - An abstract.\n\n1 INTRODUCTION\n\nA paragraph.\n", "tiny")
    assert tiny.front["author"].text == "Ana Souza, João Silva and Pedro Paz"
    assert tiny.front["abstract_pt"].text == "Um resumo." and tiny.front["abstract"].text == "An abstract."


def test_a_superscript_after_a_minus_sign_is_a_units_exponent_not_a_note():
    # hoehnea-senna-extracts' PDF prints concentrations as "0,15 mg mL-¹": the paragraph keeps its unit
    text = ("A Title\n\nAn Author\n\n1 INTRODUCTION\n\nAt 0,15 mg mL-¹ the extract acted, as Silva¹ saw.\n\n"
            "¹ A note.\n")
    art = parse_article(text, "tiny-units")
    (para,) = art.of_kind("paragraph")
    assert para.text == "At 0,15 mg mL-¹ the extract acted, as Silva saw."
    assert [art.text[r.start : r.end] for r in art.repairs if r.kind == "footnote-marker"] == ["¹"]


def test_a_structured_abstract_in_several_paragraphs_is_one_abstract(corpus):
    # rdbci-bibliotecas prints "RESUMO Introdução: ...", then "Objetivo: ...", "Metodologia: ...",
    # "Resultados: ...", "Conclusão: ..." as paragraphs of their own, before "PALAVRAS-CHAVE:".
    article = corpus["rdbci-bibliotecas"]
    abstract = article.front["abstract_pt"]
    assert abstract.text.startswith("Introdução: O desenvolvimento de políticas públicas")
    assert "Objetivo: O presente artigo discute" in abstract.text
    assert abstract.text.endswith("como agente de inovação em institutos federais.")
    assert len(abstract.pieces) == 5
    assert all(article.text[a:b] in abstract.text for a, b in abstract.pieces[1:])
    notes = [e.text for e in article.of_kind("front-matter") if e.field.startswith("author_note")]
    assert len(notes) == 3 and all("e-mail:" in n for n in notes)


def test_a_block_after_an_abstract_with_no_keywords_after_it_is_not_the_abstract():
    text = ("A Title\n\nAn Author\n\nABSTRACT One paragraph.\n\nA second paragraph.\n\nKEYWORDS: one. two.\n\n"
            "RESUMO Um resumo.\n\nUniversidade de Algures.\n\n1 INTRODUCTION\n\nA paragraph.\n")
    front = parse_article(text, "tiny-structured").front
    assert front["abstract"].text == "One paragraph. A second paragraph."
    assert front["abstract_pt"].text == "Um resumo."
    assert front["author_note"].text == "Universidade de Algures."


def test_keywords_printed_without_a_label_after_the_abstract_are_keywords(corpus):
    # oes-tourism-gentrification's JATS <kwd-group> has no <title>: "gentrification. tourism urbanization.
    # tourism policies." follows the English abstract; ensaio-deficiencia prints each abstract's keywords so.
    assert corpus["oes-tourism-gentrification"].keywords == {
        "en": ["gentrification", "tourism urbanization", "tourism policies"]}
    ensaio = corpus["ensaio-deficiencia"]
    assert ensaio.keywords["pt"] == ["Concepção", "Pessoa com Deficiência", "Educação Superior", "Políticas públicas"]
    assert ensaio.keywords["es"][0] == "Concepción"
    assert ensaio.front["title_en"].text.startswith("Conceptions on disability in public and private")
    notes = [e.text for e in corpus["oes-tourism-gentrification"].of_kind("front-matter")
             if e.field.startswith("author_note")]
    assert notes[0].startswith("Federal University of Viçosa") and len(notes) == 2


def test_an_affiliation_after_an_abstract_is_not_a_keyword_list():
    text = ("A Title\n\nAn Author\n\nABSTRACT An abstract.\n\nUniversity of Somewhere, Some City, Brazil.\n\n"
            "Another School. Rio de Janeiro, Brazil. e-mail: a@b.c\n\n1 INTRODUCTION\n\nA paragraph.\n")
    article = parse_article(text, "tiny-affiliation")
    assert article.keywords == {}
    assert article.front["author_note"].text == "University of Somewhere, Some City, Brazil."


def test_keywords_in_italics_lose_their_asterisks(corpus):
    # bak-p59610 prints "PALAVRAS-CHAVE: *Black Lives Matter*. Bakhtin e o Círculo. ..." (the movement's name in
    # italics): the keyword is the name, as seed.toml and the JDH export carry it.
    assert corpus["bak-p59610"].keywords["pt"][:2] == ["Black Lives Matter", "Bakhtin e o Círculo"]

def test_a_label_alone_on_its_line_names_the_block_under_it():
    # as the publishers' PDFs set it: "ABSTRACT" (acta-amazonica) or "Abstract" (ecos) as a heading over
    # the abstract's paragraph, and "RESUMO" under the title in Portuguese
    text = ("A Title\n\nAna Souza and João Silva\n\nABSTRACT\n\nWe measured things.\n\nKEYWORDS: one; two\n\n"
            "Um título\n\nRESUMO\n\nMedimos coisas.\n\nPALAVRAS-CHAVE: um; dois\n\nINTRODUCTION\n\nA paragraph.\n")
    front = parse_article(text, "tiny-lone").front
    assert front["abstract"].text == "We measured things."
    assert front["title_pt"].text == "Um título"
    assert front["abstract_pt"].text == "Medimos coisas."
    assert not any(name.startswith("author_note") for name in front)


def test_a_label_over_a_title_in_italics_then_its_abstract():
    # ecos-china-new-normal's PDF: "Resumo *O “novo normal” da economia chinesa*", the abstract below
    text = ("The new normal\n\nAn Author\n\nAbstract\n\nWe examine growth.\n\nKeywords: China.\n\n"
            "Resumo *O “novo normal” da economia chinesa*\n\nO presente artigo examina.\n\n"
            "Palavras-chave: China.\n\nIntroduction\n\nA paragraph.\n")
    front = parse_article(text, "tiny-italic-title").front
    assert front["title_pt"].text == "O “novo normal” da economia chinesa"
    assert front["abstract_pt"].text == "O presente artigo examina."
    assert front["abstract"].text == "We examine growth."


@pytest.mark.parametrize(("name", "fields"), [
    ("acta-amazonica-land-cover", {"abstract": "Measurements of biodiversity can be used",
                                   "title_pt": "Diferenciação da diversidade entre diferentes tipos",
                                   "abstract_pt": "Medidas da biodiversidade podem ser usadas"}),
    ("ecos-china-new-normal", {"abstract": "We examine the drivers of China’s recent",
                               "title_pt": "O “novo normal” da economia chinesa",
                               "abstract_pt": "O presente artigo examina os fundamentos",
                               "jel": "O53, O47, O49."}),
])
def test_abstracts_of_the_publishers_pdfs(name, fields):
    from histkit.file.pdf import convert_pdf
    from tests.conftest import CORPUS

    front = parse_article(convert_pdf(CORPUS / name / "article.pdf").text, name).front
    for field, start in fields.items():
        assert front[field].text.startswith(start), field


def test_a_label_after_the_keywords_full_stop_starts_its_own_field():
    # ecos-china-new-normal's PDF sets "JEL: O53, O47, O49." close under the Portuguese keywords: one paragraph
    text = ("A Title\n\nAn Author\n\nResumo: Um resumo.\n\nPalavras-chave: Novo normal; China. JEL: O53, O47.\n\n"
            "Introduction\n\nA paragraph.\n")
    art = parse_article(text, "tiny-jel")
    assert art.front["keywords_pt"].text == "Novo normal; China." and art.front["jel"].text == "O53, O47."


def test_keywords_separated_by_semicolons_are_each_a_keyword():
    # acta-amazonica and ecos-china-new-normal print "KEYWORDS: Amazon conservation; Acará River valley; ..."
    text = ("A Title\n\nAn Author\n\nABSTRACT: An abstract.\n\nKEYWORDS: Amazon conservation; Acará River valley; "
            "life forms\n\nPalavras-chave: Novo normal. China.\n\nINTRODUCTION\n\nA paragraph.\n")
    art = parse_article(text, "tiny-semicolons")
    assert art.keywords == {"en": ["Amazon conservation", "Acará River valley", "life forms"],
                            "pt": ["Novo normal", "China"]}


def test_the_dates_a_note_on_the_title_prints_are_the_received_and_approved_dates():
    # ecos-china-new-normal's note "*" on its title: "Article received on January 30, 2024 and approved on March 19,
    # 2024." (its JATS <history> holds the same two dates)
    from datetime import date

    text = ("The new normal\n\nAn Author\n\nAbstract: We examine growth.\n\nKeywords: China.\n\n"
            "* Article received on January 30, 2024 and approved on March 19, 2024.\n\n"
            "** Professor at a University, Rio de Janeiro, Brazil.\n\nIntroduction\n\nA paragraph.\n")
    art = parse_article(text, "tiny-history")
    assert (art.received, art.approved) == (date(2024, 1, 30), date(2024, 3, 19))
    assert art.front["received"].text == "January 30, 2024"
    assert art.front["author_note"].text.startswith("* Article received on")
