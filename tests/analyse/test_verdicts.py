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


def test_a_seed_without_curated_files_has_only_automatic_checks(tiny):
    claims = verdicts.all_claims(tiny)
    assert verdicts.curated_claims(tiny).empty
    assert set(claims["checker"]) == {"automatic"}
    # the tiny text prints "fifty rubles (US\\$25)": both amounts, but no rate of the time
    assert list(zip(claims["kind"], claims["status"], strict=True)) == [("conversion", "unverifiable")]
    assert verdicts.verdict_counts(claims)["checks"].sum() == 1


def test_curated_and_automatic_checks_have_one_row_per_statement(article):
    claims = spenser.all_claims(article)  # the engine's checks and the case's railway checks
    assert set(claims["checker"]) == {"curated", "automatic"}
    curated = claims[claims["checker"] == "curated"]
    automatic = claims[claims["checker"] == "automatic"]
    for a in automatic.itertuples():  # an automatic row survives only where no curated row covers it
        assert not ((curated["start"] < a.end) & (a.start < curated["end"])).any()
    # the 225% is the curated pair of readings, not a second automatic pair
    assert list(claims.loc[claims["quote"].str.contains("225%"), "checker"]) == ["curated", "curated"]
    # the rise from 56.13 to 124.78 pesos is checked automatically: the curated files say nothing of its direction
    rise = automatic[automatic["quote"].str.contains("risen to 124.78")]
    assert list(rise["status"]) == ["consistent"]


def test_curated_rows_carry_a_formula_and_a_reason(article):
    curated = spenser.all_claims(article).query("checker == 'curated'")
    assert (curated["formula"] != "").all() and (curated["reason"] != "").all()
    assert set(curated["checker"]) == {"curated"}
