"""Who answers at a VISA address: identification and discovery, run on worker threads.

The profile is matched separately from opening the connection, so a broken
user profile does not hide which instrument answered: the table still shows
its model and serial, and the broken file is reported in words beside it.

Nothing here touches Qt widgets; the instruments view, the connect dialog and
the console call these functions through `TaskRunner`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from meterlab.errors import FileFormatError

if TYPE_CHECKING:
    from meterlab.visa import Connection

#: How long identification waits for an answer (a dead address must not hold the list up).
IDENTIFY_TIMEOUT_MS = 2500
#: How long VISA discovery may take before we show what we have.
DISCOVERY_TIMEOUT_S = 3.0

# Origins of a listed resource, in the order the list shows them.
SIMULATED = "simulated"
LOCAL = "local"
REMEMBERED = "remembered"
DISCOVERED = "discovered"
MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class Identity:
    """What an instrument said about itself, and the profile that describes it."""

    maker: str
    model: str
    serial: str
    firmware: str
    profile_name: str = ""
    kind: str = ""  # the profile's kind: "dmm", "scope", or "" when no profile matched
    profile_problem: str = ""  # a broken user profile, in words (FileFormatError text)


@dataclass(frozen=True, slots=True)
class Found:
    """One address to list, where it came from, and its label (e.g. the simulator's)."""

    resource: str
    origin: str
    label: str = ""
    role: str = ""  # "dmm"/"scope" when known before asking (the simulated bench)


def identify_connection(conn: Connection) -> Identity:
    """Ask *IDN? (once per connection) and match a profile; applies the profile's settings."""
    from meterlab.profiles import match_profile

    idn = conn.idn
    name = kind = problem = ""
    try:
        profile = match_profile(idn)
    except FileFormatError as exc:
        profile = None
        problem = str(exc)
    if profile is not None:
        conn.apply_profile(profile)
        name, kind = profile.name, profile.kind
    return Identity(idn.maker, idn.model, idn.serial, idn.firmware, name, kind, problem)


def open_and_identify(
    resource: str,
    backend: str | None,
    *,
    timeout_ms: int = IDENTIFY_TIMEOUT_MS,
    keep_open: bool = False,
) -> tuple[Identity, Connection | None]:
    """Open `resource`, identify it, and close it again unless `keep_open`."""
    from meterlab.visa import open_instrument

    conn = open_instrument(resource, backend=backend, profile=None, timeout_ms=timeout_ms)
    try:
        identity = identify_connection(conn)
    except BaseException:
        conn.close()
        raise
    if not keep_open:
        conn.close()
        return identity, None
    return identity, conn


def is_serial_port(resource: str) -> bool:
    """Serial ports are listed but not asked: *IDN? to an unknown serial device can upset it."""
    return resource.upper().startswith("ASRL")


def discover(
    backend: str | None,
    *,
    simulated: Mapping[str, str] | None = None,
    remembered: Iterable[str] = (),
    timeout_s: float = DISCOVERY_TIMEOUT_S,
) -> list[Found]:
    """Everything worth listing, simulated bench first, without duplicates; bounded in time."""
    from meterlab.visa import list_resources, local_resources

    out: list[Found] = []
    seen: set[str] = set()

    def add(resource: str, origin: str, label: str = "", role: str = "") -> None:
        key = resource.strip()
        if key and key.upper() not in seen:
            seen.add(key.upper())
            out.append(Found(key, origin, label, role))

    for role, resource in (simulated or {}).items():
        add(resource, SIMULATED, role=role)
    for resource, label in local_resources().items():
        add(resource, LOCAL, label)
    for resource in remembered:
        add(resource, REMEMBERED)
    for resource in list_resources(backend, timeout_s=timeout_s):
        add(resource, DISCOVERED)
    return out


# -- replies the console must not read as text ------------------------------------------

_BLOCK_START = re.compile(r"^#([1-9])(\d+)")
#: Queries that answer with a definite-length block on common instruments
#: (waveform and screen memories: :WAV:DATA?, :DISP:DATA?, HCOP:SDUM:DATA?, CURVe?).
_BLOCK_QUERY = re.compile(r"(^|:)(DATA?|SDUMP?|CURVE?)\?$", re.IGNORECASE)
#: Reading queries that turn into blocks after FORMat REAL/INTeger.
_READING_QUERY = re.compile(r"^:?(READ|FETC(H)?|R|DATA:REM(OVE)?)\?$", re.IGNORECASE)
_FORMAT_HEADER = re.compile(r"^:?FORM(AT)?(:DATA)?$", re.IGNORECASE)


def units(command: str) -> list[tuple[str, str]]:
    """Split a program message into (header, arguments) per unit (at ';')."""
    out = []
    for unit in command.split(";"):
        head, _, args = unit.strip().partition(" ")
        if head:
            out.append((head, args.strip()))
    return out


def is_query(command: str) -> bool:
    """A reply is expected when any unit's header ends with '?' (e.g. `MEAS:VOLT? 10`)."""
    return any(head.endswith("?") for head, _ in units(command))


def binary_format_after(command: str, current: bool) -> bool:
    """Whether readings come back as blocks after sending `command` (FORM REAL/INT/ASC)."""
    for head, args in units(command):
        if _FORMAT_HEADER.match(head) and args:
            current = args.upper().startswith(("REAL", "INT", "BIN", "BYTE", "WORD"))
    return current


def expects_block(command: str, binary_format: bool) -> bool:
    """True when the last query of `command` answers with a binary block."""
    parts = units(command)
    if not parts:
        return False
    head = parts[-1][0]
    return bool(_BLOCK_QUERY.search(head) or (binary_format and _READING_QUERY.match(head)))


def declared_block_length(text: str) -> int | None:
    """The payload length a `#N<digits>` header announces, or None if `text` is no block."""
    m = _BLOCK_START.match(text)
    if not m:
        return None
    ndig = int(m.group(1))
    digits = m.group(2)[:ndig]
    return int(digits) if len(digits) == ndig else None


def no_reply(exc: BaseException) -> bool:
    """The instrument stayed silent (a timeout, not a lost link or a garbled reply)."""
    from meterlab.errors import InstrumentTimeout

    return isinstance(exc, InstrumentTimeout)
