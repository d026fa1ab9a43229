from __future__ import annotations

from histkit.present import dated_statements


def test_open_ends_are_said_as_the_article_says_them(corpus):
    # oes-tourism-gentrification: "since the 1980s", "Until the 1960s", "Institutionally, until 1980, there was
    # little participation": EDTF stores 1980/.., ../1969 and ../1980, which read "from 1980", "by 1969", "by 1980".
    article = corpus["oes-tourism-gentrification"]
    shown = dated_statements.statements_view(dated_statements.dated_statements(article), article).frame
    said = dict(zip(shown["As the article writes it"], shown["Date"], strict=True))
    assert said["since the 1980s"] == "since the 1980s"
    assert said["Until the 1960s"] == "until the 1960s"
    assert said["until 1980"] == "until 1980"
    assert said["Since 1990"] == "from 1990"
    assert said["the 1990s"] == "the 1990s"


def test_an_open_end_on_part_of_a_decade_is_said_as_the_article_says_it(corpus):
    # ecos-china-new-normal: "since the mid-2000s" is stored from 2003 on (DECADE_PARTS), which read "from 2003".
    article = corpus["ecos-china-new-normal"]
    assert "since the mid-2000s" in article.text
    shown = dated_statements.statements_view(dated_statements.dated_statements(article), article).frame
    said = dict(zip(shown["As the article writes it"], shown["Date"], strict=True))
    assert said["since the mid-2000s"] == "since the mid-2000s"


def test_early_and_late_read_without_a_hyphen():
    from types import SimpleNamespace

    said = dated_statements._date_words
    early = SimpleNamespace(edtf="1990/..", form="part-of-decade-pt-es", qualifier="desde")  # "desde o início"
    assert said(early) == "since the early 1990s"
    assert said(SimpleNamespace(edtf="../1999", form="part-of-decade", qualifier="until")) == "until the late 1990s"
    assert said(SimpleNamespace(edtf="1923/1927", form="part-of-decade", qualifier="")) == "1923-1927"
