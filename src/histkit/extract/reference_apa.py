"""What follows "(Year)." in an APA (7th ed.) entry: an article, a chapter or a book.

The names and the year before it are read by :mod:`histkit.extract.reference_names`; what is read
here fills the same fields as the ABNT forms of :mod:`histkit.extract.references`:

- ``Title. *Journal* , *16* (6), 333-342.``: article (volume, issue, pages);
- ``Title. In A. B. Editor (Ed.), *Book* ...``: chapter;
- ``Title. Journal, 13: 105-113.`` (biology and earth sciences, italics or not): article;
- ``Title. Journal, 46(4), 586-595.`` (the journal not in italics, as many publishers' lists print it): article;
- ``Title. Place: Publisher.``: book; ``Title. Place, Publisher.`` (a comma for the colon, two parts, no digit);
  ``Title. Publisher, Place, 179p.`` (the number of pages last, the publisher first);
- ``Title (Tese de Doutorado). School, Place.``: thesis (APA 6; APA 7 10.6 puts it in brackets).
"""

from __future__ import annotations

import re

from histkit.extract.reference_abnt import school_and_place
from histkit.extract.reference_host import HOST, chapter_host, clean

__all__ = ["apa_body", "clean"]

_ARTICLE = re.compile(
    r"(?P<title>[^*]+?)\. +\*(?P<container>[^*]+?),?\* *, *\*?(?P<volume>\d+)\*? *(?:\((?P<issue>[^)]+)\))?"
    r"(?:, *(?P<pages>\d+ ?[-–] ?\d+))?(?:, *(?:1[5-9]|20)\d\d)?\.?$"  # the year again after the pages
)
# The biology and earth-science form, journal italic or not: ``Title. Journal, 13: 105-113.``,
# ``Title. Ciência Rural 9: 1546-1552.``, ``Title. Ararajuba, 5(6): 11-18.`` (read on the cleaned text).
# The journal holds no digit and no full stop but an initial's, and is bounded: linear in the entry.
# An abbreviated journal (ISO 4, as CSE lists print it: "Rev. Virtual Quim", "Int. J. Pharm. Pharm. Sci") has the
# full stops of its abbreviated words, a capital and at most four letters: "Brazil." ends a title, not a journal.
_ABBREVIATED = "(?:" + "|".join(rf"(?<=\b[A-ZÀ-Þ][a-z]{{{n}}})" for n in range(5)) + r")\."
_ARTICLE_COLON = re.compile(
    r"(?P<title>.+?)(?: ?\.|(?<=\?)) +(?P<container>(?:[^.:\d()]|" + _ABBREVIATED + r"){1,160}?),? +(?P<volume>\d+) ?"
    r"(?:\((?P<issue>[^()]{1,20})\))? ?: ?(?P<pages>[A-Za-z]{0,8}\d+(?: ?[-–] ?[A-Za-z]{0,8}\d+)?)\.?$"
)
# APA 7 (10.1) with the italics lost: ``Title. Journal of Plant Physiology, 171, 708-714.``,
# ``Title? Journal, 46(4), 586-595.``, ``Title. Journal, 27(spe).``. An issue or pages must follow the
# volume, so that no "Title. Place, 12." reads as a journal. The journal holds no digit, comma or full
# stop but an initial's, and is bounded: linear in the entry.
_ARTICLE_PLAIN = re.compile(
    r"(?P<title>.+?)(?:\.|(?<=\?)) +(?P<container>[A-ZÀ-Þ](?:[^.,:;\d]|(?<=\b[A-ZÀ-Þ])\.){0,160}?), +"
    r"(?P<volume>\d{1,5}) ?(?:\((?P<issue>[^()]{1,20})\))?"
    r"(?:, *(?P<pages>[A-Za-z]{0,8}\d+(?: ?[-–] ?[A-Za-z]{0,8}\d+)?))?\.?$"
)
_CHAPTER = re.compile(r"(?P<title>.+?)\. +In:? +(?P<host>[A-ZÀ-Þ].+)$")
# The place is bounded in length (as in :mod:`histkit.extract.references`): linear on a run of initials.
_BOOK = re.compile(r"(?P<title>.+?) ?\. +(?P<place>(?:[^.:]|(?<=\b[A-ZÀ-Þ])\.){1,120}?): +(?P<publisher>[^:]+?)\.?$")

# "Pesquisa social: questões, métodos e processo. Porto Alegre, Artmed.": exactly a place and a publisher. A first
# part in capitals ("UFRA, Belém.") is a body's acronym, so the order is the other one: not read.
_BOOK_COMMA = re.compile(
    r"(?P<title>.+?) ?\. +(?P<place>[A-ZÀ-Þ][^.,:;\d()]{0,59}[a-zß-ÿ][^.,:;\d()]{0,59}), +"
    r"(?P<publisher>[A-ZÀ-Þ][^.,:;\d()]{1,80}?) ?\.?$"
)
# A book with its number of pages last, "Publisher, Place, 179p." (acta-amazonica-land-cover, hoehnea-senna-extracts):
# the pages say it is a book, and these lists name the publisher first. The place holds no digit.
_BOOK_EXTENT = re.compile(
    r"(?P<title>.+?) ?\. +(?P<publisher>[A-ZÀ-Þ][^.,:;()]{1,100}), +(?P<place>[A-ZÀ-Þ][^.,:;\d()]{1,60}?) ?, +"
    r"\d{1,5} ?pp?\.$"
)
_THESIS = re.compile(
    r"(?P<title>.+?) ?[(\[](?P<genre>(?:Tese|Disserta[çc][ãa]o|Doctoral dissertation|Master'?s thesis|Tesis)"
    r"[^()\[\]]{0,80})[)\]]\. +(?P<rest>[A-ZÀ-Þ][^()]{1,300}?)\.?$"
)


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
        return _article(m, clean(m.group("title")), clean(m.group("container")))
    text = clean(rest)
    if m := _CHAPTER.fullmatch(text):
        host = HOST.search(rest)
        return {"kind": "chapter", "title": m.group("title"), **(chapter_host(rest[host.end() :]) if host else {})}
    # The colon form before the book: "Oikos, 26: 222-227" has the shape of "Place: Publisher", pages for a publisher.
    if m := _ARTICLE_COLON.fullmatch(text):
        return _article(m, m.group("title"), m.group("container").strip())
    if (m := _ARTICLE_PLAIN.fullmatch(text)) and (m.group("issue") or m.group("pages")):
        return _article(m, m.group("title"), m.group("container").strip())
    if m := _THESIS.fullmatch(text):
        school, place = school_and_place(m.group("rest"))
        return {"kind": "thesis", "title": m.group("title").rstrip(" ."), "genre": m.group("genre").strip(),
                "publisher": school, "place": place}
    if m := _BOOK.fullmatch(text) or _BOOK_COMMA.fullmatch(text) or _BOOK_EXTENT.fullmatch(text):
        return {"kind": "book", "title": m.group("title"), "place": m.group("place"), "publisher": m.group("publisher")}
    return None


def _article(m: re.Match[str], title: str, container: str) -> dict[str, str]:
    """A journal article's fields from a match of one of the article forms (volume, issue, pages)."""
    return {
        "kind": "article",
        "title": title,
        "container": container,
        "volume": m.group("volume"),
        "issue": m.group("issue") or "",
        "pages": re.sub(r" ?[-–] ?", "-", m.group("pages") or ""),
    }
