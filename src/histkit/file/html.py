"""HTML as text: ``h1``-``h6`` headings, paragraphs, block quotes, notes linked from superscript calls.

Read with Beautiful Soup (already a dependency of ``histkit site``), with Python's own ``html.parser``.
Notes: an element whose id a superscript link (or a link classed ``footnote``) points at is a note; it
follows the paragraph that calls it, as in the corpus texts.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from histkit.file.blocks import SUPERSCRIPT, Converted, Writer, collapse, emphasis


def convert_html(path: Path) -> Converted:
    """Convert an HTML page: ``h1``-``h6`` headings, ``p``, ``blockquote``, ``li``, notes linked by ``#fn`` ids."""
    from bs4 import BeautifulSoup, NavigableString, Tag

    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    for junk in soup(["script", "style", "nav", "header", "footer", "noscript"]):
        # an <article>'s own header holds its title and authors; the page's header and footer do not
        if junk.name in ("script", "style", "noscript") or junk.find_parent("article") is None:
            junk.decompose()
    writer = Writer()
    notes: dict[str, str] = {}
    # Notes: an element with an id, in a footnotes list or aside, holding the target of a call's href.
    calls = {a["href"][1:]: collapse(a.get_text()) for a in soup.select("a[href^='#']") if a.find_parent("sup")
             or "footnote" in " ".join(a.get("class", []))}
    for target, label in calls.items():
        element = soup.find(id=target)
        if element is not None and label.isdigit():
            for back in element.select("a[href^='#']"):
                back.decompose()
            notes[label] = collapse(element.get_text(" "))
            element.decompose()

    def inline(node: Tag) -> str:
        out = []
        for child in node.children:
            if isinstance(child, NavigableString):
                out.append(str(child))
            elif isinstance(child, Tag):
                if child.name == "sup" and collapse(child.get_text()).isdigit():
                    out.append(collapse(child.get_text()).translate(SUPERSCRIPT))
                elif child.name in ("em", "i"):
                    out.append(emphasis(inline(child), True, False))
                elif child.name in ("strong", "b"):
                    out.append(emphasis(inline(child), False, True))
                elif child.name == "br":
                    out.append(" ")
                else:
                    out.append(inline(child))
        return "".join(out)

    for label, text in notes.items():
        writer.note(label, text)
    title = soup.find("title")
    seen_h1 = soup.find("h1") is not None
    if title is not None and not seen_h1:
        writer.emit(collapse(title.get_text()))
    for block in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "li", "figcaption"]):
        if block.find_parent(["blockquote", "li", "figcaption"]) is not None and block.name == "p":
            continue
        text = collapse(inline(block))
        if block.name == "blockquote":
            text = "> " + text
        elif block.name == "figcaption":
            text = f"[{text}]"
        writer.emit(text)
    writer.flush_notes()
    text, changes = writer.render()
    return Converted(text, "html", "beautifulsoup4", version("beautifulsoup4"),
                     {"parser": "html.parser", "headings": "h1-h6", "notes": "sup links to ids"}, changes)
