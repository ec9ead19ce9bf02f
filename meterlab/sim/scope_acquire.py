"""Acquisitions of the simulated MSO1104Z: trigger search, memory records, ADC codes.

An acquisition is a frozen copy of the front panel plus one trigger time in board
time. Its memory is never materialised: any sample `k` of any source is computed
on demand from the board at `t = t_trigger + xorigin + k / srate`, and its noise
is a fixed function of (seed, acquisition, source, k). So a 24 Mpts
record costs nothing until it is read, chunked reads agree sample for sample
with one big read, the 1200 screen points are exactly memory samples, and the
same seed and the same commands give the same bytes.
"""

from __future__ import annotations

import copy
import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from meterlab.sim.scope_state import (
    ADC_MAX,
    ADC_MIN,
    H_DIVS,
    PHYSICAL_PROBE,
    SCREEN_POINTS,
    Y_REF,
    Acquire,
    Channel,
    LogicAnalyser,
    Trigger,
)

#: ADC noise in codes rms: about ±2 codes peak, what a DS1000Z shows at any V/div
NOISE_CODES = 0.6
#: dead time between two acquisitions while running (display and re-arm)
FRAME_GAP = 0.02
#: how long AUTO sweep waits for a trigger before it triggers by itself
AUTO_TIMEOUT = 0.15
#: how much board time NORMal/SINGle sweep searches per attempt before reporting WAIT
WAIT_SPAN = 1.0
#: samples per chunk when searching for a trigger crossing
_SEARCH_CHUNK = 1 << 20


class BoardLike(Protocol):
    def analog(self, net: str, t: np.ndarray) -> np.ndarray: ...


@dataclass(slots=True)
class Panel:
    """The settings an acquisition was taken with (a deep copy, so later knob turns
    do not rewrite a stopped record)."""

    channels: dict[int, Channel]
    la: LogicAnalyser
    trigger: Trigger
    acquire: Acquire
    tscale: float
    toffset: float
    srate: float
    depth: int
    wiring: dict[int, str | None]
    dwiring: dict[int, str | None]

    @classmethod
    def capture(cls, **kw: Any) -> Panel:
        return cls(**{k: copy.deepcopy(v) for k, v in kw.items()})

    # -- time axis ----------------------------------------------------------------------

    @property
    def mem_xorigin(self) -> float:
        """Time of memory sample 0 relative to the trigger (the record is centred on the
        screen centre, which sits at the timebase offset)."""
        return self.toffset - (self.depth / 2) / self.srate

    @property
    def screen_xorigin(self) -> float:
        return self.toffset - (H_DIVS / 2) * self.tscale

    @property
    def screen_xinc(self) -> float:
        return self.tscale / 100.0

    def screen_indices(self) -> np.ndarray:
        """Memory sample nearest to each of the 1200 screen points."""
        x = self.screen_xorigin + np.arange(SCREEN_POINTS) * self.screen_xinc
        k = np.rint((x - self.mem_xorigin) * self.srate).astype(np.int64)
        return np.clip(k, 0, self.depth - 1)

    def window_indices(self, max_points: int) -> np.ndarray:
        """Memory samples covering the screen, at most `max_points` of them (measurements)."""
        k0 = math.floor((self.screen_xorigin - self.mem_xorigin) * self.srate)
        k1 = math.ceil((self.screen_xorigin + H_DIVS * self.tscale - self.mem_xorigin)
                       * self.srate)
        k0, k1 = max(0, k0), min(self.depth, k1)
        step = max(1, math.ceil((k1 - k0) / max_points))
        return np.arange(k0, k1, step, dtype=np.int64)


_NOISE_A = 1 << 20  # the two noise tables' lengths are co-prime: the sum repeats only
_NOISE_B = 1_000_003  # after ~10^12 samples, far beyond any record


@functools.cache
def _noise_tables() -> tuple[np.ndarray, np.ndarray]:
    """Each entry is the sum of two uniforms (variance 1/2): the pair of tables sums
    four, an Irwin–Hall shape that is Gaussian in the middle but bounded at ±3.5 σ,
    like a real front end's noise rather than an unbounded model's rare outliers."""
    rng = np.random.default_rng(0x5C0FE)

    def table(n: int) -> np.ndarray:
        u = rng.random((2, n))
        return ((u[0] + u[1] - 1.0) * math.sqrt(3.0)).astype(np.float32)

    return table(_NOISE_A), table(_NOISE_B)


def hashed_normal(key: int, idx: np.ndarray) -> np.ndarray:
    """Unit-variance noise that depends only on (key, index).

    Two fixed tables of co-prime length, read from offsets the key picks, summed:
    a memory read touches them sequentially, several times faster than hashing
    every index, and any sample comes out the same whichever chunk asks for it.
    Returns a new float32 array the caller may modify.
    """
    a_tab, b_tab = _noise_tables()
    key &= 0xFFFFFFFFFFFFFFFF
    a = np.take(a_tab, (idx + (key & (_NOISE_A - 1))) & (_NOISE_A - 1))
    a += np.take(b_tab, (idx + (key >> 20) % _NOISE_B) % _NOISE_B)
    return a


def _mix(*parts: int) -> int:
    """A stable 64-bit key from small integers (Python's hash() is salted per process)."""
    h = 0x9E3779B97F4A7C15
    for p in parts:
        h ^= (p + 0x9E3779B97F4A7C15 + (h << 6) + (h >> 2)) & 0xFFFFFFFFFFFFFFFF
        h = (h * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    return h


@dataclass(slots=True)
class Acquisition:
    """One triggered (or auto-triggered) record and how to compute any of its samples."""

    board: Any
    panel: Panel
    t_trigger: float
    index: int
    seed: int
    triggered: bool
    dc_levels: dict[int, float] = field(default_factory=dict)
    _screen: dict[str, np.ndarray] = field(default_factory=dict)

    def times(self, idx: np.ndarray) -> np.ndarray:
        p = self.panel
        return (self.t_trigger + p.mem_xorigin) + idx.astype(np.float64) / p.srate

    def _tip(self, ch: int, idx: np.ndarray) -> tuple[np.ndarray | None, float, float]:
        """Board volts on the channel's net and the (gain, offset) that turn them into
        what the channel displays: probe ratio, AC coupling and invert."""
        c = self.panel.channels[ch]
        net = self.panel.wiring.get(ch)
        if net is None or c.coupling == "GND":
            return None, 0.0, 0.0
        v = np.asarray(self.board.analog(net, self.times(idx)))
        gain = (c.probe / PHYSICAL_PROBE) * (-1.0 if c.invert else 1.0)
        dc = self.dc_levels.get(ch, 0.0) if c.coupling == "AC" else 0.0
        return v, gain, -dc * gain

    def volts_at_tip(self, ch: int, idx: np.ndarray) -> np.ndarray:
        """What the channel displays before ADC quantisation and noise, in its units."""
        v, gain, offset = self._tip(ch, idx)
        if v is None:
            return np.zeros(idx.shape, dtype=np.float64)
        return v * gain + offset

    def codes(self, ch: int, idx: np.ndarray) -> np.ndarray:
        """8-bit ADC codes of channel `ch` at memory indices `idx`.

        Worked in place in float32 (codes need no more): this is the hot path of
        a 24 Mpts memory read.
        """
        c = self.panel.channels[ch]
        sigma = NOISE_CODES
        acq = self.panel.acquire
        if acq.type == "AVER":
            sigma /= math.sqrt(acq.averages)
        elif acq.type == "HRES":
            sigma /= 2.0
        x = hashed_normal(_mix(self.seed, self.index, ch), idx)
        x *= np.float32(sigma)
        x += np.float32(Y_REF + c.yorigin)
        v, gain, offset = self._tip(ch, idx)
        if v is not None:
            # code = volts / yinc + yref + yorigin + noise
            x += (v * (gain / c.yinc) + offset / c.yinc).astype(np.float32)
        np.rint(x, out=x)
        np.clip(x, ADC_MIN, ADC_MAX, out=x)
        return x.astype(np.uint8)

    def logic(self, line: int, idx: np.ndarray) -> np.ndarray:
        """State of digital line `line` (board level compared with its pod's threshold)."""
        net = self.panel.dwiring.get(line)
        if net is None:
            return np.zeros(idx.shape, dtype=bool)
        thr = self.panel.la.threshold[line // 8]
        return np.asarray(self.board.analog(net, self.times(idx))) > thr

    def pod_bytes(self, pod: int, idx: np.ndarray) -> np.ndarray:
        """D7…D0 (or D15…D8) packed from the high bit to the low bit, one byte a sample."""
        out = np.zeros(idx.shape, dtype=np.uint8)
        for bit in range(8):
            line = 8 * pod + bit
            if self.panel.dwiring.get(line) is not None:
                out |= self.logic(line, idx).astype(np.uint8) << np.uint8(bit)
        return out

    def screen_codes(self, ch: int) -> np.ndarray:
        key = f"C{ch}"
        if key not in self._screen:
            self._screen[key] = self.codes(ch, self.panel.screen_indices())
        return self._screen[key]

    def screen_logic(self, line: int) -> np.ndarray:
        key = f"D{line}"
        if key not in self._screen:
            self._screen[key] = self.logic(line, self.panel.screen_indices())
        return self._screen[key]


# --- trigger search -------------------------------------------------------------------


def dc_level(board: Any, net: str | None, t: float) -> float:
    """Mean of a net over the 100 ms before t: what an AC-coupled input has blocked."""
    if net is None:
        return 0.0
    ts = t - 0.1 + np.arange(20_000) * (0.1 / 20_000)
    return float(np.mean(board.analog(net, ts)))


Signal = Callable[[np.ndarray], np.ndarray]


def trigger_signal(panel: Panel, board: Any, dc: dict[int, float]) -> tuple[Signal | None, float]:
    """The trigger comparator's input as a function of board time, and its level."""
    src = panel.trigger.active_source()
    if src.startswith("CHAN"):
        ch = int(src[4:])
        c = panel.channels[ch]
        net = panel.wiring.get(ch)
        gain = c.probe / PHYSICAL_PROBE
        # AC trigger coupling blocks DC like AC channel coupling does
        ac = c.coupling == "AC" or panel.trigger.coupling == "AC"
        offs = dc.get(ch, 0.0) * gain if ac else 0.0
        if net is None or c.coupling == "GND":
            return None, 0.0

        def f(t: np.ndarray) -> np.ndarray:
            return np.asarray(board.analog(net, t), dtype=np.float64) * gain - offs

        return f, panel.trigger.active_level()
    line = int(src[1:])
    net = panel.dwiring.get(line)
    if net is None:
        return None, 0.0

    def g(t: np.ndarray) -> np.ndarray:
        return np.asarray(board.analog(net, t), dtype=np.float64)

    return g, panel.la.threshold[line // 8]


def find_trigger(f: Signal, level: float, slope: str, t0: float, span: float,
                 resolution: float) -> float | None:
    """First crossing of `level` with `slope` in [t0, t0 + span], refined by bisection."""
    dt = max(resolution, span / 8e6)
    n_total = int(span / dt) + 1
    start = 0
    prev: float | None = None
    chunk = 4096  # grows: most triggers are found within the first few periods
    while start < n_total:
        n = min(chunk, n_total - start)
        chunk = min(2 * chunk, _SEARCH_CHUNK)
        ts = t0 + (start + np.arange(n)) * dt
        v = f(ts)
        above = v >= level
        if prev is not None:
            above_prev = np.concatenate(([prev >= level], above[:-1]))
        else:
            above_prev = np.concatenate(([above[0]], above[:-1]))
        if slope == "POS":
            hits = np.flatnonzero(above & ~above_prev)
        elif slope == "NEG":
            hits = np.flatnonzero(~above & above_prev)
        else:
            hits = np.flatnonzero(above != above_prev)
        if hits.size:
            i = int(hits[0])
            lo = ts[i] - dt
            hi = ts[i]
            rising = bool(above[i])
            for _ in range(48):
                mid = 0.5 * (lo + hi)
                if hi - lo < 1e-13:
                    break
                if (f(np.array([mid]))[0] >= level) == rising:
                    hi = mid
                else:
                    lo = mid
            return hi
        prev = float(v[-1])
        start += n
    return None


#: how many pulses a pulse-width trigger examines before giving up on a search window
_MAX_PULSES = 20_000


def find_pulse_trigger(f: Signal, trigger: Trigger, t0: float, span: float,
                       resolution: float) -> float | None:
    """Pulse-width trigger: the edge that ends the first pulse whose width qualifies.

    PGR/PLES/PGL look at positive pulses (rise → fall), NGR/NLES/NGL at negative ones;
    GReater/LESs compare with the pulse width, GL/NGL need lower < width < upper.
    """
    when = trigger.pulse_when
    lead, trail = ("POS", "NEG") if when.startswith("P") else ("NEG", "POS")
    level = trigger.pulse_level
    end = t0 + span
    t = t0
    for _ in range(_MAX_PULSES):
        start = find_trigger(f, level, lead, t, end - t, resolution)
        if start is None or end - start <= 2 * resolution:
            return None
        stop = find_trigger(f, level, trail, start + resolution, end - start - resolution,
                            resolution)
        if stop is None:
            return None
        width = stop - start
        if when in ("PGR", "NGR"):
            ok = width > trigger.pulse_width
        elif when in ("PLES", "NLES"):
            ok = width < trigger.pulse_width
        else:
            ok = trigger.pulse_lower < width < trigger.pulse_upper
        if ok:
            return stop
        t = stop
    return None
