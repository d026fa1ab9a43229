from histkit.analyse.auto_checks import automatic_claims
from tests.analyse._claims_fixtures import fixture, only, rows


def test_the_remaining_species_are_the_total_less_the_groups_before(corpus):
    article = corpus["paz-mixed-flocks"]
    # "only three species were classified as regular: ... representing 3.9% of the total richness. Common species
    # (n = 10 spp.) accounted for 13.1% ..., whereas unusual species (n = 20 spp.) accounted for 26.3%. The
    # remaining 43 species (56.5% of total richness) were rare"; the abstract: "a total of 76 species"
    assert "The remaining 43 species (56.5% of total richness) were rare" in article.text
    row = only(article, "sum", "remaining 43 species")
    assert row["input_quotes"] == "76 | three | 10 | 20"
    assert (row["computed"], row["status"]) == ("76 - 3 - 10 - 20 = 43", "consistent")
    assert "add up to 100%" in row["reason"]  # 3.9 + 13.1 + 26.3 + 56.5 = 99.8, within the four roundings


def test_the_fixtures_in_three_languages():
    en = only(fixture("en"), "sum", "remaining 25 nests")  # 60 - 15 - 20 = 25
    assert en["status"] == "consistent"
    pt = only(fixture("pt"), "sum", "demais 15 fazendas")  # 30 - 6 - 9 = 15
    assert pt["status"] == "consistent"
    es = only(fixture("es"), "sum", "restantes 17 cooperativas")  # 40 - 10 - 12 = 18; 25 + 30 + 45 = 100
    assert (es["computed"], es["status"]) == ("40 - 10 - 12 = 18", "inconsistent")


def test_a_rest_that_differs_without_shares_making_100_is_left_alone():
    # "10 eram rurais (20,0%) e 15 mistas (30,0%). As demais 20 escolas (40,0%)": 50 - 25 = 25, and the shares add
    # up to 90%: the groups may not divide the total, so nothing is said
    assert rows(fixture("pt"), "sum", "demais 20 escolas").empty


def test_no_rest_where_no_share_of_its_total_was_checked(corpus):
    for name in ("ensaio-deficiencia", "acta-amazonica-land-cover", "ecos-china-new-normal"):
        claims = automatic_claims(corpus[name])
        assert not claims["formula"].eq("the total less the parts stated before it").any()
