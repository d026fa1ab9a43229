"""ABNT (NBR 6023) forms read from their words, not their typography: article, academic work, law, title and year.

Many lists lose the bold or italics that set a journal's name apart (SciELO's markdown, a PDF's text), so
:mod:`histkit.extract.references` finds no "**Journal**". These forms are still plain from their words:

- NBR 6023 7.7.5 (article in a periodical): ``Title. Journal, Place, v. 27, n. 49, p. 299-312, maio/ago.
  2014.`` The numbering (``v.``, ``n.``, ``p.``) after a comma says the entry is in a periodical; the
  journal is what stands between the title's full stop and the first comma, the place what follows it
  (``[S.l.]``, no place, is left out); a day and month before the year are the issue's date;
- NBR 6023 7.1 (a monograph, academic works included): ``Title. [Year.] [230 f.] Tese (Doutorado em X) –
  University, Place, Year.`` The type of work (Tese, Dissertação, Monografia, Trabalho de Conclusão de
  Curso) and its dash;
- NBR 6023 7.11.1 (legislation): ``Decreto nº 5.622, de 19 de dezembro de 2005. Ementa. Diário Oficial da
  União, Brasília, DF, 20 dez. 2005.`` The official gazette that published the act; without one, the act's
  epigraph (kind, number and date: ``Lei n.º 6001, de 19 de dezembro de 1973. Ementa. Brasília, 1973.``);
- ``Title. Year.`` and nothing else once the online part is cut (a document seen online).

Each reader returns the fields of :class:`histkit.extract.references.Reference` it found and the match
of the year that closes the entry, or ``None``: an entry that does not have the shape is left to the
other forms. Every scan is bounded or a single pass: linear in the entry.
"""

from __future__ import annotations

import datetime as dt
import re

from histkit.extract.reference_forms import _YEAR

# The year that closes the entry, after a month ("maio/ago. 2014.", "Set. 2012.") or the pages ("p. 1-33. 2010.").
_END_YEAR = re.compile(r"(?<![\w/\-–])" + _YEAR + r"\.?$")
# The first numbering of a periodical after a comma: "v. 27", "v.15", "n. 24", "n. S1", "p. 299-312".
_NUMBERING = re.compile(r", +(?:v\. ?[\dIVXLC]|n\. ?\w|p\. ?\d)")
# A volume or an issue: what tells a periodical from a book printed with its pages.
_SERIAL = re.compile(r", +(?:v\. ?[\dIVXLC]|n\. ?\w)")
# The end of a title: a full stop or question mark and a capital, digit or quotation mark after it; the
# full stop of an initial ("D. C.") or of "[s. l.]" does not end a title.
_TITLE_END = re.compile(r"(?<!\b[A-ZÀ-Þa-z])[.?!] +(?=[A-ZÀ-Þ0-9\"“‘'])")
_NO_PLACE = re.compile(r"\[ ?s\. ?l\. ?\]", re.IGNORECASE)
_VOLUME = re.compile(r"\bv\. ?(?P<volume>[\dIVXLC]+[a-z]?)\b")
_ISSUE = re.compile(r"\bn\. ?(?P<issue>[\w/-]{1,20}?)(?=[,.]? |[,.]?$)")
_PAGES = re.compile(r"\bp\. ?(?P<pages>\d+(?: ?[-–] ?\d+)?)")
# A month or two after the place, the date of an issue: "Brasília, 14 jul.", "Santa Maria, maio/ago.", "Aug. 31".
# A month is abbreviated ("jul.") or has its day: "Rio de Janeiro" and "Santa Maria" keep their last word.
_MONTHS = r"(?:jan|fev|feb|mar|abr|apr|may|jun|jul|ago|aug|set|sept?|out|oct|nov|dez|dec|ene|dic)"
_MONTH = rf"(?:{_MONTHS}\.|maio|mayo)"
_ISSUE_DATE = re.compile(
    rf"(?:^|,? +)(?:(?:\d{{1,2}} ?(?:a|-|–) ?)?\d{{1,2}}º? +(?:de +)?{_MONTHS}[a-zç]{{0,7}}\.?(?: de)?"
    rf"|{_MONTHS}[a-z]{{0,7}}\.? +\d{{1,2}}|{_MONTH}(?: ?[/-] ?{_MONTH})?)$",
    re.IGNORECASE,
)

_THESIS = re.compile(
    # "202p. *Tese* (Doutorado em Linguística). Programa de ...": pages as "p.", and a full stop for the dash
    r"(?P<title>.+?)[.?] +(?:" + _YEAR.replace("?P<", "?P<d_") + r"\. +)?(?:\d{1,4} ?[fp]\.(?: ?il\.)? +)?"
    r"(?P<genre>(?:Tese|Disserta[çc][ãa]o|Monografia|Trabalho de [Cc]onclus[ãa]o de [Cc]urso|TCC)\b[^–—]{0,160}?)"
    r"(?: +[-–—] *| *[–—] *|(?<=\))\. +)(?P<rest>[A-ZÀ-Þ].{1,400})$"
)

_SCHOOL = re.compile(
    r"\b(?:Universi|Faculdade|Faculty|Instituto|Institute|Escola|School|Programa|Centro|Center|Centre|Coll?[eè]g"
    r"|Funda[çc][ãa]o|Pontif)", re.IGNORECASE)

# The official gazette an act was published in, its place ("Brasília, DF") and the rest: date, section, pages.
_GAZETTE = re.compile(
    r"(?P<title>.+?)\. +(?P<container>(?:Di[áa]rio Oficial|Bolet[íi]n Oficial|Official Gazette|Journal [Oo]fficiel"
    r"|Gazzetta Ufficiale)[^,:.\d]{0,80})(?:: [^,]{1,40})?, +(?P<place>[^,\d]{1,60}(?:, [A-Z]{2})?), +"
    r"(?P<rest>.{1,200})$"
)

# "Title. 2021." once the online part is cut (NBR 6023 7.5: a document seen online, with no place or publisher).
_TITLE_YEAR = re.compile(r"(?:\.|(?<=\?)) +" + _YEAR + r"\.$")
# "Title. São Paulo: Cortez. 2001.": an imprint before the year, not a title alone.
_PLACE_COLON = re.compile(r"\. +[^.:]{1,120}: ")


def title_and_year(text: str) -> tuple[dict[str, str], re.Match[str]] | None:
    """Read ``Title. Year.``: the title and the year, and nothing else (no place, no publisher)."""
    year = _TITLE_YEAR.search(text)
    if not year or year.start() == 0 or _PLACE_COLON.search(text, 0, year.start()):
        return None
    title = text[: year.start()].strip()
    # "Background Paper. The Overseas Development Institute, Aug. 2017.": a month's full stop is no title's end
    return None if _ISSUE_DATE.search(title + ".") else ({"title": title}, year)

# Without the dash: "Title. Dissertação de Mestrado apresentada ao Programa de X da UFBA. Salvador, 2016."
_THESIS_PRESENTED = re.compile(
    r"(?P<title>.+?)[.?] +(?P<genre>(?:Tese|Disserta[çc][ãa]o|Monografia|Trabalho de [Cc]onclus[ãa]o de [Cc]urso)\b"
    r"[^.()]{0,40}?(?: \([^()]{1,80}\))? (?:apresentad[ao]|defendid[ao])\b[^.]{1,200})\. +"
    r"(?P<place>[A-ZÀ-Þ][^.,]{1,60}), +" + _YEAR.replace("?P<", "?P<p_") + r"\.$"
)
# The school a presented thesis names last: "... em literatura e cultura da UFBA".
_SCHOOL_LAST = re.compile(r"\b(?:da|do|de|of) (?P<school>[A-ZÀ-Þ][\w/-]{1,40}(?: [A-ZÀ-Þ][\w/-]{1,40}){0,6})$")


def periodical_article(text: str) -> tuple[dict[str, str], re.Match[str]] | None:
    """Read ``Title. Journal, Place, v. 27, n. 49, p. 299-312, mês Year.`` (NBR 6023 7.7.5).

    Parameters
    ----------
    text : str
        The entry after its authors, without markdown residue or its online part.

    """
    year = _END_YEAR.search(text)
    first = _NUMBERING.search(text)
    if not year or not first:
        return None
    head, tail = text[: first.start()], text[first.start() : year.start()]
    ends = list(_TITLE_END.finditer(head))
    if not ends or ends[-1].start() == 0:
        return None
    end = ends[-1]
    title = head[: end.start()] + ("?" if end.group().startswith("?") else "")
    container, _, place = head[end.end() :].partition(", ")
    fields = {"kind": "article", "title": title.strip(), "container": container.strip(),
              "place": "" if _NO_PLACE.fullmatch(place.strip()) else issue_place(place)}
    found, _ = numbering(tail)
    fields.update(found)
    if date := issue_date(tail, int(year.group("y1"))):
        fields["date"] = date
    return fields, year


def numbering(tail: str) -> tuple[dict[str, str], int]:
    """The volume (``v.``), issue (``n.``) and pages (``p.``) a periodical's entry prints, each where found.

    Returns them with the offset of the first of them in ``tail`` (its length when there is none).
    """
    found: dict[str, str] = {}
    first = len(tail)
    for name, pattern in (("volume", _VOLUME), ("issue", _ISSUE), ("pages", _PAGES)):
        if m := pattern.search(tail):
            found[name] = re.sub(r" ?[-–] ?", "-", m.group(name))
            first = min(first, m.start())
    return found, first

_MONTH_NUMBER = {"jan": 1, "ene": 1, "fev": 2, "feb": 2, "mar": 3, "abr": 4, "apr": 4, "mai": 5, "may": 5, "jun": 6,
                 "jul": 7, "ago": 8, "aug": 8, "set": 9, "sep": 9, "out": 10, "oct": 10, "nov": 11, "dez": 12,
                 "dic": 12, "dec": 12}
# The date of an issue before its year: "20 abr.", "10 maio", "Aug. 31", "Set." (one month, not "maio/ago.").
_DAY_MONTH = re.compile(
    rf"(?:^|[ ,])(?:(?P<day>\d{{1,2}})º? +(?:de +)?(?P<month>{_MONTHS}|mai)[a-zç]{{0,7}}\.?(?: de)?"
    rf"|(?P<month2>{_MONTHS})[a-z]{{0,7}}\.? +(?P<day2>\d{{1,2}})|(?P<month3>{_MONTHS}|maio|mayo)\.?)$",
    re.IGNORECASE,
)

_DAY_RANGE = re.compile(r"\d ?(?:a|-|–) ?\d{1,2}º? +(?:de +)?[A-Za-z]")  # "19 a 25 de agosto": no one day


def issue_date(head: str, year: int | None) -> str:
    """The ISO date of an issue ("2017-04-20", "2012-09") from its day and month before the year, or ``""``."""
    m = _DAY_MONTH.search(head.rstrip(" ,"))
    if not m or year is None or _DAY_RANGE.search(head):
        return ""
    month = _MONTH_NUMBER[(m.group("month") or m.group("month2") or m.group("month3"))[:3].lower()]
    day = m.group("day") or m.group("day2")
    try:
        return dt.date(year, month, int(day or 1)).isoformat()[: 10 if day else 7]
    except ValueError:  # "31 fev.": no such day; the year alone
        return ""


def is_serial(text: str) -> bool:
    """Whether ``text`` prints a volume (``v. 23``) or an issue (``n. 4``) after a comma."""
    return _SERIAL.search(text) is not None


def issue_place(place: str) -> str:
    """The place of a periodical without the months of its issue after it ("Brasília, 14 jul." -> "Brasília")."""
    return _ISSUE_DATE.sub("", place).strip(" ,.")


def school_and_place(text: str) -> tuple[str, str]:
    """Split "Faculdade de Psicologia, Universidade de Lisboa, Lisboa" into the school and its place.

    The place follows the last part that names a school ("Bauru, São Paulo, Brasil" after "Universidade
    Estadual Paulista"); with none named, the last part is the place; a school last means no place.
    """
    pieces = text.rstrip(" ,.").split(", ")
    schools = [i for i, piece in enumerate(pieces) if _SCHOOL.search(piece)]
    cut = schools[-1] + 1 if schools else len(pieces) - 1
    return ", ".join(pieces[:cut]).strip(), ", ".join(pieces[cut:]).strip()


def academic_work(text: str) -> tuple[dict[str, str], re.Match[str]] | None:
    """Read ``Title. [Year.] [N f.] Tese (Doutorado em X) – University, Place, Year.`` (NBR 6023 7.1).

    The institution is everything between the dash and the place ("Faculdade de Psicologia,
    Universidade de Lisboa"); it goes to ``publisher``, as CSL's thesis type puts it. Without the dash,
    "Dissertação de Mestrado apresentada ao Programa de X da UFBA. Salvador, 2016." gives the school it
    names last, when it names one.
    """
    m = _THESIS.fullmatch(text)
    if not m and (p := _THESIS_PRESENTED.fullmatch(text)):
        year = _END_YEAR.search(text)
        school = _SCHOOL_LAST.search(p.group("genre"))
        fields = {"kind": "thesis", "title": p.group("title").strip(), "genre": p.group("genre").strip(),
                  "publisher": school.group("school") if school else "", "place": p.group("place").strip()}
        return (fields, year) if year else None
    if not m:
        return None
    rest = m.group("rest")
    year = _END_YEAR.search(rest)
    if not year:
        return None
    institution, place = school_and_place(rest[: year.start()])
    if not institution:
        return None
    fields = {"kind": "thesis", "title": m.group("title").strip(), "genre": m.group("genre").strip(),
              "publisher": institution.strip(), "place": place.strip()}
    return fields, year


def legislation(text: str) -> tuple[dict[str, str], re.Match[str]] | None:
    """Read ``Act, date. Summary. Diário Oficial da União, Place, D mês Year.`` (NBR 6023 7.11.1).

    The act with its summary is the title, the gazette the container; the year is the gazette's (the
    issue that published the act), which NBR 6023 puts last.
    """
    m = _GAZETTE.fullmatch(text)
    if not m:
        return None
    rest = m.group("rest")
    year = _END_YEAR.search(rest) or _END_YEAR.search(rest.split(". ")[0] + ".")
    if not year:
        return None
    found, _ = numbering(rest)
    fields = {"kind": "legislation", "title": m.group("title").strip(), "container": m.group("container").strip(),
              "place": m.group("place").strip(), **{k: v for k, v in found.items() if k == "pages"}}
    if date := issue_date(rest[: year.start()], int(year.group("y1"))):  # the gazette's day: "20 dez. 2005"
        fields["date"] = date
    return fields, year


# An act named by its kind, number and date (NBR 6023 7.11.1, the epigraph): "Lei n.º 6001, de 19 de dezembro de
# 1973", "Decreto nº. 2848, de 07 de dezembro de 1940", "Lei Complementar nº 02/02 de 12/12/2002".
_ACT = (
    r"(?P<act>(?:Lei(?: Complementar)?|Decreto(?:-Lei)?|Medida Provis[óo]ria|Emenda Constitucional|Portaria"
    r"|Resolu[çc][ãa]o|Instru[çc][ãa]o Normativa) n\.? ?[º°o]?\.? ?\d[\d./-]{0,12},? de "
    r"(?:\d{1,2}º? de [a-zç]{3,9} de |\d{1,2}/\d{1,2}/)(?P<act_year>1[5-9]\d\d|20\d\d))"
)
# The act, its summary (ementa) and the place and year it was given, with no gazette: "Lei n.º 6001, de 19 de
# dezembro de 1973. Dispõe sobre o Estatuto do Índio. Brasília, 1973." The summary is bounded: linear in the entry.
_ACT_ALONE = re.compile(
    _ACT + r"(?:\. +(?P<summary>[A-ZÀ-Þ].{0,800}?))?(?:\. +(?P<place>[A-ZÀ-Þ][^.,:\d]{1,40}(?:, [A-Z]{2})?), +"
    r"(?P<year>1[5-9]\d\d|20\d\d))?\.$"
)
_A_YEAR = re.compile(_YEAR)


def act_alone(text: str) -> tuple[dict[str, str], re.Match[str]] | None:
    """Read ``Act, date. [Summary.] [Place, Year.]`` with no gazette: legislation (NBR 6023 7.11.1).

    The act with its summary is the title, as :func:`legislation` gives it; the year is the one after the place,
    else the act's. The act's day and month stay in its title alone: the list prints no other date.
    """
    m = _ACT_ALONE.fullmatch(text)
    if not m:
        return None
    title = m.group("act") + (f". {m.group('summary')}" if m.group("summary") else "")
    fields = {"kind": "legislation", "title": title, "place": (m.group("place") or "").strip()}
    year = _A_YEAR.match(text, m.start("year") if m.group("year") else m.start("act_year"))
    return (fields, year) if year else None


def worded_body(text: str, imprint_publisher: str | None) -> tuple[dict[str, str], re.Match[str]] | None:
    """The first of the three forms that reads ``text``: academic work, legislation, periodical article.

    Parameters
    ----------
    text : str
        The entry after its authors, without markdown residue or its online part.
    imprint_publisher : str or None
        The publisher when the entry also has the shape "Place: Publisher, Year." (``None`` when not): it is
        a book unless its "publisher" prints a volume or an issue, as a journal's name with a colon does
        ("*Psicologia*: teoria e pesquisa, Brasília, v. 23, n. 1, p. 33-42, 2007.").
    """
    if found := academic_work(text) or legislation(text) or act_alone(text):
        return found
    if imprint_publisher is not None and not is_serial(imprint_publisher):
        return None
    return periodical_article(text)
