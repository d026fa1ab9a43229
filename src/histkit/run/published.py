"""The run a publishing command reads: the one ``histkit build`` makes with the same seed and parameters.

``histkit site`` and ``histkit export jdh`` take ``--seed``, ``-p`` and ``-f`` as ``histkit build`` does. The plan
of that build (:func:`histkit.run.runner.plan_run`, the same checks and the same tree) says where its executed
notebooks, tables and exports are; the publishing modules (:mod:`histkit.publish`) read them from there and write
beside them. Without a finished build of that run, the error names the ``histkit build`` to run first.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from histkit.core.errors import ParameterError
from histkit.core.paths import project_root
from histkit.publish.executed import Run, executed_notebooks
from histkit.run import runner
from histkit.text.seed import read_seed


def build_command(seed: str | None, pairs: Sequence[Sequence[str]], parameters_file: Path | None) -> str:
    """The ``histkit build`` command that makes the run these arguments name, as a user would type it."""
    words = ["histkit", "build"]
    if seed is not None:
        words += ["--seed", seed]
    if parameters_file is not None:
        words += ["-f", str(parameters_file)]
    for name, value in pairs:
        words += ["-p", name, value]
    return shlex.join(words)


def find_run(given: Mapping[str, Any], seed: str | None = None, root: Path | None = None,
             command: str = "histkit build") -> Run:
    """The finished run that ``histkit build`` with this seed and these parameters wrote.

    Raises
    ------
    ParameterError
        For a bad parameter (as ``histkit build`` would say), or notebooks that read different seeds.
    SeedError
        If the seed folder is missing or its text no longer matches its SHA-256.
    BuildError
        If that run has no executed copy of one of its notebooks: run ``command`` first.

    """
    root = root or project_root()
    tree, jobs = runner.plan_run((), given, seed, root)
    seeds = sorted({job.seed for job in jobs if "seed" in job.values})
    if len(seeds) != 1:
        raise ParameterError(f"the notebooks of this run read {len(seeds)} seeds; give one with --seed")
    read_seed(seeds[0])  # a seed folder that is missing or spoiled is said as such, before anything else
    notebooks = executed_notebooks(tree.notebooks, [job.path.name for job in jobs], command)

    def output(name: str) -> Path:
        # a folder given as a parameter wins over the tree's own, as it did in the build
        chosen = {str(job.values[name]) for job in jobs if name in job.values}
        if len(chosen) != 1:
            return tree.outputs[name]
        folder = Path(chosen.pop())
        return folder if folder.is_absolute() else root / folder

    return Run(root, seeds[0], tuple(notebooks), output("tables_dir"), output("exports_dir"), tree.base)
