"""A session's outcome from its recorded checks and results, for the store's own closings.

The application layer decides a session's outcome when it finishes the session
(`meterlab.bench.session`). Three closings happen without it, and they use the same
rule (`meterlab.outcome.decide_outcome`) on what the session recorded:

* a session whose program died is closed as "incomplete" at the next open;
* a session closed by `SessionStore.close` / a writer's context manager (aborted);
* sessions written before outcomes were stored (schema 1) get theirs once, when the
  database is migrated. Their closing record cannot hold it (that would change the
  final hash already printed on their reports), so `verify` checks that the stored word
  still follows from their chained results instead.

A plan's `show_marginal` is not recorded, so these closings say PASS where a plan
might have asked for MARGINAL (both are passes).
"""

from __future__ import annotations

import sqlite3

from meterlab.outcome import JUDGED_KINDS, Outcome, decide_outcome, last_verdicts
from meterlab.readings import Verdict


def recorded_outcome(conn: sqlite3.Connection, session_id: str, kind: str) -> Outcome | None:
    """The outcome the rule gives for a session's recorded checks and results."""
    if kind not in JUDGED_KINDS:
        return None
    checks = [r[0] for r in conn.execute(
        "SELECT check_id FROM checks WHERE session_id=? ORDER BY seq", (session_id,))]
    results = [(r[0], _verdict(r[1])) for r in conn.execute(
        "SELECT check_id, verdict FROM results WHERE session_id=? ORDER BY seq", (session_id,))]
    ids = checks + [c for c, _ in results]
    return decide_outcome(last_verdicts(ids, results))


def _verdict(code: int | None) -> Verdict:
    try:
        return Verdict(int(code))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return Verdict.ERROR  # a result without a valid verdict code judged nothing


def fill_legacy_outcomes(conn: sqlite3.Connection) -> None:
    """Schema 1 → 2: give every closed session written before outcomes were stored its
    outcome, once, by the rule (inside the migration's transaction). Also run at each
    writable open, for a session an older meterlab still running closed after the
    migration."""
    rows = conn.execute("SELECT id, kind FROM sessions WHERE status != 'running' AND "
                        "chain_version < 2 AND outcome IS NULL").fetchall()
    for sid, kind in rows:
        outcome = recorded_outcome(conn, sid, kind)
        if outcome is not None:
            conn.execute("UPDATE sessions SET outcome=? WHERE id=?", (str(outcome), sid))
