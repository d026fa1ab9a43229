"""The pre-kernel seed check, done once per version of what it reads.

Before any kernel starts, a build loads every seed folder it will read with its curated files, as
the notebooks will, so that a bad seed is one line and nothing runs (:func:`check_seed`). Loading
and anchoring the curated files takes about a second (the EDTF grammar alone about 11 ms a date),
longer than a whole no-change build, so a check that passed is remembered in
``build/cache/seeds/``: under the SHA-256 of every file in the seed folder, the ``histkit`` source
and the Python and package versions. Any change to any of them (a curated file edited, a new one
added, the package upgraded) checks the seed again before any kernel starts. A check that fails is
never remembered, and the record is safe to delete.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from histkit.core import memo
from histkit.core.errors import OutputError
from histkit.core.files import atomic_write
from histkit.run.cache import package_files

RECORDS = ("build", "cache", "seeds")
_PENDING: dict[Path, str] = {}  # checks passed in this build, written once every check passed


def check_seed(folder: Path) -> None:
    """Load a seed folder and every curated file in it, as the notebooks will: errors come now.

    Raises
    ------
    SeedError, AnnotationError
        For the first problem in the folder, naming the file, line and fix.
    """
    from histkit import load_seed
    from histkit.text.curated import check_curated

    check_curated(load_seed(str(folder)), folder)


def fingerprint(folder: Path) -> str:
    """SHA-256 over every file in ``folder``, the ``histkit`` source, its version and Python's."""
    from histkit import __version__

    digest = hashlib.sha256(f"histkit {__version__}\n{sys.version}\n".encode())
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            # where a link leads is part of what was checked: a link moved outside must be checked again
            where = str(path.resolve()) if path.is_symlink() else ""
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + where.encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name, file_digest in package_files():
        digest.update(name.encode() + b"\0" + file_digest)
    return digest.hexdigest()


def _record(root: Path, folder: Path) -> Path:
    # One record per seed folder, named so that two folders with one name never share it; by its path
    # inside the project when it is there, so that a copied or moved project keeps its records.
    folder = folder.resolve()
    try:
        where = folder.relative_to(root.resolve()).as_posix()
    except ValueError:
        where = str(folder)
    return root.joinpath(*RECORDS) / f"{folder.name}-{hashlib.sha256(where.encode()).hexdigest()[:12]}.json"


def check(root: Path, folder: Path) -> bool:
    """Check a seed folder unless this very content already passed; return True if it was checked now.

    Raises
    ------
    SeedError, AnnotationError
        As :func:`check_seed`, for a folder whose content changed since it last passed.
    """
    if not folder.is_dir():
        check_seed(folder)  # says the folder is missing, and how to fix it
        return True
    try:
        seen = fingerprint(folder)
    except OSError:
        check_seed(folder)  # an unreadable file: the check names it
        return True
    record = _record(root, folder)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        if json.loads(record.read_text(encoding="utf-8")).get("fingerprint") == seen:
            return False
    check_seed(folder)
    # Written by save_records, once the whole build's checks passed: a refused build writes nothing.
    _PENDING[record] = json.dumps({"seed": folder.name, "fingerprint": seen}, indent=1) + "\n"
    return True


def check_all(root: Path, folders: Iterable[Path]) -> None:
    """Check every seed folder a build reads (see :func:`check`); forget what an earlier refused build checked."""
    _PENDING.clear()
    for folder in folders:
        check(root, folder)


def save_records() -> None:
    """Remember the seeds checked since the last call (a build calls it once all its checks passed).

    What the checks read (curated YAML, EDTF bounds) is written to ``build/cache/memo/`` now too, so the
    notebooks' kernels start with it instead of each reading it again.
    """
    memo.save_all()
    while _PENDING:
        record, text = _PENDING.popitem()
        with contextlib.suppress(OutputError):  # a read-only project still builds: it checks each time
            atomic_write(record, text, stage=False)
