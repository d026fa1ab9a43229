from histkit.analyse.auto_checks import automatic_claims
from tests.analyse._claims_fixtures import fixture, only, rows


def test_the_discussion_repeats_a_truncated_share(corpus):
    article = corpus["paz-mixed-flocks"]
    # results: "The remaining 43 species (56.5% of total richness) were rare"; 43 / 76 = 56.58, printed 56.5
    assert "The remaining 43 species (56.5% of total richness) were rare" in article.text
    assert "a total of 76 species" in article.text
    # discussion, with no input beside it
    row = only(article, "share", "56.5% of the total richness")
    assert article.text[row["start"] : row["end"]] == "56.5% of the total richness"
    assert row["status"] == "inconsistent" and "truncated" in row["reason"]
    assert row["input_quotes"].split(" | ")[:2] == ["43", "76"]
    assert row["input_quotes"].split(" | ")[-1] == "56.5%"


def test_the_fixtures_in_three_languages():
    en = only(fixture("en"), "share", "22.5% of the total farms")  # 18 / 80 = 22.5
    assert en["status"] == "consistent" and en["input_quotes"] == "18 | 80 | 22.5%"
    pt = only(fixture("pt"), "share", "42,1% do total de municípios")  # 27 / 64 = 42.19: cut to 42,1
    assert pt["status"] == "inconsistent" and "truncated" in pt["reason"]
    es = only(fixture("es"), "share", "37,5% del total de socios")  # 45 / 120 = 37.5
    assert es["status"] == "consistent"


def test_a_repeat_must_speak_of_the_same_thing_and_print_decimals():
    en = automatic_claims(fixture("en"))
    # "Wheat covered 22.5% of the total farms in 1950": no word of the rice sentence besides the noun
    assert not en["quote"].str.contains("22.5% of the total farms in 1950", regex=False).any()
    wheat = fixture("en").text.index("Wheat covered 22.5%") + len("Wheat covered ")
    assert not ((en["start"] <= wheat) & (wheat < en["end"])).any()
    # "The dry wells were 25% of the total wells": a whole percentage may be another group's; left alone
    assert rows(fixture("en"), "share", "25% of the total wells").empty


def test_a_figure_with_no_checked_first_statement_is_left_alone(corpus):
    # acta-amazonica prints many percentages of totals; none repeats a checked share
    claims = automatic_claims(corpus["acta-amazonica-land-cover"])
    assert not claims["reason"].str.contains("same figure of the same total").any()
