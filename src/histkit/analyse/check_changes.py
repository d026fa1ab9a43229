"""Changes between two printed figures: percent changes, falls and rises, multiples.

How prose states them, in pt/es/en:

- a **percent change** is a percentage after a word of change: "an increase of 225%", "um
  crescimento de 11,9 %", "un aumento del 30%", "rose by 12%", "caiu 5%". Its inputs are the two
  figures of the same kind (two sums of money in the same currency, or two counts) of its sentence
  and the sentence before; with more or fewer than two, nothing is checked. Each input's year is the
  one nearest it without a comma between, and the earlier year is the base (text order without
  years). "An increase of N%" of 100% or more is read both ways, as an increase (new / old - 1)
  and as a ratio (new / old), one row each: writers use both;
- a **direction** is a verb of rising or falling before its end figure, "had fallen to 6%",
  "subiu para 30%", "cayó a 12%", with the start figure of the same kind just before it in the
  sentence; the check is the sign of the change, and the row gives the change in points;
- a **multiple** is "twice", "o dobro", "el doble", "three times", "quase 10 vezes", "se
  triplicó" between two figures of the same kind in one sentence (exactly two): "twice" must round
  to 2; "nearly/quase/casi N" accepts N - 0.5 to N.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from histkit.analyse.check_rows import Check
from histkit.analyse.figures import Figure, Passage
from histkit.analyse.tolerance import Interval, as_input, fmt, judge

_UP = (r"increase|rise|growth|gain|aumento|crescimento|acréscimo|incremento|alta|elevação|crecimiento|subida|"
       r"increased|rose|grew|climbed|cresceu|aumentou|subiu|creció|aumentó|subió")
_DOWN = (r"decrease|decline|fall|drop|reduction|loss|queda|redução|diminuição|baixa|perda|caída|reducción|"
         r"disminución|descenso|baja|decreased|declined|fell|dropped|caiu|diminuiu|cayó|disminuyó|bajó")
_APPROX = r"(?:(?:about|around|almost|nearly|some|cerca\s+de|aproximadamente|quase|casi|alrededor\s+de)\s+)?"
_CHANGE_CUE = re.compile(
    rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\s+(?:of|by|de|do|del|em|en|un|in)\s+(?:the\s+|o\s+|el\s+)?{_APPROX}$",
    re.IGNORECASE,
)
_DIRECTION = re.compile(
    r"\b(?:(?P<up>risen|rose|increased|grew|grown|climbed|gone\s+up|went\s+up|subiu|aumentou|cresceu|subido|"
    r"aumentado|crescido|subió|aumentó|creció)|(?P<down>fallen|fell|dropped|declined|decreased|gone\s+down|"
    r"went\s+down|caiu|diminuiu|baixou|caído|caido|diminuído|cayó|disminuyó|bajó|descendió))\s+(?:to|para|a|até|hasta)\s+$",
    re.IGNORECASE,
)
_MULTIPLE = re.compile(
    r"\b(?:(?P<two>twice|doubled|double|o\s+dobro|dobrou|duplicou|el\s+doble|se\s+duplicó|duplicó)|"
    r"(?P<three>tripled|triple|o\s+triplo|triplicou|el\s+triple|se\s+triplicó|triplicó)|"
    r"(?P<approx>nearly|almost|quase|casi)?\s*(?P<n>\d+(?:[.,]\d+)?|two|three|four|five|six|seven|eight|nine|ten|"
    r"duas|dois|três|quatro|cinco|dez|dos|tres|cuatro|diez)\s+(?:times|vezes|veces)\b)",
    re.IGNORECASE,
)
_MULTIPLE_KEYS = ("times", "vezes", "veces", "twice", "doub", "dobr", "dupl", "tripl", "doble")


def _find_all(text: str, key: str) -> list[int]:
    found, at = [], text.find(key)
    while at >= 0:
        found.append(at)
        at = text.find(key, at + 1)
    return found

_WORD_VALUES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "duas": 2, "dois": 2, "três": 3, "quatro": 4, "cinco": 5, "dez": 10, "dos": 2,
                "tres": 3, "cuatro": 4, "diez": 10}


def _years(passage: Passage, a: int, b: int) -> list[Figure]:
    return [f for f in passage.figures_in(a, b) if f.kind == "year"]


def _year_of(passage: Passage, figure: Figure, years: list[Figure]) -> float | None:
    """The year nearest a figure, a comma between counting as far."""
    best = None
    for year in years:
        lo, hi = (year.end, figure.start) if year.start < figure.start else (figure.end, year.start)
        gap = passage.text[lo:hi]
        distance = len(gap) + (100 if "," in gap or ";" in gap else 0)
        if best is None or distance < best[0]:
            best = (distance, year.value)
    return best[1] if best else None


def _two_inputs(passage: Passage, a: int, b: int) -> tuple[Figure, Figure] | None:
    figures = [f for f in passage.figures_in(a, b) if f.kind in ("money", "count") and not f.in_parens]
    if len(figures) != 2 or figures[0].kind != figures[1].kind:
        return None
    first, second = figures
    if first.kind == "money" and first.unit != second.unit:
        return None
    years = _years(passage, a, b)
    y0, y1 = _year_of(passage, first, years), _year_of(passage, second, years)
    if y0 is not None and y1 is not None and y1 < y0:
        first, second = second, first
    return first, second


def percent_change_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every "increase of N%" whose two figures the passage prints, recomputed."""
    for passage in passages:
        for index, (a, b) in enumerate(passage.sentences):
            for pct in passage.figures_in(a, b):
                if pct.kind != "percent":
                    continue
                cue = _CHANGE_CUE.search(passage.text[max(a, pct.start - 60) : pct.start])
                if not cue:
                    continue
                start = passage.sentences[index - 1][0] if index else a
                pair = _two_inputs(passage, start, pct.start)
                if pair is None:
                    continue
                old, new = pair
                ratio = (as_input(new) / as_input(old)).scale(100.0)
                up = bool(cue.group("up"))
                readings = [("as an increase", ratio.scale(1.0, -100.0), "new / old - 1")] if up else [
                    ("as a fall", Interval(100.0 - ratio.hi, 100.0 - ratio.lo, 100.0 - ratio.mid), "1 - new / old")]
                if up and pct.value >= 100:
                    readings.append(("as a ratio", ratio, "new / old"))
                for reading, computed, words in readings:
                    status, reason = judge(pct.value, pct.decimals, computed)
                    yield passage, Check(
                        kind="percent_change",
                        span=(cue.start() + max(a, pct.start - 60), pct.end),
                        inputs=[(old.start, old.end), (new.start, new.end)],
                        stated=f"{fmt(pct.value, pct.decimals)}%",
                        computed=f"{fmt(computed.mid, 2)}%",
                        status=status,
                        formula=f"{words} x 100, with old {old.number} and new {new.number}",
                        reason=reason,
                        reading=reading if len(readings) > 1 else "",
                    )


def direction_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every "had fallen to 6%" whose start figure is printed just before it, its sign checked."""
    for passage in passages:
        for a, b in passage.sentences:
            figures = passage.figures_in(a, b)
            for i, end in enumerate(figures):
                cue = _DIRECTION.search(passage.text[max(a, end.start - 40) : end.start])
                if not cue or end.kind not in ("percent", "money", "count"):
                    continue
                same = [f for f in figures[:i] if f.kind == end.kind and f.unit == end.unit]
                if not same or (figures[i - 1] not in same and figures[i - 1].kind != "year"):
                    continue
                start = same[-1]
                up = bool(cue.group("up"))
                change = end.value - start.value
                ok = change > 0 if up else change < 0
                unit = " points" if end.kind == "percent" else ""
                relative = f"; {100 * (end.value / start.value - 1):+.2f}% relative" if start.value else ""
                yield passage, Check(
                    kind="points_change" if end.kind == "percent" else "direction",
                    span=(start.start, end.end),
                    inputs=[(start.start, start.end), (end.start, end.end)],
                    stated=f"{'rose' if up else 'fell'} from {start.number} to {end.number}",
                    computed=f"{change:+.2f}{unit}{relative}",
                    status="consistent" if ok else "inconsistent",
                    formula=f"{end.number} - {start.number}",
                    reason=(f"the text says it {'rose' if up else 'fell'}; the figures "
                            f"{'agree' if ok else 'say the opposite'} ({change:+.2f}{unit})"),
                )


def _multiple_range(match: re.Match[str]) -> tuple[float, Interval]:
    if match.group("two"):
        return 2.0, Interval(1.5, 2.5, 2.0)
    if match.group("three"):
        return 3.0, Interval(2.5, 3.5, 3.0)
    n = match.group("n").lower()
    value = float(_WORD_VALUES[n]) if n in _WORD_VALUES else float(n.replace(",", "."))
    if match.group("approx"):
        return value, Interval(value - 0.5, value, value)
    decimals = len(n.replace(",", ".").partition(".")[2])
    half = 0.5 * 10.0 ** (-decimals)
    return value, Interval(value - half, value + half, value)


def multiple_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every "twice"/"o dobro"/"N times" between exactly two figures of its sentence, recomputed."""
    for passage in passages:
        lowered = passage.text.lower()
        keys = sorted({i for k in _MULTIPLE_KEYS for i in _find_all(lowered, k)})
        if not keys:
            continue  # most passages have no multiple: the full pattern is tried only near a key word
        for a, b in passage.sentences:
            near = [k for k in keys if a <= k < b]
            matches = {m.span(): m for k in near
                       for m in _MULTIPLE.finditer(passage.text, max(a, k - 40), min(b, k + 20))}
            for match in (matches[span] for span in sorted(matches)):
                figures = [f for f in passage.figures_in(a, b) if f.kind in ("money", "count")
                           and not (match.start() <= f.start < match.end())]
                if len(figures) != 2 or figures[0].kind != figures[1].kind or figures[0].unit != figures[1].unit:
                    continue
                small, large = sorted(figures, key=lambda f: f.value)
                if small.value <= 0:
                    continue
                ratio = as_input(large) / as_input(small)
                stated, accepted = _multiple_range(match)
                ok = accepted.lo - 1e-9 <= ratio.hi and ratio.lo <= accepted.hi + 1e-9
                yield passage, Check(
                    kind="ratio",
                    span=(match.start(), match.end()),
                    inputs=[(f.start, f.end) for f in figures],
                    stated=f"{stated:g} times",
                    computed=f"{ratio.mid:.2f} times",
                    status="consistent" if ok else "inconsistent",
                    formula=f"{large.number} / {small.number}",
                    reason=(f"'{match.group(0).strip()}' accepts {accepted.lo:g} to {accepted.hi:g}; "
                            f"the figures give {ratio.mid:.2f}"),
                )
