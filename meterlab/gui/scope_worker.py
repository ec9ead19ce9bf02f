"""The scope view's acquisition thread: every SCPI exchange happens here, never on the GUI thread.

`ScopeWorker` owns the `Oscilloscope`. The view posts commands (setup changes,
run/stop/single, deep capture, screenshot) into a queue; the worker applies them
between frames and publishes two things back:

* the *latest* frame only (`take_frame()`): the view redraws on its own timer,
  so a slow redraw never piles frames up and a fast scope never floods the GUI;
* typed events (`take_events()`, from a `Mailbox`): setup read back from the
  scope, progress, news (lost / answers again / refused setting), finished deep
  captures. Commands and events are the dataclasses of `scope_events`.

One frame in Run mode is "stop, read every displayed trace and logic line, run":
stopping first makes all channels of a frame come from one acquisition (a Rigol
read while running would give every channel its own trigger), which is what
lets I²C be decoded from two lines and cursors compare channels.

Qt-free on purpose: it can be driven and tested without a display, and the GUI
drains it from a QTimer.
"""

from __future__ import annotations

import contextlib
import math
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from meterlab.errors import (
    ConnectionLost,
    FileFormatError,
    InstrumentError,
    MeterlabError,
    NoProfile,
)
from meterlab.gui import scope_events as ev
from meterlab.gui.mailbox import Mailbox
from meterlab.gui.scope_decode import DecodeSettings, decode_capture
from meterlab.gui.scope_events import Frame, ScopeCommand, ScopeEvent, ScopeState

#: Automatic measurements offered in the view, by the driver's generic names.
MEASURE_ITEMS: tuple[str, ...] = ("VPP", "VRMS", "FREQ", "PDUT", "RTIM")
#: Shortest time between two Run frames (seconds): ~8 frames/s keeps the bench
#: responsive without loading a shared 2-core machine.
MIN_FRAME_S = 0.12
#: Reconnect back-off (seconds): quick at first, then patient.
BACKOFF_S = (0.5, 1.0, 2.0, 4.0, 5.0)
#: Reply timeout while taking frames. A frame's replies are small (1200 points, a
#: measurement), so a scope silent for 2 s is gone; the driver lengthens it itself
#: for screenshots. A lost link is then reported in ~2 s, not after the profile's 5 s.
LIVE_TIMEOUT_MS = 2000


@dataclass(slots=True)
class _Wanted:
    """What the view wants the worker to do, as opposed to what the scope says it does."""

    mode: str = "stop"  # run, stop, single
    lines: tuple[int, ...] = ()
    measure_source: str = "CH1"
    decode: DecodeSettings = field(default_factory=DecodeSettings)


class ScopeWorker:
    """Runs the scope at `resource` on its own thread; all methods are thread-safe.

    `opener(resource, backend)` returns an `Oscilloscope` (the default opens it
    through `Oscilloscope.open`); `initial` is a callable applied to the freshly
    opened scope once, e.g. the demo bench's setup.
    """

    def __init__(
        self,
        resource: str,
        backend: str | None = None,
        *,
        opener: Callable[[str, str | None], Any] | None = None,
        initial: Callable[[Any], None] | None = None,
        lines: tuple[int, ...] = (),
    ) -> None:
        self.resource = resource
        self.backend = backend
        self._opener = opener or _open_scope
        self._initial = initial
        self._commands: queue.Queue[ScopeCommand | None] = queue.Queue()  # None: wake up
        self._lock = threading.Lock()
        self._frame: Frame | None = None
        self._events: Mailbox[ScopeEvent] = Mailbox(maxlen=500)
        self._quit = threading.Event()
        self._wanted = _Wanted(lines=tuple(lines))
        self._scope: Any = None
        self._seq = 0
        self._lost = False
        self._ever_connected = False
        self._fatal = False
        self.frames_taken = 0
        self._thread = threading.Thread(target=self._main, name="scope-worker", daemon=True)

    # -- GUI side ------------------------------------------------------------------------
    def start(self) -> ScopeWorker:
        self._thread.start()
        return self

    def close(self, timeout_s: float = 5.0) -> None:
        """Stop the thread and close the connection (the scope itself keeps running)."""
        self._quit.set()
        self._commands.put(None)
        if self._thread.is_alive():
            self._thread.join(timeout_s)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def post(self, command: ScopeCommand) -> None:
        """Queue a command (one of `scope_events`); it is applied between frames."""
        self._commands.put(command)

    def take_frame(self) -> Frame | None:
        """The newest frame since the last call, or None (older ones are dropped)."""
        with self._lock:
            frame, self._frame = self._frame, None
        return frame

    def take_events(self) -> list[ScopeEvent]:
        return self._events.take_all()

    # -- worker side ---------------------------------------------------------------------
    def _emit(self, event: ScopeEvent) -> None:
        self._events.put(event)

    def _publish(self, frame: Frame) -> None:
        with self._lock:
            self._frame = frame
        self.frames_taken += 1

    def _main(self) -> None:
        attempt = 0
        while not self._quit.is_set():
            if self._fatal:
                self._quit.wait(0.5)
                continue
            if self._scope is None:
                if self._connect():
                    attempt = 0
                else:
                    delay = BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)]
                    attempt += 1
                    self._drain_while_lost()
                    self._quit.wait(delay)
                    continue
            try:
                self._step()
            except ConnectionLost as exc:
                self._on_lost(exc)
            except InstrumentError as exc:
                # A scope that does not answer in time is as good as gone; reconnecting
                # is also the cure for a reply stream that has lost its footing.
                self._on_lost(exc)
            except Exception as exc:
                self._emit(ev.Problem(f"{type(exc).__name__}: {exc}"))
                self._quit.wait(0.5)
        self._disconnect()

    def _connect(self) -> bool:
        try:
            scope = self._opener(self.resource, self.backend)
        except WrongInstrument as exc:
            self._fatal = True
            self._emit(ev.NotAScope(str(exc)))
            return False
        except MeterlabError as exc:
            self._note_lost(str(exc))
            return False
        except Exception as exc:
            self._note_lost(f"{type(exc).__name__}: {exc}")
            return False
        self._scope = scope
        try:
            if scope.conn.timeout_ms > LIVE_TIMEOUT_MS:
                scope.conn.timeout_ms = LIVE_TIMEOUT_MS
            if self._initial is not None and not self._ever_connected:
                try:
                    self._initial(scope)
                except ConnectionLost:
                    raise
                except MeterlabError as exc:  # a refused setting: keep the rest, say so
                    self._emit(ev.Problem(str(exc)))
            self._publish_state()
        except MeterlabError as exc:
            self._disconnect()
            self._note_lost(str(exc))
            return False
        if not self._ever_connected:
            self._ever_connected = True
            self._emit(ev.Connected(self._identity()))
        if self._lost:
            self._lost = False
            self._emit(ev.Restored(self._identity()))
        return True

    def _note_lost(self, detail: str) -> None:
        if not self._lost:
            self._lost = True
            self._emit(ev.Lost(detail, before=self._ever_connected))

    def _on_lost(self, exc: BaseException) -> None:
        self._disconnect()
        self._note_lost(str(exc))

    def _disconnect(self) -> None:
        scope, self._scope = self._scope, None
        if scope is not None:
            with contextlib.suppress(Exception):  # closing a dead link may fail: nothing to keep
                scope.close()

    def _drain_while_lost(self) -> None:
        """Keep mode changes while disconnected; refuse instrument work politely."""
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            if isinstance(command, ev.Run | ev.Stop | ev.Single):
                self._wanted.mode = "run" if isinstance(command, ev.Run) else "stop"
            elif isinstance(command, ev.Local):
                self._apply_local(command)
            elif isinstance(command, ev.DeepCapture | ev.TakeScreenshot):
                self._emit(ev.Offline(type(command)))

    def _identity(self) -> str:
        idn = self._scope.conn.idn
        who = f"{idn.maker} {idn.model}"
        return who + (f" ({idn.serial})" if idn.serial else "")

    def _publish_state(self) -> None:
        s = self._scope
        chans = tuple(s.channel(n) for n in range(1, s.channels + 1))
        logic = bool(s.digital_channels) and s.logic_enabled()
        try:
            depth = s.memory_depth()
        except MeterlabError:
            depth = 0
        state = ScopeState(chans, s.timebase(), s.trigger(), logic, self._wanted.lines,
                           depth, tuple(s.spec.memory_depths), s.digital_channels,
                           self._identity())
        self._state = state
        self._emit(ev.StateRead(state))

    # -- one turn of the loop -------------------------------------------------------------
    def _step(self) -> None:
        mode = self._wanted.mode
        block = mode != "run"
        changed = self._do_commands(block=block)
        mode = self._wanted.mode
        if self._quit.is_set() or self._scope is None:
            return
        if changed:
            self._publish_state()
        if mode == "run":
            t = time.monotonic()
            self._frame_once(running=True)
            rest = MIN_FRAME_S - (time.monotonic() - t)
            if rest > 0:
                self._quit.wait(rest)
        elif mode == "single":
            self._single()

    def _do_commands(self, *, block: bool) -> bool:
        """Apply queued commands; True if the scope's setup changed."""
        changed = False
        first = True
        while not self._quit.is_set():
            try:
                if block and first:
                    command = self._commands.get(timeout=0.25)
                else:
                    command = self._commands.get_nowait()
            except queue.Empty:
                return changed
            first = False
            if command is not None:
                changed |= self._command(command)
        return changed

    def _command(self, command: ScopeCommand) -> bool:
        """Apply one command; True if the scope's setup (or the lines shown) changed."""
        s = self._scope
        if isinstance(command, ev.Local):
            self._apply_local(command)
            return isinstance(command, ev.ShowLines)
        if isinstance(command, ev.Run):
            self._wanted.mode = "run"
            s.run()
        elif isinstance(command, ev.Stop):
            self._wanted.mode = "stop"
            s.stop()
        elif isinstance(command, ev.Single):
            self._wanted.mode = "single"
        elif isinstance(command, ev.Force):
            s.force()
        elif isinstance(command, ev.DeepCapture | ev.TakeScreenshot):
            try:
                if isinstance(command, ev.DeepCapture):
                    self._deep_capture()
                else:
                    self._emit(ev.ScreenshotTaken(s.screenshot()))
            except ConnectionLost:
                raise
            except MeterlabError as exc:  # e.g. a model without screenshots: say so, go on
                self._emit(ev.Problem(str(exc), failed=type(command)))
        else:
            try:
                command.apply(s)
            except ConnectionLost:
                raise
            except MeterlabError as exc:  # a refused setting: say so, keep going
                self._emit(ev.Problem(str(exc)))
            return True
        return False

    def _apply_local(self, command: ev.ShowLines | ev.MeasureOn | ev.DecodeWith) -> None:
        if isinstance(command, ev.ShowLines):
            self._wanted.lines = tuple(sorted(set(command.lines)))
        elif isinstance(command, ev.MeasureOn):
            self._wanted.measure_source = command.source
        else:
            self._wanted.decode = command.settings

    def _single(self) -> None:
        s = self._scope
        sweep = s.trigger().sweep
        s.single()
        self._emit(ev.TriggerStatus("WAIT"))
        while not self._quit.is_set():
            status = s.trigger_status()
            if status == "STOP":
                break
            # Stay responsive while the trigger waits: Stop, Force or a new setup.
            self._do_commands(block=False)
            if self._wanted.mode != "single":
                return
            self._quit.wait(0.05)
        self._frame_once(running=False)
        if sweep != "SINGLE":  # Single is one shot, not a new standing sweep mode
            s.set_edge_trigger(sweep=sweep)
            self._publish_state()
        self._wanted.mode = "stop"
        self._emit(ev.Stopped())

    def _frame_once(self, *, running: bool) -> None:
        s = self._scope
        status = s.trigger_status()
        if running:
            s.stop()  # freeze one acquisition so every channel comes from it
        try:
            state = self._state
            waves = {}
            for ch in state.channels:
                if ch.display:
                    waves[f"CH{ch.channel}"] = s.read_waveform(f"CH{ch.channel}")
            digital = None
            lines = [n for n in self._wanted.lines if n < state.digital_channels]
            if state.logic and lines:
                digital = s.read_digital(lines)
            src = self._wanted.measure_source
            meas = {}
            if src in waves:
                for item in MEASURE_ITEMS:
                    meas[item] = s.measure(item, src)
        finally:
            if running and self._wanted.mode == "run":
                s.run()
        decoded = decode_capture(digital, self._wanted.decode)
        self._seq += 1
        self._publish(Frame(self._seq, waves, digital, status, src, meas, decoded))

    def _deep_capture(self) -> None:
        """Stop, read the whole memory of every displayed channel with progress, decode it."""
        s = self._scope
        state = self._state
        analog = [f"CH{c.channel}" for c in state.channels if c.display]
        lines = [n for n in self._wanted.lines if n < state.digital_channels]
        digital = lines if state.logic else []
        parts = len(analog) + (1 if digital else 0)
        if parts == 0:
            self._emit(ev.NothingToCapture())
            return
        self._wanted.mode = "stop"
        self._emit(ev.Stopped())
        done_parts = [0]
        last = [0.0]

        def progress_for(name: str) -> Callable[[int, int], None]:
            index = done_parts[0]
            done_parts[0] += 1

            def cb(done: int, total: int) -> None:
                now = time.monotonic()
                if now - last[0] < 0.05 and done < total:
                    return
                last[0] = now
                frac = (index + (done / total if total else 1.0)) / parts
                self._emit(ev.Progress(name, frac))

            return cb

        self._emit(ev.Progress("", 0.0))
        try:
            cap = s.capture(analog, digital, "memory", None, progress_for)
        except MeterlabError as exc:
            keep = getattr(exc, "capture", None)
            if keep is None or isinstance(exc, ConnectionLost):
                raise
            cap = keep  # what arrived before the break is kept and shown
            self._emit(ev.Problem(str(exc)))
        meas = {}
        src = self._wanted.measure_source
        if src in analog:
            for item in MEASURE_ITEMS:
                meas[item] = s.measure(item, src)
        waves = {w.source: w for w in cap.waveforms}
        for w in waves.values():
            _ = w.t  # build the time axis here: 24 Mpts of it would stall the GUI thread
        decoded = decode_capture(cap.digital, self._wanted.decode)
        self._seq += 1
        self._emit(ev.Progress("", 1.0))
        frame = Frame(self._seq, waves, cap.digital, s.trigger_status(), src, meas, decoded,
                      deep=True, capture=cap)
        self._publish(frame)
        self._emit(ev.DeepCaptured(frame))


class WrongInstrument(MeterlabError):
    """Something answers at the address, but it is not an oscilloscope meterlab knows."""


def _open_scope(resource: str, backend: str | None) -> Any:
    """The layer's `open_scope`, telling "nothing answers" (worth retrying) from "the wrong
    instrument answers" (retrying will not help; the address is wrong)."""
    from meterlab.bench.instruments import open_scope

    try:
        return open_scope(resource, backend=backend)
    except (NoProfile, FileFormatError) as exc:  # no profile, or a broken profile file
        raise WrongInstrument(str(exc)) from None


def finite(x: float) -> bool:
    return x is not None and math.isfinite(x)
