"""The views the main window adds beside the meter, created after the first paint.

Each entry names a tab and a factory `create(window) -> QWidget`. Factories
import their module only when called, so the window is on screen before
their imports. A view with a `news(text, level, timeout_ms)` signal is wired
to the banner. To add a view (scope, sessions, instruments + SCPI console),
write its factory here and append one `ViewSpec`; nothing else changes.
A view that fails to build is reported in the banner and left out: the rest
of the window keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from meterlab.gui.main_window import MainWindow


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str  # marked with QT_TRANSLATE_NOOP("Views", …), translated when shown
    create: Callable[[MainWindow], QWidget]
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


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("scope", QT_TRANSLATE_NOOP("Views", "Scope"), _scope_view),
    ViewSpec("plan", QT_TRANSLATE_NOOP("Views", "Plan runner"), _plan_view, pauses_meter=True),
    ViewSpec("sessions", QT_TRANSLATE_NOOP("Views", "Sessions"), _sessions_view),
    ViewSpec("instruments", QT_TRANSLATE_NOOP("Views", "Instruments"), _instruments_view),
)

#: Methods a view may offer to let go of its instruments and threads on window close.
SHUTDOWN_METHODS: tuple[str, ...] = ("shutdown", "close_all")
