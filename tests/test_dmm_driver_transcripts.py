"""The Multimeter driven through pyvisa-py over TCP against protocol transcripts of the DMMs
the simulator does not imitate (tests/transcripts/*.toml, built from the programming guides).
Every pair must be used, in order, and nothing else sent."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest

from meterlab.drivers.dmm import Multimeter
from meterlab.errors import InstrumentError, UsageError
from meterlab.visa import open_instrument
from tests.transcript import TranscriptServer, q


@contextmanager
def meter(transcript: str) -> Iterator[tuple[Multimeter, TranscriptServer]]:
    with TranscriptServer(transcript) as srv:
        conn = open_instrument(srv.resource, profile="auto", timeout_ms=1000)
        try:
            yield Multimeter(conn), srv
        finally:
            conn.close()


def test_keysight_34461a_cache_stream_overflow_overload() -> None:
    with meter("keysight-34461a.toml") as (dmm, srv):
        assert dmm.profile.name == "Keysight 34461A"
        dmm.configure("VOLT:DC", range=3.3, nplc=1)  # 3.3 V fits the 10 V range
        dmm.configure("VOLT:DC", range=10, nplc=1)  # unchanged: no round trip at all
        one = dmm.read()
        assert one.values.tolist() == [3.30012345] and one.unit == "V" and one.range == 10
        assert dmm.read().values[0] == 3.30012
        dmm.start_stream()
        first = dmm.fetch_available()
        np.testing.assert_array_equal(first.values, [-0.498748741, -0.435163427, -0.741859188])
        assert not first.gap_before
        second = dmm.fetch_available()
        assert second.gap_before  # memory overflowed: the break is marked, not hidden
        assert second.overload.tolist() == [False, True] and np.isnan(second.values[1])
        assert np.all(np.diff(np.concatenate([first.t, second.t])) > 0)
        rest = dmm.stop_stream()
        assert rest.values.tolist() == [2.0] and not dmm.streaming
        over = dmm.read()
        assert over.overload.tolist() == [True] and np.isnan(over.values[0])
        srv.assert_complete()


def test_hp_34401a_batches_without_r_query() -> None:
    with meter("hp-34401a.toml") as (dmm, srv):
        assert dmm.profile.name == "HP/Agilent 34401A"
        dmm.configure("VOLT:DC", nplc=0.02, autozero=False)
        batch = dmm.read_batch(5)
        assert len(batch) == 5 and batch.overload.tolist() == [False] * 3 + [True, False]
        assert np.all(np.diff(batch.t) > 0)
        dmm.start_stream()
        assert dmm.fetch_available(4).values.tolist() == [2.0] * 4
        assert dmm.fetch_available(4).values.tolist() == [3.0] * 4
        assert len(dmm.stop_stream()) == 0
        srv.assert_complete()


def test_rigol_dm3058_rate_and_single_queries() -> None:
    with meter("rigol-dm3058.toml") as (dmm, srv):
        dmm.configure("VOLT:DC", range=20, rate="F")
        assert dmm.read().values.tolist() == [12.34567]
        assert dmm.read_batch(3).values.tolist() == [12.34568, 12.34569, 12.3457]
        with pytest.raises(UsageError, match="rate"):
            dmm.configure("VOLT:DC", nplc=1)  # refused before anything is sent
        with pytest.raises(UsageError, match="F, M, S"):
            dmm.configure("VOLT:DC", rate="turbo")
        with pytest.raises(UsageError, match=r"takes one reading per trigger, not 10"):
            dmm.set_sample_count(10)
        dmm.configure("VOLT:DC", range="auto")
        assert dmm.range is None
        with pytest.raises(InstrumentError, match=r"DM3058 at .*'1.234570e\+01 VDC'"):
            dmm.read()
        srv.assert_complete()


def test_siglent_sdm3055_counted_stream() -> None:
    with meter("siglent-sdm3055.toml") as (dmm, srv):
        dmm.configure("CURR:DC", range=0.15, nplc=1)  # → the 200 mA range
        assert dmm.range == 0.2 and dmm.unit == "A"
        dmm.start_stream(count=5)
        got = [dmm.fetch_available(), dmm.fetch_available(), dmm.fetch_available()]
        assert [len(b) for b in got] == [2, 3, 0]  # the third asks nothing: all 5 are in
        assert len(dmm.stop_stream()) == 0
        srv.assert_complete()


def test_keithley_2000_and_its_error_queue() -> None:
    with meter("keithley-2000.toml") as (dmm, srv):
        assert dmm.identify().model == "MODEL 2000"
        dmm.configure("VOLT:AC", range=5)
        assert dmm.read().values.tolist() == [1.23456789]
        batch = dmm.read_batch(3)
        assert batch.overload.tolist() == [False, True, False]
        dmm.configure("VOLT:AC", range="auto")
        with pytest.raises(InstrumentError) as err:
            dmm.configure("VOLT:DC", nplc=10)
        msg = str(err.value)
        assert "MODEL 2000" in msg and "-221 Settings conflict" in msg and srv.resource in msg
        assert dmm.function is None  # after a refused setting nothing is trusted
        srv.assert_complete()


def test_keithley_dmm6500_quoted_function_and_trace_buffer() -> None:
    with meter("keithley-dmm6500.toml") as (dmm, srv):
        assert dmm.profile.name == "Keithley DMM6500"
        dmm.configure("VOLT:DC", range=10, nplc=1)
        assert dmm.read().values.tolist() == [3.300123]
        assert dmm.read_batch(3).values.tolist() == [3.3, 3.301, 3.302]
        dmm.start_stream(count=4)
        a = dmm.fetch_available()
        b = dmm.fetch_available()
        assert a.values.tolist() == [1.0, 1.1]
        assert b.values[0] == 1.2 and b.overload.tolist() == [False, True]
        assert len(dmm.stop_stream()) == 0
        srv.assert_complete()


def test_bad_settings_are_refused_before_anything_is_sent() -> None:
    with meter("keysight-34461a.toml") as (dmm, srv):
        with pytest.raises(UsageError, match="no function 'VOLT:DQ'"):
            dmm.configure("VOLT:DQ")
        with pytest.raises(UsageError, match=r"no VOLT:DC range for 2 kV \(largest 1 kV\)"):
            dmm.configure("VOLT:DC", range=2000)
        with pytest.raises(UsageError, match=r"accepts NPLC 0.02, 0.2, 1, 10, 100, not 3"):
            dmm.configure("VOLT:DC", nplc=3)
        with pytest.raises(UsageError, match="'auto' or a number"):
            dmm.configure("VOLT:DC", range="big")
        with pytest.raises(UsageError, match="Start the stream"):
            dmm.fetch_available()
        assert srv.received == ["*IDN?"]


@pytest.mark.parametrize(
    ("idn", "words"),
    [
        ("ACME,BOX-9,SN1,1.0", "identifies itself as 'ACME, BOX-9', which no multimeter profile"),
        ("RIGOL TECHNOLOGIES,MSO1104Z,DS1ZA1,00.04.04", "no multimeter profile"),
    ],
)
def test_unknown_or_wrong_instrument_is_refused_in_words(idn: str, words: str) -> None:
    with TranscriptServer([q("*IDN?", idn)]) as srv:
        conn = open_instrument(srv.resource, profile="auto", timeout_ms=1000)
        try:
            with pytest.raises(InstrumentError, match=words) as err:
                Multimeter(conn)
            assert srv.resource in str(err.value)
        finally:
            conn.close()
        srv.assert_complete()
