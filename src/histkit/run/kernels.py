"""Kernels for a build: private IPC sockets under ``build/.kernels/``, and a way to stop them all.

nbclient creates, owns and shuts down one kernel per notebook. This module gives it a kernel manager
class whose sockets and connection file live under the build folder (so a killed build leaves
nothing in the system's temporary folder, and the next build clears them), which starts each kernel
with the build's environment, and which remembers every running kernel so that Ctrl-C or a time
limit can stop them at once (papermill's own path waits for the running cell to finish).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

# Unix socket paths are limited to 107 bytes; the IPC transport appends "-N" to this prefix.
MAX_SOCKET_PREFIX = 90

_LIVE: dict[Any, int] = {}  # kernel manager -> thread ident of the notebook it runs
_LOCK = threading.Lock()
STOPPING = threading.Event()  # set when the whole build stops: no kernel may start after it
_ZYGOTE: list[Any] = []  # the build's zygote (see :mod:`zygote`), once a notebook needs a kernel
SHUTDOWN_POLL = 0.01  # seconds between looks at a kernel asked to end
_CPU: dict[int, float] = {}  # worker thread -> CPU seconds of the kernel it last shut down (Linux)


def kernels_dir(root: Path) -> Path:
    """Where a build's kernel sockets and connection files live."""
    return root / "build" / ".kernels"


def clear(root: Path, zygote: bool = True) -> None:
    """Remove the sockets and connection files a build (or a killed one) left behind; stop its zygote too."""
    if zygote:
        stop_zygote()
    shutil.rmtree(kernels_dir(root), ignore_errors=True)


@functools.cache
def manager_class(folder: str, env: tuple[tuple[str, str], ...] = (), transport: str = "ipc") -> type:
    """A kernel manager class on IPC sockets in ``folder`` (or TCP), started with ``env`` added.

    Built on first use so that a build with nothing to run never imports Jupyter.
    """
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    base = Path(folder)
    extra = dict(env)
    logging.getLogger("papermill").addFilter(_quiet_while_stopping)  # once: a filter is added only once

    class IpcKernelManager(AsyncKernelManager):
        @default("transport")
        def _default_transport(self) -> str:
            return transport

        @default("ip")
        def _default_ip(self) -> str:
            if transport != "ipc":
                return "127.0.0.1"
            name = uuid.uuid4().hex[:12]
            prefix = base / name
            if len(str(prefix)) > MAX_SOCKET_PREFIX:  # a deep project folder: fall back to /tmp
                prefix = Path(tempfile.gettempdir()) / f"histkit-kernel-{name}"
            base.mkdir(parents=True, exist_ok=True)
            return str(prefix)

        @default("connection_file")
        def _default_connection_file(self) -> str:
            base.mkdir(parents=True, exist_ok=True)
            return str(base / f"kernel-{uuid.uuid4().hex[:12]}.json")

        async def _async_pre_start_kernel(self, **kw: Any) -> Any:
            if STOPPING.is_set():
                raise KernelStartRefused("the build is stopping; no kernel starts now")
            kw["env"] = {**os.environ, **kw.get("env", {}), **extra}
            # A kernel's own stderr is its log (and a traceback when it is stopped): not the build's.
            kw.setdefault("stdout", subprocess.DEVNULL)
            kw.setdefault("stderr", subprocess.DEVNULL)
            return await super()._async_pre_start_kernel(**kw)

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            pid = _forked(kernel_cmd, kw)
            if pid is None:
                await super()._async_launch_kernel(kernel_cmd, **kw)
                return
            from histkit.run.zygote import Forked

            # What LocalProvisioner.launch_kernel records of the process it starts, for a forked one.
            provisioner = self.provisioner
            provisioner.process, provisioner.pid, provisioner.pgid = Forked(pid), pid, pid
            provisioner.cwd = kw.get("cwd")
            try:
                self._reconcile_connection_info(provisioner.connection_info)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.killpg(pid, signal.SIGKILL)  # a kernel no one will talk to
                raise

        async def _async_post_start_kernel(self, **kw: Any) -> None:
            await super()._async_post_start_kernel(**kw)
            with _LOCK:
                _LIVE[self] = threading.get_ident()
            if STOPPING.is_set():
                stop()

        def _note_cpu(self) -> None:
            # Read as the kernel is asked to end, while its process is still there: the next build's order.
            pid = _pid(self)
            used = cpu_seconds(pid) if pid else None
            if used is not None:
                with _LOCK:
                    _CPU[threading.get_ident()] = used

        async def _async_request_shutdown(self, restart: bool = False) -> None:
            self._note_cpu()
            await super()._async_request_shutdown(restart=restart)

        async def _async_kill_kernel(self, restart: bool = False) -> None:
            self._note_cpu()
            await super()._async_kill_kernel(restart=restart)

        async def _async_finish_shutdown(self, waittime: float | None = None, pollinterval: float = 0.1,
                                         restart: bool = False) -> None:
            # A kernel ends some 40 ms after it is asked to; looking every 0.1 s kept each worker
            # waiting some 60 ms more per notebook (issue 23). Looking costs a signal 0 and a read of /proc.
            await super()._async_finish_shutdown(waittime, min(pollinterval, SHUTDOWN_POLL), restart)

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            with _LOCK:
                _LIVE.pop(self, None)
            await super()._async_cleanup_resources(restart=restart)
            _remove_sockets(self.ip)

    return IpcKernelManager


def cpu_seconds(pid: int) -> float | None:
    """CPU seconds (user and system) a running process has used, from Linux's ``/proc``; else None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        fields = stat[stat.rfind(")") + 2 :].split()  # after the command's name, which may hold spaces
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime: fields 14, 15
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def kernel_cpu(thread: int) -> float | None:
    """The CPU seconds of the kernel that worker ``thread`` last shut down, once (None if unknown)."""
    with _LOCK:
        return _CPU.pop(thread, None)


def _quiet_while_stopping(record: logging.LogRecord) -> bool:
    """Keep papermill's log records, except while the whole build stops (Ctrl-C, SIGTERM).

    A kernel stopped while its client was still connecting makes nbclient log "Error occurred
    while starting new kernel client ... Kernel died" on stderr, past the command's one line.
    """
    return not STOPPING.is_set()


def can_fork() -> bool:
    """Whether a build's kernels are forked from a zygote here (POSIX fork, sessions and process groups)."""
    from histkit.run import zygote

    return zygote.available() and process_groups()


def start_zygote(root: Path, env: dict[str, str], notebooks: list[Path]) -> None:
    """Start the build's zygote (once; a no-op where kernels cannot be forked): kernels are forked from it."""
    from histkit.run import zygote

    with _LOCK:
        if _ZYGOTE or STOPPING.is_set() or not can_fork():
            return
        # Its socket is in the temporary folder: it starts before the build takes its lock and clears build/.
        _ZYGOTE.append(zygote.Zygote(Path(tempfile.gettempdir()), {**os.environ, **env}, zygote.imports_of(notebooks)))


def stop_zygote() -> None:
    """Stop the build's zygote, if one was started (the kernels it forked are stopped as any kernel)."""
    with _LOCK:
        found, _ZYGOTE[:] = list(_ZYGOTE), []
    for zygote in found:
        zygote.stop()


def _forked(kernel_cmd: list[str], kw: dict[str, Any]) -> int | None:
    """A kernel forked by the build's zygote for this command, or None: start it as a new process then."""
    with _LOCK:
        found = _ZYGOTE[0] if _ZYGOTE else None
    if found is None or list(kernel_cmd[1:3]) != ["-m", "ipykernel_launcher"] or STOPPING.is_set():
        return None
    return found.fork(list(kernel_cmd), kw.get("env") or dict(os.environ), os.path.abspath(kw.get("cwd") or os.curdir))


class KernelStartRefused(Exception):
    """A kernel was about to start while the build stops (not a start race to retry)."""


def _remove_sockets(prefix: str) -> None:
    if not prefix.startswith(("/", ".")) or prefix == "127.0.0.1":
        return  # a TCP address, not a socket path
    for n in range(1, 6):
        with contextlib.suppress(OSError):
            os.unlink(f"{prefix}-{n}")


def _process(km: Any) -> Any:
    """The kernel's process (a ``subprocess.Popen``) as its provisioner started it, if known."""
    return getattr(getattr(km, "provisioner", None), "process", None)


def _pid(km: Any) -> int | None:
    provisioner = getattr(km, "provisioner", None)
    return getattr(provisioner, "pid", None) or getattr(_process(km), "pid", None)


def _ended(km: Any) -> bool:
    """Whether the kernel's process has ended (as far as its provisioner's process tells)."""
    poll = getattr(_process(km), "poll", None)
    try:
        return poll is not None and poll() is not None
    except OSError:
        return False


def process_groups() -> bool:
    """Whether POSIX process groups can be signalled here (not on Windows: no killpg, getpgid, SIGKILL)."""
    return all(hasattr(os, name) for name in ("getpgid", "getpgrp", "killpg")) and hasattr(signal, "SIGKILL")


def _process_group(km: Any) -> int | None:
    pid = _pid(km)
    if not pid:
        return None
    try:
        return os.getpgid(pid)
    except OSError:
        return None


def _kill_groups(chosen: list[Any], grace: float) -> None:
    """POSIX: interrupt each kernel's process group, then kill it (children included)."""
    groups = [g for g in (_process_group(km) for km in chosen) if g and g != os.getpgrp()]
    for sig in (signal.SIGINT, signal.SIGKILL):
        for group in groups:
            with contextlib.suppress(OSError):
                os.killpg(group, sig)
        if sig == signal.SIGINT and groups:
            time.sleep(grace)


def _kill_processes(chosen: list[Any]) -> None:
    """Anywhere (Windows): end each kernel's own process; ``Popen.terminate`` is TerminateProcess there."""
    for km in chosen:
        process, pid = _process(km), _pid(km)
        with contextlib.suppress(OSError):
            if process is not None and hasattr(process, "terminate"):
                process.terminate()
            elif pid:
                os.kill(pid, signal.SIGTERM)


def stop(thread: int | None = None, grace: float = 0.5) -> int:
    """Interrupt, then kill, the running kernels (of one worker thread, or all); return how many.

    Each kernel runs in its own session, so a terminal's Ctrl-C never reaches it: the build stops
    it here, by its process group, within about ``grace`` seconds. Where there are no process
    groups (Windows), each kernel's process is ended instead; a crash here would hide the build's
    real error, and this runs on Ctrl-C, on every failure and on the time limit (issue 21).
    """
    if thread is None:
        STOPPING.set()
        stop_zygote()
    with _LOCK:
        # A kernel that ended without its client's cleanup (killed while it started) is forgotten
        # here: a thread's id is reused once it ends, and such a kernel stood for a new thread's,
        # so that stopping that thread stopped nothing (seen once in a suite run beside a build).
        for km in [km for km in _LIVE if _ended(km)]:
            del _LIVE[km]
        chosen = [km for km, ident in _LIVE.items() if thread in (None, ident)]
    if process_groups():
        _kill_groups(chosen, grace)
    else:
        _kill_processes(chosen)
    for km in chosen:
        _remove_sockets(km.ip)
        with contextlib.suppress(OSError):
            os.unlink(km.connection_file)
    return len(chosen)
