"""A new seed folder from an article: its text (converted when not .txt), SHA-256 and what the front matter says.

``histkit new PATH/article.pdf`` (or .docx .odt .xml .html .md .txt) calls :func:`new_seed`;
``histkit build --seed DIR`` then runs the workbook on the folder. Nothing is curated: annotations can be
added beside the text later.

To record another front-matter field in seed.toml: read it in :func:`front_metadata` and add a
case to ``tests/text/test_new_seed.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from histkit.core.errors import SeedError
from histkit.core.files import atomic_write, ensure_dir
from histkit.file.blocks import Converted
from histkit.file.convert import convert
from histkit.text.affiliations import Affiliation, affiliations
from histkit.text.ingest import Article, parse_article
from histkit.text.seed import SEED_ID


@dataclass
class NewSeed:
    """What :func:`new_seed` made and found."""

    folder: Path
    sha256: str
    metadata: dict[str, str]
    article: Article
    found: list[str] = field(default_factory=list)


def slug(text: str) -> str:
    """A folder name from a title or file name: lower case ASCII words joined by '-'."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.casefold())
    return "-".join(words[:6]) or "article"


# The licence an article states for itself ("distributed under the terms of the Creative Commons Attribution
# License", "sob a licença CC BY 4.0"): a Creative Commons name shortly after "under", "sob" or "bajo". A licence
# merely spoken of in the text is not preceded so.
_LICENCE = re.compile(
    r"\b(?:under|sob|bajo)\b[^.\n]{0,60}?"
    r"(?P<name>\bCreative Commons(?: (?:[A-Z][\w-]*|\d\.\d))*|\bCC[ -]BY(?:-(?:NC|SA|ND))*(?: \d\.\d)?)"
)


def front_metadata(article: Article) -> dict[str, str]:
    """Title, authors, keywords, dates, licence and affiliations as the article prints them (only what is there)."""
    front = article.front
    meta: dict[str, str] = {}
    for name in ("title", "author"):
        if name in front and front[name].text:
            meta[name] = front[name].text
    for name, element in front.items():
        if name.startswith("title_") and element.text:
            meta[name] = element.text
    for lang, words in sorted(article.keywords.items()):
        meta[f"keywords_{lang}"] = "; ".join(words)
    for name in ("received", "approved"):
        try:
            day = getattr(article, name)
        except SeedError:
            day = None
        if day is not None:
            meta[name] = day.isoformat()
    licence = _LICENCE.search(article.text)
    if licence:
        meta["licence"] = f"{licence['name']}, as the article prints it (line {article.line_of(licence.start('name'))})"
    printed = affiliations(article)
    if printed:
        # one line for readers (the JDH contributor cells); each quote with its place in [[bibliographic.affiliations]]
        meta["affiliation"] = "; ".join(a.quote for a in printed)
    return meta


def _affiliation_tables(article: Article, printed: list[Affiliation]) -> list[str]:
    """``[[bibliographic.affiliations]]``: each affiliation the article prints, anchored in article.txt."""
    lines = []
    for a in printed:
        lines += ["[[bibliographic.affiliations]]", f"quote = {_toml(a.quote)}", f"start = {a.start}",
                  f"end = {a.end}", f"line = {article.line_of(a.start)}", ""]
    if lines:
        lines.insert(0, "# Each affiliation as printed: article.txt[start:end] == quote (checked when the seed loads).")
    return lines


def _toml(value: str) -> str:
    # A JSON string is a TOML basic string (same escapes).
    return json.dumps(value, ensure_ascii=False)


def _keep_received(source: Path, folder: Path, converted: Converted) -> list[str]:
    """Keep the file as received beside the text, and its repairs; the ``[conversion]`` table for seed.toml."""
    if converted.fmt == "text":
        return []
    received = source.read_bytes()
    name = f"received{source.suffix.casefold()}"
    atomic_write(folder / name, received)
    rows = ["offset\tkind\tpage\ttext\treason"]
    rows += [f"{c.offset}\t{c.kind}\t{c.page}\t{_cell(c.text)}\t{c.reason}" for c in converted.changes]
    atomic_write(folder / "conversion.tsv", "\n".join(rows) + "\n")
    return [
        "# The file as received, and how article.txt was made from it (repeat with the same converter and settings).",
        "[conversion]",
        f"file = {_toml(name)}",
        f'sha256 = "{hashlib.sha256(received).hexdigest()}"',
        f"format = {_toml(converted.fmt)}",
        f"converter = {_toml(converted.converter)}",
        f"version = {_toml(converted.version)}",
        'repairs = "conversion.tsv"',
        "",
        "[conversion.settings]",
        *[f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in converted.settings.items()],
        "",
    ]


def _cell(text: str) -> str:
    return " ".join(text.split())


def new_seed(source: Path, seeds_dir: Path, name: str = "") -> NewSeed:
    """Copy ``source`` verbatim into ``seeds_dir/<name>/article.txt`` and write its seed.toml.

    Parameters
    ----------
    source : Path
        The article: .pdf, .docx, .odt, .xml (JATS), .html/.htm, .md or .txt (UTF-8). Any but .txt is
        converted (``histkit.file``) and kept beside ``article.txt`` as ``received.<ext>``.
    seeds_dir : Path
        The folder that holds seed folders (the project's ``seeds/``).
    name : str
        The seed's folder name; by default a slug of the title the front matter prints.

    Raises
    ------
    SeedError
        If the file is missing, not UTF-8 or has no body, or the seed folder already exists.
    ConversionError
        If the file's content is not what its extension says, it is encrypted, or a PDF has no text.

    """
    if name and not re.fullmatch(SEED_ID, name):
        # --name ../../x or /abs/path made a seed outside the project (issue 21)
        raise SeedError(f"--name {name!r} is not a seed name: letters, digits, '.', '_' and '-', starting with a "
                        "letter or digit (no '/' or '..'); e.g. --name my-article")
    if not source.is_file():
        raise SeedError(f"{source}: no such file; give the path of the article (.pdf .docx .odt .xml .html .md .txt)")
    converted = convert(source)
    text = converted.text
    raw = text.encode("utf-8")
    article = parse_article(text, name or "new", str(source))
    meta = front_metadata(article)
    if "licence" not in meta and converted.licence:
        meta["licence"] = converted.licence  # stated by the file (a JATS <license>), not printed in its text
    printed = affiliations(article)
    name = name or slug(meta.get("title", source.stem))
    folder = seeds_dir / name
    if folder.exists():
        raise SeedError(f"{folder} already exists; choose another name with --name or remove the folder")
    digest = hashlib.sha256(raw).hexdigest()
    ensure_dir(folder)
    atomic_write(folder / "article.txt", raw)
    conversion = _keep_received(source, folder, converted)
    lines = [
        "# Made by `histkit new`: the verbatim article beside this file, never edited.",
        "[seed]",
        f"id = {_toml(name)}",
        'file = "article.txt"',
        f'sha256 = "{digest}"',
        # By its name only: a seed folder travels (a JDH submission packs it), the folders of this machine do not.
        f"origin = {_toml(source.name)}",
        "",
        "[bibliographic]",
        *[f"{key} = {_toml(value)}" for key, value in meta.items()],
        "",
        *_affiliation_tables(article, printed),
        *conversion,
    ]
    atomic_write(folder / "seed.toml", "\n".join(lines))
    found = [
        f"title: {meta.get('title', '(none found)')}",
        f"author: {meta.get('author', '(none found)')}",
        # every keyword list and date the front matter prints, as seed.toml now records them
        *[f"{key.replace('_', ' ')}: {value}" for key, value in meta.items() if key.startswith("keywords_")],
        *[f"{key}: {meta[key]}" for key in ("received", "approved", "licence") if key in meta],
        *[f"affiliation (line {article.line_of(a.start)}): {a.quote}" for a in printed],
        f"sections: {sum(1 for s in article.sections if not s.is_references)}",
        f"reference entries: {len(article.references)}",
        f"footnotes: {len(article.footnotes)}",
        *([f"converted from {converted.fmt} by {converted.converter} {converted.version}: "
           f"{len(converted.changes)} repairs (conversion.tsv)"] if converted.fmt != "text" else []),
        *[f"warning (line {article.line_of(w.start)}): {w.message}" for w in article.warnings],
    ]
    return NewSeed(folder, digest, meta, article, found)
