from histkit.analyse.figures import find_figures, passages
from histkit.text.numbers import decimal_mark, read_digit_groups


def test_the_decimal_mark_is_voted_by_the_article(corpus, article):
    assert decimal_mark(corpus["ensaio-deficiencia"].text) == ","  # "45,89%", "8.450.755"
    assert decimal_mark(article.text) == "."  # "56.13 pesos"
    assert decimal_mark("no figures at all") == ""


def test_digit_groups_are_read_at_the_mark_and_ambiguous_ones_left_out():
    assert read_digit_groups("1.753", ",") == (1753.0, 0)
    assert read_digit_groups("45,89", ",") == (45.89, 2)
    assert read_digit_groups("25,000", ".") == (25000.0, 0)
    assert read_digit_groups("1.500", "") is None  # a thousand and a half, or one and a half
    assert read_digit_groups("1.500,50", "") == (1500.5, 2)
    assert read_digit_groups("40)", "") is None


def test_a_portuguese_passage_gives_counts_percentages_and_labels(corpus):
    passage = next(p for p in passages(corpus["ensaio-deficiencia"]) if "1.753 participantes" in p.text)
    text = passage.text
    by_number = {f.number: f for f in passage.figures}
    assert by_number["1.753"].value == 1753 and by_number["1.753"].kind == "count"
    pct = next(f for f in passage.figures if text[f.start : f.end] == "45,89%")
    assert (pct.kind, pct.value, pct.decimals, pct.in_parens) == ("percent", 45.89, 2, True)
    assert by_number["1"].kind == "label"  # "Tabela 1"


def test_number_words_and_money_inherit_as_the_quantities_do(article):
    passage = next(p for p in passages(article) if "56.13 pesos" in p.text)
    money = [(f.number, f.unit) for f in passage.figures if f.kind == "money"]
    assert ("56.13", "MXN") in money and ("124.78", "MXN") in money  # "it had risen to 124.78"
    words = find_figures("Borodin, then thirty-five years of age", ".")
    assert [(f.value, f.kind, f.unit) for f in words] == [(35.0, "duration", "years")]
