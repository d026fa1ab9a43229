"""The checks of an article's statements, as a reader reads them: a summary line and sentences.

The checks come from :func:`histkit.analyse.verdicts.all_claims` (one ``claims`` table: curated checks and
those made without curation). Here they are only grouped and put into words.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from histkit.present import claims_words
from histkit.present.display import Prose, ReaderTable, markdown, reader_table

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
    """One line: how many statements were checked, and how many are inconsistent (or cannot be settled)."""
    if claims.empty:
        return markdown("**No statement of this article was checked**: the workbook found none whose figure or "
                        "date its own numbers and dates let it recompute.")
    return markdown(f"**{claims_words.claims_summary(claims)}.**")


def claims_in_words(claims: pd.DataFrame) -> Prose:
    """Each checked statement as a sentence: what the article says, what its own figures give, the verdict."""
    return markdown("\n".join(f"- Line {line}: {sentence}" for line, sentence in _with_lines(claims)))


def _with_lines(claims: pd.DataFrame) -> list[tuple[int, str]]:
    # claim_sentences gives one sentence per statement in text order; the line is that statement's first
    ordered = claims.sort_values(["start", "end"], kind="stable").drop_duplicates(["start", "end"])
    return list(zip(ordered["line"], claims_words.claim_sentences(claims), strict=True))


def claims_view(claims: pd.DataFrame) -> ReaderTable:
    """The checks as a reader table in words (what is checked, the reading, the verdict and why)."""
    return reader_table(claims_words.claims_reader_table(claims))
