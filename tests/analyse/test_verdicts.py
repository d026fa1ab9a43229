from __future__ import annotations

import re

from histkit.analyse import verdicts
from histkit.analyse.claims import STATUSES
from histkit.cases import spenser
from histkit.text.tables import check_provenance


def test_all_claims_gathers_both_kinds_with_provenance(article):
    claims = spenser.all_claims(article)
    check_provenance(claims, article.text, "claims")
    assert {"chronology", "arithmetic", "conversion"} <= set(claims["kind"])
    assert claims["claim_id"].is_unique
    assert set(claims["status"]) <= set(STATUSES)


def test_the_225_percent_claim_is_inconsistent_with_the_articles_own_wages(article):
    # The two wages as printed in the article, and the stated increase.
    m = re.search(r"average salary had been ([\d.]+) pesos a month, in 1927 it had risen to ([\d.]+), "
                  r"an increase of (\d+)%", article.body[[e.element_id for e in article.body].index("s3p10")].text)
    low, high, stated = float(m.group(1)), float(m.group(2)), float(m.group(3))
    increase = (high / low - 1) * 100
    assert abs(increase - stated) > 100  # about 122%, not 225%
    claims = spenser.all_claims(article).set_index("claim_id")
    assert claims.loc["wage-225-increase", "status"] == "inconsistent"


def test_verdict_counts_add_up(article):
    claims = spenser.all_claims(article)
    counts = verdicts.verdict_counts(claims)
    assert list(counts.columns) == ["kind", *STATUSES, "checks"]
    assert counts["checks"].sum() == len(claims)
    assert (counts[list(STATUSES)].sum(axis=1) == counts["checks"]).all()


def test_a_seed_without_curated_files_has_no_checks(tiny):
    claims = verdicts.all_claims(tiny)
    assert claims.empty
    assert verdicts.verdict_counts(claims)["checks"].sum() == 0
