"""Any article at a glance, in a reader's words: who wrote what, in which languages, how it is built.

Every sentence here is written from the article itself (its front matter, sections and notes), so it
is true of whatever article the workbook reads; nothing is assumed about its subject. A field the text
does not print is said to be "not printed", and two values are compared only when both exist.
"""

from __future__ import annotations

import re

import pandas as pd

from histkit.present.display import Prose, ReaderTable, date_in_words, markdown, reader_table
from histkit.present.section_names import (
    heading_labels,
    numbers_headings,
    section_names,
    section_number,
    section_places,
)
from histkit.present.style import PALETTE, new_figure
from histkit.text.affiliations import affiliations
from histkit.text.ingest import Article
from histkit.text.tables import repairs_table, sections_table, warnings_table

LANGUAGES = {"en": "English", "pt": "Portuguese", "es": "Spanish"}
_FIELDS = {
    "title": "title",
    "author": "authors",
    "author_repeated": "authors (printed again)",
    "author_note": "note on the authors",
    "abstract": "abstract (English)",
    "keywords": "keywords (English)",
    "title_other": "title in another language",
    "jel": "JEL classification",
    "received": "received",
    "approved": "approved",
}


def field_in_words(field: str) -> str:
    """A front-matter field as a reader names it: ``"abstract_pt"`` → ``"abstract (Portuguese)"``."""
    base = re.sub(r"_\d+$", "", field)
    if base in _FIELDS:
        return _FIELDS[base]
    name, _, lang = base.rpartition("_")
    if name in ("title", "abstract", "keywords") and lang in LANGUAGES:
        return f"{name} ({LANGUAGES[lang]})"
    return base.replace("_", " ")


def front_matter_view(article: Article) -> ReaderTable:
    """The front matter as printed, one row per field in text order, with its line in the text."""
    rows = [
        {"field": field_in_words(e.field), "value": e.text, "line": article.line_of(e.start),
         "seed": article.seed_id, "start": e.start, "end": e.end}
        for e in article.of_kind("front-matter")
    ]
    frame = pd.DataFrame(rows, columns=["field", "value", "line", "seed", "start", "end"])
    return reader_table(frame, ["field", "value", "line"])


def dates_view(article: Article) -> ReaderTable:
    """The journal's dates (received, approved) as printed, and as recorded in seed.toml.

    Agreement is stated only where both exist; otherwise the row says which is missing.
    """
    rows = []
    for name, parsed in (("received", article.received), ("approved", article.approved)):
        recorded = str(article.metadata.get(name, "") or "")
        printed = date_in_words(parsed.isoformat()) if parsed else "not printed"
        kept = date_in_words(recorded) if recorded else "not recorded"
        if parsed and recorded:
            agree = "yes" if parsed.isoformat() == recorded else "no: check the text and seed.toml"
        else:
            agree = "nothing to compare"
        rows.append({"date": name, "as printed in the article": printed, "as recorded in seed.toml": kept,
                     "agree": agree})
    return reader_table(pd.DataFrame(rows))


def _languages(article: Article, kind: str) -> list[str]:
    found = []
    for e in article.of_kind("front-matter"):
        base = re.sub(r"_\d+$", "", e.field)
        if base == kind:
            found.append("English")
        elif base.startswith(kind + "_") and base.split("_")[-1] in LANGUAGES:
            found.append(LANGUAGES[base.split("_")[-1]])
    return found


def title_block(article: Article) -> Prose:
    """Who wrote what: the title and authors as printed, and what the text is made of."""
    front = article.front
    title = front["title"].text if "title" in front else str(article.metadata.get("title") or "")
    authors = front["author"].text if "author" in front else str(article.metadata.get("author") or "")
    numbered = [s for s in article.sections if s.number is not None]
    printed = affiliations(article)
    places = "; ".join(f"{a.quote} (line {article.line_of(a.start)})" for a in printed)
    lines = [
        f"**{title or 'No title is printed'}**" + (f", by {authors}." if authors else " (no authors are printed)."),
        "",
        f"- Affiliations as printed: {places}." if printed else "- No affiliation was found in the front matter.",
        f"- Abstracts printed in: {', '.join(_languages(article, 'abstract')) or 'none'}.",
        f"- Keywords printed in: {', '.join(_languages(article, 'keywords')) or 'none'}.",
        f"- {len(numbered)} sections, {len(article.of_kind('paragraph'))} paragraphs, "
        f"{len(article.of_kind('blockquote'))} block quotations, {len(article.footnotes)} notes and "
        f"{len(article.references)} entries in the reference list.",
        f"- {len(article.text):,} characters in {article.line_of(len(article.text))} lines of `article.txt`; "
        f"SHA-256 {article.sha256[:16]}… as recorded in `seed.toml`.",
    ]
    return markdown("\n".join(lines))


def abstracts(article: Article) -> Prose:
    """The article's abstracts, each under its language: the author's own statement of the argument."""
    parts = []
    for e in article.of_kind("front-matter"):
        base = re.sub(r"_\d+$", "", e.field)
        if base == "abstract" or base.startswith("abstract_"):
            label = field_in_words(e.field).replace("abstract", "Abstract", 1)
            parts.append(f"**{label}** (line {article.line_of(e.start)})\n\n> {e.text}")
    if not parts:
        return markdown("The text prints no abstract, so the workbook has no statement of the argument in the "
                        "author's own words; read the introduction and the conclusion (section browser below).")
    return markdown("\n\n".join(parts))


def sections_view(article: Article) -> ReaderTable:
    """Sections with their paragraphs, block quotations, notes, reference entries and words."""
    table = sections_table(article)
    table["title"] = table["title"].map(lambda t: str(t or "").strip() or "(no heading)")
    # The number as the heading prints it ("3.1"), not the section's position (the fifth).
    numbered = numbers_headings(article)
    printed = {s.number: section_number(s, numbered) for s in article.sections if s.number is not None}
    table["section"] = [printed.get(int(n), "") if pd.notna(n) else "" for n in table["section"]]
    return reader_table(table,
                        ["section", "title", "paragraphs", "blockquotes", "footnotes", "references", "words"],
                        headings={"blockquotes": "Block quotations", "footnotes": "Notes",
                                  "references": "Reference entries"})


def words_figure(article: Article, stage_sections: list[int] | None = None):  # -> matplotlib Figure
    """Horizontal bars of words per numbered section, sized to the article's number of sections.

    Sections curated as stages of the argument (``stage_sections``) are drawn in a second colour and
    the title says so; without curation every bar has one colour.
    """
    sections = sections_table(article).dropna(subset=["section"])
    staged = set(stage_sections or [])
    fig = new_figure(7.0, max(2.0, 0.9 + 0.32 * len(sections)))
    ax = fig.add_subplot()
    names = heading_labels(article)
    labels = [names.get(int(s), section_label(s, t))
              for s, t in zip(sections["section"], sections["title"], strict=True)]
    colours = [PALETTE[1] if s in staged else PALETTE[0] for s in sections["section"]]
    bars = ax.barh(labels[::-1], sections["words"].tolist()[::-1], color=colours[::-1])
    ax.bar_label(bars, fmt="%d", padding=3)
    ax.set_xlabel("words in paragraphs and block quotations")
    title = "Words per section"
    if staged:
        title += " (curated stages of the argument in orange)"
    ax.set_title(title)
    ax.margins(x=0.14)
    return fig


def section_label(number: object, title: object, size: int = 44) -> str:
    """A section as a figure names it: its number and title, cut to ``size`` characters ("(no heading)" if none)."""
    text = f"{int(number)} {str(title or '').strip() or '(no heading)'}"
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def element_in_words(element_id: str, places: dict[int, str] | None = None) -> str:
    """An element id as a reader says it: ``"s6p02"`` → ``"section 6, paragraph 2"``.

    With ``places`` (:func:`~histkit.present.section_names.section_places`), the section as the article
    names it: ``"section 3.1, paragraph 2"``, or ``"Introdução, paragraph 1"`` for an unnumbered heading.
    """
    found = re.fullmatch(r"s(\d+)([pq])(\d+)", element_id)
    if not found:
        return element_id
    kind = "paragraph" if found.group(2) == "p" else "block quotation"
    number = int(found.group(1))
    return f"{(places or {}).get(number, f'section {number}')}, {kind} {int(found.group(3))}"


def notes_view(article: Article) -> ReaderTable:
    """The notes, each with the paragraph that calls it, its section and its lines in the text."""
    names, places = section_names(article), section_places(article)
    rows = [
        {"note": e.number,
         "called from": element_in_words(e.called_from, places) if e.called_from else "no caller found",
         "section": names.get(e.section, e.section) if e.section else e.section,
         "lines": ", ".join(str(article.line_of(a)) for a, _ in e.pieces), "text": e.text}
        for e in article.footnotes
    ]
    return reader_table(pd.DataFrame(rows, columns=["note", "called from", "section", "lines", "text"]))


def repairs_summary_view(article: Article) -> ReaderTable:
    """How many repairs of each kind were made to read the text, and why."""
    table = repairs_table(article)
    if table.empty:  # a text that needed no repair has a table of no rows, with its columns
        table = pd.DataFrame(columns=["kind", "reason"])
    summary = table.groupby(["kind", "reason"], as_index=False).size().rename(columns={"size": "repairs"})
    summary["kind"] = summary["kind"].str.replace("-", " ")
    return reader_table(summary.sort_values(["repairs", "kind"], ascending=[False, True], ignore_index=True),
                        ["kind", "repairs", "reason"], headings={"kind": "Repair"})


def warnings_view(article: Article) -> ReaderTable:
    """What the reading could not settle, each with its passage and what was assumed."""
    table = warnings_table(article)
    if table.empty:
        table = pd.DataFrame(columns=["kind", "line", "quote", "assumed"])
    table = table.assign(kind=table["kind"].str.replace("-", " "))
    return reader_table(table, ["kind", "line", "quote", "assumed"], headings={"kind": "Warning",
                                                                             "assumed": "What was assumed"})
