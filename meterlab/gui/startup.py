"""The desktop app's start-up order: the meter measures first, the rest waits its turn.

What a technician waits for on opening meterlab is the first reading. So the
meter's source starts with the saved setup before its view is built (the
instrument connects while the view's imports load), and everything that can
wait — the meter's own plots (pyqtgraph), the scope, plan runner, sessions and
instruments views — waits until that reading is on screen, or until it is clear
none is coming soon (no source, a lost or stopped one, or `WAIT_MS`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QElapsedTimer, QTimer

#: Longest wait (ms) for the first reading before what waits for it goes ahead anyway.
WAIT_MS = 4000
POLL_MS = 25


def prepare_instruments(backend: str | None = None) -> threading.Thread:
    """Load pyvisa and open its resource manager on a background thread, now.

    Loading pyvisa and pyvisa-py's session types takes 0.15–0.5 s (more on a busy
    PC, and about half a second more where pyusb must search for libusb), which
    the first connection would otherwise add after the instrument answers; this
    way it overlaps the demo bench's start and the building of the meter view.
    """

    def work() -> None:
        from meterlab.visa import prepare

        prepare(backend)

    # Not a daemon: a window closed within the first half second must not end the
    # process while this thread is inside libusb. At exit, pyusb's finalizer calls
    # libusb_exit under a daemon thread still enumerating (a segfault), or the process
    # tears libusb's mutexes down under it (an abort): one in four such quick closes
    # crashed. The interpreter waits for non-daemon threads before either; the wait
    # is the rest of that half second at most.
    thread = threading.Thread(target=work, name="prepare-visa")
    thread.start()
    return thread


def start_early(source: Any, settings: Any) -> Any:
    """Start `source` with the setup saved in `settings` into a new `ReadingFeed`.

    Returns the feed, or None if the source refused (the meter view's own
    `start()` then says what went wrong, in words).
    """
    from meterlab.errors import MeterlabError
    from meterlab.gui.feed import ReadingFeed
    from meterlab.gui.sources import setup_from_settings

    feed = ReadingFeed()
    try:
        source.configure(setup_from_settings(settings))
        source.start(feed)
    except (MeterlabError, ValueError):
        return None
    return feed


def after_first_reading(meter: Callable[[], Any], cancelled: Callable[[], bool],
                        then: Callable[[], None]) -> None:
    """Call `then` once the meter's first reading has been painted (see the module doc).

    Also waits until the source's bench knows its addresses (`ready`), since what
    comes next asks for them and must not block the GUI thread doing so.
    """
    clock = QElapsedTimer()
    clock.start()
    painted = [False]

    def poll() -> None:
        if cancelled():
            return
        view = meter()
        source = view.source if view is not None else None
        waited = clock.elapsed()
        first = (view is None or source is None or not view.running or view.stale
                 or view.series.ring.total > 0 or waited > WAIT_MS)
        known = bool(getattr(source, "ready", True)) or waited > 3 * WAIT_MS
        if not (first and known):
            QTimer.singleShot(POLL_MS, poll)
        elif not painted[0]:  # one more turn: the readout paints its number first
            painted[0] = True
            QTimer.singleShot(POLL_MS, poll)
        else:
            then()

    QTimer.singleShot(0, poll)
