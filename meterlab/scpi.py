"""IEEE 488.2 / SCPI reply parsing on the client side: *IDN?, blocks, error queue, numbers.

These functions see bytes straight off the wire from instruments meterlab has never met, so
each one either returns a correct result or raises `InstrumentError` saying what was wrong
with the reply; never an IndexError or ValueError from deep inside. The simulator has its
own, separate encoder on purpose: a bug here cannot hide by being mirrored there.

Public API::

    Idn(maker, model, serial, firmware, extra: tuple[str, ...])   # frozen dataclass
    parse_idn(text: str) -> Idn
    block_header(data: bytes) -> tuple[int, int]        # (header length, payload length)
    split_block(data: bytes) -> tuple[bytes, bytes]     # (payload, rest after the block)
    parse_block(data: bytes) -> bytes                   # payload; only a terminator may follow
    parse_error(text: str) -> tuple[int, str]           # SYST:ERR? -> (code, message)
    parse_numbers(text: str | bytes) -> np.ndarray      # CSV of readings -> float64
    parse_number(text: str | bytes) -> float            # exactly one reading
    overload_mask(values: np.ndarray) -> np.ndarray     # |v| >= OVERLOAD_THRESHOLD
    parse_conf(text: str) -> tuple[str, float | None, float | None]   # CONF? reply
    unquote(text: str) -> str
    format_number(value: float) -> str                  # for commands: no locale, no '1e+00'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from meterlab.errors import InstrumentError, ReplyCutOff
from meterlab.readings import OVERLOAD_THRESHOLD

#: Longest definite-length block accepted (bytes). A header promising more is far more
#: likely a garbled reply than a real transfer; deep scope memories are 24-100 MB.
MAX_BLOCK = 512 * 1024 * 1024

_TERMINATORS = (b"", b"\n", b"\r\n", b"\r")


def _show(data: bytes | str, limit: int = 40) -> str:
    """A short printable excerpt of a reply for error messages."""
    text = data.decode("latin-1") if isinstance(data, bytes | bytearray) else data
    excerpt = text[:limit]
    return repr(excerpt) + ("…" if len(text) > limit else "")


# -- *IDN? ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Idn:
    """An identification reply. `extra` holds fields beyond the usual four (OWON sends five)."""

    maker: str
    model: str
    serial: str = ""
    firmware: str = ""
    extra: tuple[str, ...] = ()

    def __str__(self) -> str:
        parts = [self.maker, self.model]
        if self.serial:
            parts.append(f"serial {self.serial}")
        if self.firmware:
            parts.append(f"firmware {self.firmware}")
        return ", ".join(parts)


def parse_idn(text: str) -> Idn:
    """Split a *IDN? reply into fields, tolerating spaces after commas (Keithley 2000).

    Fewer than two non-empty fields is not an identification at all: the caller is
    probably talking to something that is not an SCPI instrument.
    """
    if not isinstance(text, str):
        raise InstrumentError(f"The *IDN? reply is not text: {_show(bytes(text))}.")
    text = text.strip()
    fields = [f.strip().strip('"').strip() for f in text.split(",")]
    if len(fields) < 2 or not fields[0] or not fields[1] or not text.isprintable():
        raise InstrumentError(
            f"The instrument's identification ({_show(text)}) is not a *IDN? reply "
            "(expected maker,model,serial,firmware). Check that the address points at an "
            "SCPI instrument and not another device."
        )
    fields += [""] * (4 - len(fields))
    return Idn(fields[0], fields[1], fields[2], fields[3], tuple(fields[4:]))


# -- definite-length blocks --------------------------------------------------------------------


def block_header(data: bytes) -> tuple[int, int]:
    """Parse the `#N<digits>` header at the start of `data`: (header length, payload length).

    Leading whitespace is skipped (counted in the header length). `#0` (indefinite length)
    returns payload length -1: the payload runs to the final terminator.
    """
    data = bytes(data)
    start = len(data) - len(data.lstrip(b" \t\r\n"))
    if start >= len(data):
        raise InstrumentError("The instrument sent an empty reply where a data block was expected.")
    if data[start : start + 1] != b"#":
        raise InstrumentError(
            f"The reply does not start with a data block header ('#'): {_show(data[start:])}. "
            "The instrument may be in a different data format or answering another command."
        )
    if len(data) < start + 2:
        raise ReplyCutOff("The data block header was cut off after '#'.")
    ndig = data[start + 1] - 0x30
    if not 0 <= ndig <= 9:
        raise InstrumentError(
            f"The data block header is malformed: {_show(data[start : start + 12])} "
            "(a digit must follow '#')."
        )
    if ndig == 0:
        return start + 2, -1
    digits = data[start + 2 : start + 2 + ndig]
    if len(digits) < ndig:
        raise ReplyCutOff(
            f"The data block header was cut off: {_show(data[start:])} promises {ndig} length "
            "digits."
        )
    if not digits.isdigit():
        raise InstrumentError(
            f"The data block header is malformed: {_show(data[start : start + 2 + ndig])} "
            "(the length is not a number)."
        )
    length = int(digits)
    if length > MAX_BLOCK:
        raise InstrumentError(
            f"The data block header announces {length} bytes, more than meterlab accepts "
            f"({MAX_BLOCK}); the reply is probably garbled."
        )
    return start + 2 + ndig, length


def split_block(data: bytes) -> tuple[bytes, bytes]:
    """Take one definite-length block off the front of `data`: (payload, rest)."""
    data = bytes(data)
    head, length = block_header(data)
    if length < 0:
        body = data[head:]
        for term in (b"\r\n", b"\n"):
            if body.endswith(term):
                return body[: -len(term)], b""
        return body, b""
    end = head + length
    if len(data) < end:
        raise ReplyCutOff(
            f"The data block was cut off: the header promised {length} bytes but only "
            f"{len(data) - head} arrived. Check the cable or network and increase the timeout."
        )
    return data[head:end], data[end:]


def parse_block(data: bytes) -> bytes:
    """The payload of a reply that is exactly one block plus, at most, a line terminator."""
    payload, rest = split_block(data)
    if rest not in _TERMINATORS:
        raise InstrumentError(
            f"The data block is longer than its header says: {len(rest)} unexpected bytes "
            f"follow it ({_show(rest)}). The reply is garbled or two replies ran together."
        )
    return payload


# -- error queue ------------------------------------------------------------------------------


def parse_error(text: str) -> tuple[int, str]:
    """Split a SYST:ERR? reply `<code>,"<text>"` at the first comma (text may hold commas)."""
    if not isinstance(text, str):
        raise InstrumentError(f"The error-queue reply is not text: {text!r}.")
    head, sep, tail = text.strip().partition(",")
    try:
        code = int(head.strip())
    except ValueError:
        raise InstrumentError(
            f"The error-queue reply {_show(text.strip())} does not start with an error number. "
            "This instrument may not support SYST:ERR?."
        ) from None
    message = unquote(tail.strip()) if sep else ""
    return code, message


def unquote(text: str) -> str:
    """Remove one pair of surrounding double (or single) quotes, SCPI string style."""
    t = text.strip()
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "\"'":
        return t[1:-1].replace(t[0] * 2, t[0])
    return t


# -- numbers ----------------------------------------------------------------------------------


def parse_numbers(text: str | bytes) -> np.ndarray:
    """Parse a comma-separated list of SCPI numbers into float64, fast for large replies.

    Empty text gives an empty array (an empty R? drain). Anything that is not a plain
    decimal number (words, units, 'nan', '1_0') is refused: a reading must never be guessed.
    Overloads stay as ±9.9E37 here; `overload_mask` or ReadingBatch.from_raw flag them.
    """
    if isinstance(text, bytes | bytearray | memoryview):
        text = bytes(text).decode("latin-1")
    t = text.strip()
    if not t:
        return np.empty(0, dtype=np.float64)
    parts = t.split(",")
    try:
        values = np.array(parts, dtype=np.float64)
    except ValueError:
        values = None
    if values is None or "_" in t or not np.isfinite(values).all():
        bad = next((p for p in parts if not _is_number(p)), t)
        raise InstrumentError(
            f"The instrument sent {_show(bad.strip())} where a number was expected "
            f"(reply {_show(t)}). The reply may be garbled, or the instrument is set to "
            "send units or another format."
        )
    return values


def _is_number(part: str) -> bool:
    p = part.strip()
    if "_" in p:
        return False
    try:
        return math.isfinite(float(p))
    except ValueError:
        return False


def parse_number(text: str | bytes) -> float:
    """Exactly one number (a READ? reply with sample count 1)."""
    values = parse_numbers(text)
    if values.shape[0] != 1:
        raise InstrumentError(
            f"Expected one reading but the instrument sent {values.shape[0]}: {_show(text)}."
        )
    return float(values[0])


def overload_mask(values: np.ndarray) -> np.ndarray:
    """True where a value is an SCPI overload (±9.9E37) rather than a measurement."""
    return np.abs(np.asarray(values, dtype=np.float64)) >= OVERLOAD_THRESHOLD


def parse_conf(text: str) -> tuple[str, float | None, float | None]:
    """A CONF? reply `"VOLT +1.000000E+01,+3.000000E-06"` → ("VOLT", 10.0, 3e-06).

    Range/resolution are None when the instrument leaves them out (e.g. CONT, DIOD).
    """
    body = unquote(text)
    function, _, rest = body.strip().partition(" ")
    if not function:
        raise InstrumentError(f"The configuration reply {_show(text)} names no function.")
    nums = parse_numbers(rest) if rest.strip() else np.empty(0)
    rng = float(nums[0]) if nums.shape[0] > 0 else None
    res = float(nums[1]) if nums.shape[0] > 1 else None
    return function, rng, res


def format_number(value: float) -> str:
    """A number as an SCPI parameter: plain, round-trippable, independent of locale."""
    if not math.isfinite(value):
        raise ValueError(f"cannot send {value!r} to an instrument")
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))
