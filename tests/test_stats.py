"""Series statistics: against numpy and hand-computed values, overloads and errors kept out."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterlab.readings import Verdict
from meterlab.stats import RunningStats, capability, summarize
from meterlab.tolerance import parse_limit


def test_known_values_and_cp_cpk_formulas() -> None:
    lim = parse_limit("3.2 V .. 3.4 V")
    x = np.array([3.28, 3.30, 3.32, 3.30])
    s = summarize(x, limit=lim)
    mean = 3.30
    std = math.sqrt((0.02**2 + 0 + 0.02**2 + 0) / 3)  # sample σ = 0.016330
    assert s.count == 4 and s.n_valid == 4
    assert s.mean == pytest.approx(mean)
    assert s.std == pytest.approx(std)
    assert (s.min, s.max) == (3.28, 3.32)
    assert s.cp == pytest.approx(0.2 / (6 * std))          # 2.0412
    assert s.cpk == pytest.approx(0.1 / (3 * std))         # centred: Cpk = Cp
    assert s.cp == pytest.approx(2.0412, abs=1e-4)
    off = summarize(x + 0.05, limit=lim)                   # mean 3.35: 0.05 V to USL
    assert off.cpk == pytest.approx(0.05 / (3 * std))
    assert off.cp == pytest.approx(s.cp)
    assert s.counts[Verdict.PASS] == 4 and s.n_fail == 0


def test_overloads_and_errors_counted_never_averaged() -> None:
    x = np.array([1.0, 2.0, math.nan, 9.9e37, 3.0, math.nan, -9.9e37, math.inf])
    over = np.zeros(x.size, bool)
    over[2] = True  # an overload as ReadingBatch stores it: NaN with the flag
    s = summarize(x, overload=over)
    assert s.count == 8
    assert s.n_valid == 3
    assert s.n_overload == 4          # the flagged NaN, the two ±9.9E37 and inf (beyond 9E37)
    assert s.n_error == 1             # the unflagged NaN
    assert s.mean == pytest.approx(2.0)
    assert s.std == pytest.approx(1.0)
    assert (s.min, s.max) == (1.0, 3.0)
    assert s.counts == {}             # nothing to judge by
    assert s.cp is None and s.cpk is None


def test_verdict_counts_from_limit_or_given() -> None:
    lim = parse_limit("3.3 V ±3 % warn ±2 %")
    x = np.array([3.3, 3.3, 3.38, 3.5, math.nan, 9.9e37])
    s = summarize(x, limit=lim)
    assert (s.n_pass, s.n_marginal, s.n_fail) == (2, 1, 1)
    assert s.counts[Verdict.ERROR] == 1 and s.counts[Verdict.OVERLOAD] == 1
    assert s.n_overload == 1 and s.n_error == 1
    given_v = np.array([0, 2, 2, 3, 5, 4], dtype=np.int8)
    s2 = summarize(x, verdicts=given_v)
    assert s2.n_indeterminate == 2 and s2.n_pass == 1
    assert sum(s2.counts.values()) == 6


@pytest.mark.parametrize(("values", "limit_text"), [
    ([3.3, 3.31], ">= 3 V"),           # one side open
    ([3.3, 3.31], "<= 4 V"),
    ([3.3], "3.2 V .. 3.4 V"),         # one valid value: no σ
    ([3.3, 3.3, 3.3], "3.2 V .. 3.4 V"),  # σ = 0
    ([math.nan, 9.9e37], "3.2 V .. 3.4 V"),
])
def test_cp_cpk_undefined_cases(values: list[float], limit_text: str) -> None:
    s = summarize(np.array(values), limit=parse_limit(limit_text))
    assert s.cp is None and s.cpk is None


def test_empty_series() -> None:
    s = summarize(np.array([]))
    assert (s.count, s.n_valid, s.mean, s.std, s.min, s.max) == (0, 0, None, None, None, None)
    one = summarize(np.array([2.5]))
    assert one.mean == 2.5 and one.std is None


def test_capability_function() -> None:
    assert capability(0.0, 1.0, -3.0, 3.0) == pytest.approx((1.0, 1.0))
    assert capability(1.0, 1.0, -3.0, 3.0) == pytest.approx((1.0, 2.0 / 3.0))
    assert capability(5.0, 1.0, -3.0, 3.0)[1] == pytest.approx(-2.0 / 3.0)  # mean outside
    assert capability(None, 1.0, -3.0, 3.0) == (None, None)
    assert capability(0.0, 0.0, -3.0, 3.0) == (None, None)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.one_of(
    st.floats(-1e6, 1e6), st.just(math.nan), st.just(9.9e37)), max_size=30), max_size=8))
def test_running_stats_equal_one_shot_summary(batches: list[list[float]]) -> None:
    rs = RunningStats()
    lim = parse_limit("-10 V .. 10 V")
    for b in batches:
        x = np.array(b, dtype=float)
        rs.update(x, verdicts=lim.evaluate(x).verdicts)
    allx = np.array([v for b in batches for v in b], dtype=float)
    ref = summarize(allx, limit=lim)
    got = rs.summary(lim)
    assert (got.count, got.n_valid, got.n_overload, got.n_error) == \
        (ref.count, ref.n_valid, ref.n_overload, ref.n_error)
    assert got.counts == (ref.counts if batches else {})
    if ref.n_valid:
        assert got.mean == pytest.approx(ref.mean, rel=1e-9, abs=1e-6)
        assert (got.min, got.max) == (ref.min, ref.max)
    else:
        assert got.mean is None and got.min is None
    if ref.std is None:
        assert got.std is None
    else:
        assert got.std == pytest.approx(ref.std, rel=1e-7, abs=1e-6)


def test_running_stats_stable_for_nearly_equal_readings() -> None:
    """A 10 V reference read a million times: the naive Σx² formula loses all digits here."""
    rng = np.random.default_rng(5)
    x = 10.0 + rng.normal(0, 1e-7, 1_000_000)
    rs = RunningStats()
    for chunk in np.array_split(x, 97):
        rs.update(chunk)
    assert rs.std == pytest.approx(float(np.std(x, ddof=1)), rel=1e-6)
    assert rs.mean == pytest.approx(float(np.mean(x)), rel=1e-15)


def test_running_stats_merge_and_reset() -> None:
    a, b = RunningStats(), RunningStats()
    a.update(np.array([1.0, 2.0]))
    b.update(np.array([3.0, 4.0, math.nan]))
    a.merge(b)
    assert (a.n_valid, a.count, a.n_error) == (4, 5, 1)
    assert a.mean == pytest.approx(2.5)
    assert a.std == pytest.approx(float(np.std([1, 2, 3, 4], ddof=1)))
    a.reset()
    assert a.count == 0 and a.summary().mean is None and a.summary().counts == {}


def test_summary_against_numpy_on_random_data() -> None:
    rng = np.random.default_rng(11)
    x = rng.normal(5.0, 0.1, 10_000)
    lim = parse_limit("5 V ±5 %")
    s = summarize(x, limit=lim)
    sigma = float(np.std(x, ddof=1))
    mu = float(np.mean(x))
    assert s.std == pytest.approx(sigma)
    assert s.cp == pytest.approx(0.5 / (6 * sigma))
    assert s.cpk == pytest.approx(min(5.25 - mu, mu - 4.75) / (3 * sigma))
    inside = int(np.count_nonzero((x >= 4.75) & (x <= 5.25)))
    assert s.n_pass == inside and s.n_fail == x.size - inside
