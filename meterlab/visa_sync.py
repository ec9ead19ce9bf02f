"""Bringing a link back in step after a timeout, so no reply is paired with the wrong question.

A reply that did not come within the timeout has not vanished: the instrument may only be
busy or the link stalled, and the reply then arrives later. If the next question is sent
and its "reply" read straight away, that late reply is read instead, and from then on
every answer belongs to the question before: a check receives another check's reading
and may be judged PASS on it. (Found by stopping the simulated bench for 15 s during
`meterlab run`: the ntc check read vbus's readings as its error queue, r1 read isupply's.)

So a connection that timed out is *out of step*, and before anything else is asked it is
brought back in step here, in band, on the same link:

1. Where the transport has a real device clear (VXI-11, HiSLIP, USBTMC, GPIB: the
   ``…::INSTR`` resources) it is sent first; the instrument then drops its input and
   output queues (IEEE 488.2 §5.8, VXI-11 `device_clear`, USBTMC INITIATE_CLEAR).
2. A marker query, ``*IDN?`` (IEEE 488.2 §10.14, answered by every SCPI instrument at
   once, even while a measurement runs), is sent behind whatever is still in flight.
   ``*OPC?`` was rejected: it waits for pending operations, so behind a running
   ``INIT`` stream it would not answer until the stream ends.
3. The replies still owed are read and thrown away, one per question asked and not
   answered (lines as lines, ``#`` blocks by their announced length, since a scope's
   binary block may contain newline bytes), up to the marker's reply with nothing
   behind it (the instrument's own identity string, which no reading or error entry
   resembles). A query the instrument refused is never answered, so the marker may come
   before the count of owed replies is reached.

Because the instrument executes messages in the order they arrive, everything sent before
the marker has been executed and answered once the marker is read: the next question's
reply is the next thing on the wire. The marker is waited for up to a recovery budget
(three timeouts): a stall shorter than that costs only the question that timed out.

Reconnecting instead (a new socket) was rejected for raw sockets: the old connection's
unexecuted commands may still be run by the instrument after the new connection's, so a
stale ``CONF:CURR`` could land between the next check's ``CONF:RES`` and its ``READ?``.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

import pyvisa.constants as vc
from pyvisa import errors as visa_errors

LINE = "line"
BLOCK = "block"

MARKER = "*IDN?"
_QUIET_MS = 150  # the marker is taken only if nothing else follows it this quickly


class StillOutOfStep(Exception):
    """The marker did not come back within the budget; the link stays out of step."""


def expects_reply(message: str) -> bool:
    """True if a program message asks for a reply (a '?' outside quoted strings)."""
    quote = ""
    for ch in message:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            return True
    return False


def can_device_clear(resource: str) -> bool:
    """Raw sockets have no out-of-band device clear; INSTR resources do."""
    name = resource.upper()
    return name.endswith("::INSTR") and not name.startswith("ASRL")


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def ms(self) -> int:
        left = int((self.end - time.monotonic()) * 1000)
        if left <= 0:
            raise StillOutOfStep
        return left


def _read_line(inst: Any, timeout_ms: int) -> bytes:
    inst.timeout = timeout_ms
    return bytes(inst.read_raw()).strip()


def _read_exact(inst: Any, n: int, deadline: _Deadline) -> bytes:
    out = bytearray()
    while len(out) < n:
        inst.timeout = deadline.ms()
        try:
            out += inst.read_bytes(n - len(out), break_on_termchar=False)
        except visa_errors.VisaIOError as exc:
            if exc.error_code != vc.StatusCode.error_timeout:
                raise
    return bytes(out)


def _discard_block(inst: Any, deadline: _Deadline) -> bytes | None:
    """Read one late ``#<n><len><payload>`` reply away; a plain line (returned) if it is not
    a block."""
    term = inst.read_termination
    inst.read_termination = None
    try:
        first = _read_exact(inst, 1, deadline)
        while first in (b" ", b"\r", b"\n"):
            first = _read_exact(inst, 1, deadline)
        if first != b"#":
            inst.read_termination = term
            return first + _read_line(inst, deadline.ms())  # a text answer, not a block
        ndig = _read_exact(inst, 1, deadline)
        if not ndig.isdigit() or ndig == b"0":
            inst.read_termination = term
            _read_line(inst, deadline.ms())
            return None
        length = int(_read_exact(inst, int(ndig), deadline) or b"0")
        _read_exact(inst, length, deadline)
        tail = _read_exact(inst, 1, deadline)
        if tail == b"\r":
            _read_exact(inst, 1, deadline)
        return None
    finally:
        with contextlib.suppress(Exception):
            inst.read_termination = term


def looks_like_idn(line: bytes, known: str | None) -> bool:
    """Is `line` the reply to the *IDN? marker? The connection's own *IDN? when known; else
    four comma-separated fields whose first (the maker) is not a number (readings, error
    entries and block replies never look like that)."""
    text = line.decode("latin-1").strip()
    if known is not None:
        return text == known.strip()
    fields = text.split(",")
    if len(fields) != 4 or not fields[0].strip():
        return False
    return fields[0].strip()[0] not in "+-.0123456789#\""


def resync(inst: Any, resource: str, owed: list[str], budget_s: float,
           known_idn: str | None = None) -> None:
    """Bring `inst` back in step (see the module docstring); StillOutOfStep if it does not
    answer the marker within `budget_s`. Restores the timeout and termination it found."""
    deadline = _Deadline(budget_s)
    old_timeout = inst.timeout
    term = inst.read_termination
    try:
        if can_device_clear(resource):
            try:
                # Within the recovery budget, not the link's own timeout: an instrument that
                # wakes up after that timeout still completes the clear. Given up, the clear
                # stays pending on HiSLIP's other channel, and the waking instrument may take
                # it after the marker below and discard the marker with it (never answered).
                inst.timeout = deadline.ms()
                inst.clear()
                owed = []
            except StillOutOfStep:
                raise
            except Exception:  # a device clear is a help, not a must  # noqa: S110
                pass
        inst.write(MARKER)
        kinds = list(owed)
        empty = 0
        while True:
            kind = kinds.pop(0) if kinds else LINE
            try:
                line = _discard_block(inst, deadline) if kind == BLOCK else \
                    _read_line(inst, deadline.ms())
            except visa_errors.VisaIOError as exc:
                if exc.error_code != vc.StatusCode.error_timeout:
                    raise
                raise StillOutOfStep from None
            if line == b"" and kind == LINE and not kinds:
                # pyvisa-py's HiSLIP client reads nothing (at once, no timeout) once the
                # reply to its last request was taken: the late reply used the marker's
                # turn, so the marker is asked again.
                empty += 1
                deadline.ms()
                time.sleep(0.02)
                if empty % 5 == 1:
                    inst.write(MARKER)
                continue
            # The marker's reply, with nothing behind it, ends the catching up, even before
            # every owed reply came: a query the instrument refused (-113) is never answered.
            # A stale *IDN? reply looks the same; the marker's is the last of the burst.
            while line is not None and looks_like_idn(line, known_idn):
                try:
                    line = _read_line(inst, _QUIET_MS)
                except visa_errors.VisaIOError as exc:
                    if exc.error_code != vc.StatusCode.error_timeout:
                        raise
                    return
                if line == b"":
                    return  # nothing behind the marker (a transport that says so at once)
                if kinds:
                    kinds.pop(0)
    finally:
        with contextlib.suppress(Exception):
            inst.read_termination = term
        with contextlib.suppress(Exception):
            inst.timeout = old_timeout
