"""A publisher's PDF as text: lines in reading order made into headings, paragraphs, notes and references.

The characters come from pypdfium2 (:mod:`histkit.file.pdf_chars`), the lines and their order from
:mod:`histkit.file.pdf_layout`. Here the lines become blocks: a paragraph ends where the next line is
indented, a wider gap opens, or the line before stops short after a full stop; a page or column break
does not end it. Words hyphenated at a line's end are joined; running heads, page numbers, the first page's banner
(journal, volume, DOI above the title) and ligatures are repaired; every repair is recorded as a
:class:`histkit.file.blocks.Change`.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from histkit.core.errors import ConversionError
from histkit.file.blocks import Change, Converted, Writer
from histkit.file.pdf_chars import Page, pdfium_pages
from histkit.file.pdf_layout import (
    NOTE_LABEL,
    Line,
    banner_lines,
    body_size,
    margin_lines,
    page_lines,
    reading_order,
    split_notes,
)

_REFERENCES = re.compile(
    r"(?:\d{1,2}\.? *)?(?:refer[eêé]ncias(?: bibliogr[aá]ficas)?|references|bibliograf[ií]a|bibliography|"
    r"literatura citada|works cited|obras citadas)\.?:?",
    re.IGNORECASE,
)
# A caption's label: "Figure 1.", "Tabela 2 Identificação", "Graph 3" alone; not "Graph 1 displays" in the prose.
_CAPTION = re.compile(
    r"(?i:fig(?:ure|ura)?\.?|table|tabela|tabla|quadro|cuadro|gr[aá]fico|graph|chart|mapa?) *S?\d+[a-z]?"
    r"(?:[.:|–—-]|\Z| +[A-ZÀ-Þ(\[])"
)
_TABLE = re.compile(r"(?:table|tabela|tabla|quadro|cuadro) *[0-9IVXS]", re.IGNORECASE)
_URL_OPEN = re.compile(r"(?:https?://|www\.)\S*[^\s.]\Z")
_END = tuple(".!?:;\"”’)")
SETTINGS: dict[str, str | int | float | bool] = {
    "reading_order": "bands cut by full-width lines; left column, then right",
    "margins": "top and bottom tenth; repeated on 3 pages (digits aside) or a page number",
    "banner": "what the first page prints above the title, when the title starts in its top quarter",
    "notes": "smaller type below the lowest running line, led by a label",
    "hyphenation": "joined, unless the hyphenated form, or both halves as words, are printed elsewhere",
    "tables": "cells after a table's caption kept apart until a full line of running text",
    "figures": "runs of three or more short lines in smaller type (chart labels) kept apart",
    "emphasis": "italic fonts as *...*",
    "size": "a character's loose box height (ascent to descent)",
}


class _Paragraphs:
    """Turns ordered lines into blocks, joining across line, column and page breaks."""

    def __init__(self, size: float, words: set[str]) -> None:
        self.size = size
        self.words = words
        self.text = ""
        self.changes: list[Change] = []

    def add(self, line: Line) -> None:
        for change in line.removed:
            change.offset = len(self.text)
            self.changes.append(change)
        text = line.text
        if self.text.endswith("*") and not self.text.endswith("**") and text.startswith("*") and text[1:2] != "*":
            # an italic run that goes on over the line break is one run
            self.text, text = self.text[:-1], text[1:]
        if not self.text:
            self.text = text
        elif self.text.endswith("-") and len(self.text) > 1 and self.text[-2].isalpha() and text[:1].islower():
            head = self.text.rsplit(" ", 1)[-1][:-1]
            tail = text.split(" ", 1)[0]
            if self._compound(head.strip("*"), tail.strip("*")):
                self.text += text
            else:
                self.changes.append(Change("hyphenation", line.page, f"{head}-{tail}", len(self.text) - len(head) - 1))
                self.text = self.text[:-1] + text
        elif self.text.endswith("-") and self.text[-2:-1].isalnum() and (text[:1].isupper() or text[:1].isdigit()):
            # a hyphen before a capital or a digit is printed ("Folin-Ciocalteau", "934-940"): no space
            self.text += text
        elif _URL_OPEN.match(self.text.rsplit(" ", 1)[-1]):
            self.text += text  # a web address broken at the line's end goes on without a space
        elif self.text.endswith("/") and self.text[-2:-1].isalpha() and text[:1].isalpha():
            self.text += text  # "e/" at a line's end, "ou" on the next: "e/ou", one word
        else:
            self.text += " " + text
        if line.ligatures:
            found = f"{line.ligatures} in '{line.text[:40]}'"
            self.changes.append(Change("ligature", line.page, found, len(self.text)))

    def _compound(self, head: str, tail: str) -> bool:
        """Whether a hyphen at a line's end belongs to the word: printed so elsewhere, a URL, or two words."""
        joined, hyphened = f"{head}{tail}".casefold(), f"{head}-{tail}".casefold()
        if any(c in head for c in "/.@_") or hyphened in self.words:
            return True
        if joined in self.words:
            return False
        first, last = head.casefold().rsplit("-", 1)[-1], tail.casefold().rstrip(".,;:)")
        return len(first) > 1 and len(last) > 2 and first in self.words and last in self.words

    def take(self) -> tuple[str, list[Change]]:
        out = (self.text, self.changes)
        self.text, self.changes = "", []
        return out


def _words(pages: list[list[Line]]) -> set[str]:
    words: set[str] = set()
    for lines in pages:
        for line in lines:
            for word in line.text.replace("*", "").split(" ")[:-1]:
                word = word.casefold().strip(".,;:()[]“”\"'")
                words.add(word)
                words.update(word.split("-"))
    return words


def _frames(lines: list[Line]) -> dict[tuple[int, str], tuple[float, float]]:
    frames: dict[tuple[int, str], tuple[float, float]] = {}
    for line in lines:
        key = (line.page, line.column)
        x0, x1 = frames.get(key, (line.x0, line.x1))
        frames[key] = (min(x0, line.x0), max(x1, line.x1))
    return frames


def _is_heading(line: Line, size: float) -> bool:
    return (line.bold or line.size > 1.12 * size) and len(line.text) < 160 and not _CAPTION.match(line.text)


def _blocks(lines: list[Line], size: float, words: set[str], writer: Writer, pending: list[Change]) -> None:
    """Write the running lines of the whole article as blocks."""
    frames = _frames(lines)
    pitches = [a.y0 - b.y0 for a, b in itertools.pairwise(lines)
               if a.page == b.page and a.column == b.column and 0 < a.y0 - b.y0 < 3 * size]
    pitch = statistics.median(pitches) if pitches else 1.2 * size
    para = _Paragraphs(size, words)
    in_refs = hanging = in_table = seen_paragraph = False
    kind = ""
    cells: list[str] = []
    para_head = ""
    # a paragraph cut by a figure or table printed inside it, and the captions written once it is whole
    held: list[tuple[str, list[Change]]] = []
    deferred: list[tuple[str, list[Change]]] = []

    def flush() -> None:
        text, changes = para.take()
        changes = pending + changes
        pending.clear()
        if kind == "caption" and text:
            text = f"[{text}]"
        if held:
            deferred.append((text, changes))
            return
        writer.emit(text, changes)
        release()

    def release() -> None:
        for text, changes in deferred:
            writer.emit(text, changes)
        deferred.clear()

    def prose(line: Line, left: float, right: float) -> bool:
        letters = sum(c.isalpha() for c in line.text)
        return line.size >= 0.95 * size and line.x1 - line.x0 > 0.8 * (right - left) and letters > 0.7 * len(line.text)

    prev: Line | None = None
    for line in lines:
        left, right = frames[(line.page, line.column)]
        heading = _is_heading(line, size) and (not in_refs or bool(_REFERENCES.fullmatch(line.text.strip())))
        in_refs = in_refs and not _CAPTION.match(line.text)
        heading_here = heading and line.size >= 0.95 * size  # a table's own header row is in its smaller type
        if in_table and kind != "caption":
            if not (heading_here or _CAPTION.match(line.text) or prose(line, left, right)):
                cells.append(line.text)  # a table's cells: kept apart from the paragraphs, recorded
                continue
            in_table = False
            pending.append(Change("table-cells", line.page, " | ".join(cells)))
            cells.clear()
        if prev is None:
            new = True
        else:
            same_frame = prev.page == line.page and prev.column == line.column
            gap = prev.y0 - line.y0 if same_frame else pitch
            short = right - prev.x1 > 0.1 * (right - left) and prev.text.endswith(_END)
            # across a column or page break, a line that goes on in lower case or digits goes on the paragraph
            short = short and (same_frame or not (line.text[:1].islower() or line.text[:1].isdigit()))
            # a first-line indent, not a block set in from the margin (centred author lines, a quotation)
            indented = line.x0 - left > 0.8 * size and not (same_frame and prev.x0 - left > 0.8 * size)
            apart = gap > 1.6 * max(pitch, prev.size) or abs(line.size - prev.size) > 0.05 * size
            styled = heading != (kind == "heading") or (kind == "heading" and (apart or not same_frame))
            if in_refs:
                new = kind == "heading" or short or gap > 1.25 * pitch or (hanging and line.x0 - left < 2) or (
                    not same_frame and not hanging and prev.text.endswith(".") and line.text[:1].isupper())
            else:
                # lines of one heading (a title in large type) are judged by their own spacing: ``styled``
                # type larger than the running text (author lines, a lead) is spaced by its own size
                spacing = pitch if prev.size < 1.05 * size else max(pitch, prev.size)
                new = styled or short or ((gap > 1.3 * spacing or gap < 0 or indented) and kind != "heading")
            new = new or bool(_CAPTION.match(line.text))
            label = _CAPTION.match(para.text)
            label_only = label is not None and len(para.text) <= label.end() + 3  # "Graph 2" over its title
            # a caption ends short of its own frame's right edge (not the next line's: a table's first cell)
            prev_left, prev_right = frames[(prev.page, prev.column)]
            ends = gap > 1.3 * pitch or prev_right - prev.x1 > 0.15 * (prev_right - prev_left)
            new = (new or (kind == "caption" and ends)) and not (kind == "caption" and label_only)
        if new and para.text:
            if kind == "paragraph" and not in_refs and _CAPTION.match(line.text) and not para.text.endswith(_END):
                held.append(para.take())  # it goes on after the caption (and its table)
            else:
                flush()
        if new and kind == "caption" and _TABLE.match(para_head):
            in_table = True
            kind = ""
            if not (heading_here or _CAPTION.match(line.text) or prose(line, left, right)):
                cells.append(line.text)
                prev = line
                continue
            in_table = False
        if new:
            seen_paragraph = seen_paragraph or (kind == "paragraph" and prev is not None)
            if heading_here and seen_paragraph:
                # the front matter ends at the first heading in running type after a paragraph: the notes on
                # the title and authors (labelled "*", "**") go there, where ingest reads notes on the authors
                writer.flush_signed()
            kind = "heading" if heading else "caption" if _CAPTION.match(line.text) else "paragraph"
            para_head = line.text
            if heading and _REFERENCES.fullmatch(line.text.strip()):
                in_refs = True
                writer.flush_notes()
                refs = [ln for ln in lines if ln.y0 <= line.y0 or ln.page > line.page]
                hanging = sum(ln.x0 - frames[(ln.page, ln.column)][0] > 3 for ln in refs) > 0.2 * max(1, len(refs))
        if held and not para.text and not _CAPTION.match(line.text):
            if kind != "heading" and line.text[:1].islower():
                # the cut paragraph's rest, after the figures and tables printed inside it
                for change in pending:
                    change.offset = len(deferred[-1][0]) if deferred else 0
                    (deferred[-1][1] if deferred else held[0][1]).append(change)
                pending.clear()
                para.text, para.changes = held.pop()
                kind = "paragraph"
            else:
                writer.emit(*held.pop())
                release()
        para.add(line)
        prev = line
    flush()
    if held:
        writer.emit(*held.pop())
        release()


def _notes(lines: list[Line], writer: Writer, last: list[str]) -> None:
    """Queue the notes printed at one page's foot; a first line without a label continues the last note."""
    for line in lines:
        m = NOTE_LABEL.match(line.text)
        if m and (m.group(1) or m.group(2) or m.group(3) or m.group(4)):
            label = (m.group(1) or m.group(2) or m.group(3) or m.group(4)).translate(
                str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
            writer.notes[label] = (line.text[m.end():], [])
            last[:] = [label]
        elif last:
            text, changes = writer.notes[last[0]]
            joined = text[:-1] + line.text if text.endswith("-") and line.text[:1].islower() else f"{text} {line.text}"
            writer.notes[last[0]] = (joined, changes)


def _references_last(lines: list[Line], size: float) -> list[Line]:
    """Matter printed after the reference list (dates, licence, appendices) moved before its heading.

    The list ends at the first two lines after its heading in another size of type than its entries; ingest reads
    the reference list as the article's last part.
    """
    start = next((i for i, ln in enumerate(lines) if _is_heading(ln, size) and _REFERENCES.fullmatch(ln.text.strip())),
                 None)
    if start is None or start + 1 >= len(lines):
        return lines
    entry = statistics.median(ln.size for ln in lines[start + 1 : start + 11])

    def other(ln: Line) -> bool:
        return abs(ln.size - entry) > 0.05 * entry

    end = next((i for i in range(start + 1, len(lines) - 1) if other(lines[i]) and other(lines[i + 1])), len(lines))
    listed = _without_colophon(lines[start:end])
    return lines[:start] + lines[end:] + listed


def _without_colophon(listed: list[Line]) -> list[Line]:
    """The reference list without what the journal prints under its last entry, set apart by white space.

    The editor in charge and the dates of submission ("Editora Associada: ...", "Submissão: 14/10/2020") are
    no entry: the last few lines, below a gap of more than three line pitches under every entry of the list's
    last page, are removed and recorded.
    """
    pitches = [a.y0 - b.y0 for a, b in itertools.pairwise(listed)
               if a.page == b.page and a.column == b.column and 0 < a.y0 - b.y0 < 3 * a.size]
    if len(listed) < 3 or not pitches:
        return listed
    pitch = statistics.median(pitches)
    last = listed[-1].page
    def apart(i: int) -> bool:
        # the last few lines, all below every entry line above them on that page (in their column)
        tail = listed[i:]
        left, right = min(ln.x0 for ln in tail), max(ln.x1 for ln in tail)
        above = [ln.y0 for ln in listed[:i] if ln.page == last and ln.x1 > left and ln.x0 < right]
        gap = min(above, default=0.0) - max(ln.y0 for ln in tail)
        return bool(above) and all(ln.page == last for ln in tail) and gap > 3 * pitch

    cut = next((i for i in range(max(1, len(listed) - 6), len(listed)) if apart(i)), None)
    if cut is None:
        return listed
    listed[cut - 1].removed.append(Change("colophon", last, " | ".join(ln.text for ln in listed[cut:])))
    return listed[:cut]


def _title_first(lines: list[Line], page: int) -> list[Line]:
    """The first page's largest line (the title) first, then the lines under it in the same type (authors).

    Then what the page prints above the title (journal banner, section).
    """
    first = [i for i, ln in enumerate(lines) if ln.page == page and " " in ln.text]
    if not first:
        return lines
    top = max(first, key=lambda i: (lines[i].size, -i))
    end = top + 1
    while end < len(lines) and abs(lines[end].size - lines[top].size) < 0.05 * lines[top].size:
        end += 1
    after = end + 1
    while after < len(lines) and lines[after].size == lines[end].size and lines[after].bold == lines[end].bold:
        after += 1
    return lines[top:after] + lines[:top] + lines[after:]


def _without_figure_text(lines: list[Line], size: float, width: float, removed: list[Change]) -> list[Line]:
    """Lines without the words drawn inside a chart: runs of three or more short lines in smaller type.

    Axis values, legends and labels are printed in the figure's own small type, one short line each; the
    caption and the source line under it are long lines and stay.
    """
    def small(line: Line) -> bool:
        return line.size < 0.95 * size and line.x1 - line.x0 < 0.25 * width and not _CAPTION.match(line.text)

    def legend(line: Line, last: Line) -> bool:
        # a wider line of the chart's own type right after its labels: a legend naming a few series ("Urban
        # formal Rural migrant workers") or an axis printed in one line ("0,0% 5,0% 10,0%"), never a sentence
        # ("The data that support the findings ...") or a caption
        return (abs(line.size - last.size) < 0.05 * size and line.x1 - line.x0 < 0.6 * width
                and len(line.text.split()) <= 6 and not line.text.endswith(_END) and not _CAPTION.match(line.text))

    kept: list[Line] = []
    run: list[Line] = []
    for line in [*lines, None]:
        # the short last line of a paragraph in small type ("(221,5 hours).", "443-455.") ends it, no chart starts
        last_line = (line is not None and not run and bool(kept) and line.text.endswith(".")
                     and abs(kept[-1].size - line.size) < 0.05 * size and kept[-1].x1 - kept[-1].x0 > 0.3 * width)
        if line is not None and not last_line and (small(line) or (len(run) >= 3 and legend(line, run[-1]))):
            run.append(line)
            continue
        if len(run) >= 3:
            removed.append(Change("figure-text", run[0].page, " | ".join(ln.text for ln in run)))
        else:
            kept.extend(run)
        run = []
        if line is not None:
            kept.append(line)
    return kept


def pdf_text(pages: list[Page], source: Path) -> tuple[str, list[Change]]:
    """The text and repairs of a PDF's pages."""
    lines = [page_lines(page) for page in pages]
    if sum(len(line.text) for page in lines for line in page) < 100 * max(1, len(pages)) // 10:
        raise ConversionError(
            f"{source}: the PDF has no text layer (a scan?); run OCR on it first (for example `ocrmypdf`) "
            "and give the PDF it writes"
        )
    size = body_size(lines)
    margins = margin_lines(lines, [p.height for p in pages])
    writer = Writer()
    pending: list[Change] = []
    removed: list[Change] = []
    running: list[Line] = []
    last_note: list[str] = []
    notes: list[Line] = []
    for p, (page, page_lines_) in enumerate(zip(pages, lines, strict=True)):
        kept = []
        banner = banner_lines(page_lines_, page.height) if p == 0 else set()
        for i, line in enumerate(page_lines_):
            if (p, i) in margins:
                kind = "page-number" if line.text.strip().isdigit() else "running-head"
                removed.append(Change(kind, page.number, line.text))
            elif i in banner:
                removed.append(Change("banner", page.number, line.text))
            else:
                kept.append(line)
        body, notes = split_notes(kept, size, continuing=bool(notes))
        body = _without_figure_text(reading_order(body, page.width), size, page.width, removed)
        if body:  # removed lines are recorded where the text resumes
            body[0].removed, removed = removed + body[0].removed, []
        running += body
        _notes(notes, writer, last_note)
    _blocks(_title_first(_references_last(running, size), pages[0].number), size, _words(lines), writer, pending)
    writer.flush_notes()
    return writer.render()


def convert_pdf(path: Path, reader: Callable[[Path], list[Page]] = pdfium_pages) -> Converted:
    """Convert a PDF with pypdfium2 (or another reader of pages, for the benchmark's comparison)."""
    text, changes = pdf_text(reader(path), path)
    name = "pypdfium2" if reader is pdfium_pages else "pdfminer.six"
    return Converted(text, "pdf", name, version(name), dict(SETTINGS), changes)
