"""A percentage of a named taxon restated from a table whose percentages are its counts over one base.

Species lists print, for each taxon, a count and the percentage it makes of a base the article states
elsewhere ("*Sittasomus griseicapillus* (Vieillot, 1818) 1-3 39 25.7 RE": 39 contacts, 25.7% of the
152 flocks). The prose then quotes a taxon's percentage: "*Basileuterus culicivorus* (FO = 46.7%)",
"*Basileuterus culicivorus* and *Habia rubica* ... (46.7 and 32.9%, respectively)", in any language,
as the names are Latin. The check:

- a **row** of a table rendered in its caption is a binomial in italics ("*Genus species*"), then its
  cells; its last two numbers (outside parentheses) are taken as a count and a percentage;
- the **base** is the one whole number the article prints (a count of its prose, or an "n = 152") over
  which every row's count gives its printed percentage, within half a unit of its last digit. No such
  number, or two, and nothing is checked;
- a **percentage in the prose** right after a row's name ("*B. culicivorus*", the genus abbreviated,
  counts too), or a "respectively" list after as many names, or the one percentage of a sentence opening
  "This species", "Esta espécie", "Esta especie" after a sentence naming one row, is recomputed as
  count / base x 100.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from histkit.analyse.check_rows import Check
from histkit.analyse.check_tables import TABLE
from histkit.analyse.figures import Figure, Passage
from histkit.analyse.tolerance import exact, fmt, judge
from histkit.text.numbers import read_digit_groups, whole_number

_NAME = re.compile(r"\*+(?P<g>[A-Z][a-z]+|[A-Z]\.)\s+(?P<s>[a-z][a-z-]+)\*+")
_PARENS = re.compile(r"\([^()]*\)")
_NUMBER = re.compile(r"(?<![\w.,-])(\d+(?:[.,]\d+)?)(?![\w-]|[.,]\d)")
_N_EQUALS = re.compile(r"\bn\s*=\s*(\d+)\b")
_RESPECTIVELY = re.compile(r"\brespectiv", re.IGNORECASE)
_THIS = re.compile(r"\s*(?:this|that|the)\s+species\b|\s*(?:esta|essa|a)\s+esp[eé]cie\b", re.IGNORECASE)


@dataclass(frozen=True)
class Taxon:
    """A row of a species table: its name, count and percentage (spans in the caption's text)."""

    genus: str
    species: str
    count: tuple[float, int, int]  # value, start, end
    share: tuple[float, int, int, int]  # value, decimals, start, end
    caption: Passage


def _rows(caption: Passage, mark: str) -> list[Taxon]:
    names = list(_NAME.finditer(caption.text))
    out = []
    for k, m in enumerate(names):
        end = names[k + 1].start() if k + 1 < len(names) else len(caption.text)
        bold = caption.text.find("**", m.end(), end)  # a heading of the next family or order
        end = bold if bold >= 0 else end
        segment = _PARENS.sub(lambda p: " " * len(p.group(0)), caption.text[m.end() : end])
        numbers = list(_NUMBER.finditer(segment))
        if len(numbers) < 2 or m["g"].endswith("."):
            continue
        c, s = numbers[-2], numbers[-1]
        count, share = read_digit_groups(c.group(1), mark), read_digit_groups(s.group(1), mark)
        if count is None or share is None or count[1]:
            continue
        out.append(Taxon(m["g"], m["s"], (count[0], m.end() + c.start(), m.end() + c.end()),
                         (share[0], share[1], m.end() + s.start(), m.end() + s.end()), caption))
    return out


def _base(rows: list[Taxon], candidates: set[int]) -> int | None:
    """The one printed number over which every row's count gives its percentage."""
    top = max(t.count[0] for t in rows)
    fits = [n for n in sorted(candidates) if n >= top and all(
        judge(t.share[0], t.share[1], exact(100 * t.count[0] / n))[0] == "consistent" for t in rows)]
    return fits[0] if len(fits) == 1 else None


def _key(genus: str, species: str) -> tuple[str, str]:
    return genus[0], species


def taxon_share_checks(
    passages: list[Passage], captions: list[Passage], mark: str
) -> Iterator[tuple[Passage, Check]]:
    """Every percentage the prose gives a taxon of a species table, recomputed from the table's count."""
    rows = [t for c in captions if TABLE.match(c.text) and "*" in c.text for t in _rows(c, mark)]
    if len(rows) < 5:
        return
    candidates = {int(f.value) for p in passages for f in p.figures if f.kind == "count" and not f.decimals}
    candidates |= {int(m.group(1)) for c in captions for m in _N_EQUALS.finditer(c.text)}
    base = _base(rows, candidates)
    if base is None:
        return
    by_key: dict[tuple[str, str], list[Taxon]] = {}
    for t in rows:
        by_key.setdefault(_key(t.genus, t.species), []).append(t)
    for passage in passages:
        if "*" not in passage.text:
            continue
        before: list[re.Match[str]] = []
        for a, b in passage.sentences:
            names = [m for m in _NAME.finditer(passage.text, a, b) if len(by_key.get(_key(m["g"], m["s"]), [])) == 1]
            last, before = before, names
            if not names:
                # "This species ... present in 46.7%": the one taxon the sentence before names
                pcts = [f for f in passage.figures_in(a, b) if f.kind == "percent"]
                if len(last) == 1 and len(pcts) == 1 and _THIS.match(passage.text, a):
                    yield passage, _check(passage, pcts[0], by_key[_key(last[0]["g"], last[0]["s"])][0], base)
                continue
            figures = [f for f in passage.figures_in(a, b) if f.kind in ("percent", "count") and not f.words]
            starts = [f.start for f in figures]
            for k in range(len(names)):
                for fig, name in _figures_of(passage, k, names, figures, starts, b):
                    taxon = by_key[_key(name["g"], name["s"])][0]
                    yield passage, _check(passage, fig, taxon, base)


def _figures_of(passage: Passage, k: int, names: list[re.Match[str]], figures: list[Figure], starts: list[int],
                b: int) -> list[tuple[Figure, re.Match[str]]]:
    """The percentage right after name ``k`` (no other name between), or a "respectively" list after names.

    A bounded look: the few figures after the name (found by bisection), so a long list stays linear.
    """
    m = names[k]
    first = bisect_left(starts, m.end())
    after = figures[first : first + 12]
    if not after:
        return []
    nxt = names[k + 1] if k + 1 < len(names) else None
    if after[0].kind == "percent" and (nxt is None or after[0].start < nxt.start()) and after[0].start - m.end() < 40:
        return [(after[0], m)]
    if k != 0:
        return []
    close = passage.text.find(")", after[0].start, min(b, after[0].start + 200))
    listed = [f for f in after if f.start < close] if close > 0 else []
    in_list = [n for n in names[:12] if n.start() < after[0].start]
    if (close > 0 and _RESPECTIVELY.search(passage.text, listed[-1].end if listed else 0, close + 1)
            and len(listed) == len(in_list) >= 2 and listed[-1].kind == "percent"):
        return list(zip(listed, in_list, strict=True))
    return []


def _check(passage: Passage, fig: Figure, taxon: Taxon, base: int) -> Check:
    computed = exact(100 * taxon.count[0] / base)
    status, reason = judge(fig.value, fig.decimals, computed)
    return Check(
        kind="share", span=(fig.start, fig.end), inputs=[(taxon.count[1], taxon.count[2])],
        stated=f"{fmt(fig.value, fig.decimals)}%", computed=f"{fmt(computed.mid, fig.decimals + 1)}%",
        status=status, formula=f"{taxon.count[0]:.0f} ({taxon.genus} {taxon.species}, the table) / {base} x 100",
        reason=reason + f"; {base} is the base over which every row of the table gives its percentage",
        input_passages=[taxon.caption],
    )


# --- counts of taxa ------------------------------------------------------------------------------
# The rank of a heading by the ending the codes of nomenclature give it: zoological families end in
# -idae, botanical ones in -aceae; orders of birds and fishes in -iformes, of plants in -ales.
_HEADING = re.compile(r"\*\*(?P<h>[A-Z][a-z]+(?:idae|aceae|formes|ales))\*\*")
_RANKS = {"species": "species", "espécies": "species", "especies": "species", "families": "family",
          "famílias": "family", "familias": "family", "orders": "order", "ordens": "order", "órdenes": "order"}
_WHAT = "|".join(_RANKS)
# "five orders", "24 families", "76 participating species" (a word between only after digits)
_COUNTED = re.compile(rf"\b(?:(?P<n>\d+|[^\W\d_]+)\s+(?P<what>{_WHAT})|(?P<n2>\d+)\s+[^\W\d_]+\s+(?P<what2>{_WHAT}))\b",
                      re.IGNORECASE)
_HEADING_N = re.compile(r"\b(?P<h>[A-Z][a-z]+(?:idae|aceae|formes|ales))\*?\s*\(\s*n\s*=\s*(?P<n>\d+)")


def _rank(name: str) -> str:
    return "family" if name.endswith(("idae", "aceae")) else "order"


def _taxa(caption: Passage) -> tuple[dict[str, int], dict[str, int]]:
    """The number of species, families and orders a species table lists, and of species under each heading."""
    marks = sorted([(m.start(), "species", m["s"]) for m in _NAME.finditer(caption.text) if not m["g"].endswith(".")]
                   + [(m.start(), _rank(m["h"]), m["h"]) for m in _HEADING.finditer(caption.text)])
    totals = {"species": 0, "family": 0, "order": 0}
    under: dict[str, int] = {}
    open_heads: dict[str, str] = {}
    for _, rank, name in marks:
        totals[rank] += 1
        if rank == "species":
            for head in open_heads.values():
                under[head] += 1
        else:
            if rank == "order":
                open_heads.pop("family", None)
            open_heads[rank] = name
            under[name] = 0
    return totals, under


def taxon_count_checks(passages: list[Passage], captions: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every count of species, families and orders the prose gives, against the species table that lists them."""
    tables = [c for c in captions if TABLE.match(c.text) and len(_HEADING.findall(c.text)) >= 2]
    if len(tables) != 1:
        return
    caption = tables[0]
    totals, under = _taxa(caption)
    for passage in passages:
        for a, b in passage.sentences:
            counted = [(m, whole_number(m["n"] or m["n2"]), (m["what"] or m["what2"]).lower())
                       for m in _COUNTED.finditer(passage.text, a, b)]
            counted = [(m, v, what) for m, v, what in counted if v is not None]
            ranks = {_RANKS[what] for _, _, what in counted}
            if len(ranks) >= 2 and len(counted) == len(ranks):
                pairs = [(m, v, totals[_RANKS[what]], what) for m, v, what in counted]
                yield passage, _count_check(passage, caption, pairs, "the species, families and orders it lists")
            heads = [(m, int(m["n"])) for m in _HEADING_N.finditer(passage.text, a, b) if m["h"] in under]
            if heads:
                pairs = [(m, v, under[m["h"]], m["h"]) for m, v in heads]
                yield passage, _count_check(passage, caption, pairs, "the species under each heading")




def _title(caption: Passage) -> tuple[int, int]:
    """The span of a table's title ("Table 1 Bird species ..."), quoted for the list it holds."""
    stop = caption.text.find(". ")
    return 0, stop if 0 < stop < 200 else min(len(caption.text), 80)


def _count_check(passage: Passage, caption: Passage, pairs: list, says: str) -> Check:
    wrong = [(what, v, n) for _, v, n, what in pairs if v != n]
    stated = ", ".join(f"{v} {what}" for _, v, _, what in pairs)
    return Check(
        kind="sum", span=(pairs[0][0].start(), pairs[-1][0].end()), inputs=[_title(caption)],
        stated=stated, computed=", ".join(f"{n} {what}" for _, _, n, what in pairs),
        status="inconsistent" if wrong else "consistent",
        formula=f"counted in the table: {says} (italic binomials; headings in -idae/-aceae, -formes/-ales)",
        reason=("; ".join(f"{what}: the text says {v}, the table has {n}" for what, v, n in wrong)
                or "every count is the table's"),
        input_passages=[caption],
    )
