"""Multimeter driver speed against the simulated 34465A, as ratios measured in the same run.

1. Per-reading loop: `Multimeter.read()` vs a bare pyvisa `query("READ?")` loop on the same
   simulated meter with the same settings (target ≥ 0.95×). Runs alternate A/B/A/B so
   drift on a shared machine hits both alike; a control run puts a second bare link where
   the driver was, to show how far the measurement itself strays from 1.
2. Buffered stream at the fastest setting (NPLC 0.001, auto-zero off, 50 kSa/s): a counted
   stream of exactly rate × seconds readings, drained with R? while the meter measures;
   reports readings/s kept up with, and checks that none was lost or duplicated
   (target ≥ 50 000 readings/s, the instrument's own rate).

Run: uv run python benchmarks/bench_dmm.py [--reads 10000] [--seconds 60] [--in-process]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import numpy as np
import pyvisa

from meterlab.drivers.dmm import Multimeter
from meterlab.visa import open_instrument


class _ConstantBoard:
    """Stand-in board (3.3 V everywhere) if the virtual board is not importable."""

    nets = ("3V3", "GND")
    temperature_c = 25.0
    active_faults: tuple[str, ...] = ()

    def measure(self, function: str, hi: str, lo: str) -> float:
        return {"VOLT:DC": 3.3, "RES": 4700.0, "CURR:DC": 0.042}.get(function, 0.0)

    def set_fault(self, name: str, on: bool) -> None:
        raise ValueError(name)


def start_meter(in_process: bool = False):  # type: ignore[no-untyped-def]
    """The simulated meter, by default in its own process (as a real instrument would be:
    an in-process server would compete with the client for the GIL and bias the ratio)."""
    if not in_process:
        proc = subprocess.Popen([sys.executable, __file__, "--serve"], stdout=subprocess.PIPE,
                                stdin=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        resource, what = proc.stdout.readline().strip().split(" ", 1)

        def stop() -> None:
            assert proc.stdin is not None
            proc.stdin.close()
            proc.wait(timeout=10)

        return resource, stop, what + ", separate process"
    try:
        from meterlab.sim import SimulatedBench

        bench = SimulatedBench(seed=1).start()
        return bench.dmm_resource, bench.stop, "SimulatedBench (virtual board)"
    except ImportError:
        from meterlab.sim.dmm import Keysight34465A
        from meterlab.sim.server import InstrumentServer

        server = InstrumentServer(Keysight34465A(_ConstantBoard(), seed=1)).start()
        return server.resource, server.stop, "34465A server (constant 3.3 V board)"


def _alternate(first, second, reads: int, block: int) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """Alternate short blocks of `first()` and `second()`; medians of both rates and of the
    ratio second/first over adjacent pairs, so load from other processes cancels out."""
    ratios, rates_a, rates_b = [], [], []
    for i in range(max(1, reads // block)):
        order = (0, 1) if i % 2 == 0 else (1, 0)  # alternate who goes first
        rate = [0.0, 0.0]
        for who in order:
            call = (first, second)[who]
            t0 = time.perf_counter()
            for _ in range(block):
                call()
            rate[who] = block / (time.perf_counter() - t0)
        rates_a.append(rate[0])
        rates_b.append(rate[1])
        ratios.append(rate[1] / rate[0])
    return float(np.median(rates_a)), float(np.median(rates_b)), float(np.median(ratios))


def per_reading(resource: str, reads: int, block: int = 100) -> tuple[float, float, float, float]:
    """Bare pyvisa against the driver, then the same against a second bare link (the control).

    The control puts an identical bare `query("READ?")` loop, on a link of its own, where
    the driver was: its ratio (ideally 1) shows how far this measurement itself strays on
    this machine, so a driver ratio within that distance of 1 is not a real difference.
    Returns bare readings/s, driver readings/s, the driver's ratio and the control's.
    """
    rm = pyvisa.ResourceManager("@py")
    bare = rm.open_resource(resource, read_termination="\n", write_termination="\n",
                            timeout=5000)
    control = rm.open_resource(resource, read_termination="\n", write_termination="\n",
                               timeout=5000)
    conn = open_instrument(resource, profile="auto")
    dmm = Multimeter(conn)
    dmm.configure("VOLT:DC", range=10, nplc=0.001, autozero=False)
    dmm.read()  # settle the cache: from here on read() is one READ? per reading
    control.query("READ?")
    try:
        bare_rate, drv_rate, ratio = _alternate(lambda: bare.query("READ?"), dmm.read,
                                                reads, block)
        _, _, control_ratio = _alternate(lambda: bare.query("READ?"),
                                         lambda: control.query("READ?"), reads, block)
    finally:
        bare.close()  # not rm.close(): pyvisa shares one manager per backend in a process
        control.close()
        conn.close()
    return bare_rate, drv_rate, ratio, control_ratio


def stream(resource: str, seconds: float) -> tuple[int, int, float, bool]:
    conn = open_instrument(resource, profile="auto")
    dmm = Multimeter(conn)
    dmm.configure("VOLT:DC", range=10, nplc=0.001, autozero=False)
    rate = dmm.spec.max_rate
    n = int(rate * seconds)
    dmm.start_stream(count=n)
    t0 = time.perf_counter()
    got = 0
    gaps = False
    last_t = -np.inf
    monotonic = True
    while got < n and time.perf_counter() - t0 < seconds * 3 + 10:
        time.sleep(0.02)
        b = dmm.fetch_available()
        got += len(b)
        gaps |= b.gap_before
        if len(b):
            monotonic &= bool(b.t[0] > last_t and np.all(np.diff(b.t) > 0))
            last_t = b.t[-1]
    elapsed = time.perf_counter() - t0
    rest = dmm.stop_stream()
    got += len(rest)
    left = int(float(conn.query("DATA:POIN?")))
    conn.close()
    ok = got == n and left == 0 and not gaps and monotonic
    return n, got, got / elapsed, ok


def serve() -> None:
    """--serve: run the meter until stdin closes, announcing its resource on stdout."""
    resource, stop, what = start_meter(in_process=True)
    print(resource, what, flush=True)
    sys.stdin.read()
    stop()


def main() -> None:
    if "--serve" in sys.argv:
        serve()
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reads", type=int, default=10000,
                    help="readings per loop (bare and driver each)")
    ap.add_argument("--seconds", type=float, default=60.0, help="stream duration")
    ap.add_argument("--in-process", action="store_true", help="serve the meter in this process")
    args = ap.parse_args()
    resource, stop, what = start_meter(args.in_process)
    try:
        print(f"meter: {what} at {resource}")
        bare, drv, ratio, control = per_reading(resource, args.reads)
        print(f"per-reading loop ({args.reads} each, 100-reading blocks alternated): bare "
              f"pyvisa {bare:,.0f} readings/s, driver {drv:,.0f} readings/s (medians), "
              f"median ratio {ratio:.3f} (target ≥ 0.95); control, a second bare link in "
              f"the driver's place: {control:.3f} (1 would be no error of the measurement)")
        n, got, rate, ok = stream(resource, args.seconds)
        print(f"buffered stream {args.seconds:g} s at NPLC 0.001: {got:,} of {n:,} readings, "
              f"{rate:,.0f} readings/s = {rate / 50_000:.3f} × the meter's 50 kSa/s "
              f"(target ≥ 50 000/s); lossless, in order, nothing left: {ok}")
    finally:
        stop()


if __name__ == "__main__":
    main()
