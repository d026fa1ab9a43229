"""Property-based robustness: a damaged seed text is either ingested with valid spans or refused
with histkit's own error, never anything else (no IndexError, KeyError, ... from deep inside)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from histkit.analyse import audit
from histkit.core.errors import HistkitError
from histkit.extract import dates, quantities
from histkit.text.ingest import parse_article
from histkit.text.tables import check_provenance, paragraphs_table, repairs_table
from tests.conftest import ROOT

TEXT = (ROOT / "seeds" / "spenser-bolsheviks-mexico" / "article.txt").read_text(encoding="utf-8")
LINES = TEXT.split("\n")


@st.composite
def damaged(draw) -> str:
    """The seed text after one kind of damage a conversion or an editor could do."""
    kind = draw(st.sampled_from(["delete-lines", "insert-chars", "truncate", "shuffle-paragraphs"]))
    if kind == "delete-lines":
        doomed = set(draw(st.lists(st.integers(0, len(LINES) - 1), min_size=1, max_size=20)))
        return "\n".join(line for i, line in enumerate(LINES) if i not in doomed)
    if kind == "insert-chars":
        text = TEXT
        for _ in range(draw(st.integers(1, 10))):
            at = draw(st.integers(0, len(text)))
            chunk = draw(st.text(alphabet=st.sampled_from(list("¹²³*>\\$()#\n .;:aZ0-_")), min_size=1, max_size=5))
            text = text[:at] + chunk + text[at:]
        return text
    if kind == "truncate":
        return TEXT[: draw(st.integers(0, len(TEXT)))]
    blocks = TEXT.split("\n\n")
    return "\n\n".join(draw(st.permutations(blocks)))


def _check(text: str) -> None:
    try:
        article = parse_article(text, "damaged", "damaged/article.txt")
    except HistkitError:
        return
    for element in article.elements:
        for start, end in element.pieces:
            assert 0 <= start < end <= len(text)
    check_provenance(paragraphs_table(article), text, "paragraphs")
    if article.repairs:
        check_provenance(repairs_table(article), text, "repairs")
    # Extractors that need no curated file must cope with any text that ingest accepted.
    found = dates.dates_table(article)
    if len(found):
        check_provenance(found, text, "dates")
    try:
        found = quantities.quantities_table(article)
        if len(found):
            check_provenance(found, text, "quantities")
        result = audit.run_audit(article)
        if len(result.citations):
            check_provenance(result.citations, text, "citations")
    except HistkitError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_text_is_ingested_with_valid_spans_or_refused_cleanly(text):
    _check(text)


@pytest.mark.parametrize("text", ["", "\n\n\n", "1 INTRODUCTION", "REFERENCES\n\nX, Y. Z. 1990.", "¹ ² ³"])
def test_degenerate_texts(text):
    _check(text)
