"""What the JDH copy needs to run from its own folder: histkit as a wheel, the seed folder, the requirements.

The notebooks import histkit, which is not on PyPI: the export builds histkit's wheel from the source it runs
from, offline (``pip wheel --no-deps --no-build-isolation --no-index``, setuptools with ``wheel``), with every
timestamp set to 1980 (``SOURCE_DATE_EPOCH``), so two exports of the same source write the same bytes.
``requirements.txt`` installs that wheel by its path, and pins each of its dependencies (as its metadata lists
them) at the version the notebooks were executed with. The seed folder goes under ``seeds/``.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from email.parser import Parser
from pathlib import Path

from histkit.core.errors import BuildError

#: 1980-01-01, the earliest date a zip file can hold: every file of the wheel gets it.
EPOCH = "315532800"


def source_tree() -> Path:
    """The checkout histkit runs from (``pyproject.toml`` beside ``src/histkit``).

    Raises
    ------
    BuildError
        If histkit was installed without its source (from a wheel): there is nothing to package.

    """
    import histkit

    package = Path(histkit.__file__).resolve().parent
    checkout = package.parents[1]
    pyproject = checkout / "pyproject.toml"
    if package.parent.name != "src" or not pyproject.is_file() or 'name = "histkit"' not in pyproject.read_text(
            encoding="utf-8"):
        raise BuildError(f"histkit runs from {package}, not from a checkout with pyproject.toml beside src/histkit; "
                         "install it from its source (pip install -e <checkout>) to export for the JDH")
    return checkout


def build_wheel(checkout: Path | None = None) -> tuple[str, bytes]:
    """Histkit's wheel, built offline from ``checkout`` (default: :func:`source_tree`); its file name and bytes.

    Raises
    ------
    BuildError
        If the build fails (setuptools or wheel missing), with pip's last line.

    """
    checkout = checkout or source_tree()
    with tempfile.TemporaryDirectory(prefix="histkit-wheel-") as tmp:
        stage, out = Path(tmp) / "source", Path(tmp) / "dist"
        # a copy, so that the build's own build/ and *.egg-info never land in the project
        shutil.copytree(checkout / "src" / "histkit", stage / "src" / "histkit",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for name in ("pyproject.toml", "README.md", "LICENSE"):
            if (checkout / name).is_file():
                shutil.copy2(checkout / name, stage / name)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"SOURCE_DATE_EPOCH": EPOCH}
        done = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
             "--disable-pip-version-check", "-q", "-w", str(out), str(stage)],
            capture_output=True, text=True, env=env, check=False,
        )
        wheels = sorted(out.glob("histkit-*.whl"))
        if done.returncode or len(wheels) != 1:
            last = (done.stderr.strip().splitlines() or ["no wheel was written"])[-1]
            raise BuildError(f"cannot build histkit's wheel from {checkout}: {last}; "
                             "install setuptools and wheel (pip install setuptools wheel)")
        return wheels[0].name, wheels[0].read_bytes()


def wheel_requirements(wheel: bytes) -> list[str]:
    """The ``Requires-Dist`` lines of a wheel's metadata, extras left out."""
    import io

    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(name).decode("utf-8"))
    return [r for r in metadata.get_all("Requires-Dist") or [] if "extra ==" not in r]


def requirements(wheel_name: str, wheel: bytes) -> str:
    """``requirements.txt``: the wheel by its path, then its dependencies at the versions installed here.

    Raises
    ------
    BuildError
        If a dependency is not installed (the notebooks could not have run).

    """
    lines = [
        "# Install from this folder: pip install -r requirements.txt",
        "# histkit itself, built from its source for this copy (it is not on PyPI):",
        f"./{wheel_name}",
        "# its dependencies, at the versions the notebooks were executed with:",
    ]
    for requirement in wheel_requirements(wheel):
        name = re.split(r"[<>=!~ ;\[(]", requirement, maxsplit=1)[0]
        try:
            lines.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError as err:
            raise BuildError(f"histkit needs {requirement!r}, which is not installed; "
                             f"pip install {name}, build again, then export") from err
    return "\n".join(lines) + "\n"


def seed_files(seed_folder: Path) -> dict[str, bytes]:
    """Every file of the seed folder (the verbatim text, seed.toml, curated files), under ``seeds/<name>/``."""
    return {
        f"seeds/{seed_folder.name}/{path.relative_to(seed_folder).as_posix()}": path.read_bytes()
        for path in sorted(seed_folder.rglob("*"))
        if path.is_file() and not any(part.startswith(".") or part == "__pycache__"
                                      for part in path.relative_to(seed_folder).parts)
    }
