"""One figure style and one deterministic way to save figures.

Figures are built with :func:`new_figure` (a bare :class:`matplotlib.figure.Figure`, so no
pyplot state, no backend choice and no stray inline output) and written by :func:`save_figure`
as SVG, PNG and PDF without dates, version strings or random ids: two builds write the same bytes.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import Path

# The first import on a fresh machine logs "building the font cache" on stderr, which nbval
# compares; the cache is built all the same.
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

import matplotlib  # noqa: E402
from cycler import cycler  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from histkit.core.files import atomic_write  # noqa: E402
from histkit.core.paths import from_root, relative  # noqa: E402

# Okabe & Ito (2008), a palette that stays distinct for the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

STYLE: dict[str, object] = {
    "font.family": "DejaVu Sans",  # ships with matplotlib, so text renders the same everywhere
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    # Text stays text (<text> elements in DejaVu Sans), so a reader can search, select and copy a
    # label and a screen reader can read it; the bytes are still the same on every run.
    "svg.fonttype": "none",
    "svg.hashsalt": "histkit",  # fixed ids instead of random ones
    "pdf.fonttype": 42,
}

FORMATS: dict[str, dict[str, None]] = {
    "svg": {"Date": None, "Creator": None},
    "png": {"Software": None},
    "pdf": {"CreationDate": None, "Creator": None, "Producer": None},
}


def use_style() -> None:
    """Apply the histkit style to matplotlib's global settings."""
    matplotlib.rcParams.update(STYLE)


def new_figure(width: float = 7.0, height: float = 4.0) -> Figure:
    """Return an empty figure in the histkit style, sized in inches."""
    use_style()
    return Figure(figsize=(width, height), layout="constrained")


@dataclass(frozen=True)
class SavedFigure:
    """The files of one saved figure; shows as its PNG in a notebook."""

    name: str
    paths: tuple[Path, ...]
    png: bytes

    def _repr_png_(self) -> bytes:
        return self.png

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> tuple[dict, dict]:
        # The metadata tells the runner which files this cell wrote (for its cache and the manifest);
        # nbval does not compare output metadata.
        data = {"image/png": self.png, "text/plain": repr(self)}
        return data, {"histkit": {"figures": [relative(p) for p in self.paths]}}

    def __repr__(self) -> str:
        return f"figure {self.name}: " + ", ".join(p.name for p in self.paths)


def render(fig: Figure, fmt: str) -> bytes:
    """Render ``fig`` to bytes in ``fmt`` (svg, png or pdf) with no volatile metadata."""
    use_style()
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, metadata=FORMATS[fmt])
    return buffer.getvalue()


def save_figure(fig: Figure, name: str, folder: str | Path | None = None) -> SavedFigure:
    """Write ``fig`` as ``<folder>/<name>.svg``, ``.png`` and ``.pdf``, each atomically.

    Parameters
    ----------
    fig : Figure
        The figure, usually from :func:`new_figure`.
    name : str
        File stem, e.g. ``"00-words-per-section"``.
    folder : str or Path, optional
        Output folder; default ``figures/`` of the project. A relative path is taken from the
        project root, so the notebook's working folder does not matter.

    """
    target = from_root("figures" if folder is None else folder)
    paths = []
    png = b""
    for fmt in FORMATS:
        data = render(fig, fmt)
        paths.append(atomic_write(target / f"{name}.{fmt}", data))
        if fmt == "png":
            png = data
    return SavedFigure(name, tuple(paths), png)
