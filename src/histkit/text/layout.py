"""Layout of a real article's text: headings, reference-list headings, front-matter labels, captions.

Read from the shape of one block (a line between blank lines) in Portuguese, Spanish or English:
numbered headings ("1 INTRODUCTION", "3.1 Do grande cronotopo", "IV - RESULTADOS") and unnumbered
ones ("Introducción", "Considerações finais"); "Referências", "Referencias", "References",
"Bibliografía"; "Resumo", "Resumen", "Abstract", "Palavras-chave", "Palabras clave", "Keywords" and
received/accepted dates; "[Fig. ...]", "Tabela 1 ...", "Graph 1 ..." captions.

To read a new form: extend the pattern here, and add a case from two articles of the corpus (or a
tiny fixture) to ``tests/text/test_ingest.py``.
"""

from __future__ import annotations

import re
import unicodedata

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_NO_SUPERSCRIPTS = str.maketrans("", "", SUPERSCRIPTS)

# A numbered heading: "1 INTRODUCTION", "3.1 Do grande cronotopo", "2. Methods", "IV - RESULTADOS".
_NUMBERED = re.compile(
    r"(?P<label>\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}(?:\.|(?= +[-–—] )|(?= +[A-ZÀ-Þ]{2})))"
    r" +(?:[-–—] +)?(?P<title>[\"“«'‘A-ZÀ-Þ].*)"
)
# Reference-list headings in Portuguese, Spanish and English, optionally numbered or followed by a
# sub-heading ("REFERÊNCIAS - Livros:"). Matched on the case- and accent-folded line.
_REFERENCES = re.compile(
    r"(?:\d{1,2}\.? +|[ivxlc]{1,6}\.? +)?"
    r"(?P<name>referencias(?: bibliograficas)?|references|reference list|bibliografia|bibliography|"
    r"works cited|obras citadas|literatura citada|fontes e referencias|fuentes y referencias)"
    r"(?P<rest>(?: *[-–—:] *[^.]{0,40})?)"
)
_INTRO = re.compile(r"(?:\d{1,2}\.? +|[ivxlc]{1,6}\.? +)?(?:introducao|introduccion|introduction|apresentacao)\b")
# Front-matter labels as printed, with or without a colon: "ABSTRACT:", "Resumen Desde 2008...",
# "Palabras clave", "Key words", "**JEL:**", "Recebido em: 04/06/2017", "Received: 3 May 2020", or a dash:
# "ABSTRACT – (Chemical prospecting...", or alone on its line above the text it labels (``alone``), as a
# publisher's PDF sets "ABSTRACT" or "RESUMO" as a heading over its paragraph.
_LABEL = re.compile(
    r"(?:\*\*)?(?:(?P<label>abstract|resumo|resumen|keywords|key words|key-words|palavras-chave|"
    r"palavras chave|palabras clave|palabras-clave|jel(?: classification)?)"
    r"|(?P<date>recebido em|recebido|received on|received|recibido el|recibido|aprovado em|aprovado|"
    r"aceito em|aceito|accepted on|accepted|aceptado el|aceptado)(?= *(?::|\*\*:|\d)))"
    r"(?::\*\*|\*\*:|(?= *:))? *(?::(?P<colon_tail> *)|[–—-] +(?=\S)|(?= *\S)|(?P<alone>(?:\*\*)? *\Z))",
    re.IGNORECASE,
)
_LABEL_FIELDS = {
    "abstract": "abstract",
    "keywords": "keywords",
    "key words": "keywords",
    "key-words": "keywords",
    "resumo": "abstract_pt",
    "palavras-chave": "keywords_pt",
    "palavras chave": "keywords_pt",
    "resumen": "abstract_es",
    "palabras clave": "keywords_es",
    "palabras-clave": "keywords_es",
    "jel": "jel",
    "jel classification": "jel",
    "recebido em": "received",
    "recebido": "received",
    "received on": "received",
    "received": "received",
    "recibido el": "received",
    "recibido": "received",
    "aprovado em": "approved",
    "aprovado": "approved",
    "aceito em": "approved",
    "aceito": "approved",
    "accepted on": "approved",
    "accepted": "approved",
    "aceptado el": "approved",
    "aceptado": "approved",
}
_KEYWORD_LANG = {"keywords": "en", "keywords_pt": "pt", "keywords_es": "es"}
# Figure and table captions: "[Quadro 1 ...]", "Figura 2 Promoção ...", "Graph 1 GDP growth ...".
_CAPTION = re.compile(
    r"(?i:\[(?:fig|foto|photo|gr[aá]f|graph|chart|tab|quadro|cuadro|imag|mapa|map|box|ilustra|esquema)[^\]]*\])"
    r"|(?i:fig(?:ura|ure)?s?\.?|fotos?|photos?|gr[aá]ficos?|graphs?|charts?|tabelas?|tablas?|tables?|quadros?|"
    r"cuadros?|imagem|imagens|imagen|images?|mapas?|maps?|ilustra[cç][aã]o|esquemas?) +\d+"
    r"(?: +(?:e|y|and|&) +\d+)?\.?(?= *(?:[-–—:.] *)?(?:[^a-zß-ÿ\s]|$))"
)


def label_field(label: re.Match[str]) -> str:
    """The front-matter field a label names: ``"Palabras clave"`` -> ``"keywords_es"``."""
    return _LABEL_FIELDS[(label.group("label") or label.group("date")).casefold()]


_SENTENCE_GAP = re.compile(r"(?<=[.;]) +")


def fields_in(text: str, name: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """A field's span, or two when a keywords line runs on into another label after a full stop.

    A PDF's line "JEL: O53, O47, O49." set close under the keywords joins their paragraph ("... Mudança
    estrutural. JEL: O53, O47, O49."): the codes are no keyword.
    """
    if not name.startswith("keywords"):
        return [(name, start, end)]
    for gap in _SENTENCE_GAP.finditer(text, start, end):
        label = _LABEL.match(text, gap.end(), end)
        if label and label.group("colon_tail") is not None:
            return [(name, start, gap.start()), *fields_in(text, label_field(label), label.end(), end)]
    return [(name, start, end)]


def next_labels(raws: list[str]) -> list[str]:
    """For each block, the field of the next labelled block after it ("" where none follows), in one pass."""
    out = [""] * len(raws)
    for n in range(len(raws) - 2, -1, -1):
        found = _LABEL.match(raws[n + 1])
        out[n] = label_field(found) if found else out[n + 1]
    return out


def keyword_list(raw: str) -> bool:
    """Two to twelve short phrases (five words at most) separated by full stops or semicolons, on one line.

    Keywords printed without a label ("gentrification. tourism urbanization. tourism policies.", as a JATS
    ``<kwd-group>`` without a ``<title>`` comes out) read so; an address or a sentence does not.
    """
    text = raw.strip()
    if not text or len(text) > 400 or "\n" in text or "@" in text or ":" in text:
        return False
    items = [item.strip() for item in re.split(r"[.;](?:\s+|$)", text) if item.strip()]
    return 2 <= len(items) <= 12 and all(len(item.split()) <= 5 for item in items)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _plain(raw: str) -> str:
    """A block without markdown residue or footnote markers, for telling what it is."""
    return re.sub(r"\*+|\\(?=\$)", "", raw).translate(_NO_SUPERSCRIPTS).strip()


def heading_of(raw: str) -> tuple[str, str] | None:
    """Return ``(label, title)`` when a block reads as a section heading, else None.

    A heading is a short line (at most 18 words) that does not end like a sentence (".", ",",
    ";" or ":"; a question mark is allowed), starts with a capital or an opening quote, and holds
    no address or link. A numbered heading starts with an Arabic ("1", "3.1", "2.") or Roman
    ("IV.", "II - ") number; ``label`` is then that number without its period, else "".

    Parameters
    ----------
    raw : str
        One block of the verbatim text.

    """
    text = _plain(raw)
    if (
        not text
        or len(text) > 160
        or len(text.split()) > 18
        or text.endswith((".", ",", ";", ":"))
        or text.startswith((">", "[", "(", "-", "–", "•"))
        or re.search(r"@|https?:|www\.", text)
        or _CAPTION.match(text)
    ):
        return None
    if m := _NUMBERED.fullmatch(text):
        return m.group("label").rstrip("."), m.group("title")
    if text[0].isdigit() or len(text.split()) > 14 or re.search(r"[.!?] |\(.*\d{4}.*\)$", text):
        # An unnumbered heading holds no sentence break and does not end with a citation.
        return None
    if text[0] in "\"“«'‘" or text[0].isupper():
        return "", text
    return None


def is_references_heading(raw: str) -> bool:
    """Whether a block is the heading of the reference list (pt/es/en, any case, maybe numbered)."""
    text = _plain(raw)
    return len(text) <= 60 and _REFERENCES.fullmatch(_fold(text).strip()) is not None


def body_start(blocks: list[tuple[int, int, str]], stop: int) -> tuple[int, str] | None:
    """Index of the body's first block, and what was assumed to find it.

    The introduction's heading when there is one; else the first heading after the last
    front-matter label that a paragraph follows, or, when prose comes before that heading (an
    epigraph, a quotation, a long paragraph: an introduction without a heading), the start of that
    prose; else the first block after a gap of two blank lines past the title and author. None
    when nothing follows the front matter.

    Returns
    -------
    tuple of (int, str) or None
        The index and ``""`` (a heading opens the body), ``"untitled-opening"`` (prose before the
        first heading opens it) or ``"no-heading"`` (no heading at all).
    """
    front = max(2, stop * 2 // 5)
    labels = [i for i, (_, _, raw) in enumerate(blocks[:front]) if _LABEL.match(raw.strip())]
    after = labels[-1] + 1 if labels else 2
    for i in range(stop):
        head = heading_of(blocks[i][2])
        if head and _INTRO.match(_fold(_plain(blocks[i][2]))) and (not labels or i > labels[-1]):
            return _opening(blocks, after, i)
    for i in range(after, stop):
        raw = blocks[i][2]
        if heading_of(raw) and not _LABEL.match(raw.strip()):
            following = blocks[i + 1][2] if i + 1 < stop else ""
            if following and heading_of(following) is None and not _LABEL.match(following.strip()):
                return _opening(blocks, after, i)
    # No heading: the body starts after the first gap of two blank lines past the title and author.
    gaps = [j for j in range(after, stop) if _gap_before(blocks, j)]
    if gaps:
        return gaps[0], "no-heading"
    return (after, "no-heading") if after < stop else None


# An affiliation or author note is short; an introduction's paragraph is not.
PROSE_WORDS = 80


def _gap_before(blocks: list[tuple[int, int, str]], j: int) -> bool:
    """Whether two blank lines or more come before block ``j``."""
    return blocks[j][0] - blocks[j - 1][1] >= 3


def _opening(blocks: list[tuple[int, int, str]], after: int, heading: int) -> tuple[int, str]:
    """The first heading, or the prose before it that opens the body without a heading.

    Between the front matter and the first heading only short lines belong to the front matter
    (affiliations, author notes); a quotation (an epigraph) or a paragraph of ``PROSE_WORDS`` words
    or more is the body's opening. It starts at the last blank-line gap before that prose, if any.
    """
    prose = next(
        (j for j in range(after, heading)
         if blocks[j][2].startswith(">") or len(blocks[j][2].split()) >= PROSE_WORDS),
        None,
    )
    if prose is None:
        return heading, ""
    gaps = [j for j in range(after, prose + 1) if _gap_before(blocks, j)]
    return (gaps[-1] if gaps else prose), "untitled-opening"
