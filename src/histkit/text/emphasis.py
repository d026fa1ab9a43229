"""The article's emphasis marks shown as type: ``*et al*`` in italics, ``**JEL**`` in bold.

The verbatim text (``article.txt``) marks italic and bold type as Markdown does (the PDF reader writes an italic font
as ``*...*``; a JATS ``<italic>`` becomes the same); a quote keeps those marks, so that ``text[start:end] == quote``.
A reader's table shows them as the type they stand for, never as asterisks. The pattern is the one the article's
reading uses (:mod:`histkit.text.ingest`): a pair of marks around text on one line, not inside a word.
"""

from __future__ import annotations

import re

_EMPHASIS = re.compile(r"\*\*(?P<bold>[^*\n]+?)\*\*|(?<![*\w])\*(?P<em>[^*\n]+?)\*(?![*\w])")


def typeset(escaped: str) -> str:
    """HTML already escaped, its emphasis marks turned into ``<em>`` and ``<strong>`` (a lone ``*`` is kept)."""
    return _EMPHASIS.sub(lambda m: f"<strong>{m['bold']}</strong>" if m["bold"] is not None else f"<em>{m['em']}</em>",
                         escaped)


def unmarked(text: str) -> str:
    """``text`` as :func:`typeset` shows it, read as plain text: the emphasis marks left out."""
    return _EMPHASIS.sub(lambda m: m["bold"] if m["bold"] is not None else m["em"], text)
