"""Evaluate 10 million readings against a limit, next to a bare numpy range test.

Prints each case's median time and its ratio to the baseline `(x >= lo) & (x <= hi)`
measured in the same run on the same array. Target: `Limit.evaluate` ≤ 1.5×.

    uv run python benchmarks/bench_tolerance.py [--n 10000000] [--repeats 9]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np

from meterlab.tolerance import parse_limit


def median_time(fn: Callable[[], object], repeats: int) -> float:
    fn()  # warm-up: page faults of the first allocation are not what we measure
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000_000)
    ap.add_argument("--repeats", type=int, default=9)
    args = ap.parse_args()

    rng = np.random.default_rng(42)
    x = rng.normal(3.3, 0.03, args.n)           # ~0.1 % of readings outside ±3 %
    x[rng.integers(0, args.n, args.n // 10_000)] = np.nan
    x[rng.integers(0, args.n, args.n // 100_000)] = 9.9e37
    over = np.zeros(args.n, dtype=bool)

    limit = parse_limit("3.3 V ±3 %")
    warn = parse_limit("3.3 V ±3 % warn ±2 %")
    lo, hi = limit.lower, limit.upper
    u = 0.002

    base = median_time(lambda: (x >= lo) & (x <= hi), args.repeats)
    cases: list[tuple[str, Callable[[], object]]] = [
        ("evaluate (limits)", lambda: limit.evaluate(x)),
        ("evaluate (limits, overload flags)", lambda: limit.evaluate(x, overload=over)),
        ("evaluate (limits + warn band)", lambda: warn.evaluate(x)),
        ("evaluate + margin materialised", lambda: limit.evaluate(x).margin),
        ("evaluate guarded (U = 2 mV)",
         lambda: limit.evaluate(x, uncertainty=u, rule="guarded")),
    ]
    print(f"{args.n:,} readings, median of {args.repeats}")
    print(f"{'baseline (x >= lo) & (x <= hi)':40s} {base * 1e3:8.2f} ms   1.00×")
    for name, fn in cases:
        t = median_time(fn, args.repeats)
        print(f"{name:40s} {t * 1e3:8.2f} ms   {t / base:4.2f}×")


if __name__ == "__main__":
    main()
