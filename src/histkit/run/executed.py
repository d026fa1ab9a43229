"""What the publishing commands start from (the executed notebooks of the last build) and how they write.

``histkit site`` and ``histkit export jdh`` both read ``build/notebooks/``, the copies ``histkit build``
executed, so the site and the journal copy show the same outputs. Each writes a whole folder at once:
into a temporary folder beside it, then renamed into place, so an interrupted export leaves the
previous one intact.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from histkit.core.errors import BuildError, OutputError
from histkit.core.files import atomic_write, ensure_dir, exclusive_lock


def executed_notebooks(root: Path) -> list[Path]:
    """The executed copy in ``build/notebooks/`` of every notebook of ``notebooks/``, in name order.

    Raises
    ------
    BuildError
        If one is missing (the workbook has not been built), naming it and saying to run ``histkit build``.

    """
    sources = sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    built = root / "build" / "notebooks"
    missing = [p.name for p in sources if not (built / p.name).is_file()]
    if not sources or missing:
        names = ", ".join(missing) or "any notebook"
        raise BuildError(
            f"no executed copy of {names} in {built}; run `histkit build` first, then this command again"
        )
    return [built / p.name for p in sources]


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
