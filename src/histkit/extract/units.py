"""The unit words of quantities, in English, Portuguese and Spanish: word as written -> (kind, unit).

Read by :mod:`histkit.extract.quantities`; a new unit is a new word here and a case in
``tests/extract/test_quantities.py``.
"""

from __future__ import annotations

import re
from typing import Any

from histkit.extract.title_language import detect_language
from histkit.text.anchor import read_yaml
from histkit.text.ingest import Article

# "1.200%": digits grouped by dots, thousands in a Portuguese or Spanish sentence, a decimal in an English one.
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def dot_grouped(number: str, sentence: str) -> float | None:
    """The value of a percentage whose dot groups thousands ("hasta 1.200%": 1200), or None if it does not.

    The dot groups thousands only in a sentence in Portuguese or Spanish (as ``detect_language`` reads it);
    in English "2.375%" is a decimal.
    """
    if _DOT_THOUSANDS.fullmatch(number) and detect_language(sentence) in {"pt", "es"}:
        return float(number.replace(".", ""))
    return None


# A peso is the currency of a dozen countries: a bare "pesos" says nothing of which. Its code is
# PESO (undetermined) until the text names the country ("pesos mexicanos", "Argentine pesos": see
# peso_code) or a curated quantities.yaml states it (``currency: [{word: peso, code: MXN}]``).
PESO = "peso"
# word as written (lower case) -> (kind, unit). Currencies use ISO 4217 codes, except PESO.
UNITS: dict[str, tuple[str, str]] = {
    "peso": ("money", PESO), "pesos": ("money", PESO),
    "ruble": ("money", "RUB"), "rubles": ("money", "RUB"),
    "rouble": ("money", "RUB"), "roubles": ("money", "RUB"),
    "dollar": ("money", "USD"), "dollars": ("money", "USD"),
    "%": ("percent", "percent"), "percent": ("percent", "percent"), "per cent": ("percent", "percent"),
    "year": ("duration", "years"), "years": ("duration", "years"),
    "month": ("duration", "months"), "months": ("duration", "months"),
    "week": ("duration", "weeks"), "weeks": ("duration", "weeks"),
    "day": ("duration", "days"), "days": ("duration", "days"),
    "hour": ("duration", "hours"), "hours": ("duration", "hours"),
    "minute": ("duration", "minutes"), "minutes": ("duration", "minutes"),
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
    "hora": ("duration", "hours"), "horas": ("duration", "hours"),
    "minuto": ("duration", "minutes"), "minutos": ("duration", "minutes"),
}
UNITS.update(UNITS_PT_ES)
SHARED_UNITS = frozenset({"peso", "pesos"})  # the same word in all three languages
# Words that follow a number but make it something other than a count: "1920s" is caught by \b,
# these are nouns that follow page-like numbers or are not things counted.
NOT_COUNTED = frozenset({"and", "or", "of", "the", "to", "in", "on", "at", "by", "for", "is", "was"})
# An English plural never ends so: "The next two discuss ...", "the two focus on", "three thesis" are a verb or a
# singular after the number, not things counted.
NOT_PLURAL = ("ss", "us", "is")

# The country of a peso, as pt/es write it after the word ("pesos mexicanos", "peso chileno") and
# English before it ("Mexican pesos"): adjective stem -> ISO 4217 code.
PESO_COUNTRIES: dict[str, str] = {
    "mexican": "MXN", "argentin": "ARS", "chilen": "CLP", "chilean": "CLP", "colombian": "COP",
    "uruguay": "UYU", "cuban": "CUP", "filipin": "PHP", "philippine": "PHP",
    "dominican": "DOP",
}
_COUNTRY = "|".join(sorted(PESO_COUNTRIES, key=len, reverse=True))
_AFTER = re.compile(rf"\s+({_COUNTRY})[^\W\d_]{{0,4}}\b", re.IGNORECASE)
_NAMED = re.compile(
    rf"\bpesos?\s+({_COUNTRY})[^\W\d_]{{0,4}}\b|\b({_COUNTRY})[^\W\d_]{{0,4}}\s+pesos?\b", re.IGNORECASE
)


def peso_after(text: str, end: int) -> str:
    """The ISO code of a peso whose country is written right after ``end`` ("pesos argentinos"), or PESO."""
    m = _AFTER.match(text, end, min(len(text), end + 24))
    return PESO_COUNTRIES[m.group(1).lower()] if m else PESO


def peso_code(text: str) -> tuple[str, str]:
    """The ISO code of the pesos of a text, and the words that name it: only when it names one country.

    Returns ``(PESO, "")`` when the text names no country of a peso, or several.
    """
    found = {}
    for m in _NAMED.finditer(text):
        found.setdefault(PESO_COUNTRIES[(m.group(1) or m.group(2)).lower()], m.group(0))
    return next(iter(found.items())) if len(found) == 1 else (PESO, "")


def name_pesos(article: Article, rows: list[dict[str, Any]]) -> None:
    """Give bare pesos the code the text names ("pesos argentinos"), else the curated one.

    The curated one is an item ``{word: peso, code: MXN}`` of the seed's ``quantities.yaml`` list ``currency``.
    """
    if not any(r["unit"] == PESO for r in rows):
        return
    code, words = peso_code(article.text)
    source = f"the text names the peso: {words!r}"
    path = article.seed_file("quantities.yaml")
    if code == PESO and path.is_file():
        named = [e for e in read_yaml(path).get("currency", []) if isinstance(e, dict) and e.get("word") == PESO]
        code = str(named[0].get("code", PESO)) if named else PESO
        source = f"curated ({path.name}: currency)"
    for row in rows:
        if row["unit"] == PESO and code != PESO:
            kept = "" if row["unit_source"] == "text" else f"{row['unit_source']}; code: "
            row.update(unit=code, unit_source=kept + source)
