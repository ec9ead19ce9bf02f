"""The main window talks to its tabs through one small interface (`views.View`)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ast
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

import meterlab.gui
from meterlab.gui.views import View

pytest_plugins = ("gui_fixtures",)


class Probe(QWidget, View):
    """A stand-in tab that records what the window asks of it."""

    news = Signal(str, str, int)
    runningChanged = Signal(bool)
    takes_run_keys = True

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def activate(self) -> None:
        self.calls.append("activate")

    def deactivate(self) -> None:
        self.calls.append("deactivate")

    def toggle_running(self) -> None:
        self.calls.append("F5")
        self.running = not self.running
        self.runningChanged.emit(self.running)

    def single(self) -> None:
        self.calls.append("F6")

    def shutdown(self) -> None:
        self.calls.append("shutdown")


def test_every_tab_is_a_view():
    from meterlab.gui.instruments_view import InstrumentsView
    from meterlab.gui.meter_view import MeterView
    from meterlab.gui.plan_view import PlanView
    from meterlab.gui.scope_view import ScopeView
    from meterlab.gui.sessions_view import SessionsView

    for cls in (MeterView, ScopeView, PlanView, SessionsView, InstrumentsView):
        assert issubclass(cls, View), cls
    assert ScopeView.takes_run_keys and not MeterView.takes_run_keys


def test_the_window_drives_tabs_through_the_interface(qtbot, window):
    probe = Probe()
    window.add_view("probe", "Probe", probe)
    window.show_view("probe")
    assert probe.calls == ["activate"]
    qtbot.keyClick(window, Qt.Key.Key_F5)  # F5 goes to the current tab that takes it
    assert probe.calls[-1] == "F5" and window.start_action.text() == "&Stop"
    assert not window.meter.running
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert probe.calls[-1] == "F6"
    window.show_view("meter")
    assert probe.calls[-1] == "deactivate"
    qtbot.keyClick(window, Qt.Key.Key_F5)  # elsewhere F5 drives the meter
    assert window.meter.running and probe.calls[-1] == "deactivate"
    window.close()
    assert probe.calls[-1] == "shutdown"
    assert not window.meter.running  # the meter let go of its source too


def test_no_view_imports_the_main_window_at_run_time():
    """Views get what they need handed in: no import cycle through the main window."""
    allowed = {"app.py", "main_window.py", "plan_screenshots.py"}
    offenders = []
    for path in Path(meterlab.gui.__file__).parent.glob("*.py"):
        if path.name in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        guarded = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.ImportFrom) and node.module == "meterlab.gui.main_window"
                    and id(node) not in guarded):
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders, offenders
