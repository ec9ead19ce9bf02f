"""Run slow work (database queries, exports, verification) off the GUI thread.

A session may hold a million readings and an export may take seconds; the
window must keep painting meanwhile. `run_in_background` starts a daemon thread
and hands its outcome back on the GUI thread through a short polling timer, so
the callbacks may touch widgets freely. Errors come back as exceptions for the
caller to put into words; nothing is raised into Qt's event loop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)
POLL_MS = 40


class BackgroundTask(QObject):
    """One piece of work on a daemon thread; `done(result)` or `failed(exc)` on the GUI thread."""

    def __init__(self, work: Callable[[], Any], done: Callable[[Any], None],
                 failed: Callable[[BaseException], None], parent: QObject,
                 name: str = "background") -> None:
        super().__init__(parent)
        self._work = work
        self._done = done
        self._failed = failed
        self._outcome: list[tuple[bool, Any]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> BackgroundTask:
        self._thread.start()
        self._timer.start()
        return self

    def _run(self) -> None:
        try:
            self._outcome.append((True, self._work()))
        except BaseException as exc:  # handed to the GUI thread, which says it in words
            if not isinstance(exc, Exception):
                log.exception("background task failed")
            self._outcome.append((False, exc))

    def _poll(self) -> None:
        if not self._outcome:
            return
        self._timer.stop()
        ok, value = self._outcome[0]
        try:
            if ok:
                self._done(value)
            else:
                self._failed(value)
        finally:
            self.deleteLater()


def run_in_background(work: Callable[[], Any], done: Callable[[Any], None],
                      failed: Callable[[BaseException], None], parent: QObject,
                      name: str = "background") -> BackgroundTask:
    """Start `work()` on a thread; exactly one of `done` / `failed` runs later on this one."""
    return BackgroundTask(work, done, failed, parent, name).start()
