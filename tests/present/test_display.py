"""What a reader sees: dates in words, reader tables, numbers, Markdown prose."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from histkit.core.errors import DateError, HistkitError
from histkit.present import display
from histkit.present.display import cell_text, date_in_words, figure, heading, reader_table

# EDTF as the workbook stores it, the article's own words it comes from, and what a reader sees.
ARTICLE_DATES = [
    ("1927-21", "the spring of 1927", "spring 1927"),
    ("1926-23", "the fall of 1926", "autumn 1926"),
    ("../1927-03", "By March 1927 Kollontai resolved to leave Mexico", "by March 1927"),
    ("1924", "1924", "1924"),
    ("1920-07~", "called for July 1920", "c. July 1920"),  # Phillips received by Lenin at the Second Congress
]

WORDS = [
    # the examples of the issue
    ("1927-21", "spring 1927"),
    ("[1919-09..1919-11]", "Sept.-Nov. 1919"),
    ("1919-09/1919-11", "Sept.-Nov. 1919"),
    ("../1927-03", "by March 1927"),
    ("1920-07~", "c. July 1920"),
    ("1926-23", "autumn 1926"),
    ("1924", "1924"),
    # the other forms the workbook's tables hold
    ("1926-12", "December 1926"),
    ("1918-02-14", "14 February 1918"),
    ("1919-08/1919-09", "Aug.-Sept. 1919"),
    ("1919-09?/1919-12", "Sept.?-Dec. 1919"),
    ("1924-10/1926-23", "Oct. 1924 – autumn 1926"),
    ("1926-06/1927-21", "June 1926 – spring 1927"),
    ("1923/1927", "1923-1927"),
    ("1923/..", "from 1923"),
    ("../1927", "by 1927"),
    ("192X", "the 1920s"),
    ("1925?", "1925?"),
    ("1925%", "c. 1925?"),
    ("1925-04-07/1925-04-10", "7-10 April 1925"),
    ("[1919-09,1919-11]", "September 1919 or November 1919"),
    ("{1919,1920}", "1919 and 1920"),
]


@pytest.mark.parametrize(("edtf", "words"), WORDS)
def test_date_in_words(edtf: str, words: str) -> None:
    assert date_in_words(edtf) == words


@pytest.mark.parametrize(("edtf", "phrase", "words"), ARTICLE_DATES)
def test_dates_read_as_the_article_writes_them(article, edtf: str, phrase: str, words: str) -> None:
    # the article's own phrase is there, and the words shown say the same thing with no code
    assert phrase in article.text
    shown = date_in_words(edtf)
    assert shown == words
    assert shown.split()[-1] in phrase  # the year the article gives
    assert not re.search(r"\d{4}-\d\d|\.\.|~|\[|/", shown)


@pytest.mark.parametrize("bad", ["", "spring 1927", "1927-13", "1927/19", None])
def test_date_in_words_rejects_what_is_not_edtf(bad: object) -> None:
    with pytest.raises(DateError, match="EDTF"):
        date_in_words(bad)  # type: ignore[arg-type]
    assert issubclass(DateError, HistkitError)


def test_legend_is_one_line_naming_each_mark() -> None:
    legend = display.DATE_LEGEND
    assert "\n" not in legend
    for mark in ("c.", "?", "by", "from", "CSV"):
        assert mark in legend
    assert display.date_legend()._repr_markdown_() == f"*{legend}*"


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [
        (2.2231, None, "2.22"),  # the break-even price ratio: "about 2.2 times", not 2.2231
        (122.31, None, "122"),
        (411.3, None, "411"),
        (7.74234, None, "7.74"),
        (0.01, None, "0.01"),
        (12345.6, None, "12,346"),
        (124.78, 2, "124.78"),  # pesos as the article gives them, to the centavo
        (56.1, 2, "56.1"),
        (0.0, None, "0"),
        (-3.456, None, "-3.46"),
        (float("nan"), None, ""),
    ],
)
def test_figure(value: float, digits: int | None, text: str) -> None:
    assert figure(value, digits) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (pd.NA, ""),
        (float("nan"), ""),
        ({"pesos": 56.13, "year": 1910}, "pesos: 56.1; year: 1910"),
        (("borodin", "roy"), "borodin, roy"),
        (["a", None, "b"], "a, b"),
        ("first paragraph\n\nsecond", "first paragraph second"),
        ("escaped\\n\\nbreak", "escaped break"),
        ("  spaced   out ", "spaced out"),
        (True, "yes"),
        (1927, "1927"),
        (25000, "25,000"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_heading_from_snake_case() -> None:
    assert heading("age_at_arrival_min") == "Age at arrival min"
    assert heading("line") == "Line"


def test_reader_table_shows_what_a_reader_needs() -> None:
    quote = (
        "In the spring of 1927, Kollontai asked to be recalled: the climate, together with the altitude "
        "of the city, drained her energy, and her work in Mexico had come to a standstill"
    )
    frame = pd.DataFrame(
        {
            "seed": ["s", "s"],
            "event_id": ["kollontai-recall", "pestkovsky-arrives"],
            "edtf": ["1927-21", "1924-10"],
            "months_min": [5.333333, pd.NA],
            "actors": [("kollontai",), ("pestkovsky", "calles")],
            "quote": [quote, "arrived\n\nin Mexico"],
            "start": [10, 20],
            "end": [30, 40],
        },
        index=[7, 9],
    ).astype({"months_min": "Float64"})
    table = reader_table(frame)
    assert list(table.frame.columns) == ["Date", "Months min", "Actors", "Quote"]
    assert table.frame["Date"].tolist() == ["spring 1927", "October 1924"]
    assert table.frame["Months min"].tolist() == ["5.33", ""]
    assert table.frame["Actors"].tolist() == ["kollontai", "pestkovsky, calles"]
    page = table._repr_html_()
    assert quote in page  # whole, not cut with "…"
    assert "…" not in page and "<NA>" not in page and "\\n" not in page
    assert "white-space:normal" in page
    for hidden in ("kollontai-recall", ">7<", ">9<", "event_id", "Seed", "Start"):
        assert hidden not in page
    assert "\n" not in repr(table).split("\n", 1)[0]  # plain form: headings on one line
    assert repr(table).splitlines()[0] == "Date | Months min | Actors | Quote"
    assert len(table) == 2


def test_reader_table_columns_headings_digits_and_escaping() -> None:
    frame = pd.DataFrame({"measure": ["wage <1927>"], "value": [124.78], "edtf": ["1927"]})
    table = reader_table(frame, ["measure", "value"], headings={"value": "Pesos"}, digits={"value": 2})
    assert list(table.frame.columns) == ["Measure", "Pesos"]
    assert table.frame.iloc[0].tolist() == ["wage <1927>", "124.78"]
    assert "wage &lt;1927&gt;" in table._repr_html_()
    with pytest.raises(KeyError, match="no column"):
        reader_table(frame, ["wages"])


def test_prose_renders_as_markdown() -> None:
    prose = display.summary(["The wage rose from 56.13 to 124.78 pesos.", "", "Prices are unknown."], "What holds")
    assert prose._repr_markdown_() == (
        "**What holds**\n\n- The wage rose from 56.13 to 124.78 pesos.\n- Prices are unknown."
    )
    assert repr(display.markdown("  *one* line  ")) == "*one* line"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the chronology's checks, as the workbook writes them
        ("Lenin dies (1924-01)", "Lenin dies (January 1924)"),
        ("1918-02-14..1918-02-14", "14 February 1918"),
        ("relative: +5 months from 1924-10", "relative: +5 months from October 1924"),
        ("from (1924-10) to (1926-23): 2 years", "from (October 1924) to (autumn 1926): 2 years"),
        ("(1919-08/1919-09) ends", "(Aug.-Sept. 1919) ends"),
        # what only looks like a code stays: the article's "railway strike of 1926-27", a title's "1919-39"
        ("The railway strike of 1926-27", "The railway strike of 1926-27"),
        ("Regeneración 1919-39", "Regeneración 1919-39"),
        ("in 1924", "in 1924"),
    ],
)
def test_codes_in_words(text: str, words: str) -> None:
    assert display.codes_in_words(text) == words


def test_reader_table_is_not_read_as_math():
    """A "\\$" repair beside a "$" would be typeset by MathJax as "$ → $": the table opts out."""
    import pandas as pd

    from histkit.present.display import reader_table

    html = reader_table(pd.DataFrame({"quote": ["\\$"], "replacement": ["$"]}))._repr_html_()
    # JupyterLab 4 runs MathJax 3 (ignoreHtmlClass "mathjax_ignore"); nbconvert's pages MathJax 2 ("tex2jax_ignore")
    assert 'class="histkit-reader mathjax_ignore tex2jax_ignore"' in html
    assert "\\$" in html


def test_repairs_view_shows_what_each_repair_reads(article):
    """Page-break rows say what is read and that a page break stood there, never a fragment and a blank."""
    from histkit.present.overview_views import repairs_view
    from histkit.text.tables import repairs_table

    assert "determination\n\nand resources" in article.text  # line 43, as printed
    table = repairs_view(repairs_table(article))
    shown = table.frame
    joins = shown[shown["Kind"] == "page-break-join"]
    assert (joins["Read as"] != "").all()
    assert "determination and" in set(joins["As printed"])  # the printed words, linked to the article
    assert "determination and (one sentence across a page break)" in set(joins["Read as"])
    assert ("organized workers (one sentence across a page break; the line between goes back to its footnote)"
            in set(joins["Read as"]))  # fmt: skip
    assert set(shown[shown["Kind"] == "footnote-continuation"]["Read as"]) == {"the end of footnote 2"}
    assert all(span is not None for span in table.spans)  # offsets kept: the site links each quote
