"""The characters of a PDF with their boxes, sizes and fonts, from pypdfium2 (chosen) or pdfminer.six (compared).

Both give the same :class:`Page` of :class:`Char` in the order of the page's content stream, so the layout
reading (:mod:`histkit.file.pdf_layout`) is the same whichever library read the file; the benchmark
``benchmarks/eval_pdf.py`` scores both. Coordinates are PDF points, y upwards from the page's foot.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from pathlib import Path

from histkit.core.errors import ConversionError


@dataclass(frozen=True)
class Char:
    """One character: its text, box, font size and whether its font is bold or italic."""

    c: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    italic: bool = False


@dataclass
class Page:
    """One page: its number (from 1), size and characters."""

    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)


def _bold(font: str, weight: int = 0) -> bool:
    name = font.casefold()
    return weight >= 600 or any(w in name for w in ("bold", "black", "heavy", "semibold", ",b"))


def _italic(font: str, flags: int = 0) -> bool:
    name = font.casefold()
    return bool(flags & 64) or "italic" in name or "oblique" in name or name.endswith((",i", "-it", "-ital"))


def pdfium_pages(path: Path) -> list[Page]:
    """The pages of ``path`` read with pypdfium2 (PDFium, BSD/Apache licensed).

    Raises
    ------
    ConversionError
        If the file is encrypted with a password or PDFium cannot open it.

    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as err:
        if "password" in str(err).casefold():
            raise ConversionError(
                f"{path}: the PDF is encrypted with a password; save a copy without a password and give that"
            ) from err
        raise ConversionError(f"{path}: PDFium cannot read this PDF ({err}); save it again from a PDF viewer") from err
    pages = []
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    # raw PDFium calls with buffers made once: the helpers allocate per call, and a page has thousands of chars
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    loose = raw.FS_RECTF()
    box = [ctypes.byref(v) for v in (left, right, bottom, top)]
    try:
        for index in range(len(doc)):
            page = doc[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            out = Page(index + 1, width, height)
            fonts: dict[tuple[bytes, int], tuple[bool, bool]] = {}
            handle = textpage.raw
            for i in range(textpage.count_chars()):
                code = raw.FPDFText_GetUnicode(handle, i)
                if code in (0, 0xFFFF) or (code != 32 and raw.FPDFText_IsGenerated(handle, i) == 1):
                    continue
                if code in (2, 0xAD, 0xFFFE):  # PDFium's marks of a hyphen at a line's end; a soft hyphen
                    code = 0x2D
                elif 0xF020 <= code <= 0xF07E:  # a symbol font's private-use code for an ASCII sign ("*")
                    code -= 0xF000
                elif 0xE000 <= code <= 0xF8FF:  # other private-use codes are icons (ORCID, open access), not text
                    continue
                elif code < 32 or 0x7F <= code < 0xA0:  # control characters (ingest refuses them): a tab is a space
                    if code not in (9, 10, 13):
                        continue
                    code = 32 if code == 9 else code
                raw.FPDFText_GetCharBox(handle, i, *box)
                # The loose box spans the font's ascent to descent at its size on the page; the font size
                # PDFium reports is 1 where the text matrix, not the font, scales the type.
                raw.FPDFText_GetLooseCharBox(handle, i, loose)
                raw.FPDFText_GetFontInfo(handle, i, buf, len(buf), ctypes.byref(flags))
                key = (buf.value, flags.value)
                if key not in fonts:
                    name = key[0].decode("latin-1")
                    fonts[key] = (_bold(name, raw.FPDFText_GetFontWeight(handle, i)), _italic(name, flags.value))
                bold, italic = fonts[key]
                out.chars.append(Char(chr(code), left.value, bottom.value, right.value, top.value,
                                      round(loose.top - loose.bottom, 1), bold, italic))
            pages.append(out)
    finally:
        doc.close()
    return pages


def pdfminer_pages(path: Path) -> list[Page]:
    """The pages of ``path`` read with pdfminer.six (MIT), for the comparison in the benchmark."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer

    pages = []
    for number, layout in enumerate(extract_pages(str(path), laparams=LAParams()), start=1):
        page = Page(number, layout.width, layout.height)
        for box in layout:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                for ch in getattr(line, "_objs", []):
                    if isinstance(ch, LTChar):
                        page.chars.append(Char(ch.get_text(), ch.x0, ch.y0, ch.x1, ch.y1, ch.size, _bold(ch.fontname),
                                               _italic(ch.fontname)))
                    elif ch.get_text() == " ":
                        last = page.chars[-1] if page.chars else None
                        if last is not None:
                            page.chars.append(Char(" ", last.x1, last.y0, last.x1, last.y1, last.size, last.bold))
        pages.append(page)
    return pages
