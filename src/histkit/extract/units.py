"""The unit words of quantities, in English, Portuguese and Spanish: word as written -> (kind, unit).

Read by :mod:`histkit.extract.quantities`; a new unit is a new word here and a case in
``tests/extract/test_quantities.py``.
"""

from __future__ import annotations

# word as written (lower case) -> (kind, unit). Currencies use ISO 4217 codes.
UNITS: dict[str, tuple[str, str]] = {
    "peso": ("money", "MXN"), "pesos": ("money", "MXN"),
    "ruble": ("money", "RUB"), "rubles": ("money", "RUB"),
    "rouble": ("money", "RUB"), "roubles": ("money", "RUB"),
    "dollar": ("money", "USD"), "dollars": ("money", "USD"),
    "%": ("percent", "percent"), "percent": ("percent", "percent"), "per cent": ("percent", "percent"),
    "year": ("duration", "years"), "years": ("duration", "years"),
    "month": ("duration", "months"), "months": ("duration", "months"),
    "week": ("duration", "weeks"), "weeks": ("duration", "weeks"),
    "day": ("duration", "days"), "days": ("duration", "days"),
}
# Portuguese and Spanish units. "pesos" is shared; "real" (singular) is left out, as it is an
# English word ("real wages"). A number in Portuguese or Spanish words is read only before one of
# these or a per cent sign (never as a bare count: "dos" is also Portuguese "of the").
UNITS_PT_ES: dict[str, tuple[str, str]] = {
    "rublo": ("money", "RUB"), "rublos": ("money", "RUB"),
    "dólar": ("money", "USD"), "dólares": ("money", "USD"), "dolar": ("money", "USD"), "dolares": ("money", "USD"),
    "reais": ("money", "BRL"),
    "por cento": ("percent", "percent"), "por ciento": ("percent", "percent"),
    "ano": ("duration", "years"), "anos": ("duration", "years"),
    "año": ("duration", "years"), "años": ("duration", "years"),
    "mês": ("duration", "months"), "mes": ("duration", "months"), "meses": ("duration", "months"),
    "semana": ("duration", "weeks"), "semanas": ("duration", "weeks"),
    "dia": ("duration", "days"), "dias": ("duration", "days"),
    "día": ("duration", "days"), "días": ("duration", "days"),
}
UNITS.update(UNITS_PT_ES)
SHARED_UNITS = frozenset({"peso", "pesos"})  # the same word in all three languages
