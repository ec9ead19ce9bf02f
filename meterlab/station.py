"""The station file: which instruments this bench owns and when each is due for calibration.

Quality staff keep it beside the bench as TOML in the user config folder
(`METERLAB_STATION` points elsewhere)::

    [station]
    name = "Bench 3 — final test"
    teacher_passphrase = "scrypt$…"   # optional: `meterlab exercise passphrase` prints it
    lab_db = "postgresql://meterlab@lab-server/lab"   # optional: where `meterlab sync` forwards

    [[instrument]]
    serial = "MY59001234"
    model = "34465A"
    maker = "Keysight"          # optional
    cal_due = 2027-03-01        # a TOML date, or "2027-03-01"

A run looks each connected instrument up by the serial its `*IDN?` reports; one
past its due date is warned about at the start and every verdict it produces is
marked in the session, so a certificate never silently rests on an instrument
out of calibration. An instrument is in calibration up to and including its due
date.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meterlab.config_io import parse_toml, read_config
from meterlab.errors import FileFormatError
from meterlab.paths import user_config_dir

_STATION_KEYS = {"name", "location", "notes", "teacher_passphrase", "lab_db"}
_INSTRUMENT_KEYS = {"serial", "model", "maker", "cal_due", "notes", "asset"}


@dataclass(frozen=True)
class StationInstrument:
    serial: str
    model: str
    cal_due: dt.date | None
    maker: str = ""
    asset: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Station:
    name: str = ""
    instruments: tuple[StationInstrument, ...] = ()
    path: str = ""
    location: str = ""
    #: the training mode's teacher passphrase, hashed (`meterlab exercise passphrase`)
    teacher_passphrase: str = ""
    #: The lab's PostgreSQL URL (no password) that `meterlab sync` forwards to by default.
    lab_db: str = ""

    def find(self, serial: str) -> StationInstrument | None:
        """The instrument with this serial (case and surrounding spaces ignored)."""
        key = _norm(serial)
        for inst in self.instruments:
            if _norm(inst.serial) == key:
                return inst
        return None

    def cal_due_for(self, serial: str) -> dt.date | None:
        inst = self.find(serial)
        return inst.cal_due if inst else None

    def is_expired(self, serial: str, today: dt.date | None = None) -> bool:
        """True when the instrument's calibration-due date has passed (unknown → False)."""
        due = self.cal_due_for(serial)
        return due is not None and due < (today or dt.date.today())

    def warning(self, serial: str, *, what: str = "", today: dt.date | None = None) -> str | None:
        """The sentence to show at run start, or None when the instrument is in calibration
        (or the station file does not know it)."""
        due = self.cal_due_for(serial)
        if due is None or not self.is_expired(serial, today):
            return None
        name = f"{what} s/n {serial}".strip()
        return (f"{name} was due for calibration on {due.isoformat()}. Its readings are "
                f"recorded, and every verdict it produces is marked as taken with an expired "
                f"calibration.")


def station_path() -> Path:
    """METERLAB_STATION if set, else station.toml in the user config folder."""
    env = os.environ.get("METERLAB_STATION", "").strip()
    return Path(env).expanduser() if env else user_config_dir() / "station.toml"


def load_station(path: str | Path | None = None) -> Station:
    """Read the station file; a missing file is an empty station (nothing is known)."""
    p = Path(path) if path else station_path()
    try:
        text = read_config(p, "station file").decode("utf-8")
    except FileNotFoundError:
        return Station(path=str(p))
    except IsADirectoryError:
        raise FileFormatError(
            "the station file is a folder, not a file. Point METERLAB_STATION at a "
            "station.toml file, or unset it.", path=str(p)) from None
    except UnicodeDecodeError:
        raise FileFormatError(
            "the station file is not text (not UTF-8). Restore it, or point "
            "METERLAB_STATION at another station.toml.", path=str(p)) from None
    except OSError as exc:
        raise FileFormatError(
            f"cannot read the station file ({exc.strerror or exc}). Check its permissions, "
            "or point METERLAB_STATION at another station.toml.", path=str(p)) from None
    return parse_station(text, path=str(p))


def parse_station(text: str, *, path: str = "<station>") -> Station:
    try:
        data = parse_toml(text, path, "station file")
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise FileFormatError(f"not valid TOML: {exc}", path=path,
                              line=int(m.group(1)) if m else None) from exc
    loc = _Locator(text)
    for key in data:
        if key not in ("station", "instrument"):
            raise FileFormatError(f"unknown table or key {key!r}; a station file has [station] "
                                  f"and [[instrument]] entries", path=path,
                                  line=loc.top(key), key=key)
    head = data.get("station", {})
    if not isinstance(head, dict):
        raise FileFormatError("[station] must be a table", path=path, line=loc.top("station"),
                              key="station")
    for key in head:
        if key not in _STATION_KEYS:
            raise FileFormatError(f"unknown key {key!r} in [station] (known: "
                                  f"{', '.join(sorted(_STATION_KEYS))})", path=path,
                                  line=loc.key_after(loc.table("station"), key), key=key)
    raw = data.get("instrument", [])
    if not isinstance(raw, list):
        raise FileFormatError("instruments are written as [[instrument]] tables", path=path,
                              line=loc.top("instrument"), key="instrument")
    instruments: list[StationInstrument] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(raw):
        inst = _instrument(entry, i, path, loc)
        key = _norm(inst.serial)
        if key in seen:
            raise FileFormatError(f"serial {inst.serial!r} is listed twice (also instrument "
                                  f"#{seen[key] + 1})", path=path,
                                  line=loc.key_after(loc.array_item("instrument", i), "serial"),
                                  key="serial")
        seen[key] = i
        instruments.append(inst)
    return Station(name=_str(head.get("name", "")), instruments=tuple(instruments), path=path,
                   location=_str(head.get("location", "")),
                   teacher_passphrase=_str(head.get("teacher_passphrase", "")),
                   lab_db=_str(head.get("lab_db", "")))


def _instrument(entry: Any, i: int, path: str, loc: _Locator) -> StationInstrument:
    start = loc.array_item("instrument", i)

    def fail(key: str, message: str) -> FileFormatError:
        line = loc.key_after(start, key) if key else start
        return FileFormatError(f"instrument #{i + 1}: {message}", path=path,
                               line=line or start, key=key or None)

    if not isinstance(entry, dict):
        return _raise(fail("", "must be a table"))
    for key in entry:
        if key not in _INSTRUMENT_KEYS:
            raise fail(key, f"unknown key {key!r} (known: {', '.join(sorted(_INSTRUMENT_KEYS))})")
    serial = entry.get("serial")
    if not isinstance(serial, str | int) or not str(serial).strip():
        raise fail("serial" if "serial" in entry else "",
                   "needs serial = \"…\", exactly as the instrument's *IDN? reports it")
    due = entry.get("cal_due")
    if due is not None:
        if isinstance(due, dt.datetime):
            due = due.date()
        elif isinstance(due, str):
            try:
                due = dt.date.fromisoformat(due.strip())
            except ValueError:
                raise fail("cal_due", f"cal_due {due!r} is not a date; write it as "
                                      f"2027-03-01") from None
        elif not isinstance(due, dt.date):
            raise fail("cal_due", "cal_due must be a date such as 2027-03-01")
    for key in ("model", "maker", "notes", "asset"):
        if key in entry and not isinstance(entry[key], str):
            raise fail(key, f"{key} must be text in quotes")
    return StationInstrument(serial=str(serial).strip(), model=entry.get("model", ""),
                             cal_due=due, maker=entry.get("maker", ""),
                             asset=entry.get("asset", ""), notes=entry.get("notes", ""))


def _raise(exc: Exception) -> Any:
    raise exc


def _str(v: Any) -> str:
    return v if isinstance(v, str) else str(v)


def _norm(serial: str) -> str:
    return str(serial).strip().upper()


class _Locator:
    """Line numbers for tables and keys, so errors point at the line to fix."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def _is_header(self, line: str) -> bool:
        return line.lstrip().startswith("[")

    def top(self, key: str) -> int | None:
        for n, line in enumerate(self.lines, 1):
            s = line.strip()
            if s.startswith((f"[{key}]", f"[[{key}]]")) or re.match(rf"{re.escape(key)}\s*=", s):
                return n
        return None

    def table(self, name: str) -> int | None:
        for n, line in enumerate(self.lines, 1):
            if line.strip().startswith(f"[{name}]"):
                return n
        return None

    def array_item(self, name: str, index: int) -> int | None:
        k = -1
        for n, line in enumerate(self.lines, 1):
            if line.strip().startswith(f"[[{name}]]"):
                k += 1
                if k == index:
                    return n
        return None

    def key_after(self, start: int | None, key: str) -> int | None:
        if start is None:
            return None
        for n in range(start + 1, len(self.lines) + 1):
            line = self.lines[n - 1]
            if self._is_header(line):
                break
            if re.match(rf"\s*{re.escape(key)}\s*=", line):
                return n
        return start
