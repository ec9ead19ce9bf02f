"""Simulated Rigol MSO1104Z: 4 analog + 16 digital channels behind one SCPI port.

The instrument is assembled from focused parts: `scope_state` (front-panel state
and the memory/sample-rate rules), `scope_acquire` (trigger search and lazily
computed records), `scope_controls` (run control, channels, timebase, trigger,
acquisition, logic analyser, wiring), `scope_waveform` (`:WAVeform`),
`scope_measure`/`scope_meas_cmds` (`:MEASure`) and `scope_display` (`:DISPlay`).

Time is board time and advances only by acquisitions, never by the wall clock,
so the same seed and the same command sequence give the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from meterlab.sim.instrument import ESR_PON, SimInstrument
from meterlab.sim.scope_acquire import (
    AUTO_TIMEOUT,
    FRAME_GAP,
    WAIT_SPAN,
    Acquisition,
    Panel,
    dc_level,
    find_pulse_trigger,
    find_trigger,
    trigger_signal,
)
from meterlab.sim.scope_controls import ControlsMixin
from meterlab.sim.scope_display import DisplayMixin
from meterlab.sim.scope_meas_cmds import MeasureMixin
from meterlab.sim.scope_state import (
    DEFAULT_DIGITAL_WIRING,
    DEFAULT_WIRING,
    H_DIVS,
    MEMORY_OPTION,
    Acquire,
    Channel,
    LogicAnalyser,
    Trigger,
    memory_users,
    rate_and_depth,
)
from meterlab.sim.scope_waveform import WaveformMixin

if TYPE_CHECKING:
    from meterlab.sim.board import Board


class RigolMSO1104Z(ControlsMixin, WaveformMixin, MeasureMixin, DisplayMixin, SimInstrument):
    """The scope; `SimulatedBench` builds it as `RigolMSO1104Z(board, seed=seed)`."""

    identity = ("RIGOL TECHNOLOGIES", "MSO1104Z", "DS1ZC204807063", "00.04.04.SP4")
    number_format = "{:.6e}"
    error_code_format = "{:d}"
    error_detail = False  # 0,"No error" / -113,"Undefined header": no context appended
    #: The DS1000Z takes what arrives on port 5555 as a message even without `\n`: LAN
    #: scripts written for it (RoGeorge's DS1054Z_screen_capture) send "*OPC?" bare.
    unterminated_gap = 0.2

    def __init__(self, board: Board, seed: int = 0) -> None:
        self.seed = seed
        self.memory_option = MEMORY_OPTION
        self._rewire()
        super().__init__(board)
        self.power_on()

    def _rewire(self) -> None:
        self.sim_time = 0.0
        self.acq_count = 0
        self.acq: Acquisition | None = None
        self.wiring: dict[int, str | None] = dict(DEFAULT_WIRING)
        self.dwiring: dict[int, str | None] = {i: DEFAULT_DIGITAL_WIRING.get(i) for i in range(16)}

    def power_cycle(self, board: Any = None) -> None:
        """Switch off and on again (optionally on another board): power-on state, default
        wiring, board time 0, empty error queue. For demo mode and tests."""
        with self.lock:
            if board is not None:
                self.board = board
            self._rewire()
            self.errors.clear()
            self.esr = ESR_PON
            self.reset()
            self.power_on()

    # -- SimInstrument hooks ----------------------------------------------------------------

    def build(self) -> None:
        self.build_controls()
        self.build_waveform()
        self.build_measure()
        self.build_display()

    def reset(self) -> None:
        """The *RST state of the DS1000Z/MSO1000Z guide (wiring is not a front-panel setting)."""
        self.channels = {n: Channel(display=(n == 1)) for n in range(1, 5)}
        self.tscale = 1e-6
        self.toffset = 0.0
        self.delay_on = False
        self.delay_scale = 500e-9
        self.delay_offset = 0.0
        self.tmode = "MAIN"
        self.trigger = Trigger()
        self.acquire = Acquire(memory_option=self.memory_option)
        self.la = LogicAnalyser()
        self.running = True
        self.trig_status = "AUTO"
        self.acq = None
        self.reset_waveform()
        self.reset_measure()
        self.reset_display()

    def power_on(self) -> None:
        """Useful at once: CH1 shows the 1 kHz PWM, triggered on its rising edge."""
        self.tscale = 500e-6
        self.trigger.level = 1.65

    def options(self) -> str:
        return "RL2-DS1000Z" if self.memory_option else "0"

    def wait_complete(self) -> None:
        """*OPC?/*WAI: a pending single acquisition completes (in board time) first."""
        if self.running and self.trigger.sweep == "SING":
            self.poll()

    # -- derived settings -------------------------------------------------------------------

    def users(self) -> int:
        return memory_users(self.channels, self.la)

    def rate_depth(self) -> tuple[float, int]:
        return rate_and_depth(self.tscale, self.acquire, self.users())

    def panel_now(self) -> Panel:
        rate, depth = self.rate_depth()
        return Panel.capture(
            channels=self.channels, la=self.la, trigger=self.trigger, acquire=self.acquire,
            tscale=self.tscale, toffset=self.toffset, srate=rate, depth=depth,
            wiring=self.wiring, dwiring=self.dwiring,
        )

    def view(self) -> Panel:
        """What the preamble describes: the stored record when stopped, else the settings."""
        if not self.running and self.acq is not None:
            return self.acq.panel
        return self.panel_now()

    # -- acquisitions -----------------------------------------------------------------------

    def _acquire(self, t_trigger: float, triggered: bool, panel: Panel,
                 dc: dict[int, float]) -> Acquisition:
        self.acq_count += 1
        acq = Acquisition(self.board, panel, t_trigger, self.acq_count, self.seed, triggered,
                          dc_levels=dc)
        self.acq = acq
        after = panel.depth / panel.srate / 2 + panel.toffset
        self.sim_time = max(self.sim_time, t_trigger + max(after, 0.0)) \
            + panel.trigger.holdoff + FRAME_GAP
        return acq

    def poll(self) -> Acquisition | None:
        """Take the next acquisition if the scope is running; return the current record.

        Sets the trigger status the way `:TRIGger:STATus?` reports it: TD after a
        trigger, AUTO when AUTO sweep triggered by itself, WAIT while NORMal or
        SINGle sweep finds no trigger, STOP once stopped or a single shot is done.
        """
        if not self.running:
            self.trig_status = "STOP"
            if self.acq is None:
                self._acquire(self.sim_time, False, self.panel_now(), self._dc_levels())
            return self.acq
        panel = self.panel_now()
        dc = self._dc_levels()
        window = H_DIVS * panel.tscale
        sweep = panel.trigger.sweep
        span = AUTO_TIMEOUT + 2 * window if sweep == "AUTO" else WAIT_SPAN + 2 * window
        # the trigger may not be earlier than the pre-trigger part of the record allows
        t0 = self.sim_time + max(0.0, -panel.mem_xorigin)
        f, level = trigger_signal(panel, self.board, dc)
        t_trig = None
        if f is not None:
            resolution = min(window / 4800, 5e-7)
            if panel.trigger.mode == "PULS":
                t_trig = find_pulse_trigger(f, panel.trigger, t0, span, resolution)
            else:
                t_trig = find_trigger(f, level, panel.trigger.slope, t0, span, resolution)
            holdoff = panel.trigger.holdoff
            if t_trig is not None and holdoff > 1e-6 and panel.trigger.mode == "EDGE":
                # A running scope re-arms `holdoff` after every trigger event, so
                # its phase follows the signal, not the moment we started looking.
                # One step of that chain (an edge, then the first edge after the
                # holdoff) stands in for the endless one: with a holdoff longer
                # than a burst, e.g. a UART line, it lands on the burst's first edge.
                t_trig = find_trigger(f, level, panel.trigger.slope, t_trig + holdoff, span,
                                      resolution)
        if t_trig is not None:
            acq = self._acquire(t_trig, True, panel, dc)
            self.trig_status = "TD"
            if sweep == "SING":
                self.running = False
                self.trig_status = "STOP"
            return acq
        if sweep == "AUTO":
            self.trig_status = "AUTO"
            return self._acquire(t0 + span, False, panel, dc)
        self.sim_time = t0 + span
        self.trig_status = "WAIT"
        return self.acq

    def force_trigger(self) -> None:
        """:TFORce: trigger now, whatever the trigger condition."""
        if not self.running:
            return
        panel = self.panel_now()
        self._acquire(self.sim_time + max(0.0, -panel.mem_xorigin), False, panel,
                      self._dc_levels())
        if self.trigger.sweep == "SING":
            self.running = False
            self.trig_status = "STOP"
        else:
            self.trig_status = "TD"

    def _dc_levels(self) -> dict[int, float]:
        trig_ac = self.trigger.coupling == "AC"
        return {n: dc_level(self.board, self.wiring.get(n), self.sim_time)
                for n, c in self.channels.items()
                if c.coupling == "AC" or (trig_ac and self.trigger.active_source() == f"CHAN{n}")}

    def record(self) -> Acquisition:
        """The record data queries read: a fresh one while running, the stored one when not."""
        acq = self.poll()
        if acq is None:  # NORMal/SINGle sweep still waiting: show an untriggered frame
            panel = self.panel_now()
            acq = self._acquire(self.sim_time, False, panel, self._dc_levels())
            if self.running:
                self.trig_status = "WAIT"
        return acq

    def source_net(self, source: str) -> Any:
        if source.startswith("CHAN"):
            return self.wiring.get(int(source[4:]))
        return self.dwiring.get(int(source[1:]))
