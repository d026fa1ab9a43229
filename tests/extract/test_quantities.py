"""Tests of histkit.extract.quantities: tricky inputs from issue 4, then the real seed end to end.

Expected values are read off the article text (section 3, lines 91-93 and 111 of article.txt).
"""

from __future__ import annotations

import re
import textwrap

import pytest

import histkit as hk
from histkit.core.errors import AnnotationError, ParameterError
from histkit.extract import quantities as q
from histkit.text.tables import check_provenance

# text, expected [(kind, value, unit, per, quote)]
CASES = [
    ("a provision of fifty thousand rubles for", [("money", 50000.0, "RUB", "", "fifty thousand rubles")]),
    ("fifty thousand rubles (US\\$25,000) for", [
        ("money", 50000.0, "RUB", "", "fifty thousand rubles"),
        ("money", 25000.0, "USD", "", "US\\$25,000"),
    ]),
    ("or at least US$7,000 to rent one", [("money", 7000.0, "USD", "", "US$7,000")]),
    ("salary had been 56.13 pesos a month", [("money", 56.13, "peso", "month", "56.13 pesos a month")]),
    ("the company's profits were at 41%, in", [("percent", 41.0, "percent", "", "41%")]),
    ("growth of 12 per cent", [("percent", 12.0, "percent", "", "12 per cent")]),
    ("then thirty-five years of age, left", [("age", 35.0, "years", "", "thirty-five years of age")]),
    ("stayed in Mexico for two years.", [("duration", 2.0, "years", "", "two years")]),
    ("two hundred and fifty pesos", [("money", 250.0, "peso", "", "two hundred and fifty pesos")]),
    ("1,910 pesos", [("money", 1910.0, "peso", "", "1,910 pesos")]),
    ("to send three envoys to Mexico", [("count", 3.0, "envoys", "", "three envoys")]),
    # hours and minutes are lengths of time, not counts of things (paz-mixed-flocks, hoehnea-senna-extracts)
    ("sampling sessions of six hours each", [("duration", 6.0, "hours", "", "six hours")]),
    ("O meio reacional ficou por 30 minutos na", [("duration", 30.0, "minutes", "", "30 minutos")]),
    # not quantities: years, pages, decades, file numbers, ordinal-like words
    ("In February of 1918, the agrarian leader", []),
    ("(BARTRA, 1986, p. 320)", []),
    ("(PHILLIPS, 1920, p. 5-8).", []),
    ("Na agrarnom fronte, no. 2 (February 1927), 46-59.", []),
    ("11 February 1925, reel 83, 812.00/27508", []),
    ("during the 1920s it accounts", []),
    ("your number-one objective; One-by-one, the workers", []),
    ("one wing of the military", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_find_quantities(text: str, expected: list[tuple]) -> None:
    found = q.find_quantities(text)
    got = [(f.kind, f.value, f.unit, f.per, text[f.start : f.end]) for f in found]
    assert got == expected


def test_bare_decimal_takes_the_unit_of_the_sum_before_it() -> None:
    text = "in 1910 the average salary had been 56.13 pesos a month, in 1927 it had risen to 124.78, an"
    found = q.find_quantities(text)
    assert [(f.value, f.unit, f.per, f.year) for f in found] == [(56.13, "peso", "month", 1910),
                                                                 (124.78, "peso", "month", 1927)]
    assert found[1].unit_source.startswith("inherited")
    assert text[found[1].start : found[1].end] == "124.78"


def test_bare_decimal_without_a_sum_is_not_a_quantity() -> None:
    assert q.find_quantities("it had risen to 124.78, an increase") == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("while in 1909 the company's profits were at 41%, and", 1909),  # year before
        ("Borodin, then thirty-five years of age, left Moscow in April 1919 with", 1919),  # after
        ("In 1920 nothing. Pestkovsky stayed in Mexico for two years.", None),  # other sentence
        ("(p. 320). In 1925 he spent 3 pesos.", 1925),  # "p." is not a sentence end
    ],
)
def test_year_of_a_quantity(text: str, year: int | None) -> None:
    (found,) = q.find_quantities(text)
    assert found.year == year






def test_join_pieces_maps_back_and_refuses_a_span_across_the_break() -> None:
    text = "profits were at 41%, in\n\nFOOTNOTE\n\n1926 they had fallen to 6%."
    pieces = [(0, 23), (35, len(text))]
    joined = q.join_pieces(text, pieces)
    assert joined.text == "profits were at 41%, in 1926 they had fallen to 6%."
    i = joined.text.index("6%.")
    a, b = joined.to_verbatim(i, i + 2)
    assert text[a:b] == "6%"
    assert joined.to_verbatim(21, 28) is None


def test_load_notes_names_file_and_line(tmp_path) -> None:
    path = tmp_path / "quantities.yaml"
    path.write_text(textwrap.dedent("""\
        quantities:
          - key: a
            exact: "ten rubles"
            measures: x
          - key: b
            exact: "rubles"
            measures: y
        """), encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"quantities.yaml:5: quote 'rubles' is ambiguous: it occurs 2 times"):
        q.load_notes(path, "fifty rubles and ten rubles")


def test_load_notes_needs_a_list(tmp_path) -> None:
    path = tmp_path / "quantities.yaml"
    path.write_text("notes: 1\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"quantities.yaml:1: 'notes' must be a list of items"):
        q.load_notes(path, "")
    path.write_text("notes: []\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match="top-level 'quantities:' list"):
        q.load_notes(path, "")


# --- the real seed -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def article() -> hk.Article:
    return hk.load_seed("spenser-bolsheviks-mexico")


@pytest.fixture(scope="module")
def table(article: hk.Article):
    return q.quantities_table(article)


def test_provenance(table, article) -> None:
    check_provenance(table, article.text, "quantities")
    assert list(table["start"]) == sorted(table["start"])
    assert table["quantity_id"].is_unique


@pytest.mark.parametrize(
    ("quote", "kind", "value", "unit", "year"),
    [
        ("41%", "percent", 41.0, "percent", 1909),
        ("6%", "percent", 6.0, "percent", 1926),  # its year is across the page break: "in\n\n1926"
        ("56.13 pesos a month", "money", 56.13, "MXN", 1910),
        ("124.78", "money", 124.78, "MXN", 1927),
        ("225%", "percent", 225.0, "percent", 1927),
        ("fifty thousand rubles", "money", 50000.0, "RUB", 1927),
        ("US\\$25,000", "money", 25000.0, "USD", 1927),
        ("US\\$7,000", "money", 7000.0, "USD", None),
        ("thirty-five years of age", "age", 35.0, "years", 1919),
        ("five months", "duration", 5.0, "months", 1925),
    ],
)
def test_seed_figures(table, quote: str, kind: str, value: float, unit: str, year: int | None) -> None:
    rows = table[table["quote"] == quote]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["kind"], row["value"], row["unit"]) == (kind, value, unit)
    assert (None if row["year"] is None or str(row["year"]) == "<NA>" else int(row["year"])) == year


def test_seed_has_no_years_or_pages_as_quantities(table) -> None:
    # every number of the seed's reference list and every "p. 320" stays out
    assert not table["quote"].str.fullmatch(r"\d{4}").any()
    assert not table["quote"].str.contains("320").any()
    assert set(table["kind"]) == {"money", "percent", "age", "duration", "count"}
    # 56.13, 124.78, fifty thousand rubles, US\$25,000, US\$7,000
    assert (table["kind"] == "money").sum() == 5


def test_seed_keys(table) -> None:
    wages = table[table["key"] == "railway_wage"]
    assert list(wages["year"]) == [1910, 1927]
    assert q.by_key(table, "wage_increase_stated")["base_year"] == 1910
    with pytest.raises(AnnotationError, match="found 2"):
        q.by_key(table, "railway_wage")
    message = r"'base_year'.*no railway wage for 1913; choose one of \[1910, 1927\]"
    with pytest.raises(ParameterError, match=message):
        q.by_key_year(table, "railway_wage", 1913, "base_year")


def test_note_that_is_not_a_quantity_is_an_error(article) -> None:
    start = article.text.index("Stanislav Pestkovsky")
    note = q.QuantityNote("x", "y", start, start + 9)
    with pytest.raises(AnnotationError, match="is not a quantity the extractor found"):
        q.quantities_table(article, [note])


def test_note_error_names_yaml_path_and_line(tmp_path, article) -> None:
    # the second entry quotes words, not a figure: the error points at line 5 of the file
    path = tmp_path / "quantities.yaml"
    path.write_text(textwrap.dedent("""\
        quantities:
          - key: railway_wage
            exact: "56.13 pesos a month"
            measures: wage
          - key: profits
            exact: "company's profits"
            measures: not a figure
        """), encoding="utf-8")
    notes = q.load_notes(path, article.text)
    assert [(n.key, n.line, n.source) for n in notes] == [
        ("railway_wage", 2, str(path)), ("profits", 5, str(path))]
    message = re.escape(str(path)) + r":5: note 'profits' quotes \"company's profits\".*not a quantity"
    with pytest.raises(AnnotationError, match=message):
        q.quantities_table(article, notes)


@pytest.mark.parametrize("year", ["'1927'", "yes", "1927.5"])
def test_note_year_must_be_a_year(tmp_path, year) -> None:
    path = tmp_path / "quantities.yaml"
    path.write_text(f"quantities:\n  - key: a\n    exact: ten rubles\n    measures: x\n    year: {year}\n",
                    encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"quantities\.yaml:2: 'year' of note 'a' must be a year"):
        q.load_notes(path, "fifty rubles and ten rubles")


def test_missing_key_names_the_seed_yaml(table) -> None:
    with pytest.raises(AnnotationError, match=r"spenser-bolsheviks-mexico/quantities\.yaml: expected one "
                       r"figure with key 'absent', found 0; give exactly one entry 'key: absent'"):
        q.by_key(table, "absent")


# Portuguese and Spanish units and number words, on phrases printed in the corpus articles
# (../shared/corpus/<name>/article.txt, named per case); values read off the words as printed.
PT_ES_CASES = [
    ("durante quatro anos, o", [("duration", 4.0, "years", "quatro anos")]),  # rdbci-bibliotecas
    ("uma pausa de dez meses", [("duration", 10.0, "months", "dez meses")]),  # rdbci-bibliotecas
    ("por seis meses", [("duration", 6.0, "months", "seis meses")]),  # bak-p58270
    ("custava cinco reais", [("money", 5.0, "BRL", "cinco reais")]),  # bak-p58270
    ("em dois dias", [("duration", 2.0, "days", "dois dias")]),  # ciedu-saresp
    ("há 20 anos", [("duration", 20.0, "years", "20 anos")]),  # ciedu-saresp, edur-literatura-indigena
    ("hace 70 años que", [("duration", 70.0, "years", "70 años")]),  # mediacoes-cambiemos
    ("en 90 días", [("duration", 90.0, "days", "90 días")]),  # mediacoes-cambiemos
    ("el 100 por ciento de", [("percent", 100.0, "percent", "100 por ciento")]),  # mediacoes-cambiemos
    # a decimal comma before a per cent sign: bak-p59099 ("30,7%"), ciedu-saresp ("55,5%"),
    # edur-literatura-indigena ("11,9 %"), rdbci-bibliotecas ("21,1%")
    ("30,7% dos", [("percent", 30.7, "percent", "30,7%")]),
    ("11,9 % das", [("percent", 11.9, "percent", "11,9 %")]),
    ("vinte por cento", [("percent", 20.0, "percent", "vinte por cento")]),
    # number words read by text2num (the forms)
    ("cinquenta mil pesos", [("money", 50000.0, "peso", "cinquenta mil pesos")]),
    ("treinta y cinco años", [("duration", 35.0, "years", "treinta y cinco años")]),
    ("veinticinco dólares", [("money", 25.0, "USD", "veinticinco dólares")]),
    ("mil rublos", [("money", 1000.0, "RUB", "mil rublos")]),
    ("1.500 anos de história", [("duration", 1500.0, "years", "1.500 anos")]),  # a dot groups thousands
    # not quantities: Portuguese/Spanish words before an ordinary noun, "dos" ("of the"), a
    # thousands group before a noun (ciedu-saresp "253.845 alunos", bak-p59610 "200.000 pessoas")
    ("dez alunos", []),
    ("dos Santos", []),
    ("253.845 alunos", []),
    ("200.000 pessoas", []),
    # English thousands groups keep their meaning
    ("25,000 pesos", [("money", 25000.0, "peso", "25,000 pesos")]),
]


@pytest.mark.parametrize(("text", "expected"), PT_ES_CASES, ids=[c[0][:30] for c in PT_ES_CASES])
def test_find_quantities_portuguese_and_spanish(text: str, expected: list[tuple]) -> None:
    got = [(f.kind, f.value, f.unit, text[f.start : f.end]) for f in q.find_quantities(text)]
    assert got == expected


@pytest.mark.parametrize("run", ["one" + " thousand" * 5000 + " rubles", "twenty-five thousand " * 3000 + "rubles",
                                 "vinte e cinco e " * 3000 + "anos"])
def test_an_endless_run_of_number_words_is_no_quantity_and_no_error(run: str) -> None:
    """Issue 21: one match of 40,000 characters went to text2num, failed, and sank the table."""
    assert q.find_quantities(run) == [] or all(f.end - f.start < 200 for f in q.find_quantities(run))


def test_numbers_with_three_scale_words_are_still_read() -> None:
    found = q.find_quantities("two million three hundred and five thousand rubles")
    assert [(f.value, f.unit) for f in found] == [(2_305_000.0, "RUB")]


def test_a_name_suffix_ends_no_sentence():
    # paz-mixed-flocks: "Ghizoni-Jr. & Azevedo (2006) and Ghizoni-Jr. (2009), who recorded 64 and 56 species"
    text = "It was higher than that found by Ghizoni-Jr. (2009), who recorded 64 species. Then it rained."
    assert [text[a:b] for a, b in q.sentences(text)] == [
        "It was higher than that found by Ghizoni-Jr. (2009), who recorded 64 species.", "Then it rained."]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # oes-tourism-gentrification: "The next two discuss theoretical aspects of tourism policy": a verb
        ("The next two discuss theoretical aspects of tourism policy", []),
        # acta-amazonica-land-cover: "seven richness indices": the noun after the number modifies "indices"
        ("considering three categories: (1) seven richness indices", [("three categories", 3.0)]),
        # oes-tourism-gentrification: "Five groups of interviewees were defined"
        ("Five groups of interviewees were defined", [("Five groups", 5.0)]),
    ],
)
def test_a_count_is_a_number_before_a_plural_noun(text, counted):
    found = [(text[f.start : f.end], f.value) for f in q.find_quantities(text) if f.kind == "count"]
    assert found == counted


def test_a_dot_groups_thousands_in_a_spanish_percentage(corpus):
    # mediacoes-cambiemos: "de gas (promedio de 200%, alcanzando hasta 1.200%)": one thousand two hundred per cent
    table = q.quantities_table(corpus["mediacoes-cambiemos"])
    assert table.loc[table["quote"] == "1.200%", "value"].tolist() == [1200.0]
    assert [f.value for f in q.find_quantities("the rate rose to 2.375% in the second quarter")] == [2.375]


@pytest.mark.parametrize(("sentence", "unit", "value"), [
    ("Twelve people came to the meeting.", "people", 12),
    ("and ten women, two men and three children were heard", "women", 10),
])
def test_a_count_of_persons_in_an_irregular_plural_is_a_count(sentence, unit, value):
    # English counts persons with plurals that do not end in -s ("ten people" in the corpus's oes and ecos)
    found = [(f.kind, f.unit, f.value) for f in q.find_quantities(sentence)]
    assert ("count", unit, value) in found
    assert not [f for f in q.find_quantities("the 1920 people and a menswear shop") if f.kind == "count"]
