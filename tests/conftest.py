"""GUI-only test setup that every test module gets (the rest lives in gui_fixtures.py).

Tests that use Qt (the `qtbot` or `qapp` fixtures) collect garbage only on the
GUI thread: a cyclic collection started by an instrument worker thread must never
destroy Qt objects there (it segfaulted the GUI test run). Other tests run with the
interpreter's normal collection and never import Qt from here.
"""

from __future__ import annotations

import gc

import pytest


@pytest.fixture(autouse=True)
def _gc_on_gui_thread(request):
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    from meterlab.gui.qtcompat import collect_on_gui_thread

    collect_on_gui_thread(request.getfixturevalue("qapp"))
    gc.disable()
    yield
    gc.collect()
    gc.enable()
