"""The book a chapter is in, read from hosts that are not ABNT's "NAMES (Org.). Book. Place: Publisher, Year."."""

from __future__ import annotations

import pytest

from histkit.extract.reference_host import chapter_host
from histkit.extract.references import parse_entry


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            # oes-tourism-gentrification: APA 7 10.3, the book in italics, pages last without "pp."
            "Luchiari, M. T. (2004). Urbanização turística: um novo nexo entre o lugar e o mundo. In: C. Serrano, "
            "H. Bruhns, M. Luchiari (Orgs): *Olhares contemporâneos sobre o turismo* (3ª ed.). Campinas, SP: "
            "Papirus, 105-130.",
            {"kind": "chapter", "title": "Urbanização turística: um novo nexo entre o lugar e o mundo",
             "container": "Olhares contemporâneos sobre o turismo", "pages": "105-130", "place": "Campinas, SP",
             "publisher": "Papirus"},
        ),
        (
            # bragantia-grapevine: no italics; the book follows the editor's role, edition and pages in parentheses
            "Tecchio, M. A., Hernandes, J. L., Pires, E. J. P., Terra, M. M. and Moura, M. F. (2018). Cultivo da "
            "videira para mesa, vinho e suco. In: R. Pio (ed.). Cultivo de fruteiras clima temperado em regiões "
            "subtropicais e tropicais (2 ed., p. 512-584). Lavras: UFLA.",
            {"kind": "chapter", "container": "Cultivo de fruteiras clima temperado em regiões subtropicais e "
             "tropicais", "pages": "512-584", "place": "Lavras", "publisher": "UFLA"},
        ),
        (
            # bak-p59099: ABNT with the book in italics, a translator's note and edition before the imprint, the
            # pages after the year (so not ABNT's "Place: Publisher, Year." that ends the entry)
            "BAKHTIN, M. M. O problema do texto na linguística, na filologia e em outras ciências humanas "
            "[1954-1961]. *In:* BAKHTIN, M. M. *Estética da criação verbal.* Tradução de Paulo Bezerra. 4. ed. São "
            "Paulo: Martins Fontes, 2011, p.307-336.",
            {"kind": "chapter", "container": "Estética da criação verbal", "pages": "307-336", "place": "São Paulo",
             "publisher": "Martins Fontes"},
        ),
        (
            # paz-mixed-flocks: CSE, "Place, Publisher" with a comma is not read as an imprint
            "Machado, C.G. & Rodrigues, N.M.R. 2000. Alteração de altura de forrageamento de espécies de aves quando "
            "associadas a bandos mistos. In: Alves, M.A.S.; Silva, J.M.C. & Sluys, V.M. (Org.). Ornitologia "
            "brasileira: perspectivas, conservação e pesquisa. Rio de Janeiro, Ed. UERJ. p. 231-239.",
            {"kind": "chapter", "container": "Ornitologia brasileira: perspectivas, conservação e pesquisa",
             "pages": "231-239", "place": "", "publisher": ""},
        ),
    ],
)
def test_chapter_hosts(entry, expected):
    ref = parse_entry(entry, "r", 1)
    assert {k: getattr(ref, k) for k in expected} == expected


def test_no_book_without_italics_or_role():
    # edur-metodologias-ativas: editors and book cannot be told apart; nothing is read
    assert chapter_host("Proceedings of the International Conference on Evaluation and Assessment in Software "
                        "Engineering (pp. 68-77). Bari, Italy; University of Bari.") == {}


def test_hostile_hosts_in_bounded_time():
    for host in ("(Ed.) " + "A. " * 5000, "*" + "x" * 10000, "(Org.). " + "Place: " * 3000, "x, 1-2" * 4000):
        chapter_host(host)


@pytest.mark.parametrize(
    ("entry", "editors", "authors"),
    [
        # oes-tourism-gentrification, line 282: the book's organisers with their initials first, then "(Orgs)"
        ("Luchiari, M. T. (2004). Urbanização turística: um novo nexo entre o lugar e o mundo. In: C. Serrano, H. "
         "Bruhns, M. Luchiari (Orgs): *Olhares contemporâneos sobre o turismo* (3ª ed.). Campinas, SP: Papirus, "
         "105-130.",
         [("Serrano", "C."), ("Bruhns", "H."), ("Luchiari", "M.")], []),
        # paz-mixed-flocks, line 138: family names first, "&" before the last, "(Org.)"
        ("Develey, P.F. 2001. The mixed flocks of birds in the Neotropical forests. In: Albuquerque, J.; Cândido-Jr., "
         "J.F.; Straube, F.C. & Roos, A.L. (Org.). Ornitologia e Conservação: da ciência às estratégias. Tubarão, Ed. "
         "Unisul, p. 39-48.",
         [("Albuquerque", "J."), ("Cândido-Jr.", "J.F."), ("Straube", "F.C."), ("Roos", "A.L.")], []),
        # oes-tourism-gentrification: with no role, the book's author (who wrote the chapter too)
        ("Rodrigues, A. B. (2003). Ecoturismo: limites do eco e da ética. In A. B. Rodrigues. *Ecoturismo no Brasil: "
         "possibilidades e limites* . São Paulo, SP: Contexto.", [], [("Rodrigues", "A. B.")]),
        # left alone: "D. T. Herbert, e R. J. Johnston, R.J. (eds)" has a piece that is no person: no editors read
        ("Hamnett, C. (1984). Gentrification and residential location theory: a review and assessment. In D. T. "
         "Herbert, e R. J. Johnston, R.J. (eds). Geography and the urban environment. Progress in research and "
         "applications. London: Wiley-Blackwell, p. 283-319.", [], []),
    ],
)
def test_a_book_s_people_after_in(entry, editors, authors):
    """The book's editors were lost in every export and style ("Luchiari (2004) ..., Olhares contemporâneos ...")."""
    ref = parse_entry(entry, "r", 1)
    assert ref.kind == "chapter" and ref.container
    assert [(n.family, n.given) for n in ref.container_editors] == editors
    assert [(n.family, n.given) for n in ref.container_authors] == authors
