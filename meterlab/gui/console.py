"""The SCPI console: type a command, see the reply and the error queue.

For the advanced user who wants to ask an instrument something meterlab has no
button for. Every command runs on a worker thread while holding the
connection's lock, so it never lands between a query and its reply of another
thread using the same connection; commands typed while one is running wait
their turn, in order.

Replies are shown as text; a binary data block (a screen dump, a waveform) is
shown by its size only. An instrument that does not know a query stays silent,
so a timeout is explained as that, with a pointer to the error queue.

    console = ScpiConsole(conn, title="34465A MY59001442", settings=settings)
    console.send("*IDN?")          # also what Enter in the command line does
    console.read_error_queue()     # SYST:ERR? until it reports no error
    console.lost                   # Signal(str): the connection dropped (text in words)
    console.news                   # Signal(str, str, int) for the window's news
"""

from __future__ import annotations

import contextlib
import html
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meterlab.errors import ConnectionLost, GarbledReply, MeterlabError
from meterlab.gui import instruments_probe as probe
from meterlab.gui.settings import Settings
from meterlab.gui.tasks import TaskRunner
from meterlab.readings import OVERLOAD_THRESHOLD

if TYPE_CHECKING:
    from meterlab.visa import Connection

HISTORY_SIZE = 100
SHOW_AT_MOST = 4000  # characters of one reply put in the transcript

# Transcript colours (Okabe–Ito, darkened for text on white); each line also has its symbol.
COLOURS = {"sent": "#005A8C", "received": "#1A1A1A", "error": "#B34700", "note": "#5A5A5A",
           "ok": "#00704F"}
SYMBOLS = {"sent": "→", "received": "←", "error": "⚠", "note": "·", "ok": "✓"}


@dataclass(frozen=True, slots=True)
class Reply:
    kind: str  # "written", "text" or "block"
    text: str = ""
    size: int = 0


def execute(conn: Connection, command: str, timeout_ms: int, binary_format: bool) -> Reply:
    """Send one console line (worker thread), holding the connection's lock throughout."""
    with conn.lock:
        old = conn.timeout_ms
        conn.timeout_ms = timeout_ms
        try:
            if not probe.is_query(command):
                conn.write(command)
                return Reply("written")
            if probe.expects_block(command, binary_format):
                return Reply("block", size=len(conn.query_binary_block(command)))
            text = conn.query(command)
            size = probe.declared_block_length(text)
            if size is not None:
                _drain(conn)  # the rest of the block may still be on its way
                return Reply("block", size=size)
            return Reply("text", text)
        finally:
            with contextlib.suppress(Exception):
                conn.timeout_ms = old


def _drain(conn: Connection, limit: int = 10_000) -> None:
    """Read away what is left of a reply, until the instrument is quiet for 0.2 s."""
    conn.timeout_ms = 200
    for _ in range(limit):
        try:
            conn.read()
        except MeterlabError as exc:
            if probe.no_reply(exc) or isinstance(exc, ConnectionLost):
                return


class HistoryLine(QLineEdit):
    """A command line that recalls earlier commands with Up and Down."""

    def __init__(self, history: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self._pos = len(history)
        self._draft = ""

    def remember(self, command: str) -> None:
        if command and (not self.history or self.history[-1] != command):
            self.history.append(command)
            del self.history[:-HISTORY_SIZE]
        self._pos = len(self.history)
        self._draft = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Up and self.history:
            if self._pos == len(self.history):
                self._draft = self.text()
            self._pos = max(0, self._pos - 1)
            self.setText(self.history[self._pos])
        elif key == Qt.Key.Key_Down and self._pos < len(self.history):
            self._pos += 1
            self.setText(self._draft if self._pos == len(self.history) else self.history[self._pos])
        else:
            super().keyPressEvent(event)


class ScpiConsole(QWidget):
    """A console on one open `Connection`; `settings` (optional) keeps the history."""

    #: (text, level, timeout_ms) for the window's news.
    news = Signal(str, str, int)
    #: The connection dropped while the console used it; the message says so in words.
    lost = Signal(str)
    #: A command (or error-queue read) finished; the transcript has its outcome.
    replied = Signal()

    def __init__(
        self,
        connection: Connection,
        *,
        title: str = "",
        settings: Settings | QSettings | None = None,
        timeout_s: float = 3.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scpiConsole")
        self.connection = connection
        self.title = title or connection.resource
        self._settings = Settings.wrap(settings) if settings is not None else None
        self._runner = TaskRunner(self)
        self._pending: deque[tuple[str, str]] = deque()  # ("command"|"errors", text)
        self._running = False
        self._binary_format = False
        history = self._settings.console_history if self._settings is not None else []
        self._build(history, timeout_s)

    # -- construction ----------------------------------------------------------------
    def _build(self, history: list[str], timeout_s: float) -> None:
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.heading = QLabel(self.title)
        self.heading.setObjectName("consoleTitle")
        self.heading.setStyleSheet("font-weight: 600;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.transcript = QPlainTextEdit()
        self.transcript.setObjectName("consoleTranscript")
        self.transcript.setReadOnly(True)
        self.transcript.setFont(mono)
        self.transcript.setMaximumBlockCount(5000)
        self.transcript.setStyleSheet("QPlainTextEdit { background: #FFFFFF; }")

        self.command_line = HistoryLine(history)
        self.command_line.setObjectName("consoleCommand")
        self.command_line.setFont(mono)
        self.command_line.setPlaceholderText(
            self.tr("SCPI command, e.g. *IDN? or VOLT:RANG 1 — Enter sends, ↑/↓ recall"))
        self.command_line.returnPressed.connect(self._send_clicked)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setToolTip(
            self.tr("Send the command; a command ending in ? also reads the reply"))
        self.send_button.clicked.connect(self._send_clicked)
        self.errors_button = QPushButton(self.tr("Error queue"))
        self.errors_button.setToolTip(
            self.tr("Read the instrument's error queue (SYST:ERR?) until it is empty"))
        self.errors_button.clicked.connect(self.read_error_queue)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(
            self.tr("Clear the transcript (the instrument is not touched)"))
        self.clear_button.clicked.connect(self.transcript.clear)
        self.timeout_box = QDoubleSpinBox()
        self.timeout_box.setRange(0.2, 120.0)
        self.timeout_box.setDecimals(1)
        self.timeout_box.setSingleStep(0.5)
        self.timeout_box.setValue(timeout_s)
        self.timeout_box.setSuffix(" s")
        self.timeout_box.setToolTip(self.tr("How long to wait for a reply"))
        self.status = QLabel()
        self.status.setObjectName("consoleStatus")
        self.status.setStyleSheet("color: #555555;")

        line = QHBoxLayout()
        line.addWidget(self.command_line, 1)
        line.addWidget(self.send_button)
        line.addWidget(self.errors_button)
        foot = QHBoxLayout()
        foot.addWidget(self.status, 1)
        foot.addWidget(QLabel(self.tr("Timeout")))
        foot.addWidget(self.timeout_box)
        foot.addWidget(self.clear_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.heading)
        lay.addWidget(self.transcript, 1)
        lay.addLayout(line)
        lay.addLayout(foot)

    # -- public --------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._running or bool(self._pending)

    @property
    def timeout_s(self) -> float:
        return float(self.timeout_box.value())

    def set_timeout(self, seconds: float) -> None:
        self.timeout_box.setValue(seconds)

    def transcript_text(self) -> str:
        return self.transcript.toPlainText()

    def send(self, command: str) -> None:
        """Queue one line for the instrument; it runs after the ones before it."""
        command = command.strip()
        if not command:
            return
        self.command_line.remember(command)
        self._save_history()
        self._pending.append(("command", command))
        self._next()

    def read_error_queue(self) -> None:
        """Queue SYST:ERR? reads until the instrument says there is no error."""
        self._pending.append(("errors", ""))
        self._next()

    def note(self, text: str, kind: str = "note") -> None:
        """Put a line of our own in the transcript (e.g. "reconnected")."""
        self._append(kind, text)

    # -- running ---------------------------------------------------------------------
    def _send_clicked(self) -> None:
        text = self.command_line.text()
        self.command_line.clear()
        self.send(text)

    def _next(self) -> None:
        if self._running or not self._pending:
            return
        what, command = self._pending.popleft()
        self._running = True
        conn = self.connection
        timeout_ms = int(self.timeout_s * 1000)
        # The command goes into the transcript when it is sent, so each reply follows it.
        if what == "errors":
            self._append("sent", self.tr("SYST:ERR? (until empty)"))
            self.status.setText(self.tr("Reading the error queue…"))
            self._runner.submit(lambda: self._errors(conn, timeout_ms), self._errors_done,
                                name="console-errors")
            return
        self._append("sent", command)
        self.status.setText(self.tr("Waiting for the reply to %1 (up to %2 s)…")
                            .replace("%1", command).replace("%2", f"{self.timeout_s:g}"))
        binary = self._binary_format
        self._binary_format = probe.binary_format_after(command, binary)
        self._runner.submit(lambda: execute(conn, command, timeout_ms, binary),
                            lambda r, e: self._command_done(command, r, e), name="console")

    @staticmethod
    def _errors(conn: Connection, timeout_ms: int) -> list[tuple[int, str]] | None:
        """The queued errors, or None when this model has no error queue."""
        profile = conn.profile
        if profile is not None and not profile.connection.error_queue:
            return None
        with conn.lock:
            old = conn.timeout_ms
            conn.timeout_ms = timeout_ms
            try:
                return conn.read_error_queue()
            finally:
                with contextlib.suppress(Exception):
                    conn.timeout_ms = old

    def _command_done(self, command: str, reply: Reply | None, error: BaseException | None
                      ) -> None:
        if error is not None:
            self._report(error, command)
        elif reply is not None and reply.kind == "text":
            text = reply.text
            if not text:
                self._append("note", self.tr("(empty reply)"))
            elif len(text) > SHOW_AT_MOST:
                self._append("received", text[:SHOW_AT_MOST] + " … " + self.tr(
                    "(%1 characters in all)").replace("%1", str(len(text))))
            else:
                self._append("received", text + self._overload_note(text))
        elif reply is not None and reply.kind == "block":
            self._append("received", self.tr("<block: %1 bytes>").replace("%1", str(reply.size)))
        self._finish()

    def _errors_done(self, errors: list[tuple[int, str]] | None, error: BaseException | None
                     ) -> None:
        if error is not None:
            self._report(error, "SYST:ERR?")
        elif errors is None:
            self._append("note", self.tr("This model has no error queue (its profile says so)."))
        elif not errors:
            self._append("ok", self.tr('Error queue empty: 0,"No error"'))
        else:
            for code, message in errors:
                self._append("error", f'{code:+d},"{message}"')
        self._finish()

    def _overload_note(self, text: str) -> str:
        """SCPI's 9.9E37 is not a value: say so beside it."""
        try:
            value = float(text.strip())
        except ValueError:
            return ""
        if abs(value) >= OVERLOAD_THRESHOLD:
            return "   " + self.tr("(overload: the input is beyond the range)")
        return ""

    def _report(self, error: BaseException, command: str) -> None:
        if isinstance(error, ConnectionLost):
            self._append("error", str(error))
            self._pending.clear()
            self.lost.emit(str(error))
        elif probe.no_reply(error):
            self._append("error", self.tr(
                "No reply within %1 s — the instrument may not know this command; "
                "check the error queue.").replace("%1", f"{self.timeout_s:g}"))
        elif isinstance(error, MeterlabError):
            text = str(error)
            if isinstance(error, GarbledReply):  # bytes that are no text: binary data?
                text += " " + self.tr(
                    "If this query answers with binary data, the console reads it as a block "
                    "only for …DATA? queries, and for READ?/FETCh? after FORMat REAL.")
            self._append("error", text)
        else:
            self._append("error", self.tr("Unexpected problem while sending %1: %2")
                         .replace("%1", command).replace("%2", f"{type(error).__name__}: {error}"))

    def _finish(self) -> None:
        self._running = False
        self.status.setText("")
        self.replied.emit()
        self._next()

    # -- transcript and history --------------------------------------------------------
    def _append(self, kind: str, text: str) -> None:
        colour, symbol = COLOURS[kind], SYMBOLS[kind]
        weight = "font-weight:600;" if kind == "sent" else ""
        body = html.escape(text).replace("\n", "<br>")
        self.transcript.appendHtml(
            f'<span style="color:{colour};{weight}">{symbol} {body}</span>')
        bar = self.transcript.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _save_history(self) -> None:
        if self._settings is not None:
            self._settings.console_history = list(self.command_line.history)
