"""What notebook 00 draws and offers: the words-per-section figure and the section browser."""

from __future__ import annotations

import ipywidgets as widgets

from histkit.analyse.overview import stage_sections
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


class SectionBrowser(widgets.VBox):
    """Pick a section and read its repaired paragraphs with their line numbers."""

    def __init__(self, article: Article) -> None:
        self._article = article
        options = [(s.heading, s.heading) for s in article.sections]
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
