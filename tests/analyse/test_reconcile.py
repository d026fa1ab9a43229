"""Reconciliation: exact, folded and fuzzy matches of cited names with the reference list."""

from __future__ import annotations

import pandas as pd
import pytest

from histkit.analyse.reconcile import check_threshold, match_name, reconcile
from histkit.core.errors import ParameterError
from histkit.extract.references import parse_references

LIST = parse_references(
    [
        "CARR, B. **El movimiento obrero**. Mexico City: ERA, 1976.",
        "_____. **Marxism and Communism**. Lincoln: University of Nebraska Press, 1992.",
        "GÓMEZ, M. From Mexico to Moscow. **Survey 55**, London, Great Britain, October 1964.",
        "LAZITCH, B.; DRCHKOVITCH, M. **Lenin and the Comintern**. Stanford: Hoover, 1972.",
        "AHSRE - Acervo Histórico de la SRE. A letter. Berlin, 29 December 1919.",
    ]
)


@pytest.mark.parametrize(
    ("name", "year", "ref_id", "kind"),
    [
        ("CARR", "1976", "ref01", "exact"),
        ("CARR", "1992", "ref02", "exact"),
        ("Carr", "1992", "ref02", "folded"),
        ("GOMEZ", "1964", "ref03", "folded"),
        ("Gómez", "1964", "ref03", "folded"),
        ("LAZITCH; DRACHKOVITCH", "1972", "ref04", "fuzzy"),
        ("CARR", "1980", "", "none"),  # right author, wrong year
        ("STERN", "1990", "", "none"),
        ("AHSRE", "1919", "ref05", "exact"),
    ],
)
def test_match_name(name, year, ref_id, kind):
    m = match_name(name, year, LIST)
    assert (m.ref_id, m.kind) == (ref_id, kind)


def test_threshold_decides_fuzzy():
    # one letter dropped from 41: similarity 97.6
    assert match_name("LAZITCH; DRACHKOVITCH", "1972", LIST, 97.0).kind == "fuzzy"
    # Below the threshold the first author and year still name one entry: a weaker kind, never exact.
    assert match_name("LAZITCH; DRACHKOVITCH", "1972", LIST, 98.0).kind == "first-author"
    assert match_name("LAZICH; DRACHKOVITCH", "1972", LIST, 98.0).kind == "none"
    assert match_name("ASRE", "", LIST, 85.0, by_year=False).ref_id == "ref05"
    assert match_name("ASRE", "", LIST, 90.0, by_year=False).kind == "none"


@pytest.mark.parametrize("bad", [-1, 101, "85", True, None])
def test_threshold_checked(bad):
    with pytest.raises(ParameterError, match="fuzzy_threshold"):
        check_threshold(bad)


def test_reconcile_small():
    cites = pd.DataFrame({"authors": ["CARR", "Carr", "SMITH"], "year": ["1992", "1976", "2000"]})
    out = reconcile(cites, LIST)
    assert out["match"].tolist() == ["exact", "folded", "none"]
    assert out["ref_id"].tolist() == ["ref02", "ref01", ""]
    assert out["score"].tolist() == [100.0, 100.0, 0.0]  # numbers, typed "number" in the data package


def test_mark_cited_with_no_citation_at_all():
    import pandas as pd

    from histkit.analyse.reconcile import mark_cited

    refs = pd.DataFrame({"ref_id": ["ref01", "ref02"]})
    out = mark_cited(refs, pd.DataFrame({"ref_id": pd.Series([], dtype=str), "group": pd.Series([], dtype=str)}))
    assert list(out["cited"]) == [0, 0]
    assert list(out["citing_groups"]) == ["", ""]


# --- reconciliation on the forms of the development corpus (issue 11) ---------------------------

from histkit.analyse.reconcile import match_name as _match  # noqa: E402
from histkit.extract.references import Name as _Name  # noqa: E402
from histkit.extract.references import Reference as _Ref  # noqa: E402


def _ref(n, families, year, years=()):
    first = int(year[:4])
    return _Ref(f"ref{n:02d}", n, authors=tuple(_Name(f) for f in families), year=year, year_first=first,
                year_last=first, years=years or (first,))


RECONCILE = [
    # (cited names, cited year, list, expected ref_id, kind); the article of each case is named
    ("Posenatto; Araújo", "2012", [_ref(1, ["ARAÚJO", "POSENATTO"], "2012")], "ref01", "folded"),  # oes
    ("Magnier et al.", "2018", [_ref(1, ["Magnier", "Ogden", "Pope"], "2018")], "ref01", "folded"),  # oes
    ("Hou; Gelb; Calabrese", "2017", [_ref(1, ["HOU", "GELB", "CALABRESE"], "2017")], "ref01", "folded"),  # ecos
    (
        "World Bank",
        "2023c",
        [_ref(1, ["WORLD BANK"], "2023"), _ref(2, ["WORLD BANK"], "2023"), _ref(3, ["WORLD BANK"], "2023")],
        "ref03",
        "folded",
    ),  # ecos: year labels the list does not print
    ("NBS", "2024", [_ref(1, ["NBS – National Bureau of Statistics of China"], "2024")], "ref01", "folded"),  # ecos
    ("VOLÓCHINOV", "1929", [_ref(1, ["VOLÓCHINOV"], "2017", (1929, 2017))], "ref01", "other-year"),  # bak-p59610
    ("SEARLE", "1970", [_ref(1, ["SEARLE"], "1969"), _ref(2, ["GRICE"], "1975")], "ref01", "author-only"),  # fixture
    ("SEARLE", "1970", [_ref(1, ["SEARLE"], "1969"), _ref(2, ["SEARLE"], "1979")], "", "none"),  # ambiguous
    ("D'Arcy", "1990", [_ref(1, ["DARCY"], "1990")], "ref01", "folded"),  # fixture: apostrophe
    (
        "Fridman; Araújo; Daibert",
        "2019",
        [_ref(1, ["Fridman", "Silva de Araújo", "Barcelos Damasceno Daibert"], "2019")],
        "ref01",
        "folded",
    ),  # oes: compound surnames cited by their last part
    ("Ruth Glass", "1963", [_ref(1, ["Glass"], "1963")], "ref01", "folded"),  # oes: first name before family
    # fewer co-authors cited than listed: first author and year name one entry (bak-p59610 "(cf. BRAIT, 2012, p.15)")
    ("BRAIT", "2012", [_ref(1, ["BRAIT"], "2006"), _ref(2, ["BRAIT", "PISTORI"], "2012")], "ref02", "first-author"),
    # a co-author mistyped in the text (ciedu "Laros, Marciano e Marciano (2010)")
    (
        "Laros; Marciano; Marciano",
        "2010",
        [_ref(1, ["LAROS", "MARCIANO"], "2008"), _ref(2, ["LAROS", "MARCIANO", "ANDRADE"], "2010")],
        "ref02",
        "first-author",
    ),
    # generational suffixes: rdbci lists "GABRIEL JÚNIOR, R. F.; SOUSA, A. T. de" and cites "Gabriel Júnior";
    # a fixture cites the family without its suffix, another prints "Jr."
    ("Gabriel Júnior; Sousa", "2020", [_ref(1, ["GABRIEL JÚNIOR", "SOUSA"], "2020")], "ref01", "folded"),
    ("Gabriel; Sousa", "2020", [_ref(1, ["GABRIEL JÚNIOR", "SOUSA"], "2020")], "ref01", "folded"),
    ("Curvelo; Lopes Júnior", "2021", [_ref(1, ["CURVELO", "LOPES JR."], "2021")], "ref01", "folded"),
    # two entries of that year with that first author: no guess (ciedu SOARES 2003)
    ("SOARES; SILVA", "2003", [_ref(1, ["SOARES"], "2003"), _ref(2, ["SOARES", "ALVES"], "2003")], "", "none"),
    # a first name before a misprinted family: the family alone is compared
    ("Paul Krugmam", "2023", [_ref(1, ["KRUGMAN"], "2023")], "ref01", "fuzzy"),  # ecos-china-new-normal
    ("Ruth Glas", "1963", [_ref(1, ["Glass"], "1963")], "ref01", "fuzzy"),  # fixture (oes prints "Ruth Glass")
    ("Paul Krugmam", "2021", [_ref(1, ["KRUGMAN"], "2023")], "", "none"),  # fuzzy needs the year
    # no year agrees and the citation names more than the entry: not the same author
    ("Ailton Krenak", "2019", [_ref(1, ["KRENAK"], "2015")], "", "none"),  # edur-literatura-indigena
    ("Dic Lo", "2022", [_ref(1, ["LO"], "2023")], "", "none"),  # ecos-china-new-normal
    ("Sociedad Rural Argentina", "2014", [_ref(1, ["ARGENTINA"], "2018")], "", "none"),  # mediacoes: title entry
]

# Entries as the lists print them (parsed, not built by hand), for acronyms, years and labels.
_PRINTED = parse_references(
    [
        "ESCOLA NACIONAL DE ADMINISTRAÇÃO PÚBLICA. ENAP. Escritora americana explica. 2021.",  # rdbci
        "SISTEMA NACIONAL DE BIBLIOTECAS PÚBLICAS. SNBP. Informações das bibliotecas públicas. 2021.",  # rdbci
        "NBS – National Bureau of Statistics of China. *National data.* Beijing: NBS, 2024.",  # ecos
        "NBS – National Bureau of Statistics of China. *National economy.* Beijing: NBS, 2024a.",  # ecos
        "WORLD BANK. *Global economic prospects.* Washington, DC: World Bank, Jun. 2023a.",  # ecos
        "WORLD BANK. *Services for development.* Washington, D.C.: World Bank, 2023b.",  # ecos
        "WORLD BANK. *World Development Indicators.* Washington, D.C.: World Bank. Available at: "
        "https://data.worldbank.org/. Last access: Jan. 14, 2024.",  # ecos: no year of its own
        "ILO – International Labour Organization. *ILO modeled database,* ILOSTAT. Available at: "
        "https://www.ilo.org/. Last accessed: Jan. 14, 2024.",  # ecos: no year, the only ILO entry
        "BAKHTIN, M. M. *Estética da criação verbal* [1951-1953]. São Paulo: Martins Fontes, 2011/1979.",  # p59099
        "BAKHTIN, M. M. O problema do texto [1954-1961]. *In:* BAKHTIN, M. M. *Estética da criação verbal.* "
        "São Paulo: Martins Fontes, 2011, p.307-336.",  # bak-p59099: same author and year, listed second
        "Escola Nacional de Administração Pública (ENAP). Relatório. Brasília: Enap, 2020.",  # fixture
        "MUNKURUKU, Daniel. Usando a palavra certa. Disponível em: http://x.y/z. Acesso em:05/04/2021",  # edur
    ]
)


@pytest.mark.parametrize(
    ("name", "year", "ref_id", "kind"),
    [
        ("ENAP", "2021", "ref01", "folded"),  # the acronym the entry prints after the name
        ("SNBP", "2021", "ref02", "folded"),
        ("Enap", "2020", "ref11", "folded"),  # printed in parentheses, cited in mixed case
        ("NBS", "2024", "ref03", "folded"),  # the acronym printed before the name
        ("NBS", "2024a", "ref04", "folded"),  # the label the list prints, not the a-th "2024"
        ("WORLD BANK", "2023b", "ref06", "exact"),
        ("World Bank", "2024", "ref07", "author-only"),  # the one WORLD BANK entry with no year of its own
        ("ILO", "2024", "ref08", "author-only"),
        ("MUNKURUKU", "2021", "ref12", "author-only"),  # the access date's year, not the entry's
        ("BAKHTIN", "2011", "ref09", "exact"),  # "2011/1979"; the first in list order wins the tie
        ("BAKHTIN", "1979", "ref09", "other-year"),
    ],
)
def test_reconcile_printed_forms(name, year, ref_id, kind):
    match = _match(name, year, _PRINTED)
    assert (match.ref_id, match.kind) == (ref_id, kind)


@pytest.mark.parametrize(("name", "year", "refs", "ref_id", "kind"), RECONCILE)
def test_reconcile_corpus_forms(name, year, refs, ref_id, kind):
    match = _match(name, year, refs)
    assert (match.ref_id, match.kind) == (ref_id, kind)



def test_a_work_in_press_finds_its_undated_entry():
    # Fixture: "(SILVA, no prelo)" against the entry that prints "no prelo" and no year.
    refs = parse_references(
        ["SILVA, A. Um livro. São Paulo: Cortez, 2001.", "SILVA, A. Outro livro. Revista X, no prelo."]
    )
    assert match_name("SILVA", "no prelo", refs).ref_id == refs[1].ref_id


def test_et_al_compares_a_misspelt_first_author_with_the_first_listed():
    # acta-amazonica-land-cover: "Arroyo-Rodrigues *et al.* 2017" for Arroyo-Rodríguez; Melo; ... 2017;
    # hoehnea-senna-extracts: "Sanchez-Moreno *et al*." for Sánchez‐Moreno (U+2010) ... 1998.
    refs = parse_references([
        "Arroyo-Rodríguez, V.; Melo, F.P.; Martínez-Ramos, M.; Bongers, F. 2017. Multiple successional pathways. "
        "Biological Reviews, 92: 326-340.",
        "Sánchez‐Moreno, C., Larrauri, J.A. & Saura‐Calixto, F. 1998. A procedure to measure. Journal, 76: 270-276.",
    ])
    assert match_name("Arroyo-Rodrigues *et al.*", "2017", refs).ref_id == refs[0].ref_id
    assert match_name("Sanchez-Moreno *et al*.", "1998", refs).ref_id == refs[1].ref_id


_OMOTE = [
    # ensaio-deficiencia prints these two 2005 entries, the one alone first
    "OMOTE, S. A construção de uma escala de atitudes sociais. Revista Brasileira de Educação Especial, v. 11, 2005.",
    "OMOTE, S. A. et al. Mudança de atitudes sociais em relação à inclusão. Paidéia, v. 15, n. 32, 2005.",
]


@pytest.mark.parametrize("entries", [_OMOTE, _OMOTE[::-1]])
@pytest.mark.parametrize(
    ("name", "with_coauthors"),
    # the slips "et. al." and "et al. al." (ecos-china-new-normal prints "Li et al. al., 2012") are "et al." too
    [("OMOTE *et al* .", True), ("Omote et al.", True), ("OMOTE", False), ("Omote et. al.", True),
     ("Omote et al. al.", True)],
)
def test_et_al_cites_the_entry_with_coauthors(entries, name, with_coauthors):
    # APA 8.17, NBR 10520: "et al." stands for co-authors, so of two entries of one name and year it is
    # the one with co-authors; a name alone is the one alone, whatever the list's order.
    refs = parse_references(entries)
    m = match_name(name, "2005", refs)
    (ref,) = [r for r in refs if r.ref_id == m.ref_id]
    assert ref.et_al is with_coauthors


def test_et_al_with_two_authors_listed():
    # Fixture (mixed-case ABNT): "Smith, J.; Jones, K. Title" has co-authors without printing "et al."
    refs = parse_references(
        ["Smith, J. Alone. London: Verso, 2001.", "Smith, J.; Jones, K. Together. London: Verso, 2001."]
    )
    assert match_name("Smith et al.", "2001", refs).ref_id == "ref02"
    assert match_name("Smith", "2001", refs).ref_id == "ref01"


def test_et_al_in_the_corpus(corpus):
    # ensaio-deficiencia: "( ANTONAK; LIVNEH, 1988 ; OMOTE, 2005 , 2016 ; OMOTE *et al* ., 2005)"
    from histkit.extract.citations import citations_table
    from histkit.extract.references import article_references

    art = corpus["ensaio-deficiencia"]
    refs = article_references(art)
    rows = reconcile(citations_table(art), refs)
    at = art.text.index("OMOTE *et al* ., 2005")
    (row,) = rows[rows["start"] == at].itertuples()
    assert row.quote == "OMOTE *et al* ., 2005"
    assert next(r for r in refs if r.ref_id == row.ref_id).title.startswith("Mudança de atitudes")
    (alone,) = rows[(rows["start"] == art.text.index("OMOTE, 2005")) & (rows["year"] == "2005")].itertuples()
    assert next(r for r in refs if r.ref_id == alone.ref_id).title.startswith("A construção")


def test_a_country_cited_in_the_articles_language():
    # Fixtures: NBR 6023 enters a government's works under the jurisdiction, printed in the list's language.
    refs = parse_references(
        [
            "ESPAÑA. Ley Orgánica 2/2006, de 3 de mayo, de Educación. Madrid: BOE, 2006.",
            "PORTUGAL. Lei de Bases do Sistema Educativo. Lisboa: Diário da República, 2006.",
        ]
    )
    assert (match_name("Spain", "2006", refs).ref_id, match_name("Spain", "2006", refs).kind) == ("ref01", "folded")
    assert match_name("Portugal", "2006", refs).ref_id == "ref02"
    assert match_name("Brazil", "2006", refs).kind == "none"  # another country is not taken for a listed one


def test_a_country_cited_in_english_in_the_corpus(corpus):
    # oes-tourism-gentrification (English): "(Brazil, 2022)" for "Brasil. (2022). Ministério do Turismo ..."
    from histkit.extract.citations import citations_table
    from histkit.extract.references import article_references

    art = corpus["oes-tourism-gentrification"]
    refs = article_references(art)
    rows = reconcile(citations_table(art), refs)
    (row,) = rows[rows["quote"] == "Brazil, 2022"].itertuples()
    ref = next(r for r in refs if r.ref_id == row.ref_id)
    assert (ref.key, ref.year) == ("Brasil", "2022")
    assert "Ministério do Turismo" in art.text[ref.start : ref.end]


def test_a_body_cited_by_its_acronym_or_in_full():
    # Fixtures: "(Ipea, 2021b)" against an APA entry that prints the acronym after the name, and the name in
    # full with "[FAPESP]" against an ABNT entry "FUNDAÇÃO ... (FAPESP)".
    refs = parse_references(
        [
            "Instituto de Pesquisa Econômica Aplicada (Ipea). (2021b). Atlas da violência. Brasília: Ipea.",
            "FUNDAÇÃO DE AMPARO À PESQUISA DO ESTADO DE SÃO PAULO (FAPESP). Relatório. São Paulo: FAPESP, 2018.",
        ]
    )
    assert match_name("Ipea", "2021b", refs).ref_id == "ref01"
    assert match_name("Fundação de Amparo à Pesquisa do Estado de São Paulo [Fapesp]", "2018", refs).ref_id == "ref02"
    assert match_name("FAPESP", "2018", refs).ref_id == "ref02"


@pytest.mark.parametrize(
    ("name", "year", "number"),
    [
        ("SILVA", "s.d.", 2),  # NBR 10520: an online page with only an access date
        ("Silva", "s/d", 2),
        ("Smith", "n.d.", 3),  # APA 8.19: "(n.d.)" in the entry
        ("Lee", "in press", 5),
        ("GÓMEZ", "en prensa", 6),
    ],
)
def test_an_undated_citation_finds_its_undated_entry(name, year, number):
    # Fixtures of the issue's forms: the match is no "year differs" (author-only) but the names and no date.
    refs = parse_references(
        [
            "SILVA, A. Um livro. São Paulo: Cortez, 2001.",
            "SILVA, A. Página oficial. Disponível em: https://x.org. Acesso em: 3 mar. 2020.",
            "Smith, J. (n.d.). Web page. Retrieved from https://x.org",
            "Smith, J. (2019). Book. London: Verso.",
            "Lee, K. (in press). Paper. Journal of Things.",
            "GÓMEZ, L. Libro. Madrid: Akal, en prensa.",
        ]
    )
    m = match_name(name, year, refs)
    assert (m.ref_id, m.kind in ("exact", "folded")) == (refs[number - 1].ref_id, True)


def test_abnt_persons_in_mixed_case_with_a_particle():
    # A second fixture of the issue's mixed-case ABNT form: initials, a particle, three persons.
    from histkit.extract.references import parse_entry

    ref = parse_entry("Oliveira, J. L. S. de; Pereira, A.; Costa, B. C. Título. Rio de Janeiro: FGV, 2015.", "r", 1)
    assert [n.family for n in ref.authors] == ["Oliveira", "Pereira", "Costa"]
    assert ref.year == "2015"


def test_a_newspaper_issue_finds_the_entry_of_its_date():
    # mediacoes-cambiemos prints one entry per issue ("El Cronista, 24/5/17 falta referencia"); fixture of that form.
    refs = parse_references(
        [
            "El Cronista, 13/5/16 falta referencia",
            "El Cronista, 24/5/17 falta referencia",
            "Clarín, 15/5/18 falta referencia",
        ]
    )
    assert match_name("El Cronista", "24/5/17", refs).ref_id == "ref02"
    assert match_name("El Cronista", "13/5/16", refs).ref_id == "ref01"
    assert match_name("Clarín", "31/12/16", refs).kind == "none"  # an issue the list does not hold


def test_newspaper_issues_in_the_corpus(corpus):
    from histkit.extract.citations import citations_table
    from histkit.extract.references import article_references

    art = corpus["mediacoes-cambiemos"]
    refs = {r.ref_id: r for r in article_references(art)}
    rows = reconcile(citations_table(art), list(refs.values()))
    got = {(r.year, refs[r.ref_id].title[:8]) for r in rows.itertuples() if r.ref_id and "/" in r.year}
    assert {("24/5/17", "24/5/17 "), ("13/5/16", "13/5/16 "), ("9/11/17", "9/11/17."), ("31/8/2017", "31/8/201")} <= got


def test_a_body_cited_by_the_initials_of_its_name():
    # APA 8.21: "(CLSI, 2008)" (hoehnea-senna-extracts) and "(IBGE, 2010)" (fixture) for entries that spell the
    # name out and print no acronym; initials must agree exactly ("CLS" is no match).
    refs = parse_references(
        [
            "Clinical and Laboratory Standards Institute. 2008. Reference Method. Wayne: CLSI.",
            "INSTITUTO BRASILEIRO DE GEOGRAFIA E ESTATÍSTICA. Censo demográfico. Rio de Janeiro, 2010.",
        ]
    )
    assert match_name("CLSI", "2008", refs).ref_id == "ref01"
    assert match_name("IBGE", "2010", refs).ref_id == "ref02"
    assert match_name("CLS", "2008", refs).kind == "none"


def test_a_standard_in_the_corpus(corpus):
    # hoehnea-senna-extracts: "... do documento M38-A (CLSI M38-A2, 2008)"
    from histkit.extract.citations import citations_table
    from histkit.extract.references import article_references

    art = corpus["hoehnea-senna-extracts"]
    refs = {r.ref_id: r for r in article_references(art)}
    rows = reconcile(citations_table(art), list(refs.values()))
    (row,) = rows[rows["quote"] == "CLSI M38-A2, 2008"].itertuples()
    assert refs[row.ref_id].key == "Clinical and Laboratory Standards Institute"
