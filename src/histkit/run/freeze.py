"""``histkit freeze``: re-execute notebooks in place for committing their outputs (a developer's command)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from histkit.core.files import atomic_write
from histkit.run.runner import KERNEL, KERNEL_ARGS, WIDGET_VIEW, ipc_kernel_manager


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
