"""Who an entry of a reference list is by: persons, corporate authors and their printed acronyms.

- Persons in ABNT form (NBR 6023 8.1.1): ``FAMILY, Given`` or ``FAMILY, I. N.``, separated by ``;``
  (some lists print ``/``, ``&``, ``e``, ``y`` or ``and``), with name particles among or after the
  given names or initials (``ALMEIDA, J. L. S. de``, ``FREIRE, G. H. de A.``, ``MARTINS, F. dos S.``,
  ``LIMA, Amanda Machado Alves de``): the particle belongs to the person, not to the next author.
- Corporate authors, authors without given names and title entries (NBR 6023 8.1.1.3-8.1.1.6): the
  upper-case words at the start (``BRASIL.``, ``WORLD BANK.``, ``SÃO PAULO (Estado).``, ``A HORAS de ...``).
- The acronym a corporate author is cited by, when the list prints it: after the name
  (``SISTEMA NACIONAL DE BIBLIOTECAS PÚBLICAS. SNBP.``), in parentheses (``Escola Nacional de
  Administração Pública (ENAP).``) or before it with a dash (``NBS – National Bureau of Statistics
  of China.``). After the name, the acronym's letters must be initials of the name's words in order,
  so a subordinate body (``BRASIL. MEC.``) is not read as an acronym.
- APA names (``Aguiar, L. B. (2016).``, ``Almeida-García, F., Cortés-Macías, R. (2021).``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from histkit.extract.name_particles import PARTICLE_RE


@dataclass(frozen=True)
class Name:
    """A person's name as printed in the list: family in capitals, given names or initials."""

    family: str
    given: str = ""

    def __str__(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family


_FAMILY = r"[A-ZÀ-Þ][A-ZÀ-Þ'’\-]*(?: [A-ZÀ-Þ][A-ZÀ-Þ'’\-]*)*"
# An initial ("M.", "Ch.", or "K" right before the next author's ";"); a particle among or after
# the initials ("J. L. S. de", "G. H. de A."), never before the first one.
_INITIAL = r"(?:[A-ZÀ-Þ][a-z]?\.|[A-ZÀ-Þ](?= ?;|$))"
_INITIALS = rf"{_INITIAL}(?: (?:{_INITIAL}|{PARTICLE_RE}(?=[ ;.]|$)))*"
_WRITTEN = rf"[A-ZÀ-Þ][a-zß-ÿ]+(?: (?:{PARTICLE_RE} )?[A-ZÀ-Þ][a-zß-ÿ]+)*(?: {PARTICLE_RE}(?=[;.]|$))?"
_GIVEN = rf"(?:{_INITIALS}|{_WRITTEN})"
_PERSON = rf"{_FAMILY}, {_GIVEN}"
_SEPARATOR = r"(?: ?; ?| ?/ ?| (?:&|e|y|and) )"
NAMES = re.compile(
    rf"(?P<names>{_PERSON}(?:{_SEPARATOR}{_PERSON})*)(?:,? \*?et al\.?\*?)?"
    r"(?: \((?P<role>(?i:eds?|orgs?|coords?))\.\))?"
    r"\.? +(?P<rest>.+)$"
)
_ONE_PERSON = re.compile(rf"(?P<family>{_FAMILY}), (?P<given>{_GIVEN})")

# APA (7th ed.): "Aguiar, L. B. (2016). Title..." and "Almeida-García, F., Cortés-Macías, R. (2021)."
# "Steinberger, M. (Org.) (2009)": editors, with the role before the year.
APA = re.compile(
    r"(?P<names>[^()]+?)(?: \((?P<role>(?i:eds?|orgs?|coords?)\.)\)\.?)? "
    r"\((?P<year>(?:1[5-9]\d\d|20\d\d)[a-z]?|s\.d\.|n\.d\.)\)\.? +(?P<rest>.+)$"
)
_APA_FAMILY = rf"[A-ZÀ-Þ][\w'’\-]+(?: (?:{PARTICLE_RE} )?[A-ZÀ-Þ][\w'’\-]+)*"
_APA_PERSON = re.compile(rf"(?<![\w.])(?P<family>{_APA_FAMILY}), ")
# Initials after the family with the comma left out: "Paddison B., e Walmsley A. (2018)".
_APA_BARE = re.compile(rf"(?:^|,? (?:e|y|and|&) )(?P<family>{_APA_FAMILY}) (?=[A-ZÀ-Þ]\.)")
# A corporate author, an author without given names or a title entry: the upper-case words at the
# start ("BRASIL.", "WORLD BANK.", "SÃO PAULO (Estado).", "PORTAL G1.", "A HORAS de ...").
_UPPER_WORD = r"[A-ZÀ-Þ][A-ZÀ-Þ'’\-]*(?<=[A-ZÀ-Þ'’\-])\d*"
_UPPER_LEAD = re.compile(rf"(?P<family>{_UPPER_WORD}(?: {_UPPER_WORD})*)(?=[ ,.;:/(*–—-]|$)")
_CO_FAMILY = re.compile(r"[;/] *(?P<family>[A-ZÀ-Þ][A-ZÀ-Þ'’\- ]*[A-ZÀ-Þ]),")
_MIXED_LEAD = re.compile(r"(?P<family>[A-ZÀ-Þ][\w'’\-]+(?: [A-ZÀ-Þ][\w'’\-]+)*)(?=,| \d)")
_ACRONYM = r"[A-ZÀ-Þ][A-ZÀ-Þ]+[a-z]?"
# "NBS – National Bureau of Statistics of China. Title": the acronym before the name, with a dash.
DASH_LEAD = re.compile(rf"(?P<acronym>{_ACRONYM}) +[-–—] +(?P<name>[^.]+)\. +(?P<rest>.+)$")
# "SISTEMA NACIONAL DE BIBLIOTECAS PÚBLICAS. SNBP. Title" and "Name (ACRONYM). Title".
_ACRONYM_AFTER = re.compile(rf"(?:\. +(?P<after>{_ACRONYM})\.|,? +\((?P<paren>{_ACRONYM})\)\.?)(?= |$)")
_NAMED_BODY = re.compile(
    r"(?P<family>[A-ZÀ-Þ][\w'’\-]*(?: (?:[a-zà-ÿ]{1,3} ){0,2}[A-ZÀ-Þ][\w'’\-]*)*)"
    rf",? +\((?P<acronym>{_ACRONYM})\)\.? +(?P<rest>.+)$"
)


def _initials(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return "".join(word[0] for word in re.findall(r"[^\W\d_]+", plain))


def abbreviates(acronym: str, name: str) -> bool:
    """Whether the acronym's letters are initials of the name's words, in order.

    ``SNBP`` abbreviates "Sistema Nacional de Bibliotecas Públicas" and ``UNCTAD`` "United Nations
    Conference for Trade and Development"; ``MEC`` does not abbreviate "BRASIL".
    """
    letters = iter(_initials(name))
    wanted = re.sub(r"[^\w]", "", acronym).casefold()
    return len(wanted) >= 2 and all(letter in letters for letter in wanted)


def persons(block: str) -> tuple[Name, ...]:
    """The persons of a matched :data:`NAMES` block, in order."""
    return tuple(
        Name(m.group("family"), m.group("given"))
        for m in (_ONE_PERSON.fullmatch(p) for p in re.split(_SEPARATOR, block))
        if m
    )


def lead_names(rest: str) -> tuple[tuple[Name, ...], str, str]:
    """Authors of an entry not in ABNT person form: APA names, corporate or title leads.

    Returns
    -------
    tuple
        The names, the rest of the entry after them, and the corporate author's printed acronym
        (``""`` when none is printed).

    """
    if m := APA.match(rest):
        found = _APA_PERSON.findall(m.group("names") + ", ") or _APA_BARE.findall(m.group("names"))
        # "Brasil. (2022)." and "Iphan. (2018).": a corporate author in APA form.
        return tuple(Name(f) for f in found) or (Name(m.group("names").rstrip(". ")),), m.group("rest"), ""
    text = rest.lstrip("*")
    if m := DASH_LEAD.match(text):
        return (Name(text[: m.end("name")]),), m.group("rest"), m.group("acronym")
    if (m := _UPPER_LEAD.match(text)) and len(m.group("family")) >= 2:
        family = m.group("family").strip()
        acronym, end = "", m.end()
        if (a := _ACRONYM_AFTER.match(text, m.end())) and abbreviates(a.group("after") or a.group("paren"), family):
            acronym, end = a.group("after") or a.group("paren"), a.end()
        co = [c.group("family").strip() for c in _CO_FAMILY.finditer(text[: text.find(". ", m.end() + 3) + 1 or 200])]
        return (Name(family), *(Name(c) for c in co)), text[end:].lstrip(" ,.;"), acronym
    if (m := _NAMED_BODY.match(text)) and abbreviates(m.group("acronym"), m.group("family")):
        return (Name(m.group("family")),), m.group("rest"), m.group("acronym")
    if m := _MIXED_LEAD.match(text):
        return (Name(m.group("family")),), text[m.end() :].lstrip(" ,.;"), ""
    return (), rest, ""
