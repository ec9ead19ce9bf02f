"""Logging the live meter's readings into a session (the meter view's "Log to session").

A `SessionLog` is Qt-free: it taps the meter's `ReadingFeed`, so every batch
the acquisition thread pushes is judged against the limit and appended to the
session store on that thread, before the GUI sees (and may drop) it. The
store's own writer thread commits; if the process dies the store closes the
session as "incomplete" on its next open.

The instrument's identity is recorded when the meter has answered `*IDN?`
(at the first batch, if logging started before the connection).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from meterlab.errors import MeterlabError
from meterlab.gui.feed import ReadingFeed
from meterlab.readings import ReadingBatch


class SessionLog:
    """One logged session of live meter readings; `finish()` closes it."""

    def __init__(self, feed: ReadingFeed, source: Any, *, db_path: str | Path | None = None,
                 operator: str = "", dut_serial: str = "") -> None:
        from meterlab.bench.session import start_session

        self._feed = feed
        self._source = source
        self._lock = threading.Lock()
        # Held while a batch is judged and appended, and while finish() closes the log:
        # the feed hands batches on from a tap list taken before finish() removed this
        # one, so a batch may be in flight as the session closes, or arrive after it.
        self._writing = threading.Lock()
        self._finished = False
        self._limit: Any = None
        self._limit_unit: str | None = None
        self._check_id = ""
        self._checks = 0
        self._instrument_done = False
        self.readings = 0
        self.error: str = ""
        resource = getattr(source, "resource", "") or getattr(source, "kind", "")
        self.session = start_session(db_path, kind="read", operator=operator,
                                     dut_serial=dut_serial,
                                     notes=f"meterlab GUI meter: {resource}")
        self.store = self.session.store
        self.writer = self.session.writer
        self.session_id: str = self.writer.id
        self._record_instrument()
        feed.add_tap(self._on_batch)

    @property
    def short_id(self) -> str:
        return self.session_id[:8]

    def set_limit(self, limit: Any, text: str, unit: str | None, function: str) -> None:
        """Judge the next batches by `limit` (None: store readings without verdicts)."""
        with self._lock:
            self._limit = limit
            self._limit_unit = unit if limit is not None else None
            if limit is None:
                self._check_id = ""
                return
            self._checks += 1
            self._check_id = "meter" if self._checks == 1 else f"meter-{self._checks}"
            check_id = self._check_id
        self.writer.add_check(
            check_id=check_id, title=f"{function} readings", function=function,
            unit=unit or "", limit_text=text, lower=getattr(limit, "lower", np.nan),
            upper=getattr(limit, "upper", np.nan), nominal=getattr(limit, "nominal", None))

    def _record_instrument(self) -> None:
        idn = getattr(self._source, "identity", None)
        if idn is None or self._instrument_done:
            return
        self._instrument_done = True
        self.session.record_identity("dmm", getattr(self._source, "resource", ""), idn)

    def _on_batch(self, batch: ReadingBatch) -> None:
        """On the acquisition thread: judge, append; a store error is kept, not raised.

        A batch in flight when the session is finished is stored first; one that
        arrives after it is neither stored nor counted, so the count the user is told
        is what the store holds."""
        with self._writing:
            if not self._finished:
                self._append(batch)

    def _append(self, batch: ReadingBatch) -> None:
        try:
            if not self._instrument_done:
                self._record_instrument()
            with self._lock:
                limit, unit, check_id = self._limit, self._limit_unit, self._check_id
            verdicts = margins = None
            if limit is not None and batch.unit == unit:
                ev = limit.evaluate(batch.values, overload=batch.overload)
                verdicts, margins = ev.verdicts, ev.margin
            else:
                check_id = ""
            self.writer.append(batch, check_id=check_id, verdicts=verdicts, margins=margins)
            self.readings += len(batch)
        except (MeterlabError, ValueError) as exc:
            self.error = str(exc)

    def finish(self) -> None:
        """Stop listening, commit what is queued and close the session as complete."""
        self._feed.remove_tap(self._on_batch)
        with self._writing:  # after the batch in flight, if any; none after this
            self._finished = True
        self.session.finish()
