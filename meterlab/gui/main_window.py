"""The main window: a banner for news, a tab per job, menus and shortcuts.

Views plug in with `add_view()`; the meter view is the first. Every view is a
QWidget that implements `views.View` (activate/deactivate, F5/F6, shutdown);
the window talks to its tabs through that interface only. Views may connect
their own `news` signal (text, level, timeout_ms) to the banner with
`connect_news()`.

The window must appear fast, so this module imports only Qt: numpy,
pyqtgraph and the views load in `build_views()`. With `defer_views=True` the
caller runs it later; `app.build_window()` does so right after the first paint.

Nor does the shell touch the `Qt` namespace (alignment flags, shortcut contexts):
the first use of any of its enums makes PySide6 build all of them, 11.5 ms of the
interpreter, which the meter's connection would wait for. The meter view uses it
anyway, built while the meter takes its first reading; what the shell needs from
it (`_widen_shortcuts`) waits until then. That is also why shortcuts are set with
`setShortcuts`: `setShortcut`'s overloads take a `Qt.Key`, and PySide6 builds the
namespace just to weigh them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meterlab.gui.banner import StatusBanner
from meterlab.gui.i18n import LANGUAGES
from meterlab.gui.settings import Settings

APP_NAME = "meterlab"

if TYPE_CHECKING:
    from meterlab.gui.meter_view import MeterView
    from meterlab.gui.sources import Source

@dataclass(frozen=True)
class Resources:
    """The instruments this window works with, for views that open their own connections."""

    dmm: str | None
    scope: str | None
    simulated: bool
    backend: str | None = None


def window_title(what: str) -> str:
    """The window's title: what it shows first, the app's name last, once.

    Qt appends the application's display name to every title that does not
    already end with it (`QPlatformWindow::formatWindowTitle`); putting the name
    last is the platform convention and keeps it from appearing twice.
    """
    return f"{what} — {APP_NAME}" if what else APP_NAME


class MainWindow(QMainWindow):
    """meterlab's window. `settings` defaults to the user's own store (`gui.settings`).

    `source` may be a `Source` or a callable returning one (called when the
    views are built, so opening an instrument does not delay the first paint).
    With `extra_views` the views listed in `views.VIEWS` (plan runner, …) are
    added after the meter; tests of the meter alone leave them out.
    """

    # A session was finished and saved by any view (a plan run, a meter log): its id.
    # The lab forwarder sends it on at once.
    sessionFinished = Signal(str)

    def __init__(
        self,
        source: Source | Callable[[], Source | None] | None = None,
        *,
        settings: Settings | QSettings | None = None,
        capacity: int | None = None,
        startup_message: str = "",
        defer_views: bool = False,
        autostart: bool = False,
        extra_views: bool = False,
        db_path: str | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = Settings.wrap(settings)
        self.banner = StatusBanner()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("viewTabs")
        self.tabs.setDocumentMode(True)
        self.views: dict[str, QWidget] = {}  # each also a `views.View`
        self._current_view: QWidget | None = None
        self.meter: MeterView | None = None
        self._source_arg = source
        self._capacity = capacity
        self._autostart = autostart
        self._extra_views = extra_views
        self._meter_paused_for_view = False
        self._pending_views: list[Any] = []
        self._views_built = False
        #: The source started before its view exists (`build_views`): closed on close.
        self._starting: Any = None
        self._after_views: list[Callable[[], None]] = []
        self._closed = False
        #: The simulated bench once the meter has moved to another instrument.
        self._bench: Any = None
        #: The scope picked in the Instruments view (None: the default one).
        self.scope_pick: str | None = None
        #: The session database the plan runner writes and the sessions view reads
        #: (None: the store's default in the user's data folder).
        self.db_path = db_path

        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.banner)
        lay.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.mode_label = QLabel()
        self.mode_label.setObjectName("modeLabel")
        self.statusBar().addPermanentWidget(self.mode_label)
        # Centred by its paragraph (a label's own alignment is a `Qt` flag: see above).
        starting = escape(self.tr("Starting the meter…"))
        self._placeholder = QLabel(f"<p align=\"center\">{starting}</p>")
        self.tabs.addTab(self._placeholder, self.tr("Meter"))
        self.setWindowTitle(window_title(""))
        self._build_actions()
        self.tabs.currentChanged.connect(self._tab_changed)
        self.resize(1400, 860)
        self._restore_geometry()
        if startup_message:
            self.banner.show_message(startup_message, "warning")
        if not defer_views:
            self.build_views()

    # -- views ----------------------------------------------------------------
    def build_views(self) -> None:
        """Create the meter view (numpy, pyqtgraph load here) and connect the source.

        With `autostart` the source starts measuring first, with the saved setup,
        into the feed the view then drains; in the app (`extra_views`) the view is
        built once the meter measures, while it takes its first reading. The
        meter's trend and histogram (pyqtgraph) and the other views follow once
        the first reading is on screen (see `startup.py`), one per turn of the
        event loop.
        """
        if self.meter is not None or self._starting is not None:
            return
        source = self._source_arg
        if callable(source) and not hasattr(source, "start"):
            source = source()
        feed = None
        if self._autostart and source is not None:
            from meterlab.gui.startup import start_early, when_source_settled

            feed = start_early(source, self.settings)
            if feed is not None and self._extra_views:
                self._starting = source
                when_source_settled(source, lambda: self._closed,
                                    lambda: self._build_meter_view(source, feed))
                return
        self._build_meter_view(source, feed)

    def _build_meter_view(self, source: Any, feed: Any) -> None:
        self._starting = None
        from meterlab.gui.meter_view import MeterView
        from meterlab.gui.series import DEFAULT_CAPACITY

        self.meter = MeterView(source, capacity=self._capacity or DEFAULT_CAPACITY,
                               db_path=self.db_path, feed=feed,
                               lazy_plots=feed is not None and self._extra_views)
        index = self.tabs.indexOf(self._placeholder)
        self.tabs.removeTab(index)
        self._placeholder.deleteLater()
        self.views["meter"] = self.meter
        self._widen_shortcuts()
        self.tabs.insertTab(0, self.meter, self.tr("Meter"))
        self.tabs.setCurrentIndex(0)
        self.connect_news(self.meter)
        self.meter.session_panel.sessionFinished.connect(self.sessionFinished)
        self.meter.runningChanged.connect(self.update_run_actions)
        self.meter.descriptionChanged.connect(self._source_identified)
        self._update_mode(source)
        self.meter.restore_settings(self.settings)
        self.meter.sound_on_fail = self.sound_action.isChecked()
        if self.settings.window_tab in self.views:
            self.show_view(self.settings.window_tab)
        if self._autostart and source is not None:
            self.meter.start()
        if self._extra_views:
            from meterlab.gui.startup import after_first_reading

            after_first_reading(lambda: self.meter, lambda: self._closed,
                                self._build_later_views)
        else:
            self._all_views_built()

    def _widen_shortcuts(self) -> None:
        """F5, F6, Ctrl+L: from any of the app's windows, once there is a meter to act on."""
        from PySide6.QtCore import Qt

        for a in self._meter_actions:
            a.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

    def after_views(self, call: Callable[[], None]) -> None:
        """Call `call` once every view is built (at once if they are).

        For what the window starts but nobody waits for (the lab forwarder): it then
        does not stand between the user and the first reading.
        """
        if self._views_built:
            call()
        else:
            self._after_views.append(call)

    def _all_views_built(self) -> None:
        self._views_built = True
        calls, self._after_views = self._after_views, []
        for call in calls:
            call()

    def _build_later_views(self) -> None:
        """The meter's plots, then the other views, one per turn of the event loop."""
        from PySide6.QtCore import QTimer

        from meterlab.gui.views import VIEWS

        self._pending_views = list(VIEWS)
        if self.meter is not None and not self.meter.plots_built:
            self.meter.build_plots()  # the first reading is on screen: now the trend
            QTimer.singleShot(50, self._build_next_view)  # let it draw once first
            return
        QTimer.singleShot(0, self._build_next_view)

    def _build_next_view(self) -> None:
        """One view per turn of the event loop: the meter keeps drawing in between."""
        from PySide6.QtCore import QCoreApplication, QTimer

        if self._closed:
            return
        if not self._pending_views:
            if self.settings.window_tab in self.views:
                self.show_view(self.settings.window_tab)
            self._all_views_built()
            return
        spec = self._pending_views.pop(0)
        title = QCoreApplication.translate("Views", spec.title)
        try:
            view = spec.create(self)
        except Exception as exc:  # a broken view must not take the meter down with it
            self.banner.show_message(
                self.tr("The %1 view could not start: %2").replace("%1", title)
                .replace("%2", str(exc) or type(exc).__name__), "error")
        else:
            self.add_view(spec.key, title, view)
            if hasattr(view, "news"):
                self.connect_news(view)
            if spec.key == "instruments":
                self._connect_instruments_view(view)
            if spec.pauses_meter and hasattr(view, "runningChanged"):
                view.runningChanged.connect(self._instruments_held)
        QTimer.singleShot(0, self._build_next_view)

    def _instruments_held(self, held: bool) -> None:
        """Another view (the plan runner) holds the instruments: the meter waits meanwhile."""
        if self.meter is None:
            return
        if held:
            self._meter_paused_for_view = self.meter.running
            if self._meter_paused_for_view:
                self.meter.stop()
        elif self._meter_paused_for_view:
            self._meter_paused_for_view = False
            self.meter.start()

    def resources(self) -> Resources:
        """The meter's instrument and the scope beside it (the simulated bench's, in demo)."""
        from meterlab.errors import MeterlabError

        source = self.meter.source if self.meter is not None else None
        bench = self.bench()
        try:
            dmm = getattr(source, "resource", None)
            if bench is not None:
                bench.dmm_resource  # noqa: B018  (a bench that could not start has none)
        except MeterlabError:  # the banner already says the simulated meter does not answer
            return Resources(None, None, True, "@py")
        if self.scope_pick is not None:
            scope = self.scope_pick
        elif bench is not None:
            scope = bench.scope_resource
        else:
            scope = self.settings.scope_resource or None
        if bench is not None and dmm in (None, bench.dmm_resource) and scope in (
                None, bench.scope_resource):
            return Resources(bench.dmm_resource, bench.scope_resource, True, "@py")
        return Resources(dmm, scope, False, getattr(source, "backend", None))

    def keep_bench(self, bench: Any) -> None:
        """Keep the simulated bench running after the meter moved off it (stopped on close)."""
        self._bench = bench

    def bench(self) -> Any:
        """The simulated bench the window started, if any (it outlives a switch of meter)."""
        if self._bench is not None:
            return self._bench
        source = self.meter.source if self.meter is not None else None
        return getattr(source, "bench", None)

    # -- instruments picked in the Instruments view (window_instruments.py) ----------
    def _connect_instruments_view(self, view: QWidget) -> None:
        from meterlab.gui import window_instruments

        window_instruments.connect_view(self, view)

    def use_dmm(self, resource: str) -> None:
        """Read from the multimeter at `resource` (picked in the Instruments view)."""
        from meterlab.gui import window_instruments

        window_instruments.use_dmm(self, resource)

    def use_scope(self, resource: str) -> None:
        """Show the oscilloscope at `resource` in the Scope tab (a new view for it)."""
        from meterlab.gui import window_instruments

        window_instruments.use_scope(self, resource)

    def add_view(self, key: str, title: str, widget: QWidget) -> int:
        """Add a tab (a `views.View`); `key` names it for `show_view()` and saved state."""
        widget.setObjectName(widget.objectName() or f"{key}View")
        self.views[key] = widget
        self.watch_running(widget)
        if hasattr(widget, "sessionFinished"):  # the plan runner: forwarded to the lab at once
            widget.sessionFinished.connect(self.sessionFinished)
        return self.tabs.addTab(widget, title)

    def watch_running(self, view: QWidget) -> None:
        """F5/F6 say Start or Stop for a view they drive, as its running state changes."""
        if getattr(view, "takes_run_keys", False) and hasattr(view, "runningChanged"):
            view.runningChanged.connect(self.update_run_actions)

    def show_view(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.views[key])

    def connect_news(self, view: QWidget) -> None:
        """Route a view's `news(text, level, timeout_ms)` signal to `show_news`."""
        view.news.connect(self.show_news)  # type: ignore[attr-defined]

    def show_news(self, text: str, level: str = "warning", timeout_ms: int | None = None) -> None:
        """Warnings and errors in the banner; passing news ("info") in the status bar.

        The banner sits above the views, so every view moves by its height when it comes
        and goes. For news that needs the technician's attention that is worth it; for a
        few seconds of "Logging to session …" it was not: when that hid itself, the scope's
        plot moved 35 px up under the pointer, and a hand reaching for the trigger marker
        grabbed where it had been (`bench_gui_drag.py`: 5–7 of 8 drags missed). Good news
        still ends the warning the banner shows (the meter answers again).
        """
        if level == "info":
            if self.banner.isVisible():
                self.banner.clear()
            self.statusBar().showMessage(text, timeout_ms or 0)
        else:
            self.banner.show_message(text, level, timeout_ms)

    def set_source(self, source: Source | None) -> None:
        if self.meter is None:
            self._source_arg = source
            return
        self.meter.set_source(source)
        self._update_mode(source)

    # -- menus and shortcuts -------------------------------------------------------
    def _meter_call(self, name: str) -> Callable[[], None]:
        """An action slot that waits for the meter view to exist."""

        def call() -> None:
            if self.meter is not None:
                getattr(self.meter, name)()

        return call

    def run_target(self) -> Any:
        """The view F5/F6 drive: the current tab if it `takes_run_keys`, else the meter."""
        current = self.tabs.currentWidget()
        if getattr(current, "takes_run_keys", False):
            return current
        return self.meter

    def _toggle_running(self) -> None:
        target = self.run_target()
        if target is not None:
            target.toggle_running()

    def _single(self) -> None:
        target = self.run_target()
        if target is not None:
            target.single()

    def _tab_changed(self, _index: int) -> None:
        """Tell the views which one is current, then name what F5/F6 do on it."""
        current = self.tabs.currentWidget()
        previous, self._current_view = self._current_view, current
        if previous is not current:
            if previous in self.views.values():
                previous.deactivate()  # type: ignore[union-attr]
            if current in self.views.values():
                current.activate()  # type: ignore[union-attr]
        self.update_run_actions()

    def _build_actions(self) -> None:
        m = self.menuBar()
        file_menu = m.addMenu(self.tr("&File"))
        self.export_action = QAction(self.tr("&Export readings…"), self)
        self.export_action.setShortcuts([QKeySequence("Ctrl+E")])
        self.export_action.triggered.connect(self.export_readings)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        measure = m.addMenu(self.tr("&Measure"))
        self.start_action = QAction(self.tr("&Start / stop"), self)
        self.start_action.setShortcuts([QKeySequence("F5")])
        self.start_action.triggered.connect(self._toggle_running)
        self.single_action = QAction(self.tr("Single &reading"), self)
        self.single_action.setShortcuts([QKeySequence("F6")])
        self.single_action.triggered.connect(self._single)
        limit_action = QAction(self.tr("Edit &limit"), self)
        limit_action.setShortcuts([QKeySequence("Ctrl+L")])
        limit_action.triggered.connect(self._focus_limit)
        clear_action = QAction(self.tr("&Clear readings"), self)
        clear_action.triggered.connect(self._meter_call("clear"))
        self._meter_actions = (self.start_action, self.single_action, limit_action, clear_action)
        for a in self._meter_actions:
            measure.addAction(a)

        view_menu = m.addMenu(self.tr("&View"))
        pause = QAction(self.tr("&Pause trend"), self)
        pause.setShortcuts([QKeySequence("Ctrl+P")])
        pause.triggered.connect(self._toggle_pause)
        follow = QAction(self.tr("&Follow newest"), self)
        follow.setShortcuts([QKeySequence("End")])
        follow.triggered.connect(self._follow)
        view_menu.addAction(pause)
        view_menu.addAction(follow)
        self.sound_action = QAction(self.tr("&Sound on FAIL"), self, checkable=True)
        self.sound_action.setChecked(self.settings.sound_on_fail)
        self.sound_action.toggled.connect(self._set_sound)
        view_menu.addAction(self.sound_action)
        lang_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = self.settings.language
        for code, name in [("", self.tr("System language")), *LANGUAGES.items()]:
            act = QAction(name, self, checkable=True)
            act.setChecked(code == current)
            act.setData(code)
            act.triggered.connect(lambda _=False, c=code: self._set_language(c))
            group.addAction(act)
            lang_menu.addAction(act)

        help_menu = m.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About meterlab"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _set_sound(self, on: bool) -> None:
        self.settings.sound_on_fail = on
        if self.meter is not None:
            self.meter.sound_on_fail = on

    def _toggle_pause(self) -> None:
        if self.meter is not None and self.meter.trend is not None:
            self.meter.trend.set_paused(not self.meter.trend.paused)

    def _follow(self) -> None:
        if self.meter is not None and self.meter.trend is not None:
            self.meter.trend.follow_newest()

    def _focus_limit(self) -> None:
        if self.meter is None:
            return
        self.show_view("meter")
        self.meter.limit_edit.setFocus()
        self.meter.limit_edit.selectAll()

    def _set_language(self, code: str) -> None:
        self.settings.language = code
        self.show_news(self.tr("The language changes the next time meterlab starts."), "info",
                       6000)

    def _about(self) -> None:
        from meterlab import __version__

        QMessageBox.about(
            self,
            self.tr("About meterlab"),
            self.tr("meterlab %1 — multimeters and oscilloscopes on the bench, judged "
                    "against their tolerances.").replace("%1", __version__),
        )

    def export_readings(self) -> None:
        if self.meter is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export readings"), str(self.settings.export_dir / "readings.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if not path:
            return
        self.settings.export_dir = Path(path).parent
        self.meter.export_csv(Path(path))

    # -- state ------------------------------------------------------------------
    def _update_mode(self, source: Source | None) -> None:
        from meterlab.gui.meter_view import translate_description

        if source is None:
            text = self.tr("No instrument connected")
            self.mode_label.setProperty("simulated", False)
        else:
            text = translate_description(source.description)
            self.mode_label.setProperty("simulated", source.simulated)
        self.mode_label.setText(("⚠ " if source is None or source.simulated else "● ") + text)
        self.setWindowTitle(window_title(text))

    def _source_identified(self, _text: str) -> None:
        source = self.meter.source if self.meter is not None else None
        self._update_mode(source)
        self._remember_resource(source)

    def _remember_resource(self, source: Source | None) -> None:
        """Remember a real multimeter's address for the next start (not the simulator's).

        Called once the meter has identified itself, so a mistyped address is
        not offered again next time.
        """
        resource = getattr(source, "resource", "")
        if resource and source is not None and not source.simulated:
            self.settings.dmm_resource = resource

    def update_run_actions(self, _running: bool = False) -> None:
        """F5/F6 name what they do to the view they drive (the scope on its tab)."""
        target = self.run_target()
        running = bool(target is not None and target.running)
        self.start_action.setText(self.tr("&Stop") if running else self.tr("&Start"))
        self.single_action.setEnabled(not running or target is not self.meter)

    def _restore_geometry(self) -> None:
        geometry = self.settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)

    def save_state(self) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        current = self.tabs.currentWidget()
        for key, widget in self.views.items():
            if widget is current:
                self.settings.window_tab = key
        if self.meter is not None:
            self.meter.save_settings(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        from meterlab.gui.qtcompat import release_collection

        self._closed = True
        release_collection()  # closed before all its views were built: start-up is over too
        self._pending_views = []
        self.save_state()
        meter = self.views.get("meter")
        for view in self.views.values():
            if view is not meter:
                view.shutdown()  # type: ignore[attr-defined]
        if meter is not None:  # last: it may own the in-process bench the others used
            meter.shutdown()  # type: ignore[attr-defined]
        elif self._starting is not None:  # closed before the meter view was built
            source, self._starting = self._starting, None
            source.stop()
            source.close()  # waits for its worker: none may be left inside pyvisa's loading
        if self._bench is not None:
            self._bench.stop()
            self._bench = None
        super().closeEvent(event)
