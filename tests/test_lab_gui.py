"""The desktop app's sessions list marks each session that reached the lab database
(forwarded by `meterlab sync` to a real PostgreSQL)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from click.testing import CliRunner
from test_lab import record

from meterlab.cli import cli
from meterlab.gui.sessions_view import COLUMNS, SessionsView

pytest_plugins = ("gui_fixtures", "lab_fixtures")


def test_the_sessions_list_marks_sessions_that_reached_the_lab(qtbot, tmp_path, gui_settings,
                                                                lab_db):
    db = tmp_path / "bench.sqlite"
    sent = record(db, "bench-A", np.full(5, 3.3))
    assert CliRunner().invoke(cli, ["sync", "--to", lab_db, "--db", str(db)]).exit_code == 0
    later = record(db, "bench-A", np.full(5, 3.3))
    v = SessionsView(db, settings=gui_settings)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.table.rowCount() == 2, timeout=10_000)
    status = {v.table.item(r, 0).text(): v.table.item(r, COLUMNS.index("status"))
              for r in range(2)}
    assert status[sent[:8]].text().endswith("✔ lab")
    assert "reached the lab database" in status[sent[:8]].toolTip()
    assert "lab" not in status[later[:8]].text()


def test_the_app_forwards_in_the_background_and_says_once_when_the_lab_is_away(
        qtbot, tmp_path, lab_db):
    from test_lab import lab_ids

    from meterlab.gui.lab_forwarder import LabForwarder

    db = tmp_path / "bench.sqlite"
    sid = record(db, "bench-A", np.full(5, 3.3))
    fwd = LabForwarder(db, lab_db, interval_ms=600_000, first_ms=0)
    said: list[tuple[str, str]] = []
    fwd.message.connect(lambda text, level: said.append((text, level)))
    with qtbot.waitSignal(fwd.forwarded, timeout=20_000) as got:
        pass
    assert got.args == [1] and lab_ids(lab_db) == [sid]
    assert said == [("1 session(s) forwarded to the lab database.", "info")]
    fwd.stop()

    away = LabForwarder(db, "postgresql://postgres@127.0.0.1:1/lab", interval_ms=600_000,
                        first_ms=0)
    said.clear()
    away.message.connect(lambda text, level: said.append((text, level)))
    qtbot.waitUntil(lambda: len(said) == 1, timeout=20_000)
    assert said[0][1] == "warning" and "forwarding will resume" in said[0][0]
    away.poke()
    qtbot.wait(1500)
    assert len(said) == 1  # said once while the lab stays away
    away.stop()


def test_the_sessions_view_browses_and_verifies_a_lab_database(qtbot, tmp_path, gui_settings,
                                                              lab_db):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    ids = [record(a, "bench-A", np.full(6, 3.3)), record(b, "bench-B", np.full(4, 3.31))]
    for db in (a, b):
        assert CliRunner().invoke(cli, ["sync", "--to", lab_db, "--db", str(db)]).exit_code == 0
    v = SessionsView(lab_db, settings=gui_settings)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.table.rowCount() == 2, timeout=10_000)
    shown = {v.table.item(r, 0).text() for r in range(2)}
    assert shown == {i[:8] for i in ids}
    with qtbot.waitSignal(v.opened, timeout=15_000):
        v.table.selectRow(0)
    assert v.detail.model.rowCount() in (4, 6)  # every reading, read from PostgreSQL
    with qtbot.waitSignal(v.verified, timeout=15_000) as got:
        v.verify(ids[0])
    assert got.args == [ids[0], True]
