"""The age of the sources against the years their passages tell."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from histkit.analyse.source_ages import languages, source_ages, source_classes, story_period
from histkit.core.errors import SeedError


class _Body:
    """A stand-in article: story_period only reads the body's passages and the seed id."""

    seed_id = "tiny"

    def __init__(self, *texts):
        self.text = "\n\n".join(texts)
        starts = [sum(len(t) + 2 for t in texts[:i]) for i in range(len(texts))]
        self.elements = [SimpleNamespace(text=t, start=a, pieces=[(a, a + len(t))])
                         for t, a in zip(texts, starts, strict=True)]

    def of_kind(self, *kinds):
        return self.elements


def test_source_ages(audit, article):
    ages = source_ages(audit.citations, audit.refs, article).set_index("citation_id")
    # "(AHSRE, 1919)": Borodin's journey of 1919 told from a document of 1919
    assert ages.loc["c11", "gap"] == 0 and ages.loc["c11", "source_class"] == "archival"
    # "(CARR, 1992; ...)": its sentence names the Comintern's congress of July 1920
    assert ages.loc["c16", "event_years"] == "1920" and ages.loc["c16", "gap"] == 72


def test_a_source_is_dated_by_its_own_passage_never_the_one_before(audit, article):
    # Line 139, Pestkovsky's "hasty retreat from Mexico ... (KATZ, 1981)", names no year; the
    # paragraph before it tells of Borodin's arrest "in 1949". KATZ documents the retreat, not the arrest.
    katz_paragraph = next(e for e in article.elements if "(KATZ, 1981)" in e.text)
    assert "1949" not in katz_paragraph.text
    ages = source_ages(audit.citations, audit.refs, article).set_index("citation_id")
    katz = ages[ages["key"] == "KATZ"].iloc[0]
    assert katz["event_years"] == "" and pd.isna(katz["gap"]) and katz["years_from"] == ""
    # a block quotation is still dated by the paragraph that introduces it (CLISSOLD 1970, 1925)
    assert ages.loc["c24", "event_years"] == "1925"


def test_story_period_from_body(article):
    # Line 39: Kollontai "born in 1872" is the earliest year the body names outside citations and
    # her death "in 1952" the latest (Borodin died in 1951); the article was published long after,
    # but its own year is never named in the body.
    assert story_period(article) == (1872, 1952)


@pytest.mark.parametrize(
    ("texts", "period"),
    [
        (["Born in 1884, died in 1951 (SMITH, 2005)."], (1884, 1951)),  # the citation's 2005 is left out
        (["In 1919 (JONES, 1920; SMITH, 1921).", "The 1925 strike."], (1919, 1925)),
        (["A life span (1892-1953) is not a citation."], (1892, 1953)),
        # acta-amazonica-land-cover: a quantity in millimetres is no year, as the dates table reads it
        (["Since 1991, annual rainfall between 1750 and 3000 mm (IBGE, 2006)."], (1991, 1991)),
        # hoehnea-senna-extracts: a program's version, and a concentration, are no years
        (["In 2003 the software Microsoft Excel 2019 read it, at 500 a 2000 µg/mL."], (2003, 2003)),
    ],
)
def test_story_period_cases(texts, period):
    assert story_period(_Body(*texts)) == period


def test_story_period_needs_a_year():
    with pytest.raises(SeedError, match="names no year"):
        story_period(_Body("No dates here (SMITH, 1990)."))


def test_source_ages_after_1945(audit, article):
    """Borodin's arrest (1949) is an event of the story: the old fixed 1900-1945 period dropped it."""
    ages = source_ages(audit.citations, audit.refs, article).set_index("citation_id")
    chang = ages[ages["key"] == "CHANG; HALLIDAY"].iloc[0]
    # Line 135: "He was arrested in 1949 ... (CHANG; HALLIDAY, 2005)": a 2005 book, 56 years
    # after the latest event its sentence tells.
    # its own sentence: "He was arrested in 1949 ... (CHANG; HALLIDAY, 2005)"
    assert chang["event_years"] == "1949"
    assert chang["gap"] == 2005 - 1949
    assert chang["years_from"] == "s5p03"
    # An explicit period still narrows the years read: the sentence then names none, the paragraph 1927.
    narrow = source_ages(audit.citations, audit.refs, article, period=(1900, 1945))
    assert narrow.loc[narrow["key"] == "CHANG; HALLIDAY", "event_years"].iloc[0] == "1927"


def test_classes_and_languages(audit):
    classes = source_classes(audit.citations, audit.refs).set_index("kind")
    assert classes.loc["archival document", "references"] == 2
    assert classes.loc["archival document", "cited_references"] == 1
    assert classes["references"].sum() == 25
    langs = languages(audit.citations, audit.refs).set_index("language")
    assert langs.loc["pl", "references"] == 1 and langs.loc["es", "references"] == 6


def test_gap_summary_keeps_a_half_year_median():

    from histkit.analyse.source_ages import gap_summary

    ages = pd.DataFrame({"source_class": ["published", "published", "archival"], "gap": [1.0, 2.0, None]})
    summary = gap_summary(ages)
    assert summary.loc["published", "median gap"] == "1.5"
    assert summary.loc["published", "citations"] == 2
    assert "archival" not in summary.index


@pytest.mark.parametrize(("name", "before", "quote"), [
    # its sentence names only the years of three works it cites
    ("ciedu-saresp", "tais como ", "Alves e Soares (2008)"),
    # its paragraph's only other year is "Ives (2009)", a source too
    ("mediacoes-cambiemos", "el rol social del enunciador ( ", "VERÓN, 1987"),
])
def test_the_years_of_narrative_citations_are_not_events(corpus, name, before, quote):
    from histkit.analyse.audit import run_audit

    audit = run_audit(corpus[name])
    ages = source_ages(audit.citations, audit.refs, corpus[name])
    at = corpus[name].text.index(before + quote) + len(before)
    (row,) = (r for _, r in ages.iterrows() if r["start"] == at and r["quote"] == quote)
    assert row["event_years"] == "" and pd.isna(row["gap"])
