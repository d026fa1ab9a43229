"""The citation audit drawn and explored: figures, the passage finder, the explorer widget."""

from __future__ import annotations

from histkit.analyse.source_ages import source_ages
from histkit.present.audit_explorer import make_explorer
from histkit.present.audit_figures import ages_figure, citations_figure


def test_explorer_widget(audit, article):
    box = make_explorer(audit, article)
    picker, view = box.children
    assert picker.value == "ref03"  # BARTRA, the most cited
    assert view.value.count("<li>") == 5
    picker.value = "ref11"
    assert "never cited" in view.value
    # A fixed sentence (not VBox(children=(...)), which lists every option and varies by version).
    assert repr(make_explorer(audit, article)) == (
        "Citation explorer: run the notebook in JupyterLab to pick a reference and read its citing passages."
    )


def test_citations_figure(audit, article):
    fig = citations_figure(audit, article)
    ax = fig.axes[0]
    heights = {}
    for container in ax.containers:
        heights[container.get_label()] = [int(p.get_height()) for p in container.patches]
    # section 2 holds the two archival citations: (AHSRE, 1919) and (PHILLIPS, 1920, p. 5-8)
    assert heights["archival"] == [0, 2, 0, 0, 0]
    assert heights["published"] == [6, 11, 6, 3, 2]


def test_ages_figure(audit, article):
    ages = source_ages(audit.citations, audit.refs, article)
    fig = ages_figure(ages)
    points = sum(len(c.get_offsets()) for c in fig.axes[0].collections)
    assert points == int(ages["event_last"].notna().sum())


def test_explorer_passage_reads_as_printed(audit, article):
    """"... (BARTRA, 1986, p. 321)." (line 33): no space before the period after the citation."""
    assert "(BARTRA, 1986, p. 321)." in article.text
    view = make_explorer(audit, article).children[1].value
    assert "p. 321)</b></mark>." in view
    assert "</mark> ." not in view


def test_references_view_names_every_entry(audit):
    """No blank author: "BARTRA, A. (ed.)" (the most cited work) and "GAA (Genaro Amezcua Archive)"."""
    from histkit.present.audit_explorer import references_view

    shown = references_view(audit.references).frame
    assert (shown["Authors"] != "").all()
    assert "BARTRA, A. (ed.)" in set(shown["Authors"])
    assert "GAA (Genaro Amezcua Archive)" in set(shown["Authors"])
    assert "AHSRE (Acervo Histórico de la Secretaría de Relaciones Exteriores)" in set(shown["Authors"])


def test_section_titles_in_small_letters_are_shown_as_printed_and_do_not_overlap(corpus):
    # hoehnea-senna-extracts prints "Materiais e métodos": title case made it "Materiais E Métodos"
    from itertools import pairwise

    from matplotlib.transforms import Bbox

    from histkit.analyse.audit import run_audit

    art = corpus["hoehnea-senna-extracts"]
    fig = citations_figure(run_audit(art), art)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert " ".join(labels[1].split()) == "2 Materiais e métodos"
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in ax.get_xticklabels()]
    assert not any(Bbox.intersection(a, b) for a, b in pairwise(boxes))


def test_the_ages_figure_ticks_whole_years_on_both_axes(corpus):
    """ciedu-saresp: sources of 2001-2014 against passages of 1999-2001 gave "2012.5" on the year axis."""
    from histkit.analyse.audit import run_audit

    art = corpus["ciedu-saresp"]
    found = run_audit(art)
    fig = ages_figure(source_ages(found.citations, found.refs, art))
    fig.canvas.draw()
    for ticks in (fig.axes[0].get_xticks(), fig.axes[0].get_yticks()):
        assert len(ticks) > 1 and all(float(t).is_integer() for t in ticks)
