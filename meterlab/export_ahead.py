"""Producing the next piece of an export while the current one is written.

A streamed export alternates two kinds of work on each piece: reading it from the store
and converting it (sqlite, numpy, pandas), and writing it (pyarrow's Parquet writer,
which releases the GIL). Done in turn, the export takes the sum of both; with the
producing side in its own thread, one piece ahead, it takes little more than the
larger of the two. The queue holds one finished piece, so memory stays flat.

The producer's exception is raised in the consumer, and closing the consumer (after
an error while writing, or when done) stops and joins the producer before returning,
so the store is never read after the export has returned.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

_ITEM, _END, _ERROR = range(3)


class ReadAhead(Generic[T]):
    """Iterate over `items`, produced in a background thread `depth` items ahead."""

    def __init__(self, items: Iterable[T], depth: int = 1) -> None:
        self._queue: queue.Queue[tuple[int, object]] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._produce, args=(items,),
                                        name="meterlab-export-ahead", daemon=True)
        self._thread.start()

    def _produce(self, items: Iterable[T]) -> None:
        it = iter(items)
        try:
            for item in it:
                if not self._put((_ITEM, item)):
                    return
                del item
            self._put((_END, None))
        except BaseException as exc:  # handed to the consumer, raised there
            self._put((_ERROR, exc))
        finally:
            close = getattr(it, "close", None)
            if close is not None:  # a generator is closed in the thread that ran it
                close()

    def _put(self, entry: tuple[int, object]) -> bool:
        """Queue `entry`, waiting for room; False when the consumer has stopped."""
        while not self._stop.is_set():
            try:
                self._queue.put(entry, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Iterator[T]:
        while True:
            kind, item = self._queue.get()
            if kind == _END:
                return
            if kind == _ERROR and isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]

    def close(self) -> None:
        """Stop the producer (if still running), wait for it, drop what it had queued."""
        self._stop.set()
        self._thread.join()
        while not self._queue.empty():
            self._queue.get_nowait()
