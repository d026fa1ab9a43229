from tests.analyse._claims_fixtures import fixture, only, rows


def test_an_average_beside_its_values_in_three_languages():
    en = fixture("en")
    assert only(en, "average", "20 pupils (12, 18 and 30)")["status"] == "consistent"  # 60 / 3
    wrong = only(en, "average", "7 workers (4, 6 and 8)")  # 18 / 3 = 6
    assert (wrong["computed"], wrong["status"]) == ("6.0", "inconsistent")
    pt = only(fixture("pt"), "average", "4,5 alunos (3, 5 e 6)")  # 14 / 3 = 4.67: not 4,5 at one decimal
    assert pt["status"] == "inconsistent" and pt["computed"] == "4.67"
    assert only(fixture("es"), "average", "15 días (10, 15 y 20)")["status"] == "consistent"


def test_no_average_is_made_up_in_the_corpus(corpus):
    # bragantia-grapevine: "an average of 1,615.1 DD and 1,465.2 DD to complete the first and second production
    # cycles, respectively (Table 2)": figures paired with things, and a table label in the parentheses
    assert "an average of 1,615.1 DD and 1,465.2 DD" in corpus["bragantia-grapevine"].text
    for name in ("bragantia-grapevine", "ecos-china-new-normal", "paz-mixed-flocks", "ciedu-saresp"):
        assert rows(corpus[name], "average", "").empty
