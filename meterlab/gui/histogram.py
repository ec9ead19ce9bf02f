"""Distribution of the readings beside the trend: where they sit within the limit.

Counts come from the series' incremental histogram (O(batch) per frame); the
normal curve uses the running mean and σ, so a technician sees at once whether
the spread or the centring eats the tolerance (Cp versus Cpk).
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from meterlab.gui import style
from meterlab.gui.fmt import digits_for_nplc, fmt_plain, fmt_statistic, fmt_value
from meterlab.gui.series import LiveSeries


class SparseAxis(pg.AxisItem):
    """At most three labelled ticks: the histogram is narrow and readings such as
    3.29993 V need room, so the default five or six labels ran into each other."""

    MAX_LABELS = 3

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        levels = super().tickValues(minVal, maxVal, size)
        if not levels:
            return levels
        spacing, values = levels[0]
        values = list(values)
        step = max(1, math.ceil(len(values) / self.MAX_LABELS))
        return [(spacing * step, values[::step])]

REBIN_EVERY_S = 1.0


class HistogramView(QWidget):
    """Histogram with limit lines, a fitted normal curve and mean/σ/Cp/Cpk."""

    def __init__(self, series: LiveSeries, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        #: The readout's digits at the meter's integration time (the meter view keeps it
        #: current): the footer's mean is shown as the statistics box shows it.
        self.reading_digits = digits_for_nplc(1.0)
        self._last_rev = -1
        self._last_rebin = 0.0
        self._unit: str | None = None
        self.plot = pg.PlotWidget(axisItems={"bottom": SparseAxis("bottom")})
        self.plot.setObjectName("histogramPlot")
        self.plot.setBackground("w")
        self.plot.setMenuEnabled(False)
        self.plot.getPlotItem().hideButtons()
        self.plot.setLabel("left", self.tr("count"))
        # A fixed axis width: growing counts (99 → 100 000) must not re-lay out the plot.
        self.plot.getAxis("left").setWidth(56)
        for hidden in ("top", "right"):  # see TrendView: no label work for hidden axes
            self.plot.getAxis(hidden).enableAutoSIPrefix(False)
        self.bars = pg.PlotDataItem(
            stepMode="center", fillLevel=0, pen=pg.mkPen(style.BLUE, width=1),
            # Opaque (the blue at 43 % over white): an alpha fill of the whole
            # histogram costs several ms per paint on the raster engine.
            brush=pg.mkBrush(146, 193, 219),
        )
        self.plot.addItem(self.bars)
        # The count axis grows in steps (30 % headroom), not with every refresh: each
        # change of range regenerates the axis and repaints the whole plot.
        self.plot.getViewBox().disableAutoRange(axis=pg.ViewBox.YAxis)
        self._y_top = 0.0
        normal_pen = pg.mkPen("#222222", width=1.5, style=Qt.PenStyle.DashLine)
        self.normal = pg.PlotDataItem(pen=normal_pen)
        self.plot.addItem(self.normal)
        limit_pen = pg.mkPen(style.VERMILLION, width=2)
        warn_pen = pg.mkPen(style.ORANGE, width=1.5, style=Qt.PenStyle.DashLine)
        self.lines = {
            "lower": pg.InfiniteLine(angle=90, pen=limit_pen),
            "upper": pg.InfiniteLine(angle=90, pen=limit_pen),
            "warn_lower": pg.InfiniteLine(angle=90, pen=warn_pen),
            "warn_upper": pg.InfiniteLine(angle=90, pen=warn_pen),
        }
        for line in self.lines.values():
            line.hide()
            # Lines must not widen the view: a tight distribution zooms to its bins.
            self.plot.addItem(line, ignoreBounds=True)
        self.stats_label = QLabel()
        self.stats_label.setObjectName("histStats")
        self.stats_label.setTextFormat(Qt.TextFormat.RichText)
        title = QLabel(self.tr("Distribution"))
        title.setObjectName("viewTitle")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(title)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.stats_label)
        self.refresh(force=True)

    def refresh(self, *, force: bool = False) -> bool:
        s = self.series
        if not force and s.revision == self._last_rev:
            return False
        self._last_rev = s.revision
        h = s.hist
        now = time.monotonic()
        if h.needs_rebin and now - self._last_rebin > REBIN_EVERY_S:
            h.reset(s.band, s.ring.view("v"))
            self._last_rebin = now
        unit = s.unit
        if unit != self._unit:
            # Only on a change: a new axis label re-lays out and repaints the whole plot.
            self._unit = unit
            self.plot.setLabel("bottom", self.tr("reading"), units=unit)
            self.plot.getAxis("bottom").enableAutoSIPrefix(unit not in ("°C", "%", "dB", ""))
        if h.edges is None or h.inside == 0:
            self.bars.setData([], [])
            self.normal.setData([], [])
        else:
            self.bars.setData(h.edges, h.counts.astype(np.float64))
            self._fit_counts(float(h.counts.max()))
            summary = s.summary()
            if summary.std > 0 and h.inside > 1:
                x = np.linspace(h.edges[0], h.edges[-1], 200)
                width = h.edges[1] - h.edges[0]
                pdf = np.exp(-0.5 * ((x - summary.mean) / summary.std) ** 2) / (
                    summary.std * math.sqrt(2 * math.pi)
                )
                self.normal.setData(x, pdf * h.inside * width)
            else:
                self.normal.setData([], [])
        band = s.band
        for name, line in self.lines.items():
            value = getattr(band, name) if band is not None else None
            if value is not None and line.value() != value:
                line.setValue(value)
            if line.isVisible() != (value is not None):
                line.setVisible(value is not None)
        self._update_stats_text()
        return True

    def _fit_counts(self, peak: float) -> None:
        if peak > self._y_top or peak < self._y_top / 3:
            self._y_top = max(peak * 1.3, 1.0)
            self.plot.setYRange(0, self._y_top, padding=0)

    def _update_stats_text(self) -> None:
        sm = self.series.summary()
        unit = self.series.unit
        mean = self.tr("mean")  # outside the f-string, where lupdate can find it
        note = ""
        edges, band = self.series.hist.edges, self.series.band
        if edges is not None and band is not None and band.lower is not None \
                and band.upper is not None and (band.lower < edges[0] or band.upper > edges[-1]):
            note = "<br>" + self.tr("The limits lie outside this view.")
        self.stats_label.setText(
            "<table cellspacing='6'><tr>"
            f"<td>{mean}</td><td><b>{fmt_statistic(sm.mean, unit, self.reading_digits)}</b></td>"
            f"<td>σ</td><td><b>{fmt_value(sm.std, unit, 3)}</b></td></tr><tr>"
            f"<td>Cp</td><td><b>{fmt_plain(sm.cp, 2)}</b></td>"
            f"<td>Cpk</td><td><b>{fmt_plain(sm.cpk, 2)}</b></td></tr></table>{note}"
        )
