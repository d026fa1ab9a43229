"""Where the project lives on disk.

Notebooks run in their own folder under nbval and in the caller's folder under papermill, so
every path is resolved from the project root, found by walking up to ``pyproject.toml``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from histkit.core.errors import HistkitError


def project_root(start: Path | None = None) -> Path:
    """Return the histkit project folder that contains ``start`` (default: the current folder).

    ``HISTKIT_ROOT`` overrides the search, for running notebooks from elsewhere.
    """
    env = os.environ.get("HISTKIT_ROOT")
    if env:
        # Checked as the search below checks: an empty or mistyped folder was taken as the project,
        # and a build there exited 0 having done nothing but leave a lock file (issue 21).
        folder = Path(env).resolve()
        # A folder holding seeds/ is enough here: an exported workbook (the JDH copy) has no pyproject.toml.
        if not (is_project(folder) or (folder / "seeds").is_dir()):
            raise HistkitError(
                f"HISTKIT_ROOT is {env!r}, which is not a histkit project (no seeds/ folder); set it to the "
                "project's folder, or unset it to search from here"
            )
        return folder
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if is_project(folder):
            return folder
    raise HistkitError(
        f"no histkit project found in {here} or above it; run from inside the project "
        "or set HISTKIT_ROOT to its folder"
    )


def is_project(folder: Path) -> bool:
    """Whether ``folder`` holds a histkit project: a pyproject.toml naming histkit, beside seeds/."""
    marker = folder / "pyproject.toml"
    try:
        return (folder / "seeds").is_dir() and marker.is_file() and 'name = "histkit"' in marker.read_text(
            encoding="utf-8", errors="replace")
    except OSError:
        return False


def default_seed(root: Path) -> Path:
    """The seed a command works on when none is named.

    The project names it in ``pyproject.toml`` (``[tool.histkit] default-seed``); a folder holding one seed
    (an exported workbook, a new project) needs no setting. The generic code names no article of its own.

    Raises
    ------
    HistkitError
        When the project holds several seeds and names none of them.
    """
    setting = None
    marker = root / "pyproject.toml"
    if marker.is_file():
        try:
            setting = tomllib.loads(marker.read_text(encoding="utf-8")).get("tool", {}).get("histkit", {}).get(
                "default-seed")
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as err:
            raise HistkitError(f"{marker}: cannot be read as TOML ({err}); mend it") from err
    if isinstance(setting, str) and setting.strip():
        return resolve_seed_dir(setting, root)
    seeds = sorted(p for p in (root / "seeds").glob("*") if (p / "seed.toml").is_file())
    if len(seeds) == 1:
        return seeds[0]
    names = ", ".join(p.name for p in seeds) or "none"
    raise HistkitError(
        f"{root / 'seeds'} holds {len(seeds)} seeds ({names}) and {marker} names no default; pass "
        "--seed NAME, or set default-seed under [tool.histkit] in pyproject.toml"
    )


def resolve_seed_dir(seed: str | os.PathLike[str], root: Path | None = None) -> Path:
    """Resolve a seed given as a folder path or as the name of a folder under ``seeds/``.

    A relative path is taken from the current folder where it names a folder there (as a user types it),
    else from the project root (as a build gives it to a notebook, whose folder is its own).
    """
    path = Path(seed)
    if path.is_dir() or path.is_absolute():
        return path.resolve()
    if len(path.parts) > 1:
        try:
            in_root = (root or project_root()) / path
        except HistkitError:
            return path.resolve()
        return in_root.resolve() if in_root.is_dir() else path.resolve()
    return (root or project_root()) / "seeds" / path


def portable(path: Path, root: Path) -> str:
    """``path`` as a build gives it to a notebook: relative to the project root when inside it, else absolute.

    An executed notebook then holds no folder of the machine that ran it, and the same run gives the same
    bytes wherever the project lies (:func:`from_root` and :func:`resolve_seed_dir` read it back).
    """
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def portable_seed(seed: Path, root: Path) -> str:
    """A seed folder as a build gives it: its name when it is under the project's ``seeds/``, else :func:`portable`."""
    if seed.resolve().parent == (root / "seeds").resolve():
        return seed.name
    return portable(seed, root)


def from_root(path: str | os.PathLike[str]) -> Path:
    """Resolve a file or folder given to a notebook: a relative path is taken from the project root.

    Not from the current folder, which is the notebook's own under nbval and the caller's under papermill.
    """
    path = Path(path)
    return path if path.is_absolute() else project_root() / path


def relative(path: Path) -> str:
    """``path`` relative to the project root when it lies inside it, else absolute (POSIX form)."""
    try:
        return path.resolve().relative_to(project_root()).as_posix()
    except (ValueError, HistkitError):
        return path.resolve().as_posix()
