"""The ``histkit`` command: build the workbook, list notebook parameters, freeze notebook outputs, publish."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from histkit.core import safe_yaml
from histkit.core.errors import HistkitError, NotebookError, OutputError, ParameterError
from histkit.core.inputs import problem_of
from histkit.core.paths import project_root
from histkit.run import examples, freeze, runner, workbooks
from histkit.run.argv import split_parameters


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: stop the kernels, leave the outputs, exit 143."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="histkit", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="execute every notebook into build/ and write figures/")
    build.add_argument("notebooks", nargs="*", help="only these notebooks (e.g. 00-overview)")
    build.add_argument(
        "-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
        help="set a parameter in every notebook that declares it",
    )
    build.add_argument("-f", "--parameters-file", type=Path, help="YAML file of parameters")
    build.add_argument("--seed", help="run the workbook on another seed folder")
    build.add_argument("-j", "--jobs", type=int, default=None,
                       help="notebooks to run at once (default: one more than the cores)")
    build.add_argument("--force", action="store_true", help="run every notebook, even those the cache says are fresh")
    build.add_argument("--timeout", type=float, default=runner.DEFAULT_TIMEOUT,
                       help=f"seconds a notebook may run before it is stopped (default {runner.DEFAULT_TIMEOUT:g})")
    build.add_argument("--allow-outside", action="store_true",
                       help="let output-folder parameters name folders outside the project")

    sub.add_parser("list", help="show the notebooks and their parameters with defaults")

    new = sub.add_parser("new", help="make a seed folder for another article (verbatim copy, SHA-256, metadata)")
    new.add_argument("article", type=Path, help="the article: .pdf .docx .odt .xml (JATS) .html .htm .md .txt")
    new.add_argument("--name", default="", help="the seed folder's name (default: from the title)")
    new.add_argument("--notebooks", action="store_true",
                     help="also copy the generic workbook into <seed>/notebooks/, for its author to edit")

    freeze = sub.add_parser("freeze", help="re-execute notebooks in place to commit their outputs")
    freeze.add_argument("notebooks", nargs="*", type=Path, help="notebook files (default: all)")
    _publishing_parsers(sub)
    return parser


def _run_arguments(parser: argparse.ArgumentParser) -> None:
    """``--seed``, ``-p`` and ``-f``: which run, with the same meaning as in ``histkit build``."""
    parser.add_argument(
        "-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
        help="a parameter of the run (as given to histkit build)",
    )
    parser.add_argument("-f", "--parameters-file", type=Path,
                        help="YAML file of parameters (as given to histkit build)")
    parser.add_argument("--seed", help="the seed folder of the run (as given to histkit build)")


def _publishing_parsers(sub: Any) -> None:
    """``histkit site`` and ``histkit export jdh``: both read the executed notebooks of one finished run."""
    from histkit.publish.jdh_front import DEFAULT_LICENCE, LICENCES

    site = sub.add_parser("site", help="write the run's site/ (build/site/): its notebooks and the article as linked "
                                       "HTML pages")
    _run_arguments(site)
    export = sub.add_parser("export", help="write the executed workbook in another format")
    formats = export.add_subparsers(dest="format", required=True)
    jdh = formats.add_parser("jdh", help="write the run's jdh/ (build/jdh/): a Journal of Digital History submission")
    _run_arguments(jdh)
    jdh.add_argument("--licence", default=DEFAULT_LICENCE,
                     help=f"the licence the JDH publishes under: {', '.join(LICENCES)} (default {DEFAULT_LICENCE})")


def _given(args: argparse.Namespace) -> dict[str, Any]:
    given = _read_parameters_file(args.parameters_file) if args.parameters_file else {}
    return given | {name: runner.resolve_value(value) for name, value in args.parameter}


def _publish(args: argparse.Namespace) -> None:
    from histkit.publish import jdh, site
    from histkit.run.published import build_command, find_run

    command = build_command(args.seed, args.parameter, args.parameters_file)
    run = find_run(_given(args), args.seed, project_root(), command)
    if args.command == "site":
        made = site.build_site(run)
        for miss in made.misses:
            print(f"histkit: warning: a quote could not be placed in the article: {miss}", file=sys.stderr)
        print(f"site: {made.folder / site.INDEX} ({len(made.pages)} pages, {made.quotes} quotes linked to the article)")
    elif args.command == "export" and args.format == "jdh":
        made = jdh.export_jdh(run, licence=args.licence)
        print(f"jdh: {made.folder} ({len(made.notebooks)} notebooks, histkit's wheel, the seed folder, "
              "runtime.txt, requirements.txt)")
        for note in made.notes:
            print(f"  note: {note}")


def _read_parameters_file(path: Path) -> dict[str, Any]:
    data = safe_yaml.load_file(path, ParameterError, "parameters file")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ParameterError(f"{path}: expected a mapping of parameter names to values")
    return data


def _notebook_path(given: Path) -> Path:
    """A notebook given as a path, or by its name in the project's notebooks/ ("02-railway-wages")."""
    for candidate in (given, project_root() / "notebooks" / given.with_suffix(".ipynb").name):
        if candidate.is_file():
            return candidate.resolve()
    raise ParameterError(f"no notebook {str(given)!r}; give a path or a name from notebooks/ (see histkit list)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (2 for bad input, 1 for a failing notebook)."""
    try:
        argv, pairs = split_parameters(sys.argv[1:] if argv is None else argv)
    except ParameterError as err:
        print(f"histkit: error: {err}", file=sys.stderr)
        return 2
    args = _parser().parse_args(argv)
    if pairs:
        args.parameter = [list(pair) for pair in pairs]
    # jsonschema (imported by nbformat, imported by papermill) loads rfc3987-syntax when it is
    # installed, only to check "iri" string formats that notebooks never use; building its grammar
    # costs about 1.3 s, more than a whole cached build. The command line does without it.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    previous = None
    if threading.current_thread() is threading.main_thread():
        # A shell that starts a command in the background ignores Ctrl-C for it; histkit wants it.
        previous = (signal.signal(signal.SIGTERM, _terminate), signal.signal(signal.SIGINT, signal.default_int_handler))
    try:
        return _command(args)
    except KeyboardInterrupt as err:
        code = 143 if isinstance(err, Terminated) else 130
        print("histkit: stopped" + (" (terminated)" if code == 143 else " (Ctrl-C)")
              + "; the kernels were shut down and no output was changed", file=sys.stderr)
        sys.stderr.flush()
        sys.stdout.flush()
        runner.kernels.stop(grace=0)  # a kernel that came up while the build was stopping
        if threading.active_count() > 1 and threading.current_thread() is threading.main_thread():
            # A worker thread may still be waiting on its (now dead) kernel: do not wait for it.
            os._exit(code)
        return code
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous[0])
            signal.signal(signal.SIGINT, previous[1])


def _command(args: argparse.Namespace) -> int:
    try:
        if args.command == "list":
            for path in runner.notebooks(project_root()):
                print(path.name)
                for p in runner.parameters(path).values():
                    print(f"  {p.name}: {p.type_name} = {p.default}" + (f"  # {p.help}" if p.help else ""))
        elif args.command == "build":
            given = _given(args)
            if args.jobs is not None and args.jobs < 1:
                raise ParameterError(f"--jobs must be 1 or more; not {args.jobs}")
            if not 0 < args.timeout < float("inf"):
                raise ParameterError(f"--timeout must be a positive number of seconds; not {args.timeout}")
            runner.build(args.notebooks, given, seed=args.seed, jobs=args.jobs, force=args.force,
                         timeout=args.timeout, allow_outside=args.allow_outside)
        elif args.command == "new":
            from histkit.text.new_seed import new_seed

            made = new_seed(args.article, project_root() / "seeds", args.name)
            print(f"new seed: {made.folder} (sha256 {made.sha256[:12]}...)")
            for line in made.found:
                print(f"  {line}")
            if args.notebooks:
                copies = workbooks.copy_generic(made.folder)
                print(f"  notebooks to edit: {len(copies)} in {made.folder / 'notebooks'} (built instead of the "
                      "generic workbook)")
            print(f"next: histkit build --seed {made.folder}")
        elif args.command == "freeze":
            paths = [_notebook_path(p) for p in args.notebooks]
            if not paths:  # everything committed with outputs: the authored workbook, then each example
                paths = runner.notebooks(project_root())
                for name in examples.example_names(project_root()):
                    paths += examples.write_example(project_root(), name)
            freeze.freeze(paths)
            for path in paths:
                print(f"froze {path.name}")
        elif args.command in ("site", "export"):
            _publish(args)
    except NotebookError as err:
        print(f"histkit: error: {_one_line(err)}", file=sys.stderr)
        return 1
    except HistkitError as err:
        print(f"histkit: error: {_one_line(err)}", file=sys.stderr)
        return 2
    except OSError as err:
        folder = os.path.dirname(err.filename) if isinstance(err.filename, str) else "the build folder"
        print(f"histkit: error: {OutputError(f'cannot write in {folder}: {problem_of(err)}')}", file=sys.stderr)
        return 2
    return 0


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split("\n"))


if __name__ == "__main__":
    sys.exit(main())
