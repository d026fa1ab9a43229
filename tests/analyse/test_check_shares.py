import re

import pytest

from tests.analyse._claims_fixtures import fixture, only, rows


def _share(text: str, count: str, total: str) -> float:
    """count / total x 100, both read from the article as printed (pt: a dot groups thousands)."""
    assert count in text and total in text
    return 100 * float(count.replace(".", "")) / float(total.replace(".", ""))


def test_portuguese_shares_of_the_total_in_their_sentence(corpus):
    article = corpus["ensaio-deficiencia"]
    row = only(article, "share", "805 são provenientes")
    assert round(_share(article.text, "805", "1.753"), 2) == 45.92  # printed 45,89%
    assert row["status"] == "inconsistent" and row["stated"] == "45.89%"
    assert "1.753" in row["input_quotes"]


def test_desse_total_refers_to_the_total_before_it(corpus):
    article = corpus["ensaio-deficiencia"]
    # "Desse total, 1.061 estudantes ... (60,49%)": 1061/1753 = 60.52%, the sum of the four parts is 1754
    parts = [int(n.replace(".", "")) for n in re.findall(
        r"Desse total, ([\d.]+) estudantes.*?por (\d+) do.*?; (\d+) estudantes.*?e (\d+) que", article.text)[0]]
    assert sum(parts) == 1754
    assert only(article, "share", "1.061 estudantes")["status"] == "inconsistent"
    total = only(article, "sum", "Desse total")
    assert (total["stated"], total["computed"], total["status"]) == ("1.753", "1754", "inconsistent")


def test_totals_beside_their_parts_in_portuguese_and_english(corpus):
    assert only(corpus["ensaio-deficiencia"], "sum", "43.633")["status"] == "consistent"  # 16.585 + 27.048
    assert only(corpus["ciedu-saresp"], "sum", "106.120")["computed"] == "106120"  # "Deste total, ..."
    ecos = only(corpus["ecos-china-new-normal"], "sum", "US$636")  # US$504 billion + US$132 billion
    assert ecos["status"] == "consistent" and ecos["input_quotes"].count("US$") == 3
    assert only(corpus["paz-mixed-flocks"], "sum", "Six")["formula"].startswith("three + three")


def test_english_shares_of_a_total_named_elsewhere(corpus):
    article = corpus["paz-mixed-flocks"]
    assert "a total of 76 species" in article.text
    common = only(article, "share", "accounted for 13.1%")  # 10/76 = 13.16%, cut to 13.1
    assert common["status"] == "inconsistent" and "truncated" in common["reason"]
    assert only(article, "share", "accounted for 26.3%")["status"] == "consistent"  # 20/76 = 26.32%


@pytest.mark.parametrize("lang", ["en", "pt", "es"])
def test_fixture_shares_and_totals(lang):
    article = fixture(lang)
    shares = rows(article, "share", "(")
    assert len(shares) >= 2
    sums = rows(article, "sum", "")
    assert len(sums) >= 1


def test_fixture_verdicts():
    assert only(fixture("en"), "share", "36 private")["status"] == "inconsistent"  # 36/48 = 75%, not 70%
    assert only(fixture("pt"), "share", "50 homens")["status"] == "inconsistent"  # 50/200 = 25,00%
    assert only(fixture("pt"), "sum", "1.250")["computed"] == "1200"
    assert only(fixture("es"), "share", "90 hombres")["status"] == "consistent"
