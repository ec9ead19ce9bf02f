"""Saving and loading captures: every format round-trips what was captured."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from meterlab.capture_io import Capture, load_capture, save_capture
from meterlab.errors import FileFormatError, UsageError
from meterlab.waveform import DigitalCapture, Waveform


def sample_capture(n: int = 1000) -> Capture:
    rng = np.random.default_rng(3)
    ch1 = Waveform(np.round(rng.normal(0, 1, n), 4), -2e-6, 1e-9, "CH1", meta={"mode": "RAW"})
    ch2 = Waveform(np.linspace(0, 3.3, n), -2e-6, 1e-9, "CH2")
    dig = DigitalCapture(rng.integers(0, 256, n).astype(np.uint16), -2e-6, 1e-9, (0, 1, 2, 7))
    dig.lanes &= np.uint16(0b10000111)
    return Capture([ch1, ch2], dig, {"instrument": "RIGOL MSO1104Z"})


@pytest.mark.parametrize("suffix", [".npz", ".csv", ".parquet"])
def test_round_trip(tmp_path: Path, suffix: str) -> None:
    cap = sample_capture()
    path = save_capture(tmp_path / f"cap{suffix}", cap)
    assert path.is_file() and not list(tmp_path.glob("*.part"))
    back = load_capture(path)
    assert [w.source for w in back.waveforms] == ["CH1", "CH2"]
    for a, b in zip(cap.waveforms, back.waveforms, strict=True):
        np.testing.assert_allclose(b.y, a.y, rtol=1e-9, atol=1e-12)
        assert b.t0 == pytest.approx(a.t0, abs=1e-15)
        assert b.dt == pytest.approx(a.dt, rel=1e-6)
        assert b.unit == "V"
    assert back.digital is not None
    assert back.digital.channels == (0, 1, 2, 7)
    assert np.array_equal(back.digital.lanes, cap.digital.lanes)
    if suffix != ".csv":  # CSV carries no metadata
        assert back.meta == {"instrument": "RIGOL MSO1104Z"}
        assert back.waveforms[0].meta == {"mode": "RAW"}


def test_csv_layout_is_time_then_volts_then_lines(tmp_path: Path) -> None:
    cap = sample_capture(3)
    path = save_capture(tmp_path / "c.csv", cap)
    lines = path.read_text().splitlines()
    assert lines[0] == "time (s),CH1 (V),CH2 (V),D0,D1,D2,D7"
    assert len(lines) == 4
    first = lines[1].split(",")
    assert float(first[0]) == pytest.approx(-2e-6)
    assert set(first[3:]) <= {"0", "1"}


def test_npz_is_loaded_without_pickle(tmp_path: Path) -> None:
    path = save_capture(tmp_path / "c.npz", sample_capture(10))
    with np.load(path, allow_pickle=False) as z:
        assert z["CH1"].dtype == np.float64
        assert z["digital.lanes"].dtype == np.uint16


def test_different_time_bases_are_resampled_onto_the_finest(tmp_path: Path) -> None:
    fine = Waveform(np.arange(10, dtype=float), 0.0, 1.0, "CH1")
    coarse = Waveform(np.array([0.0, 20.0]), 0.0, 9.0, "CH2")
    dig = DigitalCapture(np.array([1, 0, 1], np.uint16), 0.0, 4.0, (0,))
    back = load_capture(save_capture(tmp_path / "r.csv", Capture([fine, coarse], dig)))
    assert len(back.waveforms[0]) == 10 and back.waveforms[0].dt == pytest.approx(1.0)
    np.testing.assert_allclose(back.waveforms[1].y, np.arange(10) * 20 / 9)
    assert back.digital.lane(0).tolist() == [1, 1, 1, 1, 0, 0, 0, 0, 1, 1]


def test_bad_names_and_empty_captures_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"\.csv, \.npz or \.parquet"):
        save_capture(tmp_path / "c.xlsx", sample_capture())
    with pytest.raises(UsageError, match="Nothing was captured"):
        save_capture(tmp_path / "c.npz", Capture())
    garbage = tmp_path / "g.csv"
    garbage.write_text("a,b\n1,2\n")
    with pytest.raises(FileFormatError, match=r"g\.csv"):
        load_capture(garbage)


def test_unwritable_target_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="Could not write"):
        save_capture(tmp_path / "missing-dir" / "c.npz", sample_capture())


@pytest.mark.parametrize("with_pyarrow", [True, False])
def test_csv_numbers_print_short_with_or_without_pyarrow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_pyarrow: bool
) -> None:
    import sys

    if not with_pyarrow:  # the pandas fallback a minimal install uses
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        monkeypatch.setitem(sys.modules, "pyarrow.csv", None)
    codes = np.array([127, 128, 101, 255])
    wf = Waveform((codes - 127) * 0.04, -1e-3, 1e-9, "CH1")
    w32 = Waveform(np.full(4, 0.0528, np.float32), -1e-3, 1e-9, "CH2")
    path = save_capture(tmp_path / "n.csv", Capture([wf, w32]))
    rows = [line.split(",") for line in path.read_text().splitlines()[1:]]
    assert [r[0] for r in rows] == ["-0.001", "-0.000999999", "-0.000999998", "-0.000999997"]
    assert [r[1] for r in rows] == ["0", "0.04", "-1.04", "5.12"]
    assert {r[2] for r in rows} == {"0.0528"}
