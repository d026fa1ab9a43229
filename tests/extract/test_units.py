"""Tests of histkit.extract.units: which country's peso a text means (issue 18: a bare peso is undetermined)."""

from __future__ import annotations

import pytest

import histkit as hk
from histkit.extract import quantities as q
from histkit.extract.units import PESO, peso_after, peso_code
from histkit.text.ingest import parse_article


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Cobraban 500 pesos argentinos al mes.", "ARS"),  # es, after the word
        ("Recebiam 500 pesos mexicanos por mês.", "MXN"),  # pt, after the word
        ("um salário de 300 pesos chilenos", "CLP"),
        ("a wage of 56.13 pesos a month", PESO),  # the country is not written
    ],
)
def test_the_country_written_after_the_peso(text: str, code: str) -> None:
    found = [f for f in q.find_quantities(text) if f.kind == "money"]
    assert [f.unit for f in found] == [code]
    assert peso_after(text, found[0].end) == code


def test_a_text_names_one_country_or_none() -> None:
    assert peso_code("La devaluación del peso argentino en 2018; cobraban 300 pesos.") == ("ARS", "peso argentino")
    assert peso_code("They were paid in Mexican pesos.") == ("MXN", "Mexican pesos")
    # two countries, or "peso" meaning weight (pt/es): undetermined
    assert peso_code("Mexican pesos and Chilean pesos") == (PESO, "")
    assert peso_code("o peso dentro da escola; el peso del Estado") == (PESO, "")


def test_a_bare_peso_takes_the_country_the_article_names() -> None:
    text = ("# T\n\nCon la devaluación del peso argentino el salario cayó.\n\n"
            "En 2019 el salario era de 30.000 pesos al mes.\n")
    table = q.quantities_table(parse_article(text, "fixture-ar"), notes=[])
    money = table[table["kind"] == "money"]
    assert list(money["unit"]) == ["ARS"]
    assert money["unit_source"].iloc[0] == "the text names the peso: 'peso argentino'"


def test_a_bare_peso_is_undetermined_without_the_country() -> None:
    text = "# T\n\nINTRODUCCIÓN\n\nEn 2019 el salario era de 300 pesos al mes.\n\nOtro párrafo.\n"
    table = q.quantities_table(parse_article(text, "fixture-none"), notes=[])
    assert list(table.loc[table["kind"] == "money", "unit"]) == [PESO]


def test_the_first_article_states_its_pesos_in_its_curated_file() -> None:
    # the article never says "Mexican pesos": quantities.yaml says so (currency: peso MXN)
    table = q.quantities_table(hk.load_seed("spenser-bolsheviks-mexico"))
    wages = table[table["quote"].isin(["56.13 pesos a month", "124.78"])]
    assert list(wages["unit"]) == ["MXN", "MXN"]
    assert all("curated" in s for s in wages["unit_source"])
