"""Forms of reference entries beyond ABNT's person form, and the years an entry carries.

Corporate authors and title entries ("BRASIL.", "WORLD BANK.", "A HORAS de ..."), APA names
("Aguiar, L. B. (2016)."), and the online part (links, DOIs, "Disponível em", access dates in
three languages), which is cut out before the year is read: the access date is not the year.
:mod:`histkit.extract.references` uses them when the ABNT forms do not match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = r"(?P<year>(?P<y1>1[5-9]\d\d|20\d\d)(?:/(?P<y2>\d{2}|\d{4}))?)"


@dataclass(frozen=True)
class Name:
    """A person's name as printed in the list: family in capitals, given names or initials."""

    family: str
    given: str = ""

    def __str__(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family


# The online part of an entry (NBR 6023 7.5; APA 9.34): links, DOIs, "Disponível em:" and the access
# date, which is not the work's year ("Acesso em: 12 ago. 2021", "Last access: Jan. 14, 2024").
_URL = re.compile(r"<?(?:https?://|www\.|doi\.org/)\S+>?")
_ACCESS = re.compile(
    r"(?i:acess(?:o|ado) em|accessed(?: on)?|last access(?:ed)?|consultado (?:el|en)|retrieved(?: on)?)"
    r" *:? *(?:\d{1,2}º? *(?:de )?)?(?:[^\W\d_]{3,10}\.? *(?:de )?)?(?:\d{1,2},? *)?(?:1[5-9]\d\d|20\d\d)\b\.?"
)
_ONLINE_LABEL = re.compile(
    r"<?(?i:dispon[ií]vel em|disponible en|available (?:at|from|in|on)|recuperado de|retrieved from|doi) *:? *"
)
_ANY_YEAR = re.compile(r"(?<![\d/.])(1[5-9]\d\d|20\d\d)(?![\d])")
_BRACKETED = re.compile(r"\[[^\]]*\]")
# APA (7th ed.): "Aguiar, L. B. (2016). Title..." and "Almeida-García, F., Cortés-Macías, R. (2021)."
_APA = re.compile(r"(?P<names>[^()]+?) \((?P<year>(?:1[5-9]\d\d|20\d\d)[a-z]?|s\.d\.|n\.d\.)\)\.? +(?P<rest>.+)$")
_APA_PERSON = re.compile(
    r"(?<![\w.])(?P<family>[A-ZÀ-Þ][\w'’\-]+(?: (?:de |da |do |dos |van |von |del )?[A-ZÀ-Þ][\w'’\-]+)*), "
)
# A corporate author, an author without given names or a title entry: the upper-case words at the
# start ("BRASIL.", "WORLD BANK.", "SÃO PAULO (Estado).", "BLS – US Bureau...", "A HORAS de ...").
_UPPER_LEAD = re.compile(r"(?P<family>[A-ZÀ-Þ][A-ZÀ-Þ'’\-]*(?: (?:[A-ZÀ-Þ][A-ZÀ-Þ'’\-]*))*)(?=[ ,.;:/(*–—-]|$)")
_CO_FAMILY = re.compile(r"[;/] *(?P<family>[A-ZÀ-Þ][A-ZÀ-Þ'’\- ]*[A-ZÀ-Þ]),")
_MIXED_LEAD = re.compile(r"(?P<family>[A-ZÀ-Þ][\w'’\-]+(?: [A-ZÀ-Þ][\w'’\-]+)*)(?=,| \d)")


def _offline(text: str) -> str:
    """The entry without its online part (links, DOIs, access dates and their labels)."""
    cut = _ONLINE_LABEL.sub(" ", _URL.sub(" ", _ACCESS.sub(" ", text)))
    if cut == text:
        return text
    return re.sub(r" +([.,;])", r"\1", re.sub(r"[<>]", "", re.sub(r" {2,}", " ", cut))).strip()


def entry_years(text: str) -> tuple[int, ...]:
    """Every year an entry carries outside its online part (original, translation, imprint)."""
    return tuple(sorted({int(y) for y in _ANY_YEAR.findall(_offline(text))}))


def imprint_year(text: str) -> re.Match[str] | None:
    """The imprint year of an entry: the last year outside brackets and the online part.

    ABNT and Chicago put the imprint year last; years in titles ("SAEB/2001") and an original's
    year in brackets ("[1929]") come before it. When only bracketed years exist, the last one.
    """
    offline = _offline(text)
    plain = _BRACKETED.sub(lambda m: " " * len(m.group()), offline)
    found = list(re.finditer(_YEAR, plain)) or list(re.finditer(_YEAR, offline))
    return found[-1] if found else None


def _lead_names(rest: str) -> tuple[tuple[Name, ...], str]:
    """Authors of an entry not in ABNT person form: APA names, corporate or title leads."""
    if m := _APA.match(rest):
        persons = _APA_PERSON.findall(m.group("names") + ", ")
        # "Brasil. (2022)." and "Iphan. (2018).": a corporate author in APA form.
        return tuple(Name(f) for f in persons) or (Name(m.group("names").rstrip(". ")),), m.group("rest")
    text = rest.lstrip("*")
    if (m := _UPPER_LEAD.match(text)) and len(m.group("family")) >= 2:
        family = m.group("family").strip()
        co = [c.group("family").strip() for c in _CO_FAMILY.finditer(text[: text.find(". ", m.end() + 3) + 1 or 200])]
        return (Name(family), *(Name(c) for c in co)), text[m.end() :].lstrip(" ,.;")
    if m := _MIXED_LEAD.match(text):
        return (Name(m.group("family")),), text[m.end() :].lstrip(" ,.;")
    return (), rest
