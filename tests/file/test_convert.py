"""The dispatcher: content checked against the extension, and the failures each named in one line."""

from __future__ import annotations

import zipfile

import pytest

from histkit.core.errors import ConversionError
from histkit.file.convert import convert
from histkit.file.plain import markdown_text
from histkit.run import cli

from ..conftest import CORPUS


def test_a_pdf_named_docx_is_refused(tmp_path):
    lying = tmp_path / "article.docx"
    lying.write_bytes((CORPUS / "hoehnea-senna-extracts" / "article.pdf").read_bytes())
    with pytest.raises(ConversionError, match=r"article\.docx: the extension says a DOCX .* but the content is a PDF"):
        convert(lying)


def test_text_named_pdf_is_refused_by_the_cli_with_exit_2(tmp_path, capsys):
    lying = tmp_path / "article.pdf"
    lying.write_text("Title\n\nAuthor\n", encoding="utf-8")
    assert cli.main(["new", str(lying)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "article.pdf: the extension says a PDF but the content is plain text; rename the file" in err


def test_an_encrypted_office_file_is_refused(tmp_path):
    # Word saves a password-protected .docx as an OLE2 compound file (EncryptedPackage), not as a ZIP.
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(ConversionError, match=r"locked\.docx: the file is encrypted with a password .* without a"):
        convert(locked)


def test_an_encrypted_odt_is_refused(tmp_path):
    locked = tmp_path / "locked.odt"
    with zipfile.ZipFile(locked, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        odt.writestr("META-INF/manifest.xml", '<manifest:encryption-data manifest:checksum="x"/>')
        odt.writestr("content.xml", b"\x00\x01")
    with pytest.raises(ConversionError, match=r"locked\.odt: the ODT is encrypted with a password"):
        convert(locked)


def test_an_unknown_extension_is_refused(tmp_path):
    odd = tmp_path / "article.rtf"
    odd.write_text("{\\rtf1}")
    with pytest.raises(ConversionError, match=r"article\.rtf: histkit reads \.pdf, \.docx"):
        convert(odd)


def test_plain_text_is_kept_byte_for_byte(tmp_path):
    source = CORPUS / "ciedu-saresp" / "article.txt"
    assert convert(source).text == source.read_text(encoding="utf-8")


def test_markdown_headings_notes_and_quotes():
    made = markdown_text("# A title\n\nAn author\n\n## Introduction\n\nText with a note.[^1] More.\n\n"
                         "> A quoted line\n> and its end.\n\n[^1]: The note, *in italic*.\n")
    assert made.text == ("A title\n\nAn author\n\nIntroduction\n\nText with a note.¹ More.\n\n"
                         "¹ The note, *in italic*.\n\n> A quoted line and its end.\n")


def test_a_broken_pdf_is_refused(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(200))
    with pytest.raises(ConversionError, match=r"broken\.pdf: PDFium cannot read this PDF .*save it again"):
        convert(broken)


def test_markdown_heading_with_closing_hashes_in_linear_time():
    assert markdown_text("## Methods ##\n\nText.\n").text == "Methods\n\nText.\n"
    long = "# a" + " " * 20000 + "b"
    assert markdown_text(long).text.startswith("a ")


def test_an_html_fragment_is_html(tmp_path):
    page = tmp_path / "fragment.htm"
    page.write_text("<h1>Envoys</h1>\n<p>Ann Roe</p>\n<h2>1 Introduction</h2><p>Text.</p>", encoding="utf-8")
    assert convert(page).text == "Envoys\n\nAnn Roe\n\n1 Introduction\n\nText.\n"
