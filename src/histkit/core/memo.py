"""Results worth keeping between processes, in plain JSON under ``build/cache/memo/``.

A build runs each notebook in its own kernel, and every kernel would redo the same slow pure
computations (the edtf package's grammar takes about 11 ms a date, and a chronology holds about a
hundred). A :class:`Memo` keeps such results in ``build/cache/memo/<name>.json``, readable and safe to
delete (JSON, never pickle), under a ``version`` string that names everything the results depend on
(the library's version, the SHA-256 of the code that computes them): a file written under another
version is ignored. Only values that JSON gives back unchanged belong here (strings, numbers,
``None``, lists of them), and only results, never errors.

The file is read on first use and written when the process ends (or on :func:`save_all`: a build
calls it once its pre-kernel checks, which read the seeds' curated files, passed, so that its kernels
start with what the checks found), merged with what other processes wrote meanwhile; a lost or
unwritable file only costs the time to compute again.
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import hashlib
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from histkit.core.errors import HistkitError

FOLDER = ("build", "cache", "memo")
_ALL: list[Memo] = []  # every memo made in this process


def source_digest(path: str | Path) -> str:
    """SHA-256 of a source file (a memo's results change when the code computing them does)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


class Memo:
    """A persistent mapping of string keys to JSON values, for one kind of result."""

    def __init__(self, name: str, version: str, limit: int = 10_000) -> None:
        self.name = name
        self.version = version
        self.limit = limit  # entries kept at most
        self._values: dict[str, Any] | None = None
        self._new: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._registered = False
        self._file: Path | None = None  # the project's file, found on first use and kept
        _ALL.append(self)

    def _path(self) -> Path | None:
        from histkit.core.paths import project_root

        if self._file is None:
            try:
                self._file = project_root().joinpath(*FOLDER) / f"{self.name}.json"
            except (HistkitError, OSError):
                return None  # outside a histkit project: remember in this process only
        return self._file

    def _read(self, path: Path | None) -> dict[str, Any]:
        if path is None:
            return {}
        with contextlib.suppress(OSError, ValueError, AttributeError):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") == self.version and isinstance(data.get("values"), dict):
                return data["values"]
        return {}

    def get(self, key: str, default: Any = None) -> Any:
        """The value remembered for ``key``, else ``default``."""
        with self._lock:
            if self._values is None:
                self._values = self._read(self._path())
            return self._values.get(key, default)

    def put(self, key: str, value: Any) -> None:
        """Remember ``value`` for ``key``; written to disk when the process ends."""
        with self._lock:
            if self._values is None:
                self._values = self._read(self._path())
            if not self._registered:
                atexit.register(self.save)
                self._registered = True
            self._values[key] = value
            self._new[key] = value

    def save(self) -> None:
        """Write the values found in this process, merged with the file as it is now."""
        from histkit.core.files import atomic_write

        with self._lock:
            new, self._new = self._new, {}
        path = self._path()
        if not new or path is None or not path.parents[len(FOLDER)].is_dir():
            return  # nothing new, or the project is gone (a test's temporary copy)
        values = self._read(path) | new
        if len(values) > self.limit:
            values = new  # old versions of edited files pile up: start again from this process's
        # Keys sorted for a stable file; values as they are (a mapping's order can matter to its reader).
        values = {key: values[key] for key in sorted(values)}
        with contextlib.suppress(HistkitError, OSError, TypeError, ValueError):
            atomic_write(path, json.dumps({"version": self.version, "values": values}, indent=1,
                                          ensure_ascii=False) + "\n", stage=False)


def save_all() -> None:
    """Write what every memo of this process found so far (a build, before its kernels start)."""
    for memo in _ALL:
        memo.save()


def round_trips(value: Any) -> bool:
    """True when JSON gives ``value`` back unchanged: same types (a tuple, a date or an int key would not)."""

    def same(a: Any, b: Any) -> bool:
        if type(a) is not type(b):
            return False
        if isinstance(a, dict):
            return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
        if isinstance(a, list):
            return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
        return a == b

    try:
        return same(value, json.loads(json.dumps(value, allow_nan=False)))
    except (TypeError, ValueError):
        return False


def by_content(memo: Memo, text: str, compute: Callable[[str], Any]) -> Any:
    """``compute(text)``, remembered in ``memo`` under the SHA-256 of ``text``; a fresh copy each time.

    Exceptions from ``compute`` pass through and are never remembered; a result JSON cannot give
    back unchanged (see :func:`round_trips`) is returned but not remembered.
    """
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    known = memo.get(key)
    if known is not None:
        return copy.deepcopy(known)  # the caller may change what it gets; the memo's copy stays
    value = compute(text)
    if value is not None and round_trips(value):
        memo.put(key, copy.deepcopy(value))
    return value


def remembered(memo: Memo, key: str, compute: Callable[[str], Any]) -> Any:
    """``compute(key)``, remembered in ``memo`` under ``key`` itself (for short keys, such as an EDTF string).

    As :func:`by_content`: exceptions are never remembered, nor results JSON would change.
    """
    known = memo.get(key)
    if known is not None:
        return copy.deepcopy(known)
    value = compute(key)
    if value is not None and round_trips(value):
        memo.put(key, copy.deepcopy(value))
    return value
