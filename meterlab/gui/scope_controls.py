"""The scope view's control panel: run control, channels, timebase, trigger, logic, capture.

It shows what the scope reports back (`show_state`) and turns the user's edits
into typed commands for the worker (`command(ScopeCommand)`), so a knob the
scope rounds or refuses snaps back to the instrument's real setting. Values
are typed with SI prefixes ("-1.5 V", "200 mV", "10 ms") and shown the same way.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meterlab.errors import MeterlabError
from meterlab.gui import scope_events as ev
from meterlab.gui.fmt import fmt_local, fmt_range, fmt_si, ui_language
from meterlab.gui.scope_decode import DecodeSettings
from meterlab.gui.scope_events import ScopeCommand, ScopeState
from meterlab.gui.scope_plot import CHANNEL_COLOURS
from meterlab.gui.settings import Settings
from meterlab.units import parse_quantity

BAUDS = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)
PROBES = (1.0, 10.0)


def seq125(lo: float, hi: float) -> list[float]:
    """The 1-2-5 knob steps from lo to hi."""
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


TIMEBASES = seq125(5e-9, 50.0)


def count_label(n: int) -> str:
    """3000 → "3 k", 1200000 → "1.2 M": memory depths as a front panel writes them."""
    for div, prefix in ((1_000_000, "M"), (1_000, "k")):
        if n >= div:
            return fmt_local(f"{n / div:g} {prefix}")
    return str(n)


class ScopeControls(QWidget):
    """The panel beside the plots. Signals carry the user's intent; nothing here talks SCPI."""

    #: A `scope_events` command for `ScopeWorker.post`
    command = Signal(object)
    #: the channel whose settings (and axis, ΔV) are shown changed
    activeChanged = Signal(int)
    channelShown = Signal(int, bool)
    #: lines or decoders changed: the logic lanes need new rows
    rowsChanged = Signal()
    #: a value the user typed could not be read (a sentence for the banner)
    problem = Signal(str)

    def __init__(self, lines: tuple[int, ...] = (0, 1, 2, 3),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scopePanel")
        # Own object names (the meter view has a "startButton" of its own), the same look.
        self.setStyleSheet(
            "QPushButton#scopeRunButton { font-weight: 700; padding: 6px 12px; }"
            "QPushButton#scopeRunButton:checked { background: #0072B2; color: white; }"
            "QLabel#scopeIdentity { color: #333333; font-weight: 600; }"
            "QLabel#scopeStatus { color: #333333; }"
            "QLabel#scopeStatus[stale=\"true\"] { color: #8A4B00; font-weight: 600; }")
        self.state: ScopeState | None = None
        self._filling = False
        self._active = 1
        self._lines = tuple(lines)
        self._decode = DecodeSettings()
        self._build()

    @property
    def active(self) -> int:
        return self._active

    @property
    def lines(self) -> tuple[int, ...]:
        return self._lines

    @property
    def decode(self) -> DecodeSettings:
        return self._decode

    def _send(self, command: ScopeCommand) -> None:
        self.command.emit(command)

    def _build(self) -> None:
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 6, 0)

        # Run control and trigger status
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setObjectName("scopeRunButton")
        self.run_button.setCheckable(True)
        self.run_button.setToolTip(self.tr("Take frames continuously"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.single_button = QPushButton(self.tr("Single"))
        self.single_button.setToolTip(self.tr("Wait for one trigger, then stop"))
        self.status_label = QLabel()
        self.status_label.setObjectName("scopeStatus")
        self.status_label.setWordWrap(True)
        self.identity_label = QLabel()
        self.identity_label.setObjectName("scopeIdentity")
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
        self.force_button.clicked.connect(lambda: self._send(ev.Force()))
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
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)  # no "0 %" before the first capture
        self.progress.setFormat("%p %")
        self.save_button = QPushButton(self.tr("Save capture…"))
        self.save_button.setEnabled(False)
        self.shot_button = QPushButton(self.tr("Screenshot…"))
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

    def set_instrument_enabled(self, on: bool) -> None:
        """Grey out what needs the instrument (while connecting or reconnecting)."""
        for w in self._instrument_widgets:
            w.setEnabled(on)


    # -- user edits → commands -----------------------------------------------------------
    def _channel_toggled(self, n: int, on: bool) -> None:
        if self._filling:
            return
        self.channelShown.emit(n, on)
        self._send(ev.SetChannel(n, display=on))

    def _active_changed(self) -> None:
        self._active = int(self.active_combo.currentData())
        self._fill_vertical()
        self.activeChanged.emit(self._active)

    def _vertical_edited(self) -> None:
        if self._filling or self.state is None:
            return
        n = self._active
        scale = self.vdiv_combo.currentData()
        coupling = self.coupling_combo.currentData()
        self._send(ev.SetChannel(n, scale=scale, coupling=coupling))

    def _probe_edited(self) -> None:
        if self._filling or self.state is None:
            return
        self._send(ev.SetChannel(self._active, probe=self.probe_combo.currentData()))

    def _offset_edited(self) -> None:
        if self._filling or self.state is None:
            return
        value = self._parse(self.offset_edit, "V")
        if value is not None:
            self._send(ev.SetChannel(self._active, offset=value))

    def _timebase_edited(self) -> None:
        if self._filling or self.state is None:
            return
        pos = self._parse(self.position_edit, "s")
        self._send(ev.SetTimebase(scale=float(self.tdiv_combo.currentData()), offset=pos))

    def _trigger_edited(self) -> None:
        if self._filling or self.state is None:
            return
        self._send(ev.SetTrigger(source=self.trig_source.currentData(),
                                 level=self._parse(self.level_edit, "V"),
                                 slope=self.trig_slope.currentData(),
                                 sweep=self.trig_sweep.currentData()))

    def set_trigger_level(self, volts: float) -> None:
        """Set the trigger level (what dragging the T marker does)."""
        self._filling = True
        self.level_edit.setText(fmt_si(volts, "V", 3))
        self._filling = False
        self._send(ev.SetTrigger(level=volts))

    def _logic_edited(self) -> None:
        if self._filling:
            return
        self._lines = tuple(n for n, box in self.line_checks.items() if box.isChecked())
        self._send(ev.ShowLines(self._lines))
        if self.state is not None:
            self._send(ev.SetLogic(self.logic_check.isChecked(), self._lines))
        self.rowsChanged.emit()

    def _decode_edited(self) -> None:
        if self._filling:
            return
        baud = float(self.baud_combo.currentData() or 0.0)
        self._decode = DecodeSettings(uart=self.uart_check.isChecked(), baud=baud or None,
                                      i2c=self.i2c_check.isChecked())
        self._send(ev.DecodeWith(self._decode))
        self.rowsChanged.emit()

    def _depth_edited(self) -> None:
        if self._filling or self.state is None:
            return
        depth = int(self.depth_combo.currentData() or 0)
        self._send(ev.SetMemoryDepth(depth or None))

    def _parse(self, edit: QLineEdit, unit: str) -> float | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            value, _unit = parse_quantity(text, unit, ui_language())
        except (MeterlabError, ValueError) as exc:
            self.problem.emit(self.tr("'%1' is not a value in %2: %3").replace("%1", text)
                              .replace("%2", unit).replace("%3", str(exc)))
            return None
        if _unit != unit:
            self.problem.emit(self.tr("'%1' is not in %2.").replace("%1", text)
                              .replace("%2", unit))
            return None
        return value

    # -- the scope's state → widgets ------------------------------------------------------
    def show_state(self, state: ScopeState) -> None:
        """Show what the scope reports; these updates are not user edits."""
        self.state = state
        self._filling = True
        try:
            for ch in state.channels:
                self.channel_checks[ch.channel].setChecked(ch.display)
            self._fill_vertical()
            tb = state.timebase
            i = nearest(TIMEBASES, tb.scale)
            self.tdiv_combo.setCurrentIndex(i)
            self.position_edit.setText(fmt_si(tb.offset, "s", 4))
            tr = state.trigger
            self.trig_source.setCurrentIndex(max(0, self.trig_source.findData(tr.source)))
            self.trig_slope.setCurrentIndex(max(0, self.trig_slope.findData(tr.slope)))
            self.trig_sweep.setCurrentIndex(max(0, self.trig_sweep.findData(tr.sweep)))
            self.level_edit.setText(fmt_si(tr.level, "V", 3))
            self.logic_check.setChecked(state.logic)
            if self.depth_combo.count() == 1 and state.memory_depths:
                for d in state.memory_depths:
                    self.depth_combo.addItem(self.tr("%1 points").replace(
                        "%1", count_label(d)), d)
            self.depth_combo.setToolTip(self.tr("Now: %1 points").replace(
                "%1", f"{state.memory_depth:,}".replace(",", " ")))
        finally:
            self._filling = False

    def _fill_vertical(self) -> None:
        if self.state is None:
            return
        was = self._filling
        self._filling = True
        try:
            ch = self.state.channels[self._active - 1]
            self.vdiv_combo.clear()
            scales = seq125(1e-3 * ch.probe, 10.0 * ch.probe)
            for s in scales:
                self.vdiv_combo.addItem(self.tr("%1/div").replace("%1", fmt_range(s, "V")), s)
            self.vdiv_combo.setCurrentIndex(nearest(scales, ch.scale))
            self.offset_edit.setText(fmt_si(ch.offset, "V", 3))
            self.coupling_combo.setCurrentIndex(max(0, self.coupling_combo.findData(ch.coupling)))
            self.probe_combo.setCurrentIndex(nearest(list(PROBES), ch.probe))
        finally:
            self._filling = was


    # -- persistence -----------------------------------------------------------------------
    def save_settings(self, settings: Settings) -> None:
        settings.scope_lines = self._lines
        settings.scope_baud = float(self.baud_combo.currentData() or 0.0)
        settings.scope_i2c = self.i2c_check.isChecked()
        settings.scope_uart = self.uart_check.isChecked()

    def restore_settings(self, settings: Settings) -> None:
        self._filling = True
        try:
            lines = settings.scope_lines
            if lines:
                self._lines = lines
                for n, box in self.line_checks.items():
                    box.setChecked(n in self._lines)
            baud = settings.scope_baud
            self.baud_combo.setCurrentIndex(max(0, self.baud_combo.findData(baud)))
            self.i2c_check.setChecked(settings.scope_i2c)
            self.uart_check.setChecked(settings.scope_uart)
        finally:
            self._filling = False
        self._decode = DecodeSettings(uart=self.uart_check.isChecked(), baud=baud or None,
                                      i2c=self.i2c_check.isChecked())


def nearest(values: list[float] | tuple[float, ...], x: float) -> int:
    """Index of the knob step closest to x (on a log scale: 2 is as near 1 as 4 is to 2)."""
    arr = np.asarray(values, dtype=np.float64)
    if arr.size == 0:
        return 0
    if x is None or not math.isfinite(x) or x <= 0:
        return int(np.argmin(np.abs(arr - (x or 0))))
    return int(np.argmin(np.abs(np.log(arr / x))))


