"""Citation groups: the works of one parenthetical, separated by ";" (ABNT) or by other marks.

ABNT separates works and co-authors alike by ";" ("(CARR, 1992; KHEIFETS; KHEIFETS, 1994/95)"),
so a work ends at the segment that carries its year and names before it are its co-authors. A
segment that is not a work is a :class:`Problem`, reported without losing the works around it.
:mod:`histkit.extract.citations` finds the groups in a text and makes the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from histkit.extract.citation_forms import (
    _DATED,
    _IBIDEM,
    _LEAD,
    _NAMES,
    _NOT_AUTHORS,
    _REMARK_ONLY,
    _SPACES,
    _STANDARD,
    _WORK,
    _WORK_HEAD,
    _WORK_NO_COMMA,
    _YEAR_ONLY,
    CLASSICAL_BOOK,
    ISSUE_DATE,
    _pages,
    _split_names,
    _strip_etal,
    _years,
)

# A Roman numeral: a classical work's book ("Heródoto (II, 1999)") unless the list prints it as a name ("LI").
ROMAN = re.compile(r"[IVXLC]{1,6}")


@dataclass(frozen=True)
class Work:
    """One cited work inside a citation group; ``start``/``end`` are offsets into the group content.

    ``form`` is ``parenthetical``, ``narrative`` (names outside the parenthesis) or ``ibidem``
    (ibidem, idem, op. cit.: the work of the citation before); ``role`` is ``cited`` or, in an
    ``apud`` citation, ``original`` (the work quoted) and ``source`` (the work it was read in).
    """

    authors: tuple[str, ...]
    year: str
    year_first: int | None
    year_last: int | None
    pages: str
    page_first: int | None
    page_last: int | None
    start: int
    end: int
    form: str = "parenthetical"
    role: str = "cited"
    # The original's year the citation prints in brackets ("BAKHTIN, 2011 [1979]"): it tells two entries
    # of one author and year apart.
    year_original: str = ""

    @property
    def case(self) -> str:
        """``"upper"`` for NBR 10520:2002 names, ``"mixed"`` for NBR 10520:2023 names."""
        return "upper" if all(_strip_etal(a).isupper() for a in self.authors) else "mixed"


def _works(
    names: tuple[str, ...], years_text: str, pages_text: str | None, start: int, end: int, form: str, role: str
) -> list[Work]:
    years = _years(years_text)
    pages, p1, p2 = _pages(pages_text)
    works = []
    for i, (year, first, last, original) in enumerate(years):
        own = (pages, p1, p2) if i == len(years) - 1 else ("", None, None)
        works.append(Work(names, year, first, last, *own, start=start, end=end, form=form, role=role,
                          year_original=original))
    return works


def _parse_segment(body: str, start: int) -> tuple[list[Work], bool]:
    """Works of one ';'-segment, and whether it holds names only (a co-author awaiting its year)."""
    end = start + len(body)
    if (lead := _LEAD.match(body)) and lead.end() < len(body):
        # "cf. BRAIT, 2006"; but "CP, 1500" is an author named like the abbreviation.
        found, names_only = _parse_segment(body[lead.end() :], start + lead.end())
        if found or names_only:
            return found, names_only
    parts = re.split(r",? apud ", body, flags=re.IGNORECASE)
    if len(parts) == 2:
        first, second = parts
        original = _parse_segment(first, start)[0]
        if not original and _NAMES.fullmatch(first):
            original = [Work(_split_names(first), "", None, None, "", None, None, start, start + len(first))]
        source = _parse_segment(second, end - len(second))[0]
        if original and source:
            return [replace(w, role="original") for w in original] + [replace(w, role="source") for w in source], False
        return [], False
    if m := _IBIDEM.fullmatch(body):
        name = (m.group("name") or "").rstrip(", ")
        pages, p1, p2 = _pages(m.group("pages"))
        return [Work((name,) if name else (), "", None, None, pages, p1, p2, start, end, form="ibidem")], False
    if (book := re.search(r", " + CLASSICAL_BOOK.pattern, body)) and _NAMES.fullmatch(body[: book.start()]):
        # "PLATÃO, IV 3, 2001, p. 45": the book and chapter before the edition's year are read past.
        found, _ = _parse_segment(body[: book.start()] + ", " + body[book.end() :], start)
        if found:
            return [replace(w, start=start, end=end) for w in found], False
    for form in (_WORK, _WORK_NO_COMMA):
        if (m := form.fullmatch(body)) and _NAMES.fullmatch(name := m.group("name").strip()):
            names = _split_names(name)
            if form is _WORK_NO_COMMA and any(_strip_etal(n).casefold() in _NOT_AUTHORS for n in names):
                continue  # "(February 1927)" is a date
            return _works(names, m.group("years"), m.group("pages"), start, end, "parenthetical", "cited"), False
    if m := _STANDARD.fullmatch(body):
        return [replace(w, pages=m.group("code")) for w in _works((m.group("body"),), m.group("years"), None, start,
                                                                   end, "parenthetical", "cited")], False
    dated = _DATED.fullmatch(body)
    name = dated.group("name").strip() if dated else ""
    if dated and "," in name and not _NAMES.fullmatch(name) and re.fullmatch(r"[^,;\d]{2,60}", name.split(",", 1)[1]):
        # "Kaufman, CEO de Accenture, 18/10/2018": who speaks, what they are, the date (as APA 8.9 cites a
        # personal communication); the descriptor is no author.
        name = name.split(",", 1)[0]
    if dated and (m := dated) and _NAMES.fullmatch(name) and len(_split_names(name)) == 1:
        # A newspaper by its issue's date: the printed date is the "year" the entry is found by.
        works = []
        for d in ISSUE_DATE.finditer(m.group("dates")):
            y = d.group("y")
            first = int(y) if len(y) == 4 else (2000 if int(y) < 50 else 1900) + int(y)  # "14/9/16": 2016
            works.append(Work(_split_names(name), d.group(), first, first, "", None, None, start, end))
        return works, False
    if _NAMES.fullmatch(body):
        return [], True
    return [], False


@dataclass(frozen=True)
class Problem:
    """A segment of a citation group that could not be read; offsets into the group content."""

    start: int
    end: int
    text: str
    reason: str = "not a cited work (no name with a year)"


# Why a segment is reported, in the words of the problems table.
REASON_PROSE = "words after the cited work, not a work"
REASON_PROSE_BEFORE = "words before the cited work ('according to', 'segundo'), not a work"
REASON_NO_YEAR = "names with no year after them in the group"
REASON_TAXON = (
    "a species' authority after its italic Latin name (who described it, and when), not a cited work; "
    "the reference list does not print the name"
)
REASON_UNLISTED_DATE = (
    "one name the reference list does not print, with a bare year: a work missing from the list, or a date "
    "(a place, a building, an event); read the passage"
)

# Words that announce a source: "according to Gil (2008)", "segundo Costa (2001)", "de acordo com a tabela de
# Petri (1999)", "según el modelo de Ruiz (2010)"; up to four small words may stand between them and the name.
_CITING_WORDS = re.compile(
    r"\b(?i:according\s+to|as\s+proposed\s+by|following|segundo|conforme|consoante|de\s+acordo\s+com|"
    r"según|de\s+acuerdo\s+con|conforme\s+a)(?:\s+[^\W\d_A-ZÀ-Þ][\w-]*){0,4}\s+$"
)


def after_citing_words(text: str, start: int) -> bool:
    """Whether the name at ``start`` of ``text`` follows words that announce a source ("according to")."""
    return _CITING_WORDS.search(text, max(0, start - 80), start) is not None


# Chicago author-date and CSE separate works by "," when the year follows the name without one
# ("(Queiroz 2009, Kim *et al*. 2018, Souza & Silva 2016)"), and an ABNT list slips the same way
# ("BRASIL, 2005a, 2016, CABRAL, 2017"): after a year, its label or a page, a comma before a
# capital opens the next work, when every piece so cut is a work.
_WORK_BREAK = re.compile(r"(?:(?<=\d)|(?<=\d[a-z]))\s*,\s*(?=[A-ZÀ-Þ])")


# Prose, then a phrase that hands over to a source, then the work: "(as pioneer, according to Do Vale
# *et al*. 2018)", "(dados de 2010, segundo IBGE, 2012)". The last such phrase in the segment.
_HANDOVER = re.compile(
    r"(?:^|,? )(?i:according to|segundo|según|conforme|de acordo com|following|seguindo) (?=[A-ZÀ-Þ])"
)


def _handed_over(raw: str, start: int) -> tuple[list[Work], int]:
    """The work after the last :data:`_HANDOVER` phrase of a segment, and where that phrase starts."""
    last = None
    for last in _HANDOVER.finditer(raw):  # noqa: B007 - the last one is wanted
        pass
    if last is None or last.start() == 0:
        return [], 0
    tail = raw[last.end() :]
    found, _ = _parse_segment(_SPACES.sub(" ", tail), start + last.end())
    return found, last.start()


def _comma_works(raw: str, start: int) -> list[Work]:
    """The works of a segment cut at :data:`_WORK_BREAK`, each with its own span; [] unless all are works."""
    cuts = list(_WORK_BREAK.finditer(raw))
    if not cuts:
        return []
    bounds = [0, *(c.end() for c in cuts)]
    ends = [*(c.start() for c in cuts), len(raw)]
    works: list[Work] = []
    for a, b in zip(bounds, ends, strict=True):
        found, _ = _parse_segment(_SPACES.sub(" ", raw[a:b]), start + a)
        if not found:
            return []
        works.extend(replace(w, end=start + b) if w.role == "cited" and w.form != "ibidem" else w for w in found)
    return works


def read_group(content: str) -> tuple[list[Work], list[Problem]]:
    """Split the content of a parenthetical into cited works and the segments that are not works.

    ABNT separates works and co-authors alike by ";": a work ends at the segment that carries its
    year, so names before it are its co-authors. A segment that is neither is a problem, reported
    without losing the works around it.

    Parameters
    ----------
    content : str
        The text between the parentheses, e.g. ``"CARR, 1992; KHEIFETS; KHEIFETS, 1994/95"``.

    """
    works: list[Work] = []
    problems: list[Problem] = []
    pending: list[tuple[str, int]] = []
    position = 0
    for segment in content.split(";"):
        lead = len(segment) - len(segment.lstrip())
        body = _SPACES.sub(" ", segment.strip())
        raw_body = segment.strip()
        seg_start = position + lead
        position += len(segment) + 1
        found, names_only = _parse_segment(body, seg_start)
        if not found and not names_only and (split := _comma_works(raw_body, seg_start)):
            if pending:
                names = tuple(n for name, _ in pending for n in _split_names(name))
                head = split[0].start
                split = [replace(w, authors=(*names, *w.authors), start=pending[0][1]) if w.start == head else w
                         for w in split]
            works.extend(split)
            pending = []
            continue
        if not found and not names_only:
            handed, cut = _handed_over(raw_body, seg_start)
            if handed:
                prose = raw_body[:cut].rstrip(", ")
                problems.append(Problem(seg_start, seg_start + len(prose), prose, REASON_PROSE_BEFORE))
                works.extend(replace(w, end=seg_start + len(raw_body)) for w in handed)
                pending = []
                continue
        if not found and not names_only and (head := _WORK_HEAD.match(raw_body)):
            # "(FOTION, 2021, sobre a pesquisa “John Searle”)": the work, and the rest reported.
            if found := _parse_segment(head.group(), seg_start)[0]:
                rest = raw_body[head.end() :].lstrip(", ")
                problems.append(Problem(seg_start + len(raw_body) - len(rest), seg_start + len(raw_body), rest,
                                        REASON_PROSE))
                raw_body = head.group()
        if not found and pending and (year_only := _YEAR_ONLY.fullmatch(body)):
            # "FERRÃO et al.; 2001": a ';' typed before the year still gives the names their year.
            years, pages = year_only.group("years"), year_only.group("pages")
            found = _works((), years, pages, seg_start, seg_start + len(body), "parenthetical", "cited")
        if found:
            end = seg_start + len(raw_body)
            if pending:
                names = tuple(n for name, _ in pending for n in _split_names(name))
                found = [replace(w, authors=(*names, *w.authors), start=pending[0][1]) for w in found]
            works.extend(replace(w, end=end) if w.role == "cited" and w.form != "ibidem" else w for w in found)
            pending = []
        elif names_only:
            pending.append((body, seg_start))
        elif raw_body and not _REMARK_ONLY.fullmatch(body):
            # "(HUFF, 2021, p.143; grifo no original)": a remark after ";" is part of the work before.
            problems.append(Problem(seg_start, seg_start + len(raw_body), raw_body))
    for name, at in pending:
        problems.append(Problem(at, at + len(name), name, REASON_NO_YEAR))
    return works, problems


def parse_group(content: str) -> list[Work] | None:
    """Split the content of a parenthetical into cited works, or return None if it is not a citation.

    Parameters
    ----------
    content : str
        The text between the parentheses, e.g. ``"CARR, 1992; KHEIFETS; KHEIFETS, 1994/95"``.

    Returns
    -------
    list of Work or None
        The works, in order; None when no part of the content is a work (so "(CROM)",
        "(1892-1953)" and ordinary prose in parentheses are rejected). Segments that are not
        works are left out here; :func:`read_group` reports them.

    """
    works, _ = read_group(content)
    return works or None
