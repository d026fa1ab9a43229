"""A country as corporate author in several languages (CLDR names via Babel)."""

from __future__ import annotations

import pytest

from histkit.extract.jurisdictions import territory


@pytest.mark.parametrize(
    ("names", "code"),
    [
        (("Brazil", "Brasil", "BRASIL", "Brésil"), "BR"),  # oes-tourism-gentrification cites "Brazil" for "Brasil."
        (("Spain", "España", "ESPANHA"), "ES"),
        (("Mexico", "MÉXICO", "Mexiko"), "MX"),
        (("Germany", "Deutschland", "ALEMANHA"), "DE"),
    ],
)
def test_a_country_in_any_listed_language(names, code):
    assert {territory(n) for n in names} == {code}


@pytest.mark.parametrize("name", ["Curitiba", "World Bank", "IBGE", "Latin America", "América Latina", ""])
def test_not_a_country(name):
    # A city, a corporate body, an acronym, a region (CLDR's "419") author as themselves, never as a country.
    assert territory(name) is None
