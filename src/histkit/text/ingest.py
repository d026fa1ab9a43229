"""Ingest: the verbatim article text parsed into front matter, sections, paragraphs, notes and references.

The text is a PDF-to-text conversion. Ingest repairs what it can (paragraphs split by page
breaks, a footnote continued inside the body, markdown residue, footnote markers, keywords whose
spaces were lost) and records every repair; it never changes the text itself. Every element keeps
the spans (``start``/``end``, in code points) of the verbatim pieces it was built from.

To teach ingest a new artefact: add a pattern and a repair kind here, add a tiny fixture text in
``tests/data/`` and a case in ``tests/text/test_ingest.py``, and describe the repair in :data:`REASONS`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from pathlib import Path

from histkit.core.errors import SeedError
from histkit.core.paths import resolve_seed_dir
from histkit.text.limits import check_text

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")

REASONS: dict[str, str] = {
    "page-break-join": (
        "a page break split the paragraph: the first piece ends without closing punctuation "
        "and the text resumes in lower case or with a digit"
    ),
    "footnote-continuation": "the footnote runs on after a page break, inside the body text",
    "escaped-dollar": "markdown residue: '\\$' is an escaped dollar sign",
    "markdown-emphasis": "markdown residue: asterisks mark italic or bold type, not text",
    "blockquote-marker": "markdown residue: '>' marks a block quotation",
    "footnote-marker": "superscript footnote marker, moved out of the text into the notes column",
    "keyword-spacing": "spaces between words were lost in the conversion",
}

_BLOCK = re.compile(r"[^\n]*\S[^\n]*")
_HEADING = re.compile(r"(\d{1,2}) +([A-ZÀ-Þ][A-ZÀ-Þ ,:'\-]*[A-ZÀ-Þ])")
_REFERENCES = re.compile(r"(REFERENCES|REFERÊNCIAS|BIBLIOGRAPHY|WORKS CITED)")
_LABEL = re.compile(r"(ABSTRACT|KEYWORDS|RESUMO|PALAVRAS-CHAVE|RECEBIDO EM|APROVADO EM) *: *")
_LABEL_FIELDS = {
    "ABSTRACT": "abstract",
    "KEYWORDS": "keywords",
    "RESUMO": "abstract_pt",
    "PALAVRAS-CHAVE": "keywords_pt",
    "RECEBIDO EM": "received",
    "APROVADO EM": "approved",
}
_FOOTNOTE = re.compile(rf"([{SUPERSCRIPTS}]+) +")
_MARKUP = re.compile(
    r"(?P<dollar>\\\$)"
    r"|\*\*(?P<bold>[^*\n]+?)\*\*"
    r"|(?<![*\w])\*(?P<em>[^*\n]+?)\*(?![*\w])"
    rf"|(?P<sup>[{SUPERSCRIPTS}]+)"
)
# A block ending in an author-date citation, e.g. "... (PHILLIPS, 1920, p. 5-8)."
_ENDS_WITH_CITATION = re.compile(r"\([A-ZÀ-Þ][^()]*?,\s*\d{4}[^()]*\)\.?$")
_CLOSING = tuple(".!?:;\"”’')]»…")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")


@dataclass(frozen=True)
class Repair:
    """One repair of a conversion artefact, anchored to the verbatim span it concerns."""

    kind: str
    start: int
    end: int
    replacement: str
    element_id: str
    detail: str = ""

    @property
    def reason(self) -> str:
        """Why the repair was made, in plain words."""
        return REASONS[self.kind] + (f" ({self.detail})" if self.detail else "")


@dataclass
class Element:
    """A repaired unit of text: front-matter field, paragraph, block quote, footnote or reference entry.

    ``pieces`` are the verbatim spans it was built from, in order; ``text`` is the repaired text.
    """

    element_id: str
    kind: str
    section: int | None
    section_title: str
    pieces: list[tuple[int, int]]
    text: str = ""
    field: str = ""
    number: int | None = None
    notes: list[int] = dc_field(default_factory=list)
    called_from: str = ""

    @property
    def start(self) -> int:
        """Start of the first verbatim piece."""
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        """End of the last verbatim piece."""
        return self.pieces[-1][1]

    @property
    def words(self) -> int:
        """Number of words in the repaired text."""
        return len(_WORD.findall(self.text))


@dataclass(frozen=True)
class Section:
    """A numbered section (or the reference list, whose number is ``None``)."""

    number: int | None
    title: str
    start: int
    end: int

    @property
    def heading(self) -> str:
        """The heading as printed, e.g. ``"2 THE FIRST STAGE"``."""
        return self.title if self.number is None else f"{self.number} {self.title}"


@dataclass
class Article:
    """An ingested article: every element keeps spans into :attr:`text`, which is never changed."""

    seed_id: str
    text: str
    sections: list[Section]
    elements: list[Element]
    repairs: list[Repair]
    keywords: dict[str, list[str]]
    sha256: str = ""
    metadata: dict[str, object] = dc_field(default_factory=dict)
    folder: Path | None = None
    source: str = ""
    _line_starts: list[int] = dc_field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def seed_file(self, name: str) -> Path:
        """A file beside the verbatim text in this article's seed folder (e.g. ``annotations.yaml``).

        An article parsed from a bare string has no folder; its seed id is then looked up under
        the project's ``seeds/``.
        """
        if self.folder is not None:
            return self.folder / name
        return resolve_seed_dir(self.seed_id) / name

    def line_of(self, offset: int) -> int:
        """Return the 1-based line number of a code-point offset."""
        return bisect.bisect_right(self._line_starts, offset)

    def of_kind(self, *kinds: str) -> list[Element]:
        """Elements of the given kinds, in text order."""
        return [e for e in self.elements if e.kind in kinds]

    @property
    def front(self) -> dict[str, Element]:
        """Front-matter fields by name (title, author, abstract, keywords, title_pt, ...)."""
        return {e.field: e for e in self.of_kind("front-matter")}

    @property
    def body(self) -> list[Element]:
        """Paragraphs and block quotes of the numbered sections."""
        return self.of_kind("paragraph", "blockquote")

    @property
    def footnotes(self) -> list[Element]:
        """Footnotes, in text order."""
        return self.of_kind("footnote")

    @property
    def references(self) -> list[Element]:
        """Entries of the reference list, in text order."""
        return self.of_kind("reference")

    @property
    def received(self) -> date | None:
        """The date the article was received, from the front matter."""
        return _front_date(self, "received")

    @property
    def approved(self) -> date | None:
        """The date the article was approved, from the front matter."""
        return _front_date(self, "approved")


def _front_date(article: Article, name: str) -> date | None:
    element = article.front.get(name)
    if element is None:
        return None
    where = f"{article.source}:{article.line_of(element.start)}"
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", element.text.strip())
    if not match:
        raise SeedError(f"{where}: {name} date {element.text!r} is not DD/MM/YYYY; check the front matter")
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError as err:
        raise SeedError(f"{where}: {name} date {element.text!r} is not a calendar date ({err})") from None


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
                numbers = [int(c.translate(_FROM_SUPERSCRIPT)) for c in m.group("sup")]
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


def parse_article(text: str, seed_id: str = "", source: str = "") -> Article:
    """Parse a verbatim article into an :class:`Article`.

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
        If the text has no numbered section heading or no reference list, holds a control
        character, or is too long (see :func:`histkit.text.limits.check_text`).

    """
    source = source or seed_id or "<text>"
    check_text(text, source)
    blocks = [(m.start(), m.end(), m.group()) for m in _BLOCK.finditer(text)]
    builder = _Builder(seed_id, text)

    heads: list[tuple[int, Section]] = []
    for i, (start, end, raw) in enumerate(blocks):
        stripped = raw.strip()
        if m := _HEADING.fullmatch(stripped):
            heads.append((i, Section(int(m.group(1)), m.group(2), start, end)))
        elif _REFERENCES.fullmatch(stripped):
            heads.append((i, Section(None, stripped, start, end)))
    numbered = [h for h in heads if h[1].number is not None]
    if not numbered:
        raise SeedError(
            f"{source}: no numbered section heading (a line such as '1 INTRODUCTION') was found; "
            "is this the article text?"
        )
    if not any(h[1].number is None for h in heads):
        raise SeedError(
            f"{source}: no reference list: expected a line 'REFERENCES' followed by the entries; "
            "add the reference list to the seed or check the conversion"
        )

    keywords = _front_matter(builder, blocks[: numbered[0][0]])
    bounds = [i for i, _ in heads] + [len(blocks)]
    for (first, section), stop in zip(heads, bounds[1:], strict=True):
        body = blocks[first + 1 : stop]
        if section.number is None:
            _references(builder, section, body)
        else:
            _section_body(builder, section, body)

    _resolve_notes(builder)
    return Article(
        seed_id=seed_id,
        text=text,
        sections=[s for _, s in heads],
        elements=sorted(builder.elements, key=lambda e: e.start),
        repairs=sorted(builder.repairs, key=lambda r: (r.start, r.end, r.kind)),
        keywords=keywords,
        source=source,
    )


def _front_matter(builder: _Builder, blocks: list[tuple[int, int, str]]) -> dict[str, list[str]]:
    seen: set[str] = set()
    keywords: dict[str, list[str]] = {}
    for start, end, raw in blocks:
        label = _LABEL.match(raw)
        if label:
            name = _LABEL_FIELDS[label.group(1)]
            value_start = start + label.end()
        else:
            value_start = start
            if "title" not in seen:
                name = "title"
            elif "author" not in seen:
                name = "author"
            elif "keywords" in seen and "abstract_pt" not in seen and "title_pt" not in seen:
                name = "title_pt"
            elif raw.strip() == _field_text(builder, "author"):
                name = "author_repeated"
            else:
                name = "author_note"
        if name in seen:
            name = f"{name}_{sum(1 for s in seen if s.startswith(name))+1}"
        seen.add(name)
        element = Element(f"fm-{name}", "front-matter", 0, "front matter", [], field=name)
        builder.add(element, value_start, end)
        if name in ("keywords", "keywords_pt"):
            keywords["en" if name == "keywords" else "pt"] = _keywords(builder, element, value_start, end)
    return keywords


def _field_text(builder: _Builder, name: str) -> str:
    return next((e.text for e in builder.elements if e.field == name), "")


def _keywords(builder: _Builder, element: Element, start: int, end: int) -> list[str]:
    words = []
    for m in re.finditer(r"[^.]+", builder.text[start:end]):
        raw = m.group().strip()
        if not raw:
            continue
        fixed = _CAMEL.sub(" ", raw)
        if fixed != raw:
            offset = start + m.start() + (len(m.group()) - len(m.group().lstrip()))
            builder.repairs.append(
                Repair("keyword-spacing", offset, offset + len(raw), fixed, element.element_id)
            )
        words.append(fixed)
    return words


def _section_body(builder: _Builder, section: Section, blocks: list[tuple[int, int, str]]) -> None:
    open_para: Element | None = None
    open_note: Element | None = None
    last_body: Element | None = None
    count = 0
    for start, end, raw in blocks:
        note = _FOOTNOTE.match(raw)
        if note:
            number = int(note.group(1).translate(_FROM_SUPERSCRIPT))
            element = Element(f"fn{number}", "footnote", section.number, section.heading, [], number=number)
            builder.add(element, start + note.end(), end)
            open_note = None if _terminated(raw) else element
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


def _references(builder: _Builder, section: Section, blocks: list[tuple[int, int, str]]) -> None:
    for n, (start, end, _raw) in enumerate(blocks, start=1):
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
