"""What the publishing commands start from (a finished run: its notebooks, tables, exports, seed), and how they write.

``histkit site`` and ``histkit export jdh`` both read the executed copies that one ``histkit build`` wrote into its
run's tree (``build/notebooks/`` for the default seed and parameters, ``build/runs/<name>/notebooks/`` for any other),
so the site and the journal copy show the same outputs, and write beside them (``site/``, ``jdh/``). Each writes a
whole folder at once: into a temporary folder beside it, then renamed into place, so an interrupted export leaves
the previous one intact.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from histkit.core.errors import BuildError, OutputError
from histkit.core.files import atomic_write, ensure_dir, exclusive_lock
from histkit.core.paths import relative


@dataclass(frozen=True)
class Run:
    """A finished run, as the publishing commands read it (the command line finds it: ``histkit.run.published``).

    Attributes
    ----------
    root : Path
        The project folder (its build lock is held while publishing).
    seed : Path
        The seed folder the run read.
    notebooks : tuple of Path
        The executed notebooks, in the run's order.
    tables, exports : Path
        The run's CSV tables and its exports (``references.json``).
    base : Path
        The run's tree: ``site/`` and ``jdh/`` are written in it.

    """

    root: Path
    seed: Path
    notebooks: tuple[Path, ...]
    tables: Path
    exports: Path
    base: Path


def executed_notebooks(folder: Path, names: Sequence[str], command: str = "histkit build") -> list[Path]:
    """The executed copy in ``folder`` of each notebook named, in that order.

    Raises
    ------
    BuildError
        If one is missing (that run has not been built), naming it and the ``command`` that builds it.

    """
    missing = [name for name in names if not (folder / name).is_file()]
    if not names or missing:
        listed = ", ".join(missing) or "any notebook"
        raise BuildError(
            f"no executed copy of {listed} in {relative(folder)}; run `{command}` first, then this command again"
        )
    return [folder / name for name in names]


@contextlib.contextmanager
def quiet_build(root: Path) -> Iterator[None]:
    """Hold the build lock while publishing, so that no build rewrites the notebooks being read.

    Raises
    ------
    OutputError
        If a build is running: wait for it to finish.

    """
    with exclusive_lock(ensure_dir(root / "build") / ".lock"):
        yield


def write_tree(folder: Path, files: Mapping[str, bytes | str]) -> Path:
    """Replace ``folder`` by one holding exactly ``files`` (relative POSIX paths), all at once.

    Raises
    ------
    OutputError
        If the folder or its parent cannot be written.

    """
    ensure_dir(folder.parent)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    except OSError as err:
        raise OutputError(f"cannot write in {folder.parent}: {err.strerror}; make the folder writable") from err
    try:
        for name, data in sorted(files.items()):
            atomic_write(staging / name, data)
        os.chmod(staging, 0o755)
        old = folder.with_name(f".{folder.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            os.replace(folder, old)
        os.replace(staging, folder)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write {folder}: {err.strerror}; make the folder writable") from err
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder
