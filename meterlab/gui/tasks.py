"""The one way a view runs a piece of work off the GUI thread and gets its outcome back.

Anything that may wait — VISA I/O (a dead address waits out its timeout), a
database query over a million readings, an export, a verification — is handed
to `TaskRunner.submit` (or `run_in_background`). The work runs on a short-lived
daemon thread; its result, or the exception it raised, comes back to a
callback on the GUI thread through a *queued* Qt signal of a QObject that lives
there. So callbacks may touch widgets freely, nothing is raised into Qt's event
loop, and the GUI thread never polls.

Two ways to hold the runner, one mechanism:

* `TaskRunner(view)`: a child of the view. When the view is deleted, so is the
  runner, and a late result is dropped (nobody is left to tell).
* `run_in_background(work, done, failed, owner)`: a runner shared by the whole
  app; the callbacks run only while `owner` still exists.

Threads that live as long as an instrument is open (the meter's acquisition,
the scope worker, a plan run) do not use this: they publish into a thread-safe
mailbox (`feed.ReadingFeed`, `mailbox.Mailbox`) that the view drains on its
frame timer, so a fast instrument never floods the event loop. See
docs/architecture.md, "Threads".
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

#: callback(result, error): exactly one of them is meaningful (error None on success).
Callback = Callable[[Any, BaseException | None], None]


class TaskRunner(QObject):
    """Owns the callbacks of running jobs; create it on the GUI thread."""

    _finished = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        # Callbacks stay here, on the GUI thread: the worker holds only the work, so
        # the last reference to a view is never dropped on a worker thread.
        self._callbacks: dict[int, Callback] = {}
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> int:
        """How many submitted jobs have not reported back yet."""
        return len(self._callbacks)

    def submit(self, fn: Callable[[], Any], callback: Callback, *, name: str = "task") -> int:
        """Run `fn()` on a worker thread; `callback(result, error)` runs here afterwards."""
        job = next(self._ids)
        self._callbacks[job] = callback
        finished = self._finished

        def work() -> None:
            result: Any = None
            error: BaseException | None = None
            try:
                result = fn()
            except BaseException as exc:  # handed to the GUI thread, which decides what to say
                if not isinstance(exc, Exception):
                    log.exception("task %s failed", name)
                error = exc
            # RuntimeError: the runner (and its view) is gone, nobody is left to tell.
            with contextlib.suppress(RuntimeError):
                finished.emit(job, result, error)

        threading.Thread(target=work, name=f"meterlab-{name}", daemon=True).start()
        return job

    def _deliver(self, job: int, result: Any, error: Any) -> None:
        callback = self._callbacks.pop(job, None)
        if callback is not None:
            callback(result, error)


_shared: TaskRunner | None = None


def shared_runner() -> TaskRunner:
    """The app-wide runner (created on first use, which must be on the GUI thread)."""
    global _shared
    if _shared is None or not shiboken6.isValid(_shared):
        _shared = TaskRunner()
    return _shared


def run_in_background(work: Callable[[], Any], done: Callable[[Any], None],
                      failed: Callable[[BaseException], None], owner: QObject,
                      name: str = "background") -> int:
    """Start `work()` on a thread; exactly one of `done` / `failed` runs later on this one.

    Neither runs if `owner` (the view that asked) has been deleted meanwhile.
    """

    def report(result: Any, error: BaseException | None) -> None:
        if not shiboken6.isValid(owner):
            return
        if error is None:
            done(result)
        else:
            failed(error)

    return shared_runner().submit(work, report, name=name)
