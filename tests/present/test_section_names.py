from __future__ import annotations

from histkit.present import article_views, dated_statements, numbers_views
from histkit.present.section_names import (
    heading_labels,
    name_sections,
    place,
    section_names,
    section_places,
)


def test_a_numbered_article_is_read_by_the_numbers_its_headings_print(corpus):
    # bak-p59099 prints "Introdução", "1 ADD: ...", "2 Universo ...", "3 Análise ...", "3.1 Do grande cronotopo
    # ...", ..., "3.4.1 Imagens de mulheres ...", "Considerações finais": its fifth section is 3.1, not 5.
    article = corpus["bak-p59099"]
    names = section_names(article)
    assert [names[n] for n in sorted(names)] == [
        "Introdução", "1", "2", "3", "3.1", "3.2", "3.3", "3.4", "3.4.1", "Considerações finais"]
    places = section_places(article)
    assert place(5, places) == "section 3.1" and place(1, places) == "Introdução"
    assert place(0, places) == "front matter" and place(None, places) == "notes or lists"
    labels = heading_labels(article)
    assert labels[1] == "Introdução" and labels[5].startswith("3.1 Do grande cronotopo")
    shown = article_views.sections_view(article).frame
    assert list(shown["Section"])[:6] == ["", "1", "2", "3", "3.1", "3.2"]


def test_tables_name_the_section_as_printed(corpus):
    article = corpus["bak-p59099"]
    dates = dated_statements.dated_statements(article)
    shown = dated_statements.statements_view(dates, article).frame
    # "A Constituição Federal de 1988 prevê" is in 3.2 "Da esfera ideológica jurídica"; "entre 2007 e 2017"
    # in the Introdução
    assert set(shown.loc[shown["As the article writes it"] == "1988", "Place"]) == {"section 3.2"}
    assert set(shown.loc[shown["As the article writes it"] == "entre 2007 e 2017", "Place"]) == {"Introdução"}
    notes = article_views.notes_view(article).frame
    assert list(notes["Called from"])[:3] == ["Introdução, paragraph 1", "section 2, paragraph 2",
                                              "section 3.1, paragraph 5"]
    from histkit.extract.quantities import quantities_table
    figures = numbers_views.figures_view(quantities_table(article), article).frame
    assert list(figures["Section"]) == ["Introdução"]  # "crescimento expressivo de 30,7%" opens the article


def test_an_article_that_numbers_no_heading_goes_by_the_order(corpus):
    article = corpus["mediacoes-cambiemos"]
    assert section_names(article)[5] == "5" and section_places(article)[5] == "section 5"
    assert heading_labels(article)[1] == "1 Introducción"
    frame = name_sections(__import__("pandas").DataFrame({"sections": ["1;5", None]}), article, ("sections",))
    assert frame["sections"].iloc[0] == "1; 5"


def test_the_first_articles_numbers_are_its_positions(article):
    # Spenser numbers her headings 1-5 from the first: names and places are the same as before.
    assert section_names(article) == {n: str(n) for n in range(1, 6)}


def test_the_citation_explorer_names_sections_as_printed(corpus):
    # bak-p59099: Volóchinov's "Marxismo e filosofia da linguagem" (2018) is cited in 3.2 ("VOLÓCHINOV, 2018a, p.94")
    from histkit.analyse.audit import run_audit
    from histkit.present.audit_explorer import make_explorer

    article = corpus["bak-p59099"]
    audit = run_audit(article)
    (ref,) = [r.ref_id for r in audit.refs if r.key == "VOLÓCHINOV" and r.year == "2018"]
    html = make_explorer(audit, article, ref).children[1].value
    assert "<li>section 3.2, line" in html and "<li>Introdução, line" in html
    assert "section 6," not in html


def test_an_untitled_opening_is_named_in_the_citations_figure(corpus):
    # bak-p59610 opens with an epigraph and prose before "1 Signo ideológico, ...": its bar had no label at all.
    from histkit.analyse.audit import run_audit
    from histkit.present.audit_figures import citations_figure

    article = corpus["bak-p59610"]
    fig = citations_figure(run_audit(article), article)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels[0] == "(no heading)" and labels[1].startswith("1 Signo ideológico")


def test_the_section_browser_names_an_untitled_opening(corpus):
    from histkit.present.overview_views import SectionBrowser

    browser = SectionBrowser(corpus["bak-p59610"])  # opens with an epigraph before "1 Signo ideológico, ..."
    labels = [label for label, _ in browser.picker.options]
    assert labels[0] == "(no heading)" and labels[1].startswith("1 Signo ideológico")
