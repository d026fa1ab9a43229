"""Entries of an ABNT (NBR 6023) reference list parsed into their parts (table ``references``).

Each entry is read from its verbatim text, so ``**bold**`` residue is seen, but bold is only used
where the structure is otherwise ambiguous (the journal of an article); titles are found from the
shape of the entry ("AUTHORS. Title. Place: Publisher, Year."), because the seed sets some titles
in bold, some partly ("Forging Democracy: ..., **1850-2000**") and some not at all.

Forms read, tried in this order:

- ``_____.`` at the start: the same authors as the previous entry (an error on the first entry);
- ``ACRONYM - Archive name. Document. [Call number.] Place, D Month YYYY.``: archival document
  (without the dated document at the end, a corporate author with its acronym);
- ``AUTHORS. Title. In: NAMES [(Org.)]. Book. Place: Publisher, Year. pp. A-B.``: chapter;
- ``AUTHORS. Title. **Journal**, place. vol, n. X, p. A-B, Year.``: article;
- the same without bold, ``Title. Tese (Doutorado em X) – University, Place, Year.`` and ``Act. Summary.
  Diário Oficial da União, Place, D mês Year.``: article, thesis and legislation, read by
  :mod:`histkit.extract.reference_abnt`;
- ``AUTHORS. Title. ARCHIVE, fond ..., file N. Place, D Month YYYY.``: manuscript;
- ``AUTHORS [(ed.)]. Title. Place: Publisher, Year.``: book (``memoir`` when the title says so).

Authors not in ABNT person form (corporate authors and their acronyms, title entries, APA names)
are read by :mod:`histkit.extract.reference_names`; years by :mod:`histkit.extract.reference_forms`;
what follows an APA "(Year)." by :mod:`histkit.extract.reference_apa`.

To read a new form: add a pattern and a branch in :func:`parse_entry`, a case in
``tests/extract/test_references.py``, and name the NBR 6023 rule it follows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import astuple, dataclass, field

import pandas as pd

from histkit.core.errors import SeedError
from histkit.extract.date_values import last_year
from histkit.extract.reference_abnt import issue_date, issue_place, numbering, title_and_year, worded_body
from histkit.extract.reference_apa import apa_body, clean
from histkit.extract.reference_edition import title_notes
from histkit.extract.reference_forms import _YEAR, _offline, entry_years, imprint_year, original_year, year_span
from histkit.extract.reference_host import HOST, chapter_host
from histkit.extract.reference_names import (
    APA,
    BODY_YEAR,
    CSE_BODY,
    MIXED_NAMES,
    NAME_YEAR,
    NAMES,
    Name,
    lead_names,
    mixed_persons,
    persons,
)
from histkit.extract.reference_online import online_part
from histkit.extract.title_language import detect_language as detect_language  # re-exported for callers
from histkit.text.ingest import Article

MONTHS = {m: i for i, m in enumerate("January February March April May June July August September October November "
                                     "December".split(), 1)}

_REPEAT = re.compile(r"_{3,}\. *(?P<rest>.+)$")
_ARCHIVE = re.compile(r"(?P<acronym>[A-ZÀ-Þ]{2,}) +[-–—] +(?P<archive>[^.]+)\. +(?P<rest>.+)$")
_DATE = r"(?P<date>(?:(?P<day>\d{1,2}) )?(?:(?P<month>[A-Z][a-z]+) )?" + _YEAR + r")"
# "Place: Publisher, Year." with an optional chapter's "pp. A-B." after it. A place may hold the
# periods of initials ("Ithaca, N. Y."), never a sentence's period. Places, call numbers and locations
# are bounded in length, so that each candidate title end costs a bounded scan: a long run of initials
# ("A. A. A. ...") is read in linear time.
_IMPRINT = re.compile(
    r"(?P<title>.+?)\. +(?P<place>(?:[^.:]|(?<=\b[A-ZÀ-Þ])\.){1,120}?): +(?P<publisher>[^:]+?), *"  # "Senado,1988."
    + r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]{0,6}\.? +(?:\d{1,2},? +)?)?"  # "Dec. 2023"
    + _YEAR
    + r"\.(?: +pp?\. ?(?P<pages>\d+[-–]\d+)\.?)?$"
)
# The journal set in bold (the seed) or in italics (SciELO's markdown), its comma inside or after.
_ARTICLE_BOLD = re.compile(r"(?P<title>[^*]+?)(?:\.|(?<=\?)) +\*\*?(?P<container>[^*]+?),?\*\*?,? *(?P<tail>.+)$")
_ARTICLE_TAIL = re.compile(r"(?P<head>.*?),? +" + _DATE + r"\.$")
# A newspaper's section after the issue's date, as ABNT lists print it ("*El Cronista*, 20 abr. 2017a. Economia y
# política."): words with no digit, read only where the date has its day and month.
_NEWS_TAIL = re.compile(r"(?P<head>.*?),? +" + _DATE + r"\. +(?P<section>[A-ZÀ-Þ][^.\d]{0,80}?)\.$")
_ARCHIVAL_TAIL = re.compile(
    r"(?P<title>.+?)\.(?: +(?P<location>.{1,300}?)\.)? +(?P<place>[A-ZÀ-Þ][^.]{0,120}?), +" + _DATE + r"\.$"
)
_ARCHIVE_NAME = re.compile(r"\b(?:Arch|Arqu|Acervo|Fond|Hemeroteca|Collection|Colecci|Cole[çc]|Papers)", re.I)
_CALL_NUMBER = re.compile(r"\b(?:fond|fondo|file|reel|box|folder|leg|exp|caja|carpeta)\b", re.IGNORECASE)
_IN = re.compile(r"(?P<title>.+?)\. +In ?: +(?P<host>.+)$")
# "v. 2, n. 20"; "v 2, n. 20" with the volume's full stop left out (bak-p59099), whose "v" is no place
_VOLUME = re.compile(r"(?:^|[ .,])(?:v(?:\. ?| (?=\d)))?(?P<volume>[IVXLC]+|\d+), n\. ?(?P<issue>[\w/]+)")
_PAGES = re.compile(r"\bpp?\. ?(?P<pages>\d+[-–]\d+)")
_YEAR_LAST = re.compile(r"\. +\d{4}[a-z]?$")
# The note of an entry no form reads: its title holds the rest of the entry, imprint and all.
WHOLE_ENTRY = "no imprint ('Place: Publisher, Year.') found; title is the whole entry"
_MEMOIR = re.compile(r"\b(?:memoirs?|memorias|mémoires|wspomnienia|vospominaniia)\b", re.IGNORECASE)

class ReferenceListError(SeedError):
    """A reference list entry cannot be read (e.g. ``_____.`` with no previous entry)."""


@dataclass
class Reference:
    """One parsed entry of the reference list."""

    ref_id: str
    number: int
    kind: str = "book"
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    repeated: bool = False
    year: str = ""
    year_first: int | None = None
    year_last: int | None = None
    date: str = ""
    title: str = ""
    container: str = ""
    container_editors: tuple[Name, ...] = ()
    container_authors: tuple[Name, ...] = ()
    volume: str = ""
    issue: str = ""
    issue_printed: bool = False  # printed with its label ("n. 46"): an issue, never read as a volume
    pages: str = ""
    place: str = ""
    publisher: str = ""
    genre: str = ""  # a thesis's type and degree as printed: "Tese (Doutorado em Educação)"
    edition: str = ""  # the edition's number, "2" for "2. ed." (reference_edition)
    responsibility: str = ""  # translators, organisers after a book's title: "Tradução de Paulo Bezerra"
    section: str = ""  # a newspaper's section after the issue's date: "Economia y política"
    archive: str = ""
    archive_acronym: str = ""
    archive_location: str = ""
    acronym: str = ""
    language: str = "und"
    years: tuple[int, ...] = ()
    # The original's year when the entry cites a later edition or translation ("[1929]", "1975 (Trad. ..., 1987)").
    original_year: str = ""
    et_al: bool = False  # the names close with "et al.": more authors than the entry prints
    url: str = ""  # the online part (reference_online): the first link not a DOI's, as printed
    doi: str = ""  # bare, "10.1590/..."
    accessed: str = ""  # the access date as printed, "09 jan. 2023"
    accessed_date: str = ""  # its ISO 8601 value where it can be read
    start: int = 0
    end: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The name an author-date citation uses: family names joined by "; ", or the archive acronym."""
        names = self.authors or self.editors
        if names:
            return "; ".join(n.family for n in names)
        return self.archive_acronym


def _set_date(ref: Reference, m: re.Match[str]) -> None:
    ref.year_first, ref.year_last, paired = year_span(int(m.group("y1")), m.group("y2"), last_year)
    # "2011/1979": the edition's year and the original's; the citation gives the first.
    ref.year = m.group("y1") + (m.group("label") or "") if paired else m.group("year")
    groups = m.groupdict()
    month = MONTHS.get(groups.get("month") or "")
    if month and groups.get("day"):
        ref.date = f"{ref.year_first:04d}-{month:02d}-{int(groups['day']):02d}"
    elif month:
        ref.date = f"{ref.year_first:04d}-{month:02d}"


def _dated_document(rest: str) -> re.Match[str] | None:
    """The "Document. [Call number.] Place, D Month YYYY." of an archival entry, if it has one."""
    tail = _ARCHIVAL_TAIL.fullmatch(clean(rest))
    return tail if tail and tail.group("month") in MONTHS else None


def _parse_article_tail(ref: Reference, tail: str) -> bool:
    m = _ARTICLE_TAIL.fullmatch(tail) or _NEWS_TAIL.fullmatch(tail)
    if not m:
        return False
    _set_date(ref, m)
    head = m.group("head")
    if vol := _VOLUME.search(head):
        ref.volume, ref.issue = vol.group("volume"), vol.group("issue")
        head = head[: vol.start()]
    elif (found := numbering(head))[0]:  # "v. 25, p. 1-24", "n. 28": a volume or an issue alone
        ref.volume, ref.issue = found[0].get("volume", ""), found[0].get("issue", "")
        ref.issue_printed = bool(ref.issue)
        head = head[: found[1]]
    if pages := _PAGES.search(m.group("head")):
        ref.pages = pages.group("pages").replace("–", "-")
        head = head[: pages.start()] if pages.start() < len(head) else head
    ref.date = ref.date or issue_date(head, ref.year_first)  # "20 abr.", "Aug. 31": the issue's day and month
    ref.place = issue_place(head)
    if section := m.groupdict().get("section"):
        ref.section = section  # a newspaper's: its issue has a day ("31 mayo, 2018. Política.")
        return len(ref.date) == len("2018-05-31")
    return True


def parse_entry(raw: str, ref_id: str, number: int, previous: Reference | None = None) -> Reference:
    """Parse one verbatim reference entry.

    Parameters
    ----------
    raw : str
        The verbatim entry, markdown residue included.
    ref_id, number : str, int
        Identifier and position of the entry in the list.
    previous : Reference, optional
        The entry before, whose authors ``_____.`` repeats.

    Raises
    ------
    ReferenceListError
        If the entry starts with ``_____.`` and there is no previous entry.

    """
    ref = Reference(ref_id=ref_id, number=number)
    ref.years = entry_years(clean(raw))
    ref.url, ref.doi, ref.accessed, ref.accessed_date = astuple(online_part(raw))
    rest = raw.strip()
    if (offline := _offline(rest)) != rest:
        rest = offline.rstrip(" .,;:<") + "."
    if m := _REPEAT.match(rest):
        if previous is None:
            raise ReferenceListError(
                f"reference entry {number} starts with '_____.' (same author as the entry above), "
                "but it is the first entry; write the author's name in full"
            )
        ref.authors, ref.editors, ref.repeated = previous.authors, previous.editors, True
        rest = m.group("rest")
    elif (m := _ARCHIVE.match(rest)) and (
        (tail := _dated_document(m.group("rest"))) or _ARCHIVE_NAME.search(m.group("archive"))
    ):
        # "ACRONYM - Archive. Document. Place, D Month YYYY.": with neither the dated document at
        # the end nor an archive's name ("NBS – National Bureau of Statistics. Title. Place:
        # Publisher, Year.") it is a corporate author with its acronym, read below.
        ref.kind = "archival document"
        ref.archive_acronym, ref.archive = m.group("acronym"), clean(m.group("archive"))
        if tail:
            _set_date(ref, tail)
            ref.title, ref.place = tail.group("title"), tail.group("place")
            ref.archive_location = tail.group("location") or ""
        else:
            ref.title = clean(m.group("rest"))
            ref.notes.append("no 'Place, D Month YYYY.' at the end of the archival entry")
        ref.language = _language(ref)
        return ref
    elif m := NAMES.match(rest):
        names = persons(m.group("names"))
        if m.group("role"):
            ref.editors = names
        else:
            ref.authors = names
        rest, ref.et_al = m.group("rest"), m.group("etal") is not None
    elif m := NAME_YEAR.match(rest):
        # CSE name-year: "Ghizoni-Jr., I.R. & Azevedo, M.A.G. 2006. Title."
        ref.authors, ref.year, rest = mixed_persons(m.group("names")), m.group("year"), m.group("rest")
        ref.year_first = ref.year_last = int(ref.year[:4])
    elif not APA.match(rest) and (m := MIXED_NAMES.match(rest)) and (names := mixed_persons(m.group("names"))):
        # ABNT in mixed case: "Souza, M. A.; Lima, R. C. B. Title. Place: Publisher, Year."
        ref.authors, rest, ref.et_al = names, m.group("rest"), m.group("etal") is not None
    else:
        names, rest_after, ref.acronym = lead_names(rest)
        if names:
            ref.authors = names
            ref.notes.append("authors read without ABNT person form (corporate, title or APA lead)")
            if apa := APA.match(rest) or CSE_BODY.match(rest) or BODY_YEAR.match(rest_after):
                if apa.group("role"):
                    ref.authors, ref.editors = (), names
                ref.year = apa.group("year")
                ref.year_first = ref.year_last = int(ref.year[:4]) if ref.year[0].isdigit() else None
            # A title entry ("A HORAS de aprobarse ...", NBR 6023 8.1.1.6): the title starts at the lead. The
            # capitals run into the title in lower case, or into its colon ("MACRI: “Ajustar el Estado ...”"):
            # a body ends with a full stop.
            title_entry = not apa and not ref.acronym and (rest_after[:1].islower() or rest_after[:1] == ":")
            rest = apa.group("rest") if apa else rest if title_entry else rest_after
        else:
            ref.notes.append("no author in ABNT form (FAMILY, Given.) at the start")

    year_before = ref.year
    _parse_body(ref, rest)
    if ref.kind == "chapter" and not ref.container:  # its book not read: the whole text, no "In:" with nothing after
        ref.title, ref.pages, ref.place, ref.publisher, ref.notes = clean(rest), "", "", "", [*ref.notes, WHOLE_ENTRY]
    if year_before and ref.year != year_before:
        ref.year, ref.year_first, ref.year_last = year_before, int(year_before[:4]), int(year_before[:4])
    if not ref.year and (year := imprint_year(rest)):
        # A form the parser does not know (a chapter with "(Ed.)", a report): the imprint year.
        _set_date(ref, year)
        ref.notes.append("year read as the last year outside brackets and the online part")
    part = "title" if ref.kind in ("book", "memoir") else "container" if ref.kind == "chapter" else ""
    if part and WHOLE_ENTRY not in ref.notes:  # translators and edition after a book's title
        text, ref.responsibility, ref.edition = title_notes(getattr(ref, part))
        setattr(ref, part, text)
    ref.original_year = original_year(clean(raw), ref.year_first)
    # "*El cambio y la impostura* . Buenos Aires": the space before the full stop is the markup's, not the title's
    ref.title, ref.container = ref.title.strip(), ref.container.strip()
    ref.language = _language(ref)
    return ref


def _language(ref: Reference) -> str:
    """The language of the work: its title read with the journal, place and publisher of the edition.

    A title alone is often too short to tell ("Mao: The Unknown Story", "Comintern in Asia, 1919-39");
    the imprint is in the edition's language. An archival document is read by its title alone: its place
    is where it was written, and the archive's name is in the archive's language.
    """
    if ref.kind in ("archival document", "manuscript"):
        return detect_language(ref.title)
    return detect_language(" ".join(p for p in (ref.title, ref.container, ref.place, ref.publisher) if p))


def _parse_body(ref: Reference, rest: str) -> None:
    """Fill title, container, imprint and kind from what follows the authors."""
    if ref.year and (apa := apa_body(rest)):  # after an APA "(Year).", which ABNT puts last
        for name, value in apa.items():
            setattr(ref, name, value)
        if ref.kind == "book" and _MEMOIR.search(ref.title):
            ref.kind = "memoir"
        return
    if m := _IN.fullmatch(clean(rest)):
        ref.kind, ref.title = "chapter", m.group("title")
        host = m.group("host")
        if hm := NAMES.match(host):
            # The book's editors where "(Org.)"/"(ed.)" says so; "In: McDERMOTT, K.; AGNEW, J.": its authors
            people = persons(hm.group("names"))
            ref.container_editors, ref.container_authors = (people, ()) if hm.group("role") else ((), people)
            host = hm.group("rest")
        if im := _IMPRINT.fullmatch(host):
            ref.container, ref.place, ref.publisher = (
                im.group("title"),
                im.group("place"),
                im.group("publisher"),
            )
            ref.pages = (im.group("pages") or "").replace("–", "-")
            _set_date(ref, im)
        elif h := HOST.search(rest):  # not ABNT's "Book. Place: Publisher, Year.": APA, CSE and other hosts
            for name, value in chapter_host(rest[h.end() :]).items():
                setattr(ref, name, value)
        return
    # A "title" whose last sentence is a year ("年全国农民工监测调查报告. 2012. *Annual report ...*") is no article's.
    if (m := _ARTICLE_BOLD.fullmatch(rest)) and not _IMPRINT.fullmatch(clean(rest)) and not _YEAR_LAST.search(m[1]):
        candidate = Reference(ref.ref_id, ref.number)
        if _parse_article_tail(candidate, clean(m.group("tail"))):
            ref.kind, ref.title = "article", clean(m.group("title"))
            container = clean(m.group("container"))
            # "**Survey 55**": the number set in bold with the journal's name is its issue.
            # A daily's issue is its date: its number is its name's ("*Página 12*, Argentina, 3 sep. 2017.").
            if (num := re.fullmatch(r"(.+?) (\d+)", container)) and not candidate.issue and not candidate.section:
                container, candidate.issue = num.group(1), num.group(2)
            ref.container = container
            parts = ("year", "year_first", "year_last", "date", "volume", "issue", "issue_printed", "pages", "place",
                     "section")
            for name in parts:
                setattr(ref, name, getattr(candidate, name))
            return
    text = clean(rest)
    # Without bold, a periodical's numbering, an academic work's type or a gazette says what the entry is.
    if found := worded_body(text, m.group("publisher") if (m := _IMPRINT.fullmatch(text)) else None):
        for name, value in found[0].items():
            setattr(ref, name, value)
        ref.issue_printed = bool(ref.issue)  # "n. 46"
        _set_date(ref, found[1])
        return
    if (m := _ARCHIVAL_TAIL.fullmatch(text)) and _CALL_NUMBER.search(m.group("location") or ""):
        ref.kind, ref.title = "manuscript", m.group("title")
        location = m.group("location")
        archive = re.match(r"(?P<archive>[A-ZÀ-Þ]{2,}), *(?P<rest>.+)", location)
        if archive:
            ref.archive, ref.archive_acronym = archive.group("archive"), archive.group("archive")
            location = archive.group("rest")
        ref.archive_location, ref.place = location, m.group("place")
        _set_date(ref, m)
        return
    if m := _IMPRINT.fullmatch(text):
        ref.title, ref.place, ref.publisher = m.group("title"), m.group("place"), m.group("publisher")
        _set_date(ref, m)
        ref.kind = "memoir" if _MEMOIR.search(ref.title) else "book"
        return
    if found := title_and_year(text):
        ref.title = found[0]["title"]
        ref.notes.append("no imprint: the title and the year only")
        _set_date(ref, found[1])
        return
    ref.title = text
    ref.notes.append(WHOLE_ENTRY)
    if not ref.year and (year := imprint_year(text)):
        _set_date(ref, year)


def parse_references(entries: Sequence[str], source: str = "") -> list[Reference]:
    """Parse a list of verbatim entries, resolving ``_____.`` to the previous entry's authors.

    Parameters
    ----------
    entries : sequence of str
        The verbatim entries, in list order.
    source : str
        The file the list comes from, for messages.

    """
    refs: list[Reference] = []
    for n, raw in enumerate(entries, start=1):
        try:
            refs.append(parse_entry(raw, f"ref{n:02d}", n, refs[-1] if refs else None))
        except ReferenceListError as err:
            raise ReferenceListError(f"{source or '<references>'}: {err}") from None
    return refs


def article_references(article: Article) -> list[Reference]:
    """Parse the reference list of an article, keeping the span of each entry."""
    elements = article.references
    if not elements:
        heading = next((s.title for s in article.sections if s.is_references), None)  # none: say so (issue 21)
        raise ReferenceListError(f"{article.seed_id}: the article has no reference entries under its {heading} heading"
                                 if heading else f"{article.seed_id}: the article has no reference list (no heading "
                                 "such as REFERENCES, REFERÊNCIAS or BIBLIOGRAPHY); its citations match no work")
    raws = [article.text[e.start : e.end] for e in elements]
    try:
        refs = parse_references(raws, article.seed_id)
    except ReferenceListError as err:
        line = article.line_of(elements[0].start)
        raise ReferenceListError(f"{err} (line {line})") from None
    for ref, element in zip(refs, elements, strict=True):
        ref.ref_id = element.element_id
        ref.start, ref.end = element.start, element.end
    return refs


COLUMNS = [
    "seed", "ref_id", "number", "key", "authors", "editors", "repeated", "year", "year_first", "year_last", "date",
    "title", "container", "container_editors", "container_authors", "volume", "issue", "pages", "place", "publisher",
    "genre", "edition", "responsibility", "section", "archive", "archive_acronym", "archive_location", "acronym",
    "kind", "original_year", "url", "doi", "accessed", "accessed_date", "language", "notes", "line", "start", "end",
    "quote",
]


def references_table(article: Article, refs: Sequence[Reference] | None = None) -> pd.DataFrame:
    """One row per entry of the reference list (names joined by "; ", each "FAMILY, Given")."""
    refs = article_references(article) if refs is None else refs
    names = ("authors", "editors", "container_editors", "container_authors")

    def row(r: Reference) -> dict[str, object]:
        given = {"seed": article.seed_id, "key": r.key, "notes": "; ".join(r.notes), "line": article.line_of(r.start),
                 "quote": article.text[r.start : r.end]}
        return {c: given[c] if c in given else "; ".join(str(n) for n in getattr(r, c)) if c in names
                else getattr(r, c) for c in COLUMNS}

    frame = pd.DataFrame([row(r) for r in refs], columns=COLUMNS)
    return frame.astype({"year_first": "Int64", "year_last": "Int64"})
