"""Property-based robustness of everything the notebooks call, on damaged and uncurated texts.

``tests/test_robustness.py`` covers ingest and the extractors. Here each notebook's chain of calls
(tables, figures, widgets, exports) runs on a text that ingest accepted after damage, with no curated
file beside it (an uncurated seed) or with the real seed's curated files: each step either works or
raises histkit's own error (a message for the reader), never an IndexError or KeyError from inside.
"""

from __future__ import annotations

import atexit
import random
import shutil
import tempfile
from pathlib import Path

import matplotlib
import pytest
from hypothesis import HealthCheck, given, settings

from histkit.analyse import audit as au
from histkit.analyse import chronology, overview, passages, source_ages, verdicts
from histkit.cases import spenser
from histkit.cases.spenser import economics as ec
from histkit.cases.spenser import explorer as economics_explorer
from histkit.cases.spenser import figures as economics_figures
from histkit.cases.spenser import wages
from histkit.core.errors import HistkitError
from histkit.extract import quantities as qt
from histkit.present import (
    article_views,
    audit_explorer,
    audit_figures,
    chronology_explorer,
    claims_views,
    dated_statements,
    numbers_views,
    overview_views,
    table_explorer,
    timeline,
    timelinejs,
)
from histkit.present import bibliography as bib
from histkit.present.style import render
from histkit.text.ingest import Article, parse_article
from histkit.text.tables import paragraphs_table, repairs_table, sections_table
from tests.conftest import ROOT
from tests.test_robustness import TEXT, damaged

matplotlib.use("Agg")
CURATED = ROOT / "seeds" / "spenser-bolsheviks-mexico"
OUT = Path(tempfile.mkdtemp(prefix="histkit-robust-"))
atexit.register(shutil.rmtree, OUT, ignore_errors=True)
UNCURATED = OUT / "uncurated"
UNCURATED.mkdir()


def _figure(fig: object) -> None:
    if fig is not None:  # a figure function returns None where the article has no data to draw
        render(fig, "png")  # type: ignore[arg-type]



def overview_notebook(article: Article) -> None:
    if (article.folder / "argument.yaml").is_file():
        overview.argument_table(article, article.folder / "argument.yaml")
    overview.front_matter_table(article)
    overview.dates_check(article)
    sections_table(article)
    _figure(overview_views.words_figure(article))
    overview.footnotes_table(article)
    overview.repair_summary(article)
    repairs_table(article)
    verdicts.verdict_counts(spenser.all_claims(article))
    overview_views.SectionBrowser(article)
    paragraphs_table(article)


def chronology_notebook(article: Article) -> None:
    chron = chronology.build_chronology(article)
    for mode in ("sections", "presence"):
        chronology.stages_table(chron, mode)
    chronology.date_forms(chron)
    chronology.events_view(chron)
    _figure(timeline.timeline_figure(chron, (1917, 1930), "sections"))
    _figure(timeline.lifespans_figure(chron))
    chronology_explorer.make_explorer(chron, (1917, 1930), "sections")
    chronology.filter_events(chron.events, (1917, 1930), key_only=True)
    timelinejs.export_timelinejs(chron, OUT / "tables", "sections")
    chronology.chronology_tables(chron)


def wages_notebook(article: Article) -> None:
    quantities = qt.quantities_table(article)
    change = wages.curated_wage_change(quantities, 1910, 1927)
    parities = ec.GoldParities()
    ec.all_claims(quantities, article.text, change, parities, 0.5, 0.05)
    wages.wage_values(change, article.text)
    if change is None:  # as the notebook: say what curation would add, and compute nothing more
        wages.curation_note(quantities, article.seed_id)
        return
    wages.wage_table(change, article.text)
    ec.profits_table(quantities, article.text)
    rate = ec.rates(parities, 0.0, 0.0)
    ec.strike_fund_table(quantities, article.text, change, rate, parities)
    price = wages.price_setting(change, 1.0, "")
    wages.real_wage_summary(change, price)
    wages.sensitivity_table(change, wages.default_ratios(change))
    _figure(economics_figures.plot_nominal_wages(change, quantities))
    _figure(economics_figures.plot_sensitivity(change, price.ratio))
    _figure(economics_figures.plot_profits(quantities))
    economics_explorer.make_explorer(quantities, change, price.ratio, parities, rate)
    economics_explorer.explorer_view(quantities, change, price.ratio, parities, rate)
    ec.plain_summary(quantities, change, price, rate, 0.5)


def citations_notebook(article: Article) -> None:
    audit = au.run_audit(article)
    au.counts_by_section(audit.citations, article)
    au.counts_by_stage(audit.citations)
    _figure(audit_figures.citations_figure(audit, article))
    au.most_cited(audit.citations, audit.refs, top=10)
    source_ages.story_period(article)
    ages = source_ages.source_ages(audit.citations, audit.refs, article)
    source_ages.gap_summary(ages)
    _figure(audit_figures.ages_figure(ages))
    source_ages.source_classes(audit.citations, audit.refs)
    source_ages.languages(audit.citations, audit.refs)
    audit_explorer.make_explorer(audit, article)
    passages.explorer_default_view(audit, article)
    bib.write_exports(audit.refs, OUT / "exports")
    bib.render_bibliography(audit.refs)


def generic_notebooks(article: Article) -> None:
    """What the generic workbook calls beyond the citation audit (notebooks 00, 01 and 02)."""
    for view in (article_views.title_block, article_views.abstracts, article_views.front_matter_view,
                 article_views.dates_view, article_views.sections_view, article_views.notes_view,
                 article_views.repairs_summary_view, article_views.warnings_view):
        view(article)
    _figure(article_views.words_figure(article))
    claims = verdicts.all_claims(article)
    claims_views.claims_summary(claims)
    claims_views.claims_in_words(claims_views.of_kinds(claims, dates=False))
    dates = dated_statements.dated_statements(article)
    dated_statements.span_summary(dates)
    dated_statements.statements_view(dates)
    _figure(dated_statements.when_figure(dates, article))
    dated_statements.statements_timelinejs(dates, article)
    table_explorer.TableExplorer(dates, dated_statements.statements_view, kind_column="form", kind_label="Form",
                                 years=dated_statements.year_span(dates))
    quantities = qt.quantities_table(article)
    numbers_views.figures_view(quantities, article)
    _figure(numbers_views.figures_by_section(quantities, article))


NOTEBOOKS = [overview_notebook, chronology_notebook, wages_notebook, citations_notebook, generic_notebooks]


def _run(notebook, text: str, folder: Path) -> None:
    try:
        article = parse_article(text, "damaged", "damaged/article.txt")
    except HistkitError:
        return
    article.folder = folder
    try:
        notebook(article)
    except HistkitError:
        pass  # a message for the reader (a quote not found, no wage for a year): fine


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.__name__ for n in NOTEBOOKS])
@pytest.mark.parametrize("folder", [UNCURATED, CURATED], ids=["uncurated", "curated"])
@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=damaged())
def test_every_notebook_call_copes_with_damaged_text(notebook, folder, text) -> None:
    _run(notebook, text, folder)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.__name__ for n in NOTEBOOKS])
def test_every_notebook_runs_on_the_uncurated_article(notebook) -> None:
    """The real article with no curated file beside it: nothing fails that is not a message."""
    article = parse_article(TEXT, "uncurated", "uncurated/article.txt")
    article.folder = UNCURATED
    notebook(article)  # no curated file is no error: every notebook says what curation would add


@pytest.mark.parametrize("shuffle", [10, 27, 38])
def test_reordered_paragraphs_never_crash_the_citations_notebook(shuffle: int) -> None:
    """Issue 10: a text whose paragraphs are reordered (ingest accepts it) failed with KeyError: 'citations'."""
    blocks = TEXT.split("\n\n")
    random.Random(shuffle).shuffle(blocks)
    _run(citations_notebook, "\n\n".join(blocks), UNCURATED)


def test_a_repeated_article_keeps_every_citing_passage_in_context() -> None:
    """Issue 10: the article repeated failed in the passage explorer with StopIteration."""
    _run(citations_notebook, TEXT * 2, UNCURATED)
