"""The scope view's two plots: analog traces on a division grid, and logic lanes.

`AnalogPlot` draws each channel the way the scope's screen does: 8 vertical
divisions, each trace scaled by its own V/div and shifted by its offset. The
trace items keep their data in volts and seconds (a per-item transform puts
them on the division grid), so what a test or an export reads from them is what
the scope measured. The left axis is labelled in the volts of the *active*
channel, in its colour; the ground marker of every channel sits at the left edge.

`LogicPlot` stacks the shown lines D0…D15 below, shares the time axis, and
draws decoded frames (UART bytes and text, I²C start/address/ack/data/stop) as
boxes with labels that shorten or vanish when a box gets too narrow to read.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTransform

from meterlab.gui.fmt import DASH, fmt_si
from meterlab.gui.plot_grid import AxisGrid

V_DIVS = 8
H_DIVS = 12
BACKGROUND = "#101418"
GRID = (120, 130, 140, 70)
#: Rigol's channel colours, brightened where needed to read on the dark screen.
CHANNEL_COLOURS = {1: "#F5E400", 2: "#00E5FF", 3: "#FF4FD8", 4: "#4A8CFF"}
LOGIC_COLOUR = "#39D353"
TRIGGER_COLOUR = "#FF9F1C"
CURSOR_COLOUR = "#E8E8E8"
TEXT_COLOUR = "#E6E6E6"
AXIS_COLOUR = "#5A6570"
DECODE_COLOURS = {
    "byte": "#FFB000", "error": "#FF5A36", "start": "#FFFFFF", "stop": "#FFFFFF",
    "address": "#C69CFF", "data": "#7FD4FF", "ack": "#39D353", "nak": "#FF5A36",
}
MAX_LABELS = 300
#: How long a dropped trigger level is shown before the scope's own report wins anyway.
LEVEL_PENDING_S = 2.0


def volts_label(value: float, digits: int = 3) -> str:
    if value is None or not math.isfinite(value):
        return DASH
    return fmt_si(value, "V", digits)


class DivisionAxis(pg.AxisItem):
    """Ticks on every division; labels in volts of the active channel."""

    def __init__(self) -> None:
        super().__init__(orientation="left")
        self.scale = 1.0
        self.offset = 0.0

    def tickValues(self, minVal, maxVal, size):
        lo = math.ceil(minVal - 1e-9)
        hi = math.floor(maxVal + 1e-9)
        return [(1.0, [float(v) for v in range(lo, hi + 1)])]

    def tickStrings(self, values, scale, spacing):
        return [volts_label(v * self.scale - self.offset) for v in values]


class AnalogPlot(pg.PlotWidget):
    """Four channels on a division grid, trigger level marker, two time cursors."""

    #: the trigger level marker was dropped at this many volts
    levelDragged = Signal(float)
    cursorsMoved = Signal()

    def __init__(self, parent=None) -> None:
        self.axis = DivisionAxis()
        super().__init__(parent, axisItems={"left": self.axis})
        self.setObjectName("scopeAnalogPlot")
        self.setBackground(BACKGROUND)
        self.setMenuEnabled(False)
        item = self.getPlotItem()
        item.hideButtons()
        # The division grid as its own item: as part of the axes' pictures it cost
        # ~5 ms of every paint (see plot_grid.AxisGrid).
        grid = AxisGrid(AXIS_COLOUR, 0.28, background=BACKGROUND,
                        x_axis=item.getAxis("bottom"), y_axis=item.getAxis("left"))
        grid.setZValue(-10)
        item.addItem(grid, ignoreBounds=True)
        for name in ("left", "bottom"):  # labels end at the plot's edges, as with showGrid
            item.getAxis(name).setStyle(hideOverlappingLabels=True)
        # PlotItem hands its own modes to every curve it adds (overriding the curve's):
        # a deep capture of 24 Mpts must be reduced to min/max per pixel before drawing.
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        self.vb = self.getViewBox()
        self.vb.setMouseEnabled(x=True, y=False)
        self.vb.disableAutoRange()
        self.vb.setRange(yRange=(-V_DIVS / 2, V_DIVS / 2), padding=0)
        self.vb.setLimits(yMin=-V_DIVS / 2 - 0.2, yMax=V_DIVS / 2 + 0.2)
        font = QFont()
        font.setPointSize(9)
        for name in ("left", "bottom"):
            ax = self.getAxis(name)
            ax.setTickFont(font)
            ax.setTextPen(TEXT_COLOUR)
            ax.setPen(pg.mkPen(AXIS_COLOUR))
        self.getAxis("left").setWidth(72)
        self.getAxis("bottom").enableAutoSIPrefix(True)

        self.traces: dict[int, pg.PlotDataItem] = {}
        self.ground: dict[int, pg.TextItem] = {}
        for n, colour in CHANNEL_COLOURS.items():
            curve = pg.PlotDataItem(pen=pg.mkPen(colour, width=1), name=f"CH{n}")
            curve.setZValue(10 - n)
            curve.hide()
            self.addItem(curve)
            self.traces[n] = curve
            marker = pg.TextItem(f"{n}▶", color=colour, anchor=(0, 0.5))
            marker.setFont(_bold(9))
            marker.setZValue(30)
            marker.hide()
            self.addItem(marker, ignoreBounds=True)
            self.ground[n] = marker
        self.setups: dict[int, tuple[float, float]] = {n: (1.0, 0.0) for n in CHANNEL_COLOURS}

        trig_pen = pg.mkPen(TRIGGER_COLOUR, width=1, style=Qt.PenStyle.DashLine)
        self.trigger_line = pg.InfiniteLine(
            angle=0, movable=True, pen=trig_pen, hoverPen=pg.mkPen(TRIGGER_COLOUR, width=2),
            label="T", labelOpts={"position": 0.985, "color": TRIGGER_COLOUR,
                                  "fill": (16, 20, 24, 220), "anchors": [(1, 1), (1, 1)]},
        )
        self.trigger_line.setZValue(40)
        self.trigger_line.sigPositionChanged.connect(self._level_moving)
        self.trigger_line.sigPositionChangeFinished.connect(self._level_dropped)
        self.addItem(self.trigger_line, ignoreBounds=True)
        self.trigger_time = pg.InfiniteLine(
            angle=90, movable=False,
            pen=pg.mkPen(TRIGGER_COLOUR, width=1, style=Qt.PenStyle.DotLine),
        )
        self.addItem(self.trigger_time, ignoreBounds=True)
        self.trigger_channel: int | None = 1
        self._level_volts = 0.0
        self._pending_level: tuple[float, float] | None = None  # (dropped volts, until)

        cur_pen = pg.mkPen(CURSOR_COLOUR, width=1, style=Qt.PenStyle.DashLine)
        self.cursors = []
        for name, pos in (("A", 0.25), ("B", 0.75)):
            line = pg.InfiniteLine(
                angle=90, movable=True, pen=cur_pen, hoverPen=pg.mkPen(CURSOR_COLOUR, width=2),
                label=name, labelOpts={"position": 0.96, "color": "#101418",
                                       "fill": CURSOR_COLOUR},
            )
            line.setZValue(45)
            line.setValue(pos)
            line.sigPositionChanged.connect(lambda *_: self.cursorsMoved.emit())
            self.addItem(line, ignoreBounds=True)
            self.cursors.append(line)
        self.vb.sigXRangeChanged.connect(self._place_markers)

    # -- channels --------------------------------------------------------------------------
    def set_channel(self, n: int, scale: float, offset: float, shown: bool) -> None:
        """Place channel n's trace on the grid: y_div = (volts + offset) / scale."""
        self.setups[n] = (scale, offset)
        self.traces[n].setTransform(QTransform(1, 0, 0, 1 / scale, 0, offset / scale))
        self.traces[n].setVisible(shown)
        self.ground[n].setVisible(shown)
        self._place_markers()
        if n == self.trigger_channel:
            self.set_trigger(n, self._level_volts)

    def set_active(self, n: int) -> None:
        scale, offset = self.setups[n]
        self.axis.scale, self.axis.offset = scale, offset
        self.axis.setTextPen(CHANNEL_COLOURS[n])
        self.axis.picture = None
        self.axis.update()
        for k, curve in self.traces.items():
            curve.setZValue(20 if k == n else 10 - k)

    def set_data(self, n: int, t: np.ndarray, v: np.ndarray) -> None:
        self.traces[n].setData(t, v)

    def clear_data(self, n: int) -> None:
        self.traces[n].setData([], [])

    def _place_markers(self, *_: object) -> None:
        (x0, _x1) = self.vb.viewRange()[0]
        for n, marker in self.ground.items():
            scale, offset = self.setups[n]
            y = max(-V_DIVS / 2, min(V_DIVS / 2, offset / scale))
            marker.setPos(x0, y)

    # -- trigger ---------------------------------------------------------------------------
    def set_trigger(self, channel: int | None, level: float) -> None:
        """Show the level marker for an analog trigger source (hidden for D0…D15).

        The level the scope reports back never pulls the marker from under the hand: not
        while it is dragged, and not from a dropped level the scope has not applied yet
        (a state read before the drop arrives a frame or two later, and the marker
        jumped back to the old level and then forward to the new one). After
        `LEVEL_PENDING_S` the scope's own level is shown whatever it is: one it
        refused or clamped must not be hidden.
        """
        self.trigger_channel = channel
        if channel is None:
            self.trigger_line.hide()
            return
        scale, offset = self.setups[channel]
        if self.trigger_line.moving:
            return
        if self._pending_level is not None:
            wanted, until = self._pending_level
            if abs(level - wanted) > 0.02 * scale and time.monotonic() < until:
                level = wanted
            else:
                self._pending_level = None
        self._level_volts = level
        self.trigger_line.blockSignals(True)
        self.trigger_line.setValue((level + offset) / scale)
        self.trigger_line.blockSignals(False)
        self.trigger_line.label.setFormat(f"T {volts_label(level)}")
        self.trigger_line.show()

    def level_at_marker(self) -> float:
        if self.trigger_channel is None:
            return math.nan
        scale, offset = self.setups[self.trigger_channel]
        return float(self.trigger_line.value()) * scale - offset

    def _level_moving(self) -> None:
        self.trigger_line.label.setFormat(f"T {volts_label(self.level_at_marker())}")

    def _level_dropped(self) -> None:
        level = self.level_at_marker()
        if math.isfinite(level):
            self._level_volts = level
            self._pending_level = (level, time.monotonic() + LEVEL_PENDING_S)
            self.levelDragged.emit(level)

    # -- cursors -------------------------------------------------------------------------
    def cursor_times(self) -> tuple[float, float]:
        return float(self.cursors[0].value()), float(self.cursors[1].value())

    def set_cursor_times(self, a: float, b: float) -> None:
        self.cursors[0].setValue(a)
        self.cursors[1].setValue(b)

    def set_time_window(self, t0: float, t1: float, tick: float | None = None) -> None:
        self.vb.setRange(xRange=(t0, t1), padding=0)
        ax = self.getAxis("bottom")
        if tick:
            ax.setTickSpacing(tick, tick / 5)
        else:
            ax.setTickSpacing()


def _bold(points: int) -> QFont:
    f = QFont()
    f.setPointSize(points)
    f.setBold(True)
    return f


class DecodeLabels(pg.GraphicsObject):
    """Every decoded byte's label in one item, drawn at a fixed pixel size.

    One `pg.TextItem` per label (up to `MAX_LABELS`) made each of them a scene item
    with Python `boundingRect`/`paint`/transform code: Qt asks every item on every
    paint, and pyqtgraph's hover search on every mouse move, so dragging a cursor or
    the trigger level over a frame of decoded UART cost ~2 ms of the GUI thread per
    mouse move (cProfile under Xvfb). Here the scene holds one item.
    """

    def __init__(self, font: QFont) -> None:
        super().__init__()
        self._font = font
        self._metrics = QFontMetricsF(font)
        self._labels: list[tuple[float, float, str, str]] = []
        self._rect = QRectF()
        self._colours: dict[str, QColor] = {}

    def set_labels(self, labels: list[tuple[float, float, str, str]], rect: QRectF) -> None:
        """`labels`: (x, y, text, colour name), centred on (x, y) in view coordinates;
        `rect`: the view area they lie in (what must repaint when they change)."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self._labels = labels
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter, *_args) -> None:  # type: ignore[no-untyped-def]
        if not self._labels:
            return
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()  # text in pixels, not stretched with the view
        painter.setFont(self._font)
        adv = self._metrics.horizontalAdvance
        rise = self._metrics.ascent() - 0.5 * self._metrics.height()
        colours = self._colours
        for x, y, text, name in self._labels:
            at = to_device.map(QPointF(x, y))
            colour = colours.get(name)
            if colour is None:
                colour = colours[name] = QColor(name)
            painter.setPen(colour)
            painter.drawText(QPointF(at.x() - 0.5 * adv(text), at.y() + rise), text)
        painter.restore()


class LogicPlot(pg.PlotWidget):
    """D0…D15 stacked as step traces, decoded protocols in their own rows."""

    ROW = 1.0
    LOW, HIGH = 0.18, 0.78

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("scopeLogicPlot")
        self.setBackground(BACKGROUND)
        self.setMenuEnabled(False)
        item = self.getPlotItem()
        item.hideButtons()
        grid = AxisGrid(AXIS_COLOUR, 0.22, background=BACKGROUND,
                        x_axis=item.getAxis("bottom"))
        grid.setZValue(-10)
        item.addItem(grid, ignoreBounds=True)
        item.getAxis("bottom").setStyle(hideOverlappingLabels=True)
        self.vb = self.getViewBox()
        self.vb.setMouseEnabled(x=True, y=False)
        self.vb.disableAutoRange()
        font = QFont()
        font.setPointSize(9)
        for name in ("left", "bottom"):
            ax = self.getAxis(name)
            ax.setTickFont(font)
            ax.setTextPen(TEXT_COLOUR)
            ax.setPen(pg.mkPen(AXIS_COLOUR))
        self.getAxis("left").setWidth(72)
        self.getAxis("bottom").enableAutoSIPrefix(True)
        self.lanes: dict[int, pg.PlotDataItem] = {}
        self.rows: list[tuple[str, str]] = []  # (key, label) top to bottom
        self.row_base: dict[str, float] = {}
        self.boxes: dict[str, pg.PlotDataItem] = {}
        self.label_item = DecodeLabels(_bold(8))
        self.label_item.setZValue(35)
        self.addItem(self.label_item, ignoreBounds=True)
        self.hint_items: dict[str, pg.TextItem] = {}
        self.annotations: list = []
        self.shown_labels: list[str] = []  # the label texts drawn now (tests, accessibility)
        self._metrics = QFontMetricsF(_bold(8))
        self.vb.sigXRangeChanged.connect(lambda *_: self._layout_labels())

    # -- rows ------------------------------------------------------------------------------
    def set_rows(self, lines: list[int], uart: str | None, i2c: str | None,
                 uart_line: int = 0, sda_line: int = 2) -> None:
        """Lines to show, and after which line each decode row goes (label or None)."""
        rows: list[tuple[str, str]] = []
        for n in lines:
            rows.append((f"D{n}", f"D{n}"))
            if uart and n == uart_line:
                rows.append(("uart", uart))
            if i2c and n == sda_line:
                rows.append(("i2c", i2c))
        if rows == self.rows:
            return
        self.rows = rows
        count = len(rows)
        self.row_base = {key: (count - 1 - i) * self.ROW for i, (key, _) in enumerate(rows)}
        ticks = [(self.row_base[k] + 0.48, label) for k, label in rows]
        self.getAxis("left").setTicks([ticks, []])
        self.vb.setRange(yRange=(0, max(count, 1) * self.ROW), padding=0.02)
        for n, curve in list(self.lanes.items()):
            if f"D{n}" not in self.row_base:
                self.removeItem(curve)
                del self.lanes[n]
        for key in ("uart", "i2c"):
            if key not in self.row_base and key in self.boxes:
                self.removeItem(self.boxes.pop(key))
            if key not in self.row_base and key in self.hint_items:
                self.removeItem(self.hint_items.pop(key))

    def set_digital(self, digital: object | None) -> None:
        """Draw every shown line of the record as a step trace (edges only, so deep is cheap)."""
        for key, base in self.row_base.items():
            if not key.startswith("D"):
                continue
            n = int(key[1:])
            curve = self.lanes.get(n)
            if curve is None:
                curve = pg.PlotDataItem(pen=pg.mkPen(LOGIC_COLOUR, width=1))
                curve.setZValue(5)
                self.addItem(curve)
                self.lanes[n] = curve
            if digital is None or n not in digital.channels:  # type: ignore[attr-defined]
                curve.setData([], [])
                continue
            x, y = step_xy(digital.lane(n), digital.t0, digital.dt)  # type: ignore[attr-defined]
            curve.setData(x, base + np.where(y, self.HIGH, self.LOW))

    def set_annotations(self, annotations: list, hints: dict[str, str]) -> None:
        self.annotations = [a for a in annotations if a.row in self.row_base]
        for key in ("uart", "i2c"):
            if key not in self.row_base:
                continue
            base = self.row_base[key]
            spans = [a for a in self.annotations if a.row == key and a.t1 > a.t0]
            box = self.boxes.get(key)
            if box is None:
                box = pg.PlotDataItem(pen=pg.mkPen("#FFB000", width=1), connect="finite")
                box.setZValue(4)
                self.addItem(box)
                self.boxes[key] = box
            if spans:
                t0 = np.array([a.t0 for a in spans])
                t1 = np.array([a.t1 for a in spans])
                lo, hi = base + 0.14, base + 0.84
                xs = np.column_stack([t0, t1, t1, t0, t0, np.full_like(t0, np.nan)]).ravel()
                ys = np.tile([lo, lo, hi, hi, lo, np.nan], len(spans))
                box.setData(xs, ys)
            else:
                box.setData([], [])
            hint = hints.get(key, "")
            item = self.hint_items.get(key)
            if item is None:
                item = pg.TextItem("", color="#FFB000", anchor=(0, 0.5))
                item.setZValue(30)
                self.addItem(item, ignoreBounds=True)
                self.hint_items[key] = item
            item.setText(hint)
            item.setVisible(bool(hint))
        self._layout_labels()

    def _layout_labels(self) -> None:
        (x0, x1) = self.vb.viewRange()[0]
        width_px = max(self.vb.width(), 1.0)
        pps = width_px / (x1 - x0) if x1 > x0 else 0.0
        for key, item in self.hint_items.items():
            if key in self.row_base:
                item.setPos(x0 + (x1 - x0) * 0.01, self.row_base[key] + 0.48)
        visible = [a for a in self.annotations if a.t1 >= x0 and a.t0 <= x1]
        # One label form per row and kind: a row of "T 54h" boxes with a stray "." among
        # them reads as a different kind of frame, so the narrowest box decides for all.
        adv = self._metrics.horizontalAdvance
        fit: dict[tuple[str, str], list[float]] = {}  # min room, widest full, widest short
        for a in visible:
            if a.t1 > a.t0:
                f = fit.setdefault((a.row, a.kind), [math.inf, 0.0, 0.0])
                f[0] = min(f[0], (a.t1 - a.t0) * pps)
                f[1] = max(f[1], adv(a.text))
                f[2] = max(f[2], adv(a.short))
        shown: list[tuple[float, float, str, str]] = []
        for a in visible:
            if a.t1 <= a.t0:  # an instant (I²C start/stop): always labelled
                text = a.short
            else:
                room, full, short = fit[(a.row, a.kind)]
                if room >= full + 8:
                    text = a.text
                elif room >= short + 4:
                    text = a.short
                else:
                    continue
            shown.append((0.5 * (a.t0 + a.t1), self.row_base[a.row] + 0.49, text,
                          DECODE_COLOURS.get(a.kind, TEXT_COLOUR)))
            if len(shown) >= MAX_LABELS:
                break
        height = max(len(self.rows), 1) * self.ROW
        self.label_item.set_labels(shown, QRectF(x0, 0.0, x1 - x0, height))
        self.shown_labels = [s[2] for s in shown]

    def resizeEvent(self, ev) -> None:
        super().resizeEvent(ev)
        if "annotations" in self.__dict__:  # pyqtgraph resizes before __init__ is done
            self._layout_labels()


def step_xy(bits: np.ndarray, t0: float, dt: float) -> tuple[np.ndarray, np.ndarray]:
    """A logic line as the corners of its step trace: two points per level run."""
    n = bits.size
    if n == 0:
        return np.empty(0), np.empty(0, dtype=bool)
    edges = np.flatnonzero(bits[1:] != bits[:-1]) + 1
    starts = np.concatenate(([0], edges))
    ends = np.concatenate((edges, [n - 1]))
    x = np.column_stack([t0 + starts * dt, t0 + ends * dt]).ravel()
    y = np.repeat(bits[starts], 2)
    return x, y
