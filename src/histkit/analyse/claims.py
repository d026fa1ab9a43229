"""Checkable statements of the article and their verdicts (table ``claims``).

An analysis module (chronology, economics, ...) builds :class:`Claim` objects: what the article
states, what the code computes from the article's own figures, and whether they agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import pandas as pd

STATUSES = ("consistent", "inconsistent", "unverifiable")
CHECKERS = ("curated", "automatic")


@dataclass(frozen=True)
class Claim:
    """One checked statement, anchored to its verbatim span.

    ``stated`` and ``computed`` are short strings with fixed formatting (e.g. ``"225%"``,
    ``"222.31%"``) so that stored tables compare byte for byte.

    ``inputs`` lists the spans (``start-end``, ``;``-separated) of the figures or dates the check
    recomputes from, and ``input_quotes`` their quotes in the same order (`` | ``-separated);
    ``formula`` is the computation in words, ``reason`` why the verdict is what it is, and
    ``checker`` says whether a curated file (``annotations.yaml``, ``quantities.yaml``) or the
    automatic reader of the prose (:mod:`histkit.analyse.auto_checks`) made the check.
    """

    claim_id: str
    kind: str
    seed: str
    start: int
    end: int
    quote: str
    stated: str
    computed: str
    status: str
    explanation: str
    inputs: str = ""
    input_quotes: str = ""
    formula: str = ""
    reason: str = ""
    checker: str = "curated"

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"claim {self.claim_id}: status must be one of {STATUSES}; not {self.status!r}")
        if self.checker not in CHECKERS:
            raise ValueError(f"claim {self.claim_id}: checker must be one of {CHECKERS}; not {self.checker!r}")


COLUMNS = [
    "claim_id", "kind", "seed", "start", "end", "quote", "stated", "computed", "status", "explanation",
    "inputs", "input_quotes", "formula", "reason", "checker",
]
INPUT_QUOTE_SEPARATOR = " | "


def claims_table(claims: Iterable[Claim]) -> pd.DataFrame:
    """Return the claims as a DataFrame sorted by kind and position."""
    rows = sorted((asdict(c) for c in claims), key=lambda r: (r["kind"], r["start"], r["claim_id"]))
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    # columns built at once: much faster than a frame of records, and the same frame (claim_id is unique)
    return pd.DataFrame({column: [r[column] for r in rows] for column in COLUMNS})
