from histkit.analyse.auto_checks import automatic_claims
from tests.analyse._claims_fixtures import fixture, only, rows


def test_our_richness_against_the_studies_it_is_compared_with(corpus):
    article = corpus["paz-mixed-flocks"]
    # "The species richness recorded in the present study (76 species) was similar to ... In contrast, ...
    # the species richness recorded in our study was higher than that found by Ghizoni-Jr. & Azevedo (2006) and
    # Ghizoni-Jr. (2009), who recorded 64 and 56 species, respectively, but lower than that recorded by Brandt
    # *et al.* (2009), who recorded 117 species."
    assert "recorded in the present study (76 species) was similar" in article.text
    row = only(article, "comparison", "our study was higher than")
    assert row["quote"].endswith("who recorded 117 species")
    assert row["input_quotes"] == "76 | 64 | 56 | 117"
    assert (row["computed"], row["status"]) == ("76 > 64, 76 > 56, 76 < 117", "consistent")


def test_similar_states_no_order(corpus):
    # the sentence before it: "similar to ... who reported, 77, 72, and 78 species" (76 is not above 77: no row)
    claims = automatic_claims(corpus["paz-mixed-flocks"])
    assert not claims["quote"].str.contains("was similar to", regex=False).any()


def test_the_fixtures_in_three_languages():
    en = only(fixture("en"), "comparison", "higher than that found by Kim")  # 45 > 40, but 45 is not below 38
    assert (en["computed"], en["status"]) == ("45 > 40, 45 not < 38", "inconsistent")
    pt = only(fixture("pt"), "comparison", "neste estudo foi maior que")  # 52 > 41 and 52 > 39
    assert (pt["input_quotes"], pt["status"]) == ("52 | 41 | 39", "consistent")
    es = only(fixture("es"), "comparison", "fue menor que")  # 60 is not below 58
    assert (es["computed"], es["status"]) == ("60 not < 58", "inconsistent")


def test_a_bound_or_a_likeness_is_not_a_comparison():
    # "In our study, more than 30 species sang at dawn": a bound; "fue similar a la de Díaz (2007), con 61 especies"
    assert rows(fixture("en"), "comparison", "more than 30").empty
    assert rows(fixture("es"), "comparison", "similar").empty
    assert rows(fixture("pt"), "comparison", "semelhante").empty



def test_a_comparison_of_something_the_figures_do_not_count_is_left_alone():
    # "In the present study (120 participants), the response rate was higher than that found by Lee (2001), who
    # surveyed 300 participants": rates are compared, not participants
    assert rows(fixture("en"), "comparison", "response rate").empty
