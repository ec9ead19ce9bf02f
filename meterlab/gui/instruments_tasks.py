"""Run instrument I/O on worker threads and hand the outcome back to the GUI thread.

Anything that talks to an instrument can wait seconds (a dead address, a query
the instrument does not know), so the instruments view, the connect dialog and
the SCPI console never call VISA on the GUI thread. They submit a function
here; it runs on a short-lived daemon thread, and its result (or the exception
it raised) is delivered to a callback on the thread that owns the runner,
through a queued Qt signal. A runner that was deleted meanwhile simply drops
the late result.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

#: callback(result, error): exactly one of them is meaningful (error None on success).
Callback = Callable[[Any, BaseException | None], None]


class TaskRunner(QObject):
    """Owns the callbacks of running jobs; create it on the GUI thread."""

    _finished = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
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

        def work() -> None:
            result: Any = None
            error: BaseException | None = None
            try:
                result = fn()
            except BaseException as exc:  # handed to the GUI thread, which decides what to say
                error = exc
            # RuntimeError: the runner (and its window) is gone, nobody is left to tell.
            with contextlib.suppress(RuntimeError):
                self._finished.emit(job, result, error)

        threading.Thread(target=work, name=f"meterlab-{name}", daemon=True).start()
        return job

    def _deliver(self, job: int, result: Any, error: Any) -> None:
        callback = self._callbacks.pop(job, None)
        if callback is not None:
            callback(result, error)
