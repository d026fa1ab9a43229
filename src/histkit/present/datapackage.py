"""The exported tables described as a Frictionless data package (``datapackage.json`` beside the CSVs).

Other tools (Frictionless, Open Data Editor, R's ``frictionless``, pandas via ``frictionless``) then
read the CSV files without guessing: each field has its type (``integer``, ``number``, ``boolean``,
``date``, ``string``, or ``list`` with the separator a ``;``-joined column uses), each table its
primary key and its foreign keys (``citations.ref_id`` → ``references.ref_id``, ...), and every
table and the common fields a description.

A field's type is read from the DataFrame being exported (a float column that holds only whole
numbers and some blanks is pandas' form of an integer column with missing values); what the data
cannot say (keys, list separators, descriptions) is declared in :data:`TABLES`.

Each notebook exports some of the tables, and notebooks run in parallel: :func:`update_package`
merges the tables just written into the descriptor under a file lock, keeps the others whose CSV is
still there, and writes it atomically, with sorted keys and no date, so the same tables always give
the same bytes.

To describe a new table: add a :class:`TableInfo` to :data:`TABLES` (its description, primary key,
foreign keys and list columns); ``tests/present/test_datapackage.py`` checks that every exported
table has one.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from filelock import FileLock

from histkit.core.files import atomic_write, current, lock_file

PACKAGE = "datapackage.json"
# One separator for every list in every CSV, with no space around it, so a tool splits each list
# the same way and gets its items exact ("KHEIFETS; KHEIFETS" in a table is "KHEIFETS;KHEIFETS").
LIST_SEPARATOR = ";"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
UNDESCRIBED = "No description yet: add a TableInfo for this table to TABLES in src/histkit/present/datapackage.py."


@dataclass(frozen=True)
class TableInfo:
    """What a table's data cannot say about itself.

    Attributes
    ----------
    description : str
        One row per what, and where it comes from.
    primary_key : tuple of str
        The columns that identify a row.
    foreign_keys : mapping
        Column -> ``"table.column"`` it refers to.
    lists : tuple of str
        The columns that hold lists: written with :data:`LIST_SEPARATOR` between the items.
    fields : mapping
        Column -> description (the common columns are described in :data:`COMMON_FIELDS`).
    """

    description: str
    primary_key: tuple[str, ...] = ()
    foreign_keys: Mapping[str, str] = field(default_factory=dict)
    lists: tuple[str, ...] = ()
    fields: Mapping[str, str] = field(default_factory=dict)


COMMON_FIELDS = {
    "seed": "The seed folder (article) the row comes from.",
    "start": "Offset of the quoted span in the verbatim article.txt, in Unicode code points (0-based).",
    "end": "End offset (exclusive) of the quoted span: article_text[start:end] == quote.",
    "quote": "The verbatim text of the span the row is read from.",
    "line": "Line of article.txt (1-based) where the span starts.",
    "section": "Section of the article (0 is the front matter).",
    "edtf": "The date in the Library of Congress Extended Date/Time Format (EDTF).",
    "earliest": "The first day the date can mean (ISO 8601).",
    "latest": "The last day the date can mean (ISO 8601).",
    "stage": "The article's stage (1 Borodin, 2 Pestkovsky, 3 Kollontai); blank for context.",
    "status": "Verdict of the check: consistent, inconsistent or unverifiable.",
    "note": "The workbook's note on how the row was read (not the author's words).",
    "element_id": "The repaired element (see paragraphs) the span lies in.",
    "ref_id": "Entry of the reference list (see references).",
    "citation_id": "Cited work inside an in-text citation (see citations).",
    "claim_id": "The checked statement.",
    "event_id": "The curated event (annotations.yaml).",
    "person_id": "The curated person (annotations.yaml).",
    "kind": "What sort of row this is.",
    "year": "The year the row refers to.",
    "year_first": "First year of a year or range ('1994/95' gives 1994).",
    "year_original": "The original's year a citation prints in brackets ('2011 [1979]' gives 1979).",
    "year_last": "Last year of a year or range ('1994/95' gives 1995).",
    "label": "A short name given by the workbook.",
    "name": "The person's name in its usual form.",
    "words": "Number of words.",
}
_CLAIMS = TableInfo(
    "",
    primary_key=("claim_id",),
    lists={"inputs": ";"},
    fields={
        "kind": "What is checked (chronology, arithmetic, share, sum, percent_change, duration, age, order, ...).",
        "stated": "What the article states.",
        "computed": "What the workbook computes from the article's own figures or dates.",
        "explanation": "How the verdict was reached, in words.",
        "inputs": "The spans (start-end) of the figures or dates the check recomputes from.",
        "input_quotes": "The quotes of those inputs, in the same order, separated by ' | '.",
        "formula": "The computation, in words.",
        "reason": "Why the verdict is what it is (tolerance, truncation, pairing).",
        "checker": "'curated' (annotations.yaml, quantities.yaml) or 'automatic' (read from the prose).",
    },
)
TABLES: dict[str, TableInfo] = {
    "paragraphs": TableInfo(
        "One row per repaired paragraph, block quote, footnote, front-matter field and reference entry.",
        primary_key=("element_id",),
        lists=("pieces",),
        fields={
            "pieces": "The verbatim spans (start-end) it was joined from (several where a page break split it).",
            "text": "The repaired text.",
            "field": "For front matter: which field (abstract, keywords, author, ...).",
            "notes": "Footnote numbers called from the element.",
            "called_from": "For a footnote: the element that calls it.",
        },
    ),
    "repairs": TableInfo(
        "One row per repair of the PDF-to-text conversion, with its reason; article.txt itself is never edited.",
        primary_key=("repair_id",),
        foreign_keys={"element_id": "paragraphs.element_id"},
        fields={"replacement": "What the repaired text has instead of the quote.", "reason": "Why, in words."},
    ),
    "sections": TableInfo(
        "One row per section of the article, with its counts of paragraphs, block quotes, notes and words.",
        primary_key=("start",),  # the reference list has no section number
    ),
    "claims": TableInfo(
        "One row per checkable statement of the article (chronology and arithmetic) and its verdict.",
        _CLAIMS.primary_key,
        fields=_CLAIMS.fields,
    ),
    "claims-chronology": TableInfo(
        "One row per relative statement of the chronology ('five months after his arrival') and its verdict.",
        _CLAIMS.primary_key,
        fields=_CLAIMS.fields,
    ),
    "claims-economics": TableInfo(
        "One row per arithmetic statement of the railway section ('an increase of 225%') and its verdict.",
        _CLAIMS.primary_key,
        fields=_CLAIMS.fields,
    ),
    "dates": TableInfo(
        "One row per date expression in the text, normalised to EDTF (relative phrases resolved).",
        primary_key=("date_id",),
        foreign_keys={"element_id": "paragraphs.element_id"},
        fields={
            "refers_to": "For a relative phrase, the date it counts from (EDTF).",
            "precision": "day, month, season, year, decade, interval or open.",
            "form": "How the text writes it (full-date, month, season, range, relative, ...).",
            "qualifier": "'by' (no later than) or 'since' (from then on), when the text says so.",
            "in_citation": "The date is a year inside an in-text citation.",
        },
    ),
    "events": TableInfo(
        "One row per dated event, curated in annotations.yaml and anchored by a quote.",
        primary_key=("event_id",),
        lists=("actors",),
        fields={
            "actors": "person_id of each actor (see people).",
            "key": "Shown on the timeline.",
            "place": "Where it happened, as the workbook reads the text.",
        },
    ),
    "people": TableInfo(
        "One row per person, with the aliases the article uses and the years of birth and death.",
        primary_key=("person_id",),
        lists=("aliases",),
        fields={
            "aliases": "Other names and spellings the text uses.",
            "born": "Year of birth.",
            "died": "Year of death.",
            "born_quote": "The words the year of birth is read from.",
            "died_quote": "The words the year of death is read from.",
            "envoy": "One of the envoys the article follows.",
        },
    ),
    "stays": TableInfo(
        "One row per envoy's stay in Mexico, from an arrival event to a departure event.",
        primary_key=("stay_id",),
        foreign_keys={"person_id": "people.person_id", "arrival": "events.event_id", "departure": "events.event_id"},
        lists=("members",),
        fields={
            "members": "person_id of each member of the mission.",
            "arrival": "The event of the arrival.",
            "departure": "The event of the departure.",
            "months_min": "Shortest length of the stay the dates allow, in whole months.",
            "months_max": "Longest length of the stay the dates allow, in whole months.",
            "age_at_arrival_min": "Youngest age at arrival the dates allow, in completed years.",
            "age_at_arrival_max": "Oldest age at arrival the dates allow, in completed years.",
        },
    ),
    "quantities": TableInfo(
        "One row per number with a unit in the text (money, percent, age, duration, count).",
        primary_key=("quantity_id",),
        foreign_keys={"element_id": "paragraphs.element_id"},
        fields={
            "value": "The number as a number (words such as 'three' read as 3).",
            "unit": "Its unit (MXN, USD, RUB, percent, years, ...; 'peso' when the text does not say whose).",
            "number_text": "The number as the text writes it.",
            "measures": "What the figure measures (curated in quantities.yaml).",
            "key": "The role an analysis gives the figure (quantities.yaml).",
            "year_source": "Where the year comes from: the sentence, or curated.",
        },
    ),
    "wages": TableInfo(
        "One row per measure of the railway wage change 1910-1927, stated or recomputed.",
        primary_key=("measure",),
        fields={
            "measure": "What is measured.",
            "value": "The measure's value, in unit, at full precision.",
            "unit": "MXN a month, times, percent or percent a year.",
            "formula": "How it is computed ('article' if stated).",
        },
    ),
    "citations": TableInfo(
        "One row per cited work inside an in-text (ABNT author-date) citation, matched to the reference list.",
        primary_key=("citation_id",),
        foreign_keys={"ref_id": "references.ref_id", "element_id": "paragraphs.element_id"},
        lists=("authors",),
        fields={
            "group": "The in-text citation (parentheses) the work is cited in.",
            "position": "Place of the work in its group (1-based).",
            "authors": "The names as cited.",
            "pages": "The pages as cited.",
            "case": "How the names are written: upper (ABNT) or mixed.",
            "group_quote": "The whole citation group, verbatim (group_start, group_end in article.txt).",
            "match": "How the citation was matched: exact, folded, fuzzy or none.",
            "score": "Similarity of the cited name to the listed one, 0-100.",
        },
    ),
    "references": TableInfo(
        "One row per entry of the reference list, parsed into its parts (see also references.json and .bib).",
        primary_key=("ref_id",),
        lists=("key", "authors", "editors", "container_editors", "container_authors", "citing_groups"),
        fields={
            "number": "Place in the reference list (1-based).",
            "key": "The name a citation uses: family names, or the archive's acronym.",
            "repeated": "Written '_____.' in the list: the same authors as the entry before.",
            "date": "The full date of a dated document (ISO 8601).",
            "genre": "A thesis's type of work and degree as printed (Tese (Doutorado em Educação)).",
            "edition": "The edition's number the entry prints after the title (2 for '2. ed.').",
            "responsibility": "Translators and organisers printed after the title, as printed.",
            "section": "A newspaper's section printed after the issue's date (Política, Economia y política).",
            "archive_acronym": "The acronym the article cites an archive by (AHSRE, GAA, RGASPI).",
            "acronym": "The acronym a corporate author's entry prints and a citation may use (SNBP, NBS).",
            "language": "Language of the title, from py3langid (ISO 639-1; 'und' when undetermined or unsure).",
            "original_year": "The original's year when the entry cites a later edition or a translation.",
            "url": "The entry's link, the first that is not a DOI's, as printed (a break after its scheme joined).",
            "doi": "The entry's DOI as a bare name (10.1590/...), from a doi.org link, a 'DOI:' label or a bare name.",
            "accessed": "The date the entry says its link was opened, as printed (09 jan. 2023, Jan. 14, 2024).",
            "accessed_date": "That date in ISO 8601 where it can be read (2023-01-09, 2022-07); blank otherwise.",
            "cited": "How many in-text citations cite it.",
            "citing_groups": "The citation groups that cite it.",
        },
    ),
    "citation_findings": TableInfo(
        "One row per finding of the citation audit (uncited references, unmatched citations, ...).",
        primary_key=("finding_id",),
        lists=("ref_id", "citation_ids"),
        fields={
            "subject": "What the finding is about.",
            "detail": "The finding in words.",
            "citation_ids": "The in-text citations the finding is about (citations.citation_id); blank for others.",
            "footnote": "For a source named in a footnote: the footnote's number (see footnote_sources).",
            "item": "For a source named in a footnote: its place in the footnote (footnote_sources.item).",
        },
    ),
    "footnote_sources": TableInfo(
        "One row per source named in a footnote, matched to the reference list where it is listed.",
        primary_key=("footnote", "item"),
        foreign_keys={"ref_id": "references.ref_id"},
        lists=("pieces",),
        fields={
            "footnote": "The footnote's number.",
            "item": "Place of the source in its footnote (1-based).",
            "archive_cited": "The archive's acronym as the footnote gives it.",
            "call_number": "The call number as the footnote gives it.",
            "document_listed": "The document itself is in the reference list.",
        },
    ),
    "source_ages": TableInfo(
        "One row per citation: the years between the events it supports and the source's publication.",
        primary_key=("citation_id",),
        foreign_keys={"citation_id": "citations.citation_id", "ref_id": "references.ref_id"},
        lists=("key", "event_years"),
        fields={
            "published": "Year the source was published or written.",
            "event_years": "The years the citing passage names.",
            "gap": "Years from the last event named to the source's year.",
            "years_from": "The element whose years are counted.",
            "source_class": "archival or published.",
            "person": "Whether the entry's first author is a person (given names or initials printed), not a body.",
        },
    ),
}


def list_columns(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The table as its CSV holds it: each list column's items joined by :data:`LIST_SEPARATOR`.

    Tables join names with "; " for readers; the file has one separator for every list.
    """
    info = TABLES.get(name) or TableInfo(UNDESCRIBED)
    out = frame.copy()
    for column in (c for c in info.lists if c in frame.columns):
        out[column] = frame[column].map(
            lambda v: LIST_SEPARATOR.join(p.strip() for p in v.split(LIST_SEPARATOR)) if isinstance(v, str) else v
        )
    return out


def _is_whole(values: pd.Series) -> bool:
    return bool(values.map(lambda v: isinstance(v, int | float) and math.isfinite(v) and float(v).is_integer()).all())


def field_type(column: pd.Series) -> str:
    """The Table Schema type of a column, from its values.

    ``integer`` for integers (also a float column of whole numbers with blanks, pandas' form of
    integers with missing values), ``number``, ``boolean``, ``date`` for ISO dates, else ``string``.
    """
    values = column.dropna()
    values = values[values.map(lambda v: v != "")]  # written as blanks, like NaN: missing values
    kind = pd.api.types.infer_dtype(values, skipna=True)
    if kind == "boolean":
        return "boolean"
    if kind == "integer":
        return "integer"
    if kind in ("floating", "mixed-integer-float", "decimal"):
        return "integer" if column.isna().any() and len(values) and _is_whole(values) else "number"
    if kind == "string" and len(values) and values.str.fullmatch(r"\d{4}-\d\d-\d\d").all():
        return "date"
    return "string"


def resource(name: str, frame: pd.DataFrame) -> dict[str, Any]:
    """The data-package resource of one exported table (``<name>.csv``).

    A table :data:`TABLES` does not know gets the types its values show and a description saying
    so (the test suite asks for a real one).

    What :data:`TABLES` declares for a column the table does not have is left out.
    """
    info = TABLES.get(name) or TableInfo(UNDESCRIBED)
    # What TABLES declares for a column the table lacks (a table exported before the audit added
    # its match columns, say) is left out: the descriptor only ever describes the file beside it.
    columns = set(frame.columns)
    lists = [c for c in info.lists if c in columns]
    fields = []
    for column in frame.columns:
        spec: dict[str, Any] = {"name": str(column)}
        if column in lists:
            spec |= {"type": "list", "delimiter": LIST_SEPARATOR, "itemType": "string"}
        else:
            spec["type"] = field_type(frame[column])
        if spec["type"] == "boolean":
            spec |= {"trueValues": ["True"], "falseValues": ["False"]}
        description = info.fields.get(column) or COMMON_FIELDS.get(column)
        if description:
            spec["description"] = description
        fields.append(spec)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if info.primary_key and set(info.primary_key) <= columns:
        schema["primaryKey"] = list(info.primary_key)
    return {
        "name": name,
        "type": "table",
        "path": f"{name}.csv",
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": info.description,
        "schema": schema,
    }


def _foreign_keys(name: str, present: set[str], columns: set[str]) -> list[dict[str, Any]]:
    """Foreign keys of a table whose target table is in the package (else the package would not validate)."""
    keys = []
    info = TABLES.get(name) or TableInfo(UNDESCRIBED)
    for column, target in sorted(info.foreign_keys.items()):
        table, target_column = target.split(".", 1)
        if table in present and column in columns:
            keys.append({"fields": [column], "reference": {"resource": table, "fields": [target_column]}})
    return keys


def package(resources: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """The data-package descriptor holding ``resources`` (by name), in name order, with their foreign keys."""
    present = set(resources)
    out = []
    for name in sorted(resources):
        res = json.loads(json.dumps(resources[name]))  # a copy: foreign keys depend on the others
        res["schema"].pop("foreignKeys", None)
        columns = {f["name"] for f in res["schema"]["fields"]}
        if keys := _foreign_keys(name, present, columns):
            res["schema"]["foreignKeys"] = keys
        out.append(res)
    return {
        "$schema": PROFILE,
        "name": "histkit-tables",
        "title": "Tables of the histkit workbook",
        "description": (
            "Tables computed from one article by the histkit workbook. Every row taken from the text "
            "carries seed, start, end and quote, with article_text[start:end] == quote; dates are EDTF "
            "with their earliest and latest day."
        ),
        "resources": out,
    }


def update_package(folder: Path, tables: Mapping[str, pd.DataFrame]) -> Path:
    """Merge ``tables`` (just exported as CSV in ``folder``) into ``folder/datapackage.json``.

    Resources of other tables are kept while their CSV file is there. Parallel notebooks take turns
    (a lock file beside it); the file is replaced atomically.
    """
    new = {name: resource(name, frame) for name, frame in tables.items()}
    target = folder / PACKAGE
    # During a build the other notebooks' tables are staged, not yet in place: read what this run sees.
    with FileLock(str(lock_file(folder, PACKAGE))):
        old: dict[str, dict[str, Any]] = {}
        if current(target).is_file():
            try:
                old = {r["name"]: r for r in json.loads(current(target).read_text(encoding="utf-8"))["resources"]}
            except (ValueError, KeyError, TypeError):
                old = {}  # a damaged descriptor is rebuilt from what is exported now
        kept = {n: r for n, r in old.items() if n not in new and current(folder / r.get("path", "")).is_file()}
        text = json.dumps(package(kept | new), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        return atomic_write(target, text)

