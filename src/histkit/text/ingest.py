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
import unicodedata
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from pathlib import Path

from histkit.core.errors import SeedError
from histkit.core.paths import resolve_seed_dir

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")
_NO_SUPERSCRIPTS = str.maketrans("", "", SUPERSCRIPTS)

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
# A numbered heading: "1 INTRODUCTION", "3.1 Do grande cronotopo", "2. Methods", "IV - RESULTADOS".
_NUMBERED = re.compile(
    r"(?P<label>\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}(?:\.|(?= +[-–—] )|(?= +[A-ZÀ-Þ]{2})))"
    r" +(?:[-–—] +)?(?P<title>[\"“«'‘A-ZÀ-Þ].*)"
)
# Reference-list headings in Portuguese, Spanish and English, optionally numbered or followed by a
# sub-heading ("REFERÊNCIAS - Livros:"). Matched on the case- and accent-folded line.
_REFERENCES = re.compile(
    r"(?:\d{1,2}\.? +|[ivxlc]{1,6}\.? +)?"
    r"(?P<name>referencias(?: bibliograficas)?|references|reference list|bibliografia|bibliography|"
    r"works cited|obras citadas|literatura citada|fontes e referencias|fuentes y referencias)"
    r"(?P<rest>(?: *[-–—:] *[^.]{0,40})?)"
)
_INTRO = re.compile(r"(?:\d{1,2}\.? +|[ivxlc]{1,6}\.? +)?(?:introducao|introduccion|introduction|apresentacao)\b")
# Front-matter labels as printed, with or without a colon: "ABSTRACT:", "Resumen Desde 2008...",
# "Palabras clave", "Key words", "**JEL:**", "Recebido em: 04/06/2017", "Received: 3 May 2020".
_LABEL = re.compile(
    r"(?:\*\*)?(?:(?P<label>abstract|resumo|resumen|keywords|key words|key-words|palavras-chave|"
    r"palavras chave|palabras clave|palabras-clave|jel(?: classification)?)"
    r"|(?P<date>recebido em|recebido|received on|received|recibido el|recibido|aprovado em|aprovado|"
    r"aceito em|aceito|accepted on|accepted|aceptado el|aceptado)(?= *(?::|\*\*:|\d)))"
    r"(?::\*\*|\*\*:|(?= *:))? *(?::(?P<colon_tail> *)|(?= *\S))",
    re.IGNORECASE,
)
_LABEL_FIELDS = {
    "abstract": "abstract",
    "keywords": "keywords",
    "key words": "keywords",
    "key-words": "keywords",
    "resumo": "abstract_pt",
    "palavras-chave": "keywords_pt",
    "palavras chave": "keywords_pt",
    "resumen": "abstract_es",
    "palabras clave": "keywords_es",
    "palabras-clave": "keywords_es",
    "jel": "jel",
    "jel classification": "jel",
    "recebido em": "received",
    "recebido": "received",
    "received on": "received",
    "received": "received",
    "recibido el": "received",
    "recibido": "received",
    "aprovado em": "approved",
    "aprovado": "approved",
    "aceito em": "approved",
    "aceito": "approved",
    "accepted on": "approved",
    "accepted": "approved",
    "aceptado el": "approved",
    "aceptado": "approved",
}
_KEYWORD_LANG = {"keywords": "en", "keywords_pt": "pt", "keywords_es": "es"}
# Figure and table captions: "[Quadro 1 ...]", "Figura 2 Promoção ...", "Graph 1 GDP growth ...".
_CAPTION = re.compile(
    r"(?i:\[(?:fig|foto|photo|gr[aá]f|graph|chart|tab|quadro|cuadro|imag|mapa|map|box|ilustra|esquema)[^\]]*\])"
    r"|(?i:fig(?:ura|ure)?s?\.?|fotos?|photos?|gr[aá]ficos?|graphs?|charts?|tabelas?|tablas?|tables?|quadros?|"
    r"cuadros?|imagem|imagens|imagen|images?|mapas?|maps?|ilustra[cç][aã]o|esquemas?) +\d+"
    r"(?: +(?:e|y|and|&) +\d+)?\.?(?= *(?:[-–—:.] *)?(?:[^a-zß-ÿ\s]|$))"
)
_FOOTNOTE = re.compile(rf"\(?([{SUPERSCRIPTS}]+)\)? +")
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
    """A section of the body (numbered by position, from 1) or the reference list (number ``None``).

    ``label`` is the number as printed ("1", "3.1", "IV", or "" for an unnumbered heading);
    ``number`` is the section's position in the body, so an article whose headings are numbered
    1, 2, 3 from its first section has ``number`` equal to ``label``.
    """

    number: int | None
    title: str
    start: int
    end: int
    label: str = ""

    @property
    def heading(self) -> str:
        """The heading as printed, e.g. ``"2 THE FIRST STAGE"`` or ``"Introducción"``."""
        return f"{self.label} {self.title}" if self.label else self.title

    @property
    def is_references(self) -> bool:
        """Whether this is the reference list."""
        return self.number is None


@dataclass(frozen=True)
class IngestWarning:
    """Something ingest could not tell and what it assumed instead, anchored to the text."""

    kind: str
    start: int
    end: int
    message: str


@dataclass
class Article:
    """An ingested article: every element keeps spans into :attr:`text`, which is never changed."""

    seed_id: str
    text: str
    sections: list[Section]
    elements: list[Element]
    repairs: list[Repair]
    keywords: dict[str, list[str]]
    warnings: list[IngestWarning] = dc_field(default_factory=list)
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
        """Paragraphs and block quotes of the body's sections."""
        return self.of_kind("paragraph", "blockquote")

    @property
    def captions(self) -> list[Element]:
        """Figure and table captions (``[Fig. ...]``, ``Tabela 1 ...``), kept apart from paragraphs."""
        return self.of_kind("caption")

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


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _plain(raw: str) -> str:
    """A block without markdown residue or footnote markers, for telling what it is."""
    return re.sub(r"\*+|\\(?=\$)", "", raw).translate(_NO_SUPERSCRIPTS).strip()


def heading_of(raw: str) -> tuple[str, str] | None:
    """Return ``(label, title)`` when a block reads as a section heading, else None.

    A heading is a short line (at most 18 words) that does not end like a sentence (".", ",",
    ";" or ":"; a question mark is allowed), starts with a capital or an opening quote, and holds
    no address or link. A numbered heading starts with an Arabic ("1", "3.1", "2.") or Roman
    ("IV.", "II - ") number; ``label`` is then that number without its period, else "".

    Parameters
    ----------
    raw : str
        One block of the verbatim text.

    """
    text = _plain(raw)
    if (
        not text
        or len(text) > 160
        or len(text.split()) > 18
        or text.endswith((".", ",", ";", ":"))
        or text.startswith((">", "[", "(", "-", "–", "•"))
        or re.search(r"@|https?:|www\.", text)
        or _CAPTION.match(text)
    ):
        return None
    if m := _NUMBERED.fullmatch(text):
        return m.group("label").rstrip("."), m.group("title")
    if text[0].isdigit() or len(text.split()) > 14 or re.search(r"[.!?] |\(.*\d{4}.*\)$", text):
        # An unnumbered heading holds no sentence break and does not end with a citation.
        return None
    if text[0] in "\"“«'‘" or text[0].isupper():
        return "", text
    return None


def is_references_heading(raw: str) -> bool:
    """Whether a block is the heading of the reference list (pt/es/en, any case, maybe numbered)."""
    text = _plain(raw)
    return len(text) <= 60 and _REFERENCES.fullmatch(_fold(text).strip()) is not None


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
        If the text has no recognisable body (nothing after its title and author).

    """
    source = source or seed_id or "<text>"
    blocks = [(m.start(), m.end(), m.group()) for m in _BLOCK.finditer(text)]
    builder = _Builder(seed_id, text)
    warnings: list[IngestWarning] = []

    ref_at = next((i for i in range(len(blocks) - 1, -1, -1) if is_references_heading(blocks[i][2])), None)
    stop = len(blocks) if ref_at is None else ref_at
    first = _body_start(blocks, stop)
    if first is None:
        raise SeedError(
            f"{source}: no body was found after the title and author (no heading such as '1 INTRODUCTION' "
            "or 'Introdução', and no paragraph after the front matter); is this the article text?"
        )
    begin, assumed = first
    if assumed:
        a, b, _ = blocks[begin]
        warnings.append(
            IngestWarning(
                "body-start",
                a,
                b,
                "no heading was found before the body: the body is assumed to start at this block, "
                "the first after the front matter's last blank-line gap, in one untitled section",
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


def _body_start(blocks: list[tuple[int, int, str]], stop: int) -> tuple[int, bool] | None:
    """Index of the body's first block, and whether it was assumed (no heading to go by)."""
    front = max(2, stop * 2 // 5)
    labels = [i for i, (_, _, raw) in enumerate(blocks[:front]) if _LABEL.match(raw.strip())]
    for i in range(stop):
        head = heading_of(blocks[i][2])
        if head and _INTRO.match(_fold(_plain(blocks[i][2]))) and (not labels or i > labels[-1]):
            return i, False
    after = labels[-1] + 1 if labels else 2
    for i in range(after, stop):
        raw = blocks[i][2]
        if heading_of(raw) and not _LABEL.match(raw.strip()):
            following = blocks[i + 1][2] if i + 1 < stop else ""
            if following and heading_of(following) is None and not _LABEL.match(following.strip()):
                return i, False
    # No heading: the body starts after the first gap of two blank lines past the title and author.
    gaps = [j for j in range(after, stop) if blocks[j][0] - blocks[j - 1][1] >= 3]
    if gaps:
        return gaps[0], True
    return (after, True) if after < stop else None


def _front_matter(builder: _Builder, blocks: list[tuple[int, int, str]]) -> dict[str, list[str]]:
    seen: set[str] = set()
    keywords: dict[str, list[str]] = {}
    for n, (start, end, raw) in enumerate(blocks):
        label = _LABEL.match(raw)
        if label and (label.group("colon_tail") is not None or n > 0):
            name = _LABEL_FIELDS[(label.group("label") or label.group("date")).casefold()]
            value_start = start + label.end()
        else:
            value_start = start
            following = blocks[n + 1][2] if n + 1 < len(blocks) else ""
            next_label = _LABEL.match(following)
            next_field = (
                _LABEL_FIELDS[(next_label.group("label") or next_label.group("date")).casefold()] if next_label else ""
            )
            if "title" not in seen:
                name = "title"
            elif "author" not in seen:
                name = "author"
            elif any(k.startswith("keywords") for k in seen) and next_field.startswith("abstract_"):
                name = "title_" + next_field.split("_")[1]
            elif any(k.startswith("keywords") for k in seen) and next_field == "abstract":
                name = "title_en"
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
        lang = _KEYWORD_LANG.get(name)
        if lang:
            keywords[lang] = _keywords(builder, element, value_start, end)
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
