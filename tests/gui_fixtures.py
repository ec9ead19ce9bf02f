"""Fixtures for the GUI tests (imported by each tests/test_gui_*.py, not a conftest).

Every window gets its own QSettings file under tmp_path, so tests never read
or write the user's real settings and never see each other's. Garbage collection
on the GUI thread only is set up for every Qt test in `tests/conftest.py`.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings

import meterlab.gui  # noqa: F401  (applies the PySide6 refcount guard)
from meterlab.gui.main_window import MainWindow
from meterlab.gui.sources import SyntheticSource


@pytest.fixture
def gui_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "meterlab.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def synthetic() -> Iterator[SyntheticSource]:
    source = SyntheticSource(rate=2000.0, seed=7)
    yield source
    source.stop()


@pytest.fixture
def window(qtbot, gui_settings, synthetic) -> Iterator[MainWindow]:
    """The main window on the synthetic source, shown, with a 1 M-point ring."""
    win = MainWindow(synthetic, settings=gui_settings, capacity=1_000_000)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.meter.stop()
