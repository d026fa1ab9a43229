"""The language of a title, from py3langid (a maintained fork of langid.py) with its model in the wheel.

Titles are short, and a character n-gram model is unsure on a few words ("Memoirs", "Los bolcheviques
y México"): below :data:`MIN_PROBABILITY` the answer is ``"und"`` (undetermined) rather than a guess.
The candidates are the languages of Latin-American, Iberian and Comintern historiography and of the
development corpus (:data:`LANGUAGES`); a text in another language is given the nearest of them, so
widen the tuple for a corpus that needs it. The model loads once per process (about 0.4 s on a quiet
machine, 1-4 s on a busy one), then each title takes about 0.1-0.2 ms; so each answer is kept in a
:class:`~histkit.core.memo.Memo` (``build/cache/memo/title-languages.json``) under py3langid's version and
this module's code, and a build whose titles were all seen before never loads the model (issue 23).
Offline: the model ships inside the package.
"""

from __future__ import annotations

import functools
import re
from importlib.metadata import version
from typing import Any

from histkit.core.memo import Memo, remembered, source_digest

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


@functools.cache
def _memo() -> Memo:
    # The answers depend on the model (py3langid's version) and on this module (languages, threshold).
    return Memo("title-languages", f"py3langid {version('py3langid')}; {source_digest(__file__)}")


def _classify(words: str) -> str:
    language, probability = _identifier().classify(words)
    return str(language) if probability >= MIN_PROBABILITY else "und"


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
    return str(remembered(_memo(), words, _classify))
