"""The reference list exported for Zotero (CSL-JSON) and LaTeX (BibTeX) users.

CSL-JSON follows the Citation Style Language data schema (``tests/data/csl-data.json`` checks
it): archival entries keep their archive in CSL's own ``archive`` and ``archive_location``
fields, and the place a document was written in ``publisher-place`` (Zotero's "place"); a
document with no personal author is entered under its archive, given as an institutional
(``literal``) author, as the ABNT list does. An edited book has its editors as ``editor`` only.
BibTeX uses the standard entry types, with the archive in ``note``.
:func:`render_bibliography` formats the CSL-JSON with citeproc-py and a style it ships, to show
the data are usable by a CSL processor.

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
from histkit.extract.references import Name, Reference

CSL_TYPES = {
    "book": "book",
    "memoir": "book",
    "chapter": "chapter",
    "article": "article-journal",
    "archival document": "document",
    "manuscript": "manuscript",
}
BIBTEX_TYPES = {
    "book": "book",
    "memoir": "book",
    "chapter": "incollection",
    "article": "article",
    "archival document": "misc",
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


def _csl_names(names: Sequence[Name]) -> list[dict[str, str]]:
    return [{"family": display_family(n.family), "given": n.given} for n in names]


def _date_parts(r: Reference) -> dict[str, list[list[int]]]:
    if r.date:
        return {"date-parts": [[int(p) for p in r.date.split("-")]]}
    if r.year_first is None:
        return {}
    parts = [[r.year_first]]
    if r.year_last and r.year_last != r.year_first:
        parts.append([r.year_last])
    return {"date-parts": parts}


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
        if r.authors:
            item["author"] = _csl_names(r.authors)
        elif not r.editors and (r.archive or r.archive_acronym):
            # An archival document with no personal author is entered under its archive, as the
            # ABNT list does ("AHSRE - Acervo Histórico ..."); as an institutional (literal) author,
            # so a style does not put the title in the author's place and print it twice.
            item["author"] = [{"literal": r.archive or r.archive_acronym}]
        if r.editors:
            item["editor"] = _csl_names(r.editors)
        if r.container_editors:
            item["editor"] = _csl_names(r.container_editors)
        if r.kind == "memoir":
            item["genre"] = "memoir"
        fields = {
            "title": r.title,
            "container-title": r.container,
            "volume": r.volume,
            "issue": r.issue,
            "page": r.pages,
            "publisher": r.publisher,
            # For an archival document the place is where it was written (as Zotero's "place"),
            # not where the archive is, so it is never CSL's "archive-place".
            "publisher-place": r.place,
            "archive": r.archive,
            "archive_location": r.archive_location,
            "language": r.language if r.language != "und" else "",
        }
        item.update({k: v for k, v in fields.items() if v})
        if issued := _date_parts(r):
            item["issued"] = issued
        items.append(item)
    return items


def csl_json(refs: Sequence[Reference]) -> str:
    """Return the CSL-JSON text (UTF-8, sorted keys, two-space indent, final newline)."""
    return json.dumps(to_csl(refs), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _bib_names(names: Sequence[Name]) -> str:
    return " and ".join(
        f"{display_family(n.family)}, {n.given}" if n.given else display_family(n.family) for n in names
    )


def to_bibtex_entries(refs: Sequence[Reference]) -> list[dict[str, str]]:
    """Return one dict per entry: ``ENTRYTYPE``, ``ID`` and the BibTeX fields, all strings."""
    keys = citation_keys(refs)
    entries = []
    for r in refs:
        note = ", ".join(p for p in (r.archive, r.archive_location, r.place if r.archive else "") if p)
        if r.date and not r.publisher:
            note = ", ".join(p for p in (note, r.date) if p)
        fields = {
            "author": _bib_names(r.authors),
            "editor": _bib_names(r.editors or r.container_editors),
            "title": r.title,
            "booktitle": r.container if r.kind == "chapter" else "",
            "journal": r.container if r.kind == "article" else "",
            "volume": r.volume,
            "number": r.issue,
            "pages": r.pages.replace("-", "--"),
            "publisher": r.publisher,
            "address": r.place if r.publisher else "",
            "year": r.year,
            "note": note,
            "language": r.language if r.language != "und" else "",
        }
        entry = {"ENTRYTYPE": BIBTEX_TYPES[r.kind], "ID": keys[r.ref_id]}
        entry.update({k: v for k, v in fields.items() if v})
        entries.append(entry)
    return entries


def bibtex(refs: Sequence[Reference]) -> str:
    """Return the BibTeX text of the references, in list order, one field a line."""
    chunks = []
    for entry in to_bibtex_entries(refs):
        lines = [f"@{entry['ENTRYTYPE']}{{{entry['ID']},"]
        fields = [(k, v) for k, v in entry.items() if k not in ("ENTRYTYPE", "ID")]
        for k, v in fields:
            # Braces delimit values; a stray brace in a title would break the entry.
            value = v.replace("{", "(").replace("}", ")")
            lines.append(f"  {k} = {{{value}}},")
        lines.append("}")
        chunks.append("\n".join(lines))
    return "\n\n".join(chunks) + "\n"


def render_bibliography(refs: Sequence[Reference], style: str = "harvard-cite-them-right") -> list[str]:
    """Format the CSL-JSON with citeproc-py and a style it ships; one plain-text line per entry.

    Parameters
    ----------
    refs : sequence of Reference
        The parsed reference list.
    style : str
        A style bundled with citeproc-py (no network is used).

    Returns
    -------
    list of str
        The formatted entries, in the style's order.

    Notes
    -----
    citeproc-py 0.11 does not suppress a name used in place of a missing author, so the Harvard
    style prints an edited book's editor twice ("Bartra, A. (ed.) (1986) ... Edited by A.
    Bartra."). The CSL-JSON itself is right (editors only as ``editor``): the CSL specification
    says a substituted variable is suppressed in the rest of the entry, so a processor that
    follows it prints the editor once.

    """
    import warnings

    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = to_csl(refs)
    with warnings.catch_warnings():
        # citeproc-py warns about CSL fields it does not know (e.g. "citation-key"); they are valid CSL.
        warnings.simplefilter("ignore")
        source = CiteProcJSON(items)
        bib_style = CitationStylesStyle(style, validate=False)
        bibliography = CitationStylesBibliography(bib_style, source, formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(str(item["id"]))]))
        return [str(entry) for entry in bibliography.bibliography()]


def write_exports(refs: Sequence[Reference], folder: str | Path) -> WrittenFiles:
    """Write ``references.bib`` (BibTeX) and ``references.json`` (CSL-JSON) atomically.

    A relative ``folder`` is taken from the project root. In a notebook the result shows the file
    names (not the full paths, so the output does not depend on where the project lives).
    """
    target = from_root(folder)
    bib = atomic_write(target / "references.bib", bibtex(refs))
    return WrittenFiles([bib, atomic_write(target / "references.json", csl_json(refs))])
