"""The SHA-256 chain that makes a stored session tamper-evident.

Every record of a session (its header, each instrument, check, reading batch,
capture, result, and the closing record) gets a hash over its canonical content
and the hash before it. Changing any stored field, deleting or reordering a
record changes every hash after it, and the closing hash, which the PDF report
prints, no longer matches. The canonical form is defined here once so that the
writer and `verify` cannot drift apart: scalar fields as compact sorted JSON (floats
in their shortest round-trip form), then every binary field length-prefixed, in
the order the record kind declares.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

#: The field lists per record kind: (scalar fields, blob fields), in hashing order.
#: A field added in a later schema must be appended here with a new kind version,
#: never inserted, or old chains would stop verifying.
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "header": (
        ("id", "start_utc", "operator", "station", "dut_type", "dut_serial",
         "meterlab_version", "plan_name", "plan_version", "plan_sha256", "rule", "kind",
         "notes"),
        (),
    ),
    "instrument": (
        ("role", "resource", "maker", "model", "serial", "firmware", "cal_due",
         "cal_expired"),
        (),
    ),
    "check": (
        ("check_id", "title", "function", "unit", "limit_text", "lower", "upper", "nominal"),
        (),
    ),
    "batch": (
        ("check_id", "role", "function", "unit", "range", "gap_before", "source",
         "cal_expired", "n", "c_pass", "c_marginal", "c_indeterminate", "c_fail",
         "c_overload", "c_error"),
        ("t", "value", "overload", "verdict", "margin"),
    ),
    "capture": (
        ("capture", "source", "check_id", "unit", "t0", "dt", "n", "dtype", "scale",
         "offset", "channels"),
        ("data",),
    ),
    "result": (
        ("check_id", "value", "verdict", "margin", "overload", "n", "note", "cal_expired"),
        (),
    ),
    "finish": (("end_utc", "status", "records"), ()),
    # Chain version 2 (schema 2): the closing record also holds the unit's outcome, so
    # the word every report prints is as tamper-evident as the readings behind it.
    "finish_v2": (("end_utc", "status", "records", "outcome"), ()),
}

#: The chain version new sessions are written with; 1 = closed without a chained outcome.
CHAIN_VERSION = 2


def finish_kind(chain_version: int) -> str:
    """The record kind of a session's closing record for its chain version."""
    return "finish_v2" if chain_version >= 2 else "finish"


def _stored(v: Any) -> Any:
    """One value as SQLite will store and give it back (NaN → NULL, bool → 0/1, numpy →
    Python), so the hash made at write time is the hash `verify` recomputes."""
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, bool | np.bool_):
        return int(v)
    if isinstance(v, int | np.integer):
        return int(v)
    if isinstance(v, float | np.floating):
        f = float(v)
        return None if math.isnan(f) else f
    return str(v)


def _canonical(v: Any) -> Any:
    """The stored value in strict JSON: an open-sided limit (±inf) is stored as a REAL but
    hashed by name, since JSON has no infinity."""
    s = _stored(v)
    if isinstance(s, float) and not math.isfinite(s):
        return "+inf" if s > 0 else "-inf"
    return s


def record_hash(prev: str, kind: str, fields: Mapping[str, Any],
                blobs: Sequence[bytes | None] = ()) -> str:
    """The chain hash of one record: SHA-256 over prev, kind, the scalars and the blobs."""
    names, blob_names = KINDS[kind]
    if len(blobs) != len(blob_names):
        raise ValueError(f"record kind {kind!r} has {len(blob_names)} blobs, got {len(blobs)}")
    scalars = {name: _canonical(fields.get(name)) for name in names}
    h = hashlib.sha256()
    h.update(prev.encode("ascii"))
    h.update(b"\x1f")
    h.update(kind.encode("ascii"))
    h.update(b"\x1f")
    h.update(json.dumps(scalars, sort_keys=True, separators=(",", ":"),
                        ensure_ascii=False, allow_nan=False).encode("utf-8"))
    for blob in blobs:
        if blob is None:
            h.update(b"\xff" * 8)
        else:
            h.update(len(blob).to_bytes(8, "little"))
            h.update(blob)
    return h.hexdigest()


def normalise(kind: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The scalar fields of a record as they will be stored (NaN → NULL, bool → int)."""
    names, _ = KINDS[kind]
    return {name: _stored(fields.get(name)) for name in names}
