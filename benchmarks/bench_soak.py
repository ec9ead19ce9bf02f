"""Soak: the meter view logs the simulated 34465A at 50 kSa/s into a session for N minutes.

Why: a technician leaves "Log to session" on for an hour (180 M readings). What must
hold is that the process does not grow (memory, threads, open files), the window
stays responsive, and the store ends with every reading the meter produced.

The simulated bench runs in its own process, as the app's demo bench does (the meter
then delivers its full rate; its own count of readings is asked over SCPI at the
end, `SIMulation:READings?`), the desktop app's main window is built offscreen with
the bench's meter as its source, NPLC 0.001, and the meter view's "Log to session"
on. Every few seconds the script samples resident memory, thread count and open
files (psutil); a QTimer probe measures how late the event loop runs it (that
lateness is what a user feels as a frozen window). At the end the meter is stopped
(its last readings drained), the session closed, and the store's count compared
with the simulated meter's own count of readings it produced.

    uv run python benchmarks/bench_soak.py --minutes 60
    uv run python benchmarks/bench_soak.py --minutes 3 --db /tmp/soak.db

Figures are printed; `run_soak` returns them for tests/reliability/test_soak.py.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import gc
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import psutil

import meterlab.gui  # noqa: F401  (PySide6 refcount guard)

PROBE_MS = 10
#: Memory growth is measured from the end of the warm-up: at least this long, and until
#: the trend's ring (10 M readings by default, allocated untouched, so resident memory
#: rises while it first fills: 200 s at 50 kSa/s) has wrapped once.
WARMUP_S = 15.0


@dataclass
class Sample:
    t: float
    rss_mb: float
    threads: int
    files: int
    ring_full: bool = False


@dataclass
class SoakResult:
    seconds: float
    produced: int
    stored: int
    logged: int
    gaps: int
    acquisitions: int
    samples: list[Sample] = field(default_factory=list)
    lateness_ms: list[float] = field(default_factory=list)
    log_error: str = ""
    verified: bool = False
    autozero: bool = False

    def _after_warmup(self) -> list[Sample]:
        warm = [s for s in self.samples if s.t >= WARMUP_S and s.ring_full]
        return warm or self.samples[-1:]

    @property
    def warmup_s(self) -> float:
        return self._after_warmup()[0].t

    @property
    def rss_growth_mb(self) -> float:
        warm = self._after_warmup()
        return max(s.rss_mb for s in warm) - warm[0].rss_mb

    @property
    def thread_growth(self) -> int:
        warm = self._after_warmup()
        return max(s.threads for s in warm) - warm[0].threads

    @property
    def file_growth(self) -> int:
        warm = self._after_warmup()
        return max(s.files for s in warm) - warm[0].files

    @property
    def p99_ms(self) -> float:
        return float(np.percentile(self.lateness_ms, 99)) if self.lateness_ms else float("nan")

    @property
    def max_ms(self) -> float:
        return max(self.lateness_ms) if self.lateness_ms else float("nan")


def _meter_count(resource: str) -> tuple[int, int]:
    """The simulated meter's own count: acquisitions since power-on and the readings they made.

    The bench runs in its own process (as the app's demo bench does), so the count is
    asked over SCPI (`SIMulation:READings?`) once the app has let go of the meter."""
    from meterlab.visa import open_instrument

    with open_instrument(resource, backend="@py", timeout_ms=10_000, verify=False) as conn:
        acquisitions, produced = conn.query("SIMulation:READings?").strip().split(",")
    return int(acquisitions), int(produced)


def run_soak(seconds: float, db_path: Path, *, sample_every: float = 2.0,
             autozero: bool = False, capacity: int | None = None,
             verbose: bool = False) -> SoakResult:
    """Log the simulated meter for `seconds` with the meter view open; return the figures.

    The meter view has no auto-zero control and the 34465A's default (auto-zero on) takes
    two conversions per reading: 25 kSa/s at 0.001 PLC. The meter's full 50 kSa/s needs
    auto-zero off, which the source here asks for once connected (`autozero=True` runs
    the meter exactly as the app leaves it)."""
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from meterlab.gui.instrument_source import SimulatedBenchSource
    from meterlab.gui.main_window import MainWindow
    from meterlab.sim.process import BenchProcess
    from meterlab.store import SessionStore
    from meterlab.store_frame import iter_reading_frames

    app = QApplication.instance() or QApplication([])
    proc = psutil.Process()
    settings = QSettings(str(db_path.with_suffix(".ini")), QSettings.Format.IniFormat)
    # The app's own "simulated bench" source (as the demo mode builds it), keeping the
    # bench so the meter's own count can be read after the source is closed.
    class FullRateSource(SimulatedBenchSource):
        def _open_meter(self):  # type: ignore[no-untyped-def]
            owned = super()._open_meter()
            if not autozero:
                owned._meter.configure(autozero=False)
            return owned

    # At full priority: the soak counts every reading the meter makes, and a real meter
    # makes them on its own CPU whatever the PC runs (the app's demo bench gives way).
    source = FullRateSource(bench=BenchProcess(seed=60, give_way=False))
    bench = source.release_bench()
    win = MainWindow(source, settings=settings, db_path=str(db_path), capacity=capacity)
    win.resize(1280, 800)
    win.show()
    meter = win.meter
    meter.nplc_combo.setCurrentIndex(meter.nplc_combo.findData(0.001))
    assert meter.nplc_combo.currentData() == 0.001, "NPLC 0.001 not offered"
    app.processEvents()

    ring = meter.series.ring
    ring_size = len(next(iter(ring._cols.values())))  # capacity and its slack
    samples: list[Sample] = []
    lateness: list[float] = []
    t0 = time.monotonic()
    last = [t0]

    def probe() -> None:
        now = time.monotonic()
        lateness.append(max(0.0, (now - last[0]) * 1000 - PROBE_MS))
        last[0] = now

    def sample() -> None:
        s = Sample(time.monotonic() - t0, proc.memory_info().rss / 2**20,
                   proc.num_threads(), len(proc.open_files()), ring.total >= ring_size)
        samples.append(s)
        if verbose:
            log = meter.session_log
            print(f"  {s.t:7.1f} s  rss {s.rss_mb:7.1f} MB  threads {s.threads:3d}  "
                  f"files {s.files:3d}  logged {log.readings if log else 0:>12,}", flush=True)

    assert meter.start_logging(), "Log to session did not start"
    log = meter.session_log
    assert log is not None
    probe_timer = QTimer()
    probe_timer.setInterval(PROBE_MS)
    probe_timer.timeout.connect(probe)
    sample_timer = QTimer()
    sample_timer.setInterval(int(sample_every * 1000))
    sample_timer.timeout.connect(sample)
    loop = QEventLoop()
    sample()
    last[0] = time.monotonic()
    probe_timer.start()
    sample_timer.start()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    probe_timer.stop()
    sample_timer.stop()
    sample()
    elapsed = time.monotonic() - t0

    # Stop the meter and wait until its last readings are drained into the session.
    source.close(timeout=300)  # on a loaded PC the last drain can take a while
    meter.stop_logging()
    app.processEvents()
    acquisitions, produced = _meter_count(bench.dmm_resource)
    with SessionStore(db_path) as store:
        info = store.session(log.session_id)
        gaps = 0
        stored = 0
        for _sid, frame in iter_reading_frames(store.connection, store.lock, [info.id],
                                               with_time=False):
            stored += len(frame)
            gaps += int(np.count_nonzero(frame["gap_before"].to_numpy()))
        verified = all(v.ok for v in store.verify())
    result = SoakResult(elapsed, produced, stored, log.readings, gaps, acquisitions,
                        samples, lateness, log.error, verified, autozero)
    assert info.n_readings == stored
    win.close()
    win.deleteLater()
    bench.stop()
    app.processEvents()
    gc.collect()
    return result


def report(r: SoakResult) -> None:
    first, last = r.samples[0], r.samples[-1]
    rate = r.stored / r.seconds if r.seconds else 0.0
    print(f"soak {r.seconds / 60:.1f} min, meter view open, Log to session, NPLC 0.001, "
          f"auto-zero {'on' if r.autozero else 'off'}")
    print(f"  readings: meter produced {r.produced:,}, store holds {r.stored:,} "
          f"({rate / 1000:.1f} kSa/s = {rate / 50_000:.2f}× the meter's 50 kSa/s; "
          f"stored/produced {r.stored / max(r.produced, 1):.6f}), lost {r.produced - r.stored:,}, "
          f"gaps marked {r.gaps}, acquisitions {r.acquisitions}, verify "
          f"{'ok' if r.verified else 'FAILED'}")
    print(f"  resident memory: {first.rss_mb:.0f} MB at start, {last.rss_mb:.0f} MB at end; "
          f"growth after warm-up ({r.warmup_s:.0f} s: trend ring filled) "
          f"{r.rss_growth_mb:.1f} MB (limit 50 MB)")
    print(f"  threads: {first.threads} -> {last.threads} (growth after warm-up "
          f"{r.thread_growth}); open files: {first.files} -> {last.files} "
          f"(growth {r.file_growth})")
    print(f"  event-loop lateness ({PROBE_MS} ms probe, {len(r.lateness_ms):,} ticks): "
          f"p50 {np.percentile(r.lateness_ms, 50):.1f} ms, p99 {r.p99_ms:.1f} ms, "
          f"max {r.max_ms:.0f} ms")
    if r.log_error:
        print(f"  session log error: {r.log_error}")
    ok = (r.produced == r.stored and r.rss_growth_mb < 50 and r.thread_growth <= 0
          and r.file_growth <= 0 and r.verified)
    print("  PASS" if ok else "  FAIL")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=60.0)
    ap.add_argument("--db", type=Path, default=None,
                    help="session database (default: a temporary one, removed after)")
    ap.add_argument("--sample-every", type=float, default=5.0)
    ap.add_argument("--autozero", action="store_true",
                    help="leave auto-zero on as the app does (25 kSa/s at 0.001 PLC)")
    ap.add_argument("--capacity", type=int, default=None,
                    help="trend ring size in readings (default: the app's, 10 M)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every sample")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="meterlab-soak-") as tmp:
        db = args.db or Path(tmp) / "soak.db"
        r = run_soak(args.minutes * 60, db, sample_every=args.sample_every,
                     autozero=args.autozero, capacity=args.capacity, verbose=args.verbose)
        report(r)
        ok = r.produced == r.stored and r.rss_growth_mb < 50 and r.verified
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
