"""What the scope driver does with replies that are wrong: each gives a plain error that
names the instrument, and whatever arrived before is kept (never thrown away).

A Rigol-dialect profile with a tiny per-read limit (100 points) makes a memory read
take several blocks, so a transcript can break the second one.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from transcript import Pair, TranscriptServer, cmd, q

from meterlab.drivers.scope import Oscilloscope, PartialCaptureError
from meterlab.errors import InstrumentError
from meterlab.profiles import Profile, load_profile
from meterlab.visa import Connection, open_instrument

IDN = q("*IDN?", "RIGOL TECHNOLOGIES,MSO1104Z,DS1ZC000000001,00.04.04.SP4")
PRE = "0,2,250,1,1.000000e-09,-3.000000e-03,0,4.000000e-02,0,127"
SETUP = ":WAV:SOUR CHAN1;:WAV:MODE RAW;:WAV:FORM BYTE;:WAV:PRE?"

PROFILE = """\
[profile]
name = "Tiny Rigol"
kind = "scope"
dialect = "rigol-ds1000z"

[identify]
models = ["MSO1104Z"]

[scope]
channels = 4
digital_channels = 16
read_limits = { BYTE = 100 }
format_codes = { 0 = "BYTE", 1 = "WORD", 2 = "ASC" }
"""


def block(payload: bytes, extra: bytes = b"\n") -> bytes:
    return b"#9%09d" % len(payload) + payload + extra


CODES = np.arange(250, dtype=np.uint8)


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    p = tmp_path / "tiny.toml"
    p.write_text(PROFILE, encoding="utf-8")
    return load_profile(p)


def run(pairs: list[Pair], profile: Profile,
        timeout_ms: int = 2000) -> tuple[TranscriptServer, Connection, Oscilloscope]:
    server = TranscriptServer(pairs).start()
    conn = open_instrument(server.resource, timeout_ms=timeout_ms)
    return server, conn, Oscilloscope(conn, profile)


def memory_read_start() -> list[Pair]:
    return [IDN, q(":TRIG:STAT?", "STOP"), q(SETUP, PRE),
            q(":WAV:STAR 1;:WAV:STOP 100;:WAV:DATA?", block(CODES[:100].tobytes()))]


def volts(codes: np.ndarray) -> np.ndarray:
    return (codes.astype(np.float64) - 127) * 0.04


def test_a_block_cut_off_keeps_the_blocks_before_it(profile: Profile) -> None:
    cut = block(CODES[100:200].tobytes())[:40]  # header says 100 bytes; 29 arrive
    pairs = [*memory_read_start(),
             q(":WAV:STAR 101;:WAV:STOP 200;:WAV:DATA?", cut, close=True)]
    server, conn, scope = run(pairs, profile)
    try:
        with pytest.raises(PartialCaptureError) as exc:
            scope.read_waveform("CH1", mode="memory")
        assert "100 of 250 points" in str(exc.value)
        assert conn.resource in str(exc.value)
        part = exc.value.partial
        assert part is not None and len(part) == 100
        np.testing.assert_allclose(part.y, volts(CODES[:100]))
        assert part.t0 == pytest.approx(-3e-3)
    finally:
        conn.close()
        server.stop()
    server.assert_complete()


def test_an_over_long_block_is_refused(profile: Profile) -> None:
    pairs = [*memory_read_start(),
             q(":WAV:STAR 101;:WAV:STOP 200;:WAV:DATA?",
               block(CODES[100:200].tobytes(), extra=b"XYZ\n"))]
    server, conn, scope = run(pairs, profile)
    try:
        with pytest.raises(PartialCaptureError, match="longer than its header") as exc:
            scope.read_waveform("CH1", mode="memory")
        assert len(exc.value.partial) == 100
    finally:
        conn.close()
        server.stop()
    server.assert_complete()


def test_a_short_window_is_reported_not_padded(profile: Profile) -> None:
    pairs = [*memory_read_start(),
             q(":WAV:STAR 101;:WAV:STOP 200;:WAV:DATA?", block(CODES[100:140].tobytes()))]
    server, conn, scope = run(pairs, profile)
    try:
        with pytest.raises(PartialCaptureError, match="sent 40 points where 100"):
            scope.read_waveform("CH1", mode="memory")
    finally:
        conn.close()
        server.stop()
    server.assert_complete()


def test_a_scope_that_stops_answering_mid_read(profile: Profile) -> None:
    pairs = [*memory_read_start(),
             q(":WAV:STAR 101;:WAV:STOP 200;:WAV:DATA?", block(CODES[100:200].tobytes()),
               delay_s=1.5)]
    server, conn, scope = run(pairs, profile, timeout_ms=300)
    try:
        with pytest.raises(PartialCaptureError, match=r"cut off|did not answer") as exc:
            scope.read_waveform("CH1", mode="memory")
        assert len(exc.value.partial) == 100
    finally:
        conn.close()
        server.stop()
    server.assert_complete()


def test_a_whole_read_succeeds_over_three_blocks(profile: Profile) -> None:
    pairs = [*memory_read_start(),
             q(":WAV:STAR 101;:WAV:STOP 200;:WAV:DATA?", block(CODES[100:200].tobytes())),
             q(":WAV:STAR 201;:WAV:STOP 250;:WAV:DATA?", block(CODES[200:].tobytes()))]
    server, conn, scope = run(pairs, profile)
    try:
        seen: list[int] = []
        wf = scope.read_waveform("CH1", mode="memory", progress=lambda d, t: seen.append(d))
        np.testing.assert_allclose(wf.y, volts(CODES))
        assert seen == [100, 200, 250]
        assert wf.meta["stopped_by_driver"] is False
    finally:
        conn.close()
        server.stop()
    server.assert_complete()


@pytest.mark.parametrize(("reply", "match"), [
    ("0,2,250,1,garbage", "not the 10 numbers"),
    ("7,2,250,1,1.000000e-09,-3.000000e-03,0,4.000000e-02,0,127", "format code 7"),
])
def test_bad_preambles(profile: Profile, reply: str, match: str) -> None:
    pairs = [IDN, q(":TRIG:STAT?", "STOP"), q(SETUP, reply)]
    server, conn, scope = run(pairs, profile)
    try:
        with pytest.raises(InstrumentError, match=match):
            scope.read_waveform("CH1", mode="memory")
    finally:
        conn.close()
        server.stop()
    server.assert_complete()


def test_a_non_numeric_measurement(profile: Profile) -> None:
    pairs = [IDN, q(":MEAS:ITEM? VPP,CHAN1", "****")]
    server, conn, scope = run(pairs, profile)
    try:
        with pytest.raises(InstrumentError, match="a number was expected"):
            scope.measure("VPP", "CH1")
    finally:
        conn.close()
        server.stop()
    server.assert_complete()


def test_a_running_scope_is_stopped_before_a_memory_read(profile: Profile) -> None:
    pairs = [IDN, q(":TRIG:STAT?", "WAIT"), cmd(":STOP"), q(":TRIG:STAT?", "STOP"),
             q(":WAV:SOUR CHAN1;:WAV:MODE RAW;:WAV:FORM BYTE;:WAV:PRE?",
               PRE.replace(",250,", ",50,")),
             q(":WAV:STAR 1;:WAV:STOP 50;:WAV:DATA?", block(CODES[:50].tobytes()))]
    server, conn, scope = run(pairs, profile)
    try:
        wf = scope.read_waveform("CH1", mode="memory")
        assert wf.meta["stopped_by_driver"] is True and len(wf) == 50
    finally:
        conn.close()
        server.stop()
    server.assert_complete()


def test_an_unknown_instrument_is_named() -> None:
    pairs = [q("*IDN?", "ACME,SCOPE9000,1,1")]
    with TranscriptServer(pairs) as server:
        with pytest.raises(InstrumentError, match=r"ACME, SCOPE9000.*no oscilloscope profile"):
            Oscilloscope.open(server.resource)
        server.assert_complete()


def test_a_digital_memory_read_cut_off_keeps_its_lines(profile: Profile) -> None:
    pods = np.array([0b0000_0101, 0b0000_0011] * 50, dtype=np.uint8)
    pairs = [IDN, q(":LA:STAT?", "1"), q(":TRIG:STAT?", "STOP"),
             q(":WAV:SOUR D0;:WAV:MODE RAW;:WAV:PRE?", PRE),
             q(":WAV:STAR 1;:WAV:STOP 100;:WAV:DATA?", block(pods.tobytes())),
             q(":WAV:STAR 101;:WAV:STOP 200;:WAV:DATA?", block(pods.tobytes())[:30], close=True)]
    server, conn, scope = run(pairs, profile)
    try:
        with pytest.raises(PartialCaptureError, match="100 of 250 points") as exc:
            scope.read_digital([0, 1], mode="memory")
        part = exc.value.partial
        assert part is not None and part.channels == (0, 1) and len(part) == 100
        assert part.lane(0).all()
        assert part.lane(1).tolist() == [False, True] * 50
        assert not (part.lanes & 0b100).any()  # D2 was not asked for: masked out
    finally:
        conn.close()
        server.stop()
    server.assert_complete()
