"""What a build will do, decided and checked before any kernel starts.

The plan matches the given parameters to the notebooks that declare them, checks every parameter of
every notebook to run (given or default: type, range, output folders, input files), loads every seed
folder the run reads with its curated files, and chooses where the run writes: the main outputs
(``figures/``, ``build/tables``, ``build/exports``, ``build/notebooks``) for the default seed with
default parameters, and a tree of its own under ``build/runs/<name>-<hash>/`` for anything else.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from histkit.core.errors import ParameterError
from histkit.core.params import RULES, check_parameters
from histkit.core.paths import default_seed, portable, portable_seed, resolve_seed_dir

OUTPUT_DIRS = ("figures_dir", "tables_dir", "exports_dir")
NO_DEFAULT = object()


@dataclass(frozen=True)
class Tree:
    """Where one run writes."""

    base: Path  # holds notebooks/, cache/, failed/
    outputs: dict[str, Path]  # output-folder parameter -> folder
    name: str = ""  # empty for the main outputs

    @property
    def notebooks(self) -> Path:
        """Executed notebooks."""
        return self.base / "notebooks"

    @property
    def cache(self) -> Path:
        """Run records of the build cache."""
        return self.base / "cache"

    @property
    def failed(self) -> Path:
        """Executed copies of notebooks that failed, kept for reading."""
        return self.base / "failed"

    @property
    def figures(self) -> Path:
        """Figures and their manifest."""
        return self.outputs["figures_dir"]


@dataclass
class Job:
    """One notebook to run: the parameters passed to papermill, all its values, the seed it reads."""

    path: Path
    params: dict[str, Any]
    values: dict[str, Any] = field(default_factory=dict)
    seed: Path = Path()
    key: str = ""  # the cache key, computed when the run starts


def default_value(text: str) -> Any:
    """A parameter's default as papermill reports it (source text), as a value; or NO_DEFAULT."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return NO_DEFAULT


def _same(a: Any, b: Any) -> bool:
    return (a == b and type(a) is type(b)) or (isinstance(a, int | float) and isinstance(b, int | float) and a == b)


def _folder(root: Path, value: str) -> Path:
    return Path(value) if Path(value).is_absolute() else root / value


def _another_folder(root: Path, name: str, value: Any) -> bool:
    """Whether output folder ``value`` is not the main run's folder for ``name``.

    Anything but a non-empty path is left to the parameter check, which names the problem.
    """
    if not isinstance(value, str) or not value.strip():
        return False
    main = tree_for(root, None, {}).outputs[name]
    return _folder(root, value).resolve() != main.resolve()


def tree_for(root: Path, seed: Path | None, changed: Mapping[str, Any], own_seed: bool = True) -> Tree:
    """The tree of a run on ``seed`` with the ``changed`` parameters (``own_seed``: not the default)."""
    if not (own_seed and seed) and not changed:
        return Tree(root / "build", {"figures_dir": root / "figures", "tables_dir": root / "build" / "tables",
                                     "exports_dir": root / "build" / "exports"})
    seed = seed or default_seed(root)
    digest = hashlib.sha256(
        json.dumps({"seed": portable_seed(seed, root), **changed}, sort_keys=True, default=str).encode()
    ).hexdigest()[:8]
    words = [seed.name] + [f"{k}-{v}" for k, v in sorted(changed.items())]
    readable = re.sub(r"[^A-Za-z0-9._-]+", "-", "_".join(words)).strip("-.")[:60] or "run"
    name = f"{readable}-{digest}"
    base = root / "build" / "runs" / name
    return Tree(base, {"figures_dir": base / "figures", "tables_dir": base / "tables",
                       "exports_dir": base / "exports"}, name)


def make(root: Path, paths: Sequence[Path], declared: Mapping[Path, Mapping[str, Any]],
         given: Mapping[str, Any], *, allow_outside: bool = False) -> tuple[Tree, list[Job]]:
    """Check every parameter of every notebook and choose the run's tree.

    ``declared`` maps each notebook to its parameters (objects with ``type_name`` and ``default``).

    Raises
    ------
    ParameterError
        For an unknown name, or the first bad value (naming the notebook and the parameter).
    """
    every = {name for params in declared.values() for name in params}
    unknown = sorted(set(given) - every)
    if unknown:
        raise ParameterError(
            f"unknown parameter {unknown[0]!r}; the notebooks take: {', '.join(sorted(every))} "
            "(see `histkit list`)"
        )
    seed_value = given.get("seed")
    if seed_value is not None and (not isinstance(seed_value, str) or not seed_value.strip()):
        check_parameters({"seed": seed_value}, {"seed": "str"})
    changed: dict[str, Any] = {}
    for name, value in given.items():
        defaults = [default_value(params[name].default) for params in declared.values() if name in params]
        if name in OUTPUT_DIRS:
            # Another output folder is another run: its own tree, so that its notebooks and manifest
            # never replace the main ones (issue 21). The main folder itself is the plain default run.
            if _another_folder(root, name, value):
                changed[name] = value
            continue
        if name == "seed" or all(_same(value, d) for d in defaults):
            continue
        changed[name] = value
    seed_defaults = {resolve_seed_dir(str(default_value(p["seed"].default)), root)
                     for p in declared.values() if "seed" in p and isinstance(default_value(p["seed"].default), str)}
    if seed_value:
        seed = resolve_seed_dir(seed_value, root)
    else:
        seed = min(seed_defaults) if len(seed_defaults) == 1 else default_seed(root)
    tree = tree_for(root, seed, changed, own_seed=seed_value is not None and seed_defaults != {seed})
    for name in OUTPUT_DIRS:
        if name in changed:  # the run writes there, and its figures' manifest goes with them
            tree.outputs[name] = _folder(root, changed[name])
    if tree.name:
        for name in OUTPUT_DIRS:
            if name in given and isinstance(given[name], str) and given[name].strip():
                folder = _folder(root, given[name])
                main = tree_for(root, None, {}).outputs[name]
                if folder.resolve() == main.resolve():
                    raise ParameterError(
                        f"parameter {name!r} is {given[name]!r}, the folder of the default run; a run with "
                        f"other parameters or another seed writes under build/runs/ (leave {name} out)"
                    )
    jobs = []
    for path in paths:
        mine = declared[path]
        params = {k: v for k, v in given.items() if k in mine}
        if not tree.name:
            # The default run: a value given equal to its default (the default seed named by its path,
            # say) is no parameter of the run, so the cache and the manifest are those of a plain build.
            params = {k: v for k, v in params.items() if k in OUTPUT_DIRS}
        elif "seed" in mine and seed_value is not None:
            # Folders as the project names them, not as this machine does: the executed notebook (and a site
            # made from it) shows no home folder, and its bytes do not depend on where the project lies.
            params["seed"] = portable_seed(seed, root)
        for name in OUTPUT_DIRS:
            if name in mine and name not in given and tree.name:
                params[name] = portable(tree.outputs[name], root)
        values = {k: default_value(p.default) for k, p in mine.items()} | params
        values = {k: v for k, v in values.items() if v is not NO_DEFAULT}
        types = {k: p.type_name for k, p in mine.items()}
        checked = check_parameters(values, types, where=path.name, root=root, allow_outside=allow_outside)
        for name, value in params.items():
            if RULES.get(name, None) is not None and isinstance(value, int) and types.get(name) == "float":
                params[name] = checked[name]
        job_seed = resolve_seed_dir(str(checked["seed"]), root) if "seed" in checked else seed
        jobs.append(Job(path, params, checked, job_seed))
    return tree, jobs
