"""The live series (judging, statistics, histogram) and the synthetic source, without Qt."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterlab.gui.feed import FeedEventKind, ReadingFeed
from meterlab.gui.series import BLOCK, NO_VERDICT, LiveSeries
from meterlab.gui.sources import MeterSetup, SyntheticSource
from meterlab.readings import ReadingBatch, Verdict
from meterlab.stats import summarize
from meterlab.tolerance import parse_limit


def window_limit(lo: float, hi: float):
    return parse_limit(f"{lo!r} V .. {hi!r} V", "V")


def batch(t0: float, values, unit="V", function="VOLT:DC", gap=False) -> ReadingBatch:
    values = np.asarray(values, dtype=float)
    t = t0 + np.arange(len(values)) * 0.01
    b = ReadingBatch.from_raw(t, values, function=function, unit=unit)
    if gap:
        from dataclasses import replace

        b = replace(b, gap_before=True)
    return b


def test_statistics_match_numpy_over_many_batches():
    rng = np.random.default_rng(3)
    s = LiveSeries(capacity=10_000)
    chunks = [rng.normal(3.3, 0.01, size=k) for k in (1, 17, 500, 3, 2000)]
    for i, c in enumerate(chunks):
        s.ingest([batch(i * 100.0, c)])
    allv = np.concatenate(chunks)
    sm = s.summary()
    assert sm.n == allv.size
    assert sm.mean == pytest.approx(allv.mean(), rel=1e-12)
    assert sm.std == pytest.approx(allv.std(ddof=1), rel=1e-9)
    assert (sm.min, sm.max) == (allv.min(), allv.max())
    assert math.isnan(sm.cp)  # no limit, no capability


def test_limit_judges_new_and_stored_readings_and_marks_first_failure():
    s = LiveSeries(capacity=1000)
    s.ingest([batch(0.0, [3.30, 3.31, 3.29])])
    assert s.latest_verdict == NO_VERDICT
    s.set_limit(window_limit(3.2, 3.4), "V")
    assert list(s.ring.view("verdict")) == [Verdict.PASS] * 3
    assert s.first_failure is None
    s.ingest([batch(1.0, [3.35, 3.45, 3.50, 3.30])])
    assert s.latest_verdict == Verdict.PASS
    assert s.counts[Verdict.FAIL] == 2
    assert s.first_failure == pytest.approx((1.01, 3.45))
    assert list(s.failures.view("v")) == [3.45, 3.50]
    # A tighter limit re-judges everything stored.
    s.set_limit(window_limit(3.295, 3.305), "V")
    assert s.counts[Verdict.FAIL] == 5
    assert s.first_failure == pytest.approx((0.01, 3.31))
    sm = s.summary()
    full = summarize(s.ring.view("v"), limit=parse_limit("3.295 V .. 3.305 V", "V"))
    assert (sm.cp, sm.cpk) == pytest.approx((full.cp, full.cpk))
    assert (sm.mean, sm.std) == pytest.approx((full.mean, full.std))


def test_overload_is_judged_overload_and_kept_out_of_statistics():
    s = LiveSeries(capacity=100)
    s.set_limit(window_limit(0.0, 10.0), "V")
    s.ingest([batch(0.0, [1.0, 9.9e37, 2.0])])
    assert list(s.ring.view("verdict")) == [Verdict.PASS, Verdict.OVERLOAD, Verdict.PASS]
    assert s.summary().n == 2 and s.summary().max == 2.0
    s.set_limit(window_limit(0.0, 1.5), "V")  # re-judging keeps the overload an overload
    assert list(s.ring.view("verdict")) == [Verdict.PASS, Verdict.OVERLOAD, Verdict.FAIL]


def test_gap_inserts_a_break_row_that_is_not_a_reading():
    s = LiveSeries(capacity=100)
    s.ingest([batch(0.0, [1.0, 1.0])])
    s.ingest([batch(5.0, [1.0], gap=True)])
    v = s.ring.view("v")
    assert len(v) == 4 and math.isnan(v[2])
    assert s.ring.view("verdict")[2] == NO_VERDICT
    assert s.summary().n == 3


def test_readings_in_another_unit_start_a_new_series_and_drop_the_limit():
    s = LiveSeries(capacity=100)
    s.set_limit(window_limit(3.2, 3.4), "V")
    s.ingest([batch(0.0, [3.3])])
    assert s.limit is not None
    s.ingest([batch(1.0, [4700.0], unit="Ω", function="RES")])
    assert s.limit is None and s.band is None
    assert len(s.ring) == 1 and s.unit == "Ω"
    assert s.latest_verdict == NO_VERDICT


def test_histogram_counts_every_finite_reading_and_rebins():
    s = LiveSeries(capacity=10_000, hist_bins=20)
    s.set_limit(window_limit(3.2, 3.4), "V")
    s.ingest([batch(0.0, np.linspace(3.25, 3.35, 100))])
    assert s.hist.counts.sum() == 100 and s.hist.outside == 0
    s.ingest([batch(10.0, np.full(50, 9.0))])  # far outside the bins
    assert s.hist.needs_rebin
    s.hist.reset(s.band, s.ring.view("v"))
    assert s.hist.counts.sum() == 150 and not s.hist.needs_rebin


def test_histogram_zooms_to_readings_far_tighter_than_the_limit():
    s = LiveSeries(capacity=10_000, hist_bins=40)
    s.ingest([batch(0.0, 3.3 + 1e-5 * np.sin(np.arange(500)))])
    s.set_limit(window_limit(3.2, 3.4), "V")
    edges = s.hist.edges
    assert edges[0] > 3.29 and edges[-1] < 3.31  # not one spike across 3.1 … 3.5
    assert s.hist.counts.sum() == 500
    assert np.count_nonzero(s.hist.counts) > 5
    # A limit set before any reading: the bins are re-chosen once the spread shows.
    s2 = LiveSeries(capacity=10_000, hist_bins=40)
    s2.set_limit(window_limit(3.2, 3.4), "V")
    s2.ingest([batch(0.0, 3.3 + 1e-5 * np.sin(np.arange(500)))])
    assert s2.hist.needs_rebin
    s2.hist.reset(s2.band, s2.ring.view("v"))
    assert not s2.hist.needs_rebin and np.count_nonzero(s2.hist.counts) > 5


def _drain_until(feed: ReadingFeed, pred, timeout=5.0):
    got, events = [], []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        d = feed.drain()
        got += d.batches
        events += d.events
        if pred(got, events):
            break
        time.sleep(0.02)
    return got, events


def test_synthetic_source_streams_configures_and_drops_out():
    feed = ReadingFeed()
    src = SyntheticSource(rate=5000.0, seed=2)
    src.start(feed)
    try:
        got, _ = _drain_until(feed, lambda g, e: sum(len(b) for b in g) > 500)
        assert sum(len(b) for b in got) > 500
        assert got[0].unit == "V"
        t = np.concatenate([b.t for b in got])
        assert np.all(np.diff(t) > 0)
        src.configure(MeterSetup("RES", None, 1.0))
        got, _ = _drain_until(feed, lambda g, e: any(b.unit == "Ω" for b in g))
        assert any(b.unit == "Ω" and b.function == "RES" for b in got)
        src.dropout(0.3)
        got, events = _drain_until(
            feed, lambda g, e: FeedEventKind.RESTORED in [x.kind for x in e] and g
        )
        kinds = [e.kind for e in events]
        assert kinds[:2] == [FeedEventKind.LOST, FeedEventKind.RESTORED]
        assert any(b.gap_before for b in got)
    finally:
        src.stop()
    assert not src.running


def test_synthetic_source_overloads_above_its_range():
    feed = ReadingFeed()
    src = SyntheticSource(MeterSetup("VOLT:DC", 1.0, 1.0), seed=1)
    src.single(feed)
    (b,) = feed.drain().batches
    assert b.overload.all() and np.isnan(b.values).all()


@settings(max_examples=60, deadline=None)
@given(sizes=st.lists(st.integers(1, 3000), min_size=1, max_size=12), seed=st.integers(0, 99))
def test_block_summaries_match_the_raw_readings(sizes, seed):
    rng = np.random.default_rng(seed)
    s = LiveSeries(capacity=1_000_000)
    t0 = 0.0
    for k in sizes:
        s.ingest([batch(t0, rng.normal(3.3, 0.01, size=k))])
        t0 += k * 0.01 + 1.0
    v = s.ring.view("v")
    t = s.ring.view("t")
    full = len(v) // BLOCK
    assert len(s.blocks) == full
    assert s.partial_fill == len(v) - full * BLOCK
    if full:
        chunks = v[: full * BLOCK].reshape(full, BLOCK)
        assert np.array_equal(s.blocks.view("lo"), chunks.min(axis=1))
        assert np.array_equal(s.blocks.view("hi"), chunks.max(axis=1))
        assert np.array_equal(s.blocks.view("t"), t[: full * BLOCK : BLOCK])
