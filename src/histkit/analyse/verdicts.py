"""Every checkable statement of the article in one ``claims`` table, with its verdict.

The checks themselves live with their analyses: the chronology's (:mod:`histkit.analyse.chronology`,
curated in ``annotations.yaml``). This module only gathers them, at the analyses' default settings, so that
a reader sees in one place what the workbook tested. A seed without a curated file has none of that kind of
check. One article's own checks (the first article's railway figures) are added by its case
(:func:`histkit.cases.spenser.all_claims`), never here.

The automatic checks (:mod:`histkit.analyse.auto_checks`) read any article with no curation. Where
a curated check and an automatic one test the same statement (their spans overlap), the curated
row is kept and the automatic one dropped, so each statement has one row (two where it is read two
ways, as "an increase of 225%" is).

To add a new kind of check: give its analysis a function returning
:func:`histkit.analyse.claims.claims_table`, and gather it in :func:`curated_claims` (curated) or
add a family to :data:`histkit.analyse.auto_checks.FAMILIES` (automatic).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from histkit.analyse import chronology
from histkit.analyse.auto_checks import automatic_claims
from histkit.analyse.claims import COLUMNS, STATUSES
from histkit.text.ingest import Article


def curated_claims(article: Article, extra: Sequence[pd.DataFrame] = ()) -> pd.DataFrame:
    """The curated checks of the article (``checker="curated"``): its chronology's and ``extra``.

    ``extra`` holds curated checks of the article's own case (:mod:`histkit.cases`), in the same columns.
    Columns as :data:`histkit.analyse.claims.COLUMNS`; a curated row's ``formula`` is its ``computed``
    value and its ``reason`` its explanation, as the curated analyses write them.
    """
    frames = [frame for frame in extra if not frame.empty]
    if article.seed_file("annotations.yaml").is_file():
        frames.append(chronology.build_chronology(article).claims)
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    claims = pd.concat(frames, ignore_index=True)
    claims["checker"] = "curated"
    claims["formula"] = claims["formula"].where(claims["formula"] != "", claims["computed"])
    claims["reason"] = claims["reason"].where(claims["reason"] != "", claims["explanation"])
    return claims


def all_claims(article: Article, extra: Sequence[pd.DataFrame] = ()) -> pd.DataFrame:
    """Every check of the article: the curated ones, and the automatic ones no curated row covers.

    ``extra`` holds curated checks of the article's own case (:mod:`histkit.cases`), in the same columns.
    Sorted by kind and position. Columns as :data:`histkit.analyse.claims.COLUMNS`, plus ``line``
    (of the quote in article.txt).
    """
    curated = curated_claims(article, extra)
    automatic = automatic_claims(article)
    spans = list(zip(curated["start"], curated["end"], strict=True))
    covered = [any(a < e and s < b for s, e in spans) for a, b in zip(automatic["start"], automatic["end"],
                                                                       strict=True)]
    automatic = automatic[[not c for c in covered]]
    frames = [f for f in (curated, automatic) if len(f)]
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
