"""Waveform and DigitalCapture: lazy time axis, views, lane packing."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from meterlab.waveform import DigitalCapture, Waveform


def test_time_axis_is_lazy_and_exact() -> None:
    wf = Waveform(np.zeros(1_000_001), t0=-1e-3, dt=2e-9, source="CH1")
    assert wf._t is None
    t = wf.t
    assert t[0] == -1e-3
    assert t[-1] == pytest.approx(-1e-3 + 1_000_000 * 2e-9, rel=0, abs=1e-15)
    assert wf.t is t  # computed once
    assert wf.t_end == pytest.approx(t[-1])
    assert wf.duration == pytest.approx(1_000_001 * 2e-9)


def test_integer_samples_become_float64_and_float32_is_kept() -> None:
    assert Waveform(np.arange(4), 0, 1, "CH1").y.dtype == np.float64
    assert Waveform(np.arange(4, dtype=np.float32), 0, 1, "CH1").y.dtype == np.float32


@pytest.mark.parametrize("dt", [0.0, -1.0, float("nan")])
def test_non_positive_dt_is_refused(dt: float) -> None:
    with pytest.raises(ValueError, match="dt"):
        Waveform(np.zeros(3), 0, dt, "CH1")


def test_window_is_a_view_with_shifted_t0() -> None:
    y = np.arange(100, dtype=np.float64)
    wf = Waveform(y, t0=1.0, dt=0.1, source="CH2")
    w = wf.window(2.0, 3.0)
    assert w.y[0] == 10 and w.y[-1] == 20
    assert w.t0 == pytest.approx(2.0)
    assert np.shares_memory(w.y, y)
    step = wf[::10]
    assert step.dt == pytest.approx(1.0) and len(step) == 10
    assert wf.index_at(-5) == 0 and wf.index_at(1e9) == 99 and wf.index_at(1.26) == 3


@given(st.lists(st.integers(0, 0xFFFF), min_size=1, max_size=200))
def test_lanes_round_trip_through_lines(words: list[int]) -> None:
    lanes = np.array(words, dtype=np.uint16)
    cap = DigitalCapture(lanes, 0.0, 1e-6, tuple(range(16)))
    rebuilt = DigitalCapture.from_lines({n: cap.lane(n) for n in range(16)}, 0.0, 1e-6)
    assert np.array_equal(rebuilt.lanes, lanes)
    for n in (0, 7, 8, 15):
        assert np.array_equal(cap.lane(n), (lanes >> n) & 1 == 1)


def test_pods_join_into_sixteen_bit_words() -> None:
    pod1 = np.array([0x01, 0x80, 0xFF], dtype=np.uint8)
    pod2 = np.array([0x02, 0x00, 0x81], dtype=np.uint8)
    cap = DigitalCapture.from_pods(pod1, pod2, 0.0, 1.0, tuple(range(16)))
    assert cap.lanes.tolist() == [0x0201, 0x0080, 0x81FF]
    assert cap.lane(9).tolist() == [True, False, False]
    only_high = DigitalCapture.from_pods(None, pod2, 0.0, 1.0, (9, 15))
    assert only_high.lanes.tolist() == [0x0200, 0x0000, 0x8100]


def test_lane_not_captured_says_which_were() -> None:
    cap = DigitalCapture(np.zeros(4, np.uint16), 0, 1, (0, 1))
    with pytest.raises(KeyError, match=r"D5 was not captured.*D0, D1"):
        cap.lane(5)


def test_edges_mark_the_first_sample_of_each_new_level() -> None:
    cap = DigitalCapture.from_lines({3: np.array([0, 0, 1, 1, 0, 1])}, 0, 1)
    assert cap.edges(3).tolist() == [2, 4, 5]
    assert cap[2:].t0 == 2.0 and cap[2:].lane(3).tolist() == [True, True, False, True]


def test_invalid_line_numbers_are_refused() -> None:
    with pytest.raises(ValueError, match="D0–D15"):
        DigitalCapture(np.zeros(2, np.uint16), 0, 1, (16,))
