from histkit.analyse.auto_checks import automatic_claims
from tests.analyse._claims_fixtures import fixture, only, rows

_TABLE_1 = "Palm ST (%) 3.6 4.6 1.2 0.2 - - 2.2 3.0 48.1 0.7 1.1 34.9"  # individuals: lower x6, middle x3, upper x3


def test_a_group_slip_is_read_in_the_table(corpus):
    article = corpus["acta-amazonica-land-cover"]
    # "Most of the individuals found in all strata were ... except in the upper stratum of the SAF, where palm trees
    # predominated (48%)": Table 1 gives palms 34.9% of the upper stratum's SAF individuals, 48.1% of the middle's
    assert _TABLE_1 in article.text
    row = only(article, "table_cell", "where palm trees predominated (48%")
    assert (row["input_quotes"], row["status"]) == ("34.9", "inconsistent")
    assert "48.1 for SAF in the middle stratum" in row["reason"]


def test_a_respectively_list_and_a_range_of_cells(corpus):
    article = corpus["acta-amazonica-land-cover"]
    # "Shade-tolerant tree species were also well represented in the lower stratum of SAF and cropland (24 and 18%,
    # respectively)": species half, "Tree ST (%) 63.9 57.9 23.8 18.2 ...", SAF and AC (annual croplands)
    assert "Tree ST (%) 63.9 57.9 23.8 18.2" in article.text
    cells = rows(article, "table_cell", "")
    listed = cells[cells["input_quotes"].isin(["23.8", "18.2"])]
    assert list(listed["quote"]) == ["24", "18%"] and set(listed["status"]) == {"consistent"}
    # "in the lower stratum of the agricultural uses (oil palm plantation, SAF, cropland and pasture), where pioneer
    # herbs predominated (38 to 63%)": individuals "P (%) 0.3 9.7 54.6 59.1 63.2 38.1" under Herb
    assert "Herb ST (%) 11.4 15.2 2.0 0.5 0.6 - - - - - - - P (%) 0.3 9.7 54.6 59.1 63.2 38.1" in article.text
    ranged = only(article, "range", "pioneer herbs predominated (38 to 63%")
    assert (ranged["input_quotes"], ranged["status"]) == ("38.1 | 63.2", "consistent")


def test_the_fixtures_in_three_languages():
    en = fixture("en")
    assert only(en, "table_cell", "resprouting bushes made up 40%")["status"] == "consistent"  # Bush R, dry, YW
    slip = only(en, "table_cell", "bushes made up 50%")  # Bush R, wet, OM is 30.0; 50.0 is the dry zone's
    assert (slip["computed"], slip["status"]) == ("30.0%", "inconsistent")
    assert only(en, "range", "seeder grass stems were few (7 to 8%")["status"] == "consistent"
    pt = only(fixture("pt"), "table_cell", "no campo velho, os arbustos somavam 50%")  # Arbusto R, úmida, CV: 30,0
    assert (pt["input_quotes"], pt["status"]) == ("30,0", "inconsistent")
    es = only(fixture("es"), "range", "hierbas sembradoras del CV y del BJ fueron pocos (7 a 8%")  # Hierba S, húmeda
    assert (es["input_quotes"], es["status"]) == ("7,0 | 8,0", "consistent")


def test_a_row_or_half_not_named_without_doubt_is_left_alone(corpus):
    en = automatic_claims(fixture("en"))
    # "grasses made up 10% of the stems": grasses are resprouting and seeders; "50% of the stems and 60% of the taxa"
    for said in ("grasses made up 10%", "60% of the taxa"):
        at = fixture("en").text.index(said) + len(said) - 1
        assert not ((en["start"] <= at) & (at < en["end"]) & (en["kind"] == "table_cell")).any()
    # es: "las hierbas fueron el 20% de los tallos": the herbs are two rows
    assert rows(fixture("es"), "table_cell", "hierbas fueron el 20%").empty
    # acta-amazonica: "(between 48 and 91% of the individuals)" spans all strata; "most individuals (48%) were forage
    # species, but they represented only 2.6% of the species": both halves named
    acta = automatic_claims(corpus["acta-amazonica-land-cover"])
    for said in ("between 48 and 91%", "only 2.6% of the species"):
        at = corpus["acta-amazonica-land-cover"].text.index(said)
        assert not ((acta["start"] <= at) & (at < acta["end"])).any(), said


def test_two_rows_named_together_over_columns_named_before(corpus):
    article = corpus["acta-amazonica-land-cover"]
    # "... in the lower stratum of the agricultural uses (oil palm plantation, SAF, cropland and pasture) ... Most of
    # the species per LCT also were ..., except in the lower stratum of the agricultural uses, where pioneer herbs and
    # shrubs predominated (36 to 67%)": species, Herb P + Shrub P, lower: SAF 18.1 + 18.1, AC 27.3 + 15.4,
    # OP 36.0 + 30.0, PAS 38.5 + 28.2 = 36.2 to 66.7
    assert "P (%) 2.0 3.7 18.1 27.3 36.0 38.5" in article.text and "P (%) 2.5 4.2 18.1 15.4 30.0 28.2" in article.text
    row = only(article, "range", "pioneer herbs and shrubs predominated (36 to 67%")
    assert (row["computed"], row["status"]) == ("36.2 to 66.7%", "consistent")
    # en: "the open habitats (OM and YW)", then "resprouting grasses and bushes ... (67 to 72%)": taxa, dry zone,
    # Grass R + Bush R: OM 12.0 + 60.0, YW 22.0 + 45.0
    en = only(fixture("en"), "range", "resprouting grasses and bushes were most of the taxa (67 to 72%")
    assert (en["computed"], en["status"]) == ("67.0 to 72.0%", "consistent")
    # "resprouting grasses outnumbered bushes": two rows, not named together
    assert rows(fixture("en"), "range", "outnumbered bushes").empty
