"""The article's own figure said to be higher or lower than figures it prints for other studies.

Discussions compare a result with what others found: "The species richness recorded in the present
study (76 species) was similar to ... In contrast, ... the species richness recorded in our study was
higher than that found by A (2006) and B (2009), who recorded 64 and 56 species, respectively, but
lower than that recorded by C (2009), who recorded 117 species." Each side is printed, so the
comparison can be recomputed. It is read so, in pt/es/en:

- the **statement** is a sentence naming the article's own study ("our study", "the present study",
  "neste estudo", "nosso trabalho", "el presente estudio") before a comparative: "higher/greater/
  larger/more than", "lower/smaller/fewer/less than", "maior/superior/menor/inferior (do) que",
  "superior/inferior a", "mayor/menor que". "Similar to" states no order and is left alone, and so
  is "more than 70 species" (a bound: the comparative is followed by the number itself);
- the **figures compared with** are the counts after the comparative, up to the next comparative or
  the sentence's end, that count the same thing as the study's own figure ("64 and 56 species": a
  list takes the noun of its last figure); years and labels are never compared;
- the thing compared is what the figures count: its noun is said before the comparative, the study's
  own figure aside ("the species richness recorded in our study was higher than"; "the response rate
  of the present study (120 participants) was higher than ... 300 participants" compares no counts);
- the **study's own figure** is a count of that thing printed right after the study is named ("in
  the present study (76 species)", "neste estudo, 76 espécies"), in the sentence itself before the
  comparative, or else in an earlier sentence of the paragraph that speaks of the same thing (a
  word before the study's name is shared: "species richness recorded in ...").

Anything else is not paired. A sentence gives one row: consistent when every order it states holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from histkit.analyse.check_rows import Check
from histkit.analyse.figures import Figure, Passage
from histkit.analyse.tolerance import as_input, fmt

# the study's name: a noun found with str.find (fast), then the word before it read by a pattern anchored there
_STUDY_NOUNS = ("study", "work", "survey", "research", "estudo", "trabalho", "pesquisa", "levantamento", "estudio",
                "trabajo", "investigación")
_STUDY_BEFORE = re.compile(
    r"\b(?:present|current|our|this|presente|nosso|neste|deste|este|nesta|desta|esta|nossa|nuestro|nuestra)\s+$",
    re.IGNORECASE,
)
_THAN = r"(?:than|do\s+que|que|a|ao|aos|à|às|al)\b"
_COMPARATIVE = re.compile(
    rf"\b(?:(?P<higher>higher|greater|larger|more|maior|maiores|superior|superiores|mayor|mayores)|"
    rf"(?P<lower>lower|smaller|fewer|less|menor|menores|inferior|inferiores))\s+{_THAN}",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r"\s*,?\s*(?:(?:and|e|y|or|ou|o)\s+)?")
_WORD = re.compile(r"[^\W\d_]{4,}")
_WORD_ANY = re.compile(r"[^\W\d_]+")
_NEAR = 40  # characters between the study's name and its own figure ("present study (76 species)")
_BACK = 5  # sentences read back for the study's own figure
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _study_names(text: str) -> list[tuple[int, int]]:
    """Where the text names its own study ("the present study", "neste estudo"), in order."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: offsets would shift
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found = []
    for noun in _STUDY_NOUNS:
        at = low.find(noun)
        while at >= 0:
            end = at + len(noun)
            whole = (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum())
            before = _STUDY_BEFORE.search(low, max(0, at - 16), at) if whole else None
            if before:
                found.append((before.start(), end))
            at = low.find(noun, end)
    return sorted(found)


def _noun(word: str) -> str:
    return word.lower().rstrip("s")


@dataclass(frozen=True)
class _Counts:
    """The counts of a passage, what each counts, and their starts for bisection."""

    passage: Passage
    figures: tuple[Figure, ...]
    starts: tuple[int, ...]
    units: dict[int, str]
    studies: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, passage: Passage, studies: list[tuple[int, int]]) -> _Counts:
        figures = tuple(f for f in passage.figures if f.kind == "count")
        units: dict[int, str] = {}
        following = ""
        # backwards, so that a list takes the noun of its last figure ("64 and 56 species")
        for i in range(len(figures) - 1, -1, -1):
            f = figures[i]
            joined = i + 1 < len(figures) and _LIST_JOIN.fullmatch(passage.text, f.end, figures[i + 1].start)
            unit = following if joined and following else _noun(f.unit) if f.unit else ""
            units[f.start] = unit
            following = unit
        return cls(passage, figures, tuple(f.start for f in figures), units, tuple(studies))

    def study_in(self, a: int, b: int) -> list[tuple[int, int]]:
        """The names of the study inside ``[a, b)``, found by bisection."""
        lo = bisect_left(self.studies, a, key=lambda s: s[0])
        hi = bisect_left(self.studies, b, lo, key=lambda s: s[0])
        return [s for s in self.studies[lo:hi] if s[1] <= b]

    def inside(self, a: int, b: int) -> list[Figure]:
        """The counts lying inside ``[a, b)``, found by bisection (a long paragraph stays linear)."""
        return [f for f in self.figures[bisect_left(self.starts, a) : bisect_left(self.starts, b)] if f.end <= b]

    def own(self, a: int, b: int) -> tuple[Figure, int] | None:
        """The count printed right after the study is named in ``[a, b)``, and where the name starts."""
        text = self.passage.text
        for start, end in self.study_in(a, b):
            near = [f for f in self.inside(end, min(b, end + _NEAR)) if self.units.get(f.start)]
            if near and not _COMPARATIVE.search(text, end, near[0].start):
                return near[0], start
        return None


def _subject(passage: Passage, a: int, at: int) -> set[str]:
    """The words of the clause before the study's name ("species richness recorded in")."""
    clause = passage.text[max(a, at - 60) : at]
    clause = clause[max(clause.rfind(","), clause.rfind(";")) + 1 :]
    return {w.lower() for w in _WORD.findall(clause)}


def _clauses(passage: Passage, start: int, b: int) -> list[tuple[str, int, int, int]]:
    """Each comparative after ``start`` with the stretch it governs.

    Returned as (higher|lower, start of the comparative, its end, end of the stretch).
    """
    found = list(_COMPARATIVE.finditer(passage.text, start, b))
    return [("higher" if m.group("higher") else "lower", m.start(), m.end(),
             found[k + 1].start() if k + 1 < len(found) else b) for k, m in enumerate(found)]


def comparison_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every sentence comparing the study's own count with counts it prints for other studies."""
    for passage in passages:
        studies = _study_names(passage.text)
        if not studies:
            continue
        counts = _Counts.of(passage, studies)
        for index in range(len(passage.sentences)):
            yield from _sentence(counts, index)


def _own_figure(counts: _Counts, index: int, study: tuple[int, int], before: int) -> Figure | None:
    """The study's own count, in its sentence before the comparative or in a sentence just before.

    A sentence before counts only when it speaks of the same thing (a word before the study's name).
    """
    passage = counts.passage
    a, _ = passage.sentences[index]
    own = counts.own(a, before)
    if own is not None:
        return own[0]
    subject = _subject(passage, a, study[0])
    for a0, b0 in reversed(passage.sentences[max(0, index - _BACK) : index]):
        earlier = counts.own(a0, b0)
        if earlier and subject & _subject(passage, a0, earlier[1]):
            return earlier[0]
    return None


def _compares(text: str, a: int, comparative: int, mine: Figure, unit: str) -> bool:
    """Whether what is compared is what the figures count: its noun before the comparative.

    The study's own figure is set aside: "the species richness recorded in our study was higher than"
    compares species; "In the present study (120 participants), the response rate was higher than ...
    300 participants" compares rates.
    """
    before = text[a:comparative]
    if a <= mine.start < comparative:
        after = _NEXT_WORD.match(text, mine.end, comparative)
        cut = after.end() if after else mine.end
        before = text[a : mine.start] + text[cut:comparative]
    return unit in {_noun(w) for w in _WORD_ANY.findall(before)}


def _sentence(counts: _Counts, index: int) -> Iterator[tuple[Passage, Check]]:
    passage = counts.passage
    a, b = passage.sentences[index]
    named = counts.study_in(a, b)
    if not named:
        return
    study = named[0]
    clauses = _clauses(passage, study[1], b)
    if not clauses:
        return
    mine = _own_figure(counts, index, study, clauses[0][1])
    if mine is None:
        return
    unit = counts.units[mine.start]
    if not _compares(passage.text, a, clauses[0][1], mine, unit):
        return
    orders, inputs, holds, listed = [], [(mine.start, mine.end)], True, []
    for direction, _, c0, c1 in clauses:
        inside = counts.inside(c0, c1)
        others = [f for f in inside if counts.units.get(f.start) == unit and f is not mine]
        if not others or not passage.text[c0 : inside[0].start].strip():
            return  # nothing of the same kind to compare with, or "more than 70 species": a bound
        listed.append(f"{direction} than {', '.join(f.number for f in others)}")
        for other in others:
            ours, theirs = as_input(mine), as_input(other)
            ok = ours.hi > theirs.lo if direction == "higher" else ours.lo < theirs.hi
            # words, not "<=": a reader's sentence reads "<=" as "no later than"
            sign = (">" if direction == "higher" else "<") if ok else ("not >" if direction == "higher" else "not <")
            orders.append(f"{mine.number} {sign} {other.number}")
            holds = holds and ok
            inputs.append((other.start, other.end))
    last = max(b for _, b in inputs)
    after = _NEXT_WORD.match(passage.text, last, b)
    end = after.end() if after and _noun(after.group(1)) == unit else last
    yield passage, Check(
        kind="comparison", span=(study[0], end), inputs=inputs,
        stated=f"{fmt(mine.value, mine.decimals)} {mine.unit}: {'; '.join(listed)}", computed=", ".join(orders),
        status="consistent" if holds else "inconsistent",
        formula=f"the study's own {mine.number} {mine.unit} against the figures it is compared with",
        reason=("every order stated holds" if holds else "an order stated does not hold: " + ", ".join(
            o for o in orders if " not " in o)),
    )
