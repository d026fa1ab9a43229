"""The citation audit: in-text citations reconciled with the reference list, as an editor would.

:func:`run_audit` parses citations and references, reconciles them (:mod:`histkit.analyse.reconcile`),
lists the footnote-only sources (:mod:`histkit.analyse.footnote_sources`) and collects the findings.
:func:`audit_findings` names what needs an editor's eye: references never cited, citations with
no reference, fuzzy matches, one author with several years, and sources cited only in footnotes
(footnote 2's archive "ASRE", listed as "AHSRE"). The counts per section and stage and the most
cited works are here too; the age of the sources is in :mod:`histkit.analyse.source_ages`.

To add a check: write a function returning rows anchored to the text (``seed, start, end,
quote``), add its rows in :func:`audit_findings`, and a test in ``tests/analyse/test_audit.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from histkit.analyse.footnote_sources import footnote_sources
from histkit.analyse.legislation import legislation_mentions
from histkit.analyse.reconcile import (
    ALWAYS_COUNTED,
    DEFAULT_THRESHOLD,
    MATCH_KINDS,
    by_original,
    check_threshold,
    mark_cited,
    reconcile,
    same_work_candidates,
    same_year_other_names,
)
from histkit.extract.citations import fold
from histkit.extract.references import Reference
from histkit.text.ingest import Article, Element

# --- findings ----------------------------------------------------------------------------------


def _listed_years(years: list[str]) -> str:
    """The years of a name's entries in words: "for 2015, 2016", "in 2 entries with no year", or both."""
    printed = sorted({y for y in years if y})
    blank = sum(1 for y in years if not y)
    parts = [f"for {', '.join(printed)}"] if printed else []
    if blank:
        parts.append(f"in {blank} entr{'y' if blank == 1 else 'ies'} with no year")
    return " and ".join(parts)


def _finding(
    article: Article,
    kind: str,
    subject: str,
    detail: str,
    ref_id: str,
    citation_ids: str,
    start: int,
    end: int,
    footnote_item: tuple[int, int] | None = None,
) -> dict[str, object]:
    # A source in a footnote is no citation: it is named by its footnote and its place there
    # (footnote_sources' key), so citation_ids only ever holds ids of the citations table.
    footnote, item = footnote_item or (pd.NA, pd.NA)
    return {
        "seed": article.seed_id,
        "kind": kind,
        "subject": subject,
        "detail": detail,
        "ref_id": ref_id,
        "citation_ids": citation_ids,
        "footnote": footnote,
        "item": item,
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


def _years_listed(years: Sequence[str]) -> str:
    """"1976, 1992"; "2017 and without a year" where an entry prints none ("La Nación, 14/9/16 falta referencia")."""
    printed = ", ".join(y for y in years if y)
    return f"{printed} and without a year" if "" in years else printed


def audit_findings(
    article: Article,
    reconciled: pd.DataFrame,
    refs: Sequence[Reference],
    footnotes: pd.DataFrame,
    problems: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Everything an editor should look at, one row per finding, anchored to the text.

    Kinds: ``uncited-reference``, ``unmatched-citation``, ``fuzzy-match``, ``year-differs`` (a
    citation matched by its name alone: no entry of that author has the year cited), ``several-years``,
    ``footnote-archive`` (an archive cited in a footnote, by call number, not in author-date
    form), ``footnote-unlisted`` (a footnote source with no entry in the list) and
    ``not-read-as-citation`` (printed like a citation but not read as one: a row of
    :func:`histkit.extract.citations.citation_problems`, with its reason) and ``ambiguous-citation``
    (the cited names and year fit several entries and no letter tells which: the first is taken) and
    ``legislation-unlisted`` (an act named by kind and number, "Lei nº 9.394/1996", that no entry prints;
    :mod:`histkit.analyse.legislation`).
    """
    rows = []
    by_id = {r.ref_id: r for r in refs}
    cited = set(reconciled["ref_id"])
    for r in refs:
        if r.ref_id not in cited:
            detail = f"{r.key} {r.year}: {r.title}" if r.year else f"{r.key} (no year): {r.title}"
            if use := uncited_use(r, article):
                detail += f"; {use}"
            rows.append(_finding(article, "uncited-reference", r.key, detail, r.ref_id, "", r.start, r.end))
    for c in reconciled.itertuples(index=False):
        if c.match == "none":
            same_author = sorted(r.year for r in refs if fold(r.key) == fold(c.authors))
            detail = f"{c.authors}, {c.year}: no reference" + (
                f" (the list has {c.authors} {_listed_years(same_author)})" if same_author else ""
            )
            rows.append(_finding(article, "unmatched-citation", c.authors, detail, "", c.citation_id, c.start, c.end))
        elif c.match == "author-only":
            ref = by_id[c.ref_id]
            listed = (
                f"the list has {ref.key} for {ref.year} only" if ref.year
                else f"the list's entry {ref.key} prints no year of its own (an access date is not one)"
            )
            detail = f"cited as {c.authors}, {c.year}; {listed}: matched by the name alone"
            if others := same_year_other_names(c.authors, c.year, refs):
                # The year fits another entry with one of these names: either may be the slip; read the passage.
                detail += "; or " + ", ".join(f"{r.key} {r.year} ({r.ref_id})" for r in others) + (
                    ", which has the year cited and one of the names: read the passage"
                )
            rows.append(_finding(article, "year-differs", c.authors, detail, c.ref_id, c.citation_id, c.start, c.end))
        elif c.match in ("fuzzy", "first-author"):
            ref = by_id[c.ref_id]
            how = f"similarity {c.score}" if c.match == "fuzzy" else "first author and year agree, co-authors differ"
            rows.append(
                _finding(
                    article,
                    "fuzzy-match",
                    c.authors,
                    f"cited as {c.authors!r}, listed as {ref.key!r} ({how})",
                    c.ref_id,
                    c.citation_id,
                    c.start,
                    c.end,
                )
            )
    rows += _ambiguous(article, reconciled, refs)
    for act in legislation_mentions(article, refs).itertuples(index=False):
        if not act.ref_id:
            detail = f"{act.quote}: legislation named in the text; no entry of the list prints {act.act} {act.number}"
            rows.append(_finding(article, "legislation-unlisted", act.quote, detail, "", "", act.start, act.end))
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
                    f"{group[0].key} is listed for {_years_listed(years)}; the year tells them apart",
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
                    "",
                    f.start,
                    f.end,
                    (f.footnote, f.item),
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
                    "",
                    f.start,
                    f.end,
                    (f.footnote, f.item),
                )
            )
    for p in (problems if problems is not None else pd.DataFrame()).itertuples(index=False):
        rows.append(_finding(article, "not-read-as-citation", p.quote, p.reason, "", "", p.start, p.end))
    # With no finding the table still has its columns (an article whose every citation matches).
    frame = pd.DataFrame(rows, columns=["seed", "kind", "subject", "detail", "ref_id", "citation_ids", "footnote",
                                        "item", "line", "start", "end", "quote"])
    order = {
        k: i
        for i, k in enumerate(
            [
                "unmatched-citation",
                "uncited-reference",
                "fuzzy-match",
                "year-differs",
                "several-years",
                "ambiguous-citation",
                "legislation-unlisted",
                "footnote-archive",
                "footnote-unlisted",
                "not-read-as-citation",
            ]
        )
    }
    frame = frame.sort_values(
        ["kind", "start"], key=lambda s: s.map(order) if s.name == "kind" else s, ignore_index=True
    )
    frame.insert(1, "finding_id", [f"a{i:02d}" for i in range(1, len(frame) + 1)])
    return frame.astype({"footnote": "Int64", "item": "Int64"})


def _ambiguous(article: Article, reconciled: pd.DataFrame, refs: Sequence[Reference]) -> list[dict[str, object]]:
    """One ``ambiguous-citation`` finding per citation that several entries fit, with the reason."""
    rows = []
    for c in reconciled.itertuples(index=False):
        if c.match == "none" or len(fits := same_work_candidates(c.authors, c.year, refs)) < 2:
            continue
        if by_original(c.authors, c.year, getattr(c, "year_original", ""), refs) is not None:
            continue  # "2011 [1979]": the bracketed original's year tells the entries apart
        titles = "; ".join(f"{r.ref_id} {r.title[:60]!r}" for r in fits)
        detail = (
            f"{c.authors}, {c.year} fits {len(fits)} entries ({titles}) and carries no letter (2018a, 2018b) to "
            f"tell them apart: {c.ref_id} (first in list order) is taken; read the passage"
        )
        rows.append(_finding(article, "ambiguous-citation", c.authors, detail, ";".join(r.ref_id for r in fits),
                             c.citation_id, c.start, c.end))
    return rows


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
    # No citation matched any reference (a damaged or reordered text): an empty table, same columns.
    columns = ["ref_id", "key", "year", "kind", "citations", "groups", "sections", "number"]
    frame = pd.DataFrame(rows, columns=columns).sort_values(["citations", "number"], ascending=[False, True])
    return frame.drop(columns="number").head(top).reset_index(drop=True)

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
            *[
                (f"matches: {k}", int((c["match"] == k).sum()))
                for k in MATCH_KINDS
                if k in ALWAYS_COUNTED or (c["match"] == k).any()
            ],
            ("references cited", int((self.references["cited"] > 0).sum())),
            *[(f"findings: {k}", int((f["kind"] == k).sum())) for k in sorted(f["kind"].unique())],
        ]
        return pd.DataFrame(rows, columns=["count", "value"])


def run_audit(
    article: Article,
    threshold: float = DEFAULT_THRESHOLD,
    stage_sections: Sequence[int] | None = None,
) -> Audit:
    """Parse citations and references, reconcile them and collect the findings.

    Parameters
    ----------
    article : Article
        The ingested article.
    threshold : float
        Least similarity (0-100) for a fuzzy match (``fuzzy_threshold``).
    stage_sections : sequence of int, optional
        The sections that tell the stages (``stage_sections``); default: those curated in the seed's
        ``annotations.yaml``, else none.

    """
    from histkit.extract.citation_mentions import dated_mentions
    from histkit.extract.citations import citation_problems, citations_table
    from histkit.extract.references import article_references, references_table

    threshold = check_threshold(threshold)
    refs = article_references(article)
    reconciled = reconcile(citations_table(article, stage_sections), refs, threshold)
    references = mark_cited(references_table(article, refs), reconciled)
    notes = footnote_sources(article, refs, threshold)
    # "de Gottlob Frege, em 1918": a listed author dated by a year the list does not print, reported as unsure.
    mentions = dated_mentions(article, reconciled)
    problems = citation_problems(article)
    problems = pd.concat([problems, mentions], ignore_index=True) if len(mentions) else problems
    findings = audit_findings(article, reconciled, refs, notes, problems)
    return Audit(reconciled, references, notes, findings, refs)
