"""Translators, organisers and the edition printed after a book's title (NBR 6023; APA 7 10.2)."""

from __future__ import annotations

import pytest

from histkit.extract.reference_edition import title_notes
from histkit.extract.references import parse_entry


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # bak-p59099: the translator, then the edition
        ("Estética da criação verbal [1951-1953]. Tradução de Paulo Bezerra. 4. ed",
         ("Estética da criação verbal [1951-1953]", "Tradução de Paulo Bezerra", "4")),
        # bak-p59610: the edition first, without a space ("3ed.")
        ("Retórica. 3ed. Trad. e introdução de Manuel Alexandre Júnior",
         ("Retórica", "Trad. e introdução de Manuel Alexandre Júnior", "3")),
        # ensaio-deficiencia: a revised edition
        ("O normal e o patológico. 6. ed. rev", ("O normal e o patológico", "", "6")),
        # edur-literatura-indigena: an organiser
        ("Encontros. Org. Sergio Cohn", ("Encontros", "Org. Sergio Cohn", "")),
        # oes-tourism-gentrification: APA's edition in parentheses
        ("Contra-usos da Cidade (2ª ed.)", ("Contra-usos da Cidade", "", "2")),
        ("The Culture of Cities (10th ed)", ("The Culture of Cities", "", "10")),
        # a title's own sentences stay whole
        ("Teoria do romance I. A estilística", ("Teoria do romance I. A estilística", "", "")),
        ("Random thoughts. 2. How to strengthen each", ("Random thoughts. 2. How to strengthen each", "", "")),
    ],
)
def test_title_notes(title, expected):
    assert title_notes(title) == expected


def test_book_and_chapter_get_their_notes():
    book = parse_entry("CANGUILHEM, G. O normal e o patológico. 6. ed. rev. Rio de Janeiro: Forense Universitária, "
                       "2009.", "r", 1)  # ensaio-deficiencia
    assert (book.title, book.edition, book.place) == ("O normal e o patológico", "6", "Rio de Janeiro")
    chapter = parse_entry("BAKHTIN, M. O texto na linguística, na filologia e em outras ciências humanas: um "
                          "experimento de análise filosófica. *In:* BAKHTIN, M. *Os gêneros do discurso*. Tradução de "
                          "Paulo Bezerra. São Paulo: Editora 34, 2016. p.71-107.", "r", 1)  # bak-p59553
    assert (chapter.container, chapter.responsibility) == ("Os gêneros do discurso", "Tradução de Paulo Bezerra")
    # an entry read whole keeps its text: nothing is cut from it
    whole = parse_entry("CASTELLS, M. O poder da identidade: a era da informação. 9. ed. São Paulo: Paz e Terra. "
                        "2018. v. 2.", "r", 1)
    assert whole.edition == "" and whole.title.endswith("2018. v. 2.")


def test_hostile_titles_in_bounded_time():
    for title in (". Trad" * 5000, "1. ed. " * 5000, "(" + "1" * 5000 + " ed.)", "x. 2. ed" + " rev." * 5000):
        title_notes(title)
