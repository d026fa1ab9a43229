"""The grammar of author-date citations: names, years, locators, and the words that are not authors.

Upper-case names of NBR 10520:2002 ("BARTRA") and mixed-case ones of NBR 10520:2023 and APA
("Bartra", "Almeida-García", "World Bank"); connectors ";", ",", "e", "y", "and", "&", "/"; years
with labels, slashes, brackets and "s.d."/"n.d."; locators (p., pp., f., v., Roman pages, ranges,
lists). :mod:`histkit.extract.citations` reads groups with them.

To accept a new form: extend a pattern here and add a case from two corpus articles (or a tiny
fixture) to ``tests/extract/test_citations.py``.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from histkit.extract.date_values import last_year
from histkit.extract.name_particles import FAMILY_JOINER, PARTICLE_RE

# A family name: upper case ("KHEIFETS", "GÓMEZ", "D'ARCY", "SISTEMA NACIONAL DE BIBLIOTECAS") or mixed
# case ("Bartra", "McDermott", "Almeida-García", "World Bank", "Sousa de Oliveira"); a title used as an
# author ends with an ellipsis ("ARGENTINA...").
# (DA, DE, DOS, DEL are words of the first alternative: listing them again made the match exponential.)
# Every repetition is bounded ("{0,9}" words, "{0,15}" co-authors, "{0,30}" years): a finditer that
# starts at each word of a hostile run ("SILVA SILVA ..." with no parenthesis) then stops after a
# fixed number of steps, so finding citations stays linear in the length of the text.
# "‑" (U+2011, a non-breaking hyphen) joins names as "-" does ("Hernández‑de‑Menéndez").
_UPPER = r"[A-ZÀ-Þ][A-ZÀ-Þ'’\-‑]*[A-ZÀ-Þ](?: (?:[A-ZÀ-Þ][A-ZÀ-Þ'’\-‑]*[A-ZÀ-Þ]|E|Y)){0,9}"
# A generational suffix joined by a hyphen keeps its period: "Ghizoni-Jr.", "Pereira-Jr." (APA 9.8).
_WORD = (
    r"[A-ZÀ-Þ](?:[a-zß-ÿ]+(?:['’\-‑][A-ZÀ-Þ]?[a-zß-ÿ]+|[A-ZÀ-Þ][a-zß-ÿ]+){0,4}|['’][A-ZÀ-Þ][a-zß-ÿ]+)"
    r"(?:(?<=[-‑]Jr)\.)?"
)
_PARTICLE = PARTICLE_RE
# A body whose name opens with a one-letter word: "R Core Team" (CSE and APA cite it so).
_MIXED = rf"(?:[A-Z] (?={_WORD} {_WORD}))?{_WORD}(?: (?:{_PARTICLE} |{FAMILY_JOINER} )?{_WORD}){{0,4}}"
_ACRONYM_MIXED = r"[A-ZÀ-Þ]{2,}(?: [A-ZÀ-Þ][a-zß-ÿ]+){0,3}"
# "*et al.,*": the comma typed inside the emphasis (paz-mixed-flocks, fixture); "*et al* .": the period set
# after the emphasis with a space (ensaio-deficiencia, fixture). Two slips of typing: "et. al." (a period after
# "et", which abbreviates nothing) and "et al. al." (the "al." doubled; ecos-china-new-normal, fixture).
_ETAL = r"(?: \*?et\.? al\.?(?: al\.)?,?\*?(?: ?\.)?| et alii| e outros| e colaboradores| y otros| and others)"
# A body named in full with its acronym in brackets (APA 8.21): "Fundação de Amparo à Pesquisa do Estado de
# São Paulo [Fapesp], 2019".
_BODY_LINK = r"(?:de|da|do|das|dos|del|la|las|los|à|às|ao|aos|a|e|y|and|of|for|the|para|em|no|na|en|des|du|für|und)"
_BODY = rf"{_WORD}(?: (?:{_BODY_LINK} ){{0,2}}{_WORD}){{1,9}} \[[A-ZÀ-Þ][A-Za-zÀ-ÿ]{{1,14}}\]"
_BODY_RE = re.compile(_BODY)
_NAME = rf"(?:{_BODY}|{_UPPER}|{_MIXED}|{_ACRONYM_MIXED})(?:\.\.\.|…)?{_ETAL}?"
_CONNECTOR = r"(?:, (?:and |e |y |& )?| (?:and|e|y|&) |/)"
# What may open a cited work without being part of it: "cf. BRAIT, 2006", "see also Harvey, 1996".
# In italics, the comma inside and the space left out after the emphasis: "*e.g.,*Machado, 1999", "*sensu*Whittaker".
_LEAD = re.compile(
    r"(?i:\*?(?:cf|cp|vide|ver|veja|sensu|see(?: also)?|véase|v|e\.g|i\.e|por exemplo|por ejemplo|for example|"
    r"entre outros|entre otros|among others|ver também|ver tambien|consultar|according to|segundo|según|conforme|"
    r"de acordo com)\.?,?(?:\* ?| ))+"
)
# A co-author may open with a particle in lower case: "Gomes, Pauls and ten Brink", "Silva e de Souza".
_COAUTHOR = rf"(?:{_PARTICLE} )?{_NAME}"
_NAMES = re.compile(rf"{_NAME}(?:{_CONNECTOR}{_COAUTHOR}){{0,15}}")
_ONE_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# Works in press count as undated (NBR 10520 and APA 8.19: "no prelo", "en prensa", "in press").
_NO_DATE = r"\[?(?:s\.? ?d\.?|s/d|n\.? ?d\.?|sin fecha|no date|no prelo|en prensa|in press|forthcoming)\]?"
# One year of a work: "1986", "1994/95", "2024a", "s.d.", "2017 [1929]", "[1913] 2004".
_YEAR_ONE = (
    rf"(?:\[{_ONE_YEAR}\] )?(?:(?P<y1>{_ONE_YEAR})(?:/(?P<y2>\d{{4}}|\d{{2}}))?(?P<suffix>[a-z])?|(?P<nd>{_NO_DATE}))"
    rf"(?: ?\[{_ONE_YEAR}(?:[-–]\d{{2,4}})?\])?"
)
_YEAR_ANY = re.sub(r"\?P<\w+>", "?:", _YEAR_ONE)
_YEARS = rf"(?P<years>{_YEAR_ANY}(?: ?, ?{_YEAR_ANY}){{0,30}})"
# "n.p." / "s.p." / "s/p" / "*n.p*": no page (the work is unpaged, e.g. online), a locator all the same.
_NO_PAGE = r"\*?(?:[ns]\. ?p\.?|s/p)\*?"
# The time of a passage in a film or recording: "5′ 02″", "4min27s", "1h32min" (ABNT), "12:30" (APA).
_TIME = r"(?:\d{1,3}[′'] ?\d{1,2}[″\"]|(?:\d{1,2}h ?)?\d{1,3} ?min(?: ?\d{1,2} ?s)?|\d{1,2}:\d{2}(?::\d{2})?)"
_PAGE = r"(?:\d+|[ivxlcdm]+|[IVXLCDM]+)"
_RANGE = rf"{_PAGE}(?: ?[-–] ?{_PAGE})?"
_LOCATOR_WORD = r"(?:p|pp|pág|págs|pg|f|fl|fls|v|vol|cap|t|n|nota|note|§|s|par)"
# A page list may close with a conjunction: "p.30 e 31", "pp. 4, 6 and 9".
# After the locator word a dot, a space or a digit: "vi" is a roman page, never "v" + "i" (that
# reading made the match exponential on a list of roman pages).
_LOCATOR = rf"(?:{_LOCATOR_WORD}(?:\. ?| |(?=\d)){_RANGE}(?:(?:, ?| e | and | y ){_RANGE}){{0,30}}|{_NO_PAGE}|{_TIME})"
_REMARK = (
    r"(?:grifos? (?:nossos?|meus?|do autor|da autora|no original)|tradução nossa|traducción (?:nuestra|propia)"
    r"|emphasis added|our translation|adaptado|adapted)"
)
_PAGES = rf"(?P<pages>{_LOCATOR}(?:, ?{_LOCATOR}){{0,10}})"
# The locator follows the year after "," or ":" or, mistyped, "." ("WOIDA, 2020. p. 8").
_WORK = re.compile(rf"(?P<name>.+?), ?{_YEARS}(?: ?[,:.] ?{_PAGES})?(?:(?: ?, ?| ){_REMARK})?\.?")
# Chicago author-date and a slip in ABNT: no comma before the year, "(Lee 2019)", "( PEÑA 2018 )".
_WORK_NO_COMMA = re.compile(rf"(?P<name>.+?) {_YEARS}(?: ?[,:.] ?{_PAGES})?(?:(?: ?, ?| ){_REMARK})?\.?")
# The work at the head of a segment that goes on with prose: "FOTION, 2021, sobre a pesquisa ...".
_WORK_HEAD = re.compile(rf"(?P<name>[^,;]+?)(?:, ?| ){_YEARS}(?: ?[,:.] ?{_PAGES})?(?=, )")
_YEAR_ITEM = re.compile(_YEAR_ONE)
# A standard cited by its body's acronym and its code before the year: "(CLSI M38-A2, 2008)", "(ABNT NBR 6023,
# 2018)", "(ISO 690, 2010)". The code locates the document as a page would.
_STANDARD = re.compile(
    rf"(?P<body>[A-ZÀ-Þ]{{2,8}}) (?P<code>(?:[A-Z]{{2,5}} )?[A-Z]{{0,4}}\d[\w.:/-]{{0,20}}),? {_YEARS}"
)
# A newspaper cited by the date of its issue (Chicago 14.89, APA 10.2; ABNT for an unsigned news item): "(La
# Nación, 14/9/16)", "(El Cronista, 12/12/16 y 9/11/17)", "(La Nación 31/8/2017)". Day and month are checked.
ISSUE_DATE = re.compile(r"(?<![\d/])(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])")
_DATES = rf"(?P<dates>{ISSUE_DATE.pattern}(?:(?:, ?| y | e | and | & ){ISSUE_DATE.pattern}){{0,5}})".replace(
    "?P<y>", "?:"
)
_DATED = re.compile(rf"(?P<name>.+?)(?:, ?| ){_DATES}\.?")
# A classical or ancient work cited by book and chapter before the edition's year (NBR 10520, Chicago
# 14.242): "(PLATÃO, IV 3, 2001, p. 45)", "Heródoto (II, 1999, p. 12)". The book is a locator of the work.
CLASSICAL_BOOK = re.compile(r"(?P<book>[IVXLC]{1,6}(?:[ ,.] ?\d{1,3}){0,3}), ?(?=(?:1[5-9]|20)\d\d)")
_AUTHOR_ONLY = _NAMES
_IBIDEM = re.compile(
    rf"(?P<name>{_NAME}, )?(?P<ibid>(?i:ibidem|ibid\.|id\.|idem|op\. ?cit\.?|loc\. ?cit\.?))(?:,? ?{_PAGES})?"
)
_REMARK_ONLY = re.compile(_REMARK)
_YEAR_ONLY = re.compile(rf"{_YEARS}(?: ?[,:.] ?{_PAGES})?(?:(?: ?, ?| ){_REMARK})?\.?")
_PAREN = re.compile(r"\(([^()\n]*)\)")
# Narrative citations: the names stand before the parenthesis or bracket, "Alonso (1998, p. 188)",
# "Hou, Gelb, and Calabrese (2017)", "Magnier et al. (2018)", "Bakhtin [1929]", "Volóchinov (2013 [1930])";
# a comma after "et al." is a slip ("Ferrão *et al*., (2001)").
_NARRATIVE = re.compile(
    rf"(?<![\w.])(?P<names>{_NAME}(?:{_CONNECTOR}{_COAUTHOR}){{0,15}})(?:(?<=\.),)? "
    r"(?P<open>[(\[])(?P<inner>(?:[^()\[\]\n]|\[[^()\[\]\n]*\])*)[)\]]"
)
# A narrative citation with the work's title (in italics) between the authors and the year: "Searle, em
# *Expression and Meaning* (1979)", "Bakhtin em *Problemas da poética de Dostoiévski* (2008 [1963])".
# An italic "*et al.*" is no title: "Brandt *et al.* (2009)" is the narrative form with co-authors.
_TITLED = re.compile(
    rf"(?<![\w.])(?P<names>{_NAME}(?:{_CONNECTOR}{_COAUTHOR}){{0,15}}),? (?:(?:em|in|en) )?"
    r"\*(?!et al)[^*\n]{1,150}\*,? "
    r"(?P<open>\()(?P<inner>(?:[^()\[\]\n]|\[[^()\[\]\n]*\])*)\)"
)
# A possessive before the year (Chicago and APA in English): "Weber's (1922)", "Coombe’s recommended
# criteria (1995)", up to three lower-case words between the name and the parenthesis.
_POSSESSIVE = re.compile(
    rf"(?<![\w.])(?P<names>{_NAME}(?:{_CONNECTOR}{_COAUTHOR}){{0,3}})['’]s?(?: [a-zà-ÿ][\w-]*){{0,3}} "
    r"(?P<open>\()(?P<inner>[^()\n]*)\)"
)
# An italic Latin binomial or trinomial right before a parenthesis: "*Piaya cayana* (Linnaeus, 1766)" is
# the species' authority (ICZN Art. 51.3: the describer and year, in parentheses when the genus changed).
_TAXON_BEFORE = re.compile(r"\*[A-ZÀ-Þ][a-zß-ÿ]+(?: [a-zß-ÿ]+){1,2}\* ?$")
# A work named in running text without parentheses: "Grice, 1975, p.48" in a note, "já mencionados
# em Searle, 1969, p.157" inside a parenthetical remark.
_BARE = re.compile(
    rf"(?<![\w(])(?P<names>{_NAME}(?:{_CONNECTOR}{_COAUTHOR}){{0,15}}), "
    rf"(?P<inner>{_YEARS}(?: ?[,:] ?{_PAGES})?)(?![\w/])"
)
_SPACES = re.compile(r"\s+")
# Any character a narrative citation's names cannot hold (a digit, ";", a bracket, a line break, ...).
_NOT_IN_NAMES = re.compile(r"[^A-Za-zÀ-ÿ '’\-‑.…*,/&]+")


def narrative_windows(text: str) -> list[tuple[int, int]]:
    """Where in ``text`` a :data:`_NARRATIVE` match can lie: ``(start, end)`` spans, in order, disjoint.

    Its names hold none of :data:`_NOT_IN_NAMES` and its bracket opens a run of them, so a match
    starts after the last such run before that bracket and ends at the line's end at the latest.
    Scanning only these spans finds the same matches, and skips at once a long run of words with
    no bracket ("May May May ...", "DA SILVA DA SILVA ..."), where the pattern tries several
    names at every word (issue 21).
    """
    windows: list[tuple[int, int]] = []
    after = 0  # where the run of name characters before this barrier starts
    end = -1  # the end of the line of the last bracket (found once per line: linear)
    for m in _NOT_IN_NAMES.finditer(text):
        if text[m.start()] in "([":
            if end < m.start():
                end = text.find("\n", m.start())
                end = len(text) if end < 0 else end
            if windows and windows[-1][1] >= after:
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((after, end))
        after = m.end()
    return windows


# Capitalised words that precede a year in parentheses without naming an author.
_NOT_AUTHORS = {
    w.casefold()
    for w in (
        "In Em En Since Desde From De Until Até Hasta During Durante Between Entre After Após Depois Before Antes "
        "January February March April May June July August September October November December "
        "Janeiro Fevereiro Março Abril Maio Junho Julho Agosto Setembro Outubro Novembro Dezembro "
        "Enero Febrero Marzo Mayo Junio Julio Septiembre Octubre Noviembre Diciembre "
        "Graph Gráfico Table Tabela Tabla Figure Figura Quadro Cuadro See Ver Cf Apud The A O El La Os As Los Las "
        "Según Segundo Conforme According Como As Para For Por By Also Também También Assim Así And E Y But Mas Pero "
        "This Este Esta Isto Esto That Ese Essa Esse Then Logo Luego When Quando Cuando While Enquanto Mientras "
        "Here Aqui Aquí Thus Portanto Por Com Con With Sobre On No Na Nos Nas Ao Aos À Às Del Al Un Uma Una Um An "
        # "(Fonte: Autores, 2022)": the article's own authors made the table or figure; not a cited work.
        "Autores Autoras Autor Autora Authors Author Fonte Fuente Source Elaboração Elaboración"
    ).split()
}


def _strip_etal(name: str) -> str:
    return re.sub(rf"{_ETAL}$|\.\.\.$|…$", "", name)


def _split_names(names: str) -> tuple[str, ...]:
    """Split "Hou, Gelb, and Calabrese" or "Araújo e Posenatto" into single names."""
    if names.endswith("]") and _BODY_RE.fullmatch(names):
        return (names,)  # "Food and Agriculture Organization [FAO]": one body, its "and" no connector
    parts = [p for p in re.split(_CONNECTOR, names) if p]
    return tuple(parts)


def _pages(pages: str | None) -> tuple[str, int | None, int | None]:
    if not pages:
        return "", None, None
    numbers = re.findall(r"\d+", pages.split(",")[0]) if re.match(r"(?:p|pp|pág|págs|pg)\b", pages) else []
    digits = pages.split(".", 1)[-1].strip() if re.match(r"(?:p|pp)\.", pages) else pages
    first = int(numbers[0]) if numbers else None
    last = int(numbers[1]) if len(numbers) > 1 else first
    return digits.replace("–", "-").replace(" - ", "-"), first, last


_BRACKET_YEAR = re.compile(r"\[(\d{4})")


def _years(text: str) -> list[tuple[str, int | None, int | None, str]]:
    """Each year of a citation: as printed, first, last, and the original's year in brackets ("2011 [1979]")."""
    out: list[tuple[str, int | None, int | None, str]] = []
    for m in _YEAR_ITEM.finditer(text):
        original = b.group(1) if (b := _BRACKET_YEAR.search(m.group())) else ""
        if m.group("nd"):
            out.append((m.group().strip(), None, None, original))
        elif m.group("y1"):
            first = int(m.group("y1"))
            year = m.group("y1") + (f"/{m.group('y2')}" if m.group("y2") else "") + (m.group("suffix") or "")
            out.append((year, first, last_year(first, m.group("y2")), original))
    return out


@functools.lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """Case- and accent-folded form of a name: ``"Gómez"`` and ``"GÓMEZ"`` -> ``"gomez"``."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
