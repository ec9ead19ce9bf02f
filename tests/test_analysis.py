"""Waveform measurements on synthetic signals whose answers follow from how they were made."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterlab import analysis as an
from meterlab.waveform import Waveform


def trapezoid(
    freq: float, duty: float, edge: float, lo: float, hi: float, fs: float, n: int,
    phase: float = 0.123, noise: float = 0.0, seed: int = 0,
) -> Waveform:
    """A pulse train with linear edges of `edge` seconds (0→100 %), mid-level timing exact."""
    t = np.arange(n) / fs
    ph = (t * freq + phase) % 1.0
    period = 1 / freq
    e = edge / period  # edge length in cycles
    high = duty  # mid-level crossings at ph=0 (rising) and ph=duty (falling)
    y = np.where(
        ph < e / 2, 0.5 + ph / e,
        np.where(ph < high - e / 2, 1.0,
                 np.where(ph < high + e / 2, 0.5 - (ph - high) / e,
                          np.where(ph < 1 - e / 2, 0.0, 0.5 + (ph - 1) / e))))
    y = np.clip(y, 0, 1) * (hi - lo) + lo
    if noise:
        y = y + np.random.default_rng(seed).normal(0, noise, n)
    return Waveform(y, 0.0, 1 / fs, "CH1")


def test_levels_and_amplitudes_of_a_clean_pulse_train() -> None:
    wf = trapezoid(1e3, 0.3, 2e-6, 0.0, 3.3, 10e6, 100_000)
    assert an.vmax(wf) == pytest.approx(3.3)
    assert an.vmin(wf) == pytest.approx(0.0, abs=1e-12)
    assert an.vpp(wf) == pytest.approx(3.3)
    base, top = an.levels(wf)
    assert base == pytest.approx(0.0, abs=0.02) and top == pytest.approx(3.3, abs=0.02)
    assert an.vavg(wf) == pytest.approx(3.3 * 0.3, rel=2e-3)


def test_sine_rms_average_and_frequency() -> None:
    fs, f, amp, dc = 1e6, 1234.5, 2.0, 0.5
    t = np.arange(200_000) / fs
    wf = Waveform(dc + amp * np.sin(2 * np.pi * f * t), 0, 1 / fs, "CH2")
    whole = int(len(wf) // (fs / f) * (fs / f))  # whole cycles only, for RMS/avg
    cut = wf[:whole]
    assert an.vrms(cut) == pytest.approx(math.sqrt(dc**2 + amp**2 / 2), rel=1e-3)
    assert an.vavg(cut) == pytest.approx(dc, abs=2e-3)
    assert an.frequency(wf) == pytest.approx(f, rel=1e-6)
    assert an.duty_cycle(wf) == pytest.approx(0.5, abs=1e-3)
    # no flat tops on a sine: top/base fall back to max/min
    assert an.vamp(wf) == pytest.approx(2 * amp, rel=1e-3)


@settings(max_examples=30, deadline=None)
@given(
    freq=st.floats(500, 20e3),
    duty=st.floats(0.1, 0.9),
    edge_frac=st.floats(0.005, 0.05),
)
def test_pulse_timing_is_recovered(freq: float, duty: float, edge_frac: float) -> None:
    fs = 20e6
    period = 1 / freq
    edge = edge_frac * period
    n = int(fs * period * 6.5)
    wf = trapezoid(freq, duty, edge, -1.0, 2.0, fs, n)
    assert an.frequency(wf) == pytest.approx(freq, rel=1e-4)
    assert an.period(wf) == pytest.approx(period, rel=1e-4)
    assert an.duty_cycle(wf) == pytest.approx(duty, abs=2e-3)
    # a linear edge spends 80 % of its length between 10 % and 90 %
    assert an.rise_time(wf) == pytest.approx(0.8 * edge, rel=0.02, abs=2 / fs)
    assert an.fall_time(wf) == pytest.approx(0.8 * edge, rel=0.02, abs=2 / fs)


def test_noise_on_slow_edges_does_not_multiply_edges() -> None:
    # noise of 3 % of the amplitude on slow edges makes many raw mid-level crossings
    wf = trapezoid(1e3, 0.25, 50e-6, 0.0, 5.0, 5e6, 50_000, noise=0.15, seed=4)
    raw = np.count_nonzero(np.diff((wf.y > 2.5).astype(np.int8)) == 1)
    assert raw > 3 * 10  # the naive count really is fooled
    e = an.find_edges(wf)
    assert e.rising.size == 10
    assert an.frequency(wf) == pytest.approx(1e3, rel=2e-3)
    assert an.duty_cycle(wf) == pytest.approx(0.25, abs=0.01)
    assert an.rise_time(wf) == pytest.approx(40e-6, rel=0.1)


def test_dc_has_no_frequency_and_empty_is_nan() -> None:
    wf = Waveform(np.full(1000, 3.3), 0, 1e-6, "CH3")
    assert math.isnan(an.frequency(wf))
    assert math.isnan(an.duty_cycle(wf))
    assert math.isnan(an.rise_time(wf))
    assert an.vrms(wf) == pytest.approx(3.3)
    empty = Waveform(np.empty(0), 0, 1, "CH1")
    assert all(math.isnan(v) for v in an.measure_all(empty).values())


def test_bare_arrays_need_dt_for_timing() -> None:
    y = trapezoid(1e3, 0.5, 1e-6, 0, 1, 1e6, 10_000).y
    assert an.frequency(y, dt=1e-6) == pytest.approx(1e3, rel=1e-4)
    with pytest.raises(TypeError, match="dt"):
        an.period(y)


def test_schmitt_holds_state_between_thresholds() -> None:
    y = np.array([0.5, 0.5, 0.9, 0.5, 0.45, 0.1, 0.5, 0.9])
    assert an.schmitt(y, 0.2, 0.8).tolist() == [1, 1, 1, 1, 1, 0, 0, 1]


def test_measure_by_generic_name_matches_the_function() -> None:
    wf = trapezoid(2e3, 0.4, 5e-6, 0, 3.3, 10e6, 60_000)
    assert an.measure(wf, "freq") == an.frequency(wf)
    assert an.measure(wf, "PDUT") == an.duty_cycle(wf)
    every = an.measure_all(wf)
    assert set(every) == set(an.MEASUREMENTS)
    for name in an.MEASUREMENTS:  # the shared-work path gives the same numbers
        assert every[name] == pytest.approx(an.measure(wf, name), rel=1e-12, nan_ok=True)
    with pytest.raises(KeyError, match="VPP"):
        an.measure(wf, "BOGUS")


def test_float32_records_are_measured_in_double() -> None:
    wf = trapezoid(1e3, 0.5, 2e-6, 0, 3.3, 10e6, 100_000)
    w32 = Waveform(wf.y.astype(np.float32), wf.t0, wf.dt, "CH1")
    assert an.vrms(w32) == pytest.approx(an.vrms(wf), rel=1e-6)
    assert an.frequency(w32) == pytest.approx(an.frequency(wf), rel=1e-6)
