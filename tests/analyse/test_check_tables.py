import re

from tests.analyse._claims_fixtures import fixture, only


def test_prose_restating_a_flattened_table_is_recomputed_from_its_counts(corpus):
    article = corpus["ensaio-deficiencia"]
    humanas = re.search(r"Humanas (\d+) [\d,]+ \d+ [\d,]+ \d+ [\d,]+ (\d+) ([\d,]+)", article.text)
    grand = re.search(r"Total 805 45,89 326 18,59 622 35,52 ([\d.]+) 100", article.text)
    share = 100 * int(humanas.group(2)) / int(grand.group(1).replace(".", ""))
    row = only(article, "share", "(49,71%")
    assert abs(float(row["computed"].rstrip("%")) - share) < 0.001  # 872 / 1753 = 49.74%
    assert row["status"] == "inconsistent"
    ies = only(article, "share", "11,69%")  # "sendo 11,69% de IES-Pr": Exatas at IES-Pr is 193
    assert "193" in ies["input_quotes"] and ies["status"] == "inconsistent"


def test_the_english_fixture_table():
    article = fixture("en")
    assert only(article, "share", "(60.00%")["status"] == "consistent"  # South 120 / 200
    late = only(article, "share", "31.00%")  # South, Late: 60 / 200 = 30%
    assert late["status"] == "inconsistent" and late["computed"] == "30.000%"


def test_a_share_of_each_group_is_over_its_column_total(corpus):
    article = corpus["ensaio-deficiencia"]
    # "do total de participantes por instituição, 23 são matriculados na IES-E (2,86%), 19 na IES-F (5,83%) e
    # 12 na IES-Pr (1,93%)": Table 1's Total row prints 805, 326 and 622 for the three institutions
    assert re.search(r"Total 805 45,89 326 18,59 622 35,52", article.text)
    for quote, base in (("23 são matriculados", "805"), ("19 na IES-F", "326"), ("12 na IES-Pr", "622")):
        row = only(article, "share", quote)
        assert row["status"] == "consistent" and row["input_quotes"].endswith(base)
    late = only(fixture("en"), "share", "60 pupils of the South")  # 60 of the 110 Late pupils
    assert late["status"] == "consistent" and late["input_quotes"] == "60 | 110"


def test_a_total_of_the_prose_against_the_table_row_that_counts_the_same(corpus):
    article = corpus["acta-amazonica-land-cover"]
    cells = re.search(r"Total Individuals ((?:\d+ ){11}\d+)", article.text).group(1).split()
    assert sum(int(c) for c in cells) == 25297 and "A total of 25,297 individual plants" in article.text
    assert only(article, "sum", "25,297")["status"] == "consistent"
    assert only(fixture("en"), "sum", "200")["computed"] == "190"  # Table 2: Total Pupils 120 70
