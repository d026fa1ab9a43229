"""Score the parts of each reference entry (kind, title, container, volume, pages, place, publisher, DOI, link).

For each article of ``../shared/corpus/`` our entries are paired with the publisher's JATS ``<ref>``
entries by the similarity of their printed text (:func:`eval_corpus.align`), and each part the JATS
``<element-citation>`` gives is compared with ours:

- ``kind``: ``publication-type`` "journal" is our "article"; "book" with a ``<chapter-title>`` is a
  "chapter", without one a "book" (or "memoir"); "thesis" a "thesis"; "webpage" a "web page". Other
  types ("other", "legal-doc", "report", "confproc", "software") are not scored: the JATS uses them
  for too many things (newspapers, laws, reports) to say what an entry is;
- ``title``: ``<article-title>``, else ``<chapter-title>``, else ``<source>``;
- ``cont``: the container, ``<source>`` of an article or a chapter;
- ``vol``, ``pages`` (``<fpage>``-``<lpage>``), ``place`` (``<publisher-loc>``), ``publ``
  (``<publisher-name>``);
- ``doi``: ``<pub-id pub-id-type="doi">``, else the DOI of an ``<ext-link>`` to doi.org, compared as bare
  names without regard to case; ``url``: the first ``<ext-link>`` that is not a DOI's, compared as printed
  but for a space after the scheme ("https:// www...") and a final slash.

Texts are compared folded (lower case, no accents, no punctuation); a title or container also counts
when one starts the other and covers at least 80% of it (a subtitle the JATS drops, or a medium note it
keeps), or when their similarity is at least 90 (rapidfuzz ratio: a typo on one side). Each cell is
``right/given``: among the entries whose JATS gives the part, how many of ours hold it. ``whole`` is
how many of our entries still carry the note "title is the whole entry"; ``paired`` how many of the
JATS refs got one of our entries.

The JATS is the publisher's markup, not a hand-read truth: it tags some newspapers as books with a
chapter, keeps a medium note ("[online]") in a title, or leaves a part out; read the misses with
``--detail ARTICLE``, which prints every disagreement. Asserts nothing.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/eval_references.py [--detail ARTICLE ...]``.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_corpus import CORPUS, align, fold, read_truth

from histkit.extract.reference_online import doi_name, link_text

XLINK = "{http://www.w3.org/1999/xlink}href"

FIELDS = ("kind", "title", "container", "volume", "pages", "place", "publisher", "doi", "url")
HEAD = ("kind", "title", "cont", "vol", "pages", "place", "publ", "doi", "url")
KINDS = {"journal": {"article"}, "book": {"book", "memoir"}, "chapter": {"chapter"}, "thesis": {"thesis"},
         "webpage": {"web page"}}


@dataclass
class Parts:
    """What one JATS ``<element-citation>`` says of an entry's parts (empty where it says nothing)."""

    rid: str
    values: dict[str, str] = field(default_factory=dict)


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def read_parts(path: Path) -> dict[str, Parts]:
    """The parts of every ``<ref>`` of the main article, by rid."""
    back = ET.parse(path).getroot().find("back")
    out: dict[str, Parts] = {}
    for ref in back.iter("ref") if back is not None else []:
        cite = ref.find("element-citation")
        if cite is None:
            cite = ref.find("mixed-citation")
        if cite is None:
            continue
        kind = cite.get("publication-type", "")
        chapter = _text(cite.find("chapter-title"))
        article = _text(cite.find("article-title"))
        source = _text(cite.find("source"))
        if kind == "book" and chapter:
            kind = "chapter"
        links = [link_text(e.get(XLINK, "")) for e in cite.iter("ext-link")]
        dois = [doi_name(link) for link in links]
        values = {
            "kind": kind if kind in KINDS else "",
            "title": article or chapter or source,
            "container": source if (article or chapter) else "",
            "volume": _text(cite.find("volume")),
            "pages": "-".join(p for p in (_text(cite.find("fpage")), _text(cite.find("lpage"))) if p),
            "place": _text(cite.find("publisher-loc")),
            "publisher": _text(cite.find("publisher-name")),
            "doi": _text(cite.find("pub-id[@pub-id-type='doi']")) or next((d for d in dois if d), ""),
            "url": next((link for link, d in zip(links, dois, strict=True) if link and not d), ""),
        }
        out[ref.get("id", "")] = Parts(ref.get("id", ""), {k: v for k, v in values.items() if v})
    return out


def _link(text: str) -> str:
    """A link compared: no space after its scheme, no final slash."""
    return re.sub(r"(?<=//) +", "", text.strip()).rstrip("/")


def same_text(ours: str, theirs: str) -> bool:
    """Folded equality, one starting the other over 80% of it, or a similarity of at least 90."""
    a, b = fold(ours), fold(theirs)
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return a == b or (long.startswith(short) and len(short) >= 0.8 * len(long)) or fuzz.ratio(a, b) >= 90


def agrees(name: str, ours: Any, theirs: str) -> bool:
    """Whether our value of part ``name`` is the JATS one."""
    value = getattr(ours, name)
    if name == "kind":
        return value in KINDS[theirs]
    if name == "pages":
        return fold(value).replace(" ", "") == fold(theirs).replace(" ", "")
    if name == "volume":
        return fold(value) == fold(theirs)
    if name == "doi":
        return value.lower() == theirs.strip().lower()
    if name == "url":
        return _link(value) == _link(theirs)
    return same_text(value, theirs)


def score(folder: Path, detail: bool = False) -> dict[str, Any]:
    """Right and given counts of each part for one article."""
    from histkit.extract.references import article_references
    from histkit.text.ingest import parse_article

    text = (folder / "article.txt").read_text(encoding="utf-8")
    article = parse_article(text, folder.name)
    refs = article_references(article)
    truth = read_truth(folder / "source.xml")
    parts = read_parts(folder / "source.xml")
    pairs = align(article, refs, truth)
    row: dict[str, Any] = {"article": folder.name, "n": len(refs), "jats": len(parts), "paired": len(pairs)}
    row["whole"] = sum(any("title is the whole entry" in n for n in r.notes) for r in refs)
    for name in FIELDS:
        row[name] = [0, 0]
    for ref in refs:
        theirs = parts.get(pairs.get(ref.ref_id, ""))
        if theirs is None:
            continue
        for name, value in theirs.values.items():
            row[name][1] += 1
            if agrees(name, ref, value):
                row[name][0] += 1
            elif detail:
                print(f"{ref.ref_id:>6} {name:<9} ours={getattr(ref, name)!r:.90}  jats={value!r:.90}")
    return row


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--detail":
        for name in sys.argv[2:]:
            print(f"== {name}")
            score(CORPUS / name, detail=True)
        return
    folders = sorted(p for p in CORPUS.iterdir() if (p / "source.xml").is_file() and (p / "article.txt").is_file())
    head = f"{'article':<27} {'ours/jats':>9} {'paired':>6} {'whole':>5} " + " ".join(f"{h:>9}" for h in HEAD)
    print(head)
    print("-" * len(head))
    totals = {name: [0, 0] for name in FIELDS}
    counts = [0, 0, 0, 0]
    for folder in folders:
        row = score(folder)
        cells = " ".join(f"{f'{row[n][0]}/{row[n][1]}' if row[n][1] else '-':>9}" for n in FIELDS)
        print(f"{row['article']:<27} {row['n']:>4}/{row['jats']:<4} {row['paired']:>6} {row['whole']:>5} {cells}")
        for name in FIELDS:
            totals[name][0] += row[name][0]
            totals[name][1] += row[name][1]
        counts = [a + b for a, b in zip(counts, (row["n"], row["jats"], row["paired"], row["whole"]), strict=True)]
    print("-" * len(head))
    cells = " ".join(f"{f'{totals[n][0]}/{totals[n][1]}':>9}" for n in FIELDS)
    print(f"{'total':<27} {counts[0]:>4}/{counts[1]:<4} {counts[2]:>6} {counts[3]:>5} {cells}")
    shares = " ".join(f"{totals[n][0] / totals[n][1] if totals[n][1] else float('nan'):>9.2f}" for n in FIELDS)
    print(f"{'share':<27} {'':>9} {'':>6} {'':>5} {shares}")


if __name__ == "__main__":
    main()
