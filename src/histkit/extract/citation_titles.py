"""A work cited by its title and year: "No *Meaning and Speech Acts* (1990, p.103), Daniel Vanderveken ...".

Chicago author-date (15.22) and NBR 10520 let the running text name a work by its title, the year (and page)
in parentheses after it, the author elsewhere in the sentence or not at all: "*Mikhaïl Bakhtin:* an
Aesthetic for Democracy (1999)", "*O método formal nos estudos literários.* Introdução crítica a uma
poética sociológica (2012, p.193-210)". The rule: a parenthesis holding a year (and a locator) and nothing
else, right after an italic title (with at most a subtitle in roman between), and exactly one entry of
the list whose text holds that title and prints that year. The citation's authors are that entry's
lead name, since the text may print none.

The same holds when the prose dates the title without parentheses, "sua obra *Speech Acts* em 1969"
(:func:`titled_mentions`): the preposition ("em", "in", "en", "de", "of") and the year right after the
italic title, and again exactly one entry that holds the title and prints the year. A title dated by
another year ("*Problemas da obra de Dostoiévski*, de 1929" against the edition of 2022) is a mention of
the first edition, not a citation of the entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from histkit.extract.citation_forms import _PAREN, _SPACES, _YEAR_ONLY
from histkit.extract.citation_groups import Work, _works

_ENTRY_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_LEAD = re.compile(r"\s*\**(?P<lead>[^,.;(*]{2,80}?)\**[,.]")
# An italic title, then at most a subtitle in roman (no sentence end), right before the parenthesis.
_TITLE_BEFORE = re.compile(r"\*(?P<title>[^*\n]{6,150})\*(?P<tail>[^*()\n.!?]{0,100}|\.? [^*()\n!?]{0,100})$")
_LOOK_BACK = 260
# An italic title dated in the prose: "*Speech Acts* em 1969", "*Problemas da obra de Dostoiévski*, de 1929".
_TITLE_DATED = re.compile(r"\*(?P<title>[^*\n]{6,150})\*,? (?:em|in|en|de|of) (?P<year>1[5-9]\d\d|20\d\d)(?![\d/])")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w ]+", " ", letters).split())


def entry_titles(entries: Iterable[str]) -> list[tuple[str, frozenset[int], str]]:
    """Each entry's lead name as printed, the years it prints, and its plain (folded) text."""
    out = []
    for entry in entries:
        flat = entry.replace("\n", " ")
        if m := _LEAD.match(flat):
            years = frozenset(int(y) for y in _ENTRY_YEAR.findall(flat))
            out.append((m.group("lead").strip(), years, f" {_plain(flat)} "))
    return out


def titled_citations(
    text: str, covered: bytearray, titles: Sequence[tuple[str, frozenset[int], str]]
) -> list[tuple[int, int, list[Work]]]:
    """``(start, end, works)``: the span runs from the title's opening "*" to the closing parenthesis."""
    found: list[tuple[int, int, list[Work]]] = []
    if not titles:
        return found
    for m in _PAREN.finditer(text):
        inner = _SPACES.sub(" ", m.group(1).strip())
        if covered[m.start()] or not (y := _YEAR_ONLY.fullmatch(inner)) or not y.group("years")[:1].isdigit():
            continue
        lo = max(0, m.start() - _LOOK_BACK)
        before = _TITLE_BEFORE.search(text[lo : m.start()].rstrip(" ,"))
        if before is None or len(_plain(before.group("title")).split()) < 2:
            continue
        title = f" {_plain(before.group('title'))} "
        years = {int(x) for x in re.findall(r"(?<!\d)\d{4}(?!\d)", y.group("years"))}
        fits = [lead for lead, printed, plain in titles if years & printed and title in plain]
        start = lo + before.start()
        if len(fits) == 1 and not any(covered[start : m.end()]):
            works = _works((fits[0],), y.group("years"), y.group("pages"), 0, m.end() - start, "narrative", "cited")
            found.append((start, m.end(), works))
    return found


def titled_mentions(
    text: str, covered: bytearray, titles: Sequence[tuple[str, frozenset[int], str]]
) -> list[tuple[int, int, list[Work]]]:
    """``(start, end, works)`` of each italic title dated in the prose, from the "*" to the year's end."""
    found: list[tuple[int, int, list[Work]]] = []
    if not titles or "*" not in text:
        return found
    for m in _TITLE_DATED.finditer(text):
        title = f" {_plain(m.group('title'))} "
        if any(covered[m.start() : m.end()]) or len(title.split()) < 2:
            continue
        year = int(m.group("year"))
        fits = [lead for lead, printed, plain in titles if year in printed and title in plain]
        if len(fits) == 1:
            found.append((m.start(), m.end(), _works((fits[0],), m.group("year"), None, 0, m.end() - m.start(),
                                                     "narrative", "cited")))
    return found
