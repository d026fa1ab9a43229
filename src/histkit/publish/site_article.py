"""The article as one HTML fragment: the verbatim text, every quoted span anchored, links back to the quotes.

The text is cut at every start and end of a quoted span; each piece is escaped and, when a table shown
in a notebook quotes it, marked. At a span's start stands an anchor ``q-<start>-<end>`` (see
:func:`histkit.publish.quotes.anchor_id`); after it, links back to every table cell that quotes the span.
Spans overlap freely (a date inside a paragraph inside a section), which is why anchors are points and
the marking is per piece, never nested elements.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Sequence

from histkit.publish.quotes import QuoteIndex, anchor_id
from histkit.publish.site_tables import QuoteRef


def _back_links(refs: Sequence[QuoteRef]) -> str:
    seen: list[str] = []
    for ref in refs:
        link = (
            f'<a href="{html.escape(ref.page)}#{html.escape(ref.target)}" '
            f'title="{html.escape(ref.label)}">{html.escape(ref.page.removesuffix(".html")[:2])}</a>'
        )
        if link not in seen:
            seen.append(link)
    return '<sup class="q-back">' + " ".join(seen) + "</sup>"


def article_html(index: QuoteIndex, refs: Sequence[QuoteRef]) -> str:
    """The verbatim article text as HTML, with an anchor at every span and links back to its quotes.

    Parameters
    ----------
    index : QuoteIndex
        The article text and the spans the exported tables quote.
    refs : sequence of QuoteRef
        The table cells of the notebook pages that quote a span.

    Returns
    -------
    str
        A ``<pre class="article-text">`` whose text content, without the ``.q-back`` links, is the
        article text exactly.

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
    cuts = sorted({0, len(text), *starts, *ends})
    shown: set[tuple[int, int]] = set()  # open spans that a notebook table quotes
    # A <pre>: nbconvert re-reads the page with Beautiful Soup, which shrinks whitespace between tags
    # to one newline everywhere else; the text must keep every blank line. A newline right after <pre>
    # would be dropped by the HTML parser, hence the extra one.
    out = ['<pre class="article-text">' + ("\n" if text.startswith("\n") else "")]
    for here, there in zip(cuts, [*cuts[1:], None], strict=True):
        shown -= set(ends.get(here, ()))
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
        out.append(f'<span class="quoted">{piece}</span>' if shown else piece)
    out.append("</pre>")
    return "".join(out)
