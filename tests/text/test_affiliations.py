"""The authors' affiliations as the article prints them, on corpus articles (JATS text and publishers' PDFs)."""

from __future__ import annotations

import pytest

from histkit.file.pdf import convert_pdf
from histkit.text.affiliations import affiliations
from histkit.text.ingest import parse_article

from ..conftest import CORPUS, ROOT


def _quotes(article):
    found = affiliations(article)
    assert all(article.text[a.start : a.end] == a.quote for a in found)  # provenance
    return [a.quote for a in found]


def test_each_affiliation_printed_under_the_authors_is_found(corpus):
    # ciedu-saresp prints one, on its own line after the keywords
    assert _quotes(corpus["ciedu-saresp"]) == [
        "Universidade Estadual Paulista (UNESP), Faculdade de Ciências e Letras, Departamento de Educação, "
        "Araraquara, SP, Brasil"]
    # bragantia-grapevine prints two, one for each group of authors
    assert _quotes(corpus["bragantia-grapevine"]) == [
        "Universidade Estadual Paulista “Júlio de Mesquita Filho” – Faculdade de Ciências Agronômicas – "
        "Departamento de Produção Vegetal – Botucatu (SP), Brazil",
        "Instituto Agronômico – Centro de Solos e Recursos Ambientais – Campinas (SP), Brazil"]


def test_contact_details_are_left_out_and_places_after_a_full_stop_kept(corpus):
    # oes-tourism-gentrification: "Federal University of Viçosa, Viçosa, Brazil. Email: arianebsm@gmail.com; ..."
    assert _quotes(corpus["oes-tourism-gentrification"]) == [
        "Federal University of Viçosa, Viçosa, Brazil", "Technical School of Rio de Janeiro State, Três Rios, Brazil"]
    # edur-literatura-indigena: "Universidade do Estado da Bahia-UNEB. Caetité, Bahia (BA), Brasil."
    edur = _quotes(corpus["edur-literatura-indigena"])
    assert edur[0] == "Universidade do Estado da Bahia-UNEB. Caetité, Bahia (BA), Brasil"
    # ecos-china-new-normal: a full stop inside brackets, "(IE. UFRJ)", does not end the affiliation
    assert _quotes(corpus["ecos-china-new-normal"])[0].endswith("Federal University of Rio de Janeiro, (IE. UFRJ), "
                                                                 "Rio de Janeiro, RJ, Brazil")


def test_notes_that_name_no_institution_are_not_affiliations(corpus):
    # rdbci-bibliotecas' structured abstract ("Objetivo: ...", "Resultados: ...") is read as notes on the authors;
    # ensaio-deficiencia's keywords and translated titles too: none is an affiliation
    rdbci = _quotes(corpus["rdbci-bibliotecas"])
    assert rdbci == ["Instituto Federal da Paraíba. João pessoa, PB - Brasil",
                     "Universidade Federal do Rio de Janeiro. Rio de Janeiro, RJ - Brasil"]  # the first printed twice
    assert _quotes(corpus["ensaio-deficiencia"]) == ["Universidade Estadual Paulista , Bauru , SP , Brasil",
                                                     "Universidade Federal de São Carlos , São Carlos , SP , Brasil"]


def test_a_degree_before_and_a_biography_after_are_left_out():
    # the first article's note: "Ph.D. in History. Senior Researcher and Professor, Centro de Investigaciones y
    # Estudios Superiores en Antropología Social (CIESAS), Mexico City. She is the author of works on ..."
    text = (ROOT / "seeds" / "spenser-bolsheviks-mexico" / "article.txt").read_text(encoding="utf-8")
    assert _quotes(parse_article(text, "first")) == [
        "Senior Researcher and Professor, Centro de Investigaciones y Estudios Superiores en Antropología Social "
        "(CIESAS), Mexico City"]


@pytest.mark.parametrize(("name", "first", "count"), [
    # hoehnea prints each affiliation under its marker ("¹ Universidade Estadual do Ceará, ..."); "⁴ Autor para
    # correspondência: ..." names no institution
    ("hoehnea-senna-extracts", "Universidade Estadual do Ceará, Centro de Ciências e Tecnologia", 3),
    # acta-amazonica's PDF joins its two in one block, "¹ Universidade ... Brazil ² Instituto ... * Corresponding"
    ("acta-amazonica-land-cover", "Universidade Federal Rural da Amazônia, Programa de Pós-Graduação", 2),
    # ecos-china-new-normal's are notes at the first page's foot, marked "**", "***", "****" as on the author line
    ("ecos-china-new-normal", "Emeritus Professor of the Postgraduate Programs at the Institute of Economics", 3),
])
def test_the_affiliations_of_a_pdf_are_those_of_its_jats(name, first, count, corpus):
    pdf = _quotes(parse_article(convert_pdf(CORPUS / name / "article.pdf").text, name))
    jats = _quotes(corpus[name])
    assert len(pdf) == count and pdf[0].startswith(first)
    assert pdf == jats
