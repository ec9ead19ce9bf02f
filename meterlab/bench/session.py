"""Starting and finishing a recorded session: who, which DUT, which instruments, which plan.

Every face that records (the `run` and `read` commands, the GUI's plan runner and its
session log) starts its session here, so what a session says about itself is written
once: the station, the operator and the DUT, the plan's name, version and hash, the
decision rule, and each instrument's identity (maker, model, serial, firmware) with its
calibration-due date from the station file. An instrument past that date is reported
back as a warning for the face to show, and the store marks every verdict it produces.

Finishing a session is where a plan run's outcome is decided and stored in the
session's hash chain (see `meterlab.bench.plan_run` and `meterlab.outcome`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from meterlab.outcome import Outcome

if TYPE_CHECKING:
    from meterlab.plan import Plan
    from meterlab.store import SessionStore, SessionWriter


@dataclass
class BenchSession:
    """A session being recorded; end it with `finish` (once)."""

    store: SessionStore
    writer: SessionWriter
    #: Things the person should know now (an instrument past its calibration date).
    warnings: list[str] = field(default_factory=list)
    owns_store: bool = False

    @property
    def id(self) -> str:
        return self.writer.id

    @property
    def outcome(self) -> Outcome | None:
        """The outcome stored when the session finished; None before and for logs."""
        return self.writer.outcome

    def record_instrument(self, role: str, conn: Any) -> str | None:
        """Record an open connection's instrument (see `record_identity`)."""
        return self.record_identity(role, conn.resource, conn.idn)

    def record_identity(self, role: str, resource: str, idn: Any) -> str | None:
        """Record an instrument's identity (`*IDN?`: maker, model, serial, firmware) with
        its calibration-due date from the station file; return the calibration warning,
        if any (also kept in `warnings`)."""
        from meterlab.station import load_station

        station = load_station()
        warning = station.warning(idn.serial, what=f"The {role} {idn.model}")
        due = station.cal_due_for(idn.serial)
        self.writer.add_instrument(role=role, resource=resource, maker=idn.maker,
                                   model=idn.model, serial=idn.serial, firmware=idn.firmware,
                                   cal_due=due.isoformat() if due else None)
        if warning:
            self.warnings.append(warning)
        return warning or None

    def finish(self, status: str = "complete", outcome: Outcome | None = None) -> Outcome | None:
        """Close the session with its status and (for a plan run) the unit's outcome;
        returns the outcome as stored. Closes the store too when this session opened it
        (if closing failed, what was committed stays and the next open marks the session
        incomplete)."""
        try:
            self.writer.finish(status=status, outcome=outcome)
        finally:
            self.close_store()
        return self.writer.outcome

    def close_store(self) -> None:
        """Close a store this session opened (after `finish`, or to give up: an unfinished
        session is then closed as aborted by the store). Closing twice is harmless."""
        if self.owns_store and not self._store_closed:
            self._store_closed = True
            self.store.close()

    _store_closed: bool = field(default=False, init=False, repr=False)


def start_session(store: SessionStore | str | None, *, kind: str, operator: str = "",
                  dut_serial: str = "", plan: Plan | None = None, rule: str | None = None,
                  dut_type: str = "", notes: str = "",
                  instruments: Iterable[tuple[str, Any]] = ()) -> BenchSession:
    """Begin a session and record its instruments (`(role, connection)` pairs; a None
    connection is left out).

    `store` is an open `SessionStore`, or a database path (None = the default one) that
    the session opens and closes itself. `kind` is "run" for a plan run (a unit judged;
    it gets an outcome) or "read" for a log of readings.
    """
    from meterlab.station import load_station
    from meterlab.store import SessionStore

    owns = not isinstance(store, SessionStore)
    st = SessionStore(store) if owns else store
    try:
        writer = st.begin(
            operator=operator, station=load_station().name,
            dut_type=plan.dut if plan is not None and not dut_type else dut_type,
            dut_serial=dut_serial, plan_name=plan.name if plan else "",
            plan_version=plan.version if plan else "", plan_sha256=plan.sha256 if plan else "",
            rule=rule or (plan.rule if plan else "simple"), kind=kind, notes=notes)
    except BaseException:
        if owns:
            st.close()
        raise
    session = BenchSession(st, writer, owns_store=owns)
    try:
        for role, conn in instruments:
            if conn is not None:
                session.record_instrument(role, conn)
    except BaseException:
        session.finish(status="aborted")
        raise
    return session
