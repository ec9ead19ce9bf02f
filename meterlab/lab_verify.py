"""What `verify` adds on a lab database: per-reading rows and the arrival ledger.

The hash chain proves each session's records; a lab database also holds derived rows
(`readings`, behind the `readings_flat` view that quality staff query) and the ledger of
arrivals. A value edited or a row deleted in `readings` would not touch the chain, and a
session deleted whole leaves no records to miss, so both are checked here and reported in
the same words as a broken chain.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from meterlab.lab_schema import ledger_problems, readings_problems
from meterlab.store_info import VerifyResult


def lab_checks(conn: Any, results: list[VerifyResult], *, whole: bool) -> list[VerifyResult]:
    """The chain results with the lab's own findings added; deleted sessions appended
    (only when the whole database is verified)."""
    out: list[VerifyResult] = []
    for r in results:
        extra = readings_problems(conn, r.session_id)
        if extra:
            r = dataclasses.replace(r, ok=False, problems=(*r.problems, *extra))
        out.append(r)
    if whole:
        by_id = {r.session_id: i for i, r in enumerate(out)}
        for sid, problem in ledger_problems(conn):
            if sid in by_id:
                r = out[by_id[sid]]
                out[by_id[sid]] = dataclasses.replace(r, ok=False,
                                                      problems=(*r.problems, problem))
            else:
                by_id[sid] = len(out)
                out.append(VerifyResult(session_id=sid, ok=False, status="deleted", records=0,
                                        final_hash=None, problems=(problem,)))
    return out
