"""Any article's figures, as a reader sees them: each number with its unit and its sentence, and where they fall.

The figures come from :func:`histkit.extract.quantities.quantities_table` (body and notes; the reference
list's numbers are bibliographic and left out). Nothing here knows the article's subject.
"""

from __future__ import annotations

import pandas as pd

from histkit.analyse.sentences import sentence_span
from histkit.present.display import ReaderTable, reader_table
from histkit.present.section_names import heading_labels, name_sections
from histkit.present.style import PALETTE, new_figure
from histkit.text.ingest import Article

KIND_WORDS = {"money": "sums of money", "percent": "percentages", "age": "ages", "duration": "lengths of time",
              "count": "counts and other measures"}


def _sentence(article: Article, start: int, end: int) -> str:
    for element in article.elements:
        for a, b in element.pieces:
            if a <= start < b:
                lo, hi = sentence_span(article.text, a, b, start, end)
                return " ".join(article.text[lo:hi].split())
    return article.text[start:end]


def figures_view(quantities: pd.DataFrame, article: Article) -> ReaderTable:
    """Every figure: as printed, its unit, what it measures, its sentence, section and line."""
    shown = quantities.assign(
        kind=quantities["kind"].map(lambda k: KIND_WORDS.get(k, k)),
        sentence=[_sentence(article, int(a), int(b)) for a, b in zip(quantities["start"], quantities["end"],
                                                                      strict=True)],
    )
    return reader_table(name_sections(shown, article), ["quote", "unit", "kind", "sentence", "section", "line"],
                        headings={"quote": "As printed", "kind": "Kind of figure", "sentence": "In its sentence"})


def kinds_summary(quantities: pd.DataFrame) -> ReaderTable:
    """How many figures of each kind the article prints."""
    counts = quantities.groupby("kind", as_index=False).size().rename(columns={"size": "figures"})
    counts["kind"] = counts["kind"].map(lambda k: KIND_WORDS.get(k, k))
    return reader_table(counts.sort_values(["figures", "kind"], ascending=[False, True], ignore_index=True),
                        headings={"kind": "Kind of figure"})


def figures_by_section(quantities: pd.DataFrame, article: Article):  # -> matplotlib Figure, or None
    """Stacked bars: how many figures of each kind each numbered section prints (None without figures)."""
    body = quantities.dropna(subset=["section"])
    if body.empty:
        return None
    sections = [s for s in article.sections if s.number is not None]
    kinds = [k for k in KIND_WORDS if (body["kind"] == k).any()]
    fig = new_figure(7.0, max(2.0, 0.9 + 0.32 * len(sections)))
    ax = fig.add_subplot()
    names = heading_labels(article)
    labels = [names[s.number] for s in sections][::-1]
    left = [0] * len(sections)
    for colour, kind in zip(PALETTE, kinds, strict=False):
        counts = [int(((body["section"] == s.number) & (body["kind"] == kind)).sum()) for s in sections][::-1]
        ax.barh(labels, counts, left=left, color=colour, label=KIND_WORDS[kind])
        left = [a + b for a, b in zip(left, counts, strict=True)]
    # Short, and the title over the whole figure: long section titles push the axes right, and
    # words centred on them ran off the figure's edge.
    ax.set_xlabel("figures printed")
    fig.suptitle("Where the article's figures are", fontsize="medium")
    ax.legend(frameon=False, fontsize=8, loc="best")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig

