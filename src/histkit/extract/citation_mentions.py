"""A listed author named with a year their entries do not print: "de Gottlob Frege, em 1918".

Not an author-date citation in any of the styles (NBR 10520, APA, Chicago put the cited year in
parentheses, and it is the entry's), yet not nothing: the year may date an original the list holds in a
later edition or translation ("*O pensamento* de Gottlob Frege, em 1918" against FREGE 1956, *The
Thought*; "Ludwig Wittgenstein, em 1953" against the 2010 translation), or an event of the author's life
("desde o nascimento de Bakhtin, em 1895"). The text does not say which, so each is reported with that
reason, never counted as a citation. The rule: the family name of a *person* the list prints as first
author (:func:`~histkit.extract.citation_split.person_years`), then "em", "in" or "en" and a year that
none of that person's entries prints, outside any citation already read.
"""

from __future__ import annotations

import re

import pandas as pd

from histkit.extract.citation_forms import fold
from histkit.extract.citation_split import person_years
from histkit.text.ingest import Article

_DATED_NAME = re.compile(r"(?<![\w-])(?P<name>[A-ZÀ-Þ][^\W\d_]+),? (?:em|in|en) (?P<year>1[5-9]\d\d|20\d\d)(?![\d/])")
REASON_DATED_MENTION = (
    "a listed author named with a year none of their entries prints: the date of an original the list holds "
    "in another edition or translation, or of an event; not read as a citation; read the passage"
)
COLUMNS = ["seed", "element_id", "line", "group_quote", "start", "end", "quote", "reason"]


def dated_mentions(article: Article, citations: pd.DataFrame) -> pd.DataFrame:
    """Rows in the form of :func:`~histkit.extract.citations.citation_problems`, one per dated mention.

    ``citations`` is the citations table (its ``group_start``/``group_end`` spans are left alone).
    """
    persons = person_years(article.text[e.start : e.end] for e in article.references)
    covered = bytearray(len(article.text) + 1)  # a flag per character: linear however many citations
    for s, e in zip(citations["group_start"], citations["group_end"], strict=True):
        covered[int(s) : int(e)] = b"\x01" * (int(e) - int(s))
    rows = []
    for element in article.of_kind("paragraph", "blockquote", "caption", "footnote") if persons else []:
        for a, b in element.pieces:
            for m in _DATED_NAME.finditer(article.text, a, b):
                years = persons.get(fold(m.group("name")))
                if years is None or int(m.group("year")) in years:
                    continue
                if any(covered[m.start() : m.end()]):
                    continue
                quote = m.group()
                rows.append({"seed": article.seed_id, "element_id": element.element_id,
                             "line": article.line_of(m.start()), "group_quote": quote, "start": m.start(),
                             "end": m.end(), "quote": quote, "reason": REASON_DATED_MENTION})
    return pd.DataFrame(rows, columns=COLUMNS)
