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
