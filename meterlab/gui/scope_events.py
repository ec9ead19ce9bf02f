"""What crosses the scope worker's thread boundary, as types rather than strings.

Commands go from the view (and its controls) to `ScopeWorker.post`; events come
back through the worker's mailbox and are taken on the view's frame timer. Each
is a small frozen dataclass, so a misspelt kind is an import error instead of a
message silently ignored, and a payload has named, typed fields instead of a
dict whose keys the reader must guess. `ScopeState` and `Frame` are the two
pictures of the scope that travel with them.

Qt-free, like the worker.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from meterlab.gui.scope_decode import Decoded, DecodeSettings


@dataclass(frozen=True, slots=True)
class ScopeState:
    """What the scope says it is set to (read back after every change)."""

    channels: tuple[Any, ...]  # ChannelSetup per analog channel, CH1 first
    timebase: Any  # TimebaseSetup
    trigger: Any  # TriggerSetup
    logic: bool
    lines: tuple[int, ...]  # digital lines the view shows
    memory_depth: int
    memory_depths: tuple[int, ...]
    digital_channels: int
    identity: str


@dataclass(slots=True)
class Frame:
    """One record as the view draws it: traces, logic lines, measurements, decodes."""

    seq: int
    waveforms: dict[str, Any]  # "CH1" → Waveform, displayed channels only
    digital: Any | None  # DigitalCapture of the shown lines, or None
    status: str  # trigger status when the frame was taken (TD, WAIT, AUTO, STOP)
    measure_source: str
    measurements: dict[str, float]
    decoded: Decoded
    deep: bool = False
    capture: Any | None = None  # the deep capture (capture_io.Capture) to save


# == commands: view → worker =============================================================
@dataclass(frozen=True, slots=True)
class Run:
    """Take frames continuously (the scope runs between frames)."""


@dataclass(frozen=True, slots=True)
class Stop:
    pass


@dataclass(frozen=True, slots=True)
class Single:
    """Arm one acquisition; one frame once it has triggered."""


@dataclass(frozen=True, slots=True)
class Force:
    """Force a trigger."""


@dataclass(frozen=True, slots=True)
class DeepCapture:
    """Stop and read the whole memory of the shown channels and lines."""


@dataclass(frozen=True, slots=True)
class TakeScreenshot:
    pass


def _given(command: Any) -> dict[str, Any]:
    """The fields of a setter command that were given (None leaves a knob as it is)."""
    return {k: v for k, v in asdict(command).items() if v is not None}


@dataclass(frozen=True, slots=True)
class SetChannel:
    channel: int
    scale: float | None = None
    offset: float | None = None
    coupling: str | None = None
    probe: float | None = None
    display: bool | None = None

    def apply(self, scope: Any) -> None:
        given = _given(self)
        scope.set_channel(given.pop("channel"), **given)


@dataclass(frozen=True, slots=True)
class SetTimebase:
    scale: float | None = None
    offset: float | None = None

    def apply(self, scope: Any) -> None:
        scope.set_timebase(**_given(self))


@dataclass(frozen=True, slots=True)
class SetTrigger:
    source: str | None = None
    level: float | None = None
    slope: str | None = None
    sweep: str | None = None

    def apply(self, scope: Any) -> None:
        scope.set_edge_trigger(**_given(self))


@dataclass(frozen=True, slots=True)
class SetLogic:
    enabled: bool
    lines: tuple[int, ...] = ()

    def apply(self, scope: Any) -> None:
        scope.set_logic(self.enabled, self.lines)


@dataclass(frozen=True, slots=True)
class SetMemoryDepth:
    depth: int | None  # None: the scope's automatic depth

    def apply(self, scope: Any) -> None:
        scope.set_memory_depth(self.depth)


#: Commands that change the scope's setup; the worker reads the setup back after them.
Setter = SetChannel | SetTimebase | SetTrigger | SetLogic | SetMemoryDepth


@dataclass(frozen=True, slots=True)
class ShowLines:
    """The logic lines the view shows (the worker's own choice; no SCPI)."""

    lines: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class MeasureOn:
    """The channel the automatic measurements are taken on (no SCPI)."""

    source: str


@dataclass(frozen=True, slots=True)
class DecodeWith:
    """How the logic lines are decoded (no SCPI)."""

    settings: DecodeSettings


#: Commands the worker applies on its own side, also while the scope is not answering.
Local = ShowLines | MeasureOn | DecodeWith
ScopeCommand = Run | Stop | Single | Force | DeepCapture | TakeScreenshot | Setter | Local


# == events: worker → view ===============================================================
@dataclass(frozen=True, slots=True)
class StateRead:
    """The setup as the scope reports it, after connecting and after every change."""

    state: ScopeState


@dataclass(frozen=True, slots=True)
class Connected:
    identity: str  # maker, model (serial)


@dataclass(frozen=True, slots=True)
class Lost:
    detail: str
    before: bool  # True: it had answered before; False: it never answered yet


@dataclass(frozen=True, slots=True)
class Restored:
    identity: str


@dataclass(frozen=True, slots=True)
class NotAScope:
    """Something answers at the address, but not a scope meterlab knows (no retry)."""

    message: str


@dataclass(frozen=True, slots=True)
class Problem:
    """A refused setting or a failed exchange, in words; the worker goes on.

    `failed` names the command that did not complete (DeepCapture,
    TakeScreenshot), so the view can enable its button again.
    """

    message: str
    failed: type | None = None


@dataclass(frozen=True, slots=True)
class Offline:
    """A command that needs the scope arrived while it is not answering."""

    command: type


@dataclass(frozen=True, slots=True)
class NothingToCapture:
    """A deep capture with no channel or logic line shown."""


@dataclass(frozen=True, slots=True)
class Progress:
    part: str  # the channel being read ("" at the start and the end)
    fraction: float  # 0…1 of the whole capture


@dataclass(frozen=True, slots=True)
class DeepCaptured:
    frame: Frame


@dataclass(frozen=True, slots=True)
class ScreenshotTaken:
    data: bytes


@dataclass(frozen=True, slots=True)
class Stopped:
    """The worker stopped taking frames by itself (after Single or a deep capture)."""


@dataclass(frozen=True, slots=True)
class TriggerStatus:
    status: str  # WAIT while Single waits for its trigger


ScopeEvent = (StateRead | Connected | Lost | Restored | NotAScope | Problem | Offline
              | NothingToCapture | Progress | DeepCaptured | ScreenshotTaken | Stopped
              | TriggerStatus)
