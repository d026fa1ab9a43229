"""A share stated again elsewhere in the article, checked as the first statement of it was.

Authors restate their results in the abstract, the discussion or the conclusion: "The remaining 43
species (56.5% of total richness) were rare" in the results, "The rare species group accounted for
56.5% of the total richness recorded" in the discussion. The second statement prints no inputs, but
it is the same figure of the same total, so it is as right or as wrong as the first: a slip repeated
is still a slip. It is read so, in pt/es/en:

- the first statement is a share another check has recomputed, its percentage followed by "of
  (the) total NOUN", "do total de NOUN", "del total de NOUN";
- the repeat is the same percentage printed with the same decimals, followed by "of the total" and
  the same noun, in another place, whose sentence shares a word with the first one's besides the
  noun ("rare", "species"): "26.3% of total richness" said of another group of species is not it;
- the percentage has decimals: "25% of the total schools" is said of many groups of one total, and a
  whole percentage said again may well be another group's;
- a figure printed the same way by two different checked statements is ambiguous and never
  paired.

The repeat gets the verdict of the first statement and its inputs, with the first statement itself
as one more input.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from histkit.analyse.check_rows import Check
from histkit.analyse.figures import Figure, Passage

# "(56.5% of total richness)", "of the total richness", "do total de espécies", "del total de especies"
_OF_TOTAL = re.compile(
    r"\s*(?:of|do|da|dos|das|del|de)\s+(?:the\s+|o\s+|la\s+|el\s+)?total\s+"
    r"(?:of\s+(?:the\s+)?|de\s+(?:los\s+|las\s+|os\s+|as\s+)?)?(?P<noun>[^\W\d_]+)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{4,}")
_READ_BACK = 8  # checked statements read back for an overlap: they are short and seldom nested
# words too common to show that two sentences speak of the same thing
_COMMON = frozenset({
    "total", "that", "this", "with", "from", "were", "which", "their", "than", "these", "those", "each",
    "table", "tabela", "tabla", "figure", "figura", "para", "como", "mais", "pelo", "pela", "entre", "sobre",
    "seus", "suas", "esse", "essa", "este", "esta", "foram", "eram", "sendo", "también", "também", "cada",
    "fueron", "eran", "desse", "dessa", "deste", "desta", "estos", "estas",
})


@dataclass(frozen=True)
class _First:
    """A checked share whose percentage names its total: the statement a repeat is paired with."""

    passage: Passage
    check: Check
    figure: Figure
    noun: str
    words: frozenset[str]


def _noun(word: str) -> str:
    return word.lower().rstrip("s")


def _content_words(passage: Passage, offset: int, noun: str) -> frozenset[str]:
    a, b = passage.sentence_of(offset)
    words = {w.lower() for w in _WORD.findall(passage.text, a, b)}
    return frozenset(w for w in words if w not in _COMMON and _noun(w) != noun)


def _firsts(checks: Iterable[tuple[Passage, Check]]) -> dict[tuple[float, int, str], list[_First]]:
    """The checked shares whose last percentage is followed by "of the total NOUN", by figure and noun."""
    index: dict[tuple[float, int, str], list[_First]] = {}
    for passage, check in checks:
        if check.kind != "share":
            continue
        percents = [f for f in passage.figures_in(*check.span) if f.kind == "percent"]
        if not percents:
            continue
        figure = percents[-1]
        m = _OF_TOTAL.match(passage.text, figure.end)
        if not m:
            continue
        noun = _noun(m.group("noun"))
        first = _First(passage, check, figure, noun, _content_words(passage, figure.start, noun))
        index.setdefault((figure.value, figure.decimals, noun), []).append(first)
    return index


def _overlaps(spans: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    """Whether a span meets one of ``spans`` (sorted; a statement is a sentence at most, read back so far)."""
    at = bisect_left(spans, span[1], key=lambda s: s[0])
    for a, b in reversed(spans[max(0, at - _READ_BACK) : at]):
        if b > span[0] and a < span[1]:
            return True
    return False


def repeat_checks(passages: list[Passage], checks: list[tuple[Passage, Check]]) -> Iterator[tuple[Passage, Check]]:
    """Every share of a total printed again, with no inputs, after another check recomputed it.

    Parameters
    ----------
    passages : list of Passage
        The passages of the article.
    checks : list of (Passage, Check)
        The checks the other families made; the repeats are read from their shares.

    """
    index = _firsts(checks)
    if not index:
        return
    stated: dict[str, list[tuple[int, int]]] = {}  # the statements checked, by passage, in order
    for p, c in checks:
        stated.setdefault(p.element_id, []).append(c.span)
    for spans in stated.values():
        spans.sort()
    for passage in passages:
        for f in passage.figures:
            if f.kind != "percent" or not f.decimals:
                continue
            m = _OF_TOTAL.match(passage.text, f.end)
            if not m:
                continue
            noun = _noun(m.group("noun"))
            firsts = index.get((f.value, f.decimals, noun), [])
            if len(firsts) != 1:  # none, or two statements of that figure: which one is repeated is a guess
                continue
            first = firsts[0]
            span = (f.start, m.end())
            if _overlaps(stated.get(passage.element_id, []), span):
                continue  # a statement already checked (the first one itself among them)
            if not first.words & _content_words(passage, f.start, noun):
                continue
            check = first.check
            where = list(check.input_passages) or [first.passage] * len(check.inputs)
            quote = first.passage.text[first.figure.start : first.figure.end]
            yield passage, Check(
                kind="share", span=span, inputs=[*check.inputs, (first.figure.start, first.figure.end)],
                stated=check.stated, computed=check.computed, status=check.status,
                formula=f"{check.formula}, as where the article prints {quote} beside its inputs",
                reason=f"the same figure of the same total as in another passage: {check.reason}",
                reading=check.reading, input_passages=[*where, first.passage],
            )
