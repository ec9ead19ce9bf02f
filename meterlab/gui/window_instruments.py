"""The main window's side of the Instruments view: picking an instrument switches a view.

Picking a multimeter gives the meter view a new `InstrumentSource` (streaming
again if it was); picking an oscilloscope replaces the Scope tab's view by one on
that address (the simulated bench's scope gets the demo setup). Real addresses
are remembered (`Settings.dmm_resource` / `scope_resource`), simulated ones not:
their ports change every run. The in-process simulated bench stays up when the meter moves to
another instrument, because the scope (or a later pick) may still use it; the
window stops it on close.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from meterlab.gui.main_window import MainWindow

#: The meter source's description on the window's own bench (translated in context "Source").
SIMULATED_LABEL = "Simulated bench — connect a real instrument from Instruments"


def connect_view(window: MainWindow, view: Any) -> None:
    """Wire the Instruments view's picks to the window and show what is in use now."""
    view.use_dmm.connect(window.use_dmm)
    view.use_scope.connect(window.use_scope)
    res = window.resources()
    view.mark_in_use("dmm", res.dmm)
    view.mark_in_use("scope", res.scope)


def is_simulated(window: MainWindow, resource: str) -> bool:
    bench = window.bench()
    return bench is not None and resource in (bench.dmm_resource, bench.scope_resource)


def backend_for(window: MainWindow, resource: str) -> str | None:
    """The VISA backend for `resource`: pyvisa-py for the bench, else the one chosen for it."""
    if is_simulated(window, resource):
        return "@py"
    view = window.views.get("instruments")
    if view is not None and hasattr(view, "backend_for"):
        return view.backend_for(resource)  # type: ignore[no-any-return]
    return None


def use_dmm(window: MainWindow, resource: str) -> None:
    from meterlab.gui.instrument_source import InstrumentSource

    meter = window.meter
    if meter is None or not resource:
        return
    current = meter.source
    if getattr(current, "resource", None) == resource:
        instruments_changed(window)
        return
    simulated = is_simulated(window, resource)
    if getattr(current, "bench", None) is not None and hasattr(current, "release_bench"):
        window.keep_bench(current.release_bench())  # the scope may still use it
    was_running = meter.running
    window.set_source(InstrumentSource(resource, backend=backend_for(window, resource),
                                       simulated=simulated,
                                       label=SIMULATED_LABEL if simulated else ""))
    if not simulated:
        window.settings.dmm_resource = resource
    if was_running:
        meter.start()
    instruments_changed(window)


def use_scope(window: MainWindow, resource: str) -> None:
    from meterlab.gui.scope_view import DEMO_SETUP, ScopeView

    if not resource:
        return
    simulated = is_simulated(window, resource)
    window.scope_pick = resource
    if not simulated:
        window.settings.scope_resource = resource
    old: QWidget | None = window.views.get("scope")
    if getattr(old, "resource", None) == resource:
        instruments_changed(window)
        return
    new = ScopeView(resource, backend=backend_for(window, resource), settings=window.settings,
                    initial=DEMO_SETUP if simulated else None)
    title = QCoreApplication.translate("Views", "Scope")
    if old is None:
        window.add_view("scope", title, new)
    else:
        current = window.tabs.currentWidget() is old
        index = window.tabs.indexOf(old)
        old.shutdown()  # type: ignore[attr-defined]
        window.tabs.removeTab(index)
        window.tabs.insertTab(index, new, title)
        window.views["scope"] = new
        window.watch_running(new)
        if current:
            window.tabs.setCurrentWidget(new)
        old.deleteLater()
    window.connect_news(new)
    instruments_changed(window)


def instruments_changed(window: MainWindow) -> None:
    """Tell the views that show which instruments are used (instruments, plan runner)."""
    res = window.resources()
    view = window.views.get("instruments")
    if view is not None and hasattr(view, "mark_in_use"):
        view.mark_in_use("dmm", res.dmm)
        view.mark_in_use("scope", res.scope)
    plan = window.views.get("plan")
    if plan is not None and hasattr(plan, "set_instruments"):
        plan.set_instruments(res.dmm, res.scope, simulated=res.simulated)
