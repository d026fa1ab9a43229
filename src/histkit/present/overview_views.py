"""What notebook 00 draws and offers: the words-per-section figure, the repairs and the section browser."""

from __future__ import annotations

import re

import ipywidgets as widgets
import pandas as pd

from histkit.analyse.overview import stage_sections
from histkit.present.display import ReaderTable, reader_table
from histkit.present.style import PALETTE, new_figure
from histkit.text.ingest import Article
from histkit.text.tables import sections_table


def words_figure(article: Article):
    """A horizontal bar chart of words per numbered section, the stage sections in their own colour."""
    sections = sections_table(article).dropna(subset=["section"])
    fig = new_figure(7.0, 3.2)
    ax = fig.add_subplot()
    labels = [f"{s} {t.title()}" for s, t in zip(sections["section"], sections["title"], strict=True)]
    staged = stage_sections(article)
    colours = [PALETTE[1] if s in staged else PALETTE[0] for s in sections["section"]]
    bars = ax.barh(labels[::-1], sections["words"].tolist()[::-1], color=colours[::-1])
    ax.bar_label(bars, fmt="%d", padding=3)
    ax.set_xlabel("words in paragraphs and block quotes (footnotes excluded)")
    ax.set_title("Words per section: the three stages (orange) carry the narrative")
    ax.margins(x=0.12)
    return fig


def repairs_view(repairs: pd.DataFrame) -> ReaderTable:
    """Repairs as a reader checks them: the words as printed (linked to the article), and as read.

    A page-break join's quote runs across the break ("determination", blank lines, "and"): it is
    read as the two pieces joined by a space, and the view says a page break stood between them.
    When a stray footnote line sits between them (footnote 2's last line inside section 3), it says
    that the line goes back to its note. The quote keeps its offsets, so the site links it.
    """
    rows = []
    continuations = repairs[repairs["kind"] == "footnote-continuation"]
    for r in repairs.itertuples(index=False):
        pieces = [" ".join(p.split()) for p in str(r.quote).split("\n\n") if p.strip()]
        read_as = str(r.replacement)
        if r.kind == "page-break-join" and len(pieces) > 1:
            inside = continuations[(continuations["start"] > r.start) & (continuations["end"] < r.end)]
            between = ("; the line between goes back to its footnote" if len(inside)
                       else "; the text between is read apart") if len(pieces) > 2 else ""  # fmt: skip
            read_as = f"{pieces[0]} {pieces[-1]} (one sentence across a page break{between})"
        if r.kind == "footnote-continuation" and not read_as:
            note = re.search(r"footnote (\d+)", str(r.reason))
            read_as = f"the end of footnote {note.group(1)}" if note else "the end of its footnote"
        rows.append({"kind": r.kind, "line": r.line, "quote": r.quote, "read_as": read_as,
                     "seed": r.seed, "start": r.start, "end": r.end})  # fmt: skip
    frame = pd.DataFrame(rows, columns=["kind", "line", "quote", "read_as", "seed", "start", "end"])
    return reader_table(frame, headings={"quote": "As printed", "read_as": "Read as"})


class SectionBrowser(widgets.VBox):
    """Pick a section and read its repaired paragraphs with their line numbers."""

    def __init__(self, article: Article) -> None:
        self._article = article
        options = [(s.heading or "(no heading)", s.heading) for s in article.sections]  # an untitled opening
        self.picker = widgets.Dropdown(options=options, value=options[1][1], description="Section")
        self.page = widgets.HTML()
        self.picker.observe(self._show, names="value")
        super().__init__([self.picker, self.page])
        self._show()

    def _show(self, _change: object = None) -> None:
        rows = []
        for e in self._article.elements:
            if e.section_title == self.picker.value:
                lines = self._article.line_of(e.start)
                style = ' style="margin-left:2em;font-style:italic"' if e.kind == "blockquote" else ""
                rows.append(f"<p{style}><b>[line {lines}]</b> {_escape(e.text)}</p>")
        self.page.value = "\n".join(rows)

    def __repr__(self) -> str:
        return "Section browser: run the notebook in JupyterLab to choose a section."


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
