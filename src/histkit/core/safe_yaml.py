"""YAML that cannot hang or flood: the one way histkit reads a YAML file.

PyYAML's ``safe_load`` builds no objects, but it still expands aliases (a file under 300 bytes can
name 10⁹ elements), recurses once per level of nesting (a file nested 100,000 deep ends in a
RecursionError) and keeps the last of two equal keys without a word. :class:`SafeLoader` refuses
all three, as a YAML error with the line and column, and :func:`load_file` refuses a file larger
than :data:`MAX_BYTES` or not UTF-8, naming the file. Curated files and parameter files never need
aliases (write the value twice), so refusing them costs nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from histkit.core.errors import HistkitError, excerpt
from histkit.core.inputs import yaml_problem

MAX_BYTES = 1_000_000  # a curated file is tens of kilobytes; this is forty times the largest
MAX_DEPTH = 64  # levels of nesting; curated files use four


class Refused(yaml.MarkedYAMLError):
    """Valid YAML that histkit refuses: an alias, nesting too deep, a key given twice."""


class SafeLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` without aliases, deep nesting or duplicate keys."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        """Compose one node; refuse an alias, or a node deeper than :data:`MAX_DEPTH`."""
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise Refused(None, None, f"an alias (*{excerpt(event.anchor, 30)[1:-1]}) is not allowed in "
                                "histkit files; write the value out where it is used", event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                event = self.peek_event()
                raise Refused(None, None, f"nested more than {MAX_DEPTH} levels deep; "
                                    "histkit files need a few levels", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Construct a mapping; refuse a key given twice (PyYAML keeps the last without a word)."""
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key: the base class says so with its line
                break
            if duplicate:
                raise Refused(None, None, f"the key {excerpt(key, 40)} is given twice (first at line "
                              f"{_first_line(node, key_node) + 1}); keep one", key_node.start_mark)
        return super().construct_mapping(node, deep=deep)


def _first_line(node: yaml.MappingNode, duplicate: yaml.Node) -> int:
    same = [k for k, _ in node.value if getattr(k, "value", None) == getattr(duplicate, "value", object())]
    return (same[0] if same else duplicate).start_mark.line


def loads(text: str, loader: type[SafeLoader] = SafeLoader) -> Any:
    """Parse ``text`` with ``loader``; raise ``yaml.YAMLError`` for anything refused."""
    return yaml.load(text, Loader=loader)


def load_file(path: Path, error: type[HistkitError], what: str = "file",
              loader: type[SafeLoader] = SafeLoader) -> Any:
    """Read and parse the YAML file ``path``; any problem is ``error`` naming the file and the fix.

    Parameters
    ----------
    path : Path
        The file.
    error : type
        The :class:`~histkit.core.errors.HistkitError` to raise (ParameterError, AnnotationError).
    what : str
        What the file is, for the message ("parameters file").
    loader : type
        :class:`SafeLoader` or a subclass.

    """
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise error(f"{path}: cannot read {what} ({err.strerror})") from err
    if len(raw) > MAX_BYTES:
        raise error(f"{path}: larger than {MAX_BYTES:,} bytes, more than a {what} needs; "
                    "split it or remove what is not used")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise error(f"{path}:{line}: not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}); "
                    "save the file as UTF-8") from err
    try:
        return loads(text, loader)
    except Refused as err:
        raise error(f"{path}:{err.problem_mark.line + 1}: {err.problem}") from err
    except yaml.YAMLError as err:
        raise error(f"{path}: {yaml_problem(err)}") from err
    except RecursionError as err:  # the constructor's own recursion, past the composer's limit
        raise error(f"{path}: nested too deeply; histkit files need a few levels") from err
