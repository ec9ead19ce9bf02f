"""The plan runner view: pick a plan, say who and which DUT, run it check by check.

The run lives on a worker thread (`plan_worker.PlanRunWorker`); this view only
shows what it reports and passes the person's clicks back. Each check's prompt
("Place the probes on 3V3 and GND.") is shown large enough to read while
holding probes; with real instruments the run waits for "Measure" (Enter) or
"Skip", with the simulated bench the probes move by themselves. The verdict
table fills row by row, any measured row can be retried, and the unit's final
verdict is one big badge. The run is recorded as a session from the first
check on; "Finish" closes it (so retries still land in the same session).

Plug-in::

    view = PlanView(dmm_resource, scope_resource, simulated=True, db_path=None,
                    backend=None, settings=window.settings)
    window.add_view("plan", tr("Plan runner"), view)
    window.connect_news(view)

Why one long module: the plan runner's table, prompts, retry and badge follow one run's
events in order; its pieces (plan_table, plan_prompt, plan_worker, plan_screenshots) are
already apart.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meterlab.errors import MeterlabError
from meterlab.gui.badge import VerdictBadge
from meterlab.gui.plan_prompt import STYLE as PROMPT_STYLE
from meterlab.gui.plan_prompt import PromptPanel, prompt_text
from meterlab.gui.plan_table import PlanTable, status_word
from meterlab.gui.plan_worker import EventKind, PlanRunWorker, RunConfig, RunEvent
from meterlab.gui.polish import repolish
from meterlab.gui.settings import Settings
from meterlab.gui.style import outcome_word, verdict_word
from meterlab.gui.views import View
from meterlab.outcome import Outcome
from meterlab.plan import Check, Plan, list_plans, load_plan
from meterlab.readings import Verdict
from meterlab.runner import RunResult

POLL_MS = 50

_STYLE = """
QPushButton#runButton { font-weight: 700; padding: 6px 18px; }
QLabel#runSummary { font-size: 12pt; color: #222222; }
QLabel#sessionLabel { color: #444444; }
QLabel#planInfo { color: #444444; }
QLabel#planMessage { color: #A63A00; font-weight: 600; }
QLabel#instrumentLabel { color: #333333; }
QLabel#instrumentLabel[simulated="true"] { color: #8A4B00; font-weight: 600; }
QTableWidget#planTable { font-size: 11pt; }
QLabel#verdictBadge { font-size: 34pt; font-weight: 800; padding: 14px 22px;
                      border-radius: 12px; min-height: 84px; }
QLabel#verdictBadge[placeholder="true"] { font-size: 16pt; font-weight: 600; }
"""


class PlanView(QWidget, View):
    """The plan runner tab.

    `dmm_resource` / `scope_resource`: VISA resources of the instruments the run
    opens for itself (None = not connected; checks needing it end in ERROR with
    a sentence saying so). `simulated=True` means they belong to the simulated
    bench, whose probes the run moves itself. `db_path`: the session database
    (None = `METERLAB_DB` or the user data folder). `backend`: the VISA backend
    ("@py" by default). `settings`: where operator, last plan and the step option
    are remembered (None = the user's QSettings).
    """

    #: (text, level "info"|"warning"|"error", timeout_ms) for the window's banner.
    news = Signal(str, str, int)
    #: True while a run holds the instruments (e.g. to pause a live meter).
    runningChanged = Signal(bool)
    #: A session was closed (its full id): the sessions view may refresh.
    sessionFinished = Signal(str)

    def __init__(
        self,
        dmm_resource: str | None = None,
        scope_resource: str | None = None,
        *,
        simulated: bool = False,
        db_path: str | Path | None = None,
        backend: str | None = None,
        settings: Settings | QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planView")
        self.setStyleSheet(PROMPT_STYLE + _STYLE)
        self.settings = Settings.wrap(settings)
        self.db_path = str(db_path) if db_path else None
        self.backend = backend
        self.dmm_resource = dmm_resource
        self.scope_resource = scope_resource
        self.simulated = simulated
        self.plan: Plan | None = None
        self.worker: PlanRunWorker | None = None
        self.session_id = ""
        self.run_result: RunResult | None = None
        #: The unit's outcome on the badge: a preview while retries are possible, then the
        #: one stored with the session (decided by meterlab.bench, never here).
        self.final: Outcome | None = None
        self._state = "idle"   # idle | running | review | finishing
        self._waiting = False
        self._run_after_finish = False
        self._run_serial = ""
        self._paused: list[QWidget] = []
        #: Failed units seen (the sound is optional, the count is not).
        self.alarms = 0
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._drain)
        self._fill_plans()
        self.set_instruments(dmm_resource, scope_resource, simulated=simulated)
        self._set_state("idle")
        app = QCoreApplication.instance()
        if app is not None:
            # Child widgets get no close event when the window closes: close the session here.
            app.aboutToQuit.connect(self.shutdown)

    # -- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        self.plan_combo = QComboBox()
        self.plan_combo.setObjectName("planCombo")
        self.plan_combo.setMinimumWidth(260)
        self.plan_combo.activated.connect(self._plan_chosen)
        self.open_button = QPushButton(self.tr("Open file…"))
        self.open_button.setToolTip(self.tr("Run a plan file from another folder"))
        self.open_button.clicked.connect(self._open_file)
        self.plan_info = QLabel()
        self.plan_info.setObjectName("planInfo")
        self.plan_info.setWordWrap(True)
        self.plan_message = QLabel()
        self.plan_message.setObjectName("planMessage")
        self.plan_message.setWordWrap(True)
        self.plan_message.hide()

        self.operator_edit = QLineEdit(self.settings.operator)
        self.operator_edit.setObjectName("operatorEdit")
        self.operator_edit.setPlaceholderText(self.tr("your name"))
        self.serial_edit = QLineEdit()
        self.serial_edit.setObjectName("serialEdit")
        self.serial_edit.setPlaceholderText(self.tr("e.g. SN-0042"))
        self.serial_edit.returnPressed.connect(self.start_run)
        self.rule_combo = QComboBox()
        self.rule_combo.setObjectName("ruleCombo")
        self.rule_combo.addItem(self.tr("Plan default"), None)
        self.rule_combo.addItem(self.tr("Simple acceptance"), "simple")
        self.rule_combo.addItem(self.tr("Guarded (guard band from the meter's accuracy)"),
                                "guarded")
        self.step_box = QCheckBox(self.tr("Wait for me at each check"))
        self.step_box.setToolTip(self.tr(
            "With the simulated bench the probes move by themselves; tick this to confirm "
            "each check yourself. With real instruments the run always waits."))
        self.step_box.setChecked(self.settings.plan_step)
        self.run_button = QPushButton(self.tr("▶  Run"))
        self.run_button.setObjectName("runButton")
        self.run_button.clicked.connect(self.start_run)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after the current measurement; the session "
                                            "is kept and marked aborted"))
        self.stop_button.clicked.connect(self.stop_run)
        self.finish_button = QPushButton(self.tr("Finish"))
        self.finish_button.setToolTip(self.tr("Close the session with the results shown"))
        self.finish_button.clicked.connect(self.finish_run)
        self.instrument_label = QLabel()
        self.instrument_label.setObjectName("instrumentLabel")
        self.instrument_label.setWordWrap(True)

        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.addWidget(QLabel(self.tr("Plan")), 0, 0)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.plan_combo, 1)
        plan_row.addWidget(self.open_button)
        form.addLayout(plan_row, 0, 1)
        form.addWidget(self.plan_info, 0, 2, 1, 3)
        form.addWidget(QLabel(self.tr("Operator")), 1, 0)
        form.addWidget(self.operator_edit, 1, 1)
        form.addWidget(QLabel(self.tr("DUT serial")), 1, 2)
        form.addWidget(self.serial_edit, 1, 3)
        form.addWidget(QLabel(self.tr("Decision rule")), 2, 0)
        form.addWidget(self.rule_combo, 2, 1)
        form.addWidget(self.step_box, 2, 2, 1, 2)
        form.addWidget(self.plan_message, 3, 0, 1, 5)
        form.setColumnStretch(1, 2)
        form.setColumnStretch(3, 2)
        form.setColumnStretch(4, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.run_button)
        row = QHBoxLayout()
        row.addWidget(self.stop_button)
        row.addWidget(self.finish_button)
        buttons.addLayout(row)
        buttons.addWidget(self.instrument_label)
        head = QHBoxLayout()
        head.addLayout(form, 1)
        head.addSpacing(12)
        head.addLayout(buttons)

        # The prompt: what to do now, readable from arm's length.
        self.prompt = PromptPanel()
        self.prompt_frame = self.prompt
        self.prompt_step = self.prompt.step
        self.prompt_label = self.prompt.text
        self.prompt_hint = self.prompt.hint
        self.measure_button = self.prompt.measure_button
        self.measure_button.clicked.connect(self.measure)
        self.skip_button = self.prompt.skip_button
        self.skip_button.clicked.connect(self.skip)

        # The unit's verdict.
        self.badge = VerdictBadge()
        self.badge.setMinimumWidth(260)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("runSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.session_label = QLabel()
        self.session_label.setObjectName("sessionLabel")
        self.session_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.session_label.setWordWrap(True)
        self.session_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        verdict_box = QVBoxLayout()
        verdict_box.addStretch(1)
        verdict_box.addWidget(self.badge)
        verdict_box.addWidget(self.summary_label)
        verdict_box.addWidget(self.session_label)
        verdict_box.addStretch(1)
        verdict_w = QWidget()
        verdict_w.setLayout(verdict_box)
        verdict_w.setFixedWidth(300)
        top = QHBoxLayout()
        top.addWidget(self.prompt_frame, 1)
        top.addWidget(verdict_w)

        self.table = PlanTable()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.retry_selected)
        self.retry_button = QPushButton(self.tr("Retry selected check"))
        self.retry_button.setToolTip(self.tr("Measure the selected check again; its row shows "
                                             "the new result (the session keeps both)"))
        self.retry_button.clicked.connect(self.retry_selected)
        table_bar = QHBoxLayout()
        table_bar.addWidget(self.retry_button)
        table_bar.addStretch(1)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        lay.addLayout(head)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(table_bar)

        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self._enter_pressed)

    # -- instruments and plans ----------------------------------------------------------------
    def set_instruments(self, dmm_resource: str | None, scope_resource: str | None, *,
                        simulated: bool) -> None:
        """Point the next run at other instruments (the window calls this on reconnects)."""
        self.dmm_resource = dmm_resource or None
        self.scope_resource = scope_resource or None
        self.simulated = simulated
        if simulated:
            text = self.tr("Simulated bench — the probes move by themselves")
        else:
            parts = []
            if self.dmm_resource:
                parts.append(self.tr("Multimeter %1").replace("%1", self.dmm_resource))
            if self.scope_resource:
                parts.append(self.tr("Scope %1").replace("%1", self.scope_resource))
            text = " · ".join(parts) or self.tr("No instruments connected")
        self.instrument_label.setText(text)
        self.instrument_label.setProperty("simulated", simulated)
        repolish(self.instrument_label)
        self.step_box.setEnabled(simulated)
        if self._state == "idle":
            self._show_idle_prompt()

    def _fill_plans(self) -> None:
        self.plan_combo.clear()
        for path in list_plans():
            self.plan_combo.addItem(path.stem, str(path))
            self.plan_combo.setItemData(self.plan_combo.count() - 1, str(path),
                                        Qt.ItemDataRole.ToolTipRole)
        last = self.settings.last_plan
        index = self.plan_combo.findData(last) if last else -1
        if last and index < 0 and Path(last).is_file():
            self.plan_combo.addItem(Path(last).stem, last)
            index = self.plan_combo.count() - 1
        if index < 0:
            index = max(0, self.plan_combo.findText("iot-sensor-node"))
        if self.plan_combo.count():
            self.plan_combo.setCurrentIndex(index)
            self._plan_chosen(index)
        else:
            self._plan_problem(self.tr("No plans found in limits/. Open a plan file."))

    def _plan_chosen(self, index: int) -> None:
        path = self.plan_combo.itemData(index)
        if path:
            self.load(path)

    def _open_file(self) -> None:
        start = str(self.settings.plan_dir)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a plan"), start,
                                              self.tr("Plans (*.toml)"))
        if not path:
            return
        self.settings.plan_dir = Path(path).parent
        index = self.plan_combo.findData(path)
        if index < 0:
            self.plan_combo.addItem(Path(path).stem, path)
            index = self.plan_combo.count() - 1
        self.plan_combo.setCurrentIndex(index)
        self.load(path)

    def load(self, path: str | Path) -> bool:
        """Load and show a plan file; a broken file is said under the field, not in a dialog."""
        if self._state not in ("idle", "review"):
            return False
        try:
            plan = load_plan(path)
        except MeterlabError as exc:
            self.plan = None
            self.table.setRowCount(0)
            self._plan_problem(str(exc))
            self._update_buttons()
            return False
        self.plan = plan
        self.settings.last_plan = str(path)
        self.plan_message.hide()
        n = len(plan.checks)
        bits = [f"<b>{_esc(plan.name)}</b>"]
        if plan.version:
            bits.append("v" + _esc(plan.version))
        if plan.dut:
            bits.append(_esc(plan.dut))
        bits.append(self.tr("%n check(s)", "", n))
        self.plan_info.setText(" · ".join(bits))
        self.plan_info.setToolTip(plan.description or plan.path)
        rules = {"simple": self.tr("simple"), "guarded": self.tr("guarded")}
        self.rule_combo.setItemText(0, self.tr("Plan default (%1)")
                                    .replace("%1", rules.get(plan.rule, plan.rule)))
        self.table.set_plan(plan)
        if self._state == "review":
            return True
        self._reset_verdict()
        self._show_idle_prompt()
        self._update_buttons()
        return True

    def _plan_problem(self, text: str) -> None:
        self.plan_info.setText("")
        self.plan_message.setText("⚠ " + text)
        self.plan_message.show()

    # -- running ---------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._state in ("running", "finishing")

    @property
    def waiting(self) -> bool:
        """True while a check waits for Measure or Skip."""
        return self._waiting

    def start_run(self) -> None:
        """Start the selected plan; in review, the open session is finished first."""
        if self._state == "review":
            self._run_after_finish = True
            self.finish_run()
            return
        if self._state != "idle":
            return
        if self.plan is None:
            self.news.emit(self.tr("Choose a plan that loads without problems first."),
                           "warning", 6000)
            return
        serial = self.serial_edit.text().strip()
        if not serial:
            self.serial_edit.setFocus()
            self._plan_problem(self.tr("Enter the DUT serial number: the session must say "
                                       "which unit was measured."))
            return
        # Re-read the file: what is recorded (and hashed) must be what runs now.
        path = self.plan.path
        if path and Path(path).is_file() and not self.load(path):
            return
        self.plan_message.hide()
        operator = self.operator_edit.text().strip()
        self.settings.operator = operator
        self.settings.plan_step = self.step_box.isChecked()
        config = RunConfig(
            dmm_resource=self.dmm_resource, scope_resource=self.scope_resource,
            simulated=self.simulated, operator=operator, dut_serial=serial,
            rule=self.rule_combo.currentData(), step=self.step_box.isChecked(),
            db_path=self.db_path, backend=self.backend)
        self.table.set_plan(self.plan)
        self._reset_verdict()
        self.session_id = ""
        self.run_result = None
        self._set_prompt(self.tr("Connecting to the instruments…"), "", "", waiting=False)
        self._run_serial = serial
        self._hold_instruments()
        self.worker = PlanRunWorker(self.plan, config)
        self._set_state("running")
        self.worker.start()
        self._timer.start()

    def measure(self) -> None:
        if self.worker is not None and self._waiting:
            self._waiting = False
            self._update_buttons()
            self.worker.measure()

    def skip(self) -> None:
        if self.worker is not None and self._waiting:
            self._waiting = False
            self._update_buttons()
            self.worker.skip()

    def retry(self, check_id: str) -> None:
        """Measure `check_id` again in this session (only once it has a result)."""
        if self.worker is None or self._state not in ("running", "review"):
            return
        if self.table.results.get(check_id) is None:
            return
        self.worker.retry(check_id)
        if self._state == "review":
            self._set_state("running")

    def retry_selected(self, *_args: object) -> None:
        cid = self.table.selected_check()
        if cid:
            self.retry(cid)

    def finish_run(self) -> None:
        if self.worker is not None and self._state == "review":
            self._set_state("finishing")
            self.worker.finish()

    def stop_run(self) -> None:
        if self.worker is not None and self._state in ("running", "review"):
            self._waiting = False
            self._set_state("finishing")
            self._set_prompt(self.tr("Stopping after the current measurement…"), "", "",
                             waiting=False)
            self.worker.stop()

    def shutdown(self, timeout_s: float = 5.0) -> None:
        """Stop a run and wait briefly for the session to close (call on window close)."""
        self._paused = []  # the window is closing: nothing to resume
        worker = self.worker
        if worker is None:
            return
        worker.stop()
        worker.join(timeout_s)
        self._drain()
        self._timer.stop()

    def _hold_instruments(self) -> None:
        """Pause the window's live views (meter, scope) while the run uses their instruments.

        An instrument cannot serve two masters: a meter streaming readings while
        the run reconfigures it gives wrong counts and settings conflicts. Views
        are found in the window's `views` and paused with their own `stop()`;
        `_release_instruments()` restarts them when the session is closed.
        """
        self._paused = []
        views = getattr(self.window(), "views", None)
        if not isinstance(views, dict):
            return
        for view in views.values():
            if view is self or not getattr(view, "running", False):
                continue
            stop = getattr(view, "stop", None)
            if callable(stop):
                stop()
                self._paused.append(view)
        if self._paused:
            self.news.emit(self.tr("The live views are paused while the plan runs; they go on "
                                   "when the session is closed."), "info", 6000)

    def _release_instruments(self) -> None:
        paused, self._paused = self._paused, []
        for view in paused:
            start = getattr(view, "start", None) or getattr(view, "run", None)
            if callable(start):
                with contextlib.suppress(Exception):
                    start()

    def _enter_pressed(self) -> None:
        if self._waiting:
            self.measure()
        elif self._state == "idle" and self.serial_edit.hasFocus():
            self.start_run()

    # -- events from the worker -------------------------------------------------------------
    def _drain(self) -> None:
        worker = self.worker
        if worker is None:
            self._timer.stop()
            return
        for event in worker.events():
            self._on_event(event)

    def _on_event(self, ev: RunEvent) -> None:
        kind = ev.kind
        if kind is EventKind.STATUS:
            what = self.tr("multimeter") if ev.text == "dmm" else self.tr("oscilloscope")
            self._set_prompt(self.tr("Connecting to the %1…").replace("%1", what), "", "",
                             waiting=False)
        elif kind is EventKind.SESSION:
            self.session_id = ev.text
            self.session_label.setText(self.tr("Recording session %1").replace(
                "%1", ev.text[:8]))
            self.session_label.setToolTip(ev.text)
        elif kind is EventKind.PROMPT and ev.check is not None:
            self._show_prompt(ev.check, ev.waiting, ev.retry)
        elif kind is EventKind.MEASURING and ev.check is not None:
            self._waiting = False
            self.table.mark_current(ev.check)
            self.prompt_hint.setText(self.tr("Measuring…"))
            self.prompt.set_waiting(False)
            self._update_buttons()
        elif kind is EventKind.RESULT and ev.result is not None:
            self._waiting = False
            self.table.mark_current(None)
            self.table.show_result(ev.result, retry=ev.retry)
            r = ev.result
            if r.verdict is Verdict.ERROR and not r.skipped and r.message:
                self.news.emit(self.tr("Check %1 could not be measured: %2")
                               .replace("%1", r.check.id).replace("%2", r.message), "error", 0)
            self._update_buttons()
        elif kind is EventKind.RETRY_CANCELLED and ev.check is not None:
            self.table.mark_current(None)
            self.news.emit(self.tr("Retry of %1 skipped; its earlier result stands.")
                           .replace("%1", ev.check.id), "info", 5000)
        elif kind is EventKind.DONE and ev.run is not None:
            self._show_final(ev.run, ev.outcome)
            if self.final is Outcome.FAIL:
                self._alarm()
            self._set_state("review")
            self._set_prompt(self.tr("All checks done."), "",
                             self.tr("Retry a row if a probe slipped, then Finish to close the "
                                     "session (Run starts the next unit)."), waiting=False)
        elif kind is EventKind.WARNING:
            self.news.emit(ev.text, "warning", 0)
        elif kind is EventKind.ERROR:
            self.news.emit(ev.text, "error", 0)
            self._set_prompt(self.tr("The run stopped."), "", ev.text, waiting=False)
        elif kind is EventKind.FINISHED:
            self._finished(ev)

    def _finished(self, ev: RunEvent) -> None:
        self._timer.stop()
        self.worker = None
        self._waiting = False
        self.table.mark_current(None)
        run = ev.data.get("run")
        if isinstance(run, RunResult) and run.results:
            self._show_final(run, ev.outcome)
        sid = str(ev.data.get("session") or "")
        status = ev.text
        if sid:
            short = sid[:8]
            if status == "complete":
                self.session_label.setText(self.tr("Saved as session %1").replace("%1", short))
                word = outcome_word(self.final) if self.final is not None else "—"
                self.news.emit(self.tr("Session %1 saved — %2.").replace("%1", short)
                               .replace("%2", word), "info", 8000)
            else:
                word = status_word(status)
                self.session_label.setText(self.tr("Session %1 kept, marked %2")
                                           .replace("%1", short).replace("%2", word))
                self.news.emit(self.tr("The run was stopped. Session %1 keeps what was "
                                       "measured and is marked %2.")
                               .replace("%1", short).replace("%2", word), "warning", 8000)
            self.sessionFinished.emit(sid)
        if status == "complete":
            self._set_prompt(self.tr("Ready for the next unit."), "",
                             self.tr("Enter its serial number and press Run."), waiting=False)
        self._set_state("idle")
        self._release_instruments()
        if self._run_after_finish:
            self._run_after_finish = False
            typed = self.serial_edit.text().strip()
            if typed and typed != self._run_serial:
                self.start_run()  # the next unit's serial is typed in already
            else:
                self.serial_edit.clear()
                self.serial_edit.setFocus()

    # -- showing -----------------------------------------------------------------------------
    def _show_prompt(self, check: Check, waiting: bool, retry: bool) -> None:
        assert self.plan is not None
        n = len(self.plan.checks)
        index = next((i for i, c in enumerate(self.plan.checks) if c.id == check.id), 0) + 1
        step = self.tr("Check %1 of %2 · %3 — %4").replace("%1", str(index)) \
            .replace("%2", str(n)).replace("%3", check.id).replace("%4", check.title)
        if retry:
            step = self.tr("Retry") + " · " + step
        if waiting:
            hint = self.tr("Press Measure (Enter) when the probes are in place, or Skip.")
        else:
            hint = self.tr("The simulated probes move there by themselves.")
        self._waiting = waiting
        self._set_prompt(prompt_text(check), step, hint, waiting=waiting)
        self.table.mark_current(check, self.tr("→ your turn") if waiting else "")
        self._update_buttons()
        if waiting:
            self.measure_button.setFocus()

    def _set_prompt(self, text: str, step: str, hint: str, *, waiting: bool) -> None:
        self.prompt.show_text(text, step, hint, waiting=waiting)

    def _show_idle_prompt(self) -> None:
        if self.plan is None:
            self._set_prompt(self.tr("Choose a plan."), "", "", waiting=False)
            return
        first = self.plan.checks[0]
        hint = self.tr("Enter the DUT serial number and press Run. The first check will be: "
                       "%1").replace("%1", prompt_text(first))
        self._set_prompt(self.tr("Ready."), "", hint, waiting=False)

    def _reset_verdict(self) -> None:
        self.final = None
        self._set_badge(None, self.tr("not run yet"))
        self.summary_label.setText("")
        self.session_label.setText("")

    def _alarm(self) -> None:
        """Beep on a failed unit when the window's "Sound on FAIL" is on: eyes are on the DUT."""
        self.alarms += 1
        if self.settings.sound_on_fail:
            QApplication.beep()

    def _set_badge(self, verdict: Verdict | None, hint: str = "") -> None:
        """The badge; words without a verdict ("not run yet") in smaller type so they fit."""
        self.badge.set_verdict(verdict, hint)
        self._set_placeholder(verdict is None)

    def _set_placeholder(self, placeholder: bool) -> None:
        if self.badge.property("placeholder") != placeholder:
            self.badge.setProperty("placeholder", placeholder)
            repolish(self.badge)

    def _show_final(self, run: RunResult, outcome: Outcome | None) -> None:
        """The badge shows the outcome the layer gave (the rule is in meterlab.outcome);
        the line under it counts the checks behind it."""
        self.run_result = run
        skipped = sum(r.skipped for r in run.results)
        missing = len(run.plan.checks) - len(run.results)
        self.final = outcome
        if outcome is None:
            self._set_badge(None, self.tr("nothing measured"))
        else:
            self.badge.set_outcome(outcome)
            self._set_placeholder(False)
        counts: dict[Verdict, int] = {}
        for r in run.results:
            if not r.skipped:
                counts[r.verdict] = counts.get(r.verdict, 0) + 1
        parts = [f"{v.symbol} {n} {verdict_word(v).lower()}" for v, n in sorted(counts.items())]
        if skipped:
            parts.append(self.tr("⏭ %1 skipped").replace("%1", str(skipped)))
        if missing:
            parts.append(self.tr("%1 not measured").replace("%1", str(missing)))
        self.summary_label.setText(" · ".join(parts))

    def _set_state(self, state: str) -> None:
        was = self.running or self._state == "review"
        self._state = state
        if state in ("idle",):
            self._waiting = False
        busy = state != "idle"
        if busy != was:
            self.runningChanged.emit(busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self._state == "idle"
        review = self._state == "review"
        for w in (self.plan_combo, self.open_button, self.operator_edit, self.rule_combo):
            w.setEnabled(idle)
        self.serial_edit.setEnabled(idle or review)
        self.step_box.setEnabled(idle and self.simulated)
        self.run_button.setEnabled((idle or review) and self.plan is not None)
        self.run_button.setText(self.tr("▶  Next unit") if review else self.tr("▶  Run"))
        self.stop_button.setEnabled(self._state == "running")
        self.finish_button.setEnabled(review)
        self.measure_button.setEnabled(self._waiting)
        self.skip_button.setEnabled(self._waiting)
        self.measure_button.setVisible(self._waiting or self._state == "running")
        self.skip_button.setVisible(self._waiting or self._state == "running")
        cid = self.table.selected_check()
        self.retry_button.setEnabled(
            self._state in ("running", "review") and cid is not None
            and self.table.results.get(cid) is not None)

    def closeEvent(self, event: object) -> None:
        with contextlib.suppress(Exception):
            self.shutdown(2.0)
        super().closeEvent(event)  # type: ignore[arg-type]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
