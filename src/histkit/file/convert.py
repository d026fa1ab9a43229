"""Which reader a file needs, from its content, checked against its extension: the one entry of the layer.

:func:`convert` looks at the first bytes (``%PDF-``, a ZIP holding ``word/document.xml`` or an ODF
``mimetype``, an OLE2 container, XML with a JATS ``<article>``, HTML, text) and refuses a file whose
extension names another format, an encrypted one, or a PDF without text, each in one line naming the
file and the fix. Each format is read in its own module (pdf, jats, office, html, plain).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from histkit.core.errors import ConversionError
from histkit.file.blocks import Converted

EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".odt": "odt", ".xml": "jats", ".html": "html", ".htm": "html",
              ".md": "markdown", ".txt": "text"}
_NAMES = {"pdf": "a PDF", "docx": "a DOCX (Word) file", "odt": "an ODT (OpenDocument) file", "jats": "XML",
          "html": "HTML", "markdown": "Markdown text", "text": "plain text", "ole": "an encrypted or old Office file",
          "zip": "a ZIP archive", "binary": "binary data"}


def sniff(head: bytes, path: Path) -> str:
    """The format the content shows: pdf, docx, odt, ole, zip, jats, html, text or binary."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as package:
                names = set(package.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "mimetype" in names and package.read("mimetype").startswith(b"application/vnd.oasis.opendocument"):
                    return "odt"
        except zipfile.BadZipFile:
            pass
        return "zip"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 4 or b"\0" in head:
            return "binary"
        text = head[: err.start].decode("utf-8")
    if "\0" in text:
        return "binary"
    start = text.lstrip("\ufeff \t\r\n")[:400].casefold()
    if start.startswith(("<!doctype html", "<html")) or ("<html" in start and "<article" not in start):
        return "html"
    if start.startswith(("<p>", "<p ", "<div", "<h1", "<h2", "<body", "<section", "<main", "<meta")):
        return "html"  # a page saved without its <html> element
    if start.startswith("<?xml") or start.startswith("<!doctype article") or start.startswith("<article"):
        return "jats"
    return "text"


def convert(path: Path) -> Converted:
    """Make ``path`` into the article text ingest reads.

    Raises
    ------
    ConversionError
        If the extension is not one histkit reads, the content is another format than the extension says,
        or the file is encrypted or (a PDF) has no text layer.

    """
    expected = EXTENSIONS.get(path.suffix.casefold())
    if expected is None:
        raise ConversionError(
            f"{path}: histkit reads {', '.join(EXTENSIONS)}; not '{path.suffix or '(no extension)'}'. "
            "Save the article in one of these formats"
        )
    with path.open("rb") as handle:
        head = handle.read(4096)
    found = sniff(head, path)
    if found == "ole" and expected in ("docx", "odt"):
        raise ConversionError(f"{path}: the file is encrypted with a password (or is an old .doc); save a copy "
                              f"without a password as {path.suffix} and give that")
    if found != expected and not (expected == "markdown" and found == "text"):
        raise ConversionError(
            f"{path}: the extension says {_NAMES[expected]} but the content is {_NAMES[found]}; "
            f"rename the file to its real extension or convert it to {_NAMES[expected]}"
        )
    if found == "pdf":
        from histkit.file.pdf import convert_pdf

        return convert_pdf(path)
    if found == "jats":
        from histkit.file.jats import convert_jats

        return convert_jats(path)
    if found == "html":
        from histkit.file.html import convert_html

        return convert_html(path)
    if found in ("docx", "odt"):
        from histkit.file import office

        return office.convert_docx(path) if found == "docx" else office.convert_odt(path)
    from histkit.file.plain import convert_plain

    return convert_plain(path, expected)
