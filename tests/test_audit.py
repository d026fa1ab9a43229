from types import SimpleNamespace

import pandas as pd
import pytest

import histkit as hk
from histkit.audit import (
    ages_figure,
    check_threshold,
    citations_figure,
    citing_passages,
    counts_by_section,
    counts_by_stage,
    explorer_default_view,
    footnote_sources,
    languages,
    make_explorer,
    match_name,
    most_cited,
    reconcile,
    run_audit,
    source_ages,
    source_classes,
    story_period,
)
from histkit.errors import ParameterError, SeedError
from histkit.references import parse_references
from histkit.tables import check_provenance

LIST = parse_references(
    [
        "CARR, B. **El movimiento obrero**. Mexico City: ERA, 1976.",
        "_____. **Marxism and Communism**. Lincoln: University of Nebraska Press, 1992.",
        "GÓMEZ, M. From Mexico to Moscow. **Survey 55**, London, Great Britain, October 1964.",
        "LAZITCH, B.; DRCHKOVITCH, M. **Lenin and the Comintern**. Stanford: Hoover, 1972.",
        "AHSRE - Acervo Histórico de la SRE. A letter. Berlin, 29 December 1919.",
    ]
)


@pytest.fixture(scope="module")
def article():
    return hk.load_seed()


@pytest.fixture(scope="module")
def audit(article):
    return run_audit(article)


@pytest.mark.parametrize(
    ("name", "year", "ref_id", "kind"),
    [
        ("CARR", "1976", "ref01", "exact"),
        ("CARR", "1992", "ref02", "exact"),
        ("Carr", "1992", "ref02", "folded"),
        ("GOMEZ", "1964", "ref03", "folded"),
        ("Gómez", "1964", "ref03", "folded"),
        ("LAZITCH; DRACHKOVITCH", "1972", "ref04", "fuzzy"),
        ("CARR", "1980", "", "none"),  # right author, wrong year
        ("STERN", "1990", "", "none"),
        ("AHSRE", "1919", "ref05", "exact"),
    ],
)
def test_match_name(name, year, ref_id, kind):
    m = match_name(name, year, LIST)
    assert (m.ref_id, m.kind) == (ref_id, kind)


def test_threshold_decides_fuzzy():
    # one letter dropped from 41: similarity 97.6
    assert match_name("LAZITCH; DRACHKOVITCH", "1972", LIST, 97.0).kind == "fuzzy"
    assert match_name("LAZITCH; DRACHKOVITCH", "1972", LIST, 98.0).kind == "none"
    assert match_name("ASRE", "", LIST, 85.0, by_year=False).ref_id == "ref05"
    assert match_name("ASRE", "", LIST, 90.0, by_year=False).kind == "none"


@pytest.mark.parametrize("bad", [-1, 101, "85", True, None])
def test_threshold_checked(bad):
    with pytest.raises(ParameterError, match="fuzzy_threshold"):
        check_threshold(bad)


def test_reconcile_small():
    cites = pd.DataFrame({"authors": ["CARR", "Carr", "SMITH"], "year": ["1992", "1976", "2000"]})
    out = reconcile(cites, LIST)
    assert out["match"].tolist() == ["exact", "folded", "none"]
    assert out["ref_id"].tolist() == ["ref02", "ref01", ""]
    assert out["score"].tolist() == ["100.0", "100.0", "0.0"]


# --- the seed --------------------------------------------------------------------------------------


def test_provenance(audit, article):
    for name in ("citations", "references", "footnote_sources", "findings"):
        check_provenance(getattr(audit, name), article.text, name)
    check_provenance(source_ages(audit.citations, audit.refs, article), article.text, "source_ages")


def test_every_citation_found_a_reference(audit):
    c = audit.citations
    assert (c["match"] != "none").all()
    assert c["match"].value_counts().to_dict() == {"exact": 28, "folded": 1, "fuzzy": 1}
    assert c.loc[c["match"] == "folded", "quote"].tolist() == ["Bartra, 1986, p. 320"]
    assert c.loc[c["match"] == "fuzzy", "quote"].tolist() == ["LAZITCH; DRACHKOVITCH, 1972"]


def test_findings_named(audit):
    f = audit.findings
    kinds = f.groupby("kind")["subject"].apply(list).to_dict()
    assert kinds["uncited-reference"] == ["GAA"]
    assert kinds["fuzzy-match"] == ["LAZITCH; DRACHKOVITCH"]
    assert kinds["several-years"] == ["CARR"]
    assert kinds["footnote-archive"] == ["ASRE"]
    assert "unmatched-citation" not in kinds
    gaa = f[f["kind"] == "uncited-reference"].iloc[0]
    assert "s1p01" in gaa["detail"]  # the introduction quotes Zapata's letter to Amezcua
    asre = f[f["kind"] == "footnote-archive"].iloc[0]
    assert "'AHSRE'" in asre["detail"] and "not this one of 1925" in asre["detail"]
    assert asre["quote"] == "Vadillo to SRE, Moscow, 30 April 1925, ASRE, 18-22-86"


def test_footnote_sources(article, audit):
    fs = footnote_sources(article, audit.refs)
    assert fs["footnote"].tolist() == [1, 2, 2, 2, 2, 2, 3]
    assert fs["kind"].tolist() == ["other", "archival", "press", "press", "press", "archival", "article"]
    weddell = fs.iloc[5]
    # footnote 2 continues after a page break: the item has two verbatim pieces
    assert weddell["text"].startswith("Weddell to Secretary of State") and weddell["pieces"].count("-") == 2
    assert weddell["text"].endswith("812.00/27508")


def test_uncited_and_cited_counts(audit):
    refs = audit.references.set_index("key")
    assert refs.loc["BARTRA", "cited"] == 5
    assert refs.loc["GAA", "cited"] == 0
    assert int((audit.references["cited"] > 0).sum()) == 24


def test_counts_by_section_and_stage(audit, article):
    sections = counts_by_section(audit.citations, article)
    assert sections["works"].sum() == 30
    assert sections.set_index("section").loc[2, "works"] == 13  # 4 + 1 + 4 + 2 + 1 + 1 in THE FIRST STAGE
    stages = counts_by_stage(audit.citations)
    assert stages["stage"].tolist() == [1, 2, 3]
    assert stages["works"].tolist() == [13, 6, 3]


def test_most_cited(audit):
    top = most_cited(audit.citations, audit.refs, top=3)
    assert top["key"].tolist() == ["BARTRA", "ORTIZ", "PESTKOWSKI"]
    assert top["citations"].tolist() == [5, 2, 2]


def test_source_ages(audit, article):
    ages = source_ages(audit.citations, audit.refs, article).set_index("citation_id")
    # "(AHSRE, 1919)": Borodin's journey of 1919 told from a document of 1919
    assert ages.loc["c11", "gap"] == 0 and ages.loc["c11", "source_class"] == "archival"
    # "(CARR, 1992; ...)": the congress of 1919 and July 1920
    assert ages.loc["c16", "event_years"] == "1919;1920" and ages.loc["c16", "gap"] == 72


def test_story_period_from_body(article):
    # Line 39: Kollontai "born in 1872" is the earliest year the body names outside citations and
    # her death "in 1952" the latest (Borodin died in 1951); the article was published long after,
    # but its own year is never named in the body.
    assert story_period(article) == (1872, 1952)


class _Body:
    """A stand-in article: story_period only reads the body's passages and the seed id."""

    seed_id = "tiny"

    def __init__(self, *texts):
        self.texts = texts

    def of_kind(self, *kinds):
        return [SimpleNamespace(text=t) for t in self.texts]


@pytest.mark.parametrize(
    ("texts", "period"),
    [
        (["Born in 1884, died in 1951 (SMITH, 2005)."], (1884, 1951)),  # the citation's 2005 is left out
        (["In 1919 (JONES, 1920; SMITH, 1921).", "The 1925 strike."], (1919, 1925)),
        (["A life span (1892-1953) is not a citation."], (1892, 1953)),
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
    # Line 135: "When in 1927 Beijing authorities raided ..." and "He was arrested in 1949 ...
    # (CHANG; HALLIDAY, 2005)": a 2005 book, 56 years after the latest event its passage tells.
    assert chang["event_years"] == "1927;1949"
    assert chang["gap"] == 2005 - 1949
    assert chang["years_from"] == "s5p03"
    # An explicit period still narrows the years read.
    narrow = source_ages(audit.citations, audit.refs, article, period=(1900, 1945))
    assert narrow.loc[narrow["key"] == "CHANG; HALLIDAY", "event_years"].iloc[0] == "1927"


def test_classes_and_languages(audit):
    classes = source_classes(audit.citations, audit.refs).set_index("kind")
    assert classes.loc["archival document", "references"] == 2
    assert classes.loc["archival document", "cited_references"] == 1
    assert classes["references"].sum() == 25
    langs = languages(audit.citations, audit.refs).set_index("language")
    assert langs.loc["pl", "references"] == 1 and langs.loc["es", "references"] == 6


def test_summary(audit):
    s = audit.summary().set_index("count")["value"]
    assert (s["citation groups"], s["cited works"], s["references"]) == (22, 30, 25)


def test_audit_parameters(article):
    strict = run_audit(article, threshold=99.0)
    assert strict.citations["match"].value_counts()["none"] == 1
    assert "unmatched-citation" in set(strict.findings["kind"])
    with pytest.raises(ParameterError, match="stage_sections"):
        run_audit(article, stage_sections=[2, 2])


def test_citing_passages(audit, article):
    passages = citing_passages(audit, article, "ref19")
    check_provenance(passages, article.text, "citing passages")
    assert passages["citation"].tolist() == ["(PESTKOWSKI, 1961)", "(PESTKOWSKI, 1961)"]
    assert passages["before"].iloc[0].endswith("would not risk US economic and military sanctions")
    assert citing_passages(audit, article, "ref11").empty  # GAA is never cited
    with pytest.raises(ParameterError, match="ref_id"):
        citing_passages(audit, article, "ref99")


def test_explorer_widget(audit, article):
    box = make_explorer(audit, article)
    picker, view = box.children
    assert picker.value == "ref03"  # BARTRA, the most cited
    assert view.value.count("<li>") == 5
    picker.value = "ref11"
    assert "never cited" in view.value
    # A fixed sentence (not VBox(children=(...)), which lists every option and varies by version).
    assert repr(make_explorer(audit, article)) == (
        "Citation explorer: run the notebook in JupyterLab to pick a reference and read its citing passages."
    )


def test_explorer_default_view(audit, article):
    view = explorer_default_view(audit, article)
    # BARTRA 1986 is cited five times, all in the introduction (lines 29-37 of article.txt), the
    # last time together with LOMNITZ 2014.
    assert view["citation"].tolist() == [
        "(BARTRA, 1986, p. 320)",
        "(Bartra, 1986, p. 320)",
        "(BARTRA, 1986, p. 321)",
        "(BARTRA, 1986, p. 322)",
        "(BARTRA, 1986; LOMNITZ, 2014)",
    ]
    assert set(view["section"]) == {1}


def test_citations_figure(audit, article):
    fig = citations_figure(audit, article)
    ax = fig.axes[0]
    heights = {}
    for container in ax.containers:
        heights[container.get_label()] = [int(p.get_height()) for p in container.patches]
    # section 2 holds the two archival citations: (AHSRE, 1919) and (PHILLIPS, 1920, p. 5-8)
    assert heights["archival"] == [0, 2, 0, 0, 0]
    assert heights["published"] == [6, 11, 6, 3, 2]


def test_ages_figure(audit, article):
    ages = source_ages(audit.citations, audit.refs, article)
    fig = ages_figure(ages)
    points = sum(len(c.get_offsets()) for c in fig.axes[0].collections)
    assert points == int(ages["event_last"].notna().sum())


def test_mark_cited_with_no_citation_at_all():
    import pandas as pd

    from histkit.audit import mark_cited

    refs = pd.DataFrame({"ref_id": ["ref01", "ref02"]})
    out = mark_cited(refs, pd.DataFrame({"ref_id": pd.Series([], dtype=str), "group": pd.Series([], dtype=str)}))
    assert list(out["cited"]) == [0, 0]
    assert list(out["citing_groups"]) == ["", ""]


def test_gap_summary_keeps_a_half_year_median():
    import pandas as pd

    from histkit.audit import gap_summary

    ages = pd.DataFrame({"source_class": ["published", "published", "archival"], "gap": [1.0, 2.0, None]})
    summary = gap_summary(ages)
    assert summary.loc["published", "median gap"] == "1.5"
    assert summary.loc["published", "citations"] == 2
    assert "archival" not in summary.index
