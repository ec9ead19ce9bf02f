"""The meter view: big readout, verdict badge, setup, limit, statistics, trend.

It owns the live pipeline for one meter: a `Source` (synthetic now, the
acquisition engine later) pushes batches into a `ReadingFeed` from its own
thread; a ~30 Hz frame timer drains the feed into a `LiveSeries` and lets the
trend and histogram redraw. Text that people read (readout, badge, statistics)
updates a few times a second, not at frame rate, so digits stay legible.

Why one long module: the meter view binds the readout, trend, histogram, statistics and
the setup panel to one source and one frame timer; those widgets live in their own
modules.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meterlab.errors import MeterlabError
from meterlab.gui import limits as limits_mod
from meterlab.gui.badge import VerdictBadge
from meterlab.gui.export_readings import snapshot, write_readings_csv
from meterlab.gui.feed import FeedEventKind, ReadingFeed
from meterlab.gui.fmt import DASH, digits_for_nplc, fmt_local, fmt_range, fmt_value
from meterlab.gui.polish import repolish
from meterlab.gui.series import DEFAULT_CAPACITY, NO_VERDICT, LiveSeries
from meterlab.gui.session_panel import SessionPanel
from meterlab.gui.settings import Settings
from meterlab.gui.setup_panel import SetupPanel
from meterlab.gui.sources import FAST_NPLC, MeterSetup, Source, setup_from_settings
from meterlab.gui.stats_panel import StatsPanel
from meterlab.gui.tasks import run_in_background
from meterlab.gui.views import View
from meterlab.readings import Verdict

if TYPE_CHECKING:
    from meterlab.gui.histogram import HistogramView
    from meterlab.gui.session_log import SessionLog
    from meterlab.gui.trend import TrendView

#: 25 frames/s: a strip chart reads as moving smoothly, and each frame's redraw
#: (a few ms of the GUI thread) leaves the event loop room on a busy bench PC.
FRAME_MS = 40
TEXT_EVERY = 3  # frames between updates of the numbers people read (~8 Hz)
HIST_EVERY = 6  # frames between histogram redraws (~4 Hz)
MAX_TREND_EVERY = 5  # on a busy PC the trend still redraws at least 5 times a second
#: Until the first reading is on screen the feed is looked at every 5 ms, for at most
#: 3 s (no instrument answering must not keep the GUI thread waking): at 40 ms a
#: reading that had arrived waited 20 ms on average for the next frame.
FIRST_FRAME_MS = 5
FIRST_FRAMES_FOR_S = 3.0


class MeterView(QWidget, View):
    """One live meter. Signals carry news (the window's banner or status bar) and its title."""

    #: (text, level, timeout_ms): warnings in the window's banner, passing news in its status bar.
    news = Signal(str, str, int)
    runningChanged = Signal(bool)
    #: The source's description changed (e.g. the meter identified itself).
    descriptionChanged = Signal(str)
    #: The trend and histogram exist now (see `lazy_plots`).
    plotsBuilt = Signal()

    def __init__(
        self,
        source: Source | None = None,
        parent: QWidget | None = None,
        *,
        capacity: int = DEFAULT_CAPACITY,
        db_path: str | Path | None = None,
        feed: ReadingFeed | None = None,
        lazy_plots: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meterView")
        #: The session database "Log to session" writes (None: the user's default).
        self.db_path = db_path
        #: `feed`: one the source already streams into (started before this view was built).
        self.feed = feed if feed is not None else ReadingFeed()
        self.series = LiveSeries(capacity)
        self.source: Source | None = None
        self._frame = 0
        self._last_tick = 0.0
        self._lateness = 0.0  # moving average of how late the frame ticks come (s)
        self._since_trend = 0
        self._limit_text = ""
        self._limit_unit: str | None = None
        self._worst_since_text: int = NO_VERDICT
        self.stale = False
        self.sound_on_fail = False
        self.alarms = 0  # FAIL transitions seen (the sound is optional, the count is not)
        #: `lazy_plots`: the trend and histogram come with `build_plots()` (the app calls
        #: it once the first reading is on screen); until then they are None.
        self._lazy_plots = lazy_plots
        self._build()
        self.frame_timer = QTimer(self)
        self.frame_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.frame_timer.setInterval(FIRST_FRAME_MS)
        self._fast_frames_until = time.monotonic() + FIRST_FRAMES_FOR_S
        self.frame_timer.timeout.connect(self.on_frame)
        self.frame_timer.start()
        self.set_source(source)

    # -- construction --------------------------------------------------------
    def _build(self) -> None:
        # Readout strip: the number and the verdict, big enough to read across a bench.
        self.readout = QLabel(DASH)
        self.readout.setObjectName("readout")
        self.readout.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.readout.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.readout_info = QLabel()
        self.readout_info.setObjectName("readoutInfo")
        self.readout_info.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.badge = VerdictBadge()
        self.rate_label = QLabel()
        self.rate_label.setObjectName("rateLabel")
        self.source_label = QLabel()
        self.source_label.setObjectName("sourceLabel")
        self.source_label.setWordWrap(True)

        left_info = QVBoxLayout()
        left_info.addWidget(self.source_label)
        left_info.addStretch(1)
        left_info.addWidget(self.rate_label)
        readout_box = QVBoxLayout()
        readout_box.addWidget(self.readout)
        readout_box.addWidget(self.readout_info)
        badge_box = QVBoxLayout()
        badge_box.addStretch(1)
        badge_box.addWidget(self.badge)
        badge_box.addStretch(1)
        strip = QFrame()
        strip.setObjectName("readoutStrip")
        top = QHBoxLayout(strip)
        top.setContentsMargins(16, 8, 16, 8)
        top.addLayout(left_info, 1)
        top.addLayout(readout_box, 3)
        top.addSpacing(24)
        top.addLayout(badge_box)

        # Setup controls.
        self.setup_panel = SetupPanel()
        self.setup_panel.changed.connect(self._setup_changed)
        self.function_combo = self.setup_panel.function_combo
        self.range_combo = self.setup_panel.range_combo
        self.nplc_combo = self.setup_panel.nplc_combo
        self.trigger_combo = self.setup_panel.trigger_combo
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("startButton")
        self.start_button.setCheckable(True)
        self.start_button.setToolTip(self.tr("Start or stop reading (F5)"))
        self.start_button.clicked.connect(self._start_clicked)
        self.single_button = QPushButton(self.tr("Single"))
        self.single_button.setToolTip(self.tr("Take one reading (F6)"))
        self.single_button.clicked.connect(self.single)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Forget the readings shown (a session keeps its own)"))
        self.clear_button.clicked.connect(self.clear)

        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button, 2)
        buttons.addWidget(self.single_button, 1)
        buttons.addWidget(self.clear_button, 1)
        self.setup_panel.add_row(buttons)

        # Limit field with an inline message instead of a dialog.
        self.limit_edit = QLineEdit()
        self.limit_edit.setObjectName("limitEdit")
        self.limit_edit.setPlaceholderText(self.tr("e.g. 3.3 V ±3 %"))
        self.limit_edit.setClearButtonEnabled(True)
        self.limit_edit.returnPressed.connect(self.apply_limit)
        self.limit_edit.editingFinished.connect(self.apply_limit)
        self.limit_message = QLabel()
        self.limit_message.setObjectName("limitMessage")
        self.limit_message.setWordWrap(True)
        self.limit_message.hide()
        self.limit_info = QLabel()
        self.limit_info.setObjectName("limitInfo")
        self.limit_info.setWordWrap(True)
        limit_box = QGroupBox(self.tr("Limit"))
        lv = QVBoxLayout(limit_box)
        lv.addWidget(self.limit_edit)
        lv.addWidget(self.limit_message)
        lv.addWidget(self.limit_info)

        self.stats_panel = StatsPanel()
        self.session_panel = SessionPanel()
        self.session_panel.news.connect(self.news)
        self.session_panel.logToggled.connect(self._log_toggled)
        self.operator_edit = self.session_panel.operator_edit
        self.dut_edit = self.session_panel.dut_edit
        self.log_button = self.session_panel.log_button

        side = QWidget()
        side.setObjectName("meterSide")
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        side_lay.addWidget(self.setup_panel)
        side_lay.addWidget(limit_box)
        side_lay.addWidget(self.stats_panel)
        side_lay.addWidget(self.session_panel)
        side_lay.addStretch(1)
        side.setFixedWidth(330)

        # The plots need pyqtgraph, the costliest import of the start: with
        # `lazy_plots` the readout shows the first reading while they load.
        self.trend: TrendView | None = None
        self.histogram: HistogramView | None = None
        plots = QSplitter(Qt.Orientation.Horizontal)
        plots.setObjectName("plotSplitter")
        for _ in range(2):
            waiting = QLabel(self.tr("Loading the plots…"))
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            plots.addWidget(waiting)
        plots.setStretchFactor(0, 3)
        plots.setStretchFactor(1, 1)
        plots.setSizes([900, 300])
        self.plot_splitter = plots
        if not self._lazy_plots:
            self.build_plots()

        body = QHBoxLayout()
        body.addWidget(side)
        body.addWidget(plots, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        lay.addWidget(strip)
        lay.addLayout(body, 1)

    def build_plots(self) -> None:
        """Put the trend and the histogram in place (pyqtgraph loads here)."""
        if self.trend is not None:
            return
        from meterlab.gui.histogram import HistogramView
        from meterlab.gui.trend import TrendView

        self.trend = TrendView(self.series)
        self.histogram = HistogramView(self.series)
        for index, widget in enumerate((self.trend, self.histogram)):
            old = self.plot_splitter.replaceWidget(index, widget)
            if old is not None:
                old.deleteLater()
        self.plotsBuilt.emit()

    @property
    def plots_built(self) -> bool:
        return self.trend is not None

    # -- session logging ---------------------------------------------------------
    @property
    def session_log(self) -> SessionLog | None:
        return self.session_panel.session_log

    @property
    def logging(self) -> bool:
        return self.session_panel.session_log is not None

    def start_logging(self) -> bool:
        """Open a session and record every reading from now on; starts the meter if stopped."""
        if not self.session_panel.start(self.feed, self.source, self.db_path):
            return False
        self._sync_log_limit()
        if not self.running:
            self.start()
        return True

    def stop_logging(self) -> None:
        """Close the session (complete) with every reading taken until now."""
        self.session_panel.stop()

    def _log_toggled(self, on: bool) -> None:
        if on:
            self.start_logging()
        else:
            self.stop_logging()

    def _sync_log_limit(self) -> None:
        if self.session_panel.session_log is None:
            return
        unit = self.series.limit_unit or self.setup().unit
        self.session_panel.sync_limit(self.series.limit, self._limit_text, unit,
                                      self.setup().function)

    # -- source control -------------------------------------------------------
    def set_source(self, source: Source | None) -> None:
        """Replace the reading source (stops and closes the old one). None = nothing to read.

        A session being logged ends with the old source: a session names its instrument.
        """
        if self.source is not None:
            self.source.stop()
            close = getattr(self.source, "close", None)
            if close is not None:
                close()
        self.stop_logging()
        self.source = source
        if source is None:
            self.source_label.setText(self.tr("No instrument connected"))
        else:
            self.source_label.setText(translate_description(source.description))
            self.setup_panel.capabilities = getattr(source, "capabilities", None)
            self._show_setup(source.setup)
        self.source_label.setProperty("simulated", bool(source and source.simulated))
        repolish(self.source_label)
        self._set_running_ui(False)
        self.start_button.setEnabled(source is not None)
        self.single_button.setEnabled(source is not None)

    def setup(self) -> MeterSetup:
        return self.setup_panel.setup()

    def _show_setup(self, setup: MeterSetup) -> None:
        self.setup_panel.show_setup(setup)
        self._update_readout_info()

    def _setup_changed(self) -> None:
        """The user edited the setup: reconfigure the source, re-read the limit's unit."""
        setup = self.setup()
        if self.source is not None:
            try:
                self.source.configure(setup)
            except (MeterlabError, ValueError) as exc:
                self.news.emit(str(exc), "error", 0)
        self._update_readout_info()
        if setup.unit != self._limit_unit and self._limit_text:
            self.apply_limit()

    def _update_readout_info(self) -> None:
        s = self.setup()
        rng = self.tr("auto range") if s.range is None else fmt_range(s.range, s.unit)
        nplc = fmt_local(f"{s.nplc:g}")
        text = f"{self.function_combo.currentText()} · {rng} · {nplc} PLC"
        if s.nplc < FAST_NPLC:
            text += " · " + self.tr("auto-zero off")
        if getattr(self, "stale", False):
            text = self.tr("last reading — no new readings") + " · " + text
        self.readout_info.setText(text)

    @property
    def running(self) -> bool:
        return bool(self.source is not None and self.source.running)

    def start(self) -> None:
        if self.source is None:
            return
        if self.running:  # started before this view existed: show it as running
            self._set_running_ui(True)
            return
        try:
            self.source.configure(self.setup())
            self.source.start(self.feed)
        except MeterlabError as exc:
            self.news.emit(str(exc), "error", 0)
            self._set_running_ui(False)
            return
        self._set_running_ui(True)

    def stop(self) -> None:
        if self.source is not None:
            self.source.stop()
        self._set_running_ui(False)

    def toggle_running(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def single(self) -> None:
        if self.source is None or self.running:
            return
        try:
            self.source.configure(self.setup())
            self.source.single(self.feed)
        except MeterlabError as exc:
            self.news.emit(str(exc), "error", 0)

    def clear(self) -> None:
        self.series.clear()

    def shutdown(self) -> None:
        """Stop drawing and stop the source, and close it (e.g. the in-process bench)."""
        self.frame_timer.stop()
        self.set_source(None)
        self._limit_unit = None
        if self._limit_text:
            self.apply_limit()
        self._update_text(force=True)

    def _start_clicked(self, checked: bool) -> None:
        if checked:
            self.start()
        else:
            self.stop()

    def _set_running_ui(self, running: bool) -> None:
        if not running and self.stale:
            self._set_stale(False)
        self.start_button.setChecked(running)
        self.start_button.setText(self.tr("Stop") if running else self.tr("Start"))
        self.single_button.setEnabled(not running and self.source is not None)
        self.runningChanged.emit(running)

    # -- limit ------------------------------------------------------------------
    def apply_limit(self, text: str | None = None) -> bool:
        """Parse the limit field (or `text`) and judge the series by it.

        Bad text shows a sentence under the field and leaves the series without
        a limit: judging against a limit the user did not mean would be worse
        than no verdict.
        """
        if text is not None:
            self.limit_edit.setText(text)
        text = self.limit_edit.text().strip()
        unit = self.series.unit or self.setup().unit
        if text == self._limit_text and unit == self._limit_unit:
            return self.series.limit is not None or not text
        self._limit_text = text
        self._limit_unit = unit
        if not text:
            self.series.set_limit(None)
            self._set_limit_message("")
            self.limit_info.setText("")
            self._update_text(force=True)
            return True
        try:
            limit = limits_mod.parse(text, unit)
        except MeterlabError as exc:
            self.series.set_limit(None)
            self._set_limit_message(str(exc))
            self.limit_info.setText("")
            self._update_text(force=True)
            return False
        self.series.set_limit(limit, unit)
        self._set_limit_message("")
        self._show_limit_info()
        self._update_text(force=True)
        return True

    @property
    def limit_message_text(self) -> str:
        return self.limit_message.text() if not self.limit_message.isHidden() else ""

    def _set_limit_message(self, message: str) -> None:
        self.limit_message.setText(f"⚠ {message}" if message else "")
        self.limit_message.setVisible(bool(message))
        self.limit_edit.setProperty("invalid", bool(message))
        repolish(self.limit_edit)

    def _show_limit_info(self) -> None:
        band = self.series.band
        unit = self.series.unit or self.setup().unit
        if band is None:
            self.limit_info.setText("")
            return
        lo = fmt_value(band.lower, unit, 4) if band.lower is not None else "−∞"
        hi = fmt_value(band.upper, unit, 4) if band.upper is not None else "+∞"
        text = self.tr("Accepts %1 … %2").replace("%1", lo).replace("%2", hi)
        if band.warn_lower is not None or band.warn_upper is not None:
            wl = fmt_value(band.warn_lower, unit, 4) if band.warn_lower is not None else lo
            wh = fmt_value(band.warn_upper, unit, 4) if band.warn_upper is not None else hi
            text += "\n" + self.tr("Marginal outside %1 … %2").replace("%1", wl).replace("%2", wh)
        self.limit_info.setText(text)

    def _sync_capabilities(self) -> None:
        """Offer the connected model's choices once it has identified itself.

        A source learns its model's capabilities on its worker thread when it connects;
        the attribute is read here, on the frame timer, so no extra cross-thread signal
        is needed. A setting the model lacks moves to its nearest and is sent anew.
        """
        caps = getattr(self.source, "capabilities", None) if self.source is not None else None
        if caps is self.setup_panel.capabilities:
            return
        if self.setup_panel.set_capabilities(caps):
            self._setup_changed()
        else:
            self._update_readout_info()

    # -- frame timer ---------------------------------------------------------------
    def on_frame(self) -> None:
        """Drain the feed, fold readings in, redraw what changed."""
        drained = self.feed.drain()
        for event in drained.events:
            self._on_event(event.kind, event.message)
        first = False
        if drained.batches:
            first = self.series.ring.total == 0
            before = self.series.counts.copy()
            self.series.ingest(drained.batches)
            if self.series.unit != self._limit_unit and self._limit_text:
                self.apply_limit()
            newly = self.series.counts - before
            worst = [v for v in Verdict if newly[v] > 0]
            if worst:
                self._worst_since_text = max(self._worst_since_text, int(max(worst)))
        self._sync_log_limit()
        self._sync_capabilities()
        # Plots behind another tab are not looked at: they catch up when shown.
        # One costly redraw per turn of the event loop: the histogram's frames leave
        # the trend to the next one. And when the ticks come late (the PC is busy)
        # the trend redraws less often, down to one frame in MAX_TREND_EVERY, so
        # the event loop catches up instead of falling further behind.
        shown = self.isVisible()
        now = time.monotonic()
        frame_s = FRAME_MS / 1000
        if self._fast_frames_until and (self.series.ring.total or now > self._fast_frames_until):
            self._fast_frames_until = 0.0  # the first reading is in: the normal frame rate
            self.frame_timer.setInterval(FRAME_MS)
            self._last_tick = 0.0
        if self._last_tick and not self._fast_frames_until:
            late = max(0.0, now - self._last_tick - frame_s)
            self._lateness = 0.8 * self._lateness + 0.2 * late
        self._last_tick = now
        self._frame += 1
        text_frame = self._frame % TEXT_EVERY == 0 or first
        hist_frame = (not text_frame and self._frame % HIST_EVERY == TEXT_EVERY // 2
                      and self.histogram is not None and shown)
        self._since_trend += 1
        every = 1 + min(MAX_TREND_EVERY - 1, int(self._lateness / frame_s))
        due = self._since_trend >= every and not (hist_frame and self._since_trend < 2)
        if self.trend is not None and shown and due:
            self._since_trend = 0
            self.trend.refresh()
        # Text and histogram on different frames too. The very first reading is
        # shown at once: it is what someone who just opened the app waits for.
        if text_frame:
            self._update_text()
            self._refresh_description()
            self.session_panel.refresh()
        elif hist_frame and self.histogram is not None:
            self.histogram.refresh()
        if self.source is not None and self.start_button.isChecked() and not self.source.running:
            self._set_running_ui(False)

    def _on_event(self, kind: FeedEventKind, message: str) -> None:
        # Compose the sentence here, from the kind of news, so it is translated;
        # the source's own English text is only shown for errors (it has details).
        noun = self._device_noun()
        if kind in (FeedEventKind.LOST, FeedEventKind.RESTORED):
            self._set_stale(kind is FeedEventKind.LOST)
        if kind is FeedEventKind.LOST and self.series.ring.total == 0:
            self.news.emit(
                self.tr("The %1 does not answer. Check the cable and the address; "
                        "trying again…").replace("%1", noun), "warning", 0)
        elif kind is FeedEventKind.LOST:
            self.news.emit(
                self.tr("The %1 stopped answering. Readings so far are saved. Reconnecting…")
                .replace("%1", noun), "warning", 0)
        elif kind is FeedEventKind.RESTORED:
            self.news.emit(self.tr("The %1 answers again.").replace("%1", noun), "info", 4000)
            self._refresh_description()
        elif kind is FeedEventKind.ERROR:
            self.news.emit(translate_description(message), "error", 0)

    def _refresh_description(self) -> None:
        """Sources learn who they talk to only once connected (maker, model, serial)."""
        if self.source is None:
            return
        text = translate_description(self.source.description)
        if text != self.source_label.text():
            self.source_label.setText(text)
            self.descriptionChanged.emit(text)
        detail = getattr(self.source, "detail", "")
        if detail and self.source_label.toolTip() != detail:
            self.source_label.setToolTip(detail)

    def _set_stale(self, stale: bool) -> None:
        """Grey the readout while no readings come: an old number must not look live."""
        self.stale = stale
        self.readout.setProperty("stale", stale)
        repolish(self.readout)
        self._update_readout_info()
        self._update_text(force=True)

    def _alarm(self) -> None:
        """Beep once when the verdict turns FAIL (if enabled): eyes may be on the probes."""
        self.alarms += 1
        if self.sound_on_fail:
            QApplication.beep()

    def _device_noun(self) -> str:
        kind = getattr(self.source, "kind", "")
        if kind == "synthetic":
            return self.tr("synthetic signal")
        if kind == "simulated-bench":
            return self.tr("simulated multimeter")
        return self.tr("multimeter")

    def _update_text(self, *, force: bool = False) -> None:
        s = self.series
        unit = s.unit or self.setup().unit
        digits = digits_for_nplc(self.setup().nplc)
        if s.latest_overload:
            self.readout.setText(self.tr("OVERLOAD"))
        else:
            self.readout.setText(fmt_value(s.latest_value, unit, digits))
        # The badge shows the worst verdict since its last update, so a short
        # excursion is not hidden between two refreshes.
        worst = self._worst_since_text
        if worst == NO_VERDICT or force:
            worst = s.latest_verdict
        if self.stale:
            # A green PASS over a meter that no longer answers would mislead.
            self.badge.set_verdict(None, self.tr("no readings"))
        elif s.limit is None and worst not in (Verdict.OVERLOAD, Verdict.ERROR):
            hint = self.tr("invalid limit") if self.limit_message_text else self.tr("no limit")
            self.badge.set_verdict(None, hint)
        elif worst == NO_VERDICT:
            self.badge.set_verdict(None, self.tr("waiting"))
        else:
            if worst == Verdict.FAIL and self.badge.verdict != Verdict.FAIL:
                self._alarm()
            self.badge.set_verdict(Verdict(worst))
        self._worst_since_text = NO_VERDICT
        self.stats_panel.show_summary(s.summary(), unit, digits)
        if self.histogram is not None:
            self.histogram.reading_digits = digits  # its footer shows the same mean
        rate = 0.0 if self.stale else s.rate()
        self.rate_label.setText(self.tr("%1 readings/s").replace("%1", _fmt_rate(rate)))

    # -- persistence and export ----------------------------------------------------------
    def save_settings(self, settings: Settings) -> None:
        s = self.setup()
        settings.meter_function = s.function
        settings.meter_range = s.range
        settings.meter_nplc = s.nplc
        settings.meter_trigger = s.trigger
        settings.meter_limit = self.limit_edit.text()
        settings.meter_splitter = self.plot_splitter.saveState()
        settings.operator = self.operator_edit.text().strip()
        settings.dut_serial = self.dut_edit.text().strip()

    def restore_settings(self, settings: Settings) -> None:
        self._show_setup(setup_from_settings(settings))
        if self.source is not None:
            with contextlib.suppress(MeterlabError, ValueError):
                self.source.configure(self.setup())
        state = settings.meter_splitter
        if state is not None:
            self.plot_splitter.restoreState(state)
        self.operator_edit.setText(settings.operator)
        self.dut_edit.setText(settings.dut_serial)
        limit = settings.meter_limit
        if limit:
            self.apply_limit(limit)

    def export_csv(self, path: Path, done: Callable[[], None] | None = None) -> None:
        """Write the readings shown to CSV on a worker thread; its news goes to the window."""
        snap = snapshot(self.series)
        self.news.emit(self.tr("Exporting %1 readings…").replace("%1", str(len(snap["t"]))),
                       "info", 0)

        def saved(_result: object) -> None:  # back on the GUI thread
            self.news.emit(self.tr("Saved the readings to %1").replace("%1", str(path)),
                           "info", 6000)
            if done is not None:
                done()

        def failed(exc: BaseException) -> None:
            error = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.news.emit(
                self.tr("Could not write %1: %2. The readings are still here; "
                        "choose another place.").replace("%1", str(path)).replace(
                    "%2", error), "error", 0)
            if done is not None:
                done()

        run_in_background(lambda: write_readings_csv(path, snap), saved, failed, self,
                          "export-csv")


#: Sentences the Qt-free sources say (descriptions, fixed notices), marked here so
#: lupdate extracts them; messages with details (from drivers) stay as they are.
_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("Source", "Synthetic signal — no instrument connected"),
    QT_TRANSLATE_NOOP("Source", "Simulated bench — connect a real instrument from Instruments"),
    QT_TRANSLATE_NOOP(
        "Source",
        "Bus and external triggers are not supported yet: the multimeter keeps "
        "measuring on its own (immediate trigger).",
    ),
)


def translate_description(text: str) -> str:
    """A source's sentence in the user's language when the catalog knows it."""
    return QCoreApplication.translate("Source", text)


def _fmt_rate(rate: float) -> str:
    if rate >= 1000:
        return fmt_local(f"{rate / 1000:.1f} k")
    if rate >= 10:
        return f"{rate:.0f}"
    return fmt_local(f"{rate:.1f}")
