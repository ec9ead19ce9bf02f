"""The live strip chart: readings against real time, with the limit drawn in.

It redraws from the series' ring buffer on the window's frame timer, and only
when something it shows changed (new readings in view, a moved view, a new
limit). The curve is reduced to a min/max pair per pixel column of the visible
span (`decimate.py`), so a 10-million-point buffer draws as fast as a short one.
"""

from __future__ import annotations

import math
from datetime import datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from meterlab.gui import style
from meterlab.gui.decimate import block_decimate, peak_decimate, stride_pick, visible_slice
from meterlab.gui.plot_grid import FastGrid, LimitBands
from meterlab.gui.series import BLOCK, LiveSeries

#: Visible time spans offered while following the newest data (seconds; 0 = all).
SPANS: tuple[tuple[str, float], ...] = (
    ("10 s", 10.0),
    ("1 min", 60.0),
    ("10 min", 600.0),
    ("1 h", 3600.0),
)
MAX_FAIL_MARKERS = 2000
#: While following, the chart moves in steps of this many pixels.
SCROLL_PX = 6
#: Room for the left axis's tick labels before they need more ("3.30", "-12.5").
MIN_TICK_TEXT_PX = 42


class TimeAxis(pg.DateAxisItem):
    """Wall-clock ticks as a technician reads them: 14:03:25, not "25.000"."""

    def tickStrings(self, values, scale, spacing):
        # pyqtgraph's `spacing` for sub-minute levels is not the tick distance,
        # so the format follows the tick values themselves.
        vals = np.asarray(values, dtype=np.float64)
        if spacing >= 86400:
            fmt, cut = "%Y-%m-%d", 0
        elif np.all(np.mod(vals, 1) == 0):
            fmt, cut = "%H:%M:%S", 0
        elif np.all(np.abs(np.round(vals * 10) - vals * 10) < 1e-6):
            fmt, cut = "%H:%M:%S.%f", 5
        else:
            fmt, cut = "%H:%M:%S.%f", 3
        out = []
        for v in vals.tolist():
            try:
                text = datetime.fromtimestamp(v).strftime(fmt)
            except (OverflowError, ValueError, OSError):
                text = ""
            out.append(text[:-cut] if cut and text else text)
        return out


def _set_visible(item: object, visible: bool) -> None:
    """Change visibility only on a real change: each change costs a scene update."""
    if item.isVisible() != visible:  # type: ignore[attr-defined]
        item.setVisible(visible)  # type: ignore[attr-defined]


def _tint(hex_colour: str, strength: float) -> tuple[int, int, int]:
    """`hex_colour` at `strength` over white, as an opaque colour."""
    c = hex_colour.lstrip("#")
    rgb = (int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16))
    return tuple(round(255 + (v - 255) * strength) for v in rgb)  # type: ignore[return-value]


class TrendView(QWidget):
    """Strip chart of a `LiveSeries`; call `refresh()` from the frame timer."""

    def __init__(self, series: LiveSeries, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        self.following = True
        self.paused = False
        self._pause_t: float | None = None
        #: The newest time the curve shows: a pause holds the chart exactly there.
        self._drawn_t: float | None = None
        self._last_key: tuple | None = None
        self._band_key: object = ()
        self.redraws = 0  # how many times data was actually pushed to the plot

        self.plot = pg.PlotWidget(axisItems={"bottom": TimeAxis(orientation="bottom")})
        self.plot.setObjectName("trendPlot")
        self.plot.setBackground("w")
        # FastGrid, not showGrid() (the axis grid costs ~18 ms per paint on the raster
        # engine at 1200×600) nor GridItem (rebuilt line by line in Python whenever
        # the view moves, i.e. on every frame while following): see plot_grid.py.
        grid = FastGrid((200, 200, 200, 90), time_x=True)
        grid.setZValue(-6)  # above the opaque bands, below limits and curve
        self.plot.addItem(grid, ignoreBounds=True)
        self.plot.setMenuEnabled(False)
        self.plot.getPlotItem().hideButtons()
        # The tick labels' room grows with them and never shrinks back: a width that follows
        # the text would re-lay out the plot whenever the ticks change (every frame while
        # following), and a fixed one let long ticks (3.299916 for µV of noise on a 3.3 V
        # rail) run into the axis title.
        left = self.plot.getAxis("left")
        left.textWidth = max(left.textWidth, MIN_TICK_TEXT_PX)
        left.setStyle(autoExpandTextSpace=True, autoReduceTextSpace=False)  # (re-sizes it)
        for hidden in ("top", "right"):
            # A hidden axis still follows the range, and with an SI prefix it re-sets its
            # label text on every move of the view, i.e. every frame: ~1 ms for nothing.
            self.plot.getAxis(hidden).enableAutoSIPrefix(False)
        self.vb = self.plot.getViewBox()
        self.vb.disableAutoRange()
        self.vb.sigRangeChangedManually.connect(self._user_moved_view)

        # Opaque tints (the colours pre-blended with white): the bands lie under
        # everything, and opaque fills cost a fraction of alpha blending per frame.
        # One item paints bands and limit lines (see plot_grid.LimitBands).
        self.bands = LimitBands(pg.mkPen(style.VERMILLION, width=1, style=Qt.PenStyle.DashLine),
                                pg.mkPen(style.GREEN, width=1))
        self.bands.setZValue(-10)
        self.bands.hide()
        self.plot.addItem(self.bands, ignoreBounds=True)

        # A 1-px cosmetic pen takes the raster engine's fast path; 1.5 px costs ~6× per frame.
        self.curve = pg.PlotDataItem(pen=pg.mkPen(style.BLUE, width=1), connect="finite")
        self.curve.setSkipFiniteCheck(False)
        self.plot.addItem(self.curve)
        self.fail_points = pg.ScatterPlotItem(
            symbol="x", size=7, pen=pg.mkPen(style.VERMILLION, width=1.5),
            brush=pg.mkBrush(style.VERMILLION),
        )
        self.fail_points.setZValue(5)
        self.plot.addItem(self.fail_points)
        self.first_fail_line = pg.InfiniteLine(
            angle=90, movable=False,
            pen=pg.mkPen(style.VERMILLION, width=1.5, style=Qt.PenStyle.DashLine),
            label=self.tr("first failure"),
            labelOpts={"position": 0.92, "color": style.VERMILLION, "fill": (255, 255, 255, 200)},
        )
        self.first_fail_mark = pg.ScatterPlotItem(
            symbol="star", size=18, pen=pg.mkPen("#000000"), brush=pg.mkBrush(style.VERMILLION)
        )
        for item in (self.first_fail_line, self.first_fail_mark):
            item.setZValue(6)
            item.hide()
            self.plot.addItem(item, ignoreBounds=True)

        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setCheckable(True)
        self.pause_button.setToolTip(self.tr("Freeze the chart; readings are still recorded"))
        self.pause_button.toggled.connect(self.set_paused)
        self.follow_button = QPushButton(self.tr("Follow newest"))
        self.follow_button.setToolTip(self.tr("Scroll with the newest readings again"))
        self.follow_button.clicked.connect(self.follow_newest)
        self.span_combo = QComboBox()
        for label, seconds in SPANS:
            self.span_combo.addItem(label, seconds)
        self.span_combo.addItem(self.tr("all"), 0.0)
        self.span_combo.setCurrentIndex(1)
        self.span_combo.setToolTip(self.tr("Time span shown while following"))
        self.span_combo.currentIndexChanged.connect(self.follow_newest)
        self.state_label = QLabel()
        self.state_label.setObjectName("trendState")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Trend"))
        title.setObjectName("viewTitle")
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(self.state_label)
        bar.addWidget(QLabel(self.tr("Span")))
        bar.addWidget(self.span_combo)
        bar.addWidget(self.pause_button)
        bar.addWidget(self.follow_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.plot, 1)
        self._update_state_label()

    # -- user controls ----------------------------------------------------
    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        if paused:
            # Hold what is on screen. Readings taken since the last frame are kept but not
            # drawn: the chart must not step forward under the hand that pressed Pause.
            t = self.series.ring.view("t")
            self._pause_t = self._drawn_t if self._drawn_t is not None else (
                float(t[-1]) if len(t) else None)
            self.following = False
        else:
            self._pause_t = None
            self.following = True
        if self.pause_button.isChecked() != paused:
            self.pause_button.setChecked(paused)
        self._last_key = None
        self._update_state_label()

    def follow_newest(self) -> None:
        if self.paused:
            self.set_paused(False)
        self.following = True
        self._last_key = None
        self._update_state_label()

    def _user_moved_view(self, *_: object) -> None:
        self.following = False
        self._update_state_label()

    def _update_state_label(self) -> None:
        if self.paused:
            self.state_label.setText(self.tr("⏸ paused"))
        elif self.following:
            self.state_label.setText(self.tr("● live"))
        else:
            self.state_label.setText(self.tr("◌ browsing"))

    # -- drawing -----------------------------------------------------------
    def point_count(self) -> int:
        """Readings the chart can show (stored in the ring, gap markers included)."""
        return len(self.series.ring)

    def refresh(self) -> bool:
        """Redraw if anything visible changed; returns whether it redrew."""
        s = self.series
        self._sync_band()
        t_all = s.ring.view("t")
        n = t_all.shape[0]
        if n == 0:
            self._drawn_t = None
            if self._last_key != ("empty", s.revision):
                self.curve.setData([], [])
                self.fail_points.setData([], [])
                _set_visible(self.first_fail_line, False)
                _set_visible(self.first_fail_mark, False)
                self._last_key = ("empty", s.revision)
            return False
        cap = n
        if self._pause_t is not None:
            cap = int(np.searchsorted(t_all, self._pause_t, side="right"))
        t_new = float(t_all[cap - 1]) if cap else float(t_all[-1])
        if self.following:
            span = float(self.span_combo.currentData() or 0.0)
            start = float(t_all[0])
            # Scroll in steps of SCROLL_PX pixels, not on every frame: between steps
            # only the curve changes, and the time axis and grid (the costliest part
            # of a frame's paint) are not regenerated 25 times a second.
            shown = span or max(t_new - start, 1e-3)
            step = SCROLL_PX * shown / max(self.vb.width(), 100.0)
            t_q = math.ceil(t_new / step) * step if step > 0 else t_new
            x0 = t_q - span if span else start
            x1 = t_q if t_q > x0 else x0 + 1.0
            self.vb.setXRange(x0, x1 + 0.02 * (x1 - x0), padding=0)
        (x0, x1), _ = self.vb.viewRange()
        width = max(int(self.vb.width()), 100)
        key = (s.ring.total, s.ring.generation, s.revision, cap, x0, x1, width)
        if key == self._last_key:
            return False
        self._last_key = key
        i0, i1 = visible_slice(t_all[:cap], x0, x1)
        if (i1 - i0) >= width * BLOCK:
            x, y = self._from_blocks(x0, x1, cap, width)
        else:
            x, y = peak_decimate(t_all[i0:i1], s.ring.view("v")[i0:i1], width)
        self.curve.setData(x, y)
        self._drawn_t = t_new
        self._draw_failures(x0, x1, cap_t=t_new)
        if self.following:
            self._follow_y(y)
        self.redraws += 1
        return True

    def _from_blocks(self, x0: float, x1: float, cap: int, width: int):
        """Min/max per column from the block summaries, plus the newest raw rows."""
        s = self.series
        bt = s.blocks.view("t")
        b0, b1 = visible_slice(bt, x0, x1)
        if self._pause_t is not None:
            b1 = min(b1, int(np.searchsorted(bt, self._pause_t, side="right")))
        x, y = block_decimate(bt[b0:b1], s.blocks.view("lo")[b0:b1],
                              s.blocks.view("hi")[b0:b1], width)
        tail = s.partial_fill if self._pause_t is None else 0
        if tail:
            tt = s.ring.view("t")[cap - tail : cap]
            tv = s.ring.view("v")[cap - tail : cap]
            x = np.concatenate([x, tt])
            y = np.concatenate([y, tv])
        return x, y

    def _follow_y(self, y: np.ndarray) -> None:
        finite = y[np.isfinite(y)]
        lo = float(finite.min()) if finite.size else math.nan
        hi = float(finite.max()) if finite.size else math.nan
        band = self.series.band
        for bound in (band.lower, band.upper) if band else ():
            if bound is not None:
                lo = bound if math.isnan(lo) else min(lo, bound)
                hi = bound if math.isnan(hi) else max(hi, bound)
        if math.isnan(lo):
            return
        pad = (hi - lo) * 0.08 or abs(hi) * 1e-3 or 1e-9
        self.vb.setYRange(lo - pad, hi + pad, padding=0)

    def _draw_failures(self, x0: float, x1: float, cap_t: float) -> None:
        f = self.series.failures
        ft = f.view("t")
        if ft.shape[0]:
            i0, i1 = visible_slice(ft, x0, min(x1, cap_t))
            px, py = stride_pick(ft[i0:i1], f.view("v")[i0:i1], MAX_FAIL_MARKERS)
            self.fail_points.setData(px, py)
        else:
            self.fail_points.setData([], [])
        first = self.series.first_failure
        if first is None or first[0] > cap_t:
            _set_visible(self.first_fail_line, False)
            _set_visible(self.first_fail_mark, False)
        else:
            if self.first_fail_line.value() != first[0]:
                self.first_fail_line.setValue(first[0])
                self.first_fail_mark.setData([first[0]], [first[1]])
            _set_visible(self.first_fail_line, True)
            _set_visible(self.first_fail_mark, True)

    def _sync_band(self) -> None:
        band = self.series.band
        key = band
        if key == self._band_key:
            return
        self._band_key = key
        unit = self.series.unit
        self.plot.setLabel("left", self.tr("reading"), units=unit)
        self.plot.getAxis("left").enableAutoSIPrefix(unit not in ("°C", "%", "dB", ""))
        if band is None or (band.lower is None and band.upper is None):
            self.bands.set_levels([], [])
            return
        big = 1e300
        lo = band.lower if band.lower is not None else -big
        hi = band.upper if band.upper is not None else big
        # Green where a reading passes outright, orange where it is only marginal.
        wl = band.warn_lower if band.warn_lower is not None and band.lower is not None else lo
        wh = band.warn_upper if band.warn_upper is not None and band.upper is not None else hi
        green, orange = _tint(style.GREEN, 0.18), _tint(style.ORANGE, 0.27)
        self.bands.set_levels([(wl, wh, green), (lo, wl, orange), (wh, hi, orange)],
                              [b for b in (band.lower, band.upper) if b is not None], [wl, wh])
