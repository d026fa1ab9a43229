"""The PDF reader on the corpus's publisher PDFs, checked against the same articles' JATS text."""

from __future__ import annotations

import pytest

from histkit.core.errors import ConversionError
from histkit.file.pdf import convert_pdf
from histkit.text.ingest import parse_article

from ..conftest import CORPUS

ECOS, ACTA, HOEHNEA = "ecos-china-new-normal", "acta-amazonica-land-cover", "hoehnea-senna-extracts"


@pytest.fixture(scope="module")
def made():
    return {name: convert_pdf(CORPUS / name / "article.pdf") for name in (ECOS, ACTA, HOEHNEA)}


def _jats(name):
    return parse_article((CORPUS / name / "article.txt").read_text(encoding="utf-8"), name)


@pytest.mark.parametrize("name", [ECOS, ACTA, HOEHNEA])
def test_sections_and_reference_entries_of_the_jats_are_found(made, name):
    jats, pdf = _jats(name), parse_article(made[name].text, name)
    headings = [s.heading for s in pdf.sections]
    # hoehnea's JATS glues a table label to a heading ("Resultados e discussãoTabela 3"); the PDF prints it apart
    wanted = [s.heading.split("Tabela")[0] for s in jats.sections]
    assert [h for h in wanted if h not in headings] == []
    assert abs(len(pdf.references) - len(jats.references)) <= 3


def test_two_columns_are_read_left_then_right(made):
    # acta-amazonica is set in two columns: the paragraphs of its introduction come out whole, as the JATS
    # prints them (italics and spaces aside: the JATS drops a space after an italic word, "*sensu*Whittaker")
    def plain(text):
        return "".join(text.replace("*", "").split())

    pdf = {plain(e.text) for e in parse_article(made[ACTA].text, ACTA).of_kind("paragraph")}
    jats = [plain(e.text) for e in _jats(ACTA).of_kind("paragraph") if e.section == 1]
    assert len(jats) >= 4 and all(p in pdf for p in jats)


def test_running_heads_and_page_numbers_are_removed_and_recorded(made):
    text, changes = made[HOEHNEA].text, made[HOEHNEA].changes
    heads = [c for c in changes if c.kind == "running-head"]
    assert "Hoehnea 49: e1112020, 2022" not in text.split("ISSN")[0][2000:]
    assert {c.page for c in heads} >= set(range(2, 11))
    assert any(c.text.endswith("Hoehnea 49: e1112020, 2022") for c in heads)
    numbers = [c for c in made[ACTA].changes if c.kind == "page-number"]
    assert [c.text for c in numbers if c.page in (2, 3, 4)] == ["272", "273", "274"]
    assert all(0 <= c.offset <= len(made[name].text) for name in made for c in made[name].changes)


@pytest.mark.parametrize(("name", "banner"), [
    # "Hoehnea 49:" alone is one of hoehnea's banner lines too, but its "Como citar" line prints it again
    (HOEHNEA, ["Artigo", "e1112020, 4 tab., 3 fig., 2022 http://dx.doi.org/10.1590/2236-8906-111/2020"]),
    (ACTA, ["http://dx.doi.org/10.1590/1809-4392202202951", "AGRONOMY AND FORESTRY | ORIGINAL ARTICLE"]),
    (ECOS, ["Economia e Sociedade, Campinas, Unicamp. IE", "http://dx.doi.org/10.1590/1982-3533.2024v33n3.282794"]),
])
def test_the_first_pages_banner_above_the_title_is_removed_and_recorded(made, name, banner):
    # The journal's name, volume, year, DOI and section printed above the title on page 1 only: the publisher's
    # JATS text prints none of them, and the PDF's text must not read them as author notes (hoehnea's "2022" became
    # a dated statement)
    jats = (CORPUS / name / "article.txt").read_text(encoding="utf-8")
    recorded = [c.text for c in made[name].changes if c.kind == "banner"]
    assert all(line in recorded and line not in made[name].text and line not in jats for line in banner)
    assert {c.page for c in made[name].changes if c.kind == "banner"} == {1}
    front = parse_article(made[name].text, name).of_kind("front-matter")
    assert not any(line in e.text for e in front for line in banner)


def test_page_foot_notes_follow_the_paragraph_that_calls_them(made):
    blocks = made[ECOS].text.split("\n\n")
    at = next(i for i, b in enumerate(blocks) if "large proportions¹, signaling" in b)
    assert blocks[at + 1].startswith("¹ A representative synthesis is provided in the 2023 Trade Development Report")
    notes = {n.number: n.text for n in parse_article(made[ECOS].text, ECOS).footnotes}
    jats = {n.number: n.text for n in _jats(ECOS).footnotes}
    # the PDF prints an ellipsis character where the JATS has three full stops: "[…]" and "[...]"
    assert notes[1].replace("…", "...") == jats[1]
    assert len(notes) >= 0.7 * len(jats)


def test_notes_on_the_title_and_authors_close_the_front_matter(made):
    # ecos-china-new-normal's first page prints four notes labelled "*" to "****" under the introduction's first
    # lines; its JATS prints the affiliations after the keywords, before "Introduction", and the paragraph whole
    text = made[ECOS].text
    assert text.startswith("The “new normal” of the Chinese economy\n\n*Carlos Aguiar de Medeiros*, "
                           "*Esther Majerowicz Gouveia*\n\n")
    front, intro = text.split("\n\nIntroduction\n\n")
    assert front.endswith("\n\n**** Adjunct professor at the Federal University of Rio Grande do Norte, (UFRN), Natal, "
                          "RN, Brazil. E-mail: estherzinhamj @yahoo.com.br. ORCID: https://orcid.org/0000-0001-6055-2788.")
    assert "\n\n* Article received on January 30, 2024 and approved on March 19, 2024.\n\n" in front
    assert "signaling a slowdown concerning China’s historically high growth regime expressed" in intro
    marks = [c.text for c in made[ECOS].changes if c.kind == "note-mark"]
    assert marks[0] == "*" and len(marks) == 3
    article = parse_article(text, ECOS)
    assert article.front["author"].text == "Carlos Aguiar de Medeiros, Esther Majerowicz Gouveia"
    assert article.body[0].text.endswith("of large proportions, signaling major structural problems.")
    # acta-amazonica: "MIRANDA¹*", the sign in the names' own type; the JATS names the same six authors
    names = _jats(ACTA).front["author"].text.split("; ")
    assert parse_article(made[ACTA].text, ACTA).front["author"].text == ", ".join(names[:-1]) + " and " + names[-1]
    assert "(*) or Dunn’s test" in made[ACTA].text and "*Exótica, **Endêmica do Brasil" in made[HOEHNEA].text


def test_text_in_two_columns_above_a_table_across_the_page_is_kept(made):
    # acta-amazonica's page 276 and hoehnea's page 8 print two columns of text above a table across the page:
    # they were read as one column, and their lines became table cells (acta lost four paragraphs) or ran into
    # the figure caption before them
    jats = (CORPUS / ACTA / "article.txt").read_text(encoding="utf-8")
    for start in ("being Simpson’s evenness in the upper stratum, which had a power of 0.49",
                  "In the upper stratum, most measures significantly differentiated among the"):
        assert start in jats and start in made[ACTA].text, start
    text = made[HOEHNEA].text
    assert "Hollow symbols: stem.]" in text and "Hollow symbols: stem. as espécies" not in text
    assert "evidenciou-se atividade antifúngica das espécies frente a maioria dos dermatófitos" in text


@pytest.mark.parametrize(("name", "joined"), [
    (ACTA, "the only exception being Simpson’s evenness"),  # Tables 1 to 3 printed between the two halves
    (ACTA, "each plot located within one of the six dominant land cover types on the property. The six dominant"),
    (HOEHNEA, "capacidade antioxidante para todas as espécies, em especial"),  # Figures 2 and 3, Table 4 between
    (HOEHNEA, "por meio de reações químicas que resultaram no aparecimento"),
])
def test_a_paragraph_cut_by_a_figure_or_table_is_joined_and_the_caption_follows_it(made, name, joined):
    # the JATS prints each of these passages in one paragraph; the PDF prints a figure or a table inside it
    assert joined in (CORPUS / name / "article.txt").read_text(encoding="utf-8")
    blocks = made[name].text.split("\n\n")
    at = next(i for i, b in enumerate(blocks) if joined in b)
    assert blocks[at + 1].startswith("[") or blocks[at + 1][:1].isupper()


def test_a_charts_legend_after_its_labels_is_kept_apart_and_a_paragraphs_short_last_line_kept(made):
    # ecos-china-new-normal's Graphs 5 to 7 print legends ("Urban formal Rural migrant workers") and an axis in one
    # line ("0,0% 5,0% ..."); the legend became a section heading and ran into a paragraph. The short last line of
    # Graph 5's source note, "(221,5 hours).", and of acta's last reference, "443-455.", were taken for chart labels
    text, jats = made[ECOS].text, (CORPUS / ECOS / "article.txt").read_text(encoding="utf-8")
    assert "Urban formal Rural migrant workers" not in text and "0,0% 5,0% 10,0%" not in text
    assert "the essential energy basis in China" in jats and "the essential energy basis in China" in text
    assert "Urban formal Rural migrant workers" not in [s.heading for s in parse_article(text, ECOS).sections]
    assert "2013, and 2014 (i.e. 221,5 hours)." in text and "2013, and 2014 (i.e. 221,5 hours)." in jats
    legends = [c.text for c in made[ECOS].changes if c.kind == "figure-text"]
    assert any(t.endswith("| Urban formal Rural migrant workers") for t in legends)
    assert "*Applied Vegetation Science*, 18: 443-455." in made[ACTA].text


def test_tables_are_kept_apart_and_captions_bracketed(made):
    text = made[ACTA].text
    assert "\n\n[Table 2. Values for 26 diversity measures (mean + standard deviation) in the lower stratum" in text
    cells = [c for c in made[ACTA].changes if c.kind == "table-cells"]
    assert len(cells) >= 4
    assert all(c.text not in text for c in cells)


def test_a_hyphen_printed_at_a_lines_end_before_a_capital_or_a_digit_is_kept_without_a_space(made):
    # the JATS prints these as one word or span: the hyphen is the article's, the line break is not
    text = made[HOEHNEA].text
    jats = (CORPUS / HOEHNEA / "article.txt").read_text(encoding="utf-8")
    for word in ("Folin-Ciocalteau", "Sanchez-Moreno", "0,60-0,79", "934-940", "El-Naggar"):
        assert word in jats and word in text, word
    assert "Sanchez- Moreno" not in text and "- 940" not in text and "El- Naggar" not in text


def test_a_tables_last_row_stays_in_the_table_when_one_of_its_cells_spans_the_gutter(made):
    # hoehnea's Tabela 1 ends "*S. trachypus* ... pau-de-besouro | Graça | 21776": its first cells cross the middle
    # of the page, its last two sit in the right column; they went into the next paragraph, which the JATS prints
    # whole ("... a partir dos valores das concentrações finais da amostra ...")
    text = made[HOEHNEA].text
    assert "a partir dos valores das concentrações finais da amostra" in text
    assert "\n\nGraça\n\n" not in text and "21776" not in text
    (cells,) = [c.text for c in made[HOEHNEA].changes if c.kind == "table-cells" and "pau-de-besouro" in c.text]
    assert "Graça | 21776" in cells  # recorded with the table's other cells
    # the caption ends where it does on the page; the table's first cell ("Espécies") is not the caption's
    assert "Source: Herbário Francisco José de Abreu Matos (HUVA).]" in text and cells.startswith("Espécies")


def test_an_apostrophe_set_apart_in_the_pdf_is_read_in_its_word(made):
    jats = (CORPUS / ECOS / "article.txt").read_text(encoding="utf-8")
    for words in ("Understanding China’s overcapacity", "contribute to China’s GDP"):
        assert words in jats and words in made[ECOS].text.replace("*", ""), words
    assert "China ’s" not in made[ECOS].text


def test_a_slash_at_a_lines_end_joins_the_next_word(made):
    # hoehnea prints "coloração e/" at a line's end and "ou precipitado" on the next; its JATS prints "e/ou"
    jats = (CORPUS / HOEHNEA / "article.txt").read_text(encoding="utf-8")
    assert "aparecimento de coloração e/ou precipitado" in jats
    assert "aparecimento de coloração e/ou precipitado" in made[HOEHNEA].text


@pytest.mark.parametrize(("name", "colophon"), [
    (ECOS, "*Carolina Troncoso Baltar* | EDITOR RESPONSÁVEL PELA AVALIAÇÃO"),
    (HOEHNEA, "Editora Associada: Catarina Carvalho Nievola | Submissão: 14/10/2020 | Aceite: 03/12/2021"),
])
def test_what_the_journal_prints_under_the_reference_list_is_no_entry(made, name, colophon):
    # set apart under the last entry by white space; ingest read it as an entry no citation calls
    assert [c.text for c in made[name].changes if c.kind == "colophon"] == [colophon]
    assert colophon.split(" | ")[-1] not in made[name].text
    refs = parse_article(made[name].text, name).references
    assert len(refs) == len(_jats(name).references)


def test_italic_type_is_marked(made):
    assert "(Pellerin *et al*. 2019)" in made[HOEHNEA].text


def _scan(path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    bitmap = pdfium.PdfBitmap.new_native(200, 100, raw.FPDFBitmap_BGRA)
    bitmap.fill_rect((90, 90, 90, 255), 0, 0, 200, 100)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(400, 200).translate(100, 500))
    page.insert_obj(image)
    page.gen_content()
    pdf.save(str(path))
    return path


def test_a_scan_without_text_is_refused(tmp_path):
    with pytest.raises(ConversionError, match=r"scan\.pdf: the PDF has no text layer \(a scan\?\); run OCR on it"):
        convert_pdf(_scan(tmp_path / "scan.pdf"))


def test_an_encrypted_pdf_is_refused(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(CORPUS / HOEHNEA / "article.pdf"))
    writer.encrypt("secret", algorithm="AES-128")
    locked = tmp_path / "locked.pdf"
    writer.write(str(locked))
    with pytest.raises(ConversionError, match=r"locked\.pdf: the PDF is encrypted with a password; save a copy"):
        convert_pdf(locked)
