"""A source line naming one name the list does not print: reported, not cited (fixtures; the corpus has none)."""

from __future__ import annotations

import pytest

from histkit.extract.citations import find_groups


@pytest.mark.parametrize(
    "text",
    [
        "Tabela 2 – Bairros por renda. Fonte: (Curitiba, 2021).",  # fixture: the form
        "Tabela 3 (Fonte: Curitiba, 2021).",  # fixture: the label inside the parenthesis
        "Figure 1. Source: (Porto Alegre, 2019)",  # fixture: a place of two words, in English
        "Cuadro 1 (Fuente: Rosario, 2018)",  # fixture: in Spanish
    ],
)
def test_an_unlisted_name_as_a_source_is_reported_not_cited(text):
    # A place (or body) whose data a table shows, or a work missing from the list: the text does not say
    # which, so the audit says so (reason) rather than count a citation.
    (group,) = find_groups(text, listed=frozenset({"silva", "ibge"}))
    assert group.works == []
    (problem,) = group.problems
    assert problem.reason.startswith("a source line")
    assert text[group.start : group.end].strip("()") in {"Curitiba, 2021", "Porto Alegre, 2019", "Rosario, 2018"}


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Fonte: (IBGE, 2010).", ("IBGE",)),  # a listed source is a citation
        ("Fonte: (Curitiba, 2021; Silva, 2020).", ("Curitiba", "Silva")),  # several works: read as cited
        ("os bairros (Curitiba, 2021) mostram", ("Curitiba",)),  # no source label: a work missing from the list
    ],
)
def test_a_source_label_changes_nothing_else(text, authors):
    works = [w for g in find_groups(text, listed=frozenset({"silva", "ibge"})) for w in g.works]
    assert tuple(w.authors[0] for w in works) == authors
