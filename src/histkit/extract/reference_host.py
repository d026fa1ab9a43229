"""The book a chapter is in, when what follows "In:" is not ABNT's "NAMES (Org.). Book. Place: Publisher, Year.".

:mod:`histkit.extract.references` reads the ABNT host whole; APA 7 (10.3), CSE and many lists print it
otherwise: "In A. B. Editor (Ed.), *Book* (pp. 105-130). Place: Publisher.", "In: R. Pio (ed.). Book (2 ed.,
p. 512-584). Lavras: UFLA.", "In C. Bidou-Zachariasen. *Book* . São Paulo, SP: Annablume, 59-87.".

The book is the first stretch in italics, or, with no italics, what follows the editors' role ("(Eds.)",
"(Org.)") up to its full stop or parenthesis. With neither italics nor a role the editors cannot be told
from the book, and nothing is read. Pages are "pp. A-B", "p. A-B" or a last "A-B"; the imprint is
"Place: Publisher" after the book. Only what is found is returned. Each scan is bounded: linear time.
"""

from __future__ import annotations

import re

from histkit.extract.reference_names import persons_only

# "In:", "*In:*", "*In*:", "In" after the chapter's title (raw text, markdown residue included).
HOST = re.compile(r"\. +\*{0,2}In\*{0,2} ?:?\*{0,2} +")
_ROLE = re.compile(r"\((?i:eds?|orgs?|coords?|dir|comp)\.?\)[.:,]? *")
_ITALIC = re.compile(r"\*(?P<book>[^*]{2,400})\*")
# A subtitle in roman after the italic main title: up to the full stop that is no initial's (bounded).
_SUBTITLE = re.compile(r" *(?P<subtitle>[^*.:()]{1,300}?)(?<!\b[A-ZÀ-Þ])(?=\. )")
_BOOK_END = re.compile(r"(?P<book>.{2,400}?)(?: \(|(?<!\b[A-ZÀ-Þ])\. )")
_PAGES = re.compile(
    r"\bpp?\.? ?(?P<first>\d{1,5}) ?[-–] ?(?P<last>\d{1,5})|, (?P<f2>\d{1,5}) ?[-–] ?(?P<l2>\d{1,5})\.?$"
)
_IMPRINT = re.compile(
    r"(?:^|[.)] +)(?P<place>\[?[A-ZÀ-Þ][^.:;()\[\]]{1,60}?\]?) ?[:;] +"
    r"(?P<publisher>[A-ZÀ-Þ][^.:;(),]{1,100}?)(?=[,.]|$)"
)
_NO_PLACE = re.compile(r"\[ ?s\. ?l\. ?\]", re.IGNORECASE)


def clean(text: str) -> str:
    """Drop markdown residue: bold and italic markers and the escaped dollar."""
    return re.sub(r"\*\*(.*?)\*\*", r"\1", text).replace("*", "").replace("\\$", "$").strip()


def chapter_host(host: str) -> dict[str, object]:
    """The book (``container``), its people, ``pages``, ``place`` and ``publisher`` a chapter's host prints.

    The people before the book are its editors where a role says so ("(Eds.)", "(Org.)"), else its authors
    ("In A. B. Rodrigues. *Ecoturismo no Brasil*"), as :mod:`histkit.extract.references` reads ABNT's.

    Parameters
    ----------
    host : str
        What follows "In:", markdown residue included (italics mark the book).

    Returns
    -------
    dict
        The parts found; empty when the book cannot be told from its editors.

    """
    role = _ROLE.search(host)
    after = host[role.end() :] if role else host
    if italic := _ITALIC.search(after):
        book, remainder = clean(italic.group("book")), after[italic.end() :]
        # ABNT sets the main title apart and not the subtitle: "*La Argentina kirchnerista:* entre la década ..."
        if (book.endswith(":") or remainder.startswith(":")) and (sub := _SUBTITLE.match(remainder.lstrip(":"))):
            book, remainder = f"{book.rstrip(':')}: {sub.group('subtitle').strip()}", remainder.lstrip(":")[sub.end() :]
    elif role and (end := _BOOK_END.match(clean(after))):
        book, remainder = end.group("book"), clean(after)[end.end() - 1 :]
    else:
        return {}
    found: dict[str, object] = {"container": book.strip(" .,:")}
    people = persons_only(clean(host[: role.start()] if role else host[: italic.start()] if italic else ""))
    found["container_editors" if role else "container_authors"] = people
    remainder = clean(remainder)
    if pages := _PAGES.search(remainder):
        first, last = pages.group("first") or pages.group("f2"), pages.group("last") or pages.group("l2")
        found["pages"] = f"{first}-{last}"
    if imprint := _IMPRINT.search(remainder.strip(" .")):
        place = imprint.group("place").strip()
        found["place"] = "" if _NO_PLACE.fullmatch(place) else place
        found["publisher"] = imprint.group("publisher").strip()
    return {k: v for k, v in found.items() if v}
