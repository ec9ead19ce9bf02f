"""Opening an instrument through the application layer, against transcripts over real TCP:
the profile is matched once, the instrument is taken over (what another program left is
read away and *CLS sent), and every failure arrives as a typed error."""

from __future__ import annotations

import pytest

from meterlab.bench.capabilities import DmmCapabilities, ScopeCapabilities
from meterlab.bench.instruments import (
    capabilities_of,
    connect,
    identify,
    open_dmm,
    open_scope,
)
from meterlab.errors import (
    ConnectionLost,
    InstrumentRefused,
    InstrumentTimeout,
    NoAnswer,
    NoProfile,
)
from meterlab.visa import RawReply, open_instrument
from meterlab.vocabulary import INSTRUMENT_MEASUREMENTS
from tests.transcript import TranscriptServer, cmd, q

IDN_34461A = "Keysight Technologies,34461A,MY00000002,A.03.01"
RIGOL = "RIGOL TECHNOLOGIES,MSO1104Z,DS1ZA000000001,00.04.04.SP4"


def test_take_over_reads_what_another_program_left_then_clears() -> None:
    pairs = [q("*IDN?", IDN_34461A), q("SYST:ERR?", '-113,"Undefined header"'),
             q("SYST:ERR?", '+0,"No error"'), cmd("*CLS")]
    with TranscriptServer(pairs) as srv:
        opened = connect(srv.resource, "dmm", timeout_ms=1000)
        try:
            assert opened.profile.name == "Keysight 34461A"
            assert opened.left_behind == ((-113, "Undefined header"),)
            srv.assert_complete()  # *IDN? once, no second profile lookup on the wire
        finally:
            opened.conn.close()


def test_open_dmm_has_the_models_capabilities() -> None:
    pairs = [q("*IDN?", IDN_34461A), q("SYST:ERR?", '+0,"No error"'), cmd("*CLS")]
    with TranscriptServer(pairs) as srv, open_dmm(srv.resource, timeout_ms=1000) as meter:
        caps = capabilities_of(meter)
        assert isinstance(caps, DmmCapabilities) and caps.model == "Keysight 34461A"
        assert caps.nplc == (0.02, 0.2, 1.0, 10.0, 100.0)
        assert caps.ranges_for("CURR:DC")[-1] == 10.0 and caps.trigger_sources[0] == "IMM"
        assert caps.takes_nplc("VOLT:DC") and not caps.takes_nplc("VOLT:AC")
        assert caps.nearest_nplc(0.001) == 0.02


def test_open_scope_matches_a_scope_profile_once() -> None:
    pairs = [q("*IDN?", RIGOL), q("SYST:ERR?", '0,"No error"'), cmd("*CLS")]
    with TranscriptServer(pairs) as srv, open_scope(srv.resource, timeout_ms=1000) as scope:
        caps = capabilities_of(scope)
        assert isinstance(caps, ScopeCapabilities) and caps.channels == 4
        assert caps.measurements == INSTRUMENT_MEASUREMENTS
        srv.assert_complete()


def test_a_meter_is_no_scope_and_says_so_typed() -> None:
    with TranscriptServer([q("*IDN?", IDN_34461A)]) as srv, \
            pytest.raises(NoProfile, match="no oscilloscope profile"):
        open_scope(srv.resource, timeout_ms=1000)


def test_silence_and_absence_are_told_apart_by_type() -> None:
    with TranscriptServer([]) as silent, pytest.raises(NoAnswer, match=r"\*IDN\?"):
        open_dmm(silent.resource, timeout_ms=300)
    with TranscriptServer([q("*IDN?", IDN_34461A)]) as srv, \
            open_instrument(srv.resource, timeout_ms=300) as conn, \
            pytest.raises(InstrumentTimeout) as err:
        conn.query("MEAS:VOLT:DC?")  # no answer in time: a timeout, not a lost link
    assert not isinstance(err.value, ConnectionLost)


def test_identify_only_asks() -> None:
    with TranscriptServer([q("*IDN?", IDN_34461A)]) as srv:
        found = identify(srv.resource, timeout_ms=1000)
        srv.assert_complete()  # no *CLS, no SYST:ERR?: asking who it is disturbs nothing
    assert found.idn.model == "34461A" and found.profile is not None


def test_errors_meterlabs_commands_caused_are_typed_with_their_codes() -> None:
    pairs = [q("*IDN?", IDN_34461A), cmd("VOLT:RANG 7"),
             q("SYST:ERR?", '-222,"Data out of range"'), q("SYST:ERR?", '+0,"No error"')]
    with TranscriptServer(pairs) as srv, open_instrument(srv.resource, timeout_ms=1000) as conn:
        conn.write("VOLT:RANG 7")
        with pytest.raises(InstrumentRefused) as err:
            conn.check_errors("the range")
    assert err.value.errors == ((-222, "Data out of range"),)


def test_query_raw_reads_a_reply_that_is_no_standard_block() -> None:
    """What the Siglent dialect needs (`C1:WF DAT2,#9…\\n\\n`), through the connection's
    own reading path instead of its private pyvisa handle."""
    payload = b"\x00\n\x7f\x80"
    reply = b"C1:WF DAT2,#9000000004" + payload + b"\n\n"
    pairs = [q("*IDN?", IDN_34461A), q("C1:WF? DAT2", reply), q("*OPC?", "1")]

    def reader(r: RawReply) -> bytes:
        head = b""
        while not head.endswith(b"#"):
            head += r.read(1)
        n = int(r.read(int(r.read(1))))
        data = r.read(n)
        r.skip_terminators(most=2)
        return data

    with TranscriptServer(pairs) as srv, open_instrument(srv.resource, timeout_ms=1000) as conn:
        assert conn.query_raw("C1:WF? DAT2", reader) == payload
        assert conn.query("*OPC?") == "1"  # the reply was read to its end, nothing left over
        srv.assert_complete()


def test_query_raw_cut_off_is_a_typed_timeout() -> None:
    pairs = [q("*IDN?", IDN_34461A), q("SCDP", b"BM\x10\x00")]  # announces more than it sends
    with TranscriptServer(pairs) as srv, open_instrument(srv.resource, timeout_ms=300) as conn, \
            pytest.raises(InstrumentTimeout):
        conn.query_raw("SCDP", lambda r: r.read(16))
