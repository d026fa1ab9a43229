"""A listed author named with a year their entries do not print: reported as unsure, never a citation.

Cases from two corpus articles (bak-p58270, bak-p59384) and fixtures; the quotes were read in ``article.txt``.
"""

from __future__ import annotations

from histkit.analyse.audit import run_audit
from histkit.extract.citation_mentions import REASON_DATED_MENTION, dated_mentions
from histkit.extract.citations import citations_table
from histkit.text.ingest import parse_article
from histkit.text.tables import check_provenance


def test_corpus_dated_mentions(corpus):
    # bak-p58270: "em *O pensamento* de Gottlob Frege, em 1918" (FREGE 1956, The Thought) and "nas *Investigações
    # filosóficas* de Ludwig Wittgenstein, em 1953" (WITTGENSTEIN 2010): originals' dates, the list's translations.
    art = corpus["bak-p58270"]
    rows = dated_mentions(art, citations_table(art))
    assert list(rows["quote"]) == ["Frege, em 1918", "Wittgenstein, em 1953"]
    assert set(rows["reason"]) == {REASON_DATED_MENTION}
    check_provenance(rows, art.text, "dated_mentions")
    # bak-p59384: "desde o nascimento de Bakhtin, em 1895": an event of the author's life
    art = corpus["bak-p59384"]
    assert list(dated_mentions(art, citations_table(art))["quote"]) == ["Bakhtin, em 1895"]


def test_the_audit_reports_them_as_not_read(corpus):
    findings = run_audit(corpus["bak-p58270"]).findings
    rows = findings[findings["detail"] == REASON_DATED_MENTION]
    assert set(rows["kind"]) == {"not-read-as-citation"} and list(rows["quote"]) == ["Frege, em 1918",
                                                                                       "Wittgenstein, em 1953"]


_TEXT = """Um artigo

Introdução

Como Searle, em 1969, propôs, e como Searle em 1983 retomou (SEARLE, 1983), a Comissão, em 1990, decidiu.

Referências

SEARLE, J. R. *Speech Acts*. New York: Cambridge University Press, 1969.

SEARLE, J. R. *Intentionality*. New York: Cambridge University Press, 1983.

BRASIL. Lei nº 9.394, de 20 de dezembro de 1996. Brasília, 1990.
"""


def test_years_the_list_prints_and_other_names_are_not_reported():
    # Fixture: Searle's 1969 and 1983 are printed by his entries; "Comissão" is no listed person; a corporate
    # BRASIL is no person either.
    art = parse_article(_TEXT, "fixture")
    assert dated_mentions(art, citations_table(art)).empty
