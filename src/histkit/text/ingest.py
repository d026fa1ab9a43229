"""Ingest: the verbatim article text parsed into front matter, sections, paragraphs, notes and references.

The text is a PDF-to-text conversion. Ingest repairs what it can (paragraphs split by page
breaks, a footnote continued inside the body, markdown residue, footnote markers, keywords whose
spaces were lost) and records every repair; it never changes the text itself. Every element keeps
the spans (``start``/``end``, in code points) of the verbatim pieces it was built from.

To teach ingest a new artefact: add a pattern and a repair kind here, add a tiny fixture text in
``tests/data/`` and a case in ``tests/text/test_ingest.py``, and describe the repair in
:data:`histkit.text.article.REASONS`.
"""

from __future__ import annotations

import re

from histkit.core.errors import SeedError
from histkit.text.article import (
    MONTH_NAMES,
    REASONS,
    Article,
    Element,
    IngestWarning,
    Repair,
    Section,
)
from histkit.text.emphasis import unmarked
from histkit.text.layout import (
    _CAPTION,
    _KEYWORD_LANG,
    _LABEL,
    SUPERSCRIPTS,
    body_start,
    fields_in,
    heading_of,
    is_references_heading,
    keyword_list,
    label_field,
    next_labels,
)
from histkit.text.layout import _plain as _plain
from histkit.text.limits import check_text

__all__ = [
    "REASONS",
    "SUPERSCRIPTS",
    "Article",
    "Element",
    "IngestWarning",
    "Repair",
    "Section",
    "heading_of",
    "is_references_heading",
    "parse_article",
]

_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")

_BLOCK = re.compile(r"[^\n]*\S[^\n]*")
_FOOTNOTE = re.compile(rf"\(?([{SUPERSCRIPTS}]+)\)? +")
_MARKUP = re.compile(
    r"(?P<dollar>\\\$)"
    r"|\*\*(?P<bold>[^*\n]+?)\*\*"
    r"|(?<![*\w])\*(?P<em>[^*\n]+?)\*(?![*\w])"
    # markers of several notes joined by commas ("Neves¹,⁴") are one marker: the comma is not the text's;
    # after a minus sign a superscript is a unit's exponent ("mg mL-¹"), not a note's marker
    rf"|(?<![-−⁻{SUPERSCRIPTS}])(?P<sup>[{SUPERSCRIPTS}]+(?:,[{SUPERSCRIPTS}]+)*)"
)
# A block ending in an author-date citation, e.g. "... (PHILLIPS, 1920, p. 5-8)."
_ENDS_WITH_CITATION = re.compile(r"\([A-ZÀ-Þ][^()]*?,\s*\d{4}[^()]*\)\.?$")
_CLOSING = tuple(".!?:;\"”’')]»…")
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")


def _terminated(text: str) -> bool:
    return text.rstrip().rstrip(SUPERSCRIPTS).rstrip().endswith(_CLOSING)


def _continues(text: str) -> bool:
    return text[:1].islower() or text[:1].isdigit()


class _Builder:
    """Holds the state of one parse: the text, the elements and the repairs made so far."""

    def __init__(self, seed_id: str, text: str) -> None:
        self.seed_id = seed_id
        self.text = text
        self.elements: list[Element] = []
        self.repairs: list[Repair] = []

    def clean(self, start: int, end: int, element_id: str, markers: list[int]) -> str:
        """Return the repaired text of one verbatim piece, recording each markup repair."""
        raw = self.text[start:end]
        out: list[str] = []
        last = 0
        for m in _MARKUP.finditer(raw):
            out.append(raw[last : m.start()])
            last = m.end()
            if m.group("dollar"):
                kind, replacement = "escaped-dollar", "$"
            elif m.group("bold") is not None:
                kind, replacement = "markdown-emphasis", m.group("bold")
            elif m.group("em") is not None:
                kind, replacement = "markdown-emphasis", m.group("em")
            else:
                kind, replacement = "footnote-marker", ""
                numbers = [int(c.translate(_FROM_SUPERSCRIPT)) for c in m.group("sup") if c != ","]
                markers.extend(numbers)
            out.append(replacement)
            self.repairs.append(Repair(kind, start + m.start(), start + m.end(), replacement, element_id))
        out.append(raw[last:])
        return "".join(out).strip()

    def add(self, element: Element, start: int, end: int) -> Element:
        element.pieces = [(start, end)]
        element.text = self.clean(start, end, element.element_id, element.notes)
        self.elements.append(element)
        return element

    def join(self, element: Element, start: int, end: int, kind: str) -> None:
        prev_end = element.end
        element.pieces.append((start, end))
        element.text = f"{element.text} {self.clean(start, end, element.element_id, element.notes)}"
        if kind == "page-break-join":
            # Anchor the repair on the last word before the break and the first word after it.
            before = self.text.rfind(" ", element.pieces[-2][0], prev_end) + 1 or element.pieces[-2][0]
            after = self.text.find(" ", start, end)
            after = end if after == -1 else after
            self.repairs.append(Repair(kind, before, after, " ", element.element_id))
        else:
            self.repairs.append(
                Repair(kind, start, end, "", element.element_id, f"joined to footnote {element.number}")
            )


_BODY_START = {
    "no-heading": "no heading was found before the body: the body is assumed to start at this block, "
    "the first after the front matter's last blank-line gap, in one untitled section",
    "untitled-opening": "the body opens with prose before its first heading (an epigraph, a quotation or "
    "a paragraph): it is read from this block as an untitled opening section",
}


def parse_article(text: str, seed_id: str = "", source: str = "") -> Article:
    """Parse a verbatim article into an :class:`Article`.

    The front matter runs up to the first heading of the body: the introduction's heading when
    there is one, else the first heading after the last front-matter label (abstract, keywords,
    dates). Every heading after it starts a section; the reference list starts at its heading.
    Where the text does not say, ingest records what it assumed in :attr:`Article.warnings`.

    Parameters
    ----------
    text : str
        The verbatim article text.
    seed_id : str
        Id of the seed, stored on every row derived from it.
    source : str
        File name used in error messages.

    Raises
    ------
    SeedError
        If the text has no recognisable body (nothing after its title and author), holds a
        control character, or is too long (see :func:`histkit.text.limits.check_text`).

    """
    source = source or seed_id or "<text>"
    check_text(text, source)
    blocks = [(m.start(), m.end(), m.group()) for m in _BLOCK.finditer(text)]
    builder = _Builder(seed_id, text)
    warnings: list[IngestWarning] = []

    ref_at = next((i for i in range(len(blocks) - 1, -1, -1) if is_references_heading(blocks[i][2])), None)
    stop = len(blocks) if ref_at is None else ref_at
    first = body_start(blocks, stop)
    if first is None:
        raise SeedError(
            f"{source}: no body was found after the title and author (no heading such as '1 INTRODUCTION' "
            "or 'Introdução', and no paragraph after the front matter); is this the article text?"
        )
    begin, how = first
    assumed = bool(how)
    if assumed:
        a, b, _ = blocks[begin]
        warnings.append(
            IngestWarning(
                "body-start",
                a,
                b,
                _BODY_START[how],
            )
        )
    if ref_at is None:
        at = blocks[-1][1] if blocks else 0
        warnings.append(
            IngestWarning(
                "no-references",
                at,
                at,
                "no reference-list heading (References, Referências, Referencias, Bibliografía, ...) was "
                "found: the article is read without a reference list",
            )
        )

    heads: list[tuple[int, Section]] = []
    if assumed:
        heads.append((begin - 1, Section(1, "", blocks[begin][0], blocks[begin][0])))
    previous_open = False  # the block before is a paragraph or note cut by a page break
    for i in range(begin, stop):
        start, end, raw = blocks[i]
        head = None if _FOOTNOTE.match(raw) else heading_of(raw)
        if head is not None and previous_open and not head[0]:
            # An unnumbered short line after a paragraph cut by a page break continues it.
            head = None
        following = blocks[i + 1][2] if i + 1 < stop else ""
        next_head = heading_of(following) if following[:1].isdigit() else None
        if head is not None and ((next_head is not None and next_head[0]) or not _continues(following.lstrip("> *"))):
            heads.append((i, Section(len(heads) + 1, head[1], start, end, head[0])))
            previous_open = False
        else:
            previous_open = not _terminated(raw) and not raw.startswith(">") and not _CAPTION.match(_plain(raw))
    if ref_at is not None:
        start, end, raw = blocks[ref_at]
        heads.append((ref_at, Section(None, raw.strip(), start, end)))

    keywords = _front_matter(builder, blocks[:begin])
    bounds = [i for i, _ in heads] + [len(blocks)]
    for (at, section), until in zip(heads, bounds[1:], strict=True):
        body = blocks[at + 1 : until]
        if section.number is None:
            _references(builder, section, body, warnings)
        else:
            _section_body(builder, section, body)

    if not any(e.kind in ("paragraph", "blockquote") for e in builder.elements):
        raise SeedError(
            f"{source}: no body was found: the headings have no paragraph under them; is this the article text?"
        )
    _resolve_notes(builder)
    return Article(
        seed_id=seed_id,
        text=text,
        sections=[s for _, s in heads],
        elements=sorted(builder.elements, key=lambda e: e.start),
        repairs=sorted(builder.repairs, key=lambda r: (r.start, r.end, r.kind)),
        keywords=keywords,
        warnings=sorted(warnings, key=lambda w: (w.start, w.kind)),
        source=source,
    )


def _front_matter(builder: _Builder, blocks: list[tuple[int, int, str]]) -> dict[str, list[str]]:
    seen: set[str] = set()
    keywords: dict[str, list[str]] = {}
    # Notes on the authors follow the last labelled block; a title in another language comes before it.
    last_label = max((n for n, (_, _, raw) in enumerate(blocks) if _LABEL.match(raw)), default=-1)
    # A label alone on its line ("ABSTRACT" set as a heading) names the block under it.
    labelled = ""
    previous: Element | None = None
    next_labelled = next_labels([raw for _, _, raw in blocks])
    for n, (start, end, raw) in enumerate(blocks):
        label = _LABEL.match(raw)
        if (previous is not None and previous.field.startswith("abstract") and not label and not labelled
                and next_labelled[n].startswith("keywords") and "@" not in raw):
            # A structured abstract ("Objetivo: ...") runs over paragraphs before its keywords: no note on authors.
            previous.pieces.append((start, end))
            previous.text = f"{previous.text} {builder.clean(start, end, previous.element_id, previous.notes)}"
            continue
        if label and label.group("alone") is not None and n > 0:
            labelled = label_field(label)
            continue
        if labelled:
            name, labelled = labelled, ""
            value_start = start
        elif label and (label.group("colon_tail") is not None or n > 0):
            name = label_field(label)
            value_start = start + label.end()
            following = blocks[n + 1][2] if n + 1 < len(blocks) else ""
            if name.startswith("abstract") and _set_title(raw[label.end():]) and not _LABEL.match(following):
                # "Resumo *O novo normal da economia chinesa*": the label, the title in that language in
                # italics, and the abstract in the block under them
                name, labelled = "title_" + (name.split("_")[1] if "_" in name else "en"), name
        else:
            value_start = start
            following = blocks[n + 1][2] if n + 1 < len(blocks) else ""
            next_label = _LABEL.match(following)
            next_field = label_field(next_label) if next_label else ""
            if "title" not in seen:
                name = "title"
            elif "author" not in seen:
                name = "author"
            elif any(k.startswith("keywords") for k in seen) and next_field.startswith("abstract_"):
                name = "title_" + next_field.split("_")[1]
            elif any(k.startswith("keywords") for k in seen) and next_field == "abstract":
                name = "title_en"
            elif previous is not None and previous.field.startswith("abstract") and keyword_list(raw):
                name = "keywords" + previous.field[len("abstract") :]  # unlabelled, in the abstract's language
            elif raw.strip() == _field_text(builder, "author"):
                name = "author_repeated"
            elif any(k.startswith("keywords") for k in seen) and n < last_label and _title_like(raw):
                # A title in another language, printed without an abstract of its own (its language is
                # not guessed: no label names it).
                name = "title_other"
            else:
                name = "author_note"
        for field, field_start, field_end in fields_in(builder.text, name, value_start, end):
            if field in seen:
                field = f"{field}_{sum(1 for s in seen if s.startswith(field))+1}"
            seen.add(field)
            element = Element(f"fm-{field}", "front-matter", 0, "front matter", [], field=field)
            previous = builder.add(element, field_start, field_end)
            lang = _KEYWORD_LANG.get(field)
            if lang:
                keywords[lang] = _keywords(builder, element, field_start, field_end)
            if field.startswith("author_note"):
                _history(builder, seen, field_start, field_end)
    return keywords


_MONTH_WORD = "|".join(MONTH_NAMES)
# "* Article received on January 30, 2024 and approved on March 19, 2024." in a note on the title
_HISTORY = re.compile(
    r"\b(?i:(?P<what>received|submitted|approved|accepted)(?: on| in| em| el)?) "
    rf"(?P<date>(?i:{_MONTH_WORD}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?i:{_MONTH_WORD}) \d{{4}}"
    r"|\d{1,2}/\d{1,2}/\d{4})\b"
)


def _history(builder: _Builder, seen: set[str], start: int, end: int) -> None:
    """The dates of submission and approval a note on the article prints, as front-matter fields."""
    for m in _HISTORY.finditer(builder.text, start, end):
        field = "received" if m["what"].lower() in ("received", "submitted") else "approved"
        if field not in seen:
            seen.add(field)
            builder.add(Element(f"fm-{field}", "front-matter", 0, "front matter", [], field=field), *m.span("date"))


def _set_title(value: str) -> bool:
    """A label's value set wholly in italics with no sentence end: a title, not the start of an abstract."""
    text = value.strip()
    return len(text) > 2 and text[0] == "*" and text[-1] == "*" and "*" not in text[1:-1] and _title_like(text)


def _title_like(raw: str) -> bool:
    """A short block with no sentence end, address or e-mail: a title rather than a note on an author."""
    text = raw.strip()
    return 0 < len(text) <= 250 and not text.endswith(".") and "@" not in text and "\n" not in text


def _field_text(builder: _Builder, name: str) -> str:
    return next((e.text for e in builder.elements if e.field == name), "")


def _keywords(builder: _Builder, element: Element, start: int, end: int) -> list[str]:
    words = []
    for m in re.finditer(r"[^.;]+", builder.text[start:end]):
        raw = m.group().strip()
        if not raw:
            continue
        fixed = _CAMEL.sub(" ", raw)
        if fixed != raw:
            offset = start + m.start() + (len(m.group()) - len(m.group().lstrip()))
            builder.repairs.append(
                Repair("keyword-spacing", offset, offset + len(raw), fixed, element.element_id)
            )
        words.append(unmarked(fixed).strip())  # "*Black Lives Matter*": the italics are type, not the keyword
    return words


def _section_body(builder: _Builder, section: Section, blocks: list[tuple[int, int, str]]) -> None:
    open_para: Element | None = None
    open_note: Element | None = None
    last_body: Element | None = None
    count = captions = 0
    for start, end, raw in blocks:
        note = _FOOTNOTE.match(raw)
        if note:
            number = int(note.group(1).translate(_FROM_SUPERSCRIPT))
            element = Element(f"fn{number}", "footnote", section.number, section.heading, [], number=number)
            builder.add(element, start + note.end(), end)
            open_note = None if _terminated(raw) else element
            continue
        if _CAPTION.match(_plain(raw)):
            captions += 1
            caption = Element(f"s{section.number}cap{captions:02d}", "caption", section.number, section.heading, [])
            builder.add(caption, start, end)
            continue
        if open_para is not None:
            if _continues(raw):
                builder.join(open_para, start, end, "page-break-join")
                open_para = None if _terminated(raw) else open_para
                continue
            if open_note is not None:
                builder.join(open_note, start, end, "footnote-continuation")
                open_note = None if _terminated(raw) else open_note
                continue
            open_para = None
        count += 1
        element_id = f"s{section.number}p{count:02d}"
        quoted = raw.startswith(">") or (
            last_body is not None
            and last_body.text.endswith(":")
            and _ENDS_WITH_CITATION.search(raw.rstrip().rstrip(SUPERSCRIPTS)) is not None
        )
        element = Element(element_id, "blockquote" if quoted else "paragraph", section.number, section.heading, [])
        if raw.startswith(">"):
            marker = len(raw) - len(raw[1:].lstrip())
            builder.repairs.append(Repair("blockquote-marker", start, start + marker, "", element_id))
            builder.add(element, start + marker, end)
        else:
            builder.add(element, start, end)
        last_body = element
        open_para = None if _terminated(raw) else element


def _references(
    builder: _Builder, section: Section, blocks: list[tuple[int, int, str]], warnings: list[IngestWarning]
) -> None:
    n = 0
    for start, end, raw in blocks:
        if note := _FOOTNOTE.match(raw):
            number = int(note.group(1).translate(_FROM_SUPERSCRIPT))
            element = Element(f"fn{number}", "footnote", None, section.heading, [], number=number)
            builder.add(element, start + note.end(), end)
            continue
        plain = _plain(raw)
        if plain.endswith(":") and len(plain.split()) <= 5:
            # "Teses e Dissertações:": a sub-heading that groups the entries below it.
            warnings.append(
                IngestWarning(
                    "reference-subheading", start, end, f"{plain!r} is read as a sub-heading of the list, not an entry"
                )
            )
            continue
        n += 1
        element = Element(f"ref{n:02d}", "reference", None, section.heading, [], number=n)
        builder.add(element, start, end)


def _resolve_notes(builder: _Builder) -> None:
    callers: dict[int, str] = {}
    for element in builder.elements:
        if element.kind in ("paragraph", "blockquote"):
            for number in element.notes:
                callers.setdefault(number, element.element_id)
    for element in builder.elements:
        if element.kind == "footnote" and element.number is not None:
            element.called_from = callers.get(element.number, "")
