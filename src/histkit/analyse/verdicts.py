"""Every checkable statement of the article in one ``claims`` table, with its verdict.

The checks themselves live with their analyses: the chronology's (:mod:`histkit.analyse.chronology`,
curated in ``annotations.yaml``). This module only gathers them, at the analyses' default settings, so that
a reader sees in one place what the workbook tested. A seed without a curated file has none of that kind of
check. One article's own checks (the first article's railway figures) are added by its case
(:func:`histkit.cases.spenser.all_claims`), never here.

To add a new kind of check: give its analysis a function returning
:func:`histkit.analyse.claims.claims_table`, and gather it in :func:`all_claims`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from histkit.analyse import chronology
from histkit.analyse.claims import COLUMNS, STATUSES
from histkit.text.ingest import Article


def all_claims(article: Article, extra: Sequence[pd.DataFrame] = ()) -> pd.DataFrame:
    """The checks of the article, sorted by kind and position.

    ``extra`` holds curated checks of the article's own case (:mod:`histkit.cases`), in the same columns.
    Columns as :data:`histkit.analyse.claims.COLUMNS`, plus ``line`` (of the quote in article.txt).
    """
    frames = [frame for frame in extra if not frame.empty]
    if article.seed_file("annotations.yaml").is_file():
        frames.append(chronology.build_chronology(article).claims)
    if not frames:
        return pd.DataFrame(columns=[*COLUMNS, "line"])
    claims = pd.concat(frames, ignore_index=True).sort_values(["kind", "start", "claim_id"], ignore_index=True)
    claims["line"] = [article.line_of(start) for start in claims["start"]]
    return claims


def verdict_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """How many checks of each kind came out consistent, inconsistent or unverifiable."""
    counts = pd.crosstab(claims["kind"], pd.Categorical(claims["status"], categories=STATUSES), dropna=False)
    counts.columns = list(STATUSES)
    counts["checks"] = counts.sum(axis=1)
    return counts.rename_axis("kind").reset_index()
