"""One attempt at an exercise: the simulated bench with its scenario, grading, the record.

Both faces use it: `meterlab exercise run` (and later the training view) start
an `Attempt`, let the trainee work the instruments from any program, and call
`submit()` with each step's answers. The attempt reads the bench over SCPI,
grades, and records every try as part of one session of kind "exercise" in the
store, inside its hash chain: trainee, exercise, seed, each step's bench state,
answers, mistake codes and points.

With `dmm_resource`/`scope_resource` the attempt runs on a real board with real
instruments instead: no simulator is started, only standard SCPI is sent, the
trainee confirms where the leads, probes and logic clips are (`confirm()`), and
the answer key is the exercise's reference values (`reference.py`).
"""

from __future__ import annotations

import contextlib
import functools
import json
from typing import Any

from meterlab.readings import Verdict
from meterlab.training.format import Exercise, Step
from meterlab.training.grade import Context, StepResult, feedback, grade_step
from meterlab.training.reference import Reference
from meterlab.training.scenario import apply, draw, reload, swap_board
from meterlab.training.state import read_dmm, read_scope


class Attempt:
    """Start with `start()` (or `with`); `submit()` per step; `finish()` ends the record.

    Without `bench` the attempt starts its own simulated bench and stops it at the
    end; given a running one (tests, the GUI's demo bench) it reloads that bench with
    this attempt's board and leaves it running.
    """

    def __init__(self, exercise: Exercise, *, seed: int = 0, trainee: str = "",
                 lang: str = "en", store: Any = None, backend: str | None = None,
                 station: str = "", bench: Any = None, power_cycle: bool = True,
                 dmm_resource: str | None = None, scope_resource: str | None = None) -> None:
        self.exercise = exercise
        self.seed = seed
        self.trainee = trainee
        self.lang = lang
        self.drawn = draw(exercise, seed)
        self._store = store
        self._backend = backend
        self._station = station
        self.bench: Any = bench
        self._own_bench = bench is None
        self._power_cycle = power_cycle
        self._previous_board: Any = None
        self.dmm: Any = None
        self.scope: Any = None
        self.writer: Any = None
        self.results: list[StepResult] = []
        self.best: dict[str, int] = {}
        self._tries: dict[str, int] = {}
        self.real = bool(dmm_resource or scope_resource)
        self.resources = {"dmm": dmm_resource, "scope": scope_resource}
        self.reference: Reference | None = Reference(exercise.reference) if self.real else None
        #: where the trainee says the leads, probes and clips are (real board only)
        self.leads: tuple[str, str] | None = None
        self.channels: dict[int, str] = {}
        self.digital: dict[int, str] = {}

    # -- life cycle ---------------------------------------------------------------------------

    def start(self) -> Attempt:
        from meterlab.sim import SimulatedBench

        if self.real:
            return self._start_real()
        if self._own_bench:
            self.bench = SimulatedBench(seed=self.seed)
            apply(self.bench, self.drawn)
            self.bench.start()
        else:
            previous = reload(self.bench, self.seed, power_cycle=self._power_cycle)
            # a bench shared with live views gets its own board back afterwards
            self._previous_board = None if self._power_cycle else previous
            apply(self.bench, self.drawn)
        try:
            self.dmm = _open(self.bench.dmm_resource, "dmm", self._backend)
            self.scope = _open(self.bench.scope_resource, "scope", self._backend)
            if self._store is not None:
                self._begin_record()
        except BaseException:
            self.close()
            raise
        return self

    def _start_real(self) -> Attempt:
        from meterlab.errors import UsageError

        ex = self.exercise
        for kind in ("dmm", "scope"):
            if any(s.expect.instrument == kind for s in ex.steps) and not self.resources[kind]:
                raise UsageError(f"exercise {ex.id} uses the {kind}: give its resource with "
                                 f"--{kind} RESOURCE.")
        assert self.reference is not None
        missing = self.reference.missing([a.truth for s in ex.steps for a in s.answers])
        if missing:
            raise UsageError(f"exercise {ex.id} has no reference value for "
                             f"{', '.join(missing)} on a real board: add them to a "
                             f"[reference] table in {ex.path or 'the exercise file'}.")
        try:
            for kind in ("dmm", "scope"):
                resource = self.resources[kind]
                if resource:
                    setattr(self, kind, _open(resource, kind, self._backend))
            if self._store is not None:
                self._begin_record()
        except BaseException:
            self.close()
            raise
        return self

    def needs(self, step: Step) -> list[str]:
        """What the trainee must confirm before `step` on a real board: leads, chN, dN."""
        if not self.real:
            return []
        e = step.expect
        out = []
        if e.instrument == "dmm":
            out.append("leads")
        if e.instrument == "scope" and e.at:
            out.append(f"ch{e.channel}")
        if e.instrument == "scope" and e.digital is not None:
            out.append(f"d{e.digital}")
        return out

    def confirm(self, key: str, text: str) -> None:
        """Take the trainee's word for where a lead, probe or clip is; ValueError if unreadable."""
        from meterlab.sim.board import NETS

        nets = [n.strip().upper() for n in text.replace(";", ",").split(",") if n.strip()]
        bad = [n for n in nets if n not in NETS]
        if not nets or bad or (key == "leads" and len(nets) > 2) or \
                (key != "leads" and len(nets) != 1):
            example = "leads = VBUS,GND" if key == "leads" else f"{key} = LED_PWM"
            raise ValueError(f"testpunten: {', '.join(NETS)} (bv. {example})"
                             if self.lang == "nl"
                             else f"test points: {', '.join(NETS)} (e.g. {example})")
        if key == "leads":
            self.leads = (nets[0], nets[1] if len(nets) > 1 else "GND")
        elif key.startswith("ch"):
            self.channels[int(key[2:])] = nets[0]
        elif key.startswith("d"):
            self.digital[int(key[1:])] = nets[0]
        else:
            raise ValueError(f"unknown position {key!r}")

    def _begin_record(self) -> None:
        ex = self.exercise
        notes = {"exercise": ex.id, "trainee": self.trainee, "lang": self.lang,
                 "skills": list(ex.skills), "level": ex.level, **self.drawn.as_dict(),
                 "bench": "real" if self.real else "simulated"}
        self.writer = self._store.begin(
            operator=self.trainee, station=self._station,
            dut_type="IoT sensor node" if self.real else "IoT sensor node (simulated)",
            dut_serial=f"seed {self.seed}", plan_name=ex.id, plan_version=ex.version,
            plan_sha256=ex.sha256, kind="exercise", notes=json.dumps(notes, sort_keys=True))
        for role, conn in (("dmm", self.dmm), ("scope", self.scope)):
            if conn is None:
                continue
            idn = conn.idn
            self.writer.add_instrument(role=role, resource=conn.resource, maker=idn.maker,
                                       model=idn.model, serial=idn.serial,
                                       firmware=idn.firmware)
        for step in ex.steps:
            self.writer.add_check(check_id=step.id, title=step.instructions["en"][:200],
                                  function=step.expect.function or step.expect.instrument,
                                  unit="pt", limit_text=f"{step.points} points",
                                  lower=float(step.points), upper=float(step.points),
                                  nominal=float(step.points))

    def finish(self) -> tuple[int, int]:
        """End the attempt: the score goes on record; returns (score, maximum)."""
        score, top = self.score
        if self.writer is not None and not self.writer.finished:
            self.writer.add_result(
                check_id="score", value=float(score),
                verdict=int(Verdict.PASS if score == top else Verdict.FAIL),
                note=json.dumps({"score": score, "max": top,
                                 "mistakes": [c for r in self.results for c in r.mistakes]}),
                role="dmm")
            done = all(s.id in self._tries for s in self.exercise.steps)
            self.writer.finish(status="complete" if done else "incomplete")
        return score, top

    def close(self) -> None:
        for conn in (self.dmm, self.scope):
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
        if self.writer is not None and not self.writer.finished:
            with contextlib.suppress(Exception):
                self.finish()
        if self.bench is not None and self._own_bench:
            self.bench.stop()
        elif self.bench is not None and self._previous_board is not None:
            swap_board(self.bench, self._previous_board)
            self._previous_board = None

    def __enter__(self) -> Attempt:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- grading ------------------------------------------------------------------------------

    @property
    def score(self) -> tuple[int, int]:
        return sum(self.best.values()), self.exercise.max_score

    def tries_left(self, step: Step) -> int:
        return self.exercise.attempts - self._tries.get(step.id, 0)

    def bench_state(self, step: Step) -> dict[str, Any]:
        """The instruments' settings now (only the instrument the step uses is asked)."""
        state: dict[str, Any] = {}
        if step.expect.instrument == "dmm":
            d = read_dmm(self.dmm, sim=not self.real)
            if self.real:
                d["probe"] = list(self.leads) if self.leads else None
            spec = getattr(self.dmm.profile, "spec", None)
            f = spec.function(d["function"]) if spec is not None else None
            d["ranges"] = list(f.ranges) if f is not None else []
            state["dmm"] = d
        elif step.expect.instrument == "scope":
            sc = read_scope(self.scope, sim=not self.real)
            if self.real:
                for n, net in self.channels.items():
                    sc["channels"][str(n)]["net"] = net
                for n, net in self.digital.items():
                    sc["la"]["digital"][str(n)]["net"] = net
            state["scope"] = sc
        return state

    def submit(self, step: Step, answers: dict[str, Any], raw: dict[str, str]) -> StepResult:
        """Grade `step` now, from the bench as it is and the parsed `answers`."""
        tries = self._tries.get(step.id, 0) + 1
        self._tries[step.id] = tries
        state = self.bench_state(step)
        ctx = Context(board=None if self.real else self.bench.board, drawn=self.drawn,
                      parts=self.exercise.scenario.parts, lang=self.lang,
                      reference=self.reference)
        codes = grade_step(step, state, answers, ctx)
        points = 0 if codes else (step.points if tries == 1 else step.points // 2)
        self.best[step.id] = max(self.best.get(step.id, 0), points)
        result = StepResult(step=step.id, attempt=tries, mistakes=codes,
                            feedback=feedback(step, codes, self.lang), points=points,
                            max_points=step.points, state=state, answers=dict(raw))
        self.results.append(result)
        if self.writer is not None:
            self.writer.add_result(check_id=step.id, value=float(points),
                                   verdict=int(Verdict.FAIL if codes else Verdict.PASS),
                                   note=json.dumps(result.as_dict(), sort_keys=True), role="dmm")
        return result


@functools.cache
def _profiles() -> tuple[Any, ...]:
    """The instrument profiles, read once per process (one attempt after another in a class)."""
    from meterlab.profiles import load_profiles

    return tuple(load_profiles())


def _open(resource: str, kind: str, backend: str | None) -> Any:
    """A connection with its profile applied (ranges and accuracy for the grader)."""
    from meterlab.profiles import require_profile
    from meterlab.visa import open_instrument

    conn = open_instrument(resource, backend=backend)
    try:
        conn.apply_profile(require_profile(conn.idn, kind, resource=resource,
                                           profiles=_profiles()))
    except BaseException:
        conn.close()
        raise
    return conn
