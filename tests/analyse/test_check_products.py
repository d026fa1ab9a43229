from tests.analyse._claims_fixtures import fixture, only


def test_an_effort_is_campaigns_times_days_times_hours(corpus):
    article = corpus["paz-mixed-flocks"]
    # abstract: "from October 2016 to September 2017 through monthly campaigns, consisting of three consecutive
    # observation days, with sampling sessions of six hours per day, resulting in a total effort of 216 h"
    assert "from October 2016 to September 2017 through monthly campaigns" in article.text
    row = only(article, "product", "total effort of 216 h")
    assert (row["computed"], row["status"]) == ("216 h", "consistent")  # 12 months x 3 x 6
    # methods: "in 12 monthly campaigns over three consecutive days ... six hours each ..., totaling 216 h"
    assert only(article, "product", "totaling 216 h")["formula"] == "12 campaigns x 3 days x 6 hours a day"


def test_the_fixtures_in_three_languages():
    en = only(fixture("en"), "product", "totaling 210 h")  # 10 x 4 x 5 = 200
    assert (en["computed"], en["status"]) == ("200 h", "inconsistent")
    pt = only(fixture("pt"), "product", "totalizando 144 horas")  # março 2018 a fevereiro 2019: 12 x 2 x 6
    assert (pt["computed"], pt["status"]) == ("144 h", "consistent")
    es = only(fixture("es"), "product", "un total de 72 horas")  # 6 x 3 x 4
    assert es["status"] == "consistent"


def test_a_total_without_all_its_factors_is_not_checked(corpus):
    # ensaio-deficiencia, ciedu-saresp: no effort in hours; nothing is made up
    for name in ("ensaio-deficiencia", "ciedu-saresp", "acta-amazonica-land-cover"):
        from histkit.analyse.auto_checks import automatic_claims

        assert (automatic_claims(corpus[name])["kind"] != "product").all()
