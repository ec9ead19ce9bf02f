"""The acquisition engine: one worker thread per instrument, batches to subscribers.

The worker streams DMM readings in numpy batches, at the fastest rate the meter
and its settings allow (buffered `R?`-style draining while the meter measures),
or one reading per requested interval. Every reading gets a UTC timestamp. The
store and the GUI's ring buffers subscribe; subscribers run on the worker thread
and must only queue the batch (never block on I/O longer than a flush).

When the instrument stops answering, everything already read has been handed
on; the engine reports the loss in words, reconnects with backoff, and marks the
first batch after the gap (`gap_before`) so a trend shows the break. Where the
link broke during a buffered stream (dropped, garbled, a block cut off) the meter
itself went on measuring into its memory: a driver that can tell it is still in the
same acquisition (`resume_stream`) is reconnected and drained on, so only the
readings of the reply the fault destroyed are lost, and the gap is marked only when
some were (with their count where the driver knows it). A meter that was restarted
meanwhile gets a fresh acquisition, as after any other loss. A caller
that cannot wait forever (the CLI) sets `give_up`: after that many seconds
without the meter the run ends with `error` set, instead of retrying for ever
as the GUI does while someone walks over to switch the meter back on.

Not every failure is worth retrying. A meter that answers, but wrongly (a reply
that is not a number, an error it logged) gets `max_errors` fresh connections in
a row before the engine gives up; a setting the meter refuses (`UsageError`) or
a bug ends the run at once, because reconnecting cannot change the answer.

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

from meterlab.errors import (
    ConnectionLost,
    InstrumentError,
    InstrumentRefused,
    InstrumentTimeout,
    MeterlabError,
    NoAnswer,
    ReplyCutOff,
)
from meterlab.readings import ReadingBatch

log = logging.getLogger(__name__)

#: Poll interval (s) until a stream's first reading has arrived (then `poll` applies),
#: for at most FIRST_POLL_WINDOW_S: a meter waiting for an external trigger, or at
#: 100 PLC, is then asked at the normal pace instead of 200 times a second.
FIRST_POLL_S = 0.005
FIRST_POLL_WINDOW_S = 0.5


class Meter(Protocol):
    """What the engine needs of a multimeter driver. Used when present: `close()`;
    `can_resume`, `resume_stream()` (take a stream up again on a new connection after a
    broken link, see `Multimeter.resume_stream`) and `stream_exhausted`."""

    def start_stream(self) -> None: ...
    def fetch_available(self, max_n: int = ...) -> ReadingBatch: ...
    def stop_stream(self) -> ReadingBatch | None: ...
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
    lossless: bool = False  # back after a stall with nothing missed: no gap to mark
    #: back on the same acquisition after a broken link; `message` says what was lost
    resumed: bool = False


Subscriber = Callable[[ReadingBatch], None]
StatusListener = Callable[[StatusEvent], None]


class _Fatal(Exception):
    """Ends the worker: the reason is in `Acquisition.error`."""


class Acquisition:
    """Stream readings from a meter in a worker thread.

    `open_meter` opens the connection and configures the meter (function, range,
    NPLC); the engine calls it at start and again after every loss, so the
    configuration is restored on reconnect.

    `interval=None` streams as fast as the instrument measures; a number takes
    one reading every `interval` seconds. `count` ends the run by itself after
    that many readings (None: until `stop()`). `give_up` bounds, in seconds, how
    long the meter may stay away before the run ends with `error` set (None:
    keep trying). After the run, `error` is None when it ended as asked.
    """

    def __init__(
        self,
        open_meter: Callable[[], Meter],
        *,
        interval: float | None = None,
        name: str = "multimeter",
        count: int | None = None,
        give_up: float | None = None,
        max_errors: int = 3,
        poll: float = 0.05,
        max_batch: int = 50_000,
        backoff: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 5.0),
        clock: Callable[[], float] = time.time,
    ) -> None:
        if interval is not None and not interval >= 0:
            raise ValueError(f"interval must be a non-negative number of seconds, not {interval}")
        if count is not None and count < 1:
            raise ValueError(f"count must be at least 1 (None: until stopped), not {count}")
        self._open_meter = open_meter
        self.interval = interval
        self.name = name
        self.count = count
        self.give_up = give_up
        self.max_errors = max(1, max_errors)
        self.poll = poll
        self.max_batch = max_batch
        self.backoff = backoff or (0.5,)
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
        self.error: MeterlabError | None = None
        self._meter: Meter | None = None
        self._trouble_since: float | None = None  # monotonic time of the first failure
        self._wrong = 0  # wrong answers in a row, without a reading in between
        self._broken: set[int] = set()
        # A meter whose link broke mid-stream, to be resumed on a new connection.
        self._parked: Meter | None = None
        self._gap_pending = False  # a break not yet marked (decided when resumed or not)
        self._last_t = 0.0  # when the last drain was asked (resumed drains start there)

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
        """Hear about every state change (on the worker thread); returns a remove function."""
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
        self.error = None
        self._thread = threading.Thread(target=self._run, name=f"acquire-{self.name}",
                                        daemon=True)
        self._thread.start()

    def pause(self) -> None:
        """Hold the measurement; readings the meter took before the pause are still delivered."""
        if self.state is State.RUNNING:
            self._resume.clear()

    def resume(self) -> None:
        self._resume.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop and wait: every reading taken so far has reached the subscribers."""
        self._stop.set()
        self._resume.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if not thread.is_alive():
                self._thread = None

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the run to end (count reached, stopped, or given up); True if it has."""
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- worker ------------------------------------------------------------------------------

    def _remaining(self) -> int | None:
        return None if self.count is None else max(self.count - self.readings, 0)

    def _done(self) -> bool:
        return self._stop.is_set() or (self.count is not None and self.readings >= self.count)

    def _emit(self, batch: ReadingBatch | None) -> None:
        if batch is None or len(batch) == 0:
            return
        remaining = self._remaining()
        if remaining is not None and len(batch) > remaining:
            if remaining == 0:
                return
            # The meter took more than was asked for (a meter that cannot count): the
            # caller asked for `count` readings, so the extra ones are not delivered.
            batch = _head(batch, remaining)
        self.readings += len(batch)
        self._trouble_since = None
        self._wrong = 0
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(batch)
            except Exception:  # a broken consumer must not stop the measurement
                if id(callback) not in self._broken:  # once, not once per batch
                    self._broken.add(id(callback))
                    log.exception("subscriber %r failed; it keeps getting batches", callback)

    def _status(self, state: State, message: str, error: str = "", *,
                lossless: bool = False, resumed: bool = False) -> None:
        self.state = state
        event = StatusEvent(state, message, self.readings, error, lossless, resumed)
        with self._lock:
            listeners = list(self._listeners)
        for callback in listeners:
            try:
                callback(event)
            except Exception:
                log.exception("status listener %r failed", callback)

    def _run(self) -> None:
        try:
            self._work()
        except _Fatal:
            pass
        except Exception as exc:  # a bug must still end the run in words, not silently
            log.exception("acquisition of %s failed", self.name)
            self.error = MeterlabError(
                f"Reading the {self.name} failed unexpectedly ({type(exc).__name__}: {exc}). "
                f"The {self.readings} readings taken before are kept.")
        finally:
            self._close_meter()
            parked, self._parked = self._parked, None
            if parked is not None:
                _close_link(parked)
            if self.error is not None:
                self._status(State.STOPPED, f"The {self.name} stopped after {self.readings} "
                             f"readings: {self.error}", str(self.error))
            else:
                self._status(State.STOPPED, f"Stopped after {self.readings} readings.")

    def _work(self) -> None:
        gap = False
        attempt = 0
        while not self._done():
            resumed_gap = None
            if self._parked is not None:
                try:
                    resumed_gap = self._take_up()
                except InstrumentError as exc:
                    attempt = self._retry_later(attempt, exc)
                    continue
            resumed = resumed_gap is not None
            if resumed:
                gap = bool(resumed_gap)
            else:
                if self._gap_pending:
                    self._gap_pending = False
                    gap = True
                    self.gaps += 1
                try:
                    self._meter = self._open_meter()
                except InstrumentError as exc:
                    gap = True
                    attempt = self._retry_later(attempt, exc)
                    continue
                except MeterlabError as exc:  # a setting or profile problem: retrying won't help
                    self._fail(exc)
                self._status(State.RUNNING, f"The {self.name} is measuring.")
            attempt = 0
            try:
                if self.interval is None:
                    self._stream(self._meter, gap, resumed=resumed)
                else:
                    self._timed(self._meter, gap)
                break  # stopped on request, or the count is reached
            except InstrumentError as exc:
                gap = True
                meter = self._meter
                if (self.interval is None and meter is not None
                        and getattr(meter, "can_resume", False)):
                    # The link broke, not (we hope) the meter's acquisition: keep the driver
                    # and its stream to take up on a new connection; no ABORt is sent.
                    self._meter = None
                    self._parked = meter
                    _close_link(meter)
                    self._gap_pending = True
                else:
                    self.gaps += 1
                    self._close_meter()
                kind = fault_kind(exc)
                if kind not in ("lost", "stalled"):  # the link, not the meter: give_up bounds it
                    self._wrong += 1
                    if self._wrong >= self.max_errors:
                        self._fail(exc)
                delay = self._wait_time(0, exc)
                self._status(State.RECONNECTING,
                             f"The {self.name} {_FAULT_WORDS[kind]}. Readings so far are saved. "
                             "Reconnecting…", str(exc))
                self._stop.wait(delay)
            except MeterlabError as exc:
                self._fail(exc)

    def _take_up(self) -> bool | None:
        """Take the parked meter up again. When its acquisition goes on: whether readings
        were lost (the next batch marks the gap). A meter still away raises (the caller
        backs off); one restarted meanwhile is closed and None returned, so a fresh
        acquisition is started (its gap marked)."""
        meter = self._parked
        assert meter is not None
        try:
            got = meter.resume_stream()  # type: ignore[attr-defined]
        except (ConnectionLost, InstrumentTimeout, NoAnswer):
            raise  # still away: try again after the back-off
        except InstrumentError:  # it answers, but not so that it can be trusted: start anew
            got = None
        self._parked = None
        if got is None:
            _close_link(meter)
            return None
        self._meter = meter
        self._gap_pending = False
        self._trouble_since = None
        lost = got.lost
        if lost is None:
            what = ("readings it sent as the link broke are lost; how many is not known "
                    "(the gap is marked)")
        elif lost:
            what = (f"{lost} reading{'s' if lost != 1 else ''} it sent as the link broke "
                    f"{'were' if lost != 1 else 'was'} lost (the gap is marked)")
        else:
            what = "none was lost"
        if lost != 0:
            self.gaps += 1
        self._status(State.RUNNING, f"The {self.name} answers again and kept measuring: the "
                     f"readings it took meanwhile follow; {what}.", resumed=True,
                     lossless=lost == 0)
        return lost != 0

    def _retry_later(self, attempt: int, exc: MeterlabError) -> int:
        """Say the meter is away, wait out the backoff (or a stop); the next attempt's number."""
        delay = self._wait_time(attempt, exc)
        self._status(State.RECONNECTING,
                     f"The {self.name} does not answer. Readings so far are saved. "
                     f"Trying again in {delay:.1f} s…", str(exc))
        self._stop.wait(delay)
        return attempt + 1

    def _wait_time(self, attempt: int, exc: MeterlabError) -> float:
        """Backoff before the next attempt; give up when the meter has been away too long."""
        self.last_error = str(exc)
        now = time.monotonic()
        if self._trouble_since is None:
            self._trouble_since = now
        delay = self.backoff[min(attempt, len(self.backoff) - 1)]
        if self.give_up is None:
            return delay
        left = self._trouble_since + self.give_up - now
        if left <= 0:
            self._fail(ConnectionLost(
                f"The {self.name} did not come back within {self.give_up:g} s, so meterlab "
                f"stopped trying ({_first_sentence(str(exc))})"))
        return min(delay, left)

    def _fail(self, exc: MeterlabError) -> None:
        self.error = exc
        self.last_error = str(exc)
        raise _Fatal

    def _close_meter(self) -> None:
        """Close the meter, first taking what it still holds: after a reply that could not
        be understood the link may be fine and the readings behind it are good (they
        follow a hole, hence the gap mark)."""
        meter, self._meter = self._meter, None
        if meter is None:
            return
        try:
            rest = meter.stop_stream()
        except Exception:  # the link is gone: nothing more can be read from it
            rest = None
        if rest is not None and len(rest):
            self._emit(replace(rest, gap_before=True, gap_reason="fault"))
        close = getattr(meter, "close", None)
        if close is not None:
            with contextlib.suppress(Exception):
                close()

    def _start_stream(self, meter: Meter) -> None:
        remaining = self._remaining()
        if remaining is None:
            meter.start_stream()
        else:
            meter.start_stream(count=remaining)  # type: ignore[call-arg]

    def _wait_if_paused(self, meter: Meter, streaming: bool, last_t: float, gap: bool) -> bool:
        """Hold while paused; True when the run should go on."""
        if self._resume.is_set():
            return not self._done()
        if streaming:
            # What the meter measured up to the pause is delivered now, not thrown away.
            asked = self._clock()
            self._emit(_stamp(meter.stop_stream(), last_t, asked, gap))
        self._status(State.PAUSED, f"The {self.name} is paused.")
        self._resume.wait()
        if self._done():
            return False
        if streaming:
            self._start_stream(meter)
        self._status(State.RUNNING, f"The {self.name} is measuring.")
        return True

    def _stream(self, meter: Meter, gap: bool, *, resumed: bool = False) -> None:
        # Time stamps: the readings of one drain were measured after the previous request
        # reached the meter and before this one did. The time a request is sent is the
        # better estimate of that moment than the time its reply has fully arrived (a big
        # block takes a while on the wire, and this thread may wait for the GIL).
        if resumed:
            last_t = self._last_t  # what it holds was measured since the last drain
        else:
            last_t = self._clock()
            self._start_stream(meter)
        stalled = False
        # Until the first reading has come, ask again soon (for a while): a technician is
        # looking at an empty readout, and at 0.2 PLC the first reading is there 4 ms
        # after INIT.
        fast_until = time.monotonic() + (0.0 if resumed else FIRST_POLL_WINDOW_S)
        while True:
            if not self._resume.is_set():
                if not self._wait_if_paused(meter, True, last_t, gap):
                    return
                last_t = self._clock()
                gap = True  # the time line has a hole where the pause was
            if self._done():
                break
            asked = self._clock()
            try:
                batch = meter.fetch_available(self.max_batch)
            except InstrumentTimeout as exc:
                # Stalled, not gone: the meter keeps measuring into its memory and the
                # connection claims the late reply on the next ask, so waiting loses
                # nothing (reconnecting would: the late reply holds readings already taken
                # out of the meter). Given up on like any trouble after `give_up`.
                delay = self._wait_time(0, exc)
                if not stalled:
                    self._status(State.RECONNECTING,
                                 f"The {self.name} is not answering. Readings so far are "
                                 "saved; waiting for it…", str(exc))
                stalled = True
                self._stop.wait(min(delay, self.poll))
                continue
            if stalled:
                stalled = False
                self._trouble_since = None
                self._status(State.RUNNING, f"The {self.name} answers again; the readings "
                             "it took meanwhile follow.", lossless=True)
            if len(batch):
                self._emit(_stamp(batch, last_t, asked, gap))
                gap = False
            last_t = self._last_t = asked  # (an empty drain: nothing measured before it)
            if getattr(meter, "stream_exhausted", False):
                break  # a counted stream whose last readings went down with a broken reply
            if len(batch) >= self.max_batch:
                continue  # more is waiting: drain before sleeping
            if len(batch):
                fast_until = 0.0
            soon = time.monotonic() < fast_until
            self._stop.wait(min(self.poll, FIRST_POLL_S) if soon else self.poll)
        # Drain what the meter measured before the stop request: nothing is lost.
        asked = self._clock()
        self._emit(_stamp(meter.stop_stream(), last_t, asked, gap))

    def _timed(self, meter: Meter, gap: bool) -> None:
        assert self.interval is not None
        next_t = time.monotonic()
        while True:
            if not self._resume.is_set():
                if not self._wait_if_paused(meter, False, 0.0, gap):
                    return
                next_t = time.monotonic()
            if self._done():
                return
            t0 = self._clock()
            batch = meter.read_batch(1)
            t1 = self._clock()
            stamped = np.full(len(batch), 0.5 * (t0 + t1))
            self._emit(replace(batch, t=stamped, gap_before=gap or batch.gap_before))
            gap = False
            if self._done():
                return
            # Never burst to catch up after a slow reading: the next one is one interval on.
            next_t = max(next_t + self.interval, time.monotonic())
            if self._stop.wait(max(0.0, next_t - time.monotonic())):
                return


def _close_link(meter: Meter) -> None:
    """Close the connection only: the meter's acquisition is left running (no ABORt)."""
    close = getattr(meter, "close", None)
    if close is not None:
        with contextlib.suppress(Exception):
            close()


def _first_sentence(text: str) -> str:
    head, sep, _ = text.partition(". ")
    return head.rstrip(".") if sep else text.rstrip(".")


def _head(batch: ReadingBatch, n: int) -> ReadingBatch:
    return replace(batch, t=batch.t[:n], values=batch.values[:n], overload=batch.overload[:n])


#: How each kind of fault is announced: named for what happened, never guessed.
_FAULT_WORDS = {
    "lost": "stopped answering (the connection was lost)",
    "stalled": "did not answer in time",
    "refused": "reported an error",
    "garbled": "sent a reply meterlab could not read",
}


def fault_kind(exc: InstrumentError) -> str:
    """"lost", "stalled" (no answer within the timeout, a block cut off), "refused" (the
    instrument's error queue) or "garbled" (a reply that is not what was asked for)."""
    if isinstance(exc, ConnectionLost):
        return "lost"
    if isinstance(exc, InstrumentTimeout | ReplyCutOff):
        return "stalled"
    if isinstance(exc, InstrumentRefused):
        return "refused"
    return "garbled"


def _stamp(batch: ReadingBatch | None, last_t: float, now: float, gap: bool) -> ReadingBatch | None:
    """Spread a drained batch's timestamps evenly over (last_t, now].

    The meter does not time-stamp buffered readings; the readings of one drain
    were taken between the previous request and this one, at a steady rate.
    """
    if batch is None or len(batch) == 0:
        return batch
    n = len(batch)
    span = max(now - last_t, 0.0)
    t = now - span * (np.arange(n - 1, -1, -1, dtype=np.float64) / max(n, 1))
    return replace(batch, t=t, gap_before=gap or batch.gap_before)
