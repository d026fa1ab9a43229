"""Markdown and plain text: plain text is the text; Markdown's headings and notes in the corpus shape.

Markdown is already close to the shape ingest reads (``*emphasis*``, ``> `` quotes); only ``#`` heading
marks and ``[^n]`` notes need reading, so this is a few lines rather than a Markdown library, whose HTML
output would have to be read back.
"""

from __future__ import annotations

import re
from pathlib import Path

from histkit.core.errors import ConversionError
from histkit.file.blocks import SUPERSCRIPT, Converted, Writer

_MD_NOTE = re.compile(r"\[\^(\d{1,3})\]:[ \t]*(.*)")
_MD_CALL = re.compile(r"\[\^(\d{1,3})\]")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+([^\n]*)")


def convert_plain(path: Path, fmt: str) -> Converted:
    """Plain text as it is (``fmt`` "text"), or Markdown read by :func:`markdown_text`."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ConversionError(f"{path}: not UTF-8 (byte offset {err.start}); convert the file to UTF-8") from err
    if fmt == "text":
        return Converted(text, "text", "none (the file is the text)", "", {})
    return markdown_text(text)


def markdown_text(source: str) -> Converted:
    """Markdown as text: ``#`` headings as lines, ``[^n]`` notes after their calling paragraph, the rest as written.

    Emphasis (``*...*``) and block quotes (``> ``) are already the shape ingest reads.
    """
    writer = Writer()
    blocks = re.split(r"\n[ \t]*\n", source.replace("\r\n", "\n"))
    for block in blocks:
        note = _MD_NOTE.match(block.strip())
        if note:
            writer.note(note.group(1), " ".join(note.group(2).split() + block.strip().split("\n")[1:]))
    for block in blocks:
        stripped = block.strip()
        if not stripped or _MD_NOTE.match(stripped):
            continue
        heading = _MD_HEADING.fullmatch(stripped)
        if heading:
            stripped = heading.group(1).rstrip(" \t#")  # closing hashes ("## Title ##") are not the title
        calls = _MD_CALL.findall(stripped)
        stripped = _MD_CALL.sub(lambda m: m.group(1).translate(SUPERSCRIPT), stripped)
        quoted = stripped.startswith(">")
        lines = [ln.strip() for ln in stripped.split("\n")]
        if quoted:
            lines = [ln.lstrip("> ").strip() for ln in lines]
        text = " ".join(ln for ln in lines if ln)
        writer.emit(("> " if quoted else "") + text, calls=calls)
    writer.flush_notes()
    text, changes = writer.render()
    return Converted(text, "markdown", "histkit.file.convert (headings, notes)", "", {"notes": "[^n]"}, changes)
