"""Soak, one minute: the meter view logs the simulated 34465A at 50 kSa/s into a session.

The hour-long run is `benchmarks/bench_soak.py --minutes 60`; this is the same code for
a minute, so a leak, a stuck GUI or a lost reading shows in every run of the suite,
not only when someone runs the benchmark. The trend ring is 500 k readings here (the
app's is 10 M) so that it has filled, and resident memory has settled, within the warm-up.
"""

from __future__ import annotations

import importlib.util
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_soak.py"


def _bench_soak():
    spec = importlib.util.spec_from_file_location("bench_soak", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_soak"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_logging_at_full_rate_keeps_every_reading_in_flat_memory(qapp, tmp_path: Path) -> None:
    seconds = 60
    soak = _bench_soak()
    r = soak.run_soak(seconds, tmp_path / "soak.db", sample_every=2.0, capacity=500_000)
    soak.report(r)
    # Nothing lost: every reading the meter produced is in the store, in one acquisition.
    assert r.log_error == ""
    assert r.acquisitions == 1 and r.gaps == 0
    assert r.produced == r.stored == r.logged
    assert r.stored > 0.8 * 50_000 * seconds  # the meter really ran at full rate
    assert r.verified
    # Flat: after the warm-up (ring filled) memory, threads and open files do not grow.
    assert r.warmup_s < seconds
    assert r.rss_growth_mb < 50
    assert r.thread_growth <= 0 and r.file_growth <= 0
    # Responsive: the event loop ran the probe throughout (a frozen window stops it).
    assert len(r.lateness_ms) > seconds * 10
    assert r.p99_ms < 1000
