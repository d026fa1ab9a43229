"""Curated facts and computed verdicts as W3C Web Annotations (JSON-LD), for annotation tools.

Every quote-anchored item of the seed's curated files (``annotations.yaml``, ``quantities.yaml``,
``argument.yaml``; nested quotes such as ``born: {exact: ...}`` too) and every checked claim of the
article (``histkit.analyse.verdicts.all_claims``) becomes one ``Annotation`` of the W3C Web
Annotation Data Model (https://www.w3.org/TR/annotation-model/). Its target is the verbatim
``article.txt`` (identified by its SHA-256) with two selectors: a ``TextQuoteSelector`` (``exact``,
and the ``prefix`` and ``suffix`` right around it) and a ``TextPositionSelector`` (``start``,
``end`` in code points), so that a tool such as Hypothesis or Recogito can anchor it. The body
holds the workbook's reading: an event's label and date, a figure's measure, a step of the
argument, a check's verdict and why.

The file is one ``AnnotationCollection`` with its annotations in one page, in a fixed order
(curated files, then claims), with no dates: the same seed gives the same bytes.

To export a new curated file: add its name to :data:`CURATED_FILES`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from histkit.analyse import verdicts
from histkit.core.files import WrittenFiles, atomic_write
from histkit.core.paths import from_root
from histkit.text.anchor import LINE, anchor, read_yaml
from histkit.text.ingest import Article

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CURATED_FILES = ("annotations.yaml", "quantities.yaml", "argument.yaml")
CONTEXT_CHARS = 32  # prefix and suffix length: enough to tell repeated quotes apart
# The field that says what an item is, in the order looked for.
MAIN_FIELDS = ("label", "gloss", "name", "measures", "note")
SELECTOR_KEYS = ("exact", "prefix", "suffix")


def selectors(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """The TextQuoteSelector and TextPositionSelector of ``text[start:end]``."""
    return [
        {
            "type": "TextQuoteSelector",
            "exact": text[start:end],
            "prefix": text[max(0, start - CONTEXT_CHARS) : start],
            "suffix": text[end : end + CONTEXT_CHARS],
        },
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def _scalar_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_scalar_text(v) for v in value)
    return " ".join(str(value).split())


def _describe(item: dict[str, Any]) -> tuple[str, str]:
    """The item's main words (its label, gloss, ...) and its other plain fields as "key: value; ..."."""
    main = next((_scalar_text(item[k]) for k in MAIN_FIELDS if item.get(k) not in (None, "")), "")
    details = []
    for key, value in item.items():
        if key in (LINE, "id", *SELECTOR_KEYS) or _scalar_text(value) in ("", main):
            continue
        if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, dict) for v in value)):
            continue  # nested selectors are annotations of their own
        details.append(f"{key}: {_scalar_text(value)}")
    return main, "; ".join(details)


def _nested(value: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every nested selector (a mapping with ``exact``) below an item's field, with its field path."""
    if isinstance(value, dict):
        if "exact" in value:
            yield path, value
        for key, inner in value.items():
            if key not in SELECTOR_KEYS:
                yield from _nested(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for i, inner in enumerate(value, 1):
            yield from _nested(inner, f"{path}.{i}")


def _ident(kind: str, item: dict[str, Any]) -> str:
    if item.get("id"):
        return str(item["id"])
    if item.get("step") is not None:
        return f"step-{item['step']}"
    return f"{item.get('key') or kind}-line-{item[LINE]}"


def curated_annotations(article: Article, path: Path, base: str, source: dict[str, Any]) -> list[dict[str, Any]]:
    """One Annotation per selector (own or nested) of the items of one curated YAML file.

    Raises
    ------
    AnnotationError
        If a quote is missing or ambiguous (naming the file and line), as when the file is loaded.
    """
    out = []
    data = read_yaml(path)
    for kind, items in data.items():
        if kind in (LINE, "version"):
            continue
        for item in items:
            if not isinstance(item, dict):
                continue
            ident = f"{base}:{path.stem}:{kind}:{_ident(kind, item)}"
            main, details = _describe(item)
            own = [("", item)] if "exact" in item else []
            fields = [(f, v) for k, v in item.items() if k not in SELECTOR_KEYS for f, v in _nested(v, k)]
            for field, sel in own + fields:
                start, end = anchor(
                    article.text, sel["exact"], sel.get("prefix", ""), sel.get("suffix", ""),
                    source=str(path), line=sel.get(LINE, item[LINE]),
                )  # fmt: skip
                words = main or kind
                value = f"{words} ({field})" if field else words
                if details and not field:
                    value = f"{value}. {details}"
                if sel.get("note") and field:
                    value = f"{value}: {_scalar_text(sel['note'])}"
                out.append(
                    {
                        "id": f"{ident}:{field}" if field else ident,
                        "type": "Annotation",
                        "motivation": "describing",
                        "body": [
                            {"type": "TextualBody", "value": value, "format": "text/plain", "language": "en",
                             "purpose": "describing"},
                            {"type": "TextualBody", "value": kind, "purpose": "tagging"},
                        ],
                        "target": {"source": source, "selector": selectors(article.text, start, end)},
                    }
                )
    return out


def claim_annotations(article: Article, claims: pd.DataFrame, base: str, source: dict[str, Any]) -> list[dict]:
    """One Annotation per checked claim: the verdict, what is stated and computed, and why."""
    out = []
    for _, c in claims.iterrows():
        start, end = int(c["start"]), int(c["end"])
        verdict = f"{c['status']}: stated {c['stated']}; computed {c['computed']}. {c['explanation']}"
        out.append(
            {
                "id": f"{base}:claims:{c['claim_id']}",
                "type": "Annotation",
                "motivation": "assessing",
                "body": [
                    {"type": "TextualBody", "value": verdict, "format": "text/plain", "language": "en",
                     "purpose": "assessing"},
                    {"type": "TextualBody", "value": f"claim: {c['kind']}", "purpose": "tagging"},
                    {"type": "TextualBody", "value": str(c["status"]), "purpose": "classifying"},
                ],
                "target": {"source": source, "selector": selectors(article.text, start, end)},
            }
        )
    return out


def annotation_collection(article: Article, claims: pd.DataFrame | None = None) -> dict[str, Any]:
    """Every curated item and every claim of the article as one W3C ``AnnotationCollection``.

    Parameters
    ----------
    article : Article
        The loaded seed (its folder holds the curated files; a missing file is skipped).
    claims : DataFrame, optional
        The checked claims (default: :func:`histkit.analyse.verdicts.all_claims` of the article).
    """
    base = f"urn:histkit:{article.seed_id}"
    source = {
        "id": f"urn:sha256:{article.sha256}",
        "type": "Text",
        "format": "text/plain",
        "label": f"{article.seed_id}/article.txt (verbatim; offsets in Unicode code points)",
    }
    if article.metadata.get("language"):  # as seed.toml records it; never assumed
        source["language"] = str(article.metadata["language"])
    items = []
    for name in CURATED_FILES:
        path = article.seed_file(name)
        if path.is_file():
            items.extend(curated_annotations(article, path, base, source))
    items.extend(claim_annotations(article, verdicts.all_claims(article) if claims is None else claims, base, source))
    title = article.metadata.get("title") or article.seed_id
    return {
        "@context": CONTEXT,
        "id": f"{base}:annotations",
        "type": "AnnotationCollection",
        "label": f"histkit annotations of “{title}”: curated facts and checked claims",
        "total": len(items),
        "first": {"id": f"{base}:annotations:page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def export_annotations(article: Article, folder: str | Path, claims: pd.DataFrame | None = None) -> WrittenFiles:
    """Write ``<folder>/annotations.jsonld`` atomically; a relative folder is taken from the project root."""
    doc = annotation_collection(article, claims)
    text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return WrittenFiles([atomic_write(from_root(folder) / "annotations.jsonld", text)])
