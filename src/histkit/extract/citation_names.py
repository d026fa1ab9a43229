"""Which capitalised words before a parenthesis are an author: the names the reference list prints.

A narrative citation names its authors before the parenthesis, but running text puts other
capitalised words there too: a sentence-initial adverb ("Specifically, Savage and Warde (1993)"),
a noun phrase before a comma ("Educação Básica, Soares e Alves (2003)"), a first name ("Davi
Kopenawa (2010)"), or no author at all ("Portugal (1974)", "Teatro Mariinsky (1860)"). The
reference list decides: :func:`listed_names` collects the folded words of the names it prints
(family names, corporate authors, acronyms), :func:`trim_to_listed` drops the words before the
first name the list knows, and :func:`names_listed` tells whether a candidate names anyone listed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from histkit.extract.citation_forms import _strip_etal, fold
from histkit.extract.name_particles import PARTICLE_WORDS

_UPPER_WORD = re.compile(r"\b[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+\b")
# APA and Chicago: "Savage, M., & Warde, A. (1993)": the names stand before the parenthesised year.
_APA_HEAD = re.compile(r"(?P<head>[^()]{1,300}?)\((?:1[5-9]\d\d|20\d\d|s\.? ?d\.?|n\.? ?d\.?)")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_PARTICLES = PARTICLE_WORDS | {"e", "y", "and", "et", "al"}


def _folded_words(text: str) -> list[str]:
    """Folded words of a name, without particles, connectors and initials."""
    folded = (fold(x) for x in _WORDS.findall(text.replace("-", " ")))
    return [w for w in folded if len(w) > 1 and w not in _PARTICLES]


def listed_names(entries: Iterable[str]) -> frozenset[str]:
    """Folded words of the names printed in reference entries (not of their titles).

    From each entry: its upper-case words in the first 200 characters (ABNT family names,
    corporate authors, acronyms), the words before the first comma or full stop of the entry and
    of each ";"-separated part (a mixed-case family name), and in an APA entry every capitalised
    word before the parenthesised year.

    Parameters
    ----------
    entries : iterable of str
        The verbatim reference entries.

    """
    words: set[str] = set()
    for entry in entries:
        entry = entry.replace("*", "").strip()
        head = entry[:200]
        words.update(_folded_words(" ".join(_UPPER_WORD.findall(head))))
        for part in re.split(r";|\s&\s", head):
            lead = re.split(r"[,.(]", part.strip(), maxsplit=1)[0]
            if len(lead.split()) <= 4:
                words.update(_folded_words(lead))
        if apa := _APA_HEAD.match(entry):
            words.update(_folded_words(" ".join(w for w in apa.group("head").split() if w[:1].isupper())))
    return frozenset(words)


# A word of five letters or more one letter off a listed name is that name mistyped ("Safioti",
# "Krugmam"): reconciliation then decides whether it is close enough to match.
_TYPO_SCORE = 85.0


@functools.lru_cache(maxsize=4096)
def _word_listed(word: str, listed: frozenset[str]) -> bool:
    if word in listed:
        return True
    return len(word) >= 5 and process.extractOne(word, listed, scorer=fuzz.ratio, score_cutoff=_TYPO_SCORE) is not None


def _name_listed(name: str, listed: frozenset[str]) -> bool:
    return any(_word_listed(w, listed) for w in _folded_words(_strip_etal(name)))


def names_listed(names: tuple[str, ...], listed: frozenset[str]) -> bool:
    """Whether any of the cited names has a word the reference list prints as a name."""
    return any(_name_listed(n, listed) for n in names)


def trim_to_listed(names: tuple[str, ...], listed: frozenset[str]) -> tuple[int, int]:
    """Where the authors start: the first listed name, and the characters of it to drop.

    Returns ``(index, chars)``: the names before ``names[index]`` are not authors, nor the first
    ``chars`` characters of it. ``("Specifically", "Savage", "Warde")`` -> ``(1, 0)``;
    ``("Davi Kopenawa",)`` -> ``(0, 5)`` when the list prints KOPENAWA. ``(0, 0)`` when no name is
    listed (a work missing from the list) or when the first one already is.
    """
    first = next((i for i, n in enumerate(names) if _name_listed(n, listed)), None)
    if first is None:
        return 0, 0
    words = names[first].split(" ")
    lead = next((i for i, w in enumerate(words) if _name_listed(w, listed)), 0)
    # Keep a particle that opens the family name ("de Paula", and capitalised "Do Vale", "De la Torre").
    while lead > 0 and words[lead - 1].casefold() in _PARTICLES:
        lead -= 1
    return first, len(" ".join(words[:lead])) + (1 if lead else 0)
