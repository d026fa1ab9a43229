"""The online part of a reference entry (its link, DOI and access date) in the exports' own fields.

CSL-JSON (which Zotero imports): ``URL`` as the list prints it, ``DOI`` as its bare name ("10.1590/..."), and
``accessed`` as ``date-parts`` where the printed date could be read ("09 jan. 2023" -> ``[[2023, 1, 9]]``,
"July 2022" -> ``[[2022, 7]]``), else left out: a date CSL processors cannot read would print as nothing or as
the raw text in a style's words. biblatex (read by biber): ``url``, ``doi`` and ``urldate`` (ISO 8601), the
verbatim fields its data model gives them. A space a link is printed with (".../c 693839.htm") is written
``%20`` in ``url``, as a link's space is, because the LaTeX ``url`` package drops spaces from what it prints;
the characters that would end a BibTeX value (braces, backslash) are percent-encoded the same way.

:mod:`histkit.present.bibliography` adds these to each item and entry; the values come from
:mod:`histkit.extract.reference_online`.
"""

from __future__ import annotations

from histkit.extract.references import Reference

_URL_ESCAPES = str.maketrans({" ": "%20", "{": "%7B", "}": "%7D", "\\": "%5C"})


def csl_online(r: Reference) -> dict[str, object]:
    """The CSL-JSON variables of the entry's online part: ``URL``, ``DOI``, ``accessed`` (only those it has)."""
    item: dict[str, object] = {k: v for k, v in (("URL", r.url), ("DOI", r.doi)) if v}
    if r.accessed_date:
        item["accessed"] = {"date-parts": [[int(p) for p in r.accessed_date.split("-")]]}
    return item


def biblatex_online(r: Reference) -> dict[str, str]:
    """The biblatex fields of the entry's online part: ``url``, ``doi``, ``urldate`` (empty where it has none)."""
    return {"url": r.url.translate(_URL_ESCAPES), "doi": r.doi.translate(_URL_ESCAPES), "urldate": r.accessed_date}
