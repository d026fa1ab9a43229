"""The ``histkit`` command: build the workbook, list notebook parameters, freeze notebook outputs, publish."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from histkit.core.errors import HistkitError, NotebookError, ParameterError
from histkit.core.paths import project_root
from histkit.run import runner


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
                       help="notebooks to run at once (default: the number of cores)")
    build.add_argument("--force", action="store_true", help="run every notebook, even those the cache says are fresh")

    sub.add_parser("list", help="show the notebooks and their parameters with defaults")

    new = sub.add_parser("new", help="make a seed folder for another article (verbatim copy, SHA-256, metadata)")
    new.add_argument("article", type=Path, help="the article as plain UTF-8 text")
    new.add_argument("--name", default="", help="the seed folder's name (default: from the title)")

    freeze = sub.add_parser("freeze", help="re-execute notebooks in place to commit their outputs")
    freeze.add_argument("notebooks", nargs="*", type=Path, help="notebook files (default: all)")
    _publishing_parsers(sub)
    return parser


def _publishing_parsers(sub: Any) -> None:
    """``histkit site`` and ``histkit export jdh``: both read the executed notebooks of the last build."""
    sub.add_parser("site", help="write build/site/: the executed workbook and the article as linked HTML pages")
    export = sub.add_parser("export", help="write the executed workbook in another format")
    formats = export.add_subparsers(dest="format", required=True)
    formats.add_parser("jdh", help="write build/jdh/: notebooks for the Journal of Digital History")


def _publish(args: argparse.Namespace) -> None:
    from histkit.run import jdh, site

    if args.command == "site":
        made = site.build_site(project_root())
        for miss in made.misses:
            print(f"histkit: warning: a quote could not be placed in the article: {miss}", file=sys.stderr)
        print(f"site: {made.folder / site.INDEX} ({len(made.pages)} pages, {made.quotes} quotes linked to the article)")
    elif args.command == "export" and args.format == "jdh":
        made = jdh.export_jdh(project_root())
        print(f"jdh: {made.folder} ({len(made.notebooks)} notebooks, runtime.txt, requirements.txt)")
        for note in made.notes:
            print(f"  note: {note}")


def _read_parameters_file(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ParameterError(f"{path}: cannot read parameters file ({err.strerror})") from err
    except yaml.YAMLError as err:
        raise ParameterError(f"{path}: not valid YAML ({err}); fix the syntax") from err
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ParameterError(f"{path}: expected a mapping of parameter names to values")
    return data


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (2 for bad input, 1 for a failing notebook)."""
    args = _parser().parse_args(argv)
    # jsonschema (imported by nbformat, imported by papermill) loads rfc3987-syntax when it is
    # installed, only to check "iri" string formats that notebooks never use; building its grammar
    # costs about 1.3 s, more than a whole cached build. The command line does without it.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    try:
        if args.command == "list":
            for path in runner.notebooks(project_root()):
                print(path.name)
                for p in runner.parameters(path).values():
                    print(f"  {p.name}: {p.type_name} = {p.default}" + (f"  # {p.help}" if p.help else ""))
        elif args.command == "build":
            given = _read_parameters_file(args.parameters_file) if args.parameters_file else {}
            given |= {name: runner.resolve_value(value) for name, value in args.parameter}
            if args.jobs is not None and args.jobs < 1:
                raise ParameterError(f"--jobs must be 1 or more; not {args.jobs}")
            runner.build(args.notebooks, given, seed=args.seed, jobs=args.jobs, force=args.force)
        elif args.command == "new":
            from histkit.text.new_seed import new_seed

            made = new_seed(args.article, project_root() / "seeds", args.name)
            print(f"new seed: {made.folder} (sha256 {made.sha256[:12]}...)")
            for line in made.found:
                print(f"  {line}")
            print(f"next: histkit build --seed {made.folder}")
        elif args.command == "freeze":
            paths = [p.resolve() for p in args.notebooks] or runner.notebooks(project_root())
            runner.freeze(paths)
            for path in paths:
                print(f"froze {path.name}")
        elif args.command in ("site", "export"):
            _publish(args)
    except NotebookError as err:
        print(f"histkit: error: {err}", file=sys.stderr)
        return 1
    except HistkitError as err:
        print(f"histkit: error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
