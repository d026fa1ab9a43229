"""Kernels forked from the build's zygote: separate, in their own process groups, interruptible, never left behind."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from histkit.core.errors import SeedError
from histkit.run import kernels, runner, zygote
from tests.conftest import DATA, patience

pytestmark = pytest.mark.skipif(not zygote.available(), reason="no fork() here: kernels start as new processes")


def _notebook(*sources: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    return nb


def _run(nb: nbformat.NotebookNode, folder: Path, manager: type) -> list[str]:
    client = NotebookClient(nb, kernel_manager_class=manager, kernel_name="python3", timeout=int(patience(60)),
                            resources={"metadata": {"path": str(folder)}})
    client.execute()
    return ["".join(o.get("text", "") for o in cell.outputs) for cell in nb.cells]


@pytest.fixture()
def forking(tmp_path: Path):
    (tmp_path / "seeds").mkdir()
    kernels.STOPPING.clear()
    kernels.start_zygote(tmp_path, {"HISTKIT_TEST_VALUE": "from the build"}, [])
    assert kernels._ZYGOTE, "a zygote was started"
    yield tmp_path, runner.ipc_kernel_manager(tmp_path, {"HISTKIT_TEST_VALUE": "from the build"})
    kernels.stop_zygote()
    kernels.clear(tmp_path)


def test_a_forked_kernel_collects_its_own_garbage_not_what_it_inherited(forking, tmp_path: Path) -> None:
    # The zygote's imports are frozen out of the collector (gc.freeze), and collection is on again for the
    # notebook: a cycle the notebook makes is still freed.
    _root, manager = forking
    code = ("import gc, weakref\n"
            "class Node: pass\n"
            "a = Node(); a.self = a; alive = weakref.ref(a); del a\n"
            "gc.collect()\n"
            "print(gc.isenabled(), gc.get_freeze_count() > 10_000, alive() is None)")
    assert _run(_notebook(code), tmp_path, manager)[0].split() == ["True", "True", "True"]


def test_imports_of_reads_the_first_code_cell_after_the_parameters(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("import nothing"),
                nbformat.v4.new_code_cell("import json", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("import os.path, csv\nfrom pathlib import Path\nfrom . import x\nx = 1"),
                nbformat.v4.new_code_cell("import sqlite3")]
    path = tmp_path / "a.ipynb"
    path.write_text(nbformat.writes(nb), encoding="utf-8")
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    found = zygote.imports_of([path, path, tmp_path / "broken.ipynb"])
    assert found == ["os.path", "csv", "pathlib", "pathlib.Path"]


def test_forked_kernels_are_apart_in_their_folder_with_the_build_environment(forking, tmp_path: Path) -> None:
    _root, manager = forking
    folder = tmp_path / "nb"
    folder.mkdir()
    code = ("import os; print(os.getcwd(), os.getpid(), os.getpgrp(), os.getsid(0), "
            "os.environ['HISTKIT_TEST_VALUE'], 'secret' in globals())")
    first = _run(_notebook("secret = 1", code), folder, manager)[1].split()
    second = _run(_notebook(code), folder, manager)[0].split()
    for out in (first, second):
        cwd, pid, group, session = out[0], int(out[1]), int(out[2]), int(out[3])
        assert cwd == str(folder)
        assert group == pid == session != os.getpgrp()  # its own session and process group, as started kernels
        assert out[4] == "from"  # the build's environment reached the kernel
    assert first[1] != second[1]
    assert second[-1] == "False"  # nothing of the first notebook in the second kernel


def test_a_forked_kernel_is_interrupted_by_its_process_group(forking, tmp_path: Path) -> None:
    _root, manager = forking
    nb = _notebook("import time\ntry:\n    time.sleep(600)\nexcept KeyboardInterrupt:\n    print('interrupted')")
    done = threading.Event()

    def interrupt() -> None:
        deadline = time.monotonic() + patience(30)
        while not done.is_set() and time.monotonic() < deadline:
            if kernels.stop(thread=worker.ident, grace=patience(5)):  # SIGINT then SIGKILL to its group
                return
            time.sleep(0.2)

    outputs: list[str] = []
    worker = threading.Thread(target=lambda: outputs.extend(_safe_run(nb, tmp_path, manager)))
    worker.start()
    interrupt()
    worker.join(patience(60))
    done.set()
    assert not worker.is_alive()


def _safe_run(nb: nbformat.NotebookNode, folder: Path, manager: type) -> list[str]:
    try:
        return _run(nb, folder, manager)
    except Exception as err:  # the kernel was killed after its interrupt: a dead kernel, as for any kernel
        return [type(err).__name__]


def test_the_zygote_and_its_kernels_end_when_the_build_is_killed(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    script = textwrap.dedent(f"""
        import json, os, sys
        from pathlib import Path
        from histkit.run import kernels
        root = Path({str(tmp_path)!r})
        kernels.start_zygote(root, {{}}, [])
        z = kernels._ZYGOTE[0]
        pid = z.fork([sys.executable, "-m", "ipykernel_launcher", "-f", str(root / "k.json")],
                     dict(os.environ), str(root))
        print(json.dumps({{"zygote": z.process.pid, "kernel": pid}}), flush=True)
        os._exit(9)  # killed: no clean-up of any kind
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False,
                         timeout=patience(120), env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    pids = json.loads(out.stdout.strip().splitlines()[-1])
    assert pids["kernel"]
    deadline = time.monotonic() + patience(30)
    while time.monotonic() < deadline and any(_alive(pid) for pid in pids.values()):
        time.sleep(0.2)
    left = [pid for pid in pids.values() if _alive(pid)]
    for pid in left:  # a test never leaves a process behind, even when it fails
        os.kill(pid, signal.SIGKILL)
    assert not left, pids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_build_refused_by_its_seed_check_stops_its_zygote_and_forks_nothing(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "histkit"\n')
    shutil.copytree(DATA / "tiny", tmp_path / "seeds" / "tiny")
    shutil.copytree(DATA / "notebooks", tmp_path / "notebooks")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HISTKIT_ROOT", raising=False)
    article = tmp_path / "seeds" / "tiny" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "changed\n", encoding="utf-8")  # its SHA-256 no longer
    started: list[zygote.Zygote] = []
    forks: list[list[str]] = []
    monkeypatch.setattr(zygote.Zygote, "__init__", _recording(zygote.Zygote.__init__, started))
    monkeypatch.setattr(zygote.Zygote, "fork", lambda self, argv, *a, **k: forks.append(argv))
    with pytest.raises(SeedError):
        runner.build(["00-ok"], root=tmp_path, report=lambda line: None, force=True)
    assert started, "a forced build starts its zygote while the seed is checked"
    assert not forks  # no kernel before the check passed
    assert not kernels._ZYGOTE and started[0].process.poll() is not None  # stopped
    assert not Path(started[0].socket_path).exists()


def _recording(init, started):
    def record(self, *args, **kwargs):
        init(self, *args, **kwargs)
        started.append(self)

    return record


def test_a_forked_kernel_that_ended_unreaped_has_ended() -> None:
    # A child of this process, ended and not yet waited for, is a zombie: the kernel it stood for is gone.
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + patience(30)
    while not zygote._zombie(child.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert zygote.Forked(child.pid).poll() == 0
    child.wait()
    assert zygote.Forked(child.pid).poll() == 0  # and once reaped, gone
