"""The Rigol dialect against the simulated MSO1104Z, through pyvisa-py over TCP.

What the simulated board carries (design.md): CH1 the LED PWM (1 kHz, 25 %),
CH2 the UART line, CH3 the 3V3 rail, CH4 VBUS; D0 the UART (9600 8N1 telemetry
text), D1/D2 the I²C bus, D3 the PWM. Expected figures are checked against the
PC-side analysis of the waveform the driver read, and against the scope's own
measurements, never against numbers copied from a previous run.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from meterlab import analysis
from meterlab.capture_io import load_capture
from meterlab.cli import cli
from meterlab.decode import decode_i2c, decode_uart, estimate_baud
from meterlab.drivers.scope import MeasurementInvalid, Oscilloscope, PartialCaptureError
from meterlab.errors import InstrumentError, UsageError
from meterlab.sim import SimulatedBench
from tests.scope_records import stop_on_a_deep_ch1_record


@pytest.fixture(scope="module")
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=3) as b:
        yield b


@pytest.fixture
def scope(bench: SimulatedBench) -> Iterator[Oscilloscope]:
    s = Oscilloscope.open(bench.scope_resource)
    s.conn.timeout_ms = 20_000
    try:
        s.conn.write("*RST")
        s.conn.query("*OPC?")
        yield s
    finally:
        s.close()


def test_identifies_and_reads_setup(scope: Oscilloscope) -> None:
    assert scope.spec.dialect == "rigol-ds1000z"
    assert scope.conn.idn.model == "MSO1104Z"
    scope.set_channel(2, scale=2.0, offset=-1.0, coupling="DC", probe=10, display=True)
    ch = scope.channel(2)
    assert (ch.display, ch.scale, ch.offset, ch.coupling, ch.probe) == (True, 2.0, -1.0, "DC",
                                                                        10.0)
    scope.set_timebase(scale=2e-4)
    assert scope.timebase().scale == pytest.approx(2e-4)
    scope.set_edge_trigger(source="CH1", level=1.2, slope="falling", sweep="normal")
    trig = scope.trigger()
    assert (trig.source, trig.slope, trig.sweep) == ("CH1", "NEG", "NORM")
    assert trig.level == pytest.approx(1.2, abs=0.05)


def test_a_refused_setting_is_reported(scope: Oscilloscope) -> None:
    with pytest.raises(InstrumentError, match="refused the channel 1 setup"):
        scope.set_channel(1, offset=1e6)
    # nothing stays queued: the next setup is clean
    scope.set_timebase(scale=1e-3)


def test_screen_read_matches_the_scopes_own_measurements(scope: Oscilloscope) -> None:
    scope.set_channel(1, display=True)
    scope.set_timebase(scale=5e-4)
    scope.run()
    wf = scope.read_waveform("CH1")
    assert len(wf) == scope.spec.screen_points
    assert wf.dt == pytest.approx(5e-4 * 12 / 1200)
    freq = analysis.frequency(wf)
    assert freq == pytest.approx(1e3, rel=0.01)
    assert scope.measure("FREQ", "CH1") == pytest.approx(freq, rel=0.01)
    duty = analysis.duty_cycle(wf)
    assert duty == pytest.approx(0.25, abs=0.02)
    assert scope.measure("PDUT", "CH1") == pytest.approx(duty, abs=0.02)
    assert scope.measure("VPP", "CH1") == pytest.approx(analysis.vpp(wf), rel=0.05)


def test_dc_rail_has_no_frequency(scope: Oscilloscope) -> None:
    scope.set_channel(3, display=True)
    assert math.isnan(scope.measure("FREQ", "CH3"))
    with pytest.raises(MeasurementInvalid, match="FREQ on CH3"):
        scope.measure("FREQ", "CH3", strict=True)
    assert scope.measure("VAVG", "CH3") == pytest.approx(3.3, abs=0.15)


def test_memory_read_is_chunked_and_stops_the_scope(scope: Oscilloscope) -> None:
    scope.set_channel(1, display=True)
    scope.set_channel(2, display=True)
    for ch in (3, 4):
        scope.set_channel(ch, display=False)
    scope.set_timebase(scale=5e-4)
    scope.set_memory_depth(600_000)  # two channels in use: 1.2 M split in two
    scope.run()
    calls: list[tuple[int, int]] = []
    wf = scope.read_waveform("CH1", mode="memory", progress=lambda d, t: calls.append((d, t)))
    assert wf.meta["stopped_by_driver"] is True
    assert scope.trigger_status() == "STOP"
    depth = scope.memory_depth()
    assert len(wf) == depth
    limit = scope.spec.read_limit("BYTE")
    assert [d for d, _ in calls] == [min(k * limit, depth) for k in range(1, len(calls) + 1)]
    assert calls[-1] == (depth, depth)
    assert wf.dt == pytest.approx(1 / scope.sample_rate())
    assert analysis.frequency(wf) == pytest.approx(1e3, rel=1e-3)
    # points caps the read, from the start of the record
    part = scope.read_waveform("CH1", mode="memory", points=1000)
    assert len(part) == 1000 and part.t0 == wf.t0
    np.testing.assert_array_equal(part.y, wf.y[:1000])


def test_float32_waveforms(scope: Oscilloscope) -> None:
    wf = scope.read_waveform("CH1", dtype=np.float32)
    assert wf.y.dtype == np.float32


def test_digital_lines_and_uart_decoding(scope: Oscilloscope) -> None:
    with pytest.raises(UsageError, match="logic analyser is off"):
        scope.read_digital([0])
    scope.set_logic(True, [0, 1, 2, 3])
    scope.set_channel(1, display=True)
    scope.set_edge_trigger(source="CH1", level=1.65, slope="rising", sweep="single")
    scope.set_timebase(scale=20e-3)  # 240 ms on screen: at least two telemetry lines
    scope.single()
    scope.wait_for(["STOP"], timeout_s=20)
    screen = scope.read_digital(["D0", "D3"])
    assert screen.channels == (0, 3) and len(screen) == scope.spec.screen_points
    mem = scope.read_digital(range(4), mode="memory")
    assert mem.channels == (0, 1, 2, 3)
    assert mem.dt == pytest.approx(1 / scope.sample_rate())
    assert estimate_baud(mem.lane(0), mem.dt) == 9600
    frames = decode_uart(mem.lane(0), mem.t0, mem.dt, 9600)
    assert frames.errors == 0
    assert "mA" in frames.text and "V=" in frames.text
    # the PWM on D3 agrees with the analog measurement
    d3 = mem.lane(3)
    assert analysis.duty_cycle(d3.astype(np.float64)) == pytest.approx(0.25, abs=0.01)
    # I²C on D1 (SCL) / D2 (SDA): the board reads its sensor at 0x44 every 10 ms
    events = decode_i2c(mem.lane(1), mem.lane(2), mem.t0, mem.dt)
    addresses = [i for i, e in enumerate(events) if e.kind == "ADDRESS"]
    assert len(addresses) >= 10
    for i in addresses:
        assert events[i - 1].kind in ("START", "RESTART")
        assert events[i].value == 0x44 and events[i + 1].kind == "ACK"
    assert sum(e.kind == "STOP" for e in events) >= len(addresses) - 1


def test_screenshot_is_an_image(scope: Oscilloscope) -> None:
    from meterlab.drivers.scope import image_format

    assert image_format(scope.screenshot()) in ("png", "bmp")


# -- the CLI ---------------------------------------------------------------------------------


def test_cli_capture_csv_and_npz(bench: SimulatedBench, tmp_path: Path) -> None:
    with Oscilloscope.open(bench.scope_resource) as s:
        s.conn.write("*RST")
        s.set_logic(True, range(8))
        s.set_channel(1, display=True)
        s.set_channel(2, display=True)
        s.set_timebase(scale=5e-4)
        s.run()
        assert s.memory_depth() >= 300_000
    runner = CliRunner()
    out = tmp_path / "cap.csv"
    res = runner.invoke(cli, ["capture", bench.scope_resource, "--channels", "CH1,CH2,D0-D7",
                              "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "CH1, CH2" in res.output and "D0" in res.output
    head = out.read_text().splitlines()[0]
    assert head == "time (s),CH1 (V),CH2 (V)," + ",".join(f"D{i}" for i in range(8))
    cap = load_capture(out)
    assert len(cap.waveforms[0]) == 1200 and cap.digital is not None

    npz = tmp_path / "mem.npz"
    res = runner.invoke(cli, ["capture", bench.scope_resource, "--channels", "CH1", "--memory",
                              "--points", "300000", "--out", str(npz)])
    assert res.exit_code == 0, res.output
    cap = load_capture(npz)
    assert len(cap.waveforms[0]) == 300_000
    assert cap.meta["mode"] == "memory" and "MSO1104Z" in cap.meta["instrument"]


def test_cli_screenshot(bench: SimulatedBench, tmp_path: Path) -> None:
    out = tmp_path / "screen.png"
    res = CliRunner().invoke(cli, ["screenshot", bench.scope_resource, "--out", str(out)])
    assert res.exit_code == 0, res.output
    data = next(tmp_path.glob("screen.*")).read_bytes()
    assert data[:4] in (b"\x89PNG", b"BM\x00\x00"[:2] + data[2:4])


def test_cli_bad_channel_names_fail_before_connecting(tmp_path: Path) -> None:
    from meterlab.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["capture", "TCPIP::127.0.0.1::1::SOCKET", "--channels", "CH1,X9",
              "--out", str(tmp_path / "x.csv")])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["capture", "TCPIP::127.0.0.1::1::SOCKET", "--out", str(tmp_path / "x.xlsx")])
    assert exc.value.code == 2


# -- losing the scope half-way -----------------------------------------------------------------


def test_lost_scope_mid_read_keeps_what_arrived(tmp_path: Path) -> None:
    with SimulatedBench(seed=5) as b:
        scope = Oscilloscope.open(b.scope_resource)
        scope.conn.timeout_ms = 2000
        stop_on_a_deep_ch1_record(scope)

        def pull_the_plug(done: int, total: int) -> None:
            if done >= 250_000:
                b.scope_server.stop()  # type: ignore[union-attr]

        with pytest.raises(PartialCaptureError) as exc:
            scope.read_waveform("CH1", mode="memory", progress=pull_the_plug)
        partial = exc.value.partial
        assert partial is not None and len(partial) == 250_000
        assert "250000 of 1200000 points" in str(exc.value)
        assert analysis.vtop(partial) == pytest.approx(3.3, abs=0.2)  # real data, not zeros
        assert analysis.find_edges(partial).rising.size >= 1
        scope.close()


def test_cli_keeps_channels_read_before_a_failure(
    bench: SimulatedBench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from meterlab.cli import main
    from meterlab.errors import ConnectionLost

    with Oscilloscope.open(bench.scope_resource) as s:
        s.conn.write("*RST")
        s.set_channel(2, display=True)
        s.run()
    out = tmp_path / "half.npz"
    original = Oscilloscope.read_waveform

    def lose_ch2(self, source, *args, **kw):  # type: ignore[no-untyped-def]
        if source == "CH2":  # as the driver reports a dropped link (see the test above)
            raise ConnectionLost("The connection to the scope was lost.")
        return original(self, source, *args, **kw)

    monkeypatch.setattr(Oscilloscope, "read_waveform", lose_ch2)
    with pytest.raises(SystemExit) as exc:
        main(["capture", bench.scope_resource, "--channels", "CH1,CH2,CH3", "--out", str(out)])
    assert exc.value.code == 2
    cap = load_capture(out)  # CH1 arrived before the link went: it is on disk
    assert [w.source for w in cap.waveforms] == ["CH1"] and len(cap.waveforms[0]) == 1200


def test_cli_switches_the_logic_analyser_on_when_lines_are_asked_for(
    bench: SimulatedBench, tmp_path: Path
) -> None:
    with Oscilloscope.open(bench.scope_resource) as s:
        s.conn.write("*RST")
        s.set_logic(False)
        s.set_timebase(scale=5e-4)  # 6 ms on screen: six PWM periods
        s.run()
    out = tmp_path / "d.parquet"
    res = CliRunner().invoke(cli, ["capture", bench.scope_resource, "--channels", "CH1,D0-D3",
                                   "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "logic analyser on for D0–D3" in res.output
    cap = load_capture(out)
    assert cap.digital is not None and cap.digital.channels == (0, 1, 2, 3)
    assert cap.digital.lane(3).any() and not cap.digital.lane(3).all()  # the PWM toggles


def test_threads_sharing_the_scope_never_mix_replies(scope: Oscilloscope) -> None:
    import threading

    scope.set_channel(1, display=True)
    scope.set_channel(3, display=True)
    scope.set_timebase(scale=5e-4)
    scope.run()
    errors: list[BaseException] = []

    def reader() -> None:
        try:
            for _ in range(15):
                wf = scope.read_waveform("CH1")
                assert len(wf) == 1200 and analysis.vtop(wf) == pytest.approx(3.3, abs=0.3)
        except BaseException as exc:
            errors.append(exc)

    def measurer() -> None:
        try:
            for _ in range(15):
                assert scope.measure("VAVG", "CH3") == pytest.approx(3.3, abs=0.15)
                assert scope.trigger_status() in ("TD", "WAIT", "RUN", "AUTO")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=f) for f in (reader, measurer, reader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
