"""The `[dmm]` part of an instrument profile, validated into typed, read-only objects.

Called by `meterlab.profiles.load_profile` for every profile of kind "dmm"; its result is
`profile.spec` (a `DmmSpec`). Command spellings are templates in the profile (data), so
most dialects need no code; only flows that really differ (the DMM6500 trace buffer)
have a branch in the driver.

`[dmm]` keys::

    fast_read = "R?"            # how readings are drained while measuring:
                                #  "R?" | "DATA:REMove?" | "TRACe" | "none" (repeat READ?)
    memory = 2000000            # readings the instrument's memory holds
    overload = 9.9e37           # the value it sends for an overload
    max_sample_count = 1000000  # largest SAMP:COUN
    max_rate = 50000            # readings/s at its fastest setting (for timeouts, streams)
    nplc = [0.02, 0.2, 1, 10, 100]      # allowed integration times, or instead:
    rate = { F = 123, M = 20, S = 2.5 } # named speeds → readings/s (Rigol)
    default_function = "VOLT:DC"

    [dmm.commands]              # optional overrides of the SCPI templates (see COMMANDS)
    function = ":SENS:FUNC \"{header}\""

    [dmm.functions."VOLT:DC"]   # meterlab's function name (what --function takes)
    header = "VOLT:DC"          # this instrument's SCPI header for it
    unit = "V"
    ranges = [0.1, 1, 10, 100, 1000]
    autorange = true            # default true
    integration = true          # NPLC/rate applies (default: true for DC and resistance)
    accuracy = [[0.0040, 0.0035], ...]  # 1-year ±(% of reading, % of range), one pair
                                        # per range, same order as `ranges`
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from meterlab import vocabulary

if TYPE_CHECKING:
    from meterlab.profiles import Profile

FAST_READ = ("R?", "DATA:REMove?", "TRACe", "none")

#: Generic SCPI (Keysight/HP/Siglent/Keithley 2000 style). Placeholders: {header} {range}
#: {nplc} {rate} {resolution} {n} {source} {delay} {state} {start} {end}.
COMMANDS: dict[str, str] = {
    "function": "CONF:{header}",
    "range": "SENS:{header}:RANG {range}",
    "autorange": "SENS:{header}:RANG:AUTO ON",
    "nplc": "SENS:{header}:NPLC {nplc}",
    "rate": "",
    "resolution": "SENS:{header}:RES {resolution}",
    "autozero": "SENS:{header}:ZERO:AUTO {state}",
    "sample_count": "SAMP:COUN {n}",
    "trigger_count": "TRIG:COUN {n}",
    "trigger_count_inf": "TRIG:COUN INF",
    "trigger_source": "TRIG:SOUR {source}",
    "trigger_delay": "TRIG:DEL {delay}",
    "trigger_delay_auto": "TRIG:DEL:AUTO ON",
    "read": "READ?",
    "init": "INIT",
    "abort": "ABOR",
    "drain": "R? {n}",
    "points": "DATA:POIN?",
    # asked after each drain; bit 14 set = reading memory overflowed (readings lost)
    "overflow_query": "",
    # After the link broke mid-stream: is the meter still in the acquisition meterlab
    # started? (operation condition register, SCPI-99 bit 4 measuring / bit 5 waiting for
    # trigger, and the counts the stream set). Empty: a fresh acquisition is started instead.
    "measuring_query": "",
    "sample_count_query": "",
    "trigger_count_query": "",
    "trigger_source_query": "",
    # DMM6500 trace-buffer flow (fast_read = "TRACe")
    "trace_clear": ':TRAC:CLE "defbuffer1"',
    "trace_start": ':TRIG:LOAD "SimpleLoop",{n}',
    "trace_end": ':TRAC:ACT:END? "defbuffer1"',
    "trace_data": ':TRAC:DATA? {start},{end},"defbuffer1"',
}

_PLACEHOLDERS = {"header", "range", "nplc", "rate", "resolution", "n", "source", "delay",
                 "state", "start", "end"}
_FIELD = re.compile(r"\{([^{}]*)\}")

#: Default units of meterlab's function names (a profile may override per function).
UNITS = {name: f.unit for name, f in vocabulary.DMM_FUNCTIONS.items()}
_INTEGRATING = {name for name, f in vocabulary.DMM_FUNCTIONS.items() if f.integrating}

#: SCPI long or short form, any case → meterlab's name ("VOLTage" → "VOLT:DC").
canonical_function = vocabulary.canonical_function


def fill(template: str, **values: object) -> str:
    """Substitute {name} placeholders (validated at load time; no format-string tricks)."""
    return _FIELD.sub(lambda m: str(values[m.group(1)]), template)


@dataclass(frozen=True, slots=True)
class FunctionSpec:
    """One measurement function as this instrument offers it."""

    key: str
    header: str
    unit: str
    ranges: tuple[float, ...] = ()
    autorange: bool = True
    integration: bool = True
    accuracy: tuple[tuple[float, float], ...] = ()

    def range_for(self, value: float) -> float | None:
        """The smallest range that holds |value| (how instruments round a range request)."""
        v = abs(value)
        for r in sorted(self.ranges):
            if v <= r * (1 + 1e-9):
                return r
        return None

    def accuracy_for(self, rng: float) -> tuple[float, float] | None:
        """1-year ±(% of reading, % of range) on range `rng`, if the profile gives it."""
        for r, acc in zip(self.ranges, self.accuracy, strict=False):
            if math.isclose(r, rng, rel_tol=1e-6):
                return acc
        return None


@dataclass(frozen=True)
class DmmSpec:
    functions: Mapping[str, FunctionSpec]
    commands: Mapping[str, str]
    fast_read: str = "none"
    memory: int = 512
    overload: float = 9.9e37
    max_sample_count: int = 1
    max_rate: float = 10.0
    nplc: tuple[float, ...] = ()
    rates: Mapping[str, float] = field(default_factory=dict)
    default_function: str = "VOLT:DC"

    def function(self, key: str) -> FunctionSpec | None:
        """Look up a function by meterlab name, forgivingly: "volt:dc", "VOLTage:DC" and
        plain "VOLT" (SCPI's default DC) all find VOLT:DC."""
        f = self.functions.get(key)
        if f is not None:
            return f
        want = canonical_function(key)
        return next((v for k, v in self.functions.items() if canonical_function(k) == want),
                    None)


def _num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def validate(profile: Profile) -> DmmSpec:
    """Check the [dmm] section and build the DmmSpec; mistakes name the file, line, key."""
    d = profile.section("dmm")
    if not d:
        profile.fail("a multimeter profile needs a [dmm] section", "dmm")
    # One driver serves every multimeter; only scopes pick a code adapter by dialect.
    # "scpi" is still accepted because profiles written before this carried it.
    if profile.dialect != "scpi":
        profile.fail(f"'profile.dialect' {profile.dialect!r} means nothing for a multimeter: "
                     "one driver serves them all. Remove it, and put commands this model "
                     "spells differently in [dmm.commands]", "profile", "dialect")
    known = {"fast_read", "memory", "overload", "max_sample_count", "max_rate", "nplc", "rate",
             "default_function", "commands", "functions"}
    for k in d:
        if k not in known:
            profile.fail(f"unknown key 'dmm.{k}' (expected one of {sorted(known)})", "dmm", k)

    fast_read = d.get("fast_read", "none")
    if fast_read not in FAST_READ:
        profile.fail(f"'dmm.fast_read' must be one of {', '.join(FAST_READ)}, not {fast_read!r}",
                     "dmm", "fast_read")
    ints = {}
    for k, default in (("memory", 512), ("max_sample_count", 1)):
        v = d.get(k, default)
        if not isinstance(v, int) or isinstance(v, bool) or v < 1:
            profile.fail(f"'dmm.{k}' must be a positive whole number, not {v!r}", "dmm", k)
        ints[k] = v
    for k in ("overload", "max_rate"):
        if k in d and (not _num(d[k]) or d[k] <= 0):
            profile.fail(f"'dmm.{k}' must be a positive number, not {d[k]!r}", "dmm", k)

    nplc = d.get("nplc", [])
    if not isinstance(nplc, list) or not all(_num(x) and x > 0 for x in nplc):
        profile.fail("'dmm.nplc' must be a list of positive numbers", "dmm", "nplc")
    rates = d.get("rate", {})
    if not isinstance(rates, dict) or not all(_num(v) and v > 0 for v in rates.values()):
        profile.fail("'dmm.rate' must map speed names to readings per second", "dmm", "rate")

    commands = dict(COMMANDS)
    overrides = d.get("commands", {})
    if not isinstance(overrides, dict):
        profile.fail("'dmm.commands' must be a table of SCPI templates", "dmm", "commands")
    for k, v in overrides.items():
        if k not in COMMANDS:
            profile.fail(f"unknown command 'dmm.commands.{k}' (expected one of "
                         f"{sorted(COMMANDS)})", "dmm", "commands", k)
        if not isinstance(v, str):
            profile.fail(f"'dmm.commands.{k}' must be a string", "dmm", "commands", k)
        bad = [f for f in _FIELD.findall(v) if f not in _PLACEHOLDERS]
        if bad:
            profile.fail(f"'dmm.commands.{k}' uses unknown placeholder {{{bad[0]}}} (allowed: "
                         f"{', '.join(sorted(_PLACEHOLDERS))})", "dmm", "commands", k)
        commands[k] = v
    if fast_read == "DATA:REMove?" and "drain" not in overrides:
        commands["drain"] = "DATA:REM? {n}"
    if rates and not commands["rate"]:
        profile.fail("'dmm.rate' needs a 'dmm.commands.rate' template to set it",
                     "dmm", "rate")

    funcs_raw = d.get("functions")
    if not isinstance(funcs_raw, dict) or not funcs_raw:
        profile.fail("'dmm.functions' must list at least one function", "dmm", "functions")
    functions: dict[str, FunctionSpec] = {}
    for key, f in funcs_raw.items():
        where = ("dmm", "functions", key)
        if not isinstance(f, dict):
            profile.fail(f"'dmm.functions.{key}' must be a table", *where)
        if key not in vocabulary.DMM_FUNCTIONS:
            known = vocabulary.find_dmm_function(key)
            hint = f" (write it as \"{known.name}\")" if known else ""
            profile.fail(f"'dmm.functions.\"{key}\"' is not a function meterlab knows{hint}; "
                         f"use one of {', '.join(vocabulary.DMM_FUNCTIONS)}", *where)
        fknown = {"header", "unit", "ranges", "autorange", "integration", "accuracy"}
        for k in f:
            if k not in fknown:
                profile.fail(f"unknown key '{k}' in dmm.functions.\"{key}\" "
                             f"(expected one of {sorted(fknown)})", *where, k)
        header = f.get("header", key)
        if not isinstance(header, str) or not header.strip():
            profile.fail("'header' must be the SCPI header, e.g. \"VOLT:DC\"", *where, "header")
        unit = f.get("unit", UNITS[key])
        if not isinstance(unit, str):
            profile.fail(f"'unit' is needed for the function {key!r}", *where, "unit")
        ranges = f.get("ranges", [])
        if not isinstance(ranges, list) or not all(_num(r) and r > 0 for r in ranges):
            profile.fail("'ranges' must be a list of positive numbers", *where, "ranges")
        acc = f.get("accuracy", [])
        ok = isinstance(acc, list) and all(
            isinstance(a, list) and len(a) == 2 and all(_num(x) and x >= 0 for x in a)
            for a in acc
        )
        if not ok:
            profile.fail("'accuracy' must be a list of [% of reading, % of range] pairs",
                         *where, "accuracy")
        if acc and len(acc) != len(ranges):
            profile.fail(f"'accuracy' has {len(acc)} pairs but there are {len(ranges)} ranges",
                         *where, "accuracy")
        for k in ("autorange", "integration"):
            if k in f and not isinstance(f[k], bool):
                profile.fail(f"'{k}' must be true or false", *where, k)
        functions[key] = FunctionSpec(
            key=key,
            header=header.strip(),
            unit=unit,
            ranges=tuple(float(r) for r in ranges),
            autorange=f.get("autorange", True),
            integration=f.get("integration", key in _INTEGRATING),
            accuracy=tuple((float(a), float(b)) for a, b in acc),
        )

    default_function = d.get("default_function", "VOLT:DC")
    if default_function not in functions:
        profile.fail(f"'dmm.default_function' {default_function!r} is not in dmm.functions",
                     "dmm", "default_function")
    return DmmSpec(
        functions=functions,
        commands=commands,
        fast_read=fast_read,
        memory=ints["memory"],
        overload=float(d.get("overload", 9.9e37)),
        max_sample_count=ints["max_sample_count"],
        max_rate=float(d.get("max_rate", 10.0)),
        nplc=tuple(sorted(float(x) for x in nplc)),
        rates={str(k): float(v) for k, v in rates.items()},
        default_function=default_function,
    )
