"""Work around a reference-counting bug of PySide6 6.12.0 on CPython < 3.12.

PySide6 6.12.0 drops references to `None`, `True` and `False` it never took:
every `Signal.emit()` and many `QGraphicsObject` property changes (visibility,
position, z-value — pyqtgraph triggers them on every `setData`) lower their
reference counts by one. On CPython 3.12+ these objects are immortal and
nothing happens; on 3.11 the count reaches zero after some thousands of
emissions and the interpreter aborts ("Fatal Python error: bool_dealloc").
PySide6 6.11 does not have the bug.

The real fix is a dependency pin (`pyside6-essentials != 6.12.0`) or Python
3.12+. Until then, `guard()` raises those three counts far out of reach, which
is what CPython 3.12 does for them anyway. It does nothing on versions without
the bug.
"""

from __future__ import annotations

import ctypes
import os
import sys

_HEADROOM = 1 << 40  # ~1e12 emissions; a frame timer at 30 Hz needs ~1e6 a day
_done = False


def affected() -> bool:
    try:
        import PySide6
    except ImportError:
        return False
    return sys.version_info < (3, 12) and PySide6.__version__.startswith("6.12.0")


def guard() -> bool:
    """Make None/True/False effectively immortal if this PySide6 needs it; True if applied."""
    global _done
    if _done or not affected():
        return _done
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object header.
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
    _done = True
    return True


# -- PySide6's look at every imported module -------------------------------------------
#
# Once PySide6 is loaded, it looks at every module imported after it for the word
# "PySide6" (to know which modules may switch on its `__feature__` options), with
# `inspect.getsource`: each module's source is read, decoded line by line and kept
# in `linecache`. The desktop app imports some 700 modules after Qt (numpy,
# pyqtgraph, pyvisa, its own views), and that look alone cost about 0.4 s of the
# GUI thread at start-up, on the way to the first reading. Reading the file's
# bytes gives the same answer (measured: the same for all of them) in a fifth of
# the time, and keeps no copy of the sources. Modules that cannot use Qt are not read
# at all: the standard library, meterlab outside `meterlab.gui`, and the instrument
# stack's packages. Each read hands the interpreter lock to another thread, which may
# keep it for a switch interval (5 ms); on the way to the first reading the look read
# some 130 files (numpy's, pyvisa's) while the instrument's worker was busy: 15–90 ms
# of the GUI thread's wall time.

#: Top-level packages that never use Qt (what the meter's first reading imports).
_NO_QT = frozenset({"numpy", "pyvisa", "pyvisa_py", "usb", "libusb_package", "serial",
                    "typing_extensions", "platformdirs", "zeroconf", "psutil", "ifaddr"})
_STDLIB = os.path.dirname(os.__file__) + os.sep


def _uses_pyside(module: object) -> bool:
    """Whether `module`'s source file mentions PySide6 (False without a .py file)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    name = str(getattr(module, "__name__", ""))
    if name.partition(".")[0] in _NO_QT or (
            name.startswith("meterlab.") and not name.startswith("meterlab.gui")):
        return False
    if path.startswith(_STDLIB) and "-packages" not in path[len(_STDLIB):]:
        return False
    try:
        with open(path, "rb") as fh:
            return b"PySide6" in fh.read()
    except OSError:
        return False


def quicker_import_scan() -> bool:
    """Let PySide6's per-import look read bytes instead of `inspect.getsource`.

    True if applied; nothing happens on a PySide6 that does not have that look.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    return True


# -- garbage collection on the GUI thread ---------------------------------------------
#
# CPython runs a cyclic garbage collection in whichever thread happens to
# allocate when a threshold is crossed. If that is a worker thread and the
# garbage holds Qt wrappers (a widget kept alive by a lambda that captures it),
# their C++ objects are destroyed off the GUI thread and the process crashes
# (seen in this project's test runs: "Segmentation fault … Garbage-collecting"
# in an instrument worker). Collecting only from a timer on the GUI thread
# keeps every such destruction where Qt expects it. Reference counting still
# frees everything that is not in a cycle at once.

_collector: object | None = None

# -- and none at all while the app starts ----------------------------------------------
#
# Starting the app allocates some hundreds of thousands of objects that live as long
# as it does (the modules of Qt, numpy, pyvisa, the views) and makes next to no
# garbage. CPython still counts every allocation: on the way to the first reading it
# ran 37 collections, 28–50 ms of the GUI thread (measured with `gc.callbacks`), on
# the one path a technician waits for. So collection is held from the first line of
# `build_window` (or of `meterlab`'s window command) until every view is built; with
# the hold, 6–14 ms were left, all of them before the hold begins. The objects made
# meanwhile are then frozen (`gc.freeze`: moved to a generation collections skip),
# so the GUI thread's later collections do not scan them again either. Only a
# process's first window holds: a test session opening hundreds of windows must not
# freeze each one's garbage.

_holding: bool | None = None  # None: not yet decided; True: held; False: done
_held_since = 0.0
#: However start-up went (a window closed before its views were built), the hold ends.
HOLD_MAX_S = 30.0


def hold_collection() -> bool:
    """Hold garbage collection for the app's start-up (the first call in a process only).

    True if it now holds; `release_collection` ends it.
    """
    global _holding, _held_since
    if _holding is not None:
        return False
    import gc
    import time

    gc.disable()
    _holding, _held_since = True, time.monotonic()
    return True


def release_collection() -> None:
    """End the start-up hold: freeze what start-up made, and let the GUI thread collect."""
    global _holding
    if not _holding:
        return
    import gc

    gc.freeze()
    _holding = False
    if _collector is None:  # no window took over collection: the interpreter does it again
        gc.enable()


def collect_on_gui_thread(app: object, interval_ms: int = 100) -> None:
    """Turn automatic GC off and collect on `app`'s thread instead (idempotent)."""
    global _collector
    if _collector is not None:
        return
    import gc
    import time

    from PySide6.QtCore import QObject, QTimer

    class _Collector(QObject):
        def __init__(self, parent: QObject) -> None:
            super().__init__(parent)
            self.threshold = gc.get_threshold()
            self.timer = QTimer(self)
            self.timer.timeout.connect(self.check)
            self.timer.start(interval_ms)

        def check(self) -> None:
            if _holding:
                if time.monotonic() - _held_since < HOLD_MAX_S:
                    return
                release_collection()
            # The same generational thresholds CPython itself would use.
            l0, l1, l2 = gc.get_count()
            if l0 > self.threshold[0]:
                gc.collect(0)
                if l1 > self.threshold[1]:
                    gc.collect(1)
                    if l2 > self.threshold[2]:
                        gc.collect(2)

    gc.disable()
    _collector = _Collector(app)  # type: ignore[arg-type]
    app.aboutToQuit.connect(gc.enable)  # type: ignore[attr-defined]
