"""DOCX and ODT on small fixtures the tests write (python-docx, odfpy), built end to end through `new` + `build`."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from histkit.file.office import convert_docx, convert_odt
from histkit.run import cli
from histkit.text.ingest import parse_article
from histkit.text.seed import read_seed
from tests.conftest import DATA

BODY = "The envoy arrived in 1924 (ROE, 2001)."
REFERENCE = "ROE, Ann. A history of envoys. Mexico: Fondo, 2001."


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Envoys in Mexico", style="Title")
    document.add_paragraph("Ann Roe")
    document.add_heading("1 Introduction", level=1)
    paragraph = document.add_paragraph("The envoy arrived in 1924 ")
    paragraph.add_run("(ROE, 2001)").italic = False
    paragraph.add_run(".")
    document.add_paragraph("It was ")
    document.paragraphs[-1].add_run("a long stay").italic = True
    document.paragraphs[-1].add_run(".")
    document.add_paragraph("A remembered line.", style="Quote")
    document.add_heading("References", level=1)
    document.add_paragraph(REFERENCE)
    document.save(str(path))
    _add_footnote(path)
    return path


def _add_footnote(path: Path) -> None:
    """Give the DOCX a footnote, called from the first body paragraph, as Word writes one."""
    import zipfile

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    notes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {w}>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t></w:t></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:t>Archive of the envoy, file 3.</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>')
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    call = b'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    document = parts["word/document.xml"].decode()
    at = document.index("The envoy arrived in 1924 ")
    end = document.index("</w:p>", at)
    parts["word/document.xml"] = (document[:end] + call.decode() + document[end:]).encode()
    parts["word/footnotes.xml"] = notes.encode()
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)


def write_odt(path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, Note, NoteBody, NoteCitation, P, Span

    doc = OpenDocumentText()
    italic = Style(name="Emph", family="text")
    italic.addElement(TextProperties(fontstyle="italic"))
    doc.automaticstyles.addElement(italic)
    doc.text.addElement(P(text="Envoys in Mexico"))
    doc.text.addElement(P(text="Ann Roe"))
    doc.text.addElement(H(outlinelevel=1, text="1 Introduction"))
    first = P(text="The envoy arrived in 1924 (ROE, 2001).")
    note = Note(noteclass="footnote", id="ftn1")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Archive of the envoy, file 3."))
    note.addElement(body)
    first.addElement(note)
    doc.text.addElement(first)
    second = P(text="It was ")
    second.addElement(Span(stylename=italic, text="a long stay"))
    second.addText(".")
    doc.text.addElement(second)
    doc.text.addElement(H(outlinelevel=1, text="References"))
    doc.text.addElement(P(text=REFERENCE))
    doc.save(str(path))
    return path


FIXTURES = {"docx": (write_docx, convert_docx), "odt": (write_odt, convert_odt)}


@pytest.mark.parametrize("fmt", FIXTURES)
def test_headings_notes_emphasis_and_references(tmp_path, fmt):
    write, convert = FIXTURES[fmt]
    check_shape(convert(write(tmp_path / f"envoys.{fmt}")).text)


def check_shape(text: str) -> None:
    """The fixture article in the corpus shape, read by ingest as one section, one note and one reference."""
    blocks = text.rstrip("\n").split("\n\n")
    assert blocks[:3] == ["Envoys in Mexico", "Ann Roe", "1 Introduction"]
    assert blocks[3] == "The envoy arrived in 1924 (ROE, 2001).¹"
    assert blocks[4] == "¹ Archive of the envoy, file 3."
    assert blocks[5] == "It was *a long stay*."
    assert blocks[-2:] == ["References", REFERENCE]
    article = parse_article(text, "envoys")
    assert [s.heading for s in article.sections if not s.is_references] == ["1 Introduction"]
    assert len(article.references) == 1
    assert [n.text for n in article.footnotes] == ["Archive of the envoy, file 3."]


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "histkit"\n')
    (tmp_path / "seeds").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HISTKIT_ROOT", raising=False)
    return tmp_path


@pytest.mark.parametrize("fmt", FIXTURES)
def test_built_end_to_end(project, fmt, capsys):
    check_built(project, FIXTURES[fmt][0](project / f"envoys.{fmt}"), fmt, capsys)


def check_built(project: Path, source: Path, fmt: str, capsys) -> None:
    """`histkit new` then `histkit build --seed` on the fixture notebook: the paragraphs quote the text."""
    assert cli.main(["new", str(source), "--name", f"envoys-{fmt}"]) == 0
    out = capsys.readouterr().out
    assert f"converted from {fmt}" in out
    folder = project / "seeds" / f"envoys-{fmt}"
    seed = read_seed(folder)
    assert (folder / f"received.{fmt}").read_bytes() == source.read_bytes()
    import hashlib

    assert seed.meta["conversion"]["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert seed.meta["conversion"]["format"] == fmt
    assert seed.bibliographic["title"] == "Envoys in Mexico"
    # the fixture notebook as the seed's own workbook (a seed without one gets the generic workbook)
    (folder / "notebooks").mkdir()
    shutil.copy(DATA / "notebooks" / "00-ok.ipynb", folder / "notebooks")
    assert cli.main(["build", "00-ok", "--seed", str(folder)]) == 0
    tables = next(project.glob("build/runs/*/tables/paragraphs.csv"))
    with tables.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    text = seed.text
    assert any(row["quote"].startswith("The envoy arrived in 1924") for row in rows)
    assert all(text[int(r["start"]) : int(r["end"])] == r["quote"] for r in rows)



def test_docx_quote_style_is_a_block_quote_and_emphasis_off_is_plain(tmp_path):
    text = convert_docx(write_docx(tmp_path / "envoys.docx")).text
    assert "\n\n> A remembered line.\n\n" in text
    # python-docx writes italic=False as <w:i w:val="0"/>: the run is plain
    assert "(ROE, 2001)" in text and "*(ROE" not in text


def test_a_paragraph_set_in_from_the_left_or_in_block_text_is_a_block_quote(tmp_path):
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm

    document = docx.Document()
    body = document.add_paragraph("A body paragraph, its first line indented as ABNT asks.")
    body.paragraph_format.first_line_indent = Cm(1.25)
    # ABNT: a quotation of more than three lines, 4 cm in from the left, with no style of its own
    document.add_paragraph("A long quotation set in four centimetres.").paragraph_format.left_indent = Cm(4)
    document.styles.add_style("Block Text", WD_STYLE_TYPE.PARAGRAPH)  # Word's, and pandoc's for "> "
    document.add_paragraph("A block as pandoc writes a markdown quotation.", style="Block Text")
    mine = document.styles.add_style("Long excerpt of mine", WD_STYLE_TYPE.PARAGRAPH)
    mine.base_style = document.styles["Quote"]
    document.add_paragraph("A quotation in a style of the author's, based on Quote.", style="Long excerpt of mine")
    document.add_paragraph("An item of a bulleted list.", style="List Bullet")  # indented by its style: not a quote
    document.add_paragraph("Slightly in, as some authors set a paragraph.").paragraph_format.left_indent = Cm(0.5)
    text = convert_docx(document.save(str(tmp_path / "q.docx")) or tmp_path / "q.docx").text
    assert "\n> A long quotation set in four centimetres.\n" in f"\n{text}\n"
    assert "\n> A block as pandoc writes a markdown quotation.\n" in f"\n{text}\n"
    assert "\n> A quotation in a style of the author's, based on Quote.\n" in f"\n{text}\n"
    for plain in ("A body paragraph", "An item of a bulleted list.", "Slightly in"):
        assert f"> {plain}" not in text and plain in text


def test_an_odt_paragraph_set_in_or_derived_from_quotations_is_a_block_quote(tmp_path):
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style
    from odf.text import List, ListItem, P

    doc = OpenDocumentText()
    quotations = Style(name="Quotations", family="paragraph")  # LibreOffice's own style for them
    doc.styles.addElement(quotations)
    styles = {"P1": ("Quotations", None), "P2": ("", "4cm"), "P3": ("", "0.5cm"), "P4": ("", "0.7874in")}
    for name, (parent, margin) in styles.items():
        style = Style(name=name, family="paragraph", parentstylename=parent or None)
        if margin:
            style.addElement(ParagraphProperties(marginleft=margin))
        doc.automaticstyles.addElement(style)
    doc.text.addElement(P(stylename="P1", text="Derived from Quotations, as LibreOffice writes a changed one."))
    doc.text.addElement(P(stylename="P2", text="Set four centimetres in, as ABNT asks."))
    doc.text.addElement(P(stylename="P3", text="Half a centimetre in."))
    doc.text.addElement(P(stylename="P4", text="Two centimetres in, given in inches."))
    items = List()
    item = ListItem()
    item.addElement(P(stylename="P2", text="A list item, set in."))
    items.addElement(item)
    doc.text.addElement(items)
    doc.save(str(tmp_path / "q.odt"))
    lines = convert_odt(tmp_path / "q.odt").text.split("\n")
    assert "> Derived from Quotations, as LibreOffice writes a changed one." in lines
    assert "> Set four centimetres in, as ABNT asks." in lines
    assert "> Two centimetres in, given in inches." in lines
    assert "Half a centimetre in." in lines and "A list item, set in." in lines
