"""histkit: a computational history workbook built from an article.

The package is layered in the order of the flow (see the README's map): ``core`` → ``text`` →
``extract`` → ``analyse`` → ``present`` → ``run``. This module re-exports the few names every
notebook uses; a notebook imports a topic's modules from their layer
(``from histkit.analyse import chronology``, ``from histkit.present import timeline``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from histkit.core.errors import HistkitError
    from histkit.text.ingest import Article, parse_article
    from histkit.text.seed import Seed, read_seed

__all__ = [
    "Article",
    "HistkitError",
    "Seed",
    "check_parameter",
    "check_parameters",
    "export_tables",
    "load_seed",
    "parse_article",
    "read_seed",
    "save_figure",
]
__version__ = "0.1.0"

# Loaded on first use, so that the command line does not pay for matplotlib or pandas when it
# only lists notebooks, nor for ingest when a build has nothing to run.
_LAZY = {
    "Article": "histkit.text.ingest",
    "HistkitError": "histkit.core.errors",
    "Seed": "histkit.text.seed",
    "parse_article": "histkit.text.ingest",
    "read_seed": "histkit.text.seed",
    "check_parameter": "histkit.core.params",
    "check_parameters": "histkit.core.params",
    "export_tables": "histkit.present.csv",
    "save_figure": "histkit.present.style",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'histkit' has no attribute {name!r}")


def load_seed(seed: str | None = None) -> Article:
    """Read, check and ingest a seed folder.

    Parameters
    ----------
    seed : str, optional
        A seed folder path, or the name of a folder under the project's ``seeds/``; by default the project's
        default seed (``[tool.histkit] default-seed``, or its only seed).

    Returns
    -------
    Article
        The parsed article, with spans into the verbatim text.

    """
    from histkit.text.conversion import conversion_repairs
    from histkit.text.ingest import parse_article
    from histkit.text.seed import read_seed

    if seed is None:
        from histkit.core.paths import default_seed, project_root

        seed = str(default_seed(project_root()))
    checked = read_seed(seed)
    article = parse_article(checked.text, checked.seed_id, str(checked.article_path))
    repairs = article.repairs + conversion_repairs(checked, article)
    article.repairs = sorted(repairs, key=lambda r: (r.start, r.end, r.kind))
    article.sha256 = checked.sha256
    article.metadata = checked.bibliographic
    article.folder = checked.folder
    return article
