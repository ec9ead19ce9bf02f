"""The plan run on its own thread, through the application layer (`meterlab.bench`).

The layer opens the instruments, records the session, runs the checks and decides the
unit's outcome when the session finishes; this worker only moves its prompts, results
and outcome to the view and the view's commands to it.

Qt-free on purpose: the worker talks to the view through two queues. It posts
`RunEvent`s (a prompt, a result, the unit's outcome…) that the view drains on a
timer, and it takes commands (measure, skip, retry a check, finish, stop) that
the view's buttons put. Instruments are slow and may hang for a timeout; none
of that may ever freeze the window, so nothing here runs on the GUI thread.

With real instruments the worker waits at each prompt until the person says
"Measure" (the probes are in place) or "Skip". With the simulated bench the
probes move by themselves and the run flows on, unless `step` asks it to wait.

A retried check is measured again in the same session: the store keeps both
attempts (that is traceability), and the result shown and reported is the last.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from meterlab.bench.plan_run import PlanRun, open_plan_instruments
from meterlab.bench.session import BenchSession, start_session
from meterlab.errors import MeterlabError
from meterlab.gui.mailbox import Mailbox
from meterlab.outcome import Outcome
from meterlab.plan import Check, Plan
from meterlab.runner import CheckResult, RunResult

log = logging.getLogger(__name__)


class EventKind(Enum):
    STATUS = "status"          # text: what the worker is doing (connecting…)
    SESSION = "session"        # text: the new session's id
    PROMPT = "prompt"          # check, waiting (bool): show the prompt; waiting = needs a click
    MEASURING = "measuring"    # check
    RESULT = "result"          # result, retry (bool)
    RETRY_CANCELLED = "retry_cancelled"  # check
    DONE = "done"              # run, outcome (a preview): every check has a result; retries
                               # still possible
    FINISHED = "finished"      # text: session status ("complete", "aborted"); data: session id,
                               # run; outcome: as stored with the session
    WARNING = "warning"        # text: worth telling, the run goes on
    ERROR = "error"            # text: the run could not go on


@dataclass
class RunEvent:
    kind: EventKind
    text: str = ""
    check: Check | None = None
    result: CheckResult | None = None
    waiting: bool = False
    retry: bool = False
    run: RunResult | None = None
    outcome: Outcome | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RunConfig:
    """Everything a run needs besides the plan (what the view's fields hold)."""

    dmm_resource: str | None
    scope_resource: str | None
    simulated: bool
    operator: str = ""
    dut_serial: str = ""
    rule: str | None = None          # None = the plan's own rule
    step: bool = False               # wait for "Measure" at each check even when simulated
    db_path: str | None = None
    backend: str | None = None
    store: bool = True


class _Interrupt(Exception):
    """Leave a prompt without measuring: a retry was asked for while waiting."""


class _Stopped(Exception):
    """The person stopped the run."""


_MEASURE, _SKIP, _FINISH, _STOP, _RETRY = "measure", "skip", "finish", "stop", "retry"


class PlanRunWorker:
    """Run `plan` with `config` on a daemon thread; drain `events()` from the GUI."""

    def __init__(self, plan: Plan, config: RunConfig) -> None:
        self.plan = plan
        self.config = config
        self._events: Mailbox[RunEvent] = Mailbox()
        self._commands: queue.SimpleQueue[tuple[str, str]] = queue.SimpleQueue()
        self._retries: list[str] = []
        self._results: dict[str, CheckResult] = {}
        self._thread: threading.Thread | None = None
        self.session_id = ""

    # -- the GUI side ---------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._main, name="plan-run", daemon=True)
        self._thread.start()

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def events(self) -> list[RunEvent]:
        return self._events.take_all()

    def measure(self) -> None:
        self._commands.put((_MEASURE, ""))

    def skip(self) -> None:
        self._commands.put((_SKIP, ""))

    def retry(self, check_id: str) -> None:
        self._commands.put((_RETRY, check_id))

    def finish(self) -> None:
        self._commands.put((_FINISH, ""))

    def stop(self) -> None:
        self._commands.put((_STOP, ""))

    def join(self, timeout: float | None = None) -> bool:
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.alive

    # -- the worker thread ----------------------------------------------------------------

    def _post(self, kind: EventKind, **kw: Any) -> None:
        self._events.put(RunEvent(kind, **kw))

    def _main(self) -> None:
        session: BenchSession | None = None
        plan_run: PlanRun | None = None
        status = "aborted"
        try:
            with open_plan_instruments(
                    self.plan, self.config.dmm_resource, self.config.scope_resource,
                    self.config.backend,
                    on_opening=lambda role: self._post(EventKind.STATUS, text=role)) as inst:
                if self.config.store:
                    session = start_session(
                        self.config.db_path, kind="run", operator=self.config.operator,
                        dut_serial=self.config.dut_serial, plan=self.plan,
                        rule=self.config.rule, instruments=inst.roles())
                    for warning in session.warnings:
                        self._post(EventKind.WARNING, text=warning)
                    self.session_id = session.id
                    self._post(EventKind.SESSION, text=session.id)
                plan_run = PlanRun(self.plan, inst, rule=self.config.rule,
                                   simulated=self.config.simulated, session=session,
                                   prompt=self._prompt, on_result=self._on_result)
                self._run_all(plan_run)
                self._post(EventKind.DONE, run=self._run_result(), outcome=plan_run.preview())
                self._review(plan_run)
                status = "complete"
                self._close(plan_run, session, status)
        except _Stopped:
            status = "aborted"
        except MeterlabError as exc:
            self._post(EventKind.ERROR, text=str(exc))
        except Exception as exc:  # a bug must not kill the thread silently nor reach the GUI raw
            log.exception("plan run failed")
            self._post(EventKind.ERROR, text=f"The run stopped unexpectedly: {exc!r}. "
                                             "What was measured so far is saved.")
        finally:
            self._close(plan_run, session, status)

    _closed = False

    def _run_all(self, runner: PlanRun) -> None:
        for check in self.plan.checks:
            while True:
                self._poll_commands()
                if self._retries:
                    self._retry(runner, self._retries.pop(0))
                    continue
                try:
                    runner.run_check(check)
                    break
                except _Interrupt:
                    continue  # a retry came in while waiting at this prompt

    def _review(self, runner: PlanRun) -> None:
        """Every check has a result: wait for retries until the person finishes.

        Stopping here (closing the window) still closes the session as complete:
        every check has a result, a retry cut short keeps the earlier one.
        """
        while True:
            if self._retries:
                try:
                    self._retry(runner, self._retries.pop(0))
                except _Stopped:
                    return
                self._post(EventKind.DONE, run=self._run_result(), outcome=runner.preview())
                continue
            cmd, arg = self._commands.get()
            if cmd == _RETRY:
                self._retries.append(arg)
            elif cmd in (_FINISH, _STOP):
                return

    def _retry(self, runner: PlanRun, check_id: str) -> None:
        if check_id not in self._results:
            return  # not measured yet: its turn comes anyway
        check = self.plan.check(check_id)
        self._retrying = check_id
        try:
            runner.run_check(check)  # its prompt never interrupts: retries queue behind it
        finally:
            self._retrying = ""

    def _poll_commands(self) -> None:
        """Take commands that arrived while measuring; measure/skip are meaningless then."""
        while True:
            try:
                cmd, arg = self._commands.get_nowait()
            except queue.Empty:
                return
            self._take(cmd, arg)

    def _take(self, cmd: str, arg: str) -> None:
        if cmd == _RETRY and arg not in self._retries:
            self._retries.append(arg)
        elif cmd == _STOP:
            raise _Stopped

    _retrying = ""

    def _prompt(self, check: Check) -> bool:
        waiting = self.config.step or not self.config.simulated
        self._post(EventKind.PROMPT, check=check, waiting=waiting, retry=bool(self._retrying))
        if not waiting:
            self._poll_commands()
            self._post(EventKind.MEASURING, check=check)
            return True
        while True:
            cmd, arg = self._commands.get()
            if cmd == _MEASURE:
                self._post(EventKind.MEASURING, check=check)
                return True
            if cmd == _SKIP:
                return False
            if cmd == _STOP:
                raise _Stopped
            if cmd == _RETRY and arg not in self._retries and arg != check.id:
                self._retries.append(arg)
                if not self._retrying:
                    raise _Interrupt  # measure that one first, then come back here
            # Finish while a check waits means nothing yet; ignore it.

    def _on_result(self, result: CheckResult) -> None:
        retry = self._retrying == result.check.id
        if retry and result.skipped:
            self._post(EventKind.RETRY_CANCELLED, check=result.check)
            return
        self._results[result.check.id] = result
        self._post(EventKind.RESULT, result=result, retry=retry)

    def _run_result(self) -> RunResult:
        ordered = [self._results[c.id] for c in self.plan.checks if c.id in self._results]
        return RunResult(self.plan, ordered, self.session_id)

    def _close(self, plan_run: PlanRun | None, session: BenchSession | None,
               status: str) -> None:
        """Finish the session once: the outcome is decided and stored here (by the layer),
        and the view shows what was stored."""
        if self._closed:
            return
        self._closed = True
        try:
            if plan_run is not None:
                plan_run.finish(status)
            elif session is not None:
                session.finish(status=status)
        except MeterlabError as exc:
            self._post(EventKind.ERROR, text=str(exc))
        finally:
            if session is not None:
                with contextlib.suppress(Exception):
                    session.close_store()
        outcome = plan_run.outcome if plan_run is not None else None
        self._post(EventKind.FINISHED, text=status, outcome=outcome,
                   data={"session": self.session_id, "run": self._run_result()})
