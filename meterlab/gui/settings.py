"""Everything the desktop app remembers between runs, as one typed object.

Each setting is declared once below: its QSettings key, its type and its
default. Views read and write attributes (`settings.operator = "Ana"`), never
keys, so a key cannot be misspelt in one module and a value cannot be read as
a different type than it was written. Nothing else in the GUI names a key.

Stored values written by earlier releases still read correctly: booleans were
stored as Python bools (INI "true"), as the strings "true"/"false", and by
some platforms' native stores as 1/0; all of them read as a bool here, and every
boolean is written back as a bool. A stored value that does not parse (edited
by hand, from another version) reads as the default rather than failing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

from meterlab.bench.meter_choice import SAVED_METER_KEY, SETTINGS_NAME, SETTINGS_OWNER

T = TypeVar("T")

_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off", ""})


def as_bool(raw: object, default: bool) -> bool:
    """A stored boolean in any of the forms it was ever written in."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float):
        return raw != 0
    if isinstance(raw, str | bytes):
        text = (raw.decode("latin-1") if isinstance(raw, bytes) else raw).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    return default


class _Key(Generic[T]):
    """One stored setting: the key, the default, and how a stored value is read back."""

    def __init__(self, key: str, default: T) -> None:
        self.key = key
        self.default = default

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> _Key[T]: ...
    @overload
    def __get__(self, obj: Settings, owner: type) -> T: ...
    def __get__(self, obj: Settings | None, owner: type) -> Any:
        if obj is None:
            return self
        raw = obj.store.value(self.key)
        if raw is None:
            return self.default
        try:
            return self.load(raw)
        except (TypeError, ValueError):
            return self.default

    def __set__(self, obj: Settings, value: T) -> None:
        obj.store.setValue(self.key, self.dump(value))

    def load(self, raw: Any) -> T:
        raise NotImplementedError

    def dump(self, value: T) -> Any:
        return value


class _Text(_Key[str]):
    def __init__(self, key: str, default: str = "") -> None:
        super().__init__(key, default)

    def load(self, raw: Any) -> str:
        return str(raw)

    def dump(self, value: str) -> str:
        return str(value)


class _Flag(_Key[bool]):
    def load(self, raw: Any) -> bool:
        return as_bool(raw, self.default)

    def dump(self, value: bool) -> bool:
        return bool(value)


class _Number(_Key[float]):
    def load(self, raw: Any) -> float:
        return float(raw)

    def dump(self, value: float) -> float:
        return float(value)


class _OptionalNumber(_Key["float | None"]):
    """A number or nothing (the meter's range: None is auto). Stored as text, "" for None."""

    def __init__(self, key: str) -> None:
        super().__init__(key, None)

    def load(self, raw: Any) -> float | None:
        text = str(raw).strip()
        return float(text) if text else None

    def dump(self, value: float | None) -> str:
        return "" if value is None else repr(float(value))


class _Folder(_Key[Path]):
    """A folder a file dialog opens in; the home folder until one was chosen."""

    def __init__(self, key: str) -> None:
        super().__init__(key, Path.home())

    def load(self, raw: Any) -> Path:
        return Path(str(raw)) if str(raw) else Path.home()

    def dump(self, value: Path) -> str:
        return str(value)


class _Lines(_Key["tuple[int, ...] | None"]):
    """Logic lines as "0,1,3"; None until the user has chosen (the view's default)."""

    def __init__(self, key: str) -> None:
        super().__init__(key, None)

    def load(self, raw: Any) -> tuple[int, ...] | None:
        text = str(raw).strip()
        if not text:
            return None
        return tuple(int(p) for p in text.split(",") if p.strip())

    def dump(self, value: tuple[int, ...] | None) -> str:
        return "" if value is None else ",".join(str(int(n)) for n in value)


class _TextList(_Key["list[str]"]):
    def __init__(self, key: str) -> None:
        super().__init__(key, [])

    def __get__(self, obj: Settings | None, owner: type) -> Any:
        value = super().__get__(obj, owner)
        return list(value) if obj is not None else value  # never the shared default

    def load(self, raw: Any) -> list[str]:
        if isinstance(raw, str):  # a one-element list comes back from INI as a string
            return [raw] if raw else []
        return [str(x) for x in raw]

    def dump(self, value: list[str]) -> list[str]:
        return [str(x) for x in value]


class _TextMap(_Key["dict[str, str]"]):
    def __init__(self, key: str) -> None:
        super().__init__(key, {})

    def __get__(self, obj: Settings | None, owner: type) -> Any:
        value = super().__get__(obj, owner)
        return dict(value) if obj is not None else value

    def load(self, raw: Any) -> dict[str, str]:
        if not isinstance(raw, dict):
            raise TypeError("not a map")
        return {str(k): str(v) for k, v in raw.items()}

    def dump(self, value: dict[str, str]) -> dict[str, str]:
        return {str(k): str(v) for k, v in value.items()}


class _Blob(_Key["QByteArray | None"]):
    """Opaque Qt state (window geometry, splitter sizes); None until saved."""

    def __init__(self, key: str) -> None:
        super().__init__(key, None)

    def load(self, raw: Any) -> QByteArray | None:
        if isinstance(raw, QByteArray):
            return raw
        if isinstance(raw, bytes):
            return QByteArray(raw)
        raise TypeError("not Qt state")


def default_store() -> QSettings:
    """The user's own settings (per OS: registry, plist or ~/.config/meterlab)."""
    return QSettings(SETTINGS_OWNER, SETTINGS_NAME)


class Settings:
    """The app's remembered state over one QSettings store (the user's by default).

    Tests, screenshots and benchmarks hand in a QSettings on an INI file of their own.
    """

    # -- instruments and the person at the bench -----------------------------------------
    dmm_resource = _Text(SAVED_METER_KEY)  # a real meter's address, offered next start
    scope_resource = _Text("resources/scope")
    operator = _Text("operator")  # shared by the meter's session log and the plan runner
    language = _Text("ui/language")  # "" = the system language
    sound_on_fail = _Flag("meter/sound_on_fail", False)

    # -- the window ------------------------------------------------------------------------
    window_geometry = _Blob("window/geometry")
    window_state = _Blob("window/state")
    window_tab = _Text("window/tab")
    export_dir = _Folder("export/dir")  # Ctrl+E: the meter's readings as CSV

    # -- the meter view ------------------------------------------------------------------
    meter_function = _Text("meter/function", "VOLT:DC")
    meter_range = _OptionalNumber("meter/range")  # None: autorange
    meter_nplc = _Number("meter/nplc", 1.0)
    meter_trigger = _Text("meter/trigger", "IMM")
    meter_limit = _Text("meter/limit")
    meter_splitter = _Blob("meter/splitter")
    dut_serial = _Text("meter/dut_serial")

    # -- the plan runner -------------------------------------------------------------------
    last_plan = _Text("plan/last")
    plan_dir = _Folder("plan/dir")
    plan_step = _Flag("plan/step", False)

    # -- the scope view --------------------------------------------------------------------
    scope_lines = _Lines("scope/lines")
    scope_baud = _Number("scope/baud", 0.0)  # 0: decode UART at the detected rate
    scope_i2c = _Flag("scope/i2c", True)
    scope_uart = _Flag("scope/uart", True)
    scope_save_dir = _Folder("scope/save_dir")
    scope_measure_source = _Text("scope/measure_source")
    scope_limits = _TextMap("scope/limits")
    scope_splitter = _Blob("scope/splitter")
    scope_plots = _Blob("scope/plots")

    # -- the sessions view and the SCPI console ------------------------------------------
    sessions_export_dir = _Folder("sessions/export_dir")
    sessions_export_format = _Text("sessions/export_format", "csv")
    console_history = _TextList("console/history")

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else default_store()

    @classmethod
    def wrap(cls, settings: Settings | QSettings | None) -> Settings:
        """A `Settings` for what a caller handed in (None: the user's own store)."""
        return settings if isinstance(settings, Settings) else cls(settings)

    @classmethod
    def fields(cls) -> dict[str, _Key[Any]]:
        """Every declared setting by attribute name (tests walk them all)."""
        return {name: v for name, v in vars(cls).items() if isinstance(v, _Key)}

    def sync(self) -> None:
        self.store.sync()
