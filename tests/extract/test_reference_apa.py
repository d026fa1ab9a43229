"""What follows "(Year)." in an APA entry: article, chapter or book (oes-tourism-gentrification and fixtures)."""

from __future__ import annotations

import pytest

from histkit.extract.reference_apa import apa_body, clean
from histkit.extract.references import parse_entry


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            # oes-tourism-gentrification: journal in italics, volume in italics, issue, pages, a bare DOI
            "Meethan, K. (1997). York: managing the tourist city. *Cities* , *16* (6), 333-342. "
            "10.1016/S0264-2751(97)00024-2",
            {"kind": "article", "title": "York: managing the tourist city", "container": "Cities", "volume": "16",
             "issue": "6", "pages": "333-342", "year": "1997"},
        ),
        (
            # oes-tourism-gentrification: "In" without a colon opens a chapter
            "Smith, N. (2007). A gentrificação generalizada. In C. Bidou-Zachariasen. *De volta à cidade*. "
            "São Paulo, SP: Annablume, 59-87.",
            {"kind": "chapter", "title": "A gentrificação generalizada", "year": "2007"},
        ),
        (
            # oes-tourism-gentrification: "Place: Publisher." with the year before the title
            "Bardin, L. (2016). Análise de conteúdo. São Paulo, SP: Edições 70.",
            {"kind": "book", "title": "Análise de conteúdo", "place": "São Paulo, SP", "publisher": "Edições 70"},
        ),
        (
            # fixture: an APA article without an issue
            "Lee, V. E. (2001). Multilevel questions. *Educational Research*, *30*, 10-20.",
            {"kind": "article", "container": "Educational Research", "volume": "30", "issue": "", "pages": "10-20"},
        ),
    ],
)
def test_apa_entries(entry, expected):
    ref = parse_entry(entry, "r", 1)
    assert {k: getattr(ref, k) for k in expected} == expected


def test_apa_editors():
    # oes-tourism-gentrification: "(Org.)" before the year makes the names editors
    ref = parse_entry("Steinberger, M. (Org.) (2009) Territórios Turísticos. Brasília, DF: LGE.", "r", 1)
    assert ([n.family for n in ref.editors], ref.authors, ref.year) == (["Steinberger"], (), "2009")
    ref = parse_entry("Silva, A. (Ed.). (2010). Um livro. Recife: UFPE.", "r", 1)  # fixture
    assert ([n.family for n in ref.editors], ref.year, ref.title) == (["Silva"], "2010", "Um livro")


def test_abnt_entry_is_not_read_as_apa():
    # the seed's form: the year last, read by the ABNT forms before apa_body is ever tried
    ref = parse_entry("BARRIOS, E. El escuadrón de hierro. Mexico City: Cultura Popular, 1978.", "r", 1)
    assert (ref.kind, ref.place, ref.year) == ("book", "Mexico City", "1978")
    assert apa_body("Something without any shape") is None
    assert clean("**Survey 55**, *Cities*") == "Survey 55, Cities"


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            # paz-mixed-flocks: CSE name-year, the journal in roman type, "volume(issue): pages"
            "Aleixo, A. 1997. Composition of mixed-species bird flocks and abundance of flocking species in a "
            "semideciduous forest of southeastern Brazil. Ararajuba, 5(6): 11-18.",
            {"kind": "article", "container": "Ararajuba", "volume": "5", "issue": "6", "pages": "11-18",
             "year": "1997", "place": "", "publisher": ""},
        ),
        (
            # acta-amazonica-land-cover: the journal in italics, no issue; it had been a book published by "105-113"
            "Almeida, A.S.; Vieira, I.C.G.; Moura, N.; Lees, A.C. 2020b. Heterogeneity of tree diversity and carbon "
            "stocks in Amazonian oil palm landscapes. *Plant Ecology and Diversity*, 13: 105-113.",
            {"kind": "article", "container": "Plant Ecology and Diversity", "volume": "13", "pages": "105-113",
             "publisher": ""},
        ),
        (
            # hoehnea-senna-extracts: no comma before the volume, an article number for pages
            "Barnaby, A.G., Reid, R. & Warren, D. 2016. Antioxidant activity, total phenolics and fatty acid profile "
            "of *Delonix regia*, *Cassia fistula*, *Spathodea campanulata*, *Senna siamea* and *Tibouchina "
            "granulosa*. J Anal Pharm Res 3: 00056.",
            {"kind": "article", "container": "J Anal Pharm Res", "volume": "3", "pages": "00056"},
        ),
        (
            # acta-amazonica-land-cover: "; *et al*." closes a long list of names before the year
            "Gibson, L.; Lee, T.M.; Koh, L.P.; Brook, B.W.; Gardner, T.A.; Barlow, J.; *et al*. 2011. Primary "
            "forests are irreplaceable for sustaining tropical biodiversity. *Nature*, 478: 378-381.",
            {"kind": "article", "container": "Nature", "volume": "478", "pages": "378-381", "year": "2011",
             "title": "Primary forests are irreplaceable for sustaining tropical biodiversity"},
        ),
        (
            # acta-amazonica-land-cover: a title that ends with its question mark
            "Balmford, B.; Green, R.E.; Onial, M.; Phalan, B.; Balmford, A. 2019. How imperfect can land sparing be "
            "before land sharing is more favourable for wild species? *Journal of Applied Ecology*, 56: 73-84.",
            {"kind": "article", "container": "Journal of Applied Ecology", "volume": "56", "pages": "73-84",
             "title": "How imperfect can land sparing be before land sharing is more favourable for wild species?"},
        ),
        (
            # paz-mixed-flocks: the same, the journal in roman type
            "Merritt, M.; Maldaner, M.E. & de Almeida, A.M.R. 2019. What are biodiversity hotspots? Frontiers for "
            "Young Minds, 7: 1-7. https://doi.org/10.3389/frym.2019.00029.",
            {"kind": "article", "container": "Frontiers for Young Minds", "volume": "7", "pages": "1-7",
             "title": "What are biodiversity hotspots?"},
        ),
        (
            # a book keeps its place and publisher (acta-amazonica-land-cover)
            "Magurran, A.E. 2012. *Ecological Diversity and Its Measurement*. Springer, New York, 179p.",
            {"kind": "book", "container": ""},
        ),
    ],
)
def test_journal_volume_colon_pages_is_an_article(entry, expected):
    ref = parse_entry(entry, "r", 1)
    assert {k: getattr(ref, k) for k in expected} == expected


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            # bragantia-grapevine: APA with the italics lost, "Journal, volume, pages", a DOI after
            "Ahmad, I. and Maathuis, F. J. M. (2014). Cellular and tissue distribution of potassium: physiological "
            "relevance, mechanisms and regulation. Journal of Plant Physiology, 171, 708-714. "
            "https://doi.org/10.1016/j.jplph.2013.10.016",
            {"kind": "article", "container": "Journal of Plant Physiology", "volume": "171", "issue": "",
             "pages": "708-714", "year": "2014",
             "title": "Cellular and tissue distribution of potassium: physiological relevance, mechanisms and "
             "regulation"},
        ),
        (
            # edur-metodologias-ativas: "volume(issue), pages"; the title's own "2." is not its end
            "Felder, R. M. (2010). Random thoughts: The link between teaching and research. 2. How to strengthen "
            "each without weakening the other. Chemical Engineering Education, 44(3), 213-214.",
            {"kind": "article", "container": "Chemical Engineering Education", "volume": "44", "issue": "3",
             "pages": "213-214", "title": "Random thoughts: The link between teaching and research. 2. How to "
             "strengthen each without weakening the other"},
        ),
        (
            # edur-metodologias-ativas: an issue and no pages
            "Reis, A. C., Barbalho, S. C., Zanette, A. C. (2017). A bibliometric and classification study of "
            "Project-Based Learning in Engineering Education. Production, 27(spe). "
            "https://doi.org/10.1590/0103-6513.225816",
            {"kind": "article", "container": "Production", "volume": "27", "issue": "spe", "pages": ""},
        ),
        (
            # oes-tourism-gentrification: a title that ends with its question mark, the journal in italics
            "Weber, F. (2009). A entrevista, a pesquisa e o íntimo, ou: por que censurar seu diário de campo? "
            "*Horizontes Antropológicos* , *15* (32), 157-170. 10.1590/S0104-71832009000200007",
            {"kind": "article", "container": "Horizontes Antropológicos", "volume": "15", "issue": "32",
             "pages": "157-170",
             "title": "A entrevista, a pesquisa e o íntimo, ou: por que censurar seu diário de campo?"},
        ),
        (
            # a place and a number with neither issue nor pages is no journal: left as it is
            "Smith, J. (2001). A history of the port. Lisbon, 12.",
            {"kind": "book", "container": ""},
        ),
    ],
)
def test_journal_volume_comma_pages_is_an_article(entry, expected):
    ref = parse_entry(entry, "r", 1)
    assert {k: getattr(ref, k) for k in expected} == expected


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # oes-tourism-gentrification (APA) and paz-mixed-flocks (CSE): "Place, Publisher." with a comma for the colon
        ("May, T. (2004). Pesquisa social: questões, métodos e processo. Porto Alegre, Artmed.",
         {"kind": "book", "title": "Pesquisa social: questões, métodos e processo", "place": "Porto Alegre",
          "publisher": "Artmed"}),
        ("Sick, H. 1997. Ornitologia brasileira. Rio de Janeiro, Nova Fronteira.",
         {"kind": "book", "title": "Ornitologia brasileira", "place": "Rio de Janeiro", "publisher": "Nova Fronteira"}),
        # acta-amazonica-land-cover: a body's acronym first ("UFRA, Belém."), the other order: left as it was
        ("Costa, L.G.S. 2019. *Desenvolvimento local: a geração de trabalho, renda e alimentos em comunidades do Vale "
         "do Acará, Pará, Brasil*. Research Report PIRH362-2018. UFRA, Belém.",
         {"place": "", "publisher": ""}),
        # acta-amazonica-land-cover and hoehnea-senna-extracts: the number of pages last, the publisher first
        ("Magurran, A.E. 2012. *Ecological Diversity and Its Measurement*. Springer, New York, 179p.",
         {"kind": "book", "title": "Ecological Diversity and Its Measurement", "place": "New York",
          "publisher": "Springer"}),
        ("Queiroz, L.P. 2009. Leguminosas da Caatinga. Universidade Estadual de Feira de Santana, Feira de Santana, "
         "467 p.",
         {"kind": "book", "title": "Leguminosas da Caatinga", "place": "Feira de Santana",
          "publisher": "Universidade Estadual de Feira de Santana"}),
        # oes-tourism-gentrification: APA 6 thesis, its type in parentheses, the school and its place after it
        ("Silva, F, C. (2015). A formação de agenda de políticas públicas de turismo em âmbito local: os casos de Ouro "
         "Preto (MG) e Paraty (RJ) (Tese de Doutorado). Escola de Administração de Empresas de São Paulo da Fundação "
         "Getúlio Vargas, São Paulo, SP.",
         {"kind": "thesis", "genre": "Tese de Doutorado", "place": "São Paulo, SP",
          "publisher": "Escola de Administração de Empresas de São Paulo da Fundação Getúlio Vargas",
          "title": "A formação de agenda de políticas públicas de turismo em âmbito local: os casos de Ouro Preto (MG) "
          "e Paraty (RJ)"}),
    ],
)
def test_comma_imprint_and_thesis(entry, expected):
    ref = parse_entry(entry, "r", 1)
    assert {k: getattr(ref, k) for k in expected} == expected


@pytest.mark.parametrize(
    ("entry", "title", "container"),
    [
        # hoehnea-senna-extracts, line 167: an abbreviated journal (ISO 4) was cut at its first full stop
        ("Neves, A.M., Costa, O.S., Coutinho, M.G.S., Souza, E.B., Santos, H.S., Silva, M.G.V. & Fontenelle, R.O.S. "
         "2017. Caracterização química e o potencial antimicrobiano de espécies do gênero *Senna* Mill (Fabaceae). "
         "Rev. Virtual Quim 9: 2506-2538.",
         "Caracterização química e o potencial antimicrobiano de espécies do gênero Senna Mill (Fabaceae)",
         "Rev. Virtual Quim"),
        # hoehnea-senna-extracts, line 197: "Mill." and "Brazil." end words of the title, not the journal's
        ("Silva, G.A., Monteiro, J.A., Ferreira, E.B., Fernandes, M.I.B., Pessoa, C.; Sampaio, C.G. & Silva, M.G.V. "
         "2014. Total phenolic content, antioxidant and anticancer activities of four species of *Senna* Mill. From "
         "northeast Brazil. Int. J. Pharm. Pharm. Sci 6: 199-202.",
         "Total phenolic content, antioxidant and anticancer activities of four species of Senna Mill. From northeast "
         "Brazil", "Int. J. Pharm. Pharm. Sci"),
        # fixture, left alone: a journal written out in full after a title ending in a word of six letters
        ("Aleixo, A. 1997. Composition of mixed-species bird flocks in southern Brazil. Ararajuba 5: 11-18.",
         "Composition of mixed-species bird flocks in southern Brazil", "Ararajuba"),
    ],
)
def test_an_abbreviated_journal_keeps_its_full_stops(entry, title, container):
    ref = parse_entry(entry, "r", 1)
    assert (ref.kind, ref.title, ref.container) == ("article", title, container)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # oes-tourism-gentrification, line 294: the year again after the pages; the volume, issue and pages were
        # read as the journal's place ("21 (3), 667-684")
        ("Paes, M. T. D. (2017). Gentrificação, preservação patrimonial e turismo: os novos sentidos da paisagem "
         "urbana na renovação das cidades. *GEOUSP Espaço e Tempo* , *21* (3), 667-684, 2017. "
         "10.11606/issn.2179-0892.geousp.2017.128345.",
         {"container": "GEOUSP Espaço e Tempo", "volume": "21", "issue": "3", "pages": "667-684", "place": ""}),
        # fixture: the same without the issue
        ("Souza, A. (2015). Um título. *Revista Qualquer* , *8* , 10-20, 2015.",
         {"container": "Revista Qualquer", "volume": "8", "issue": "", "pages": "10-20", "place": ""}),
        # left alone: the usual form (oes-tourism-gentrification, Meethan)
        ("Meethan, K. (1997). York: managing the tourist city. *Cities* , *16* (6), 333-342. "
         "10.1016/S0264-2751(97)00024-3",
         {"container": "Cities", "volume": "16", "issue": "6", "pages": "333-342", "place": ""}),
    ],
)
def test_an_apa_article_that_prints_its_year_again_after_the_pages(entry, expected):
    ref = parse_entry(entry, "r", 1)
    assert ref.kind == "article" and {k: getattr(ref, k) for k in expected} == expected
