"""The first article's own: Daniela Spenser, *Bolsheviks' Encounter with the Mexican Revolution*.

Its railway wages, profits and money (``economics``, ``wages``), their figures (``figures``) and explorer
(``explorer``): analyses that hold for this article's section 3 and its curated ``quantities.yaml``, not for
articles in general. The authored notebooks under ``notebooks/`` import them; the generic workbook never does.
"""

from __future__ import annotations

import pandas as pd

from histkit.analyse import verdicts
from histkit.cases.spenser import economics, wages
from histkit.extract.quantities import quantities_table
from histkit.text.ingest import Article


def all_claims(article: Article) -> pd.DataFrame:
    """Every check of the workbook (:func:`histkit.analyse.verdicts.all_claims`) and those of the railway figures.

    The railway checks (arithmetic and conversions, :func:`economics.all_claims` at its default gold parities)
    need the curated ``quantities.yaml``; a seed without it gets the engine's checks alone.
    """
    if not article.seed_file("quantities.yaml").is_file():
        return verdicts.all_claims(article)
    quantities = quantities_table(article)
    railway = economics.all_claims(quantities, article.text, wages.wage_change(quantities), economics.GoldParities())
    return verdicts.all_claims(article, extra=[railway])
