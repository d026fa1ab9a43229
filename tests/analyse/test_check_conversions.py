from histkit.text.ingest import parse_article
from tests.analyse._claims_fixtures import fixture, only


def test_both_amounts_printed_give_the_rate_used_but_no_verdict(article):
    copy = parse_article(article.text, "uncurated-copy")
    row = only(copy, "conversion", "fifty thousand rubles")  # 50,000 rubles = US$25,000: 2 to the dollar
    assert (row["stated"], row["status"]) == ("2 RUB per USD", "unverifiable")
    assert "outside" in row["reason"]
    assert only(fixture("en"), "conversion", "rubles")["stated"] == "2 RUB per USD"
    assert only(fixture("pt"), "conversion", "500 reais")["stated"] == "5 BRL per USD"
    assert only(fixture("es"), "conversion", "300 pesos")["status"] == "unverifiable"
