"""The years an entry carries and its imprint year: DOIs, URLs, identifiers, page ranges and access
dates hold no imprint year; "2011/1979" is an edition and its original; year labels are kept.

Entries are copied from the development corpus (the article of each is named) or are tiny fixtures.
"""

from __future__ import annotations

import pytest

from histkit.extract.date_values import last_year
from histkit.extract.reference_forms import entry_years, imprint_year, year_span
from histkit.extract.references import parse_entry

YEARS = [
    # (entry, imprint year as the reference keeps it, every year the entry carries)
    (
        # rdbci-bibliotecas: "10.20396" in the DOI is not 2039
        "PAULA, R. S. de L.; SILVA, E. da; WOIDA, L. M. A inovação nas bibliotecas universitárias. RDBCI, "
        "Campinas, SP, v. 18, p. 1-17, 2020. DOI: 10.20396/rdbci.v18i00.8661184. Disponível em: "
        "https://periodicos.sbu.unicamp.br/ojs/index.php/rdbci/article/view/8661184. Acesso em: 6 set. 2021.",
        "2020",
        (2020,),
    ),
    (
        # oes-tourism-gentrification: a bare DOI's "2317-1529" is not a year
        "Fridman, F. (2019). Políticas públicas de preservação. Três estudos de caso (1973-2016). *Revista*, "
        "*21* (3), 621-638. 10.22296/2317-1529.2019v21n3p621",
        "2019",
        (1973, 2016, 2019),
    ),
    (
        # bak-p59099: "Acesso:" without "em"; the DOI's "2012000100004"
        "RAMOS, M. D. Reflexões sobre o processo. *Revista de Estudos Feministas*, v. 20, n. 1, p.53-73, 2012. "
        "Disponível em: https://doi.org/10.1590/S0104-026X2012000100004. Acesso: 10 maio. 2022.",
        "2012",
        (2012,),
    ),
    (
        # edur-literatura-indigena: a numeric access date; the blog post's own date is the year
        "JEKUPÉ, Olívio. Literatura nativa em andamento. Artigo publicado no blog do autor em 9 de agosto de "
        "2018. Disponível em: <Disponível em: http://oliviojekupe.blogspot.com/2018/08/x.html?m=1 > "
        "Acesso em20/03/2021",
        "2018",
        (2018,),
    ),
    (
        # edur-literatura-indigena: only an access date, so no year
        "MUNKURUKU, Daniel. Usando a palavra certa. Artigo publicado no blog do autor Disponível em: "
        "<Disponível em: http://danielmunduruku.blogspot.com.br/p/cronicas-e-opinioes.html >. Acesso em:05/04/2021",
        "",
        (),
    ),
    (
        # ecos-china-new-normal: only an access date, so no year (NBR 6023: not the publication's date)
        "WORLD BANK. *World Development Indicators.* Washington, D.C.: World Bank. Available at: "
        "https://data.worldbank.org/indicator/PA.NUS.FCRF?locations=CN. Last access: Jan. 14, 2024.",
        "",
        (),
    ),
    # fixtures: Spanish access dates
    ("RUIZ, L. Un texto. *Blog*. Disponible en: http://a.b/c. Fecha de consulta: 12/03/2020.", "", ()),
    ("RUIZ, L. Otro. *Blog*, 2019. Disponible en: http://a.b/d. Accedido el 3 de marzo de 2021.", "2019", (2019,)),
    # fixtures: an ISSN, an ISBN and a page range hold no year
    ("SOUZA, A. Um artigo. *Revista*, ISSN 1981-1640, v. 3, 2015.", "2015", (2015,)),
    ("SOUZA, A. *Um livro*. São Paulo: Ática, 2016. ISBN 978-2001-1999-0.", "2016", (2016,)),
    ("SOUZA, A. Um capítulo. Anais, Recife, 2017, p. 1990-2001.", "2017", (2017,)),
]


@pytest.mark.parametrize(("entry", "year", "years"), YEARS)
def test_years_outside_identifiers_and_access_dates(entry, year, years):
    ref = parse_entry(entry, "r", 1)
    assert ref.year == year
    assert ref.years == years
    assert entry_years(entry) == years


def test_edition_and_original_year():
    # bak-p59099: "2011/1979", the 4th edition of 2011 and the first of 1979
    ref = parse_entry(
        "BAKHTIN, M. M. *Estética da criação verbal* [1951-1953]. Tradução de Paulo Bezerra. 4. ed. São Paulo: "
        "Martins Fontes, 2011/1979.",
        "r",
        1,
    )
    assert (ref.year, ref.year_first, ref.year_last) == ("2011", 2011, 2011)
    assert ref.years == (1951, 1953, 1979, 2011)  # the original's 1979 is a year the entry carries
    # fixture: the same pair at the end of an article entry
    ref = parse_entry("SILVA, J. Um ensaio. *Revista*, v. 2, n. 1, p. 3-9, 1998/1954.", "r", 1)
    assert (ref.year, ref.year_first, ref.year_last) == ("1998", 1998, 1998)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (1994, "95", (1994, 1995, False)),  # the seed's KHEIFETS: a season over two years
        (1999, "2000", (1999, 2000, False)),
        (2011, "1979", (2011, 2011, True)),
        (2004, None, (2004, 2004, False)),
    ],
)
def test_year_span(first, second, expected):
    assert year_span(first, second, last_year) == expected


@pytest.mark.parametrize(
    ("entry", "year"),
    [
        # the label the list prints tells one author's works of a year apart (NBR 10520)
        ("WORLD BANK. *Global economic prospects.* Washington, DC: World Bank, Jun. 2023a.", "2023a"),  # ecos
        ("NBS – National Bureau of Statistics of China. *National economy.* Beijing: NBS, 2024a.", "2024a"),  # ecos
        ("CAMPOS, J. Los empresarios debimos hablar. *Ámbito.com* , [Argentina], 9 abr. 2017a.", "2017a"),  # mediacoes
        ("BRAIT, B. Dulce sabor a Brasil. *Páginas*. Buenos Aires: Calderon, p.52-66, 2009b.", "2009b"),  # p59610
    ],
)
def test_year_labels_are_kept(entry, year):
    ref = parse_entry(entry, "r", 1)
    assert ref.year == year
    assert ref.year_first == int(year[:4])


def test_imprint_year_needs_a_whole_number():
    assert imprint_year("X. Title. 10.20396/abc. 2020.").group() == "2020"
    assert imprint_year("X. Title. n. 120396.") is None


def test_doi_is_cut_as_a_word_never_inside_one():
    # hoehnea-senna-extracts, line 131: "... essential oil from *Lippia sidoides* Cham." lost "doi" inside
    # "sidoides" with the online part ("Lippia si des Cham"); Portuguese "dois" (two) would have lost it too
    ref = parse_entry(
        "Fontenelle, R.O.S., Morais, S.M., Brito, E.H.S., Kerntopf, M.R., Brilhante, R.S.N., Cordeiro, R.A., Tomé, "
        "A.R., Queiroz, M.G.R., Nascimento, N.R.F. & Sidrim, J.J.C. 2007. Chemical composition, toxicological aspects "
        "and antifungal activity of essential oil from *Lippia sidoides* Cham. Journal of Antimicrobial Chemotherapy "
        "59: 934-940.", "r", 1)
    assert ref.title.endswith("essential oil from Lippia sidoides Cham")
    ref = parse_entry("SILVA, A. Os dois lados da rua. São Paulo: Ática, 2001. DOI: 10.1000/xyz.", "r", 1)
    assert (ref.title, ref.publisher) == ("Os dois lados da rua", "Ática")  # the DOI and its label are still cut


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # ecos-china-new-normal, line 267: a link broken at a space before its file name left "693839.htm."
        ("XI, J. What is the new normal in China’s economic development? *China Daily,* Jan. 18, 2016. Available at: "
         "https://subsites.chinadaily.com.cn/npc/2021-12/24/c 693839.htm. Last access: Jan. 14, 2024.",
         {"kind": "article", "title": "What is the new normal in China’s economic development?",
          "container": "China Daily", "date": "2016-01-18"}),
        # acta-amazonica-land-cover, line 158: the brackets around a cut link left "( ( )."
        ("Hammer, Ø.; Harper, D.A.; Ryan, P.D. 2001. PAST: Paleontological statistics software package for education "
         "and data analysis. *Palaeontologia Electronica*, 4: 4. ( (http://palaeo-electronica.org/2001_1/past/"
         "issue1_01.htm ). Accessed on July 2022.",
         {"kind": "article", "container": "Palaeontologia Electronica", "volume": "4", "pages": "4"}),
        # fixture, left alone: a word after a link that is no file name is the entry's
        ("SILVA, A. Um título. Disponível em: http://exemplo.org/a. Acesso em: 1 jan. 2020. Nota final.",
         {"title": "Um título. Nota final."}),
    ],
)
def test_a_link_broken_by_the_conversion_is_cut_whole(entry, expected):
    ref = parse_entry(entry, "r", 1)
    assert {k: getattr(ref, k) for k in expected} == expected
