"""HTML on a small page the test writes, built end to end through `histkit new` + `histkit build`."""

from __future__ import annotations

from pathlib import Path

from histkit.file.html import convert_html

from .test_office import (
    REFERENCE,
    check_built,
    check_shape,
    project,  # noqa: F401  (the throwaway project fixture)
)


def write_html(path: Path) -> Path:
    path.write_text(
        "<!DOCTYPE html><html><head><title>Envoys</title><script>var x = 1;</script></head><body>"
        "<h1>Envoys in Mexico</h1><p class='author'>Ann Roe</p><h2>1 Introduction</h2>"
        "<p>The envoy arrived in 1924 (ROE, 2001).<sup><a href='#fn1' id='c1'>1</a></sup></p>"
        "<p>It was <em>a long stay</em>.</p><blockquote><p>A remembered line.</p></blockquote>"
        "<h2>References</h2><p>" + REFERENCE + "</p>"
        "<section class='footnotes'><ol><li id='fn1'>Archive of the envoy, file 3. <a href='#c1'>↩</a></li></ol>"
        "</section></body></html>", encoding="utf-8")
    return path


def test_headings_notes_emphasis_quotes_and_references(tmp_path):
    text = convert_html(write_html(tmp_path / "envoys.html")).text
    check_shape(text)
    assert "\n\n> A remembered line.\n\n" in text
    assert "var x" not in text  # scripts are not text


def test_built_end_to_end(project, capsys):  # noqa: F811
    check_built(project, write_html(project / "envoys.html"), "html", capsys)


def test_an_article_s_own_header_is_read_and_the_page_s_is_not(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><body><header>Site menu</header><article><header><h1>Envoys</h1><p>Ann Roe</p></header>"
                    "<h2>1 Introduction</h2><p>Text.</p></article><footer>Copyright</footer></body></html>")
    assert convert_html(page).text == "Envoys\n\nAnn Roe\n\n1 Introduction\n\nText.\n"
