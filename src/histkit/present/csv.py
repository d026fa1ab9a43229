"""Tables written as CSV: UTF-8, LF line ends, a fixed float format, one file per table.

The CSV files keep everything exact (EDTF, ids, full precision); what a reader sees in a notebook is
shaped elsewhere in this layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from histkit.core.files import WrittenFiles, atomic_write
from histkit.core.paths import from_root


class ExportedTables(WrittenFiles):
    """The CSV files written by :func:`export_tables`."""

    label = "tables written"


def export_tables(tables: Mapping[str, pd.DataFrame], folder: str | Path) -> ExportedTables:
    """Write each table as ``<folder>/<name>.csv`` (UTF-8, LF line ends, fixed float format).

    A relative ``folder`` is taken from the project root. Returns the written paths, in name order.
    """
    written = []
    for name in sorted(tables):
        csv = tables[name].to_csv(index=False, lineterminator="\n", float_format="%.6g")
        written.append(atomic_write(from_root(folder) / f"{name}.csv", csv))
    return ExportedTables(written)
