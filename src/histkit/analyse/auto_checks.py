"""The automatic checks of an article's arithmetic and chronology, with no curation (pt/es/en).

A spellchecker for the figures of prose: it finds the statements whose figure the article lets a
reader recompute (a share, a total, a percent change, a multiple, a duration, an age, an order of
dated events, a conversion), recomputes them from the article's own figures and dates, and gives each a
verdict (table ``claims``, ``checker="automatic"``). Each family of statements lives in its own module:

- :mod:`histkit.analyse.check_shares`: shares of a printed total, totals beside their parts;
- :mod:`histkit.analyse.check_changes`: percent changes, rises and falls, multiples;
- :mod:`histkit.analyse.check_time`: durations, stays, ages, "N years later", order of years;
- :mod:`histkit.analyse.check_tables`: prose restating a table flattened into its caption;
- :mod:`histkit.analyse.check_grid_tables`: sums of two rows of a table with grouped columns, at the
  column and group the prose names;
- :mod:`histkit.analyse.check_table_cells`: a percentage restating one cell (or the least and
  greatest of a few) of a grouped table whose rows come in two levels (life form, ecological group);
- :mod:`histkit.analyse.check_named_rows`: a taxon's percentage restated from a species table, over
  the one base that gives every row of the table its percentage, and the counts of species, families
  and orders against the table that lists them;
- :mod:`histkit.analyse.check_products`: a total effort in hours beside its campaigns, days and hours;
- :mod:`histkit.analyse.check_ranges`: a range over a span of months beside the value of each month;
- :mod:`histkit.analyse.check_outside`: a ratio to the population, the length of a regime with no
  dates (unverifiable: the outside value they need is named);
- :mod:`histkit.analyse.check_repeats`: a share stated again elsewhere (the discussion repeating
  the results), as right or wrong as where it was first stated with its inputs;
- :mod:`histkit.analyse.check_comparisons`: the study's own count said to be higher or lower than
  the counts it prints for other studies;
- :mod:`histkit.analyse.check_remainders`: "the remaining N" against the total less the parts
  whose shares the sentences before it give;
- :mod:`histkit.analyse.check_averages`: an average beside the values it is the mean of;
- :mod:`histkit.analyse.check_lists`: "respectively" lists longer or shorter than the works cited;
- :mod:`histkit.analyse.check_conversions`: both amounts of a conversion printed (unverifiable: the
  rate of the time is an outside fact, a parameter with its source named, as in
  :mod:`histkit.cases.spenser.economics`).

They read the figures of :mod:`histkit.analyse.figures` and judge with the tolerance of
:mod:`histkit.analyse.tolerance`.

To add a family: a module yielding ``(passage, Check)`` pairs, added to :data:`FAMILIES`, and tests
from two articles or tiny fixtures in each language it reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pandas as pd

from histkit.analyse import (
    check_averages,
    check_changes,
    check_comparisons,
    check_conversions,
    check_grid_tables,
    check_lists,
    check_named_rows,
    check_outside,
    check_products,
    check_ranges,
    check_remainders,
    check_repeats,
    check_shares,
    check_table_cells,
    check_tables,
    check_time,
)
from histkit.analyse.check_rows import Check, to_claim
from histkit.analyse.claims import Claim, claims_table
from histkit.analyse.figures import Passage, captions, passages
from histkit.text.ingest import Article
from histkit.text.numbers import decimal_mark

Family = Callable[[list[Passage]], Iterator[tuple[Passage, Check]]]
FAMILIES: tuple[Family, ...] = (
    check_shares.share_checks,
    check_shares.sum_checks,
    check_changes.percent_change_checks,
    check_changes.direction_checks,
    check_changes.multiple_checks,
    check_time.duration_checks,
    check_time.stay_checks,
    check_time.age_checks,
    check_time.later_death_checks,
    check_time.order_checks,
    check_time.event_order_checks,
    check_lists.respectively_checks,
    check_conversions.conversion_checks,
    check_products.effort_checks,
    check_ranges.month_range_checks,
    check_outside.outside_value_checks,
    check_averages.average_checks,
    check_comparisons.comparison_checks,
)


def _one_per_statement(claims: Iterable[Claim]) -> list[Claim]:
    """Keep one row per statement and reading: the first family to check a span keeps it."""
    kept: list[Claim] = []
    seen: set[str] = set()
    for claim in claims:
        if claim.claim_id in seen:
            continue
        seen.add(claim.claim_id)
        kept.append(claim)
    return kept


def automatic_claims(article: Article) -> pd.DataFrame:
    """Return the automatic checks of an article as a ``claims`` table (``checker="automatic"``).

    Parameters
    ----------
    article : Article
        Any ingested article; curated files beside it are not read.

    Returns
    -------
    DataFrame
        Columns :data:`histkit.analyse.claims.COLUMNS`, sorted by kind and position; every
        ``quote`` is ``article.text[start:end]`` and every input span quotes the article too.

    """
    mark = decimal_mark(article.text)
    found = passages(article, mark)
    tables = captions(article, mark)
    # the checks that name a table's row or column first: where they read a statement, theirs is kept
    checks = list(check_tables.table_share_checks(found, tables, mark))
    checks += check_tables.column_share_checks(found, tables, mark)
    checks += check_tables.row_total_checks(found, tables, mark)
    checks += check_grid_tables.grid_sum_checks(found, tables, mark)
    checks += check_table_cells.table_cell_checks(found, tables, mark)
    checks += check_named_rows.taxon_share_checks(found, tables, mark)
    checks += check_named_rows.taxon_count_checks(found, tables)
    checks += [pair for family in FAMILIES for pair in family(found)]
    # last: these read the shares the others checked
    checks += check_repeats.repeat_checks(found, checks)
    checks += check_remainders.remainder_checks(found, checks)
    claims = [to_claim(article.text, article.seed_id, passage, check) for passage, check in checks]
    return claims_table(_one_per_statement(claims))
