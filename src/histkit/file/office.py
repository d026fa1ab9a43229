"""DOCX and ODT as text: headings from styles, footnotes and endnotes after their calling paragraph, emphasis.

DOCX is read with python-docx (paragraphs, styles, runs) and its ``footnotes.xml``/``endnotes.xml`` parts from
the same package; ODT from its ``content.xml`` with the standard library (OpenDocument is a published
standard: ``text:h``, ``text:p``, ``text:span`` and ``text:note`` say it all, and odfpy's reading API adds
nothing for this). Italic runs are written ``*...*``, bold ``**...**``; a block quotation (a Quote or Block Text
style, or a paragraph set in from the left, as ABNT's long quotations are) as ``> `` lines.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from importlib.metadata import version
from pathlib import Path

from histkit.core.errors import ConversionError
from histkit.file.blocks import SUPERSCRIPT, Converted, Writer, collapse, emphasis

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
# Word's styles for a block quotation, in English, Portuguese and Spanish: "Quote", "Intense Quote", "Citação",
# "Cita", and "Block Text" ("Texto em Bloco", "Texto de bloque"), which pandoc gives a markdown "> " block.
_QUOTE_STYLE = re.compile(r"quot|cita|block ?text|texto (?:em|de) bloco|bloque", re.IGNORECASE)
# A paragraph indented on its left by this much or more, with no list numbering, is a block quotation: ABNT sets a
# long quotation 4 cm in, APA and Chicago half an inch; a body paragraph indents its first line only.
QUOTE_INDENT_EMU = 432_000  # 1.2 cm (python-docx lengths are in EMU, 360,000 to the centimetre)


def _docx_notes(package: zipfile.ZipFile, part: str) -> dict[str, str]:
    try:
        root = ET.fromstring(package.read(part))
    except KeyError:
        return {}
    notes = {}
    for note in root:
        nid = note.get(f"{_W}id", "")
        if nid.lstrip("-").isdigit() and int(nid) > 0:
            text = "".join(t.text or "" for t in note.iter(f"{_W}t"))
            notes[nid] = collapse(text)
    return notes


def _on(props: ET.Element | None, name: str) -> bool:
    """Whether a run property (``w:i``, ``w:b``) is on: present, and not ``w:val="0"``/``false``/``off``."""
    flag = props.find(f"{_W}{name}") if props is not None else None
    return flag is not None and flag.get(f"{_W}val", "1").casefold() not in ("0", "false", "off")


def _quote_style(style: object) -> bool:
    """Whether a DOCX paragraph style is a quotation's, or derives from one (a user's "Citação longa")."""
    seen = 0
    while style is not None and seen < 32:  # a style's base styles, as Word resolves them (no cycles expected)
        if _QUOTE_STYLE.search(style.name or ""):  # type: ignore[attr-defined]
            return True
        style, seen = style.base_style, seen + 1  # type: ignore[attr-defined]
    return False


def _indented(paragraph: object) -> bool:
    """Whether a DOCX paragraph is set in from the left as a block quotation is (and is no list item)."""
    p_pr = paragraph._p.pPr  # type: ignore[attr-defined]
    if p_pr is not None and p_pr.numPr is not None:
        return False
    style = paragraph.style  # type: ignore[attr-defined]
    indent = paragraph.paragraph_format.left_indent  # type: ignore[attr-defined]
    while indent is None and style is not None:  # as Word does: the paragraph's own, else its style's, else its base's
        if "list" in (style.name or "").casefold():
            return False
        indent, style = style.paragraph_format.left_indent, style.base_style
    return indent is not None and indent >= QUOTE_INDENT_EMU


def convert_docx(path: Path) -> Converted:
    """Convert a DOCX: Heading/Title styles as headings, Quote styles as ``> ``, footnotes and endnotes."""
    import docx

    try:
        document = docx.Document(str(path))
        with zipfile.ZipFile(path) as package:
            footnotes = _docx_notes(package, "word/footnotes.xml")
            endnotes = _docx_notes(package, "word/endnotes.xml")
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise ConversionError(f"{path}: not a readable DOCX ({err}); save it again from the word processor") from err
    writer = Writer()
    numbers: dict[tuple[str, str], str] = {}
    for paragraph in document.paragraphs:
        parts = []
        calls = []
        for node in paragraph._p.iter():
            if node.tag == f"{_W}r":
                props = node.find(f"{_W}rPr")
                italic, bold = _on(props, "i"), _on(props, "b")
                text = "".join(t.text or "" for t in node.iter(f"{_W}t"))
                for kind, table in (("footnoteReference", footnotes), ("endnoteReference", endnotes)):
                    ref = node.find(f"{_W}{kind}")
                    if ref is not None and ref.get(f"{_W}id") in table:
                        key = (kind, ref.get(f"{_W}id", ""))
                        label = numbers.setdefault(key, str(len(numbers) + 1))
                        writer.note(label, table[key[1]])
                        calls.append(label)
                        text = label.translate(SUPERSCRIPT)
                        italic = bold = False
                parts.append(emphasis(text, italic, bold))
        text = collapse("".join(parts))
        if _quote_style(paragraph.style) or _indented(paragraph):
            text = "> " + text if text else ""
        writer.emit(text, calls=calls)
    writer.flush_notes()
    text, changes = writer.render()
    return Converted(text, "docx", "python-docx", version("python-docx"),
                     {"headings": "paragraph styles", "notes": "footnotes.xml, endnotes.xml"}, changes)


def convert_odt(path: Path) -> Converted:
    """Convert an ODT from its content.xml: ``text:h`` headings, ``text:p`` paragraphs, ``text:note`` notes."""
    try:
        with zipfile.ZipFile(path) as package:
            if "encryption-data" in package.read("META-INF/manifest.xml").decode("utf-8", "replace"):
                raise ConversionError(
                    f"{path}: the ODT is encrypted with a password; save a copy without a password and give that")
            root = ET.fromstring(package.read("content.xml"))
            styles = ET.fromstring(package.read("styles.xml")) if "styles.xml" in package.namelist() else root
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as err:
        raise ConversionError(f"{path}: not a readable ODT ({err}); save it again from the word processor") from err
    styles_of: dict[str, tuple[bool, bool]] = {}
    parent_of: dict[str, str] = {}
    indent_of: dict[str, float] = {}
    for style in [*styles.iter(f"{_STYLE}style"), *root.iter(f"{_STYLE}style")]:
        name = style.get(f"{_STYLE}name", "")
        parent_of[name] = style.get(f"{_STYLE}parent-style-name", "")
        props = style.find(f"{_STYLE}text-properties")
        if props is not None:
            styles_of[name] = (props.get(f"{_FO}font-style") == "italic",
                               props.get(f"{_FO}font-weight") in ("bold", "700", "800"))
        paragraph = style.find(f"{_STYLE}paragraph-properties")
        if paragraph is not None and paragraph.get(f"{_FO}margin-left"):
            indent_of[name] = _centimetres(paragraph.get(f"{_FO}margin-left", ""))

    def quotation(style: str) -> bool:
        """A Quotations style, or set in from the left, by the paragraph's style or the styles it derives from."""
        seen: set[str] = set()
        while style and style not in seen:  # an automatic style ("P3") derives from a named one ("Quotations")
            seen.add(style)
            if _QUOTE_STYLE.search(style) or indent_of.get(style, 0.0) * 360_000 >= QUOTE_INDENT_EMU:
                return True
            if style in indent_of:  # its own indent, smaller: the base style's is overridden
                return False
            style = parent_of.get(style, "")
        return False

    writer = Writer()

    def inline(node: ET.Element, calls: list[str]) -> str:
        out = [node.text or ""]
        for child in node:
            if child.tag == f"{_TEXT}note":
                label = collapse("".join(child.find(f"{_TEXT}note-citation").itertext())) \
                    if child.find(f"{_TEXT}note-citation") is not None else str(len(writer.notes) + 1)
                body = child.find(f"{_TEXT}note-body")
                writer.note(label, collapse(" ".join(inline(p, []) for p in body)) if body is not None else "")
                calls.append(label)
                out.append(label.translate(SUPERSCRIPT))
            elif child.tag == f"{_TEXT}span":
                italic, bold = styles_of.get(child.get(f"{_TEXT}style-name", ""), (False, False))
                out.append(emphasis(inline(child, calls), italic, bold))
            elif child.tag in (f"{_TEXT}s", f"{_TEXT}tab", f"{_TEXT}line-break"):
                out.append(" ")
            else:
                out.append(inline(child, calls))
            out.append(child.tail or "")
        return "".join(out)

    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    in_notes = {id(node) for note in root.iter(f"{_TEXT}note") for node in note.iter()}
    in_lists = {id(node) for items in root.iter(f"{_TEXT}list") for node in items.iter()}
    for block in body.iter() if body is not None else []:
        if block.tag in (f"{_TEXT}h", f"{_TEXT}p") and id(block) not in in_notes:
            calls: list[str] = []
            text = collapse(inline(block, calls))
            quoted = block.tag == f"{_TEXT}p" and id(block) not in in_lists
            if quoted and quotation(block.get(f"{_TEXT}style-name", "")):
                text = "> " + text if text else ""
            writer.emit(text, calls=calls)
    writer.flush_notes()
    text, changes = writer.render()
    return Converted(text, "odt", "xml.etree.ElementTree (OpenDocument content.xml)", _python(),
                     {"headings": "text:h", "notes": "text:note"}, changes)


_UNITS_CM = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6}


def _centimetres(length: str) -> float:
    """An OpenDocument length ("4cm", "1.5in", "40mm", "113.4pt") in centimetres; 0 if it is not one."""
    found = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*(cm|mm|in|pt|pc)\s*", length)
    return float(found[1]) * _UNITS_CM[found[2]] if found else 0.0


def _python() -> str:
    import platform

    return platform.python_version()
