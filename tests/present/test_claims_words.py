import re

from histkit.analyse.auto_checks import automatic_claims
from histkit.cases import spenser
from histkit.present.claims_words import claim_sentences, claims_reader_table, claims_summary, in_words


def test_the_225_percent_in_one_sentence_with_both_readings(article):
    sentences = claim_sentences(spenser.all_claims(article))
    wage = [s for s in sentences if "225%" in s]
    # the article prints 56.13 and 124.78 pesos: 122% as an increase, 222% as a ratio
    assert wage == ["The article says “225%”; its own figures give 122% (as an increase) or 222% (as a ratio): "
                    "that does not hold."]


def test_a_summary_line_per_article(article, corpus):
    claims = spenser.all_claims(article)
    # the article's one known slip is the 225%, checked under two readings
    assert claims_summary(claims, "spenser").startswith(f"spenser: {len(claims)} checks, 2 inconsistent")
    # ensaio-deficiencia: the hand-read truth has twelve inconsistent shares and totals
    line = claims_summary(automatic_claims(corpus["ensaio-deficiencia"]))
    assert re.fullmatch(r"\d+ checks, 12 inconsistent", line)


def test_the_reader_table_has_no_machine_words(article):
    table = claims_reader_table(spenser.all_claims(article))
    shown = " ".join(table.drop(columns=["start", "end"]).astype(str).to_numpy().ravel())
    assert "<=" not in shown and "1919-09-30" not in shown and "..1918" not in shown
    assert "30 September 1919, no later than 1 November 1919" in shown
    # "Pestkovsky was recalled in 1926" (line 71): the year said once, not "'1926' (1926)"
    assert "'1926' (1926)" not in shown
    recalled = table[table["quote"] == "Pestkovsky was recalled in 1926"].iloc[0]
    assert recalled["Stated"] == "1926"
    assert recalled["Why"].endswith("lies within 1926")
    readings = table.loc[table["quote"] == "225%", "Reading"].tolist()
    assert sorted(readings) == ["as a ratio", "as an increase"]
    assert set(table["Checked"]) == {"by hand (curated)", "automatically"}


def test_in_words():
    assert in_words("'1926' (1926)") == "1926"
    assert in_words("'a year later' from 1921") == "'a year later' from 1921"  # a phrase and its anchor: kept
    assert in_words("'the next spring' (1925-03..1925-05)") == "'the next spring' (March-May 1925)"  # differ: both
    assert in_words("1918-02-14..1918-02-14") == "14 February 1918"
    assert in_words("2.0000 RUB/USD") == "2.0000 roubles to the dollar"


def test_a_check_that_needs_an_outside_value_says_so_in_a_sentence(corpus):
    # bak-p59610 line 110: "30 anos de regime" prints no dates for the period it measures.
    sentences = claim_sentences(automatic_claims(corpus["bak-p59610"]))
    (regime,) = [s for s in sentences if "30 anos de regime" in s]
    assert regime == ("The article says “30 anos de regime”; the article alone cannot settle it: "
                      "the check needs the dates of the period.")


def test_a_computed_share_that_is_itself_rounded_is_not_rounded_twice(corpus):
    # paz-mixed-flocks line 60: three regular species of 76 "representing 3.9% of the total richness".
    # 3/76 is 3.947%, stored as 3.95%: rounded again it read "its own figures give 4.0%: it holds".
    sentences = claim_sentences(automatic_claims(corpus["paz-mixed-flocks"]))
    (share,) = [s for s in sentences if "representing 3.9%" in s]
    assert share == "The article says “representing 3.9%”; its own figures give 3.95%: it holds."


def test_a_total_is_shown_with_the_parts_it_is_added_from(corpus):
    # edur-metodologias-ativas: "resultou na localização de 433 trabalhos de pesquisa originais, sendo 55 resultados
    # obtidos a partir do Science Direct (SciDir) e 378 resultados obtidos no Web of Science (WoS)"
    claims = automatic_claims(corpus["edur-metodologias-ativas"])
    sentences = claim_sentences(claims)
    assert "The article says “433”; its own figures give 55 + 378 = 433: it holds." in sentences
    table = claims_reader_table(claims)
    assert "55 + 378 = 433" in set(table["Its own figures give"])
