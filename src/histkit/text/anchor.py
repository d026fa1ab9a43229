"""Curated annotations beside a seed, anchored to the verbatim text by quotes.

``seeds/<seed>/annotations.yaml`` holds what a historian knows and the text does not say in a
form code can read: which stage an event belongs to, who an alias names, which date a relative
phrase counts from. Each item is anchored the way the W3C Web Annotation model anchors text, with
a TextQuoteSelector: ``exact`` (the quoted words), and optional ``prefix`` and ``suffix`` (words
right before and after, to tell repeated quotes apart). Loading resolves every selector to a
unique span of the article; a quote that is missing or occurs more than once, or a value that is
not valid EDTF, is an :class:`~histkit.core.errors.AnnotationError` naming the YAML file, its line and
the quote or value.

The loader is generic: the file is a mapping of *kinds* (``events``, ``people``, or any kind a new
analysis needs) to lists of items. Any mapping inside an item that has an ``exact`` key is a
selector and is resolved, however deeply nested (``born: {exact: "born in 1884"}``). To add a new
kind: add a list under a new top-level key in annotations.yaml and read it with
``load_annotations(article)["your-kind"]``; nothing here needs to change.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from histkit.core.dating import check_edtf
from histkit.core.errors import AnnotationError, DateError
from histkit.core.memo import Memo, by_content, source_digest
from histkit.core.safe_yaml import SafeLoader, load_file
from histkit.text.ingest import Article

LINE = "__line__"
SELECTOR_KEYS = frozenset({"exact", "prefix", "suffix", LINE, "note"})
# Keys whose values must be valid EDTF, wherever they occur in an item.
EDTF_KEYS = ("date", "edtf")


MAX_LISTED = 5  # lines listed for an ambiguous quote; the count says how many there are


class _LineLoader(SafeLoader):
    """A safe YAML loader that records each mapping's 1-based line under ``__line__``.

    Safe as :class:`histkit.core.safe_yaml.SafeLoader` is: no aliases, bounded depth, no duplicate keys.
    """


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
    mapping = SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# An unquoted 1926-12-05 stays text (an EDTF string, checked as such), not a datetime.date; and an
# impossible one (1926-13-45) is reported by the EDTF check with its line instead of crashing the loader.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Anchor:
    """A TextQuoteSelector resolved to its span in the article.

    Attributes
    ----------
    exact, prefix, suffix : str
        The selector as written.
    start, end : int
        Code-point span of ``exact`` in the verbatim text.
    line : int
        Line of the selector in the YAML file.

    """

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    line: int

    @property
    def quote(self) -> str:
        """The quoted words (``text[start:end]``)."""
        return self.exact


@dataclass(frozen=True)
class Annotation:
    """One curated item: its kind, id, YAML line, own anchor and fields (nested anchors resolved)."""

    kind: str
    item_id: str
    line: int
    anchor: Anchor | None
    fields: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        """Return a field, or ``default``."""
        return self.fields.get(key, default)

    def __getitem__(self, key: str) -> Any:
        return self.fields[key]


def _where(path: Path | str, line: int) -> str:
    return f"{path}:{line}"


def anchor(
    text: str, exact: str, prefix: str = "", suffix: str = "", *, source: str = "annotations", line: int = 0
) -> tuple[int, int]:
    """Resolve a TextQuoteSelector to the unique ``(start, end)`` of ``exact`` in ``text``.

    Parameters
    ----------
    text : str
        The verbatim article text.
    exact, prefix, suffix : str
        The selector: ``exact`` must occur once in ``text`` right after ``prefix`` and right
        before ``suffix``.
    source, line : str, int
        The YAML file and line, for the message.

    Raises
    ------
    AnnotationError
        If the quote does not occur, or occurs more than once (with the lines where it does).

    """
    where = _where(source, line)
    if not isinstance(exact, str) or not exact:
        raise AnnotationError(
            f"{where}: selector has an empty or non-text 'exact' ({exact!r}); quote the article"
        )
    for name, value in (("prefix", prefix), ("suffix", suffix)):
        if not isinstance(value, str):
            raise AnnotationError(
                f"{where}: selector's '{name}' is {value!r}, not text; quote the article's words (in quotes)"
            )
    hits = []
    at = text.find(exact)
    while at != -1:
        # startswith at an offset, not slices: a quote that recurs in a large text stays linear.
        if at >= len(prefix) and text.startswith(prefix, at - len(prefix)) and text.startswith(
            suffix, at + len(exact)
        ):
            hits.append(at)
        at = text.find(exact, at + 1)
    context = "".join(
        [f" after prefix {prefix!r}" if prefix else "", f" before suffix {suffix!r}" if suffix else ""]
    )
    if not hits:
        raise AnnotationError(
            f"{where}: quote {exact!r}{context} does not occur in the article; copy the exact words "
            "(same spelling, punctuation and line breaks) from article.txt"
        )
    if len(hits) > 1:
        shown = [str(text.count("\n", 0, h) + 1) for h in hits[:MAX_LISTED]]
        more = f" and {len(hits) - MAX_LISTED} more" if len(hits) > MAX_LISTED else ""
        raise AnnotationError(
            f"{where}: quote {exact!r}{context} is ambiguous: it occurs {len(hits)} times (article lines "
            f"{', '.join(shown)}{more}); add a 'prefix' or 'suffix' with the words around the one you mean"
        )
    return hits[0], hits[0] + len(exact)


@functools.lru_cache(maxsize=1)
def _yaml_memo() -> Memo:
    # pyyaml in pure Python takes about 0.1 s for a curated file, and every notebook reads the same
    # ones: each version of a file is read once (keyed by its content, under pyyaml's and this code's version).
    return Memo("yaml", f"pyyaml {yaml.__version__}; {source_digest(__file__)}", limit=64)


def read_yaml(path: str | Path) -> dict[str, Any]:
    """Read an annotations file, with ``__line__`` recorded on every mapping.

    Raises
    ------
    AnnotationError
        If the file is missing, not YAML, or not a mapping of kinds to lists.

    """
    path = Path(path)
    if not path.is_file():
        raise AnnotationError(f"{path} does not exist; create it (see histkit.text.anchor for the format)")
    # the safe loader (no aliases, bounded depth and size), once per version of the file's content
    data = by_content(_yaml_memo(), path.read_bytes().decode("utf-8", "replace"),
                      lambda _text: load_file(path, AnnotationError, "curated file", _LineLoader))
    if not isinstance(data, dict):
        raise AnnotationError(
            f"{path}: the top level must be a mapping of kinds (events, people, ...) to lists"
        )
    for kind, items in data.items():
        if kind in (LINE, "version"):
            continue
        if not isinstance(items, list):
            raise AnnotationError(f"{_where(path, data[LINE])}: '{kind}' must be a list of items")
    return data


class Annotations(Mapping[str, list[Annotation]]):
    """All annotations of a file, by kind; also records the file's path and the article's text."""

    def __init__(self, path: Path, kinds: dict[str, list[Annotation]], text: str) -> None:
        self.path = path
        self._kinds = kinds
        self.text = text

    def __getitem__(self, kind: str) -> list[Annotation]:
        if kind not in self._kinds:
            raise AnnotationError(
                f"{self.path}: there is no '{kind}' list; kinds present: {', '.join(sorted(self._kinds))}"
            )
        return self._kinds[kind]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._kinds)

    def __len__(self) -> int:
        return len(self._kinds)

    def by_id(self, kind: str) -> dict[str, Annotation]:
        """Return the items of one kind, keyed by id."""
        return {a.item_id: a for a in self[kind]}


def _resolve(value: Any, text: str, path: Path, edtf_keys: Iterable[str], key: str = "") -> Any:
    """Resolve nested selectors and check EDTF values, returning plain data with Anchor objects."""
    if isinstance(value, dict):
        line = value.get(LINE, 0)
        if "exact" in value:
            extra = set(value) - SELECTOR_KEYS
            if extra and key:
                raise AnnotationError(
                    f"{_where(path, line)}: selector under '{key}' has unknown keys {sorted(extra)}; "
                    "a selector takes exact, prefix, suffix (and note)"
                )
        out = {k: _resolve(v, text, path, edtf_keys, k) for k, v in value.items() if k != LINE}
        for k in edtf_keys:
            if k in value and value[k] is not None:
                try:
                    check_edtf(value[k])
                except DateError as err:
                    raise AnnotationError(f"{_where(path, line)}: '{k}': {err}") from None
        if "exact" in value and key:
            start, end = anchor(
                text,
                value["exact"],
                value.get("prefix", ""),
                value.get("suffix", ""),
                source=str(path),
                line=line,
            )
            return Anchor(value["exact"], value.get("prefix", ""), value.get("suffix", ""), start, end, line)
        out[LINE] = line
        return out
    if isinstance(value, list):
        return [_resolve(v, text, path, edtf_keys, key) for v in value]
    return value


def load_annotations(
    article: Article,
    path: str | Path | None = None,
    kinds: Iterable[str] | None = None,
    edtf_keys: Iterable[str] = EDTF_KEYS,
) -> Annotations:
    """Load and anchor the annotations of a seed.

    Parameters
    ----------
    article : Article
        The ingested article whose verbatim text the quotes are resolved in.
    path : str or Path, optional
        The YAML file; default ``annotations.yaml`` in the article's own seed folder.
    kinds : iterable of str, optional
        Only these kinds (top-level lists); default all.
    edtf_keys : iterable of str
        Keys whose values must be valid EDTF strings.

    Returns
    -------
    Annotations
        Kind -> list of :class:`Annotation`, in file order.

    Raises
    ------
    AnnotationError
        Naming the file, line and quote or value, for a missing or ambiguous quote, an invalid
        EDTF value, a missing or repeated id.

    """
    path = Path(path) if path is not None else article.seed_file("annotations.yaml")
    data = read_yaml(path)
    wanted = set(kinds) if kinds is not None else None
    edtf_keys = tuple(edtf_keys)
    result: dict[str, list[Annotation]] = {}
    for kind, items in data.items():
        if kind in (LINE, "version") or (wanted is not None and kind not in wanted):
            continue
        seen: dict[str, int] = {}
        parsed = []
        for item in items:
            if not isinstance(item, dict):
                raise AnnotationError(
                    f"{_where(path, data[LINE])}: an item of '{kind}' is not a mapping: {item!r}"
                )
            line = item[LINE]
            item_id = item.get("id")
            if not item_id:
                raise AnnotationError(
                    f"{_where(path, line)}: an item of '{kind}' has no 'id'; give it a unique id"
                )
            if item_id in seen:
                raise AnnotationError(
                    f"{_where(path, line)}: id {item_id!r} of '{kind}' is used twice (first on line "
                    f"{seen[item_id]}); ids must be unique within a kind"
                )
            seen[item_id] = line
            own = None
            if "exact" in item:
                start, end = anchor(
                    article.text,
                    item["exact"],
                    item.get("prefix", ""),
                    item.get("suffix", ""),
                    source=str(path),
                    line=line,
                )
                own = Anchor(item["exact"], item.get("prefix", ""), item.get("suffix", ""), start, end, line)
            fields = _resolve(
                {k: v for k, v in item.items() if k not in ("exact", "prefix", "suffix")},
                article.text,
                path,
                edtf_keys,
            )
            fields.pop(LINE, None)
            parsed.append(Annotation(kind, str(item_id), line, own, fields))
        result[kind] = parsed
    if wanted is not None:
        missing = sorted(wanted - set(result))
        if missing:
            raise AnnotationError(
                f"{path}: no '{missing[0]}' list; add one (kinds present: {', '.join(sorted(result))})"
            )
    return Annotations(path, result, article.text)
