"""The 34465A's trigger system and reading memory, computed lazily from the clock.

No thread runs per reading. An `Acquisition` records when it was initiated, its
timing (trigger delay, samples per trigger, time per reading) and the trigger
times it received; from that it can say at any moment how many readings exist.
When someone asks (R?, FETCh?, DATA:POINts?, …) the missing readings are made in
one numpy batch and appended to the `ReadingMemory`. An idle meter therefore
costs nothing, and 50 000 readings per second cost one batch per poll.

Each reading's noise depends only on (seed, acquisition number, reading index):
noise is drawn in fixed blocks from a Philox generator keyed by those numbers, so
the readings do not depend on how often a client polls.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from meterlab.sim.dmm_spec import MEMORY_SIZE, OVERLOAD, FuncSpec, autorange

#: Noise is drawn in blocks of this many readings (one generator per block).
NOISE_BLOCK = 4096


@dataclass(slots=True)
class Timing:
    """How long things take in one acquisition, all in seconds."""

    reading: float  #: from the start of a sample to its value (integration, autozero, …)
    interval: float  #: start-to-start time of consecutive samples within one trigger
    delay: float  #: trigger delay before the first sample of each trigger
    samples: int  #: SAMPle:COUNt
    triggers: int | None  #: TRIGger:COUNt, None for INFinity

    @property
    def burst(self) -> float:
        """Time from a trigger to the last sample of its burst being ready."""
        return self.delay + (self.samples - 1) * self.interval + self.reading

    def done_in_burst(self, elapsed: float) -> int:
        """Samples of one burst finished `elapsed` seconds after its trigger."""
        t = elapsed - self.delay - self.reading
        if t < 0:
            return 0
        return min(self.samples, math.floor(t / self.interval + 1e-9) + 1)


@dataclass(slots=True)
class Acquisition:
    """One INITiate (or READ?/MEASure?): its timing, triggers and readings made so far."""

    serial: int
    t0: float
    timing: Timing
    source: str  #: IMMEDIATE, BUS or EXTERNAL
    spec: FuncSpec
    rng_fixed: bool
    range: float
    settings: Any  #: a frozen copy of the function's settings at INITiate
    probe: tuple[str, str]
    triggers: list[float] = field(default_factory=list)  #: trigger times (BUS/EXT)
    produced: int = 0  #: readings generated so far (index of the next one)
    end: int | None = None  #: set by ABORt: readings after this never exist

    @property
    def total(self) -> int | None:
        if self.timing.triggers is None:
            return None
        return self.timing.samples * self.timing.triggers

    def available(self, now: float) -> int:
        """How many readings of this acquisition exist at time `now`."""
        tm = self.timing
        if self.source == "IMMEDIATE":
            elapsed = now - self.t0
            if elapsed <= 0:
                n = 0
            else:
                full = int(elapsed // tm.burst)
                if tm.triggers is not None and full >= tm.triggers:
                    n = tm.samples * tm.triggers
                else:
                    n = full * tm.samples + tm.done_in_burst(elapsed - full * tm.burst)
        else:
            n = 0
            trig = self.triggers
            if len(trig) > 2:
                n = (len(trig) - 2) * tm.samples
            for start in trig[-2:]:
                n += tm.done_in_burst(now - start)
        total = self.total
        if total is not None:
            n = min(n, total)
        if self.end is not None:
            n = min(n, self.end)
        return n

    def complete_at(self) -> float | None:
        """When the last reading will exist, or None if that depends on triggers not yet seen."""
        tm = self.timing
        if self.end is not None:
            return self.t0
        if tm.triggers is None:
            return None
        if self.source == "IMMEDIATE":
            return self.t0 + tm.triggers * tm.burst
        if len(self.triggers) < tm.triggers:
            return None
        return self.triggers[-1] + tm.burst

    def busy_until(self) -> float:
        """When the bursts triggered so far are finished (t0 when none was triggered)."""
        if self.source == "IMMEDIATE" or not self.triggers:
            return self.t0
        return self.triggers[-1] + self.timing.burst

    def waiting_for_trigger(self, now: float) -> bool:
        """True while a BUS/EXT acquisition has no burst in progress and wants more triggers."""
        if self.source == "IMMEDIATE" or self.end is not None:
            return False
        if self.timing.triggers is not None and len(self.triggers) >= self.timing.triggers:
            return False
        return not self.triggers or now >= self.triggers[-1] + self.timing.burst

    def trigger(self, now: float) -> bool:
        """Accept a trigger; False when it must be ignored (one may wait while measuring)."""
        if self.end is not None:
            return False
        if self.timing.triggers is not None and len(self.triggers) >= self.timing.triggers:
            return False
        if self.triggers:
            busy_until = self.triggers[-1] + self.timing.burst
            if self.triggers[-1] > now:
                return False  # one trigger is already buffered
            start = max(now, busy_until)
        else:
            start = now
        self.triggers.append(start)
        return True


class ReadingMemory:
    """Reading memory as a FIFO of numpy chunks: oldest readings are overwritten when full."""

    def __init__(self, capacity: int = MEMORY_SIZE) -> None:
        self.capacity = capacity
        self._chunks: deque[np.ndarray] = deque()
        self.count = 0
        self.overflowed = False
        self.last: float | None = None

    def clear(self) -> None:
        self._chunks.clear()
        self.count = 0
        self.overflowed = False
        self.last = None

    def append(self, values: np.ndarray) -> None:
        if values.size == 0:
            return
        self.last = float(values[-1])
        if values.size > self.capacity:
            self.overflowed = True
            values = values[-self.capacity :]
        self._chunks.append(values)
        self.count += values.size
        excess = self.count - self.capacity
        if excess > 0:
            self.overflowed = True
            self._drop(excess)

    def _drop(self, n: int) -> None:
        while n > 0 and self._chunks:
            first = self._chunks[0]
            if first.size <= n:
                self._chunks.popleft()
                n -= first.size
                self.count -= first.size
            else:
                self._chunks[0] = first[n:]
                self.count -= n
                n = 0

    def peek(self) -> np.ndarray:
        """All stored readings, oldest first, without removing them (FETCh?)."""
        if not self._chunks:
            return np.empty(0)
        if len(self._chunks) > 1:
            merged = np.concatenate(list(self._chunks))
            self._chunks.clear()
            self._chunks.append(merged)
        return self._chunks[0]

    def remove(self, n: int) -> np.ndarray:
        """Remove and return the `n` oldest readings (fewer if fewer are stored)."""
        n = min(n, self.count)
        out: list[np.ndarray] = []
        left = n
        while left > 0:
            first = self._chunks[0]
            if first.size <= left:
                out.append(self._chunks.popleft())
                left -= first.size
            else:
                out.append(first[:left])
                self._chunks[0] = first[left:]
                left = 0
        self.count -= n
        if not out:
            return np.empty(0)
        return out[0] if len(out) == 1 else np.concatenate(out)


def noise_block(seed: int, serial: int, start: int, count: int) -> np.ndarray:
    """Standard normal noise for readings [start, start+count) of one acquisition."""
    out = np.empty(count)
    pos = 0
    while pos < count:
        index = start + pos
        block, offset = divmod(index, NOISE_BLOCK)
        key = [seed & (2**64 - 1), ((serial & 0xFFFFFF) << 40) | block]
        gen = np.random.Generator(np.random.Philox(key=key))
        z = gen.standard_normal(NOISE_BLOCK)
        take = min(NOISE_BLOCK - offset, count - pos)
        out[pos : pos + take] = z[offset : offset + take]
        pos += take
    return out


def make_readings(
    value: float | np.ndarray,
    *,
    spec: FuncSpec,
    rng: float,
    fixed: bool,
    sigma: float,
    offset: float,
    noise: np.ndarray,
) -> np.ndarray:
    """Turn true values (one, or one per reading) into readings on one range.

    Adds the meter's fixed error and its noise; beyond the range's overrange limit
    (or for an open input, ±inf) the reading is the overload value, signed as the input.
    """
    v = np.broadcast_to(np.asarray(value, dtype=np.float64), noise.shape)
    limit = spec.limit(rng) if fixed or rng == spec.ranges[-1] else math.inf
    with np.errstate(invalid="ignore"):
        bad = ~np.isfinite(v) | (np.abs(v) > limit)
        readings = v + offset + sigma * noise
    if spec.magnitude:
        readings = np.abs(readings)
    if bad.any():
        readings = np.where(bad, np.where(v < 0, -OVERLOAD, OVERLOAD), readings)
    return readings


def choose_range(value: float, spec: FuncSpec, current: float, fixed: bool) -> float:
    """The range a reading is taken on: the fixed one, or where autoranging settles."""
    if fixed or not spec.autorange or not math.isfinite(value):
        if not fixed and spec.autorange and not math.isfinite(value):
            return spec.ranges[-1]
        return current
    return autorange(value, current, spec)
