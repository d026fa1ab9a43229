"""The article itself as a CSL-JSON item (``source.json``), so a reader's tools can cite what the workbook reads.

Only what the article and its seed say: title, authors, language and the dates of the journal's
process as the front matter prints them (CSL's ``submitted`` for "received"; the approval date in a
note). The text names no journal, volume, pages or date of publication, so the item has none of them:
a reference manager shows what is missing rather than a guess.

To add a field: take it from ``seed.toml`` or the front matter, never from outside the seed, and add a
case to ``tests/present/test_source_citation.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from histkit.core.files import WrittenFiles, atomic_write
from histkit.core.paths import from_root
from histkit.text.ingest import Article


def _person(name: str) -> dict[str, str]:
    """"Daniela Spenser" -> family Spenser, given Daniela (the front matter prints given names first)."""
    words = name.split()
    return {"family": words[-1], "given": " ".join(words[:-1])} if len(words) > 1 else {"literal": name}


def source_item(article: Article) -> dict[str, object]:
    """The article as one CSL-JSON item (type ``article-journal``: the text names no journal)."""
    meta = article.metadata
    authors = [a.strip() for a in re.split(r";| and ", str(meta.get("author", ""))) if a.strip()]
    item: dict[str, object] = {
        "id": article.seed_id,
        "type": "article-journal",
        "title": str(meta.get("title", "")),
        "author": [_person(a) for a in authors],
        "language": str(meta.get("language", "")),
    }
    if article.received:
        day = article.received
        item["submitted"] = {"date-parts": [[day.year, day.month, day.day]]}
    if article.approved:
        item["note"] = f"Approved {article.approved.isoformat()}, as printed in the article's front matter."
    return {k: v for k, v in item.items() if v}


def write_source(article: Article, folder: str | Path) -> WrittenFiles:
    """Write ``<folder>/source.json``: the article as CSL-JSON (a list of one item), atomically."""
    text = json.dumps([source_item(article)], ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return WrittenFiles([atomic_write(from_root(folder) / "source.json", text)])
