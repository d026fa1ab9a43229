"""The language of a title, from py3langid (a maintained fork of langid.py) with its model in the wheel.

Titles are short, and a character n-gram model is unsure on a few words ("Memoirs", "Los bolcheviques
y México"): below :data:`MIN_PROBABILITY` the answer is ``"und"`` (undetermined) rather than a guess.
The candidates are the languages of Latin-American, Iberian and Comintern historiography and of the
development corpus (:data:`LANGUAGES`); a text in another language is given the nearest of them, so
widen the tuple for a corpus that needs it. The model loads once per process (about 1-4 s), then each
title takes about 0.1-0.2 ms. Offline: the model ships inside the package.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# ISO 639-1 codes the identifier chooses among.
LANGUAGES: tuple[str, ...] = ("pt", "es", "en", "fr", "de", "it", "pl", "ru", "nl", "ca")
# Below this normalised probability a title is "und". Chosen on the seed's and the corpus's entries (title
# with journal, place and publisher, see histkit.extract.references): "Memoirs. Bombay: Allied" (fr 0.38)
# is left undetermined, "The Return of Comrade Ricardo Flores Magón. New York: Zone Books" (en 0.58) is not.
MIN_PROBABILITY = 0.55


@functools.cache
def _identifier() -> Any:  # py3langid has no type hints
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


@functools.lru_cache(maxsize=4096)
def detect_language(title: str) -> str:
    """The language of a title: an ISO 639-1 code of :data:`LANGUAGES`, or ``"und"`` when unsure.

    Parameters
    ----------
    title : str
        A title as printed (markdown residue and digits are ignored).

    Returns
    -------
    str
        ``"pt"``, ``"es"``, ``"en"``, ... or ``"und"`` when the title has no letters or the
        identifier's probability is below :data:`MIN_PROBABILITY`.

    """
    words = " ".join(re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", title))
    if not words:
        return "und"
    language, probability = _identifier().classify(words)
    return language if probability >= MIN_PROBABILITY else "und"
