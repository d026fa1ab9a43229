import re

from tests.analyse._claims_fixtures import fixture, only, rows


def _cells(text: str, label: str) -> list[float]:
    return [float(c) for c in re.search(rf"{label} \(%\) ((?:[\d.]+ ){{11}}[\d.]+)", text).group(1).split()]


def test_two_rows_added_at_the_column_and_stratum_the_prose_names(corpus):
    article = corpus["acta-amazonica-land-cover"]
    single, double = _cells(article.text, "Singletons"), _cells(article.text, "Doubletons")
    uniq, dup = _cells(article.text, "Uniques"), _cells(article.text, "Duplicates")
    # columns: lower stratum PF SF SAF AC OP PAS, middle stratum PF SF SAF, upper stratum PF SF SAF
    assert round(single[8] + double[8], 1) == 63.2  # "In the middle stratum, SAF ... (singletons + doubletons = 63%)"
    assert only(article, "sum", "63%")["status"] == "consistent"
    assert round(uniq[8] + dup[8], 1) == 89.4  # "(uniques + duplicates = 90%)": the cells add up to less than 89.5
    assert only(article, "sum", "90%")["status"] == "inconsistent"
    # "in the upper stratum, ranging from 47% for singletons and doubletons, to 75% for uniques and duplicates"
    assert round(single[11] + double[11], 1) == 47.1 and only(article, "sum", "47%")["status"] == "consistent"
    assert round(uniq[11] + dup[11], 1) == 75.5 and only(article, "sum", "75%")["status"] == "consistent"
    # "higher in primary and secondary forests (52 and 43%, respectively)": PF and SF of the lower stratum
    assert round(single[0] + double[0], 1) == 51.9 and round(single[1] + double[1], 1) == 42.6
    assert only(article, "sum", "43%")["computed"] == "42.6%"
    # "oil palm plantations, annual croplands, pastures, and SAF (27, 30, 32 and 37%, respectively)"
    assert only(article, "sum", "37%")["formula"].startswith("singleton + doubleton (SAF, lower stratum)")
    # "in all LCT (from 62 to 70%)": the greatest sum of the lower stratum is 69.2
    assert max(u + d for u, d in zip(uniq[:6], dup[:6], strict=True)) < 69.5
    assert only(article, "sum", "from 62 to 70%")["status"] == "inconsistent"


def test_the_english_fixture_grid():
    article = fixture("en")
    assert only(article, "sum", "52")["computed"] == "52.0%"  # FO, dry season: 40.0 + 12.0
    assert only(article, "sum", "17%")["status"] == "inconsistent"  # PA, wet season: 10.0 + 6.0 = 16
    assert only(article, "sum", "from 16 to 55%")["status"] == "consistent"


def test_the_portuguese_and_spanish_fixture_grids():
    pt = fixture("pt")  # "Estrato inferior": the noun before the word
    assert only(pt, "sum", "52%")["status"] == "consistent"  # MA, estrato inferior
    assert only(pt, "sum", "17%")["status"] == "inconsistent"  # "a pastagem" names PS by its expansion
    es = fixture("es")
    assert only(es, "sum", "40%")["formula"].startswith("residente + migrante (CA, estrato bajo)")
    assert only(es, "sum", "de 16 a 56%")["status"] == "inconsistent"  # "en todos los hábitats": 16 to 55


def test_a_column_not_named_or_two_named_is_not_paired():
    # "In the dry season" with no column and no "respectively" list: nothing is read by guess
    assert rows(fixture("en"), "sum", "most of the birds").empty
