"""The real reading source: a multimeter driven by the acquisition engine.

`InstrumentSource` implements the meter view's `Source` protocol on top of
`meterlab.acquire.Acquisition`: the engine's worker thread opens the VISA
connection, configures the meter from the view's `MeterSetup`, streams
batches and reconnects after a loss. Batches go straight into the view's
`ReadingFeed` (no Qt signal per batch) and the engine's status changes become
feed events (LOST / RESTORED / STOPPED), which the window shows in its banner.

`SimulatedBenchSource` is the same, pointed at the simulated bench, and says
plainly that it is simulated. The bench runs in its own process
(`meterlab.sim.process.BenchProcess`), as a real instrument computes on its own
hardware: in the app's interpreter it took half the meter's readings away from
the view. Its address is known only once that process listens, so it is asked
for on the engine's thread, never on the GUI's.

Qt-free; the drivers and pyvisa are imported only when a source is opened.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from typing import Any

from meterlab.errors import MeterlabError, UsageError
from meterlab.gui.feed import FeedEventKind, ReadingFeed
from meterlab.gui.sources import FAST_NPLC, MeterSetup


class _OwnedMeter:
    """A `Multimeter` that also closes its connection (the engine calls `close`)."""

    def __init__(self, meter: Any, conn: Any, started: threading.Event | None = None) -> None:
        self._meter = meter
        self._conn = conn
        self._started = started

    def start_stream(self) -> None:
        self._meter.start_stream()
        if self._started is not None:
            self._started.set()

    def fetch_available(self, max_n: int | None = None) -> Any:
        return self._meter.fetch_available(max_n)

    def stop_stream(self) -> Any:
        return self._meter.stop_stream()

    def read_batch(self, n: int) -> Any:
        return self._meter.read_batch(n)

    @property
    def can_resume(self) -> bool:
        return bool(getattr(self._meter, "can_resume", False))

    @property
    def stream_exhausted(self) -> bool:
        return bool(getattr(self._meter, "stream_exhausted", False))

    def resume_stream(self) -> Any:
        """After a broken link: the same meter, still measuring, drained on (see
        `Multimeter.resume_stream`)."""
        return self._meter.resume_stream()

    def read(self) -> Any:
        return self._meter.read()

    def close(self) -> None:
        self._conn.close()


class InstrumentSource:
    """Readings from the DMM at `resource`, through the acquisition engine."""

    kind = "instrument"

    def __init__(
        self,
        resource: str,
        *,
        backend: str | None = None,
        simulated: bool = False,
        label: str = "",
        timeout_ms: int | None = 3000,
    ) -> None:
        self._resource = resource
        self.timeout_ms = timeout_ms
        self.backend = backend
        self.simulated = simulated
        self._label = label
        self.description = label or resource
        #: Maker, model, serial and resource once connected (tooltip, reports).
        self.detail = resource
        #: The meter's `*IDN?` (maker, model, serial, firmware) once it has answered.
        self.identity: Any = None
        #: What the connected model offers (`DmmCapabilities`), once it has answered.
        self.capabilities: Any = None
        self._setup = MeterSetup()
        self._acq: Any = None
        self._feed: ReadingFeed | None = None
        self._lost = False
        self._want_running = False
        self._lock = threading.Lock()
        self._ops: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._control: threading.Thread | None = None
        self._settled = threading.Event()

    @property
    def settled(self) -> bool:
        """True once the meter measures, or has failed to start: the window builds the
        meter view then, so that its work on the interpreter does not hold up the
        instrument's connection (see `startup.when_source_settled`)."""
        return self._settled.is_set()

    @property
    def resource(self) -> str:
        """The meter's VISA address."""
        return self._resource

    # -- Source protocol -------------------------------------------------------
    # Starting and stopping the engine can wait on the instrument (a stop joins
    # the worker, which may sit in a 3 s VISA timeout), so these calls only queue
    # the work for this source's control thread and return at once: the GUI
    # thread never waits on an instrument. The queue keeps them in order, so a
    # restart closes the old connection before opening the new one (many meters
    # accept one socket at a time).
    @property
    def running(self) -> bool:
        """True from `start()` until `stop()`, reconnect attempts included."""
        return self._want_running

    @property
    def setup(self) -> MeterSetup:
        return self._setup

    def configure(self, setup: MeterSetup) -> None:
        """Keep the setup; a running stream restarts so the meter is configured anew."""
        changed = setup != self._setup
        if setup.trigger != "IMM" and setup.trigger != self._setup.trigger and self._feed:
            # Say so rather than pretend: the driver's stream triggers immediately.
            self._feed.notify(
                FeedEventKind.ERROR,
                "Bus and external triggers are not supported yet: the multimeter keeps "
                "measuring on its own (immediate trigger).",
            )
        self._setup = setup
        if changed and self._want_running:
            self._submit(self._do_stop)
            self._submit(self._do_start)

    def start(self, feed: ReadingFeed) -> None:
        if self._want_running:
            return
        self._feed = feed
        self._want_running = True
        self._submit(self._do_start)

    def single(self, feed: ReadingFeed) -> None:
        """One reading on a short-lived worker thread (never on the GUI thread)."""

        def work() -> None:
            try:
                meter = self._open_meter()
                try:
                    feed.push(meter.read())
                finally:
                    meter.close()
            except MeterlabError as exc:
                feed.notify(FeedEventKind.ERROR, str(exc))

        threading.Thread(target=work, name="single-reading", daemon=True).start()

    def stop(self) -> None:
        self._want_running = False
        self._submit(self._do_stop)

    def close(self, timeout: float = 10.0) -> None:
        """Stop and wait until the connection is closed (on leaving the window)."""
        self.stop()
        control = self._control
        if control is not None:
            self._ops.put(None)
            control.join(timeout)
            self._control = None

    # -- control thread ----------------------------------------------------------
    def _submit(self, op: Any) -> None:
        with self._lock:
            if self._control is None or not self._control.is_alive():
                self._control = threading.Thread(target=self._control_loop,
                                                 name="instrument-control", daemon=True)
                self._control.start()
        self._ops.put(op)

    def _control_loop(self) -> None:
        while True:
            op = self._ops.get()
            if op is None:
                return
            try:
                op()
            except Exception as exc:  # a control slip must reach the user, not kill the thread
                self._settled.set()
                if self._feed is not None:
                    self._feed.notify(FeedEventKind.ERROR, str(exc))

    def _do_start(self) -> None:
        from meterlab.acquire import Acquisition

        if self._acq is not None or not self._want_running or self._feed is None:
            return
        self._lost = False
        acq = Acquisition(self._open_meter, name="multimeter")
        acq.subscribe(self._feed.push)
        acq.on_status(self._on_status)
        self._acq = acq
        acq.start()

    def _do_stop(self) -> None:
        acq, self._acq = self._acq, None
        if acq is not None:
            acq.stop()

    # -- engine side (worker thread) ----------------------------------------------
    def _open_meter(self) -> _OwnedMeter:
        from meterlab.bench.capabilities import dmm_capabilities
        from meterlab.bench.instruments import open_dmm

        meter = open_dmm(self.resource, backend=self.backend, timeout_ms=self.timeout_ms)
        conn = meter.conn
        try:
            caps = dmm_capabilities(meter.profile)
            self.capabilities = caps  # read by the view on its frame timer
            s = self._setup
            # Only what this model offers is sent: the view's menus come from the same
            # capabilities, and a setting saved with another meter is left to the meter's
            # own default (autorange, its present speed) until the view offers the nearest.
            rng = s.range if s.range is not None and caps.offers_range(s.function, s.range) \
                else "auto"
            nplc = s.nplc if caps.takes_nplc(s.function) and caps.offers_nplc(s.nplc) else None
            meter.configure(function=s.function, range=rng, nplc=nplc)
            if nplc is not None and nplc < FAST_NPLC:
                # At digitizing speeds a reading's own zero measurement would halve the
                # rate (34465A: 50 kSa/s at 0.001 PLC needs auto-zero off; Keysight
                # 34465A/70A datasheet, DC reading rates). A meter without the
                # setting keeps its own.
                with contextlib.suppress(UsageError):
                    meter.configure(function=s.function, range=rng, autozero=False)
            idn = meter.identify()
            self.identity = idn
            who = f"{idn.maker} {idn.model}" + (f" ({idn.serial})" if idn.serial else "")
            self.detail = f"{who} — {self.resource}"
            if not self._label:
                self.description = self.detail
        except BaseException:
            conn.close()
            raise
        return _OwnedMeter(meter, conn, self._settled)

    def _on_status(self, event: Any) -> None:
        from meterlab.acquire import State

        if event.state is not State.RUNNING:
            self._settled.set()  # the first start failed or ended: nothing to wait for
        feed = self._feed
        if feed is None:
            return
        if event.state is State.RECONNECTING:
            if not self._lost:
                self._lost = True
                feed.notify(FeedEventKind.LOST, event.message)
        elif event.state is State.RUNNING:
            if self._lost:
                self._lost = False
                feed.notify(FeedEventKind.RESTORED, event.message)
        elif event.state is State.STOPPED:
            feed.notify(FeedEventKind.STOPPED, event.message)


class SimulatedBenchSource(InstrumentSource):
    """The simulated bench's 34465A: served by a `meterlab sim` child process by default.

    `bench` hands in a bench already started (the app starts its process while Qt
    loads); `in_process=True` serves it in this interpreter instead (scripts that
    reach into the board). Either way the source closes the bench it owns.
    """

    kind = "simulated-bench"

    def __init__(self, *, seed: int = 1, faults: tuple[str, ...] = (), bench: Any = None,
                 in_process: bool = False) -> None:
        if bench is None and in_process:
            from meterlab.sim.bench import SimulatedBench

            bench = SimulatedBench(seed=seed, faults=faults).start()
        elif bench is None:
            from meterlab.sim.process import BenchProcess

            bench = BenchProcess(seed=seed, faults=faults)
        self.bench = bench
        self._owns_bench = True
        super().__init__(
            "",
            backend="@py",
            simulated=True,
            label="Simulated bench — connect a real instrument from Instruments",
        )
        self.detail = ""

    @property  # type: ignore[override]
    def capabilities(self) -> Any:
        """The bench's meter is a 34465A: its choices are offered before it first answers
        (what it says once connected replaces them). Read from its profile only when asked
        that early: the app's window asks once the meter measures, by when it has answered,
        and reading the profile first would hold up that connection."""
        caps = self._capabilities
        if caps is None:
            from meterlab.gui.sources import synthetic_capabilities

            caps = self._capabilities = synthetic_capabilities()
        return caps

    @capabilities.setter
    def capabilities(self, caps: Any) -> None:
        self._capabilities = caps

    @property
    def resource(self) -> str:
        """The bench's multimeter address; waits until its process listens (not on the GUI)."""
        return str(self.bench.dmm_resource)

    @property
    def ready(self) -> bool:
        """True once the bench's address is known (asking for it then never waits)."""
        return bool(getattr(self.bench, "ready", True))

    def release_bench(self) -> Any:
        """Hand the bench to the caller (the window): closing this source leaves it running,
        so the scope view can keep using it after the meter moved to another instrument."""
        bench, self._owns_bench = self.bench, False
        return bench

    def close(self, timeout: float = 10.0) -> None:
        super().close(timeout)
        if self._owns_bench:
            self.bench.stop()
