"""Tables written as CSV: UTF-8, LF line ends, floats at full precision, one file per table.

Beside them, ``datapackage.json`` describes every table exported to that folder (field types, keys,
list separators: see :mod:`histkit.present.datapackage`).

The CSV files keep everything exact (EDTF, ids, full precision); what a reader sees in a notebook is
shaped elsewhere in this layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from histkit.core.files import WrittenFiles, atomic_write
from histkit.core.paths import from_root
from histkit.present.datapackage import list_columns, update_package


class ExportedTables(WrittenFiles):
    """The CSV files written by :func:`export_tables`."""

    label = "tables written"


def export_tables(tables: Mapping[str, pd.DataFrame], folder: str | Path) -> ExportedTables:
    """Write each table as ``<folder>/<name>.csv`` (UTF-8, LF line ends, floats at full precision).

    A relative ``folder`` is taken from the project root. Returns the written paths, in name order.
    The tables are also merged into ``<folder>/datapackage.json``, which is not among the returned
    paths: it describes every notebook's tables, so the build cache must not count it as this
    notebook's output (each notebook's export changes it).
    """
    target = from_root(folder)
    written = []
    for name in sorted(tables):
        # No float_format: pandas writes each float's shortest exact form (Python's repr), so the CSV
        # keeps full precision and is the same on every run; readers see rounded values in notebooks.
        csv = list_columns(name, tables[name]).to_csv(index=False, lineterminator="\n")
        written.append(atomic_write(target / f"{name}.csv", csv))
    update_package(target, tables)
    return ExportedTables(written)
