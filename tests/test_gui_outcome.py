"""The outcome table in the desktop app: the plan view's badge and the sessions list show
the outcome stored with each session, for every combination of check verdicts."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc

import pytest
from outcome_cases import build
from PySide6.QtCore import QCoreApplication, QEvent

from meterlab.gui.plan_view import PlanView
from meterlab.gui.plan_worker import EventKind, RunEvent
from meterlab.gui.sessions_view import COLUMNS, SessionsView
from meterlab.outcome import Outcome
from meterlab.plan import parse_plan
from meterlab.runner import CheckResult, RunResult
from meterlab.store import SessionStore

pytest_plugins = ("gui_fixtures",)


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    path = tmp_path_factory.mktemp("gui-table") / "s.sqlite"
    return path, build(path)


def _dispose(widget) -> None:
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_plan_view_badge_shows_the_stored_outcome(qtbot, table, gui_settings):
    path, cases = table
    view = PlanView(None, None, simulated=False, db_path=path, settings=gui_settings)
    view.show()
    try:
        with SessionStore(path) as store:
            for case in cases:
                info = store.session(case.session_id)
                plan = parse_plan(f'[plan]\nname = "{info.plan_name}"\n'
                                  + "".join(f'[[check]]\nid = "{c.check_id}"\n'
                                            'measure = "VOLT:DC"\nlimit = "<= 1 V"\n'
                                            for c in info.checks))
                run = RunResult(plan, [CheckResult(plan.check(r.check_id), verdict=r.verdict)
                                       for r in info.results], info.id)
                # What the plan worker posts when the layer has finished the session.
                view._on_event(RunEvent(EventKind.FINISHED, text="complete",
                                        outcome=info.outcome,
                                        data={"session": info.id, "run": run}))
                assert view.badge.outcome is Outcome(case.expected), case
                assert case.expected in view.badge.text()
                assert view.badge.outcome.symbol in view.badge.text()
    finally:
        _dispose(view)


def test_sessions_list_and_detail_show_the_stored_outcome(qtbot, table, gui_settings):
    path, cases = table
    view = SessionsView(path, settings=gui_settings)
    view.resize(1400, 860)
    view.show()
    try:
        qtbot.waitUntil(lambda: view.table.rowCount() == len(cases), timeout=10_000)
        id_col, out_col = COLUMNS.index("id"), COLUMNS.index("verdict")
        shown = {view.table.item(r, id_col).text(): view.table.item(r, out_col).text()
                 for r in range(view.table.rowCount())}
        for case in cases:
            assert shown[case.session_id[:8]].endswith(case.expected), case
        row = next(r for r in range(view.table.rowCount())
                   if view.table.item(r, id_col).text() == cases[-1].session_id[:8])
        with qtbot.waitSignal(view.opened, timeout=20_000):  # pandas may load first
            view.table.selectRow(row)
        assert cases[-1].expected in view.detail.header.text()
    finally:
        qtbot.wait(100)
        _dispose(view)
