"""Flat memory: a 2 M-reading session exports to CSV and Parquet with every reading present
and a peak resident-memory growth under 400 MB (measured in a fresh process, after its
imports, with getrusage), and verifies without loading the session.

The session is written straight through the writer in 250 000-reading batches (about 3 s),
not logged from the simulator, so the test measures the export and nothing else.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from tests.bigsession import make_big_session

N = 2_000_000
LIMIT_MB = 400

_PROBE = textwrap.dedent("""
    import json, resource, sys
    import pyarrow, pyarrow.parquet, pandas, openpyxl  # imports are not the export's growth
    from meterlab.export import export_sessions
    from meterlab.store import SessionStore

    def peak_mb():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    db, out = sys.argv[1], sys.argv[2]
    result = {}
    with SessionStore(db) as store:
        store.session("latest")
        base = peak_mb()
        for fmt in ("parquet", "csv"):
            export_sessions(store, ["latest"], f"{out}.{fmt}")
            result[fmt] = peak_mb() - base
        [v] = store.verify()
        result["verify_ok"] = v.ok
    print(json.dumps(result))
""")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, float]]:
    tmp = tmp_path_factory.mktemp("big")
    db = tmp / "s.db"
    make_big_session(db, N)
    out = tmp / "out"
    proc = subprocess.run([sys.executable, "-c", _PROBE, str(db), str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return out, json.loads(proc.stdout.strip().splitlines()[-1])


def expected_values() -> tuple[np.ndarray, np.ndarray]:
    k = np.arange(N)
    over = (k % 9973) == 0
    return 1.0 + k * 1e-9, over


def test_peak_memory_stays_flat(exported: tuple[Path, dict[str, float]]) -> None:
    _, grown = exported
    print(f"peak RSS growth for {N:,} readings: Parquet {grown['parquet']:.0f} MB, "
          f"CSV {grown['csv']:.0f} MB")
    assert grown["verify_ok"]
    assert grown["parquet"] < LIMIT_MB, grown
    assert grown["csv"] < LIMIT_MB, grown


def test_parquet_holds_every_reading_in_order(exported: tuple[Path, dict[str, float]]) -> None:
    import pyarrow.parquet as pq

    out, _ = exported
    table = pq.read_table(f"{out}.parquet", columns=["value", "overload"])
    assert table.num_rows == N
    values, over = expected_values()
    got = table.column("value").to_numpy(zero_copy_only=False)
    assert np.array_equal(table.column("overload").to_numpy(zero_copy_only=False), over)
    assert np.array_equal(got[~over], values[~over]) and np.isnan(got[over]).all()
    meta = json.loads(pq.read_schema(f"{out}.parquet").metadata[b"meterlab"])
    assert meta["sessions"][0]["n_readings"] == N


def test_csv_holds_every_reading_in_order(exported: tuple[Path, dict[str, float]]) -> None:
    out, _ = exported
    values, over = expected_values()
    with open(f"{out}.csv", encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        header = next(lines).rstrip("\n").split(",")
        col = header.index("value")
        got = [line.split(",")[col] for line in lines]
    assert len(got) == N
    assert got[0] == "OVERLOAD" and got[1] == repr(float(values[1]))
    assert got[-1] == repr(float(values[-1]))
    assert sum(g == "OVERLOAD" for g in got) == int(over.sum())
    sample = np.arange(1, N, 9973 * 7 + 1)
    assert all(float(got[i]) == values[i] for i in sample if not over[i])
