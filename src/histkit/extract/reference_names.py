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

from histkit.extract.name_particles import FAMILY_JOINER, PARTICLE_RE


@dataclass(frozen=True)
class Name:
    """A person's name as printed in the list: family in capitals, given names or initials."""

    family: str
    given: str = ""

    def __str__(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family


# Repetitions are bounded (a family of at most 8 words, at most 100 persons) so that a hostile entry is
# read in linear time.
_FAMILY = r"[A-ZÀ-Þ][A-ZÀ-Þ'’\-]*(?: [A-ZÀ-Þ][A-ZÀ-Þ'’\-]*){0,7}"
# An initial ("M.", "Ch.", or "K" right before the next author's ";"); a particle among or after
# the initials ("J. L. S. de", "G. H. de A."), never before the first one.
_INITIAL = r"(?:[A-ZÀ-Þ][a-z]?\.|[A-ZÀ-Þ](?= ?;|$))"
_INITIALS = rf"{_INITIAL}(?: (?:{_INITIAL}|{PARTICLE_RE}(?=[ ;.]|$))){{0,12}}"
_WRITTEN = rf"[A-ZÀ-Þ][a-zß-ÿ]+(?: (?:{PARTICLE_RE} )?[A-ZÀ-Þ][a-zß-ÿ]+){{0,8}}(?: {PARTICLE_RE}(?=[;.]|$))?"
_GIVEN = rf"(?:{_INITIALS}|{_WRITTEN})"
_PERSON = rf"{_FAMILY}, {_GIVEN}"
# "HUFF. L. A. *Entre o sujeito ...*": the first author's comma printed as a full stop, initials after it (a body,
# "BRASIL. Decreto ...", has a word there, never an initial).
_PERSON_STOP = rf"{_FAMILY}\. [A-ZÀ-Þ]\.(?: [A-ZÀ-Þ]\.){{0,3}}"
_SEPARATOR = r"(?: ?; ?| ?/ ?| (?:&|e|y|and) )"
NAMES = re.compile(
    rf"(?P<names>(?:{_PERSON}|{_PERSON_STOP})(?:{_SEPARATOR}{_PERSON}){{0,100}})(?P<etal>,? \*?et al\.?\*?)?"
    r"(?: \((?P<role>(?i:eds?|orgs?|coords?|comps?))\.\))?"
    r"\.? +(?P<rest>.+)$"
)
_ONE_PERSON = re.compile(rf"(?P<family>{_FAMILY})[,.] (?P<given>{_GIVEN})")

# APA (7th ed.): "Aguiar, L. B. (2016). Title..." and "Almeida-García, F., Cortés-Macías, R. (2021)."
# "Steinberger, M. (Org.) (2009)": editors, with the role before the year.
# "Instituto de Pesquisa Econômica Aplicada (Ipea). (2021b).": a body's acronym in parentheses (APA 9.11).
APA = re.compile(
    r"(?P<names>[^()]+?)(?: \((?P<acronym>[A-ZÀ-Þ][A-Za-zÀ-ÿ]{1,14})\)\.?)?"
    r"(?: \((?P<role>(?i:eds?|orgs?|coords?|comps?)\.)\)\.?)? "
    r"\((?P<year>(?:1[5-9]\d\d|20\d\d)[a-z]?|s\.d\.|n\.d\.)\)\.? +(?P<rest>.+)$"
)
# CSE name-year with a body as author: "Clinical and Laboratory Standards Institute. 2008. Title." (the year
# right after the name, as NAME_YEAR reads persons; "role" never matches, so the APA branch reads both).
CSE_BODY = re.compile(
    r"(?P<names>[A-ZÀ-Þ][\w'’\-]*(?: (?:[a-zà-ÿ]{1,3} ){0,2}[A-ZÀ-Þ][\w'’\-]*){0,12})\. "
    r"(?P<role>(?!))?(?P<year>(?:1[5-9]\d\d|20\d\d)[a-z]?)\. +(?P<rest>.+)$"
)
# CSE name-year after a body read by its capitals or its acronym (Scientific Style and Format 29.3.6.1, an
# organisation as author): "IBGE. 2006. *Title*.", "Instituto Brasileiro de Geografia e Estatística (IBGE). 2012.
# Title." The year and its full stop right after the name; a title that opens with a year has no full stop there.
BODY_YEAR = re.compile(r"(?P<role>(?!))?(?P<year>(?:1[5-9]\d\d|20\d\d)[a-z]?)\. +(?P<rest>.+)$")
_APA_FAMILY = rf"[A-ZÀ-Þ][\w'’\-‐‑]+(?: (?:{PARTICLE_RE} )?[A-ZÀ-Þ][\w'’\-‐‑]+)*"
_APA_PERSON = re.compile(rf"(?<![\w.])(?P<family>{_APA_FAMILY}), ")
# Initials after the family with the comma left out: "Paddison B., e Walmsley A. (2018)".
_APA_BARE = re.compile(rf"(?:^|,? (?:e|y|and|&) )(?P<family>{_APA_FAMILY}) (?=[A-ZÀ-Þ]\.)")
# Persons in mixed case with initials, as CSE, APA and many ABNT lists print them: "Ghizoni-Jr., I.R.",
# "Batista, R.O", "da Fonseca, G.A.B.", "Souza, M. A.". Each initial ends with a period, or without one
# right before the next separator ("R.O;"), so a title's first word is never read as an initial.
# The capitals of Latin Extended-A too ("Pecio, Ł.", "Šimůnek, M."): Polish, Czech, Hungarian or Turkish names.
_CAPS = "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())
_SPACED_INITIAL = rf"(?:[A-ZÀ-Þ{_CAPS}][a-z]?\.|[A-ZÀ-Þ{_CAPS}](?=[;,&]| &))"
_MIXED_PERSON = (
    rf"(?:{PARTICLE_RE} ){{0,2}}[A-ZÀ-Þ{_CAPS}][\w'’\-‐‑]+(?:(?<=Jr)\.)?"
    rf"(?: (?:{PARTICLE_RE} |{FAMILY_JOINER} )?[A-ZÀ-Þ{_CAPS}][\w'’\-‐‑]+){{0,3}}, "
    # a particle after the initials ("Oliveira, J. L. S. de;"), as in the upper-case form
    rf"{_SPACED_INITIAL}(?: ?-?{_SPACED_INITIAL}){{0,5}}(?: {PARTICLE_RE}(?=[;,]| &))?"
)
# ", & " before the last person (APA 9.8, as CSE lists print it too); after a comma, the next person's family may
# have particles and several words ("van de Meent, M.", "De Morais, S.M.", "Andres Jr, V.").
_MIXED_SEPARATOR = (
    rf"(?:[;,]? ?& |; ?|, (?=(?:[a-z]{{1,3}} ){{0,2}}[A-ZÀ-Þ{_CAPS}][\w'’\-‐‑]+"
    rf"(?: (?:{FAMILY_JOINER} )?[A-ZÀ-Þ{_CAPS}][\w'’\-‐‑]+){{0,3}}, [A-ZÀ-Þ{_CAPS}]))"
)
_MIXED_BLOCK = rf"(?P<names>{_MIXED_PERSON}(?:{_MIXED_SEPARATOR}{_MIXED_PERSON}){{0,60}})"
# CSE name-year (Scientific Style and Format 29.3): "Aleixo, A. 1997. Title." -- the year right after the
# names, with no parentheses; it is the work's year, whatever other years the entry prints later.
NAME_YEAR = re.compile(
    rf"{_MIXED_BLOCK}(?:[,;]? \*?et al\.?\*?)?\.? (?P<year>(?:1[5-9]\d\d|20\d\d)[a-z]?)\.(?: +|(?=[A-ZÀ-Þ{_CAPS}]))"
    r"(?P<rest>.+)$"
)
# ABNT (NBR 6023 8.1.1.1) with names in mixed case: "Souza, M. A.; Lima, R. C. B. Title. Place: ..."
MIXED_NAMES = re.compile(rf"{_MIXED_BLOCK}(?P<etal>[,;]? \*?et al\.?\*?)? +(?P<rest>[^\W\d_*“\"].+)$")
_ONE_MIXED = re.compile(rf"(?P<family>(?:{PARTICLE_RE} ){{0,2}}[A-ZÀ-Þ{_CAPS}][\w'’\-‐‑]+(?:(?<=Jr)\.)?"
                        rf"(?: (?:{PARTICLE_RE} |{FAMILY_JOINER} )?[A-ZÀ-Þ{_CAPS}][\w'’\-‐‑]+){{0,3}}), "
                        rf"(?P<given>{_SPACED_INITIAL}(?: ?-?{_SPACED_INITIAL}){{0,5}})")


def mixed_persons(block: str) -> tuple[Name, ...]:
    """The persons of a :data:`NAME_YEAR` or :data:`MIXED_NAMES` block, in order."""
    return tuple(Name(m.group("family"), m.group("given")) for m in _ONE_MIXED.finditer(block))


_WHOLE_MIXED = re.compile(_MIXED_BLOCK)
# A person with the initials first, as APA and CSE print a book's editors: "B. van Raij", "A. M. C. Furlani".
_GIVEN_FIRST = re.compile(
    rf"(?P<given>(?:[A-ZÀ-Þ{_CAPS}]\. ?-?){{1,6}}) ?(?P<family>(?:{PARTICLE_RE} )?[A-ZÀ-Þ{_CAPS}][\w'’\-]+"
    rf"(?: [A-ZÀ-Þ{_CAPS}][\w'’\-]+){{0,3}})"
)
_PERSONS_APART = re.compile(r",(?: ?(?:e|and|&|y) )?| (?:e|and|&|y) |;")


def persons_only(text: str) -> tuple[Name, ...]:
    """The persons ``text`` is made of and nothing else, family first or initials first; ``()`` otherwise.

    "Cordeiro, I.M.C.C.; Rangel-Vasconcelos, L.G.T." and "H. Heinelt, A. Magnier, M. Cabria, e H. Reynaert"
    (a book's editors after "In"); a stray piece ("D. T. Herbert, e R. J. Johnston, R.J.") reads nothing.
    """
    text = text.strip(" ,:")
    if _WHOLE_MIXED.fullmatch(text):
        return mixed_persons(text)
    found = [_GIVEN_FIRST.fullmatch(piece.strip()) for piece in _PERSONS_APART.split(text.rstrip("."))]
    return tuple(Name(m.group("family"), m.group("given").strip()) for m in found) if all(found) else ()


# A corporate author, an author without given names or a title entry: the upper-case words at the
# start ("BRASIL.", "WORLD BANK.", "SÃO PAULO (Estado).", "PORTAL G1.", "A HORAS de ...").
_UPPER_WORD = r"[A-ZÀ-Þ][A-ZÀ-Þ'’\-]*(?<=[A-ZÀ-Þ'’\-])\d*"
_UPPER_LEAD = re.compile(rf"(?P<family>{_UPPER_WORD}(?: {_UPPER_WORD})*)(?=[ ,.;:/(*–—-]|$)")
_CO_FAMILY = re.compile(r"[;/] *(?P<family>[A-ZÀ-Þ][A-ZÀ-Þ'’\- ]*[A-ZÀ-Þ]),")
_MIXED_LEAD = re.compile(r"(?P<family>[A-ZÀ-Þ][\w'’\-‐‑]+(?: [A-ZÀ-Þ][\w'’\-‐‑]+)*)(?=,| \d)")
_ACRONYM = r"[A-ZÀ-Þ][A-ZÀ-Þ]+[a-z]?"
# "NBS – National Bureau of Statistics of China. Title": the acronym before the name, with a dash.
DASH_LEAD = re.compile(rf"(?P<acronym>{_ACRONYM}) +[-–—] +(?P<name>[^.]+)\. +(?P<rest>.+)$")
# "SISTEMA NACIONAL DE BIBLIOTECAS PÚBLICAS. SNBP. Title" and "Name (ACRONYM). Title".
# NBR 6023 also prints it after a dash: "INSTITUTO NACIONAL DE ESTUDOS ... ANÍSIO TEIXEIRA – INEP.".
_ACRONYM_AFTER = re.compile(
    rf"(?:\. +(?P<after>{_ACRONYM})\.|,? +\((?P<paren>{_ACRONYM})\)\.?| +[–—-] +(?P<dash>{_ACRONYM})\.)(?= |$)"
)
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


def declares(acronym: str, name: str) -> bool:
    """Whether "Name (ACRONYM)" declares the acronym: it abbreviates the name, or is made of its syllables.

    APA 9.11 and NBR 6023 print an organisation's abbreviation in parentheses after its name; some
    take syllables rather than initials ("Empresa de Pesquisa Agropecuária ... (EPAGRI)", "Instituto
    Brasileiro do Meio Ambiente ... (IBAMA)"): the first letters agree and every letter is in the name, in order.
    """
    if abbreviates(acronym, name):
        return True
    plain = _initials(name) and "".join(
        c for c in unicodedata.normalize("NFKD", name).casefold() if c.isalpha() and not unicodedata.combining(c)
    )
    wanted = re.sub(r"[^\w]", "", acronym).casefold()
    letters = iter(plain)
    return len(wanted) >= 2 and plain[:1] == wanted[:1] and all(letter in letters for letter in wanted)


def persons(block: str) -> tuple[Name, ...]:
    """The persons of a matched :data:`NAMES` block, in order."""
    return tuple(
        Name(m.group("family"), m.group("given"))
        for m in (_ONE_PERSON.fullmatch(p) for p in re.split(_SEPARATOR, block))
        if m
    )


# What may stand between one APA person's initials and the next person: a comma, "e", "y", "and" or "&" (read
# after the trailing commas and spaces are stripped: each try is bounded, so the scan is linear).
_APA_JOIN = re.compile(r"(?:,? ?(?:\b(?:e|y|and)|&))$")


def apa_persons(block: str) -> tuple[Name, ...]:
    """The persons of an APA names block, each with the initials or given names printed after the family name.

    "Barbosa, L. G. M., Oliveira, C. T. F. de, e Rezende, C." gives ("Barbosa", "L. G. M."), ("Oliveira",
    "C. T. F. de"), ("Rezende", "C."); "Paddison B., e Walmsley A." the same without the comma. The given part
    is what the list prints between one family name and the next, less the joining words.
    """
    text = block + ", "
    found = list(_APA_PERSON.finditer(text))
    if not found:
        text, found = block, list(_APA_BARE.finditer(block))
    names = []
    for i, m in enumerate(found):
        given = text[m.end() : found[i + 1].start() if i + 1 < len(found) else len(text)]
        given = _APA_JOIN.sub("", given.rstrip(" ,")).strip(" ,")
        names.append(Name(m.group("family"), given if re.fullmatch(r"[^\d()]{1,40}", given) else ""))
    return tuple(names)


def lead_names(rest: str) -> tuple[tuple[Name, ...], str, str]:
    """Authors of an entry not in ABNT person form: APA names, corporate or title leads.

    Returns
    -------
    tuple
        The names, the rest of the entry after them, and the corporate author's printed acronym
        (``""`` when none is printed).

    """
    if m := CSE_BODY.match(rest):
        return (Name(m.group("names")),), m.group("rest"), ""
    if m := APA.match(rest):
        found = apa_persons(m.group("names"))
        # "Brasil. (2022)." and "Iphan. (2018).": a corporate author in APA form.
        body = m.group("names").rstrip(". ")
        acronym = m.group("acronym") or ""
        if acronym and not declares(acronym, body):
            return (), rest, ""  # "Smith (Kim). (2001)": not a body's acronym; read no lead rather than guess
        return found or (Name(body),), m.group("rest"), acronym
    text = rest.lstrip("*")
    if m := DASH_LEAD.match(text):
        return (Name(text[: m.end("name")]),), m.group("rest"), m.group("acronym")
    if (m := _UPPER_LEAD.match(text)) and len(m.group("family")) >= 2:
        family = m.group("family").strip()
        acronym, end = "", m.end()
        a = _ACRONYM_AFTER.match(text, m.end())
        if a and abbreviates(short := a.group("after") or a.group("paren") or a.group("dash"), family):
            acronym, end = short, a.end()
        co = [c.group("family").strip() for c in _CO_FAMILY.finditer(text[: text.find(". ", m.end() + 3) + 1 or 200])]
        return (Name(family), *(Name(c) for c in co)), text[end:].lstrip(" ,.;"), acronym
    if (m := _NAMED_BODY.match(text)) and declares(m.group("acronym"), m.group("family")):
        return (Name(m.group("family")),), m.group("rest"), m.group("acronym")
    if m := _MIXED_LEAD.match(text):
        return (Name(m.group("family")),), text[m.end() :].lstrip(" ,.;"), ""
    return (), rest, ""
