r"""In-text citations in ABNT author-date form, one row per cited work (table ``citations``).

A citation group is a parenthetical made only of cited works separated by ";", each work being
``AUTHOR[; AUTHOR...], YEAR[, p. PAGES]``: "(BARTRA, 1986, p. 320)", "(CARR, 1992; KHEIFETS;
KHEIFETS, 1994/95)". ABNT also separates co-authors by ";", so a work ends at the segment that
carries its year. Both the upper-case form of NBR 10520:2002 ("BARTRA") and the mixed-case form of
NBR 10520:2023 ("Bartra") are accepted. A parenthetical that is not wholly made of such works
("(1892-1953)", "(ed.)", "(US\\$25,000)", "(CROM)", a sentence) is not a citation.

Offsets come from the verbatim pieces of each element, so every row keeps provenance.

To accept a new citation form: extend :data:`_NAME`, :data:`_WORK` or :data:`_PAGES`, add a case to
the parametrized lists in ``tests/extract/test_citations.py``, and say which standard uses the form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from histkit.core.errors import ParameterError
from histkit.extract.date_phrases import last_year
from histkit.text.ingest import Article

# A family name: upper case ("KHEIFETS", "GÓMEZ", "D'ARCY") or mixed case ("Bartra", "McDermott").
_UPPER = r"[A-ZÀ-Þ][A-ZÀ-Þ'’\-]*[A-ZÀ-Þ](?: [A-ZÀ-Þ][A-ZÀ-Þ'’\-]*[A-ZÀ-Þ])*"
_MIXED = r"[A-ZÀ-Þ][a-zß-ÿ]*(?:['’\-]?[A-ZÀ-Þ]?[a-zß-ÿ]+)+(?: (?:de|da|do|del|van|von) [A-ZÀ-Þ][a-zß-ÿ]+)?"
_NAME = rf"(?:{_UPPER}|{_MIXED})(?: et al\.)?"
_YEAR = r"(?P<year>(?P<y1>1[5-9]\d\d|20\d\d)(?:/(?P<y2>\d{2}|\d{4}))?(?P<suffix>[a-z])?)"
_PAGES = r"(?P<pages>(?:p|pp)\. ?(?P<p1>\d+)(?:[-–](?P<p2>\d+))?)"
_WORK = re.compile(rf"(?P<name>{_NAME}), {_YEAR}(?:, {_PAGES})?")
_AUTHOR_ONLY = re.compile(_NAME)
_PAREN = re.compile(r"\(([^()\n]*)\)")

DEFAULT_STAGE_SECTIONS: tuple[int, ...] = (2, 3, 4)

COLUMNS = [
    "seed",
    "citation_id",
    "group",
    "position",
    "authors",
    "year",
    "year_first",
    "year_last",
    "pages",
    "page_first",
    "page_last",
    "case",
    "element_id",
    "element_kind",
    "section",
    "stage",
    "line",
    "group_start",
    "group_end",
    "group_quote",
    "start",
    "end",
    "quote",
]


@dataclass(frozen=True)
class Work:
    """One cited work inside a citation group; ``start``/``end`` are offsets into the group content."""

    authors: tuple[str, ...]
    year: str
    year_first: int
    year_last: int
    pages: str
    page_first: int | None
    page_last: int | None
    start: int
    end: int

    @property
    def case(self) -> str:
        """``"upper"`` for NBR 10520:2002 names, ``"mixed"`` for NBR 10520:2023 names."""
        return "upper" if all(a.replace(" et al.", "").isupper() for a in self.authors) else "mixed"


def parse_group(content: str) -> list[Work] | None:
    """Split the content of a parenthetical into cited works, or return None if it is not a citation.

    Parameters
    ----------
    content : str
        The text between the parentheses, e.g. ``"CARR, 1992; KHEIFETS; KHEIFETS, 1994/95"``.

    Returns
    -------
    list of Work or None
        The works, in order; None when any part of the content is not an author or a work
        (so "(CROM)", "(1892-1953)" and ordinary prose in parentheses are rejected).

    """
    works: list[Work] = []
    pending: list[tuple[str, int]] = []  # co-authors seen before the segment with the year
    position = 0
    segments = content.split(";")
    for segment in segments:
        lead = len(segment) - len(segment.lstrip())
        body = segment.strip()
        seg_start = position + lead
        position += len(segment) + 1
        work = _WORK.fullmatch(body)
        if work:
            first = int(work.group("y1"))
            start = pending[0][1] if pending else seg_start
            p1, p2 = work.group("p1"), work.group("p2")
            works.append(
                Work(
                    authors=(*[name for name, _ in pending], work.group("name")),
                    year=work.group("year"),
                    year_first=first,
                    year_last=last_year(first, work.group("y2")),
                    pages=(f"{p1}-{p2}" if p2 else p1) if p1 else "",
                    page_first=int(p1) if p1 else None,
                    page_last=int(p2 or p1) if p1 else None,
                    start=start,
                    end=seg_start + len(body),
                )
            )
            pending = []
        elif _AUTHOR_ONLY.fullmatch(body):
            pending.append((body, seg_start))
        else:
            return None
    if pending or not works:
        # A trailing author without a year ("(SMITH; JONES)") or no work at all is not a citation.
        return None
    return works


@dataclass(frozen=True)
class Group:
    """A citation group found in a text: its span (parentheses included) and its works."""

    start: int
    end: int
    works: list[Work]

    @property
    def content_start(self) -> int:
        """Offset of the first character inside the parentheses."""
        return self.start + 1


def find_groups(text: str, offset: int = 0) -> list[Group]:
    """Find every citation group in ``text``; spans are shifted by ``offset``.

    Parameters
    ----------
    text : str
        A verbatim piece of the article.
    offset : int
        Offset of ``text`` in the article, added to every span.

    """
    groups = []
    for m in _PAREN.finditer(text):
        works = parse_group(m.group(1))
        if works is not None:
            groups.append(Group(offset + m.start(), offset + m.end(), works))
    return groups


def stage_of(section: int | None, stage_sections: Sequence[int] = DEFAULT_STAGE_SECTIONS) -> int | None:
    """Return the stage (1, 2, 3, ...) of a section, or None when the section is not a stage.

    ``stage_sections[i]`` is the section that tells stage ``i + 1``.
    """
    if section is None or section not in stage_sections:
        return None
    return list(stage_sections).index(section) + 1


def check_stage_sections(stage_sections: object) -> tuple[int, ...]:
    """Check the ``stage_sections`` parameter: a list of distinct section numbers."""
    if not isinstance(stage_sections, list | tuple) or not all(
        isinstance(s, int) and not isinstance(s, bool) for s in stage_sections
    ):
        raise ParameterError(
            f"parameter 'stage_sections' must be a list of section numbers, e.g. [2, 3, 4]; "
            f"got {stage_sections!r}"
        )
    if len(set(stage_sections)) != len(stage_sections):
        raise ParameterError(f"parameter 'stage_sections' names a section twice: {list(stage_sections)!r}")
    return tuple(stage_sections)


def fold(name: str) -> str:
    """Case- and accent-folded form of a name: ``"Gómez"`` and ``"GÓMEZ"`` -> ``"gomez"``."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def citations_table(article: Article, stage_sections: Sequence[int] = DEFAULT_STAGE_SECTIONS) -> pd.DataFrame:
    """One row per cited work of every citation group in the body and the footnotes.

    Parameters
    ----------
    article : Article
        The ingested article.
    stage_sections : sequence of int
        The sections that tell the stages, in order (default 2, 3, 4 -> stages 1, 2, 3).

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`; ``quote`` is the verbatim text of the work inside its group
        (e.g. ``"KHEIFETS; KHEIFETS, 1994/95"``), ``group_quote`` the whole parenthetical.

    """
    stage_sections = check_stage_sections(list(stage_sections))
    rows = []
    elements = sorted(article.of_kind("paragraph", "blockquote", "footnote"), key=lambda e: e.start)
    found: list[tuple[Group, object]] = []
    for element in elements:
        for a, b in element.pieces:
            found.extend((g, element) for g in find_groups(article.text[a:b], a))
    found.sort(key=lambda ge: ge[0].start)
    for n, (group, element) in enumerate(found, start=1):
        for position, work in enumerate(group.works, start=1):
            start = group.content_start + work.start
            end = group.content_start + work.end
            rows.append(
                {
                    "seed": article.seed_id,
                    "group": f"g{n:02d}",
                    "position": position,
                    "authors": "; ".join(work.authors),
                    "year": work.year,
                    "year_first": work.year_first,
                    "year_last": work.year_last,
                    "pages": work.pages,
                    "page_first": work.page_first,
                    "page_last": work.page_last,
                    "case": work.case,
                    "element_id": element.element_id,  # type: ignore[attr-defined]
                    "element_kind": element.kind,  # type: ignore[attr-defined]
                    "section": element.section,  # type: ignore[attr-defined]
                    "stage": stage_of(element.section, stage_sections),  # type: ignore[attr-defined]
                    "line": article.line_of(group.start),
                    "group_start": group.start,
                    "group_end": group.end,
                    "group_quote": article.text[group.start : group.end],
                    "start": start,
                    "end": end,
                    "quote": article.text[start:end],
                }
            )
    frame = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "citation_id"])
    frame.insert(1, "citation_id", [f"c{i:02d}" for i in range(1, len(frame) + 1)])
    for column in ("page_first", "page_last", "section", "stage"):
        frame[column] = frame[column].astype("Int64")
    return frame
