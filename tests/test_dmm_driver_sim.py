"""The Multimeter against the simulated 34465A over pyvisa-py/TCP.

A board whose true values the test sets stands behind the simulated meter, so readings,
ranges and overloads can be checked exactly; the meter itself is the simulator's, spoken
to over a real socket exactly as a Keysight meter would be.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import numpy as np
import pytest

from meterlab.drivers.dmm import Multimeter
from meterlab.errors import ConnectionLost, InstrumentError
from meterlab.readings import ReadingBatch
from meterlab.sim.dmm import Keysight34465A
from meterlab.sim.server import InstrumentServer
from meterlab.visa import Connection, open_instrument


class Board:
    """The part of the virtual board a meter touches, with values the test controls."""

    nets = ("3V3", "GND", "R1", "ISUPPLY")

    def __init__(self) -> None:
        self.values: dict[str, float] = {
            "VOLT:DC": 3.3, "VOLT:AC": 0.0, "CURR:DC": 0.042, "CURR:AC": 0.0, "RES": 4700.0,
            "FRES": 4700.0, "FREQ": 0.0, "PER": 0.0, "CAP": 1e-7, "TEMP": 25.0, "CONT": 0.2,
            "DIOD": 0.6,
        }
        self.temperature_c = 25.0
        self.active_faults: tuple[str, ...] = ()

    def measure(self, function: str, hi: str, lo: str) -> float:
        return self.values[function]

    def set_fault(self, name: str, on: bool) -> None:
        raise ValueError(name)


class Counting:
    """Counts the I/O the driver does through a real Connection (no behaviour changed)."""

    def __init__(self, conn: Connection) -> None:
        self.calls: list[str] = []
        for name in ("write", "query", "query_binary_block"):
            real = getattr(conn, name)

            def wrapped(command: str, *a: object, _real=real, **kw: object) -> object:
                self.calls.append(command)
                return _real(command, *a, **kw)

            setattr(conn, name, wrapped)


@pytest.fixture()
def sim() -> Iterator[tuple[InstrumentServer, Board]]:
    board = Board()
    server = InstrumentServer(Keysight34465A(board, seed=3)).start()
    yield server, board
    server.stop()


@pytest.fixture()
def dmm(sim: tuple[InstrumentServer, Board]) -> Iterator[Multimeter]:
    conn = open_instrument(sim[0].resource, profile="auto", timeout_ms=3000)
    yield Multimeter(conn)
    conn.close()


def test_profile_and_configuration_reach_the_meter(dmm: Multimeter) -> None:
    assert dmm.profile.name == "Keysight 34465A" and dmm.identify().model == "34465A"
    dmm.configure("VOLT:DC", range=5, nplc=0.2)
    assert dmm.conn.query("CONF?").strip('"').startswith("VOLT +1.0")
    assert float(dmm.conn.query("VOLT:DC:NPLC?")) == pytest.approx(0.2)
    assert dmm.conn.query("VOLT:DC:RANG:AUTO?") == "0"
    dmm.configure("VOLT:DC", range="auto", nplc=0.2)
    assert dmm.conn.query("VOLT:DC:RANG:AUTO?") == "1"


def test_unchanged_settings_cost_no_round_trip(dmm: Multimeter) -> None:
    dmm.configure("VOLT:DC", range=10, nplc=0.02)
    dmm.read()
    io = Counting(dmm.conn)
    dmm.configure("VOLT:DC", range=10, nplc=0.02)
    assert io.calls == []
    for _ in range(5):
        dmm.read()
    assert io.calls == ["READ?"] * 5
    dmm.configure("VOLT:DC", range=100, nplc=0.02)
    assert io.calls[5:] == ["SENS:VOLT:DC:RANG 100", "SYST:ERR?"]


def test_readings_match_the_board_within_accuracy(sim: tuple[InstrumentServer, Board],
                                                  dmm: Multimeter) -> None:
    board = sim[1]
    dmm.configure("VOLT:DC", range=10, nplc=1)
    one = dmm.read()
    acc = dmm.spec.function("VOLT:DC").accuracy_for(10)
    limit = 3.3 * acc[0] / 100 + 10 * acc[1] / 100
    assert one.unit == "V" and one.range == 10 and one.source == dmm.conn.resource
    assert abs(one.values[0] - 3.3) <= limit
    board.values["RES"] = 4700.0
    dmm.configure("RES", range=10e3, nplc=0.2)
    batch = dmm.read_batch(50)
    assert len(batch) == 50 and batch.unit == "Ω" and not batch.overload.any()
    assert np.all(np.abs(batch.values - 4700) < 4700 * 0.001)
    assert np.all(np.diff(batch.t) > 0)


def test_overload_is_a_flag_never_a_number(sim: tuple[InstrumentServer, Board],
                                          dmm: Multimeter) -> None:
    sim[1].values["VOLT:DC"] = 25.0
    dmm.configure("VOLT:DC", range=10, nplc=0.02)
    one = dmm.read()
    assert one.overload.tolist() == [True] and np.isnan(one.values).all()
    batch = dmm.read_batch(20)
    assert batch.overload.all() and np.isnan(batch.values).all()
    dmm.configure("VOLT:DC", range=100, nplc=0.02)
    assert not dmm.read().overload.any()


def test_meter_errors_are_raised_in_words(dmm: Multimeter) -> None:
    dmm.configure("VOLT:DC", range=10)
    with pytest.raises(InstrumentError) as err:
        dmm.configure("VOLT:DC", range=10, resolution=1e-12)  # finer than 7½ digits
    msg = str(err.value)
    assert "34465A" in msg and dmm.conn.resource in msg and "refused" in msg
    assert "-222 Data out of range" in msg
    # afterwards the meter still works and the cache was re-learned
    assert dmm.read().values.shape == (1,)


def _drain(dmm: Multimeter, until: int, limit_s: float = 20.0) -> list[ReadingBatch]:
    parts: list[ReadingBatch] = []
    got = 0
    deadline = time.monotonic() + limit_s
    while got < until and time.monotonic() < deadline:
        time.sleep(0.02)
        b = dmm.fetch_available()
        parts.append(b)
        got += len(b)
    return parts


def test_counted_fast_stream_loses_and_duplicates_nothing(dmm: Multimeter) -> None:
    dmm.configure("VOLT:DC", range=10, nplc=0.001, autozero=False)
    n = 30_000  # 0.6 s at 50 kSa/s
    dmm.start_stream(count=n)
    parts = _drain(dmm, n)
    parts.append(dmm.stop_stream())
    total = sum(len(p) for p in parts)
    assert total == n
    assert not any(p.gap_before for p in parts)
    t = np.concatenate([p.t for p in parts])
    assert np.all(np.diff(t) > 0)
    values = np.concatenate([p.values for p in parts])
    assert np.all(np.abs(values - 3.3) < 0.01)
    assert dmm.conn.query("DATA:POIN?") in ("+0", "0")  # nothing left behind in the meter


def test_continuous_stream_then_single_readings(dmm: Multimeter) -> None:
    dmm.configure("VOLT:DC", range=10, nplc=0.02, autozero=False)
    dmm.start_stream()
    parts = _drain(dmm, 200)
    parts.append(dmm.stop_stream())
    assert sum(len(p) for p in parts) >= 200
    assert not dmm.streaming
    assert dmm.read().values.shape == (1,)  # counts restored for single readings


def test_instrument_killed_mid_stream_then_back(sim: tuple[InstrumentServer, Board]) -> None:
    server, board = sim
    port = server.port
    conn = open_instrument(server.resource, profile="auto", timeout_ms=1000)
    dmm = Multimeter(conn)
    dmm.configure("VOLT:DC", range=10, nplc=0.02, autozero=False)
    dmm.start_stream()
    kept = _drain(dmm, 100)
    assert sum(len(p) for p in kept) >= 100
    server.stop()  # the meter is switched off
    with pytest.raises(ConnectionLost) as err:
        for _ in range(50):
            kept.append(dmm.fetch_available())
            time.sleep(0.01)
    assert "was lost" in str(err.value) and server.resource in str(err.value)
    assert sum(len(p) for p in kept) >= 100  # what was read before is still here
    restarted = InstrumentServer(Keysight34465A(board, seed=3), port=port).start()
    try:
        conn.reconnect(attempts=5, first_delay_s=0.05)
        dmm.forget_state()
        dmm.configure("VOLT:DC", range=10, nplc=0.02)
        assert abs(dmm.read().values[0] - 3.3) < 0.01
    finally:
        conn.close()
        restarted.stop()


def test_data_remove_drain_on_a_user_profile(sim: tuple[InstrumentServer, Board],
                                            tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A user profile may pick the standard DATA:REMove? drain instead of R?."""
    from meterlab.paths import shipped_dir
    from meterlab.profiles import load_profile

    text = (shipped_dir("instruments") / "keysight-34465a.toml").read_text(encoding="utf-8")
    text = text.replace('fast_read = "R?"', 'fast_read = "DATA:REMove?"')
    path = tmp_path / "my-34465a.toml"
    path.write_text(text, encoding="utf-8")
    profile = load_profile(path)
    assert profile.spec.commands["drain"] == "DATA:REM? {n}"
    conn = open_instrument(sim[0].resource, timeout_ms=3000)
    try:
        dmm = Multimeter(conn, profile)
        dmm.configure("VOLT:DC", range=10, nplc=0.02, autozero=False)
        dmm.start_stream(count=300)
        parts = _drain(dmm, 300)
        parts.append(dmm.stop_stream())
        assert sum(len(p) for p in parts) == 300
        assert np.all(np.abs(np.concatenate([p.values for p in parts]) - 3.3) < 0.01)
    finally:
        conn.close()


@pytest.mark.parametrize("count", [250, 101])
def test_counted_stream_beyond_one_sample_sequence(sim: tuple[InstrumentServer, Board],
                                                   tmp_path, count: int) -> None:  # type: ignore[no-untyped-def]
    """More readings than one SAMP:COUN allows: 250 = 50 × 5 triggers; 101 (prime) runs on
    and stops at exactly 101, leaving the meter's memory empty."""
    from meterlab.paths import shipped_dir
    from meterlab.profiles import load_profile

    text = (shipped_dir("instruments") / "keysight-34465a.toml").read_text(encoding="utf-8")
    path = tmp_path / "small-34465a.toml"
    path.write_text(text.replace("max_sample_count = 1000000", "max_sample_count = 100"),
                    encoding="utf-8")
    conn = open_instrument(sim[0].resource, timeout_ms=3000)
    try:
        dmm = Multimeter(conn, load_profile(path))
        dmm.configure("VOLT:DC", range=10, nplc=0.02, autozero=False)
        dmm.start_stream(count=count)
        parts = _drain(dmm, count)
        parts.append(dmm.stop_stream())
        assert sum(len(p) for p in parts) == count
        assert conn.query("DATA:POIN?") in ("+0", "0")
    finally:
        conn.close()


def test_on_the_simulated_bench_board() -> None:
    """The whole bench (virtual board behind the meter): the 3V3 rail reads about 3.3 V."""
    from meterlab.sim import SimulatedBench

    with SimulatedBench(seed=1) as bench:
        conn = open_instrument(bench.dmm_resource, profile="auto", timeout_ms=3000)
        try:
            dmm = Multimeter(conn)
            dmm.configure("VOLT:DC", range=10, nplc=1)
            batch = dmm.read_batch(5)
            assert batch.unit == "V" and np.all(np.abs(batch.values - 3.3) < 0.2)
        finally:
            conn.close()
