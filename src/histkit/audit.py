"""The citation audit: in-text citations reconciled with the reference list, as an editor would.

:func:`reconcile` gives each cited work its reference and says how it was found (``match``):

- ``exact``: the family names as printed and the year are those of a reference key;
- ``folded``: equal once case and accents are folded ("Bartra" and "BARTRA");
- ``fuzzy``: same year, and the folded names are at least ``threshold`` similar (rapidfuzz's
  normalised Indel ratio, 0-100), e.g. "LAZITCH; DRACHKOVITCH" in the text and "LAZITCH;
  DRCHKOVITCH" in the list;
- ``none``: no reference.

:func:`audit_findings` names what needs an editor's eye: references never cited, citations with
no reference, fuzzy matches, one author with several years, and sources cited only in footnotes
(footnote 2's archive "ASRE", listed as "AHSRE"). The remaining functions are the seminar's
analyses: citations per section and stage, the most cited works, the age of the historiography,
archival against published sources and the languages of the sources.

To add a check: write a function returning rows anchored to the text (``seed, start, end,
quote``), add its rows in :func:`audit_findings`, and a test in ``tests/test_audit.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd
from rapidfuzz import fuzz

from histkit.citations import _PAREN, fold, parse_group
from histkit.errors import ParameterError, SeedError
from histkit.ingest import Article, Element
from histkit.references import Reference

if TYPE_CHECKING:
    import ipywidgets as widgets
    from matplotlib.figure import Figure

DEFAULT_THRESHOLD = 85.0
MATCH_KINDS = ("exact", "folded", "fuzzy", "none")
ARCHIVAL_KINDS = ("archival document", "manuscript")

# "ASRE, 18-22-86": an archive's acronym followed by a call number; "reel 83": microfilm.
_CALL = re.compile(r"\b(?P<acronym>[A-ZÀ-Þ]{2,8}), +(?P<call>\d[\d./\-]*\d)")
_REEL = re.compile(r"\breel +\d+")
_DAY_DATE = re.compile(
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December) (?P<year>1[5-9]\d\d|20\d\d)\b"
)
_ANY_YEAR = re.compile(r"\b(?P<year>1[5-9]\d\d|20\d\d)\b")
_JOURNAL = re.compile(r"\bno\. ?\d+.*\b\d+[-–]\d+")
_QUOTED = re.compile(r"[\"“][^\"”]+[\"”]")


def check_threshold(threshold: object) -> float:
    """Check the ``fuzzy_threshold`` parameter: a number from 0 to 100."""
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not 0 <= threshold <= 100:
        raise ParameterError(
            f"parameter 'fuzzy_threshold' must be a number from 0 to 100 (a similarity in percent); got {threshold!r}"
        )
    return float(threshold)


@dataclass(frozen=True)
class Match:
    """How a name (and year) was found in the reference list."""

    ref_id: str
    kind: str
    score: float


def match_name(
    name: str,
    year: str,
    refs: Sequence[Reference],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    by_year: bool = True,
) -> Match:
    """Find the reference for a cited name (and year).

    Parameters
    ----------
    name : str
        Family names as cited, joined by "; " (``"KHEIFETS; KHEIFETS"``), or an archive acronym.
    year : str
        The year as cited (``"1994/95"``); ignored when ``by_year`` is false.
    refs : sequence of Reference
        The parsed reference list.
    threshold : float
        Least similarity (0-100) for a fuzzy match.
    by_year : bool
        Whether the year must agree (true for author-date citations).

    Returns
    -------
    Match
        ``kind`` is one of :data:`MATCH_KINDS`; the first reference in list order wins a tie.

    """
    threshold = check_threshold(threshold)
    pool = [r for r in refs if not by_year or r.year == year]
    for r in pool:
        if r.key == name:
            return Match(r.ref_id, "exact", 100.0)
    for r in pool:
        if fold(r.key) == fold(name):
            return Match(r.ref_id, "folded", 100.0)
    best: tuple[float, int, str] | None = None
    for r in pool:
        score = fuzz.ratio(fold(r.key), fold(name))
        if score >= threshold and (best is None or score > best[0]):
            best = (score, r.number, r.ref_id)
    if best is not None:
        return Match(best[2], "fuzzy", round(best[0], 1))
    return Match("", "none", 0.0)


def reconcile(citations: pd.DataFrame, refs: Sequence[Reference], threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Add ``ref_id``, ``match`` and ``score`` (a string with one decimal) to the citations table.

    Parameters
    ----------
    citations : DataFrame
        From :func:`histkit.citations.citations_table`.
    refs : sequence of Reference
        From :func:`histkit.references.article_references`.
    threshold : float
        Least similarity (0-100) for a fuzzy match (notebook parameter ``fuzzy_threshold``).

    """
    matches = [match_name(a, y, refs, threshold) for a, y in zip(citations["authors"], citations["year"], strict=True)]
    out = citations.copy()
    out["ref_id"] = [m.ref_id for m in matches]
    out["match"] = [m.kind for m in matches]
    out["score"] = [f"{m.score:.1f}" for m in matches]
    return out


def mark_cited(references: pd.DataFrame, reconciled: pd.DataFrame) -> pd.DataFrame:
    """Add ``cited`` (number of in-text citations) and ``citing_groups`` to the references table."""
    matched = reconciled[reconciled["ref_id"] != ""]
    # Plain dicts rather than Series.map: with no citation at all, map() would give a float column.
    sizes = matched["ref_id"].value_counts().to_dict()
    groups = {ref: ";".join(sorted(set(g))) for ref, g in matched.groupby("ref_id")["group"]}
    out = references.copy()
    out["cited"] = [int(sizes.get(ref, 0)) for ref in out["ref_id"]]
    out["citing_groups"] = [groups.get(ref, "") for ref in out["ref_id"]]
    return out


# --- footnotes ---------------------------------------------------------------------------------


def _footnote_items(article: Article, element: Element) -> list[list[tuple[int, int]]]:
    """Split a footnote into its ';'-separated items, each a list of verbatim spans.

    An item that runs over a page break (footnote 2's "Weddell to / Secretary of State, ...") is
    one item with two spans.
    """
    items: list[list[tuple[int, int]]] = []
    carry: list[tuple[int, int]] = []
    for a, b in element.pieces:
        piece = article.text[a:b]
        pos = 0
        parts = piece.split(";")
        for i, part in enumerate(parts):
            lead = len(part) - len(part.lstrip())
            span = (a + pos + lead, a + pos + len(part.rstrip()))
            pos += len(part) + 1
            if span[1] > span[0]:
                carry.append(span)
            if i < len(parts) - 1 and carry:
                items.append(carry)
                carry = []
    if carry:
        items.append(carry)
    return items


def footnote_sources(article: Article, refs: Sequence[Reference], threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """One row per source named in a footnote, matched to the reference list where possible.

    A footnote item is an ``archival`` source when it gives an archive acronym and a call number
    ("ASRE, 18-22-86") or a microfilm reel, ``press`` when it quotes a title and gives a day's
    date, ``article`` when it gives an issue number and pages, else ``other`` (a remark such as
    footnote 1's "alias"). An archive acronym is matched to the acronyms of the list (exact,
    folded or fuzzy, with no year); ``document_listed`` says whether the list holds a document of
    that archive from the same year.

    Parameters
    ----------
    article : Article
        The ingested article.
    refs : sequence of Reference
        The parsed reference list.
    threshold : float
        Least similarity (0-100) for a fuzzy match of an acronym.

    """
    archives = [r for r in refs if r.archive_acronym]
    rows = []
    for element in article.footnotes:
        for n, spans in enumerate(_footnote_items(article, element), start=1):
            text = " ".join(article.text[a:b] for a, b in spans).replace("\\$", "$")
            call = _CALL.search(text)
            day = _DAY_DATE.search(text)
            year = day or _ANY_YEAR.search(text)
            if call or _REEL.search(text):
                kind = "archival"
            elif _QUOTED.search(text) and day:
                kind = "press"
            elif _JOURNAL.search(text):
                kind = "article"
            else:
                kind = "other"
            match = Match("", "none", 0.0)
            if call:
                match = match_name(call.group("acronym"), "", archives, threshold, by_year=False)
            listed = bool(
                match.ref_id and year and any(r.ref_id == match.ref_id and r.year == year.group("year") for r in refs)
            )
            start, end = spans[0][0], spans[-1][1]
            rows.append(
                {
                    "seed": article.seed_id,
                    "footnote": element.number,
                    "item": n,
                    "kind": kind,
                    "archive_cited": call.group("acronym") if call else "",
                    "call_number": call.group("call") if call else "",
                    "year": year.group("year") if year else "",
                    "ref_id": match.ref_id,
                    "match": match.kind,
                    "score": f"{match.score:.1f}",
                    "document_listed": listed,
                    "text": text,
                    "line": article.line_of(start),
                    "pieces": ";".join(f"{a}-{b}" for a, b in spans),
                    "start": start,
                    "end": end,
                    "quote": article.text[start:end],
                }
            )
    return pd.DataFrame(rows)


# --- findings ----------------------------------------------------------------------------------


def _finding(
    article: Article,
    kind: str,
    subject: str,
    detail: str,
    ref_id: str,
    citation_ids: str,
    start: int,
    end: int,
) -> dict[str, object]:
    return {
        "seed": article.seed_id,
        "kind": kind,
        "subject": subject,
        "detail": detail,
        "ref_id": ref_id,
        "citation_ids": citation_ids,
        "line": article.line_of(start),
        "start": start,
        "end": end,
        "quote": article.text[start:end],
    }


_NOT_NAMES = {"The", "From", "With", "General", "History", "Letter", "Report"}


def uncited_use(ref: Reference, article: Article) -> str:
    """Say where the body tells of an uncited source: the passage naming most of its title's names.

    A reference never cited may still have been used: GAA's "Emiliano Zapata to General Genaro
    Amezcua" is the letter the introduction quotes, cited there through BARTRA's edition. The
    passage must hold at least two of the title's proper names and more than half of them.
    """
    names = [w for w in re.findall(r"\b[A-ZÀ-Þ][a-zß-ÿ]{3,}\b", ref.title) if w not in _NOT_NAMES]
    if len(names) < 2:
        return ""
    best: tuple[int, int, Element] | None = None
    for e in article.body:
        hits = sum(re.search(rf"\b{re.escape(n)}\b", e.text) is not None for n in set(names))
        if hits >= 2 and hits * 2 > len(set(names)) and (best is None or hits > best[0]):
            best = (hits, -e.start, e)
    if best is None:
        return ""
    e = best[2]
    return (
        f"{best[0]} of its title's {len(set(names))} names appear in {e.element_id} (line {article.line_of(e.start)})"
    )


def audit_findings(
    article: Article, reconciled: pd.DataFrame, refs: Sequence[Reference], footnotes: pd.DataFrame
) -> pd.DataFrame:
    """Everything an editor should look at, one row per finding, anchored to the text.

    Kinds: ``uncited-reference``, ``unmatched-citation``, ``fuzzy-match``, ``several-years``,
    ``footnote-archive`` (an archive cited in a footnote, by call number, not in author-date
    form) and ``footnote-unlisted`` (a footnote source with no entry in the list).
    """
    rows = []
    by_id = {r.ref_id: r for r in refs}
    cited = set(reconciled["ref_id"])
    for r in refs:
        if r.ref_id not in cited:
            detail = f"{r.key} {r.year}: {r.title}"
            if use := uncited_use(r, article):
                detail += f"; {use}"
            rows.append(_finding(article, "uncited-reference", r.key, detail, r.ref_id, "", r.start, r.end))
    for c in reconciled.itertuples(index=False):
        if c.match == "none":
            same_author = sorted(r.year for r in refs if fold(r.key) == fold(c.authors))
            detail = f"{c.authors}, {c.year}: no reference" + (
                f" (the list has {c.authors} for {', '.join(same_author)})" if same_author else ""
            )
            rows.append(_finding(article, "unmatched-citation", c.authors, detail, "", c.citation_id, c.start, c.end))
        elif c.match == "fuzzy":
            ref = by_id[c.ref_id]
            rows.append(
                _finding(
                    article,
                    "fuzzy-match",
                    c.authors,
                    f"cited as {c.authors!r}, listed as {ref.key!r} (similarity {c.score})",
                    c.ref_id,
                    c.citation_id,
                    c.start,
                    c.end,
                )
            )
    keys: dict[str, list[Reference]] = {}
    for r in refs:
        keys.setdefault(fold(r.key), []).append(r)
    for group in keys.values():
        years = sorted({r.year for r in group})
        if len(years) > 1:
            ids = reconciled[reconciled["ref_id"].isin([r.ref_id for r in group])]["citation_id"]
            rows.append(
                _finding(
                    article,
                    "several-years",
                    group[0].key,
                    f"{group[0].key} is listed for {', '.join(years)}; the year tells them apart",
                    ";".join(r.ref_id for r in group),
                    ";".join(ids),
                    group[0].start,
                    group[-1].end,
                )
            )
    for f in footnotes.itertuples(index=False):
        if f.kind == "archival" and f.archive_cited:
            ref = by_id.get(f.ref_id)
            if ref is None:
                detail = f"archive {f.archive_cited} (call number {f.call_number}) is not in the list"
            else:
                detail = (
                    f"archive cited as {f.archive_cited!r}, listed as {ref.key!r} ({f.match}, similarity "
                    f"{f.score}); the list holds {ref.key}'s document of {ref.year}, "
                    + ("the same year" if f.document_listed else f"not this one of {f.year}")
                )
            rows.append(
                _finding(
                    article,
                    "footnote-archive",
                    f.archive_cited,
                    detail,
                    f.ref_id,
                    f"fn{f.footnote}.{f.item}",
                    f.start,
                    f.end,
                )
            )
        elif f.kind in ("archival", "press", "article"):
            rows.append(
                _finding(
                    article,
                    "footnote-unlisted",
                    f"fn{f.footnote}.{f.item}",
                    f"{f.kind} source of {f.year or 'no year'} in footnote {f.footnote}, not in the reference list",
                    "",
                    f"fn{f.footnote}.{f.item}",
                    f.start,
                    f.end,
                )
            )
    frame = pd.DataFrame(rows)
    order = {
        k: i
        for i, k in enumerate(
            [
                "unmatched-citation",
                "uncited-reference",
                "fuzzy-match",
                "several-years",
                "footnote-archive",
                "footnote-unlisted",
            ]
        )
    }
    frame = frame.sort_values(
        ["kind", "start"], key=lambda s: s.map(order) if s.name == "kind" else s, ignore_index=True
    )
    frame.insert(1, "finding_id", [f"a{i:02d}" for i in range(1, len(frame) + 1)])
    return frame


# --- analyses ----------------------------------------------------------------------------------


def counts_by_section(reconciled: pd.DataFrame, article: Article) -> pd.DataFrame:
    """Citation groups, cited works and distinct references per section (with its stage)."""
    rows = []
    for s in article.sections:
        if s.number is None:
            continue
        part = reconciled[reconciled["section"] == s.number]
        stage = part["stage"].dropna()
        rows.append(
            {
                "section": s.number,
                "title": s.title,
                "stage": int(stage.iloc[0]) if len(stage) else None,
                "groups": part["group"].nunique(),
                "works": len(part),
                "references": part.loc[part["ref_id"] != "", "ref_id"].nunique(),
            }
        )
    frame = pd.DataFrame(rows)
    frame["stage"] = frame["stage"].astype("Int64")
    return frame


def counts_by_stage(reconciled: pd.DataFrame) -> pd.DataFrame:
    """Citation groups, cited works and distinct references per stage."""
    staged = reconciled.dropna(subset=["stage"])
    frame = staged.groupby("stage").agg(
        groups=("group", "nunique"), works=("citation_id", "size"), references=("ref_id", "nunique")
    )
    return frame.reset_index()


def most_cited(reconciled: pd.DataFrame, refs: Sequence[Reference], top: int = 10) -> pd.DataFrame:
    """Return the most cited references: citations, groups and sections, ties broken by list order."""
    rows = []
    for r in refs:
        part = reconciled[reconciled["ref_id"] == r.ref_id]
        if len(part):
            rows.append(
                {
                    "ref_id": r.ref_id,
                    "key": r.key,
                    "year": r.year,
                    "kind": r.kind,
                    "citations": len(part),
                    "groups": part["group"].nunique(),
                    "sections": ";".join(str(s) for s in sorted(part["section"].dropna().unique())),
                    "number": r.number,
                }
            )
    frame = pd.DataFrame(rows).sort_values(["citations", "number"], ascending=[False, True])
    return frame.drop(columns="number").head(top).reset_index(drop=True)


def _years_in(text: str, low: int, high: int) -> list[int]:
    """Years named in a passage, citation groups left out (their years are publication years)."""
    text = _PAREN.sub(lambda m: "" if parse_group(m.group(1)) else m.group(), text)
    return sorted({int(y) for y in _ANY_YEAR.findall(text) if low <= int(y) <= high})


def gap_summary(ages: pd.DataFrame) -> pd.DataFrame:
    """Per class of source: citations with a gap, and the least, median and greatest gap in years.

    The median is written with one decimal (a median of two gaps can fall between whole years).
    """
    known = ages.dropna(subset=["gap"])
    gaps = known.groupby("source_class")["gap"]
    return pd.DataFrame(
        {
            "citations": gaps.size(),
            "least gap": gaps.min().astype(int),
            "median gap": gaps.median().map(lambda v: f"{v:.1f}"),
            "greatest gap": gaps.max().astype(int),
        }
    )


def story_period(article: Article) -> tuple[int, int]:
    """The years of the story: the earliest and the latest year the article's body names.

    Years inside citation groups are left out (they are publication years, not events); every
    other year of a paragraph or block quotation counts, e.g. a protagonist's birth or death.

    Raises
    ------
    SeedError
        If the body names no year outside its citations (the period cannot be read).

    """
    # Derived from the text rather than a notebook parameter: the span of the story is a fact of
    # the article, and a hand-typed span (it was 1900-1945) silently dropped the events the
    # article tells after it, Borodin's arrest in 1949 and death in 1951. The bound still keeps
    # out any year written only in a citation, which is the source's, not the event's.
    years = [y for e in article.of_kind("paragraph", "blockquote") for y in _years_in(e.text, 1500, 2099)]
    if not years:
        raise SeedError(
            f"seed {article.seed_id!r}: the article's body names no year outside its citations, so the "
            "years of the story cannot be read; pass period=(first, last) to source_ages"
        )
    return min(years), max(years)


def source_ages(
    reconciled: pd.DataFrame,
    refs: Sequence[Reference],
    article: Article,
    period: tuple[int, int] | None = None,
) -> pd.DataFrame:
    """For each matched citation: the years of the events its passage tells and the source's year.

    The events a source documents are read from the citing passage: the years it names inside
    ``period`` (the years of the story; default :func:`story_period`), or, if it names none,
    those of the passage just before it in the same section (a block quotation is dated by its
    introduction). ``gap`` is the source's first year minus the latest event year; empty when
    neither passage names a year.
    """
    if period is None:
        period = story_period(article)
    by_id = {r.ref_id: r for r in refs}
    elements = article.of_kind("paragraph", "blockquote")
    index = {e.element_id: i for i, e in enumerate(elements)}
    rows = []
    for c in reconciled[reconciled["ref_id"] != ""].itertuples(index=False):
        i = index[c.element_id] if c.element_id in index else None
        years: list[int] = []
        source = ""
        if i is not None:
            years, source = _years_in(elements[i].text, *period), elements[i].element_id
            # A block quotation or a paragraph that names no year tells of what the passage just
            # before it dates; one step back only, so a far-off year is never borrowed.
            if not years and i > 0 and elements[i - 1].section == elements[i].section:
                years, source = _years_in(elements[i - 1].text, *period), elements[i - 1].element_id
            if not years:
                source = ""
        ref = by_id[c.ref_id]
        archival = ref.kind in ARCHIVAL_KINDS
        rows.append(
            {
                "citation_id": c.citation_id,
                "ref_id": c.ref_id,
                "key": ref.key,
                "section": c.section,
                "stage": c.stage,
                "published": ref.year_first,
                "event_years": ";".join(str(y) for y in years),
                "event_first": min(years) if years else None,
                "event_last": max(years) if years else None,
                "gap": (ref.year_first - max(years)) if years and ref.year_first else None,
                "years_from": source,
                "source_class": "archival" if archival else "published",
                "seed": c.seed,
                "start": c.start,
                "end": c.end,
                "quote": c.quote,
            }
        )
    frame = pd.DataFrame(rows)
    for column in ("event_first", "event_last", "gap", "stage", "section", "published"):
        frame[column] = frame[column].astype("Int64")
    return frame


def source_classes(reconciled: pd.DataFrame, refs: Sequence[Reference]) -> pd.DataFrame:
    """Count references and citations per kind of source, with the archival/published class."""
    rows = []
    kinds = sorted({r.kind for r in refs})
    for kind in kinds:
        ids = [r.ref_id for r in refs if r.kind == kind]
        rows.append(
            {
                "source_class": "archival" if kind in ARCHIVAL_KINDS else "published",
                "kind": kind,
                "references": len(ids),
                "cited_references": reconciled.loc[reconciled["ref_id"].isin(ids), "ref_id"].nunique(),
                "citations": int(reconciled["ref_id"].isin(ids).sum()),
            }
        )
    return pd.DataFrame(rows).sort_values(["source_class", "kind"], ignore_index=True)


def languages(reconciled: pd.DataFrame, refs: Sequence[Reference]) -> pd.DataFrame:
    """Count references and citations per language of the source's title (``und``: undetermined)."""
    rows = []
    for lang in sorted({r.language for r in refs}):
        ids = [r.ref_id for r in refs if r.language == lang]
        rows.append({"language": lang, "references": len(ids), "citations": int(reconciled["ref_id"].isin(ids).sum())})
    return pd.DataFrame(rows).sort_values(["references", "language"], ascending=[False, True], ignore_index=True)


@dataclass
class Audit:
    """The whole audit of one article: tables ready to show and export."""

    citations: pd.DataFrame
    references: pd.DataFrame
    footnote_sources: pd.DataFrame
    findings: pd.DataFrame
    refs: list[Reference]

    def summary(self) -> pd.DataFrame:
        """Return the audit in numbers: one row per count, with its value."""
        c, f = self.citations, self.findings
        rows = [
            ("citation groups", c["group"].nunique()),
            ("cited works", len(c)),
            ("references", len(self.references)),
            *[(f"matches: {k}", int((c["match"] == k).sum())) for k in MATCH_KINDS],
            ("references cited", int((self.references["cited"] > 0).sum())),
            *[(f"findings: {k}", int((f["kind"] == k).sum())) for k in sorted(f["kind"].unique())],
        ]
        return pd.DataFrame(rows, columns=["count", "value"])


def run_audit(
    article: Article,
    threshold: float = DEFAULT_THRESHOLD,
    stage_sections: Sequence[int] = (2, 3, 4),
) -> Audit:
    """Parse citations and references, reconcile them and collect the findings.

    Parameters
    ----------
    article : Article
        The ingested article.
    threshold : float
        Least similarity (0-100) for a fuzzy match (``fuzzy_threshold``).
    stage_sections : sequence of int
        The sections that tell the stages (``stage_sections``).

    """
    from histkit.citations import citations_table
    from histkit.references import article_references, references_table

    threshold = check_threshold(threshold)
    refs = article_references(article)
    reconciled = reconcile(citations_table(article, stage_sections), refs, threshold)
    references = mark_cited(references_table(article, refs), reconciled)
    notes = footnote_sources(article, refs, threshold)
    findings = audit_findings(article, reconciled, refs, notes)
    return Audit(reconciled, references, notes, findings, refs)


# --- explorer ----------------------------------------------------------------------------------


def citing_passages(audit: Audit, article: Article, ref_id: str, context: int = 160) -> pd.DataFrame:
    """Every passage that cites one reference, with up to ``context`` characters either side.

    The context is cut from the verbatim piece that holds the citation, so it never runs into a
    footnote or another paragraph; ``quote`` is the citation group itself (provenance columns).

    Parameters
    ----------
    audit : Audit
        From :func:`run_audit`.
    article : Article
        The ingested article.
    ref_id : str
        The reference, e.g. ``"ref03"``.
    context : int
        Characters of text shown before and after the citation group.

    """
    if ref_id not in set(audit.references["ref_id"]):
        raise ParameterError(
            f"parameter 'ref_id' must be one of the reference ids ref01..ref{len(audit.references):02d}; got {ref_id!r}"
        )
    pieces = {e.element_id: e.pieces for e in article.elements}
    rows = []
    for c in audit.citations[audit.citations["ref_id"] == ref_id].itertuples(index=False):
        gs, ge = int(c.group_start), int(c.group_end)
        a, b = next((a, b) for a, b in pieces[c.element_id] if a <= gs and ge <= b)
        lo, hi = max(a, gs - context), min(b, ge + context)
        before = " ".join(article.text[lo:gs].split())
        after = " ".join(article.text[ge:hi].split())
        rows.append(
            {
                "citation_id": c.citation_id,
                "element_id": c.element_id,
                "section": c.section,
                "line": c.line,
                "before": ("…" if lo > a else "") + before,
                "citation": c.group_quote,
                "after": after + ("…" if hi < b else ""),
                "match": c.match,
                "seed": c.seed,
                "start": gs,
                "end": ge,
                "quote": c.group_quote,
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "citation_id",
            "element_id",
            "section",
            "line",
            "before",
            "citation",
            "after",
            "match",
            "seed",
            "start",
            "end",
            "quote",
        ],
    )
    frame["section"] = frame["section"].astype("Int64")
    return frame


def _passages_html(passages: pd.DataFrame, title: str) -> str:
    from html import escape

    if passages.empty:
        return f"<p><b>{escape(title)}</b>: never cited in author-date form.</p>"
    items = "".join(
        f"<li>section {p.section}, line {p.line} ({p.element_id}): {escape(p.before)} "
        f"<mark><b>{escape(p.citation)}</b></mark> {escape(p.after)}</li>"
        for p in passages.itertuples(index=False)
    )
    return f"<p><b>{escape(title)}</b></p><ol>{items}</ol>"


def explorer_options(audit: Audit) -> list[tuple[str, str]]:
    """Dropdown labels and values: one per reference, in list order, with its citation count."""
    return [
        (f"{r.key} {r.year} ({r.cited} citation{'s' if r.cited != 1 else ''})", r.ref_id)
        for r in audit.references.itertuples(index=False)
    ]


def make_explorer(audit: Audit, article: Article, ref_id: str = "", context: int = 160) -> widgets.VBox:
    """Return an ipywidgets box: pick a reference, read every passage that cites it, in context.

    Parameters
    ----------
    audit : Audit
        From :func:`run_audit`.
    article : Article
        The ingested article.
    ref_id : str
        The reference shown first; default the most cited one.
    context : int
        Characters of text shown either side of a citation.

    """
    import ipywidgets as widgets

    class _Explorer(widgets.VBox):
        # A saved notebook keeps a widget's text/plain beside its view; the default VBox repr
        # lists every child and option, which is unreadable and changes between ipywidgets
        # versions, so nbval would flag it. One fixed sentence instead.
        def __repr__(self) -> str:
            return "Citation explorer: run the notebook in JupyterLab to pick a reference and read its citing passages."

    refs = audit.references.set_index("ref_id")
    first = ref_id or most_cited_ref(audit)

    def html_for(rid: str) -> str:
        title = f"{refs.loc[rid, 'key']} {refs.loc[rid, 'year']}. {refs.loc[rid, 'title']}"
        return _passages_html(citing_passages(audit, article, rid, context), title)

    picker = widgets.Dropdown(options=explorer_options(audit), value=first, description="Reference")
    view = widgets.HTML(value=html_for(first))

    def on_change(change: dict) -> None:
        view.value = html_for(change["new"])

    picker.observe(on_change, names="value")
    return _Explorer([picker, view])


def most_cited_ref(audit: Audit) -> str:
    """The ``ref_id`` of the most cited reference (ties: the first in the list)."""
    return str(most_cited(audit.citations, audit.refs, top=1)["ref_id"].iloc[0])


EXPLORER_COLUMNS = ["citation_id", "section", "line", "before", "citation", "after"]


def explorer_default_view(audit: Audit, article: Article, context: int = 160) -> pd.DataFrame:
    """The explorer's first view as a table, for a saved notebook read without a kernel.

    The passages that cite the most cited reference (see :func:`citing_passages`), with the
    columns :data:`EXPLORER_COLUMNS`.
    """
    return citing_passages(audit, article, most_cited_ref(audit), context)[EXPLORER_COLUMNS]


# --- figures -----------------------------------------------------------------------------------


def citations_figure(audit: Audit, article: Article) -> Figure:
    """Bar chart: cited works per section, split into published and archival sources."""
    from histkit.figures import PALETTE, new_figure

    kinds = {r.ref_id: ("archival" if r.kind in ARCHIVAL_KINDS else "published") for r in audit.refs}
    c = audit.citations.assign(source_class=audit.citations["ref_id"].map(kinds).fillna("unmatched"))
    sections = [s for s in article.sections if s.number is not None]
    labels = []
    for s in sections:
        stage = c.loc[c["section"] == s.number, "stage"].dropna()
        extra = f"\nstage {int(stage.iloc[0])}" if len(stage) else ""
        labels.append(f"{s.number} {s.title.title()}{extra}")
    fig = new_figure(7.5, 4.0)
    ax = fig.add_subplot()
    bottom = [0] * len(sections)
    for colour, cls in zip(PALETTE, ("published", "archival", "unmatched"), strict=False):
        counts = [int(((c["section"] == s.number) & (c["source_class"] == cls)).sum()) for s in sections]
        if not any(counts):
            continue
        ax.bar(range(len(sections)), counts, bottom=bottom, color=colour, label=cls)
        bottom = [b + n for b, n in zip(bottom, counts, strict=True)]
    ax.set_xticks(range(len(sections)), labels, fontsize=8)
    ax.set_ylabel("cited works")
    ax.set_title("In-text citations per section")
    ax.legend(frameon=False)
    return fig


def ages_figure(ages: pd.DataFrame) -> Figure:
    """Scatter: year of the events a passage tells (x) against the cited source's year (y)."""
    from matplotlib.ticker import MaxNLocator

    from histkit.figures import PALETTE, new_figure

    fig = new_figure(7.5, 4.5)
    ax = fig.add_subplot()
    dated = ages.dropna(subset=["event_last"])
    for colour, cls in zip((PALETTE[0], PALETTE[5]), ("published", "archival"), strict=True):
        part = dated[dated["source_class"] == cls]
        ax.scatter(part["event_last"].astype(int), part["published"].astype(int), color=colour, label=cls, s=28)
    low = int(dated["event_last"].min()) - 2
    high = int(dated["event_last"].max()) + 2
    ax.plot([low, high], [low, high], color=PALETTE[7], linewidth=0.8, linestyle="--")
    ax.annotate("written at the time", (high, high), fontsize=8, ha="right", va="bottom")
    labelled = dated.drop_duplicates(["key", "event_last"]).sort_values(["event_last", "published", "key"])
    for row in labelled.itertuples(index=False):
        first = row.key.split(";")[0]
        label = first if row.source_class == "archival" else first.title()
        ax.annotate(
            label, (int(row.event_last), int(row.published)), fontsize=7, xytext=(4, 2), textcoords="offset points"
        )
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("latest year named in the citing passage")
    ax.set_ylabel("year of the cited source")
    ax.set_title("Age of the sources against the events they document")
    ax.legend(frameon=False, loc="center left")
    return fig
