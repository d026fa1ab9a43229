"""The runner: executes the workbook's notebooks with papermill.

It knows notebooks and parameters, not history. Parameters come from each notebook's cell tagged
``parameters``; a value given on the command line goes to every notebook that declares that name,
and a name no notebook declares is an error (papermill would only warn).

A build is cached per notebook (see :mod:`histkit.run.cache`), runs notebooks in parallel threads each
with its own kernel on private IPC sockets (no TCP ports to collide), holds a lock so that two
builds never interleave, and writes every output through a temporary file and a rename.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import functools
import os
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from histkit.core import errors
from histkit.core.errors import NotebookError, ParameterError
from histkit.core.files import atomic_write, ensure_dir, exclusive_lock
from histkit.core.params import check_parameters
from histkit.core.paths import DEFAULT_SEED, project_root, resolve_seed_dir
from histkit.run import cache

KERNEL = "python3"
# ipykernel warns on every start that loopback TCP is unencrypted, and logs the interrupt that
# stops a failed notebook: noise, since the failing cell is reported on its own.
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
START_ATTEMPTS = 3


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
    """The parameters a notebook declares, with their types and defaults, in declaration order.

    Read by papermill, and remembered under ``build/cache/`` for as long as the notebook is unchanged.
    """
    found = cache.remembered_parameters(path, _inspect)
    return {
        name: Parameter(name, str(p.get("inferred_type_name", "None")), str(p.get("default")), p.get("help", ""))
        for name, p in found.items()
    }


def _inspect(path: Path) -> dict[str, dict[str, Any]]:
    import papermill

    return {name: dict(p) for name, p in papermill.inspect_notebook(str(path)).items()}


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


def plan(paths: Sequence[Path], given: Mapping[str, Any]) -> list[tuple[Path, dict[str, Any]]]:
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


def kernel_transport(os_name: str | None = None) -> str:
    """The ZMQ transport for kernels: private IPC sockets on POSIX, loopback TCP on Windows (no IPC there)."""
    return "tcp" if (os_name or os.name) == "nt" else "ipc"


@functools.cache
def ipc_kernel_manager() -> type:
    """A kernel manager class on private IPC sockets: parallel kernels cannot collide on TCP ports.

    (papermill #511.) nbclient creates, owns and shuts down one per notebook; the socket files go
    with the kernel. On Windows, where ZMQ has no IPC transport, it is the ordinary TCP manager
    (see :func:`kernel_transport`), whose start is retried on a port collision. Built on first use
    so that a build with nothing to run never imports Jupyter.
    """
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    if kernel_transport() == "tcp":
        return AsyncKernelManager

    class IpcKernelManager(AsyncKernelManager):
        @default("transport")
        def _default_transport(self) -> str:
            return "ipc"

        @default("ip")
        def _default_ip(self) -> str:
            return os.path.join(tempfile.gettempdir(), f"histkit-kernel-{uuid.uuid4().hex}")

    return IpcKernelManager


def execute(path: Path, params: Mapping[str, Any], out_dir: Path) -> Result:
    """Run one notebook through papermill into ``out_dir``; never touches the input notebook."""
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    started = time.perf_counter()
    target = out_dir / path.name
    tmp = out_dir / f".{path.stem}.running.ipynb"
    error = ename = ""
    try:
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                papermill.execute_notebook(
                    str(path),
                    str(tmp),
                    parameters=dict(params),
                    kernel_name=KERNEL,
                    kernel_manager_class=ipc_kernel_manager(),
                    # Not papermill's cwd=, which chdirs this whole process: with notebooks running
                    # in threads, one would restore the folder while another kernel starts. nbclient
                    # starts the kernel in resources' path instead, for this notebook alone.
                    resources={"metadata": {"path": str(path.parent)}},
                    progress_bar=False,
                    log_output=False,
                    request_save_on_cell_execute=False,
                    record_timing=False,
                    extra_arguments=KERNEL_ARGS,
                )
                break
            except PapermillExecutionError:
                raise
            except (CellTimeoutError, DeadKernelError) as err:
                # The notebook ran and its kernel died or a cell hung: a failure, not a start race.
                ename, error = type(err).__name__, f"the kernel stopped: {_first_line(err)}"
                break
            except (TimeoutError, RuntimeError) as err:
                # A kernel that did not come up in time is retried (papermill #239).
                if attempt == START_ATTEMPTS:
                    ename = type(err).__name__
                    error = f"no kernel started after {START_ATTEMPTS} attempts: {_first_line(err)}"
    except PapermillExecutionError as err:
        ename = err.ename
        error = f"{_cell_name(path, err.source)} raised {err.ename}: {_first_line(err.evalue)}"
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
    jobs: int | None = None,
    force: bool = False,
) -> list[Result]:
    """Execute the notebooks with their parameters and report one line per notebook.

    Executed copies go to ``build/notebooks/`` (or ``build/seeds/<id>/notebooks/`` for another
    seed); the notebooks themselves write their tables and figures. A notebook whose inputs are
    unchanged since its last successful run is not run again unless ``force`` is set.

    Raises
    ------
    NotebookError
        Naming every notebook that failed, its cell and error, after all have run.
    OutputError
        If another build holds the lock, or an output folder cannot be written.
    """
    root = root or project_root()
    given = dict(given or {})
    extra = seed_outputs(seed, root)
    if seed is not None:
        from histkit import load_seed  # checked here so a bad seed fails before any kernel starts

        load_seed(str(resolve_seed_dir(seed, root)))
    paths = notebooks(root, names)
    planned = plan(paths, given)
    base = Path(extra["figures_dir"]).parent if "figures_dir" in extra else root / "build"
    out_dir = ensure_dir(base / "notebooks")
    figures_dir = Path(extra.get("figures_dir", root / "figures"))
    with exclusive_lock(ensure_dir(root / "build") / ".lock"):
        work = []
        for path, params in planned:
            declared = parameters(path)
            params = {k: v for k, v in extra.items() if k in declared} | params
            work.append((path, params, _seed_dir(params, declared, root)))
        results = _run_all(work, root, out_dir, base / "cache", report, jobs or os.cpu_count() or 1, force)
        cache.write_manifest(root, base / "cache", figures_dir)
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


def _seed_dir(params: Mapping[str, Any], declared: Mapping[str, Parameter], root: Path) -> Path:
    """The seed folder a run reads: the ``seed`` parameter given, else the notebook's default."""
    if "seed" in params:
        return resolve_seed_dir(str(params["seed"]), root)
    if "seed" in declared:
        with contextlib.suppress(ValueError, SyntaxError):
            return resolve_seed_dir(str(ast.literal_eval(declared["seed"].default)), root)
    return resolve_seed_dir(DEFAULT_SEED, root)


def _run_all(
    work: list[tuple[Path, dict[str, Any], Path]],
    root: Path,
    out_dir: Path,
    cache_dir: Path,
    report: Callable[[str], None],
    jobs: int,
    force: bool,
) -> list[Result]:
    def one(item: tuple[Path, dict[str, Any], Path]) -> Result:
        try:
            return run_one(*item)
        finally:
            _close_thread_loop()

    def run_one(path: Path, params: dict[str, Any], seed: Path) -> Result:
        key = cache.key(root, path, params, seed)
        started = time.perf_counter()
        if not force and cache.is_fresh(root, cache_dir, path, key, out_dir / path.name):
            result = Result(path.name, "cached", time.perf_counter() - started)
        else:
            result = execute(path, params, out_dir)
            if result.status == "ok":
                cache.record(root, cache_dir, path, key, params, seed, out_dir / path.name)
            else:
                cache.forget(cache_dir, path)
        report(result.line())
        return result

    pool = ThreadPoolExecutor(max_workers=max(1, min(jobs, len(work) or 1)))
    try:
        results = list(pool.map(one, work))
    except BaseException:
        # Ctrl-C (or a bug): start nothing more; the notebooks already running stop with their
        # kernels, which receive the same interrupt.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def _close_thread_loop() -> None:
    """Close the event loop that nbclient opened in a worker thread; nothing else would."""
    if threading.current_thread() is threading.main_thread():
        return
    with contextlib.suppress(RuntimeError):
        loop = asyncio.get_event_loop_policy().get_event_loop()
        loop.close()
        asyncio.set_event_loop(None)


def _first_line(message: object) -> str:
    lines = str(message or "").strip().splitlines()
    return lines[0] if lines else ""


def _cell_name(path: Path, source: str) -> str:
    """Name a failing cell by its place in the source notebook (the executed copy has extra cells)."""
    import nbformat

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
    import nbformat
    from nbclient import NotebookClient

    for path in paths:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb, kernel_manager_class=ipc_kernel_manager(), timeout=timeout, kernel_name=KERNEL, record_timing=False,
            store_widget_state=False, extra_arguments=KERNEL_ARGS,
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
