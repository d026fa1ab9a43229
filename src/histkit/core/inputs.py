"""Folders a notebook writes and files it reads, checked before anything is written.

A parameter naming an output folder must be a folder histkit may write: not empty (which would mean
the project folder itself), inside the project (unless the caller allows otherwise), not one of the
project's own source folders, and writable. A parameter naming an input file must be readable and
well formed. Both raise :class:`~histkit.core.errors.ParameterError` naming the parameter.
"""

from __future__ import annotations

import csv
import errno
import math
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from histkit.core.errors import HistkitError, OutputError, ParameterError
from histkit.core.paths import project_root

# Folders of the project that hold sources, never outputs.
PROTECTED = ("seeds", "notebooks", "src", "tests", "benchmarks", ".git", ".venv")
PRICE_INDEX_COLUMNS = ["year", "index", "source"]


def _root(root: Path | None) -> Path:
    try:
        return (root or project_root()).resolve()
    except HistkitError:
        return Path.cwd().resolve()


def problem_of(err: OSError) -> str:
    """A plain phrase for an operating-system error, with what would fix it."""
    if err.errno == errno.ENOSPC or err.errno == errno.EDQUOT:
        return "the disk is full; free some space"
    if err.errno == errno.EROFS:
        return "it is on a read-only file system; choose a folder on a writable disk"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied; make the folder writable (chmod u+w) or choose another"
    if err.errno == errno.ENOTDIR:
        return "a file stands where a folder is needed; remove it or choose another folder"
    return f"{err.strerror or err}; choose another folder"


def _probe(folder: Path) -> None:
    """Create and delete a file in ``folder``: the only test that also catches read-only disks."""
    fd, name = tempfile.mkstemp(prefix=".histkit-probe-", dir=folder)
    os.close(fd)
    os.unlink(name)


def check_writable(folder: Path) -> None:
    """Raise :class:`OutputError` unless ``folder`` (or the nearest folder above it that exists) is writable."""
    existing = Path(os.path.abspath(folder))
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"cannot write in {folder}: {existing} is a file, not a folder; remove it or move it away")
    try:
        _probe(existing)
    except OSError as err:
        raise OutputError(f"cannot write in {existing}: {problem_of(err)}") from None


def check_output_dir(name: str, value: str, *, root: Path | None = None, allow_outside: bool = False) -> Path:
    """Check that the folder named by parameter ``name`` may be written; return it resolved.

    Raises
    ------
    ParameterError
        If the value is empty, outside the project (unless ``allow_outside``), a source folder of
        the project, a file, or not writable.

    """
    hint = f"e.g. -p {name} build/{name.removesuffix('_dir')}"
    if not value.strip():
        raise ParameterError(
            f"parameter {name!r} is empty, which would write into the project folder itself; "
            f"give a folder, {hint}"
        )
    if "\0" in value:
        raise ParameterError(f"parameter {name!r} contains a NUL character; give a plain folder path, {hint}")
    base = _root(root)
    folder = Path(value) if Path(value).is_absolute() else base / value
    folder = Path(os.path.abspath(folder))
    try:
        inside = folder.resolve().relative_to(base)
    except ValueError:
        inside = None
    if inside is None and not allow_outside:
        raise ParameterError(
            f"parameter {name!r} is {value!r}, outside the project {base}; give a folder inside it, {hint} "
            "(or pass --allow-outside to write there)"
        )
    if inside is not None and (not inside.parts or inside.parts[0] in PROTECTED):
        raise ParameterError(
            f"parameter {name!r} is {value!r}, which holds the project's own sources; give an output folder, {hint}"
        )
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise ParameterError(f"parameter {name!r}: {existing} is a file, not a folder; {hint}")
    try:
        _probe(existing)
    except OSError as err:
        raise ParameterError(f"parameter {name!r}: cannot write in {existing}: {problem_of(err)}") from None
    return folder


def read_price_index(name: str, path: Path) -> list[dict[str, Any]]:
    """Read a price index CSV (header ``year,index,source``); return its rows in file order.

    Raises
    ------
    ParameterError
        Naming parameter ``name``, the file and the line of the first problem (missing file, wrong
        header, a year or index that is not a number, a duplicate year, an index that is not
        positive, a missing source).

    """
    where = f"parameter {name!r}: {path}"
    if not path.is_file():
        raise ParameterError(f"{where}: no such file; give the path of a CSV with columns year,index,source")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as err:
        raise ParameterError(f"{where}: not UTF-8 text ({err.reason}); save the CSV as UTF-8") from err
    except OSError as err:
        raise ParameterError(f"{where}: cannot read it ({err.strerror}); make it readable") from err
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or [h.strip().lower() for h in header] != PRICE_INDEX_COLUMNS:
        raise ParameterError(f"{where}, line 1: the header must be 'year,index,source'; found {header!r}")
    rows: list[dict[str, Any]] = []
    seen: set[int] = set()
    for number, fields in enumerate(reader, start=2):
        if not fields or not "".join(fields).strip():
            continue
        if len(fields) != 3:
            raise ParameterError(f"{where}, line {number}: expected 3 fields (year,index,source); got {fields!r}")
        year_text, index_text, source = (f.strip() for f in fields)
        try:
            year = int(year_text)
            index = float(index_text)
        except ValueError:
            raise ParameterError(
                f"{where}, line {number}: year {year_text!r} must be an integer and index {index_text!r} a number"
            ) from None
        if not (math.isfinite(index) and index > 0):
            raise ParameterError(f"{where}, line {number}: index must be a positive number; got {index_text!r}")
        if year in seen:
            raise ParameterError(f"{where}, line {number}: year {year} appears twice")
        if not source:
            raise ParameterError(f"{where}, line {number}: give the source of the index for {year}")
        seen.add(year)
        rows.append({"year": year, "index": index, "source": source})
    if not rows:
        raise ParameterError(f"{where}: the file has a header but no rows")
    return rows


def check_input_file(name: str, value: str, *, root: Path | None = None) -> Path:
    """Check that the file named by parameter ``name`` is readable and well formed; return it.

    A relative path is taken from the project root. The one input file the workbook reads is a
    price index (``price_index_file``).
    """
    path = Path(value) if Path(value).is_absolute() else _root(root) / value
    read_price_index(name, path)
    return path


def yaml_problem(err: yaml.YAMLError) -> str:
    """A YAML error on one line: position, problem, its context, and what to do."""
    mark = getattr(err, "problem_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    problem = getattr(err, "problem", None) or " ".join(str(err).split())
    context = getattr(err, "context", None)
    context_mark = getattr(err, "context_mark", None)
    if context and context_mark is not None:
        context = f"{context} at line {context_mark.line + 1}, column {context_mark.column + 1}"
    cause = f" ({context})" if context else ""
    return (f"not valid YAML: {where}{problem}{cause}; fix the syntax there (a value holding ': ' or "
            "starting with a quote or '*' must be quoted)")
