import re

from tests.analyse._claims_fixtures import fixture, only, rows


def test_a_taxon_share_is_its_count_over_the_base_of_the_table(corpus):
    article = corpus["paz-mixed-flocks"]
    # Table 1: "*Sittasomus griseicapillus* (Vieillot, 1818) 1-3 39 25.7 RE"; "We recorded 152 mixed flocks"
    assert re.search(r"\*Sittasomus griseicapillus\* \(Vieillot, 1818\) 1-3 39 25\.7", article.text)
    row = only(article, "share", "25.7%")
    assert (row["computed"], row["status"], row["input_quotes"]) == ("25.66%", "consistent", "39")
    assert "/ 152 x 100" in row["formula"]
    # "*Basileuterus culicivorus* and *Habia rubica* ... (46.7 and 32.9%, respectively)": 71 and 50 of 152
    listed = rows(article, "share", "46.7")  # the list, the FO and "This species ... 46.7%"
    assert len(listed) == 3 and all(f.startswith("71 (Basileuterus culicivorus") for f in listed["formula"])
    habia = rows(article, "share", "32.9%")  # and "*Habia rubica* (FO = 32.9%)"
    assert len(habia) == 2 and all(f.startswith("50 (Habia rubica") for f in habia["formula"])


def test_this_species_is_the_one_the_sentence_before_names(corpus):
    article = corpus["paz-mixed-flocks"]
    # "... *B. culicivorus* has been considered a nuclear species ... This species is frequent ..., which is why it
    # was present in 46.7% of the registered flocks": 71 / 152
    assert "This species is frequent throughout the year" in article.text
    found = rows(article, "share", "46.7%")  # "(FO = 46.7%)", "... present in 46.7%"
    assert len(found) == 2 and all(f.startswith("71 (Basileuterus culicivorus") for f in found["formula"])
    # fixtures: *Iota kappa* counts 12 of 50 = 24.0%
    assert only(fixture("en"), "share", "24.0%")["status"] == "consistent"
    assert only(fixture("pt"), "share", "25,0%")["status"] == "inconsistent"
    assert only(fixture("es"), "share", "24,0%")["formula"].startswith("12 (Iota kappa")


def test_the_fixtures():
    en = fixture("en")  # Table 4: every FO is its count over 50, the flocks the prose prints
    assert only(en, "share", "20.0%")["status"] == "consistent"
    assert only(en, "share", "41.0%")["computed"] == "40.00%"  # *Epsilon zeta*: 20 / 50
    pt = fixture("pt")  # decimal commas; "(20,0 e 11,0%, respectivamente)" after two names
    assert only(pt, "share", "11,0%")["status"] == "inconsistent"  # *Gamma delta*: 5 / 50 = 10,0
    es = fixture("es")  # "(20,0 y 40,0%, respectivamente)"
    assert only(es, "share", "40,0%")["formula"].startswith("20 (Epsilon zeta")


def test_counts_of_species_families_and_orders_against_the_species_table(corpus):
    article = corpus["paz-mixed-flocks"]
    table = next(p for p in re.split(r"\n\n", article.text) if p.startswith("Table 1 Bird species"))
    assert len(set(re.findall(r"\*\*(\w+idae)\*\*", table))) == 24
    assert len(set(re.findall(r"\*\*(\w+formes)\*\*", table))) == 5
    # abstract: "a total of 76 species belonging to 24 families, and five orders"
    row = only(article, "sum", "76 species belonging to 24 families, and five orders")
    assert row["status"] == "consistent" and row["computed"] == "76 species, 24 families, 5 orders"
    # results: "Passeriformes (n = 68 species) ..., Thraupidae (n = 15), Tyrannidae (n = 8)": species under each heading
    passeriformes = table[table.index("**Passeriformes**"):]
    assert len(re.findall(r"\*[A-Z][a-z]+ [a-z-]+\*", passeriformes)) == 68
    assert only(article, "sum", "Passeriformes (n = 68 species)")["status"] == "consistent"


def test_taxon_counts_in_three_languages():
    # Table 5 of each fixture: 2 orders, 3 families, 4 species; Thraupidae holds 2
    assert only(fixture("en"), "sum", "four species")["status"] == "consistent"
    assert "Thraupidae: the text says 3" in only(fixture("en"), "sum", "Passeriformes (n = 3")["reason"]
    assert only(fixture("pt"), "sum", "quatro espécies de três famílias")["status"] == "consistent"
    assert only(fixture("es"), "sum", "cinco especies")["status"] == "inconsistent"
