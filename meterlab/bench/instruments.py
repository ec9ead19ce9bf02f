"""Opening an instrument: one way for every command and view.

Every face that talks to an instrument (`meterlab read`, `capture`, `idn`,
`screenshot`, `run`, the meter and scope views, the plan runner) opens it here, so
they all do the same four things in the same order:

1. connect and ask `*IDN?` (nothing answering is `NoAnswer`, a silent instrument
   `InstrumentTimeout`, a dropped link `ConnectionLost`);
2. match the profile of the wanted kind (none is `NoProfile`) and apply its
   connection settings;
3. take the instrument over: read away the errors another program left in its
   queue and send `*CLS`, so the errors meterlab reports afterwards are the ones its
   own commands caused (on a shared bench another program's `-113 Undefined header`
   is there every morning);
4. hand back the driver; `capabilities_of(driver)` says what this model can do.

Qt-free and silent: what another program left is returned in `Opened.left_behind`
by `connect` for a face that wants to mention it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from meterlab.bench.capabilities import (
    DmmCapabilities,
    ScopeCapabilities,
    dmm_capabilities,
    scope_capabilities,
)
from meterlab.errors import ConnectionLost, InstrumentError

if TYPE_CHECKING:
    from meterlab.drivers.dmm import Multimeter
    from meterlab.drivers.scope import Oscilloscope
    from meterlab.profiles import Profile
    from meterlab.scpi import Idn
    from meterlab.visa import Connection

KINDS = ("dmm", "scope")

D = TypeVar("D")

__all__ = [
    "DmmCapabilities",
    "Identification",
    "Opened",
    "ScopeCapabilities",
    "capabilities_of",
    "connect",
    "dmm_capabilities",
    "identify",
    "open_dmm",
    "open_instrument",
    "open_scope",
    "scope_capabilities",
    "take_over",
]


@dataclass(frozen=True)
class Opened:
    """A connection that answered, the profile that describes it, and what it held."""

    conn: Connection
    profile: Profile
    left_behind: tuple[tuple[int, str], ...] = ()


def take_over(conn: Connection) -> tuple[tuple[int, str], ...]:
    """Read away the error queue another program left, then `*CLS` (IEEE 488.2 §10.3:
    clears the status data structures, the error queue included).

    Returns the errors found, oldest first. Instruments without an error queue
    (profile `error_queue = false`) only get the `*CLS`. A queue that cannot be read
    (no answer in time, a reply that is no error entry) is not an opening failure: it
    stays unread here, and the driver reports it where a command of its own needs it.
    A lost connection is.
    """
    left: list[tuple[int, str]] = []
    try:
        left = conn.read_error_queue()
    except ConnectionLost:
        raise
    except InstrumentError:
        left = []
    conn.write("*CLS")
    return tuple(left)


@dataclass(frozen=True)
class Identification:
    """Who answers at an address, and the profile that describes it (None: no profile)."""

    resource: str
    idn: Idn
    profile: Profile | None


def identify(resource: str, *, backend: str | None = None,
             timeout_ms: int | None = None) -> Identification:
    """Ask `*IDN?` at `resource` and match a profile of any kind, then close again.

    Only asks: nothing is cleared or configured, so asking who an instrument is never
    disturbs a program that is using it.
    """
    from meterlab.profiles import match_profile
    from meterlab.visa import open_instrument as open_connection

    with open_connection(resource, backend=backend, timeout_ms=timeout_ms) as conn:
        idn = conn.idn
    return Identification(resource.strip(), idn, match_profile(idn))


def connect(
    resource: str,
    kind: str | None = None,
    *,
    backend: str | None = None,
    timeout_ms: int | None = None,
    profiles: list[Profile] | None = None,
) -> Opened:
    """Open `resource`, match a profile of `kind` ("dmm", "scope" or None = any) and take
    the instrument over. The connection is closed again on any failure."""
    from meterlab.profiles import require_profile
    from meterlab.visa import open_instrument as open_connection

    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    conn = open_connection(resource, backend=backend, timeout_ms=timeout_ms, verify=True)
    try:
        profile = require_profile(conn.idn, kind, resource=conn.resource, profiles=profiles)
        conn.apply_profile(profile)  # an explicit timeout_ms still wins over the profile's
        left = take_over(conn)
    except BaseException:
        conn.close()
        raise
    return Opened(conn, profile, left)


def _driver(make: Callable[[Any, Profile], D], opened: Opened) -> D:
    """The driver `make` builds on an opened instrument; the connection is closed if that
    fails, so a refused driver never leaves a connection open."""
    try:
        return make(opened.conn, opened.profile)
    except BaseException:
        opened.conn.close()
        raise


def open_dmm(
    resource: str,
    *,
    backend: str | None = None,
    timeout_ms: int | None = None,
    profiles: list[Profile] | None = None,
) -> Multimeter:
    """The multimeter at `resource`, identified, matched and taken over."""
    from meterlab.drivers.dmm import Multimeter

    return _driver(Multimeter, connect(resource, "dmm", backend=backend,
                                       timeout_ms=timeout_ms, profiles=profiles))


def open_scope(
    resource: str,
    *,
    backend: str | None = None,
    timeout_ms: int | None = None,
    profiles: list[Profile] | None = None,
) -> Oscilloscope:
    """The oscilloscope at `resource`, identified, matched and taken over.

    The profile is matched once, here; the driver is handed it (no second lookup).
    """
    from meterlab.drivers.scope import Oscilloscope

    return _driver(Oscilloscope, connect(resource, "scope", backend=backend,
                                         timeout_ms=timeout_ms, profiles=profiles))


def open_instrument(
    resource: str,
    kind: str,
    *,
    backend: str | None = None,
    timeout_ms: int | None = None,
) -> Multimeter | Oscilloscope:
    """`open_dmm` or `open_scope` by `kind` ("dmm" or "scope")."""
    if kind == "dmm":
        return open_dmm(resource, backend=backend, timeout_ms=timeout_ms)
    if kind == "scope":
        return open_scope(resource, backend=backend, timeout_ms=timeout_ms)
    raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")


def capabilities_of(driver: Any) -> DmmCapabilities | ScopeCapabilities:
    """What the model behind an opened `Multimeter` or `Oscilloscope` can do (its profile)."""
    profile = getattr(driver, "profile", None)
    if profile is None:
        raise InstrumentError("This instrument has no profile, so what it can do is unknown.")
    if profile.kind == "dmm":
        return dmm_capabilities(profile)
    return scope_capabilities(profile)

