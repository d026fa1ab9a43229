from __future__ import annotations

import pytest

from histkit.present import overview_views as ov
from histkit.present.style import FORMATS, new_figure, render, save_figure
from histkit.text.tables import sections_table


def _figure():
    fig = new_figure(4, 3)
    ax = fig.add_subplot()
    ax.bar(["a", "b"], [1, 2])
    ax.set_title("title")
    return fig


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_two_renders_are_byte_identical(fmt):
    assert render(_figure(), fmt) == render(_figure(), fmt)


def test_svg_has_no_date_or_version():
    svg = render(_figure(), "svg").decode()
    assert "<dc:date>" not in svg
    assert "Matplotlib v" not in svg


def test_svg_text_is_searchable():
    """Labels are <text> a reader can search and select, not outlines; in the style's own font."""
    from xml.etree import ElementTree

    svg = render(_figure(), "svg")
    texts = [t.text for t in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert {"title", "a", "b"} <= set(texts)
    assert b"DejaVu Sans" in svg
    assert render(_figure(), "svg") == svg


def test_pdf_has_no_creation_date():
    assert b"CreationDate" not in render(_figure(), "pdf")


def test_save_writes_three_formats(tmp_path):
    saved = save_figure(_figure(), "demo", tmp_path)
    assert sorted(p.name for p in saved.paths) == ["demo.pdf", "demo.png", "demo.svg"]
    assert saved._repr_png_() == (tmp_path / "demo.png").read_bytes()
    assert repr(saved) == "figure demo: demo.svg, demo.png, demo.pdf"


def test_words_figure_draws_the_section_counts(article):
    fig = ov.words_figure(article)
    (ax,) = fig.axes
    drawn = {t.get_text(): p.get_width() for t, p in zip(ax.get_yticklabels(), ax.patches, strict=True)}
    sections = sections_table(article).dropna(subset=["section"])
    expected = {f"{s} {t.title()}": w for s, t, w in zip(sections["section"], sections["title"], sections["words"],
                                                        strict=True)}
    assert drawn == expected
