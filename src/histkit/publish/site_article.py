r"""The article as one HTML fragment: the verbatim text, every quoted span anchored, links back to the quotes.

The text is cut at every start and end of a quoted span; each piece is escaped and, when a table shown
in a notebook quotes it, marked. At a span's start stands an anchor ``q-<start>-<end>`` (see
:func:`histkit.publish.quotes.anchor_id`); after it, links back to every table cell that quotes the span.
Spans overlap freely (a date inside a paragraph inside a section), which is why anchors are points and
the marking is per piece, never nested elements.

A link lands on its whole passage, marked with no script: each piece carries a class per span it lies
in (``s-<start>-<end>``), and one CSS rule per span marks the pieces after its anchor when the anchor is
the page's target (``#q-12-47:target ~ .s-12-47``).

What the conversion left of the typesetting (the asterisks of ``*e.g.*``, a block quotation's ``> ``, the
backslash of ``\$``: the repairs ingest records) stays in the page, so its text is still the file's, but in a
``residue`` span a reader does not see; the words between asterisks are set in italics or bold, as printed.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Sequence

from histkit.publish.quotes import QuoteIndex, anchor_id
from histkit.publish.site_tables import QuoteRef
from histkit.text.article import Repair

# Repairs of typesetting residue: what the repair removes is hidden, what it keeps is shown.
RESIDUE_KINDS = frozenset({"markdown-emphasis", "blockquote-marker", "escaped-dollar"})


def typesetting_marks(text: str, repairs: Sequence[Repair]) -> dict[tuple[int, int], str]:
    r"""Spans of the text to hide (``residue``) or to set in italics or bold (``em``, ``strong``).

    A repair's quote is what it keeps with residue before and after it: ``**Mao**`` keeps ``Mao``,
    ``> `` keeps nothing, ``\$`` keeps ``$``.
    """
    marks: dict[tuple[int, int], str] = {}
    for r in repairs:
        quote = text[r.start : r.end]
        at = quote.find(r.replacement)
        if r.kind not in RESIDUE_KINDS or at < 0:
            continue
        keep = (r.start + at, r.start + at + len(r.replacement))
        if r.start < keep[0]:
            marks[(r.start, keep[0])] = "residue"
        if keep[1] < r.end:
            marks[(keep[1], r.end)] = "residue"
        if r.kind == "markdown-emphasis" and keep[0] < keep[1]:
            marks[keep] = "strong" if quote.startswith("**") else "em"
    return marks


def _back_links(refs: Sequence[QuoteRef]) -> str:
    seen: list[str] = []
    for ref in refs:
        link = (
            f'<a href="{html.escape(ref.page)}#{html.escape(ref.target)}" '
            f'title="{html.escape(ref.label)}">↩{html.escape(ref.page.removesuffix(".html")[:2])}</a>'
        )
        if link not in seen:
            seen.append(link)
    return '<sup class="q-back">' + " ".join(seen) + "</sup>"


def article_html(
    index: QuoteIndex, refs: Sequence[QuoteRef], marks: dict[tuple[int, int], str] | None = None
) -> str:
    """The verbatim article text as HTML, with an anchor at every span and links back to its quotes.

    Parameters
    ----------
    index : QuoteIndex
        The article text and the spans the exported tables quote.
    refs : sequence of QuoteRef
        The table cells of the notebook pages that quote a span.
    marks : dict, optional
        Spans to hide or emphasise (:func:`typesetting_marks`).

    Returns
    -------
    str
        A ``<style>`` (the landing rules), then a ``<pre class="article-text">`` whose text content,
        without the ``.q-back`` links, is the article text exactly.

    """
    text = index.text
    by_span: dict[tuple[int, int], list[QuoteRef]] = defaultdict(list)
    for ref in refs:
        by_span[ref.span].append(ref)
    spans = sorted(set(index.sources) | set(by_span))
    starts: dict[int, list[tuple[int, int]]] = defaultdict(list)
    ends: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        starts[span[0]].append(span)
        ends[span[1]].append(span)
    marks = marks or {}
    cuts = sorted({0, len(text), *starts, *ends, *(a for a, _ in marks), *(b for _, b in marks)})
    shown: set[tuple[int, int]] = set()  # open spans that a notebook table quotes
    # A <pre>: nbconvert re-reads the page with Beautiful Soup, which shrinks whitespace between tags
    # to one newline everywhere else; the text must keep every blank line. A newline right after <pre>
    # would be dropped by the HTML parser, hence the extra one.
    out = ['<pre class="article-text">' + ("\n" if text.startswith("\n") else "")]
    inside: set[tuple[int, int]] = set()  # every span the piece lies in
    for here, there in zip(cuts, [*cuts[1:], None], strict=True):
        shown -= set(ends.get(here, ()))
        inside = (inside - set(ends.get(here, ()))) | set(starts.get(here, ()))
        for span in starts.get(here, ()):
            tables = ", ".join(sorted(index.sources.get(span, ())))
            title = f' title="{html.escape("in " + tables)}"' if tables else ""
            out.append(f'<span class="q-anchor" id="{anchor_id(*span)}"{title}></span>')
            if span in by_span:
                out.append(_back_links(by_span[span]))
                shown.add(span)
        if there is None:
            break
        piece = html.escape(text[here:there])
        classes = sorted({kind for (a, b), kind in marks.items() if a <= here and there <= b})
        classes += [f"s-{a}-{b}" for a, b in sorted(inside)]
        if shown:
            classes.insert(0, "quoted")
        out.append(f'<span class="{" ".join(classes)}">{piece}</span>' if classes else piece)
    out.append("</pre>")
    landing = "\n".join(
        f"#{anchor_id(a, b)}:target ~ .s-{a}-{b} {{ background: #ffd84d; }}" for a, b in spans
    )
    return f"<style>\n{landing}\n</style>" + "".join(out)
