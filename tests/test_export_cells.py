"""Cell text of CSV and JSON exports. Floats are written exactly as Python's repr writes
them (shortest text that reads back as the same double), whether the fast path through
pyarrow's cast is taken or not (pyarrow is an optional extra); times exactly as numpy's
ISO 8601 with milliseconds and a Z, though built from a table of tails."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterlab import export
from meterlab.export import float_text, time_text


def expected(values: list[float]) -> list[str]:
    return ["" if v != v else repr(v) for v in values]


TRICKY = [0.0, -0.0, 3.0, -2.5, 0.1, 1e-4, 9.999e-5, 1.5e-7, 5e-324, 12345.678,
          418098846725778.9, 2040919121385182.5, 9.999e15, 1e16, 1e22,
          123456789012345680.0, float("inf"), float("-inf"), float("nan")]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=40))
def test_float_text_is_repr_for_any_float(values: list[float]) -> None:
    assert float_text(np.array(values, dtype=np.float64)).tolist() == expected(values)


@settings(max_examples=100, deadline=None)
@given(st.floats(min_value=-1e17, max_value=1e17), st.integers(-20, 20))
def test_float_text_is_repr_across_magnitudes(mantissa: float, exp: int) -> None:
    values = [mantissa * 10.0 ** exp, mantissa]
    assert float_text(np.array(values)).tolist() == expected(values)


@pytest.mark.parametrize("with_pyarrow", [True, False])
def test_tricky_floats_and_a_million_readings_either_way(
        monkeypatch: pytest.MonkeyPatch, with_pyarrow: bool) -> None:
    if not with_pyarrow:
        monkeypatch.setattr(export, "_arrow_texts", lambda x: None)
    assert float_text(np.array(TRICKY)).tolist() == expected(TRICKY)
    readings = np.random.default_rng(5).normal(3.3, 0.01, 50_000)
    assert float_text(readings).tolist() == expected(readings.tolist())


def numpy_iso(t: np.ndarray) -> list[str]:
    """The reference: every stamp formatted by numpy."""
    ms = np.round(t * 1000.0)
    ok = np.isfinite(ms)
    text = np.datetime_as_string(np.where(ok, ms, 0).astype("int64").astype("datetime64[ms]"),
                                 unit="ms", timezone="UTC").astype(object)
    text[~ok] = ""
    return text.tolist()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.floats(-4e9, 7e9), st.just(float("nan")), st.just(float("inf"))),
                max_size=30),
       st.floats(0.0, 1.0), st.integers(0, 5000))
def test_time_text_is_numpys_iso_text(stamps: list[float], step: float, n: int) -> None:
    run = 1.78e9 + np.arange(n) * step * 1e-2  # a run of readings crossing minutes
    t = np.concatenate([np.array(stamps, dtype=np.float64), run, np.array(stamps[::-1])])
    assert time_text(t).tolist() == numpy_iso(t)


def test_time_text_rounds_across_a_minute_and_before_1970() -> None:
    t = np.array([1.78e9 + 59.9996, 1.78e9 + 59.9994, -0.0004, -1.5, np.nan])
    assert time_text(t).tolist() == [
        "2026-05-28T20:27:40.000Z", "2026-05-28T20:27:39.999Z", "1970-01-01T00:00:00.000Z",
        "1969-12-31T23:59:58.500Z", ""]
    assert time_text(np.array([])).tolist() == []
