"""The checks of an article's statements, as a reader reads them: a summary line and sentences.

The checks come from :func:`histkit.analyse.verdicts.all_claims` (one ``claims`` table: curated checks and
those made without curation). Here they are only grouped and put into words.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from histkit.present.display import Prose, codes_in_words, markdown

# Kinds of check that test dates (ages, durations, order); every other kind tests arithmetic.
DATE_KINDS = frozenset({"chronology", "age", "duration", "order", "relative"})


def of_kinds(claims: pd.DataFrame, kinds: Iterable[str] | None = None, *, dates: bool | None = None) -> pd.DataFrame:
    """The checks of the given kinds, or (``dates=True``/``False``) those that test dates or arithmetic."""
    if kinds is not None:
        keep = claims["kind"].isin(set(kinds))
    elif dates is not None:
        keep = claims["kind"].isin(DATE_KINDS) == dates
    else:
        keep = pd.Series(True, index=claims.index)
    return claims[keep].reset_index(drop=True)


def claims_summary(claims: pd.DataFrame) -> Prose:
    """One line: how many statements were checked, and how many came out each way."""
    if claims.empty:
        return markdown("**No statement of this article was checked**: the workbook found none whose figure or "
                        "date its own numbers and dates let it recompute.")
    counts = claims["status"].value_counts()
    parts = [f"{int(counts.get(s, 0))} {s}" for s in ("consistent", "inconsistent", "unverifiable") if counts.get(s)]
    noun = "statement" if len(claims) == 1 else "statements"
    return markdown(f"**{len(claims)} {noun} checked**: {', '.join(parts)}.")


def claims_in_words(claims: pd.DataFrame) -> Prose:
    """Each check as a sentence: what the article says, what its own figures give, and the verdict."""
    lines = []
    for _, c in claims.iterrows():
        stated, computed = codes_in_words(str(c["stated"])), codes_in_words(str(c["computed"]))
        lines.append(f"- Line {c['line']}: the article says “{' '.join(str(c['quote']).split())}” ({stated}); "
                     f"its own figures give {computed}: **{c['status']}**.")
    return markdown("\n".join(lines))
