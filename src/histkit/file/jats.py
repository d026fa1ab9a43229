"""JATS XML (journals, SciELO) as text: front matter, body sections, notes, quotes and the reference list.

Read with the standard library's ElementTree, from the XML structure: each ``<sec>`` title as a heading,
each ``<p>`` as a paragraph, ``<disp-quote>`` paragraphs as ``> `` lines, ``<fig>``/``<table-wrap>`` as
``[label caption]`` lines, each footnote right after the block that first calls it, footnote groups with
a title and the ``<ref-list>`` (one ``<mixed-citation>`` a block) at the end. The shape is the one of the
corpus's ``article.txt`` files (``../shared/tools/jats2txt.py``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from histkit.core.errors import ConversionError
from histkit.file.blocks import Converted, collapse
from histkit.file.jats_inline import Inline

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class _Jats:
    def __init__(self, root: ET.Element) -> None:
        self.root = root
        self.inline = Inline(root)
        self.blocks: list[str | None] = []

    def text_of(self, el: ET.Element | None) -> str:
        return self.inline.text_of(el)

    def emit(self, text: str) -> None:
        self.blocks.append(text)
        self.flush_notes()

    def flush_notes(self) -> None:
        pending = self.inline.pending
        while pending:
            fid = pending.pop(0)
            if fid not in self.inline.printed:
                self.inline.printed.add(fid)
                self.blocks.append(self.inline.footnote(fid))

    # front matter ---------------------------------------------------------------------------------

    def front(self) -> None:
        meta = self.root.find("front/article-meta")
        if meta is None:
            return
        lang = self.root.get(XML_LANG)
        group = meta.find("title-group")
        if group is not None:
            self.emit(self.text_of(group.find("article-title")))
        self.authors(meta)
        for ab in meta.findall("abstract"):
            if ab.get("abstract-type") not in ("graphical", "key-points") and ab.get(XML_LANG) in (None, lang):
                self.abstract(ab)
        kwd_groups = meta.findall("kwd-group")
        for kg in kwd_groups:
            if kg.get(XML_LANG) in (None, lang):
                self.keywords(kg)
        done = {lang}
        for trans in group.findall("trans-title-group") if group is not None else []:
            tl = trans.get(XML_LANG)
            self.blocks.append(None)
            self.emit(self.text_of(trans.find("trans-title")))
            for ab in meta.findall("trans-abstract"):
                if ab.get(XML_LANG) == tl:
                    self.abstract(ab)
            for kg in kwd_groups:
                if kg.get(XML_LANG) == tl and tl not in done:
                    self.keywords(kg)
            done.add(tl)
        for ab in meta.findall("trans-abstract"):
            if ab.get(XML_LANG) not in done:
                self.abstract(ab)
        for kg in kwd_groups:
            if kg.get(XML_LANG) not in done:
                self.keywords(kg)
        self.affiliations(meta)
        self.blocks.append(None)

    def authors(self, meta: ET.Element) -> None:
        names = []
        for contrib in meta.iter("contrib"):
            name = contrib.find("name")
            if name is not None:
                parts = (self.text_of(name.find("given-names")), self.text_of(name.find("surname")))
                text = " ".join(x for x in parts if x)
                suffix = self.text_of(name.find("suffix"))
                text += f" {suffix}" if suffix else ""
            else:
                text = self.text_of(contrib.find("collab"))
            if text:
                names.append(text + "".join(self.inline.call(x) for x in contrib.findall("xref")
                                            if x.get("ref-type") == "fn"))
        if names:
            self.emit("; ".join(names))

    def abstract(self, ab: ET.Element) -> None:
        title = self.text_of(ab.find("title"))
        paras = []
        for child in ab:
            if child.tag == "sec":
                body = " ".join(self.text_of(p) for p in child if p.tag != "title")
                paras.append(collapse(f"{self.text_of(child.find('title'))} {body}"))
            elif child.tag != "title":
                paras.append(self.text_of(child))
        paras = [p for p in paras if p]
        if not paras and not title:
            paras = [p for p in [self.text_of(ab)] if p]
        if title:
            paras = [f"{title} {paras[0]}", *paras[1:]] if paras else [title]
        for p in paras:
            self.emit(p)

    def keywords(self, kg: ET.Element) -> None:
        words = [w for w in (self.text_of(k) for k in kg.findall("kwd")) if w]
        if words:
            title = self.text_of(kg.find("title"))
            line = ". ".join(w.rstrip(".") for w in words) + "."
            self.emit(f"{title} {line}" if title else line)

    def affiliations(self, meta: ET.Element) -> None:
        affs = list(meta.iter("aff"))
        originals = [self.text_of(inst) for aff in affs for inst in aff.findall("institution")
                     if inst.get("content-type") == "original"]
        if any(originals):
            for text in originals:
                self.emit(text)
            return
        for aff in affs:  # no 'original' text: composed from the parts
            parts = [self.text_of(c) for c in aff if c.tag not in ("label", "sup")]
            parts = [p for p in parts if p]
            if parts:
                self.emit(", ".join(parts))

    # body and back ----------------------------------------------------------------------------------

    def block(self, el: ET.Element) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in ("fn-group", "ref-list", "label"):
            return
        if tag == "sec":
            for child in el:
                self.block(child)
        elif tag == "disp-quote":
            for p in [c for c in el if c.tag == "p"] or [el]:
                text = self.text_of(p)
                if text:
                    self.blocks.append("> " + text)
            self.flush_notes()
        elif tag in ("fig", "table-wrap"):
            caption = el.find("caption")
            words = [self.text_of(el.find("label"))]
            if caption is not None:
                words += [self.text_of(caption.find("title")), " ".join(self.text_of(p) for p in caption.findall("p"))]
            text = " ".join(w for w in words if w)
            if text:
                self.emit(f"[{text}]")
        elif tag == "list":
            for item in el.iter("list-item"):
                self.emit(self.text_of(item))
        else:
            self.emit(self.text_of(el))

    def back(self) -> None:
        back = self.root.find("back")
        if back is None:
            return
        for group in back.findall("fn-group"):
            left = [fn for fn in group.findall("fn") if fn.get("id") not in self.inline.printed]
            if not left:
                continue
            self.emit(self.text_of(group.find("title")))
            for fn in left:
                fid = fn.get("id")
                if fid is not None:
                    self.inline.printed.add(fid)
                    self.blocks.append(self.inline.footnote(fid))
                    self.flush_notes()
        for ref_list in back.iter("ref-list"):
            self.emit(self.text_of(ref_list.find("title")))
            for ref in ref_list.findall("ref"):
                self.emit(self.text_of(ref.find("mixed-citation")))

    def render(self) -> str:
        self.front()
        body = self.root.find("body")
        for child in body if body is not None else []:
            self.block(child)
        self.back()
        out: list[str] = []
        sep = ""
        for block in self.blocks:
            if block is None:
                sep = "\n\n\n" if out else ""
            elif block:
                out += [sep, block]
                sep = "\n\n"
        return "".join(out) + "\n"


def jats_text(root: ET.Element) -> str:
    """The text of a parsed JATS ``<article>`` in the shape ingest reads."""
    return _Jats(root).render()


def convert_jats(path: Path) -> Converted:
    """Convert a JATS XML file.

    Raises
    ------
    ConversionError
        If the file is not well-formed XML or its root is not a JATS ``<article>``.

    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise ConversionError(f"{path}: not well-formed XML ({err}); give the publisher's JATS file as it is") from err
    if root.tag != "article":
        raise ConversionError(
            f"{path}: the XML's root is <{root.tag}>, not a JATS <article>; give a JATS article (.xml) "
            "or convert the file to one of .pdf .docx .odt .html .md .txt"
        )
    return Converted(jats_text(root), "jats", "xml.etree.ElementTree (Python standard library)", _python(),
                     {"footnotes": "after the calling block", "emphasis": "*italic* **bold**"},
                     licence=jats_licence(root))


_CC_URL = re.compile(r"creativecommons\.org/licenses/(?P<code>[a-z-]+)/(?P<version>\d\.\d)", re.IGNORECASE)
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def jats_licence(root: ET.Element) -> str:
    """The Creative Commons licence the publisher's ``<permissions><license xlink:href>`` names, or "".

    "http://creativecommons.org/licenses/by-nc/4.0/" is "CC BY-NC 4.0, as the publisher's JATS states it
    (<license xlink:href="...">)": the licence is in the file, not in the text histkit makes of it.
    """
    for licence in root.iterfind("front/article-meta/permissions/license"):
        href = licence.get(XLINK_HREF, "")
        found = _CC_URL.search(href)
        if found:
            return (f"CC {found['code'].upper()} {found['version']}, as the publisher's JATS states it "
                    f'(<license xlink:href="{href}">)')
    return ""


def _python() -> str:
    import platform

    return platform.python_version()
