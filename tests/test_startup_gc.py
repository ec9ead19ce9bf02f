"""No garbage collection on the way to the first reading, and normal collection after it.

Each case runs in a fresh interpreter: the hold belongs to a process's first window.
"""

from __future__ import annotations

from tests.fresh_app import run_json as _run

_COUNT_COLLECTIONS = """
import gc, json, sys, tempfile, time, weakref
runs = []
gc.callbacks.append(lambda phase, info: runs.append(phase) if phase == "start" else None)
"""


def test_the_app_collects_nothing_until_its_views_are_built_then_collects_again():
    out = _run(_COUNT_COLLECTIONS + """
from meterlab.gui.app import build_window
tmp = tempfile.mkdtemp()
before = len(runs)
app, win = build_window([], demo=True, settings_path=tmp + "/s.ini", db_path=tmp + "/s.db")
def wait(cond, s):
    end = time.monotonic() + s
    while not cond() and time.monotonic() < end:
        app.processEvents(); time.sleep(0.002)
    return cond()
first = wait(lambda: win.meter is not None and win.meter.series.ring.total > 0, 60)
junk = [[] for _ in range(200_000)]  # far past every threshold
during = len(runs) - before
built = wait(lambda: win._views_built, 60)
frozen = gc.get_freeze_count()
class Node: pass
a, b = Node(), Node(); a.other, b.other = b, a
gone = weakref.ref(a); del a, b
more = [[] for _ in range(5_000)]
collected = wait(lambda: gone() is None, 10)
win.close()
print(json.dumps({"first": first, "during": during, "built": built, "frozen": frozen,
                  "collected": collected, "enabled": gc.isenabled()}))
""")
    assert out["first"] and out["built"]
    assert out["during"] == 0  # none at all from build_window to the first reading
    assert out["frozen"] > 100_000  # the start-up's objects are out of the collector's sight
    assert out["collected"]  # a cycle made afterwards is collected (on the GUI thread)
    assert not out["enabled"]  # and still never by the interpreter in a worker thread


def test_a_window_closed_before_its_views_are_built_ends_the_hold():
    out = _run(_COUNT_COLLECTIONS + """
from meterlab.gui.app import build_window
from meterlab.gui import qtcompat
tmp = tempfile.mkdtemp()
app, win = build_window([], demo=True, settings_path=tmp + "/s.ini", db_path=tmp + "/s.db")
held = qtcompat._holding
win.close()
app.processEvents()
print(json.dumps({"held": held, "after": qtcompat._holding, "frozen": gc.get_freeze_count()}))
""")
    assert out == {"held": True, "after": False, "frozen": out["frozen"]} and out["frozen"] > 0


def test_only_the_first_window_of_a_process_holds():
    out = _run(_COUNT_COLLECTIONS + """
from meterlab.gui import qtcompat
first = qtcompat.hold_collection()
qtcompat.release_collection()
again = qtcompat.hold_collection()
print(json.dumps({"first": first, "again": again, "enabled": gc.isenabled()}))
""")
    # Without a window taking collection over, the interpreter collects as before.
    assert out == {"first": True, "again": False, "enabled": True}
