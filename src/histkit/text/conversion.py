"""The repairs made while converting the file as received into article.txt, read back from conversion.tsv.

``histkit new`` writes ``conversion.tsv`` beside ``article.txt`` when it converts a file (PDF, DOCX, ...):
one row per running head, page number, hyphenated word or table kept apart, with the offset in the text
where the repair lands. :func:`conversion_repairs` turns them into :class:`Repair` rows anchored there
(zero-width: the removed text is not in ``article.txt``), so the repairs table lists them with ingest's own.
"""

from __future__ import annotations

import bisect
import csv

from histkit.core.errors import SeedError
from histkit.text.article import REASONS, Article, Repair
from histkit.text.seed import Seed


def conversion_repairs(seed: Seed, article: Article) -> list[Repair]:
    """The conversion's repairs of ``seed``, each anchored in the element that holds its offset.

    Raises
    ------
    SeedError
        If conversion.tsv is named in seed.toml but missing or malformed.

    """
    name = seed.meta.get("conversion", {}).get("repairs")
    if not name:
        return []
    path = seed.folder / name
    if not path.is_file():
        raise SeedError(f"{path} is missing; seed.toml's [conversion] names it: run `histkit new` again on the file")
    elements = sorted(article.elements, key=lambda e: e.start)
    starts = [e.start for e in elements]
    repairs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
            try:
                offset, kind, page = int(row["offset"]), row["kind"], row["page"]
            except (KeyError, TypeError, ValueError) as err:
                raise SeedError(f"{path}:{line}: expected offset, kind, page, text and reason ({err})") from err
            if kind not in REASONS or not 0 <= offset <= len(article.text):
                raise SeedError(f"{path}:{line}: unknown kind {kind!r} or offset {offset} outside the text")
            at = bisect.bisect_right(starts, offset) - 1
            element = elements[at].element_id if at >= 0 else ""
            repairs.append(Repair(kind, offset, offset, "", element, f"page {page}: {row['text'][:120]}"))
    return repairs
