"""Seed folders: the verbatim article, its metadata and its checksum.

A seed folder holds ``article.txt`` (never edited), ``seed.toml`` (bibliographic metadata and the
SHA-256 of the text) and, later, ``annotations.yaml``. :func:`read_seed` checks all of it and
returns the text exactly as stored; :func:`histkit.load_seed` also parses it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any

from histkit.core.errors import SeedError
from histkit.core.memo import Memo, source_digest
from histkit.core.paths import resolve_seed_dir

# A seed's id and folder name: one path component, never "..", a slash or an absolute path.
SEED_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
_TEXT = {"type": "string"}
_DAY = {"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2})?$"}
# The declared shape of seed.toml (JSON Schema). Unknown keys are allowed where a curator may add
# notes, as long as they are text.
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["seed"],
    "properties": {
        "seed": {
            "type": "object",
            "properties": {
                "id": {"type": "string", "pattern": SEED_ID},
                "file": {"type": "string", "minLength": 1},
                "sha256": {"type": "string", "pattern": r"^[0-9a-f]{64}$"},
                "origin": _TEXT,
            },
            "additionalProperties": _TEXT,
        },
        "conversion": {
            "type": "object",
            "required": ["file", "sha256", "format", "converter", "version"],
            "properties": {
                "file": {"type": "string", "minLength": 1},
                "sha256": {"type": "string", "pattern": r"^[0-9a-f]{64}$"},
                "format": {"enum": ["pdf", "docx", "odt", "jats", "html", "markdown"]},
                "converter": _TEXT,
                "version": _TEXT,
                "repairs": _TEXT,
                "settings": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}},
            },
            "additionalProperties": _TEXT,
        },
        "bibliographic": {
            "type": "object",
            "properties": {"received": _DAY, "approved": _DAY, "language": _TEXT, "title": _TEXT,
                           "author": _TEXT, "affiliation": _TEXT,
                           # each affiliation as printed, anchored in the article (``histkit new`` writes them)
                           "affiliations": {"type": "array", "items": {
                               "type": "object", "required": ["quote", "start", "end"],
                               "properties": {"quote": _TEXT, "start": {"type": "integer", "minimum": 0},
                                              "end": {"type": "integer", "minimum": 0},
                                              "line": {"type": "integer", "minimum": 1}}}}},
            "additionalProperties": {"type": ["string", "integer", "array"]},
        },
    },
}
TOML_TYPES = {"object": "a table", "string": "a string (in quotes)", "integer": "an integer", "array": "a list"}
EXAMPLES = {"seed": "[seed] table", "id": 'id = "my-seed"', "file": 'file = "article.txt"',
            "sha256": 'sha256 = "<64 hex digits>"', "received": 'received = "2017-06-04"',
            "approved": 'approved = "2017-11-28"', "bibliographic": "[bibliographic] table"}


@dataclass(frozen=True)
class Seed:
    """A checked seed folder.

    Attributes
    ----------
    seed_id : str
        The folder's id (``[seed] id`` in seed.toml, else the folder name).
    folder : Path
        The seed folder.
    text : str
        The verbatim article text; offsets everywhere are code points into it.
    sha256 : str
        SHA-256 of the article file's bytes.
    meta : dict
        The parsed seed.toml.

    """

    seed_id: str
    folder: Path
    text: str
    sha256: str
    meta: dict[str, Any] = field(repr=False)

    @property
    def article_path(self) -> Path:
        """Path of the verbatim article file."""
        return self.folder / self.meta.get("seed", {}).get("file", "article.txt")

    @property
    def bibliographic(self) -> dict[str, Any]:
        """The ``[bibliographic]`` table of seed.toml."""
        return dict(self.meta.get("bibliographic", {}))


def read_seed(seed: str | os.PathLike[str]) -> Seed:
    """Read and check a seed folder.

    Parameters
    ----------
    seed : str or path
        A folder path, or the name of a folder under the project's ``seeds/``.

    Raises
    ------
    SeedError
        If the folder, seed.toml or the article is missing, the article is empty or not UTF-8,
        or its SHA-256 differs from the one recorded in seed.toml.

    """
    folder = resolve_seed_dir(seed)
    if not folder.is_dir():
        raise SeedError(
            f"seed folder {folder} does not exist; pass an existing folder or the name of one under seeds/"
        )
    toml_path = folder / "seed.toml"
    if not toml_path.is_file():
        raise SeedError(
            f"{toml_path} is missing; add it with a [seed] table (id, file, sha256) and [bibliographic] metadata"
        )
    try:
        meta = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise SeedError(f"{toml_path}: not valid TOML ({err}); fix the syntax") from err
    check_shape(meta, toml_path)
    table = meta.get("seed", {})
    article = inside(folder, folder / table.get("file", "article.txt"))
    if not article.is_file():
        raise SeedError(f"{article} is missing; copy the verbatim article text there")
    raw = article.read_bytes()
    if not raw.strip():
        raise SeedError(f"{article} is empty; copy the verbatim article text there")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise SeedError(
            f"{article}:{line}: not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}); "
            "convert the file to UTF-8"
        ) from err
    digest = hashlib.sha256(raw).hexdigest()
    expected = table.get("sha256")
    if not expected:
        raise SeedError(f"{toml_path}: [seed] sha256 is missing; add sha256 = \"{digest}\"")
    if digest != expected:
        raise SeedError(
            f"{article}: SHA-256 is {digest} but {toml_path.name} records {expected}; restore the "
            "verbatim text (corrections belong in annotations), or update sha256 if the new text is intended"
        )
    _check_anchored(meta.get("bibliographic", {}).get("affiliations", []), text, toml_path)
    return Seed(seed_id=table.get("id", folder.name), folder=folder, text=text, sha256=digest, meta=meta)


def _check_anchored(quotes: list[dict[str, Any]], text: str, toml_path: Path) -> None:
    """Each ``[[bibliographic.affiliations]]`` quote is the article's text at its ``start``/``end``."""
    for n, item in enumerate(quotes, start=1):
        start, end, quote = item["start"], item["end"], item["quote"]
        if text[start:end] != quote:
            found = text[start:end][:60]
            raise SeedError(
                f"{toml_path}: [[bibliographic.affiliations]] number {n}: article.txt[{start}:{end}] is {found!r}, "
                f"not the quote {quote[:60]!r}; correct start and end (or the quote), or run `histkit new` again"
            )


def inside(folder: Path, path: Path) -> Path:
    """Return ``path`` if it lies in ``folder`` once links are resolved; else a :class:`SeedError`.

    The '..' check on ``seed.file`` reads the name only; a link named article.txt could still lead
    anywhere on the disk (issue 21).
    """
    if path.exists() and not path.resolve().is_relative_to(folder.resolve()):
        raise SeedError(f"{path} is a link to {path.resolve()}, outside the seed folder {folder}; copy the "
                        "file into the seed folder instead of linking to it")
    return path
@functools.lru_cache(maxsize=1)
def _shapes() -> Memo:
    return Memo("seed-shapes", f"jsonschema {version('jsonschema')}; {source_digest(__file__)}", limit=64)


def _jsonschema() -> Any:
    """jsonschema, imported without building rfc3987-syntax's grammars when it is not yet loaded.

    jsonschema loads rfc3987-syntax, when installed, only to check the "iri" string formats; building
    its grammars takes about 1.3 s, longer than ingesting the article, and every notebook kernel
    would pay it. The seed schema checks no formats, so the import goes without it (as the command
    line's does), and a later ``import rfc3987_syntax`` elsewhere still works.
    """
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
        try:
            import jsonschema
        finally:
            if sys.modules.get("rfc3987_syntax", 0) is None:
                del sys.modules["rfc3987_syntax"]
    import jsonschema

    return jsonschema


def check_shape(meta: dict[str, Any], path: Path) -> None:
    """Check parsed seed.toml against :data:`SCHEMA`.

    Raises
    ------
    SeedError
        Naming the key (``seed.file``), what it must be and an example.

    """
    # A seed.toml whose content passed before is not checked again (jsonschema's import alone takes
    # about 0.2 s in every notebook); only a passing shape is remembered.
    shape = hashlib.sha256(json.dumps(meta, sort_keys=True, default=repr).encode()).hexdigest()
    found = [] if _shapes().get(shape) else _jsonschema().Draft202012Validator(SCHEMA).iter_errors(meta)
    errors = sorted(found, key=lambda e: (len(e.path), list(map(str, e.path))))
    if errors:
        err = errors[0]
        keys = [str(k) for k in err.path]
        if err.validator == "required":
            keys.append(str(err.message.split("'")[1]))
        key = ".".join(keys) or "(top level)"
        kinds = [err.validator_value] if isinstance(err.validator_value, str) else list(err.validator_value)
        expected = {"type": " or ".join(TOML_TYPES.get(str(k), str(k)) for k in kinds),
                    "required": "present", "pattern": f"text matching {err.validator_value}",
                    "minLength": "not empty"}.get(str(err.validator), str(err.validator))
        got = "" if err.validator == "required" else f"; got {err.instance!r}"
        example = EXAMPLES.get(keys[-1] if keys else "", "")
        raise SeedError(f"{path}: key '{key}' must be {expected}{got}" + (f"; e.g. {example}" if example else ""))
    for key in ("received", "approved"):
        day = meta.get("bibliographic", {}).get(key, "")
        try:
            date.fromisoformat(day) if day else None
        except ValueError:
            raise SeedError(f"{path}: key 'bibliographic.{key}' is {day!r}, a date that does not exist; "
                            f"give year-month-day, e.g. {EXAMPLES[key]}") from None
    _shapes().put(shape, True)
    file = meta["seed"].get("file", "article.txt")
    if Path(file).is_absolute() or ".." in Path(file).parts:
        raise SeedError(f"{path}: key 'seed.file' must name a file inside the seed folder; got {file!r}; "
                        'e.g. file = "article.txt"')

