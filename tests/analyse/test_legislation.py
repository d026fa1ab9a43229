"""Legislation named in the text, resolved to the reference list: two corpus articles and a fixture."""

from __future__ import annotations

from histkit.analyse.audit import run_audit
from histkit.analyse.legislation import legislation_mentions
from histkit.extract.references import article_references
from histkit.text.ingest import parse_article


def _mentions(article):
    return legislation_mentions(article, article_references(article))


def test_acts_named_in_the_text_find_their_entries(corpus):
    # ensaio-deficiencia: "o Decreto nº 6.214/2007 (BRASIL, 2007b)" in the body, "O Decreto nº 5.296/04" in
    # note 2; the list prints "BRASIL. Decreto nº 6.214, de 26 de setembro de 2007." and "... nº 5.296, de 2 de
    # dezembro de 2004.".
    article = corpus["ensaio-deficiencia"]
    found = _mentions(article)
    refs = {r.ref_id: article.text[r.start : r.end] for r in article_references(article)}
    assert list(zip(found["quote"], found["year"], strict=True)) == [
        ("Decreto nº 5.296/04", "2004"),
        ("Decreto nº 6.214/2007", "2007"),
    ]
    assert refs[found["ref_id"][0]].startswith("BRASIL. Decreto nº 5.296, de 2 de dezembro de 2004")
    assert refs[found["ref_id"][1]].startswith("BRASIL. Decreto nº 6.214, de 26 de setembro de 2007")
    assert (found["quote"] == [article.text[a:b] for a, b in zip(found["start"], found["end"], strict=True)]).all()


def test_an_act_no_entry_prints_is_a_finding(corpus):
    # bak-p59099: "Lei n. 13.104/2015" is named; the list's "Constituição Federal" entry only links to it.
    findings = run_audit(corpus["bak-p59099"]).findings
    unlisted = findings[findings["kind"] == "legislation-unlisted"]
    assert "Lei n. 13.104/2015" in set(unlisted["quote"])
    assert all("no entry of the list prints" in d for d in unlisted["detail"])


def test_fixture_forms_of_the_number():
    text = (
        "# Título\n\nResumo: um texto.\n\n1 INTRODUÇÃO\n\nA Lei no 9.394, de 1996, e a Resolução nº 2/2015 "
        "regem o tema (BRASIL, 1996).\n\nREFERÊNCIAS\n\nBRASIL. Lei nº 9.394, de 20 de dezembro de 1996. "
        "Estabelece as diretrizes. Brasília: Presidência da República, 1996.\n"
    )
    article = parse_article(text, "fixture")
    found = _mentions(article)
    assert list(found["quote"]) == ["Lei no 9.394", "Resolução nº 2/2015"]
    assert list(found["number"]) == ["9394", "2"]
    assert found["ref_id"][0] != "" and found["ref_id"][1] == ""


def test_the_first_article_names_no_act(article):
    assert _mentions(article).empty
