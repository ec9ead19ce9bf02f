"""The scope's division grid (`plot_grid.AxisGrid`): the lines `showGrid` drew, at a
fraction of the paint time."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtGui import QImage, QPainter

from meterlab.gui.plot_grid import AxisGrid
from meterlab.gui.scope_plot import AnalogPlot

pytest_plugins = ("gui_fixtures",)


def _grid(plot: AnalogPlot) -> AxisGrid:
    return next(i for i in plot.getPlotItem().items if isinstance(i, AxisGrid))


def test_scope_grid_lines_sit_on_every_division_and_its_fifths(qtbot):
    plot = AnalogPlot()
    qtbot.addWidget(plot)
    plot.resize(900, 400)
    plot.show()
    plot.set_time_window(-6e-3, 6e-3, 1.2e-3)  # ten divisions of 1.2 ms
    qtbot.wait(50)
    grid = _grid(plot)
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    grid.paint(painter)
    painter.end()
    major, minor = grid._levels
    xs = sorted(round(line.x1() / 1.2e-3, 6) for line in major if line.x1() == line.x2())
    ys = sorted(line.y1() for line in major if line.y1() == line.y2())
    assert xs == [float(k) for k in range(-5, 6)]  # every division, ends included
    assert ys == [float(k) for k in range(-4, 5)]  # every vertical division
    fifths = sorted(round(line.x1() / 0.24e-3, 6) for line in minor)  # fainter, between
    assert np.allclose(fifths, [k for k in range(-25, 26) if k % 5])
    assert plot.getAxis("bottom").grid is False  # no second grid inside the axes' picture
    # Drawn opaque, in the colour showGrid's translucent lines made over the background
    # (the raster engine draws opaque lines ~10× faster): major 28 %, minor 14 % of the way.
    major_pen, minor_pen = grid._pens
    assert major_pen.color().alpha() == minor_pen.color().alpha() == 255
    assert major_pen.color().name() == "#252b31" and minor_pen.color().name() == "#1a1f24"
    # Moving the window moves the lines (the cache follows the view).
    plot.set_time_window(0, 12e-3, 1.2e-3)
    qtbot.wait(50)
    painter = QPainter(image)
    grid.paint(painter)
    painter.end()
    assert min(line.x1() for line in grid._levels[0]) == 0.0
