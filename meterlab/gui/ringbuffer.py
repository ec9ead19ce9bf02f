"""Fixed-capacity numpy ring buffers the live plots draw from.

The plots want one contiguous array per column (pyqtgraph slices and reduces
it without copying), and the feed appends numpy batches many times a second.
A classic wrap-around ring would force a concatenation copy on every redraw,
so this is a *sliding* buffer instead: storage is `capacity + slack` long,
batches are written after the newest item, and only when the slack is used up
are the newest `capacity` items moved back to the front. Appends therefore
cost O(batch) amortised (each item is moved at most `capacity / slack` times),
and `view()` is always a zero-copy slice.

A view is only valid until the next `append`: a compaction may move the data
beneath it. Code that must keep data across appends (a paused plot) copies.
Qt-free on purpose, so it can be tested and benchmarked on its own.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt


class ColumnRing:
    """Several equally long columns (time, value, verdict, …) kept in step.

    Every append supplies all columns with the same length, so row *i* of each
    view always belongs to the same reading.
    """

    def __init__(
        self,
        capacity: int,
        columns: Mapping[str, npt.DTypeLike],
        *,
        slack: float = 0.5,
    ) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        if not columns:
            raise ValueError("a ring needs at least one column")
        self.capacity = int(capacity)
        self._slack = max(1, int(self.capacity * slack))
        size = self.capacity + self._slack
        self._cols = {name: np.empty(size, dtype=dt) for name, dt in columns.items()}
        self._head = 0  # one past the newest item
        self._n = 0  # valid items, ending at _head
        self.total = 0  # items ever appended (survives wrap-around; tells "changed?")
        self.generation = 0  # bumped whenever stored data moves or is cleared

    def __len__(self) -> int:
        return self._n

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self._cols)

    def clear(self) -> None:
        self._head = 0
        self._n = 0
        self.generation += 1

    def append(self, **arrays: npt.ArrayLike) -> None:
        """Append one batch; every column must be given, all with the same length."""
        if set(arrays) != set(self._cols):
            missing = set(self._cols) ^ set(arrays)
            raise ValueError(f"append needs exactly the columns {self.columns}; off: {missing}")
        data = {k: np.asarray(v) for k, v in arrays.items()}
        lengths = {a.shape[0] if a.ndim else 1 for a in data.values()}
        if len(lengths) != 1:
            raise ValueError("all columns of a batch must have the same length")
        k = lengths.pop()
        if k == 0:
            return
        self.total += k
        if k >= self.capacity:
            # Only the newest `capacity` items can survive; write them at the front.
            for name, col in self._cols.items():
                col[: self.capacity] = np.broadcast_to(data[name], (k,))[k - self.capacity :]
            self._head = self.capacity
            self._n = self.capacity
            self.generation += 1
            return
        if self._head + k > self._cols[self.columns[0]].shape[0]:
            keep = min(self._n, self.capacity - k)
            start = self._head - keep
            for col in self._cols.values():
                col[:keep] = col[start : self._head]  # numpy copes with the overlap
            self._head = keep
            self._n = keep
            self.generation += 1
        end = self._head + k
        for name, col in self._cols.items():
            col[self._head : end] = data[name]
        self._head = end
        self._n = min(self._n + k, self.capacity)

    def view(self, name: str) -> np.ndarray:
        """The stored items of column `name`, oldest first, without copying."""
        return self._cols[name][self._head - self._n : self._head]

    def last(self, name: str, count: int) -> np.ndarray:
        """The newest `count` items of a column (fewer if fewer are stored)."""
        count = max(0, min(count, self._n))
        return self._cols[name][self._head - count : self._head]


class RingBuffer(ColumnRing):
    """A single-column ring for the common case of one array."""

    def __init__(self, capacity: int, dtype: npt.DTypeLike = np.float64, *, slack: float = 0.5):
        super().__init__(capacity, {"x": dtype}, slack=slack)

    def push(self, values: npt.ArrayLike) -> None:
        self.append(x=values)

    def array(self) -> np.ndarray:
        return self.view("x")
