"""JATS inline content as text: italic as ``*...*``, bold as ``**...**``, note calls as superscripts.

Used by :mod:`histkit.file.jats`, which keeps the block order; this module only renders runs of text and
remembers which footnotes a block called, so they can follow it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from histkit.file.blocks import SUPERSCRIPT, collapse

# An italic/bold run made only of these characters is written without marks ("I 35<italic>.,</italic>").
_PUNCT_ONLY = re.compile(r"[\s.,;:!?()\[\]\-–—'\"“”‘’«»/…]*")
# Elements whose content is never part of the running text.
_SKIP = {"alternatives", "graphic", "inline-graphic", "media", "object-id", "fn", "element-citation"}


class Inline:
    """Renders inline JATS and queues the footnotes a block calls (by ``<fn>`` id)."""

    def __init__(self, root: ET.Element) -> None:
        self.fns = {fn.get("id"): fn for fn in root.iter("fn") if fn.get("id")}
        self.printed: set[str] = set()
        self.pending: list[str] = []

    def label(self, fid: str) -> str:
        """The printed label of footnote ``fid`` ('' when it has none)."""
        fn = self.fns.get(fid)
        label = fn.find("label") if fn is not None else None
        return collapse("".join(label.itertext())) if label is not None else ""

    def text_of(self, el: ET.Element | None) -> str:
        """The content of ``el`` as one collapsed line ('' for None)."""
        return collapse(self.inline(el)) if el is not None else ""

    def inline(self, el: ET.Element) -> str:
        """The content of ``el`` (without its tail), whitespace as in the XML."""
        parts = [el.text or ""]
        for child in el:
            parts.append(self._child(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def _child(self, el: ET.Element) -> str:
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            return ""
        if tag == "italic":
            return _wrap(self.inline(el), "*")
        if tag == "bold":
            return _wrap(self.inline(el), "**")
        if tag == "xref" and el.get("ref-type") == "fn":
            return self.call(el)
        if tag == "sup":
            text = collapse(self.inline(el))
            return text.translate(SUPERSCRIPT) if text.isdigit() else text
        if tag in ("disp-quote", "p", "list-item"):
            # a quotation or paragraph nested inside a paragraph (as in a footnote) stays in the running text
            return " " + self.inline(el) + " "
        if tag == "break":
            return " "
        return self.inline(el)

    def call(self, xref: ET.Element) -> str:
        """A footnote call as a superscript label; the note is queued to follow the block."""
        rids = (xref.get("rid") or "").split()
        rid = rids[0] if rids else ""
        text = collapse("".join(xref.itertext()))
        if text and not text.isdigit():
            return self.inline(xref)  # a link tagged as a note call whose text is prose
        text = text or self.label(rid)
        if rid in self.fns and rid not in self.printed and rid not in self.pending:
            self.pending.append(rid)
        return text.translate(SUPERSCRIPT)

    def footnote(self, fid: str) -> str:
        """Footnote ``fid`` as one paragraph led by its superscript label; notes it calls are queued after it."""
        saved, self.pending = self.pending, []
        paras = [self.text_of(child) for child in self.fns[fid] if child.tag != "label"]
        nested, self.pending = self.pending, saved
        text = collapse(" ".join(p for p in paras if p))
        label = self.label(fid)
        if label:
            text = label.translate(SUPERSCRIPT) + " " + text
        self.pending.extend(n for n in nested if n not in self.pending)
        return text


def _wrap(text: str, mark: str) -> str:
    if not text.strip() or _PUNCT_ONLY.fullmatch(text):
        return text
    body = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{body}{mark}{trail}"
