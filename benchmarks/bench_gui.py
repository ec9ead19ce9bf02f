"""GUI speed as a user meets it: first window, first live reading, hitches, readings/s.

The three figures of the desktop app on the demo bench, each beside a bare
baseline measured in the same run and printed as a ratio (absolute times on a
shared machine mean little), once on an idle machine and once while a second
process this script starts (and stops) keeps one core busy:

1. start-up: process start → main window on screen, and → first live reading on
   the meter, against a bare PySide6 window (same size, a menu, a label); beside it
   the same window's first reading from the synthetic in-process source, the floor
   that no change to how instruments are reached can go below;
2. event-loop latency (a 10 ms precise timer's lateness, p50/p99) with every view
   live: the meter at 0.001 PLC (50 kSa/s) with trend and histogram, a session
   logging, the scope sweeping and decoding UART — half the time on the Meter tab,
   half on the Scope tab — against a bare window's p99 and the 30 ms target;
3. readings per second the meter view receives in that run, against the 50 kSa/s
   the simulated 34465A produces at 0.001 PLC.

With the latency it prints how much of the time the GUI thread itself was
computing on each tab (its own CPU time over the wall time): unlike lateness,
that share hardly depends on what else the machine runs, so it shows whether a
change made the GUI thread's work smaller even when the load hides it.

Each window runs in its own fresh process, as the app does. Offscreen by default:

    uv run python benchmarks/bench_gui.py                 # start-up + live, idle and busy
    uv run python benchmarks/bench_gui.py --load idle     # only one of idle / busy
    uv run python benchmarks/bench_gui.py redraw          # trend redraw at 10 M points
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



#: What the simulated 34465A produces at 0.001 PLC (its DIG option's 50 kSa/s).
METER_RATE = 50_000.0
TARGET_P99_MS = 30.0

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

#: Printed once the window is painted: then wait for the first reading on the readout, in
#: an event loop that sleeps as the app's own `exec()` does, not in a loop spinning on
#: `processEvents()`, which competes with the instrument's worker for the interpreter
#: lock (31 paired starts measured the two the same, within the noise). The probe must not
#: touch the `Qt` namespace: its first use builds every enum in it (11.5 ms), which the app
#: itself leaves until the meter measures (`gui/main_window.py`). A coarse 1 ms timer
#: keeps to within 5 % of its interval.
_FIRST_READING = """
print(time.time())
from PySide6.QtCore import QEventLoop, QTimer
loop = QEventLoop()
def check():
    if win.meter is not None and win.meter.series.ring.total > 0:  # on the readout
        loop.quit()
poll = QTimer(); poll.timeout.connect(check)  # no `Qt.TimerType` here (see above)
poll.start(1)
loop.exec()
print(time.time())
win.close()
"""

_OURS = """
import time, sys
from meterlab.sim.process import start_for_window
bench = start_for_window(True)  # as `meterlab` does for a new user: before Qt loads
from meterlab.gui.app import build_window
app, win = build_window([], demo=True, settings_path=sys.argv[1],
                        db_path=sys.argv[1] + ".db", bench=bench)  # returns once painted
""" + _FIRST_READING + "bench.stop()\n"

#: The same window on the synthetic in-process source: no VISA, no simulator process. Its
#: first reading is the floor of the desktop app itself (Qt, numpy, the meter view), which
#: no change to how instruments are reached can go below.
_FLOOR = """
import time, sys
import meterlab.gui.sources as sources
sources.make_source = lambda **kw: sources.SyntheticSource()
from meterlab.gui.app import build_window
app, win = build_window([], dmm="synthetic", settings_path=sys.argv[1],
                        db_path=sys.argv[1] + ".db")
""" + _FIRST_READING

#: The bare window's event loop under the same probe (the latency baseline).
_BARE_LOOP = """
import json, sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1400, 860); w.setCentralWidget(QLabel("bare")); w.show()
sys.path.insert(0, sys.argv[2])
from bench_gui import probe_loop
import time
c0, w0 = time.thread_time(), time.monotonic()
p50, p99 = probe_loop(app, float(sys.argv[1]))
busy = (time.thread_time() - c0) / (time.monotonic() - w0)
print(json.dumps({"p50": p50, "p99": p99, "busy": busy}))
"""

#: The whole app on the demo bench, every view built: the meter at 0.001 PLC with a limit,
#: its session ready to log; the scope sweeping. Arguments: seconds, settings file, here.
#: (`bench_gui_drag.py` starts from the same.)
EVERYTHING_LIVE = """
import json, os, subprocess, sys, time
from PySide6.QtCore import QPointF, QSettings
ini = sys.argv[2]
s = QSettings(ini, QSettings.Format.IniFormat)
s.setValue("meter/nplc", 0.001); s.setValue("meter/limit", "3.3 V ±3 % warn ±2 %")
s.setValue("operator", "bench"); s.setValue("meter/dut_serial", "SN-0001"); s.sync()
from meterlab.gui.app import build_window
app, win = build_window([], demo=True, settings_path=ini, db_path=ini + ".db")
def wait(cond, seconds):
    end = time.monotonic() + seconds
    while not cond() and time.monotonic() < end:
        app.processEvents(); time.sleep(0.002)
    return cond()
wait(lambda: "instruments" in win.views, 60)
scope = win.views["scope"]
"""

#: Everything live, half the time on each tab.
_LIVE = EVERYTHING_LIVE + """
ok = wait(lambda: scope.frame is not None and scope.frames_drawn > 2, 60)
win.meter.start_logging()
wait(lambda: False, 2.0)  # settle
sys.path.insert(0, sys.argv[3])
from bench_gui import probe_loop
half = float(sys.argv[1]) / 2
n0, t0 = win.meter.series.ring.total, time.monotonic()
c0 = time.thread_time()  # the GUI thread's own CPU time (what the machine's load does not add)
a50, a99 = probe_loop(app, half)  # Meter tab: trend and histogram drawing
c1, t_half = time.thread_time(), time.monotonic()
win.show_view("scope")
f0 = scope.frames_drawn
b50, b99 = probe_loop(app, half)  # Scope tab: traces, lanes, decoded UART
n1, t1 = win.meter.series.ring.total, time.monotonic()
f1 = scope.frames_drawn
c2 = time.thread_time()
logged = win.meter.session_log.readings if win.meter.session_log else 0
uart = "T=" in scope.uart_text.toPlainText()
win.close()
print(json.dumps({"p50": max(a50, b50), "p99": max(a99, b99), "p99_meter": a99,
                  "p99_scope": b99, "rate": (n1 - n0) / (t1 - t0), "scope": ok,
                  "busy_meter": (c1 - c0) / (t_half - t0), "busy_scope": (c2 - c1) / (t1 - t_half),
                  "logged": logged, "uart": uart, "scope_fps": (f1 - f0) / (t1 - t_half)}))
"""


def probe_loop(app, seconds: float) -> tuple[float, float]:
    """Run the event loop for `seconds`; a 10 ms precise timer's lateness p50/p99 in ms.

    A real event loop (`QEventLoop.exec`), as the app runs it: it sleeps until
    something is due, where a `processEvents()` polling loop would itself keep
    the GUI thread busy.
    """
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer

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
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    lateness = lateness[5:]
    return _pct(lateness, 50), _pct(lateness, 99)


def _child(code: str, *args: str, timeout: float = 180.0) -> str:
    # As on a user's machine from the second start on: Python may keep the bytecode
    # it compiles (a shell with PYTHONDONTWRITEBYTECODE would recompile every module
    # of every start and measure the compiler instead).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         timeout=timeout, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{out.stderr[-2000:]}")
    return out.stdout


def startup(runs: int) -> dict[str, float]:
    """Interleaved starts: bare window shown, ours shown, ours live (medians), and the ratios.

    Each of our starts is divided by the bare start just before it and the ratios'
    median is the figure: this machine's speed drifts from minute to minute (the
    bare window's median moved between 159 and 268 ms across runs of one hour), and
    a pair started a second apart meets the same machine. The middle half of the
    live ratios (q25–q75) shows how much one start varies.
    """
    import tempfile

    bare, shown, live, floor = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:  # a first start, not timed (bytecode, caches)
        _child(_BARE)
        _child(_OURS, os.path.join(tmp, "s.ini"))
        _child(_FLOOR, os.path.join(tmp, "f.ini"))
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.time()
            bare.append(float(_child(_BARE).split()[0]) - t0)
            t0 = time.time()
            ours = [float(x) - t0 for x in _child(_OURS, os.path.join(tmp, "s.ini")).split()]
            shown.append(ours[0])
            live.append(ours[1])
            t0 = time.time()
            floor.append(float(_child(_FLOOR, os.path.join(tmp, "f.ini")).split()[1]) - t0)
    live_ratio = [x / b for x, b in zip(live, bare, strict=True)]
    q = statistics.quantiles(live_ratio, n=4) if len(live_ratio) > 1 else live_ratio * 3
    return {"bare": statistics.median(bare), "shown": statistics.median(shown),
            "live": statistics.median(live),
            "shown_ratio": statistics.median(x / b for x, b in zip(shown, bare, strict=True)),
            "live_ratio": statistics.median(live_ratio), "live_q25": q[0], "live_q75": q[2],
            "floor": statistics.median(floor),
            "floor_ratio": statistics.median(x / b for x, b in zip(floor, bare, strict=True))}


def live(seconds: float) -> dict[str, float]:
    import json
    import tempfile

    here = os.path.dirname(os.path.abspath(__file__))
    base = json.loads(_child(_BARE_LOOP, str(seconds), here).strip().splitlines()[-1])
    with tempfile.TemporaryDirectory() as tmp:
        out = json.loads(_child(_LIVE, str(seconds), os.path.join(tmp, "s.ini"), here)
                         .strip().splitlines()[-1])
    out["bare_p50"], out["bare_p99"], out["bare_busy"] = base["p50"], base["p99"], base["busy"]
    return out


class BusyCore:
    """A second process spinning on one core for as long as the `with` block lasts."""

    def __enter__(self) -> BusyCore:
        self.proc = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.kill()
        self.proc.wait()


def report(load: str, st: dict[str, float] | None, lv: dict[str, float] | None,
           runs: int, seconds: float) -> None:
    print(f"== {load} ==")
    if st is not None:
        b = st["bare"]
        print(f"  start-up ({runs} paired starts; bare PySide6 window median {b * 1e3:.0f} ms; "
              "ratios: median of each start over the bare one just before it):")
        print(f"    main window on screen   {st['shown'] * 1e3:7.0f} ms   "
              f"{st['shown_ratio']:5.2f}× bare")
        print(f"    first live reading      {st['live'] * 1e3:7.0f} ms   "
              f"{st['live_ratio']:5.2f}× bare   (goal ≤ 3×; middle half of the starts "
              f"{st['live_q25']:.2f}–{st['live_q75']:.2f}×)")
        print(f"      floor: synthetic source {st['floor'] * 1e3:7.0f} ms   "
              f"{st['floor_ratio']:5.2f}× bare   (the same window without VISA or the "
              "simulator: what the desktop app itself costs)")
    if lv is not None:
        print(f"  everything live, {seconds:g} s (bare window p99 {lv['bare_p99']:.2f} ms):")
        print(f"    event-loop lateness     p50 {lv['p50']:6.2f} ms   p99 {lv['p99']:6.2f} ms "
              f"(meter tab {lv['p99_meter']:.1f}, scope tab {lv['p99_scope']:.1f})   "
              f"{lv['p99'] / TARGET_P99_MS:4.2f}× the 30 ms target, "
              f"{lv['p99'] / max(lv['bare_p99'], 0.01):.1f}× bare")
        print(f"    GUI thread busy         meter tab {lv['busy_meter']:4.0%}, scope tab "
              f"{lv['busy_scope']:4.0%} of the time (bare window {lv['bare_busy']:.0%}): the "
              "CPU it needs, which a loaded machine stretches into lateness")
        print(f"    readings/s in the view  {lv['rate']:9,.0f}   "
              f"{lv['rate'] / METER_RATE:4.2f}× the meter's {METER_RATE:,.0f}/s   "
              f"(session logged {lv['logged']:,}; scope drawing {lv['scope']}, "
              f"UART decoded {lv['uart']})")
        print(f"    scope frames/s drawn    {lv['scope_fps']:5.1f} on the Scope tab")


def main(argv: list[str]) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", nargs="*", default=["startup", "live"],
                    help="startup, live (default: both), or redraw")
    ap.add_argument("--load", default="idle,busy", help="idle, busy or idle,busy")
    ap.add_argument("--runs", type=int, default=11, help="paired starts per figure (median)")
    ap.add_argument("--seconds", type=float, default=10.0, help="live measurement time")
    args = ap.parse_args(argv)
    if "redraw" in args.what:
        bench_redraw()
        return
    print(f"machine: {os.cpu_count()} cores, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for load in args.load.split(","):
        def run() -> tuple[dict[str, float] | None, dict[str, float] | None]:
            st = startup(args.runs) if "startup" in args.what else None
            lv = live(args.seconds) if "live" in args.what else None
            return st, lv

        if load == "busy":
            with BusyCore():
                st, lv = run()
        else:
            st, lv = run()
        report(load, st, lv, args.runs, args.seconds)


if __name__ == "__main__":
    main(sys.argv[1:])
