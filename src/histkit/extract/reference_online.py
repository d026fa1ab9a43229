"""The online part of a reference entry kept: its link, its DOI and the date the link was opened.

NBR 6023 (7.5) ends an entry seen online with "DOI: 10.20396/rdbci.v18i00.8661184. Disponível em: https://...
Acesso em: 6 set. 2021."; APA (9.34-35) with "https://doi.org/10.1016/..." or "Retrieved March 3, 2020, from
https://..."; CSE lists with "doi: 10.3390/e21080794" or "Available: http://... Access: 16/08/2021". Which links are
that part, and where each one ends, are the rules :func:`histkit.extract.reference_forms.online_links` cuts them
by, so that what the entry's other parts lose is exactly what is kept here:

- ``url``: the first link that is not a DOI's, as printed. A conversion's break at a space is joined where it
  cannot be the link's ("https:// www.R-project.org/", "palaeo-electronica. org/...": after "//" or a full stop,
  slash, hyphen or equals sign); a space after a letter or a digit (".../c 693839.htm", where the publisher's link
  most likely had an underscore) is kept as printed, since nothing says what it stood for. The full stop, comma
  or bracket after a link, and the angle brackets around it ("<http://...>"), are not the link's;
- ``doi``: the DOI of a ``doi.org`` link, a "doi:" or "DOI:" label or a bare "10.xxxx/..." as its bare name
  ("10.1590/S0104-026X2012000100004"); a short DOI link ("https://doi.org/gxtc", the shortDOI service's) as the
  short DOI's name, "10/gxtc", which the same resolver resolves;
- ``accessed``: the date after "Acesso em", "Accessed", "Last access", "Consultado el", "Retrieved", as printed
  ("09 jan. 2023"), and ``accessed_date``, its ISO 8601 value where it can be read ("2023-01-09", "2022-07"):
  month names and abbreviations in Portuguese, Spanish and English, or numbers, read day first (NBR 6023,
  Spanish and the corpus's CSE lists) unless the second number cannot be a month.

Every scan is a single pass or bounded: linear in the entry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from histkit.extract.date_words import MONTHS, MONTHS_PT_ES
from histkit.extract.reference_forms import _ACCESS, online_links

# A DOI's link or label and the DOI name after it: "https://doi.org/10...", "http://dx.doi.org/10...", "doi.org/...".
_DOI_LINK = re.compile(r"(?i:(?:https?://)?(?:dx\.)?doi\.org/)(?P<doi>\S+)")
_DOI_NAME = re.compile(r"10\.\d{4,9}/\S+")
_SHORT_DOI = re.compile(r"(?:10/)?(?P<short>[a-z0-9]{3,12})")  # shortDOI's names: "gxtc", "bvc6px", "10/fdkq2x"
# A break a conversion put in a link, after a character a link breaks at ("https:// www", "electronica. org").
_BREAK = re.compile(r"(?<=[/.\-=]) +")
_LABEL = re.compile(
    r"(?i:acess(?:o|ado)(?: em)?|accessed(?: on)?|last access(?:ed)?|access|consultado (?:el|en)|accedido (?:el|en)"
    r"|fecha de consulta|retrieved(?: on)?) *:? *"
)
# Month names in the three languages histkit reads: an abbreviation is the start of one ("set." and "Sept." are 9).
_MONTH_NAMES = {**MONTHS, **MONTHS_PT_ES}
_WORDED = re.compile(
    r"(?:(?P<day>\d{1,2})º? *(?:de )?)?(?P<month>[^\W\d_]{3,10})\.? *(?:de )?(?:(?P<day2>\d{1,2}),? *)?"
    r"(?P<year>\d{4})"
)
_NUMERIC = re.compile(r"(?P<first>\d{1,2})[/.-](?P<second>\d{1,2})[/.-](?P<year>\d{4})")


@dataclass(frozen=True)
class Online:
    """What an entry's online part gives: link, DOI, access date as printed and as ISO 8601 (all ``""`` if none)."""

    url: str = ""
    doi: str = ""
    accessed: str = ""
    accessed_date: str = ""


def link_text(link: str) -> str:
    """A link as printed, without what is not the link's: angle brackets, the sentence's punctuation, breaks.

    A closing bracket at the end is the link's only where the link opened one ("10.1016/S0264-2751(97)00024-3").
    """
    link = _BREAK.sub("", link.strip().strip("<>*").strip())
    end, unopened = len(link), link.count(")") - link.count("(")
    while end and (link[end - 1] in ".,;:>*" or (link[end - 1] == ")" and unopened > 0)):
        unopened -= link[end - 1] == ")"
        end -= 1
    return link[:end]


def doi_name(link: str) -> str:
    """The DOI a link or a printed DOI names, bare ("10.1590/..."); ``""`` if it names none."""
    if m := _DOI_LINK.fullmatch(link):
        name = m.group("doi")
        if _DOI_NAME.fullmatch(name):
            return name
        return f"10/{short['short']}" if (short := _SHORT_DOI.fullmatch(name.lower())) else ""
    return link if _DOI_NAME.fullmatch(link) else ""


def _month(word: str) -> int | None:
    """The month a name or its abbreviation means ("jan", "maio", "Sept", "set", "outubro"), else None."""
    word = word.lower()
    numbers = {n for name, n in _MONTH_NAMES.items() if name.startswith(word)}
    return numbers.pop() if len(numbers) == 1 else None


def access_date(printed: str) -> str:
    """The ISO 8601 date of an access date as printed ("09 jan. 2023" -> "2023-01-09"), or ``""``."""
    if m := _NUMERIC.fullmatch(printed):
        day, month = int(m.group("first")), int(m.group("second"))
        if month > 12 >= day:  # "03/16/2021": the month first
            day, month = month, day
        parts: tuple[int, ...] = (int(m.group("year")), month, day)
    elif (m := _WORDED.fullmatch(printed)) and (month := _month(m.group("month"))) and not (
        m.group("day") and m.group("day2")
    ):
        day = m.group("day") or m.group("day2")
        parts = (int(m.group("year")), month, int(day)) if day else (int(m.group("year")), month)
    else:
        return ""
    try:
        return dt.date(*parts, *(1,) * (3 - len(parts))).isoformat()[: 3 * len(parts) + 1]
    except ValueError:  # "31/02/2021": no such day
        return ""


def online_part(text: str) -> Online:
    """The link, the DOI and the access date of an entry's online part (see the module's notes)."""
    url = doi = ""
    for start, end in online_links(text):
        link = link_text(text[start:end])
        if name := doi_name(link):
            doi = doi or name
        elif link:
            url = url or link
    accessed = ""
    if found := _ACCESS.search(text):
        label = _LABEL.match(found.group())
        accessed = found.group()[label.end() if label else 0 :].strip().rstrip(".")
    return Online(url, doi, accessed, access_date(accessed) if accessed else "")
