"""A plot grid that costs well under a millisecond per frame, for plots that scroll.

pyqtgraph's `GridItem` rebuilds a picture of three levels of lines, one Python
call per line, whenever the view moves; the live trend moves on every frame, so
that cost ~5–20 ms of every frame on the GUI thread (and more on a busy
machine). This grid computes one level of round steps (1-2-5 in values; whole
seconds, minutes and hours on a time axis, where the date axis puts its ticks)
with numpy and hands all lines to the painter in one call.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter

#: Round steps of a time axis (seconds), the ones a date axis labels.
TIME_STEPS = (1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60,
              120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400)


def nice_step(span: float, pixels: float, min_px: float, *, time: bool = False) -> float:
    """The smallest round step whose lines are at least `min_px` apart."""
    if not (span > 0 and pixels > 0 and math.isfinite(span)):
        return 0.0
    raw = span * min_px / pixels
    if time:
        for step in TIME_STEPS:
            if step >= raw:
                return float(step)
        return float(86400 * math.ceil(raw / 86400))
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * mag >= raw:
            return m * mag
    return 10.0 * mag


def grid_values(lo: float, hi: float, step: float, limit: int = 400) -> np.ndarray:
    """Multiples of `step` inside [lo, hi] (none when there would be absurdly many)."""
    if step <= 0 or not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return np.empty(0)
    first = math.ceil(lo / step)
    last = math.floor(hi / step)
    if last - first + 1 > limit:
        return np.empty(0)
    return np.arange(first, last + 1) * step


class _ViewSized(pg.GraphicsObject):
    """An item as large as the view it is in: grids are drawn across whatever is shown,
    so their bounds follow the view's range (and Qt is told when they change).
    Subclasses set `self._rect = QRectF()` in their constructor."""

    def boundingRect(self) -> QRectF:
        vb = self.getViewBox()
        if vb is None:
            return QRectF()
        rect = vb.viewRect()
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)
        return QRectF(self._rect)

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        self.update()


class FastGrid(_ViewSized):
    """Vertical and horizontal grid lines over the whole view, one painter call per paint.

    `time_x`: the x axis shows time (seconds since the epoch, local wall clock);
    its steps are whole seconds, minutes and hours, aligned to the local clock.
    """

    def __init__(self, pen: object, *, time_x: bool = False, min_px: float = 70.0) -> None:
        super().__init__()
        self._pen = pg.mkPen(pen)
        self._pen.setCosmetic(True)
        self._time_x = time_x
        self._min_px = min_px
        self._key: tuple | None = None
        self._lines: list[QLineF] = []
        self._rect = QRectF()

    def _build(self, x0: float, x1: float, y0: float, y1: float, w: float, h: float) -> None:
        key = (x0, x1, y0, y1, w, h)
        if key == self._key:
            return
        self._key = key
        offset = 0.0
        if self._time_x:
            # Align to the local clock: a date axis labels 14:03:00, not UTC multiples.
            import time

            offset = -time.localtime(x0).tm_gmtoff if math.isfinite(x0) else 0.0
        xs = grid_values(x0 - offset, x1 - offset,
                         nice_step(x1 - x0, w, self._min_px, time=self._time_x)) + offset
        ys = grid_values(y0, y1, nice_step(y1 - y0, h, self._min_px * 0.6))
        self._lines = ([QLineF(x, y0, x, y1) for x in xs.tolist()]
                       + [QLineF(x0, y, x1, y) for y in ys.tolist()])

    def paint(self, p, *_args) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        (x0, x1), (y0, y1) = vb.viewRange()
        self._build(x0, x1, y0, y1, vb.width(), vb.height())
        if self._lines:
            p.setPen(self._pen)
            p.drawLines(self._lines)


class LimitBands(pg.GraphicsObject):
    """Horizontal tolerance bands and limit lines across the whole view, in one paint.

    Three `LinearRegionItem`s and two `InfiniteLine`s did this before: seven
    items (a region holds two lines) whose bounds pyqtgraph recomputes in Python
    on every move of the view, i.e. on every frame of a following trend.
    `bands` are (lower, upper, colour) fills; `lines` are y values drawn with `pen`,
    `edges` y values drawn with `edge_pen` (the pass band's border).
    """

    def __init__(self, pen: object, edge_pen: object = None) -> None:
        super().__init__()
        self._pen = pg.mkPen(pen)
        self._pen.setCosmetic(True)
        self._edge_pen = pg.mkPen(edge_pen)
        self._edge_pen.setCosmetic(True)
        self._bands: list[tuple[float, float, object]] = []
        self._lines: list[float] = []
        self._edges: list[float] = []

    def set_levels(self, bands: list[tuple[float, float, object]], lines: list[float],
                   edges: list[float] = ()) -> None:  # type: ignore[assignment]
        self._bands = [(lo, hi, pg.mkBrush(c)) for lo, hi, c in bands if hi > lo]
        self._lines = list(lines)
        self._edges = [y for y in edges if abs(y) < 1e299]
        self.setVisible(bool(self._bands or self._lines))
        self.update()

    def boundingRect(self) -> QRectF:
        vb = self.getViewBox()
        return QRectF() if vb is None else QRectF(vb.viewRect())

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        self.update()

    def paint(self, p, *_args) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        (x0, x1), (y0, y1) = vb.viewRange()
        p.setPen(pg.mkPen(None))
        for lo, hi, brush in self._bands:
            a, b = max(lo, y0), min(hi, y1)
            if b > a:
                p.fillRect(QRectF(x0, a, x1 - x0, b - a), brush)
        for pen, ys in ((self._edge_pen, self._edges), (self._pen, self._lines)):
            lines = [QLineF(x0, y, x1, y) for y in ys if y0 <= y <= y1]
            if lines:
                p.setPen(pen)
                p.drawLines(lines)


class AxisGrid(_ViewSized):
    """The grid `showGrid()` draws, at the axes' own ticks, in one painter call per level.

    pyqtgraph's axis grid is part of each axis's cached picture: lines across the
    whole plot, replayed on every paint of the plot, which cost the scope's plots
    ~5 ms of the GUI thread per paint (more than the four traces). Here the lines
    at the axes' major ticks (and the x axis's minor ones, fainter) are drawn with
    a cosmetic pen in one call each; `alpha` is `showGrid`'s (0…1). Over a plain
    `background` the lines are drawn in the opaque colour they would blend to.
    """

    def __init__(self, colour: object, alpha: float, *, background: object = None,
                 x_axis: pg.AxisItem | None = None, y_axis: pg.AxisItem | None = None) -> None:
        super().__init__()
        self._axes = (x_axis, y_axis)
        self._pens = []
        under = pg.mkColor(background) if background is not None else None
        for level in (1, 2):  # major, minor: as AxisItem fades them
            pen = pg.mkPen(colour)
            c = pen.color()
            a = alpha / level
            if under is None:
                c.setAlpha(int(255 * a))
            else:
                # The same colour made opaque over the plot's plain background: the
                # raster engine draws opaque lines ~10× faster than translucent ones.
                c.setRgb(*(round(u + a * (v - u)) for u, v in
                           zip(under.getRgb()[:3], c.getRgb()[:3], strict=True)))
            pen.setColor(c)
            pen.setCosmetic(True)
            self._pens.append(pen)
        self._key: tuple | None = None
        self._levels: list[list[QLineF]] = [[], []]
        self._rect = QRectF()

    def _ticks(self, axis: pg.AxisItem | None, lo: float, hi: float, px: float
               ) -> list[list[float]]:
        if axis is None or not axis.isVisible() or px <= 0:
            return [[], []]
        levels = [list(values) for _spacing, values in axis.tickValues(lo, hi, px)[:2]]
        levels += [[]] * (2 - len(levels))
        return [[v for v in vals if lo <= v <= hi] for vals in levels]

    def paint(self, p, *_args) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        (x0, x1), (y0, y1) = vb.viewRange()
        x_axis, y_axis = self._axes
        key = (x0, x1, y0, y1, vb.width(), vb.height(),
               getattr(x_axis, "_tickSpacing", None), getattr(y_axis, "_tickSpacing", None))
        if key != self._key:
            self._key = key
            xs = self._ticks(x_axis, x0, x1, vb.width())
            ys = self._ticks(y_axis, y0, y1, vb.height())
            ys[1] = []  # the scope's vertical divisions have no minor lines
            self._levels = [[QLineF(x, y0, x, y1) for x in xs[i]]
                            + [QLineF(x0, y, x1, y) for y in ys[i]] for i in (0, 1)]
        # Level lines need no antialiasing (nor did the axes' grid have it); with it,
        # the translucent lines across the whole plot cost ~2 ms a level per paint.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, lines in zip(self._pens, self._levels, strict=True):
            if lines:
                p.setPen(pen)
                p.drawLines(lines)
