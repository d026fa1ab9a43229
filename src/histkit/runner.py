"""The runner: executes the workbook's notebooks with papermill.

It knows notebooks and parameters, not history. Parameters come from each notebook's cell tagged
``parameters``; a value given on the command line goes to every notebook that declares that name,
and a name no notebook declares is an error (papermill would only warn).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import papermill
from papermill.exceptions import PapermillExecutionError

from histkit import errors
from histkit.errors import NotebookError, ParameterError
from histkit.io import atomic_write, ensure_dir
from histkit.params import check_parameters
from histkit.paths import DEFAULT_SEED, project_root, resolve_seed_dir

KERNEL = "python3"
# ipykernel warns on every start that loopback TCP is unencrypted, and logs the interrupt that
# stops a failed notebook: noise, since the failing cell is reported on its own.
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@dataclass(frozen=True)
class Parameter:
    """A notebook parameter as declared in its ``parameters`` cell."""

    name: str
    type_name: str
    default: str
    help: str = ""


@dataclass(frozen=True)
class Result:
    """What happened to one notebook in a build."""

    notebook: str
    status: str
    seconds: float
    error: str = ""
    error_name: str = ""

    def line(self) -> str:
        """One line for the terminal: name, status and seconds."""
        text = f"{self.notebook:<28} {self.status:<7} {self.seconds:6.1f} s"
        return f"{text}  {self.error}" if self.error else text


def notebooks(root: Path | None = None, names: Sequence[str] = ()) -> list[Path]:
    """The workbook's notebooks in name order, or only those named (with or without ``.ipynb``)."""
    folder = (root or project_root()) / "notebooks"
    found = sorted(folder.glob("[0-9][0-9]-*.ipynb"))
    if not names:
        return found
    wanted = []
    by_name = {p.name: p for p in found} | {p.stem: p for p in found}
    for name in names:
        if name not in by_name:
            raise ParameterError(
                f"no notebook {name!r} in {folder}; choose one of {', '.join(p.stem for p in found)}"
            )
        wanted.append(by_name[name])
    return wanted


def parameters(path: Path) -> dict[str, Parameter]:
    """The parameters a notebook declares, with their types and defaults, in declaration order."""
    found = papermill.inspect_notebook(str(path))
    return {
        name: Parameter(name, str(p.get("inferred_type_name", "None")), str(p.get("default")), p.get("help", ""))
        for name, p in found.items()
    }


def resolve_value(text: str) -> Any:
    """Convert a command-line value as papermill's ``-p`` does: True/False/None, int, float, else str."""
    if text in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[text]
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def plan(
    paths: Sequence[Path], given: Mapping[str, Any], root: Path
) -> list[tuple[Path, dict[str, Any]]]:
    """Match the given parameters to the notebooks that declare them and check their types.

    Raises
    ------
    ParameterError
        If a name is declared by no notebook, or a value has the wrong type.

    """
    declared = {path: parameters(path) for path in paths}
    every = {name for params in declared.values() for name in params}
    unknown = sorted(set(given) - every)
    if unknown:
        raise ParameterError(
            f"unknown parameter {unknown[0]!r}; the notebooks take: {', '.join(sorted(every))} "
            "(see `histkit list`)"
        )
    jobs = []
    for path in paths:
        types = {name: p.type_name for name, p in declared[path].items()}
        mine = {k: v for k, v in given.items() if k in types}
        jobs.append((path, check_parameters(mine, types, where=path.name)))
    return jobs


def seed_outputs(seed: str | None, root: Path) -> dict[str, str]:
    """Parameters that send a non-default seed's figures and tables under ``build/seeds/<id>/``."""
    if seed is None:
        return {}
    folder = resolve_seed_dir(seed, root)
    if folder == resolve_seed_dir(DEFAULT_SEED, root):
        return {"seed": str(folder)}
    out = root / "build" / "seeds" / folder.name
    return {"seed": str(folder), "figures_dir": str(out / "figures"), "tables_dir": str(out / "tables")}


def execute(path: Path, params: Mapping[str, Any], out_dir: Path) -> Result:
    """Run one notebook through papermill into ``out_dir``; never touches the input notebook."""
    started = time.perf_counter()
    target = out_dir / path.name
    tmp = out_dir / f".{path.stem}.running.ipynb"
    error = ename = ""
    try:
        papermill.execute_notebook(
            str(path),
            str(tmp),
            parameters=dict(params),
            kernel_name=KERNEL,
            cwd=str(path.parent),
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            record_timing=False,
            extra_arguments=KERNEL_ARGS,
        )
    except PapermillExecutionError as err:
        # Index in the executed copy, which has papermill's injected-parameters cell.
        ename = err.ename
        first_line = str(err.evalue).splitlines()[0] if err.evalue else ""
        error = f"{_cell_name(path, err.source)} raised {err.ename}: {first_line}"
    finally:
        if tmp.exists():
            os.replace(tmp, target)
    seconds = time.perf_counter() - started
    return Result(path.name, "failed" if error else "ok", seconds, error, ename)


def build(
    names: Sequence[str] = (),
    given: Mapping[str, Any] | None = None,
    seed: str | None = None,
    root: Path | None = None,
    report: Callable[[str], None] = print,
) -> list[Result]:
    """Execute the notebooks with their parameters and report one line per notebook.

    Executed copies go to ``build/notebooks/`` (or ``build/seeds/<id>/notebooks/`` for another
    seed); the notebooks themselves write their tables and figures.

    Raises
    ------
    NotebookError
        Naming every notebook that failed, its cell and error, after all have run.

    """
    root = root or project_root()
    given = dict(given or {})
    extra = seed_outputs(seed, root)
    if seed is not None:
        from histkit import load_seed  # checked here so a bad seed fails before any kernel starts

        load_seed(str(resolve_seed_dir(seed, root)))
    paths = notebooks(root, names)
    jobs = plan(paths, given, root)
    sub = Path(extra["figures_dir"]).parent if "figures_dir" in extra else root / "build"
    out_dir = ensure_dir(sub / "notebooks")
    results = []
    for path, params in jobs:
        declared = parameters(path)
        params = {k: v for k, v in extra.items() if k in declared} | params
        result = execute(path, params, out_dir)
        report(result.line())
        results.append(result)
    failed = [r for r in results if r.status == "failed"]
    if failed:
        message = "; ".join(f"{r.notebook} failed: {r.error} (see {out_dir / r.notebook})" for r in failed)
        # A notebook that stopped on histkit's own error met bad input (a seed, a parameter, a
        # folder), which the command reports as such; anything else is a failing notebook.
        kinds = [_bad_input(r.error_name) for r in failed]
        if all(kinds):
            raise kinds[0](message)
        raise NotebookError(message)
    return results


def _cell_name(path: Path, source: str) -> str:
    """Name a failing cell by its place in the source notebook (the executed copy has extra cells)."""
    nb = nbformat.read(path, as_version=4)
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code" and cell.source == source:
            return f"cell {number} (id {cell.get('id', '?')!r})"
    return "a cell"


def _bad_input(name: str) -> type[errors.HistkitError] | None:
    """The histkit error class called ``name``, if it is one that means bad input."""
    found = getattr(errors, name, None)
    if isinstance(found, type) and issubclass(found, errors.HistkitError) and found is not NotebookError:
        return found
    return None


def freeze(paths: Sequence[Path], timeout: int = 600) -> None:
    """Re-execute notebooks in place, for committing their outputs (a developer's command).

    Uses nbclient directly with no timing records, and drops papermill's metadata, widget state and
    widget views, so the stored notebook holds nothing that changes from one run to the next.
    """
    from nbclient import NotebookClient

    for path in paths:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb, timeout=timeout, kernel_name=KERNEL, record_timing=False, store_widget_state=False,
            extra_arguments=KERNEL_ARGS,
            resources={"metadata": {"path": str(path.parent)}},
        )
        client.execute()
        nb.metadata.pop("papermill", None)
        nb.metadata.pop("widgets", None)
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
            cell.metadata.pop("papermill", None)
            # A widget view names a random model id; the text/plain beside it says what to do instead.
            for output in cell.get("outputs", []):
                output.get("data", {}).pop(WIDGET_VIEW, None)
        atomic_write(path, nbformat.writes(nb) + "\n")
