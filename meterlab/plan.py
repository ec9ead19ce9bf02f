"""Limit plans: the paper test sheet as a TOML file, turned into checks.

A plan reads like the sheet it replaces::

    [plan]
    name = "IoT sensor node — final test"
    version = "1.0"
    dut = "IoT sensor node rev B"
    rule = "simple"                 # or "guarded" (ILAC-G8 guard band from the meter's spec)
    show_marginal = false           # true: a unit passing with a marginal check is MARGINAL

    [[check]]
    id = "3v3"
    title = "3.3 V logic rail"
    at = "3V3"                      # test point: prompts and the simulated probes use it
    measure = "VOLT:DC"             # a DMM function, or a scope measurement "FREQ CH1"
    nominal = "3.3 V"
    tolerance = "±3 % warn ±2 %"    # or: limit = "3.2 V .. 3.4 V"
    readings = 5                    # how many to take
    reduce = "mean"                 # single | mean | max | min

Exercises for trainees (later) are plans with an `[exercise]` table and per-check
`instructions`, `expect` (the right instrument setup) and `hints`; the loader
already accepts and keeps those keys so exercise files stay valid plans.

Every mistake names the file, the line and the key, because the person who
wrote the file must find it without reading code.
"""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meterlab import vocabulary
from meterlab.config_io import not_regular, parse_toml, read_config
from meterlab.errors import FileFormatError, LimitError
from meterlab.paths import shipped_dir, user_dir
from meterlab.tolerance import Limit, limit_from, parse_limit
from meterlab.units import parse_quantity

RULES = ("simple", "guarded")
REDUCTIONS = ("single", "mean", "max", "min")
INSTRUMENTS = ("dmm", "scope")

#: DMM function keys a plan may name (short SCPI forms; long forms are accepted too).
DMM_FUNCTIONS: tuple[str, ...] = tuple(vocabulary.DMM_FUNCTIONS)
#: Scope measurements a plan may name → the unit it is judged in: the instrument's
#: automatic items, plus ones meterlab computes from a capture (BAUD from a UART lane,
#: I2CACK from the I²C lanes). Aliases (VBAS, DUTY, RISE…) are in the vocabulary.
SCOPE_ITEMS: dict[str, str] = {
    name: vocabulary.SCOPE_MEASUREMENTS[name].unit for name in vocabulary.PLAN_MEASUREMENTS
}
_SCOPE_SOURCE = re.compile(r"^(CH[1-4]|CHAN[1-4]|D(?:[0-9]|1[0-5]))$", re.IGNORECASE)

_PLAN_KEYS = {"name", "version", "dut", "rule", "description", "author", "show_marginal"}
_CHECK_KEYS = {
    "id", "title", "at", "ref", "instrument", "measure", "range", "nplc", "readings",
    "reduce", "nominal", "tolerance", "limit", "prompt", "settings",
    # exercise keys, kept for the trainee mode
    "instructions", "expect", "hints",
}


#: What a check's `settings` table may set on the scope, and how each is read.
SETTING_KEYS = ("timebase", "scale", "offset", "probe", "coupling", "scl", "address")
_COUPLINGS = ("AC", "DC", "GND")


def read_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """A check's `settings`, read: timebase in s, scale and offset in V, probe a ratio,
    coupling AC/DC/GND, scl a logic line's number, address an integer (e.g. "0x44").

    One reading for the plan's loader (a wrong value names its file, line and key before
    anything is measured) and for the bench that applies them. ValueError says what is
    wrong, in words, naming the key.
    """
    out: dict[str, Any] = {}
    for key, value in settings.items():
        text = str(value).strip()
        if key in ("timebase", "scale", "offset"):
            unit = "s" if key == "timebase" else "V"
            try:
                number = parse_quantity(text, unit)[0]
            except (LimitError, ValueError):
                number = math.nan
            signed = key == "offset"
            if not math.isfinite(number) or (not signed and number <= 0):
                what = "a value" if signed else "a positive value"
                example = {"timebase": "200 us", "scale": "1 V", "offset": "-1.5 V"}[key]
                raise ValueError(f'settings.{key} "{text}" — expected {what} in {unit}, '
                                 f'e.g. {key} = "{example}"')
            out[key] = number
        elif key == "probe":
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise ValueError(f"settings.probe {value!r} — expected a ratio such as 10")
            out[key] = float(value)
        elif key == "coupling":
            if text.upper() not in _COUPLINGS:
                raise ValueError(f'settings.coupling "{text}" — expected one of '
                                 f'{", ".join(_COUPLINGS)}')
            out[key] = text.upper()
        elif key == "scl":
            if not re.fullmatch(r"D(1[0-5]|[0-9])", text.upper()):
                raise ValueError(f'settings.scl "{text}" — expected a logic line D0…D15')
            out[key] = int(text[1:])
        elif key == "address":
            try:
                out[key] = int(text, 0)
            except ValueError:
                raise ValueError(f'settings.address "{text}" — expected an integer such as '
                                 '"0x44"') from None
        else:
            raise ValueError(f'settings.{key}: unknown setting (expected one of '
                             f'{", ".join(SETTING_KEYS)})')
    return out


@dataclass(frozen=True)
class Check:
    """One thing to measure with its limit, as a line of the test sheet."""

    id: str
    title: str
    instrument: str          # "dmm" or "scope"
    measure: str             # DMM function key, or scope item ("FREQ")
    source: str              # scope source ("CH1", "D0"); "" for the DMM
    unit: str
    limit: Limit
    at: str = ""
    ref: str = "GND"
    range: float | None = None   # None = autorange
    nplc: float | None = None
    readings: int = 1
    reduce: str = "single"
    prompt: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    line: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def prompt_text(self) -> str:
        if self.prompt:
            return self.prompt
        if self.instrument == "dmm":
            if self.measure.startswith("CURR"):
                return f"Put the meter in series at {self.at or 'the supply'}."
            return f"Place the probes on {self.at or '?'} and {self.ref}."
        return f"Connect {self.source} of the scope to {self.at or 'the test point'}."

    def describe(self) -> str:
        """The check in words, as `meterlab check` prints it."""
        if self.instrument == "dmm":
            what = f"{self.measure} with the multimeter"
        else:
            what = f"{self.measure} on {self.source} with the scope"
        n = f"{self.reduce} of {self.readings} readings" if self.readings > 1 else "one reading"
        where = f" at {self.at}" if self.at else ""
        return (f"{self.id}: {self.title} — {what}{where}, {n}; "
                f"pass if {self.limit.describe()} ({self.limit.text})")


@dataclass(frozen=True)
class Plan:
    name: str
    version: str
    dut: str
    rule: str
    checks: tuple[Check, ...]
    path: str = ""
    sha256: str = ""
    description: str = ""
    exercise: dict[str, Any] = field(default_factory=dict)
    #: `show_marginal = true`: a unit whose checks all pass, some of them marginally,
    #: has the outcome MARGINAL instead of PASS (still a pass; see meterlab.outcome).
    show_marginal: bool = False

    def check(self, check_id: str) -> Check:
        for c in self.checks:
            if c.id == check_id:
                return c
        raise KeyError(check_id)


# --- loading ------------------------------------------------------------------------------


def find_plan(name: str) -> Path:
    """A path as given, or a plan name looked up in the user's and the shipped `limits/`."""
    p = Path(name)
    if p.is_file():
        return p
    if not_regular(p) not in (None, "a folder"):
        return p  # a device or a pipe: load_plan says what it is
    if p.is_dir():
        raise FileFormatError("this is a folder, not a plan file. Give a .toml plan file.",
                              path=name)
    for folder in (user_dir("limits"), shipped_dir("limits")):
        for candidate in (folder / name, folder / f"{name}.toml"):
            if candidate.is_file():
                return candidate
    raise FileFormatError(
        "no such plan file. Give a path, or the name of a plan in limits/ "
        f"(e.g. {', '.join(sorted(p.stem for p in list_plans())[:3]) or 'iot-sensor-node'}).",
        path=name,
    )


def list_plans() -> list[Path]:
    out: dict[str, Path] = {}
    for folder in (shipped_dir("limits"), user_dir("limits")):
        if folder.is_dir():
            for p in sorted(folder.glob("*.toml")):
                out[p.name] = p
    return list(out.values())


def load_plan(path: str | Path) -> Plan:
    """Read and validate a plan file; any mistake raises FileFormatError with file:line and key."""
    path = Path(path)
    try:
        data_bytes = read_config(path, "plan")
    except OSError as exc:
        raise FileFormatError(f"cannot read the plan: {exc.strerror}", path=str(path)) from None
    try:
        # utf-8-sig: a plan saved by Windows Notepad starts with a byte-order mark.
        text = data_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data_bytes[: exc.start].count(b"\n") + 1
        raise FileFormatError(
            "not a text file in UTF-8 (is it a plan at all?). Save it as UTF-8 text.",
            path=str(path), line=line) from None
    return parse_plan(text, path=str(path), sha256=hashlib.sha256(data_bytes).hexdigest())


def parse_plan(text: str, *, path: str = "<plan>", sha256: str = "") -> Plan:
    try:
        data = parse_toml(text, path, "plan")
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise FileFormatError(
            f"not valid TOML ({exc})", path=path, line=int(m.group(1)) if m else None
        ) from None
    locator = _Locator(text)
    head = data.get("plan")
    if not isinstance(head, dict):
        raise FileFormatError('missing the [plan] table (name, version, dut, rule)', path=path)
    for key in head:
        if key not in _PLAN_KEYS:
            raise FileFormatError(
                f'[plan]: unknown key "{key}" (expected one of {", ".join(sorted(_PLAN_KEYS))})',
                path=path, line=locator.table_key("plan", key), key=key,
            )
    name = _text(head, "name", path, locator.table_key("plan", "name"), required=True)
    rule = str(head.get("rule", "simple")).lower()
    if rule not in RULES:
        raise FileFormatError(
            f'[plan]: rule "{rule}" — expected "simple" or "guarded"',
            path=path, line=locator.table_key("plan", "rule"), key="rule",
        )
    raw_checks = data.get("check", [])
    if not isinstance(raw_checks, list) or not raw_checks:
        raise FileFormatError("the plan has no [[check]] entries", path=path)
    checks: list[Check] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_checks):
        check = _parse_check(raw, index, path, locator)
        if check.id in seen:
            raise FileFormatError(
                f'check "{check.id}": the id is used twice', path=path,
                line=locator.check_key(index, "id"), key="id",
            )
        seen.add(check.id)
        checks.append(check)
    unknown = set(data) - {"plan", "check", "exercise"}
    if unknown:
        key = sorted(unknown)[0]
        raise FileFormatError(
            f'unknown table "[{key}]" (a plan has [plan], [[check]] and optionally [exercise])',
            path=path, line=locator.table(key), key=key,
        )
    show_marginal = head.get("show_marginal", False)
    if not isinstance(show_marginal, bool):
        raise FileFormatError(
            '[plan]: show_marginal — expected true or false',
            path=path, line=locator.table_key("plan", "show_marginal"), key="show_marginal",
        )
    return Plan(
        name=name,
        version=str(head.get("version", "")),
        dut=str(head.get("dut", "")),
        rule=rule,
        checks=tuple(checks),
        path=path,
        sha256=sha256,
        description=str(head.get("description", "")),
        exercise=dict(data.get("exercise", {})),
        show_marginal=show_marginal,
    )


def _parse_check(raw: Any, index: int, path: str, loc: _Locator) -> Check:
    line0 = loc.check_start(index)
    if not isinstance(raw, dict):
        raise FileFormatError("each [[check]] must be a table", path=path, line=line0)
    cid = str(raw.get("id", "")).strip()
    label = f'check "{cid}"' if cid else f"check #{index + 1}"

    def fail(key: str, message: str) -> FileFormatError:
        return FileFormatError(f"{label}: {message}", path=path,
                               line=loc.check_key(index, key) or line0, key=key)

    for key in raw:
        if key not in _CHECK_KEYS:
            known = ", ".join(sorted(_CHECK_KEYS))
            raise fail(key, f'unknown key "{key}" (expected one of {known})')
    if not cid:
        raise fail("id", 'missing "id" — a short name such as "3v3" or "pwm_freq"')
    if not re.fullmatch(r"[A-Za-z0-9_.\-]+", cid):
        raise fail("id", f'id "{cid}" — use letters, digits, "_", "-" or "." only')
    measure_text = str(raw.get("measure", "")).strip()
    if not measure_text:
        raise fail("measure", 'missing "measure" — e.g. "VOLT:DC" or "FREQ CH1"')
    instrument = str(raw.get("instrument", "")).lower()
    parts = measure_text.split()
    if instrument not in ("", *INSTRUMENTS):
        raise fail("instrument", f'instrument "{instrument}" — expected "dmm" or "scope"')
    if not instrument:
        instrument = "scope" if len(parts) == 2 else "dmm"
    if instrument == "dmm":
        function = vocabulary.find_dmm_function(measure_text)
        if function is None:
            raise fail("measure", f'measure "{measure_text}" — expected a DMM function: '
                                  + ", ".join(DMM_FUNCTIONS))
        measure, source, unit = function.name, "", function.unit
    else:
        if len(parts) != 2:
            raise fail("measure", f'measure "{measure_text}" — expected a scope item and source '
                                  'such as "FREQ CH1" or "PDUT D3"')
        item = vocabulary.find_scope_measurement(parts[0])
        if item is None or not item.in_plans:
            raise fail("measure", f'measure "{measure_text}" — "{parts[0]}" is not a scope item '
                                  "meterlab can measure; expected a scope item and source such "
                                  'as "FREQ CH1", with one of ' + ", ".join(SCOPE_ITEMS))
        if not _SCOPE_SOURCE.match(parts[1]):
            raise fail("measure", f'measure "{measure_text}" — expected a scope item and source '
                                  f'such as "FREQ CH1" or "PDUT D3"; "{parts[1]}" is not '
                                  "CH1…CH4 or D0…D15")
        if item.computed and not parts[1].upper().startswith("D"):
            raise fail("measure", f'measure "{measure_text}" — {item.name} is computed from a '
                                  'logic line; name one, e.g. "BAUD D0"')
        measure = item.name
        source = parts[1].upper().replace("CHAN", "CH")
        unit = item.unit
    limit = _limit(raw, unit, fail)
    readings = raw.get("readings", 1)
    if not isinstance(readings, int) or isinstance(readings, bool) or not 1 <= readings <= 100_000:
        raise fail("readings", f"readings {readings!r} — expected a whole number from 1 to 100000")
    reduce = str(raw.get("reduce", "mean" if readings > 1 else "single")).lower()
    if reduce not in REDUCTIONS:
        raise fail("reduce", f'reduce "{reduce}" — expected one of {", ".join(REDUCTIONS)}')
    rng = raw.get("range", "auto")
    range_value: float | None = None
    if not (isinstance(rng, str) and rng.strip().lower() == "auto"):
        try:
            range_value, _ = (float(rng), unit) if isinstance(rng, int | float) \
                else parse_quantity(str(rng), unit)
        except (LimitError, ValueError) as exc:
            raise fail("range", f'range "{rng}" — expected "auto" or a value with a unit, '
                                f'e.g. "10 V" ({exc})') from None
    nplc = raw.get("nplc")
    if nplc is not None and (not isinstance(nplc, int | float) or isinstance(nplc, bool)
                             or not 0 < nplc < math.inf):
        raise fail("nplc", f"nplc {nplc!r} — expected a positive number such as 1 or 10")
    for key in ("at", "ref", "title"):
        if key in raw and not isinstance(raw[key], str):
            raise fail(key, f'{key} {raw[key]!r} — expected text in quotes, e.g. {key} = "TP3"')
    settings = raw.get("settings", {})
    if not isinstance(settings, dict):
        raise fail("settings", "settings must be a table, e.g. { timebase = \"200 us\" }")
    try:
        read_settings(settings)
    except ValueError as exc:
        raise fail("settings", str(exc)) from None
    extra = {k: raw[k] for k in ("instructions", "expect", "hints") if k in raw}
    return Check(
        id=cid,
        title=str(raw.get("title", cid)),
        instrument=instrument,
        measure=measure,
        source=source,
        unit=unit,
        limit=limit,
        at=str(raw.get("at", "")).strip(),
        ref=str(raw.get("ref", "GND")).strip(),
        range=range_value,
        nplc=float(nplc) if nplc is not None else None,
        readings=readings,
        reduce=reduce,
        prompt=str(raw.get("prompt", "")),
        settings=dict(settings),
        line=line0 or 0,
        extra=extra,
    )


def _limit(raw: dict[str, Any], unit: str, fail: Any) -> Limit:
    has_tol = "tolerance" in raw
    has_limit = "limit" in raw
    if has_tol and has_limit:
        raise fail("limit", 'give either "limit" or "nominal" + "tolerance", not both')
    if has_limit:
        try:
            return parse_limit(str(raw["limit"]), unit)
        except LimitError as exc:
            raise fail("limit", str(exc)) from None
    if not has_tol:
        raise fail("tolerance", 'missing "tolerance" (with "nominal") or "limit", '
                                'e.g. tolerance = "±5 %"')
    if "nominal" not in raw:
        raise fail("nominal", 'missing "nominal" for the tolerance, e.g. nominal = "3.3 V"')
    try:
        nominal, nominal_unit = parse_quantity(str(raw["nominal"]), unit)
    except LimitError as exc:
        raise fail("nominal", str(exc)) from None
    if nominal_unit != unit:
        raise fail("nominal", f'nominal "{raw["nominal"]}" is in {nominal_unit}, but this check '
                              f'measures {unit}')
    try:
        return limit_from(nominal, str(raw["tolerance"]), unit)
    except LimitError as exc:
        raise fail("tolerance", str(exc)) from None


def _text(table: dict[str, Any], key: str, path: str, line: int | None, *,
          required: bool = False) -> str:
    value = table.get(key)
    if value is None:
        if required:
            raise FileFormatError(f'[plan]: missing "{key}"', path=path, line=line, key=key)
        return ""
    if not isinstance(value, str):
        raise FileFormatError(f'[plan]: "{key}" must be text in quotes', path=path, line=line,
                              key=key)
    return value


class _Locator:
    """Find the line of a key in the TOML text (tomllib does not report positions)."""

    _KEY = re.compile(r'^\s*"?([A-Za-z0-9_\-]+)"?\s*=')

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.check_lines = [i + 1 for i, ln in enumerate(self.lines)
                            if ln.strip().startswith("[[check]]")]

    def table(self, name: str) -> int | None:
        for i, ln in enumerate(self.lines):
            if ln.strip().startswith(f"[{name}]") or ln.strip().startswith(f"[[{name}]]"):
                return i + 1
        return None

    def _key_in(self, start: int, key: str) -> int | None:
        for i in range(start, len(self.lines)):  # `start` is 1-based: the header's next line
            if self.lines[i].strip().startswith("["):
                return None
            m = self._KEY.match(self.lines[i])
            if m and m.group(1) == key:
                return i + 1
        return None

    def table_key(self, table: str, key: str) -> int | None:
        start = self.table(table)
        return self._key_in(start, key) if start else None

    def check_start(self, index: int) -> int | None:
        return self.check_lines[index] if index < len(self.check_lines) else None

    def check_key(self, index: int, key: str) -> int | None:
        start = self.check_start(index)
        return self._key_in(start, key) if start else None
