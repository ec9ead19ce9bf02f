"""Test setup every test module gets: Hypothesis profiles, and GUI-thread garbage collection.

With CI set (as `.ci/run` is run), Hypothesis draws the same examples every run, so a
submission is judged on reproducible tests; locally it explores new examples each run
and remembers failures in `.hypothesis/`, which is where new bugs are found.

Tests that use Qt (the `qtbot` or `qapp` fixtures) collect garbage only on the
GUI thread: a cyclic collection started by an instrument worker thread must never
destroy Qt objects there (it segfaulted the GUI test run). Other tests run with the
interpreter's normal collection and never import Qt from here.
"""

from __future__ import annotations

import gc
import os

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


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
