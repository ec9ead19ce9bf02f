"""The hand-over point between acquisition threads and the GUI thread.

Worker threads call `push()` with whole `ReadingBatch`es (never one call per
reading) and `notify()` with connection news; the GUI calls `drain()` on its
frame timer, ~30 times a second. No Qt signal is emitted per batch, so a
source streaming 50 000 readings/s costs the event loop one short lock per
frame, not thousands of queued events. Qt-free: sources and tests use it
without a QApplication.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from meterlab.readings import ReadingBatch


class FeedEventKind(Enum):
    """What a source can tell the window besides readings."""

    LOST = "lost"  # the instrument stopped answering; readings so far are kept
    RESTORED = "restored"  # it answers again
    STOPPED = "stopped"  # the source ended (by request or because it gave up)
    ERROR = "error"  # something the user should read; acquisition may go on


@dataclass(frozen=True, slots=True)
class FeedEvent:
    kind: FeedEventKind
    message: str = ""
    t: float = 0.0


@dataclass(slots=True)
class Drained:
    batches: list[ReadingBatch]
    events: list[FeedEvent]
    dropped: int  # readings thrown away because the GUI fell too far behind


class ReadingFeed:
    """A lock-protected queue of batches and events with a bound on pending readings.

    If the GUI thread stalls (a modal dialog, a slow machine) the oldest pending
    batches are dropped beyond `max_pending` readings and the next batch the GUI
    sees is marked `gap_before`, so the trend shows a break instead of memory
    growing without end. What the session store keeps is not affected: the
    acquisition engine hands batches to the store on its own path.
    """

    def __init__(self, max_pending: int = 5_000_000) -> None:
        self._lock = threading.Lock()
        self._batches: deque[ReadingBatch] = deque()
        self._events: deque[FeedEvent] = deque()
        self._pending = 0
        self._dropped = 0
        self.max_pending = max_pending
        self.pushed_total = 0
        self._taps: tuple[Callable[[ReadingBatch], None], ...] = ()

    def add_tap(self, tap: Callable[[ReadingBatch], None]) -> None:
        """Also hand every batch to `tap`, on the pushing (acquisition) thread.

        A session log listens here rather than to the GUI's drained batches: the
        GUI may drop batches when it falls behind, a session must not.
        """
        with self._lock:
            self._taps = (*self._taps, tap)

    def remove_tap(self, tap: Callable[[ReadingBatch], None]) -> None:
        with self._lock:
            self._taps = tuple(t for t in self._taps if t is not tap)

    def push(self, batch: ReadingBatch) -> None:
        n = len(batch)
        if n == 0:
            return
        for tap in self._taps:
            tap(batch)
        with self._lock:
            self._batches.append(batch)
            self._pending += n
            self.pushed_total += n
            while self._pending > self.max_pending and len(self._batches) > 1:
                old = self._batches.popleft()
                self._pending -= len(old)
                self._dropped += len(old)

    def notify(self, kind: FeedEventKind, message: str = "") -> None:
        with self._lock:
            self._events.append(FeedEvent(kind, message, time.time()))

    def drain(self) -> Drained:
        """Take everything pending, oldest first (called by the GUI's frame timer)."""
        with self._lock:
            batches = list(self._batches)
            events = list(self._events)
            dropped = self._dropped
            self._batches.clear()
            self._events.clear()
            self._pending = 0
            self._dropped = 0
        if dropped and batches:
            first = batches[0]
            batches[0] = ReadingBatch(
                t=first.t,
                values=first.values,
                overload=first.overload,
                function=first.function,
                unit=first.unit,
                range=first.range,
                gap_before=True,
                source=first.source,
            )
        return Drained(batches, events, dropped)

    @property
    def pending(self) -> int:
        with self._lock:
            return self._pending
