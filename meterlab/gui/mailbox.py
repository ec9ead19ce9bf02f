"""A thread-safe mailbox: a long-lived worker thread posts, the GUI's timer takes all.

The meter's acquisition, the scope worker and a plan run each own their
instrument on a thread of their own for as long as it is open. They never call
into Qt: they post what happened (typed events) here, and the view takes
everything on its frame timer, in order. Batches of readings go through
`feed.ReadingFeed`, the same idea with a bound on pending readings. One-shot
work uses `tasks.TaskRunner` instead.

Qt-free, so the workers stay testable without a display.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Generic, TypeVar

T = TypeVar("T")


class Mailbox(Generic[T]):
    """Items in the order posted; with `maxlen`, the oldest are dropped beyond it."""

    def __init__(self, maxlen: int | None = None) -> None:
        self._lock = threading.Lock()
        self._items: deque[T] = deque(maxlen=maxlen)

    def put(self, item: T) -> None:
        """Post one item (any thread)."""
        with self._lock:
            self._items.append(item)

    def take_all(self) -> list[T]:
        """Everything posted since the last call, oldest first (the GUI's timer)."""
        with self._lock:
            out = list(self._items)
            self._items.clear()
        return out

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)
