"""The figures of each passage of an article, for the automatic checks of its statements.

A *passage* is one paragraph, block quote or footnote, its verbatim pieces joined (a page break may
split a sentence). Its *figures* are every number it prints: a percentage, a sum of money, a year,
a duration or a plain count, each with the decimals it is printed with (the tolerance of a check
depends on them) and its span. Numbers are read by the one reader of histkit: digits by
:func:`histkit.text.numbers.read_digit_groups` at the article's decimal mark
(:func:`histkit.text.numbers.decimal_mark`), number words by ``text2num`` through
:func:`histkit.text.numbers.words_to_number`, units from :data:`histkit.extract.units.UNITS`.
Sentences are split as :func:`histkit.extract.quantities.sentences` splits them.

Numbers that are labels rather than quantities ("Tabela 2", "p. 381", "nº 466/12", "Fig. 3") are
kept out, so that no check takes them for inputs.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from histkit.core.errors import AnnotationError
from histkit.extract.quantities import sentences
from histkit.extract.units import UNITS
from histkit.text.ingest import Article
from histkit.text.numbers import (
    ONES,
    SMALL_PT_ES,
    TENS,
    WORDS_PATTERN,
    WORDS_PATTERN_PT_ES,
    decimal_mark,
    read_digit_groups,
    words_to_number,
)
from histkit.text.pieces import Joined, join_pieces

_CURRENCY = {"US$": "USD", "U.S.$": "USD", "R$": "BRL", "$": "$", "€": "EUR", "£": "GBP"}
_PERCENT = r"(?P<pct>\s?%|\s+(?:percent|per\s+cent|por\s+cento|por\s+ciento)\b)?"
# Two scans, each linear and started by a cheap test: digits (the pattern opens with a digit, and
# looks behind it only there), and number words, tried only where a word of the number vocabulary
# starts, found by str.find (a long alternation tried at every position of the text would be slow).
_DIGIT_TOKEN = re.compile(rf"\d(?<![\w.,/\\-]\d)(?P<rest>\d*(?:[.,]\d+)*)(?![\w/]|[.,]\d){_PERCENT}", re.IGNORECASE)
_WORD_TOKEN = re.compile(rf"(?:(?P<words>{WORDS_PATTERN})\b|(?P<wpt>{WORDS_PATTERN_PT_ES})\b){_PERCENT}", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(US\\?\$|U\.S\.\$|R\\?\$|\\?\$|€|£)\s?$")
_WORD = re.compile(r"[^\W\d_]+")
_NUMBER_WORDS = frozenset([*ONES, *TENS, *SMALL_PT_ES, "mil"])
_NEXT_WORD = re.compile(r"\s*(?:\(?n\s*=\s*)?([^\W\d_]+)")
_SCALES = frozenset({"million", "millions", "billion", "billions", "trillion", "mil", "milhão", "milhões",
                     "bilhão", "bilhões", "millón", "millones", "trilhão", "trilhões"})
# a number right after one of these is a label, a page or a reference, not a quantity
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:tabela|table|tabla|figura|figure|fig|quadro|cuadro|gráfico|grafico|chart|anexo|annex|appendix|"
    r"apêndice|p|pp|n|nº|no|art|artigo|article|v|vol|cap|chapter|capítulo|lei|law|decreto|resolução|"
    r"section|seção|sección|item|eixo|grupo|group|fase|phase|etapa|stage|nível|level)\.?|[§ºª#])\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figure:
    """One number of a passage, with what it counts and how precisely it is printed.

    ``kind`` is ``percent``, ``money``, ``year``, ``duration``, ``count`` or ``label`` (a table,
    page or note number: never an input); ``unit`` the currency, the unit of time or the noun after
    a count. ``start``/``end`` are offsets in the passage's joined text; ``number`` is the number as
    printed and ``decimals`` its printed decimals (0 for a number in words).
    """

    value: float
    decimals: int
    kind: str
    unit: str
    start: int
    end: int
    number: str
    words: bool
    in_parens: bool


@dataclass(frozen=True)
class Passage:
    """A paragraph, block quote or footnote: its joined text, sentences and figures."""

    element_id: str
    section: int | None
    text: str
    joined: Joined
    sentences: tuple[tuple[int, int], ...]
    figures: tuple[Figure, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the joined text to the article text (it may cross a page break)."""
        return self._offset(start), self._offset(end - 1) + 1

    def _offset(self, offset: int) -> int:
        for (a, b), s in zip(self.joined.pieces, self.joined.starts, strict=True):
            if s <= offset < s + (b - a):
                return a + offset - s
        raise AnnotationError(f"passage {self.element_id}: offset {offset} falls between its pieces")

    @cached_property
    def _figure_starts(self) -> list[int]:
        return [f.start for f in self.figures]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The span of the sentence holding ``offset`` (else the last one), found by bisection."""
        at = bisect_right(self.sentences, offset, key=lambda s: s[0]) - 1
        if at >= 0 and self.sentences[at][0] <= offset < self.sentences[at][1]:
            return self.sentences[at]
        return self.sentences[-1]

    def iter_figures(self, start: int, end: int) -> Iterator[Figure]:
        """The figures lying inside ``[start, end)``, one at a time: a reader that stops early reads no more."""
        figures = self.figures
        for k in range(bisect_left(self._figure_starts, start), len(figures)):  # indexed: islice would walk from 0
            if figures[k].start >= end:
                return
            if figures[k].end <= end:
                yield figures[k]

    def figures_in(self, start: int, end: int) -> list[Figure]:
        """The figures lying inside ``[start, end)``, found by bisection: a long paragraph stays linear."""
        lo = bisect_left(self._figure_starts, start)
        hi = bisect_left(self._figure_starts, end, lo)
        return [f for f in self.figures[lo:hi] if f.end <= end]


def _open_parens(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside parentheses opened in the same sentence (a bounded look back)."""
    before = text[max(0, offset - 200) : offset]
    return before.rfind("(") > before.rfind(")")


@dataclass(frozen=True)
class _Token:
    """A number as found: digits or words (and their language), a currency sign, a per cent sign."""

    number: str
    words: str  # "", "en" or "pt-es"
    currency: str
    percent: bool
    start: int  # of the currency sign when there is one
    end: int
    number_end: int


def _value(token: _Token, mark: str) -> tuple[float, int] | None:
    if not token.words:
        return read_digit_groups(token.number, mark)
    for lang in ("en",) if token.words == "en" else ("pt", "es"):
        try:
            return float(words_to_number(token.number, lang)), 0
        except AnnotationError:
            continue
    return None


def _classify(text: str, token: _Token, value: float) -> tuple[str, str]:
    """Return (kind, unit) of a number from what surrounds it."""
    if token.percent:
        return "percent", "percent"
    if _LABEL_BEFORE.search(text[max(0, token.start - 14) : token.start]):
        return "label", ""
    following = _NEXT_WORD.match(text, token.end)
    word = following.group(1).lower() if following else ""
    scale = word if word in _SCALES else ""
    if token.currency:
        return "money", _CURRENCY.get(token.currency.replace("\\", ""), "$") + (f" {scale}" if scale else "")
    if word in UNITS and UNITS[word][0] == "duration":
        return "duration", UNITS[word][1]
    if UNITS.get(word, ("",))[0] == "money":
        return "money", UNITS[word][1]
    if token.number.isdigit() and len(token.number) == 4 and 1000 <= value <= 2100 and not scale:
        return "year", ""
    return "count", word


def _number_word_starts(text: str) -> list[int]:
    """Where a word of the number vocabulary starts: each word looked up with ``str.find``, fast in C."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): offsets would shift
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    starts = set()
    for word in _NUMBER_WORDS.intersection(_WORD.findall(lowered)):  # the few number words it has
        at = lowered.find(word)
        while at >= 0:
            after = at + len(word)
            if (at == 0 or not lowered[at - 1].isalpha()) and (after == len(lowered) or not lowered[after].isalpha()):
                starts.add(at)
            at = lowered.find(word, at + 1)
    return sorted(starts)


def _tokens(text: str) -> list[_Token]:
    """The number tokens of a text, digits and words, in order."""
    tokens = []
    for m in _DIGIT_TOKEN.finditer(text):
        number = text[m.start() : m.end("rest")]
        currency = _CURRENCY_BEFORE.search(text[max(0, m.start() - 6) : m.start()])
        start = m.start() - (len(currency.group(0)) if currency else 0)
        tokens.append(_Token(number, "", currency.group(1) if currency else "", bool(m.group("pct")), start,
                             m.end(), m.end("rest")))
    end = 0
    for start in _number_word_starts(text):
        if start < end:
            continue
        m = _WORD_TOKEN.match(text, start)
        if m:
            lang = "en" if m.group("words") else "pt-es"
            number = m.group("words") or m.group("wpt")
            tokens.append(_Token(number, lang, "", bool(m.group("pct")), m.start(), m.end(), m.start() + len(number)))
            end = m.end()
    return sorted(tokens, key=lambda t: t.start)


def find_figures(text: str, mark: str = ".") -> list[Figure]:
    """Return the figures of a text, in order.

    Parameters
    ----------
    text : str
        A passage's joined text.
    mark : str
        The article's decimal mark (see :func:`histkit.text.numbers.decimal_mark`).

    """
    found = []
    for token in _tokens(text):
        read = _value(token, mark)
        if read is None:
            continue
        value, decimals = read
        kind, unit = _classify(text, token, value)
        found.append(Figure(value, decimals, kind, unit, token.start, token.end, token.number,
                            bool(token.words), _open_parens(text, token.start)))
    return found


def passages(article: Article, mark: str | None = None) -> list[Passage]:
    """Return the abstracts, paragraphs, block quotes and footnotes of an article with their figures.

    ``mark`` is the article's decimal mark (default: :func:`histkit.text.numbers.decimal_mark`).
    """
    mark = decimal_mark(article.text) if mark is None else mark
    out = []
    # the abstracts state totals the body then takes for granted ("a total of 76 species")
    elements = [e for e in article.elements if e.kind in ("paragraph", "blockquote", "footnote")
                or (e.kind == "front-matter" and e.field.startswith("abstract"))]
    for element in elements:
        joined = join_pieces(article.text, element.pieces)
        spans = sentences(joined.text)
        figures = _inherit_money(find_figures(joined.text, mark), spans)
        out.append(Passage(element.element_id, element.section, joined.text, joined, tuple(spans), tuple(figures)))
    return out


def captions(article: Article, mark: str | None = None) -> list[Passage]:
    """The captions of an article as passages: a table flattened by the conversion sits in its caption."""
    mark = decimal_mark(article.text) if mark is None else mark
    out = []
    for element in article.of_kind("caption"):
        joined = join_pieces(article.text, element.pieces)
        out.append(Passage(element.element_id, element.section, joined.text, joined, ((0, len(joined.text)),),
                           tuple(find_figures(joined.text, mark))))
    return out


def _inherit_money(figures: list[Figure], spans: list[tuple[int, int]]) -> list[Figure]:
    """A bare decimal after a sum of money in its sentence is money in that currency.

    As :mod:`histkit.extract.quantities` reads "56.13 pesos a month ... it had risen to 124.78".
    """
    out = []
    starts = [f.start for f in figures]  # in order: each sentence's figures found by bisection (linear)
    for a, b in spans:
        money: Figure | None = None
        for f in figures[bisect_left(starts, a) : bisect_left(starts, b)]:
            if f.kind == "money":
                money = f
            elif money and f.kind == "count" and f.decimals and f.decimals == money.decimals:
                f = replace(f, kind="money", unit=money.unit)
            out.append(f)
    return out
