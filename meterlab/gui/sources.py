"""Where the meter view's readings come from.

The meter view never talks to an instrument. It holds a `Source`: something
that can be configured (function, range, NPLC, trigger), started and stopped,
and that delivers `ReadingBatch`es into a `ReadingFeed` from its own thread.

Two kinds exist or are planned:

* `SyntheticSource` — a noisy, drifting signal made up here. It is for
  tests and benchmarks, and says so in its `description`; the window shows
  that text, so nobody mistakes it for a connected meter.
* `InstrumentSource` (`instrument_source.py`) wraps the acquisition engine in
  `meterlab/acquire.py`: its worker opens the DMM driver with this setup,
  `feed.push` is subscribed to the engine's batches and the engine's status
  becomes `feed.notify(LOST/RESTORED, …)`. `SimulatedBenchSource` is the same
  on the in-process simulated bench. `make_source()` is the one place that
  chooses.

Qt-free: sources run on plain threads and talk to the GUI only through the feed.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, replace
from typing import Protocol, runtime_checkable

import numpy as np

from meterlab.gui.feed import FeedEventKind, ReadingFeed
from meterlab.readings import OVERLOAD_THRESHOLD, ReadingBatch

#: DMM functions the meter view offers, with the unit their readings carry.
FUNCTIONS: dict[str, str] = {
    "VOLT:DC": "V",
    "VOLT:AC": "V",
    "CURR:DC": "A",
    "CURR:AC": "A",
    "RES": "Ω",
    "FRES": "Ω",
    "FREQ": "Hz",
    "PER": "s",
    "CAP": "F",
    "TEMP": "°C",
}

#: Fixed ranges of a Keysight 34465A-class meter per function (None = auto).
RANGES: dict[str, tuple[float, ...]] = {
    "VOLT:DC": (0.1, 1.0, 10.0, 100.0, 1000.0),
    "VOLT:AC": (0.1, 1.0, 10.0, 100.0, 750.0),
    "CURR:DC": (1e-6, 10e-6, 100e-6, 1e-3, 10e-3, 100e-3, 1.0, 3.0, 10.0),
    "CURR:AC": (100e-6, 1e-3, 10e-3, 100e-3, 1.0, 3.0, 10.0),
    "RES": (100.0, 1e3, 10e3, 100e3, 1e6, 10e6, 100e6, 1e9),
    "FRES": (100.0, 1e3, 10e3, 100e3, 1e6, 10e6, 100e6, 1e9),
    "FREQ": (),
    "PER": (),
    "CAP": (1e-9, 10e-9, 100e-9, 1e-6, 10e-6, 100e-6),
    "TEMP": (),
}

#: Integration times in power-line cycles; below 0.02 needs the DIG option on a 34465A.
NPLC_CHOICES: tuple[float, ...] = (0.001, 0.002, 0.006, 0.02, 0.06, 0.2, 1.0, 10.0, 100.0)

TRIGGERS: tuple[str, ...] = ("IMM", "BUS", "EXT")

#: Below this many power-line cycles (the digitizing speeds) sources switch the meter's
#: auto-zero off: its zero measurement after every reading would halve the rate.
FAST_NPLC = 0.02


@dataclass(frozen=True, slots=True)
class MeterSetup:
    """How the meter should measure; what the controls on the meter view edit."""

    function: str = "VOLT:DC"
    range: float | None = None  # None = autorange
    nplc: float = 1.0
    trigger: str = "IMM"

    @property
    def unit(self) -> str:
        return FUNCTIONS.get(self.function, "")


@runtime_checkable
class Source(Protocol):
    """What the meter view needs from anything that produces readings."""

    #: One line for the window: which instrument, or plainly that it is simulated.
    description: str
    #: True when no physical instrument is behind the readings.
    simulated: bool

    @property
    def running(self) -> bool: ...

    @property
    def setup(self) -> MeterSetup: ...

    def configure(self, setup: MeterSetup) -> None:
        """Apply a new setup; may be called while running."""

    def start(self, feed: ReadingFeed) -> None:
        """Begin delivering batches into `feed` from a worker thread; returns at once."""

    def single(self, feed: ReadingFeed) -> None:
        """Take one reading (one trigger) and deliver it; returns at once."""

    def stop(self) -> None:
        """Stop delivering; returns once the worker thread has ended."""


_NOMINAL = {
    "VOLT:DC": 3.3,
    "VOLT:AC": 1.2,
    "CURR:DC": 0.042,
    "CURR:AC": 0.010,
    "RES": 4700.0,
    "FRES": 4700.0,
    "FREQ": 1000.0,
    "PER": 1e-3,
    "CAP": 100e-9,
    "TEMP": 23.5,
}


class SyntheticSource:
    """A made-up meter signal: nominal value + slow drift + Gaussian noise.

    `offset` (relative, e.g. 0.10 = +10 %) moves the signal out of tolerance,
    `dropout(seconds)` imitates an instrument that stops answering, and
    `rate` overrides the NPLC-derived reading rate (benchmarks use 50 000/s).
    Deterministic for a given seed, apart from timing.
    """

    simulated = True
    kind = "synthetic"

    def __init__(
        self,
        setup: MeterSetup | None = None,
        *,
        rate: float | None = None,
        noise: float = 0.002,
        seed: int = 1,
        period: float = 0.02,
    ) -> None:
        self.description = "Synthetic signal — no instrument connected"
        self._setup = setup or MeterSetup()
        self._rate_override = rate
        self.noise = noise
        self.offset = 0.0
        self.period = period
        self._rng = np.random.default_rng(seed)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._dropout_until = 0.0
        self._phase_t0 = time.time()

    # -- Source protocol -------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def setup(self) -> MeterSetup:
        return self._setup

    def configure(self, setup: MeterSetup) -> None:
        if setup.function not in FUNCTIONS:
            raise ValueError(f"unknown function {setup.function!r}")
        with self._lock:
            self._setup = replace(setup)

    @property
    def rate(self) -> float:
        """Readings per second: NPLC-bound like a real meter at 50 Hz mains, unless overridden."""
        if self._rate_override:
            return float(self._rate_override)
        return min(50_000.0, 50.0 / max(self._setup.nplc, 0.001))

    def start(self, feed: ReadingFeed) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, args=(feed,), name="synthetic-source", daemon=True
        )
        self._thread.start()

    def single(self, feed: ReadingFeed) -> None:
        now = time.time()
        feed.push(self._make(np.array([now])))

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
        self._thread = None

    # -- fault injection ---------------------------------------------------
    def dropout(self, seconds: float) -> None:
        """Stop answering for `seconds`, as an unplugged or hung meter would."""
        self._dropout_until = time.time() + seconds

    # -- internals ----------------------------------------------------------
    def _make(self, t: np.ndarray) -> ReadingBatch:
        with self._lock:
            setup = self._setup
            offset = self.offset
        nominal = _NOMINAL.get(setup.function, 1.0)
        drift = 0.004 * np.sin(2 * math.pi * (t - self._phase_t0) / 20.0)
        noise = self._rng.standard_normal(t.shape[0]) * self.noise
        raw = nominal * (1.0 + offset + drift + noise)
        if setup.range is not None:
            # A real meter overloads a little above full scale (Agilent: 120 %).
            raw = np.where(np.abs(raw) > 1.2 * setup.range, OVERLOAD_THRESHOLD * 1.1, raw)
        return ReadingBatch.from_raw(
            t,
            raw,
            function=setup.function,
            unit=setup.unit,
            range=setup.range,
            source="synthetic",
        )

    def _run(self, feed: ReadingFeed) -> None:
        next_t = time.time()
        lost = False
        gap = False
        while not self._stop.is_set():
            now = time.time()
            if now < self._dropout_until:
                if not lost:
                    feed.notify(
                        FeedEventKind.LOST,
                        "The synthetic signal stopped answering. Readings so far are kept. "
                        "Reconnecting…",
                    )
                    lost = True
                    gap = True
                self._stop.wait(0.05)
                next_t = time.time()
                continue
            if lost:
                feed.notify(FeedEventKind.RESTORED, "The synthetic signal answers again.")
                lost = False
            rate = self.rate
            n = int((now - next_t) * rate)
            if n > 0:
                t = next_t + np.arange(n) / rate
                next_t = next_t + n / rate
                batch = self._make(t)
                if gap:
                    batch = replace(batch, gap_before=True)
                    gap = False
                feed.push(batch)
            self._stop.wait(self.period)
        feed.notify(FeedEventKind.STOPPED)


def make_source(
    *, dmm: str | None = None, demo: bool = False, last_dmm: str | None = None,
    bench: object | None = None,
) -> Source:
    """Pick the source for a window: the one place where instruments are chosen.

    A resource given now wins; `demo` forces the simulated bench (served by a
    `meterlab sim` child process on 127.0.0.1; `bench` is one already started);
    otherwise the last multimeter used; with none of these (first run) the
    simulated bench. `SyntheticSource` is never chosen here: it is for tests and
    benchmarks.
    """
    from meterlab.gui.instrument_source import InstrumentSource, SimulatedBenchSource

    if dmm:
        return InstrumentSource(dmm)
    if last_dmm and not demo:
        return InstrumentSource(last_dmm)
    return SimulatedBenchSource(bench=bench)


def setup_from_settings(settings: object) -> MeterSetup:
    """The meter setup saved in `settings` (anything with QSettings' `value(key, default)`).

    Read before the meter view exists, so the meter can start measuring with the
    user's setup while the view is still being built.
    """
    value = settings.value  # type: ignore[attr-defined]
    function = str(value("meter/function", "VOLT:DC"))
    if function not in FUNCTIONS:
        function = "VOLT:DC"
    rng_text = str(value("meter/range", "") or "")
    try:
        rng = float(rng_text) if rng_text else None
    except ValueError:
        rng = None
    try:
        nplc = float(value("meter/nplc", 1.0))
    except (TypeError, ValueError):
        nplc = 1.0
    return MeterSetup(function, rng, nplc, str(value("meter/trigger", "IMM")))
