"""What a reader calls a section: the number its heading prints, else its title, else its place in the order.

An article that numbers its headings ("1 ADD: ...", "3.1 Do grande cronotopo ...") is read by those numbers,
not by the sections' positions: its fifth section is "3.1", and its unnumbered headings ("Introdução",
"Considerações finais") go by their titles. An article that numbers none goes by each section's place in
the order of the text. The CSV files keep the position (``section``), an id; only what a reader sees changes.
"""

from __future__ import annotations

import pandas as pd

from histkit.text.ingest import Article, Section

FRONT_MATTER = "front matter"
NOWHERE = "notes or lists"


def numbers_headings(article: Article) -> bool:
    """Whether the article prints a number on any of its headings."""
    return any(s.label for s in article.sections if s.number is not None)


def _title(section: Section) -> str:
    return section.title.strip() or "(no heading)"


def section_name(section: Section, numbered: bool) -> str:
    """A section as a table names it: ``"3.1"``, ``"Introdução"`` (unnumbered in a numbered article) or ``"5"``."""
    if section.label:
        return section.label
    return _title(section) if numbered else str(section.number)


def section_number(section: Section, numbered: bool) -> str:
    """The number a heading prints ("" for an unnumbered one), or the section's place where none is numbered."""
    return section.label if numbered else str(section.number)


def heading_label(section: Section, numbered: bool, size: int = 44) -> str:
    """A section as a figure names it: its heading as printed, or its place and title; cut to ``size``."""
    text = (f"{section.label} {_title(section)}" if section.label else _title(section)) if numbered else (
        f"{section.number} {_title(section)}")
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _body(article: Article) -> list[Section]:
    return [s for s in article.sections if s.number is not None]


def section_names(article: Article) -> dict[int, str]:
    """Each body section's position -> its name (:func:`section_name`)."""
    numbered = numbers_headings(article)
    return {s.number: section_name(s, numbered) for s in _body(article) if s.number is not None}


def heading_labels(article: Article, size: int = 44) -> dict[int, str]:
    """Each body section's position -> its figure label (:func:`heading_label`)."""
    numbered = numbers_headings(article)
    return {s.number: heading_label(s, numbered, size) for s in _body(article) if s.number is not None}


def section_places(article: Article) -> dict[int, str]:
    """Each body section's position -> where it is, in words: ``"section 3.1"``, ``"Introdução"``, ``"section 5"``."""
    numbered = numbers_headings(article)
    return {s.number: f"section {section_name(s, numbered)}" if s.label or not numbered else _title(s)
            for s in _body(article) if s.number is not None}


def place(section: object, places: dict[int, str]) -> str:
    """Where a row stands (``places`` from :func:`section_places`), or "front matter", "notes or lists"."""
    if section is None or pd.isna(section):
        return NOWHERE
    if int(section) == 0:
        return FRONT_MATTER
    return places.get(int(section), f"section {int(section)}")


def name_sections(frame: pd.DataFrame, article: Article, columns: tuple[str, ...] = ("section",)) -> pd.DataFrame:
    """A copy of ``frame`` whose section columns hold names: one position, or several joined by ``;``."""
    names = section_names(article)

    def name(value: object) -> object:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return value
        text = value if isinstance(value, str) else str(int(value))  # type: ignore[call-overload]
        parts = [p.strip() for p in text.split(";") if p.strip()]
        if not all(p.isdigit() for p in parts):
            return value
        return "; ".join(FRONT_MATTER if int(p) == 0 else names.get(int(p), p) for p in parts)

    out = frame.copy()
    for column in columns:
        if column in out.columns:
            out[column] = out[column].map(name).astype(object)
    return out


def number_sections(frame: pd.DataFrame, article: Article, column: str = "section") -> pd.DataFrame:
    """A copy of ``frame`` whose ``column`` holds the number each heading prints (:func:`section_number`)."""
    numbered = numbers_headings(article)
    printed = {s.number: section_number(s, numbered) for s in _body(article)}
    out = frame.copy()
    out[column] = [printed.get(int(n), str(int(n))) if pd.notna(n) else "" for n in out[column]]
    return out
