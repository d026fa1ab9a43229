"""What follows "(Year)." in an APA (7th ed.) entry: an article, a chapter or a book.

The names and the year before it are read by :mod:`histkit.extract.reference_names`; what is read
here fills the same fields as the ABNT forms of :mod:`histkit.extract.references`:

- ``Title. *Journal* , *16* (6), 333-342.``: article (volume, issue, pages);
- ``Title. In A. B. Editor (Ed.), *Book* ...``: chapter;
- ``Title. Place: Publisher.``: book.
"""

from __future__ import annotations

import re

_ARTICLE = re.compile(
    r"(?P<title>[^*]+?)\. +\*(?P<container>[^*]+?),?\* *, *\*?(?P<volume>\d+)\*? *(?:\((?P<issue>[^)]+)\))?"
    r"(?:, *(?P<pages>\d+ ?[-–] ?\d+))?\.?$"
)
_CHAPTER = re.compile(r"(?P<title>.+?)\. +In:? +(?P<host>[A-ZÀ-Þ].+)$")
# The place is bounded in length (as in :mod:`histkit.extract.references`): linear on a run of initials.
_BOOK = re.compile(r"(?P<title>.+?) ?\. +(?P<place>(?:[^.:]|(?<=\b[A-ZÀ-Þ])\.){1,120}?): +(?P<publisher>[^:]+?)\.?$")


def clean(text: str) -> str:
    """Drop markdown residue: bold and italic markers and the escaped dollar."""
    return re.sub(r"\*\*(.*?)\*\*", r"\1", text).replace("*", "").replace("\\$", "$").strip()


def apa_body(rest: str) -> dict[str, str] | None:
    """The kind, title and imprint or journal of what follows an APA entry's "(Year).".

    Parameters
    ----------
    rest : str
        The entry after its year, markdown residue included (the journal is found by its italics).

    Returns
    -------
    dict or None
        Fields of :class:`histkit.extract.references.Reference` (``kind``, ``title`` and, as the
        form gives them, ``container``, ``volume``, ``issue``, ``pages``, ``place``, ``publisher``);
        ``None`` when no APA form fits.

    """
    if m := _ARTICLE.fullmatch(rest.strip()):
        return {
            "kind": "article",
            "title": clean(m.group("title")),
            "container": clean(m.group("container")),
            "volume": m.group("volume"),
            "issue": m.group("issue") or "",
            "pages": re.sub(r" ?[-–] ?", "-", m.group("pages") or ""),
        }
    text = clean(rest)
    if m := _CHAPTER.fullmatch(text):
        return {"kind": "chapter", "title": m.group("title")}
    if m := _BOOK.fullmatch(text):
        return {"kind": "book", "title": m.group("title"), "place": m.group("place"), "publisher": m.group("publisher")}
    return None
