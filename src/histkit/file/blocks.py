"""The plain-text shape every converter writes, and what a conversion made and repaired.

The shape is the one ingest reads (``histkit.text.ingest``): title, author line, labelled abstracts and
keywords, headings, paragraphs, ``> `` block quotes, each footnote as ``¹ ...`` right after the block that
first calls it, ``[Fig. ...]`` lines, then the reference list, one entry a block, blocks separated by one
blank line (two between the front matter and the body).

A converter feeds a :class:`Writer` block by block; the writer places the notes and keeps, for every
repair, where in the text it was made (an offset into ``article.txt``), so ingest can list it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_WS = re.compile(r"\s+")
# Control characters a converted file may carry (Word's bell, form feeds): never written, ingest refuses them.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Why each conversion repair was made, in plain words (shown with the repairs of ingest).
REASONS = {
    "running-head": "a running head or footer repeated on every page, removed",
    "page-number": "a page number, removed",
    "banner": "the journal's banner printed above the title on the first page (journal, volume, year, DOI, "
    "section), removed",
    "hyphenation": "a word hyphenated at the end of a line, joined",
    "ligature": "a typographic ligature (ﬁ, ﬂ) read as its letters",
    "column-order": "two columns read left column first, then right",
    "footnote-moved": "a footnote printed at the foot of the page, moved after the paragraph that calls it",
    "superscript-marker": "a raised note number written as a superscript digit",
    "note-mark": "a raised note sign (*, †) after a title or a name, removed: its note is written with the front "
    "matter",
    "colophon": "what the journal prints under the reference list (the editor in charge, the dates of submission), "
    "removed",
    "figure-text": "words drawn inside a chart (axis values, legend, labels), kept apart from the paragraphs",
    "table-cells": "the cells of a table, kept apart from the paragraphs (the caption stays in the text)",
}


def collapse(text: str) -> str:
    """Runs of whitespace as one space, stripped."""
    return _WS.sub(" ", text).strip()


@dataclass
class Change:
    """One repair made while converting: what was removed or joined, on which page, and where it lands.

    ``offset`` is a position in the finished text (``article.txt``) once :meth:`Writer.render` has run;
    until then it is relative to the block it was recorded with.
    """

    kind: str
    page: int
    text: str
    offset: int = 0

    @property
    def reason(self) -> str:
        """Why the repair was made."""
        return REASONS.get(self.kind, self.kind)


@dataclass
class Converted:
    """A converted article: its text, the converter that made it, with version and settings, and its repairs."""

    text: str
    fmt: str
    converter: str
    version: str
    settings: dict[str, str | int | float | bool] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    # A licence the file states outside the text it gives (a JATS <license>): its name, and where it was read.
    licence: str = ""


@dataclass
class _Block:
    text: str
    changes: list[Change]


class Writer:
    """Collects blocks and footnotes in reading order and renders the plain text.

    Notes are queued by label with :meth:`note`; :meth:`emit` writes a block, then every queued note whose
    superscript label the block calls. Notes never called are written by :meth:`flush_notes`.
    """

    def __init__(self) -> None:
        self.blocks: list[_Block | None] = []
        self.notes: dict[str, tuple[str, list[Change]]] = {}
        self.written: set[str] = set()

    def gap(self) -> None:
        """One extra blank line (between the front matter and the body)."""
        self.blocks.append(None)

    def note(self, label: str, text: str, changes: list[Change] | None = None) -> None:
        """Queue footnote ``label`` (digits) to follow the first block that calls it."""
        if label not in self.notes:
            self.notes[label] = (text, changes or [])

    def emit(self, text: str, changes: list[Change] | None = None, calls: list[str] | None = None) -> None:
        """Write one block, then the queued notes it calls (``calls``, else the superscripts in its text)."""
        text = _CONTROL.sub(" ", text).strip()
        if not text:
            return
        self.blocks.append(_Block(text, changes or []))
        if calls is None:
            calls = [_plain_digits(m.group()) for m in re.finditer("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", text)]
        for label in calls:
            self._write_note(label)

    def _write_note(self, label: str) -> None:
        if label in self.notes and label not in self.written:
            self.written.add(label)
            body, changes = self.notes[label]
            lead = label.translate(SUPERSCRIPT) + " "
            for change in changes:
                change.offset += len(lead)
            self.emit(lead + body, changes)

    def flush_signed(self) -> None:
        """Write the queued notes labelled by a sign (``*``, ``†``), not a number: notes on the title and authors."""
        for label in [label for label in self.notes if not label.isdigit() and label not in self.written]:
            self._write_note(label)

    def flush_notes(self, title: str = "") -> None:
        """Write the notes no block called, under ``title`` when given."""
        left = [label for label in self.notes if label not in self.written]
        if left and title:
            self.emit(title)
        for label in left:
            self._write_note(label)

    def render(self) -> tuple[str, list[Change]]:
        """The text, and every change with its offset in that text."""
        parts: list[str] = []
        changes: list[Change] = []
        at = 0
        sep = ""
        for block in self.blocks:
            if block is None:
                sep = "\n\n\n" if parts else ""
                continue
            parts.append(sep)
            at += len(sep)
            for change in block.changes:
                change.offset += at
                changes.append(change)
            parts.append(block.text)
            at += len(block.text)
            sep = "\n\n"
        return "".join(parts) + "\n", changes


def emphasis(text: str, italic: bool, bold: bool) -> str:
    """A run of text as the corpus prints emphasis: ``*italic*``, ``**bold**``, spaces kept outside the marks."""
    if not text.strip() or not (italic or bold):
        return text
    mark = "**" if bold and not italic else "*"
    body = text.strip()
    return text[: len(text) - len(text.lstrip())] + f"{mark}{body}{mark}" + text[len(text.rstrip()) :]


def _plain_digits(text: str) -> str:
    return text.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
