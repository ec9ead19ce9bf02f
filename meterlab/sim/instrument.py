"""What every simulated instrument shares: IEEE 488.2 common commands, the error
queue, the status registers, the SIMulation subsystem, and message execution.

A concrete instrument (the 34465A, the MSO1104Z) subclasses `SimInstrument`,
registers its own headers in `build()` and resets its state in `reset()`. The TCP
server hands every complete program message to `execute()`, which returns the
bytes to send back (or None when the message held no query).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from meterlab.sim.scpi import ERRORS, Call, CommandTable, SCPIError, parse_unit, split_units

if TYPE_CHECKING:
    from meterlab.sim.board import Board

# Standard Event Status Register bits (IEEE 488.2).
ESR_OPC = 1 << 0
ESR_QYE = 1 << 2
ESR_DDE = 1 << 3
ESR_EXE = 1 << 4
ESR_CME = 1 << 5
ESR_PON = 1 << 7

# Status Byte bits as the Keysight and Rigol guides assign them.
STB_ERROR_QUEUE = 1 << 2
STB_QUES = 1 << 3
STB_MAV = 1 << 4
STB_ESB = 1 << 5
STB_MSS = 1 << 6
STB_OPER = 1 << 7


class Connection:
    """Per-client state the server keeps (nothing instrument-wide lives here)."""

    def __init__(self, peer: str = "") -> None:
        self.peer = peer
        self.path: list[str] = []  # SCPI "current path" between units of one message


class SimInstrument:
    """Base of the simulated instruments: shared state behind one lock."""

    #: maker, model, serial, firmware
    identity: tuple[str, str, str, str] = ("MAKER", "MODEL", "0", "0")
    error_queue_size = 20
    #: how a number is printed in replies (overridden per maker)
    number_format = "{:+.8E}"
    #: how SYSTem:ERRor? prints the code (Keysight "+0", Rigol "0")
    error_code_format = "{:+d}"
    #: how integer replies (*ESR?, *STB?, …) are printed (Keysight "+32", Rigol "32")
    int_format = "{:d}"
    #: append what went wrong after a `;` inside the quotes of SYSTem:ERRor? (the scpi-parser
    #: library does; the Keysight and Rigol guides print the bare standard text)
    error_detail = True
    #: seconds of silence after which bytes without a terminator count as a whole message
    #: (None: wait for the `\n`, as IEEE 488.2 asks)
    unterminated_gap: float | None = None

    def __init__(self, board: Board) -> None:
        self.board = board
        self.lock = threading.Lock()
        self.table = CommandTable()
        self.errors: deque[tuple[int, str]] = deque()
        self.esr = ESR_PON
        self.ese = 0
        self.sre = 0
        self.questionable = 0  # condition-latched questionable event register
        self.operation = 0
        self._register_common()
        self._register_simulation()
        self.build()
        self.reset()

    # -- to override ------------------------------------------------------------------

    def build(self) -> None:
        """Register this instrument's headers in `self.table`."""

    def reset(self) -> None:
        """Return to the *RST state (the error queue and status survive, as on the real ones)."""

    def status_byte_extra(self) -> int:
        """Model-specific summary bits for *STB?."""
        return 0

    # -- helpers for subclasses --------------------------------------------------------

    def num(self, value: float) -> str:
        return self.number_format.format(value)

    def integer(self, value: int) -> str:
        return self.int_format.format(value)

    def push_error(self, code: int, info: str | None = None) -> None:
        text = ERRORS.get(code, "Error")
        if info and self.error_detail:
            text = f"{text};{info[:60]}"
        if code <= -400:
            self.esr |= ESR_QYE
        elif code <= -300 or code > 0:
            self.esr |= ESR_DDE
        elif code <= -200:
            self.esr |= ESR_EXE
        elif code <= -100:
            self.esr |= ESR_CME
        if len(self.errors) >= self.error_queue_size:
            self.errors[-1] = (-350, ERRORS[-350])
            return
        self.errors.append((code, text))

    @contextmanager
    def unlocked(self) -> Iterator[None]:
        """Release the instrument lock while a handler waits (e.g. for readings)."""
        self.lock.release()
        try:
            yield
        finally:
            self.lock.acquire()

    def sleep(self, seconds: float) -> None:
        """Wait without holding the lock, so other connections are served meanwhile."""
        if seconds > 0:
            with self.unlocked():
                time.sleep(seconds)

    # -- execution ----------------------------------------------------------------------

    def execute(self, message: bytes, conn: Connection | None = None) -> bytes | None:
        """Run one program message; return the response message (without `\\n`) or None."""
        conn = conn or Connection()
        replies: list[bytes] = []
        conn.path = []
        with self.lock:
            for raw in split_units(message):
                try:
                    reply = self._execute_unit(raw, conn)
                except SCPIError as err:
                    self.push_error(err.code, err.info)
                    continue
                except Exception as err:  # never let one bad command kill the server
                    self.push_error(-300, type(err).__name__)
                    continue
                if reply is not None:
                    replies.append(reply if isinstance(reply, bytes) else str(reply).encode())
        if not replies:
            return None
        return b";".join(replies)

    def _execute_unit(self, raw: bytes, conn: Connection) -> Any:
        unit = parse_unit(raw)
        found = None
        if unit.common:
            found = self.table.resolve(unit.words)
        else:
            if not unit.absolute and conn.path:
                found = self.table.resolve(conn.path + unit.words)
                if found is not None:
                    unit.words = conn.path + unit.words
            if found is None:
                found = self.table.resolve(unit.words)
            conn.path = unit.words[:-1]
        if found is None:
            raise SCPIError(-113)
        cmd, suffixes = found
        handler = cmd.query if unit.query else cmd.set
        if handler is None:
            raise SCPIError(-113)
        result = handler(Call(unit, suffixes, conn))
        return result if unit.query else None

    # -- IEEE 488.2 common commands ----------------------------------------------------------

    def _register_common(self) -> None:
        t = self.table
        t.add("*IDN", query=lambda c: (c.expect(0), ",".join(self.identity))[1])
        t.add("*RST", set=self._rst)
        t.add("*CLS", set=self._cls)
        t.add("*ESR", query=self._esr_q)
        t.add("*ESE", set=self._ese, query=lambda c: (c.expect(0), self.integer(self.ese))[1])
        t.add("*SRE", set=self._sre, query=lambda c: (c.expect(0), self.integer(self.sre))[1])
        t.add("*STB", query=lambda c: (c.expect(0), self.integer(self.status_byte()))[1])
        t.add("*OPC", set=self._opc, query=lambda c: (c.expect(0), self.wait_complete(), "1")[2])
        t.add("*WAI", set=lambda c: (c.expect(0), self.wait_complete()))
        t.add("*TST", query=lambda c: (c.expect(0), self.integer(0))[1])
        t.add("*TRG", set=lambda c: (c.expect(0), self.bus_trigger()))
        t.add("*OPT", query=lambda c: (c.expect(0), self.options())[1])
        t.add("SYSTem:ERRor[:NEXT]", query=self._err_q)
        t.add("SYSTem:ERRor:COUNt",
              query=lambda c: (c.expect(0), self.integer(len(self.errors)))[1])

    def _rst(self, c: Call) -> None:
        c.expect(0)
        self.reset()

    def _cls(self, c: Call) -> None:
        c.expect(0)
        self.errors.clear()
        self.esr = 0
        self.questionable = 0
        self.operation = 0

    def _esr_q(self, c: Call) -> str:
        c.expect(0)
        value, self.esr = self.esr, 0
        return self.integer(value)

    def _ese(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.ese = int(p.number(integer=True)) & 0xFF

    def _sre(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.sre = int(p.number(integer=True)) & 0xFF

    def _opc(self, c: Call) -> None:
        c.expect(0)
        self.wait_complete()
        self.esr |= ESR_OPC

    def _err_q(self, c: Call) -> str:
        c.expect(0)
        code, text = self.errors.popleft() if self.errors else (0, ERRORS[0])
        return f"{self.error_code_format.format(code)},\"{text}\""

    def status_byte(self) -> int:
        stb = self.status_byte_extra()
        if self.errors:
            stb |= STB_ERROR_QUEUE
        if self.esr & self.ese:
            stb |= STB_ESB
        if stb & self.sre & ~STB_MSS:
            stb |= STB_MSS
        return stb

    def wait_complete(self) -> None:
        """Block until pending operations finish (measurements, acquisitions)."""

    def bus_trigger(self) -> None:
        """*TRG: a bus trigger; instruments that take one override this."""

    def options(self) -> str:
        return "0"

    # -- SIMulation subsystem (an extension in the instruments' own style) ------------------

    def _register_simulation(self) -> None:
        t = self.table
        t.add("SIMulation:FAULt", set=self._fault, query=self._fault_q)
        t.add("SIMulation:TEMPerature", set=self._temp, query=self._temp_q)

    def _fault(self, c: Call) -> None:
        params = c.expect(1, 2)
        name = params[0].string() if params[0].is_string() else params[0].text
        on = params[1].boolean() if len(params) > 1 else True
        try:
            self.board.set_fault(name.lower(), on)
        except (KeyError, ValueError):
            raise SCPIError(-224, name) from None

    def _fault_q(self, c: Call) -> str:
        c.expect(0)
        faults = self.board.active_faults
        return '"' + ",".join(faults) + '"'

    def _temp(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number(units=("CEL", "C"))
        if not -40.0 <= value <= 125.0:
            raise SCPIError(-222)
        self.board.temperature_c = value

    def _temp_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self.board.temperature_c)
