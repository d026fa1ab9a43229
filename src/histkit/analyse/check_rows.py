"""One automatic check as a row of the ``claims`` table, with its statement's and inputs' spans.

The checks of :mod:`histkit.analyse.check_shares`, :mod:`histkit.analyse.check_changes` and
:mod:`histkit.analyse.check_time` work on a passage's joined text; this module maps their spans
back to the verbatim article text (``article.text[start:end] == quote``) and fills the columns of
:class:`histkit.analyse.claims.Claim`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from histkit.analyse.claims import INPUT_QUOTE_SEPARATOR, Claim
from histkit.analyse.figures import Passage


@dataclass(frozen=True)
class Check:
    """What a check found, in the joined text of one passage (before it becomes a row)."""

    kind: str
    span: tuple[int, int]  # the statement
    inputs: Sequence[tuple[int, int]]  # the figures or dates it is recomputed from
    stated: str
    computed: str
    status: str
    formula: str
    reason: str
    reading: str = ""  # e.g. "as an increase", "as a ratio" where a statement has two readings
    input_passages: Sequence[Passage] = ()  # passages of inputs found elsewhere (default: its own)


def to_claim(text: str, seed: str, passage: Passage, check: Check) -> Claim:
    """Return the :class:`Claim` of a check, its spans mapped to the article text."""
    start, end = passage.span(*check.span)
    where = list(check.input_passages) or [passage] * len(check.inputs)
    spans = [p.span(a, b) for p, (a, b) in zip(where, check.inputs, strict=True)]
    reading = f"-{check.reading.replace(' ', '-')}" if check.reading else ""
    explanation = check.formula + (f" ({check.reading})" if check.reading else "") + f": {check.reason}"
    return Claim(
        claim_id=f"auto-{check.kind}-{start}{reading}",
        kind=check.kind,
        seed=seed,
        start=start,
        end=end,
        quote=text[start:end],
        stated=check.stated,
        computed=check.computed,
        status=check.status,
        explanation=explanation,
        inputs=";".join(f"{a}-{b}" for a, b in spans),
        input_quotes=INPUT_QUOTE_SEPARATOR.join(text[a:b] for a, b in spans),
        formula=check.formula + (f" ({check.reading})" if check.reading else ""),
        reason=check.reason,
        checker="automatic",
    )
