from histkit.text.ingest import parse_article
from tests.analyse._claims_fixtures import fixture, only, rows


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


def test_before_an_event_dated_beside_its_name(corpus):
    article = corpus["bak-p59610"]
    # "publicado desde janeiro de 1973, surgido pouco antes da Revolução dos Cravos, ocorrida em 25 de abril de 1974"
    assert "publicado desde janeiro de 1973, surgido pouco antes da Revolução dos Cravos" in article.text
    row = only(article, "order", "pouco antes da Revolução dos Cravos")
    assert row["input_quotes"] == "desde janeiro de 1973 | 25 de abril de 1974"
    assert row["status"] == "consistent"  # January 1973, since when it is published, is before April 1974
    assert "15 months" in row["reason"]


def test_event_order_fixtures_in_three_languages():
    # "founded in January 1975, shortly before the Carnation Revolution, which took place on 25 April 1974"
    en = only(fixture("en"), "order", "shortly before the Carnation Revolution")
    assert en["status"] == "inconsistent"
    # "fundada em março de 1918, nasceu pouco depois da greve geral, ocorrida em julho de 1917"
    assert only(fixture("pt"), "order", "pouco depois da greve geral")["status"] == "consistent"
    # "fundado en enero de 1920, apareció poco antes de la huelga, ocurrida el 3 de mayo de 1920"
    assert only(fixture("es"), "order", "poco antes de la huelga")["status"] == "consistent"


def test_dates_that_overlap_tell_no_order():
    # "sold in 1974, just before the strike, which took place in May 1974": 1974 holds May 1974
    assert rows(fixture("en"), "order", "just before the strike").empty


def test_a_date_of_another_clause_is_not_the_one_placed_before_the_event():
    # "In 1980, the archive, created long before the revolution, which took place in 1974, was moved": 1980 dates
    # the move, not the archive
    assert rows(fixture("en"), "order", "long before the revolution").empty


def test_one_year_is_said_in_the_singular(corpus):
    # edur-metodologias-ativas: "nos dois anos do período de pesquisa considerado (2019 e 2020": from 2019 to 2020
    # is 1 year, or 2 counting both ends
    check = only(corpus["edur-metodologias-ativas"], "duration", "dois anos")
    assert check["status"] == "consistent"
    assert check["computed"] == "1 year (2 counting both ends)"
    assert check["reason"].startswith("from 2019 to 2020 is 1 year, or 2 counting both ends")
