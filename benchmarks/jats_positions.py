"""Where each JATS ``<xref ref-type="bibr">`` sits in ``article.txt``: position-based citation truth.

Each corpus ``article.txt`` was made from its ``source.xml`` by ``../shared/tools/jats2txt.py``. Here
the same converter runs again on a copy of the XML tree in which the content of every bibr
``<xref>`` is wrapped in private-use marker characters (a start mark and an end mark, each followed
by one more private-use character that numbers the xref). The marks are then stripped while their
offsets are recorded, and the stripped text must equal ``article.txt`` exactly; where it does not,
:func:`xref_spans` returns ``None`` and the caller falls back to counting.

The converter is loaded from its file at run time and is never edited or copied. Xrefs it does not
print (inside a table body, or in the translated ``<sub-article>``) get no span; notes are placed
where the converter places them (after the calling paragraph), so xrefs inside notes get the
span of their printed note.
"""

from __future__ import annotations

import copy
import importlib.util
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
CONVERTER = ROOT.parent / "shared" / "tools" / "jats2txt.py"

OPEN, CLOSE = "\ue000", "\ue001"
# The number of an xref is one character of Supplementary Private Use Area-A after its mark.
NUMBER_BASE = 0xF0000
MARKS = {OPEN, CLOSE}


@dataclass(frozen=True)
class XrefSpan:
    """One bibr xref printed in the text: ``text[start:end]`` is its content; ``rids`` its targets."""

    number: int
    start: int
    end: int
    rids: tuple[str, ...]
    in_note: bool


@cache
def converter() -> ModuleType:
    """``jats2txt.py`` as a module (loaded from its file, not copied)."""
    spec = importlib.util.spec_from_file_location("jats2txt", CONVERTER)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"{CONVERTER}: the JATS-to-text converter is missing (../shared/tools beside the repo)")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mark(root: ET.Element) -> dict[int, tuple[tuple[str, ...], bool]]:
    """Wrap the content of every bibr xref in numbered marks (in place); number -> (rids, inside a <fn>)."""
    parents = {child: parent for parent in root.iter() for child in parent}
    found: dict[int, tuple[tuple[str, ...], bool]] = {}
    for number, xref in enumerate(x for x in root.iter("xref") if x.get("ref-type") == "bibr"):
        tag = chr(NUMBER_BASE + number)
        xref.text = OPEN + tag + (xref.text or "")
        if len(xref):
            last = xref[-1]
            last.tail = (last.tail or "") + CLOSE + tag
        else:
            xref.text += CLOSE + tag
        node, in_note = xref, False
        while node in parents:
            node = parents[node]
            in_note = in_note or node.tag == "fn"
        found[number] = (tuple((xref.get("rid") or "").split()), in_note)
    return found


def strip_marks(marked: str) -> tuple[str, dict[int, tuple[int, int]]]:
    """Remove the marks; return the plain text and number -> (start, end) of each marked content.

    A mark set between two spaces would leave two spaces where the converter wrote one (it collapses
    whitespace before the marks are removed), so one of them is dropped, as the converter would have.
    Spans are trimmed of whitespace at both ends.
    """
    out: list[str] = []
    opened: dict[int, int] = {}
    spans: dict[int, tuple[int, int]] = {}
    i, n = 0, len(marked)
    while i < n:
        c = marked[i]
        if c in MARKS and i + 1 < n:
            number = ord(marked[i + 1]) - NUMBER_BASE
            if c == OPEN:
                opened[number] = len(out)
            else:
                spans[number] = (opened.pop(number, len(out)), len(out))
            i += 2
            if out and out[-1] == " " and i < n and marked[i] == " ":
                i += 1
            continue
        out.append(c)
        i += 1
    text = "".join(out)
    trimmed = {}
    for number, (start, end) in spans.items():
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        trimmed[number] = (start, end)
    return text, trimmed


def xref_spans(source: Path, text: str) -> list[XrefSpan] | None:
    """The printed bibr xrefs of ``source`` as spans of ``text``; ``None`` when the re-conversion differs."""
    root = copy.deepcopy(ET.parse(source).getroot())
    found = _mark(root)
    marked = converter().Converter(root).render()
    plain, spans = strip_marks(marked)
    if plain != text:
        return None
    return [
        XrefSpan(number, *spans[number], rids=found[number][0], in_note=found[number][1]) for number in sorted(spans)
    ]
