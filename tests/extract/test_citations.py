import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import histkit as hk
from histkit.core.errors import ParameterError
from histkit.extract.citations import (
    citations_table,
    find_groups,
    fold,
    parse_group,
    read_group,
)
from histkit.extract.stages import check_stage_sections, curated_stage_sections, stage_of
from histkit.text.tables import check_provenance
from tests.conftest import patience


@pytest.fixture(scope="module")
def article():
    return hk.load_seed("spenser-bolsheviks-mexico")


@pytest.fixture(scope="module")
def table(article):
    return citations_table(article)


# content of the parenthetical -> [(authors, year, year_first, year_last, pages)], from the article text
GROUPS = [
    ("BARTRA, 1986, p. 320", [(("BARTRA",), "1986", 1986, 1986, "320")]),
    ("Bartra, 1986, p. 320", [(("Bartra",), "1986", 1986, 1986, "320")]),
    ("PHILLIPS, 1920, p. 5-8", [(("PHILLIPS",), "1920", 1920, 1920, "5-8")]),
    ("CLISSOLD, 1970, p. 87", [(("CLISSOLD",), "1970", 1970, 1970, "87")]),
    (
        "CARR, 1992; KHEIFETS; KHEIFETS, 1994/95",
        [(("CARR",), "1992", 1992, 1992, ""), (("KHEIFETS", "KHEIFETS"), "1994/95", 1994, 1995, "")],
    ),
    ("KRAUZE; MEYER; REYES, 1981", [(("KRAUZE", "MEYER", "REYES"), "1981", 1981, 1981, "")]),
    ("GÓMEZ, 1964", [(("GÓMEZ",), "1964", 1964, 1964, "")]),
    ("AHSRE, 1919", [(("AHSRE",), "1919", 1919, 1919, "")]),
    ("Smith et al., 1999/2000, pp. 10-12", [(("Smith et al.",), "1999/2000", 1999, 2000, "10-12")]),
    ("McDermott; Agnew, 1997", [(("McDermott", "Agnew"), "1997", 1997, 1997, "")]),
    ("KHEIFETS, 1999/01", [(("KHEIFETS",), "1999/01", 1999, 2001, "")]),
]


@pytest.mark.parametrize(("content", "expected"), GROUPS)
def test_parse_group_forms(content, expected):
    works = parse_group(content)
    got = [(w.authors, w.year, w.year_first, w.year_last, w.pages) for w in works]
    assert got == expected


@pytest.mark.parametrize(
    "content",
    [
        "1892-1953",
        "ed.",
        "US\\$25,000",
        "No. The Indians were illiterate",
        "CROM",
        "CIESAS",
        "SRE",
        "February 1927",
        '"A great love"',
        "SMITH; JONES",  # co-authors without a year
        "",
    ],
)
def test_non_citations_are_rejected(content):
    assert parse_group(content) is None


def test_malformed_segment_is_reported_without_losing_the_group():
    works, problems = read_group("CARR, 1992; see also the diary")
    assert [(w.authors, w.year) for w in works] == [(("CARR",), "1992")]
    assert [(p.text, p.start) for p in problems] == [("see also the diary", 12)]


def test_case_of_names():
    assert parse_group("BARTRA, 1986")[0].case == "upper"
    assert parse_group("Bartra, 1986")[0].case == "mixed"


def test_work_offsets_point_into_the_group():
    content = "STERN, 1990; LAZITCH; DRACHKOVITCH, 1972"
    works = parse_group(content)
    assert [content[w.start : w.end] for w in works] == ["STERN, 1990", "LAZITCH; DRACHKOVITCH, 1972"]


def test_find_groups_shifts_offsets():
    text = "as he said (CARR, 1976). Then (CROM) and (1892-1953)."
    groups = find_groups(text, offset=100)
    assert len(groups) == 1
    assert (groups[0].start, groups[0].end) == (100 + text.index("("), 100 + text.index(")") + 1)


@pytest.mark.parametrize("section", [1, 2, 3, 4, None])
def test_no_section_is_a_stage_without_curation(section):
    assert stage_of(section) is None


def test_stages_come_from_the_seeds_annotations(article, corpus):
    # the first article's annotations.yaml names sections 2, 3 and 4 as its three stages
    assert curated_stage_sections(article) == (2, 3, 4)
    assert set(citations_table(article)["stage"].dropna()) == {1, 2, 3}
    assert curated_stage_sections(corpus["mediacoes-cambiemos"]) == ()  # no curated file, no stage


@pytest.mark.parametrize(("section", "stage"), [(1, None), (2, 1), (3, 2), (4, 3), (5, None), (None, None)])
def test_stage_of_curated_sections(section, stage):
    assert stage_of(section, (2, 3, 4)) == stage


def test_stage_of_custom_mapping():
    assert stage_of(3, (3, 4)) == 1


@pytest.mark.parametrize("bad", ["2,3,4", [2, "3"], [2, 2], [True]])
def test_stage_sections_checked(bad):
    with pytest.raises(ParameterError, match="stage_sections"):
        check_stage_sections(bad)


def test_fold():
    assert fold("GÓMEZ") == fold("Gómez") == "gomez"


# --- end to end on the seed: values read from the article text ---------------------------------


def test_provenance(table, article):
    check_provenance(table, article.text, "citations")
    groups = table.drop_duplicates("group")
    check_provenance(
        groups.rename(columns={"group_start": "s", "group_end": "e"})[["s", "e", "group_quote"]].rename(
            columns={"s": "start", "e": "end", "group_quote": "quote"}
        ),
        article.text,
        "citation groups",
    )


def test_counts_on_seed(table):
    # 22 parenthetical groups with a year in the article; the three multi-work groups hold 4, 4 and 2
    # works and "(BARTRA, 1986; LOMNITZ, 2014)" two: 30 cited works.
    assert table["group"].nunique() == 22
    assert len(table) == 30
    sizes = table.groupby("group").size()
    assert sorted(sizes.tolist(), reverse=True)[:4] == [4, 4, 2, 2]


def test_seed_rows(table):
    first = table.iloc[0]
    assert (first["quote"], first["pages"], first["section"], first["element_kind"]) == (
        "BARTRA, 1986, p. 320",
        "320",
        1,
        "blockquote",
    )
    mixed = table[table["case"] == "mixed"]
    assert mixed["quote"].tolist() == ["Bartra, 1986, p. 320"]
    kheifets = table[table["authors"] == "KHEIFETS; KHEIFETS"].iloc[0]
    assert (kheifets["year_first"], kheifets["year_last"], kheifets["stage"]) == (1994, 1995, 1)
    assert kheifets["group_quote"] == "(CARR, 1992; KHEIFETS; KHEIFETS, 1994/95)"


def test_stages_on_seed(table):
    by_stage = table.dropna(subset=["stage"]).groupby("stage")["authors"].apply(list)
    assert "STERN" in by_stage[1] and "PESTKOWSKI" in by_stage[2] and "CLEMENTS" in by_stage[3]
    # sections 1 (introduction) and 5 (conclusion) are not stages
    assert table.loc[table["section"].isin([1, 5]), "stage"].isna().all()


def test_non_citations_of_seed_absent(table):
    quotes = " ".join(table["group_quote"])
    for text in [
        "(1892-1953)",
        "(ed.)",
        "(US\\$25,000)",
        "(No. The Indians were illiterate)",
        "(CIESAS)",
        "(SRE)",
    ]:
        assert text not in quotes


# Build the table and export it as the notebook does, in a fresh interpreter.
_EXPORT = (
    "import sys, histkit as hk; from histkit.extract.citations import citations_table; "
    "hk.export_tables({'citations': citations_table(hk.load_seed('spenser-bolsheviks-mexico'))}, sys.argv[1])"
)


def test_deterministic(tmp_path):
    """The exported CSV is byte-identical whatever the string hash seed (no set or dict-of-str order)."""
    root = Path(__file__).resolve().parents[2]
    outputs = []
    for hash_seed in ("0", "1", "4242"):
        folder = tmp_path / f"hash{hash_seed}"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(root / "src"), "HISTKIT_ROOT": str(root)}
        subprocess.run([sys.executable, "-c", _EXPORT, str(folder)], env=env, cwd=root, check=True,
                       timeout=patience(120))
        outputs.append((folder / "citations.csv").read_bytes())
    assert outputs[0].count(b"\n") == 31  # the header and the article's 30 cited works
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]


_names = st.lists(st.from_regex(r"[A-Z][A-Z]{1,11}", fullmatch=True), min_size=1, max_size=3)
_works = st.lists(
    st.tuples(_names, st.integers(1500, 2099), st.none() | st.tuples(st.integers(1, 999), st.integers(0, 50))),
    min_size=1,
    max_size=4,
)


@given(_works)
def test_parse_group_round_trip(works):
    parts = []
    for names, year, pages in works:
        text = f"{'; '.join(names)}, {year}"
        if pages:
            text += f", p. {pages[0]}-{pages[0] + pages[1]}" if pages[1] else f", p. {pages[0]}"
        parts.append(text)
    content = "; ".join(parts)
    parsed = parse_group(content)
    assert [(list(w.authors), w.year_first) for w in parsed] == [(n, y) for n, y, _ in works]
    assert [content[w.start : w.end] for w in parsed] == parts


# --- the author-date forms of the development corpus (issue 11); the article of each case is named ---

CORPUS_GROUPS = [
    ("Harvey, 1996", [(("Harvey",), "1996", "")]),  # oes-tourism-gentrification
    (" PIVA, 2015 ", [(("PIVA",), "2015", "")]),  # mediacoes-cambiemos: spaces inside the parentheses
    ("NBS, 2024, 2024a", [(("NBS",), "2024", ""), (("NBS",), "2024a", "")]),  # ecos: two years, one author
    ("World Bank, 2023c", [(("World Bank",), "2023c", "")]),  # ecos: corporate author, year label
    ("Araújo e Posenatto, 2012", [(("Araújo", "Posenatto"), "2012", "")]),  # oes: "e" between authors
    ("SEARLE, 1969, p.33", [(("SEARLE",), "1969", "33")]),  # bak-p58270: no space after "p."
    ("VOLOSHINOV, 2010 , p. 34", [(("VOLOSHINOV",), "2010", "34")]),  # mediacoes: space before the comma
    ("ARGENTINA..., 2018", [(("ARGENTINA...",), "2018", "")]),  # mediacoes: title as author
    (
        " LÓPEZ; CANTAMUTTO, 2018 ; TRUJILLO, 2017 ",
        [(("LÓPEZ", "CANTAMUTTO"), "2018", ""), (("TRUJILLO",), "2017", "")],
    ),
    # mediacoes-cambiemos, above: co-authors by ";" and a space before the ";"
    ("IBGE, s.d.", [(("IBGE",), "s.d.", "")]),  # fixture: no date
    ("Smith & Jones, 2001, pp. 3-4", [(("Smith", "Jones"), "2001", "3-4")]),  # fixture: ampersand
    ("BAKHTIN, 2003, p. xiv", [(("BAKHTIN",), "2003", "xiv")]),  # fixture: Roman page
]


@pytest.mark.parametrize(("content", "expected"), CORPUS_GROUPS)
def test_corpus_group_forms(content, expected):
    works = parse_group(content)
    assert [(w.authors, w.year, w.pages) for w in works] == expected
    assert all(w.form == "parenthetical" for w in works)


def test_apud_keeps_both_works_with_their_roles():
    works = parse_group("BAKHTIN, 1997 apud FARACO, 2009, p. 40")
    assert [(w.authors, w.year, w.role) for w in works] == [
        (("BAKHTIN",), "1997", "original"),
        (("FARACO",), "2009", "source"),
    ]


@pytest.mark.parametrize("content", ["Ibidem, p. 45", "Id., p. 3", "op. cit., p. 40", "Idem"])
def test_ibidem_forms(content):
    (work,) = parse_group(content)
    assert work.form == "ibidem"


NARRATIVES = [
    ("Como señala Alonso (1998, p. 188) , el análisis", ("Alonso",), "1998", "188"),  # mediacoes
    ("See Hou, Gelb, and Calabrese (2017).", ("Hou", "Gelb", "Calabrese"), "2017", ""),  # ecos
    ("Magnier et al. (2018) show", ("Magnier et al.",), "2018", ""),  # oes
    ("Ives (2009) resaltó", ("Ives",), "2009", ""),  # mediacoes
    ("segundo Bakhtin [1929]", ("Bakhtin",), "1929", ""),  # fixture: year in brackets
]


@pytest.mark.parametrize(("text", "authors", "year", "pages"), NARRATIVES)
def test_narrative_citations(text, authors, year, pages):
    (group,) = find_groups(text)
    (work,) = group.works
    assert (work.authors, work.year, work.pages, work.form) == (authors, year, pages, "narrative")
    assert text[group.start : group.end].startswith(authors[0].split()[0])


@pytest.mark.parametrize("text", ["Corey (1892-1953) was", "In May (1925) they", "the Revolution (CROM) was"])
def test_not_narrative_citations(text):
    assert find_groups(text) == []


def test_ibidem_takes_the_previous_work(corpus):
    from histkit.extract.citations import citations_table as table_of

    for name in corpus:
        rows = table_of(corpus[name])
        ibid = rows[rows["form"] == "ibidem"]
        assert (ibid["year"] != "").all() or ibid.empty, name


def test_corpus_tables_keep_provenance(corpus):
    for name, art in corpus.items():
        rows = citations_table(art)
        check_provenance(rows, art.text, f"citations of {name}")
        assert set(rows["form"]) <= {"parenthetical", "narrative", "bare", "ibidem"}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("cf. BRAIT, 2006, 2008", [(("BRAIT",), "2006"), (("BRAIT",), "2008")]),  # bak-p59610
        ("cf., entre outros, BRAIT, 2009a, 2009b", [(("BRAIT",), "2009a"), (("BRAIT",), "2009b")]),  # bak-p59610
        ("see also Harvey, 1996", [(("Harvey",), "1996")]),  # fixture
        ("Bakhtin/Medvedev, 1978", [(("Bakhtin", "Medvedev"), "1978")]),  # bak-p59610
    ],
)
def test_leading_cf_and_slash(content, expected):
    assert [(w.authors, w.year) for w in parse_group(content)] == expected


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("However, Ribeiro (2005) argues", ("Ribeiro",)),  # oes
        ("in Brazil and Portugal, Leite (2007) shows", ("Leite",)),  # oes
    ],
)
def test_narrative_clause_before_the_name_is_left_out(text, authors):
    (group,) = find_groups(text)
    assert group.works[0].authors == authors


@pytest.mark.parametrize(
    ("text", "bare", "expected"),
    [
        ("No original: Grice, 1975, p.48.", "all", [(("Grice",), "1975", "48")]),  # bak-p58270, a note
        ("Tradução de Austin, 1990, p. 24.", "all", [(("Austin",), "1990", "24")]),  # fixture, a note
        ("(Russell e Strawson, já mencionados em Searle, 1969, p.157)", "remarks", [(("Searle",), "1969", "157")]),
        ("Mexico City, 11 February 1925, reel 83", "all", []),  # the seed's note 2: no author-year
    ],
)
def test_bare_citations_in_notes_and_remarks(text, bare, expected):
    works = [w for g in find_groups(text, bare=bare) for w in g.works]
    assert [(w.authors, w.year, w.pages) for w in works] == expected
    assert all(w.form == "bare" for w in works)


def test_markdown_et_al_and_a_semicolon_before_the_year():
    # ciedu-saresp: "(ANDRADE; LAROS, 2007; FERRÃO *et al*.; 2001; SOARES, 2003)"
    works = parse_group("ANDRADE; LAROS, 2007; FERRÃO *et al*.; 2001; SOARES, 2003")
    assert [(w.authors, w.year) for w in works] == [
        (("ANDRADE", "LAROS"), "2007"),
        (("FERRÃO *et al*.",), "2001"),
        (("SOARES",), "2003"),
    ]
    # ciedu-saresp and rdbci-bibliotecas: "Ferrão *et al*. (2001)", narrative with markdown residue
    (group,) = find_groups("segundo Ferrão *et al*. (2001) e")
    assert group.works[0].authors == ("Ferrão *et al*.",)
