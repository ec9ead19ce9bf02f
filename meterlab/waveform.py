"""Waveforms and digital captures: the shapes scope data travels in.

A scope record can be 24 million points, so both types keep one numpy array and
a uniform time base (t0, dt) and compute the time axis only when someone asks
for it. Slicing returns views, not copies. Nothing here knows about SCPI; the
drivers build these, analysis/decoding/export/the GUI consume them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

MAX_LINES = 16


def _time_axis(t0: float, dt: float, n: int) -> np.ndarray:
    # t0 + i*dt computed in one pass (no cumulative rounding drift over 24 M points).
    t = np.arange(n, dtype=np.float64)
    t *= dt
    t += t0
    return t


class Waveform:
    """Analog samples on a uniform time base: y[i] was taken at t0 + i·dt.

    `y` is float64 (or float32 when memory matters) in `unit` (volts unless the
    channel is set to another unit). `meta` carries what the instrument told us
    (preamble, vendor, mode, probe) so an export can say where the numbers came from.
    """

    __slots__ = ("_t", "dt", "meta", "source", "t0", "unit", "y")

    def __init__(
        self,
        y: np.ndarray,
        t0: float,
        dt: float,
        source: str,
        unit: str = "V",
        meta: Mapping[str, Any] | None = None,
    ) -> None:
        y = np.asarray(y)
        if y.dtype not in (np.float64, np.float32):
            y = y.astype(np.float64)
        if y.ndim != 1:
            raise ValueError("a waveform is one-dimensional")
        if not dt > 0:
            raise ValueError(f"sample interval dt must be positive, got {dt!r}")
        self.y = y
        self.t0 = float(t0)
        self.dt = float(dt)
        self.source = source
        self.unit = unit
        self.meta: dict[str, Any] = dict(meta or {})
        self._t: np.ndarray | None = None

    def __len__(self) -> int:
        return int(self.y.shape[0])

    def __repr__(self) -> str:
        return (
            f"Waveform({self.source!r}, {len(self)} pts, t0={self.t0:g} s, "
            f"dt={self.dt:g} s, unit={self.unit!r})"
        )

    @property
    def t(self) -> np.ndarray:
        """The time of every sample (seconds), built on first use and then kept."""
        if self._t is None:
            self._t = _time_axis(self.t0, self.dt, len(self))
        return self._t

    @property
    def sample_rate(self) -> float:
        return 1.0 / self.dt

    @property
    def duration(self) -> float:
        """Time covered by the record (n samples span n·dt)."""
        return len(self) * self.dt

    @property
    def t_end(self) -> float:
        """Time of the last sample."""
        return self.t0 + (len(self) - 1) * self.dt

    def index_at(self, t: float) -> int:
        """Nearest sample index to time t, clipped to the record."""
        i = round((t - self.t0) / self.dt)
        return min(max(i, 0), max(len(self) - 1, 0))

    def window(self, t_start: float, t_stop: float) -> Waveform:
        """The samples with t_start ≤ t ≤ t_stop, as a view (no copy)."""
        i0 = max(0, int(np.ceil((t_start - self.t0) / self.dt - 1e-9)))
        i1 = min(len(self), int(np.floor((t_stop - self.t0) / self.dt + 1e-9)) + 1)
        i1 = max(i0, i1)
        return self[i0:i1]

    def __getitem__(self, item: slice) -> Waveform:
        if not isinstance(item, slice):
            raise TypeError("index a Waveform with a slice; use .y for single samples")
        start, _stop, step = item.indices(len(self))
        return Waveform(
            self.y[item],
            self.t0 + start * self.dt,
            self.dt * step,
            self.source,
            self.unit,
            self.meta,
        )


class DigitalCapture:
    """Logic lines D0–D15 on a uniform time base, one uint16 word per sample.

    Bit n of `lanes[i]` is line Dn at t0 + i·dt. `channels` lists the lines that
    were actually read; the other bits are zero and mean nothing. One word per
    sample (rather than one bool array per line) is what the scopes send (a pod
    is a byte of 8 lines) and keeps 16 lines × 24 Mpts at 48 MB.
    """

    __slots__ = ("_t", "channels", "dt", "lanes", "meta", "t0")

    def __init__(
        self,
        lanes: np.ndarray,
        t0: float,
        dt: float,
        channels: tuple[int, ...],
        meta: Mapping[str, Any] | None = None,
    ) -> None:
        lanes = np.asarray(lanes)
        if lanes.ndim != 1:
            raise ValueError("lanes is one word per sample")
        if lanes.dtype != np.uint16:
            if lanes.dtype.kind not in "uib":
                raise ValueError(f"lanes must be integers, got {lanes.dtype}")
            lanes = lanes.astype(np.uint16)
        if not dt > 0:
            raise ValueError(f"sample interval dt must be positive, got {dt!r}")
        channels = tuple(sorted({int(c) for c in channels}))
        if any(not 0 <= c < MAX_LINES for c in channels):
            raise ValueError(f"digital lines are D0–D15, got {channels}")
        self.lanes = lanes
        self.t0 = float(t0)
        self.dt = float(dt)
        self.channels = channels
        self.meta: dict[str, Any] = dict(meta or {})
        self._t: np.ndarray | None = None

    @classmethod
    def from_lines(
        cls,
        lines: Mapping[int, np.ndarray],
        t0: float,
        dt: float,
        meta: Mapping[str, Any] | None = None,
    ) -> DigitalCapture:
        """Pack separate bool/0-1 arrays (one per line number) into one capture."""
        if not lines:
            raise ValueError("no digital lines given")
        n = min(len(v) for v in lines.values())
        lanes = np.zeros(n, dtype=np.uint16)
        for ch, bits in lines.items():
            lanes |= (np.asarray(bits[:n]) != 0).astype(np.uint16) << np.uint16(ch)
        return cls(lanes, t0, dt, tuple(lines), meta)

    @classmethod
    def from_pods(
        cls,
        pod1: np.ndarray | None,
        pod2: np.ndarray | None,
        t0: float,
        dt: float,
        channels: tuple[int, ...],
        meta: Mapping[str, Any] | None = None,
    ) -> DigitalCapture:
        """Join pod bytes (bit k = D k for pod 1, D 8+k for pod 2) into 16-bit words."""
        pods = [p for p in (pod1, pod2) if p is not None]
        if not pods:
            raise ValueError("no pod data given")
        n = min(len(p) for p in pods)
        lanes = np.zeros(n, dtype=np.uint16)
        if pod1 is not None:
            lanes |= np.asarray(pod1[:n], dtype=np.uint8)
        if pod2 is not None:
            lanes |= np.asarray(pod2[:n], dtype=np.uint8).astype(np.uint16) << np.uint16(8)
        return cls(lanes, t0, dt, channels, meta)

    def __len__(self) -> int:
        return int(self.lanes.shape[0])

    def __repr__(self) -> str:
        names = ",".join(f"D{c}" for c in self.channels)
        return f"DigitalCapture({names}, {len(self)} pts, t0={self.t0:g} s, dt={self.dt:g} s)"

    @property
    def t(self) -> np.ndarray:
        if self._t is None:
            self._t = _time_axis(self.t0, self.dt, len(self))
        return self._t

    @property
    def sample_rate(self) -> float:
        return 1.0 / self.dt

    @property
    def duration(self) -> float:
        return len(self) * self.dt

    def lane(self, n: int) -> np.ndarray:
        """Line Dn as a bool array (a fresh array: one pass over the words)."""
        if n not in self.channels:
            read = ", ".join(f"D{c}" for c in self.channels) or "none"
            raise KeyError(f"D{n} was not captured (captured: {read})")
        return (self.lanes & np.uint16(1 << n)).astype(bool)

    def edges(self, n: int) -> np.ndarray:
        """Indices i where line Dn differs from sample i-1 (where each new level starts)."""
        bits = self.lane(n)
        return np.flatnonzero(bits[1:] != bits[:-1]) + 1

    def __getitem__(self, item: slice) -> DigitalCapture:
        if not isinstance(item, slice):
            raise TypeError("index a DigitalCapture with a slice; use .lanes for samples")
        start, _stop, step = item.indices(len(self))
        return DigitalCapture(
            self.lanes[item], self.t0 + start * self.dt, self.dt * step, self.channels, self.meta
        )
