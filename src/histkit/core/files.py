"""Writing outputs so that nothing is ever half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import filelock

from histkit.core.errors import OutputError
from histkit.core.paths import relative


def ensure_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) or raise :class:`OutputError` naming it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(
            f"cannot create output folder {folder}: {err.strerror}; choose a writable folder"
        ) from err
    return folder


def atomic_write(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A reader (or a second build) sees either the old file or the new one, never a mix.
    """
    ensure_dir(path.parent)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise OutputError(
            f"cannot write in {path.parent}: {err.strerror}; make the folder writable"
        ) from err
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {err.strerror}; make the folder writable") from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for the duration, or refuse at once if another process has it.

    The lock is the operating system's (``flock`` on POSIX, ``LockFileEx`` on Windows, through
    ``filelock``): it goes away with the process, so a killed build never leaves a stale lock behind.
    """
    ensure_dir(path.parent)
    lock = filelock.FileLock(path, timeout=0, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout as err:
        raise OutputError(
            f"another histkit build is running (it holds {path}); wait for it to finish, then build again"
        ) from err
    except OSError as err:
        raise OutputError(f"cannot lock {path}: {err.strerror}; make the folder writable") from err
    try:
        yield
    finally:
        lock.release()


class WrittenFiles(tuple):
    """Files a notebook cell wrote. Shows their names; tells the runner which files to track.

    The list travels in the output's metadata (which nbval does not compare), so the build cache
    can tell when an output has gone missing or been changed.
    """

    label = "files written"

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> tuple[dict, dict]:
        return {"text/plain": repr(self)}, {"histkit": {"files": [relative(Path(p)) for p in self]}}

    def __repr__(self) -> str:
        return f"{self.label}: " + ", ".join(Path(p).name for p in self)
