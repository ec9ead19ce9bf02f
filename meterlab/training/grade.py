"""Grade one step from the instruments' real state and the trainee's answers.

The setup is judged the way a teacher behind the trainee would: from what the
meter and the scope are actually set to and where the leads and probes actually
are, not from what the trainee says. The answers are then judged against the
board's own truth — or, on a real board (`Context.reference`), against the
reference values within their tolerance. Each mistake is a stable code (`codes.MISTAKES`) with words
in the trainee's language and, if the exercise has one, a hint.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from meterlab.readings import Verdict
from meterlab.tolerance import expanded_uncertainty, limit_from, tur
from meterlab.training.answers import YES
from meterlab.training.codes import words
from meterlab.training.format import Answer, Step
from meterlab.training.reference import Reference
from meterlab.training.truth import Drawn, truth

#: nets with no supply on them: the unpowered test coupon and ground
UNPOWERED = {"GND", "R1", "D1", "C1"}
PASSIVE_FUNCTIONS = {"RES", "FRES", "CONT", "DIOD", "CAP"}
#: the 34465A reads up to 120 % of a range before it overloads
OVERRANGE = 1.2
PHYSICAL_PROBE = 10.0  #: the scope's probes on the board are 10:1
LOGIC_HIGH = 3.3  #: the MCU's logic nets swing 0 V .. 3.3 V
DIGITAL_NETS = {"LED_PWM", "UART_TX", "SCL", "SDA"}
TUR_MINIMUM = 4.0


@dataclass
class StepResult:
    step: str
    attempt: int
    mistakes: list[str]
    feedback: list[str]
    points: int
    max_points: int
    state: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, str] = field(default_factory=dict)

    @property
    def correct(self) -> bool:
        return not self.mistakes

    def as_dict(self) -> dict[str, Any]:
        return {"step": self.step, "attempt": self.attempt, "mistakes": self.mistakes,
                "points": self.points, "max_points": self.max_points, "state": self.state,
                "answers": self.answers}


@dataclass
class Context:
    """What grading needs besides the step: the board and what the seed drew.

    On a real board `board` is None and `reference` is the answer key instead.
    """

    board: Any
    drawn: Drawn
    parts: dict[str, str]
    lang: str = "en"
    reference: Reference | None = None

    def measure(self, function: str, hi: str, lo: str) -> float | None:
        if self.reference is not None:
            return self.reference.measure(function, hi, lo)
        return float(self.board.measure(function, hi, lo))


def grade_step(step: Step, state: dict[str, Any], answers: dict[str, Any],
               ctx: Context) -> list[str]:
    """The mistake codes of this step, in the order a teacher would name them."""
    codes: list[str] = []
    e = step.expect
    if e.instrument == "dmm" and state.get("dmm"):
        _dmm(step, state["dmm"], ctx, codes)
    if e.instrument == "scope" and state.get("scope"):
        _scope(step, state["scope"], ctx, codes)
    setup_wrong = bool(codes)
    for a in step.answers:
        if a.key in answers:
            code = _answer(a, answers, step, ctx, setup_wrong)
            if code and code not in codes:
                codes.append(code)
    return codes


def feedback(step: Step, codes: list[str], lang: str) -> list[str]:
    """One line per mistake: `[code] general words  hint of this exercise`."""
    out = []
    for code in codes:
        line = f"[{code}] {words(code, lang)}"
        hint = step.hints.get(code, {}).get(lang)
        if hint:
            line += f" {hint}"
        out.append(line)
    return out


# --- the multimeter ------------------------------------------------------------------------


def _add(codes: list[str], code: str) -> None:
    if code not in codes:
        codes.append(code)


def _dmm(step: Step, d: dict[str, Any], ctx: Context, codes: list[str]) -> None:
    e = step.expect
    fn = d.get("function") or ""
    if d.get("fuse") == "BLOWN":
        _add(codes, "current-in-parallel")
    if fn == "FRES" and e.function == "RES":
        fn = "RES"  # 4-wire where 2-wire was asked: better, not wrong
    if fn != e.function:
        pair = {fn, e.function}
        _add(codes, "ac-dc" if pair in ({"VOLT:DC", "VOLT:AC"}, {"CURR:DC", "CURR:AC"})
             else "wrong-function")
    probe = d.get("probe")
    placed_right = False
    if probe:
        hi, lo = probe[0], probe[1] if len(probe) > 1 else "GND"
        if fn in PASSIVE_FUNCTIONS and not {hi, lo} <= UNPOWERED:
            _add(codes, "resistance-powered")
        elif fn.startswith("CURR") and e.function.startswith("CURR"):
            placed_right = "ISUPPLY" in (hi, lo)
            if not placed_right and d.get("fuse") != "BLOWN":
                _add(codes, "wrong-test-point")
        elif (hi, lo) == (e.at, e.ref):
            placed_right = True
        elif (hi, lo) == (e.ref, e.at):
            _add(codes, "reversed-leads")
        else:
            _add(codes, "wrong-test-point")
    if fn == e.function and placed_right:
        _range(d, fn, e.at, e.ref, ctx, codes)
    if e.nplc_min is not None and d.get("nplc") is not None and d["nplc"] < e.nplc_min - 1e-9:
        _add(codes, "nplc-too-low")


def _range(d: dict[str, Any], fn: str, at: str, ref: str, ctx: Context,
           codes: list[str]) -> None:
    if d.get("auto") is not False or d.get("range") is None:
        return  # autorange always fits
    try:
        measured = ctx.measure(fn, at, ref)
    except (KeyError, ValueError):
        return
    if measured is None:
        return  # a real board with no reference for this reading: no range to judge
    value = abs(measured)
    if not math.isfinite(value):
        return
    rng = float(d["range"])
    if value > rng * OVERRANGE:
        _add(codes, "range-overload")
        return
    ranges = sorted(d.get("ranges") or ())
    best = next((r for r in ranges if value <= r * OVERRANGE * 0.98), None)
    if best is not None and rng > best * (1 + 1e-6):
        _add(codes, "range-resolution")


# --- the scope -----------------------------------------------------------------------------


def _scope(step: Step, s: dict[str, Any], ctx: Context, codes: list[str]) -> None:
    e = step.expect
    if e.at:
        ch = s["channels"][str(e.channel)]
        if ch.get("net") != e.at:
            _add(codes, "wrong-test-point")
        elif not ch.get("display"):
            _add(codes, "wrong-function")
        if e.probe is not None and ch.get("probe") is not None \
                and not math.isclose(ch["probe"], e.probe):
            _add(codes, "probe-ratio")
        if e.coupling and ch.get("coupling") != e.coupling:
            _add(codes, "ac-dc")
        if e.vdiv and ch.get("scale") and ch.get("probe"):
            tip = ch["scale"] * PHYSICAL_PROBE / ch["probe"]  # V/div at the probe tip
            if tip < e.vdiv[0] * (1 - 1e-6):
                _add(codes, "range-overload")
            elif tip > e.vdiv[1] * (1 + 1e-6):
                _add(codes, "range-resolution")
    if e.digital is not None:
        line = s["la"]["digital"][str(e.digital)]
        if line.get("net") != e.digital_at:
            _add(codes, "wrong-test-point")
        elif not (s["la"].get("state") and line.get("on")):
            _add(codes, "wrong-function")
    tb = s.get("timebase")
    if e.timebase and tb is not None and not \
            e.timebase[0] * (1 - 1e-6) <= tb <= e.timebase[1] * (1 + 1e-6):
        _add(codes, "timebase")
    if e.trigger:
        _trigger(step, s, ctx, codes)


def _trigger(step: Step, s: dict[str, Any], ctx: Context, codes: list[str]) -> None:
    e = step.expect
    trig = s.get("trigger", {})
    if e.at:
        want, net = f"CHAN{e.channel}", e.at
        ch = s["channels"][str(e.channel)]
        gain = (ch.get("probe") or PHYSICAL_PROBE) / PHYSICAL_PROBE
        ac = ch.get("coupling") == "AC"
    else:
        want, net, gain, ac = f"D{e.digital}", e.digital_at, 1.0, False
    if trig.get("mode") not in (None, "EDGE") or trig.get("source") != want:
        _add(codes, "no-trigger")
        return
    if want.startswith("D"):
        return  # a logic line triggers at its threshold
    if ctx.board is None:
        if net not in DIGITAL_NETS:
            return  # a real board's analog swing is not known: only the source is judged
        low, high = 0.0, LOGIC_HIGH * gain
        if ac:
            low, high = low - high * 0.5, high * 0.5
    else:
        t = np.linspace(0.0, 0.02, 200_001)
        v = ctx.board.analog(net, t) * gain
        if ac:
            v = v - v.mean()
        low, high = float(v.min()), float(v.max())
    level = trig.get("level")
    if level is None or not low < level < high:
        _add(codes, "no-trigger")


# --- the answers ---------------------------------------------------------------------------


def _answer(a: Answer, answers: dict[str, Any], step: Step, ctx: Context,
            setup_wrong: bool) -> str | None:
    given = answers[a.key]
    if a.kind == "quantity":
        return _quantity(a, given, ctx, setup_wrong)
    if a.kind == "verdict":
        return _verdict(a, given, answers, step, ctx)
    if a.kind == "yesno":
        expected = _tur_ok(a) if a.truth == "tur_ok" else \
            str(_truth(a.truth, ctx)).upper() in YES
        return None if given == expected else a.mistake
    expected = _truth(a.truth, ctx)
    if a.kind == "number":
        want = int(str(expected), 0)
        return None if given == want else a.mistake
    norm = " ".join(str(given).split()).casefold()
    if a.truth == "uart_text":
        norm = re.sub(r"\s*#\d*$", "", norm)  # the line counter after " #" changes anyway
    return None if norm == " ".join(str(expected).split()).casefold() else a.mistake


def _truth(name: str, ctx: Context) -> Any:
    if ctx.reference is not None:
        return ctx.reference.value(name)
    return truth(name, ctx.board, ctx.drawn, ctx.parts)


def _within(a: Answer, value: float, true: float, ctx: Context) -> bool:
    ref = ctx.reference.limit(a.truth, a.unit) if ctx.reference is not None else None
    if ref is not None:
        return ref.lower <= value <= ref.upper  # a real part: its tolerance, not `accept`
    if true == 0.0:
        return abs(value) < 1e-12
    limit = limit_from(true, a.accept, a.unit)
    return limit.lower <= value <= limit.upper


def _quantity(a: Answer, given: tuple[float, str], ctx: Context, setup_wrong: bool) -> str | None:
    value, unit = given
    true = float(_truth(a.truth, ctx))
    if unit != a.unit:
        return "unit-or-prefix"
    if not math.isfinite(true):
        return a.mistake  # nothing to read (an open part): a number is never right
    if _within(a, value, true, ctx):
        return None
    if true != 0.0 and value != 0.0:
        decades = math.log10(abs(value / true))
        k = round(decades / 3)
        if k != 0 and abs(decades - 3 * k) < 0.05:
            return "unit-or-prefix"
        if _within(a, -value, true, ctx):
            return "reversed-leads"
    # a wrong setup already explains a wrong number: name the cause, not the symptom
    return None if setup_wrong else a.mistake


def _judged_value(a: Answer, answers: dict[str, Any], step: Step, ctx: Context) -> float:
    if a.truth:
        return float(_truth(a.truth, ctx))
    source = next(x for x in step.answers if x.key == a.of)
    true = float(_truth(source.truth, ctx))
    given = answers.get(a.of)
    if isinstance(given, tuple) and given[1] == source.unit \
            and _within(source, given[0], true, ctx):
        return float(given[0])  # their own correct reading, with its noise
    return true


def _uncertainty(a: Answer, value: float) -> float | None:
    if a.meter is None:
        return None
    pct, absolute = a.meter
    return float(expanded_uncertainty(value, pct_reading=pct, pct_range=100.0,
                                      range_=absolute))


def _verdict(a: Answer, given: str, answers: dict[str, Any], step: Step,
             ctx: Context) -> str | None:
    assert a.limit is not None
    value = _judged_value(a, answers, step, ctx)
    ev = a.limit.evaluate(value, uncertainty=_uncertainty(a, value), rule=a.rule)
    expected = ev.overall().name
    if given == expected:
        return None
    if expected == Verdict.MARGINAL.name and given == Verdict.PASS.name:
        return "ignored-warn-band"
    return a.mistake


def _tur_ok(a: Answer) -> bool:
    assert a.limit is not None
    nominal = a.limit.nominal if a.limit.nominal is not None else \
        (a.limit.lower + a.limit.upper) / 2
    u = _uncertainty(a, nominal)
    return u is not None and tur(a.limit, u) >= TUR_MINIMUM
