"""Lines of a PDF page in reading order: running heads and page numbers set apart, two columns, page-foot notes.

Works on the characters of :mod:`histkit.file.pdf_chars`. Every rule is geometric or typographic (sizes,
positions, repetition across pages), never a journal's wording.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from histkit.file.blocks import SUPERSCRIPT, Change
from histkit.file.pdf_chars import Char, Page

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_PAGE_NUMBER = re.compile(r"(?:p(?:age|ág|ag)?\.? *)?\d{1,4}(?: *(?:de|of|/) *\d{1,4})?", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
# A page-foot note's label: "1 ", "¹", "(2) ", "3. ", "*".
NOTE_LABEL = re.compile(r"(?:\((\d{1,3})\)|(\d{1,3})\.?(?= )|([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})|(\*{1,5}|[†‡§]{1,3})(?= ))\s*")
# A note mark that is a sign, not a number: raised after a title or an author's name, it calls a note on them.
NOTE_SIGNS = "*†‡§"


@dataclass
class Line:
    """One printed line: its text (superscript digits as ¹²³), box, main font size, boldness and page."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    page: int
    ligatures: int = 0
    column: str = "full"
    removed: list[Change] = field(default_factory=list)


def _line_of(chars: list[Char], page: int) -> Line | None:
    solid = [c for c in chars if not c.c.isspace()]
    if not solid:
        return None
    size = Counter(round(c.size, 1) for c in solid).most_common(1)[0][0]
    main = [c for c in solid if c.size >= 0.85 * size] or solid
    base = min(c.y0 for c in main) if main else 0.0
    parts: list[str] = []
    ligatures = 0
    prev: Char | None = None
    italic = False
    marks: list[str] = []
    for c in chars:
        if c.c.isspace():
            if parts and parts[-1] != " ":
                parts.append(" ")
            prev = None if c.c != " " else prev
            continue
        # a gap wider than a fifth of the type is a space the PDF did not write; between digits (a narrow "1"
        # set in a wide figure space) it takes twice that
        gap = 0.4 if c.c.isdigit() and prev is not None and prev.c.isdigit() else 0.2
        if (prev is not None and parts and parts[-1] != " " and c.x0 - prev.x1 > gap * min(c.size, prev.size)
                and c.c not in ",.;:)]’”"):
            parts.append(" ")
        text = c.c
        if text in LIGATURES:
            text, ligatures = LIGATURES[text], ligatures + 1
        raised = c.size < 0.85 * size and c.y0 > base + 0.15 * size
        # a sign raised as a note mark: in small type, or in the line's own right after a word ("MIRANDA¹*" in
        # acta-amazonica; a key to signs, "(*) Dunn's test", "*Exótica, **Endêmica", stays)
        after_word = bool(parts) and parts[-1][-1:].isalnum()
        if (text in NOTE_SIGNS and c.y0 > base + 0.15 * size and "".join(parts).strip(" " + NOTE_SIGNS)
                and (raised or after_word)):
            # "Medeiros**": the sign is no text of the line, nor italics (at a line's start it labels a note)
            marks.append(text)
            continue
        if raised and text.isdigit():
            text = text.translate(SUPERSCRIPT)
            if parts and parts[-1] == " ":
                parts.pop()
        elif c.italic != italic and (text.isalnum() or not c.italic):
            _mark(parts, opening=c.italic)
            italic = c.italic
        parts.append(text)
        prev = c
    if italic:
        _mark(parts, opening=False)
    bold = sum(c.bold for c in main) > 0.6 * len(main)
    text = re.sub(r" +(?=[,;])", "", "".join(parts)).strip() if marks else "".join(parts).strip()
    removed = [Change("note-mark", page, "".join(marks))] if marks else []
    return Line(text, min(c.x0 for c in solid), min(c.y0 for c in main),
                max(c.x1 for c in solid), max(c.y1 for c in main), size, bold, page, ligatures, removed=removed)


def _mark(parts: list[str], opening: bool) -> None:
    """Open or close an italic run as ``*``: a closing mark goes before the space that ends the run."""
    if opening:
        parts.append("*")
        return
    trail = []
    while parts and parts[-1] in (" ", ".", ",", ";", ":", ")"):
        trail.append(parts.pop())
    if parts and parts[-1] == "*":
        parts.pop()  # a run of punctuation only: no marks
    else:
        parts.append("*")
    parts.extend(reversed(trail))


def page_lines(page: Page) -> list[Line]:
    """The page's lines in content-stream order: a new line where the text drops, rises or jumps back.

    On a page of two columns a jump of more than three type sizes also starts a line (the gutter); on a
    page of one column it does not, so the wide spaces of a justified line stay inside it.
    """
    strict = _lines(page, 3.0)
    if _two_columns(strict, page.width):
        return strict
    return _lines(page, page.width)


def _two_columns(lines: list[Line], width: float) -> bool:
    """Both halves of the page hold at least a fifth of its lines that keep to one half, as long lines.

    Lines across the middle (a caption, a table's rows under two columns of text) are a band of their own:
    they do not count against the columns.
    """
    mid = width / 2
    halves = [ln for ln in lines if ln.x1 < mid + 4 or ln.x0 > mid - 4]
    long = [ln for ln in halves if ln.x1 - ln.x0 > 0.3 * width]
    left = sum(ln.x1 < mid + 4 for ln in long)
    right = sum(ln.x0 > mid - 4 for ln in long)
    return min(left, right) >= 0.2 * max(1, len(halves))


def _lines(page: Page, max_gap: float) -> list[Line]:
    groups: list[list[Char]] = []
    current: list[Char] = []
    band: tuple[float, float] | None = None
    last: Char | None = None
    for c in page.chars:
        if c.c in "\r\n":
            continue
        if c.c.isspace():
            if current:
                current.append(c)
            continue
        if band is not None and last is not None:
            low, high = band
            overlap = min(high, c.y1) - max(low, c.y0)
            same = overlap > 0.3 * min(high - low, c.y1 - c.y0) and -2 * c.size < c.x0 - last.x1 < max_gap * c.size
            if not same:
                groups.append(current)
                current, band = [], None
        current.append(c)
        if c.size >= 0.85 * (last.size if last and band else c.size) or band is None:
            band = (c.y0, c.y1) if band is None else (min(band[0], c.y0), max(band[1], c.y1))
        last = c
    groups.append(current)
    lines = [line for group in _merge_level(groups, max_gap) if (line := _line_of(group, page.number)) is not None]
    return lines


def _merge_level(groups: list[list[Char]], max_gap: float) -> list[list[Char]]:
    """Join a run printed later on the same baseline, before or after the line it belongs to, in x order.

    Some PDFs draw a line's pieces out of order (digits before CJK characters, a word set apart).
    """
    merged: list[list[Char]] = []
    bounds: tuple[float, float, float, float, float] = (0.0, 0.0, 0.0, 0.0, 0.0)  # x0, x1, y0, y1, size
    for group in groups:
        solid = [c for c in group if not c.c.isspace()]
        if not solid:
            continue
        top = max(c.size for c in solid)
        main = [c for c in solid if c.size >= 0.85 * top]  # the baseline of the line's own type, not its indices
        here = (min(c.x0 for c in solid), max(c.x1 for c in solid), min(c.y0 for c in main),
                max(c.y1 for c in main), top)
        if merged:
            x0, x1, y0, y1, size = bounds
            near = min(abs(here[0] - x1), abs(x0 - here[1]))
            same_base = abs(here[2] - y0) < 0.2 * size and near < max_gap * size
            # a sub- or superscript drawn after its line: small, a few characters, inside the line's band
            index = (here[4] < 0.85 * size and len(solid) <= 4 and here[2] < y1 and here[3] > y0
                     and x0 - size <= here[0] <= x1 + size)
            if index:
                merged[-1] = sorted([*merged[-1], *group], key=lambda c: c.x0)
                bounds = (min(x0, here[0]), max(x1, here[1]), y0, y1, size)
                continue
            if same_base:
                merged[-1] = sorted([*merged[-1], *group], key=lambda c: c.x0)
                bounds = (min(x0, here[0]), max(x1, here[1]), min(y0, here[2]), max(y1, here[3]), max(size, here[4]))
                continue
        merged.append(group)
        bounds = here
    return merged


def body_size(pages: list[list[Line]]) -> float:
    """The size of the running text: the size carrying the most characters."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[round(line.size)] += len(line.text)
    return float(sizes.most_common(1)[0][0]) if sizes else 10.0


def margin_lines(pages: list[list[Line]], heights: list[float]) -> set[tuple[int, int]]:
    """(page index, line index) of running heads, footers and page numbers.

    A line in the top or bottom tenth of its page that is a page number, or whose text (digits aside)
    is printed in the same band of at least two other pages.
    """
    def key(line: Line, height: float) -> tuple[str, str] | None:
        if line.y1 > 0.9 * height:
            band = "top"
        elif line.y0 < 0.1 * height:
            band = "foot"
        else:
            return None
        return band, _DIGITS.sub("#", line.text.casefold())

    seen: Counter[tuple[str, str]] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        seen.update({k for line in lines if (k := key(line, height)) is not None})
    found = set()
    for p, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        for i, line in enumerate(lines):
            k = key(line, height)
            if k is not None and (seen[k] >= 3 or _PAGE_NUMBER.fullmatch(line.text)):
                found.add((p, i))
    return found


def banner_lines(lines: list[Line], height: float) -> set[int]:
    """Indices of the lines a first page prints above the article's title: the journal's banner.

    The title is the page's largest type (lines of words, its lines within a twentieth of that size). When it
    starts in the page's top quarter, what stands wholly above it is the journal's, not the article's: its name,
    volume, pages, year and DOI, the section's label ("Artigo", "Original article"), the page number. These are
    printed once, on the first page only, so the repetition :func:`margin_lines` looks for does not find them.
    """
    words = [ln for ln in lines if " " in ln.text.strip()]
    if not words:
        return set()
    size = max(ln.size for ln in words)
    top = max(ln.y1 for ln in words if ln.size >= 0.95 * size)
    if top < 0.75 * height:
        return set()
    return {i for i, ln in enumerate(lines) if ln.y0 > top and ln.size < 0.95 * size}


def reading_order(lines: list[Line], width: float) -> list[Line]:
    """Lines of one page in reading order: full-width lines cut the page in bands; in a band, left column first."""
    mid = width / 2
    for line in lines:
        line.column = "left" if line.x1 < mid + 4 else "right" if line.x0 > mid - 4 else "full"
    if not _two_columns(lines, width):
        for line in lines:
            line.column = "full"
        return lines
    ordered: list[Line] = []
    band: list[Line] = []

    def flush() -> None:
        band.sort(key=lambda ln: (ln.column != "left", -ln.y1))
        ordered.extend(band)
        band.clear()

    order = sorted(lines, key=lambda ln: -ln.y1)
    taken: set[int] = set()
    for i, line in enumerate(order):
        if id(line) in taken:
            continue
        if line.column == "full":
            # a table's cells on the same row as a wide cell (its baseline, its top a little lower) are read
            # with the rows above, not after the band that the wide cell would otherwise close
            for other in order[i + 1 :]:
                if other.y1 < line.y0:
                    break
                if other.column != "full" and abs(other.y0 - line.y0) <= 0.15 * line.size:
                    band.append(other)
                    taken.add(id(other))
            flush()
            ordered.append(line)
        else:
            band.append(line)
    flush()
    return ordered


def split_notes(lines: list[Line], size: float, continuing: bool = False) -> tuple[list[Line], list[Line]]:
    """The page's running lines, and the note lines at its foot.

    Notes are in smaller type below the lowest running line, the first led by a note label (or the
    last page's note going on, when ``continuing``).
    """
    lowest = min((ln.y0 for ln in lines if ln.size >= 0.95 * size), default=0.0)
    notes = [ln for ln in lines if ln.size < 0.92 * size and ln.y1 <= lowest + 1]
    notes.sort(key=lambda ln: (-ln.y1, ln.x0))
    # the first note line has a label, unless the last page's notes run on onto this one
    labelled = [n for n in notes if NOTE_LABEL.match(n.text)]
    if not labelled or (labelled[0] is not notes[0] and not continuing):
        return lines, []
    chosen = {id(ln) for ln in notes}
    return [ln for ln in lines if id(ln) not in chosen], notes
