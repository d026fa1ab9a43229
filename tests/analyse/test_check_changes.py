import re

from histkit.text.ingest import parse_article
from tests.analyse._claims_fixtures import fixture, only, rows


def _uncurated(article):
    return parse_article(article.text, "uncurated-copy")


def test_the_225_percent_is_read_both_ways_and_holds_under_neither(article):
    pattern = r"had been ([\d.]+) pesos a month, in 1927 it had risen to ([\d.]+), an increase of (\d+)%"
    low, high, stated = map(float, re.search(pattern, article.text).groups())
    found = rows(_uncurated(article), "percent_change", "225%")
    assert len(found) == 2 and set(found["status"]) == {"inconsistent"}
    computed = {r: float(c.rstrip("%")) for r, c in zip(found["formula"], found["computed"], strict=True)}
    assert any(abs(v - 100 * (high / low - 1)) < 0.01 for v in computed.values())
    assert any(abs(v - 100 * high / low) < 0.01 for v in computed.values())
    assert all(abs(v - stated) > 1 for v in computed.values())


def test_the_fall_from_41_to_6_percent(article):
    row = only(_uncurated(article), "points_change", "fallen to 6%")
    assert row["status"] == "consistent" and row["computed"].startswith("-35.00")


def test_portuguese_growth_printed_far_from_its_figures(corpus):
    article = corpus["edur-literatura-indigena"]
    census = re.search(r"([\d.]+) indíviduos.*?de ([\d.]+) em 2010", article.text)
    old, new = (int(n.replace(".", "")) for n in census.groups())
    row = only(article, "percent_change", "11,9")
    assert row["status"] == "inconsistent"
    assert abs(float(row["computed"].rstrip("%")) - 100 * (new / old - 1)) < 0.01


def test_fixture_changes_and_multiples():
    en, pt, es = fixture("en"), fixture("pt"), fixture("es")
    assert set(rows(en, "percent_change", "150%")["status"]) == {"consistent", "inconsistent"}  # ratio 250%
    assert only(pt, "percent_change", "crescimento de 50%")["status"] == "consistent"
    assert only(es, "percent_change", "aumento del 50%")["status"] == "consistent"
    assert only(en, "ratio", "twice")["status"] == "consistent"  # 30 / 14 = 2.14
    assert only(pt, "ratio", "dobrou")["status"] == "consistent"  # 99 / 50
    assert only(es, "ratio", "triplicó")["status"] == "consistent"  # 115 / 40 = 2.9
    assert only(en, "direction", "fallen to 3.10")["status"] == "inconsistent"  # 2.50 -> 3.10 is a rise
    assert only(es, "direction", "caído a 1.800,25")["status"] == "inconsistent"


def test_falls_in_percentage_points_in_portuguese_and_spanish():
    assert only(fixture("pt"), "points_change", "caiu para 6%")["status"] == "consistent"  # 41% -> 6%
    assert only(fixture("es"), "points_change", "caído a 35%")["status"] == "inconsistent"  # 30% -> 35% is a rise
