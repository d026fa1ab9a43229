"""Executed notebooks that hold the same bytes on every build.

Papermill records when a notebook and each cell started and ended, how long they took, and the paths
it read and wrote (the build's staging folder, named after its process id); the parameters cell it
injects gets a random cell id; and ipywidgets give every widget model a random id, which names the
model in the widget state and in every view that shows it. Nothing else in an executed notebook of
the workbook changes from one build to the next (issue 21). :func:`normalise` removes the times and
paths, names the injected cell ``injected-parameters``, and renumbers widget models in the order
the notebook shows them (``00000000000000000000000000000001``, ...), references included, so
views and state still agree and a reader still sees the widgets' saved state.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from histkit.core.files import atomic_write

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
VARYING = ("start_time", "end_time", "duration", "input_path", "output_path")
_REF = re.compile(r"IPY_MODEL_([0-9A-Za-z_-]+)")


def _views(nb: dict[str, Any]) -> list[str]:
    """Model ids of the widget views in the cells' outputs, in cell and output order."""
    found = []
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if isinstance(view, dict) and isinstance(view.get("model_id"), str):
                found.append(view["model_id"])
    return found


def _refs(value: Any) -> list[str]:
    """Model ids referenced (``IPY_MODEL_<id>``) anywhere in a widget's state, in key order."""
    return _REF.findall(json.dumps(value, sort_keys=True))


def model_order(nb: dict[str, Any]) -> list[str]:
    """Every widget model id, in an order that does not depend on the ids themselves.

    Views first, in the order the notebook shows them, then the models they reach through
    references (breadth first); models reached from nowhere last, ordered by their state.
    """
    state = nb.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    order: list[str] = []
    queue = _views(nb)
    while queue:
        model = queue.pop(0)
        if model in order:
            continue
        order.append(model)
        queue.extend(_refs(state.get(model, {}).get("state", {})))
    masked = {m: _REF.sub("IPY_MODEL_", json.dumps(state[m], sort_keys=True)) for m in state if m not in order}
    return order + sorted(masked, key=lambda m: masked[m])


def normalise(nb: dict[str, Any]) -> dict[str, Any]:
    """Return ``nb`` (notebook JSON) without what changes between builds; see the module docstring."""
    for field in VARYING:
        nb.get("metadata", {}).get("papermill", {}).pop(field, None)
    for cell in nb.get("cells", []):
        cell.get("metadata", {}).pop("execution", None)
        for field in VARYING:
            cell.get("metadata", {}).get("papermill", {}).pop(field, None)
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []) and "id" in cell:
            cell["id"] = "injected-parameters"
    order = model_order(nb)
    if not order:
        return nb
    new = {model: f"{i:032x}" for i, model in enumerate(order, start=1)}
    text = json.dumps(nb, sort_keys=True)
    # Model ids are 32 hex digits; replace them only where they stand as ids or references.
    text = re.sub(r'(?<=")(?:IPY_MODEL_)?([0-9A-Za-z_-]+)(?=")',
                  lambda m: m.group(0).replace(m.group(1), new[m.group(1)]) if m.group(1) in new else m.group(0),
                  text)
    return json.loads(text)


def normalise_file(path: Path) -> None:
    """Rewrite the executed notebook at ``path`` normalised (same JSON layout as nbformat writes)."""
    import nbformat

    nb = json.loads(path.read_text(encoding="utf-8"))
    atomic_write(path, nbformat.writes(nbformat.from_dict(normalise(nb))) + "\n", stage=False)
