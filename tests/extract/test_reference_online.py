"""The online part of a reference entry kept: its link, its DOI and its access date.

Each form is taken from the development corpus (two articles where the corpus has it twice), the entry read from
the article's own text by its first words; the expected values were read off the article text by hand. Fixtures
are named as such.
"""

from __future__ import annotations

import pytest

from histkit.extract.reference_online import access_date, doi_name, link_text, online_part
from histkit.extract.references import parse_entry
from tests.conftest import corpus_text


def entry(article: str, start: str) -> str:
    """The line of a corpus article's text that starts with ``start``: one reference entry, verbatim."""
    lines = [line for line in corpus_text(article).splitlines() if line.startswith(start)]
    assert len(lines) == 1, f"{article}: {len(lines)} lines start with {start!r}"
    return lines[0]


# (article, first words of the entry, url, doi, access date as printed, its ISO 8601 value)
ONLINE = [
    # ABNT (NBR 6023 7.5): "Disponível em: URL. Acesso em: D mês. AAAA." The link's full stop is the sentence's.
    ("bak-p59099", "ACOSTA-PEREIRA, R. A.; RODRIGUES", "https://periodicos.ufsm.br/letras/article/view/12149/7543", "",
     "10 nov. 2021", "2021-11-10"),
    ("rdbci-bibliotecas", "ALMEIDA, J. L. S. de",
     "https://periodicos.ufsc.br/index.php/eb/article/view/1518-2924.2020.e66993/41947", "", "13 ago. 2021",
     "2021-08-13"),
    # ... the year after the link, not the link's ("..._conversacionais, 2007."): the article of the issue
    ("bak-p58270", "GALVÃO, M.", "https://www.academia.edu/42733938/Atos_de_fala_indiretos_e_implicaturas_conversacionais",
     "", "", ""),
    ("bak-p58270", "BARBIERO, D.", "https://sites.google.com/site/minddict/background-the", "", "", ""),
    # "DOI: 10..." and a link: both kept, the link as the URL
    ("rdbci-bibliotecas", "PAULA, R. S. de L.",
     "https://periodicos.sbu.unicamp.br/ojs/index.php/rdbci/article/view/8661184", "10.20396/rdbci.v18i00.8661184",
     "6 set. 2021", "2021-09-06"),
    ("bak-p59553", "AMORIM, M.", "https://revistas.pucsp.br/index.php/bakhtiniana/article/view/42617",
     "10.1590/2176-457342617", "09 jan. 2023", "2023-01-09"),  # "http://dx.doi.org/10.1590/..."
    # a DOI's link is the DOI, not the URL ("Disponível em: https://doi.org/10...")
    ("bak-p59099", "RAMOS, M. D.", "", "10.1590/S0104-026X2012000100004", "10 maio. 2022", "2022-05-10"),
    ("ensaio-deficiencia", "LEITE, L. P.; LACERDA", "", "10.1590/0103-65642018109", "", ""),
    # APA and CSE: "https://doi.org/10...", "doi: 10...", "DOI: https://doi.org/10...", and a bare "10.xxxx/..."
    ("bragantia-grapevine", "Ahmad, I.", "", "10.1016/j.jplph.2013.10.016", "", ""),
    ("edur-metodologias-ativas", "Prince, M. (2004)", "", "10.1002/j.2168-9830.2004.tb00809.x", "", ""),
    ("acta-amazonica-land-cover", "Sherwin, W.B.", "", "10.3390/e21080794", "", ""),
    ("ciedu-saresp", "WOLTMAN, H.", "", "10.20982/tqmp.08.1.p052", "", ""),
    ("oes-tourism-gentrification", "Meethan, K.", "", "10.1016/S0264-2751(97)00024-3", "", ""),  # its brackets
    ("ensaio-deficiencia", "CABRAL, L. S. A. Políticas", "", "10.14507/epaa.26.3364", "", ""),
    # a short DOI's link ("https://doi.org/gxtc") as the short DOI's name
    ("ciedu-saresp", "BROOKE, N.", "", "10/gxtc", "", ""),
    ("ciedu-saresp", "ALVES, M. T. G.", "", "10/bvc6px", "", ""),
    # a link broken at a space: after the scheme, joined; inside a file name, kept as printed
    ("acta-amazonica-land-cover", "R Core Team. 2019.", "https://www.R-project.org/", "", "", ""),
    ("ecos-china-new-normal", "XI, J.", "https://subsites.chinadaily.com.cn/npc/2021-12/24/c 693839.htm", "",
     "Jan. 14, 2024", "2024-01-14"),
    # ... and split into words up to the access date (the publisher's JATS prints the same spaces)
    ("ecos-china-new-normal", "MELIN, L. E.",
     "https://www.academia.edu/106020121/Rising Debt and Falling Assets in Chinas Key Markets", "", "Jan. 23, 2024",
     "2024-01-23"),
    # in brackets: "( (http://... )", "(https:// www...)", and angle brackets "<Disponível em: http://... >"
    ("acta-amazonica-land-cover", "Pavoine, S.", "https://CRAN.R-project.org/package=adiv", "", "July 2022",
     "2022-07"),
    ("edur-literatura-indigena", "COMISSÃO NACIONAL DA VERDADE", "http://cnv.memoriasreveladas.gov.br", "", "", ""),
    ("edur-literatura-indigena", "JEKUPÉ, Olívio. Literatura nativa",
     "http://oliviojekupe.blogspot.com/2018/08/literatura-nativa-em-andamento.html?m=1", "", "20/03/2021",
     "2021-03-20"),
    # a link the next words follow with no full stop ("... /59912 Acesso em", "...t=137s > Acesso em")
    ("bak-p59553", "GRILLO, S. V. C.", "https://www.revistas.usp.br/flp/article/%20view/59912", "", "09 jan. 2023",
     "2023-01-09"),
    ("edur-literatura-indigena", "PROFESSOR Edson Kayapó", "https://www.youtube.com/watch?v=sIQ5KFhF2dU&t=137s", "",
     "20 de julho de 2021", "2021-07-20"),
    # a link the word before runs into ("fromhttps://"), after APA's "Retrieved Month D, YYYY, from"
    ("edur-metodologias-ativas", "Kurt, D. S.",
     "https://educationaltechnology.net/lev-vygotsky-sociocultural-theory-of-cognitive-development/", "",
     "February 3, 2023", "2023-02-03"),
    # access dates: CSE's numbers, English, Spanish months; no 29 February in 2021
    ("paz-mixed-flocks", "Cestari, C.", "http://www.ao.com.br", "", "16/08/2021", "2021-08-16"),
    ("ecos-china-new-normal", "BLS – US", "https://www.bls.gov/news.release/pdf/empsit.pdf", "", "Jan. 14, 2024",
     "2024-01-14"),
    ("mediacoes-cambiemos", "VIOTTI, N.", "http://revistaanfibia.com/ensayo/tu-conflicto-es-un-bajon/", "",
     "marzo 2018", "2018-03"),
    ("rdbci-bibliotecas", "AZEVEDO, T. M. L.", "https://repositorio.ul.pt/bitstream/10451/37110/1/ulfpie053197_tm.pdf",
     "", "13 ago.2021", "2021-08-13"),
    ("bak-p59099", "BRAIT, B.; PISTORI", "http://seer.fclar.unesp.br/alfa/article/view/5531", "", "29 fev. 2021", ""),
]


@pytest.mark.parametrize(("article", "start", "url", "doi", "accessed", "iso"), ONLINE)
def test_the_online_part_is_kept(article, start, url, doi, accessed, iso):
    text = entry(article, start)
    ref = parse_entry(text, "r", 1)
    assert (ref.url, ref.doi, ref.accessed, ref.accessed_date) == (url, doi, accessed, iso)
    # nothing is invented: each value is printed in the entry (a link's break after its scheme joined)
    for value in (url, accessed):
        assert value in text.replace(":// ", "://")
    assert not doi or doi in text or doi.removeprefix("10/") in text


def test_the_online_part_leaves_the_entry_s_other_parts():
    # bak-p58270: the link and the year after it; the title keeps no piece of the link
    ref = parse_entry(entry("bak-p58270", "GALVÃO, M."), "r", 1)
    assert (ref.title, ref.year) == ("Atos de fala indiretos e implicaturas conversacionais", "2007")
    # ecos-china-new-normal: the words a link was split into were read as a second title sentence
    ref = parse_entry(entry("ecos-china-new-normal", "MELIN, L. E."), "r", 1)
    assert (ref.title, ref.year) == ("Rising debt and falling assets in China’s key markets", "2023")


@pytest.mark.parametrize(
    ("text", "title", "url"),
    [
        # fixtures: a link in a title's running words is the title's, not the entry's online part
        ("SILVA, A. O portal www.dominiopublico.gov.br e a leitura escolar. **Revista Leitura**, v. 2, n. 1, "
         "p. 1-10, 2015.", "O portal www.dominiopublico.gov.br e a leitura escolar", ""),
        ("SILVA, A. O portal www.dominiopublico.gov.br e a leitura escolar. 2015. Disponível em: "
         "https://exemplo.org/portal. Acesso em: 3 mar. 2020.",
         "O portal www.dominiopublico.gov.br e a leitura escolar", "https://exemplo.org/portal"),
    ],
)
def test_a_link_in_a_title_is_left_alone(text, title, url):
    ref = parse_entry(text, "r", 1)
    assert (ref.title, ref.url, ref.doi) == (title, url, "")


@pytest.mark.parametrize(
    ("printed", "link"),
    [
        ("<http://a.org/b>.", "http://a.org/b"),
        ("https:// www.a.org/).", "https://www.a.org/"),
        ("http://palaeo-electronica. org/2001_1/past/issue1_01.htm", "http://palaeo-electronica.org/2001_1/past/issue1_01.htm"),
        ("https://a.org/c 693839.htm", "https://a.org/c 693839.htm"),  # nothing says what the space stood for
        ("https://a.org/p_(x)", "https://a.org/p_(x)"),
    ],
)
def test_a_link_as_printed_without_what_is_not_its(printed, link):
    # The PDF text of acta-amazonica-land-cover breaks "palaeo-electronica. org" at a line's end.
    assert link_text(printed) == link


@pytest.mark.parametrize(
    ("link", "doi"),
    [
        ("https://doi.org/10.1590/S0104-026X2012000100004", "10.1590/S0104-026X2012000100004"),
        ("http://dx.doi.org/10.1590/2176-457342617", "10.1590/2176-457342617"),
        ("10.3390/e21080794", "10.3390/e21080794"),
        ("https://doi.org/10/gxtc", "10/gxtc"),
        ("https://doi.org/10.1590", ""),  # no DOI name: a link like any other
        ("https://periodicos.unb.br/index.php/les/article/view/7561", ""),
    ],
)
def test_doi_names(link, doi):
    assert doi_name(link) == doi


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("Jan. 14, 2024", "2024-01-14"),
        ("3 March 2020", "2020-03-03"),
        ("3 de marzo de 2021", "2021-03-03"),
        ("20 set. 2021", "2021-09-20"),
        ("Sept. 6, 2023", "2023-09-06"),
        ("03/16/2021", "2021-03-16"),  # the second number cannot be a month: month first
        ("05/04/2021", "2021-04-05"),  # day first, as NBR 6023 and the corpus print it
        ("ma 2020", ""),  # too short to be a month's
        ("31/02/2021", ""),
    ],
)
def test_access_dates(printed, iso):
    assert access_date(printed) == iso


def test_spanish_access_date_is_read_from_its_label():
    # fixture: "Consultado el" (Spanish)
    found = online_part("RUIZ, L. *Blog*, 2019. Disponible en: http://a.b/d. Consultado el 3 de marzo de 2021.")
    assert (found.url, found.accessed, found.accessed_date) == ("http://a.b/d", "3 de marzo de 2021", "2021-03-03")
