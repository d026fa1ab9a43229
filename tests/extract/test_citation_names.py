"""Narrative authors decided by the reference list: words before the author, names that are not authors."""

from __future__ import annotations

import pytest

from histkit.extract.citation_names import listed_names, names_listed, trim_to_listed
from histkit.extract.citations import citation_problems, citations_table, find_groups

ABNT = [
    "SAVAGE, M.; WARDE, A. *Urban sociology, capitalism and modernity*. Londres: Macmillan, 1993.",
    "SOARES, J. F.; ALVES, M. T. G. Desigualdades raciais no sistema brasileiro de educação básica. 2003.",
    "REDAÇÃO. ONU denuncia racismo sistêmico em Portugal. *Veja*, 2021.",
    "KRUGMAN, P. Why is China in so much Trouble? *The New York Times,* Aug. 31, 2023.",
    "NBS – National Bureau of Statistics of China. *National data.* Beijing: NBS, 2024.",
]
APA = ["Savage, M., & Warde, A. (1993). *Urban sociology, capitalism and modernity*. Macmillan."]


def test_listed_names_are_names_not_title_words():
    listed = listed_names(ABNT)
    assert {"savage", "warde", "soares", "alves", "krugman", "nbs", "redacao"} <= listed
    assert not {"portugal", "urban", "educacao", "china", "trouble"} & listed
    assert {"savage", "warde"} <= listed_names(APA)
    assert "urban" not in listed_names(APA)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (("Specifically", "Savage", "Warde"), (1, 0)),  # oes: a sentence-initial adverb
        (("Educação Básica", "Soares", "Alves"), (1, 0)),  # ciedu: a noun phrase before a comma
        (("Paul Krugmam",), (0, 5)),  # ecos: a first name, and the family mistyped
        (("Savage", "Warde"), (0, 0)),
        (("Democracy",), (0, 0)),  # nothing listed: unchanged
    ],
)
def test_trim_to_listed(names, expected):
    assert trim_to_listed(names, listed_names(ABNT)) == expected


def test_names_listed():
    listed = listed_names(ABNT)
    assert names_listed(("Savage",), listed)
    assert names_listed(("Krugmam",), listed)  # one letter off a listed family
    assert not names_listed(("Portugal",), listed)
    assert not names_listed(("Teatro Mariinsky",), listed)


@pytest.mark.parametrize(
    ("text", "authors", "quote"),
    [
        ("Specifically, Savage and Warde (1993) argue", ("Savage", "Warde"), "Savage and Warde (1993)"),  # oes
        ("na Educação Básica, Soares e Alves (2003) mostram", ("Soares", "Alves"), "Soares e Alves (2003)"),  # ciedu
        ("as Paul Krugmam (2023) wrote", ("Krugmam",), "Krugmam (2023)"),  # ecos
    ],
)
def test_narrative_authors_start_at_the_first_listed_name(text, authors, quote):
    (group,) = find_groups(text, listed=listed_names(ABNT))
    assert group.works[0].authors == authors
    assert text[group.start : group.end] == quote


@pytest.mark.parametrize(
    "text",
    [
        "desde a Revolução dos Cravos em Portugal (1974) até",  # bak-p59610
        "o Teatro Mariinsky (1860) em São Petersburgo",  # bak-p59553, a photo caption
        "in Democracy (1999) he",  # bak-p59384, a book title
    ],
)
def test_year_only_narrative_naming_nobody_listed_is_a_problem(text):
    (group,) = find_groups(text, listed=listed_names(ABNT))
    assert group.works == []
    assert [p.text for p in group.problems] == [text[group.start : group.end]]
    # without a reference list nothing is decided
    assert find_groups(text)[0].works


def test_unlisted_work_with_a_locator_stays_a_citation():
    # bak-p59610: "Grillo (2008, p.143)" is not in the list, but a page makes it a citation
    (group,) = find_groups("segundo Grillo (2008, p.143), o", listed=listed_names(ABNT))
    assert [(w.authors, w.pages) for w in group.works] == [(("Grillo",), "143")]


@pytest.mark.parametrize(
    ("article", "gone", "problem"),
    [
        ("bak-p59553", "Teatro Mariinsky (1860)", "Teatro Mariinsky (1860)"),
        ("bak-p59610", "Portugal (1974)", "Portugal (1974)"),
        ("edur-literatura-indigena", "Tamoios (1535)", "Tamoios (1535)"),
    ],
)
def test_corpus_false_narratives_become_problems(corpus, article, gone, problem):
    rows = citations_table(corpus[article])
    assert gone not in " ".join(rows["group_quote"])
    problems = citation_problems(corpus[article])
    assert problem in set(problems["quote"])
    reason = problems.loc[problems["quote"] == problem, "reason"].iloc[0]
    assert "reference list does not print" in reason and "date" in reason


@pytest.mark.parametrize(
    ("article", "quote", "authors"),
    [
        ("oes-tourism-gentrification", "Savage and Warde (1993)", "Savage; Warde"),
        ("ciedu-saresp", "Soares e Alves (2003)", "Soares; Alves"),
        ("bak-p59610", "Grillo (2008, p.143)", "Grillo"),
    ],
)
def test_corpus_narratives_keep_the_authors_only(corpus, article, quote, authors):
    rows = citations_table(corpus[article])
    row = rows[rows["quote"] == quote].iloc[0]
    assert (row["authors"], row["form"]) == (authors, "narrative")
    assert corpus[article].text[row["start"] : row["end"]] == quote


@pytest.mark.parametrize(
    ("text", "quote", "authors", "year"),
    [
        (  # bak-p58270
            "fato. Searle, em *Expression and Meaning* (1979), apresentará",
            "Searle, em *Expression and Meaning* (1979)",
            ("Searle",),
            "1979",
        ),
        (  # bak-p58270
            "Na obra de Searle e Daniel Vanderveken, *Foundations of Illocutionary Logic* (1985), encontramos",
            "Searle e Daniel Vanderveken, *Foundations of Illocutionary Logic* (1985)",
            ("Searle", "Daniel Vanderveken"),
            "1985",
        ),
        (  # bak-p59099
            "por Bakhtin em *Problemas da poética de Dostoievski* (2008 [1963]) e",
            "Bakhtin em *Problemas da poética de Dostoievski* (2008 [1963])",
            ("Bakhtin",),
            "2008",
        ),
    ],
)
def test_title_between_a_listed_author_and_the_year(text, quote, authors, year):
    listed = listed_names(["SEARLE, J. R.; VANDERVEKEN, D. *Foundations*. 1985.", "BAKHTIN, M. *Problemas*. 2008."])
    (group,) = find_groups(text, listed=listed)
    assert text[group.start : group.end] == quote
    assert [(w.authors, w.year, w.form) for w in group.works] == [(authors, year, "narrative")]


@pytest.mark.parametrize(
    "text",
    [
        "No *Meaning and Speech Acts* (1990, p.103) ele",  # bak-p58270: no author before the title
        "Vargas em *A vida* (1990) e",  # fixture: an author the list does not print
    ],
)
def test_title_form_needs_a_listed_author(text):
    listed = listed_names(["SEARLE, J. R. *Meaning*. 1990."])
    assert find_groups(text, listed=listed) == []


@pytest.mark.parametrize(
    ("article", "quote", "authors"),
    [
        # the italic "et al." is the co-authors, not a title between the author and the year
        ("paz-mixed-flocks", "Brandt *et al.* (2009)", "Brandt *et al.*"),
        ("paz-mixed-flocks", "Batista *et al.* (2013)", "Batista *et al.*"),
        ("hoehnea-senna-extracts", "Ellman *et al.* (1961)", "Ellman *et al.*"),
    ],
)
def test_an_italic_et_al_in_a_narrative_citation_is_not_a_title(corpus, article, quote, authors):
    rows = citations_table(corpus[article])
    assert list(rows.loc[rows["quote"] == quote, "authors"].unique()) == [authors]


@pytest.mark.parametrize(
    "text",
    [
        "by applying Lett and Banister (2009) proposed methodology",  # ecos: co-authors, a work not listed
        "segundo Smith et al. (2001), o",  # fixture: et al.
    ],
)
def test_unlisted_co_authors_stay_citations(text):
    (group,) = find_groups(text, listed=listed_names(ABNT))
    assert group.works and group.works[0].form == "narrative"
