r"""In-text citations in author-date form (ABNT, APA, Chicago), one row per cited work (table ``citations``).

A group is a parenthetical of works separated by ";" ("(CARR, 1992; KHEIFETS; KHEIFETS, 1994/95)": ABNT also
separates co-authors by ";", so a work ends at the segment with its year); a narrative citation names the
authors before the parenthesis ("Alonso (1998, p. 188)"); in notes and parenthetical remarks a bare "Grice, 1975,
p.48" counts. A parenthetical with no work in it ("(1892-1953)", "(CROM)", a sentence) is not a citation; a
segment that is not a work is reported (:func:`citation_problems`) without losing the others. Offsets come from
the verbatim pieces.

To accept a new form: extend :mod:`histkit.extract.citation_forms` and add a case from two corpus
articles (or a tiny fixture) to ``tests/extract/test_citations.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from histkit.extract.citation_blockquotes import quoted_after_lead_in
from histkit.extract.citation_forms import (
    _BARE,
    _CONNECTOR,
    _NARRATIVE,
    _NOT_AUTHORS,
    _PAREN,
    _PARTICLE,
    _POSSESSIVE,
    _REMARK_ONLY,
    _SPACES,
    _TAXON_BEFORE,
    _TITLED,
    _YEAR_ONLY,
    CLASSICAL_BOOK,
    _split_names,
    _strip_etal,
    fold,
    narrative_windows,
)
from histkit.extract.citation_groups import (
    REASON_TAXON,
    REASON_UNLISTED_DATE,
    ROMAN,
    Problem,
    Work,
    _works,
    after_citing_words,
    read_group,
)
from histkit.extract.citation_groups import parse_group as parse_group  # re-exported: callers read groups here
from histkit.extract.citation_names import listed_names, names_listed, trim_to_listed
from histkit.extract.citation_sources import REASON_SOURCE, unlisted_source
from histkit.extract.list_clues import ListClues, list_clues, vouched_groups
from histkit.extract.name_particles import PARTICLE_WORDS
from histkit.extract.stages import check_stage_sections, curated_stage_sections, stage_of
from histkit.text.ingest import Article, Element

COLUMNS = [
    "seed",
    "citation_id",
    "group",
    "position",
    "authors",
    "year",
    "year_first",
    "year_last",
    "year_original",
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
    "form",
    "role",
]

FORMS = ("parenthetical", "narrative", "bare", "ibidem")


@dataclass(frozen=True)
class Group:
    """A citation group found in a text: its span (parentheses included) and its works.

    For a narrative citation the span runs from the first name to the closing parenthesis and
    ``content_start`` is the offset the works' offsets count from.
    """

    start: int
    end: int
    works: list[Work]
    problems: list[Problem] = field(default_factory=list)
    content_offset: int = 1

    @property
    def content_start(self) -> int:
        """Offset the works' ``start``/``end`` count from (the first character inside the parentheses)."""
        return self.start + self.content_offset


def _name_starts(names_text: str) -> list[int]:
    """Where each name of :func:`_split_names` starts in ``names_text``."""
    starts, position = [], 0
    for connector in re.finditer(_CONNECTOR, names_text):
        if connector.start() > position:
            starts.append(position)
        position = connector.end()
    if position < len(names_text):
        starts.append(position)
    return starts


def _narrative(
    m: re.Match[str], offset: int, form: str = "narrative", listed: frozenset[str] = frozenset()
) -> Group | None:
    inner = m.group("inner")
    body, *rest = inner.split(";")
    plain = _SPACES.sub(" ", body.strip())
    # "Heródoto (II, 1999, p. 12)": a classical work's book before the edition's year.
    y = _YEAR_ONLY.fullmatch(plain) or _YEAR_ONLY.fullmatch(CLASSICAL_BOOK.sub("", plain, count=1))
    if not y:
        return None
    # After ";": a remark belongs to the work ("Huff (2021, p.134; grifo no original)"), more years
    # are more works, anything else is reported ("NBS (2013, 2024; China Labor Statistical
    # Yearbook, several editions)").
    more: list[tuple[re.Match[str], int]] = []
    odd: list[tuple[int, str]] = []
    at = m.start("inner") + len(body) + 1
    for segment in rest:
        text = _SPACES.sub(" ", segment.strip())
        lead = at + len(segment) - len(segment.lstrip())
        if year := _YEAR_ONLY.fullmatch(text):
            more.append((year, lead))
        elif text and not _REMARK_ONLY.fullmatch(text):
            odd.append((lead, segment.strip()))
        at += len(segment) + 1
    names_text = m.group("names")
    # Sentence openers glued to the first name ("Según Bakhtin", "See Hou") are not part of it.
    words = names_text.split(" ")
    cut = 0
    while cut < len(words) - 1 and words[cut].strip(",").casefold() in _NOT_AUTHORS:
        if words[cut].casefold() in PARTICLE_WORDS and words[cut + 1] in PARTICLE_WORDS:
            break  # "De la Torre": a capitalised particle before another opens the family name
        cut += 1
    skip = len(" ".join(words[:cut])) + (1 if cut else 0)
    # "However, Ribeiro (2005)", "Brazil and Portugal, Leite (2007)": a bare comma before the last
    # name ends a clause, unless the list closes with a conjunction ("Hou, Gelb, and Calabrese").
    connectors = list(re.finditer(_CONNECTOR, names_text[skip:]))
    if connectors and connectors[-1].group().strip() == ",":
        skip += connectors[-1].end()
    names = _split_names(names_text[skip:])
    # "Fundação de Amparo ... [Fapesp]": a body named in full with its acronym is kept whole.
    body = bool(names) and names[-1].endswith("]")
    run_in = re.match(rf".*? {_PARTICLE} (?=[A-ZÀ-Þ])", names[0]) if names and not body else None
    prefix = re.sub(rf" {_PARTICLE} $", "", run_in.group()) if run_in else ""
    if run_in and (prefix.split()[0].casefold() in PARTICLE_WORDS or prefix.split()[-1].casefold() in PARTICLE_WORDS
                   or (listed and names_listed((prefix,), listed))):
        # "De la Torre (2001)", "Gómez De la Torre (2015)": a capitalised particle opens the family name;
        # "Silva da Costa": the words before the particle are a name the list prints, not prose.
        run_in = None
    if names and run_in and not names[0].isupper():
        # "Tradução de Austin, 1990": outside parentheses, words before a particle may be prose.
        skip += run_in.end()
        names = (names[0][run_in.end() :], *names[1:])
    if names and listed and not body:
        # "Specifically, Savage and Warde (1993)", "Davi Kopenawa (2010)": the authors start at
        # the first name the reference list prints.
        first, chars = trim_to_listed(names, listed)
        # Words before a listed family inside one name are a first name only in running text
        # ("Davi Kopenawa (2010)"); in a note "Sociedad Rural Argentina, 2014" is one corporate name.
        chars = chars if form == "narrative" else 0
        skip += _name_starts(names_text[skip:])[first] + chars
        names = (names[first][chars:], *names[first + 1 :])
    if not names or any(_strip_etal(n).casefold() in _NOT_AUTHORS for n in names):
        return None
    if all(ROMAN.fullmatch(n) for n in names) and not names_listed(names, listed):
        return None  # "II, 1999": a classical work's book, not an author (unless the list prints "LI")
    start = m.start() + skip
    single = len(names) == 1 and _strip_etal(names[0]) == names[0]
    if (listed and form == "narrative" and single and not y.group("pages") and not names_listed(names, listed)
            and not after_citing_words(m.string, m.start() + skip)):
        # "Portugal (1974)": one unlisted name, a bare year: a date, reported; "according to Gil (2008)" cites.
        problem = Problem(0, m.end() - start, m.group()[skip:], REASON_UNLISTED_DATE)
        return Group(offset + start, offset + m.end(), [], [problem], 0)
    works = _works(names, y.group("years"), y.group("pages"), 0, m.end() - start, form, "cited")
    for year, _ in more:
        works += _works(names, year.group("years"), year.group("pages"), 0, m.end() - start, form, "cited")
    problems = [Problem(lead - start, lead - start + len(text), text) for lead, text in odd]
    return Group(offset + start, offset + m.end(), works, problems, content_offset=0) if works else None


def find_groups(
    text: str,
    offset: int = 0,
    *,
    narrative: bool = True,
    bare: str = "remarks",
    listed: frozenset[str] = frozenset(),
    clues: ListClues | None = None,
) -> list[Group]:
    """Find every citation group in ``text``; spans are shifted by ``offset``.

    Parameters
    ----------
    text : str
        A verbatim piece of the article.
    offset : int
        Offset of ``text`` in the article, added to every span.
    narrative : bool
        Also find narrative citations ("Alonso (1998, p. 188)", "Bakhtin [1929]").
    bare : str
        Where to find works named without parentheses ("Grice, 1975, p.48"): ``"all"`` (a note),
        ``"remarks"`` (inside parenthetical remarks only, the default) or ``""`` (nowhere).
    listed : frozenset of str
        Folded name words of the reference list (:func:`~histkit.extract.citation_names.listed_names`):
        a narrative citation's authors start at the first listed name, and a narrative candidate
        with a bare year and no listed name is a problem, not a citation. Empty: no such check.
    clues : ListClues, optional
        What the list vouches for (:func:`~histkit.extract.list_clues.list_clues`): a lower-case lead, a
        year alone after a listed person or title in the sentence. None: none of these.

    """
    groups = []
    # Which characters a group already covers: a flag per character, so that asking costs the same
    # whatever the number of groups (a list of spans made 10,000 groups quadratic).
    covered = bytearray(len(text) + 1)
    paren_spans: set[tuple[int, int]] = set()

    def take(a: int, b: int) -> None:
        covered[a:b] = b"\x01" * (b - a)
    for m in _PAREN.finditer(text):
        works, problems = read_group(m.group(1))
        if works and _TAXON_BEFORE.search(text, max(0, m.start() - 80), m.start()) and not (
            listed and any(names_listed(w.authors, listed) for w in works)
        ):
            # "*Piaya cayana* (Linnaeus, 1766)": a species' authority, unless the list prints the name
            # ("*Philydor atricapillus* (Brandt *et al.,* 2009)" cites a study of the species).
            problem = Problem(0, m.end() - m.start() - 2, m.group(1), REASON_TAXON)
            groups.append(Group(offset + m.start(), offset + m.end(), [], [problem]))
            take(m.start(), m.end())
            paren_spans.add((m.start(), m.end()))
            continue
        if works and listed and all(ROMAN.fullmatch(a) for w in works for a in w.authors) and not any(
            names_listed(w.authors, listed) for w in works
        ):
            continue  # "Heródoto (II, 1999, p. 12)": the book of the work named before; read as narrative
        if works and listed and unlisted_source(text, m.start(1) + works[0].start, works, listed):
            # "Fonte: (Curitiba, 2021)": a place as the data's source, or a work missing from the list; the
            # text does not say which, so it is reported, not counted.
            problem = Problem(0, m.end() - m.start() - 2, m.group(1), REASON_SOURCE)
            groups.append(Group(offset + m.start(), offset + m.end(), [], [problem]))
            take(m.start(), m.end())
            paren_spans.add((m.start(), m.end()))
        elif works:
            groups.append(Group(offset + m.start(), offset + m.end(), works, problems))
            take(m.start(), m.end())
            paren_spans.add((m.start(), m.end()))
    if bare:
        # In a note every "Author, year" counts; in the body only inside a parenthetical remark.
        spans = [(0, len(text))] if bare == "all" else [
            (g.content_start - offset + p.start, g.content_start - offset + p.end) for g in groups for p in g.problems
        ]
        if bare != "all":
            spans += [(m.start(1), m.end(1)) for m in _PAREN.finditer(text) if (m.start(), m.end()) not in paren_spans]
        for a, b in spans:
            for m in _BARE.finditer(text, a, b):
                if covered[m.start()]:
                    continue
                group = _narrative(m, offset, "bare", listed)
                if group is not None and listed and unlisted_source(text, m.start(), group.works, listed):
                    quote = text[group.start - offset : group.end - offset]
                    groups.append(Group(group.start, group.end, [], [Problem(0, len(quote), quote, REASON_SOURCE)], 0))
                    take(m.start(), m.end())
                elif group is not None:
                    groups.append(group)
                    take(m.start(), m.end())
    if narrative and listed and ("* (" in text or "*, (" in text):
        # "Searle, em *Expression and Meaning* (1979)": a title between a listed author and the year.
        for m in _TITLED.finditer(text):
            if covered[m.start("open")]:
                continue
            group = _narrative(m, offset, listed=listed)
            if group is not None and group.works and names_listed(group.works[0].authors, listed):
                groups.append(group)
                take(m.start(), m.end())
    if narrative and listed and ("’s" in text or "'s" in text):
        # "Weber's (1922)", "Coombe’s recommended criteria (1995)": a listed name in the possessive.
        for m in _POSSESSIVE.finditer(text):
            if covered[m.start("open")] or not _YEAR_ONLY.fullmatch(m.group("inner").strip()):
                continue
            group = _narrative(m, offset, listed=listed)
            if group is not None and group.works and names_listed(group.works[0].authors, listed):
                groups.append(group)
                take(m.start("open"), m.end())
    for a, b in narrative_windows(text) if narrative else []:
        for m in _NARRATIVE.finditer(text, a, b):  # the same matches as over the whole text
            if covered[m.start("open")]:
                continue
            group = _narrative(m, offset, listed=listed)
            if group is not None:
                groups.append(group)
                if group.works:
                    take(m.start(), m.end())
    if narrative and clues is not None:
        vouched, mark = vouched_groups(text, covered, clues), bytearray(len(text) + 1)
        for a, b, _ in vouched:
            mark[a:b] = b"\x01" * (b - a)
        # "*Mikhaïl Bakhtin:* an Aesthetic for Democracy (1999)": the list vouches for what read as a date.
        groups = [g for g in groups if g.works or not any(mark[g.start - offset : g.end - offset])]
        groups += [Group(offset + a, offset + b, works, [], 0) for a, b, works in vouched]
    return sorted(groups, key=lambda g: g.start)


def citations_table(article: Article, stage_sections: Sequence[int] | None = None) -> pd.DataFrame:
    """One row per cited work of every citation group in the body, captions and footnotes.

    Parameters
    ----------
    article : Article
        The ingested article.
    stage_sections : sequence of int, optional
        The sections that tell the stages, in order (``[2, 3, 4]`` -> stages 1, 2, 3); default: those
        curated in the seed's ``annotations.yaml`` (:func:`curated_stage_sections`), else none.

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`; ``quote`` is the verbatim text of the work inside its group
        (e.g. ``"KHEIFETS; KHEIFETS, 1994/95"``), ``group_quote`` the whole parenthetical (or the
        narrative citation from the first name); ``form`` is one of :data:`FORMS` and ``role``
        says ``cited``, or ``original``/``source`` in an ``apud`` citation. An ibidem, idem or
        op. cit. takes the authors and year of the citation it repeats.

    """
    if stage_sections is None:
        stage_sections = curated_stage_sections(article)
    stage_sections = check_stage_sections(list(stage_sections))
    rows = []
    found = [(g, e) for g, e in _found_groups(article) if g.works]
    previous: Work | None = None
    for n, (group, element) in enumerate(found, start=1):
        for position, work in enumerate(group.works, start=1):
            start = group.content_start + work.start
            end = group.content_start + work.end
            if work.form == "ibidem":
                work = _repeat(work, previous, [w for g, _ in found[: n - 1] for w in g.works])
            elif work.role != "original":
                previous = work
            rows.append(
                {
                    "seed": article.seed_id,
                    "group": f"g{n:02d}",
                    "position": position,
                    "authors": "; ".join(work.authors),
                    "year": work.year,
                    "year_first": work.year_first,
                    "year_last": work.year_last,
                    "year_original": work.year_original,
                    "pages": work.pages,
                    "page_first": work.page_first,
                    "page_last": work.page_last,
                    "case": work.case if work.authors else "",
                    "element_id": element.element_id,
                    "element_kind": element.kind,
                    "section": element.section,
                    "stage": stage_of(element.section, stage_sections),
                    "line": article.line_of(group.start),
                    "group_start": group.start,
                    "group_end": group.end,
                    "group_quote": article.text[group.start : group.end],
                    "start": start,
                    "end": end,
                    "quote": article.text[start:end],
                    "form": work.form,
                    "role": work.role,
                }
            )
    frame = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "citation_id"])
    frame.insert(1, "citation_id", [f"c{i:02d}" for i in range(1, len(frame) + 1)])
    for column in ("year_first", "year_last", "page_first", "page_last", "section", "stage"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _found_groups(article: Article) -> list[tuple[Group, Element]]:
    elements = sorted(article.of_kind("paragraph", "blockquote", "caption", "footnote"), key=lambda e: e.start)
    found: list[tuple[Group, Element]] = []
    listed = listed_names(article.text[e.start : e.end] for e in article.references)
    clues = list_clues(article.text[e.start : e.end] for e in article.references)
    for element in elements:
        for a, b in element.pieces:
            bare = "all" if element.kind == "footnote" else "remarks"
            groups = find_groups(article.text[a:b], a, bare=bare, listed=listed, clues=clues)
            found.extend((g, element) for g in groups)
    quoted = quoted_after_lead_in(article.text, elements, found, clues.persons)  # "Para Coelho, > ... (2000)"
    found += [(Group(a, b, w, [], 0), e) for a, b, w, e in quoted]
    found.sort(key=lambda ge: ge[0].start)
    return found


def _repeat(work: Work, previous: Work | None, before: list[Work]) -> Work:
    """An ibidem/idem/op. cit. with the authors and year of the work it repeats (if any)."""
    target = previous
    if work.authors:
        named = fold(work.authors[0])
        target = next((w for w in reversed(before) if w.authors and fold(w.authors[0]) == named), None)
    if target is None:
        return work
    return replace(
        work, authors=target.authors, year=target.year, year_first=target.year_first, year_last=target.year_last,
        year_original=target.year_original,
    )


def citation_problems(article: Article) -> pd.DataFrame:
    """What looked like a citation but was not read as one, with its span and the reason.

    Segments of citation groups that are not works ("see also the diary"), names left without a
    year, words after a work, and narrative candidates that are more likely dates ("Teatro
    Mariinsky (1860)"). Each row keeps ``text[start:end] == quote``; ``reason`` says why.
    """
    rows = []
    for group, element in _found_groups(article):
        for problem in group.problems:
            start, end = group.content_start + problem.start, group.content_start + problem.end
            rows.append(
                {
                    "seed": article.seed_id,
                    "element_id": element.element_id,
                    "line": article.line_of(start),
                    "group_quote": article.text[group.start : group.end],
                    "start": start,
                    "end": end,
                    "quote": article.text[start:end],
                    "reason": problem.reason,
                }
            )
    columns = ["seed", "element_id", "line", "group_quote", "start", "end", "quote", "reason"]
    return pd.DataFrame(rows, columns=columns).sort_values(["start", "end"], ignore_index=True)
