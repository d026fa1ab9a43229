"""ABNT entries read from their words: a periodical's article without bold, an academic work (NBR 6023)."""

from __future__ import annotations

import pytest

from histkit.extract.reference_abnt import academic_work, issue_date, issue_place, numbering, periodical_article
from histkit.extract.references import parse_entry

ARTICLES = [
    (
        # ensaio-deficiencia: NBR 6023 7.7.5, journal in roman type, place, months of the issue
        "ANACHE, A.; ROVETTO, S.; OLIVEIRA, R. Desafios da implantação do atendimento educacional especializado "
        "no Ensino Superior. Revista Educação Especial, Santa Maria, v. 27, n. 49, p. 299-312, maio/ago. 2014. "
        "https://doi.org/10.5902/1984686X9037",
        {"kind": "article", "title": "Desafios da implantação do atendimento educacional especializado no Ensino "
         "Superior", "container": "Revista Educação Especial", "place": "Santa Maria", "volume": "27",
         "issue": "49", "pages": "299-312", "year": "2014", "publisher": ""},
    ),
    (
        # rdbci-bibliotecas: "[S.l.]" is no place; the title ends with its question mark
        "FIESE, B. H. et al. A review of 50 years of research on naturally occurring family routines and rituals: "
        "Cause for celebration? Journal of Family Psychology, [S.l.], v. 16, n. 4, p. 381-390, 2002. Disponível "
        "em: https://www.apa.org/pubs/journals/releases/fam-164381.pdf. Acesso em: 13 ago. 2021.",
        {"kind": "article", "title": "A review of 50 years of research on naturally occurring family routines "
         "and rituals: Cause for celebration?", "container": "Journal of Family Psychology", "place": "",
         "volume": "16", "issue": "4", "pages": "381-390", "year": "2002"},
    ),
    (
        # ciedu-saresp: an issue with no volume
        "BRYK, A. S.; RAUDENBUSH, S. W. What are multilevel questions, and how might we explore them with "
        "quantitative methods? Estudos em Avaliação Educacional, São Paulo, n. 24, p. 31-68, 2001.",
        {"kind": "article", "container": "Estudos em Avaliação Educacional", "place": "São Paulo", "volume": "",
         "issue": "24", "pages": "31-68", "year": "2001"},
    ),
    (
        # ciedu-saresp: the journal's name has a colon, the shape of "Place: Publisher"; its numbering decides
        "ANDRADE, J. M.; LAROS, J. A. Fatores associados ao desempenho escolar: estudo multinível com dados do "
        "SAEB/2001. *Psicologia*: teoria e pesquisa, Brasília, v. 23 n. 1, p. 33-42, 2007. DOI: "
        "https://doi.org/b7kspt.",
        {"kind": "article", "container": "Psicologia: teoria e pesquisa", "place": "Brasília", "volume": "23",
         "issue": "1", "pages": "33-42", "year": "2007", "publisher": ""},
    ),
    (
        # a book whose imprint is followed by its pages stays a book: pages alone are no periodical's numbering
        "SOUZA, A. Um livro. Recife: Editora da Cidade, 2017, p. 19-31.",
        {"kind": "book", "container": "", "volume": ""},
    ),
]


@pytest.mark.parametrize(("entry", "expected"), ARTICLES)
def test_periodical_article_without_bold(entry, expected):
    ref = parse_entry(entry, "r", 1)
    assert {k: getattr(ref, k) for k in expected} == expected
    assert not any("whole entry" in n for n in ref.notes) or ref.kind == "book"


THESES = [
    (
        # ensaio-deficiencia: NBR 6023 7.1, no deposit year before the type of work
        "ALVARENGA, B. T. Inclusão na Universidade: concepções e ações na organização do ensino. Dissertação "
        "(Mestrado em Educação) – Universidade Federal do Rio Grande, Rio Grande, 2016.",
        {"kind": "thesis", "title": "Inclusão na Universidade: concepções e ações na organização do ensino",
         "genre": "Dissertação (Mestrado em Educação)", "publisher": "Universidade Federal do Rio Grande",
         "place": "Rio Grande", "year": "2016"},
    ),
    (
        # rdbci-bibliotecas: the deposit year first, a hyphen for the dash, a programme and its university
        "BRANDÃO, J. L. A. Modelo teórico-pragmático para políticas de informação em bibliotecas. 2022. Tese "
        "(Doutorado em Ciência da Informação) - Programa de Pós-Graduação em Ciência da Informação, Universidade "
        "Federal da Paraíba, João Pessoa, 2022. Disponível em: https://repositorio.ufpb.br/jspui/handle/123456789/"
        "24924. Acesso em 15 dez. 2022.",
        {"kind": "thesis", "genre": "Tese (Doutorado em Ciência da Informação)",
         "publisher": "Programa de Pós-Graduação em Ciência da Informação, Universidade Federal da Paraíba",
         "place": "João Pessoa", "year": "2022"},
    ),
    (
        # ensaio-deficiencia: no place; the school is last
        "OLIVEIRA, J. D. B. Concepções de deficiência: um estudo das representações sociais dos professores da "
        "Educação Física no ensino superior. Dissertação (Mestrado em Educação) – Faculdade de Educação, "
        "Universidade Federal da Bahia, 2007.",
        {"kind": "thesis", "publisher": "Faculdade de Educação, Universidade Federal da Bahia", "place": "",
         "year": "2007"},
    ),
    (
        # edur-literatura-indigena: no dash; the type of work "presented to" a programme, the school named last
        "SANTOS, Franciele Silva. *Juvenal Payayá e a literatura de autoria indígena no Brasil*. Dissertação de "
        "Mestrado apresentada ao Programa de Pós-graduação em literatura e cultura da UFBA. Salvador, 2016.",
        {"kind": "thesis", "title": "Juvenal Payayá e a literatura de autoria indígena no Brasil", "place": "Salvador",
         "publisher": "UFBA", "year": "2016"},
    ),
    (
        # edur-literatura-indigena: the programme's name has a colon; it had been read as "Place: Publisher"
        "LIMA, Amanda Machado Alves de. *O livro indígena e suas múltiplas grafias*. Dissertação apresentada ao "
        "Programa de Pós-Graduação em Letras: Estudos Literários, da FaLe/UFMG. Belo Horizonte, 2012.",
        {"kind": "thesis", "place": "Belo Horizonte", "publisher": "FaLe/UFMG", "year": "2012"},
    ),
    (
        # bak-p59610: the number of leaves ("230 f.") between the deposit year and the type
        "SOUZA, A. P. Análise dialógica dos discursos. 2021. 230 f. Tese (Doutorado em Linguística Aplicada) – "
        "Pontifícia Universidade Católica de São Paulo, São Paulo, 2021.",
        {"kind": "thesis", "title": "Análise dialógica dos discursos", "place": "São Paulo",
         "publisher": "Pontifícia Universidade Católica de São Paulo"},
    ),
]


@pytest.mark.parametrize(("entry", "expected"), THESES)
def test_academic_work(entry, expected):
    ref = parse_entry(entry, "r", 1)
    assert {k: getattr(ref, k) for k in expected} == expected


def test_forms_that_are_neither_are_left_alone():
    # no numbering, no year at the end, no type of work: each reader declines
    assert periodical_article("Um título. São Paulo: Cortez, 2005.") is None
    assert periodical_article("Um título. Revista, v. 2, n. 3.") is None
    assert academic_work("Um título. Tese (Doutorado) – Universidade de São Paulo, São Paulo, Brasil.") is None
    assert academic_work("Um título sobre a tese. São Paulo: Cortez, 2005.") is None
    # a title with no end before the journal: nothing to split
    assert periodical_article("Revista Brasileira, v. 2, n. 3, 2001.") is None


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Brasília, 14 jul.", "Brasília"),
        ("Santa Maria, maio/ago.", "Santa Maria"),
        ("Rio de Janeiro", "Rio de Janeiro"),  # "Janeiro" is no month after a place without a day
        ("Santa Maria", "Santa Maria"),
        ("12 mar.", ""),
        ("Marrakech, Oct. 13", "Marrakech"),  # month first (ecos-china-new-normal)
        ("São Paulo, 20 de novembro de", "São Paulo"),  # in words, before "de 2019" (bak-p59610)
        ("19 a 25 de agosto de", ""),  # a week
    ],
)
def test_issue_place(place, expected):
    assert issue_place(place) == expected


def test_numbering():
    assert numbering("São Paulo, v. 10. n. 1, p. 83-97, jun.") == (
        {"volume": "10", "issue": "1", "pages": "83-97"}, len("São Paulo, "),
    )
    assert numbering("Santa Maria") == ({}, len("Santa Maria"))


def test_hostile_entries_are_read_in_bounded_time():
    # long runs of the pieces the readers look for: each is read, or declined, in one pass
    for text in ("A. " * 5000 + "Revista, v. 1, 2001.", "Tese. " * 5000, "x, v. 1" * 5000 + ", 2001.",
                 "Tese (x) – " * 3000 + "Universidade, São Paulo, 2001."):
        periodical_article(text)
        academic_work(text)


LAWS = [
    (
        # ensaio-deficiencia: NBR 6023 7.11.1, the act and its summary, the gazette, its place and date
        "BRASIL. Decreto nº 5.622, de 19 de dezembro de 2005. Regulamenta o art. 80 da Lei no 9.394, de 20 de "
        "dezembro de 1996, que estabelece as diretrizes e bases da Educação nacional. Diário Oficial da União, "
        "Brasília, DF, 20 dez. 2005a.",
        {"kind": "legislation", "container": "Diário Oficial da União", "place": "Brasília, DF", "year": "2005a",
         "date": "2005-12-20",
         "title": "Decreto nº 5.622, de 19 de dezembro de 2005. Regulamenta o art. 80 da Lei no 9.394, de 20 de "
         "dezembro de 1996, que estabelece as diretrizes e bases da Educação nacional"},
    ),
    (
        # the form NBR 6023 7.11.1 gives, with the gazette's section, year of issue, number and pages
        "BRASIL. Lei nº 9.394, de 20 de dezembro de 1996. Estabelece as diretrizes e bases da educação nacional. "
        "Diário Oficial da União: seção 1, Brasília, DF, ano 134, n. 248, p. 27833-27841, 23 dez. 1996.",
        {"kind": "legislation", "container": "Diário Oficial da União", "place": "Brasília, DF", "year": "1996",
         "pages": "27833-27841"},
    ),
    (
        # without a gazette an act is read by its epigraph (test_an_act_without_its_gazette), and given no gazette
        "BRASIL. *Lei n.º 6001, de 19 de dezembro de 1973*. Dispões sobre o Estatuto do Índio. Brasília, 1973.",
        {"kind": "legislation", "container": ""},
    ),
]


@pytest.mark.parametrize(("entry", "expected"), LAWS)
def test_legislation(entry, expected):
    ref = parse_entry(entry, "r", 1)
    assert {k: getattr(ref, k) for k in expected} == expected


@pytest.mark.parametrize(
    ("entry", "title", "year"),
    [
        # rdbci-bibliotecas: a document seen online, the title and the year and nothing else (NBR 6023 7.5)
        ("KELMAN, S. Public libraries and government innovation. 2021. Disponível em: https://fcw.com/blogs/"
         "lectern/2021/08/kelman-innovation-libararies.aspx?m=1. Acesso em: 09 ago. 2021.",
         "Public libraries and government innovation", "2021"),
        # bak-p58270: the year after the link
        ("GALVÃO, M. Atos de fala indiretos e implicaturas conversacionais. Disponível em: https://www.academia.edu/"
         "42733938/Atos_de_fala_indiretos_e_implicaturas_conversacionais, 2007.",
         "Atos de fala indiretos e implicaturas conversacionais", "2007"),
    ],
)
def test_title_and_year_only(entry, title, year):
    ref = parse_entry(entry, "r", 1)
    assert (ref.title, ref.year, ref.place, ref.publisher) == (title, year, "", "")
    assert not any("whole entry" in n for n in ref.notes)


def test_a_month_is_no_title_end():
    # ecos-china-new-normal: "Aug. 2017." is a date; the entry stays as it was, whole
    ref = parse_entry("HOU, J.; GELB, S. *The shift in manufacturing employment in China.* Background Paper. The "
                      "Overseas Development Institute, Aug. 2017.", "r", 1)
    assert any("whole entry" in n for n in ref.notes)


@pytest.mark.parametrize(
    ("head", "year", "date"),
    [
        ("Brasília, 14 jul.", 2003, "2003-07-14"),  # ciedu-saresp
        ("Argentina, 24 dic.", 2015, "2015-12-24"),  # mediacoes-cambiemos, Spanish
        ("Aug. 31,", 2023, "2023-08-31"),  # ecos-china-new-normal, month first
        ("p. 2435-2445, Set.", 2012, "2012-09"),  # ensaio-deficiencia, the month alone
        ("Rio de Janeiro", 2001, ""),  # "Janeiro" after a place is no month
        ("p. 299-312, maio/ago.", 2014, ""),  # two months: no one date
        ("31 fev.", 2001, ""),  # no such day
        ("São Paulo, 20 de novembro de", 2019, "2019-11-20"),  # bak-p59610, in words
        ("19 a 25 de agosto de", 2019, ""),  # bak-p59610, a week: no one day
    ],
)
def test_issue_date(head, year, date):
    assert issue_date(head, year) == date


def test_a_thesis_with_its_pages_in_p_and_a_full_stop_before_its_school(corpus):
    # bak-p59099 lists "HUFF. L. A. *Entre o sujeito e o seu discurso:* um estudo dialógico. 202p. *Tese* (Doutorado
    # em Linguística). Programa de Pós-Graduação em Linguística, Centro de Comunicação e Expressão, Universidade
    # Federal de Santa Catarina, Florianópolis, 2021.": a person (the comma after HUFF printed as a full stop) and
    # a doctoral thesis, not a book titled "L".
    from histkit.extract.references import article_references

    (huff,) = [r for r in article_references(corpus["bak-p59099"]) if r.key == "HUFF"]
    assert [(n.family, n.given) for n in huff.authors] == [("HUFF", "L. A.")]
    assert huff.kind == "thesis" and huff.year == "2021"
    assert huff.title == "Entre o sujeito e o seu discurso: um estudo dialógico"
    assert huff.genre == "Tese (Doutorado em Linguística)" and huff.place == "Florianópolis"
    assert huff.publisher.endswith("Universidade Federal de Santa Catarina")


def test_a_body_before_a_full_stop_is_no_person():
    decree = parse_entry("BRASIL. Decreto nº. 2848, de 07 de dezembro de 1940. Disponível em: http://x.", "r1", 1)
    assert [(n.family, n.given) for n in decree.authors] == [("BRASIL", "")]


def test_a_volume_printed_without_its_full_stop(corpus):
    # bak-p59099: "SCOOT, J. Gênero, uma categoria útil de análise histórica. *Educação e realidade*, v 2, n. 20,
    # p.145-155, 1995.": the "v" of "v 2" is the volume's mark, not the journal's place (rendered "..., v, v. 2")
    from histkit.extract.references import article_references

    (scoot,) = [r for r in article_references(corpus["bak-p59099"]) if r.key == "SCOOT"]
    assert (scoot.container, scoot.place, scoot.volume, scoot.issue) == ("Educação e realidade", "", "2", "20")


def test_an_imprint_with_no_space_before_its_year(corpus):
    # bak-p59099: "BRASIL. *Constituição da República Federativa do Brasil.* Brasília, DF: Senado,1988." The title
    # read "Constituição ... do Brasil. Brasília, DF: Senado,1988." with the imprint inside it.
    from histkit.extract.references import article_references

    (charter,) = [r for r in article_references(corpus["bak-p59099"]) if r.key == "BRASIL" and r.year == "1988"]
    assert (charter.title, charter.place, charter.publisher) == (
        "Constituição da República Federativa do Brasil", "Brasília, DF", "Senado")


ACTS = [
    (
        # edur-literatura-indigena, line 219: the act, its summary, the place and year it was given; no gazette
        "BRASIL. *Lei n.º 6001, de 19 de dezembro de 1973*. Dispões sobre o Estatuto do Índio. Brasília, 1973.",
        {"kind": "legislation", "title": "Lei n.º 6001, de 19 de dezembro de 1973. Dispões sobre o Estatuto do Índio",
         "place": "Brasília", "date": "", "year": "1973", "container": ""},
    ),
    (
        # bak-p59099, line 272: the act alone once its online part is cut
        "BRASIL. Decreto nº. 2848, de 07 de dezembro de 1940. Disponível em: http://www.planalto.gov.br/ccivil_03/"
        "decreto-lei/del2848.htm. Acesso em: 08 mai. 2020.",
        {"kind": "legislation", "title": "Decreto nº. 2848, de 07 de dezembro de 1940", "place": "",
         "year": "1940"},
    ),
    (
        # oes-tourism-gentrification: after an APA year, the date in numerals
        "Plano Diretor de Pirenópolis. (2002). Lei Complementar nº 02/02 de 12/12/2002. Recuperado de "
        "https://pirenopolis.go.gov.br/wp-content/uploads/2022/04/plano-diretor-2002_antigo.pdf .",
        {"kind": "legislation", "title": "Lei Complementar nº 02/02 de 12/12/2002", "year": "2002"},
    ),
    (
        # fixture, left alone: a law named without its number and date is a book with its imprint
        "BRASIL. Lei de Diretrizes e Bases da Educação Nacional. Brasília: MEC, 1996.",
        {"kind": "book", "title": "Lei de Diretrizes e Bases da Educação Nacional", "place": "Brasília",
         "publisher": "MEC"},
    ),
]


@pytest.mark.parametrize(("entry", "expected"), ACTS)
def test_an_act_without_its_gazette(entry, expected):
    ref = parse_entry(entry, "r", 1)
    assert {k: getattr(ref, k) for k in expected} == expected
