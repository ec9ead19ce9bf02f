"""The `[scope]` part of an instrument profile, validated into a typed `ScopeSpec`.

`meterlab.profiles` calls `validate(profile)` when it loads a profile of kind
"scope"; a mistake is reported with the file, line and key, so the technician
who wrote the file can go straight to it. The numbers here are what differs
between scope families while the SCPI stays the same (per-read point limits,
memory depths, format codes); where the SCPI itself differs, the dialect named
in `[profile] dialect` picks a small adapter in code.

Keys (all but `channels` optional)::

    [scope]
    channels = 4                  # analog channels CH1..CHn
    digital_channels = 16         # logic lines D0..D(n-1); 0 = none
    screen_points = 1200          # points in a screen (NORMal) read
    memory_depths = [12000, 120000, 1200000, 12000000, 24000000]
    read_limits = { BYTE = 250000, WORD = 125000, ASC = 15625 }   # points per read
    format_codes = { 0 = "BYTE", 1 = "WORD", 2 = "ASC" }           # preamble field 1
    h_divisions = 12
    v_divisions = 8
    screenshot = ":DISP:DATA? ON,OFF,PNG"   # the query that returns the image
    screenshot_timeout_ms = 20000
    transfer_timeout_ms = 20000   # per block of a waveform read
    [scope.measure_items]         # measurement (meterlab.vocabulary) → this scope's item
    PDUT = "PDUTy"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from meterlab.profiles import Profile
from meterlab.vocabulary import INSTRUMENT_MEASUREMENTS, find_scope_measurement

DIALECTS = ("rigol-ds1000z", "siglent-sds1000xe", "keysight-infiniivision")
FORMATS = ("BYTE", "WORD", "ASC")

_KNOWN = {
    "channels", "digital_channels", "screen_points", "memory_depths", "read_limits",
    "format_codes", "h_divisions", "v_divisions", "screenshot", "screenshot_timeout_ms",
    "transfer_timeout_ms", "measure_items",
}  # fmt: skip


@dataclass(frozen=True)
class ScopeSpec:
    """What the driver needs to know about a scope family, typed and checked."""

    dialect: str
    channels: int
    digital_channels: int = 0
    screen_points: int = 1200
    memory_depths: tuple[int, ...] = ()
    read_limits: dict[str, int] = field(default_factory=dict)
    format_codes: dict[int, str] = field(default_factory=dict)
    h_divisions: int = 10
    v_divisions: int = 8
    screenshot: str = ""
    screenshot_timeout_ms: int = 20000
    transfer_timeout_ms: int = 20000
    measure_items: dict[str, str] = field(default_factory=dict)

    def read_limit(self, fmt: str) -> int:
        """Points per read in `fmt`; unlimited (one block) when the profile names none."""
        return self.read_limits.get(fmt, 1 << 62)


def _int(profile: Profile, table: dict[str, Any], key: str, default: int | None,
         low: int = 0) -> int:
    if key not in table:
        if default is None:
            profile.fail(f"the required key 'scope.{key}' is missing", "scope")
        return default
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        profile.fail(f"'scope.{key}' should be a whole number ≥ {low}, not {value!r}",
                     "scope", key)
    return value


def validate(profile: Profile) -> ScopeSpec:
    """Check the `[scope]` table of `profile` and return it typed."""
    if profile.dialect not in DIALECTS:
        profile.fail(
            f"'profile.dialect' for a scope must be one of {', '.join(DIALECTS)}, "
            f"not {profile.dialect!r}",
            "profile", "dialect",
        )
    table = profile.section("scope")
    if not table:
        profile.fail("a scope profile needs a [scope] table (at least 'channels')", "scope")
    for key in table:
        if key not in _KNOWN:
            profile.fail(f"unknown key 'scope.{key}' (expected one of {sorted(_KNOWN)})",
                         "scope", key)
    channels = _int(profile, table, "channels", None, low=1)
    digital = _int(profile, table, "digital_channels", 0)
    if digital > 16:
        profile.fail(f"'scope.digital_channels' is at most 16, not {digital}",
                     "scope", "digital_channels")

    depths = table.get("memory_depths", [])
    if not isinstance(depths, list) or not all(
        isinstance(d, int) and not isinstance(d, bool) and d > 0 for d in depths
    ):
        profile.fail("'scope.memory_depths' should be a list of positive whole numbers",
                     "scope", "memory_depths")

    limits_raw = table.get("read_limits", {})
    if not isinstance(limits_raw, dict):
        profile.fail("'scope.read_limits' should be a table like { BYTE = 250000 }",
                     "scope", "read_limits")
    limits: dict[str, int] = {}
    for fmt, n in limits_raw.items():
        if fmt not in FORMATS:
            profile.fail(f"'scope.read_limits' names format {fmt!r}; use BYTE, WORD or ASC",
                         "scope", "read_limits")
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            profile.fail(f"'scope.read_limits.{fmt}' should be a positive whole number",
                         "scope", "read_limits")
        limits[fmt] = n

    codes_raw = table.get("format_codes", {})
    if not isinstance(codes_raw, dict):
        profile.fail("'scope.format_codes' should be a table like { 0 = \"BYTE\" }",
                     "scope", "format_codes")
    codes: dict[int, str] = {}
    for code, fmt in codes_raw.items():
        if not str(code).isdigit() or fmt not in FORMATS:
            profile.fail(
                f"'scope.format_codes' entry {code} = {fmt!r}: keys are the preamble's "
                "format numbers, values BYTE, WORD or ASC",
                "scope", "format_codes",
            )
        codes[int(code)] = fmt

    items_raw = table.get("measure_items", {})
    if not isinstance(items_raw, dict) or not all(
        isinstance(v, str) and v for v in items_raw.values()
    ):
        profile.fail("'scope.measure_items' should map names to the scope's item strings",
                     "scope", "measure_items")
    items: dict[str, str] = {}
    for name, value in items_raw.items():
        known = find_scope_measurement(name)
        if known is None or known.computed:
            profile.fail(f"'scope.measure_items' names {name!r}, which is no scope measurement "
                         f"meterlab knows; use one of {', '.join(INSTRUMENT_MEASUREMENTS)}",
                         "scope", "measure_items")
        items[known.name] = value
    shot = table.get("screenshot", "")
    if not isinstance(shot, str):
        profile.fail("'scope.screenshot' should be the query text", "scope", "screenshot")

    return ScopeSpec(
        dialect=profile.dialect,
        channels=channels,
        digital_channels=digital,
        screen_points=_int(profile, table, "screen_points", 1200, low=1),
        memory_depths=tuple(depths),
        read_limits=limits,
        format_codes=codes,
        h_divisions=_int(profile, table, "h_divisions", 10, low=1),
        v_divisions=_int(profile, table, "v_divisions", 8, low=1),
        screenshot=shot,
        screenshot_timeout_ms=_int(profile, table, "screenshot_timeout_ms", 20000, low=1),
        transfer_timeout_ms=_int(profile, table, "transfer_timeout_ms", 20000, low=1),
        measure_items=items,
    )
