"""histkit: a computational history workbook built from one article.

Notebooks use the few names re-exported here; everything else lives in its own module.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from histkit.errors import HistkitError
from histkit.ingest import Article, parse_article
from histkit.seed import Seed, read_seed

__all__ = ["Article", "HistkitError", "Seed", "load_seed", "parse_article", "read_seed"]
__version__ = "0.1.0"

# Submodules load on first use (``hk.figures``, ``hk.tables``, ...), so the command line does not
# pay for matplotlib when it only lists notebooks.
_SUBMODULES = frozenset(
    {"claims", "figures", "ingest", "overview", "params", "paths", "runner", "tables", "verdicts"}
)


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        return importlib.import_module(f"histkit.{name}")
    raise AttributeError(f"module 'histkit' has no attribute {name!r}")


def load_seed(seed: str = "spenser-bolsheviks-mexico") -> Article:
    """Read, check and ingest a seed folder.

    Parameters
    ----------
    seed : str
        A seed folder path, or the name of a folder under the project's ``seeds/``.

    Returns
    -------
    Article
        The parsed article, with spans into the verbatim text.

    """
    checked = read_seed(seed)
    article = parse_article(checked.text, checked.seed_id, str(checked.article_path))
    article.sha256 = checked.sha256
    article.metadata = checked.bibliographic
    article.folder = checked.folder
    return article
