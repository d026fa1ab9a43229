"""The ingested article: its elements, sections, repairs and warnings, with spans into the verbatim text.

:func:`histkit.text.ingest.parse_article` builds an :class:`Article`; everything here is data.
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
from histkit.file.blocks import REASONS as CONVERSION_REASONS
from histkit.text.seed import inside

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")

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
    # Repairs made while converting the file as received (PDF, DOCX, ...) into article.txt (conversion.tsv).
    **CONVERSION_REASONS,
}

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
        folder = self.folder if self.folder is not None else resolve_seed_dir(self.seed_id)
        return inside(folder, folder / name)

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


# English month names, as a note on the article prints its dates ("Article received on January 30, 2024").
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
_MONTH = "|".join(MONTH_NAMES)
_WORDED = re.compile(rf"(?i:(?P<m1>{_MONTH}) (?P<d1>\d{{1,2}}), |(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH}) )(?P<year>\d{{4}})")


def _front_date(article: Article, name: str) -> date | None:
    element = article.front.get(name)
    if element is None:
        return None
    where = f"{article.source}:{article.line_of(element.start)}"
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", element.text.strip())
    worded = _WORDED.fullmatch(element.text.strip())
    if worded:
        month = MONTH_NAMES.index((worded["m1"] or worded["m2"]).lower()) + 1
        day, year = int(worded["d1"] or worded["d2"]), int(worded["year"])
    elif not match:
        raise SeedError(f"{where}: {name} date {element.text!r} is not DD/MM/YYYY; check the front matter")
    else:
        day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError as err:
        raise SeedError(f"{where}: {name} date {element.text!r} is not a calendar date ({err})") from None


