"""SYSTem, DISPlay, STATus, installed options, SIMulation:PROBe and :FUSE of the simulated 34465A.

`SYSTem:IDENtify` lets the meter answer *IDN? as an older model, as the real
Truevolt meters do for software written for a 34401A or 34410A/11A.
`SIMulation:PROBe <net>[,<ref>]` is where the test leads touch the virtual board
(an extension in the meter's own SCPI style; the real meter has test leads).
`SIMulation:FUSE?` answers OK or BLOWN and `SIMulation:FUSE:REPLace` puts a new
3 A fuse in, after the A input was put across a rail.
"""

from __future__ import annotations

import time
from typing import Any

from meterlab.sim.scpi import Call, SCPIError

#: Questionable Data register bit 14, "Memory Overflow" (16384): reading memory is full and
#: the oldest measurements were lost (Keysight Truevolt Series Operating and Service Guide,
#: SCPI Programming Reference, STATus subsystem, Questionable Data Register table).
QUES_MEMORY_OVERFLOW = 1 << 14

#: SYSTem:IDENtify choices of a 34465A → the *IDN? maker and model they claim (the
#: guide offers AT34460A/AT34461A only on those two models).
IDENTITIES: dict[str, tuple[str, str]] = {
    "DEFAULT": ("Keysight Technologies", "34465A"),
    "HP34401A": ("HEWLETT-PACKARD", "34401A"),
    "AT34410A": ("Agilent Technologies", "34410A"),
    "AT34411A": ("Agilent Technologies", "34411A"),
}
_IDENT_OPTIONS = ["DEFault", "HP34401A", "AT34410A", "AT34411A"]
#: *OPT?: GPIB and security absent, digitising and 2 M memory installed. A real 34465A
#: answers five fields (QCoDeS keeps "0,0,DIG,MEM,0" as measured on one, in its simulation
#: file Keysight_34465A.yaml), and clients drop the "0" entries.
OPTIONS = "0,0,DIG,MEM,0"


class SystemMixin:
    """Registers and serves SYSTem/DISPlay/STATus/SIMulation:PROBe; mixed into `Keysight34465A`."""

    table: Any
    identity: tuple[str, str, str, str]
    board: Any
    probe: tuple[str, str]
    questionable: int
    function: str
    fuse_blown: bool

    def build_system(self) -> None:
        # Status enables survive *RST, as the SCPI status model says.
        self.ques_condition = 0
        self.ques_enable = 0
        self.oper_enable = 0
        self.beeper = True
        self.remote = "REMOTE"
        t = self.table
        t.add("SYSTem:VERSion", query=lambda c: (c.expect(0), "1994.0")[1])
        t.add("SYSTem:BEEPer[:IMMediate]", set=lambda c: c.expect(0))
        t.add("SYSTem:BEEPer:STATe", set=self._beeper,
              query=lambda c: (c.expect(0), "1" if self.beeper else "0")[1])
        t.add("SYSTem:LOCal", set=lambda c: (c.expect(0), setattr(self, "remote", "LOCAL")))
        t.add("SYSTem:REMote", set=lambda c: (c.expect(0), setattr(self, "remote", "REMOTE")))
        t.add("SYSTem:RWLock", set=lambda c: (c.expect(0), setattr(self, "remote", "RWLOCK")))
        t.add("SYSTem:IDENtify", set=self._identify, query=self._identify_q)
        t.add("SYSTem:LFRequency", query=lambda c: (c.expect(0), "+50")[1])
        t.add("SYSTem:LICense:CATalog", query=lambda c: (c.expect(0), '"DIG","MEM"')[1])
        t.add("SYSTem:PRESet", set=lambda c: (c.expect(0), self.reset()))
        t.add("SYSTem:DATE", set=lambda c: c.expect(3), query=self._date_q)
        t.add("SYSTem:TIME", set=lambda c: c.expect(3), query=self._time_q)
        t.add("DISPlay[:STATe]", set=self._display,
              query=lambda c: (c.expect(0), "1" if self.display_on else "0")[1])
        t.add("DISPlay:TEXT[:DATA]", set=self._display_text, query=self._display_text_q)
        t.add("DISPlay:TEXT:CLEar", set=lambda c: (c.expect(0), setattr(self, "display_text", "")))
        t.add("DISPlay:VIEW", set=self._view, query=lambda c: (c.expect(0), self.view)[1])
        t.add("STATus:QUEStionable[:EVENt]", query=self._ques_event_q)
        t.add("STATus:QUEStionable:CONDition", query=self._ques_cond_q)
        t.add("STATus:QUEStionable:ENABle", set=self._ques_enable,
              query=lambda c: (c.expect(0), f"{self.ques_enable:+d}")[1])
        t.add("STATus:OPERation[:EVENt]", query=self._oper_event_q)
        t.add("STATus:OPERation:CONDition",
              query=lambda c: (c.expect(0), f"{self.operation_condition():+d}")[1])
        t.add("STATus:OPERation:ENABle", set=self._oper_enable,
              query=lambda c: (c.expect(0), f"{self.oper_enable:+d}")[1])
        t.add("STATus:PRESet", set=self._status_preset)
        t.add("FORMat[:DATA]", set=self._format, query=self._format_q)
        t.add("FORMat:BORDer", set=self._border,
              query=lambda c: (c.expect(0), self.byte_order[:4])[1])
        t.add("ROUTe:TERMinals", query=lambda c: (c.expect(0), "FRON")[1])
        t.add("SIMulation:PROBe", set=self._probe, query=self._probe_q)
        t.add("SIMulation:TRIGger", set=lambda c: (c.expect(0), self.external_trigger()))
        t.add("SIMulation:FUSE", query=self._fuse_q)
        t.add("SIMulation:FUSE:REPLace", set=self._fuse_replace)
        t.add("SIMulation:READings", query=self._readings_q)

    def reset_system(self) -> None:
        """The *RST part of the display (the beeper and identity are non-volatile)."""
        self.display_on = True
        self.display_text = ""
        self.view = "NUM"
        self.data_format = "ASCII"
        self.real_length = 64
        self.byte_order = "NORMAL"

    def options(self) -> str:
        return OPTIONS

    # -- SYSTem -------------------------------------------------------------------------------

    def _beeper(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.beeper = p.boolean()

    def _identify(self, c: Call) -> None:
        (p,) = c.expect(1)
        choice = p.choice(_IDENT_OPTIONS)
        maker, model = IDENTITIES[choice]
        self.ident = choice
        self.identity = (maker, model, self.identity[2], self.identity[3])

    def _identify_q(self, c: Call) -> str:
        c.expect(0)
        return "DEF" if self.ident == "DEFAULT" else self.ident

    def _date_q(self, c: Call) -> str:
        c.expect(0)
        now = time.localtime()
        return f"{now.tm_year:+d},{now.tm_mon:+d},{now.tm_mday:+d}"

    def _time_q(self, c: Call) -> str:
        c.expect(0)
        now = time.time()
        t = time.localtime(now)
        return f"{t.tm_hour:+d},{t.tm_min:+d},{t.tm_sec + now % 1:+07.3f}"

    # -- DISPlay ------------------------------------------------------------------------------

    def _display(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.display_on = p.boolean()

    def _display_text(self, c: Call) -> None:
        (p,) = c.expect(1)
        text = p.string()
        if len(text) > 40:
            raise SCPIError(-223)  # the front panel shows at most 40 characters
        self.display_text = text

    def _display_text_q(self, c: Call) -> str:
        c.expect(0)
        return '"' + self.display_text.replace('"', '""') + '"'

    def _view(self, c: Call) -> None:
        (p,) = c.expect(1)
        view = p.choice(["NUMeric", "HISTogram", "TCHart", "METer", "BAR"])
        self.view = {"NUMERIC": "NUM", "HISTOGRAM": "HIST", "TCHART": "TCH",
                     "METER": "MET", "BAR": "BAR"}[view]

    # -- FORMat ------------------------------------------------------------------------------

    def _format(self, c: Call) -> None:
        params = c.expect(1, 2)
        kind = params[0].choice(["ASCii", "REAL"])
        if kind == "ASCII":
            if len(params) > 1 and round(params[1].number()) != 9:
                raise SCPIError(-224, params[1].text)
            self.data_format = "ASCII"
            return
        length = round(params[1].number()) if len(params) > 1 else 64
        if length not in (32, 64):
            raise SCPIError(-224, params[1].text)
        self.data_format, self.real_length = "REAL", length

    def _format_q(self, c: Call) -> str:
        c.expect(0)
        if self.data_format == "REAL":
            return f"REAL,{self.real_length}"
        return "ASC,9"

    def _border(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.byte_order = p.choice(["NORMal", "SWAPped"])

    # -- STATus -------------------------------------------------------------------------------

    def _ques_event_q(self, c: Call) -> str:
        c.expect(0)
        self._catch_up()
        value, self.questionable = self.questionable, 0
        return f"{value:+d}"

    def _ques_cond_q(self, c: Call) -> str:
        c.expect(0)
        self._catch_up()
        return f"{self.ques_condition:+d}"

    def _ques_enable(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.ques_enable = int(p.number(integer=True)) & 0xFFFF

    def _oper_event_q(self, c: Call) -> str:
        c.expect(0)
        return f"{self.operation_condition():+d}"

    def _oper_enable(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.oper_enable = int(p.number(integer=True)) & 0xFFFF

    def _status_preset(self, c: Call) -> None:
        c.expect(0)
        self.ques_enable = 0
        self.oper_enable = 0

    # -- SIMulation:PROBe ---------------------------------------------------------------------

    def _net(self, p: Any) -> str:
        name = p.string() if p.is_string() else p.text
        for net in self.board.nets:
            if net.upper() == name.strip().upper():
                return net
        raise SCPIError(-224, name)

    def _probe(self, c: Call) -> None:
        params = c.expect(1, 2)
        hi = self._net(params[0])
        lo = self._net(params[1]) if len(params) > 1 else self._net_named("GND")
        if self.probe != (hi, lo):
            # Readings taken so far saw the old net; a running measurement moves on with the leads.
            self._catch_up()
            self.probe = (hi, lo)
            if self.acq is not None:
                self.acq.probe = self.probe
        self.check_fuse()

    def _net_named(self, name: str) -> str:
        for net in self.board.nets:
            if net.upper() == name:
                return net
        return name

    def _probe_q(self, c: Call) -> str:
        c.expect(0)
        return f'"{self.probe[0]},{self.probe[1]}"'

    # -- SIMulation:READings? ------------------------------------------------------------------

    def _readings_q(self, c: Call) -> str:
        """`<acquisitions>,<readings>`: how many acquisitions ran since power-on and how many
        readings they made, overwritten ones included. Lets a test or benchmark with the
        bench in another process compare what a client stored against what the meter made."""
        c.expect(0)
        self._catch_up()
        running = self.acq.produced if self.acq is not None else 0
        return f"{self.acq_serial:d},{self.produced_done + running:d}"

    # -- SIMulation:FUSE ----------------------------------------------------------------------

    #: volts across the A input (about 0.1 Ω with its shunt) that blow the 3 A fuse at once
    FUSE_BLOW_VOLTS = 0.5

    def check_fuse(self) -> None:
        """The current input across a voltage source: tens of amperes flow and the fuse blows.

        On the board the meter is in series (harmless) only where it replaces the
        supply link, ISUPPLY; anywhere else its shunt is in parallel with whatever
        voltage lies between the leads.
        """
        if self.fuse_blown or not self.function.startswith("CURR"):
            return
        hi, lo = self.probe
        if "ISUPPLY" in (hi.upper(), lo.upper()):
            return
        across = getattr(self.board, "volts_between", None)
        if across is None:
            return  # a board without nets (a test's scripted one) has nothing to short
        try:
            volts = abs(float(across(hi, lo)))
        except (KeyError, ValueError, TypeError):
            return
        if volts >= self.FUSE_BLOW_VOLTS:
            self.fuse_blown = True

    def _fuse_q(self, c: Call) -> str:
        """`OK` or `BLOWN`: what a person finds when they open the fuse holder."""
        c.expect(0)
        self.check_fuse()
        return "BLOWN" if self.fuse_blown else "OK"

    def _fuse_replace(self, c: Call) -> None:
        c.expect(0)
        self.fuse_blown = False
