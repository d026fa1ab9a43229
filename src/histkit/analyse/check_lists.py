""""Respectively" lists that do not line up: as many values as the works they are given for.

How prose states them, in pt/es/en: the cited works first, each with its year in parentheses
("Barbosa e Fernandes (2001), Laros e Marciano (2008) e Laros, Marciano e Andrade (2010)"), then
"respectively", "respectivamente", and the values in one list ("iguais a 37%, 26%, 43% e 33%").
The works are counted by their parenthesised years, which names with "e", "and" or commas inside
cannot confuse; the values are the figures of one list right after the word. Lists of anything but
cited works are not counted (their items cannot be told apart without guessing).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from histkit.analyse.check_rows import Check
from histkit.analyse.figures import Passage

_RESPECTIVELY = re.compile(r"\b(?:respectively|respectivamente)\b", re.IGNORECASE)
_CITED_YEAR = re.compile(r"\((?:1[5-9]\d\d|20\d\d)[a-z]?\)")
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:e|y|and))?\s*$", re.IGNORECASE)


def respectively_checks(passages: list[Passage]) -> Iterator[tuple[Passage, Check]]:
    """Every "respectively" after cited works whose list of values is longer or shorter than theirs."""
    for passage in passages:
        for a, b in passage.sentences:
            word = _RESPECTIVELY.search(passage.text, a, b)
            if not word:
                continue
            clause_start = max(a, passage.text.rfind(";", a, word.start()) + 1)
            works = list(_CITED_YEAR.finditer(passage.text, clause_start, word.start()))
            values = [f for f in passage.figures_in(word.end(), b) if f.kind in ("percent", "count", "money")]
            listed = values[:1]
            for f in values[1:]:
                if not _LIST_GAP.match(passage.text[listed[-1].end : f.start]):
                    break
                listed.append(f)
            if len(works) < 2 or len(listed) < 2 or values[0].start - word.end() > 20:
                continue
            ok = len(works) == len(listed)
            yield passage, Check(
                kind="other",
                span=(word.start(), listed[-1].end),
                inputs=[(w.start(), w.end()) for w in works],
                stated=f"{len(listed)} values, respectively",
                computed=f"{len(works)} works cited",
                status="consistent" if ok else "inconsistent",
                formula="count of the cited works against count of the values given for them",
                reason=(f"{len(works)} works, each with its year, and {len(listed)} values: "
                        + ("they line up" if ok else "the 'respectively' cannot pair them")),
            )
