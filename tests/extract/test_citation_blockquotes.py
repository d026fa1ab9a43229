"""A block quotation introduced by its author and closed by its year (NBR 10520, APA 8.27, Chicago 13.9).

Each case from two corpus articles (edur-literatura-indigena, bak-p59610); the quotes were read in
``article.txt``.
"""

from __future__ import annotations

import pytest

from histkit.analyse.reconcile import reconcile
from histkit.extract.citations import citations_table
from histkit.extract.references import article_references


def _rows(art):
    refs = {r.ref_id: r for r in article_references(art)}
    return reconcile(citations_table(art), list(refs.values())), refs


@pytest.mark.parametrize(
    ("article", "lead_in", "closing", "year", "title"),
    [
        # edur-literatura-indigena: "Para Coelho, > A literatura é uma linguagem específica ... (2000, p.27)."
        ("edur-literatura-indigena", "Para Coelho,", "(2000, p.27)", "2000", "Literatura infantil"),
        # bak-p59610: "Mikhail Bakhtin afirma: > A vida social viva ... (2015, p.63; grifos nossos)."
        ("bak-p59610", "Mikhail Bakhtin afirma:", "(2015, p.63; grifos nossos)", "2015", "Teoria do romance I"),
        # bak-p59610: "Volóchinov, no ensaio “A palavra na vida ...”, afirma: > ... (2019, p.127; ...)"
        ("bak-p59610", "Volóchinov, no ensaio “A palavra na vida e a palavra na poesia”, afirma:",
         "(2019, p.127; grifos no original)", "2019", "A palavra na vida e a palavra na poesia"),
    ],
)
def test_year_closing_a_block_quote_cites_the_author_who_introduces_it(corpus, article, lead_in, closing, year,
                                                                       title):
    art = corpus[article]
    rows, refs = _rows(art)
    at = art.text.index(closing, art.text.index(lead_in))
    (row,) = rows[rows["start"] == at].itertuples()
    assert (row.quote, row.year, row.form) == (closing, year, "narrative")
    assert art.text.index(lead_in) <= row.group_start < art.text.index(lead_in) + len(lead_in)
    assert title in refs[row.ref_id].title


@pytest.mark.parametrize(
    ("before", "closing"),
    [
        # bak-p59610: the paragraph before ends a sentence with its own citation, "(BAKHTIN, 2008, p.207).": it
        # does not introduce the quotation, whose "(2009, p.22)" names no one
        ("(BAKHTIN, 2008, p.207).", "(2009, p.22)"),
        # bak-p59610: "Explica a autora que ... Por isso," then a note: the element before the quote is the note,
        # and the author is named by a pronoun
        ("Valentin N. Volóchinov e Pavel N. Medviédev.", "(2013, p.46; grifo no original)"),
    ],
)
def test_a_block_quote_year_without_a_named_lead_in_is_no_citation(corpus, before, closing):
    art = corpus["bak-p59610"]
    rows, _ = _rows(art)
    at = art.text.index(closing, art.text.index(before))
    assert not ((rows["group_start"] <= at) & (rows["group_end"] > at)).any()
