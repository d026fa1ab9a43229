"""Executed notebooks hold the same bytes on every build (issue 21)."""

from __future__ import annotations

import json
import uuid

from histkit.run.reproducible import WIDGET_STATE, WIDGET_VIEW, model_order, normalise


def _executed(ids: list[str], started: str) -> dict:
    """A notebook as papermill writes it: times, staging paths, an injected cell, two widgets."""
    box, slider, layout = ids
    view = {"model_id": box, "version_major": 2, "version_minor": 0}
    return {
        "cells": [
            {"cell_type": "code", "id": uuid.uuid4().hex[:8], "source": "x = 1", "outputs": [],
             "metadata": {"tags": ["injected-parameters"],
                          "papermill": {"start_time": started, "end_time": started, "duration": 0.1,
                                        "status": "completed", "exception": False}}},
            {"cell_type": "code", "id": "c2", "source": "box", "execution_count": 2, "metadata": {},
             "outputs": [{"output_type": "display_data", "metadata": {},
                          "data": {WIDGET_VIEW: view, "text/plain": "VBox()"}}]},
        ],
        "metadata": {
            "papermill": {"start_time": started, "end_time": started, "duration": 3.2, "parameters": {"x": 1},
                          "input_path": "notebooks/00.ipynb", "output_path": f"build/.stage-{started[-2:]}/00.ipynb"},
            "widgets": {WIDGET_STATE: {"version_major": 2, "version_minor": 0, "state": {
                box: {"model_name": "VBoxModel", "state": {"children": [f"IPY_MODEL_{slider}"]}},
                slider: {"model_name": "IntSliderModel", "state": {"layout": f"IPY_MODEL_{layout}", "value": 3}},
                layout: {"model_name": "LayoutModel", "state": {}},
            }}},
        },
        "nbformat": 4, "nbformat_minor": 5,
    }


def test_two_runs_with_other_times_and_ids_normalise_to_the_same_json() -> None:
    one = _executed([uuid.uuid4().hex for _ in range(3)], "2026-12-04T18:00:01")
    two = _executed([uuid.uuid4().hex for _ in range(3)], "2026-12-04T19:30:59")
    assert json.dumps(normalise(one), sort_keys=True) == json.dumps(normalise(two), sort_keys=True)


def test_what_a_reader_needs_is_kept_and_views_still_name_their_models() -> None:
    ids = [uuid.uuid4().hex for _ in range(3)]
    nb = normalise(_executed(ids, "2026-12-04T18:00:01"))
    assert nb["metadata"]["papermill"] == {"parameters": {"x": 1}}
    assert nb["cells"][0]["metadata"]["papermill"] == {"status": "completed", "exception": False}
    assert nb["cells"][0]["id"] == "injected-parameters"
    state = nb["metadata"]["widgets"][WIDGET_STATE]["state"]
    view = nb["cells"][1]["outputs"][0]["data"][WIDGET_VIEW]["model_id"]
    assert view == f"{1:032x}" and view in state
    assert state[view]["state"]["children"] == [f"IPY_MODEL_{2:032x}"]  # the box's child, renumbered with it
    assert state[f"{2:032x}"]["state"] == {"layout": f"IPY_MODEL_{3:032x}", "value": 3}
    assert not any(i in json.dumps(nb) for i in ids)


def test_the_order_of_models_does_not_depend_on_their_ids() -> None:
    ids = ["f" * 32, "0" * 31 + "1", "8" * 32]
    nb = _executed(ids, "t")
    assert model_order(nb) == ids  # view, its child, the child's layout: the order the notebook shows
