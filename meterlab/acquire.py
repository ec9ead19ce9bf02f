"""The acquisition engine: one worker thread per instrument, batches to subscribers.

The worker streams DMM readings in numpy batches, at the fastest rate the meter
and its settings allow (buffered `R?`-style draining while the meter measures),
or one reading per requested interval. Every reading gets a UTC timestamp. The
store and the GUI's ring buffers subscribe; subscribers run on the worker thread
and must only queue the batch (never block on I/O longer than a flush).

When the instrument stops answering, everything already read has been handed
on; the engine reports the loss in words, reconnects with backoff, and marks the
first batch after the gap (`gap_before`) so a trend shows the break.

Qt-free on purpose: the CLI, tests and other programs use it as it is.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from typing import Protocol

import numpy as np

from meterlab.errors import MeterlabError
from meterlab.readings import ReadingBatch

log = logging.getLogger(__name__)


class Meter(Protocol):
    """What the engine needs of a multimeter driver."""

    def start_stream(self) -> None: ...
    def fetch_available(self, max_n: int = ...) -> ReadingBatch: ...
    def stop_stream(self) -> None: ...
    def read_batch(self, n: int) -> ReadingBatch: ...


class State(Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    RECONNECTING = "reconnecting"
    STOPPED = "stopped"


@dataclass(frozen=True)
class StatusEvent:
    """A change the user should hear about, in words."""

    state: State
    message: str
    readings: int
    error: str = ""


Subscriber = Callable[[ReadingBatch], None]
StatusListener = Callable[[StatusEvent], None]


class Acquisition:
    """Stream readings from a meter in a worker thread.

    `open_meter` opens the connection and configures the meter (function, range,
    NPLC); the engine calls it at start and again after every loss, so the
    configuration is restored on reconnect.

    `interval=None` streams as fast as the instrument measures; a number takes
    one reading every `interval` seconds.
    """

    def __init__(
        self,
        open_meter: Callable[[], Meter],
        *,
        interval: float | None = None,
        name: str = "multimeter",
        poll: float = 0.05,
        max_batch: int = 50_000,
        backoff: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 5.0),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._open_meter = open_meter
        self.interval = interval
        self.name = name
        self.poll = poll
        self.max_batch = max_batch
        self.backoff = backoff
        self._clock = clock
        self._subscribers: list[Subscriber] = []
        self._listeners: list[StatusListener] = []
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._resume = threading.Event()
        self._resume.set()
        self.state = State.IDLE
        self.readings = 0
        self.gaps = 0
        self.last_error = ""
        self._meter: Meter | None = None

    # -- subscription -------------------------------------------------------------------

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Receive every batch (on the worker thread); returns an unsubscribe function."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock, contextlib.suppress(ValueError):
                self._subscribers.remove(callback)

        return unsubscribe

    def on_status(self, callback: StatusListener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(callback)

        def remove() -> None:
            with self._lock, contextlib.suppress(ValueError):
                self._listeners.remove(callback)

        return remove

    # -- control -----------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._resume.set()
        self._thread = threading.Thread(target=self._run, name=f"acquire-{self.name}",
                                        daemon=True)
        self._thread.start()

    def pause(self) -> None:
        if self.state is State.RUNNING:
            self._resume.clear()

    def resume(self) -> None:
        self._resume.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop and wait: every reading taken so far has reached the subscribers."""
        self._stop.set()
        self._resume.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- worker ------------------------------------------------------------------------------

    def _emit(self, batch: ReadingBatch) -> None:
        if len(batch) == 0:
            return
        self.readings += len(batch)
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(batch)
            except Exception:  # a broken consumer must not stop the measurement
                log.exception("subscriber %r failed", callback)

    def _status(self, state: State, message: str, error: str = "") -> None:
        self.state = state
        event = StatusEvent(state, message, self.readings, error)
        with self._lock:
            listeners = list(self._listeners)
        for callback in listeners:
            try:
                callback(event)
            except Exception:
                log.exception("status listener %r failed", callback)

    def _run(self) -> None:
        gap = False
        attempt = 0
        while not self._stop.is_set():
            try:
                self._meter = self._open_meter()
            except MeterlabError as exc:
                gap = True
                self.last_error = str(exc)
                delay = self.backoff[min(attempt, len(self.backoff) - 1)]
                attempt += 1
                self._status(State.RECONNECTING,
                             f"The {self.name} does not answer. Readings so far are saved. "
                             f"Trying again in {delay:g} s…", str(exc))
                self._stop.wait(delay)
                continue
            attempt = 0
            self._status(State.RUNNING, f"The {self.name} is measuring.")
            try:
                if self.interval is None:
                    self._stream(self._meter, gap)
                else:
                    self._timed(self._meter, gap)
                break  # stopped on request
            except MeterlabError as exc:
                gap = True
                self.gaps += 1
                self.last_error = str(exc)
                self._status(State.RECONNECTING,
                             f"The {self.name} stopped answering. Readings so far are saved. "
                             "Reconnecting…", str(exc))
                self._close_meter()
                self._stop.wait(self.backoff[0])
        self._close_meter()
        self._status(State.STOPPED, f"Stopped after {self.readings} readings.")

    def _close_meter(self) -> None:
        meter, self._meter = self._meter, None
        if meter is None:
            return
        with contextlib.suppress(Exception):
            meter.stop_stream()
        close = getattr(meter, "close", None)
        if close is not None:
            with contextlib.suppress(Exception):
                close()

    def _wait_if_paused(self, meter: Meter, streaming: bool) -> bool:
        """Hold while paused; True when the run should go on."""
        if self._resume.is_set():
            return not self._stop.is_set()
        if streaming:
            meter.stop_stream()
        self._status(State.PAUSED, f"The {self.name} is paused.")
        self._resume.wait()
        if self._stop.is_set():
            return False
        if streaming:
            meter.start_stream()
        self._status(State.RUNNING, f"The {self.name} is measuring.")
        return True

    def _stream(self, meter: Meter, gap: bool) -> None:
        meter.start_stream()
        last_t = self._clock()
        while True:
            if not self._wait_if_paused(meter, streaming=True):
                break
            batch = meter.fetch_available(self.max_batch)
            now = self._clock()
            if len(batch):
                batch = _stamp(batch, last_t, now, gap)
                gap = False
                last_t = now
                self._emit(batch)
                if len(batch) >= self.max_batch:
                    continue  # more is waiting: drain before sleeping
            self._stop.wait(self.poll)
        # Drain what the meter measured before the stop request: nothing is lost.
        with contextlib.suppress(MeterlabError):
            rest = meter.fetch_available(self.max_batch)
            if len(rest):
                self._emit(_stamp(rest, last_t, self._clock(), gap))
        meter.stop_stream()

    def _timed(self, meter: Meter, gap: bool) -> None:
        assert self.interval is not None
        next_t = self._clock()
        while True:
            if not self._wait_if_paused(meter, streaming=False):
                break
            t0 = self._clock()
            batch = meter.read_batch(1)
            t1 = self._clock()
            stamped = np.full(len(batch), 0.5 * (t0 + t1))
            self._emit(replace(batch, t=stamped, gap_before=gap or batch.gap_before))
            gap = False
            next_t = max(next_t + self.interval, t1)
            if self._stop.wait(max(0.0, next_t - self._clock())):
                break


def _stamp(batch: ReadingBatch, last_t: float, now: float, gap: bool) -> ReadingBatch:
    """Spread a drained batch's timestamps evenly over the time since the last drain.

    The meter does not time-stamp buffered readings; the readings of one drain
    were taken between the previous drain and this one, at a steady rate.
    """
    n = len(batch)
    span = max(now - last_t, 0.0)
    t = now - span * (np.arange(n - 1, -1, -1, dtype=np.float64) / max(n, 1))
    return replace(batch, t=t, gap_before=gap or batch.gap_before)
