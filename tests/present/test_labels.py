"""Point labels that do not cover one another."""

from __future__ import annotations

import pytest
from matplotlib.text import Text

from histkit.analyse.source_ages import source_ages
from histkit.present.audit_figures import ages_figure
from histkit.present.labels import place_labels
from histkit.present.style import new_figure


def _boxes(ax):
    renderer = ax.get_figure().canvas.get_renderer()
    out = {}
    for t in ax.texts:
        t.update_positions(renderer) if hasattr(t, "update_positions") else None
        out[t.get_text()] = Text.get_window_extent(t, renderer)
    return out


def test_close_points_get_labels_that_do_not_overlap():
    fig = new_figure(4, 3)
    ax = fig.add_subplot()
    # four points a marker apart: labels at the same offset would overlap (as in the source-ages figure)
    points = [(30, 20 + 3 * i) for i in range(4)] + [(0, 0), (60, 60)]
    ax.scatter(*zip(*points, strict=True))
    labels = [f"Author{i}" for i in range(4)]
    crowded = place_labels(ax, points[:4], labels)
    boxes = _boxes(ax)
    assert crowded == []
    assert set(boxes) == set(labels)
    for a in labels:
        for b in labels:
            if a < b:
                assert not boxes[a].overlaps(boxes[b]), (a, b)


def test_labels_with_no_free_place_are_left_off_and_returned():
    fig = new_figure(2, 1.5)
    ax = fig.add_subplot()
    points = [(5, 5)] * 12 + [(0, 0), (10, 10)]
    ax.scatter(*zip(*points, strict=True))
    labels = [f"Name{i}" for i in range(12)]
    crowded = place_labels(ax, points[:12], labels)
    assert 0 < len(crowded) < 12
    assert sorted(t.get_text() for t in ax.texts) == sorted(set(labels) - set(crowded))


def test_a_label_is_never_nearer_another_point():
    fig = new_figure(4, 3)
    ax = fig.add_subplot()
    points = [(10, 10), (10, 12), (60, 60)]
    ax.scatter(*zip(*points, strict=True))
    place_labels(ax, points, ["low", "high", "far"])
    renderer = fig.canvas.get_renderer()
    centres = {n: ax.transData.transform(p) for n, p in zip(["low", "high", "far"], points, strict=True)}
    for name, box in _boxes(ax).items():
        def dist(c, box=box):
            dx = max(box.x0 - c[0], 0, c[0] - box.x1)
            dy = max(box.y0 - c[1], 0, c[1] - box.y1)
            return (dx * dx + dy * dy) ** 0.5
        assert all(dist(centres[name]) <= dist(c) for other, c in centres.items() if other != name), name
    assert renderer is not None


def test_source_ages_figure_labels_every_point_without_overlap(audit, article):
    # (and says nothing under the figure: the first article's names all find a place)
    # The first article's sources crowd around 1919-1921: Kheifets 1994 and Carr 1992 cite 1920.
    fig = ages_figure(source_ages(audit.citations, audit.refs, article))
    ax = fig.axes[0]
    assert fig.texts == []
    names = list(ax.texts)
    assert {"Kheifets", "Carr", "Stern", "Weiner", "AHSRE"} <= {t.get_text() for t in names}
    renderer = fig.canvas.get_renderer()
    boxes = []
    for t in names:
        t.update_positions(renderer)
        boxes.append(Text.get_window_extent(t, renderer))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)
    # AHSRE (1919, written in 1919) sits on the "written at the time" line: its label must not cross it
    line = ax.get_lines()[0]
    path = line.get_path().transformed(line.get_transform())
    assert not any(path.intersects_bbox(box, filled=False) for box in boxes)


@pytest.mark.parametrize("name", ["bak-p59610", "mediacoes-cambiemos"])
def test_crowded_names_are_said_below_the_figure(corpus, name):
    # Both cite several works of the same years for the same events, so that some names find no
    # place: they are named in a line under the figure instead of printed over one another.
    # (paz-mixed-flocks crowded too until its "*T. albicollis*Brandt *et al.,* 2009)" was read as a
    # citation, issue 19: its points then all find a place.)
    from histkit.analyse.audit import run_audit

    art = corpus[name]
    audit = run_audit(art)
    fig = ages_figure(source_ages(audit.citations, audit.refs, art))
    notes = [t.get_text() for t in fig.texts]
    assert len(notes) == 1 and notes[0].startswith("Not labelled where points crowd: ")
    left_off = notes[0].removeprefix("Not labelled where points crowd: ").removesuffix(" (see the table above).")
    places = {tuple(p) for c in fig.axes[0].collections for p in c.get_offsets()}
    # every place has its label on the figure or in the line below it (a "+n" label names one place)
    assert len(fig.axes[0].texts) + len(left_off.split("; ")) == len(places) > len(fig.axes[0].texts)


def test_same_point_shares_one_label_and_names_read_as_names():
    from histkit.present.audit_figures import short_name

    assert short_name("LAZITCH; DRACHKOVITCH") == "Lazitch"
    assert short_name("NBS – National Bureau of Statistics of China") == "NBS"  # ecos-china
    assert short_name("SISTEMA NACIONAL DE BIBLIOTECAS PÚBLICAS") == "Sistema Nacional de…"  # rdbci
    assert short_name("DE PAULA") == "De Paula"  # bak-p59099


@pytest.mark.parametrize(("key", "printed", "label"), [
    ("KOO", "Koo (2023)", "Koo"),  # ecos-china: a short surname, not an acronym
    ("XU; LIU", "Xu and Liu (2018)", "Xu"),
    ("NBS – National Bureau of Statistics of China", "(NBS, 2013)", "NBS"),  # printed in capitals: kept
    ("SOARES; ALVES", "(SOARES; ALVES, 2003)", "Soares"),  # ciedu-saresp, ABNT capitals
])
def test_a_name_is_labelled_as_the_citation_prints_it(key, printed, label):
    from histkit.present.audit_figures import short_name

    assert short_name(key, printed) == label


@pytest.mark.parametrize(("key", "printed", "person", "label"), [
    ("GIL", "(GIL, 2008)", True, "Gil"),  # rdbci's "GIL, A. C.": a person, three letters
    ("ROY", "(ROY, 1964)", True, "Roy"),  # the first article's "ROY, M. N."
    ("IBGE", "(IBGE, 2012)", False, "IBGE"),  # edur-literatura: a body, four letters with vowels
    ("CIFRA", "(CIFRA, 2018)", False, "CIFRA"),  # mediacoes: an institute's acronym
    ("ARGENTINA", "(ARGENTINA, 2018)", False, "Argentina"),  # mediacoes: a country as author, a name
    ("DE PAULA", "(DE PAULA, 2020)", True, "De Paula"),  # a particle, capitalised as the label begins
])
def test_a_person_is_never_an_acronym_and_a_body_s_one_word_always_is(key, printed, person, label):
    from histkit.present.audit_figures import short_name

    assert short_name(key, printed, person) == label


def test_a_figure_whose_labels_all_found_room_says_nothing_was_left_off(corpus):
    # ecos-china-new-normal: crowded at first, every label fits once room is made below the axes.
    from histkit.analyse.audit import run_audit

    art = corpus["ecos-china-new-normal"]
    audit = run_audit(art)
    fig = ages_figure(source_ages(audit.citations, audit.refs, art))
    assert not any(t.get_text().startswith("Not labelled where points crowd:  ") for t in fig.texts)
