"""Reconciliation: exact, folded and fuzzy matches of cited names with the reference list."""

from __future__ import annotations

import pandas as pd
import pytest

from histkit.analyse.reconcile import check_threshold, match_name, reconcile
from histkit.core.errors import ParameterError
from histkit.extract.references import parse_references

LIST = parse_references(
    [
        "CARR, B. **El movimiento obrero**. Mexico City: ERA, 1976.",
        "_____. **Marxism and Communism**. Lincoln: University of Nebraska Press, 1992.",
        "GÓMEZ, M. From Mexico to Moscow. **Survey 55**, London, Great Britain, October 1964.",
        "LAZITCH, B.; DRCHKOVITCH, M. **Lenin and the Comintern**. Stanford: Hoover, 1972.",
        "AHSRE - Acervo Histórico de la SRE. A letter. Berlin, 29 December 1919.",
    ]
)


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


def test_mark_cited_with_no_citation_at_all():
    import pandas as pd

    from histkit.analyse.reconcile import mark_cited

    refs = pd.DataFrame({"ref_id": ["ref01", "ref02"]})
    out = mark_cited(refs, pd.DataFrame({"ref_id": pd.Series([], dtype=str), "group": pd.Series([], dtype=str)}))
    assert list(out["cited"]) == [0, 0]
    assert list(out["citing_groups"]) == ["", ""]
