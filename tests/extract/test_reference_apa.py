"""What follows "(Year)." in an APA entry: article, chapter or book (oes-tourism-gentrification and fixtures)."""

from __future__ import annotations

import pytest

from histkit.extract.reference_apa import apa_body, clean
from histkit.extract.references import parse_entry


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            # oes-tourism-gentrification: journal in italics, volume in italics, issue, pages, a bare DOI
            "Meethan, K. (1997). York: managing the tourist city. *Cities* , *16* (6), 333-342. "
            "10.1016/S0264-2751(97)00024-2",
            {"kind": "article", "title": "York: managing the tourist city", "container": "Cities", "volume": "16",
             "issue": "6", "pages": "333-342", "year": "1997"},
        ),
        (
            # oes-tourism-gentrification: "In" without a colon opens a chapter
            "Smith, N. (2007). A gentrificação generalizada. In C. Bidou-Zachariasen. *De volta à cidade*. "
            "São Paulo, SP: Annablume, 59-87.",
            {"kind": "chapter", "title": "A gentrificação generalizada", "year": "2007"},
        ),
        (
            # oes-tourism-gentrification: "Place: Publisher." with the year before the title
            "Bardin, L. (2016). Análise de conteúdo. São Paulo, SP: Edições 70.",
            {"kind": "book", "title": "Análise de conteúdo", "place": "São Paulo, SP", "publisher": "Edições 70"},
        ),
        (
            # fixture: an APA article without an issue
            "Lee, V. E. (2001). Multilevel questions. *Educational Research*, *30*, 10-20.",
            {"kind": "article", "container": "Educational Research", "volume": "30", "issue": "", "pages": "10-20"},
        ),
    ],
)
def test_apa_entries(entry, expected):
    ref = parse_entry(entry, "r", 1)
    assert {k: getattr(ref, k) for k in expected} == expected


def test_apa_editors():
    # oes-tourism-gentrification: "(Org.)" before the year makes the names editors
    ref = parse_entry("Steinberger, M. (Org.) (2009) Territórios Turísticos. Brasília, DF: LGE.", "r", 1)
    assert ([n.family for n in ref.editors], ref.authors, ref.year) == (["Steinberger"], (), "2009")
    ref = parse_entry("Silva, A. (Ed.). (2010). Um livro. Recife: UFPE.", "r", 1)  # fixture
    assert ([n.family for n in ref.editors], ref.year, ref.title) == (["Silva"], "2010", "Um livro")


def test_abnt_entry_is_not_read_as_apa():
    # the seed's form: the year last, read by the ABNT forms before apa_body is ever tried
    ref = parse_entry("BARRIOS, E. El escuadrón de hierro. Mexico City: Cultura Popular, 1978.", "r", 1)
    assert (ref.kind, ref.place, ref.year) == ("book", "Mexico City", "1978")
    assert apa_body("Something without any shape") is None
    assert clean("**Survey 55**, *Cities*") == "Survey 55, Cities"
