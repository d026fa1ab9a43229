"""CSV export: what is stored keeps full precision, and is the same bytes on every run."""

from __future__ import annotations

import pandas as pd

from histkit.present.csv import export_tables


def test_floats_keep_full_precision(tmp_path):
    # the wage ratio the workbook computes from the article's 56.13 and 124.78 pesos
    ratio = 124.78 / 56.13
    table = pd.DataFrame({"measure": ["ratio"], "value": [ratio]})
    (path,) = export_tables({"wages": table}, tmp_path)
    back = pd.read_csv(path)
    assert back["value"].iloc[0] == ratio  # exact, not 2.22305 as a 6-digit format would keep
    assert export_tables({"wages": table}, tmp_path)[0].read_bytes() == path.read_bytes()
