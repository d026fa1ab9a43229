"""The article's emphasis marks shown as type in a reader's table, and read back as plain text."""

from __future__ import annotations

from histkit.present.display import reader_table
from histkit.text.emphasis import typeset, unmarked


def test_marks_become_type_and_a_lone_mark_stays():
    # as hoehnea-senna-extracts' PDF prints a citation and a table's footnote mark
    assert typeset("(Pellerin *et al*. 2019)") == "(Pellerin <em>et al</em>. 2019)"
    assert typeset("**JEL:** E24") == "<strong>JEL:</strong> E24"
    assert typeset("H.S.Irwin &amp; Barneby* and 2*3*4") == "H.S.Irwin &amp; Barneby* and 2*3*4"
    assert unmarked("*Senna* spp., *S. alata*") == "Senna spp., S. alata"


def test_a_readers_table_shows_italics_not_asterisks():
    import pandas as pd

    shown = reader_table(pd.DataFrame({"quote": ["Pellerin *et al*. 2019"], "start": [0], "end": [22]}))._repr_html_()
    assert "Pellerin <em>et al</em>. 2019" in shown and "*" not in shown
