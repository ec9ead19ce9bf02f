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

import shiboken6
from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)
POLL_MS = 40
#: Tasks still running or not yet reported (they have no Qt parent to keep them).
_LIVE: set[BackgroundTask] = set()


class BackgroundTask(QObject):
    """One piece of work on a daemon thread; `done(result)` or `failed(exc)` on the GUI thread."""

    def __init__(self, work: Callable[[], Any], done: Callable[[Any], None],
                 failed: Callable[[BaseException], None], parent: QObject,
                 name: str = "background") -> None:
        # Not a child of `parent`: a view deleted while the work runs would delete this
        # task under its pending deleteLater (a crash). The task lives in _LIVE until it
        # has reported, and reports only while its view still exists.
        super().__init__(None)
        self._owner = parent
        self._work = work
        self._done = done
        self._failed = failed
        self._outcome: list[tuple[bool, Any]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        # The thread holds the work and the outcome list, never this QObject: if the
        # view (its parent) is deleted meanwhile, the last reference to the Python
        # wrapper must not be dropped on the worker thread.
        self._thread = threading.Thread(target=_run, args=(work, self._outcome), name=name,
                                        daemon=True)

    def start(self) -> BackgroundTask:
        _LIVE.add(self)
        self._thread.start()
        self._timer.start()
        return self

    def _poll(self) -> None:
        if not self._outcome:
            return
        self._timer.stop()
        ok, value = self._outcome[0]
        try:
            if not shiboken6.isValid(self._owner):
                return  # the view went away meanwhile: nobody to tell
            if ok:
                self._done(value)
            else:
                self._failed(value)
        finally:
            _LIVE.discard(self)
            self.deleteLater()


def _run(work: Callable[[], Any], outcome: list[tuple[bool, Any]]) -> None:
    try:
        outcome.append((True, work()))
    except BaseException as exc:  # handed to the GUI thread, which says it in words
        if not isinstance(exc, Exception):
            log.exception("background task failed")
        outcome.append((False, exc))


def run_in_background(work: Callable[[], Any], done: Callable[[Any], None],
                      failed: Callable[[BaseException], None], parent: QObject,
                      name: str = "background") -> BackgroundTask:
    """Start `work()` on a thread; exactly one of `done` / `failed` runs later on this one."""
    return BackgroundTask(work, done, failed, parent, name).start()
