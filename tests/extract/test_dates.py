"""Tests of date normalisation to EDTF, on the forms the article uses (values read from the article)."""

from __future__ import annotations

import re

import pytest

from histkit.extract.dates import dates_table
from histkit.text.tables import check_provenance


@pytest.fixture(scope="module")
def table(article):
    return dates_table(article)


def test_dates_table_provenance(table, article):
    check_provenance(table, article.text, "dates")
    assert table["date_id"].is_unique
    assert list(table["start"]) == sorted(table["start"])


@pytest.mark.parametrize(
    ("quote", "edtf", "element"),
    [
        ("February of 1918", "1918-02", "s1p01"),
        ("the fall of 1926", "1926-23", "s3p19"),  # Pestkovsky left Mexico
        ("the spring of 1927", "1927-21", "s3p11"),  # the strike defeated
        ("August and September 1919", "1919-08/1919-09", "s2p05"),
        ("1994/95", "1994/1995", "s2p05"),  # as cited
        ("By March 1927", "../1927-03", "s4p04"),
        ("mid-1925", "1925-04/1925-09", "s3p17"),
        ("11 February 1925", "1925-02-11", "fn2"),  # footnote 2, continued after a page break
        ("04/06/2017", "2017-06-04", "fm-received"),
        ("two years later", "1951", "s5p03"),
    ],
)
def test_dates_table_holds_the_article_forms(table, quote, edtf, element):
    rows = table[table["quote"] == quote]
    assert len(rows) >= 1, quote
    row = rows.iloc[0]
    assert row["edtf"] == edtf
    assert row["element_id"] == element


def test_relative_default_and_curated_reference(article, table):
    # Without curation, "five months after his arrival" counts from the nearest date before it
    # (March of 1925), which is wrong; a curated reference (October 1924) fixes it.
    row = table[table["quote"].str.startswith("five months after")].iloc[0]
    assert row["refers_to"] == "1925-03"
    start = article.text.index("October 1924")
    fixed = dates_table(article, {(int(row["start"]), int(row["end"])): ("1924-10", "October 1924")})
    again = fixed[fixed["start"] == row["start"]].iloc[0]
    assert again["edtf"] == "1925-03" and again["refers_to"] == "1924-10"
    assert start < row["start"]


def test_every_section_has_dates(table):
    assert set(table["section"].dropna()) >= {0, 1, 2, 3, 4, 5}
    assert not table["edtf"].eq("").any()


# --- relative phrases that cannot, or must not, count from the nearest year -----------------

def _tiny_dates(sentence: str):
    from histkit.text.ingest import parse_article
    from tests.conftest import DATA

    text = (DATA / "tiny" / "article.txt").read_text(encoding="utf-8")
    article = parse_article(text.replace("The second paragraph ends in", f"{sentence} The second paragraph ends in"),
                            "tiny")
    frame = dates_table(article)
    return frame[frame["element_id"] == "s2p02"].set_index("quote")


def test_relative_to_a_decade_is_kept_with_the_reason():
    found = _tiny_dates("In the 1920s the party grew; a year later it split.")
    row = found.loc["a year later"]
    assert row["edtf"] == ""
    assert "cannot be shifted" in row["note"] and "curate its referent" in row["note"]


def test_relative_phrase_skips_a_citation_year():
    found = _tiny_dates("In 1921 they came (SMITH, 1990). Two years later they left.")
    assert found.loc["Two years later", "edtf"] == "1923"
    assert bool(found.loc["1990", "in_citation"])


@pytest.mark.parametrize(("sentence", "quote", "edtf"), [
    ("By the 1920s it was over.", "By the 1920s", "../1929"),
    ("Since the 1920s it grew.", "Since the 1920s", "1920/.."),
])
def test_open_intervals_on_a_decade(sentence, quote, edtf):
    assert _tiny_dates(sentence).loc[quote, "edtf"] == edtf


def test_pt_es_relative_phrase_in_the_dates_table():
    found = _tiny_dates("Em 1921 chegaram (SILVA, 1990). Dois anos depois partiram.")
    assert found.loc["Dois anos depois", "edtf"] == "1923"
    assert "nearest date before it" in found.loc["Dois anos depois", "note"]


@pytest.mark.parametrize(("sentence", "dates"), [
    # as the affiliations of hoehnea-senna-extracts and acta-amazonica-land-cover print them
    ("Avenida Doutor Silas Muguba, 1700, Itaperi, 60740-000 Fortaleza, CE, Brasil. Founded in 1975.", ["1975"]),
    ("Av. Feliciano Coelho 1509, CEP 68901-025, Macapá, Amapá, Brazil.", []),
    # a street named in prose is not an address: its year stays a date
    ("The Wall Street crash, 1929, ended it.", ["1929"]),
])
def test_the_number_of_a_street_address_is_not_a_year(sentence, dates):
    # the tiny article's paragraph goes on with a date of its own, 1926
    assert list(_tiny_dates(sentence).index) == [*dates, "1926"]


def test_the_version_year_of_the_software_an_article_used_is_not_a_dated_statement(corpus):
    # hoehnea-senna-extracts prints "Software Excel 2019" and "software Microsoft Excel 2019": the program's name
    article = corpus["hoehnea-senna-extracts"]
    dates = dates_table(article)
    excel = [m.start() for m in re.finditer(r"Excel 2019", article.text)]
    assert len(excel) == 2
    assert not any(s <= at + 6 < e for at in excel for s, e in zip(dates["start"], dates["end"], strict=True))


@pytest.mark.parametrize(("name", "passage", "year"), [
    ("ciedu-saresp", "como aponta o estudo de Soares (2003)", "2003"),  # narrative, Portuguese
    ("ecos-china-new-normal", "as discussed in Medeiros (2006)", "2006"),  # narrative, English
    ("mediacoes-cambiemos", "*campo de fuerzas sociales* ( ALONSO, 1998 )", "1998"),  # a space inside "( "
    # A work named by its title, the year after it, as the citation audit reads it (the list prints the title).
    ("bak-p58270", "No *Meaning and Speech Acts* (1990, p.103)", "1990"),
    ("bak-p58270", "chamada *Quando dizer é fazer* [*How to Do Things with Words*, no original] (1990)", "1990"),
    ("bak-p58270", "implicaturas conversacionais” (2007, p.1)", "2007"),
    ("bak-p59610", "Introdução crítica a uma poética sociológica (2012, p.193-210)", "2012"),
    # A block quotation closed by its year, the author named in the paragraph before.
    ("edur-literatura-indigena", "mas que sabe de alguma coisa” (1987, p.19)", "1987"),
])
def test_the_year_of_a_citation_in_any_form_is_a_publication_year(corpus, name, passage, year):
    article = corpus[name]
    at = article.text.index(passage) + passage.index(year)
    frame = dates_table(article)
    (row,) = frame[frame["start"] == at].itertuples()
    assert row.quote == year and row.in_citation


def test_a_year_the_article_narrates_beside_a_cited_title_is_still_a_date(corpus):
    # bak-p58270: "Em 1969, John Searle, um estudante de Austin, ..." and "Foi em 1975 que Paul Grice apresentou":
    # events told in the prose, though both men are in the list for those years.
    article = corpus["bak-p58270"]
    frame = dates_table(article).set_index("start")
    for passage in ("Em 1969, John Searle", "Foi em 1975 que Paul Grice"):
        at = article.text.index(passage) + passage.index("19")
        assert not bool(frame.loc[at, "in_citation"]), passage


def test_a_name_the_list_does_not_print_before_a_year_is_still_a_date():
    # The tiny article's list prints SMITH (1990), not Portugal.
    found = _tiny_dates("Portugal (1974) changed; as Smith (1990) wrote, it was new.")
    assert not bool(found.loc["1974", "in_citation"])
    assert bool(found.loc["1990", "in_citation"])


def test_access_dates_and_a_year_with_its_page_are_bibliographic(corpus):
    # bak-p59610's notes: "Acesso em: 7 abr. 2022", "Acesso em 25 de junho de 2022" (when a web page was read),
    # and "não tenha se dedicado à imagem (2013, p.46; grifo no original)" (the year and page of Volochínov's
    # book, named just before): none is a date the article speaks about.
    article = corpus["bak-p59610"]
    dates = dates_table(article)

    def flagged(context: str, quote: str) -> bool:
        at = article.text.index(context)
        row = dates[(dates["start"] >= at) & (dates["start"] < at + len(context)) & (dates["quote"] == quote)]
        assert len(row) == 1, (context, quote)
        return bool(row["in_citation"].iloc[0])

    assert flagged("Acesso em: 7 abr. 2022", "2022")
    assert flagged("Acesso em 25 de junho de 2022", "25 de junho de 2022")
    assert flagged("(2013, p.46; grifo no original)", "2013")
    # "publicada em 06 de junho de 2020, às 22h48": the photo report's day is the article's subject
    assert not flagged("publicada em 06 de junho de 2020", "06 de junho de 2020")

def test_a_field_read_inside_a_note_is_dated_once():
    # ecos-china-new-normal: "* Article received on January 30, 2024 and approved on March 19, 2024." is a note on
    # the title, and its dates are the received and approved fields too: one dated statement each
    from histkit.extract.dates import dates_table
    from histkit.text.ingest import parse_article

    text = ("The new normal\n\nAn Author\n\nAbstract: We examine growth.\n\nKeywords: China.\n\n"
            "* Article received on January 30, 2024 and approved on March 19, 2024.\n\n"
            "Introduction\n\nA paragraph.\n")
    table = dates_table(parse_article(text, "tiny-once"))
    assert list(table["edtf"]) == ["2024-01-30", "2024-03-19"]
