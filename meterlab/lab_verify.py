"""What `verify` adds on a lab database: the per-reading rows against the chained batches.

The hash chain proves each session's records and the store's ledger its presence; a lab
database also holds derived rows (`readings`, behind the `readings_flat` view that quality
staff query). A value edited or a row deleted there would not touch the chain, so they are
compared with the batches here and reported in the same words as a broken chain.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from meterlab.lab_schema import readings_problems
from meterlab.store_info import VerifyResult


def lab_checks(conn: Any, results: list[VerifyResult]) -> list[VerifyResult]:
    """The verify results with the per-reading rows' findings added to their sessions."""
    out: list[VerifyResult] = []
    for r in results:
        extra = readings_problems(conn, r.session_id) if r.records else []
        if extra:
            r = dataclasses.replace(r, ok=False, problems=(*r.problems, *extra))
        out.append(r)
    return out
