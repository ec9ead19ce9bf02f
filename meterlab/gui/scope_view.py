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

Why one long module: it wires the scope's plot, controls, measurements and decoding to
one worker and one frame timer; the parts it wires live in their own modules
(scope_plot, scope_controls, scope_measurements, scope_decode, scope_worker).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meterlab.errors import MeterlabError
from meterlab.gui import scope_events as ev
from meterlab.gui.fmt import DASH, fmt_local, fmt_range, fmt_si
from meterlab.gui.polish import repolish
from meterlab.gui.scope_controls import ScopeControls
from meterlab.gui.scope_events import Frame, ScopeCommand, ScopeEvent, ScopeState
from meterlab.gui.scope_measurements import ScopeMeasurements
from meterlab.gui.scope_plot import CHANNEL_COLOURS, H_DIVS, AnalogPlot, LogicPlot
from meterlab.gui.scope_worker import ScopeWorker
from meterlab.gui.settings import Settings
from meterlab.gui.tasks import run_in_background
from meterlab.gui.views import View

FRAME_MS = 33
TEXT_EVERY_S = 0.25  # numbers people read change at most 4× a second
UART_LOG_LINES = 200


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


class ScopeView(QWidget, View):
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
    takes_run_keys = True  # F5/F6 start, stop and single-shot the scope on its tab

    def __init__(
        self,
        resource: str | None,
        backend: str | None = None,
        settings: Settings | QSettings | None = None,
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
        self.settings = Settings.wrap(settings) if settings is not None else None
        self.state: ScopeState | None = None
        self.frame: Frame | None = None  # the frame on screen
        self.frames_drawn = 0
        self.connected = False
        self.stale = False
        self.running = False
        self.deep_frame: Frame | None = None
        self.progress_value = 0.0
        self._autorun = autorun
        self._first_lines = tuple(initial.lines) if initial and initial.lines else tuple(lines)
        self._window: tuple[float, float] | None = None
        #: What of `frame` is still to be plotted: 1 traces (then 2), 2 lanes, 0 nothing.
        self._plot_stage = 0
        self._last_text = 0.0
        self._last_uart = ""
        self._pending_shot: Path | None = None
        self.worker: ScopeWorker | None = None
        self.last_screenshot: Path | None = None
        self._build()
        if self.settings is not None:
            self.restore_settings(self.settings)
        if resource:
            self.worker = ScopeWorker(resource, backend, lines=self.controls.lines,
                                      initial=initial.apply if initial else None)
            self.worker.post(ev.DecodeWith(self.controls.decode))
            self.worker.post(ev.MeasureOn(self.measurements.source))
            self.worker.start()
            worker = self.worker
            # A view dropped without shutdown() must not leave the scope polled forever.
            self.destroyed.connect(lambda *_: worker.close(timeout_s=0))
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
        self.analog.levelDragged.connect(self.set_trigger_level)
        self.analog.cursorsMoved.connect(self._update_cursor_text)
        self.analog.getAxis("bottom").setLabel(self.tr("Time"), units="s")
        self.logic.getAxis("bottom").setLabel(self.tr("Time"), units="s")
        self.stale_label = QLabel(self.tr("Last frame — the oscilloscope is not answering"),
                                  self.analog)
        self.stale_label.setObjectName("scopeStale")
        self.stale_label.setStyleSheet(
            "QLabel#scopeStale { background: #FFF1CC; color: #1A1A1A; font-weight: 700;"
            " padding: 4px 10px; border: 1px solid #E69F00; border-radius: 4px; }")
        self.stale_label.move(84, 8)
        self.stale_label.hide()
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
        legend_row = QVBoxLayout()
        legend_row.setSpacing(2)
        legend_row.addWidget(self.channel_legend)
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
        bottom.setChildrenCollapsible(False)
        uart_w.setMinimumWidth(220)
        bottom.setSizes([560, 480])
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

        self.controls = panel = ScopeControls(self._first_lines)
        # The widgets the view drives directly (and tests reach) by their short names.
        for name in ("run_button", "stop_button", "single_button", "status_label",
                     "identity_label", "vdiv_combo", "tdiv_combo", "trig_source", "level_edit",
                     "depth_combo", "deep_button", "progress", "save_button", "shot_button",
                     "line_checks", "logic_check"):
            setattr(self, name, getattr(panel, name))
        panel.run_button.clicked.connect(lambda checked: self.run() if checked else self.stop())
        panel.stop_button.clicked.connect(self.stop)
        panel.single_button.clicked.connect(self.single)
        panel.deep_button.clicked.connect(self.deep_capture)
        panel.save_button.clicked.connect(self._save_clicked)
        panel.shot_button.clicked.connect(self._screenshot_clicked)
        panel.command.connect(self._command)
        panel.activeChanged.connect(self._active_changed)
        panel.channelShown.connect(lambda n, on: self.analog.traces[n].setVisible(on))
        panel.rowsChanged.connect(self._update_rows)
        panel.problem.connect(lambda text: self.news.emit(text, "error", 8000))
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

    def _set_controls_enabled(self, on: bool) -> None:
        self.controls.set_instrument_enabled(on)

    # == commands to the worker ===========================================================
    def _post(self, command: ScopeCommand) -> None:
        if self.worker is not None:
            self.worker.post(command)

    def run(self) -> None:
        """Take frames continuously (the scope runs between frames)."""
        self._post(ev.Run())
        self._set_running(True)

    def stop(self) -> None:
        self._post(ev.Stop())
        self._set_running(False)
        if self.connected and not self.stale:
            self._show_status("STOP")

    def single(self) -> None:
        """Arm one acquisition; the frame shows once the scope has triggered."""
        self._post(ev.Single())
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
        self.progress.setTextVisible(True)
        self.progress_value = 0.0
        self.deep_button.setEnabled(False)
        self._post(ev.DeepCapture())

    def _set_running(self, running: bool) -> None:
        changed = running != self.running
        self.running = running
        self.run_button.setChecked(running)
        self.run_button.setText(self.tr("Running") if running else self.tr("Run"))
        if changed:
            self.runningChanged.emit(running)

    # == user edits → worker ==============================================================
    def _command(self, command: ScopeCommand) -> None:
        self._post(command)

    def _active_changed(self, n: int) -> None:
        self.analog.set_active(n)
        self._update_cursor_text()

    def set_trigger_level(self, volts: float) -> None:
        """Set the trigger level (what dropping the T marker does)."""
        self.controls.set_trigger_level(volts)

    def _measure_source_changed(self, source: str) -> None:
        self._post(ev.MeasureOn(source))

    # == frame timer: events and drawing ==================================================
    def on_frame(self) -> None:
        """Apply the worker's news, then draw the newest frame if there is one."""
        if self.worker is None:
            return
        for event in self.worker.take_events():
            self._on_event(event)
        frame = self.worker.take_frame()
        if frame is not None:
            self._draw(frame)
        elif self._plot_stage and self.isVisible():
            self._plot_step()
        now = time.monotonic()
        if now - self._last_text >= TEXT_EVERY_S and self.frame is not None:
            self._last_text = now
            self._update_numbers()

    def _on_event(self, event: ScopeEvent) -> None:
        if isinstance(event, ev.StateRead):
            self._show_state(event.state)
            if not self.connected:
                self.connected = True
                self._set_controls_enabled(True)
                if self._autorun:
                    self._autorun = False
                    self.run()
        elif isinstance(event, ev.Connected):
            self.identity_label.setText(event.identity)
            self.identity_label.setToolTip(f"{event.identity} — {self.resource}")
        elif isinstance(event, ev.Lost):
            self._set_stale(True)
            if event.before:
                text = self.tr("The oscilloscope stopped answering. The last frame stays on "
                               "screen. Reconnecting…")
            else:
                text = self.tr("The oscilloscope at %1 does not answer. Check that it is on, "
                               "the cable and the address; trying again…").replace(
                    "%1", str(self.resource))
            self.news.emit(text, "warning", 0)
        elif isinstance(event, ev.NotAScope):
            self.status_label.setText(self.tr("Not an oscilloscope — check the address"))
            self.news.emit(event.message, "error", 0)
        elif isinstance(event, ev.Restored):
            self._set_stale(False)
            self.news.emit(self.tr("The oscilloscope answers again."), "info", 4000)
        elif isinstance(event, ev.Offline):
            self.deep_button.setEnabled(self.connected)
            self.news.emit(self.tr("The oscilloscope is not connected; try again once it "
                                   "answers."), "error", 10000)
        elif isinstance(event, ev.NothingToCapture):
            self.deep_button.setEnabled(True)
            self.news.emit(self.tr("No channel or logic line is shown, so there is nothing to "
                                   "capture. Switch one on first."), "error", 10000)
        elif isinstance(event, ev.Problem):
            if event.failed is ev.DeepCapture:
                self.deep_button.setEnabled(True)
            self.news.emit(event.message, "error", 10000)
        elif isinstance(event, ev.Progress):
            self.progress_value = float(event.fraction)
            self.progress.setValue(round(1000 * self.progress_value))
        elif isinstance(event, ev.DeepCaptured):
            frame = event.frame
            self.deep_frame = frame
            self.deep_button.setEnabled(True)
            points = max((len(w) for w in frame.waveforms.values()), default=0)
            if frame.digital is not None:
                points = max(points, len(frame.digital))
            self.news.emit(self.tr("Deep capture: %1 points per channel. Save it with "
                                   "“Save capture…”.").replace("%1", f"{points:,}".replace(
                                       ",", " ")), "info", 6000)
        elif isinstance(event, ev.ScreenshotTaken):
            self._write_screenshot(event.data)
        elif isinstance(event, ev.Stopped):
            self._set_running(False)
        elif isinstance(event, ev.TriggerStatus):
            self._show_status(event.status)

    def _set_stale(self, stale: bool) -> None:
        self.stale = stale
        self.stale_label.setVisible(stale)
        if stale:
            self.stale_label.adjustSize()
            self.status_label.setText(self.tr("Not answering — last frame kept, reconnecting…"))
            self.status_label.setProperty("stale", True)
            self._set_controls_enabled(False)
        else:
            self.status_label.setProperty("stale", False)
            self._set_controls_enabled(True)
        repolish(self.status_label)

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
        for ch in state.channels:
            self.analog.set_channel(ch.channel, ch.scale, ch.offset, ch.display)
        self.analog.set_active(self.controls.active)
        tr = state.trigger
        n = int(tr.source[2:]) if tr.source.startswith("CH") else None
        shown = n is not None and state.channels[n - 1].display
        # A level marker for a hidden trace would point at nothing on screen.
        self.analog.set_trigger(n if shown else None, tr.level)
        self.controls.show_state(state)
        self._update_rows()
        self._update_legend()

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
        tr = self.state.trigger
        slope = {"POS": "↑", "NEG": "↓"}.get(tr.slope, "↕")
        level = f" {fmt_si(tr.level, 'V', 3)}" if tr.source.startswith("CH") else ""
        parts.append(f"&nbsp;&nbsp;<span style='color:#B35C00; font-weight:700;'>T</span> "
                     f"{tr.source} {slope}{level}")
        self.channel_legend.setText("".join(parts))

    def _update_rows(self) -> None:
        lines = list(self.controls.lines) if (self.state is None or self.state.logic) else []
        if self.state is not None:
            lines = [n for n in lines if n < self.state.digital_channels]
        d = self.controls.decode
        uart = self.tr("UART") if d.uart and d.uart_line in lines else None
        i2c = self.tr("I²C") if (d.i2c and d.scl_line in lines and d.sda_line in lines) else None
        self.logic.set_rows(lines, uart, i2c, d.uart_line, d.sda_line)
        self.logic.setVisible(bool(lines))
        # One time axis is enough, under the lowest plot (the grids line up: same x link).
        axis = self.analog.getAxis("bottom")
        axis.setStyle(showValues=not lines)
        axis.showLabel(not lines)

    # -- drawing --------------------------------------------------------------------------
    def _draw(self, frame: Frame) -> None:
        """Take `frame` on: numbers and text now, the plots as `_plot` allows.

        Plotting a frame (four traces, the logic lanes, the decoded labels) costs the
        GUI thread several milliseconds, so it is done only while the view is shown
        (a hidden scope keeps its newest frame and plots it when shown), and in two
        turns of the frame timer (traces, then lanes and labels), so no single turn
        of the event loop pays for all of it.
        """
        self.frame = frame
        self.frames_drawn += 1
        self._append_uart(frame)
        self.save_button.setEnabled(bool(frame.waveforms) or frame.digital is not None)
        if not frame.deep:
            self._show_status(frame.status)
        else:
            self.status_label.setText(self.tr("Deep capture shown (scope stopped)"))
        self._plot_stage = 1
        if self.isVisible():
            self._plot_step()
        else:
            self._update_cursor_text()

    def _plot_step(self) -> None:
        """Plot the next part of the newest frame (called from the frame timer)."""
        frame = self.frame
        if frame is None or not self._plot_stage:
            return
        if self._plot_stage == 1:
            self._plot_stage = 2
            self._plot_traces(frame)
            if frame.deep:  # a deep capture is drawn whole: it is rare and asked for
                self._plot_step()
            return
        self._plot_stage = 0
        self.logic.set_digital(frame.digital)
        self.logic.set_annotations(frame.decoded.annotations, self._hints(frame))

    def _plot_traces(self, frame: Frame) -> None:
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
        self._update_cursor_text()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._plot_step()  # a frame that came while hidden

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
                    "%1", fmt_local(f"{value:.1f}"))
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
            title = self.tr("deep capture")
            self.uart_text.appendPlainText(f"{stamp}  ── {title} ──")
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
        wf = self.frame.waveforms.get(f"CH{self.controls.active}") if self.frame else None
        if wf is not None and len(wf) and wf.t0 <= a <= wf.t_end and wf.t0 <= b <= wf.t_end:
            out["dv"] = float(wf.y[wf.index_at(b)] - wf.y[wf.index_at(a)])
        return out

    def _update_cursor_text(self) -> None:
        r = self.cursor_readout()
        parts = [
            f"A {fmt_si(r['a'], 's', 4)}",
            f"B {fmt_si(r['b'], 's', 4)}",
            f"Δt {fmt_si(r['dt'], 's', 4)}",
            f"1/Δt {fmt_si(r['inv_dt'], 'Hz', 4)}",
            f"ΔV(CH{self.controls.active}) {fmt_si(r['dv'], 'V', 3)}",
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
        last = self.settings.scope_save_dir if self.settings is not None else Path()
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save capture"), str(last / "capture.csv"),
            self.tr("CSV (*.csv);;NumPy (*.npz);;Parquet (*.parquet)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".npz", ".parquet"):
            # Some file dialogs leave the suffix to us: take the chosen filter's.
            for suffix in (".npz", ".parquet", ".csv"):
                if f"*{suffix}" in chosen:
                    target = target.with_name(target.name + suffix)
                    break
        if self.settings is not None:
            self.settings.scope_save_dir = target.parent
        self.save_capture(target)

    def save_capture(self, path: Path, done: Callable[[bool], None] | None = None) -> None:
        """Write the capture on screen to .csv/.npz/.parquet on a worker thread."""
        cap = self.current_capture()
        if cap is None:
            self.news.emit(self.tr("There is no capture to save yet."), "error", 6000)
            return

        def work() -> None:
            from meterlab.capture_io import save_capture

            save_capture(path, cap)

        def saved(_result: object) -> None:  # back on the GUI thread
            self.news.emit(self.tr("Saved the capture to %1").replace("%1", str(path)),
                           "info", 6000)
            if done is not None:
                done(True)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, MeterlabError):
                exc = MeterlabError(f"{type(exc).__name__}: {exc}")
            self.news.emit(self.tr("Could not save the capture: %1 It is still on screen; "
                                   "choose another place.").replace("%1", str(exc)),
                           "error", 0)
            if done is not None:
                done(False)

        self.news.emit(self.tr("Saving the capture to %1…").replace("%1", str(path)), "info", 0)
        run_in_background(work, saved, failed, self, "save-capture")

    def _screenshot_clicked(self) -> None:
        last = self.settings.scope_save_dir if self.settings is not None else Path()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the scope's screen"), str(last / "scope-screen.png"),
            self.tr("Images (*.png *.bmp)"))
        if path:
            self.save_screenshot(Path(path))

    def save_screenshot(self, path: Path) -> None:
        """Ask the scope for its screen; it is written to `path` when it arrives.

        The suffix is corrected to the format the scope sent (PNG or BMP).
        """
        self._pending_shot = path
        self._post(ev.TakeScreenshot())

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
    def save_settings(self, settings: Settings) -> None:
        settings.scope_measure_source = self.measurements.source
        settings.scope_limits = self.measurements.limit_texts()
        settings.scope_splitter = self.main_splitter.saveState()
        settings.scope_plots = self.plot_splitter.saveState()
        self.controls.save_settings(settings)

    def restore_settings(self, settings: Settings) -> None:
        self.controls.restore_settings(settings)
        self.measurements.restore_limit_texts(settings.scope_limits)
        if settings.scope_measure_source:
            self.measurements.set_source(settings.scope_measure_source)
        for state, splitter in ((settings.scope_splitter, self.main_splitter),
                                (settings.scope_plots, self.plot_splitter)):
            if state is not None:
                splitter.restoreState(state)

    def shutdown(self) -> None:
        """Stop the frame timer and the worker (the scope keeps its own state)."""
        self.frame_timer.stop()
        if self.settings is not None:
            self.save_settings(self.settings)
        if self.worker is not None:
            # Do not wait out a VISA timeout on the GUI thread: the daemon worker closes
            # its connection by itself once its current exchange ends.
            self.worker.close(timeout_s=1.0)

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)


