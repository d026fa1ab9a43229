from tests.analyse._claims_fixtures import fixture, only


def test_a_range_over_months_against_each_month(corpus):
    article = corpus["paz-mixed-flocks"]
    # results: "October (n = 17), November (n = 12), December (n = 5), January (n = 20), and February (n = 18)"
    # abstract: "from October to February (from 5 to 20 contacts)"
    row = only(article, "range", "(from 5 to 20 contacts)")
    assert (row["computed"], row["status"]) == ("5 to 20", "consistent")
    # "March (n = 9), April (n = 14), May (n = 11), June (n = 12), July (n = 14), and August and September
    # (n = 10, each)": "each" gives both months 10
    row = only(article, "range", "(from 9 to 14 contacts)")
    assert row["formula"].endswith("7 months from March to September") and row["status"] == "consistent"


def test_the_fixtures_in_three_languages():
    en = only(fixture("en"), "range", "(from 35 to 50 visitors)")  # April is 55
    assert (en["computed"], en["status"]) == ("35 to 55", "inconsistent")
    pt = only(fixture("pt"), "range", "(de 5 a 20 contatos)")  # novembro a janeiro: across the new year
    assert pt["status"] == "consistent" and pt["input_quotes"].startswith("novembro (n = 12)")
    assert only(fixture("es"), "range", "(de 9 a 14 contactos)")["status"] == "consistent"
