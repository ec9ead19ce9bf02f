"""A large session made fast, for the streaming and memory tests: batches of readings go
straight through the writer (one stored row per 250 000 readings), no instrument."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from meterlab.readings import ReadingBatch, Verdict
from meterlab.store import SessionStore


def make_big_session(db: Path, n: int, *, batch: int = 250_000, overload_every: int = 9973
                     ) -> str:
    """A finished session of `n` readings: value k is 1.0 + k·1e-9 (so every reading can be
    checked for presence and order), every `overload_every`-th one an overload."""
    with SessionStore(db) as store:
        w = store.begin(operator="bench", dut_serial="SN-BIG", plan_name="big")
        w.add_check(check_id="v", title="rail", function="VOLT:DC", unit="V",
                    limit_text="1 V ±10 %", lower=0.9, upper=1.1, nominal=1.0)
        for start in range(0, n, batch):
            k = np.arange(start, min(start + batch, n), dtype=np.float64)
            over = (k.astype(np.int64) % overload_every) == 0
            v = np.where(over, np.nan, 1.0 + k * 1e-9)
            ver = np.where(over, Verdict.OVERLOAD, Verdict.PASS).astype(np.int8)
            w.append(ReadingBatch(t=1.78e9 + k * 2e-5, values=v, overload=over, range=10.0),
                     check_id="v", verdicts=ver, margins=np.where(over, np.nan, 0.1 - k * 1e-9))
            w.flush()
        w.finish()
        return w.id
