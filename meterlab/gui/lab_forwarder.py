"""Forwarding finished sessions to the lab database from the desktop app, in the background.

When the station file names a lab database (`lab_db` under `[station]`), the app does
what `meterlab sync` does — `lab_sync.forward`, exactly once per session — shortly after
it starts, at once whenever a plan run or a meter log finishes a session (the window's
`sessionFinished`), and every minute as a retry, on a background thread (`gui/tasks.py`).
A session finished while a round is going gets a round of its own right after, since the
round under way may have listed the bench's sessions before it was closed. The bench never
waits for the server: a lab that cannot be reached is said once in the banner ("forwarding
will resume"), and said again only after it was reached in between.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from meterlab.gui.tasks import run_in_background

INTERVAL_MS = 60_000
FIRST_MS = 5_000


class LabForwarder(QObject):
    """Forwards the bench's sessions to `url` now and then; `message(text, level)` speaks."""

    message = Signal(str, str)
    forwarded = Signal(int)  # sessions sent in one round

    def __init__(self, db_path: str | Path, url: str, parent: QObject | None = None, *,
                 interval_ms: int = INTERVAL_MS, first_ms: int = FIRST_MS) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.url = url
        self._busy = False
        self._away = False
        self._again = False
        self._window: Any = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poke)
        self._timer.start()
        QTimer.singleShot(first_ms, self.poke)

    def session_finished(self, _session_id: str = "") -> None:
        """A session was just closed on this bench: forward now, or right after this round."""
        if self._busy:
            self._again = True
            return
        self.poke()

    def poke(self) -> None:
        """Forward now (unless a round is still going)."""
        if self._busy:
            return
        self._busy = True
        db, url = self.db_path, self.url

        def work() -> Any:
            from meterlab.lab_sync import forward

            return forward(db, url)

        run_in_background(work, self._done, self._failed, self, "lab-forward")

    def _next(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.poke()

    def _done(self, report: Any) -> None:
        self._away = False
        if report.sent:
            self.message.emit(self.tr("%n session(s) forwarded to the lab database.", "",
                                      len(report.sent)), "info")
        for sid, why in report.refused:
            self.message.emit(self.tr("Session %1 was not forwarded: its records do not "
                                      "verify (%2). It stays on this bench.")
                              .replace("%1", sid[:8]).replace("%2", why), "error")
        self.forwarded.emit(len(report.sent))
        self._next()

    def _failed(self, exc: BaseException) -> None:
        from meterlab.lab_sync import LabUnreachable

        if isinstance(exc, LabUnreachable):
            if not self._away:
                self._away = True
                self.message.emit(self.tr("The lab database cannot be reached (%1). Sessions "
                                          "stay on this bench; forwarding will resume.")
                                  .replace("%1", str(exc)), "warning")
        else:
            self.message.emit(self.tr("Forwarding to the lab database stopped: %1")
                              .replace("%1", str(exc)), "error")
        self._next()

    def follow(self, window: Any) -> None:
        """Forward each session the window finishes at once; show its "✔ lab" after."""
        self._window = window
        window.sessionFinished.connect(self.session_finished)
        self.forwarded.connect(self._refresh_sessions)

    def _refresh_sessions(self, sent: int) -> None:
        view = self._window.views.get("sessions") if self._window is not None else None
        if sent and view is not None:
            view.refresh()

    def stop(self) -> None:
        self._timer.stop()


def start_lab_forwarder(window: Any, db_path: str | Path | None) -> LabForwarder | None:
    """A forwarder for the window when the station file names a lab database, else None."""
    from meterlab.errors import MeterlabError
    from meterlab.station import load_station
    from meterlab.store import default_db_path
    from meterlab.store_engine import is_url

    try:
        url = load_station().lab_db
    except MeterlabError:
        return None  # a broken station file is reported where it is read for instruments
    if not url or not is_url(url) or is_url(db_path):
        return None
    fwd = LabForwarder(db_path or default_db_path(), url, window)
    fwd.message.connect(lambda text, level: window.show_news(text, level))
    fwd.follow(window)
    return fwd
