"""Front-panel commands of the simulated MSO1104Z: run control, channels, timebase,
acquisition, edge trigger, logic analyser and the SIMulation wiring extension.

Ranges, defaults and reply forms are those of the MSO1000Z/DS1000Z programming
guide: enumerations answer in their short form (`DC`, `POS`, `NORM`), booleans
as `1`/`0`, numbers as `1.000000e+00`. A value outside its range is refused with
-222 and leaves the setting alone.

Why one long module: it is the MSO1104Z's command table (channels, timebase, trigger,
acquisition, logic pod) as the programming guide lists it; one table read top to bottom
is easier to check against the guide than several.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from meterlab.sim.scope_measure import measure
from meterlab.sim.scope_state import (
    ANALOG_SOURCES,
    DIGITAL_SOURCES,
    H_DIVS,
    PROBE_RATIOS,
    TIMEBASE_STEPS,
    allowed_depths,
    pick,
    seq125,
    snap_up,
)
from meterlab.sim.scpi import Call, SCPIError

_SCALE_STEPS = seq125(1e-5, 1e5)
_THRESHOLD_PRESETS = {"TTL": 1.4, "CMOS": 2.5, "CMOS5": 2.5, "CMOS3": 1.65, "CMOS25": 1.25,
                      "CMOS18": 0.9, "ECL": -1.3, "PECL": 3.7, "LVDS": 1.2}


def _b(value: bool) -> str:
    return "1" if value else "0"


class ControlsMixin:
    """Registers and serves the settings headers; state lives on the instrument."""

    # attributes provided by RigolMSO1104Z / SimInstrument
    table: Any
    channels: dict
    la: Any
    trigger: Any
    acquire: Any
    board: Any

    def build_controls(self) -> None:
        t = self.table
        t.add("RUN", set=self._run)
        t.add("STOP", set=self._stop)
        t.add("SINGle", set=self._single)
        t.add("TFORce", set=self._tforce)
        t.add("AUToscale", set=self._autoscale)
        t.add("CLEar", set=self._clear)
        t.add("TRIGger:STATus", query=self._trig_status_q)
        t.add("TRIGger:POSition", query=self._trig_position_q)
        t.add("SYSTem:GAMount", query=lambda c: (c.expect(0), str(H_DIVS))[1])
        t.add("SYSTem:RAMount", query=lambda c: (c.expect(0), "4")[1])

        t.add("CHANnel#:DISPlay", set=self._ch_display, query=self._ch_display_q)
        t.add("CHANnel#:SCALe", set=self._ch_scale, query=self._ch_scale_q)
        t.add("CHANnel#:OFFSet", set=self._ch_offset, query=self._ch_offset_q)
        t.add("CHANnel#:RANGe", set=self._ch_range, query=self._ch_range_q)
        t.add("CHANnel#:COUPling", set=self._ch_coupling, query=self._ch_coupling_q)
        t.add("CHANnel#:PROBe", set=self._ch_probe, query=self._ch_probe_q)
        t.add("CHANnel#:BWLimit", set=self._ch_bwl, query=self._ch_bwl_q)
        t.add("CHANnel#:INVert", set=self._ch_invert, query=self._ch_invert_q)
        t.add("CHANnel#:UNITs", set=self._ch_units, query=self._ch_units_q)
        t.add("CHANnel#:VERNier", set=self._ch_vernier, query=self._ch_vernier_q)
        t.add("CHANnel#:TCAL", set=self._ch_tcal, query=self._ch_tcal_q)

        t.add("TIMebase[:MAIN]:SCALe", set=self._tb_scale, query=self._tb_scale_q)
        t.add("TIMebase[:MAIN]:OFFSet", set=self._tb_offset, query=self._tb_offset_q)
        t.add("TIMebase:MODE", set=self._tb_mode, query=self._tb_mode_q)
        # the delayed (zoom) sweep: its settings round-trip as on the scope (clients such as
        # rigol-ds1000z set and read them back); waveform reads still cover the main window
        t.add("TIMebase:DELay:ENABle", set=self._tb_delay,
              query=lambda c: (c.expect(0), _b(self.delay_on))[1])
        t.add("TIMebase:DELay:SCALe", set=self._tb_delay_scale,
              query=lambda c: (c.expect(0), self.num(self.delay_scale_now()))[1])
        t.add("TIMebase:DELay:OFFSet", set=self._tb_delay_offset,
              query=lambda c: (c.expect(0), self.num(self.delay_offset))[1])

        t.add("ACQuire:MDEPth", set=self._mdepth, query=self._mdepth_q)
        t.add("ACQuire:SRATe", query=self._srate_q)
        t.add("ACQuire:TYPE", set=self._acq_type, query=self._acq_type_q)
        t.add("ACQuire:AVERages", set=self._averages, query=self._averages_q)

        t.add("TRIGger:MODE", set=self._trig_mode, query=self._trig_mode_q)
        t.add("TRIGger:COUPling", set=self._trig_coupling, query=self._trig_coupling_q)
        t.add("TRIGger:SWEep", set=self._trig_sweep, query=self._trig_sweep_q)
        t.add("TRIGger:HOLDoff", set=self._trig_holdoff, query=self._trig_holdoff_q)
        t.add("TRIGger:NREJect", set=self._trig_nrej, query=self._trig_nrej_q)
        t.add("TRIGger:EDGe:SOURce", set=self._edge_source, query=self._edge_source_q)
        t.add("TRIGger:EDGe:SLOPe", set=self._edge_slope, query=self._edge_slope_q)
        t.add("TRIGger:EDGe:LEVel", set=self._edge_level, query=self._edge_level_q)
        t.add("TRIGger:PULSe:SOURce", set=self._pulse_source,
              query=lambda c: (c.expect(0), self.trigger.pulse_source)[1])
        t.add("TRIGger:PULSe:WHEN", set=self._pulse_when,
              query=lambda c: (c.expect(0), self.trigger.pulse_when)[1])
        t.add("TRIGger:PULSe:WIDTh", set=self._pulse_time("pulse_width"),
              query=lambda c: (c.expect(0), self.num(self.trigger.pulse_width))[1])
        t.add("TRIGger:PULSe:UWIDth", set=self._pulse_time("pulse_upper"),
              query=lambda c: (c.expect(0), self.num(self.trigger.pulse_upper))[1])
        t.add("TRIGger:PULSe:LWIDth", set=self._pulse_time("pulse_lower"),
              query=lambda c: (c.expect(0), self.num(self.trigger.pulse_lower))[1])
        t.add("TRIGger:PULSe:LEVel", set=self._pulse_level,
              query=lambda c: (c.expect(0), self.num(self.trigger.pulse_level))[1])

        t.add("LA:STATe", set=self._la_state, query=self._la_state_q)
        t.add("LA:ACTive", set=self._la_active, query=self._la_active_q)
        t.add("LA:SIZE", set=self._la_size, query=self._la_size_q)
        t.add("LA:DIGital#:DISPlay", set=self._la_dig, query=self._la_dig_q)
        t.add("LA:DIGital#:LABel", set=self._la_label, query=self._la_label_q)
        t.add("LA:POD#:DISPlay", set=self._la_pod, query=self._la_pod_q)
        t.add("LA:POD#:THReshold", set=self._la_thr, query=self._la_thr_q)

        t.add("SYSTem:OPTion:INSTall", set=self._opt_install)
        t.add("SYSTem:OPTion:UNINSTall", set=self._opt_uninstall)

        t.add("SIMulation:CHANnel#", set=self._sim_ch, query=self._sim_ch_q)
        t.add("SIMulation:DIGital#", set=self._sim_dig, query=self._sim_dig_q)

    # -- run control --------------------------------------------------------------------

    def _run(self, c: Call) -> None:
        c.expect(0)
        self.running = True
        self.trig_status = "WAIT" if self.trigger.sweep != "AUTO" else "AUTO"

    def _stop(self, c: Call) -> None:
        c.expect(0)
        if self.running and self.trigger.sweep != "SING":
            # a running scope has been acquiring all along: keep its latest frame
            self.poll()
        self.running = False
        self.trig_status = "STOP"

    def _single(self, c: Call) -> None:
        c.expect(0)
        self.trigger.sweep = "SING"
        self.running = True
        self.trig_status = "WAIT"

    def _tforce(self, c: Call) -> None:
        c.expect(0)
        self.force_trigger()

    def _clear(self, c: Call) -> None:
        c.expect(0)
        if self.running:
            self.acq = None

    def _trig_status_q(self, c: Call) -> str:
        c.expect(0)
        if self.running:
            self.poll()
        return self.trig_status

    def _trig_position_q(self, c: Call) -> str:
        """Where the trigger sits in memory: -2 not triggered, -1 outside memory, else the
        sample index (0-based), as the guide defines it."""
        c.expect(0)
        acq = self.acq
        if acq is None or not acq.triggered:
            return "-2"
        k = round(-acq.panel.mem_xorigin * acq.panel.srate)
        return str(k) if 0 <= k < acq.panel.depth else "-1"

    def _autoscale(self, c: Call) -> None:
        """Show every channel with a signal at a readable size, trigger on the first one,
        and set the timebase to about three periods of it, like the AUTO key."""
        c.expect(0)
        window_t = np.arange(40_000) * 5e-6 + self.sim_time  # 200 ms look at each net
        first = None
        for n in range(1, 5):
            ch = self.channels[n]
            net = self.wiring.get(n)
            if net is None:
                ch.display = False
                continue
            v = np.asarray(self.board.analog(net, window_t)) * (ch.probe / 10.0)
            vmax, vmin = float(v.max()), float(v.min())
            span = vmax - vmin
            ch.display = vmax > 0.02 * ch.probe or span > 0.02 * ch.probe
            if not ch.display:
                continue
            ch.coupling = "DC"
            lo, hi = ch.scale_limits()
            if span > 0.05 * max(abs(vmax), abs(vmin)):
                scale = snap_up(max(span / 6.0, lo), _SCALE_STEPS)
                centre = 0.5 * (vmax + vmin)
            else:
                scale = snap_up(max(abs(vmax) / 3.0, lo), _SCALE_STEPS)
                centre = 0.0
            ch.scale = min(scale, hi)
            ch.offset = float(np.clip(-centre, -ch.offset_limit(), ch.offset_limit()))
            if first is None and span > 0.05 * max(abs(vmax), abs(vmin)):
                first = (n, 0.5 * (vmax + vmin), window_t, v)
        if first is not None:
            n, mid, ts, v = first
            self.trigger.mode = "EDGE"
            self.trigger.source = f"CHAN{n}"
            self.trigger.slope = "POS"
            self.trigger.level = mid
            period = measure("PERIOD", ts, v)
            if period < 1.0:
                self.tscale = snap_up(3 * period / H_DIVS, TIMEBASE_STEPS)
        self.toffset = 0.0
        self.trigger.sweep = "AUTO"
        self.running = True
        self.acq = None

    # -- channels -----------------------------------------------------------------------

    def _ch(self, c: Call) -> Any:
        return self.channels[c.suffix(0, lo=1, hi=4)]

    def _ch_display(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._ch(c).display = p.boolean()

    def _ch_display_q(self, c: Call) -> str:
        c.expect(0)
        return _b(self._ch(c).display)

    def _ch_scale(self, c: Call) -> None:
        (p,) = c.expect(1)
        ch = self._ch(c)
        value = p.number(units=("V",))
        lo, hi = ch.scale_limits()
        if not lo * (1 - 1e-9) <= value <= hi * (1 + 1e-9):
            raise SCPIError(-222, p.text)
        if not ch.vernier:
            value = snap_up(value, _SCALE_STEPS)
        ch.scale = min(value, hi)
        lim = ch.offset_limit()
        ch.offset = max(-lim, min(lim, ch.offset))

    def _ch_scale_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self._ch(c).scale)

    def _ch_offset(self, c: Call) -> None:
        (p,) = c.expect(1)
        ch = self._ch(c)
        value = p.number(units=("V",))
        lim = ch.offset_limit()
        if abs(value) > lim * (1 + 1e-9):
            raise SCPIError(-222, p.text)
        ch.offset = value

    def _ch_offset_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self._ch(c).offset)

    def _ch_range(self, c: Call) -> None:
        (p,) = c.expect(1)
        ch = self._ch(c)
        value = p.number(units=("V",))
        lo, hi = ch.scale_limits()
        if not 8 * lo * (1 - 1e-9) <= value <= 8 * hi * (1 + 1e-9):
            raise SCPIError(-222, p.text)
        ch.scale = value / 8 if ch.vernier else snap_up(value / 8, _SCALE_STEPS)

    def _ch_range_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(8 * self._ch(c).scale)

    def _ch_coupling(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._ch(c).coupling = pick(p, ["AC", "DC", "GND"])

    def _ch_coupling_q(self, c: Call) -> str:
        c.expect(0)
        return self._ch(c).coupling

    def _ch_probe(self, c: Call) -> None:
        (p,) = c.expect(1)
        ch = self._ch(c)
        value = p.number()
        match = [r for r in PROBE_RATIOS if math.isclose(r, value, rel_tol=1e-6)]
        if not match:
            raise SCPIError(-224, p.text)
        # the displayed V/div follows the probe ratio, as on the real one
        factor = match[0] / ch.probe
        ch.probe = match[0]
        ch.scale *= factor
        ch.offset *= factor

    def _ch_probe_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self._ch(c).probe)

    def _ch_bwl(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._ch(c).bwlimit = "20M" if p.upper in ("20M", "20MHZ") else \
            pick(p, ["OFF"])

    def _ch_bwl_q(self, c: Call) -> str:
        c.expect(0)
        return self._ch(c).bwlimit

    def _ch_invert(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._ch(c).invert = p.boolean()

    def _ch_invert_q(self, c: Call) -> str:
        c.expect(0)
        return _b(self._ch(c).invert)

    def _ch_units(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._ch(c).units = pick(p, ["VOLTage", "WATT", "AMPere", "UNKNown"])

    def _ch_units_q(self, c: Call) -> str:
        c.expect(0)
        return self._ch(c).units

    def _ch_vernier(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._ch(c).vernier = p.boolean()

    def _ch_vernier_q(self, c: Call) -> str:
        c.expect(0)
        return _b(self._ch(c).vernier)

    def _ch_tcal(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number(units=("S",))
        if abs(value) > 100e-9:
            raise SCPIError(-222, p.text)
        self._ch(c).tcal = value

    def _ch_tcal_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self._ch(c).tcal)

    # -- timebase -----------------------------------------------------------------------

    def _tb_scale(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number(units=("S",))
        lo = 200e-3 if self.tmode == "ROLL" else TIMEBASE_STEPS[0]
        if not lo * (1 - 1e-9) <= value <= TIMEBASE_STEPS[-1] * (1 + 1e-9):
            raise SCPIError(-222, p.text)
        self.tscale = snap_up(value, TIMEBASE_STEPS)

    def _tb_scale_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self.tscale)

    def _tb_offset(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number(units=("S",))
        # pre-trigger is bounded by half the memory, post-trigger by 1 s (5000 s slow)
        rate, depth = self.rate_depth()
        lo = -max(depth / rate / 2, H_DIVS / 2 * self.tscale)
        hi = 1.0 if self.tscale < 20e-3 else 5000.0
        if not lo * (1 + 1e-9) <= value <= hi:
            raise SCPIError(-222, p.text)
        self.toffset = value

    def _tb_offset_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self.toffset)

    def _tb_mode(self, c: Call) -> None:
        (p,) = c.expect(1)
        mode = pick(p, ["MAIN", "XY", "ROLL"])
        self.tmode = mode
        if mode == "ROLL" and self.tscale < 200e-3:
            self.tscale = 200e-3

    def _tb_mode_q(self, c: Call) -> str:
        c.expect(0)
        return self.tmode

    def _tb_delay(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.delay_on = p.boolean()

    def delay_scale_now(self) -> float:
        """The zoomed scale never exceeds the main one (the knob stops there)."""
        return min(self.delay_scale, self.tscale)

    def _tb_delay_scale(self, c: Call) -> None:
        """1-2-5 steps from 5 ns up to the main timebase scale."""
        (p,) = c.expect(1)
        value = p.number(units=("S",))
        if not TIMEBASE_STEPS[0] * (1 - 1e-9) <= value <= self.tscale * (1 + 1e-9):
            raise SCPIError(-222, p.text)
        self.delay_scale = snap_up(value, TIMEBASE_STEPS)

    def _tb_delay_offset(self, c: Call) -> None:
        """The zoom window must stay inside the main one: |offset| ≤ (main − zoom) × 6 div."""
        (p,) = c.expect(1)
        value = p.number(units=("S",))
        limit = (self.tscale - self.delay_scale_now()) * H_DIVS / 2
        if abs(value) > limit * (1 + 1e-9) + 1e-15:
            raise SCPIError(-222, p.text)
        self.delay_offset = value

    # -- acquisition --------------------------------------------------------------------

    def _mdepth(self, c: Call) -> None:
        (p,) = c.expect(1)
        if not self.running:
            raise SCPIError(-221, "memory depth can only be set while running")
        if p.upper == "AUTO":
            self.acquire.mdepth_index = None
            return
        value = int(p.number(integer=True))
        depths = allowed_depths(self.users(), self.memory_option)
        if value not in depths:
            raise SCPIError(-224, p.text)
        self.acquire.mdepth_index = depths.index(value)

    def _mdepth_q(self, c: Call) -> str:
        c.expect(0)
        if self.acquire.mdepth_index is None:
            return "AUTO"
        return str(self.rate_depth()[1])

    def _srate_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self.view().srate)

    def _acq_type(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.acquire.type = pick(p, ["NORMal", "AVERages", "PEAK", "HRESolution"])

    def _acq_type_q(self, c: Call) -> str:
        c.expect(0)
        return self.acquire.type

    def _averages(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = int(p.number(integer=True))
        if value < 2 or value > 1024 or value & (value - 1):
            raise SCPIError(-224, p.text)
        self.acquire.averages = value

    def _averages_q(self, c: Call) -> str:
        c.expect(0)
        return str(self.acquire.averages)

    # -- trigger ------------------------------------------------------------------------

    def _trig_mode(self, c: Call) -> None:
        (p,) = c.expect(1)
        mode = pick(p, ["EDGE", "PULSe", "RUNT", "WIND", "SLOPe", "NEDGe", "PATTern",
                                "DELay", "TIMeout", "DURation", "SHOLd", "RS232", "IIC",
                                "SPI", "VIDeo"])
        if mode not in ("EDGE", "PULS"):
            raise SCPIError(-221, "only the edge and pulse-width triggers are simulated")
        self.trigger.mode = mode

    def _trig_mode_q(self, c: Call) -> str:
        c.expect(0)
        return self.trigger.mode

    def _trig_coupling(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.trigger.coupling = pick(p, ["AC", "DC", "LFReject", "HFReject"])

    def _trig_coupling_q(self, c: Call) -> str:
        c.expect(0)
        return self.trigger.coupling

    def _trig_sweep(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.trigger.sweep = pick(p, ["AUTO", "NORMal", "SINGle"])
        if self.trigger.sweep == "SING":
            self.running = True
            self.trig_status = "WAIT"

    def _trig_sweep_q(self, c: Call) -> str:
        c.expect(0)
        return self.trigger.sweep

    def _trig_holdoff(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number(units=("S",), special={"MINimum": 16e-9, "MAXimum": 10.0})
        if not 16e-9 * (1 - 1e-9) <= value <= 10.0:
            raise SCPIError(-222, p.text)
        self.trigger.holdoff = value

    def _trig_holdoff_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self.trigger.holdoff)

    def _trig_nrej(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.trigger.nreject = p.boolean()

    def _trig_nrej_q(self, c: Call) -> str:
        c.expect(0)
        return _b(self.trigger.nreject)

    def _edge_source(self, c: Call) -> None:
        (p,) = c.expect(1)
        src = pick(p, [*ANALOG_SOURCES, *DIGITAL_SOURCES, "AC"])
        if src == "AC":
            raise SCPIError(-221, "AC line trigger is not simulated")
        self.trigger.source = src

    def _edge_source_q(self, c: Call) -> str:
        c.expect(0)
        return self.trigger.source

    def _edge_slope(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.trigger.slope = pick(p, ["POSitive", "NEGative", "RFALl"])

    def _edge_slope_q(self, c: Call) -> str:
        c.expect(0)
        return self.trigger.slope

    def _level_for(self, src: str, p: Any) -> float:
        """A trigger level within ±5 divisions of the source channel's screen."""
        value = p.number(units=("V",))
        if src.startswith("CHAN"):
            ch = self.channels[int(src[4:])]
            lo, hi = -5 * ch.scale - ch.offset, 5 * ch.scale - ch.offset
        else:
            lo, hi = -15.0, 15.0
        if not lo - 1e-9 <= value <= hi + 1e-9:
            raise SCPIError(-222, p.text)
        return float(value)

    def _edge_level(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.trigger.level = self._level_for(self.trigger.source, p)

    # -- pulse-width trigger (the guide's :TRIGger:PULSe subsystem) ---------------------

    def _pulse_source(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.trigger.pulse_source = pick(p, [*ANALOG_SOURCES, *DIGITAL_SOURCES])

    def _pulse_when(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.trigger.pulse_when = pick(p, ["PGReater", "PLESs", "NGReater", "NLESs",
                                           "PGLess", "NGLess"])

    def _pulse_time(self, attr: str) -> Any:
        """8 ns to 10 s; the lower limit must stay below the upper one."""

        def handler(c: Call) -> None:
            (p,) = c.expect(1)
            value = p.number(units=("S",))
            if not 8e-9 * (1 - 1e-9) <= value <= 10.0:
                raise SCPIError(-222, p.text)
            tr = self.trigger
            if (attr == "pulse_lower" and value >= tr.pulse_upper) or (
                    attr == "pulse_upper" and value <= tr.pulse_lower):
                raise SCPIError(-221, p.text)
            setattr(tr, attr, float(value))

        return handler

    def _pulse_level(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.trigger.pulse_level = self._level_for(self.trigger.pulse_source, p)

    def _edge_level_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self.trigger.level)

    # -- logic analyser -----------------------------------------------------------------

    def _la_state(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.la.state = p.boolean()

    def _la_state_q(self, c: Call) -> str:
        c.expect(0)
        return _b(self.la.state)

    def _la_active(self, c: Call) -> None:
        (p,) = c.expect(1)
        if p.upper == "NONE":
            self.la.active = "NONE"
            return
        self.la.active = pick(p, [*DIGITAL_SOURCES, "GROup1", "GROup2", "GROup3",
                                          "GROup4"])

    def _la_active_q(self, c: Call) -> str:
        c.expect(0)
        return self.la.active

    def _la_size(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.la.size = pick(p, ["SMALl", "MEDium", "LARGe"])

    def _la_size_q(self, c: Call) -> str:
        c.expect(0)
        return self.la.size

    def _line(self, c: Call) -> int:
        return c.suffix(0, default=0, lo=0, hi=15)

    def _la_dig(self, c: Call) -> None:
        (p,) = c.expect(1)
        on = p.boolean()
        self.la.digital[self._line(c)] = on
        if on:
            self.la.state = True  # turning a line on turns the analyser on, as on the panel

    def _la_dig_q(self, c: Call) -> str:
        c.expect(0)
        return _b(self.la.digital[self._line(c)])

    def _la_label(self, c: Call) -> None:
        (p,) = c.expect(1)
        text = p.string() if p.is_string() else p.text
        if len(text) > 4 or not text.isascii():
            raise SCPIError(-224, p.text)
        self.la.labels[self._line(c)] = text

    def _la_label_q(self, c: Call) -> str:
        c.expect(0)
        return self.la.labels[self._line(c)]

    def _la_pod(self, c: Call) -> None:
        (p,) = c.expect(1)
        pod = c.suffix(0, lo=1, hi=2) - 1
        on = p.boolean()
        self.la.pod_display[pod] = on
        for i in range(8 * pod, 8 * pod + 8):
            self.la.digital[i] = on
        if on:
            self.la.state = True

    def _la_pod_q(self, c: Call) -> str:
        c.expect(0)
        return _b(self.la.pod_display[c.suffix(0, lo=1, hi=2) - 1])

    def _la_thr(self, c: Call) -> None:
        """A voltage, or one of the panel's logic-family presets (TTL 1.4 V, CMOS, ECL…)."""
        (p,) = c.expect(1)
        value = p.number(units=("V",), special=_THRESHOLD_PRESETS)
        if not -15.0 <= value <= 15.0:
            raise SCPIError(-222, p.text)
        self.la.threshold[c.suffix(0, lo=1, hi=2) - 1] = value

    def _la_thr_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self.la.threshold[c.suffix(0, lo=1, hi=2) - 1])

    # -- options ------------------------------------------------------------------------

    def _opt_install(self, c: Call) -> None:
        """Any well-formed licence key installs the memory option (there is only one)."""
        (p,) = c.expect(1)
        key = p.string() if p.is_string() else p.text
        if not key.replace("-", "").isalnum():
            raise SCPIError(-224, p.text)
        self._set_memory_option(True)

    def _opt_uninstall(self, c: Call) -> None:
        c.expect(0)
        self._set_memory_option(False)

    def _set_memory_option(self, on: bool) -> None:
        self.memory_option = on
        self.acquire.memory_option = on

    # -- SIMulation wiring --------------------------------------------------------------

    def _net_param(self, c: Call) -> str | None:
        (p,) = c.expect(1)
        name = (p.string() if p.is_string() else p.text).upper()
        if name in ("NONE", "OPEN"):
            return None
        try:
            np.asarray(self.board.analog(name, np.zeros(1)))
        except (KeyError, ValueError):
            raise SCPIError(-224, name) from None
        return name

    def _sim_ch(self, c: Call) -> None:
        n = c.suffix(0, lo=1, hi=4)
        self.wiring[n] = self._net_param(c)

    def _sim_ch_q(self, c: Call) -> str:
        c.expect(0)
        return self.wiring.get(c.suffix(0, lo=1, hi=4)) or "NONE"

    def _sim_dig(self, c: Call) -> None:
        n = c.suffix(0, default=0, lo=0, hi=15)
        self.dwiring[n] = self._net_param(c)

    def _sim_dig_q(self, c: Call) -> str:
        c.expect(0)
        return self.dwiring.get(c.suffix(0, default=0, lo=0, hi=15)) or "NONE"
