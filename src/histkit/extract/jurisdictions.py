"""A country named as a corporate author, in any of the languages an article may cite it in.

NBR 6023 enters a government's works under the jurisdiction ("BRASIL. Ministério do Turismo ..."), APA and
Chicago under the country or agency; an article written in another language than its list often cites the
jurisdiction in its own: "(Brazil, 2022)" for "Brasil. (2022). Ministério do Turismo ...", "(Spain, 2010)" for
"ESPAÑA. Ley ...". :func:`territory` gives the ISO 3166 code of a country's name in the languages of
:data:`LANGUAGES`, from the Unicode CLDR names that Babel ships (a maintained table, rather than a list of
exonyms of our own), so two spellings of one country are the same author.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# The corpus is written in Portuguese, Spanish and English; French, German and Italian are the other
# languages its lists print most.
LANGUAGES = ("pt", "es", "en", "fr", "de", "it")


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w ]+", " ", plain).split())


@functools.cache
def _codes() -> dict[str, str]:
    from babel import Locale  # loaded on first use: the CLDR tables cost ~40 ms

    codes: dict[str, str] = {}
    for language in LANGUAGES:
        for code, name in Locale(language).territories.items():
            # Two letters: a country; digits are regions ("419" Latin America), which author nothing.
            if len(code) == 2 and code.isalpha():
                codes.setdefault(_fold(name), code)
    return codes


def territory(name: str) -> str | None:
    """The ISO 3166-1 code of a country named in any of :data:`LANGUAGES` ("Brazil", "BRASIL" -> "BR"), else None."""
    return _codes().get(_fold(name))
