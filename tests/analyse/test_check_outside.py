from tests.analyse._claims_fixtures import fixture, only, rows


def test_a_ratio_to_the_population_needs_the_population(corpus):
    article = corpus["rdbci-bibliotecas"]
    # "há 6.057 bibliotecas públicas ...; o que ofereceria uma média aproximada de uma biblioteca pública para
    # cada 33 mil habitantes (SNBP, 2021)": the population of Brazil is not printed
    assert "população de" not in article.text.lower()
    row = only(article, "ratio", "uma biblioteca pública para cada 33 mil habitantes")
    assert (row["status"], row["computed"]) == ("unverifiable", "needs the population")


def test_the_length_of_a_regime_with_no_dates_needs_them(corpus):
    article = corpus["bak-p59610"]
    # "após quase 30 anos de regime ditatorial – a ditadura salazarista": its sentence prints no year
    assert only(article, "duration", "30 anos de regime")["status"] == "unverifiable"


def test_the_fixtures_in_three_languages():
    for lang, ratio, period in (("en", "one doctor for every 2,000", "40 years of dictatorship"),
                                ("pt", "uma escola para cada 5 mil", "30 anos de ditadura"),
                                ("es", "un médico por cada 1.000", "diecisiete años de dictadura")):
        article = fixture(lang)
        assert only(article, "ratio", ratio)["status"] == "unverifiable"
        assert only(article, "duration", period)["computed"] == "needs the dates of the period"


def test_a_period_with_its_years_or_without_a_figure_is_left_to_others():
    from histkit.text.ingest import parse_article

    text = ("# T\n\nINTRODUCTION\n\nAfter 30 years of dictatorship (1945-1975) the country voted. "
            "After many years of dictatorship it voted again.\n\nAnother paragraph.\n")
    article = parse_article(text, "fixture-period")
    assert rows(article, "duration", "years of dictatorship")["status"].tolist() in ([], ["consistent"])
    assert rows(article, "duration", "many years").empty
