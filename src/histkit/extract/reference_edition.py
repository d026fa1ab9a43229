"""What follows a book's title in its entry: the people responsible for the edition, and the edition.

NBR 6023 prints them after the title and before the imprint: the translators, organisers and the like
("Tradução de Paulo Bezerra.", "Trad. Danilo Marcondes de Souza Filho.", "Org. Sergio Cohn.") and the
edition ("2. ed.", "6. ed. rev.", "3ed."); APA 7 (10.2) puts the edition in parentheses after the title
("(2ª ed.)", "(10th ed)"). :mod:`histkit.extract.references` had kept both in the title. Here they are cut
from it: the edition's number to ``edition`` (as CSL's and biblatex's ``edition`` want it), the rest of the
statement, as printed, to ``responsibility`` (CSL's and biblatex's ``note``).

A title is only cut at a full stop followed by one of these words, so a title's own sentences stay whole.
"""

from __future__ import annotations

import re

_MARKER = re.compile(
    r"\. +(?=(?:Trad\b|Tradu[çc][ãa]o|Transl\b|Translated\b|Trans\.|Org\.|Organiza[çc][ãa]o|Organizado\b"
    r"|Apresenta[çc][ãa]o\b|Pref[áa]cio\b|Edited by\b|\d{1,3}\.? ?(?:ª|a|st|nd|rd|th)? ?ed\b))"
)
_EDITION = re.compile(
    r"(?:^|(?<=[.;,]) *)(?P<edition>\d{1,3})\.? ?(?:ª|a|st|nd|rd|th)? ?ed\b\.?(?: ?(?:rev|ampl|atual|aum)\b\.?){0,3}"
)
_APA_EDITION = re.compile(r" *\((?P<edition>\d{1,3})(?:ª|a|st|nd|rd|th)?\.? ?ed\b\.?(?: [a-z.]{1,12})?\)$")


def title_notes(title: str) -> tuple[str, str, str]:
    """Split a book's title from the responsibility and edition printed after it.

    Parameters
    ----------
    title : str
        The title as read, notes included ("Pragmática. Tradução de Aníbal Mari. 2. ed").

    Returns
    -------
    tuple of str
        The title, the statement of responsibility as printed (``""`` when none) and the edition's
        number (``""`` when none): ``("Pragmática", "Tradução de Aníbal Mari", "2")``.

    """
    if m := _APA_EDITION.search(title):
        return title[: m.start()], "", m.group("edition")
    m = _MARKER.search(title)
    if not m or m.start() == 0:
        return title, "", ""
    tail, edition = title[m.end() :], ""
    if e := _EDITION.search(tail):
        edition, tail = e.group("edition"), tail[: e.start()] + tail[e.end() :]
    return title[: m.start()], tail.strip(" .;,"), edition
