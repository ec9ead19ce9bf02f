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


def _plan_view(window: MainWindow) -> QWidget:
    from meterlab.gui.plan_view import PlanView

    res = window.resources()
    return PlanView(res.dmm, res.scope, simulated=res.simulated, backend=res.backend,
                    settings=window.settings)


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("plan", QT_TRANSLATE_NOOP("Views", "Plan runner"), _plan_view),
)
