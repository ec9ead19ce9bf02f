"""Siglent SDS1000X-E and Keysight InfiniiVision dialects against protocol transcripts.

The simulated bench imitates only a Rigol; these two families are checked against
transcripts built from their programming guides (tests/transcripts/scope-*.toml),
through the real driver, pyvisa-py and TCP. Every pair must be used, in order.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from transcript import TranscriptServer

from meterlab.drivers.scope import MeasurementInvalid, Oscilloscope, image_format
from meterlab.errors import InstrumentError, UsageError


def test_keysight_infiniivision_transcript() -> None:
    with TranscriptServer("scope-keysight-infiniivision.toml") as server:
        scope = Oscilloscope.open(server.resource)
        try:
            assert scope.spec.dialect == "keysight-infiniivision"
            scope.set_channel(1, scale=0.5, offset=0.1, coupling="DC", probe=10, display=True)
            ch = scope.channel(1)
            assert (ch.display, ch.scale, ch.offset, ch.coupling, ch.probe) == (
                True, 0.5, 0.1, "DC", 10.0)
            scope.set_timebase(scale=1e-3, offset=0)
            assert scope.timebase().scale == 1e-3
            with pytest.raises(InstrumentError, match="Settings conflict"):
                scope.set_edge_trigger(source="CH1", level=1.65, slope="rising", sweep="normal")
            trig = scope.trigger()
            assert (trig.source, trig.level, trig.slope, trig.sweep) == ("CH1", 1.65, "POS", "NORM")
            scope.run()
            scope.stop()
            scope.single()
            scope.force()
            assert scope.trigger_status() == "TD"
            assert scope.trigger_status() == "STOP"

            wf = scope.read_waveform("CH1")
            assert wf.source == "CH1" and len(wf) == 8
            assert wf.t0 == pytest.approx(-4e-6) and wf.dt == pytest.approx(1e-6)
            # V = (code - yref)·yinc + yorigin; code 0 is a hole, 1/255 clipped
            np.testing.assert_allclose(wf.y[[0, 1, 2, 6, 7]], [0.0, 1.0, 2.0, -1.0, 0.0])
            assert math.isnan(wf.y[3])
            assert wf.y[4] == pytest.approx(-5.08) and wf.y[5] == pytest.approx(5.08)
            assert wf.meta["clipped"] == 2

            seen: list[tuple[int, int]] = []
            mem = scope.read_waveform("CH2", mode="memory",
                                      progress=lambda d, t: seen.append((d, t)))
            assert mem.meta["stopped_by_driver"] is True
            # t = (i - xref)·xinc + xorigin with xref = 4
            assert mem.t0 == pytest.approx(1e-6 - 4 * 2e-9)
            np.testing.assert_allclose(mem.y, (np.arange(100, 116) - 100) * 0.1 + 0.5)
            assert seen and seen[-1] == (16, 16)

            scope.set_logic(True, [0, 1, 9])
            assert scope.logic_enabled()
            dig = scope.read_digital([0, 1, 9])
            assert dig.channels == (0, 1, 9) and dig.dt == pytest.approx(1e-3)
            assert dig.lane(0).tolist() == [True, True, False, False]
            assert dig.lane(1).tolist() == [False, True, True, False]
            assert dig.lane(9).tolist() == [True, False, True, False]

            assert scope.measure("VPP", "CH1") == pytest.approx(3.3)
            assert scope.measure("vrms", "CHAN1") == pytest.approx(1.65)
            assert scope.measure("PDUT", "CH1") == pytest.approx(0.25)
            assert math.isnan(scope.measure("FREQ", "CH2"))
            with pytest.raises(MeasurementInvalid, match="could not measure FREQ on CH2"):
                scope.measure("FREQ", "CH2", strict=True)
            assert scope.sample_rate() == 2e9
            assert scope.memory_depth() == 62_500
            with pytest.raises(UsageError, match="not supported"):
                scope.set_memory_depth(62_500)
            shot = scope.screenshot()
            assert image_format(shot) == "png" and shot.endswith(b"IEND\xaeB`\x82")
        finally:
            scope.close()
        server.assert_complete()


def test_siglent_sds1000xe_transcript() -> None:
    with TranscriptServer("scope-siglent-sds1000xe.toml") as server:
        scope = Oscilloscope.open(server.resource)
        try:
            assert scope.spec.dialect == "siglent-sds1000xe"
            scope.set_channel(2, scale=0.5, offset=-1, coupling="AC", probe=10, display=True)
            ch = scope.channel(2)
            assert (ch.display, ch.scale, ch.offset, ch.coupling, ch.probe) == (
                True, 0.5, -1.0, "AC", 10.0)
            scope.set_timebase(scale=5e-4, offset=0)
            tb = scope.timebase()
            assert (tb.scale, tb.offset) == (5e-4, 0.0)
            scope.set_edge_trigger(source="CH1", level=1.5, slope="falling", sweep="normal")
            trig = scope.trigger()
            assert (trig.source, trig.level, trig.slope, trig.sweep) == ("CH1", 1.5, "NEG", "NORM")
            scope.run()
            scope.stop()
            scope.single()
            scope.force()
            assert scope.trigger_status() == "TD"
            assert scope.trigger_status() == "STOP"

            wf = scope.read_waveform("CH1", mode="memory")
            codes = np.array([0, 25, -25, 127, -128, 50, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8])
            np.testing.assert_allclose(wf.y, codes * (1.0 / 25) - 0.5)
            assert wf.dt == pytest.approx(1e-9)
            assert wf.t0 == pytest.approx(-1e-6 * 14 / 2)

            screen = scope.read_waveform("CH2")
            assert screen.dt == pytest.approx(10e-9) and len(screen) == 8
            np.testing.assert_allclose(screen.y, np.arange(10, 90, 10) * 0.5 / 25)

            scope.set_logic(True, [0, 3])
            dig = scope.read_digital(["D0", "D3"])
            assert dig.lane(0).astype(int).tolist() == [1, 0, 0, 0, 1, 1, 0, 1,
                                                        1, 1, 1, 1, 0, 0, 0, 0]
            assert dig.lane(3).astype(int).tolist() == [1] * 8 + [0] * 8
            assert dig.dt == pytest.approx(14e-6 / 16)

            assert scope.measure("VPP", "CH1") == pytest.approx(3.28)
            assert scope.measure("PDUT", "CH1") == pytest.approx(0.25)
            assert math.isnan(scope.measure("FREQ", "CH2"))
            assert scope.sample_rate() == 1e9
            assert scope.memory_depth() == 14_000
            shot = scope.screenshot()
            assert image_format(shot) == "bmp" and len(shot) == int.from_bytes(shot[2:6], "little")
        finally:
            scope.close()
        server.assert_complete()


def test_bad_arguments_are_refused_before_anything_is_sent() -> None:
    pairs_file = "scope-keysight-infiniivision.toml"
    with TranscriptServer(pairs_file) as server:
        scope = Oscilloscope.open(server.resource)
        try:
            with pytest.raises(UsageError, match="channels 1 to 4"):
                scope.set_channel(5, scale=1.0)
            with pytest.raises(UsageError, match="positive"):
                scope.set_channel(1, scale=-1.0)
            with pytest.raises(UsageError, match="Coupling"):
                scope.set_channel(1, coupling="LF")
            with pytest.raises(UsageError, match="screen' or 'memory"):
                scope.read_waveform("CH1", mode="deep")
            with pytest.raises(UsageError, match="not a scope source"):
                scope.read_waveform("CH9")
            with pytest.raises(UsageError, match="D16"):
                scope.read_digital(["D16"])
            with pytest.raises(UsageError, match="not known"):
                scope.measure("BOGUS", "CH1")
        finally:
            scope.close()
        assert server.received == ["*IDN?"]
