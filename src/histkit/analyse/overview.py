"""The article at a glance: its argument, front matter, structure, notes and repairs (notebook 00)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from histkit.extract.title_language import detect_language
from histkit.text.anchor import LINE, anchor, load_annotations, read_yaml
from histkit.text.ingest import Article
from histkit.text.tables import repairs_table


def argument_table(article: Article, path: str | Path) -> pd.DataFrame:
    """The steps of the argument from ``argument.yaml``, each with its quote's span and section.

    A seed without that file gives an empty table.
    """
    path = Path(path)
    columns = ["step", "gloss", "section", "element_id", "line", "seed", "start", "end", "quote"]
    if not path.is_file():
        return pd.DataFrame(columns=columns)
    rows = []
    for step in read_yaml(path).get("steps", []):
        start, end = anchor(article.text, step["exact"], step.get("prefix", ""), step.get("suffix", ""),
                            source=str(path), line=step[LINE])
        element = next((e for e in article.elements if any(a <= start < b for a, b in e.pieces)), None)
        rows.append(
            {
                "step": int(step["step"]),
                "gloss": step["gloss"],
                # A quote from a heading belongs to no paragraph; its section is the heading's own.
                "section": element.section if element else _section_at(article, start),
                "element_id": element.element_id if element else "heading",
                "line": article.line_of(start),
                "seed": article.seed_id,
                "start": start,
                "end": end,
                "quote": article.text[start:end],
            }
        )
    return pd.DataFrame(rows, columns=columns).sort_values("step", ignore_index=True)


def _section_at(article: Article, offset: int) -> int | None:
    before = [s for s in article.sections if s.start <= offset]
    return before[-1].number if before else 0


def stage_sections(article: Article) -> list[int]:
    """The sections that tell the stages, as curated in the seed's ``annotations.yaml`` (none without one)."""
    if not article.seed_file("annotations.yaml").is_file():
        return []
    stages = load_annotations(article, kinds=["stages"]).get("stages", [])
    return sorted(int(stage["section"]) for stage in stages)


def front_matter_table(article: Article) -> pd.DataFrame:
    """The front-matter fields with their spans, in text order."""
    return pd.DataFrame(
        [
            {"field": e.field, "value": e.text, "line": article.line_of(e.start),
             "seed": article.seed_id, "start": e.start, "end": e.end, "quote": article.text[e.start : e.end]}
            for e in article.of_kind("front-matter")
        ]
    )


def dates_check(article: Article) -> pd.DataFrame:
    """The received and approved dates as read from the front matter, against seed.toml."""
    rows = []
    for name, parsed in (("received", article.received), ("approved", article.approved)):
        recorded = str(article.metadata.get(name, ""))
        found = parsed.isoformat() if parsed else ""
        rows.append({"date": name, "front matter (DD/MM/YYYY read as ISO)": found,
                     "recorded in the seed's metadata": recorded, "agree": found == recorded})
    return pd.DataFrame(rows)


def footnotes_table(article: Article) -> pd.DataFrame:
    """The footnotes with the paragraph that calls each one and the verbatim pieces it was rebuilt from.

    An article without notes gets an empty table that still has its columns.
    """
    return pd.DataFrame(
        [
            {"note": e.number, "called_from": e.called_from, "section": e.section,
             "pieces": len(e.pieces), "lines": ", ".join(str(article.line_of(a)) for a, _ in e.pieces),
             "text": e.text}
            for e in article.footnotes
        ],
        columns=["note", "called_from", "section", "pieces", "lines", "text"],
    )


def repair_summary(article: Article) -> pd.DataFrame:
    """How many repairs of each kind were made, and why."""
    table = repairs_table(article)
    summary = table.groupby(["kind", "reason"], as_index=False).size()
    return summary.rename(columns={"size": "count"}).sort_values(["count", "kind"], ascending=[False, True],
                                                                  ignore_index=True)


def article_language(article: Article) -> str:
    """The article's language (ISO 639-1): as its seed records it, else read from its body's paragraphs.

    The front matter is left out: a Portuguese article prints an English abstract too. ``"und"`` when
    the paragraphs are too few or too mixed to tell.
    """
    recorded = article.metadata.get("language")
    if recorded:
        return str(recorded)
    body = [e.text for e in article.elements if e.kind == "paragraph" and e.section]
    return detect_language(" ".join(body)[:20_000])
