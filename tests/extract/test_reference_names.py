"""Who an entry is by: persons with particles, corporate authors and their printed acronyms.

Entries are copied from the development corpus (the article of each is named) or are tiny
fixtures; the expected names are read from the entries as printed.
"""

from __future__ import annotations

import pytest

from histkit.extract.reference_names import Name, abbreviates, lead_names
from histkit.extract.references import parse_entry, parse_references

PERSONS = [
    # (entry, authors' families, editors' families)
    (
        # rdbci-bibliotecas: "de" after the initials, "de A." among them
        "ALMEIDA, J. L. S. de; PERUCCHI, V.; FREIRE, G. H. de A. Ciência-Ação em Ciência da Informação: um "
        "método qualitativo em análise. Encontros Bibli, Florianópolis, v. 25, p. 01-24, 2020.",
        ["ALMEIDA", "PERUCCHI", "FREIRE"],
        [],
    ),
    (
        # rdbci-bibliotecas: "dos S."
        "GÓES, G. S.; MARTINS, F. dos S.; NASCIMENTO, J. A. S. O trabalho remoto e a pandemia. Brasília: "
        "Instituto de Pesquisa Econômica Aplicada, 2021.",
        ["GÓES", "MARTINS", "NASCIMENTO"],
        [],
    ),
    (
        # rdbci-bibliotecas: "de L." and a bare "da" before the next author
        "PAULA, R. S. de L.; SILVA, E. da; WOIDA, L. M. A inovação nas bibliotecas universitárias. RDBCI, "
        "Campinas, SP, v. 18, p. 1-17, 2020.",
        ["PAULA", "SILVA", "WOIDA"],
        [],
    ),
    (
        # bak-p59099: "da" closing the last author; "R" without its period before ";"
        "FRANCO, N.; ACOSTA PEREIRA, R; COSTA-HÜBES, T. C. da. Por uma análise dialógica do discurso. *In:* "
        "GARCIA, D. (org.). *Pesquisas*. Cascavel: Edunioeste, 2019.",
        ["FRANCO", "ACOSTA PEREIRA", "COSTA-HÜBES"],
        [],
    ),
    (
        # edur-literatura-indigena: given names written out, the particle last
        "LIMA, Amanda Machado Alves de. *O livro indígena e suas múltiplas grafias*. Belo Horizonte: UFMG, 2012.",
        ["LIMA"],
        [],
    ),
    (
        # bak-p59384: an initial without its period before ";"
        "CLARK, K; HOLQUIST, M. *Mikhail Bakhtin.* Tradução J. Guinsburg. São Paulo: Perspectiva, 2008.",
        ["CLARK", "HOLQUIST"],
        [],
    ),
    (
        # bak-p59553: "(org.)" makes the persons editors
        "BRAIT, B; GONÇALVES, J. (org.). *Bakhtin e as artes do corpo*. São Paulo: Hucitec, 2021.",
        [],
        ["BRAIT", "GONÇALVES"],
    ),
    (
        # fixture: authors separated by "/" and by "&" (bak-p59099 prints both)
        "DESTRI, A./ MARCHEZAN, R. Análise dialógica. São Paulo: Contexto, 2021.",
        ["DESTRI", "MARCHEZAN"],
        [],
    ),
    ("MACHADO, I. L. & MENDES, E. Discursos. Belo Horizonte: UFMG, 2013.", ["MACHADO", "MENDES"], []),
    ("PÉREZ, J. y GÓMEZ, María. Un libro. Madrid: Cátedra, 2000.", ["PÉREZ", "GÓMEZ"], []),  # fixture
    ("SILVA, J. e SOUZA, M. Um livro. Recife: UFPE, 2001.", ["SILVA", "SOUZA"], []),  # fixture
    (
        # oes-tourism-gentrification: APA names with the comma after the family left out
        "Paddison B., e Walmsley A. (2018). New Public Management in tourism. *Journal*, *26* (6), 910-926.",
        ["Paddison", "Walmsley"],
        [],
    ),
    (
        # oes-tourism-gentrification: a written-out given name is not a second author
        "González-Pérez, Jesús M. (2020). The dispute over tourist cities. *Journal*, *5*, 1-9.",
        ["González-Pérez"],
        [],
    ),
    (
        # acta-amazonica-land-cover (CSE): the Catalan "i" joins one person's two family names, printed "I"
        "Sherwin, W.B.; Prat I Fornells, N. 2019. The introduction of entropy. *Entropy*, 21: 794.",
        ["Sherwin", "Prat I Fornells"],
        [],
    ),
    ("Puig i Cadafalch, J.; Soler, M. 1909. L'arquitectura romànica. Barcelona: IEC.",  # fixture
     ["Puig i Cadafalch", "Soler"], []),
]


@pytest.mark.parametrize(("entry", "authors", "editors"), PERSONS)
def test_persons_keep_their_particles_and_co_authors(entry, authors, editors):
    ref = parse_entry(entry, "r", 1)
    assert [n.family for n in ref.authors] == authors
    assert [n.family for n in ref.editors] == editors


def test_particles_stay_with_the_given_names():
    ref = parse_entry(PERSONS[0][0], "r", 1)
    assert ref.authors == (Name("ALMEIDA", "J. L. S. de"), Name("PERUCCHI", "V."), Name("FREIRE", "G. H. de A."))
    assert ref.title.startswith("Ciência-Ação")


CORPORATE = [
    # (entry, author as printed, acronym, year)
    (
        # rdbci-bibliotecas: the acronym printed after the name
        "SISTEMA NACIONAL DE BIBLIOTECAS PÚBLICAS. SNBP. Informações das bibliotecas públicas. 2021. "
        "Disponível em: http://snbp.cultura.gov.br/. Acesso em: 13 ago. 2021.",
        "SISTEMA NACIONAL DE BIBLIOTECAS PÚBLICAS",
        "SNBP",
        "2021",
    ),
    (
        "ESCOLA NACIONAL DE ADMINISTRAÇÃO PÚBLICA. ENAP. Escritora americana explica como a teoria do "
        "encantamento pode fortalecer equipes. 2021. Disponível em: https://www.instagram.com/p/x/. "
        "Acesso em: 12 ago. 2021.",
        "ESCOLA NACIONAL DE ADMINISTRAÇÃO PÚBLICA",
        "ENAP",
        "2021",
    ),
    (
        # ecos-china-new-normal: the acronym before the name, with a dash; not an archive
        "NBS – National Bureau of Statistics of China. *National data.* Beijing: NBS, 2024. Available at: "
        "https://data.stats.gov.cn/english/. Last access: Jan. 14, 2024.",
        "NBS – National Bureau of Statistics of China",
        "NBS",
        "2024",
    ),
    (
        "UNCTAD – United Nations Conference for Trade and Development. *Trade and Development Report 2023.* "
        "New York: United Nations, 2023.",
        "UNCTAD – United Nations Conference for Trade and Development",
        "UNCTAD",
        "2023",
    ),
    (
        # edur-literatura-indigena: the same form in capitals, with a hyphen
        "IBGE - INSTITUTO BRASILEIRO DE GEOGRAFIA E ESTATÍSTICA. *Censo Indígena Brasileiro de 2010*. "
        "Rio de Janeiro: IBGE, 2012.",
        "IBGE - INSTITUTO BRASILEIRO DE GEOGRAFIA E ESTATÍSTICA",
        "IBGE",
        "2012",
    ),
    (
        # fixtures: the acronym in parentheses after the name, in capitals or in mixed case
        "ORGANIZAÇÃO DAS NAÇÕES UNIDAS (ONU). Relatório anual. Nova York: ONU, 2019.",
        "ORGANIZAÇÃO DAS NAÇÕES UNIDAS",
        "ONU",
        "2019",
    ),
    (
        "Escola Nacional de Administração Pública (ENAP). Relatório de gestão. Brasília: Enap, 2020.",
        "Escola Nacional de Administração Pública",
        "ENAP",
        "2020",
    ),
    # fixture: a subordinate body is not an acronym of the name before it
    ("BRASIL. MEC. Plano Nacional de Educação. Brasília: MEC, 2014.", "BRASIL", "", "2014"),
    # rdbci-bibliotecas: a corporate name with a digit
    ("PORTAL G1. Número de municípios cai. 2019. Disponível em: http://glo.bo/3jdNCi9.", "PORTAL G1", "", "2019"),
]


@pytest.mark.parametrize(("entry", "author", "acronym", "year"), CORPORATE)
def test_corporate_authors_carry_their_printed_acronym(entry, author, acronym, year):
    ref = parse_entry(entry, "r", 1)
    assert ref.authors[0].family == author
    assert ref.acronym == acronym
    assert ref.year == year
    assert ref.kind != "archival document"


def test_archive_with_a_dated_document_stays_archival():
    # the seed's form: "ACRONYM - Archive. Document. Place, D Month YYYY."
    ref = parse_entry(
        "AHSRE - Acervo Histórico de la Secretaría de Relaciones Exteriores. Leopoldo Ortiz to the Foreign "
        "Relations Ministry (SRE). Berlin, Germany, 29 December 1919.",
        "r",
        1,
    )
    assert (ref.kind, ref.archive_acronym, ref.acronym, ref.date) == ("archival document", "AHSRE", "", "1919-12-29")


def test_an_archive_named_as_such_stays_archival_without_an_english_date():
    # fixture: the date in Spanish is not read, but the name says it is an archive
    ref = parse_entry("AGN - Archivo General de la Nación. Carta de Obregón. México, 12 de mayo de 1920.", "r", 1)
    assert (ref.kind, ref.archive_acronym, ref.acronym) == ("archival document", "AGN", "")
    # fixture: a library publishing a catalogue is a corporate author
    ref = parse_entry("BN – Biblioteca Nacional. *Catálogo de manuscritos*. Rio de Janeiro: BN, 2010.", "r", 1)
    assert (ref.kind, ref.acronym, ref.year) == ("book", "BN", "2010")


def test_a_dated_report_is_not_an_archival_document():
    # ecos-china-new-normal: "May 27, 2013" is a publication date, not "Place, D Month YYYY"
    ref = parse_entry(
        "NBS – National Bureau of Statistics of China. 年全国农民工监测调查报告. 2012. *Annual report on rural "
        "migrant workers monitoring survey.* May 27, 2013. Available at: https://www.gov.cn/gzdt/2013-05/27/"
        "content 2411923.htm. Last access: Jan. 14, 2024.",
        "r",
        1,
    )
    assert (ref.kind, ref.acronym, ref.year) == ("book", "NBS", "2013")


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("SNBP", "SISTEMA NACIONAL DE BIBLIOTECAS PÚBLICAS", True),
        ("UNCTAD", "United Nations Conference for Trade and Development", True),
        ("IPEA", "Instituto de Pesquisa Econômica Aplicada", True),
        ("MEC", "BRASIL", False),
        ("SP", "SÃO PAULO", True),
        ("X", "Xavier", False),  # one letter is not an acronym
    ],
)
def test_abbreviates(acronym, name, expected):
    assert abbreviates(acronym, name) is expected


def test_lead_names_returns_the_rest_after_the_acronym():
    names, rest, acronym = lead_names("SISTEMA NACIONAL DE BIBLIOTECAS PÚBLICAS. SNBP. Informações. 2021.")
    assert (names, rest, acronym) == ((Name("SISTEMA NACIONAL DE BIBLIOTECAS PÚBLICAS"),), "Informações. 2021.", "SNBP")


def test_repeat_of_a_corporate_author_keeps_its_names():
    refs = parse_references(["WORLD BANK. *Prospects.* Washington: World Bank, 2023a.", "_____. *Indicators.* 2023b."])
    assert [r.key for r in refs] == ["WORLD BANK", "WORLD BANK"]
    assert [r.year for r in refs] == ["2023a", "2023b"]


@pytest.mark.parametrize(
    ("entry", "authors", "title"),
    [
        # "et al." after the first author is not part of the title
        ("CHEN, J. et al. Carbon peak. *Sci Rep,* v. 12, n. 1, p. 1-10, 2022.", ["CHEN"], "Carbon peak"),  # ecos
        (
            "FIESE, B. H. et al. A review of 50 years of research. *Journal of Family Psychology*, v. 16, n. 4, "
            "p. 381-390, 2002.",
            ["FIESE"],
            "A review of 50 years of research",
        ),  # rdbci-bibliotecas
        # a title entry: the first word in capitals is where the title starts (NBR 6023 8.1.1.6)
        (
            "A HORAS de aprobarse en el Congreso, el Presidente vetó ley. *Ámbito.com* , 31 mayo, 2018.",
            ["A HORAS"],
            "A HORAS de aprobarse en el Congreso, el Presidente vetó ley",
        ),  # mediacoes-cambiemos
        (
            "DICIONÁRIO on-line de português. *Fotorreportagem*. https://www.dicio.com.br/fotorreportagem/",
            ["DICIONÁRIO"],
            "DICIONÁRIO on-line de português. Fotorreportagem.",
        ),  # bak-p59610
    ],
)
def test_et_al_and_title_entries(entry, authors, title):
    ref = parse_entry(entry, "r", 1)
    assert [n.family for n in ref.authors] == authors
    assert ref.title == title


def test_long_leads_parse_in_one_pass():
    # A mixed-case corporate name with many small words once made the parenthesised-acronym pattern
    # try every way of reading "de" (exponential backtracking); each word has one reading now.
    name = " ".join(["Escola Nacional de"] * 60) + " Teste"
    ref = parse_entry(name + " (ENT). Relatório. Brasília: Enap, 2020.", "r", 1)
    assert (ref.authors[0].family, ref.acronym) == (name, "ENT")
    ref = parse_entry(name + " x", "r", 1)  # no acronym at all: read as a lead name, no year
    assert ref.acronym == "" and ref.year == ""


@pytest.mark.parametrize(
    ("entry", "families", "year", "container"),
    [
        # hoehnea-senna-extracts: ", &" before the last person (as APA 9.8 prints it)
        ("Macedo, E.M., Alan, J.G., & Silva, M.G.V. 2016. Quimiodiversidade e propriedades biofarmacológicas de "
         "espécies de Senna nativas do Nordeste do Brasil. Revista Virtual de Química 8: 169-195.",
         ["Macedo", "Alan", "Silva"], "2016", "Revista Virtual de Química"),
        # hoehnea-senna-extracts: two particles ("van de"), after a comma
        ("Rhee, I.K., van de Meent, M., Ingkaninan, K. & Verpoorte, R. 2001. Screening for acetylcholinesterase "
         "inhibitors from Amaryllidaceae using silica gel thin-layer chromatography in combination with bioactivity "
         "staining. Journal of Chromatography A 915: 217-223.",
         ["Rhee", "van de Meent", "Ingkaninan", "Verpoorte"], "2001", "Journal of Chromatography A"),
        # hoehnea-senna-extracts: a family of two words after a comma; particles in lower case
        ("Penido, A.B., De Morais, S.M., Ribeiro, A.B., Alves, D.R., Rodrigues, A.L.M., dos Santos, L.H. & de "
         "Menezes, J.E.S.A. 2017. Medicinal plants from northeastern Brazil against Alzheimer’s disease. "
         "Evidence-Based Complementary and Alternative Medicine 2017: 1-7.",
         ["Penido", "De Morais", "Ribeiro", "Alves", "Rodrigues", "dos Santos", "de Menezes"], "2017",
         "Evidence-Based Complementary and Alternative Medicine"),
        # hoehnea-senna-extracts: no space after the year's full stop
        ("Lagrouh, F., Dakka, N. & Bakri, Y. 2017.The antifungal activity of Moroccan plants and the mechanism of "
         "action of secondary metabolites from plants. Journal de Mycologie Medicale 27: 303-311.",
         ["Lagrouh", "Dakka", "Bakri"], "2017", "Journal de Mycologie Medicale"),
    ],
)
def test_cse_names_with_ampersand_particles_and_two_words(entry, families, year, container):
    ref = parse_entry(entry, "r", 1)
    assert ([n.family for n in ref.authors], ref.year, ref.container) == (families, year, container)


@pytest.mark.parametrize(
    ("entry", "author", "year", "title", "place", "publisher"),
    [
        # paz-mixed-flocks, line 152: a body with its acronym in parentheses, then the CSE year
        ("Instituto Brasileiro de Geografia e Estatística (IBGE). 2012. Manual técnico da vegetação brasileira. "
         "Rio de Janeiro, IBGE.",
         "Instituto Brasileiro de Geografia e Estatística", "2012", "Manual técnico da vegetação brasileira",
         "Rio de Janeiro", "IBGE"),
        # hoehnea-senna-extracts: the year is 2018, not the last page "1527" (the body is left unread: a journal
        # with pages and no volume)
        ("BFG. 2018. Brazilian Flora 2020: Innovation and collaboration to meet Target 1 of the Global Strategy for "
         "Plant Conservation (GSPC). Rodriguésia 1513-1527.",
         "BFG", "2018", "Brazilian Flora 2020: Innovation", "", ""),
        # acta-amazonica-land-cover: the year leaves the title
        ("IBGE. 2006. *Mapa de unidades de relevo do Brasil*. 2nd ed., Instituto Brasileiro de Geografia e "
         "Estatística, Rio de Janeiro.",
         "IBGE", "2006", "Mapa de unidades de relevo do Brasil", "", ""),
        # fixture, left alone: a title that opens with a year (no full stop after it) is the title's
        ("IBGE. 2010 em números. Rio de Janeiro: IBGE, 2011.", "IBGE", "2011", "2010 em números", "Rio de Janeiro",
         "IBGE"),
    ],
)
def test_a_body_s_cse_year_is_its_year_not_its_title(entry, author, year, title, place, publisher):
    """CSE name-year (Scientific Style and Format 29.3.6.1): an organisation as author, the year right after it."""
    ref = parse_entry(entry, "r", 1)
    assert (ref.authors[0].family, ref.year, ref.place, ref.publisher) == (author, year, place, publisher)
    assert ref.title.startswith(title)


@pytest.mark.parametrize(
    ("entry", "lead", "title"),
    [
        # mediacoes-cambiemos, line 314: the capitals run into the title's colon (NBR 6023 8.1.1.6)
        ("MACRI: “Ajustar el Estado significa liberar al resto de la Argentina para que pueda desarrollarse”. "
         "*Ámbito.com* , 19 jul. 2018. Política.",
         "MACRI", "MACRI: “Ajustar el Estado significa liberar al resto de la Argentina para que pueda desarrollarse”"),
        # edur-literatura-indigena: the same, its body left unread (a video: channel, site, duration)
        ("FLICHINHA: Infâncias e Literaturas nativas. TV Uneb Seabra. YouTube. 2020. 1h32min10s.",
         "FLICHINHA", "FLICHINHA: Infâncias e Literaturas nativas"),
        # fixture, left alone: a body's name ends with a full stop, and its work's title follows
        ("WORLD BANK. World development report: data. Washington, DC: World Bank, 2020.",
         "WORLD BANK", "World development report: data"),
    ],
)
def test_a_title_entry_whose_capitals_run_into_a_colon(entry, lead, title):
    ref = parse_entry(entry, "r", 1)
    assert ref.authors[0].family == lead and ref.title.startswith(title)


@pytest.mark.parametrize(
    ("entry", "persons"),
    [
        # oes-tourism-gentrification, line 240: initials and a particle after them, "e" before the last person
        ("Barbosa, L. G. M., Oliveira, C. T. F. de, e Rezende, C. (2010). Competitividade de destinos turísticos. "
         "*Revista de Administração Pública* , *44* (5), 1067-1095.",
         [("Barbosa", "L. G. M."), ("Oliveira", "C. T. F. de"), ("Rezende", "C.")]),
        # oes-tourism-gentrification, line 292: the initials after the family name with no comma between
        ("Paddison B., e Walmsley A. (2018). New Public Management in tourism: a case study of York. *Journal of "
         "Sustainable Tourism* , *26* (6), 910-926.",
         [("Paddison", "B."), ("Walmsley", "A.")]),
        # bragantia-grapevine, line 138: "and" before the last person
        ("Maia, J. D. G., Ritschel, P. S., Souza, R. T. and Garrido, L. R. (2016). Title. Embrapa Uva e Vinho.",
         [("Maia", "J. D. G."), ("Ritschel", "P. S."), ("Souza", "R. T."), ("Garrido", "L. R.")]),
        # left alone: a body in APA form has no given name (oes-tourism-gentrification, "Iphan. (2018).")
        ("Iphan. (2018). *PAC Cidades Históricas* . Recuperado de http://portal.iphan.gov.br/pac .", [("Iphan", "")]),
    ],
)
def test_apa_persons_keep_their_initials(entry, persons):
    """APA 9.8: "Family, I. I." The initials were lost ("Aguiar (2016)" in Harvard for "Aguiar, L. B. (2016).")."""
    ref = parse_entry(entry, "r", 1)
    assert [(n.family, n.given) for n in ref.authors] == persons


@pytest.mark.parametrize(
    ("entry", "persons"),
    [
        # hoehnea-senna-extracts, line 147: a Polish initial ("Pecio, Ł.") ended the names, and the entry was unread
        ("Kozachok, S., Pecio, Ł., Orhan, I.E., Deniz, F.S.S., Marchyshyn, S., & Oleszek, W. 2020. Reinvestigation of "
         "*Herniaria glabra* L. saponins and their biological activity. Phytochemistry 169: 112162.",
         [("Kozachok", "S."), ("Pecio", "Ł."), ("Orhan", "I.E."), ("Deniz", "F.S.S."), ("Marchyshyn", "S."),
          ("Oleszek", "W.")]),
        # fixture: a Czech family name opening with a capital of Latin Extended-A
        ("Šimůnek, M. & Novák, J. 2010. A title. Journal of Things 3: 1-9.", [("Šimůnek", "M."), ("Novák", "J.")]),
        # left alone: a title's first word is no initial ("Łódź" is a word, not "Ł.")
        ("Nowak, A. 2011. Łódź in the nineteenth century. Journal of Things 4: 2-8.", [("Nowak", "A.")]),
    ],
)
def test_capitals_of_latin_extended_a_in_names(entry, persons):
    ref = parse_entry(entry, "r", 1)
    assert [(n.family, n.given) for n in ref.authors] == persons
    assert ref.kind == "article"
