"""GUI speed: trend redraw at 10 M points, event-loop latency under load, first window.

Each figure is printed next to a bare baseline measured in the same run, and
as a ratio; nothing here asserts absolute times. Runs offscreen by default:

    uv run python benchmarks/bench_gui.py            # all three
    uv run python benchmarks/bench_gui.py redraw     # one of: redraw latency startup
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import statistics
import subprocess
import sys
import time

import numpy as np

import meterlab.gui  # noqa: F401  (PySide6 refcount guard)
from meterlab.readings import ReadingBatch

N_POINTS = 10_000_000
RATE = 50_000.0
FRAME_S = 1 / 30


def _pct(xs: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(xs), q))


def _app():
    from PySide6.QtWidgets import QApplication

    from meterlab.gui.style import apply_stylesheet

    app = QApplication.instance() or QApplication([])
    apply_stylesheet(app)
    return app


def _fill(series, n: int, t0: float) -> float:
    """Put n synthetic readings (50 k/s spacing) into the series in big batches."""
    rng = np.random.default_rng(1)
    chunk = 1_000_000
    t_end = t0
    for start in range(0, n, chunk):
        k = min(chunk, n - start)
        t = t0 + (start + np.arange(k)) / RATE
        v = 3.3 + 0.01 * rng.standard_normal(k)
        series.ingest([ReadingBatch.from_raw(t, v, function="VOLT:DC", unit="V")])
        t_end = float(t[-1])
    return t_end


def bench_redraw(frames: int = 40) -> None:
    from meterlab.gui.series import LiveSeries
    from meterlab.gui.trend import TrendView

    app = _app()

    def run(n: int, span_index: int | None, label: str) -> float:
        series = LiveSeries(capacity=N_POINTS)
        view = TrendView(series)
        view.resize(1200, 600)
        view.show()
        app.processEvents()
        t_end = _fill(series, n, time.time() - n / RATE) if n else time.time()
        if span_index is not None:
            view.span_combo.setCurrentIndex(span_index)
        per_frame = int(RATE * FRAME_S)
        rng = np.random.default_rng(2)
        times = []
        for i in range(frames):
            if n:
                t = t_end + (np.arange(per_frame) + 1) / RATE
                t_end = float(t[-1])
                v = 3.3 + 0.01 * rng.standard_normal(per_frame)
                series.ingest([ReadingBatch.from_raw(t, v, function="VOLT:DC", unit="V")])
            else:
                series.revision += 1  # an empty plot still redraws on request
                view._last_key = None
            t0 = time.perf_counter()
            view.refresh()
            view.plot.viewport().repaint()  # synchronous paint of the plot
            times.append(time.perf_counter() - t0)
            if i < 3:
                times.pop()  # warm-up frames
        med = statistics.median(times) * 1e3
        print(f"  {label:<44} median {med:7.2f} ms   p95 {_pct(times, 95) * 1e3:7.2f} ms")
        view.close()
        return med

    print("Trend redraw per frame (refresh from ring + paint), 1200×600 px:")
    base = run(0, None, "empty plot (baseline)")
    live = run(N_POINTS, 1, "10 M points, following 1 min span")
    full = run(N_POINTS, 4, "10 M points, whole buffer in view")
    print(f"  ratio vs empty: 1-min span {live / base:5.1f}×, whole buffer {full / base:5.1f}×")

    # For reference: pyqtgraph's own reduction on the whole array every frame.
    import pyqtgraph as pg

    w = pg.PlotWidget()
    w.resize(1200, 600)
    w.show()
    curve = w.plot(pen="b")
    curve.setDownsampling(auto=True, method="peak")
    curve.setClipToView(True)
    t = np.arange(N_POINTS) / RATE
    v = 3.3 + 0.01 * np.random.default_rng(3).standard_normal(N_POINTS)
    w.setXRange(t[0], t[-1], padding=0)
    times = []
    for _ in range(8):
        t0 = time.perf_counter()
        curve.setData(t, v)
        w.viewport().repaint()
        times.append(time.perf_counter() - t0)
    ref = statistics.median(times[2:]) * 1e3
    print(f"  {'pyqtgraph setData(10 M)+peak+clip, per frame':<44} median {ref:7.2f} ms"
          f"   ({ref / base:5.1f}× empty; ours whole buffer {full / ref:4.2f}× of it)")
    w.close()


def bench_latency(seconds: float = 6.0) -> None:
    from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer

    from meterlab.gui.instrument_source import SimulatedBenchSource
    from meterlab.gui.main_window import MainWindow
    from meterlab.gui.sources import SyntheticSource

    app = _app()

    def probe(source, nplc: float | None = None, full: bool = False) -> tuple[float, float, int]:
        import tempfile

        settings = QSettings(os.devnull, QSettings.Format.IniFormat)
        db = os.path.join(tempfile.mkdtemp(), "sessions.db")
        win = MainWindow(source, settings=settings, extra_views=full, db_path=db)
        win.resize(1400, 860)
        win.show()
        if full:  # the scope view sweeps continuously on the same simulated bench
            settle = time.monotonic() + 3.0
            while "scope" not in win.views and time.monotonic() < settle:
                app.processEvents()
        if source is not None:
            if nplc is not None:
                win.meter.nplc_combo.setCurrentIndex(win.meter.nplc_combo.findData(nplc))
            win.meter.apply_limit("3.3 V ±3 % warn ±2 %")
            win.meter.start()
        clock = QElapsedTimer()
        clock.start()
        lateness: list[float] = []
        interval = 10
        last = [clock.nsecsElapsed()]

        def tick() -> None:
            now = clock.nsecsElapsed()
            lateness.append(max(0.0, (now - last[0]) / 1e6 - interval))
            last[0] = now

        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(tick)
        timer.start(interval)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        n = len(win.meter.series.ring)
        win.close()
        lateness = lateness[5:]
        return _pct(lateness, 50), _pct(lateness, 99), n

    print(f"Event-loop latency (10 ms timer probe, {seconds:g} s each, window 1400×860):")
    b50, b99, _ = probe(None)
    print(f"  idle window (baseline)                 p50 {b50:6.2f} ms   p99 {b99:6.2f} ms")
    rows = [
        ("synthetic source, 50 k readings/s", lambda: SyntheticSource(rate=RATE, seed=5),
         None, False),
        ("simulated 34465A over TCP, 0.001 PLC", SimulatedBenchSource, 0.001, False),
        ("same + all tabs, scope sweeping behind", SimulatedBenchSource, 0.001, True),
    ]
    for label, make, nplc, full in rows:
        p50, p99, n = probe(make(), nplc, full)
        print(f"  {label:<38} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   ({n:,} readings"
              f" in {seconds:g} s; p99 {p99 / max(b99, 0.01):.1f}× idle)")


_BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
w = QMainWindow(); w.setWindowTitle("bare"); w.resize(1400, 860)
w.menuBar().addMenu("&File"); w.setCentralWidget(QLabel("bare"))  # text: fonts load, as in any app
w.show()
app.processEvents()
print(time.time())
"""

_OURS = """
import time, sys
from meterlab.gui.app import build_window
app, win = build_window([], demo=True, settings_path=sys.argv[1],
                        db_path=sys.argv[1] + ".db")  # returns once painted
print(time.time())
while win.meter is None or win.meter.trend.point_count() == 0:
    app.processEvents()
print(time.time())
win.close()
"""


def bench_startup(runs: int = 5) -> None:
    import tempfile

    def once(code: str) -> list[float]:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.time()
            out = subprocess.run(
                [sys.executable, "-c", code, os.path.join(tmp, "s.ini")],
                capture_output=True, text=True, check=True,
            )
            return [float(x) - t0 for x in out.stdout.split()]

    bare = [once(_BARE)[0] for _ in range(runs)]
    ours = [once(_OURS) for _ in range(runs)]
    b = statistics.median(bare)
    shown = statistics.median(o[0] for o in ours)
    live = statistics.median(o[1] for o in ours)
    print(f"First window on screen (process start → shown, median of {runs}):")
    print(f"  bare PySide6 window (baseline)   {b * 1e3:7.0f} ms")
    print(f"  meterlab main window shown       {shown * 1e3:7.0f} ms   ratio {shown / b:4.2f}×")
    print(f"  meter view live (first reading)  {live * 1e3:7.0f} ms   ratio {live / b:4.2f}×")


if __name__ == "__main__":
    which = sys.argv[1:] or ["redraw", "latency", "startup"]
    for name in which:
        {"redraw": bench_redraw, "latency": bench_latency, "startup": bench_startup}[name]()
        print()
