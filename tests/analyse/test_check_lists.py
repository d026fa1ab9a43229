from tests.analyse._claims_fixtures import fixture, only


def test_respectively_with_more_values_than_works(corpus):
    article = corpus["ciedu-saresp"]
    row = only(article, "other", "respectivamente")
    assert (row["stated"], row["computed"]) == ("4 values, respectively", "3 works cited")
    assert row["status"] == "inconsistent"  # three studies named, four values
    assert only(fixture("en"), "other", "respectively")["status"] == "inconsistent"
    assert only(fixture("pt"), "other", "respectivamente")["status"] == "consistent"
    assert only(fixture("es"), "other", "respectivamente")["status"] == "consistent"  # Pérez, Gómez: 12%, 15%
