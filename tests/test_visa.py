"""Connection behaviour over real TCP (pyvisa-py) against transcript servers: replies,
blocks, error queue, and every way a connection can go wrong."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from meterlab.errors import ConnectionLost, GarbledReply, InstrumentError
from meterlab.visa import (
    Connection,
    list_resources,
    local_resources,
    open_instrument,
    register_local_resource,
    unregister_local_resource,
)
from tests.transcript import Pair, TranscriptServer, cmd, q

IDN = "Keysight Technologies,34465A,MY00000001,A.03.01"


def _open(srv: TranscriptServer, **kw: object) -> Connection:
    return open_instrument(srv.resource, timeout_ms=kw.pop("timeout_ms", 1000), **kw)  # type: ignore[arg-type]


def test_open_identify_query_write() -> None:
    pairs = [q("*IDN?", IDN), cmd("CONF:VOLT:DC"), q("READ?", "+1.5E+00\r")]
    with TranscriptServer(pairs) as srv, _open(srv) as conn:
        assert conn.idn.model == "34465A"
        assert conn.idn.serial == "MY00000001"
        conn.write("CONF:VOLT:DC")
        assert conn.query("READ?") == "+1.5E+00"  # trailing \r stripped
        assert conn.idn.model == "34465A"  # cached: *IDN? asked once
        srv.assert_complete()


@pytest.fixture(params=["socket", "pyvisa"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run block tests through both readers: the direct socket one (pyvisa-py sockets) and
    pyvisa's read_bytes (what other backends and VXI-11 sessions use)."""
    if request.param == "pyvisa":
        monkeypatch.setattr("meterlab.visa._SocketReader.for_resource",
                            classmethod(lambda cls, inst, timeout_ms: None))
    return str(request.param)


def test_binary_block_with_newlines_and_progress(reader: str) -> None:
    payload = bytes(range(256)) * 4000  # 1 024 000 bytes, full of \n bytes
    block = b"#7" + str(len(payload)).zfill(7).encode() + payload + b"\n"
    seen: list[tuple[int, int]] = []
    pairs = [q("*IDN?", IDN), q("DATA?", block), q("*OPC?", "1")]
    with TranscriptServer(pairs) as srv, _open(srv) as conn:
        got = conn.query_binary_block("DATA?", progress=lambda d, t: seen.append((d, t)))
        assert got == payload
        assert seen[0] == (0, len(payload)) and seen[-1] == (len(payload), len(payload))
        assert conn.query("*OPC?") == "1"  # terminator drained: the next reply lines up
        srv.assert_complete()


def test_empty_block(reader: str) -> None:
    with TranscriptServer([q("*IDN?", IDN), q("R?", b"#10\n")]) as srv, _open(srv) as conn:
        assert conn.query_binary_block("R?") == b""
        srv.assert_complete()


def test_truncated_block_names_the_instrument(reader: str) -> None:
    pairs = [q("*IDN?", IDN), q("DATA?", b"#9000000100" + b"x" * 40)]
    with (
        TranscriptServer(pairs) as srv,
        _open(srv, timeout_ms=300) as conn,
        pytest.raises(InstrumentError, match=r"cut off") as err,
    ):
        conn.query_binary_block("DATA?")
    assert srv.resource in str(err.value)


def test_overlong_block_is_refused_and_the_next_query_still_lines_up(reader: str) -> None:
    # after the garbled block meterlab catches up on the *IDN? marker before asking again
    pairs = [q("*IDN?", IDN), q("DATA?", b"#15helloEXTRA\n"), q("*IDN?", IDN),
             q("SYST:ERR?", '+0,"No error"')]
    with TranscriptServer(pairs) as srv, _open(srv, timeout_ms=300) as conn:
        with pytest.raises(InstrumentError, match="longer than its header says"):
            conn.query_binary_block("DATA?")
        assert conn.query("SYST:ERR?") == '+0,"No error"'
        srv.assert_complete()


def test_block_reply_that_is_not_a_block(reader: str) -> None:
    pairs = [q("*IDN?", IDN), q("DATA?", "1.0,2.0")]
    with (
        TranscriptServer(pairs) as srv,
        _open(srv) as conn,
        pytest.raises(InstrumentError, match="data block header"),
    ):
        conn.query_binary_block("DATA?")


def test_error_queue_drained_and_reported_in_words() -> None:
    pairs = [
        q("*IDN?", IDN),
        cmd("VOLT:DC:NPLC 7"),
        q("SYST:ERR?", '-222,"Data out of range"'),
        q("SYST:ERR?", '-113,"Undefined header;FOO"'),
        q("SYST:ERR?", '+0,"No error"'),
        q("SYST:ERR?", '+0,"No error"'),
    ]
    with TranscriptServer(pairs) as srv, _open(srv) as conn:
        conn.write("VOLT:DC:NPLC 7")
        with pytest.raises(InstrumentError) as err:
            conn.check_errors("the integration time")
        msg = str(err.value)
        assert "34465A" in msg and "Data out of range" in msg and "Undefined header;FOO" in msg
        assert conn.read_error_queue() == []
        srv.assert_complete()


def test_timeout_message_and_late_reply_is_not_mistaken_for_the_next() -> None:
    # the late MEAS? reply is read away behind the *IDN? marker (visa_sync), so READ? gets
    # its own answer, whether the late reply came before the next question or not
    pairs = [q("*IDN?", IDN), q("MEAS?", "+9.0E+00", delay_s=0.5), q("*IDN?", IDN),
             q("READ?", "+1.0E+00")]
    with TranscriptServer(pairs) as srv, _open(srv, timeout_ms=200) as conn:
        with pytest.raises(InstrumentError, match=r"did not answer within 0\.2 s") as err:
            conn.query("MEAS?")
        assert not isinstance(err.value, ConnectionLost)
        assert conn.query("READ?") == "+1.0E+00"
        srv.assert_complete()


def test_garbled_reply() -> None:
    pairs = [q("*IDN?", IDN), q("READ?", b"\xff\xfe\x00garbage\n")]
    with TranscriptServer(pairs) as srv, _open(srv) as conn:
        with pytest.raises(GarbledReply, match=r"34465A at .* sent a garbled reply"):
            conn.query("READ?")
        srv.assert_complete()


def test_unknown_idn_is_refused_at_open() -> None:
    with (
        TranscriptServer([q("*IDN?", "hello there")]) as srv,
        pytest.raises(InstrumentError, match=r"not a \*IDN\? reply"),
    ):
        _open(srv)


def test_silent_device_is_no_answer() -> None:
    with (
        TranscriptServer([q("*IDN?", IDN, delay_s=1.0)]) as srv,
        pytest.raises(InstrumentError, match=r"No instrument answers at .*switched on"),
    ):
        _open(srv, timeout_ms=200)


@pytest.mark.parametrize(
    "resource",
    ["FOO::bar", "TCPIP::1.2.3.4::notaport::SOCKET", "192.168.1.1", ""],
)
def test_wrong_resource_string(resource: str) -> None:
    with pytest.raises(InstrumentError) as err:
        open_instrument(resource, timeout_ms=500)
    assert "VISA address" in str(err.value) or "No instrument answers" in str(err.value)


def test_bare_host_gets_a_suggestion() -> None:
    with pytest.raises(InstrumentError, match=r"that is TCPIP::10\.0\.0\.5::INSTR"):
        open_instrument("10.0.0.5")


def test_dead_port_names_address_and_what_to_check() -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens here now
    res = f"TCPIP::127.0.0.1::{port}::SOCKET"
    with pytest.raises(InstrumentError) as err:
        open_instrument(res, timeout_ms=500)
    msg = str(err.value)
    assert f"No instrument answers at {res}" in msg and "LAN" in msg


def test_dead_host_name() -> None:
    with pytest.raises(InstrumentError, match="No instrument answers"):
        open_instrument("TCPIP::no-such-host.invalid::5025::SOCKET", timeout_ms=500)


def test_connection_dropped_then_reconnect() -> None:
    pairs = [
        q("*IDN?", IDN),
        Pair("READ?", None, close=True),  # the instrument is switched off mid-query
        q("*IDN?", IDN),  # reconnect checks it is the same instrument
        q("READ?", "+2.0E+00"),
    ]
    with TranscriptServer(pairs) as srv, _open(srv, timeout_ms=500) as conn:
        with pytest.raises(ConnectionLost, match=r"was lost .*Everything read before is kept"):
            conn.query("READ?")
        conn.reconnect(attempts=3, first_delay_s=0.05)
        assert conn.query("READ?") == "+2.0E+00"
        assert srv.connections == 2
        srv.assert_complete()


def test_reconnect_gives_up_in_plain_words() -> None:
    srv = TranscriptServer([q("*IDN?", IDN)]).start()
    conn = _open(srv)
    srv.stop()
    with pytest.raises(ConnectionLost, match="still not answering after 2 attempts"):
        conn.reconnect(attempts=2, first_delay_s=0.01)


def test_reconnect_to_a_different_instrument_is_reported() -> None:
    pairs = [
        q("*IDN?", IDN),
        Pair("READ?", None, close=True),
        q("*IDN?", "Keysight Technologies,34465A,MY99999999,A.03.01"),
    ]
    with TranscriptServer(pairs) as srv, _open(srv, timeout_ms=500) as conn:
        with pytest.raises(ConnectionLost):
            conn.query("READ?")
        with pytest.raises(InstrumentError, match="instead of"):
            conn.reconnect(attempts=2, first_delay_s=0.05)


def test_lock_keeps_query_and_reply_together() -> None:
    n = 40
    pairs = [q("*IDN?", IDN)]
    for i in range(n):
        pairs.append(q("READ?", f"+{i}.0E+00"))
    with TranscriptServer(pairs) as srv, _open(srv) as conn:
        got: list[float] = []

        def worker() -> None:
            for _ in range(n // 4):
                got.append(float(conn.query("READ?")))

        threads = [threading.Thread(target=worker) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(got) == [float(i) for i in range(n)]
        srv.assert_complete()


def test_list_resources_includes_registered_and_never_hangs() -> None:
    res = "TCPIP::127.0.0.1::5025::SOCKET"
    register_local_resource(res, "simulated 34465A")
    try:
        t0 = time.monotonic()
        found = list_resources(timeout_s=2.0)
        assert time.monotonic() - t0 < 2.5
        assert res in found
        assert local_resources()[res] == "simulated 34465A"
    finally:
        unregister_local_resource(res)
    assert res not in local_resources()


def test_missing_system_visa_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METERLAB_VISA", "/nonexistent/libvisa.so@ivi")
    with pytest.raises(InstrumentError, match="could not be loaded"):
        open_instrument("TCPIP::127.0.0.1::5025::SOCKET")
