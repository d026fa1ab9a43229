"""Reconciling in-text citations with the reference list: which reference each cited work is.

:func:`reconcile` gives each cited work its reference and says how it was found (``match``):

- ``exact``: the family names as printed and the year are those of a reference key;
- ``folded``: equal once case, accents and apostrophes are folded ("Bartra" and "BARTRA"), with
  co-authors in any order, "et al." for the co-authors, compound surnames by their last part, a
  corporate name printed short or by the acronym its entry prints ("SNBP" for "SISTEMA NACIONAL
  DE BIBLIOTECAS PÚBLICAS. SNBP."), a year label ("2023c") the list leaves out, or an undated
  citation ("s.d.", "n.d.", "no prelo", "in press") and the one undated entry of these names;
- ``fuzzy``: same year, and the folded names are at least ``threshold`` similar (rapidfuzz's
  normalised Indel ratio, 0-100), e.g. "LAZITCH; DRACHKOVITCH" in the text and "LAZITCH;
  DRCHKOVITCH" in the list, or "Paul Krugmam" (a first name before a misprinted family) and KRUGMAN;
- ``first-author``: same year and same first author, and exactly one entry of that year has
  that first author, though the co-authors differ ("BRAIT, 2012" for "BRAIT; PISTORI ... 2012",
  "Laros, Marciano e Marciano (2010)" for "LAROS; MARCIANO; ANDRADE ... 2010");
- ``other-year``: the names agree and the cited year is another year the entry carries (an
  original's year in brackets, a translation's year);
- ``author-only``: no year agrees, but exactly one entry has these names, or exactly one of the
  entries with these names carries no year of its own (an online source dated only by its access
  date, "WORLD BANK. World Development Indicators ... Last access: Jan. 14, 2024."): the cited
  year is not in the entry; the citation must not name more words than the entry ("Ailton
  Krenak" is not taken for KRENAK without a year to agree);
- ``none``: no reference.

To add a way of matching: add its kind to :data:`MATCH_KINDS` in order of trust, try it in
:func:`match_name` after the kinds it trusts less than, and add a case to the tests.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz

from histkit.core.errors import ParameterError
from histkit.extract.citation_forms import ISSUE_DATE
from histkit.extract.citation_lowercase import DOMAIN
from histkit.extract.citations import fold
from histkit.extract.jurisdictions import territory
from histkit.extract.name_particles import PARTICLE_WORDS
from histkit.extract.references import Reference

DEFAULT_THRESHOLD = 85.0
MATCH_KINDS = ("exact", "folded", "fuzzy", "first-author", "other-year", "author-only", "none")
# Shown in the audit summary even when zero; the others only when some citation matched that way.
ALWAYS_COUNTED = ("exact", "folded", "fuzzy", "none")
ARCHIVAL_KINDS = ("archival document", "manuscript")
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


_SUFFIXES = {"junior", "jr", "filho", "neto", "sobrinho"}
# "et al." closing a cited name: "et al.", "*et al.,*", "*et al*." and "*et al* ." (a space before the period);
# the slips "et. al." and "et al. al." (:data:`histkit.extract.citation_forms._ETAL`).
_ETAL_END = r"et\.? al\.?(?: al\.)?,?\*?(?: ?\.)?$"


@functools.lru_cache(maxsize=4096)
def _families(name: str) -> list[str]:
    """Folded family names of a cited or listed name: no accents, apostrophes, "et al." or ellipsis."""
    out = []
    for part in name.split(";"):
        part = DOMAIN.sub("", re.sub(rf"\s+\*?{_ETAL_END}|\.\.\.$|…$", "", part.strip()))
        # Any hyphen (U+2010, U+2011 too: "Sánchez‐Moreno", "Hernández‑de‑Menéndez") parts a compound name.
        words = re.sub(r"[^\w ]+", "", re.sub(r"[-‐‑]", " ", fold(part))).split()
        # A generational suffix is not the family name: "GABRIEL JÚNIOR" is cited "Gabriel" too.
        while len(words) > 1 and words[-1] in _SUFFIXES:
            words.pop()
        if words:
            out.append(" ".join(words))
    return out


def _same_names(cited: str, listed: str) -> bool:
    """Co-authors in any order; "et al." stands for the rest; a one-word corporate short form."""
    a, b = _families(cited), _families(listed)
    if not a or not b:
        return False
    if sorted(a) == sorted(b):
        return True
    # Compound Iberian surnames cited by their last part ("Daibert" for "Barcelos Damasceno Daibert")
    # and a first name printed before the family ("Ruth Glass").
    if sorted(n.split()[-1] for n in a) == sorted(n.split()[-1] for n in b):
        return True
    if re.search(_ETAL_END, cited.strip()) and a[0] == b[0]:
        return True
    if len(a) != 1 or len(b) != 1:
        return False
    # A title entry or a corporate author printed long ("NBS – National Bureau ..."), cited short.
    if f"{b[0]} ".startswith(f"{a[0]} ") or f"{a[0]} ".startswith(f"{b[0]} "):
        return True
    # A country as author cited in the article's language: "Brazil" for "Brasil." (CLDR names, via Babel).
    return a[0] != b[0] and (code := territory(a[0])) is not None and code == territory(b[0])


def _same_first(cited: str, listed: str) -> bool:
    """The first authors agree (folded, or by the last part of a compound surname)."""
    a, b = _families(cited), _families(listed)
    return bool(a and b) and (a[0] == b[0] or a[0].split()[-1] == b[0].split()[-1])


_LINKS = frozenset({"e", "y", "and", "of", "for", "the", "a", "em", "para", "no", "na", "en", "und", "fur"})


def _initials(key: str) -> str:
    """First letters of a corporate name's words, particles and links left out ("CLSI" of "Clinical and ...")."""
    words = re.findall(r"[^\W\d_]+", fold(key))
    return "".join(w[0] for w in words if w not in _LINKS and w not in PARTICLE_WORDS) if len(words) > 1 else ""


def _named(name: str, ref: Reference) -> bool:
    """The cited names are the entry's (:func:`_same_names`) or the acronym a corporate entry prints."""
    if _same_names(name, ref.key):
        return True
    if name.isupper() and 2 <= len(name) <= 8 and name.isalpha() and _initials(ref.key) == fold(name):
        # "(CLSI, 2008)", "(IBGE, 2010)": a body cited by the initials of the name its entry spells out (APA 8.21).
        return True
    if not ref.acronym:
        return False
    # "IBAMA-MMA" for "Instituto ... (IBAMA) & Ministério do Meio Ambiente (MMA)": joint bodies cited by
    # their acronyms joined with a hyphen or slash, the first the entry's.
    cited = _families(name)
    return cited == _families(ref.acronym) or (
        len(cited) == 1
        and cited[0].split()[0] == _families(ref.acronym)[0]
        and re.search(r"[A-Z][-/][A-Z]", name) is not None
    )


def _only_candidate(name: str, named: Sequence[Reference]) -> Reference | None:
    """The one entry with these names, or the one among them that carries no year of its own.

    With no year to agree, the names must: a citation with words the entry's names lack ("Sociedad
    Rural Argentina" for the title entry "ARGENTINA de regreso al FMI", "Ailton Krenak" for KRENAK)
    is not taken for it.
    """
    words = sum(len(n.split()) for n in _families(name))
    named = [r for r in named if words <= sum(len(n.split()) for n in _families(r.key))]
    if len(named) == 1:
        return named[0]
    undated = [r for r in named if r.year_first is None and not r.years]
    return undated[0] if len(undated) == 1 else None


def _similarity(cited: str, listed: str) -> float:
    """Similarity (0-100) of the folded names; a first name printed before one family is left out.

    "Paul Krugmam" (a misprint) against KRUGMAN compares "krugmam" with "krugman", as
    :func:`_same_names` compares "Ruth Glass" with "Glass" by its last part.
    """
    score = fuzz.ratio(fold(listed), fold(cited))
    a, b = _families(cited), _families(listed)
    if len(a) == 1 and len(b) == 1 and len(a[0].split()) > 1 and len(b[0].split()) == 1:
        score = max(score, fuzz.ratio(b[0], a[0].split()[-1]))
    if a and b and re.search(_ETAL_END, cited.strip()):
        # "Arroyo-Rodrigues *et al.*" for ARROYO-RODRÍGUEZ; MELO; ...: "et al." stands for the co-authors, so
        # the first authors are compared.
        score = max(score, fuzz.ratio(a[0], b[0]))
    return score


def _year_digits(year: str) -> str:
    return re.sub(r"[a-z]$", "", year)


def _carries(ref: Reference, year: str) -> bool:
    """Whether the entry carries the cited year among its original, translation and imprint years."""
    digits = _year_digits(year)
    return digits.isdigit() and int(digits) in (ref.years or ())


def match_name(
    name: str,
    year: str,
    refs: Sequence[Reference],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    by_year: bool = True,
) -> Match:
    """Find the reference for a cited name (and year).

    Tried in order, the first reference in list order winning a tie:

    - ``exact``: the names as printed and the year of a reference key;
    - ``folded``: equal once case, accents and apostrophes are folded, co-authors in any order,
      "et al." standing for the co-authors, or a year label the list leaves out ("2023c");
    - ``fuzzy``: same year, folded names at least ``threshold`` similar;
    - ``first-author``: same year, and the only entry of that year with this first author;
    - ``other-year``: the names, and the cited year is another year the entry carries (an
      original's "[1929]" cited instead of the translation's imprint year);
    - ``author-only``: no year agrees, but exactly one entry has these names, or exactly one of
      them carries no year of its own.

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
        ``kind`` is one of :data:`MATCH_KINDS`.

    """
    threshold = check_threshold(threshold)
    pool = [r for r in refs if not by_year or r.year == year]
    # "OMOTE *et al.*, 2005" is the entry of 2005 with co-authors, "OMOTE, 2005" the one alone (APA 8.17,
    # NBR 10520): entries that agree come first, list order kept among them.
    etal = re.search(_ETAL_END, name.strip()) is not None
    pool.sort(key=lambda r: etal != (len(r.authors) > 1 or r.et_al))
    if by_year and ISSUE_DATE.fullmatch(year):
        # "(El Cronista, 24/5/17)": of the entries of this newspaper, the one that prints this issue's date.
        printed = re.compile(rf"(?<![\d/]){re.escape(year)}(?![\d/])")
        for r in refs:
            if _named(name, r) and printed.search(f"{r.date} {r.title}"):
                return Match(r.ref_id, "exact" if r.key == name else "folded", 100.0)
        return Match("", "none", 0.0)  # another issue of the paper is another work
    for r in pool:
        if r.key == name:
            return Match(r.ref_id, "exact", 100.0)
    for r in pool:
        if fold(r.key) == fold(name):
            return Match(r.ref_id, "folded", 100.0)
    for r in pool:
        if _named(name, r):
            return Match(r.ref_id, "folded", 100.0)
    if by_year and year and _year_digits(year) != year:
        # "2023c" against a list that prints the year without its label: the c-th such entry.
        same = [r for r in refs if _year_digits(r.year) == _year_digits(year) and _named(name, r)]
        index = ord(year[-1]) - ord("a")
        if same and (len(same) == 1 or index < len(same)):
            return Match(same[min(index, len(same) - 1)].ref_id, "folded", 100.0)
    best: tuple[float, int, str] | None = None
    for r in pool:
        score = _similarity(name, r.key)
        if score >= threshold and (best is None or score > best[0]):
            best = (score, r.number, r.ref_id)
    if best is not None:
        return Match(best[2], "fuzzy", round(best[0], 1))
    if by_year and len(firsts := [r for r in pool if _same_first(name, r.key)]) == 1:
        return Match(firsts[0].ref_id, "first-author", 100.0)
    if by_year:
        named = [r for r in refs if _named(name, r)]
        undated = [r for r in named if r.year_first is None]
        if year and not any(c.isdigit() for c in year) and len(undated) == 1:
            # "(SILVA, s.d.)", "(Lee, in press)": an undated citation and the one undated entry of these names
            # (NBR 10520, APA 8.19) agree; no year differs.
            return Match(undated[0].ref_id, "folded", 100.0)
        carrying = [r for r in named if _carries(r, year)]
        if carrying:
            return Match(carrying[0].ref_id, "other-year", 100.0)
        if only := _only_candidate(name, named):
            return Match(only.ref_id, "author-only", 100.0)
    return Match("", "none", 0.0)


def same_work_candidates(name: str, year: str, refs: Sequence[Reference]) -> list[Reference]:
    """Every entry the cited names and year fit, when the year carries no letter to choose among them.

    "Santos *et al.* 2018" with two entries Santos ... 2018 and no "2018a"/"2018b" (NBR 10520 and APA
    ask for the letters): :func:`match_name` takes the first in list order; the audit says so.
    """
    if not year or _year_digits(year) != year:
        return []
    return [r for r in refs if r.year == year and _named(name, r)]


def same_year_other_names(name: str, year: str, refs: Sequence[Reference]) -> list[Reference]:
    """Entries of the cited year that share one of the cited family names but are not these names.

    "Andrade e Laros (2008)" with ANDRADE; LAROS 2007 and LAROS; MARCIANO 2008 in the list: the names
    fit the first, the year the second, and the text does not say which slipped; the audit names both.
    """
    cited = {f.split()[-1] for f in _families(name)}
    digits = _year_digits(year)
    return [
        r for r in refs
        if _year_digits(r.year) == digits and not _named(name, r) and cited & {f.split()[-1] for f in _families(r.key)}
    ]


def by_original(name: str, year: str, original: str, refs: Sequence[Reference]) -> Reference | None:
    """The one entry of several with these names and year that carries the original's year cited in brackets.

    "BAKHTIN, 2011 [1979]" and "2011 [1954-1961]" against two BAKHTIN 2011 entries, one printing
    "[1951-1953] ... 2011/1979" and the other "[1954-1961] ... 2011": the bracketed year tells them apart
    (NBR 10520 and Chicago cite a reprint by both years).
    """
    fits = same_work_candidates(name, year, refs) if original else []
    if len(fits) < 2:
        return None
    exact = [r for r in fits if r.original_year == original]
    carrying = [r for r in fits if int(original) in r.years]
    return exact[0] if len(exact) == 1 else carrying[0] if len(carrying) == 1 else None


def _by_original(m: Match, name: str, year: str, original: str, refs: Sequence[Reference]) -> Match:
    chosen = by_original(name, year, original, refs)
    return Match(chosen.ref_id, m.kind, m.score) if chosen is not None and m.kind != "none" else m


def reconcile(citations: pd.DataFrame, refs: Sequence[Reference], threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Add ``ref_id``, ``match`` and ``score`` (a string with one decimal) to the citations table.

    Parameters
    ----------
    citations : DataFrame
        From :func:`histkit.extract.citations.citations_table`.
    refs : sequence of Reference
        From :func:`histkit.extract.references.article_references`.
    threshold : float
        Least similarity (0-100) for a fuzzy match (notebook parameter ``fuzzy_threshold``).

    """
    originals = citations["year_original"] if "year_original" in citations else [""] * len(citations)
    matches = [
        _by_original(match_name(a, y, refs, threshold), a, y, o, refs)
        for a, y, o in zip(citations["authors"], citations["year"], originals, strict=True)
    ]
    out = citations.copy()
    out["ref_id"] = [m.ref_id for m in matches]
    out["match"] = [m.kind for m in matches]
    out["score"] = [round(float(m.score), 1) for m in matches]
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
