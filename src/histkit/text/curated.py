"""The declared shape of each curated file, checked before any kernel starts.

A seed folder may hold curated YAML beside its text: ``annotations.yaml`` (stages, people,
events, stays, relative phrases, checks), ``quantities.yaml`` (what a figure measures) and
``argument.yaml`` (the steps of the argument). :func:`check_curated` loads every one of them, anchors
every quote in the article, and checks it against :data:`SHAPES`: the lists it must have, the keys
every item of a list must have, and the keys whose value must be a whole number. Dates are checked
as EDTF (a day that does not exist, ``1926-13-45``, is an error), duplicate keys and ids are refused,
and a file reached through a link out of the seed folder is refused. A notebook finds the same
problems, but only after its kernel started; the build finds them first (issue 21).

To curate a new kind: add it to the file, and here its required keys, so that a missing one is
reported with its line before the build starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from histkit.core.errors import AnnotationError
from histkit.text.anchor import LINE, anchor, load_annotations, read_yaml
from histkit.text.article import Article
from histkit.text.seed import inside

# file -> list -> keys every item of that list must have
SHAPES: dict[str, dict[str, tuple[str, ...]]] = {
    "annotations.yaml": {
        "stages": ("id", "exact", "section"),
        "people": ("id", "name"),
        "events": ("id", "date"),
        "stays": ("id", "arrival", "departure"),
        "relative": ("id", "exact", "refers_to"),
        "checks": ("id", "exact", "type"),
    },
    "quantities.yaml": {"quantities": ("key", "exact", "measures")},
    "argument.yaml": {"steps": ("step", "gloss", "exact")},
}
# The kinds of annotations.yaml the chronology reads (all of them, once the file exists).
ANNOTATION_KINDS = tuple(SHAPES["annotations.yaml"])
WHOLE_NUMBERS = ("section", "step", "year", "base_year")


def _where(path: Path, item: dict[str, Any], data: dict[str, Any]) -> str:
    return f"{path}:{item.get(LINE, data.get(LINE, 0))}"


def _check_items(path: Path, data: dict[str, Any], shape: dict[str, tuple[str, ...]]) -> None:
    """Every list the shape names is there, and every item has its keys, whole numbers as such."""
    for kind, required in shape.items():
        if kind not in data:
            raise AnnotationError(f"{path}: no '{kind}' list; add one (this file needs: {', '.join(shape)})")
        for item in data[kind]:
            if not isinstance(item, dict):
                raise AnnotationError(f"{path}:{data.get(LINE, 0)}: an item of '{kind}' is not a mapping")
            missing = [key for key in required if item.get(key) in (None, "")]
            if missing:
                raise AnnotationError(
                    f"{_where(path, item, data)}: an item of '{kind}' has no {missing[0]!r}; each needs "
                    f"{', '.join(repr(k) for k in required)}"
                )
            for key in WHOLE_NUMBERS:
                value = item.get(key)
                if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                    raise AnnotationError(f"{_where(path, item, data)}: {key!r} must be a whole number such as "
                                          f"{'1927' if 'year' in key else '2'}; got {str(value)[:40]!r}")


def _anchor_items(article: Article, path: Path, data: dict[str, Any]) -> None:
    """Anchor the quote of every item of a file that is not annotations.yaml (which anchors its own)."""
    for kind, items in data.items():
        if kind in (LINE, "version"):
            continue
        for item in items:
            if isinstance(item, dict) and "exact" in item:
                anchor(article.text, str(item["exact"]), str(item.get("prefix", "")), str(item.get("suffix", "")),
                       source=str(path), line=item.get(LINE, 0))


def check_curated(article: Article, folder: Path) -> list[Path]:
    """Load, anchor and check every curated YAML file in ``folder``; return the files checked.

    Raises
    ------
    AnnotationError
        The first problem, naming the file, its line and the fix.
    SeedError
        For a file that is a link out of the seed folder.

    """
    checked = []
    for path in sorted(folder.glob("*.yaml")):
        inside(folder, path)
        shape = SHAPES.get(path.name)
        if path.name == "annotations.yaml":
            load_annotations(article, path)  # anchors, ids, EDTF dates
            data = read_yaml(path)
        else:
            data = read_yaml(path)
            _anchor_items(article, path, data)
        if shape is not None:
            _check_items(path, data, shape)
        checked.append(path)
    return checked
