"""The build cache and the figure manifest.

A notebook is executed again only when something it depends on changed: its own content, its
parameters, the seed folder (text, metadata, annotations), the ``histkit`` source, or the installed
package versions. Each successful run leaves a record in ``build/cache/<notebook>.json`` naming the
files it wrote (read from the ``histkit`` metadata that figures and table exports put on their
outputs) with their SHA-256; a record whose files are missing or changed is stale. The cache is safe
to delete.

``figures/MANIFEST.tsv`` links every figure file to the notebook and cell that drew it, the
parameters, and the SHA-256 of the seed and of the file.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from histkit.core.errors import OutputError
from histkit.core.files import atomic_write

MANIFEST = "MANIFEST.tsv"
MANIFEST_COLUMNS = ("file", "sha256", "notebook", "cell", "seed", "seed_sha256", "parameters")


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes, or an empty string when it does not exist."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


@functools.lru_cache(maxsize=1)
def environment() -> str:
    """The Python version and every installed distribution's version, as one stable string.

    Read from the names of the ``*.dist-info`` folders on ``sys.path`` (``name-version.dist-info``),
    not from each distribution's metadata: the same versions in about 1 ms instead of about 90 ms,
    which is a third of a no-change build. A ``.egg-info`` without a version in its name (an old
    style development install) counts by the content of its ``PKG-INFO``.
    """
    found = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") or (name.endswith(".egg-info") and "-" in name):
                found.add(name)
            elif name.endswith(".egg-info"):
                info = Path(entry or ".", name, "PKG-INFO")
                found.add(f"{name}:{sha256_file(info) if info.is_file() else ''}")
    return sys.version + "\n" + "\n".join(sorted(found))


@functools.lru_cache(maxsize=1)
def package_files() -> tuple[tuple[str, bytes], ...]:
    """(path, SHA-256) of every ``.py`` file of the ``histkit`` package, read once per process."""
    package = Path(__file__).resolve().parents[1]
    return tuple((p.relative_to(package).as_posix(), hashlib.sha256(p.read_bytes()).digest())
                 for p in sorted(package.rglob("*.py")) if p.is_file())


def _tree(folder: Path, pattern: str) -> list[tuple[str, bytes]]:
    return [(p.relative_to(folder).as_posix(), p.read_bytes()) for p in sorted(folder.rglob(pattern)) if p.is_file()]


def key(root: Path, notebook: Path, params: dict[str, Any], seed: Path) -> str:
    """The cache key of one notebook run: a SHA-256 over everything the run depends on.

    ``seed`` is the seed folder the run reads (every file in it counts: text, metadata, annotations).
    """
    digest = hashlib.sha256()
    digest.update(notebook.read_bytes())
    digest.update(json.dumps(params, sort_keys=True, default=str).encode())
    for value in sorted(v for v in params.values() if isinstance(v, str) and v):
        # A parameter naming a file (a price index, say) is an input: its content counts.
        if _resolve(root, value).is_file():
            digest.update(hashlib.sha256(_resolve(root, value).read_bytes()).digest())
    for name, data in _tree(seed, "*"):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    for name, file_digest in package_files():  # the whole histkit package, every layer
        digest.update(name.encode() + b"\0" + file_digest)
    digest.update(environment().encode())
    return digest.hexdigest()


_PENDING: dict[Path, str] = {}  # parameter records read but not yet saved


def remembered_parameters(
    notebook: Path, inspect: Callable[[Path], dict[str, dict[str, Any]]], root: Path, save: bool = True
) -> dict[str, dict[str, Any]]:
    """A notebook's declared parameters, read by ``inspect`` once per version of the notebook.

    Reading them needs papermill (and its imports take longer than a whole no-change build), so
    they are kept in the project ``root``'s ``build/cache/parameters/`` under the notebook's SHA-256.
    With ``save`` false the record waits for :func:`save_parameters` (a build writes nothing before
    its checks pass).
    """
    digest = sha256_file(notebook)
    # Named after the notebook's folder too: the generic workbook's notebooks share their names
    # with the project's, and live inside the installed package, where nothing may be written.
    stem = notebook.stem if notebook.parent.name == "notebooks" else f"{notebook.parent.name}-{notebook.stem}"
    store = root / "build" / "cache" / "parameters" / f"{stem}.json"
    data = _load(store)
    if data and data.get("sha256") == digest:
        return data["parameters"]
    found = inspect(notebook)
    _PENDING[store] = json.dumps({"sha256": digest, "parameters": found}, indent=1, default=str) + "\n"
    if save:
        save_parameters()
    return found


def save_parameters() -> None:
    """Write the parameter records read since the last call."""
    while _PENDING:
        store, text = _PENDING.popitem()
        with contextlib.suppress(OutputError):  # a read-only project still lists its parameters
            atomic_write(store, text, stage=False)


def _record_path(cache_dir: Path, notebook: Path) -> Path:
    return cache_dir / f"{notebook.stem}.json"


def _outputs(executed: Path) -> list[tuple[str, str, str]]:
    """(kind, file, cell id) for every file the executed notebook says it wrote."""
    found = []
    nb = json.loads(executed.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            written = output.get("metadata", {}).get("histkit", {})
            for kind in ("figures", "files"):
                found.extend((kind, name, cell.get("id", "")) for name in written.get(kind, []))
    return found


def _resolve(root: Path, name: str) -> Path:
    path = Path(name)
    return path if path.is_absolute() else root / path


def _portable(root: Path, params: dict[str, Any]) -> dict[str, Any]:
    """Parameters with paths inside the project written relative to it, so records travel."""
    out = {}
    for name, value in params.items():
        if isinstance(value, str) and Path(value).is_absolute():
            try:
                value = Path(value).relative_to(root).as_posix()
            except ValueError:
                pass
        out[name] = value
    return out


def record(
    root: Path, cache_dir: Path, notebook: Path, run_key: str, params: dict[str, Any], seed: Path, executed: Path,
    seconds: float | None = None,
) -> None:
    """Remember a successful run: its key, its executed copy, the files it wrote and how long it took.

    ``seconds`` (its kernel's CPU time, or its wall time where that is unknown) orders the next build's
    notebooks (:mod:`histkit.run.schedule`); it is no part of the key.
    """
    outputs = _outputs(executed)
    data = {
        "notebook": notebook.name,
        "seconds": None if seconds is None else round(seconds, 2),
        "key": run_key,
        "seed": seed.name,
        "parameters": _portable(root, params),
        "seed_sha256": sha256_file(seed / "article.txt"),
        "executed_sha256": sha256_file(executed),
        "outputs": [
            {"kind": kind, "file": name, "cell": cell, "sha256": sha256_file(_resolve(root, name))}
            for kind, name, cell in outputs
        ],
    }
    atomic_write(_record_path(cache_dir, notebook), json.dumps(data, indent=1, sort_keys=True) + "\n")


def last_seconds(cache_dir: Path, notebook: Path) -> float | None:
    """How long the notebook's last successful run took (see :func:`record`), or None if unknown."""
    data = _load(_record_path(cache_dir, notebook))
    seconds = data.get("seconds") if isinstance(data, dict) else None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not 0 <= seconds < float("inf"):
        return None
    return float(seconds)


def forget(cache_dir: Path, notebook: Path) -> None:
    """Drop a notebook's record, so its next build runs it."""
    _record_path(cache_dir, notebook).unlink(missing_ok=True)


def _load(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_fresh(root: Path, cache_dir: Path, notebook: Path, run_key: str, executed: Path) -> bool:
    """True when the last run had this key and everything it wrote is still there, unchanged."""
    data = _load(_record_path(cache_dir, notebook))
    if not data or data.get("key") != run_key or data.get("executed_sha256") != sha256_file(executed):
        return False
    return all(sha256_file(_resolve(root, o["file"])) == o["sha256"] for o in data.get("outputs", []))


def write_manifest(root: Path, cache_dir: Path, figures_dir: Path) -> Path | None:
    """Write ``MANIFEST.tsv`` in ``figures_dir`` from the run records, one row per figure file.

    Rows for figures whose notebook has no record (e.g. after the cache was deleted and only one
    notebook was rebuilt) are kept from the previous manifest while their file is unchanged.
    """
    rows: dict[str, tuple[str, ...]] = {}
    target = figures_dir / MANIFEST
    if target.is_file():
        for line in target.read_text(encoding="utf-8").splitlines()[1:]:
            cells = tuple(line.split("\t"))
            if len(cells) == len(MANIFEST_COLUMNS) and sha256_file(_resolve(root, cells[0])) == cells[1]:
                rows[cells[0]] = cells
    for path in sorted(cache_dir.glob("*.json")):
        data = _load(path) or {}
        params = json.dumps(data.get("parameters", {}), sort_keys=True)
        for out in data.get("outputs", []):
            file = _resolve(root, out["file"])
            if out["kind"] == "figures" and file.parent == figures_dir and file.is_file():
                rows[out["file"]] = (out["file"], out["sha256"], data["notebook"], out["cell"],
                                     data.get("seed", ""),
                                     data.get("seed_sha256", ""), params)
    if not rows:
        return None
    lines = ["\t".join(MANIFEST_COLUMNS)] + ["\t".join(rows[name]) for name in sorted(rows)]
    return atomic_write(target, "\n".join(lines) + "\n")
