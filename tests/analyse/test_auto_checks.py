import pytest

from histkit.analyse.auto_checks import automatic_claims
from histkit.analyse.claims import COLUMNS, STATUSES
from histkit.cases import spenser
from histkit.text.ingest import parse_article
from histkit.text.tables import check_provenance


def test_every_row_and_input_quotes_the_article(corpus):
    for name, article in corpus.items():
        claims = automatic_claims(article)
        assert list(claims.columns) == COLUMNS
        check_provenance(claims, article.text, name)
        assert set(claims["status"]) <= set(STATUSES) and set(claims["checker"]) <= {"automatic"}
        for spans, quotes in zip(claims["inputs"], claims["input_quotes"], strict=True):
            quoted = [article.text[int(a) : int(b)] for a, b in (s.split("-") for s in spans.split(";"))]
            assert " | ".join(quoted) == quotes


def test_no_automatic_verdict_contradicts_a_curated_one(article):
    auto = automatic_claims(parse_article(article.text, "uncurated-copy"))
    curated = spenser.all_claims(article).query("checker == 'curated'")
    for a in auto.itertuples():
        for c in curated.itertuples():
            if a.start < c.end and c.start < a.end:  # unverifiable (no outside rate) contradicts nothing
                assert {a.status, c.status} != {"consistent", "inconsistent"}, (a.quote, c.claim_id)
                assert a.status == c.status or "unverifiable" in {a.status, c.status}


@pytest.mark.parametrize("name", ["edur-metodologias-ativas", "bragantia-grapevine", "hoehnea-senna-extracts"])
def test_articles_without_truth_give_no_inconsistency_by_guess(corpus, name):
    # read by hand: these three articles have no slip the checks can see
    assert "inconsistent" not in set(automatic_claims(corpus[name])["status"])
