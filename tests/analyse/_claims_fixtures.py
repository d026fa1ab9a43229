"""Helpers for the tests of the automatic checks: the tiny fixtures and a row finder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from histkit.analyse.auto_checks import automatic_claims
from histkit.text.ingest import Article, parse_article

DATA = Path(__file__).resolve().parents[1] / "data" / "claims"


def fixture(lang: str) -> Article:
    """The tiny fixture article in ``lang`` (tests/data/claims/<lang>.txt)."""
    return parse_article((DATA / f"{lang}.txt").read_text(encoding="utf-8"), f"fixture-{lang}")


def rows(article: Article, kind: str, contains: str) -> pd.DataFrame:
    """The automatic rows of ``kind`` whose quote contains ``contains``."""
    claims = automatic_claims(article)
    return claims[(claims["kind"] == kind) & claims["quote"].str.contains(contains, regex=False)]


def only(article: Article, kind: str, contains: str) -> pd.Series:
    """The one automatic row of ``kind`` whose quote contains ``contains``."""
    found = rows(article, kind, contains)
    assert len(found) == 1, f"expected one {kind} row quoting {contains!r}, got {found[['quote', 'status']]}"
    return found.iloc[0]
