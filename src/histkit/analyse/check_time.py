"""Durations, ages and the order of dated events, checked against the dates the article prints.

How prose states them, in pt/es/en (dates are read by :func:`histkit.extract.date_phrases.find_in`,
EDTF bounds by :func:`histkit.core.dating.bounds`):

- a **duration** beside the range it spans, in one sentence: "30 anos (1990 a 2010)", "12 años
  ... entre 2003 y 2015", "quatro anos, no período de 2014 a 2018", "Five-year Plan period
  (2016-2020)", "12 monthly campaigns ... between October 2016 and September 2017". The count of
  calendar years may be exclusive (2018 - 2014 = 4) or inclusive (2016-2020, five years): both are
  accepted, at the precision of the dates printed;
- a **stay** ("stayed in Mexico for two years", "permaneceu dois anos") between the last year printed
  before it and the first after it in its paragraph. The pairing is weak, so a stay is kept only
  when it agrees (within a year either way, as the dates are years);
- an **age** ("Borodin, then thirty-five years of age, left Moscow in April 1919", "com 35 anos",
  "a los 35 años") beside the birth year the article prints for that name ("born in 1884",
  "nascido em", "nació en", "(1884-1951)"): the year difference or one less;
- **N years later** after a dated event and before a death ("arrested in 1949 ..., and died two
  years later"), against the death year printed for the one person of the passage whose death year
  the article gives (weak: kept only when it agrees);
- the **order** of two years: "later (2014)", "depois (1983)", "más tarde (2014)" after a year
  printed earlier in the sentence or the one before;
- **before or after an event dated beside its name**: "publicado desde janeiro de 1973, surgido
  pouco antes da Revolução dos Cravos, ocorrida em 25 de abril de 1974", "founded in January 1973,
  shortly before the Carnation Revolution, which took place on 25 April 1974", "poco después de la
  huelga, ocurrida el 3 de mayo de 1920": the last date of the sentence before "antes"/"before"
  (its start where it is "desde"/"since" a date), with a comma and two words at most before the cue
  ("1973, surgido pouco antes"), against the date the apposition gives the event.
  The event's name has no comma; where the two dates overlap at the precision printed, nothing is
  said. "Shortly" is not judged: the gap is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from histkit.analyse.check_rows import Check
from histkit.analyse.figures import Figure, Passage
from histkit.core.dating import bounds
from histkit.extract.date_phrases import Found, find_in

_JOIN = re.compile(r"^\s*(?:a|to|até|ate|-|–|—|and|e|y|hasta|al)\s*$", re.IGNORECASE)
_STAY = re.compile(r"\b(?:stayed|remained|lived|spent|permaneceu|ficou|morou|viveu|permaneció|vivió|quedó)\b",
                   re.IGNORECASE)
_AGE = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w'-]+),?\s+(?:then|aged|já|então|entonces|ya)?\s*(?:with\s+|com\s+|con\s+)?$",
)
_AGE_AFTER = re.compile(r"\s*(?:years?|anos|años)\s+(?:of\s+age|old|de\s+idade|de\s+edad)\b", re.IGNORECASE)
_BORN = r"(?:born|nascid[oa]|nacid[oa]|nació|nasceu)\s+(?:in|em|en|no\s+ano\s+de)\s+(?P<born>1\d{3}|20\d\d)\b"
_LIFESPAN = r"\((?P<b>1\d{3}|20\d\d)\s*[-–]\s*(?P<d>1\d{3}|20\d\d)\)"
_DIED = r"(?:died|morreu|faleceu|murió|falleció)\b[^.;]{0,40}?\b(?:in|em|en)\s+(?P<died>1\d{3}|20\d\d)\b"
_BORN_RE = re.compile(_BORN, re.IGNORECASE)
_DIED_RE = re.compile(_DIED, re.IGNORECASE)
_LIFESPAN_RE = re.compile(_LIFESPAN)
_BORN_WORDS = ("born", "nasc", "nac")
_DIED_WORDS = ("died", "morreu", "faleceu", "muri", "falleci")
_LATER_PHRASE = re.compile(r"(\w+)\s+(years?|anos?|años?)\s+(?:later|depois|después|más\s+tarde)", re.IGNORECASE)
_NAME_WORD = re.compile(r"\b[A-ZÀ-Þ][\w'-]+")
_DEATH_WORD = re.compile(r"\b(?:died|morreu|faleceu|murió|falleció)\b", re.IGNORECASE)
_LATER = re.compile(r"\b(?:later|afterwards|after|depois|após|más\s+tarde|después|mais\s+tarde)\s*\(\s*$",
                    re.IGNORECASE)
_EVENT_CUE = re.compile(
    r"\b(?:(?:pouco|logo|muito|bem|poco|justo|mucho|shortly|just|long|soon|well|right)\s+)?"
    r"(?P<dir>antes|before|depois|após|after|después|despues)\s+(?:d[aoe]s?|del|de\s+la|de\s+los|de\s+las|the)?\b",
    re.IGNORECASE,
)
# ", ocorrida em", ", which took place on", ", ocurrida el": the apposition that dates the event named
_EVENT_DATED = re.compile(
    r",\s*(?:ocorrid[ao]s?|ocurrid[ao]s?|realizad[ao]s?|iniciad[ao]s?|which\s+(?:took\s+place|occurred|happened|began)|"
    r"that\s+(?:took\s+place|occurred)|que\s+(?:ocorreu|aconteceu|ocurrió|tuvo\s+lugar|teve\s+lugar))"
    r"\s+(?:em|en|in|on|el|no\s+dia|el\s+día)\s+",
    re.IGNORECASE,
)
_EVENT_NAME = 80  # characters of an event's name, between the cue and its apposition
# between the date of what is placed before or after and the cue: a comma and a verb at most ("1973, surgido")
_SUBJECT_GAP = re.compile(r"\s*,?\s*(?:[^\W\d_]+\s+){0,2}")
_DEATH_VERB = re.compile(r"\b(?:died|morreu|faleceu|murió|falleció)\s+$", re.IGNORECASE)


def _dates(passage: Passage, a: int, b: int) -> list[Found]:
    """The date phrases of one sentence, offsets in the passage (read only where a check needs them)."""
    return [replace(f, start=f.start + a, end=f.end + a) for f in find_in(passage.text[a:b])]


@dataclass(frozen=True)
class LifeDate:
    """A birth or death year the article prints, with the clause before it (where the name is)."""

    passage: Passage
    kind: str  # "born" or "died"
    year: int
    start: int
    end: int
    before: str


def life_dates(passages: list[Passage]) -> list[LifeDate]:
    """Every "born in 1884", "died in prison in 1951", "(1884-1951)" of the article, read once."""
    found = []
    for p in passages:
        low = p.text.lower()
        patterns = [("both", _LIFESPAN_RE, ("b", "d"))]  # opens with "(": a cheap scan
        if any(word in low for word in _BORN_WORDS):
            patterns.append(("born", _BORN_RE, ("born",)))
        if any(word in low for word in _DIED_WORDS):
            patterns.append(("died", _DIED_RE, ("died",)))
        for kind, pattern, groups in patterns:
            for m in pattern.finditer(p.text):
                before = p.text[max(0, m.start() - 120) : m.start()]
                before = before[max(before.rfind("."), before.rfind(";")) + 1 :]
                for group in groups:
                    which = kind if kind != "both" else ("born" if group == "b" else "died")
                    found.append(LifeDate(p, which, int(m.group(group)), m.start(group), m.end(group), before))
    return found


def by_name(dates: list[LifeDate]) -> dict[str, list[LifeDate]]:
    """The life dates under each capitalised word of the clause before them (looked up, not searched)."""
    index: dict[str, list[LifeDate]] = {}
    for d in dates:
        for word in set(_NAME_WORD.findall(d.before)):
            index.setdefault(word, []).append(d)
    return index


def _ranges(passage: Passage, dates: list[Found], a: int, b: int) -> list[tuple[str, str, int, int]]:
    """The date ranges of a sentence: (first EDTF, last EDTF, start, end)."""
    inside = [d for d in dates if a <= d.start and d.end <= b]
    out = []
    for i, d in enumerate(inside):
        if "/" in d.value.edtf and ".." not in d.value.edtf:
            first, last = d.value.edtf.split("/")
            out.append((first, last, d.start, d.end))
        elif i + 1 < len(inside) and d.value.edtf and inside[i + 1].value.edtf and \
                _JOIN.match(passage.text[d.end : inside[i + 1].start]):
            out.append((d.value.edtf, inside[i + 1].value.edtf, d.start, inside[i + 1].end))
    return out


def _span_count(first: str, last: str, unit: str) -> tuple[int, int] | None:
    """The exclusive and inclusive counts of ``unit`` from ``first`` to ``last``."""
    lo, _ = bounds(first)
    _, hi = bounds(last)
    if lo is None or hi is None:
        return None
    if unit == "years":
        return hi.year - lo.year, hi.year - lo.year + 1
    if unit == "months" and "-" in first and "-" in last:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month
        return months, months + 1
    return None


def _word_unit(passage: Passage, f: Figure) -> str:
    if f.kind == "duration":
        return f.unit
    follow = passage.text[f.end : f.end + 8].lower()
    if follow.startswith(("-year", " year")):
        return "years"
    if follow.startswith((" monthly", " mensais", " mensuales")):
        return "months"
    return ""


def _how_many(n: float, unit: str) -> str:
    """"1 year", "2 years": a unit in the singular for one ("its own figures give 1 year", never "1 years")."""
    return f"{n:g} {unit[:-1] if n == 1 and unit.endswith('s') else unit}"


def duration_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every duration printed beside the one range of dates it spans."""
    for passage in passages:
        for a, b in passage.sentences:
            if not any(_word_unit(passage, f) for f in passage.figures_in(a, b)):
                continue
            ranges = _ranges(passage, _dates(passage, a, b), a, b)
            if len(ranges) != 1:
                continue
            first, last, r0, r1 = ranges[0]
            for f in passage.figures_in(a, b):
                unit = _word_unit(passage, f)
                if not unit or f.decimals or abs(f.start - r0) > 160 or r0 <= f.start < r1:
                    continue
                counts = _span_count(first, last, unit)
                if counts is None:
                    continue
                ok = int(f.value) in counts
                yield passage, Check(
                    kind="duration",
                    span=(min(f.start, r0), max(f.end, r1)),
                    inputs=[(r0, r1)],
                    stated=_how_many(f.value, unit),
                    computed=f"{_how_many(counts[0], unit)} ({counts[1]} counting both ends)",
                    status="consistent" if ok else "inconsistent",
                    formula=f"{last} - {first}, in {unit}",
                    reason=(f"from {first} to {last} is {_how_many(counts[0], unit)}, or {counts[1]} counting both "
                            f"ends; the text says {f.number}"),
                )


def stay_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every "stayed ... for N years" between the years its paragraph prints around it (weak)."""
    for passage in passages:
        years = [f for f in passage.figures if f.kind == "year" and not f.in_parens]
        for f in passage.figures:
            if f.kind != "duration" or f.unit != "years" or f.decimals:
                continue
            a, _ = passage.sentence_of(f.start)
            if not _STAY.search(passage.text[a : f.start]):
                continue
            before = [y for y in years if y.end <= f.start]
            after = [y for y in years if y.start >= f.end]
            if not before or not after:
                continue
            diff = int(after[0].value - before[-1].value)
            if not diff - 1 <= f.value <= diff + 1:
                continue  # a weak pairing is kept only when it agrees
            yield passage, Check(
                kind="duration",
                span=(a, f.end),
                inputs=[(before[-1].start, before[-1].end), (after[0].start, after[0].end)],
                stated=f"{f.value:g} years",
                computed=f"{diff} years ({diff - 1}-{diff + 1} as the dates are years)",
                status="consistent",
                formula=f"{after[0].number} - {before[-1].number}",
                reason=(f"the paragraph dates the start {before[-1].number} and the end {after[0].number}: "
                        f"{diff} years, give or take one; paired by agreement"),
            )


def age_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every "NAME, then N years of age" beside the birth year the article prints for NAME."""
    lives = by_name([d for d in life_dates(passages) if d.kind == "born"])
    for passage in passages:
        for f in passage.figures:
            if f.kind != "duration" or f.unit != "years" or not _AGE_AFTER.match(passage.text, f.end):
                continue
            who = _AGE.search(passage.text[max(0, f.start - 40) : f.start])
            if not who:
                continue
            name = who.group("name")
            births = lives.get(name, [])
            if len({d.year for d in births}) != 1:
                continue
            a, b = passage.sentence_of(f.start)
            when = [d for d in _dates(passage, a, b) if d.value.edtf and "/" not in d.value.edtf]
            near = [d for d in when if 0 <= d.start - f.end <= 60]  # "then 35 years of age, left ... in April 1919"
            when = near[:1] or when
            if len(when) != 1:
                continue
            birth = births[0]
            born_passage, born, b0, b1 = birth.passage, birth.year, birth.start, birth.end
            year = bounds(when[0].value.edtf)[0]
            if year is None:
                continue
            diff = year.year - born
            ok = f.value in (diff - 1, diff)
            yield passage, Check(
                kind="age",
                span=(max(0, f.start - 40) + who.start(), f.end + len(_AGE_AFTER.match(passage.text, f.end).group(0))),
                inputs=[(b0, b1), (when[0].start, when[0].end)],
                stated=f"{f.value:g} years",
                computed=f"{diff - 1}-{diff} years",
                status="consistent" if ok else "inconsistent",
                formula=f"{year.year} - {born} (birth date within the year unknown: or one less)",
                reason=f"{name} was born in {born}; in {when[0].phrase} {name} was {diff - 1} or {diff}",
                input_passages=[born_passage, passage],
            )


def later_death_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every "died N years later" after a dated event, against the death year of the passage's person."""
    deaths = by_name([d for d in life_dates(passages) if d.kind == "died"])
    for passage in passages:
        if not _DEATH_WORD.search(passage.text):
            continue
        names = set(re.findall(r"\b[A-ZÀ-Þ][a-zà-ÿ]{3,}\b", passage.text))
        known = [(d, n) for n in sorted(names) for d in deaths.get(n, [])]
        if len({d.year for d, _ in known}) != 1:
            continue
        for a, b in passage.sentences:
            if not _DEATH_WORD.search(passage.text, a, b):
                continue
            dates = _dates(passage, a, b)
            for i, d in enumerate(dates):
                verb = _DEATH_VERB.search(passage.text[max(0, d.start - 20) : d.start])
                if d.value.form != "relative" or not verb:
                    continue
                match = _LATER_PHRASE.match(d.phrase)
                earlier = [e for e in dates[:i] if e.value.form == "year"]
                count = next((f.value for f in passage.figures if d.start <= f.start < d.end), None)
                if not match or not earlier or count is None:
                    continue
                start_year = int(earlier[-1].value.edtf[:4])
                death, name = known[0]
                if death.year - start_year != count:
                    continue  # a weak pairing is kept only when it agrees
                yield passage, Check(
                    kind="duration",
                    span=(d.start - len(verb.group(0)), d.end),
                    inputs=[(earlier[-1].start, earlier[-1].end), (death.start, death.end)],
                    stated=f"{count:g} years",
                    computed=f"{death.year - start_year} years",
                    status="consistent",
                    formula=f"{death.year} - {start_year}",
                    reason=f"the article gives {name}'s death in {death.year}; paired by agreement",
                    input_passages=[passage, death.passage],
                )


def order_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every "later (2014)" after a year printed before it."""
    for passage in passages:
        years = [f for f in passage.figures if f.kind == "year"]
        for i, y in enumerate(years):
            cue = _LATER.search(passage.text[max(0, y.start - 20) : y.start])
            if not cue or i == 0:
                continue
            a, _ = passage.sentence_of(y.start)
            index = passage.sentences.index(passage.sentence_of(y.start))
            start = passage.sentences[index - 1][0] if index else a
            before = [x for x in years[:i] if x.start >= start and not x.in_parens]
            if not before:
                continue
            first = before[-1]
            ok = y.value > first.value
            yield passage, Check(
                kind="order",
                span=(y.start - len(passage.text[max(0, y.start - 20) : y.start]) + cue.start(), y.end + 1),
                inputs=[(first.start, first.end), (y.start, y.end)],
                stated=f"{y.number} after {first.number}",
                computed=f"{y.number} {'>' if ok else '<='} {first.number}",
                status="consistent" if ok else "inconsistent",
                formula=f"{first.number} before {y.number}",
                reason=f"the text says later; {y.number} is {'after' if ok else 'not after'} {first.number}",
            )


def _start_or_whole(found: Found) -> tuple[date, date] | None:
    """The bounds of a date, or of its start where it is open at its end ("desde janeiro de 1973")."""
    edtf = found.value.edtf
    if "/" in edtf:
        first, last = edtf.split("/", 1)
        if first in ("", ".."):
            return None
        if last in ("", ".."):
            edtf = first
    lo, hi = bounds(edtf)
    return (lo, hi) if lo is not None and hi is not None else None


def event_order_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every "(shortly) before/after EVENT, which took place on DATE" after a date of its sentence."""
    for passage in passages:
        # the apposition first: it opens with a comma and is rare, where "before" and "de" are everywhere
        for dated in _EVENT_DATED.finditer(passage.text):
            comma = dated.start()
            window = max(0, comma - _EVENT_NAME)
            cues = [c for c in _EVENT_CUE.finditer(passage.text, window, comma)
                    if not any(ch in passage.text[c.end() : comma] for ch in ".;:(),")]
            if not cues:
                continue
            cue = cues[-1]
            a, b = passage.sentence_of(cue.start())
            # the dates read near the cue only: the date placed is just before it, the event's just after
            dates = _dates(passage, max(a, cue.start() - _EVENT_NAME - 40), min(b, dated.end() + _EVENT_NAME))
            event = next((d for d in dates if d.start == dated.end()), None)
            before = [d for d in dates if d.end <= cue.start()]
            if event is None or not before:
                continue
            if not _SUBJECT_GAP.fullmatch(passage.text, before[-1].end, cue.start()):
                continue  # "In 1980, the archive, created long before ...": that date is not the archive's
            subject, when = before[-1], _start_or_whole(before[-1])
            event_when = _start_or_whole(event)
            if when is None or event_when is None or "/" in event.value.edtf:
                continue
            earlier = cue.group("dir").lower() in ("antes", "before")
            first, second = (when, event_when) if earlier else (event_when, when)
            if first[1] < second[0]:
                status = "consistent"
            elif first[0] > second[1]:
                status = "inconsistent"
            else:
                continue  # the dates overlap at the precision printed: the order cannot be told
            relation = "before" if earlier else "after"
            # in words for readers: "1973-01, before 1974-04-25" reads "January 1973, before 25 April 1974"
            ordered = "before" if (status == "consistent") == earlier else "after"
            shown = f"{subject.value.edtf.split('/')[0]}, {ordered} {event.value.edtf}"
            gap = abs((event_when[0] - when[0]).days) // 30
            yield passage, Check(
                kind="order", span=(cue.start(), event.end),
                inputs=[(subject.start, subject.end), (event.start, event.end)],
                stated=f"{subject.phrase} {relation} {event.phrase}",
                computed=shown,
                status=status,
                formula=f"{subject.phrase} {relation} the event dated {event.phrase}",
                reason=(f"the event is dated beside its name; the dates are about {gap} months apart"
                        + ("" if status == "consistent" else f", in the other order: not {relation}")),
            )
