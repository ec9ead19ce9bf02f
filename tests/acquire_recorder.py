"""What an acquisition handed on: its batches and status events, collected from its
worker thread, for the tests of the streaming engine (`meterlab.acquire`)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np

from meterlab.acquire import Acquisition, State, StatusEvent
from meterlab.readings import ReadingBatch


class Recorder:
    """Collects batches and status events from the worker thread."""

    def __init__(self, acq: Acquisition) -> None:
        self.batches: list[ReadingBatch] = []
        self.events: list[StatusEvent] = []
        self.lock = threading.Lock()
        acq.subscribe(self.batch)
        acq.on_status(self.status)

    def batch(self, b: ReadingBatch) -> None:
        with self.lock:
            self.batches.append(b)

    def status(self, e: StatusEvent) -> None:
        with self.lock:
            self.events.append(e)

    @property
    def n(self) -> int:
        with self.lock:
            return sum(len(b) for b in self.batches)

    def states(self) -> list[State]:
        with self.lock:
            return [e.state for e in self.events]

    def wait_for(self, cond: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not cond():
            assert time.monotonic() < deadline, f"timed out; events: {self.events}"
            time.sleep(0.01)

    def values(self) -> np.ndarray:
        return np.concatenate([b.values for b in self.batches])

    def times(self) -> np.ndarray:
        return np.concatenate([b.t for b in self.batches])
