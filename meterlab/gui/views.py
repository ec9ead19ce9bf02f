"""The one small interface every tab implements, and the views added beside the meter.

`View` is what the main window asks of a tab: it is told when it becomes the
current tab and when it stops being it, what F5 (start/stop) and F6 (single)
do while it is current, and to let go of its threads and instruments when the
window closes. The window knows nothing else about a view, so a new view plugs
in without touching the window. A view is a `QWidget` that also inherits
`View` (`class ScopeView(QWidget, View)`) and overrides what it needs; it may
carry a `news(text, level, timeout_ms)` signal, wired to the banner, and a
`runningChanged(bool)` signal.

The views after the meter are created after the first paint. Each `ViewSpec`
names a tab and a factory `create(window) -> View`. Factories import their
module only when called, so the window is on screen before their imports. To
add a view, write its factory here and append one `ViewSpec`; nothing else
changes. A view that fails to build is reported in the banner and left out:
the rest of the window keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from meterlab.gui.main_window import MainWindow


class View:
    """What the main window asks of each tab (a mixin beside QWidget; defaults do nothing)."""

    #: F5/F6 drive this view while it is the current tab; otherwise they drive the meter.
    takes_run_keys: bool = False
    #: True while F5 would stop rather than start (an attribute or a property).
    running: bool = False

    def activate(self) -> None:
        """The tab became the current one."""

    def deactivate(self) -> None:
        """Another tab became the current one."""

    def toggle_running(self) -> None:
        """F5, while this is the current tab and it `takes_run_keys`."""

    def single(self) -> None:
        """F6, likewise: one reading, one frame."""

    def shutdown(self) -> None:
        """The window closes: stop timers and threads, close connections (do not block)."""


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str  # marked with QT_TRANSLATE_NOOP("Views", …), translated when shown
    create: Callable[[MainWindow], QWidget]  # a QWidget that is also a `View`
    #: The view's `runningChanged(bool)` means "I hold the instruments": the live
    #: meter lets go meanwhile (one client per instrument) and resumes afterwards.
    pauses_meter: bool = False


def _plan_view(window: MainWindow) -> QWidget:
    from meterlab.gui.plan_view import PlanView

    res = window.resources()
    return PlanView(res.dmm, res.scope, simulated=res.simulated, backend=res.backend,
                    settings=window.settings, db_path=window.db_path)


def _scope_view(window: MainWindow) -> QWidget:
    from meterlab.gui.scope_view import DEMO_SETUP, ScopeView

    res = window.resources()
    # The demo shows the board at a glance: four traces and the UART lane at once.
    return ScopeView(res.scope, backend=res.backend, settings=window.settings,
                     initial=DEMO_SETUP if res.simulated else None)


def _sessions_view(window: MainWindow) -> QWidget:
    from meterlab.gui.sessions_view import SessionsView

    return SessionsView(db_path=window.db_path, settings=window.settings)


def _instruments_view(window: MainWindow) -> QWidget:
    from meterlab.gui.instruments_view import InstrumentsView

    res = window.resources()
    simulated = {"dmm": res.dmm, "scope": res.scope} if res.simulated and res.dmm else None
    return InstrumentsView(backend=res.backend, settings=window.settings,
                           simulated=simulated)  # type: ignore[arg-type]


def _training_view(window: MainWindow) -> QWidget:
    from meterlab.gui.training_view import TrainingView

    bench = window.bench()
    res = window.resources()
    # without the simulated bench: the instruments the window is connected to, a real board
    real = None if bench is not None or res.simulated else (res.dmm, res.scope)
    return TrainingView(bench, db_path=window.db_path, real=real, backend=res.backend)


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("scope", QT_TRANSLATE_NOOP("Views", "Scope"), _scope_view),
    ViewSpec("plan", QT_TRANSLATE_NOOP("Views", "Plan runner"), _plan_view, pauses_meter=True),
    ViewSpec("sessions", QT_TRANSLATE_NOOP("Views", "Sessions"), _sessions_view),
    ViewSpec("instruments", QT_TRANSLATE_NOOP("Views", "Instruments"), _instruments_view),
    ViewSpec("training", QT_TRANSLATE_NOOP("Views", "Training"), _training_view),
)
