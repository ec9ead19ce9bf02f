"""The meter view's "Session" box: who, which DUT, and the "Log to session" toggle.

It owns the `SessionLog` while logging is on; the meter view tells it which feed
and source to log from and which limit is shown. News (the session id when it
starts, the reading count when it is saved, store errors) goes out through
`news(text, level, timeout_ms)` for the window's news (banner or status bar).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from meterlab.errors import MeterlabError

if TYPE_CHECKING:
    from meterlab.gui.feed import ReadingFeed
    from meterlab.gui.session_log import SessionLog


class SessionPanel(QGroupBox):
    """Operator and DUT fields, the toggle, and a line saying what is being recorded."""

    news = Signal(str, str, int)
    # The user toggled logging (True: on); the meter view starts or stops it.
    logToggled = Signal(bool)
    # A logged session was closed and saved (its id): the window forwards it to the lab.
    sessionFinished = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Session"))
        self.session_log: SessionLog | None = None
        self._limit: object | None = None
        form = QFormLayout(self)
        form.setContentsMargins(8, 6, 8, 6)
        self.operator_edit = QLineEdit()
        self.operator_edit.setObjectName("logOperator")
        self.operator_edit.setPlaceholderText(self.tr("your name"))
        self.dut_edit = QLineEdit()
        self.dut_edit.setObjectName("logDut")
        self.dut_edit.setPlaceholderText(self.tr("serial number"))
        form.addRow(self.tr("Operator"), self.operator_edit)
        form.addRow(self.tr("DUT"), self.dut_edit)
        self.log_button = QPushButton(self.tr("Log to session"))
        self.log_button.setObjectName("logButton")
        self.log_button.setCheckable(True)
        self.log_button.setToolTip(
            self.tr("Record every reading and its verdict in a session (Sessions view)"))
        self.log_button.clicked.connect(self._clicked)
        self.label = QLabel(self.tr("Not logging"))
        self.label.setObjectName("logLabel")
        self.label.setWordWrap(True)
        form.addRow(self.log_button)
        form.addRow(self.label)

    def _clicked(self, checked: bool) -> None:
        self.logToggled.emit(checked)

    def start(self, feed: ReadingFeed, source: Any, db_path: str | Path | None) -> bool:
        """Open a session on `source`'s readings; False (and said why) when it cannot."""
        if self.session_log is not None:
            return True
        if source is None:
            self.news.emit(self.tr("Connect a multimeter before logging a session."),
                           "warning", 6000)
            self.log_button.setChecked(False)
            return False
        from meterlab.gui.session_log import SessionLog

        try:
            log = SessionLog(feed, source, db_path=db_path,
                             operator=self.operator_edit.text().strip(),
                             dut_serial=self.dut_edit.text().strip())
        except MeterlabError as exc:
            self.news.emit(str(exc), "error", 0)
            self.log_button.setChecked(False)
            return False
        self.session_log = log
        self._limit = None
        self.log_button.setChecked(True)
        self.log_button.setText(self.tr("Stop logging"))
        self.news.emit(self.tr("Logging to session %1").replace("%1", log.short_id), "info", 6000)
        self.refresh()
        return True

    def stop(self) -> None:
        """Close the session (complete) with every reading taken until now."""
        log, self.session_log = self.session_log, None
        self.log_button.setChecked(False)
        self.log_button.setText(self.tr("Log to session"))
        if log is None:
            return
        try:
            log.finish()
        except MeterlabError as exc:
            self.news.emit(str(exc), "error", 0)
        else:
            self.news.emit(
                self.tr("Session %1 saved: %2 readings").replace("%1", log.short_id)
                .replace("%2", str(log.readings)), "info", 8000)
            self.sessionFinished.emit(log.session_id)
        self.label.setText(self.tr("Not logging"))

    def sync_limit(self, limit: object | None, text: str, unit: str, function: str) -> None:
        """The session judges by the limit shown: a new limit becomes a new check."""
        log = self.session_log
        if log is None or limit is self._limit:
            return
        self._limit = limit
        log.set_limit(limit, text, unit, function)

    def refresh(self) -> None:
        log = self.session_log
        if log is None:
            return
        text = self.tr("Session %1 · %2 readings").replace("%1", log.short_id).replace(
            "%2", str(log.readings))
        if log.error:
            text += "\n⚠ " + log.error
        self.label.setText(text)
