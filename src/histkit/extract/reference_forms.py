"""The years an entry of a reference list carries, and which of them is its imprint year.

The online part of an entry (links, DOIs, "Disponível em", access dates in three languages) and
its identifiers (ISSN, ISBN) are cut out before years are read: none of them is the work's year.
:func:`online_links` says which links are that part (a link in a title's running words is not), and
:mod:`histkit.extract.reference_online` reads the link, the DOI and the access date from them.
The imprint year is the last year outside brackets; an original's year ("[1913]") and a year in a
title ("SAEB/2001") are other years the entry carries. A slash between a year and an earlier one
("2011/1979") pairs the edition's year with the original's: the first printed is the imprint year.
:mod:`histkit.extract.references` reads them; names are in :mod:`histkit.extract.reference_names`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A year as a list prints it: "1976", a season "1994/95", an edition and original "2011/1979", or
# with the label that tells one author's works of a year apart ("2023a", "2024a"; NBR 10520 6.1.3).
_YEAR = r"(?P<year>(?P<y1>1[5-9]\d\d|20\d\d)(?:/(?P<y2>\d{2}|\d{4}))?(?P<label>[a-z](?![^\W\d_]))?)"


# The online part of an entry (NBR 6023 7.5; APA 9.34): links, DOIs, "Disponível em:" and the access
# date, which is not the work's year ("Acesso em: 12 ago. 2021", "Last access: Jan. 14, 2024").
# A link a conversion broke at a space keeps its pieces: after "https:// " ("https:// www.R-project.org/") and before
# the file name that ends it (".../24/c 693839.htm", ".../t20230203 1900299.html").
_URL = re.compile(
    r"<?(?:https?:// ?|www\.|doi\.org/)\S+(?: \S{1,80}?\.(?:html?|pdf|php|aspx?)(?:[#?]\S*)?(?=[\s.,;)>]|$))?>?"
    r"|(?<![\w/.])10\.\d{4,9}/\S+"
)
# What a cut link leaves of the brackets around it: "( (https://...) )."
_EMPTY_BRACKETS = re.compile(r"\([ (]{0,20}\)|\( *(?=\.?$)")
_IDENTIFIER = re.compile(r"\b(?:e-?)?IS[SB]N\b *:? *[\dXx][\dXx\-–]*")
# "Acesso em: 6 set. 2021", "Acesso: 10 maio. 2022", "Acesso em20/03/2021", "Last access: Jan. 14, 2024".
_ACCESS = re.compile(
    r"(?i:acess(?:o|ado)(?: em| *(?=:))|accessed(?: on)?|last access(?:ed)?|access *(?=:)|consultado (?:el|en)"
    r"|accedido (?:el|en)"
    r"|fecha de consulta|retrieved(?: on)?)"
    r" *:? *(?:\d{1,2}[/.-]\d{1,2}[/.-]|\d{1,2}º? *(?:de )?)?(?:[^\W\d_]{3,10}\.? *(?:de )?)?"
    r"(?:\d{1,2},? *)?(?:1[5-9]\d\d|20\d\d)\b\.?"
)
_ONLINE_LABEL = re.compile(
    r"<?(?i:dispon[ií]vel(?: em| *(?=:))|disponible en|available(?: (?:at|from|in|on)| *(?=:))|recuperado de"
    r"|retrieved from|\bfrom(?= ?(?:https?:|www\.))|\bdoi\b) *:? *"
)
# A link in running words, a word and a space before it ("O portal www.dominiopublico.gov.br e a leitura") or a
# word in lower case after it, is a title's, not the entry's online part; a label or an access date after it is not
# running words ("... https://x.org/a acesso em 3 jan. 2020").
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,40} $")
_RUN_ON = re.compile(
    r"(?: [^\W\d_][\w'’-]{0,40}){1,20}(?=\. +(?i:last access|acess|access|consultad|accedid|retriev|fecha de consulta))"
)
_WORD_AFTER = re.compile(r" (?!(?i:acess|access|accedid|consultad|retriev|recuperad|dispon|availab|last))[a-zà-ÿ]")
_ANY_YEAR = re.compile(r"(?<![\d/.])(1[5-9]\d\d|20\d\d)(?![\d])")
_BRACKETED = re.compile(r"\[[^\]]*\]")
# Pages: "p. 47-53", and after a volume and issue with no "p." (CSE, APA): "22(3): 143-148", "*16* (6), 333-342".
_PAGE_RANGE = re.compile(r"\bpp?\. ?\d+ ?[-–] ?\d+|(?<=\d)\)[:,] ?\d+ ?[-–] ?\d+")
_BOUNDED_YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)")


def _online_spans(text: str) -> list[tuple[int, int, int]]:
    """Where each link of the online part starts with its label, starts, and ends (see :func:`online_links`)."""
    labels = {m.end(): m.start() for m in _ONLINE_LABEL.finditer(text)}
    spans = []
    for m in _URL.finditer(text):
        end = m.end()
        if m.start() in labels:
            if text[end - 1] not in ".,;)>" and (run := _RUN_ON.match(text, end)):
                end = run.end()
        elif _WORD_BEFORE.search(text, max(0, m.start() - 41), m.start()) or _WORD_AFTER.match(text, end):
            continue
        spans.append((labels.get(m.start(), m.start()), m.start(), end))
    return spans


def online_links(text: str) -> list[tuple[int, int]]:
    """The spans of the links and DOIs of an entry's online part, in order: each after a label, or not in running words.

    A link a word and a space come before (with no label between), or a word in lower case follows, is part of a
    title or a sentence of the entry ("O portal www.dominiopublico.gov.br e a leitura"), and is left where it is.
    A labelled link runs on through the words a conversion split it into, up to the full stop before the access
    date (".../106020121/Rising Debt and Falling Assets in Chinas Key Markets. Last access: ..."): nothing of the
    entry's stands between a link and its access date. The text is scanned once for labels and once for links;
    each test looks a bounded way back or ahead.
    """
    return [(start, end) for _, start, end in _online_spans(text)]


def _cut_links(text: str) -> str:
    """``text`` with its online links and the labels just before them replaced by a space."""
    pieces, last = [], 0
    for label, _, end in _online_spans(text):
        pieces += [text[last:label], " "]
        last = end
    return "".join(pieces) + text[last:] if pieces else text


def _offline(text: str) -> str:
    """The entry without its online part (links, DOIs, access dates and their labels)."""
    cut = _ONLINE_LABEL.sub(" ", _IDENTIFIER.sub(" ", _ACCESS.sub(" ", _cut_links(text))))
    if cut == text:
        return text
    cut = _EMPTY_BRACKETS.sub(" ", cut)
    cut = re.sub(r" +([.,;])", r"\1", re.sub(r"[<>]", "", re.sub(r" {2,}", " ", cut))).strip()
    return re.sub(r"\.\.$", ".", cut)  # the link's full stop after the entry's own


def entry_years(text: str) -> tuple[int, ...]:
    """Every year an entry carries outside its online part and page ranges (original, translation, imprint).

    Both years of "2011/1979" count; a year after another slash ("31/8/2017", "SAEB/2001") only
    when it is the entry's imprint year.
    """
    plain = _PAGE_RANGE.sub(" ", _offline(text))
    years = {int(y) for y in _ANY_YEAR.findall(plain)}
    years.update(int(m.group("y2")) for m in _BOUNDED_YEAR.finditer(plain) if len(m.group("y2") or "") == 4)
    return tuple(sorted(years))


def imprint_year(text: str) -> re.Match[str] | None:
    """The imprint year of an entry: the last year outside brackets and the online part.

    ABNT and Chicago put the imprint year last; years in titles ("SAEB/2001") and an original's
    year in brackets ("[1929]") come before it. When only bracketed years exist, the last one.
    Digits inside a longer number (a DOI's "10.20396") and page ranges are not years.
    """
    offline = _PAGE_RANGE.sub(" ", _offline(text))
    plain = _BRACKETED.sub(lambda m: " " * len(m.group()), offline)
    found = list(_BOUNDED_YEAR.finditer(plain)) or list(_BOUNDED_YEAR.finditer(offline))
    return found[-1] if found else None



def year_span(first: int, second: str | None, expand: Callable[[int, str | None], int]) -> tuple[int, int, bool]:
    """First and last year of a printed ``"1994/95"``, ``"1999/2000"`` or ``"2011/1979"``.

    A second year earlier than the first is not a range: "2011/1979" is the edition's year and the
    original's (the third value is then true and the imprint year is the first printed). Otherwise
    ``expand`` (:func:`histkit.extract.date_values.last_year`) gives the range's last year.
    """
    if second and len(second) == 4 and int(second) < first:
        return first, first, True
    return first, expand(first, second), False


# A translation's note after the original's imprint, with the translation's year (NBR 6023 7.3.1, Chicago
# 14.108): "Paris: Gallimard, 1975 (Trad. bras. Petrópolis: Vozes, 1987)", "(Translated ..., 1987)".
_TRANSLATION_NOTE = re.compile(
    r"(?<!\d)(?P<original>1[5-9]\d\d|20\d\d)[a-z]?\.? *"
    r"\((?i:trad|tradu[çc][ãa]o|traducci[óo]n|transl|translated|trans\.)"
    r"[^()]{0,300}?(?<!\d)(?P<translation>1[5-9]\d\d|20\d\d)(?!\d)[^()]{0,40}\)"
)
# An original's year in brackets, after the title or the imprint year: "[1963]", "[1951-1953]", "2017 [1929]".
_ORIGINAL_BRACKET = re.compile(r"\[(?P<original>1[5-9]\d\d|20\d\d)(?:[-–]\d{2,4})?\]")


def original_year(text: str, imprint: int | None) -> str:
    """The original's year an entry prints beside the edition it cites, or ``""``.

    Three forms: a translation's note after the original's imprint ("1975 (Trad. bras. ..., 1987)": the
    original is 1975); a bracketed year earlier than the imprint ("[1963] ... 2008"); and an edition's
    year paired with the original's ("2011/1979"). The edition cited keeps the imprint year.

    Parameters
    ----------
    text : str
        The entry without markdown residue.
    imprint : int or None
        The year the entry is cited by (its imprint year).

    """
    plain = _PAGE_RANGE.sub(" ", _offline(text))
    if (note := _TRANSLATION_NOTE.search(plain)) and int(note.group("original")) < int(note.group("translation")):
        return note.group("original")
    for m in _ORIGINAL_BRACKET.finditer(plain):
        if imprint is None or int(m.group("original")) < imprint:
            return m.group("original")
    for m in _BOUNDED_YEAR.finditer(plain):
        if m.group("y2") and len(m.group("y2")) == 4 and int(m.group("y2")) < int(m.group("y1")):
            return m.group("y2")
    return ""
