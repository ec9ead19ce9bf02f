"""The sessions view: browse what was measured, open one, export it, verify it.

Quality staff come here to answer "who measured unit SN-0042, with what, and
did it pass?" — and to hand the answer on as a file. Queries, exports and
verification run on worker threads (`gui.tasks`), so a large database
never freezes the window; pandas and the export writers load only when a
session is opened or exported. An empty or missing database is a normal
first-day state and is said so, not reported as an error.

Plug-in::

    view = SessionsView(db_path=None, settings=window.settings)
    window.add_view("sessions", tr("Sessions"), view)
    window.connect_news(view)
    plan_view.sessionFinished.connect(view.refresh)   # new runs appear at once
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meterlab.errors import MeterlabError
from meterlab.gui.plan_table import VerdictDelegate, status_word
from meterlab.gui.sessions_detail import SessionData, SessionDetail
from meterlab.gui.sessions_export import ExportDialog
from meterlab.gui.settings import Settings
from meterlab.gui.style import VERDICT_BG, VERDICT_FG, outcome_word, verdict_word
from meterlab.gui.tasks import run_in_background
from meterlab.gui.views import View
from meterlab.readings import Verdict

COLUMNS = ("id", "start", "operator", "dut", "plan", "status", "readings", "verdict", "counts")

_STYLE = """
QLabel#emptyState { color: #444444; font-size: 13pt; padding: 40px; }
QLabel#sessionsCount { color: #555555; }
QLabel#sessionHeader { font-size: 10pt; }
QTableWidget#sessionsTable { font-size: 10pt; }
"""


class SessionsView(QWidget, View):
    """Browse the session database at `db_path` (None = `METERLAB_DB` or the user data
    folder); `settings` remembers the export folder and format (None = the user's)."""

    #: (text, level "info"|"warning"|"error", timeout_ms) for the window's news (`show_news`).
    news = Signal(str, str, int)
    #: The sessions table was (re)filled; the int is the number of rows.
    refreshed = Signal(int)
    #: A session was opened in the detail panel (its id).
    opened = Signal(str)
    #: An export ended: (path, error text or "").
    exported = Signal(str, str)
    #: A verification ended: (session id, ok).
    verified = Signal(str, bool)

    def __init__(self, db_path: str | Path | None = None,
                 settings: Settings | QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionsView")
        self.setStyleSheet(_STYLE)
        from meterlab.store import default_db_path
        from meterlab.store_engine import is_url

        #: A bench's file (Path) or a lab database's URL (str): the view browses either.
        self.db_path: Any = (db_path.strip() if is_url(db_path) else
                             Path(db_path).expanduser() if db_path else default_db_path())
        self.settings = Settings.wrap(settings)
        self.sessions: list[Any] = []
        self.current: SessionData | None = None
        self.export_dialog: ExportDialog | None = None
        self.spc_panel: Any = None
        self._loading = ""
        self._generation = 0
        self._shown = False
        self._build()
        self.refresh()

    # -- construction -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.dut_edit = QLineEdit()
        self.dut_edit.setPlaceholderText(self.tr("DUT serial"))
        self.operator_edit = QLineEdit()
        self.operator_edit.setPlaceholderText(self.tr("operator"))
        for edit in (self.dut_edit, self.operator_edit):
            edit.setClearButtonEnabled(True)
            edit.returnPressed.connect(self.refresh)
        self.since_box = QCheckBox(self.tr("Since"))
        self.since_edit = QDateEdit(QDate.currentDate().addDays(-30))
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setEnabled(False)
        self.since_box.toggled.connect(self.since_edit.setEnabled)
        self.since_box.toggled.connect(self.refresh)
        self.since_edit.dateChanged.connect(self._since_changed)
        self.verdict_combo = QComboBox()
        self.verdict_combo.addItem(self.tr("any verdict"), None)
        for v in Verdict:
            self.verdict_combo.addItem(
                self.tr("with %1").replace("%1", f"{v.symbol} {verdict_word(v)}"), v.name)
        self.verdict_combo.currentIndexChanged.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the database again (also done each time "
                                               "this tab is shown)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Write the selected session(s) to CSV, XLSX, "
                                              "Parquet, JSON or a PDF report (Ctrl+Shift+E)"))
        self.export_button.clicked.connect(self.open_export_dialog)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setToolTip(self.tr("Recompute the session's hash chain: shows "
                                              "whether any record was altered since"))
        self.verify_button.clicked.connect(self.verify_selected)
        self.spc_button = QPushButton(self.tr("Statistics…"))
        self.spc_button.setToolTip(self.tr("Cp, Cpk and the control chart of a plan's checks "
                                           "across its sessions (as meterlab spc)"))
        self.spc_button.clicked.connect(self.open_spc)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Filter:")))
        bar.addWidget(self.dut_edit, 1)
        bar.addWidget(self.operator_edit, 1)
        bar.addWidget(self.since_box)
        bar.addWidget(self.since_edit)
        bar.addWidget(self.verdict_combo)
        bar.addWidget(self.refresh_button)
        bar.addSpacing(20)
        bar.addWidget(self.export_button)
        bar.addWidget(self.verify_button)
        bar.addWidget(self.spc_button)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("sessionsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("ID"), self.tr("Start (UTC)"), self.tr("Operator"), self.tr("DUT"),
            self.tr("Plan"), self.tr("Status"), self.tr("Readings"), self.tr("Outcome"),
            self.tr("Readings by verdict")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setStretchLastSection(True)
        for col, width in zip(range(len(COLUMNS)), (90, 160, 130, 250, 260, 90, 75, 140),
                              strict=False):
            self.table.setColumnWidth(col, width)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.setItemDelegateForColumn(COLUMNS.index("verdict"), VerdictDelegate(self.table))

        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.count_label = QLabel()
        self.count_label.setObjectName("sessionsCount")
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addLayout(bar)
        tv.addWidget(self.stack, 1)
        tv.addWidget(self.count_label)

        self.detail = SessionDetail()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 520])
        self.splitter = split
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        lay.addWidget(split)

        export = QShortcut(QKeySequence("Ctrl+Shift+E"), self)
        export.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        export.activated.connect(self.open_export_dialog)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to this tab shows the sessions recorded meanwhile (e.g. a plan run)."""
        super().showEvent(event)
        if self._shown:
            self.refresh()
        self._shown = True

    def _since_changed(self, *_args: object) -> None:
        if self.since_box.isChecked():
            self.refresh()

    # -- listing ------------------------------------------------------------------------------
    def filters(self) -> dict[str, Any]:
        since = None
        if self.since_box.isChecked():
            since = self.since_edit.date().toString("yyyy-MM-dd")
        return {"dut": self.dut_edit.text().strip() or None,
                "operator": self.operator_edit.text().strip() or None,
                "since": since, "verdict": self.verdict_combo.currentData()}

    def refresh(self, *_args: object) -> None:
        """Re-read the list with the current filters (on a worker thread)."""
        self._generation += 1
        generation = self._generation
        if isinstance(self.db_path, Path) and not self.db_path.exists():
            self._show_list([], missing=True)
            return
        filters = self.filters()
        path = self.db_path

        def work() -> list[Any]:
            from meterlab.lab_sync import reached_lab
            from meterlab.store import SessionStore

            with SessionStore(path) as store:
                return store.sessions(**filters), reached_lab(store)

        def done(result: tuple[list[Any], set[str] | None]) -> None:
            if generation == self._generation:  # a newer query supersedes this one
                self._reached = result[1] or set()
                self._show_list(result[0])

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._show_list([], error=_words(exc))

        run_in_background(work, done, failed, self, "sessions-list")

    def _show_list(self, sessions: list[Any], *, missing: bool = False, error: str = "") -> None:
        keep = {self.sessions[r].id for r in self._selected_rows()} if self.sessions else set()
        self.sessions = list(reversed(sessions))  # newest first: the one just measured on top
        self.table.setRowCount(len(self.sessions))
        for row, s in enumerate(self.sessions):
            self._fill_row(row, s)
        if error:
            self.empty.setText("⚠ " + error)
            self.news.emit(error, "error", 0)
        elif missing:
            self.empty.setText(self.tr(
                "No sessions yet.\n\nRuns from the Plan runner and readings you log from the "
                "Meter are recorded here, in\n%1").replace("%1", str(self.db_path)))
        elif not self.sessions and any(self.filters().values()):
            self.empty.setText(self.tr("No session matches these filters."))
        elif not self.sessions:
            self.empty.setText(self.tr(
                "No sessions yet.\n\nRuns from the Plan runner and readings you log from the "
                "Meter are recorded here, in\n%1").replace("%1", str(self.db_path)))
        self.stack.setCurrentWidget(self.table if self.sessions else self.empty)
        self.detail.setVisible(bool(self.sessions))
        if self.current is not None and all(s.id != self.current.info.id for s in self.sessions):
            self.current = None
            self.detail.show_session(None)
        self.count_label.setText(self.tr("%1 session(s) in %2").replace(
            "%1", str(len(self.sessions))).replace("%2", str(self.db_path)))
        if keep:
            for row, s in enumerate(self.sessions):
                if s.id in keep:
                    self.table.selectRow(row)
        self._update_buttons()
        self.refreshed.emit(len(self.sessions))

    def _fill_row(self, row: int, s: Any) -> None:
        dut = " · ".join(x for x in (s.dut_serial, s.dut_type) if x) or "—"
        plan = " ".join(x for x in (s.plan_name, s.plan_version and f"v{s.plan_version}") if x)
        status = status_word(s.status) + (" · " + self.tr("cal. expired") if s.cal_expired
                                          else "")
        lab = s.id in getattr(self, "_reached", ())
        if lab:
            status += " · ✔ " + self.tr("lab")
        counts = "  ".join(f"{Verdict[k].symbol} {n}" for k, n in s.counts.items() if n) or "—"
        cells = [s.short_id, s.start_utc[:19].replace("T", " "), s.operator or "—", dut,
                 plan or "—", status, str(s.n_readings), "", counts]
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(s.id if col == 0 else text)
            if col == 5 and lab:
                item.setToolTip(text + "\n" + self.tr("This session has reached the lab "
                                                       "database (meterlab sync)."))
            if col == 6:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == 5 and s.status != "complete":
                item.setForeground(Qt.GlobalColor.darkYellow)
            self.table.setItem(row, col, item)
        o = s.outcome
        item = QTableWidgetItem("—" if o is None else f"{o.symbol}  {outcome_word(o)}")
        if o is None:
            item.setToolTip(self.tr("No unit outcome: a log of readings without a plan, or "
                                    "a run still going"))
        else:
            from PySide6.QtGui import QBrush, QColor

            v = o.colour_verdict
            item.setBackground(QBrush(QColor(VERDICT_BG[v])))
            item.setForeground(QBrush(QColor(VERDICT_FG[v])))
            f = item.font()
            f.setBold(True)
            item.setFont(f)
            item.setToolTip(self.tr("The unit's outcome, decided when the session finished "
                                    "and stored with it"))
        self.table.setItem(row, COLUMNS.index("verdict"), item)

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectedItems()})

    def selected_ids(self) -> list[str]:
        return [self.sessions[r].id for r in self._selected_rows() if r < len(self.sessions)]

    def _update_buttons(self) -> None:
        ids = self.selected_ids()
        self.export_button.setEnabled(bool(ids))
        self.verify_button.setEnabled(bool(ids))

    # -- opening one ---------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        self._update_buttons()
        ids = self.selected_ids()
        if len(ids) == 1 and (self.current is None or self.current.info.id != ids[0]):
            self.open_session(ids[0])

    def open_session(self, session_id: str) -> None:
        """Load a session's readings on a worker thread and show them below the list."""
        path = self.db_path
        self._loading = session_id

        def work() -> SessionData:
            from meterlab.store import SessionStore

            with SessionStore(path) as store:
                return SessionData.load(store, session_id)

        def done(data: SessionData) -> None:
            if self._loading != session_id:
                return  # the person already chose another one
            self.current = data
            self.detail.show_session(data)
            self.opened.emit(data.info.id)

        def failed(exc: BaseException) -> None:
            self.news.emit(_words(exc), "error", 0)

        self.detail.header.setText(self.tr("Opening session %1…").replace("%1", session_id[:8]))
        run_in_background(work, done, failed, self, "session-open")

    # -- verify ----------------------------------------------------------------------------------
    def verify_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.verify(ids[0] if len(ids) == 1 else ids)

    def verify(self, session_ids: str | list[str]) -> None:
        """Recompute hash chains on a worker thread; the result shows under the header."""
        ids = [session_ids] if isinstance(session_ids, str) else list(session_ids)
        path = self.db_path

        def work() -> list[Any]:
            from meterlab.store import SessionStore

            with SessionStore(path) as store:
                out = []
                for sid in ids:
                    out += store.verify(sid)
                return out

        def done(results: list[Any]) -> None:
            bad = [r for r in results if not r.ok]
            for r in results:
                if self.current is not None and r.session_id == self.current.info.id:
                    self.detail.set_verify(r)
                self.verified.emit(r.session_id, r.ok)
            if bad:
                names = ", ".join(r.session_id[:8] for r in bad)
                self.news.emit(self.tr("%1 of %2 session(s) were ALTERED after recording: %3. "
                                       "Details under the session.")
                               .replace("%1", str(len(bad))).replace("%2", str(len(results)))
                               .replace("%3", names), "error", 0)
            else:
                self.news.emit(self.tr("%1 session(s) verified: every record is as it was "
                                       "written.").replace("%1", str(len(results))), "info", 6000)

        def failed(exc: BaseException) -> None:
            self.news.emit(_words(exc), "error", 0)

        run_in_background(work, done, failed, self, "sessions-verify")

    # -- statistics ----------------------------------------------------------------------------
    def open_spc(self) -> Any:
        """The SPC panel (non-modal) on this database, on the selected session's plan."""
        from meterlab.gui.spc_panel import SpcPanel  # pyqtgraph's charts load here

        plans = sorted({s.plan_name for s in self.sessions if s.plan_name})
        ids = self.selected_ids()
        plan = next((s.plan_name for s in self.sessions if ids and s.id == ids[0]), "")
        if self.spc_panel is not None:
            self.spc_panel.close()
            self.spc_panel.deleteLater()
        self.spc_panel = SpcPanel(self.db_path, plans, plan or "", self)
        self.spc_panel.show()
        if self.spc_panel.plan_combo.currentText():
            self.spc_panel.compute()
        return self.spc_panel

    # -- export ------------------------------------------------------------------------------------
    def open_export_dialog(self) -> ExportDialog | None:
        """Ask for format and file (non-blocking dialog); the export runs when accepted."""
        ids = self.selected_ids()
        if not ids:
            self.news.emit(self.tr("Select one or more sessions to export."), "info", 4000)
            return None
        folder = str(self.settings.sessions_export_dir)
        fmt = self.settings.sessions_export_format or "csv"
        first = next(s for s in self.sessions if s.id == ids[0])
        name = "_".join(x for x in ("session", first.dut_serial, first.short_id) if x)
        name = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)
        dialog = ExportDialog(ids, folder, name, self, fmt=fmt)
        # Bound methods, not lambdas: a lambda holding `self` would tie the view and the
        # dialog into a reference cycle that Python might collect on a worker thread.
        dialog.accepted.connect(self._export_accepted)
        dialog.finished.connect(dialog.deleteLater)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def _export_accepted(self) -> None:
        dialog = self.export_dialog
        if dialog is not None:
            self.export(dialog.session_ids, dialog.path, dialog.fmt)

    def export(self, session_ids: list[str], path: str | Path, fmt: str) -> None:
        """Write the sessions to `path` in `fmt` on a worker thread; news says how it went."""
        path = Path(path)
        self.settings.sessions_export_dir = path.parent
        self.settings.sessions_export_format = fmt
        db = self.db_path
        from meterlab.gui.fmt import ui_language

        lang = ui_language() or "en"  # the PDF report speaks the app's language

        def work() -> Path:
            from meterlab.export import export_sessions  # pandas and friends load here
            from meterlab.store import SessionStore

            with SessionStore(db) as store:
                return export_sessions(store, session_ids, path, fmt, lang)

        def done(out: Path) -> None:
            self.news.emit(self.tr("Exported %1 session(s) to %2").replace(
                "%1", str(len(session_ids))).replace("%2", str(out)), "info", 8000)
            self.exported.emit(str(out), "")

        def failed(exc: BaseException) -> None:
            text = _words(exc)
            self.news.emit(text, "error", 0)
            self.exported.emit(str(path), text)

        self.news.emit(self.tr("Exporting to %1…").replace("%1", str(path)), "info", 0)
        run_in_background(work, done, failed, self, "sessions-export")


def _words(exc: BaseException) -> str:
    """An error for the person at the bench: ours speak already; others get a frame."""
    from PySide6.QtCore import QCoreApplication

    if isinstance(exc, MeterlabError):
        return str(exc)
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "SessionsView", "Could not read or write a file: %1. Nothing in the database "
            "was changed.").replace("%1", str(exc.strerror or exc))
    return QCoreApplication.translate(
        "SessionsView", "Something went wrong (%1). The database is unchanged.").replace(
        "%1", f"{type(exc).__name__}: {exc}")
