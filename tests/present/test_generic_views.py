"""The generic workbook's views on articles nobody curated: what they say is read from the article."""

from __future__ import annotations

import pytest

from histkit.present import article_views, dated_statements, numbers_views, table_explorer


def test_front_matter_fields_in_words():
    assert article_views.field_in_words("abstract_pt") == "abstract (Portuguese)"
    assert article_views.field_in_words("keywords") == "keywords (English)"
    assert article_views.field_in_words("author_note_2") == "note on the authors"
    assert article_views.field_in_words("title_other") == "title in another language"


def test_dates_are_compared_only_where_both_exist(corpus, tiny):
    shown = article_views.dates_view(corpus["mediacoes-cambiemos"]).frame
    assert list(shown["Agree"]) == ["nothing to compare", "nothing to compare"]
    assert list(shown["As printed in the article"]) == ["not printed", "not printed"]
    tiny_dates = article_views.dates_view(tiny).frame  # RECEBIDO EM: 01/02/2020, as seed.toml records
    assert list(tiny_dates["Agree"]) == ["yes", "yes"]
    assert list(tiny_dates["As printed in the article"]) == ["1 February 2020", "3 April 2020"]


def test_title_block_names_the_article_and_its_languages(corpus):
    text = repr(article_views.title_block(corpus["bak-p59610"]))
    assert text.startswith("**Racismo e a constituição de um signo ideológico de resistência**, by Maria Helena")
    assert "Abstracts printed in: Portuguese." in text
    assert "4 sections" in text


def test_title_block_gives_the_affiliations_the_article_prints(corpus):
    # ciedu-saresp prints its one author's affiliation under the abstracts (line 16 of its text)
    text = repr(article_views.title_block(corpus["ciedu-saresp"]))
    assert ("- Affiliations as printed: Universidade Estadual Paulista (UNESP), Faculdade de Ciências e Letras, "
            "Departamento de Educação, Araraquara, SP, Brasil (line 16).") in text


def test_abstracts_are_the_articles_own_words(corpus):
    text = repr(article_views.abstracts(corpus["ecos-china-new-normal"]))
    assert "**Abstract (English)**" in text and "**Abstract (Portuguese)**" in text
    assert "We examine the drivers of China’s recent economic growth slowdown" in text


def test_a_section_without_heading_is_named_so(corpus):
    assert article_views.section_label(1, "") == "1 (no heading)"
    shown = article_views.sections_view(corpus["bak-p59610"]).frame  # its prose opens before any heading
    assert shown["Title"].iloc[0] == "(no heading)"


def test_dated_statements_leave_citations_and_the_reference_list_out(corpus):
    article = corpus["mediacoes-cambiemos"]
    dates = dated_statements.dated_statements(article)
    assert not dates["in_citation"].any() and set(dates["kind"]) <= set(dated_statements.KINDS)
    assert "desde marzo de 2008" in set(dates["quote"])  # the abstract's "Desde 2008" and the body's month
    assert (dates["quote"] == "2015").sum() >= 2
    # every quote is the text at its place
    assert all(article.text[a:b] == q for a, b, q in zip(dates["start"], dates["end"], dates["quote"], strict=True))
    assert dated_statements.year_span(dates)[1] == 2019  # the article's latest year outside citations


def test_the_when_figure_spans_the_articles_own_years(corpus):
    article = corpus["ecos-china-new-normal"]
    dates = dated_statements.dated_statements(article)
    first, last = dated_statements.year_span(dates)
    fig = dated_statements.when_figure(dates, article)
    low, high = fig.axes[0].get_xlim()
    assert low <= first and high >= last + 1 and high - low < (last - first) * 1.2 + 4
    assert f"{first}-{last}" in fig.get_suptitle()


@pytest.mark.parametrize("name", ["mediacoes-cambiemos", "ciedu-saresp"])
def test_the_when_figure_reads_whole_years_and_its_title_fits(corpus, name):
    # Their statements span under twenty years, where the default ticks fell on half years ("2002.5").
    article = corpus[name]
    dates = dated_statements.dated_statements(article)
    fig = dated_statements.when_figure(dates, article)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig.draw(FigureCanvasAgg(fig).get_renderer())  # lays the figure out as saving it does
    ticks = [t for t in fig.axes[0].get_xticks() if fig.axes[0].get_xlim()[0] <= t <= fig.axes[0].get_xlim()[1]]
    assert ticks and all(float(t).is_integer() for t in ticks)
    title = fig._suptitle.get_window_extent()
    assert 0 <= title.x0 and title.x1 <= fig.bbox.x1


def test_no_figure_without_data(tiny):
    none = dated_statements.dated_statements(tiny).iloc[0:0]
    assert dated_statements.when_figure(none, tiny) is None
    from histkit.extract.quantities import quantities_table

    empty = quantities_table(tiny).iloc[0:0]
    assert numbers_views.figures_by_section(empty, tiny) is None


def test_figures_are_shown_in_their_sentence(corpus):
    article = corpus["ecos-china-new-normal"]
    from histkit.extract.quantities import quantities_table

    shown = numbers_views.figures_view(quantities_table(article), article).frame
    row = shown[shown["As printed"] == "5.2%"].iloc[0]
    assert row["In its sentence"].startswith("In 2022, due to the Zero Covid policy, China’s GDP growth was just 3%")


@pytest.mark.parametrize(("place", "form", "years", "expected"), [
    ("all", "all", None, None), ("section 1", "all", None, "section 1"), ("all", "month", None, "month"),
])
def test_the_explorer_narrows_rows(corpus, place, form, years, expected):
    dates = dated_statements.dated_statements(corpus["mediacoes-cambiemos"])
    rows = table_explorer.filter_rows(dates, place, form, years, "form", None)
    if expected is None:
        assert len(rows) == len(dates)
    elif expected.startswith("section"):
        assert set(rows["section"]) == {1} and 0 < len(rows) < len(dates)
    else:
        assert set(rows["form"]) == {"month"} and len(rows) > 0


def test_the_explorer_keeps_dates_that_overlap_the_years(corpus):
    dates = dated_statements.dated_statements(corpus["mediacoes-cambiemos"])
    rows = table_explorer.filter_rows(dates, years=(2003, 2003), kind_column="form", year_column="earliest")
    assert "entre 2003 y 2015" in set(rows["quote"])  # a span reaching into the chosen year counts
    assert "2018" not in set(rows["quote"])
    box = table_explorer.TableExplorer(dates, dated_statements.statements_view, kind_column="form",
                                       kind_label="Form", years=dated_statements.year_span(dates),
                                       what="dated statements")
    assert len(repr(box)) <= 110
    box.place.value = "section 1"
    assert f"of {len(dates)} dated statements" in box.count.value and "section 1" in box.table.value


@pytest.mark.parametrize("name", ["ciedu-saresp", "mediacoes-cambiemos"])
def test_every_word_of_the_figures_figure_lies_inside_it(corpus, name):
    # Long section titles pushed the axes right, and the axis label centred under them ran off the edge.
    from histkit.extract.quantities import quantities_table

    article = corpus[name]
    fig = numbers_views.figures_by_section(quantities_table(article), article)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)  # lays the figure out as saving it does
    ax = fig.axes[0]
    for text in [ax.xaxis.label, fig._suptitle, *ax.get_yticklabels()]:
        box = text.get_window_extent(renderer)
        assert 0 <= box.x0 and box.x1 <= fig.bbox.x1 + 0.5, text.get_text()
