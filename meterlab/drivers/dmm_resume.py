"""Resuming a buffered stream after the link broke: is the meter still in our acquisition?

When the connection breaks mid-stream (dropped, garbled, a `#` block cut off), the meter
itself has not stopped: a closed LAN socket is neither ABORt, *RST, CONFigure nor a device
clear, the things that end a Truevolt acquisition (Keysight Truevolt Series Operating and
Service Guide, INITiate / ABORt / *RST), so it goes on measuring into its reading memory.
Starting a new acquisition there would throw away everything it holds. The driver
therefore reconnects and, when the meter is still in the acquisition the stream started,
simply drains on. What cannot be got back is the reply the fault destroyed: `R?` had
already taken those readings out of memory. Their number is known when the block's header
arrived (`readings_in_block`), otherwise the gap is marked without a count.

Whether it is still the same acquisition is asked without changing anything:

* the operation condition register (SCPI-99 Vol. 1 §9.4 and the Truevolt guide's Standard
  Operation Register: bit 4 *Measuring*, bit 5 *Waiting for Trigger*) says an acquisition
  is running; a finished one still counts while its readings wait in memory (`DATA:POINts?`);
* `SAMPle:COUNt?`, `TRIGger:COUNt?` and `TRIGger:SOURce?` must be what the stream set.
  *RST puts them to 1, 1, IMMediate and clears reading memory, and CONFigure also sets both
  counts to 1 (Truevolt guide: *RST factory reset state, CONFigure), so a meter that was
  restarted, power-cycled or reconfigured by someone else in between is not mistaken for
  ours: a new acquisition is started and the gap marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from meterlab.errors import InstrumentError

if TYPE_CHECKING:
    from meterlab.visa import Connection

#: Operation condition bits (SCPI-99; Truevolt Standard Operation Register).
OPER_MEASURING = 1 << 4
OPER_WAITING_FOR_TRIGGER = 1 << 5
#: One reading in a Truevolt ASCII reply: `±d.dddddddddE±dd` (15 characters) and a comma
#: between readings (the guide's R? example `#247-4.98748741E-01,…` holds 3 readings in 47).
ASCII_READING = 15
#: The queries a profile must name for a stream to be resumable.
QUERIES = ("measuring_query", "sample_count_query", "trigger_count_query",
           "trigger_source_query", "points")


@dataclass(frozen=True)
class Resumed:
    """A stream taken up again on a new connection; `lost` readings went down with the
    broken reply (None: not known, some may have)."""

    lost: int | None


def readings_in_block(length: int | None) -> int | None:
    """How many readings a Truevolt ASCII `#` block of `length` data bytes holds, or None
    when that cannot be told (no header arrived, or a length no run of readings has)."""
    if length is None:
        return None
    if length == 0:
        return 0
    n, rest = divmod(length + 1, ASCII_READING + 1)
    return n if rest == 0 else None


def _int(reply: str) -> int:
    value = float(reply.strip())
    return -1 if value >= 9.0e37 else round(value)


def _garbled(conn: Connection) -> InstrumentError:
    return InstrumentError(f"The meter at {conn.resource} sent a garbled reply while "
                           "meterlab checked whether it still measures.",
                           resource=conn.resource)


def measuring_or_holding(conn: Connection, commands: dict[str, str]) -> bool:
    """The meter is measuring or waiting for a trigger, or still holds readings in memory
    (an acquisition that has not been drained to its end). Only queries."""
    try:
        condition = _int(conn.query(commands["measuring_query"]))
        if condition & (OPER_MEASURING | OPER_WAITING_FOR_TRIGGER):
            return True
        return _int(conn.query(commands["points"])) > 0
    except ValueError:
        raise _garbled(conn) from None


def same_acquisition(conn: Connection, commands: dict[str, str], *, samples: int | None,
                     triggers: int | str | None, source: str | None) -> bool:
    """True when the meter behind `conn` still runs (or holds the readings of) the
    acquisition a stream started with these counts. Only queries: nothing is changed.

    A reply that is no number is an InstrumentError, as any garbled reply."""
    try:
        have_samples = _int(conn.query(commands["sample_count_query"]))
        have_triggers = _int(conn.query(commands["trigger_count_query"]))
        have_source = conn.query(commands["trigger_source_query"]).strip().strip('"').upper()
    except ValueError:
        raise _garbled(conn) from None
    want_triggers = -1 if triggers == "INF" else triggers
    if have_samples != samples or have_triggers != want_triggers:
        return False
    if source is not None and have_source[:3] != source[:3]:
        return False
    return measuring_or_holding(conn, commands)
