"""Writing outputs so that nothing is ever half-written, and a build's outputs all at once or not at all.

Every file goes through a temporary file and a rename (:func:`atomic_write`). During a build the runner
sets ``HISTKIT_STAGE`` for its kernels: every write then lands in that staging folder instead, under
the same relative path, and the runner moves the whole tree into place (:class:`Stage`) only when
every notebook succeeded. A failed, interrupted or killed build leaves the previous outputs as they were.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import filelock

from histkit.core.errors import OutputError
from histkit.core.inputs import problem_of
from histkit.core.paths import project_root, relative

STAGE_ENV = "HISTKIT_STAGE"


def ensure_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) or raise :class:`OutputError` naming it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"cannot create output folder {folder}: {problem_of(err)}") from err
    return folder


class Stage:
    """A staging folder that mirrors the places a build writes, moved into place in one step.

    A file meant for ``<root>/x/y`` is staged as ``<folder>/project/x/y``; one outside the project
    (allowed only on request) as ``<folder>/outside/<absolute path>``.
    """

    def __init__(self, root: Path, folder: Path) -> None:
        self.root = Path(os.path.abspath(root))
        self.folder = Path(os.path.abspath(folder))

    def path_for(self, final: Path) -> Path:
        """Where ``final`` is staged."""
        final = Path(os.path.abspath(final))
        try:
            return self.folder / "project" / final.relative_to(self.root)
        except ValueError:
            return self.folder / "outside" / final.relative_to(final.anchor)

    def current(self, final: Path) -> Path:
        """The staged file when there is one, else ``final`` itself (what a reader of the run sees)."""
        staged = self.path_for(final)
        return staged if staged.is_file() else final

    def files(self) -> list[tuple[Path, Path]]:
        """(staged, final) for every staged file, in path order."""
        pairs = []
        for top, base in (("project", self.root), ("outside", Path("/"))):
            folder = self.folder / top
            if folder.is_dir():
                pairs += [(p, base / p.relative_to(folder)) for p in sorted(folder.rglob("*")) if p.is_file()]
        return pairs

    def commit(self) -> list[Path]:
        """Move every staged file into place; on any failure put every previous file back.

        First each file about to be replaced is hard-linked into the staging folder, then the new
        files are renamed over the old ones; if a rename fails (a full disk, a read-only folder),
        the links are renamed back, so the outputs are all new or all as they were.
        """
        pairs = self.files()
        backup = self.folder / "previous"
        saved: list[tuple[Path, Path | None]] = []
        try:
            for number, (_, final) in enumerate(pairs):
                copy = None
                if final.is_file():
                    copy = backup / str(number)
                    ensure_dir(backup)
                    os.link(final, copy)
                saved.append((final, copy))
            for staged_file, final in pairs:
                ensure_dir(final.parent)
                _move(staged_file, final)
        except (OSError, OutputError) as err:
            for final, copy in saved:
                with contextlib.suppress(OSError):
                    if copy is not None:
                        os.replace(copy, final)
                    elif final.is_file() and not self.path_for(final).is_file():
                        final.unlink()  # a new file that had been moved in
            if isinstance(err, OutputError):
                raise
            name = err.filename2 or err.filename
            folder = Path(name).parent if isinstance(name, str) else self.root
            raise OutputError(f"cannot write in {folder}: {problem_of(err)}; no output was changed") from err
        self.discard()
        return [final for _, final in pairs]

    def discard(self) -> None:
        """Delete the staging folder and everything in it."""
        shutil.rmtree(self.folder, ignore_errors=True)


def _move(source: Path, target: Path) -> None:
    """Rename ``source`` over ``target`` (copying first when they are on different disks)."""
    try:
        os.replace(source, target)
    except OSError as err:
        if err.errno != errno.EXDEV:
            raise
        atomic_write(target, source.read_bytes(), stage=False)
        source.unlink()


def current(path: Path) -> Path:
    """What this run reads back for ``path``: its staged copy when the run wrote one, else ``path``."""
    copy = staged(path)
    return copy if copy.is_file() else path


def lock_file(folder: Path, name: str) -> Path:
    """Where parallel notebooks take turns to update ``folder/name``.

    Beside it, or in the staging folder during a build (so the lock never moves into place with the outputs).
    """
    stage = os.environ.get(STAGE_ENV)
    if not stage:
        return ensure_dir(folder) / f".{name}.lock"
    digest = hashlib.sha256(str(Path(os.path.abspath(folder)) / name).encode()).hexdigest()[:16]
    return ensure_dir(Path(stage) / "locks") / f"{digest}.lock"


def staged(path: Path) -> Path:
    """Where a write of ``path`` lands: inside the build's staging folder while one is set."""
    folder = os.environ.get(STAGE_ENV)
    if not folder:
        return path
    return Stage(project_root(), Path(folder)).path_for(path)


def atomic_write(path: Path, data: bytes | str, *, stage: bool = True) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A reader (or a second build) sees either the old file or the new one, never a mix. During a
    build (``HISTKIT_STAGE`` set, and ``stage`` true) the file goes to the staging folder instead;
    the returned path is always the final one.
    """
    target = staged(path) if stage else path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"cannot create output folder {path.parent}: {problem_of(err)}") from err
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise OutputError(f"cannot write in {path.parent}: {problem_of(err)}") from err
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {problem_of(err)}") from err
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
