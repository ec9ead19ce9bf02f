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
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

from meterlab.bench.capabilities import DmmCapabilities, dmm_capabilities
from meterlab.gui.feed import FeedEventKind, ReadingFeed
from meterlab.readings import OVERLOAD_THRESHOLD, ReadingBatch
from meterlab.vocabulary import find_dmm_function

if TYPE_CHECKING:
    from meterlab.gui.settings import Settings

#: The choices of the meter the synthetic source and the simulated bench imitate (a
#: 34465A), read from its profile like any connected model's: never a list written here.
SYNTHETIC_PROFILE = "keysight-34465a.toml"


def synthetic_capabilities() -> DmmCapabilities:
    """The capabilities the synthetic signal offers: those of the profile it imitates."""
    from meterlab.paths import shipped_dir
    from meterlab.profiles import load_profile

    return dmm_capabilities(load_profile(shipped_dir("instruments") / SYNTHETIC_PROFILE))

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
        found = find_dmm_function(self.function)
        return found.unit if found else ""


@runtime_checkable
class Source(Protocol):
    """What the meter view needs from anything that produces readings."""

    #: One line for the window: which instrument, or plainly that it is simulated.
    description: str
    #: True when no physical instrument is behind the readings.
    simulated: bool
    #: What the connected model offers (functions, ranges, NPLC, triggers), from its
    #: profile; None until the instrument has identified itself.
    capabilities: DmmCapabilities | None

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
        self.capabilities: DmmCapabilities | None = synthetic_capabilities()
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
        if self.capabilities is not None and setup.function not in self.capabilities.functions:
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
    from meterlab.bench.meter_choice import reads_demo_bench
    from meterlab.gui.instrument_source import InstrumentSource, SimulatedBenchSource

    if reads_demo_bench(dmm=dmm, demo=demo, saved_meter=bool(last_dmm)):
        return SimulatedBenchSource(bench=bench)
    return InstrumentSource(dmm or last_dmm)


def setup_from_settings(settings: Settings) -> MeterSetup:
    """The meter setup saved in `settings`.

    Read before the meter view exists, so the meter can start measuring with the
    user's setup while the view is still being built.
    """
    function = settings.meter_function
    if find_dmm_function(function) is None:
        function = "VOLT:DC"
    return MeterSetup(function, settings.meter_range, settings.meter_nplc,
                      settings.meter_trigger)
