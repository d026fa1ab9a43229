"""A small explorer for any article's table: narrow the rows by section, by kind and by years.

The generic workbook uses it for the dated statements (notebook 01) and the figures (notebook 02). The
table is redrawn as a reader table each time a control moves; its plain form (a saved notebook, without a
kernel) says what the explorer does.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd

from histkit.present.display import ReaderTable
from histkit.present.section_names import place as place_of

ALL = "all"


def filter_rows(frame: pd.DataFrame, place: str = ALL, kind: str = ALL, years: tuple[int, int] | None = None,
                kind_column: str = "form", year_column: str | None = None,
                places: dict[int, str] | None = None) -> pd.DataFrame:
    """The rows in ``place`` ("section 3.1", "front matter"), of ``kind``, and (for dates) overlapping ``years``.

    ``places`` names each section as the article does (:func:`histkit.present.section_names.section_places`);
    without it a section is named by its place in the order ("section 5").
    """
    keep = pd.Series(True, index=frame.index)
    if place != ALL:
        keep &= frame["section"].map(lambda s: place_of(s, places or {})) == place
    if kind != ALL:
        keep &= frame[kind_column] == kind
    if years is not None and year_column:
        low, high = years
        first = frame["earliest"].astype(str).str[:4]
        last = frame["latest"].astype(str).str[:4]
        first = pd.to_numeric(first, errors="coerce").fillna(-9999)
        last = pd.to_numeric(last, errors="coerce").fillna(9999)
        keep &= (first <= high) & (last >= low)
    return frame[keep]


class TableExplorer(widgets.VBox):
    """Drop-downs for the section and the kind (and a year slider when the rows are dated) over one table.

    Parameters
    ----------
    frame : DataFrame
        Rows with a ``section`` column, the ``kind_column``, and for dates ``earliest``/``latest``.
    view : callable
        Turns a selection of rows into the :class:`ReaderTable` shown.
    kind_column, kind_label : str
        The column the second drop-down filters on, and its label.
    years : (int, int), optional
        The span of the year slider (the article's own); no slider without it.
    what : str
        What the rows are, for the count line ("dated statements", "figures").
    places : dict, optional
        Each section's name in words (:func:`histkit.present.section_names.section_places`).
    """

    def __init__(self, frame: pd.DataFrame, view: Callable[[pd.DataFrame], ReaderTable], *, kind_column: str,
                 kind_label: str, years: tuple[int, int] | None = None, what: str = "rows",
                 places: dict[int, str] | None = None) -> None:
        self._frame, self._view, self._kind_column, self._what = frame, view, kind_column, what
        self._places = places or {}
        places_seen = list(dict.fromkeys(place_of(s, self._places) for s in frame["section"]))
        kinds = sorted(set(frame[kind_column].dropna().astype(str)))
        self.place = widgets.Dropdown(options=[ALL, *places_seen], value=ALL, description="Section")
        self.kind = widgets.Dropdown(options=[ALL, *kinds], value=ALL, description=kind_label)
        controls: list[widgets.Widget] = [self.place, self.kind]
        self.years = None
        if years is not None and years[0] < years[1]:
            self.years = widgets.IntRangeSlider(value=list(years), min=years[0], max=years[1], step=1,
                                                description="Years", continuous_update=False,
                                                layout=widgets.Layout(width="32em"))
            controls.append(self.years)
        self.count = widgets.HTML()
        self.table = widgets.HTML()
        for control in controls:
            control.observe(self._redraw, names="value")
        super().__init__([widgets.HBox(controls[:2]), *controls[2:], self.count, self.table])
        self._redraw()

    def _redraw(self, _change: object = None) -> None:
        years = tuple(self.years.value) if self.years is not None else None
        rows = filter_rows(self._frame, self.place.value, self.kind.value, years, self._kind_column,
                           "earliest" if self.years is not None else None, self._places)
        self.count.value = f"<p>{len(rows)} of {len(self._frame)} {self._what}</p>"
        self.table.value = self._view(rows)._repr_html_() if len(rows) else "<p>None in this selection.</p>"

    def __repr__(self) -> str:
        # ipywidgets cuts a plain form past 110 characters: this one stays shorter
        return (f"Explorer: run the notebook in JupyterLab to narrow the {self._what} by section, kind"
                f"{' and years' if self.years is not None else ''}.")
