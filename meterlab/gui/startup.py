"""The desktop app's start-up order: the meter measures first, the rest waits its turn.

What a technician waits for on opening meterlab is the first reading. So the
meter's source starts with the saved setup before anything else (its worker
loads pyvisa and connects, with the interpreter to itself), its view is built
while the meter takes that reading (`when_source_settled`), and everything
that can wait — the meter's own plots (pyqtgraph), the scope, plan runner,
sessions and instruments views — waits until that reading is on screen, or
until it is clear none is coming soon (no source, a lost or stopped one, or
`WAIT_MS`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QElapsedTimer, QTimer

#: Longest wait (ms) for the first reading before what waits for it goes ahead anyway.
WAIT_MS = 4000
POLL_MS = 25
#: Longest wait (ms) for the meter to start measuring before its view is built anyway.
SETTLE_MS = 600
SETTLE_POLL_MS = 2


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
    painted = False

    def ready(waited: int) -> bool:
        nonlocal painted
        view = meter()
        source = view.source if view is not None else None
        first = (view is None or source is None or not view.running or view.stale
                 or view.series.ring.total > 0 or waited > WAIT_MS)
        known = bool(getattr(source, "ready", True)) or waited > 3 * WAIT_MS
        if not (first and known):
            return False
        if not painted:  # one more turn: the readout paints its number first
            painted = True
            return False
        return True

    QTimer.singleShot(0, _poll_until(ready, cancelled, then, POLL_MS))


def when_source_settled(source: Any, cancelled: Callable[[], bool],
                        then: Callable[[], None]) -> None:
    """Call `then` once `source` measures or has given up (its `settled`), at most `SETTLE_MS`.

    Everything between the painted shell and the meter's first reading runs on one
    interpreter: pyvisa, the connection, and the meter view's imports and widgets.
    Built alongside, the view took the interpreter from the connection, so the meter
    was told to measure only after the view stood, and its own integration time
    (40 ms at 1 PLC with auto-zero) came on top. Built after, while the meter
    integrates, it costs the first reading nothing. A source without `settled`
    (the synthetic one) goes ahead at once; a slow instrument waits no longer than
    `SETTLE_MS`, which is all the view's build can then add.
    """
    _poll_until(lambda waited: getattr(source, "settled", True) or waited > SETTLE_MS,
                cancelled, then, SETTLE_POLL_MS)()


def _poll_until(ready: Callable[[int], bool], cancelled: Callable[[], bool],
                then: Callable[[], None], every_ms: int) -> Callable[[], None]:
    """A poll for the event loop: asks `ready(ms since this call)` every `every_ms` until it
    says yes, then calls `then`; stops quietly once `cancelled()` (the window closed).
    Returns the first poll, for the caller to run now or on the next turn."""
    clock = QElapsedTimer()
    clock.start()

    def poll() -> None:
        if cancelled():
            return
        if ready(clock.elapsed()):
            then()
        else:
            QTimer.singleShot(every_ms, poll)

    return poll
