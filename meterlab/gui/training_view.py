"""The Training tab: choose an exercise, place leads and probes on the board, answer, be graded.

The trainee sets the instruments up in the normal Meter and Scope tabs (or any
SCPI program); this tab only moves the simulator's leads and probes, asks the
step's answers and shows the feedback. Grading and the record are the same
`training.session.Attempt` the CLI uses; every call that touches an instrument
or the store runs on a `TaskRunner` job, never on the GUI thread. It needs the
in-process simulated bench (demo mode); without it the tab says so.
"""

from __future__ import annotations

import secrets
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from meterlab.gui.tasks import TaskRunner
from meterlab.gui.training_board import TOOLS, BoardPicture
from meterlab.gui.views import View

_TOOL_NAMES = {"red": "Red lead", "black": "Black lead", "ch1": "Scope CH1", "d0": "Logic D0"}


class TrainingView(QWidget, View):
    news = Signal(str, str, int)

    def __init__(self, bench: Any, *, db_path: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from meterlab.training.format import list_exercises

        self.bench = bench
        self.db_path = db_path
        self.attempt: Any = None
        self.step_index = 0
        self._store: Any = None
        self._runner = TaskRunner(self)
        self.exercises = {ex.id: ex for ex in list_exercises()}

        top = QHBoxLayout()
        self.trainee = QLineEdit()
        self.trainee.setPlaceholderText("your name")
        self.lang = QComboBox()
        self.lang.addItems(["nl", "en"])
        top.addWidget(QLabel("Trainee"))
        top.addWidget(self.trainee, 1)
        top.addWidget(QLabel("Language"))
        top.addWidget(self.lang)

        self.list = QListWidget()
        for ex in self.exercises.values():
            item = QListWidgetItem(self._item_text(ex.id, ""))
            item.setData(Qt.ItemDataRole.UserRole, ex.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self._progress: dict[str, str] = {}
        self.lang.currentTextChanged.connect(self._retitle)
        self.start_button = QPushButton("Start exercise")
        self.start_button.clicked.connect(self.start)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.start_button)

        self.board = BoardPicture()
        self.board.placed.connect(self.place)
        tools = QHBoxLayout()
        self.tool_group = QButtonGroup(self)
        for key in TOOLS:
            b = QRadioButton(_TOOL_NAMES[key])
            b.setProperty("tool", key)
            b.setChecked(key == "red")
            self.tool_group.addButton(b)
            tools.addWidget(b)
        self.tool_group.buttonClicked.connect(
            lambda b: setattr(self.board, "tool", b.property("tool")))
        self.instructions = QLabel("Choose an exercise and press Start.")
        self.instructions.setWordWrap(True)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.fields: dict[str, QLineEdit] = {}
        self.check_button = QPushButton("Check")
        self.check_button.clicked.connect(self.check)
        self.next_button = QPushButton("Next step")
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

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(body, 1)
        self._busy(False)
        if bench is None:
            self.start_button.setEnabled(False)
            self.instructions.setText("Training runs on the simulated bench: start meterlab "
                                      "with --demo, or use `meterlab exercise run` in a "
                                      "terminal.")

    # -- state ----------------------------------------------------------------------------

    def _item_text(self, ex_id: str, progress: str) -> str:
        ex = self.exercises[ex_id]
        parts = ",".join(str(s) for s in ex.skills)
        mark = f"  {progress}" if progress else ""
        return f"{ex.title[self.lang.currentText() if hasattr(self, 'lang') else 'en']}" \
               f" — level {ex.level}, parts {parts}{mark}"

    def _retitle(self) -> None:
        """The exercise list in the chosen language (with the progress made so far)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            ex_id = item.data(Qt.ItemDataRole.UserRole)
            item.setText(self._item_text(ex_id, self._progress.get(ex_id, "")))

    def _busy(self, busy: bool) -> None:
        active = self.attempt is not None
        self.check_button.setEnabled(active and not busy)
        self.next_button.setEnabled(False)
        self.start_button.setEnabled(self.bench is not None and not busy)

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
        if item is None or self.bench is None:
            return
        if self.attempt is not None:
            self.attempt.close()
        if self._store is None:
            self._store = SessionStore(self.db_path)
        ex = self.exercises[item.data(Qt.ItemDataRole.UserRole)]
        attempt = Attempt(ex, seed=secrets.randbelow(100_000), trainee=self.trainee.text(),
                          lang=self.lang.currentText(), store=self._store, bench=self.bench,
                          power_cycle=False)
        self._busy(True)
        self._runner.submit(attempt.start, lambda _r, err: self._started(attempt, err),
                            name="training-start")

    def _started(self, attempt: Any, err: BaseException | None) -> None:
        if err is not None:
            self.attempt = None
            self._busy(False)
            self._say([f"The exercise could not start: {err}"])
            return
        self.attempt = attempt
        self.step_index = 0
        d = attempt.drawn
        self.board.positions = {"red": d.dmm_start, "black": "GND", "ch1": d.scope_start}
        self.board.update()
        self._show_step()

    def _show_step(self) -> None:
        lang = self.attempt.lang
        step = self.step
        ex = self.attempt.exercise
        intro = f"<p>{escape(ex.intro[lang])}</p>" if ex.intro and self.step_index == 0 else ""
        self.instructions.setText(
            f"<b>{escape(ex.title[lang])}</b> — step {self.step_index + 1}/{len(ex.steps)} "
            f"({step.points} points){intro}<p>{escape(step.instructions[lang])}</p>")
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

    def place(self, tool: str, net: str) -> None:
        """Move a lead or probe on the simulated board (a job: it is SCPI)."""
        if self.attempt is None:
            return
        pos = dict(self.board.positions, **{tool: net})
        if tool in ("red", "black"):
            red, black = pos.get("red", "3V3"), pos.get("black", "GND")
            conn, cmd = self.attempt.dmm, f"SIM:PROB {red},{black}"
        elif tool == "ch1":
            conn, cmd = self.attempt.scope, f":SIM:CHAN1 {net}"
        else:
            conn, cmd = self.attempt.scope, f":SIM:DIG0 {net}"

        def done(_r: Any, err: BaseException | None) -> None:
            if err is None:
                self.board.set_position(tool, net)
            else:
                self._say([f"The {_TOOL_NAMES[tool].lower()} could not be moved: {err}"])

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
        if problems:
            self._say(problems, "#7A4400")
            return
        step = self.step
        self._busy(True)
        self._runner.submit(lambda: self.attempt.submit(step, parsed, raw), self._graded,
                            name="training-grade")

    def _graded(self, result: Any, err: BaseException | None) -> None:
        self._busy(False)
        if err is not None:
            self._say([f"The instruments could not be read: {err}"])
            return
        step = self.step
        if result.correct:
            self._say([f"✔ {result.points}/{step.points}"], "#006100")
        else:
            left = self.attempt.tries_left(step)
            self._say([*result.feedback, f"✘ 0/{step.points} — tries left: {left}"])
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
        self.instructions.setText(f"Done: score {score}/{top}. Choose the next exercise.")
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
