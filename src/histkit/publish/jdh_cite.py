"""Citations in the JDH copy's prose, as cite2c citations from the run's reconciled bibliography.

The JDH reads cite2c's form (its frontend and its preflight): the notebook's ``metadata.cite2c.citations`` maps an
id to a CSL-JSON item, and the prose cites it as ``<cite data-cite="ID"></cite>`` (an empty element; the id made
of capitals, digits and ``/``, as Zotero's are). Its bibliography is built from those items, and each citation is
labelled with the item's ``author[].family`` and ``issued.year`` (see :func:`for_jdh`).

The items are the run's own: ``references.json`` (the reference list as CSL-JSON, reconciled with the citations by
the citation audit) and ``citations.csv`` (each in-text citation as the article prints it, with the reference it
was matched to). A citation printed in a markdown cell exactly as the article prints it ("BARTRA, 1986, p. 320")
becomes a cite2c citation of that reference, its pages kept after it. The article itself is an item too, built from
``seed.toml``: the notebooks cite it where they say what they compute from.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from histkit.text.seed import Seed

#: The cite2c id of the article the notebooks compute from.
ARTICLE_ID = "HISTKIT/ARTICLE"
BIBLIOGRAPHY = '<div class="cite2c-biblio"></div>'


def cite(item_id: str) -> str:
    """The cite2c citation of one item, as the JDH reads it."""
    return f'<cite data-cite="{item_id}"></cite>'


def _person(name: str) -> dict[str, str]:
    # "Francisco J. Cantamutto": the family name is the last word, as seed.toml prints names given name first.
    given, _, family = name.strip().rpartition(" ")
    return {"family": family, "given": given}


def for_jdh(item: dict[str, Any]) -> dict[str, Any]:
    """A CSL-JSON item as the JDH reads cite2c's: names with ``family`` and ``given``, ``issued`` with ``year``.

    The JDH's frontend labels a citation with ``author[].family`` (or ``editor[].family``) and ``issued.year``,
    and its preflight reads ``given`` and ``family``; a name held whole (``literal``: an archive, an institution)
    goes as its family name, and the year is added beside CSL's ``date-parts``, which citation-js reads.
    """
    out = dict(item)
    for role in ("author", "editor"):
        if isinstance(out.get(role), list):
            out[role] = [{"family": n["literal"], "given": ""} if "literal" in n else {"given": "", **n}
                         for n in out[role]]
    parts = (out.get("issued") or {}).get("date-parts") or [[]]
    if parts[0] and isinstance(parts[0][0], int):
        out["issued"] = {**out["issued"], "year": parts[0][0]}
    return out


def article_item(seed: Seed, authors: tuple[str, ...], title: str) -> dict[str, Any]:
    """The article as a CSL-JSON item, from ``seed.toml`` (only what it records)."""
    meta = seed.bibliographic
    item: dict[str, Any] = {"id": ARTICLE_ID, "type": "article-journal", "title": title or seed.seed_id}
    if authors:
        item["author"] = [_person(a) for a in authors]
    for key, csl in (("journal", "container-title"), ("doi", "DOI"), ("url", "URL"), ("language", "language")):
        if meta.get(key):
            item[csl] = str(meta[key])
    year = str(meta.get("published") or meta.get("approved") or meta.get("received") or "")[:4]
    if year.isdigit():
        item["issued"] = {"date-parts": [[int(year)]]}
    return item


@dataclass
class Bibliography:
    """The run's reconciled bibliography, ready to cite in prose."""

    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: (the citation as printed, the cite2c id, the part printed after the year: pages)
    forms: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _pattern: re.Pattern[str] | None = None

    def cite_in(self, source: str) -> tuple[str, set[str]]:
        """``source`` with every citation printed as the article prints it turned into a cite2c citation."""
        if not self.forms:
            return source, set()
        if self._pattern is None:
            ordered = sorted({f[0] for f in self.forms}, key=lambda f: (-len(f), f))
            # literal alternatives, longest first, a space matching any run of white space (prose wraps its
            # lines): each \s+ stands between two literal characters, so nothing backtracks past one form
            self._pattern = re.compile("|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in ordered))
        by_form = {" ".join(form.split()): (item_id, tail) for form, item_id, tail in self.forms}
        used: set[str] = set()

        def replace(match: re.Match[str]) -> str:
            item_id, tail = by_form[" ".join(match.group(0).split())]
            used.add(item_id)
            return cite(item_id) + tail

        return self._pattern.sub(replace, source), used


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cite_id(key: str, taken: set[str]) -> str:
    base = "HISTKIT/" + (re.sub(r"[^A-Z0-9]", "", key.upper()) or "REF")
    found, n = base, 1
    while found in taken:
        n += 1
        found = f"{base}{n}"
    taken.add(found)
    return found


def _tail(quote: str, year: str) -> str:
    """What a printed citation gives after its year (its pages: ", p. 320"), kept beside the cite2c citation."""
    at = quote.find(year) if year else -1
    # past the year's second half or letter ("1994/95", "2014a"), to its pages
    tail = re.sub(r"^(?:[/–-]\d{1,4}|[a-z])", "", quote[at + len(year):]) if at >= 0 else ""
    return tail if tail.startswith((",", ":")) else ""


def load_bibliography(exports: Path, tables: Path) -> Bibliography:
    """Read the run's ``references.json``, ``references.csv`` and ``citations.csv`` (what is missing is noted)."""
    bib = Bibliography()
    csl, refs, cites = exports / "references.json", tables / "references.csv", tables / "citations.csv"
    absent = [p.name for p in (csl, refs, cites) if not p.is_file()]
    if absent:
        bib.notes.append(f"citations: the run wrote no {', '.join(absent)}; the prose cites only the article")
        return bib
    items = json.loads(csl.read_text(encoding="utf-8"))
    rows = _rows(refs)
    if len(items) != len(rows):
        bib.notes.append(f"citations: references.json holds {len(items)} items but references.csv {len(rows)} rows; "
                         "the prose cites only the article (run `histkit build` again)")
        return bib
    taken: set[str] = {ARTICLE_ID}
    by_ref: dict[str, str] = {}
    # references.json lists the reference list in its order, as references.csv does: the same works, row by row
    for row, item in zip(rows, items, strict=True):
        item_id = _cite_id(str(item.get("id", row["ref_id"])), taken)
        bib.items[item_id] = for_jdh({**item, "id": item_id})
        by_ref[row["ref_id"]] = item_id
    for row in _rows(cites):
        item_id = by_ref.get(row.get("ref_id", ""))
        quote = row.get("quote", "")
        if item_id and quote:
            bib.forms.append((quote, item_id, _tail(quote, row.get("year", ""))))
    return bib
