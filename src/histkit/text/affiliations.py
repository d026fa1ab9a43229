"""The authors' affiliations as the article prints them, each a verbatim span of the text.

An affiliation is printed in the front matter under the authors (a note on an author: "Universidade Estadual do
Ceará, Centro de Ciências e Tecnologia, ..."), or as a note the author line calls: a footnote whose marker follows
an author's name, or a block led by the asterisks an author's name carries ("** Emeritus Professor ... at the
Federal University of Rio de Janeiro"). Of such a note, the affiliation is the sentence that names an institution
(a university, institute, faculty, department, centre, laboratory, museum, council...) and the short lines of
place after it (city, state, country); a degree before it ("Ph.D. in History."), a biography after it ("She is
the author of ...") and contact details (e-mail, ORCID, web addresses) are left out. Nothing is guessed: a note
that names no institution is not an affiliation, and an article that prints none has none.

:func:`histkit.text.new_seed.new_seed` records them in seed.toml, each with ``start``, ``end`` and ``quote``
(``text[start:end] == quote``), which :func:`histkit.text.seed.read_seed` checks again.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from histkit.text.ingest import Article, Element

# The nouns that name an institution, capitalised as a name is, in pt/es/en/fr.
_INSTITUTION = re.compile(
    r"\b(?:Universi(?:dade|dad|ty|té|tät)|Institut(?:o|e)?|Faculdade|Facultad|Faculty|Escola|Escuela|[EÉ]cole|"
    r"School|College|Cent(?:ro|er|re)|Departamento|Department|Laborat[oó]rio|Laboratory|Museu|Museo|Museum|"
    r"Funda[cç][aã]o|Fundaci[oó]n|Foundation|Academia|Academy|Council|Conselho|Consejo|Conicet|CNPq|CONICET|"
    r"Embrapa|Hospital|Herb[aá]rio|Programa de P[oó]s|Postgraduate|Graduate Program)\b"
)
# Where contact details begin: an e-mail label, an address with "@", an ORCID or a web address.
# (an address is tried from a word's start only: linear in a long run without spaces)
_CONTACT = re.compile(r"(?i:\be-?mail\b|\bcorreo\b|\borcid\b|https?://|www\.)|(?<![^\s;,()<>])[^\s;,()<>@]+@")
# A sentence ends at ". " before a capital, outside brackets, after a word of four letters or more (not "Av.",
# "Ph.D." or "IE." inside "(IE. UFRJ)").
_SENTENCE_END = re.compile(r"(?<=[\w)][\w)]{3}[.;])\s+(?=[A-ZÀ-Þ])")
# A place line after the institution's sentence: "Caetité, Bahia (BA), Brasil." is short.
PLACE_WORDS = 8
# An affiliation is a line or two, not a paragraph.
MAX_WORDS = 80
_MARK = re.compile(r"[\s*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰,]*")
# A marker inside a note that starts the next one: "... Brazil ² Instituto ...", "... Brazil * Corresponding author".
_NEXT_MARKER = re.compile(r"(?<=\s)(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*+|[†‡§]+)(?= [A-ZÀ-Þ])")


@dataclass(frozen=True)
class Affiliation:
    """One affiliation as printed: its span in the verbatim text and the quote there."""

    start: int
    end: int
    quote: str


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]``, as spans; none is cut inside brackets."""
    spans, at, depth = [], start, 0
    cuts = {m.start(): m.end() for m in _SENTENCE_END.finditer(text, start, end)}
    for i in range(start, end):
        c = text[i]
        depth += (c in "([") - (c in ")]")
        if i in cuts and depth <= 0:
            spans.append((at, i))
            at = cuts[i]
    spans.append((at, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """The span without leading note markers and without trailing spaces and punctuation."""
    a = _MARK.match(text, a, b).end()  # type: ignore[union-attr]
    while b > a and text[b - 1] in " \t\n;,:–-.":
        b -= 1
    return a, b


def affiliation_in(text: str, start: int, end: int) -> Affiliation | None:
    """The affiliation a note prints in ``text[start:end]``, or None when it names no institution."""
    contact = _CONTACT.search(text, start, end)
    end = contact.start() if contact else end
    sentences = _sentences(text, start, end)
    first = next((n for n, (a, b) in enumerate(sentences) if _INSTITUTION.search(text, a, b)), None)
    if first is None:
        return None
    last = first
    for n in range(first + 1, len(sentences)):
        a, b = sentences[n]
        if not (_INSTITUTION.search(text, a, b) or len(text[a:b].split()) <= PLACE_WORDS):
            break
        last = n
    a, b = _trimmed(text, sentences[first][0], sentences[last][1])
    if a >= b or len(text[a:b].split()) > MAX_WORDS:
        return None
    return Affiliation(a, b, text[a:b])


def _notes_on_authors(article: Article) -> list[Element]:
    """The elements that may hold an affiliation: notes on the authors, wherever the conversion put them."""
    front = article.front
    author = front.get("author")
    called = set(author.notes) if author is not None else set()
    line = article.text[author.start : author.end] if author is not None else ""
    found = []
    for e in article.elements:
        if e.kind == "front-matter" and re.sub(r"_\d+$", "", e.field) == "author_note":
            found.append(e)
        elif e.kind == "footnote" and e.number in called:
            found.append(e)
        elif e.kind == "paragraph":
            # "** Emeritus Professor ...": a note whose marker the author line prints (the PDF's line may join
            # two markers, "**, *****"); a single "*" also marks italics, so it is not taken alone
            lead = re.match(r"(\*{2,}|[†‡§]+) ", article.text[e.start : e.end])
            if lead and lead.group(1) in line:
                found.append(e)
    return found


def affiliations(article: Article) -> list[Affiliation]:
    """Every affiliation the article prints, in text order, each once (a repeated one at its first place).

    A note that joins several (a PDF's line "¹ Universidade ... ² Instituto ...") gives one per marker.
    """
    found: list[Affiliation] = []
    seen: set[str] = set()
    for element in _notes_on_authors(article):
        for a, b in element.pieces:
            cuts = [a, *(m.start() for m in _NEXT_MARKER.finditer(article.text, a, b)), b]
            for s, e in itertools.pairwise(cuts):
                one = affiliation_in(article.text, s, e)
                if one is not None and one.quote not in seen:
                    seen.add(one.quote)
                    found.append(one)
    return sorted(found, key=lambda f: f.start)
