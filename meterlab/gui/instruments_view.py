"""The Instruments view: what is on the bench, who answered, and a console to each.

A table lists every address worth knowing — the in-process simulated bench
first, then the addresses used last time, then what VISA discovery finds —
with the role (from the matched profile), model, serial, firmware, profile,
address, where it was found and the connection state. Discovery and every
*IDN? run on worker threads and are bounded in time, so a dead USB stack or a
switched-off instrument never freezes the window.

Identifying an instrument does not keep it open (some instruments accept only
one LAN client, and the meter or scope view may need it); "Reconnect" and
"Console" open a connection this view holds until "Disconnect". A connection
that drops while the console uses it is reconnected by itself, and the state
column says so meanwhile.

Plugging it in (the main window)::

    view = InstrumentsView(backend=None, settings=window.settings,
                           simulated={"dmm": bench.dmm_resource,
                                      "scope": bench.scope_resource})
    window.add_view("instruments", tr("Instruments"), view)
    window.connect_news(view)                 # news(text, level, timeout_ms) → show_news
    view.use_dmm.connect(switch_meter_to)     # (resource) the user picked a multimeter
    view.use_scope.connect(switch_scope_to)   # (resource) the user picked an oscilloscope
    view.mark_in_use("dmm", resource)         # show which address the meter reads from
    view.backend_for(resource)                # the VISA backend chosen for that address

Picking a real instrument also stores its address (`Settings.dmm_resource` /
`scope_resource`), so it is offered first next time; simulated addresses are not
stored (their ports change every run).

Why one long module: the instruments tab's table, discovery, identify and console launch
act on one list of addresses; the table, tasks, text and console are in their own
modules.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meterlab.errors import ConnectionLost
from meterlab.gui import instruments_probe as probe
from meterlab.gui.console import ScpiConsole
from meterlab.gui.instruments_table import Entry, InstrumentTable
from meterlab.gui.instruments_text import State, describe_identity, error_text, fill, role_text
from meterlab.gui.settings import Settings
from meterlab.gui.tasks import TaskRunner
from meterlab.gui.views import View

RECONNECT_ATTEMPTS = 4


class InstrumentsView(QWidget, View):
    """Discovered and connected instruments, with a connect dialog and SCPI consoles.

    `backend`: the VISA library for discovery and new connections (None: pyvisa-py,
    or $METERLAB_VISA). `settings`: where the last-used addresses live (None: not
    remembered). `simulated`: role → address of the in-process simulated bench,
    listed first as "Simulated bench". `refresh_on_show`: search when first shown.
    """

    #: (text, level "info"|"warning"|"error", timeout_ms; 0 = until dismissed) for the window.
    news = Signal(str, str, int)
    #: The user picked this address for the multimeter view.
    use_dmm = Signal(str)
    #: The user picked this address for the oscilloscope view.
    use_scope = Signal(str)
    #: A row was added, identified or changed state (the table shows it already).
    changed = Signal()
    #: Discovery finished (identification of the rows may still be running).
    discovered = Signal()

    def __init__(
        self,
        *,
        backend: str | None = None,
        settings: Settings | QSettings | None = None,
        simulated: Mapping[str, str] | None = None,
        refresh_on_show: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("instrumentsView")
        self.backend = backend
        self.settings = Settings.wrap(settings) if settings is not None else None
        self.simulated = dict(simulated or {})
        self.entries: dict[str, Entry] = {}
        self.consoles: dict[str, ScpiConsole] = {}
        self._busy: set[str] = set()  # addresses with a job on a worker
        self._console_wanted: set[str] = set()
        self._in_use: dict[str, str] = {}  # role → address the meter/scope view reads from
        self._searching = False
        self._refresh_on_show = refresh_on_show
        self._runner = TaskRunner(self)
        self._build()
        self._selection_changed()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close_all)

    # -- construction ----------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(self.tr("Instruments"))
        title.setObjectName("viewTitle")
        self.status_label = QLabel()
        self.status_label.setObjectName("instrumentsStatus")
        self.status_label.setStyleSheet("color: #555555;")
        self.connect_button = QPushButton(self.tr("Connect…"))
        self.connect_button.setToolTip(self.tr("Type an address, choose the VISA library, test it"))
        self.connect_button.clicked.connect(self.open_connect_dialog)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(
            self.tr("Search for instruments again and ask each who it is"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.status_label, 1)
        top.addWidget(self.connect_button)
        top.addWidget(self.refresh_button)

        self.table = InstrumentTable()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_console())

        self.dmm_button = QPushButton(self.tr("Use as multimeter"))
        self.dmm_button.clicked.connect(lambda: self.use_as("dmm"))
        self.scope_button = QPushButton(self.tr("Use as oscilloscope"))
        self.scope_button.clicked.connect(lambda: self.use_as("scope"))
        self.reconnect_button = QPushButton(self.tr("Reconnect"))
        self.reconnect_button.setToolTip(self.tr("Open the connection again and ask *IDN?"))
        self.reconnect_button.clicked.connect(lambda: self.reconnect())
        self.console_button = QPushButton(self.tr("Console"))
        self.console_button.setToolTip(self.tr("Send SCPI commands to this instrument"))
        self.console_button.clicked.connect(lambda: self.open_console())
        self.disconnect_button = QPushButton(self.tr("Disconnect"))
        self.disconnect_button.setToolTip(
            self.tr("Close this view's connection and console (the meter and scope keep theirs)"))
        self.disconnect_button.clicked.connect(lambda: self.disconnect_instrument())
        actions = QHBoxLayout()
        for button in (self.dmm_button, self.scope_button):
            actions.addWidget(button)
        actions.addSpacing(16)
        for button in (self.reconnect_button, self.console_button, self.disconnect_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.detail_label = QLabel()
        self.detail_label.setObjectName("instrumentDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        upper = QWidget()
        lay = QVBoxLayout(upper)
        lay.setContentsMargins(8, 8, 8, 4)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(actions)
        lay.addWidget(self.detail_label)

        self.console_tabs = QTabWidget()
        self.console_tabs.setObjectName("consoleTabs")
        self.console_tabs.setTabsClosable(True)
        self.console_tabs.tabCloseRequested.connect(self._close_console_tab)
        self.console_tabs.hide()

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.console_tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._refresh_on_show:
            self._refresh_on_show = False
            QTimer.singleShot(0, self.refresh)

    # -- public --------------------------------------------------------------------------
    @property
    def searching(self) -> bool:
        return self._searching

    def backend_for(self, resource: str) -> str | None:
        """The VISA backend to open `resource` with (what the user chose when adding it)."""
        entry = self.entries.get(resource)
        return entry.backend if entry is not None else self.backend

    def set_simulated(self, simulated: Mapping[str, str] | None) -> None:
        """The in-process bench (re)started on new ports: list those and search again."""
        self.simulated = dict(simulated or {})
        for res in [r for r, e in self.entries.items()
                    if e.origin == probe.SIMULATED and r not in self.simulated.values()]:
            self._drop_connection(self.entries.pop(res))  # a late reply finds no entry
        self.table.remove_missing(set(self.entries))
        self.refresh()

    def remembered(self) -> list[str]:
        if self.settings is None:
            return []
        out = [self.settings.dmm_resource, self.settings.scope_resource]
        return [r for r in out if r]

    def refresh(self) -> None:
        """Search for instruments (bounded, on a worker) and identify each one found."""
        if self._searching:
            return
        self._searching = True
        self.refresh_button.setEnabled(False)
        self.status_label.setText(self.tr("Searching for instruments…"))
        backend, sim, last = self.backend, self.simulated, self.remembered()
        self._runner.submit(lambda: probe.discover(backend, simulated=sim, remembered=last),
                            self._discovered, name="discovery")

    def add_instrument(self, resource: str, backend: str | None = None, *,
                       connect: bool = True) -> None:
        """List an address typed by the user and connect to it (or only identify it)."""
        resource = resource.strip()
        if not resource:
            return
        entry = self.entries.get(resource)
        if entry is None:
            entry = Entry(resource, backend or self.backend, probe.MANUAL)
            entry.in_use = self._role_in_use(resource)
            self.entries[resource] = entry
        elif backend:
            entry.backend = backend
        self._show(entry)
        self.table.select_resource(resource)
        if connect:
            self.reconnect(resource)
        else:
            self._identify(entry)

    def use_as(self, role: str, resource: str | None = None) -> None:
        """Hand the address to the meter ("dmm") or scope ("scope") view; remember it."""
        entry = self._entry(resource)
        if entry is None:
            return
        if self.settings is not None and not entry.simulated:
            if role == "dmm":
                self.settings.dmm_resource = entry.resource
            else:
                self.settings.scope_resource = entry.resource
        who = (f"{entry.identity.model} ({entry.resource})" if entry.identity is not None
               else entry.resource)
        self.mark_in_use(role, entry.resource)
        if role == "dmm":
            self.news.emit(fill(self.tr("Multimeter: %1"), who), "info", 5000)
            self.use_dmm.emit(entry.resource)
        else:
            self.news.emit(fill(self.tr("Oscilloscope: %1"), who), "info", 5000)
            self.use_scope.emit(entry.resource)

    def mark_in_use(self, role: str, resource: str | None) -> None:
        """Show which address the meter ("dmm") or scope ("scope") view reads from now."""
        for entry in self.entries.values():
            if entry.in_use == role and entry.resource != resource:
                entry.in_use = ""
                self._show(entry)
        self._in_use[role] = resource or ""
        entry = self.entries.get(resource or "")
        if entry is not None:
            entry.in_use = role
            self._show(entry)

    def reconnect(self, resource: str | None = None) -> None:
        """Open (again) the selected address, keep the connection, and identify it."""
        entry = self._entry(resource)
        if entry is None or entry.resource in self._busy:
            return
        res, backend, conn = entry.resource, entry.backend, entry.conn
        self._busy.add(res)
        entry.state = State.RECONNECTING if conn is not None else State.ASKING
        entry.message = ""
        self._show(entry)

        def work() -> tuple[probe.Identity, object]:
            if conn is not None:
                conn.reconnect(attempts=RECONNECT_ATTEMPTS)
                return probe.identify_connection(conn), conn
            return probe.open_and_identify(res, backend, keep_open=True)

        self._runner.submit(work, lambda r, e: self._connected(res, r, e), name="connect")

    def open_console(self, resource: str | None = None) -> ScpiConsole | None:
        """Show the console of the selected instrument, connecting first if needed.

        Returns the console when it exists already; otherwise it appears (and
        `changed` fires) once the connection is open.
        """
        entry = self._entry(resource)
        if entry is None:
            return None
        console = self.consoles.get(entry.resource)
        if console is not None:
            self._show_console(console)
            return console
        if entry.conn is not None and entry.state == State.CONNECTED:
            return self._create_console(entry)
        self._console_wanted.add(entry.resource)
        self.reconnect(entry.resource)
        return None

    def disconnect_instrument(self, resource: str | None = None) -> None:
        """Close this view's console and connection to the address (on a worker).

        Not while a (re)connect to it runs: its result would open it again.
        """
        entry = self._entry(resource)
        if entry is None or entry.resource in self._busy:
            return
        self._drop_connection(entry)
        if entry.state in (State.CONNECTED, State.LOST, State.RECONNECTING):
            entry.state = State.AVAILABLE if entry.identity is not None else State.NO_ANSWER
        self._show(entry)

    def _drop_connection(self, entry: Entry) -> None:
        console = self.consoles.pop(entry.resource, None)
        if console is not None:
            self.console_tabs.removeTab(self.console_tabs.indexOf(console))
            console.deleteLater()
            self.console_tabs.setVisible(self.console_tabs.count() > 0)
        conn, entry.conn = entry.conn, None
        if conn is not None:
            self._runner.submit(conn.close, lambda _r, _e: None, name="disconnect")

    def open_connect_dialog(self) -> None:
        from meterlab.gui.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self, backend=self.backend, simulated=self.simulated,
                               remembered=self.remembered())
        if dialog.exec():
            self.add_instrument(dialog.resource(), dialog.backend())

    def shutdown(self) -> None:
        self.close_all()

    def close_all(self) -> None:
        """Close every connection this view holds (on workers: a hung one cannot block us)."""
        for entry in self.entries.values():
            conn, entry.conn = entry.conn, None
            if conn is not None:
                self._runner.submit(conn.close, lambda _r, _e: None, name="close")

    # -- worker results --------------------------------------------------------------------
    def _discovered(self, found: list[probe.Found] | None, error: BaseException | None) -> None:
        self._searching = False
        self.refresh_button.setEnabled(True)
        if error is not None:
            self.status_label.setText(error_text(error))
            self.discovered.emit()
            return
        listed = set()
        for item in found or []:
            listed.add(item.resource)
            entry = self.entries.get(item.resource)
            if entry is None:
                backend = "@py" if item.origin == probe.SIMULATED else self.backend
                entry = Entry(item.resource, backend, item.origin, item.label)
                entry.in_use = self._role_in_use(item.resource)
                self.entries[item.resource] = entry
            if entry.conn is None and entry.resource not in self._busy:
                if probe.is_serial_port(entry.resource):
                    entry.state = State.NOT_ASKED
                    entry.message = self.tr(
                        "Serial ports are not asked on their own; press Reconnect to ask *IDN?.")
                    self._show(entry)
                else:
                    self._identify(entry)
        for res, entry in list(self.entries.items()):  # gone, and nothing of ours holds it
            if res not in listed and entry.conn is None and entry.origin != probe.MANUAL \
                    and res not in self._busy:
                del self.entries[res]
        self.table.remove_missing(set(self.entries))
        n = len(self.entries)
        self.status_label.setText(
            self.tr("Nothing found — use Connect… to type an address.") if n == 0
            else fill(self.tr("%1 listed. A LAN instrument that is not listed can be added "
                              "with Connect…"), str(n)))
        if self.table.selected_resource() is None and self.entries:
            self.table.select_resource(next(iter(self.entries)))
        self.discovered.emit()
        self.changed.emit()

    def _identify(self, entry: Entry) -> None:
        res, backend = entry.resource, entry.backend
        self._busy.add(res)
        entry.state = State.ASKING
        self._show(entry)
        self._runner.submit(lambda: probe.open_and_identify(res, backend),
                            lambda r, e: self._identified(res, r, e), name="identify")

    def _identified(self, res: str, result: tuple[probe.Identity, None] | None,
                    error: BaseException | None) -> None:
        self._busy.discard(res)
        entry = self.entries.get(res)
        if entry is None:
            return
        if error is not None:
            entry.state, entry.message = State.NO_ANSWER, error_text(error)
        elif result is not None:
            entry.identity, entry.state = result[0], State.AVAILABLE
            entry.message = "" if result[0].kind else describe_identity(result[0])
        self._show(entry)
        self.changed.emit()

    def _connected(self, res: str, result: tuple[probe.Identity, object] | None,
                   error: BaseException | None) -> None:
        self._busy.discard(res)
        entry = self.entries.get(res)
        wanted = res in self._console_wanted
        self._console_wanted.discard(res)
        if entry is None:  # forgotten meanwhile: do not leak the connection
            if result is not None:
                result[1].close()  # type: ignore[attr-defined]
            return
        console = self.consoles.get(res)
        if error is not None:
            entry.message = error_text(error)
            entry.state = State.LOST if entry.conn is not None else State.NO_ANSWER
            if console is not None:
                console.note(entry.message, "error")
            if isinstance(error, ConnectionLost) or entry.conn is not None:
                self.news.emit(fill(self.tr("%1 is still not answering. Press Reconnect in "
                                            "Instruments to try again."), res), "warning", 0)
        elif result is not None:
            identity, conn = result
            entry.identity, entry.conn = identity, conn  # type: ignore[assignment]
            entry.state = State.CONNECTED
            entry.message = "" if identity.kind else describe_identity(identity)
            if console is not None:
                console.note(self.tr("Connected again."), "ok")
            if wanted:
                self._create_console(entry)
        self._show(entry)
        self.changed.emit()

    def _console_lost(self, res: str, message: str) -> None:
        entry = self.entries.get(res)
        if entry is None:
            return
        entry.state, entry.message = State.LOST, message
        self._show(entry)
        self.news.emit(fill(self.tr("The connection to %1 was lost. Reconnecting…"), res),
                       "warning", 8000)
        self.reconnect(res)

    # -- consoles ----------------------------------------------------------------------------
    def _create_console(self, entry: Entry) -> ScpiConsole:
        assert entry.conn is not None
        ident = entry.identity
        title = (f"{ident.maker} {ident.model} {ident.serial} — {entry.resource}"
                 if ident is not None else entry.resource)
        console = ScpiConsole(entry.conn, title=title, settings=self.settings)
        console.lost.connect(lambda message, r=entry.resource: self._console_lost(r, message))
        console.news.connect(self.news)
        self.consoles[entry.resource] = console
        tab = f"{ident.model} {ident.serial}".strip() if ident is not None else entry.resource
        self.console_tabs.addTab(console, tab)
        self._show_console(console)
        self.changed.emit()
        return console

    def _show_console(self, console: ScpiConsole) -> None:
        self.console_tabs.show()
        self.console_tabs.setCurrentWidget(console)
        console.command_line.setFocus()

    def _close_console_tab(self, index: int) -> None:
        console = self.console_tabs.widget(index)
        self.console_tabs.removeTab(index)
        for res, known in list(self.consoles.items()):
            if known is console:
                del self.consoles[res]
        if console is not None:
            console.deleteLater()
        self.console_tabs.setVisible(self.console_tabs.count() > 0)

    # -- table and buttons -----------------------------------------------------------------
    def _role_in_use(self, resource: str) -> str:
        return next((role for role, res in self._in_use.items() if res == resource), "")

    def _entry(self, resource: str | None) -> Entry | None:
        res = resource if resource is not None else self.table.selected_resource()
        return self.entries.get(res) if res is not None else None

    def _show(self, entry: Entry) -> None:
        self.table.show_entry(entry)
        if entry.resource == self.table.selected_resource():
            self._selection_changed()

    def _selection_changed(self) -> None:
        entry = self._entry(None)
        busy = entry is None or entry.resource in self._busy
        kind = entry.kind if entry is not None else ""
        self.dmm_button.setEnabled(kind == "dmm")
        self.scope_button.setEnabled(kind == "scope")
        for button, role in ((self.dmm_button, "dmm"), (self.scope_button, "scope")):
            button.setToolTip("" if kind == role or entry is None else fill(
                self.tr("This instrument is not a %1 (its profile says: %2)."),
                role_text(role).lower(), role_text(kind).lower()))
        self.reconnect_button.setEnabled(not busy)
        self.console_button.setEnabled(not busy or (entry is not None
                                                    and entry.resource in self.consoles))
        self.disconnect_button.setEnabled(not busy and entry is not None
                                          and entry.conn is not None)
        if entry is None:
            self.detail_label.setText(self.tr("Select an instrument to use it, reconnect it "
                                              "or open its SCPI console."))
        elif entry.message:
            self.detail_label.setText(entry.message)
        elif entry.identity is not None:
            self.detail_label.setText(describe_identity(entry.identity))
        else:
            self.detail_label.setText(entry.resource)
