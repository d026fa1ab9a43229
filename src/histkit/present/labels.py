"""Point labels that do not cover one another: each label takes the first free place around its point.

Names beside the points of a scatter plot are only readable when no two overlap. :func:`place_labels`
lays the figure out once, then gives each label, in a fixed order, the first of a few places around
its point (right, left, above, below, then the same further off with a thin line back to the
point) that is nearer its own point than any other and whose box meets no label, text,
legend or drawn line already placed, no other
point and stays inside the axes; a label with no such place is left off and returned, for the caller to
say so. It is deterministic: the same points and labels give the same figure, byte for byte.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox

# Offsets from the point in typographic points, with the text's alignment, in the order tried.
PLACES: tuple[tuple[float, float, str, str], ...] = (
    (4, 2, "left", "bottom"),
    (4, -2, "left", "top"),
    (-4, 2, "right", "bottom"),
    (-4, -2, "right", "top"),
    (0, 5, "center", "bottom"),
    (0, -5, "center", "top"),
    (10, 0, "left", "center"),
    (-10, 0, "right", "center"),
)
# Then the same places further off (times 3), with a thin line back to the point.
RINGS = (1, 3)
MARKER_RADIUS = 3.5  # points; about the size of a scatter marker of area 28


def place_labels(
    ax: Axes, points: Sequence[tuple[float, float]], labels: Sequence[str], fontsize: float = 7
) -> list[str]:
    """Annotate each point with its label at the first free place around it.

    Parameters
    ----------
    ax : Axes
        The axes the points are drawn in; its limits must be final (plot everything else first).
    points : sequence of (x, y)
        Data coordinates of the labelled points, in the order labels are placed.
    labels : sequence of str
        One label per point.
    fontsize : float
        Label size in points.

    Returns
    -------
    list of str
        The labels that found no free place, in order: they are left off (words printed over one
        another cannot be read), and the caller says so.

    """
    fig = ax.get_figure()
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    fig.draw_without_rendering()  # fixes the layout, so display coordinates are final
    renderer = canvas.get_renderer()
    scale = fig.dpi / 72
    frame = ax.get_window_extent(renderer)
    centres = [tuple(ax.transData.transform(p)) for p in points]
    r = MARKER_RADIUS * scale
    taken = [Bbox.from_extents(x - r, y - r, x + r, y + r) for x, y in centres]
    taken += [t.get_window_extent(renderer) for t in ax.texts]  # texts already there (a line's label)
    if ax.get_legend() is not None:
        taken.append(ax.get_legend().get_window_extent(renderer))
    lines = [line.get_path().transformed(line.get_transform()) for line in ax.get_lines()]
    crowded: list[str] = []
    for (x, y), point, label in zip(centres, points, labels, strict=True):
        chosen = None
        for ring in RINGS:
            for dx, dy, ha, va in PLACES:
                text = _annotate(ax, label, point, (dx * ring, dy * ring), ha, va, fontsize, leader=ring > 1)
                text.update_positions(renderer)
                box = Text.get_window_extent(text, renderer)  # the words, not the leader line
                inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
                free = inside and not any(box.overlaps(o) for o in taken if not _is_marker_of(o, x, y, r))
                free = free and not any(path.intersects_bbox(box, filled=False) for path in lines)
                # A label nearer to another point than to its own would name the wrong point.
                own = _distance(box, (x, y))
                if free and all(own <= _distance(box, c) for c in centres if c != (x, y)):
                    chosen = box
                    break
                text.remove()
            if chosen is not None:
                break
        if chosen is None:
            crowded.append(label)
            continue
        taken.append(chosen)
    return crowded


def _annotate(ax: Axes, label: str, point: tuple[float, float], offset: tuple[float, float], ha: str, va: str,
              fontsize: float, *, leader: bool) -> Annotation:
    """One label; a label set further off gets a thin line back to its point."""
    arrow = {"arrowstyle": "-", "linewidth": 0.4, "color": "0.45", "shrinkA": 0, "shrinkB": 3} if leader else None
    return ax.annotate(label, point, xytext=offset, textcoords="offset points", fontsize=fontsize, ha=ha, va=va,
                       arrowprops=arrow)


def _distance(box: Bbox, centre: tuple[float, float]) -> float:
    """Distance from a point to the nearest edge of a box (0 inside it)."""
    dx = max(box.x0 - centre[0], 0.0, centre[0] - box.x1)
    dy = max(box.y0 - centre[1], 0.0, centre[1] - box.y1)
    return float((dx * dx + dy * dy) ** 0.5)


def _is_marker_of(box: Bbox, x: float, y: float, r: float) -> bool:
    """Whether ``box`` is the marker of the point at (x, y) itself, which its own label may touch."""
    return abs(box.x0 - (x - r)) < 1e-6 and abs(box.y0 - (y - r)) < 1e-6 and abs(box.width - 2 * r) < 1e-6
