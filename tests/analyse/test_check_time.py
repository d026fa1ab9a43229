from histkit.text.ingest import parse_article
from tests.analyse._claims_fixtures import fixture, only


def test_durations_beside_their_ranges_in_three_languages(corpus):
    edur = only(corpus["edur-literatura-indigena"], "duration", "30 anos")
    assert "(1990 a 2010)" in corpus["edur-literatura-indigena"].text
    assert edur["status"] == "inconsistent" and edur["computed"].startswith("20 years")
    assert only(corpus["mediacoes-cambiemos"], "duration", "12 años")["status"] == "consistent"  # 2003-2015
    assert only(corpus["rdbci-bibliotecas"], "duration", "quatro anos")["status"] == "consistent"  # 2014-2018
    assert only(corpus["ecos-china-new-normal"], "duration", "Five-year")["status"] == "consistent"  # inclusive
    assert only(fixture("es"), "duration", "duró 12")["status"] == "inconsistent"  # 1990 a 2000


def test_ages_stays_and_later_deaths_of_the_first_article_uncurated(article):
    copy = parse_article(article.text, "uncurated-copy")
    assert "born in 1884" in article.text and "left Moscow in April 1919" in article.text
    assert only(copy, "age", "thirty-five years of age")["computed"] == "34-35 years"
    assert only(copy, "duration", "stayed in Mexico for two")["status"] == "consistent"  # 1924 .. 1926
    assert only(copy, "duration", "died two years later")["status"] == "consistent"  # 1949 .. 1951


def test_order_of_years(corpus):
    assert only(corpus["bak-p58270"], "order", "depois (1983)")["status"] == "consistent"  # after 1969
    assert only(corpus["mediacoes-cambiemos"], "order", "más tarde (2014)")["status"] == "consistent"  # 2011
    assert only(fixture("en"), "order", "later (1849)")["status"] == "inconsistent"  # founded 1850
    assert only(fixture("pt"), "order", "depois (1988)")["status"] == "inconsistent"


def test_ages_in_the_fixtures_of_three_languages():
    assert only(fixture("en"), "age", "then forty years of age")["status"] == "consistent"  # born 1850, in 1890
    assert only(fixture("pt"), "age", "então com 35 anos")["status"] == "consistent"  # nascida em 1900, em 1935
    spanish = only(fixture("es"), "age", "entonces con 45 años")  # nacido en 1910, en 1950: 39 or 40
    assert spanish["status"] == "inconsistent" and spanish["computed"] == "39-40 years"


def test_one_year_is_said_in_the_singular(corpus):
    # edur-metodologias-ativas: "nos dois anos do período de pesquisa considerado (2019 e 2020": from 2019 to 2020
    # is 1 year, or 2 counting both ends
    check = only(corpus["edur-metodologias-ativas"], "duration", "dois anos")
    assert check["status"] == "consistent"
    assert check["computed"] == "1 year (2 counting both ends)"
    assert check["reason"].startswith("from 2019 to 2020 is 1 year, or 2 counting both ends")
