"""Kernels forked from one process that has already imported what the notebooks import (issue 23).

A cold build spent about 1.3 s of CPU per notebook starting a Python kernel and importing IPython,
pandas, matplotlib and histkit, on a machine with two cores. Instead, once a build has something to
run, it starts one *zygote*: a process with the kernels' environment that imports those modules once
(the notebooks' own import lines, read from their first code cell by name, so that this layer imports
no history) while the build checks the seeds, and then waits on a Unix socket in the temporary folder.
No kernel is forked before every pre-kernel check passed. Each kernel is then a ``fork()`` of it,
which runs ``ipykernel`` as ``python -m ipykernel_launcher`` would, with the notebook's folder,
environment and arguments.

Each forked kernel is a process of its own in a session of its own (``setsid``), as jupyter_client
starts kernels: it is interrupted and killed by its process group, as before (:mod:`kernels`), and
has no state from another notebook, since the zygote never runs a notebook's code. The zygote stops
at the end of the build, and on its own when the build that started it is gone (a killed build).
Where there is no ``fork`` (Windows) or no process groups, kernels start as before.
"""

from __future__ import annotations

import ast
import atexit
import contextlib
import gc
import importlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path

LAUNCHER = ("-m", "ipykernel_launcher")
# What every kernel imports before a notebook's first line (ipykernel itself, and its debugger, which every
# kernel's start imported on its own: 45 ms each, no thread started), then what a notebook's first
# saved figure loads (matplotlib's SVG, PNG and PDF writers, fontTools for the PDF's fonts, Pillow's formats).
BASE = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.debugger", "matplotlib_inline.backend_inline",
        "matplotlib.backends.backend_agg", "matplotlib.backends.backend_svg", "matplotlib.backends.backend_pdf",
        "fontTools.subset", "fontTools.ttLib", "PIL.PngImagePlugin", "PIL.JpegImagePlugin")
INLINE = "module://matplotlib_inline.backend_inline"
WAIT = 0.5  # seconds between checks that the build is still there


def available() -> bool:
    """Whether kernels can be forked here: POSIX ``fork``, sessions and process groups."""
    return all(hasattr(os, name) for name in ("fork", "setsid", "killpg", "getpgid")) and sys.platform != "win32"


def imports_of(notebooks: Iterable[Path]) -> list[str]:
    """The modules named by ``import`` lines in each notebook's first code cell, in order, once each."""
    found: list[str] = []
    for path in notebooks:
        with contextlib.suppress(OSError, ValueError, SyntaxError, KeyError, TypeError):
            cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
            for cell in cells:
                source = cell.get("source", "")
                source = "".join(source) if isinstance(source, list) else source
                if cell.get("cell_type") != "code" or "parameters" in cell.get("metadata", {}).get("tags", []):
                    continue
                for node in ast.parse(source).body:
                    if isinstance(node, ast.Import):
                        found += [alias.name for alias in node.names]
                    elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                        found += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
                break
    return list(dict.fromkeys(found))


class Zygote:
    """The build's side of a zygote: start it, ask it for kernels, stop it."""

    def __init__(self, folder: Path, env: Mapping[str, str], modules: Iterable[str]) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.socket_path = str(folder / f"histkit-zygote-{os.getpid()}-{uuid.uuid4().hex[:8]}.sock")
        self.process = subprocess.Popen(
            [sys.executable, "-m", __name__, self.socket_path, str(os.getpid()), *BASE, *modules],
            env=dict(env), cwd=str(folder), start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )

    def fork(self, argv: list[str], env: Mapping[str, str], cwd: str, patience: float = 120.0) -> int | None:
        """A kernel forked with this command line, environment and folder: its pid, or None if the zygote cannot.

        Waits for the zygote to finish its imports (that is the point: the kernel is then ready at once).
        """
        if self.process.poll() is not None:
            return None
        request = json.dumps({"argv": argv, "env": dict(env), "cwd": cwd}).encode() + b"\n"
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline:
            try:
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                    conn.settimeout(max(1.0, deadline - time.monotonic()))
                    conn.connect(self.socket_path)
                    conn.sendall(request)
                    with conn.makefile("rb") as reader:  # closed with the socket: no descriptor left to the collector
                        reply = reader.readline()
                return int(json.loads(reply)["pid"]) if reply else None
            except (FileNotFoundError, ConnectionRefusedError):
                if self.process.poll() is not None:
                    return None
                time.sleep(0.02)  # not listening yet
            except (OSError, ValueError, KeyError, TypeError):
                return None
        return None

    def stop(self) -> None:
        """End the zygote (never a kernel: each is in a session of its own)."""
        # SIGTERM first: it reaps its ended kernels, so that their CPU time counts as the build's.
        for end, patience in ((self.process.terminate, 2.0), (self.process.kill, 5.0)):
            with contextlib.suppress(OSError):
                end()
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                self.process.wait(timeout=patience)
                break
        with contextlib.suppress(OSError):
            os.unlink(self.socket_path)


class Forked:
    """A forked kernel as jupyter_client's provisioner sees a ``Popen``: not our child, so watched by its pid."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """None while the kernel runs, else its end (0: the zygote reaped it)."""
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)  # the zygote reaps its children, so a gone kernel is soon no zombie
            except ProcessLookupError:
                self.returncode = 0
            except OSError:
                pass
            else:
                if _zombie(self.pid):  # ended, not yet reaped by the zygote: ended all the same
                    self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the kernel to end, as ``Popen.wait``."""
        end = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if end is not None and time.monotonic() > end:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0)
            time.sleep(0.02)
        return self.returncode or 0

    def send_signal(self, sig: int) -> None:
        """Signal the kernel's process."""
        os.kill(self.pid, sig)

    def kill(self) -> None:
        """Kill the kernel's process."""
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        """Ask the kernel's process to end."""
        self.send_signal(signal.SIGTERM)


def _zombie(pid: int) -> bool:
    """Whether ``pid`` has ended and waits to be reaped (Linux's /proc; elsewhere, never said)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return stat[stat.rfind(")") + 2 : stat.rfind(")") + 3] == "Z"


def _child(conn: socket.socket, listener: socket.socket, request: dict, ready: int) -> None:
    """In the forked process: become a kernel as ``python -m ipykernel_launcher ARGS`` would, then exit."""
    code = 1
    try:
        listener.close()
        conn.close()
        os.setsid()
        gc.enable()  # for what the notebook makes; the zygote's own objects stay frozen (see serve)
        for sig in (signal.SIGCHLD, signal.SIGTERM):
            signal.signal(sig, signal.SIG_DFL)
        os.write(ready, b"1")
        os.close(ready)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.path[0] = os.getcwd()  # as python -m puts the kernel's folder first
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        # The kernel's parent poller ends it when its parent changes (the zygote ends with the build);
        # ipykernel read JPY_PARENT_PID when the zygote imported it, so it is given here.
        argv = [*request["argv"][3:], f"--IPKernelApp.parent_handle={os.getppid()}"]
        sys.argv = [request["argv"][0], *argv]
        from ipykernel import kernelapp

        code = 0
        kernelapp.launch_new_instance(argv=argv)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:
        code = 1
    finally:
        with contextlib.suppress(BaseException):
            atexit._run_exitfuncs()  # memos and ipykernel's clean-up, as an ending interpreter would
        os._exit(code)


def serve(socket_path: str, build_pid: int, modules: list[str]) -> None:
    """The zygote: import ``modules``, then fork a kernel for each request until the build is gone."""
    os.environ.setdefault("MPLBACKEND", INLINE)  # as ipykernel sets it before anything imports matplotlib
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)  # bound first: a request made during the imports waits for them
    listener.listen(16)
    # No garbage collection while importing (a sixth of the imports' time), and what the imports made is
    # then frozen (gc.freeze, made for servers that fork): a kernel's collections never walk the hundreds of
    # thousands of objects it inherited, nor touch (and so copy) their pages. IPython's reset at a kernel's
    # exit collected them all: half a second of every notebook's end, the build's worker waiting (issue 23).
    gc.disable()
    for name in modules:
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    gc.freeze()
    # Ended kernels are reaped at once (never zombies), and waited for, unlike with SIG_IGN, so that their
    # CPU time is counted as the zygote's children's and, once the build waits for the zygote, the build's.
    signal.signal(signal.SIGCHLD, lambda *_: _reap())
    # Ending at once: tearing down an interpreter that holds pandas and matplotlib takes most of a second.
    signal.signal(signal.SIGTERM, lambda *_: (_reap(), _unlink(socket_path), os._exit(0)))
    listener.settimeout(WAIT)
    try:
        _accept(listener, build_pid)
    finally:
        _reap()
        _unlink(socket_path)


def _unlink(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _reap() -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _accept(listener: socket.socket, build_pid: int) -> None:
    while os.getppid() == build_pid:
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        with conn:
            conn.settimeout(10)
            try:
                with conn.makefile("rb") as reader:
                    request = json.loads(reader.readline())
            except (OSError, ValueError):
                continue
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read)
                _child(conn, listener, request, write)
            os.close(write)
            with contextlib.suppress(OSError):
                os.read(read, 1)  # the kernel has its own session now: its process group is its own
            os.close(read)
            with contextlib.suppress(OSError):
                conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
