"""The JDH's mandatory cells (title, cover, contributor, copyright, keywords, abstract), from the article and seed.toml.

Nothing is invented. The title, the authors, their affiliation, the abstract and the keywords are the article's,
as ``seed.toml`` and its front matter give them; the journal's licence is a parameter (``--licence``, the JDH's
CC BY by default); the article's own licence is quoted from ``seed.toml`` where it is recorded. Where the article
is silent (no abstract, no keywords, no affiliation, no licence, no image for a cover), the cell says so in plain
words and a note says what stands in.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from histkit.core.errors import ParameterError
from histkit.text.seed import Seed

#: The licences the JDH publishes under (its template offers CC BY and CC BY-NC-ND), by SPDX id.
LICENCES = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International (CC BY 4.0)",
                  "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
                     "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC-BY-NC-4.0": ("Creative Commons Attribution-NonCommercial 4.0 International (CC BY-NC 4.0)",
                     "https://creativecommons.org/licenses/by-nc/4.0/"),
    "CC-BY-NC-ND-4.0": ("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International (CC BY-NC-ND 4.0)",
                        "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
}
DEFAULT_LICENCE = "CC-BY-4.0"


@dataclass(frozen=True)
class Front:
    """The article's front matter as the mandatory cells use it (empty where the article is silent)."""

    title: str
    authors: tuple[str, ...]
    affiliation: str
    abstract: str
    keywords: tuple[str, ...]
    article_licence: str
    received: str
    approved: str
    licence: str = DEFAULT_LICENCE


def check_licence(licence: str) -> str:
    """The SPDX id of a licence the JDH publishes under.

    Raises
    ------
    ParameterError
        For any other, naming the choices.

    """
    if licence not in LICENCES:
        raise ParameterError(f"--licence {licence!r} is not one the JDH publishes under; choose one of "
                             f"{', '.join(LICENCES)} (default {DEFAULT_LICENCE})")
    return licence


def front_matter(seed: Seed, licence: str = DEFAULT_LICENCE) -> Front:
    """Read the mandatory cells' content from ``seed.toml`` and the article's front matter."""
    from histkit.text.ingest import parse_article

    article = parse_article(seed.text, seed.seed_id, str(seed.article_path))
    meta = seed.bibliographic
    front = article.front
    printed_author = front["author"].text if "author" in front else ""
    authors = str(meta.get("author") or printed_author)
    language = str(meta.get("language", ""))
    keywords = article.keywords.get(language) or article.keywords.get("en") or next(
        (words for _, words in sorted(article.keywords.items())), [])
    return Front(
        title=str(meta.get("title") or (front["title"].text if "title" in front else "")),
        authors=author_names(authors),
        affiliation=str(meta.get("affiliation", "")),
        abstract=_abstract(front, language),
        keywords=tuple(keywords),
        article_licence=str(meta.get("licence", "")),
        received=str(meta.get("received", "")),
        approved=str(meta.get("approved", "")),
        licence=check_licence(licence),
    )


def _abstract(front: dict[str, Any], language: str) -> str:
    """The abstract in the article's language, else in English, else the first the article prints.

    As its keywords: an article in Portuguese or Spanish with no English abstract still has one ("RESUMO").
    """
    # The front matter names an English abstract "abstract" and the others "abstract_pt", "abstract_es", ...
    printed = {("en" if name == "abstract" else name.removeprefix("abstract_")): element.text
               for name, element in front.items() if name == "abstract" or name.startswith("abstract_")}
    return printed.get(language) or printed.get("en") or next((text for _, text in sorted(printed.items())), "")


def author_names(line: str) -> tuple[str, ...]:
    """The names in an author line: "A; B", or as prose prints them, "A, B and C" (also "e", "y", "&").

    A part is a name only if it has two words or more: "Silva, J. and Souza, M." (surnames before initials) is
    split at its "and" alone, and "Pedro de Alcântara e Silva" is one name.
    """
    if ";" in line:
        return tuple(a.strip() for a in line.split(";") if a.strip())
    line = line.strip()
    last = max(re.finditer(r" (?:and|e|y|&) ", line), key=lambda m: m.start(), default=None)
    if last is None:
        return (line,) if line else ()
    head, tail = line[: last.start()].strip(), line[last.end() :].strip()
    if len(tail.split()) < 2 or len(head.split()) < 2:
        return (line,)
    parts = [p.strip() for p in head.split(",")]
    if all(len(p.split()) >= 2 for p in parts):
        return (*parts, tail)
    return (head, tail)


def esc(text: str) -> str:
    """Markdown text: ``<``, ``>`` and ``&`` escaped, apostrophes kept."""
    return html.escape(text, quote=False)


def md(source: str, *tags: str) -> Any:
    """A markdown cell with the JDH's tags."""
    import nbformat

    cell = nbformat.v4.new_markdown_cell(source)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def names(front: Front) -> str:
    """The authors in prose: "A", "A and B", "A, B and C"; or what stands in when seed.toml names none."""
    if not front.authors:
        return "the article's authors (seed.toml names none)"
    if len(front.authors) == 1:
        return front.authors[0]
    return ", ".join(front.authors[:-1]) + " and " + front.authors[-1]


def contributor_cells(front: Front) -> tuple[list[Any], list[str]]:
    """One ``contributor`` cell per author (the JDH's form: the name as a level-3 heading, then the institution)."""
    notes = []
    if not front.affiliation:
        notes.append("contributor: seed.toml records no affiliation; the contributor cells say so")
    place = esc(front.affiliation) if front.affiliation else "Affiliation: not recorded in seed.toml."
    if not front.authors:
        notes.append("contributor: seed.toml and the front matter name no author; the cell says so")
        return [md(f"### The article's authors\n{place}\n\nNeither seed.toml nor the article's front matter "
                   "names them.", "contributor")], notes
    return [md(f"### {esc(author)}\n{place}", "contributor") for author in front.authors], notes


def copyright_cell(front: Front) -> tuple[Any, list[str]]:
    """The ``copyright`` cell: the JDH's licence text for the chosen licence, the code's and the article's."""
    name, url = LICENCES[front.licence]
    notes = []
    if front.article_licence:
        article = f"its licence, as seed.toml records it: {esc(front.article_licence)}"
    else:
        article = ("seed.toml records no licence for it, and none is assumed here: check the publisher's terms "
                   "before publishing quotations from it")
        notes.append("copyright: seed.toml records no licence for the article; the cell says so")
    text = (
        f"© {esc(names(front))}. Published by De Gruyter in cooperation with the University of Luxembourg Centre "
        f"for Contemporary and Digital History. This is an Open Access article distributed under the terms of "
        f"the [{name}]({url}).\n\n"
        f"The notebooks' code is histkit's, under the MIT licence. The article they quote, *{esc(front.title)}*: "
        f"{article}."
    )
    return md(text, "copyright"), notes


def keywords_cell(front: Front) -> tuple[Any, list[str]]:
    """The ``keywords`` cell: the article's own, separated by commas as the JDH asks."""
    if front.keywords:
        return md(", ".join(esc(k) for k in front.keywords), "keywords"), []
    return (md("The article prints no keywords.", "keywords"),
            ["keywords: the article prints no keywords; the cell says so"])


def abstract_cell(front: Front, article_cite: str) -> tuple[Any, list[str]]:
    """The ``abstract`` cell: the article's abstract verbatim, and the article cited (``article_cite``)."""
    dates = f" (received {esc(front.received)}, approved {esc(front.approved)})" if front.received else ""
    source = f"The notebooks compute from *{esc(front.title)}* by {esc(names(front))}{dates} {article_cite}."
    if not front.abstract:
        return (md(f"The article prints no abstract. {source}", "abstract"),
                ["abstract: the article prints no abstract; the cell says so"])
    paragraphs = [p.strip() for p in front.abstract.split("\n") if p.strip()]
    return md("\n\n".join(esc(p) for p in paragraphs) + f"\n\n{source}", "abstract"), []
