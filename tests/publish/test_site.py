"""`histkit site`: quotes found again in the article, linked both ways, escaped, written deterministically."""

from __future__ import annotations

import hashlib
import re

import pytest
from bs4 import BeautifulSoup

from histkit.core.errors import OutputError
from histkit.publish.quotes import QuoteIndex, anchor_id
from histkit.publish.site_article import article_html
from histkit.publish.site_tables import QuoteRef, link_quotes
from histkit.run import cli
from tests.conftest import ROOT

TEXT = "First line.\nZapata wrote <to> Amezcua & others.\nZapata wrote again.\n"


def _index(*spans):
    index = QuoteIndex(TEXT)
    for span in spans:
        index.add(span, "demo")
    return index


def test_a_shown_quote_is_found_whole_or_cut():
    index = _index((12, 24), (12, 47))
    assert TEXT[12:24] == "Zapata wrote"
    assert index.locate("Zapata wrote <to> Amezcua & others.") == (12, 47)
    # a cut quote is the start of one of the spans the tables quote
    assert index.locate("Zapata wrote <to> Am...") == (12, 47)
    # "Zapata wrote" occurs twice; the row's line tells which
    assert index.locate("Zapata wrote", line=2) == (12, 24)
    assert index.locate("Zapata wrote", line=3) == (48, 60)
    assert index.locate("Zapata wrote") is None
    assert index.locate("not in the text") is None


def test_a_quote_shown_with_its_line_breaks_as_spaces_is_still_found():
    index = _index((6, 24))
    assert TEXT[6:24] == "line.\nZapata wrote"
    assert index.locate("line. Zapata wrote") == (6, 24)
    assert index.locate("line. Zap...") == (6, 24)


def test_a_quote_shown_in_italics_is_found_without_its_marks():
    # a reader's table shows "Pellerin *et al*. 2019" (hoehnea-senna-extracts) as "Pellerin <em>et al</em>. 2019"
    text = "As (Pellerin *et al*. 2019) and (Pellerin *et al*. 2019) say."
    index = QuoteIndex(text)
    index.add((4, 26), "citations")
    assert text[4:26] == "Pellerin *et al*. 2019"
    assert index.locate("Pellerin et al. 2019") == (4, 26)
    # the row's own offsets, read without the marks, tell the two apart
    assert index.locate("Pellerin et al. 2019", start=33, end=55) == (33, 55)


def test_the_rows_own_offsets_win_and_are_checked():
    index = _index()
    assert index.locate("Zapata wrote", start=48, end=60) == (48, 60)
    # offsets that do not hold the shown text are not trusted
    assert index.locate("Amezcua", start=48, end=60) == (30, 37)


def test_cut_quotes_beginning_alike_are_told_apart_by_the_rest_of_the_row():
    index = _index()
    index.rows = {(12, 47): [{"kind": "claim", "status": "consistent"}], (12, 30): [{"kind": "date"}]}
    index.sources = {span: {"t"} for span in index.rows}
    assert index.locate("Zapata w...", row={"kind": "claim", "status": "consistent"}) == (12, 47)
    assert index.locate("Zapata w...") is None


def test_tables_that_no_longer_quote_the_text_are_refused(tmp_path):
    (tmp_path / "t.csv").write_text("seed,start,end,quote\ndemo,12,18,Zapota\n", encoding="utf-8")
    with pytest.raises(OutputError, match=r"t\.csv, row 2: quote is not the article's text at 12-18"):
        QuoteIndex.from_tables(TEXT, [tmp_path / "t.csv"])


TABLE = """<table class="dataframe"><thead><tr><th></th><th>line</th><th>quote</th><th>note</th></tr></thead>
<tbody><tr><th>0</th><td>2</td><td>Zapata wrote &lt;to&gt; Amezcua &amp; others.</td><td>&lt;b&gt;</td></tr>
<tr><th>1</th><td>3</td><td>Zapata wrote</td><td></td></tr>
<tr><th>2</th><td>3</td><td>NaN</td><td></td></tr></tbody></table>"""


def test_quote_cells_link_to_the_article_and_keep_their_escaping():
    linked = link_quotes(TABLE, _index(), "00-demo.html", "c4-o0", "00-demo, cell 5")
    soup = BeautifulSoup(linked.html, "html.parser")
    links = soup.select("a.quote-link")
    assert [a["href"] for a in links] == ["article.html#q-12-47", "article.html#q-48-60"]
    # the text is the same text, still escaped in the markup
    assert links[0].get_text() == "Zapata wrote <to> Amezcua & others."
    assert "&lt;to&gt; Amezcua &amp; others." in linked.html
    assert "<b>" not in linked.html
    assert [r.target for r in linked.refs] == ["c4-o0-t0-r0-quote", "c4-o0-t0-r1-quote"]
    assert soup.find(id="c4-o0-t0-r0-quote").name == "td"
    assert linked.misses == ()


def test_the_article_is_the_verbatim_text_with_every_span_anchored_and_linked_back():
    index = _index((12, 47), (19, 24), (30, 60))  # overlapping and nested spans
    refs = [QuoteRef((12, 47), "00-demo.html", "c4-o0-t0-r0-quote", "00-demo, cell 5")]
    page = BeautifulSoup(article_html(index, refs), "html.parser").pre
    for back in page.select(".q-back"):
        back.extract()
    assert page.get_text() == TEXT
    assert all(page.find(id=anchor_id(*span)) for span in [(12, 47), (19, 24), (30, 60)])
    html = article_html(index, refs)
    assert '<a href="00-demo.html#c4-o0-t0-r0-quote"' in html
    assert "&lt;to&gt;" in html and "<to>" not in html


def test_typesetting_residue_is_kept_but_not_shown(article):
    """``*e.g.*``, ``> `` and ``\\$`` stay in the page's text, hidden; the words keep their emphasis."""
    from histkit.publish.site_article import typesetting_marks

    marks = typesetting_marks(article.text, article.repairs)
    at = article.text.index("*e.g.*")
    assert marks[(at, at + 1)] == marks[(at + 5, at + 6)] == "residue"
    assert marks[(at + 1, at + 5)] == "em"
    quote = article.text.index("\n> ") + 1
    assert marks[(quote, quote + 2)] == "residue"
    dollar = article.text.index("\\$")
    assert marks[(dollar, dollar + 1)] == "residue"
    page = BeautifulSoup(article_html(QuoteIndex(article.text), [], marks), "html.parser").pre
    assert page.get_text() == article.text  # still the file, byte for byte
    for hidden in page.select(".residue"):
        hidden.extract()
    shown = page.get_text()
    assert "*e.g.*" not in shown and "e.g." in shown
    assert "\n> " not in shown and "\\$" not in shown


def test_a_link_lands_on_its_whole_passage_without_a_script():
    """#q-19-24 marks every piece of 19-24 (and nothing else) when it is the page's target: one CSS rule."""
    page = BeautifulSoup(article_html(_index((12, 47), (19, 24), (30, 60)), []), "html.parser")
    rule = "#q-19-24:target ~ .s-19-24 { background: #ffd84d; }"
    assert rule in page.style.get_text()
    assert "".join(p.get_text() for p in page.select(".s-19-24")) == TEXT[19:24]
    assert "".join(p.get_text() for p in page.select(".s-12-47")) == TEXT[12:47]
    assert page.find(id="q-19-24").find_next_siblings(class_="s-19-24")  # the pieces follow their anchor
    assert "<script" not in str(page)


def test_back_links_say_they_lead_back():
    html = article_html(_index((12, 47)), [QuoteRef((12, 47), "01-demo.html", "c4-o0-t0-r0-quote", "01-demo")])
    assert ">↩01</a>" in html


def _snapshot(root):
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in ("notebooks", "seeds", "figures")
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def site(built, tmp_path_factory):
    """`histkit site` run in the built workbook, with a fingerprint of the files it must not touch."""
    import os

    before = _snapshot(built)
    cwd = os.getcwd()
    os.chdir(built)
    try:
        assert cli.main(["site"]) == 0
        first = {p.relative_to(built).as_posix(): p.read_bytes() for p in (built / "build" / "site").rglob("*")
                 if p.is_file()}
        assert cli.main(["site"]) == 0
    finally:
        os.chdir(cwd)
    return {"root": built, "folder": built / "build" / "site", "before": before, "first": first}


def test_site_pages_and_what_it_leaves_alone(site):
    folder, root = site["folder"], site["root"]
    names = sorted(p.name for p in folder.glob("*.html"))
    notebooks = sorted(p.stem + ".html" for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert names == sorted([*notebooks, "article.html", "index.html"])
    assert (folder / "tables" / "claims.csv").read_bytes() == (root / "build" / "tables" / "claims.csv").read_bytes()
    assert _snapshot(root) == site["before"]
    # two runs on the same build write the same bytes
    again = {p.relative_to(root).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert again == site["first"]
    for page in names:
        text = (folder / page).read_text(encoding="utf-8")
        # nothing to run and nothing fetched from the network (no MathJax, require.js or widget scripts)
        assert "<script" not in text and not re.search(r'(?:src|href)="(?:https?:)?//', text), page
        assert not re.search(r"<img(?![^>]*\balt=)", text), page


def test_every_quote_cell_of_every_notebook_links_to_its_span(site):
    text = (ROOT / "seeds" / "spenser-bolsheviks-mexico" / "article.txt").read_text(encoding="utf-8")
    checked = 0
    for page in sorted(site["folder"].glob("[0-9][0-9]-*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select(".quote-unplaced"), page.name
        # pandas' tables, and the reader's tables of histkit.present.display (column names in data-column)
        for table in soup.select("table.dataframe, table.histkit-reader"):
            names = [th.get("data-column") or th.get_text(strip=True) for th in table.find("tr").find_all(["th", "td"])]
            columns = [i for i, n in enumerate(names) if n == "quote" or n.endswith("_quote")]
            for row in table.find("tbody").find_all("tr", recursive=False) if columns else []:
                cells = row.find_all(["th", "td"], recursive=False)
                for c in columns:
                    shown = cells[c].get_text()
                    if shown in ("", "NaN", "None"):
                        continue
                    link = cells[c].find("a", class_="quote-link")
                    assert link is not None, (page.name, shown)
                    start, end = map(int, link["href"].split("#q-")[1].split("-"))
                    head = shown.removesuffix("...").replace("\\n", "\n")
                    # a reader's table writes line breaks as spaces
                    assert " ".join(text[start:end].split()).startswith(" ".join(head.split())), (page.name, shown)
                    checked += 1
    # the argument steps, claims, dates, quantities, citations, people's birth and death quotes...
    assert checked >= 140


def test_the_byline_gives_the_affiliations_seed_toml_records(tmp_path):
    from histkit.publish.site import byline
    from histkit.text.new_seed import new_seed
    from histkit.text.seed import read_seed
    from tests.conftest import CORPUS

    # ciedu-saresp prints one author and her affiliation; `histkit new` records it
    seed = read_seed(new_seed(CORPUS / "ciedu-saresp" / "article.txt", tmp_path, "saresp").folder)
    assert byline(seed) == ("Camila Fernanda Bassetto (Universidade Estadual Paulista (UNESP), Faculdade de Ciências "
                            "e Letras, Departamento de Educação, Araraquara, SP, Brasil)")
