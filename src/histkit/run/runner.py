"""The runner: executes the workbook's notebooks with papermill.

It knows notebooks and parameters, not history. Parameters come from each notebook's cell tagged
``parameters``; a value given on the command line goes to every notebook that declares that name,
and a name no notebook declares is an error (papermill would only warn).

Before any kernel starts, :mod:`histkit.run.plan` checks every parameter and seed and chooses where the run
writes. A build is cached per notebook (:mod:`histkit.run.cache`), runs notebooks in parallel threads each with
its own kernel on private IPC sockets (:mod:`histkit.run.kernels`), holds a lock so that two builds never
interleave, stages every output and moves them into place only when every notebook succeeded.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from histkit.core import errors
from histkit.core.errors import NotebookError, ParameterError
from histkit.core.files import STAGE_ENV, Stage, ensure_dir, exclusive_lock
from histkit.core.inputs import check_writable, problem_of
from histkit.core.paths import project_root, relative, resolve_seed_dir
from histkit.run import cache, kernels, reproducible, schedule, seedcheck, workbooks
from histkit.run import plan as run_plan
from histkit.run.pool import run_in_threads
from histkit.run.progress import one_line_at_a_time

KERNEL = "python3"
# ipykernel warns on every start that loopback TCP is unencrypted, and logs the interrupt that
# stops a failed notebook: noise, since the failing cell is reported on its own.
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
START_ATTEMPTS = 3
DEFAULT_TIMEOUT = 900.0  # seconds per notebook; the workbook's slowest takes about 20 s


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
    cpu: float | None = None  # CPU seconds of its kernel, where the system tells (Linux)

    def line(self) -> str:
        """One line for the terminal: name, status and seconds."""
        text = f"{self.notebook:<28} {self.status:<7} {self.seconds:6.1f} s"
        return f"{text}  {self.error}" if self.error else text


def notebooks(root: Path | None = None, names: Sequence[str] = (), folder: Path | None = None) -> list[Path]:
    """A workbook's notebooks in name order, or only those named (with or without ``.ipynb``).

    ``folder`` is the workbook (see :mod:`histkit.run.workbooks`); by default the project's ``notebooks/``.
    """
    folder = folder or (root or project_root()) / "notebooks"
    found = workbooks.notebooks_in(folder)
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


def parameters(path: Path, save: bool = True, root: Path | None = None) -> dict[str, Parameter]:
    """The parameters a notebook declares, with their types and defaults, in declaration order.

    Read by papermill, and remembered under the project's ``build/cache/`` (``root``, by default the
    project of the current folder) for as long as the notebook is unchanged.
    """
    found = cache.remembered_parameters(path, _inspect, root or project_root(), save)
    return {
        name: Parameter(name, str(p.get("inferred_type_name", "None")), str(p.get("default")), p.get("help", ""))
        for name, p in found.items()
    }


def _inspect(path: Path) -> dict[str, dict[str, Any]]:
    import papermill

    try:
        return {name: dict(p) for name, p in papermill.inspect_notebook(str(path)).items()}
    except (OSError, errors.HistkitError):
        raise
    except Exception as err:  # nbformat and papermill raise many kinds on a damaged file
        # A damaged notebook (NotJSONError, a schema error, bad bytes) was a traceback (issue 21).
        reason = " ".join(str(err).split())[:120] or type(err).__name__
        raise errors.ParameterError(
            f"{path}: not a notebook histkit can read ({type(err).__name__}: {reason}); restore it "
            f"(git checkout -- notebooks/{path.name}) or move it out of notebooks/"
        ) from err


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


def plan(paths: Sequence[Path], given: Mapping[str, Any], root: Path | None = None,
         allow_outside: bool = False) -> list[tuple[Path, dict[str, Any]]]:
    """Match the given parameters to the notebooks that declare them and check every value.

    Raises
    ------
    ParameterError
        If a name is declared by no notebook, or a value (given or default) is bad.
    """
    root = root or project_root()
    _, jobs = run_plan.make(root, paths, {p: parameters(p, save=False, root=root) for p in paths}, given,
                            allow_outside=allow_outside)
    return [(job.path, job.params) for job in jobs]


def kernel_transport(os_name: str | None = None) -> str:
    """The ZMQ transport for kernels: private IPC sockets on POSIX, loopback TCP on Windows (no IPC there)."""
    return "tcp" if (os_name or os.name) == "nt" else "ipc"


def ipc_kernel_manager(root: Path | None = None, env: Mapping[str, str] | None = None) -> type:
    """A kernel manager class on private IPC sockets under ``build/.kernels/`` (see :mod:`kernels`).

    On Windows, where ZMQ has no IPC transport, the kernels use loopback TCP (see :func:`kernel_transport`),
    whose start is retried on a port collision; the connection files still live under ``build/.kernels/``.
    """
    folder = kernels.kernels_dir(root or project_root())
    return kernels.manager_class(str(folder), tuple(sorted((env or {}).items())), kernel_transport())


def execute(path: Path, params: Mapping[str, Any], target: Path, manager: type | None = None,
            timeout: float = DEFAULT_TIMEOUT, shown: str = "") -> Result:
    """Run one notebook through papermill, writing the executed copy to ``target``.

    Never touches the input notebook. A notebook still running after ``timeout`` seconds has its
    kernel stopped and fails with a message saying so.
    """
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    started = time.perf_counter()
    error = ename = ""
    kernels.kernel_cpu(threading.get_ident())  # forget what an earlier kernel of this thread used
    ensure_dir(target.parent)
    timer = threading.Timer(timeout, kernels.stop, kwargs={"thread": threading.get_ident()})
    timer.daemon = True
    timer.start()
    try:
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                papermill.execute_notebook(
                    str(path),
                    str(target),
                    parameters=dict(params),
                    kernel_name=KERNEL,
                    kernel_manager_class=manager or ipc_kernel_manager(),
                    # Not papermill's cwd=, which chdirs this whole process: with notebooks running
                    # in threads, one would restore the folder while another kernel starts. nbclient
                    # starts the kernel in resources' path instead, for this notebook alone.
                    resources={"metadata": {"path": str(path.parent)}},
                    progress_bar=False,
                    log_output=False,
                    request_save_on_cell_execute=False,
                    record_timing=False,
                    execution_timeout=int(timeout) + 1,
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
    except OSError as err:
        # A half-written copy is no help to a reader: drop it, and name the folder the user knows.
        target.unlink(missing_ok=True)
        ename, error = "OutputError", f"cannot write in {shown or target.parent}: {problem_of(err)}"
    finally:
        timer.cancel()
    if not error and target.is_file():
        reproducible.normalise_file(target)  # no times, paths or random ids: the same bytes every build
    seconds = time.perf_counter() - started
    if error and seconds >= timeout:
        ename, error = "NotebookError", f"still running after the time limit of {timeout:g} s (--timeout); stopped"
    cpu = kernels.kernel_cpu(threading.get_ident())
    return Result(path.name, "failed" if error else "ok", seconds, error, ename, cpu)


def build(
    names: Sequence[str] = (),
    given: Mapping[str, Any] | None = None,
    seed: str | None = None,
    root: Path | None = None,
    report: Callable[[str], None] = print,
    jobs: int | None = None,
    force: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    allow_outside: bool = False,
) -> list[Result]:
    """Check everything, execute the notebooks, and move their outputs into place if all succeeded.

    The default seed with default parameters writes the main outputs (``figures/``, ``build/tables``,
    ``build/exports``, executed notebooks in ``build/notebooks``); any other seed or parameter set
    writes a tree of its own under ``build/runs/<name>-<hash>/`` (see :mod:`histkit.run.plan`).
    Every output is staged and moved into place only when every notebook succeeded. A notebook
    whose inputs are unchanged since its last successful run is not run again unless ``force``.

    Raises
    ------
    ParameterError, SeedError, AnnotationError
        Before any kernel starts, for the first bad parameter, seed or curated file.
    NotebookError
        Naming every notebook that failed, its cell and error, after all have run.
    OutputError
        If another build holds the lock, or an output folder cannot be written.
    """
    root = root or project_root()
    tree, planned = plan_run(names, given, seed, root, allow_outside)
    kernels.STOPPING.clear()
    env = {STAGE_ENV: str(root / "build" / f".stage-{os.getpid()}"), "HISTKIT_ROOT": str(root)}
    paths = [job.path for job in planned]
    if force or not _all_fresh(root, tree, planned):
        kernels.start_zygote(root, env, paths)  # it imports while the seeds are checked; no kernel forks before
    held = contextlib.ExitStack()
    try:
        seedcheck.check_all(root, sorted({job.seed for job in planned if "seed" in job.values}))
        for folder in (tree.base, tree.notebooks, tree.cache):
            check_writable(folder)
        held.enter_context(exclusive_lock(ensure_dir(root / "build") / ".lock"))
    except BaseException:
        kernels.stop_zygote()
        raise
    with held:
        clear_leftovers(root)
        cache.save_parameters()
        seedcheck.save_records()
        stage = Stage(root, Path(env[STAGE_ENV]))
        try:
            # Made when a notebook first runs: a no-change build imports no Jupyter and starts no zygote.
            jobs = jobs or schedule.default_jobs(forked=kernels.can_fork())
            results = _run_all(planned, root, tree, stage, report, jobs, force, timeout,
                               lambda: kernels.start_zygote(root, env, paths) or ipc_kernel_manager(root, env))
            failed = [r for r in results if r.status == "failed"]
            if failed:
                kept = _keep_failed(stage, tree, failed)
            else:
                stage.commit()
                # Its kernel's CPU time orders the next build: wall time counts the wait for the zygote and
                # whatever else shared the cores; without it (not Linux), the wall time.
                ran = {r.notebook: r.seconds if r.cpu is None else r.cpu for r in results if r.status == "ok"}
                for job in planned:
                    if job.path.name in ran:
                        cache.record(root, tree.cache, job.path, job.key, job.params, job.seed,
                                     tree.notebooks / job.path.name, ran[job.path.name])
                cache.write_manifest(root, tree.cache, tree.figures)
        except BaseException:
            kernels.stop()
            stage.discard()
            time.sleep(0.3)  # a worker thread may have been starting a kernel: stop it too
            kernels.stop(grace=0.1)
            raise
        finally:
            stage.discard()
            kernels.clear(root)
    if tree.name:
        report(f"this run's outputs (not the default seed and parameters): {relative(tree.base)}/")
    if failed:
        message = "; ".join(f"{r.notebook} failed: {r.error} ({kept[r.notebook]})" for r in failed)
        message += "; no output was changed"
        # A notebook that stopped on histkit's own error met bad input (a seed, a parameter, a
        # folder), which the command reports as such; anything else is a failing notebook.
        kinds = [_bad_input(r.error_name) for r in failed]
        if all(kinds):
            raise kinds[0](message)
        raise NotebookError(message)
    return results


def plan_run(names: Sequence[str] = (), given: Mapping[str, Any] | None = None, seed: str | None = None,
             root: Path | None = None, allow_outside: bool = False) -> tuple[run_plan.Tree, list[run_plan.Job]]:
    """The run ``build`` makes with these arguments (its tree and jobs, checked: :func:`run_plan.make`); no kernel."""
    root = root or project_root()
    given = dict(given or {})
    if seed is not None:
        if "seed" in given and given["seed"] != seed:
            raise ParameterError(f"the seed is given twice (--seed {seed} and -p seed {given['seed']}); give it once")
        given["seed"] = seed
    seed_dir = resolve_seed_dir(given["seed"], root) if isinstance(given.get("seed"), str) and given["seed"] else None
    if seed_dir is not None and not seed_dir.is_dir():
        seedcheck.check_seed(seed_dir)  # a seed that does not exist is named as such, before its workbook is chosen
    paths = notebooks(root, names, workbooks.workbook_for(root, seed_dir))
    return run_plan.make(root, paths, {p: parameters(p, save=False, root=root) for p in paths}, given,
                         allow_outside=allow_outside)


def clear_leftovers(root: Path) -> None:
    """Remove what a killed build left (staging folders, kernel sockets); called under the lock."""
    for folder in (root / "build").glob(".stage-*"):
        shutil.rmtree(folder, ignore_errors=True)
    kernels.clear(root, zygote=False)


def _all_fresh(root: Path, tree: run_plan.Tree, planned: Sequence[run_plan.Job]) -> bool:
    """Whether no notebook will run (as :func:`_run_all` finds under the lock); False when unsure."""
    try:
        return all(cache.is_fresh(root, tree.cache, j.path, cache.key(root, j.path, j.params, j.seed),
                                  tree.notebooks / j.path.name) for j in planned)
    except (OSError, ValueError, errors.HistkitError):
        return False


def _keep_failed(stage: Stage, tree: run_plan.Tree, failed: Sequence[Result]) -> dict[str, str]:
    """Move the executed copies of failed notebooks to the tree's ``failed/`` folder, for reading."""
    kept = {}
    for result in failed:
        staged = stage.path_for(tree.notebooks / result.notebook)
        target = tree.failed / result.notebook
        if staged.is_file():
            try:
                ensure_dir(target.parent)
                os.replace(staged, target)
                kept[result.notebook] = f"see {relative(target)}"
                continue
            except (OSError, errors.OutputError):
                pass
        target.unlink(missing_ok=True)
        kept[result.notebook] = "no executed copy was written"
    return kept


def _run_all(
    work: list[run_plan.Job],
    root: Path,
    tree: run_plan.Tree,
    stage: Stage,
    report: Callable[[str], None],
    jobs: int,
    force: bool,
    timeout: float,
    manager: Callable[[], type],
) -> list[Result]:
    report = one_line_at_a_time(report)
    def one(job: run_plan.Job) -> Result:
        try:
            return run_one(job)
        finally:
            _close_thread_loop()

    def run_one(job: run_plan.Job) -> Result:
        job.key = cache.key(root, job.path, job.params, job.seed)
        started = time.perf_counter()
        executed = tree.notebooks / job.path.name
        if not force and cache.is_fresh(root, tree.cache, job.path, job.key, executed):
            result = Result(job.path.name, "cached", time.perf_counter() - started)
        else:
            result = execute(job.path, job.params, stage.path_for(executed), manager(), timeout,
                             shown=relative(executed.parent))
        report(result.line())
        return result

    # The longest notebook first, so that the workers end together (issue 23); results in the given order.
    order = schedule.longest_first([cache.last_seconds(tree.cache, job.path) for job in work],
                                   [schedule.file_size(job.path) for job in work])
    # Waits in short slices: a Ctrl-C that lands in a worker thread still stops the build (issue 21).
    results = run_in_threads(one, [work[i] for i in order], jobs)
    return [results[order.index(i)] for i in range(len(work))]


def _close_thread_loop() -> None:
    """Close the event loop that nbclient opened in a worker thread; nothing else would."""
    asyncio = sys.modules.get("asyncio")  # not imported: no loop was opened (a no-change build)
    if asyncio is None or threading.current_thread() is threading.main_thread():
        return
    with contextlib.suppress(RuntimeError):
        loop = asyncio.get_event_loop_policy().get_event_loop()
        loop.close()
        asyncio.set_event_loop(None)


def _first_line(message: object) -> str:
    return (str(message or "").strip().splitlines() or [""])[0]


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
