"""The Training tab: choose an exercise, place leads and probes on the board, answer, be graded.

The trainee sets the instruments up in the normal Meter and Scope tabs (or any
SCPI program); this tab only moves the simulator's leads and probes, asks the
step's answers and shows the feedback. Grading and the record are the same
`training.session.Attempt` the CLI uses; every call that touches an instrument
or the store runs on a `TaskRunner` job, never on the GUI thread. It runs on the
in-process simulated bench (demo mode) or, given `real` resources, on a real
board with real instruments: then the board picture only records where the
trainee says the leads and probes are (no SCPI), and grading uses the reference
values. With neither the tab says so.
"""

from __future__ import annotations

import secrets
from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from meterlab.gui.tasks import TaskRunner
from meterlab.gui.training_board import BoardPicture
from meterlab.gui.views import View

# The tab's own words follow the app's language (Qt catalogs, like every view); the
# exercise's words (instructions, feedback) follow the trainee's Language box.
_TOOL_NAMES = {"red": QT_TRANSLATE_NOOP("TrainingView", "Red lead"),
               "black": QT_TRANSLATE_NOOP("TrainingView", "Black lead"),
               "ch": QT_TRANSLATE_NOOP("TrainingView", "Scope probe CH%1"),
               "d": QT_TRANSLATE_NOOP("TrainingView", "Logic clip D%1")}


def tool_name(tool: str) -> str:
    """A lead's or probe's name in the app's language: "red", "ch3", "d12"."""
    kind = tool.rstrip("0123456789")
    text = QCoreApplication.translate("TrainingView", _TOOL_NAMES.get(kind, tool))
    return text.replace("%1", tool[len(kind):])


class TrainingView(QWidget, View):
    news = Signal(str, str, int)

    def __init__(self, bench: Any, *, db_path: str | None = None,
                 parent: QWidget | None = None,
                 real: tuple[str | None, str | None] | None = None,
                 backend: str | None = None) -> None:
        super().__init__(parent)
        from meterlab.training.format import list_exercises

        self.bench = bench
        # (dmm, scope) resources of real instruments, when there is no simulated bench
        self.real = real if bench is None and real is not None and any(real) else None
        self.backend = backend
        self.db_path = db_path
        self.attempt: Any = None
        self.step_index = 0
        self._store: Any = None
        self._runner = TaskRunner(self)
        self.broken: list[Any] = []  # a teacher's broken file is left out, not fatal
        self.exercises = {ex.id: ex for ex in list_exercises(self.broken)}

        top = QHBoxLayout()
        self.trainee = QLineEdit()
        self.lang = QComboBox()
        self.lang.addItems(["nl", "en", "fr"])  # French texts fall back to English per file
        from meterlab.gui.fmt import ui_language

        if ui_language() in ("nl", "en", "fr"):  # start in the app's language
            self.lang.setCurrentText(str(ui_language()))
        self._trainee_label, self._lang_label = QLabel(), QLabel()
        top.addWidget(self._trainee_label)
        top.addWidget(self.trainee, 1)
        top.addWidget(self._lang_label)
        top.addWidget(self.lang)

        self.list = QListWidget()
        # Titles wrap onto a second line instead of running off the list's edge (a Dutch
        # title with its level and parts is often wider than the list).
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        for ex in self.exercises.values():
            item = QListWidgetItem(self._item_text(ex.id, ""))
            item.setData(Qt.ItemDataRole.UserRole, ex.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self._progress: dict[str, str] = {}
        self.lang.currentTextChanged.connect(self._retitle)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.start)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.start_button)

        self.board = BoardPicture()
        self.board.placed.connect(self.place)
        tools = QHBoxLayout()
        self.tool_group = QButtonGroup(self)
        # red, black, a scope probe (its channel beside it), a logic clip (its line beside it)
        self.channel_box, self.clip_box = QComboBox(), QComboBox()
        self.channel_box.addItems([f"CH{n}" for n in range(1, 5)])
        self.clip_box.addItems([f"D{n}" for n in range(16)])
        for key, box in (("red", None), ("black", None), ("ch", self.channel_box),
                         ("d", self.clip_box)):
            b = QRadioButton()
            b.setProperty("tool", key)
            b.setChecked(key == "red")
            self.tool_group.addButton(b)
            tools.addWidget(b)
            if box is not None:
                tools.addWidget(box)
                box.currentIndexChanged.connect(
                    lambda _i, b=b: (b.setChecked(True), self._pick_tool()))
        tools.addStretch(1)
        self.tool_group.buttonClicked.connect(lambda _b: self._pick_tool())
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.fields: dict[str, QLineEdit] = {}
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.check)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.next_step)
        self.feedback = QLabel("")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.score = QLabel("")
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.score)
        right = QVBoxLayout()
        right.addLayout(tools)
        right.addWidget(self.board, 2)
        right.addWidget(self.instructions)
        right.addWidget(self.form_host)
        right.addLayout(buttons)
        right.addWidget(self.feedback, 1)

        self.teacher_button = QPushButton()
        self.teacher_button.clicked.connect(self._ask_passphrase)
        top.addWidget(self.teacher_button)
        self.teacher_panel = self._teacher_panel()
        self.teacher_panel.hide()
        self.teacher = False

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(body, 1)
        outer.addWidget(self.teacher_panel)
        self._busy(False)
        self._words()
        if bench is None and self.real is None:
            self.start_button.setEnabled(False)
            self.instructions.setText(self.tr(
                "Training runs on the simulated bench (start meterlab with --demo) or on a "
                "real board with the instruments connected in the Instruments tab; or use "
                "`meterlab exercise run` in a terminal."))

    def _words(self) -> None:
        self._trainee_label.setText(self.tr("Trainee"))
        self._lang_label.setText(self.tr("Exercise language"))
        self.trainee.setPlaceholderText(self.tr("your name"))
        self.start_button.setText(self.tr("Start exercise"))
        self.check_button.setText(self.tr("Check"))
        self.next_button.setText(self.tr("Next step"))
        self.teacher_button.setText(self.tr("Teacher…"))
        for b in self.tool_group.buttons():
            key = b.property("tool")
            b.setText(self.tr("Scope probe") if key == "ch" else self.tr("Logic clip")
                      if key == "d" else tool_name(key))
        if self.attempt is None and self._can_start:
            self.instructions.setText(self.tr("Choose an exercise and press Start."))

    # -- teacher mode ---------------------------------------------------------------------

    def _teacher_panel(self) -> QWidget:
        from meterlab.training.truth import FAULT_NAMES

        panel = QWidget()
        lay = QVBoxLayout(panel)
        self.solutions = QLabel("")
        self.solutions.setWordWrap(True)
        row = QHBoxLayout()
        self.fault_combo = QComboBox()
        self.fault_combo.addItems([f for f in FAULT_NAMES if f != "none"])
        switch = QPushButton(self.tr("Switch fault on"))
        switch.clicked.connect(self.switch_fault)
        self.records_button = QPushButton(self.tr("Trainees' records"))
        self.records_button.clicked.connect(self.show_records)
        row.addWidget(QLabel(self.tr("Fault")))
        row.addWidget(self.fault_combo)
        row.addWidget(switch)
        row.addStretch(1)
        row.addWidget(self.records_button)
        self.records = QLabel("")
        self.records.setWordWrap(True)
        lay.addWidget(QLabel(self.tr("<b>Teacher</b> — solutions, fault switches, records")))
        lay.addWidget(self.solutions)
        lay.addLayout(row)
        lay.addWidget(self.records)
        return panel

    def _ask_passphrase(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Teacher mode"), self.tr("Passphrase"),
                                        QLineEdit.EchoMode.Password)
        if ok and not self.unlock(text):
            self._say([self.tr("That is not the teacher passphrase (or the station file has "
                               "none: `meterlab exercise passphrase` prints the line to add).")])

    def unlock(self, passphrase: str) -> bool:
        """Teacher mode, if `passphrase` matches the hash in the station file."""
        from meterlab.station import load_station
        from meterlab.training.teacher import check_passphrase

        if not check_passphrase(passphrase, load_station().teacher_passphrase):
            return False
        self.teacher = True
        self.teacher_panel.show()
        self._show_solutions()
        return True

    def _show_solutions(self) -> None:
        if not self.teacher:
            return
        if self.attempt is None:
            self.solutions.setText(self.tr("No exercise running."))
            return
        from meterlab.gui.fmt import fmt_si
        from meterlab.training.grade import Context
        from meterlab.training.truth import truth

        a, step = self.attempt, self.step
        ctx = Context(board=None if a.real else a.bench.board, drawn=a.drawn,
                      parts=a.exercise.scenario.parts)
        lines = ["real board: reference values" if a.real else
                 f"seed {a.drawn.seed}, fault {a.drawn.fault}, {a.drawn.temperature:.1f} °C"]
        e = step.expect
        if e.instrument != "none":
            lines.append(f"setup: {e.instrument} {e.function} at {e.at or e.digital_at} "
                         f"(ref {e.ref})")
        for ans in step.answers:
            if ans.truth and ans.truth != "tur_ok":
                value = a.reference.value(ans.truth) if a.real else \
                    truth(ans.truth, ctx.board, ctx.drawn, ctx.parts)
                shown = fmt_si(value, ans.unit) if isinstance(value, float) else value
                lines.append(f"{ans.key} = {shown}")
        self.solutions.setText("<br>".join(escape(x) for x in lines))

    def switch_fault(self) -> None:
        if not self.teacher or self.attempt is None:
            return
        if self.attempt.real:
            self._say([self.tr("A real board's faults are switched by hand, not from here.")])
            return
        name = self.fault_combo.currentText()
        conn = self.attempt.dmm
        self._runner.submit(lambda: conn.write(f"SIM:FAUL {name},1"),
                            lambda _r, err: self._show_solutions() if err is None else
                            self._say([self.tr("The fault could not be switched: %1")
                                       .replace("%1", str(err))]),
                            name="training-fault")

    def show_records(self) -> None:
        if not self.teacher:
            return
        from meterlab.store import SessionStore
        from meterlab.training.records import attempts

        def work() -> list[Any]:
            with SessionStore(self.db_path) as store:
                return attempts(store)

        def done(found: Any, err: BaseException | None) -> None:
            if err is not None:
                self.records.setText(escape(self.tr("The records could not be read: %1")
                                            .replace("%1", str(err))))
                return
            rows = [f"{r.date} {r.trainee or '—'} {r.exercise} {r.score}/{r.max} "
                    f"{' '.join(sorted(set(r.mistakes)))}" for r in found[-20:]]
            self.records.setText("<br>".join(escape(x) for x in rows)
                                 or self.tr("No attempts yet."))

        self._runner.submit(work, done, name="training-records")

    # -- state ----------------------------------------------------------------------------

    def _item_text(self, ex_id: str, progress: str) -> str:
        ex = self.exercises[ex_id]
        parts = ",".join(str(s) for s in ex.skills)
        mark = f"  {progress}" if progress else ""
        title = ex.title[self.lang.currentText() if hasattr(self, "lang") else "en"]
        return self.tr("%1 — level %2, parts %3").replace("%1", title).replace(
            "%2", str(ex.level)).replace("%3", parts) + mark

    def _retitle(self) -> None:
        """The exercise list in the chosen language (with the progress made so far)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            ex_id = item.data(Qt.ItemDataRole.UserRole)
            item.setText(self._item_text(ex_id, self._progress.get(ex_id, "")))

    @property
    def _can_start(self) -> bool:
        return self.bench is not None or self.real is not None

    def _busy(self, busy: bool) -> None:
        active = self.attempt is not None
        self.check_button.setEnabled(active and not busy)
        self.next_button.setEnabled(False)
        self.start_button.setEnabled(self._can_start and not busy)

    def _say(self, lines: list[str], colour: str = "#9C0006") -> None:
        self.feedback.setText("<br>".join(f'<span style="color:{colour}">{escape(x)}</span>'
                                          for x in lines))

    @property
    def step(self) -> Any:
        return self.attempt.exercise.steps[self.step_index]

    # -- actions --------------------------------------------------------------------------

    def start(self) -> None:
        from meterlab.store import SessionStore
        from meterlab.training.session import Attempt

        item = self.list.currentItem()
        if item is None or not self._can_start:
            return
        if self.attempt is not None:
            self.attempt.close()
        if self._store is None:
            self._store = SessionStore(self.db_path)
        ex = self.exercises[item.data(Qt.ItemDataRole.UserRole)]
        dmm, scope = self.real or (None, None)
        attempt = Attempt(ex, seed=secrets.randbelow(100_000), trainee=self.trainee.text(),
                          lang=self.lang.currentText(), store=self._store, bench=self.bench,
                          power_cycle=False, dmm_resource=dmm, scope_resource=scope,
                          backend=self.backend if self.real else None)
        self._busy(True)
        self._runner.submit(attempt.start, lambda _r, err: self._started(attempt, err),
                            name="training-start")

    def _started(self, attempt: Any, err: BaseException | None) -> None:
        if err is not None:
            self.attempt = None
            self._busy(False)
            self._say([self.tr("The exercise could not start: %1").replace("%1", str(err))])
            return
        self.attempt = attempt
        self.step_index = 0
        d = attempt.drawn
        # on a real board nothing is known until the trainee shows where things are
        self.board.positions = {"black": "GND"} if attempt.real else \
            {"red": d.dmm_start, "black": "GND", "ch1": d.scope_start}
        self.board.update()
        self._show_step()

    def _show_step(self) -> None:
        lang = self.attempt.lang
        step = self.step
        ex = self.attempt.exercise
        intro = f"<p>{escape(ex.intro[lang])}</p>" if ex.intro and self.step_index == 0 else ""
        self.instructions.setText(
            f"<b>{escape(ex.title[lang])}</b> — "
            + escape(self.tr("step %1/%2 (%3 points)").replace("%1", str(self.step_index + 1))
                     .replace("%2", str(len(ex.steps))).replace("%3", str(step.points)))
            + f"{intro}"
            f"<p>{escape(step.instructions[lang])}</p>")
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        for a in step.answers:
            field = QLineEdit()
            field.setPlaceholderText(a.example)
            self.form.addRow(a.key, field)
            self.fields[a.key] = field
        self.feedback.setText("")
        self._busy(False)
        self._show_solutions()

    def _pick_tool(self) -> None:
        """The board's tool from the radio buttons and the channel/clip boxes."""
        b = self.tool_group.checkedButton()
        key = b.property("tool") if b is not None else "red"
        if key == "ch":
            key = f"ch{self.channel_box.currentIndex() + 1}"
        elif key == "d":
            key = f"d{self.clip_box.currentIndex()}"
        self.board.tool = key

    def place(self, tool: str, net: str) -> None:
        """Move a lead or probe on the simulated board (a job: it is SCPI)."""
        if self.attempt is None:
            return
        if self.attempt.real:
            self.board.set_position(tool, net)  # the trainee's word; confirmed at Check
            return
        pos = dict(self.board.positions, **{tool: net})
        if tool in ("red", "black"):
            red, black = pos.get("red", "3V3"), pos.get("black", "GND")
            conn, cmd = self.attempt.dmm, f"SIM:PROB {red},{black}"
        elif tool.startswith("ch"):
            conn, cmd = self.attempt.scope, f":SIM:CHAN{tool[2:]} {net}"
        else:
            conn, cmd = self.attempt.scope, f":SIM:DIG{tool[1:]} {net}"

        def done(_r: Any, err: BaseException | None) -> None:
            if err is None:
                self.board.set_position(tool, net)
            else:
                self._say([self.tr("The %1 could not be moved: %2")
                           .replace("%1", tool_name(tool).lower()).replace("%2", str(err))])

        self._runner.submit(lambda: conn.write(cmd), done, name="training-place")

    def check(self) -> None:
        from meterlab.training.answers import AnswerFormatError, parse_answer

        if self.attempt is None:
            return
        parsed, raw, problems = {}, {}, []
        for a in self.step.answers:
            text = self.fields[a.key].text()
            try:
                parsed[a.key] = parse_answer(a, text, self.attempt.lang)
                raw[a.key] = text
            except AnswerFormatError as exc:
                problems.append(f"{a.key}: {exc}")
        if not problems and self.attempt.real:
            problems = self._confirm_positions()
        if problems:
            self._say(problems, "#7A4400")
            return
        step = self.step
        self._busy(True)
        self._runner.submit(lambda: self.attempt.submit(step, parsed, raw), self._graded,
                            name="training-grade")

    def _confirm_positions(self) -> list[str]:
        """Real board: what the picture shows becomes the trainee's confirmation of the leads."""
        pos = self.board.positions
        for key in self.attempt.needs(self.step):
            tool = "red" if key == "leads" else key  # ch1…ch4, d0…d15 are tools themselves
            if tool not in pos:
                name = tool_name(tool).lower()
                return [self.tr("Click on the board where this is: %1").replace("%1", name)]
            text = f"{pos['red']},{pos.get('black', 'GND')}" if key == "leads" else pos[tool]
            self.attempt.confirm(key, text)
        return []

    def _graded(self, result: Any, err: BaseException | None) -> None:
        self._busy(False)
        if err is not None:
            self._say([self.tr("The instruments could not be read: %1").replace("%1", str(err))])
            return
        step = self.step
        if result.correct:
            self._say([f"✔ {result.points}/{step.points}"], "#006100")
        else:
            left = self.attempt.tries_left(step)
            self._say([*result.feedback, f"✘ 0/{step.points} — "
                       + self.tr("tries left: %1").replace("%1", str(left))])
            if left > 0:
                return
        self.check_button.setEnabled(False)
        self.next_button.setEnabled(True)
        score, top = self.attempt.score
        self.score.setText(f"score {score}/{top}")

    def next_step(self) -> None:
        if self.attempt is None:
            return
        if self.step_index + 1 < len(self.attempt.exercise.steps):
            self.step_index += 1
            self._show_step()
            return
        score, top = self.attempt.finish()
        self.score.setText(f"score {score}/{top}")
        item = self.list.currentItem()
        if item is not None:
            ex_id = self.attempt.exercise.id
            self._progress[ex_id] = f"{'✔' if score == top else '✘'} {score}/{top}"
            item.setText(self._item_text(ex_id, self._progress[ex_id]))
        self.instructions.setText(self.tr("Done: score %1/%2. Choose the next exercise.")
                                  .replace("%1", str(score)).replace("%2", str(top)))
        self.attempt.close()
        self.attempt = None
        self._busy(False)

    def shutdown(self) -> None:
        if self.attempt is not None:
            self.attempt.close()
            self.attempt = None
        if self._store is not None:
            self._store.close()
            self._store = None
