"""Hostile text (issue 21): repetitive input of the shapes that once made an extractor quadratic.

Hypothesis builds a body from a few units repeated (years, per cents, sums, initials, sentence
ends, number words, dates...) of 150,000 characters, wraps it in the least an article needs, and
runs ingest, the date, quantity and citation extractors and the audit on it. Every row keeps its provenance. The
deadline is no speed measurement (benchmarks/bench_hostile.py measures): it is a bound, scaled to
the machine's load, that a linear pass meets a hundred times over and a quadratic one does not
(a 20,000-character list of years took 15 s before, so 150,000 took minutes; now about a second).
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from histkit.analyse import audit
from histkit.core.errors import HistkitError
from histkit.extract import citations, dates, quantities
from histkit.text.ingest import parse_article
from histkit.text.numbers import WORDS_PATTERN
from histkit.text.tables import check_provenance
from tests.conftest import patience

HEAD = "A Hostile Article\n\nANA AUTORA\n\n1 INTRODUCTION\n\nThe text reads: "
TAIL = "\n\nREFERENCES\n\nSMITH, B. Another Book. Paris: Press, 1990.\n"
UNITS = ["12% ", "1917, ", "1917-18 ", "5 May 1926, ", "May ", "twenty-five ", "vinte e cinco ", "US$25,000 ",
         "56.13 ", "(SMITH, 1990; ", "A. ", "DA SILVA ", "1", "p. ", ". ", "¹", "from 1920 to ", "the 1920s ",
         "mid-", "years later ", "de 1923 a ", "thousand ", "one thousand ", "vinte e cinco e ", "30,7% ", "-",
         "/", "e ", "\n", " "]


@st.composite
def hostile(draw) -> str:
    """A body of 150,000 characters: one or two units (joined by a third) repeated throughout."""
    pattern = "".join(draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3)))
    body = (pattern * (150_000 // len(pattern) + 1))[:150_000]
    return HEAD + body + TAIL


@settings(max_examples=12, deadline=timedelta(seconds=patience(5)), derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile())
def test_hostile_text_goes_through_ingest_dates_and_quantities(text: str) -> None:
    try:
        article = parse_article(text, "hostile", "hostile/article.txt")
    except HistkitError:
        return
    _dates_and_quantities(article, text)


def _dates_and_quantities(article: object, text: str) -> None:
    found = dates.dates_table(article)
    if len(found):
        check_provenance(found, text, "dates")
    found = quantities.quantities_table(article, notes=[])
    if len(found):
        check_provenance(found, text, "quantities")


@settings(max_examples=12, deadline=timedelta(seconds=patience(5)), derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile())
def test_hostile_text_goes_through_citations_and_the_audit(text: str) -> None:
    """The citation extractor (narrative citations tried at every word of a run of names, issue 21)
    and the audit, which reads citations and references together."""
    try:
        article = parse_article(text, "hostile", "hostile/article.txt")
    except HistkitError:
        return
    found = citations.citations_table(article)
    if len(found):
        check_provenance(found, text, "citations")
    problems = citations.citation_problems(article)
    if len(problems):
        check_provenance(problems, text, "citation problems")
    result = audit.run_audit(article)
    assert len(result.references) == 1  # the one entry of the tail: no hostile body leaks into the list


@settings(deadline=timedelta(seconds=patience(5)), phases=[Phase.explicit],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Shapes that were once quadratic: a run of "mid-" (a lower-case name cited before its year, read to the run's end
# from each position) and ten thousands of one-line paragraphs (each element compared with every other).
@example("mid-")
@example("-\n")
@example("/\n")
@example(". \n")
@given(st.sampled_from(["mid-"]))
def test_shapes_once_quadratic_go_through_ingest_dates_and_quantities(unit: str) -> None:
    text = HEAD + (unit * (150_000 // len(unit) + 1))[:150_000] + TAIL
    _dates_and_quantities(parse_article(text, "hostile", "hostile/article.txt"), text)


def test_a_long_run_of_number_words_is_read_in_short_matches() -> None:
    """A run of scale words ("one thousand thousand ...") is never one 100,000-character number."""
    import re

    run = "one" + " thousand" * 20_000
    assert max(len(m.group(0)) for m in re.finditer(WORDS_PATTERN, run)) < 40
