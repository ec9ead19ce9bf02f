"""The Scope view: four analog traces, logic lanes D0–D15 with decoded UART and I²C,
two cursors, the scope's own measurements judged against limits, deep-memory capture.

Construct it with the scope's VISA address; it opens the instrument on its own
worker thread (`scope_worker.ScopeWorker`) and never waits for it on the GUI
thread::

    view = ScopeView("TCPIP::127.0.0.1::5555::SOCKET", backend="@py", settings=settings)
    window.add_view("scope", view.tr("Scope"), view)
    window.connect_news(view)

The controls show what the scope reports back after every change (a knob the
scope rounded shows the rounded value), so the screen never claims a setting the
instrument does not have. While Run is on, the worker takes frames (~8/s) and
the plots redraw on a frame timer from the newest one only. When the scope stops
answering, `news` says so, the last frame stays on screen, and the worker
reconnects with back-off while the rest of the window keeps working.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meterlab.errors import MeterlabError
from meterlab.gui.fmt import DASH, fmt_range
from meterlab.gui.scope_decode import DecodeSettings
from meterlab.gui.scope_measurements import ScopeMeasurements
from meterlab.gui.scope_plot import CHANNEL_COLOURS, H_DIVS, AnalogPlot, LogicPlot
from meterlab.gui.scope_worker import Frame, ScopeState, ScopeWorker
from meterlab.units import format_si, parse_quantity

FRAME_MS = 33
TEXT_EVERY_S = 0.25  # numbers people read change at most 4× a second
BAUDS = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)
PROBES = (1.0, 10.0)
UART_LOG_LINES = 200


def _seq125(lo: float, hi: float) -> list[float]:
    out = []
    exp = math.floor(math.log10(lo)) - 1
    while True:
        for m in (1.0, 2.0, 5.0):
            v = float(f"{m}e{exp}")
            if v > hi * (1 + 1e-9):
                return out
            if v >= lo * (1 - 1e-9):
                out.append(v)
        exp += 1


TIMEBASES = _seq125(5e-9, 50.0)


@dataclass(frozen=True, slots=True)
class ScopeSetup:
    """A setup to apply once when the view first connects (None keeps the scope's own).

    `channels` maps 1…4 to keyword arguments of `Oscilloscope.set_channel`;
    `trigger` holds those of `set_edge_trigger`; `lines` are the logic lines shown
    (the logic analyser is switched on when there are any).
    """

    channels: dict[int, dict[str, Any]] = field(default_factory=dict)
    timebase: dict[str, float] = field(default_factory=dict)
    trigger: dict[str, Any] = field(default_factory=dict)
    lines: tuple[int, ...] = ()

    def apply(self, scope: Any) -> None:
        for n, kw in self.channels.items():
            scope.set_channel(n, **kw)
        if self.timebase:
            scope.set_timebase(**self.timebase)
        if self.trigger:
            scope.set_edge_trigger(**self.trigger)
        if self.lines:
            scope.set_logic(True, self.lines)


#: The simulated bench's board at a glance: PWM, UART, 3V3 and VBUS stacked apart,
#: triggered on the UART's falling start edge so each frame begins with a telemetry line.
DEMO_SETUP = ScopeSetup(
    channels={
        1: {"display": True, "scale": 2.0, "offset": 4.0, "coupling": "DC", "probe": 10.0},
        2: {"display": True, "scale": 2.0, "offset": 0.0, "coupling": "DC", "probe": 10.0},
        3: {"display": True, "scale": 2.0, "offset": -4.0, "coupling": "DC", "probe": 10.0},
        4: {"display": True, "scale": 2.0, "offset": -7.0, "coupling": "DC", "probe": 10.0},
    },
    timebase={"scale": 2e-3, "offset": 10e-3},
    trigger={"source": "CH2", "level": 1.65, "slope": "falling", "sweep": "normal"},
    lines=(0, 1, 2, 3),
)


class ScopeView(QWidget):
    """The oscilloscope view.

    Args:
        resource: the scope's VISA address, or None for a view that says no scope
            is connected.
        backend: VISA backend ("@py" for pyvisa-py; None for meterlab's default).
        settings: where limits, decode choices and layout are remembered (QSettings).
        parent: the usual Qt parent.
        initial: a `ScopeSetup` applied once on the first connection (e.g.
            `DEMO_SETUP` for the simulated bench); None keeps the scope's setup.
        autorun: start taking frames as soon as the scope answers.
        lines: logic lines to show when the view has no remembered choice.

    Signals: `news(text, level, timeout_ms)` for the window's banner (level "info",
    "warning" or "error"), `runningChanged(bool)`.
    """

    news = Signal(str, str, int)
    runningChanged = Signal(bool)

    def __init__(
        self,
        resource: str | None,
        backend: str | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        initial: ScopeSetup | None = None,
        autorun: bool = True,
        lines: tuple[int, ...] = (0, 1, 2, 3),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scopeView")
        self.resource = resource
        self.backend = backend
        self.settings = settings
        self.state: ScopeState | None = None
        self.frame: Frame | None = None  # the frame on screen
        self.frames_drawn = 0
        self.connected = False
        self.stale = False
        self.running = False
        self.deep_frame: Frame | None = None
        self.progress_value = 0.0
        self._autorun = autorun
        self._lines = tuple(initial.lines) if initial and initial.lines else tuple(lines)
        self._decode = DecodeSettings()
        self._filling = False  # controls are being filled from the scope: not user edits
        self._window: tuple[float, float] | None = None
        self._last_text = 0.0
        self._last_uart = ""
        self._pending_shot: Path | None = None
        self._save_threads: list[threading.Thread] = []
        self._active = 1
        self.worker: ScopeWorker | None = None
        self.last_screenshot: Path | None = None
        self._build()
        if settings is not None:
            self.restore_settings(settings)
        if resource:
            self.worker = ScopeWorker(resource, backend, lines=self._lines,
                                      initial=initial.apply if initial else None)
            self.worker.post("decode", self._decode)
            self.worker.post("measure_source", self.measurements.source)
            self.worker.start()
            self.status_label.setText(self.tr("Connecting…"))
        else:
            self.status_label.setText(self.tr("No oscilloscope connected"))
        self._set_controls_enabled(False)
        self.frame_timer = QTimer(self)
        self.frame_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.frame_timer.setInterval(FRAME_MS)
        self.frame_timer.timeout.connect(self.on_frame)
        self.frame_timer.start()

    # == construction =====================================================================
    def _build(self) -> None:
        self.analog = AnalogPlot()
        self.logic = LogicPlot()
        self.logic.setXLink(self.analog)
        self.analog.levelDragged.connect(self._level_dragged)
        self.analog.cursorsMoved.connect(self._update_cursor_text)
        self.analog.getAxis("bottom").setLabel(self.tr("Time"), units="s")
        self.logic.getAxis("bottom").setLabel(self.tr("Time"), units="s")
        self.analog.getAxis("bottom").setStyle(showValues=True)
        plots = QSplitter(Qt.Orientation.Vertical)
        plots.setObjectName("scopePlotSplitter")
        plots.addWidget(self.analog)
        plots.addWidget(self.logic)
        plots.setStretchFactor(0, 3)
        plots.setStretchFactor(1, 2)
        plots.setSizes([460, 260])
        self.plot_splitter = plots

        self.cursor_label = QLabel(DASH)
        self.cursor_label.setObjectName("cursorReadout")
        self.cursor_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.channel_legend = QLabel()
        self.channel_legend.setObjectName("channelLegend")
        self.channel_legend.setTextFormat(Qt.TextFormat.RichText)
        legend_row = QHBoxLayout()
        legend_row.addWidget(self.channel_legend, 1)
        legend_row.addWidget(self.cursor_label)

        self.measurements = ScopeMeasurements()
        self.measurements.sourceChanged.connect(self._measure_source_changed)
        self.uart_text = QPlainTextEdit()
        self.uart_text.setObjectName("uartText")
        self.uart_text.setReadOnly(True)
        self.uart_text.setMaximumBlockCount(UART_LOG_LINES)
        self.uart_text.setPlaceholderText(self.tr("Decoded UART text from D0 appears here."))
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(10)
        self.uart_text.setFont(mono)
        self.uart_info = QLabel()
        self.uart_info.setObjectName("viewTitle")
        uart_box = QVBoxLayout()
        uart_box.setContentsMargins(0, 0, 0, 0)
        uart_box.addWidget(self.uart_info)
        uart_box.addWidget(self.uart_text, 1)
        uart_w = QWidget()
        uart_w.setLayout(uart_box)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.measurements)
        bottom.addWidget(uart_w)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        self.bottom_splitter = bottom

        left = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_lay = QVBoxLayout(top)
        top_lay.setContentsMargins(0, 0, 0, 0)
        top_lay.setSpacing(4)
        top_lay.addWidget(plots, 1)
        top_lay.addLayout(legend_row)
        left.addWidget(top)
        left.addWidget(bottom)
        left.setStretchFactor(0, 4)
        left.setStretchFactor(1, 1)
        left.setSizes([590, 215])
        self.main_splitter = left

        panel = self._build_panel()
        scroll = QScrollArea()
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedWidth(330)

        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        lay.addWidget(left, 1)
        lay.addWidget(scroll)

    def _build_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("scopePanel")
        v = QVBoxLayout(panel)
        v.setContentsMargins(0, 0, 6, 0)

        # Run control and trigger status
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setObjectName("startButton")
        self.run_button.setCheckable(True)
        self.run_button.setToolTip(self.tr("Take frames continuously"))
        self.run_button.clicked.connect(lambda checked: self.run() if checked else self.stop())
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.single_button = QPushButton(self.tr("Single"))
        self.single_button.setToolTip(self.tr("Wait for one trigger, then stop"))
        self.single_button.clicked.connect(self.single)
        self.status_label = QLabel()
        self.status_label.setObjectName("scopeStatus")
        self.status_label.setWordWrap(True)
        self.identity_label = QLabel()
        self.identity_label.setObjectName("sourceLabel")
        self.identity_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.run_button, 2)
        row.addWidget(self.stop_button, 1)
        row.addWidget(self.single_button, 1)
        v.addWidget(self.identity_label)
        v.addLayout(row)
        v.addWidget(self.status_label)

        # Channels: four on/off boxes, then the chosen channel's vertical setup
        chan_box = QGroupBox(self.tr("Channels"))
        cv = QVBoxLayout(chan_box)
        on_row = QHBoxLayout()
        self.channel_checks: dict[int, QCheckBox] = {}
        for n, colour in CHANNEL_COLOURS.items():
            box = QCheckBox(f"CH{n}")
            box.setObjectName(f"channelCheck{n}")
            box.setStyleSheet(
                f"QCheckBox {{ background: {colour}; color: #101418; font-weight: 700;"
                " padding: 3px 6px; border-radius: 4px; }")
            box.toggled.connect(lambda on, k=n: self._channel_toggled(k, on))
            on_row.addWidget(box)
            self.channel_checks[n] = box
        cv.addLayout(on_row)
        form = QFormLayout()
        self.active_combo = QComboBox()
        for n in CHANNEL_COLOURS:
            self.active_combo.addItem(f"CH{n}", n)
        self.active_combo.currentIndexChanged.connect(self._active_changed)
        self.vdiv_combo = QComboBox()
        self.vdiv_combo.currentIndexChanged.connect(self._vertical_edited)
        self.offset_edit = QLineEdit()
        self.offset_edit.setObjectName("offsetEdit")
        self.offset_edit.setToolTip(self.tr("Offset, e.g. -1.5 V or 200 mV"))
        self.offset_edit.editingFinished.connect(self._offset_edited)
        self.coupling_combo = QComboBox()
        for code in ("DC", "AC", "GND"):
            self.coupling_combo.addItem(code, code)
        self.coupling_combo.currentIndexChanged.connect(self._vertical_edited)
        self.probe_combo = QComboBox()
        for p in PROBES:
            self.probe_combo.addItem(f"×{p:g}", p)
        self.probe_combo.currentIndexChanged.connect(self._probe_edited)
        form.addRow(self.tr("Settings of"), self.active_combo)
        form.addRow(self.tr("Scale"), self.vdiv_combo)
        form.addRow(self.tr("Offset"), self.offset_edit)
        form.addRow(self.tr("Coupling"), self.coupling_combo)
        form.addRow(self.tr("Probe"), self.probe_combo)
        cv.addLayout(form)
        v.addWidget(chan_box)

        # Timebase
        time_box = QGroupBox(self.tr("Timebase"))
        tf = QFormLayout(time_box)
        self.tdiv_combo = QComboBox()
        for s in TIMEBASES:
            self.tdiv_combo.addItem(self.tr("%1/div").replace("%1", fmt_range(s, "s")), s)
        self.tdiv_combo.currentIndexChanged.connect(self._timebase_edited)
        self.position_edit = QLineEdit()
        self.position_edit.setObjectName("positionEdit")
        self.position_edit.setToolTip(
            self.tr("Trigger position from the screen centre, e.g. 10 ms"))
        self.position_edit.editingFinished.connect(self._timebase_edited)
        tf.addRow(self.tr("Scale"), self.tdiv_combo)
        tf.addRow(self.tr("Position"), self.position_edit)
        v.addWidget(time_box)

        # Trigger
        trig_box = QGroupBox(self.tr("Trigger"))
        gf = QFormLayout(trig_box)
        self.trig_source = QComboBox()
        for n in CHANNEL_COLOURS:
            self.trig_source.addItem(f"CH{n}", f"CH{n}")
        for n in range(16):
            self.trig_source.addItem(f"D{n}", f"D{n}")
        self.trig_slope = QComboBox()
        self.trig_slope.addItem(self.tr("Rising ↑"), "POS")
        self.trig_slope.addItem(self.tr("Falling ↓"), "NEG")
        self.trig_slope.addItem(self.tr("Either ↕"), "EITHER")
        self.trig_sweep = QComboBox()
        self.trig_sweep.addItem(self.tr("Auto"), "AUTO")
        self.trig_sweep.addItem(self.tr("Normal"), "NORM")
        self.trig_sweep.addItem(self.tr("Single"), "SINGLE")
        self.level_edit = QLineEdit()
        self.level_edit.setObjectName("levelEdit")
        self.level_edit.setToolTip(self.tr("Trigger level, e.g. 1.65 V (or drag the T marker)"))
        self.level_edit.editingFinished.connect(self._trigger_edited)
        for combo in (self.trig_source, self.trig_slope, self.trig_sweep):
            combo.currentIndexChanged.connect(self._trigger_edited)
        self.force_button = QPushButton(self.tr("Force trigger"))
        self.force_button.clicked.connect(lambda: self._post("force"))
        gf.addRow(self.tr("Source"), self.trig_source)
        gf.addRow(self.tr("Slope"), self.trig_slope)
        gf.addRow(self.tr("Sweep"), self.trig_sweep)
        gf.addRow(self.tr("Level"), self.level_edit)
        gf.addRow(self.force_button)
        v.addWidget(trig_box)

        # Logic analyser and decoding
        logic_box = QGroupBox(self.tr("Logic analyser"))
        lv = QVBoxLayout(logic_box)
        self.logic_check = QCheckBox(self.tr("Show lines"))
        self.logic_check.toggled.connect(self._logic_edited)
        lv.addWidget(self.logic_check)
        grid = QGridLayout()
        grid.setHorizontalSpacing(2)
        grid.setVerticalSpacing(2)
        self.line_checks: dict[int, QCheckBox] = {}
        for n in range(16):
            box = QCheckBox(f"D{n}")
            box.setChecked(n in self._lines)
            box.toggled.connect(self._logic_edited)
            grid.addWidget(box, n // 4, n % 4)
            self.line_checks[n] = box
        lv.addLayout(grid)
        df = QFormLayout()
        self.baud_combo = QComboBox()
        self.baud_combo.addItem(self.tr("Automatic"), 0.0)
        for b in BAUDS:
            self.baud_combo.addItem(self.tr("%1 Bd").replace("%1", str(b)), float(b))
        self.baud_combo.currentIndexChanged.connect(self._decode_edited)
        self.i2c_check = QCheckBox(self.tr("I²C on D1 (SCL) / D2 (SDA)"))
        self.i2c_check.setChecked(True)
        self.i2c_check.toggled.connect(self._decode_edited)
        self.uart_check = QCheckBox(self.tr("UART on D0"))
        self.uart_check.setChecked(True)
        self.uart_check.toggled.connect(self._decode_edited)
        df.addRow(self.uart_check, self.baud_combo)
        lv.addLayout(df)
        lv.addWidget(self.i2c_check)
        v.addWidget(logic_box)

        # Deep memory
        cap_box = QGroupBox(self.tr("Capture"))
        cf = QVBoxLayout(cap_box)
        depth_row = QFormLayout()
        self.depth_combo = QComboBox()
        self.depth_combo.addItem(self.tr("Automatic"), 0)
        self.depth_combo.currentIndexChanged.connect(self._depth_edited)
        depth_row.addRow(self.tr("Memory depth"), self.depth_combo)
        cf.addLayout(depth_row)
        self.deep_button = QPushButton(self.tr("Deep capture"))
        self.deep_button.setToolTip(
            self.tr("Stop and read the whole acquisition memory of every shown channel"))
        self.deep_button.clicked.connect(self.deep_capture)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat("%p %")
        self.save_button = QPushButton(self.tr("Save capture…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save_clicked)
        self.shot_button = QPushButton(self.tr("Screenshot…"))
        self.shot_button.clicked.connect(self._screenshot_clicked)
        r1 = QHBoxLayout()
        r1.addWidget(self.deep_button)
        r1.addWidget(self.progress, 1)
        cf.addLayout(r1)
        r2 = QHBoxLayout()
        r2.addWidget(self.save_button)
        r2.addWidget(self.shot_button)
        cf.addLayout(r2)
        v.insertWidget(3, cap_box)  # right under Run/Stop: the actions used most
        v.addStretch(1)
        self._instrument_widgets = [
            self.run_button, self.stop_button, self.single_button, chan_box, time_box,
            trig_box, logic_box, self.deep_button, self.depth_combo, self.shot_button,
        ]
        return panel

    def _set_controls_enabled(self, on: bool) -> None:
        for w in self._instrument_widgets:
            w.setEnabled(on)

    # == commands to the worker ===========================================================
    def _post(self, name: str, *args: Any, **kwargs: Any) -> None:
        if self.worker is not None:
            self.worker.post(name, *args, **kwargs)

    def run(self) -> None:
        """Take frames continuously (the scope runs between frames)."""
        self._post("run")
        self._set_running(True)

    def stop(self) -> None:
        self._post("stop")
        self._set_running(False)

    def single(self) -> None:
        """Arm one acquisition; the frame shows once the scope has triggered."""
        self._post("single")
        self._set_running(False)
        self.status_label.setText(self.tr("Single: waiting for a trigger…"))

    def toggle_running(self) -> None:
        if self.running:
            self.stop()
        else:
            self.run()

    def deep_capture(self) -> None:
        """Stop and read the whole memory of the shown channels (progress in the bar)."""
        self._set_running(False)
        self.progress.setValue(0)
        self.progress_value = 0.0
        self.deep_button.setEnabled(False)
        self._post("deep_capture")

    def _set_running(self, running: bool) -> None:
        changed = running != self.running
        self.running = running
        self.run_button.setChecked(running)
        self.run_button.setText(self.tr("Running") if running else self.tr("Run"))
        if changed:
            self.runningChanged.emit(running)

    # == user edits → worker ==============================================================
    def _channel_toggled(self, n: int, on: bool) -> None:
        if self._filling:
            return
        self.analog.traces[n].setVisible(on)
        self._post("set_channel", n, display=on)

    def _active_changed(self) -> None:
        self._active = int(self.active_combo.currentData())
        self._fill_vertical()
        self.analog.set_active(self._active)
        self._update_cursor_text()

    def _vertical_edited(self) -> None:
        if self._filling or self.state is None:
            return
        n = self._active
        scale = self.vdiv_combo.currentData()
        coupling = self.coupling_combo.currentData()
        self._post("set_channel", n, scale=scale, coupling=coupling)

    def _probe_edited(self) -> None:
        if self._filling or self.state is None:
            return
        self._post("set_channel", self._active, probe=self.probe_combo.currentData())

    def _offset_edited(self) -> None:
        if self._filling or self.state is None:
            return
        value = self._parse(self.offset_edit, "V")
        if value is not None:
            self._post("set_channel", self._active, offset=value)

    def _timebase_edited(self) -> None:
        if self._filling or self.state is None:
            return
        kw: dict[str, float] = {"scale": float(self.tdiv_combo.currentData())}
        pos = self._parse(self.position_edit, "s")
        if pos is not None:
            kw["offset"] = pos
        self._post("set_timebase", **kw)

    def _trigger_edited(self) -> None:
        if self._filling or self.state is None:
            return
        kw: dict[str, Any] = {
            "source": self.trig_source.currentData(),
            "slope": self.trig_slope.currentData(),
            "sweep": self.trig_sweep.currentData(),
        }
        level = self._parse(self.level_edit, "V")
        if level is not None:
            kw["level"] = level
        self._post("set_trigger", **kw)

    def set_trigger_level(self, volts: float) -> None:
        """Set the trigger level (what dragging the T marker does)."""
        self._filling = True
        self.level_edit.setText(format_si(volts, "V", 3))
        self._filling = False
        self._post("set_trigger", level=volts)

    def _level_dragged(self, volts: float) -> None:
        self.set_trigger_level(volts)

    def _logic_edited(self) -> None:
        if self._filling:
            return
        self._lines = tuple(n for n, box in self.line_checks.items() if box.isChecked())
        self._post("lines", self._lines)
        if self.state is not None:
            self._post("set_logic", self.logic_check.isChecked(), self._lines)
        self._update_rows()

    def _decode_edited(self) -> None:
        if self._filling:
            return
        baud = float(self.baud_combo.currentData() or 0.0)
        self._decode = DecodeSettings(uart=self.uart_check.isChecked(), baud=baud or None,
                                      i2c=self.i2c_check.isChecked())
        self._post("decode", self._decode)
        self._update_rows()

    def _depth_edited(self) -> None:
        if self._filling or self.state is None:
            return
        depth = int(self.depth_combo.currentData() or 0)
        self._post("set_memory_depth", depth or None)

    def _measure_source_changed(self, source: str) -> None:
        self._post("measure_source", source)

    def _parse(self, edit: QLineEdit, unit: str) -> float | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            value, _unit = parse_quantity(text, unit)
        except (MeterlabError, ValueError) as exc:
            self.news.emit(self.tr("'%1' is not a value in %2: %3").replace("%1", text)
                           .replace("%2", unit).replace("%3", str(exc)), "error", 8000)
            return None
        if _unit != unit:
            self.news.emit(self.tr("'%1' is not in %2.").replace("%1", text).replace("%2", unit),
                           "error", 8000)
            return None
        return value

    # == frame timer: events and drawing ==================================================
    def on_frame(self) -> None:
        """Apply the worker's news, then draw the newest frame if there is one."""
        if self.worker is None:
            return
        for event in self.worker.take_events():
            self._on_event(event.kind, event.message, event.data)
        frame = self.worker.take_frame()
        if frame is not None:
            self._draw(frame)
        now = time.monotonic()
        if now - self._last_text >= TEXT_EVERY_S and self.frame is not None:
            self._last_text = now
            self._update_numbers()

    def _on_event(self, kind: str, message: str, data: Any) -> None:
        if kind == "setup":
            self._show_state(data)
            if not self.connected:
                self.connected = True
                self._set_controls_enabled(True)
                if self._autorun:
                    self._autorun = False
                    self.run()
        elif kind == "connected":
            self.identity_label.setText(message)
            self.identity_label.setToolTip(f"{message} — {self.resource}")
        elif kind == "lost":
            self._set_stale(True)
            if data and data.get("before"):
                text = self.tr("The oscilloscope stopped answering. The last frame stays on "
                               "screen. Reconnecting…")
            else:
                text = self.tr("The oscilloscope at %1 does not answer. Check that it is on, "
                               "the cable and the address; trying again…").replace(
                    "%1", str(self.resource))
            self.news.emit(text, "warning", 0)
        elif kind == "restored":
            self._set_stale(False)
            self.news.emit(self.tr("The oscilloscope answers again."), "info", 4000)
        elif kind == "error":
            if data and data.get("offline"):
                message = self.tr("The oscilloscope is not connected; try again once it "
                                  "answers.")
                self.deep_button.setEnabled(self.connected)
            elif data and data.get("nothing"):
                message = self.tr("No channel or logic line is shown, so there is nothing to "
                                  "capture. Switch one on first.")
                self.deep_button.setEnabled(True)
            self.news.emit(message, "error", 10000)
        elif kind == "progress":
            self.progress_value = float(data)
            self.progress.setValue(round(1000 * self.progress_value))
        elif kind == "deep":
            self.deep_frame = data
            self.deep_button.setEnabled(True)
            points = max((len(w) for w in data.waveforms.values()), default=0)
            if data.digital is not None:
                points = max(points, len(data.digital))
            self.news.emit(self.tr("Deep capture: %1 points per channel. Save it with "
                                   "“Save capture…”.").replace("%1", f"{points:,}".replace(
                                       ",", " ")), "info", 6000)
        elif kind == "screenshot":
            self._write_screenshot(data)
        elif kind == "mode":
            self._set_running(message == "run")
        elif kind == "status":
            self._show_status(message)

    def _set_stale(self, stale: bool) -> None:
        self.stale = stale
        if stale:
            self.status_label.setText(self.tr("Not answering — last frame kept, reconnecting…"))
            self.status_label.setProperty("stale", True)
            self._set_controls_enabled(False)
        else:
            self.status_label.setProperty("stale", False)
            self._set_controls_enabled(True)

    def _show_status(self, status: str) -> None:
        words = {
            "TD": self.tr("Triggered"), "WAIT": self.tr("Waiting for trigger"),
            "RUN": self.tr("Running"), "AUTO": self.tr("Auto (no trigger)"),
            "STOP": self.tr("Stopped"),
        }
        self.status_label.setText(self.tr("Trigger: %1").replace("%1", words.get(status, status)))

    # -- state read back from the scope ---------------------------------------------------
    def _show_state(self, state: ScopeState) -> None:
        self.state = state
        self._filling = True
        try:
            for ch in state.channels:
                self.channel_checks[ch.channel].setChecked(ch.display)
                self.analog.set_channel(ch.channel, ch.scale, ch.offset, ch.display)
            self.analog.set_active(self._active)
            self._fill_vertical()
            tb = state.timebase
            i = _nearest(TIMEBASES, tb.scale)
            self.tdiv_combo.setCurrentIndex(i)
            self.position_edit.setText(format_si(tb.offset, "s", 4))
            tr = state.trigger
            self.trig_source.setCurrentIndex(max(0, self.trig_source.findData(tr.source)))
            self.trig_slope.setCurrentIndex(max(0, self.trig_slope.findData(tr.slope)))
            self.trig_sweep.setCurrentIndex(max(0, self.trig_sweep.findData(tr.sweep)))
            self.level_edit.setText(format_si(tr.level, "V", 3))
            analog_src = int(tr.source[2:]) if tr.source.startswith("CH") else None
            self.analog.set_trigger(analog_src, tr.level)
            self.logic_check.setChecked(state.logic)
            if self.depth_combo.count() == 1 and state.memory_depths:
                for d in state.memory_depths:
                    self.depth_combo.addItem(self.tr("%1 points").replace(
                        "%1", format_si(d, "", 3).replace(".00", "")), d)
            self.depth_combo.setToolTip(self.tr("Now: %1 points").replace(
                "%1", f"{state.memory_depth:,}".replace(",", " ")))
        finally:
            self._filling = False
        self._update_rows()
        self._update_legend()

    def _fill_vertical(self) -> None:
        if self.state is None:
            return
        was = self._filling
        self._filling = True
        try:
            ch = self.state.channels[self._active - 1]
            self.vdiv_combo.clear()
            scales = _seq125(1e-3 * ch.probe, 10.0 * ch.probe)
            for s in scales:
                self.vdiv_combo.addItem(self.tr("%1/div").replace("%1", fmt_range(s, "V")), s)
            self.vdiv_combo.setCurrentIndex(_nearest(scales, ch.scale))
            self.offset_edit.setText(format_si(ch.offset, "V", 3))
            self.coupling_combo.setCurrentIndex(max(0, self.coupling_combo.findData(ch.coupling)))
            self.probe_combo.setCurrentIndex(_nearest(list(PROBES), ch.probe))
        finally:
            self._filling = was

    def _update_legend(self) -> None:
        if self.state is None:
            return
        parts = []
        for ch in self.state.channels:
            colour = CHANNEL_COLOURS[ch.channel]
            if not ch.display:
                continue
            parts.append(
                f"<span style='background:{colour}; color:#101418; font-weight:700;'>"
                f"&nbsp;CH{ch.channel}&nbsp;</span>&nbsp;{fmt_range(ch.scale, 'V')}/div "
                f"{ch.coupling} ×{ch.probe:g}&nbsp;&nbsp;")
        tb = self.state.timebase
        parts.append(f"&nbsp;<b>{fmt_range(tb.scale, 's')}/div</b>")
        self.channel_legend.setText("".join(parts))

    def _update_rows(self) -> None:
        lines = list(self._lines) if (self.state is None or self.state.logic) else []
        if self.state is not None:
            lines = [n for n in lines if n < self.state.digital_channels]
        d = self._decode
        uart = self.tr("UART") if d.uart and d.uart_line in lines else None
        i2c = self.tr("I²C") if (d.i2c and d.scl_line in lines and d.sda_line in lines) else None
        self.logic.set_rows(lines, uart, i2c, d.uart_line, d.sda_line)
        self.logic.setVisible(bool(lines))

    # -- drawing --------------------------------------------------------------------------
    def _draw(self, frame: Frame) -> None:
        self.frame = frame
        self.frames_drawn += 1
        shown = set()
        for name, wf in frame.waveforms.items():
            n = int(name[2:])
            shown.add(n)
            self.analog.set_data(n, wf.t, wf.y)
        for n in self.analog.traces:
            if n not in shown:
                self.analog.clear_data(n)
        window = self._frame_window(frame)
        if window is not None and window != self._window:
            self._window = window
            tick = (window[1] - window[0]) / H_DIVS if not frame.deep else None
            self.analog.set_time_window(window[0], window[1], tick)
            if tick:
                self.logic.getAxis("bottom").setTickSpacing(tick, tick / 5)
            else:
                self.logic.getAxis("bottom").setTickSpacing()
            a, b = self.analog.cursor_times()
            span = window[1] - window[0]
            if not (window[0] <= a <= window[1] and window[0] <= b <= window[1]):
                self.analog.set_cursor_times(window[0] + 0.25 * span, window[0] + 0.75 * span)
        self.logic.set_digital(frame.digital)
        self.logic.set_annotations(frame.decoded.annotations, self._hints(frame))
        self._append_uart(frame)
        self.save_button.setEnabled(bool(frame.waveforms) or frame.digital is not None)
        if not frame.deep:
            self._show_status(frame.status)
        else:
            self.status_label.setText(self.tr("Deep capture shown (scope stopped)"))
        self._update_cursor_text()

    @staticmethod
    def _frame_window(frame: Frame) -> tuple[float, float] | None:
        records = list(frame.waveforms.values())
        if frame.digital is not None:
            records.append(frame.digital)
        if not records:
            return None
        r = records[0]
        return (r.t0, r.t0 + len(r) * r.dt)

    def _hints(self, frame: Frame) -> dict[str, str]:
        out: dict[str, str] = {}
        for row, why, value in frame.decoded.hints:
            if row == "uart" and why == "samples":
                out["uart"] = self.tr("%1 samples per bit: too few to decode. Choose a shorter "
                                      "s/div, or take a deep capture.").replace(
                    "%1", f"{value:.1f}")
            elif row == "uart":
                out["uart"] = self.tr("No baud rate found on D0: choose one.")
            elif row == "i2c":
                out["i2c"] = self.tr("Clock too fast for this timebase: choose a shorter s/div, "
                                     "or take a deep capture.")
        return out

    def _append_uart(self, frame: Frame) -> None:
        d = frame.decoded
        if math.isfinite(d.baud):
            info = self.tr("UART on D0 · %1 Bd · %2 bytes").replace(
                "%1", f"{d.baud:g}").replace("%2", str(d.uart_bytes))
            if d.uart_errors:
                info += " · " + self.tr("%1 framing/parity errors").replace(
                    "%1", str(d.uart_errors))
        else:
            info = self.tr("UART on D0")
        self.uart_info.setText(info)
        text = d.uart_text
        if not text or (text == self._last_uart and not frame.deep):
            return
        self._last_uart = text
        stamp = time.strftime("%H:%M:%S")
        if frame.deep:
            self.uart_text.appendPlainText(f"{stamp}  ── {self.tr('deep capture')} ──")
            for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
                if line:
                    self.uart_text.appendPlainText(f"{stamp}  {line}")
        else:
            flat = text.replace("\r\n", " ⏎ ").replace("\n", " ⏎ ").replace("\r", " ⏎ ")
            self.uart_text.appendPlainText(f"{stamp}  {flat.strip()}")

    def _update_numbers(self) -> None:
        frame = self.frame
        if frame is None or frame.measure_source != self.measurements.source:
            return
        self.measurements.update_values(frame.measurements)

    # -- cursors --------------------------------------------------------------------------
    def cursor_readout(self) -> dict[str, float]:
        """Cursor A and B times, Δt, 1/Δt and ΔV of the active channel (NaN when unknown)."""
        a, b = self.analog.cursor_times()
        dt = b - a
        out = {"a": a, "b": b, "dt": dt, "inv_dt": 1.0 / abs(dt) if dt else math.nan,
               "dv": math.nan}
        wf = self.frame.waveforms.get(f"CH{self._active}") if self.frame else None
        if wf is not None and len(wf) and wf.t0 <= a <= wf.t_end and wf.t0 <= b <= wf.t_end:
            out["dv"] = float(wf.y[wf.index_at(b)] - wf.y[wf.index_at(a)])
        return out

    def _update_cursor_text(self) -> None:
        r = self.cursor_readout()
        parts = [
            f"A {format_si(r['a'], 's', 4)}",
            f"B {format_si(r['b'], 's', 4)}",
            f"Δt {format_si(r['dt'], 's', 4)}",
            f"1/Δt {format_si(r['inv_dt'], 'Hz', 4)}",
            f"ΔV(CH{self._active}) {format_si(r['dv'], 'V', 3)}",
        ]
        self.cursor_label.setText("   ".join(parts))

    # -- capture files and screenshots ----------------------------------------------------
    def current_capture(self) -> Any:
        """The capture on screen (the deep one if shown) as a `capture_io.Capture`."""
        from meterlab.capture_io import Capture

        frame = self.frame
        if frame is None:
            return None
        if frame.capture is not None:
            return frame.capture
        return Capture(list(frame.waveforms.values()), frame.digital,
                       {"resource": self.resource or "", "mode": "screen"})

    def _save_clicked(self) -> None:
        last = self.settings.value("scope/save_dir", str(Path.home())) if self.settings else ""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save capture"), str(Path(str(last)) / "capture.csv"),
            self.tr("CSV (*.csv);;NumPy (*.npz);;Parquet (*.parquet)"))
        if path:
            if self.settings is not None:
                self.settings.setValue("scope/save_dir", str(Path(path).parent))
            self.save_capture(Path(path))

    def save_capture(self, path: Path, done: Callable[[bool], None] | None = None
                     ) -> threading.Thread | None:
        """Write the capture on screen to .csv/.npz/.parquet on a worker thread."""
        cap = self.current_capture()
        if cap is None:
            self.news.emit(self.tr("There is no capture to save yet."), "error", 6000)
            return None
        result: dict[str, str] = {}

        def work() -> None:
            from meterlab.capture_io import save_capture

            try:
                save_capture(path, cap)
                result["ok"] = str(path)
            except MeterlabError as exc:
                result["error"] = str(exc)

        thread = threading.Thread(target=work, name="save-capture", daemon=True)
        thread.start()
        self._save_threads.append(thread)
        self.news.emit(self.tr("Saving the capture to %1…").replace("%1", str(path)), "info", 0)

        def poll() -> None:
            if thread.is_alive():
                QTimer.singleShot(100, poll)
                return
            if "ok" in result:
                self.news.emit(self.tr("Saved the capture to %1").replace("%1", str(path)),
                               "info", 6000)
            else:
                self.news.emit(self.tr("Could not save the capture: %1 It is still on screen; "
                                       "choose another place.").replace(
                    "%1", result.get("error", "")), "error", 0)
            if done is not None:
                done("ok" in result)

        QTimer.singleShot(100, poll)
        return thread

    def _screenshot_clicked(self) -> None:
        last = self.settings.value("scope/save_dir", str(Path.home())) if self.settings else ""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the scope's screen"), str(Path(str(last)) / "scope-screen.png"),
            self.tr("Images (*.png *.bmp)"))
        if path:
            self.save_screenshot(Path(path))

    def save_screenshot(self, path: Path) -> None:
        """Ask the scope for its screen; it is written to `path` when it arrives.

        The suffix is corrected to the format the scope sent (PNG or BMP).
        """
        self._pending_shot = path
        self._post("screenshot")

    def _write_screenshot(self, data: bytes) -> None:
        from meterlab.drivers.scope import image_format

        path = self._pending_shot
        self._pending_shot = None
        if path is None:
            return
        kind = image_format(data) or "png"
        if path.suffix.lower().lstrip(".") != kind:
            path = path.with_suffix(f".{kind}")
        try:
            path.write_bytes(data)
        except OSError as exc:
            self.news.emit(self.tr("Could not write %1: %2").replace("%1", str(path)).replace(
                "%2", exc.strerror or str(exc)), "error", 0)
            return
        self.last_screenshot = path
        self.news.emit(self.tr("Saved the scope's screen to %1").replace("%1", str(path)),
                       "info", 6000)

    # -- persistence and shutdown ---------------------------------------------------------
    def save_settings(self, settings: QSettings) -> None:
        settings.setValue("scope/measure_source", self.measurements.source)
        settings.setValue("scope/limits", self.measurements.limit_texts())
        settings.setValue("scope/lines", ",".join(str(n) for n in self._lines))
        settings.setValue("scope/baud", float(self.baud_combo.currentData() or 0.0))
        settings.setValue("scope/i2c", self.i2c_check.isChecked())
        settings.setValue("scope/uart", self.uart_check.isChecked())
        settings.setValue("scope/splitter", self.main_splitter.saveState())
        settings.setValue("scope/plots", self.plot_splitter.saveState())

    def restore_settings(self, settings: QSettings) -> None:
        self._filling = True
        try:
            lines = str(settings.value("scope/lines", "") or "")
            if lines:
                self._lines = tuple(int(x) for x in lines.split(",") if x.strip().isdigit())
                for n, box in self.line_checks.items():
                    box.setChecked(n in self._lines)
            baud = _float(settings.value("scope/baud", 0.0))
            i = self.baud_combo.findData(baud)
            self.baud_combo.setCurrentIndex(max(0, i))
            self.i2c_check.setChecked(_bool(settings.value("scope/i2c", True)))
            self.uart_check.setChecked(_bool(settings.value("scope/uart", True)))
        finally:
            self._filling = False
        self._decode = DecodeSettings(uart=self.uart_check.isChecked(), baud=baud or None,
                                      i2c=self.i2c_check.isChecked())
        limits = settings.value("scope/limits", {})
        if isinstance(limits, dict):
            self.measurements.restore_limit_texts({str(k): str(v) for k, v in limits.items()})
        src = settings.value("scope/measure_source")
        if src:
            self.measurements.set_source(str(src))
        for key, splitter in (("scope/splitter", self.main_splitter),
                              ("scope/plots", self.plot_splitter)):
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)

    def shutdown(self) -> None:
        """Stop the frame timer and the worker (the scope keeps its own state)."""
        self.frame_timer.stop()
        if self.settings is not None:
            self.save_settings(self.settings)
        if self.worker is not None:
            self.worker.close()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)


def _nearest(values: list[float] | tuple[float, ...], x: float) -> int:
    arr = np.asarray(values, dtype=np.float64)
    if arr.size == 0:
        return 0
    if x is None or not math.isfinite(x) or x <= 0:
        return int(np.argmin(np.abs(arr - (x or 0))))
    return int(np.argmin(np.abs(np.log(arr / x))))


def _float(x: object) -> float:
    try:
        return float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0


def _bool(x: object) -> bool:
    if isinstance(x, str):
        return x.lower() in ("1", "true", "yes")
    return bool(x)
