"""Exercise files: a limit plan's sibling, written by a teacher in TOML, read here.

An exercise reads like the worksheet it replaces (see docs/training.md)::

    [exercise]
    id = "dc-rails"
    level = 1                     # 1 first weeks … 3 end of the year
    skills = [1, 3]               # parts of competency 9 it trains (1–5)
    title = { nl = "…", en = "…", fr = "…" }   # fr optional: English until translated

    [scenario]                    # what changes from one trainee (seed) to the next
    temperature = [18.0, 32.0]    # °C, drawn
    faults = ["none", "ldo_drift"]
    dmm_start = ["NTC", "VBUS"]   # where the red lead lies at the start

    [[step]]
    id = "3v3"
    points = 2
    instructions = { nl = "…", en = "…" }
    expect = { instrument = "dmm", function = "VOLT:DC", at = "3V3", ref = "GND" }

    [[step.answer]]
    key = "value"                 # the trainee types `value = 3.30 V`
    kind = "quantity"
    truth = "VOLT:DC 3V3"         # the right answer, from the simulated board
    accept = "±1 %"

    [step.hints]
    wrong-function = { nl = "…", en = "…" }

Steps use the same words as plan checks (`at`, `ref`, a DMM function, a
tolerance) so a teacher who writes plans can write exercises. Every mistake in
the file is reported with file, line and key, because a teacher must find it
without reading code.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any

__all__ = ["Answer", "Exercise", "Expect", "Scenario", "Step", "find_exercise",
           "is_exercise_text", "list_exercises", "load_exercise", "parse_exercise"]

from meterlab.errors import FileFormatError, LimitError
from meterlab.paths import shipped_dir, user_dir
from meterlab.plan import DMM_FUNCTIONS
from meterlab.tolerance import limit_from
from meterlab.training.codes import (
    FALLBACK_LANGUAGE,
    LANGUAGES,
    MISTAKES,
    OPTIONAL_LANGUAGES,
)
from meterlab.training.locate import Locator as _Locator
from meterlab.training.model import Answer, Exercise, Expect, Scenario, Step
from meterlab.training.reference import parse_reference
from meterlab.training.truth import FAULT_NAMES, NETS, check_truth, truth_unit
from meterlab.units import parse_quantity

KINDS = ("quantity", "verdict", "choice", "text", "number", "yesno")
INSTRUMENTS = ("dmm", "scope", "none")
SKILLS = {1: "set up", 2: "system-specific", 3: "measure", 4: "interpret", 5: "tolerances"}
#: the mistake an answer of each kind names when it is wrong, unless the file says otherwise
DEFAULT_MISTAKE = {"quantity": "misread-value", "verdict": "wrong-verdict",
                   "choice": "wrong-diagnosis", "text": "misread-value",
                   "number": "misread-value", "yesno": "wrong-verdict"}
EXAMPLES = {"quantity": "3.30 V", "verdict": "PASS", "choice": "", "text": "T=25.0C",
            "number": "0x44", "yesno": "yes"}

_EX_KEYS = {"id", "version", "level", "skills", "title", "intro", "attempts", "author"}
_SCEN_KEYS = {"temperature", "faults", "r1", "dmm_start", "scope_start", "scope_probe",
              "parts"}
_STEP_KEYS = {"id", "points", "instructions", "expect", "answer", "hints", "title"}
_EXPECT_KEYS = {"instrument", "function", "at", "ref", "nplc_min", "channel", "probe",
                "coupling", "vdiv", "timebase", "trigger", "digital", "digital_at"}
_ANSWER_KEYS = {"key", "kind", "truth", "accept", "mistake", "options", "nominal",
                "tolerance", "rule", "of", "meter", "prompt", "example", "unit"}


# --- finding ------------------------------------------------------------------------------


def exercise_dirs() -> list[Path]:
    return [shipped_dir("limits") / "exercises", user_dir("limits") / "exercises"]


def list_exercises(errors: list[FileFormatError] | None = None) -> list[Exercise]:
    """Every exercise, shipped and the teacher's own (a user file overrides one by name).

    With `errors` given, a broken file is left out and its error appended there (a
    list of exercises must not vanish over one typo); without it, it is raised.
    """
    found: dict[str, Path] = {}
    for folder in exercise_dirs():
        if folder.is_dir():
            for p in sorted(folder.glob("*.toml")):
                found[p.name] = p
    out = []
    for p in found.values():
        try:
            out.append(load_exercise(p))
        except FileFormatError as exc:
            if errors is None:
                raise
            errors.append(exc)
    return sorted(out, key=lambda e: (e.level, e.id))


def find_exercise(name: str) -> Exercise:
    """An exercise by id (or file name), or a path to an exercise file."""
    p = Path(name)
    if p.suffix == ".toml" and p.is_file():
        return load_exercise(p)
    for folder in reversed(exercise_dirs()):
        candidate = folder / f"{name}.toml"
        if candidate.is_file():
            return load_exercise(candidate)
    for ex in list_exercises():
        if ex.id == name:
            return ex
    known = ", ".join(e.id for e in list_exercises()[:4])
    raise FileFormatError(f"no exercise called {name!r}; `meterlab exercise list` shows them "
                          f"all (e.g. {known}).", path=name)


def is_exercise_text(text: str) -> bool:
    """True when a TOML text is an exercise (an [exercise] table and [[step]]s), not a plan."""
    return re.search(r"^\s*\[\[step\]\]", text, re.MULTILINE) is not None \
        and re.search(r"^\s*\[exercise\]", text, re.MULTILINE) is not None


# --- loading ------------------------------------------------------------------------------


def load_exercise(path: str | Path) -> Exercise:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FileFormatError(f"cannot read the exercise: {exc.strerror}", path=str(path)) \
            from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError("not a UTF-8 text file; save it as UTF-8.", path=str(path),
                              line=raw[: exc.start].count(b"\n") + 1) from None
    return parse_exercise(text, path=str(path), sha256=hashlib.sha256(raw).hexdigest())


def parse_exercise(text: str, *, path: str = "<exercise>", sha256: str = "") -> Exercise:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise FileFormatError(f"not valid TOML ({exc})", path=path,
                              line=int(m.group(1)) if m else None) from None
    loc = _Locator(text)

    def fail(message: str, key: str, line: int | None) -> FileFormatError:
        return FileFormatError(message, path=path, line=line, key=key)

    for key in data:
        if key not in ("exercise", "scenario", "step", "reference"):
            raise fail(f'unknown table "[{key}]" (an exercise has [exercise], [scenario], '
                       "[reference] and [[step]])", key, loc.header(key))
    head = data.get("exercise")
    if not isinstance(head, dict):
        raise fail("missing the [exercise] table (id, level, skills, title)", "exercise", None)

    def hfail(key: str, message: str) -> FileFormatError:
        return fail(f"[exercise], key {key}: {message}", key, loc.key_in("exercise", key))

    _unknown(head, _EX_KEYS, hfail)
    eid = str(head.get("id", "")).strip()
    if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", eid):
        raise hfail("id", f'id {eid!r} — lowercase letters, digits and "-", e.g. "dc-rails"')
    level = head.get("level", 1)
    if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= 3:
        raise hfail("level", f"level {level!r} — expected 1, 2 or 3")
    skills = head.get("skills")
    if not isinstance(skills, list) or not skills or \
            not all(isinstance(s, int) and s in SKILLS for s in skills):
        raise hfail("skills", "expected a list of competency-9 parts 1–5, e.g. skills = [1, 3]")
    attempts = head.get("attempts", 2)
    if not isinstance(attempts, int) or isinstance(attempts, bool) or not 1 <= attempts <= 9:
        raise hfail("attempts", f"attempts {attempts!r} — expected a whole number 1–9")
    title = _lang_text(head.get("title"), lambda m: hfail("title", m), required=True)
    intro = _lang_text(head.get("intro"), lambda m: hfail("intro", m), required=False)
    scenario = _scenario(data.get("scenario", {}),
                         lambda k, m: fail(f"[scenario], key {k}: {m}", k,
                                           loc.key_in("scenario", k)))
    raw_steps = data.get("step")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise fail("the exercise has no [[step]] entries", "step", None)
    steps: list[Step] = []
    for i, raw in enumerate(raw_steps):
        step = _step(raw, i, loc, path)
        if any(s.id == step.id for s in steps):
            raise fail(f'step "{step.id}": the id is used twice', "id", loc.step_key(i, "id"))
        steps.append(step)
    if "diagnosis" in text and not scenario.parts:
        for i, s in enumerate(steps):
            if any(a.truth == "diagnosis" for a in s.answers):
                raise fail('a "diagnosis" answer needs [scenario] parts = { fault = "part" }',
                           "parts", loc.step_start(i))
    reference = _reference(data.get("reference", {}),
                           lambda k, m: fail(f"[reference], key {k}: {m}", k,
                                             loc.key_in("reference", k)))
    return Exercise(id=eid, version=str(head.get("version", "1")), level=level,
                    skills=tuple(skills), title=title, intro=intro, scenario=scenario,
                    steps=tuple(steps), attempts=attempts, path=path, sha256=sha256,
                    reference=reference)


def _reference(raw: Any, fail: Any) -> dict[str, str]:
    """`[reference]`: truth = "value unit ±tolerance", the answer key on a real board."""
    if not isinstance(raw, dict):
        raise fail("reference", 'expected a table of truth = "3.3 V ±3 %"')
    out: dict[str, str] = {}
    for key, value in raw.items():
        problem = check_truth(key)
        if problem:
            raise fail(key, problem)
        if not isinstance(value, str) or not value.strip():
            raise fail(key, f'expected text such as "3.3 V ±3 %", not {value!r}')
        try:
            parse_reference(key, value)
        except LimitError as exc:
            raise fail(key, str(exc)) from None
        out[key] = value
    return out


def _unknown(table: dict[str, Any], known: set[str], fail: Any) -> None:
    for key in table:
        if key not in known:
            raise fail(key, f'unknown key "{key}" (expected one of {", ".join(sorted(known))})')


def _lang_text(value: Any, fail: Any, *, required: bool) -> dict[str, str]:
    """Dutch and English are required; French is optional and falls back to English.

    Every language in OPTIONAL_LANGUAGES is always present in the result, so
    readers can index `text[lang]` without checking: a teacher can add French
    file by file, and until then a French trainee reads the English text.
    """
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or not all(isinstance(value.get(g), str) and value[g].strip()
                                              for g in LANGUAGES):
        raise fail('give the text in Dutch and English, e.g. { nl = "Meet …", en = "Measure …" }'
                   ' (French optional: fr = "Mesurez …")')
    out = {g: value[g].strip() for g in LANGUAGES}
    for g in OPTIONAL_LANGUAGES:
        extra = value.get(g)
        if extra is None:
            out[g] = out[FALLBACK_LANGUAGE]
        elif isinstance(extra, str) and extra.strip():
            out[g] = extra.strip()
        else:
            raise fail(f'{g} = … must be a non-empty text, e.g. {g} = "Mesurez …"')
    unknown = sorted(set(value) - set(LANGUAGES) - set(OPTIONAL_LANGUAGES))
    if unknown:
        raise fail(f'unknown language "{unknown[0]}" (expected nl, en and optionally fr)')
    return out


def _net(value: Any, fail: Any) -> str:
    name = str(value).strip().upper()
    if name not in NETS:
        raise fail(f"{value!r} is not a test point of the board ({', '.join(NETS)})")
    return name


def _scenario(raw: Any, fail: Any) -> Scenario:
    if not isinstance(raw, dict):
        raise fail("scenario", "must be a table")
    _unknown(raw, _SCEN_KEYS, fail)
    temp = raw.get("temperature")
    t_range = None
    if temp is not None:
        if not (isinstance(temp, list) and len(temp) == 2
                and all(isinstance(x, int | float) for x in temp)
                and -40 <= temp[0] <= temp[1] <= 125):
            raise fail("temperature", "expected [lowest, highest] in °C within -40 … 125, "
                                      "e.g. [18.0, 32.0]")
        t_range = (float(temp[0]), float(temp[1]))
    faults = raw.get("faults", [])
    if not isinstance(faults, list) or not all(str(f) in FAULT_NAMES for f in faults):
        raise fail("faults", f"expected a list drawn from {', '.join(FAULT_NAMES)}")
    r1: list[float] = []
    if not isinstance(raw.get("r1", []), list):
        raise fail("r1", 'expected a list of resistances, e.g. ["4.7 kΩ", "10 kΩ"]')
    for v in raw.get("r1", []):
        try:
            value, unit = parse_quantity(str(v), "Ω")
        except LimitError as exc:
            raise fail("r1", str(exc)) from None
        if unit != "Ω" or not 1.0 <= value <= 10e6:
            raise fail("r1", f"{v!r} — expected a resistance such as \"4.7 kΩ\"")
        r1.append(value)
    starts = {}
    for key in ("dmm_start", "scope_start"):
        vals = raw.get(key, [])
        if not isinstance(vals, list):
            raise fail(key, 'expected a list of test points, e.g. ["NTC", "VBUS"]')
        starts[key] = tuple(_net(v, lambda m, k=key: fail(k, m)) for v in vals)
    probe = raw.get("scope_probe", [])
    if not isinstance(probe, list) or not all(p in (1, 10) for p in probe):
        raise fail("scope_probe", "expected a list of the scope's probe settings to start "
                                  "with, 1 and/or 10")
    parts = raw.get("parts", {})
    if not isinstance(parts, dict) or not all(k in FAULT_NAMES and isinstance(v, str)
                                              for k, v in parts.items()):
        raise fail("parts", 'expected fault = "part", e.g. { none = "none", ldo_drift = "LDO" }')
    missing = [f for f in faults if parts and f not in parts]
    if missing:
        raise fail("parts", f"names no part for the fault {missing[0]!r}")
    return Scenario(temperature=t_range, faults=tuple(faults), r1=tuple(r1),
                    dmm_start=starts["dmm_start"], scope_start=starts["scope_start"],
                    scope_probe=tuple(float(p) for p in probe), parts=dict(parts))


def _step(raw: Any, index: int, loc: _Locator, path: str) -> Step:
    line0 = loc.step_start(index)
    sid = str(raw.get("id", "")).strip() if isinstance(raw, dict) else ""
    label = f'step "{sid}"' if sid else f"step #{index + 1}"

    def fail(key: str, message: str, line: int | None = None) -> FileFormatError:
        return FileFormatError(f"{label}, key {key}: {message}", path=path,
                               line=line or loc.step_key(index, key) or line0, key=key)

    if not isinstance(raw, dict):
        raise fail("step", "each [[step]] must be a table")
    _unknown(raw, _STEP_KEYS, fail)
    if not re.fullmatch(r"[A-Za-z0-9_\-]+", sid):
        raise fail("id", 'missing or odd "id" — a short name such as "3v3"')
    points = raw.get("points", 1)
    if not isinstance(points, int) or isinstance(points, bool) or not 0 <= points <= 100:
        raise fail("points", f"points {points!r} — expected a whole number 0–100")
    instructions = _lang_text(raw.get("instructions"), lambda m: fail("instructions", m),
                              required=True)
    expect = _expect(raw.get("expect", {}), fail)
    answers: list[Answer] = []
    raw_answers = raw.get("answer", [])
    if not isinstance(raw_answers, list):
        raise fail("answer", "answers are [[step.answer]] tables")
    for j, ra in enumerate(raw_answers):
        line = loc.answer_start(index, j)

        def afail(key: str, message: str, j: int = j, line: int | None = line) -> FileFormatError:
            return fail(key, f"in answer #{j + 1}: {message}",
                        loc.answer_key(index, j, key) or line)

        ans = _answer(ra, afail)
        if any(a.key == ans.key for a in answers):
            raise afail("key", f'the key "{ans.key}" is asked twice in this step')
        answers.append(ans)
    keys = {a.key for a in answers}
    for a in answers:
        if a.kind == "verdict" and a.of not in keys and not a.truth:
            raise fail("of", f'the verdict judges "{a.of}", but the step asks no such answer; '
                             'add it or give the verdict a truth')
    if expect.instrument == "none" and not answers:
        raise fail("answer", "a step without an instrument needs at least one [[step.answer]]")
    hints_raw = raw.get("hints", {})
    if not isinstance(hints_raw, dict):
        raise fail("hints", "hints are a table: mistake-code = { nl = …, en = … }")
    hints: dict[str, dict[str, str]] = {}
    for code, text in hints_raw.items():
        if code not in MISTAKES:
            raise fail("hints", f'hint for unknown mistake "{code}" (codes: '
                                f'{", ".join(MISTAKES)})', loc.step_key(index, code))
        hints[code] = _lang_text(text, lambda m, c=code: fail(c, m, loc.step_key(index, c)),
                                 required=True)
    return Step(id=sid, points=points, instructions=instructions, expect=expect,
                answers=tuple(answers), hints=hints, line=line0 or 0)


def _range(value: Any, unit: str, fail: Any, key: str) -> tuple[float, float]:
    text = str(value)
    parts = [p.strip() for p in text.split("..")]
    if len(parts) != 2:
        raise fail(key, f'{key} "{text}" — expected a span such as "100 us .. 1 ms"')
    try:
        lo = parse_quantity(parts[0], unit)
        hi = parse_quantity(parts[1], unit)
    except LimitError as exc:
        raise fail(key, str(exc)) from None
    if lo[1] != unit or hi[1] != unit or not 0 < lo[0] <= hi[0]:
        raise fail(key, f'{key} "{text}" — two {unit} values, the smaller first')
    return lo[0], hi[0]


def _expect(raw: Any, fail: Any) -> Expect:
    if not isinstance(raw, dict):
        raise fail("expect", "expect is a table, e.g. { instrument = \"dmm\", function = … }")
    _unknown(raw, _EXPECT_KEYS, fail)
    inst = str(raw.get("instrument", "dmm" if "function" in raw else "none")).lower()
    if inst not in INSTRUMENTS:
        raise fail("instrument", f'instrument "{inst}" — expected dmm, scope or none')
    function = str(raw.get("function", "")).upper()
    if inst == "dmm" and function not in DMM_FUNCTIONS:
        raise fail("function", f'function "{function}" — expected one of '
                               f'{", ".join(DMM_FUNCTIONS)}')
    at = _net(raw["at"], lambda m: fail("at", m)) if "at" in raw else ""
    ref = _net(raw.get("ref", "GND"), lambda m: fail("ref", m))
    if inst in ("dmm", "scope") and not at and "digital" not in raw:
        raise fail("at", "which test point? e.g. at = \"3V3\"")
    nplc = raw.get("nplc_min")
    if nplc is not None and (not isinstance(nplc, int | float) or not 0 < nplc <= 100):
        raise fail("nplc_min", "expected a positive number of power-line cycles, e.g. 1")
    channel = raw.get("channel", 1)
    if channel not in (1, 2, 3, 4):
        raise fail("channel", "expected a scope channel 1–4")
    probe = raw.get("probe")
    if probe is not None and probe not in (1, 10):
        raise fail("probe", "expected the probe ratio 1 or 10")
    coupling = str(raw.get("coupling", "")).upper()
    if coupling not in ("", "AC", "DC"):
        raise fail("coupling", 'expected "AC" or "DC"')
    vdiv = _range(raw["vdiv"], "V", fail, "vdiv") if "vdiv" in raw else None
    timebase = _range(raw["timebase"], "s", fail, "timebase") if "timebase" in raw else None
    digital = raw.get("digital")
    if digital is not None and (not isinstance(digital, int) or not 0 <= digital <= 15):
        raise fail("digital", "expected a logic channel 0–15")
    dat = _net(raw["digital_at"], lambda m: fail("digital_at", m)) if "digital_at" in raw \
        else ""
    if (digital is None) != (not dat):
        raise fail("digital", "give both digital (the line) and digital_at (the test point)")
    trig = raw.get("trigger", False)
    if not isinstance(trig, bool):
        raise fail("trigger", "expected true or false")
    return Expect(instrument=inst, function=function, at=at, ref=ref,
                  nplc_min=float(nplc) if nplc is not None else None, channel=int(channel),
                  probe=float(probe) if probe is not None else None, coupling=coupling,
                  vdiv=vdiv, timebase=timebase, trigger=trig, digital=digital, digital_at=dat)


def _answer(raw: Any, fail: Any) -> Answer:
    if not isinstance(raw, dict):
        raise fail("answer", "each [[step.answer]] must be a table")
    _unknown(raw, _ANSWER_KEYS, fail)
    key = str(raw.get("key", "")).strip()
    if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise fail("key", f'key {key!r} — a lowercase word the trainee types, e.g. "value"')
    kind = str(raw.get("kind", "quantity"))
    if kind not in KINDS:
        raise fail("kind", f'kind "{kind}" — expected one of {", ".join(KINDS)}')
    truth = str(raw.get("truth", "")).strip()
    if kind != "verdict" and not truth:
        raise fail("truth", 'what is right? e.g. truth = "VOLT:DC 3V3" (see docs/training.md)')
    if truth:
        problem = check_truth(truth)
        if problem:
            raise fail("truth", problem)
    mistake = str(raw.get("mistake", DEFAULT_MISTAKE[kind]))
    if mistake not in MISTAKES:
        raise fail("mistake", f'unknown mistake code "{mistake}"')
    unit = ""
    if kind == "quantity":
        unit = str(raw.get("unit", "")) or truth_unit(truth)
    accept = str(raw.get("accept", "±2 %" if kind == "quantity" else ""))
    if kind == "quantity":
        try:
            limit_from(1.0, accept, unit)
        except LimitError as exc:
            raise fail("accept", f'accept "{accept}": {exc}') from None
    options = raw.get("options", [])
    if kind == "choice" and (not isinstance(options, list) or len(options) < 2
                             or not all(isinstance(o, str) for o in options)):
        raise fail("options", 'a choice needs options = ["…", "…"] (two or more)')
    limit = None
    rule = str(raw.get("rule", "simple"))
    meter = None
    if kind in ("verdict", "yesno") and ("tolerance" in raw or "nominal" in raw):
        if "nominal" not in raw or "tolerance" not in raw:
            raise fail("tolerance", "give both nominal and tolerance, e.g. nominal = \"3.3 V\"")
        try:
            nom, nunit = parse_quantity(str(raw["nominal"]))
            limit = limit_from(nom, str(raw["tolerance"]), nunit)
        except LimitError as exc:
            raise fail("tolerance", str(exc)) from None
    if kind == "verdict" and limit is None:
        raise fail("tolerance", "a verdict needs nominal and tolerance to judge against")
    if rule not in ("simple", "guarded"):
        raise fail("rule", 'expected "simple" or "guarded"')
    if "meter" in raw:
        m = raw["meter"]
        if not (isinstance(m, list) and len(m) == 2 and isinstance(m[0], int | float)
                and isinstance(m[1], str)):
            raise fail("meter", 'the meter used, as [% of reading, "absolute"], '
                                'e.g. [0.5, "20 mV"]')
        try:
            absolute = parse_quantity(m[1], limit.unit if limit else None)[0]
        except LimitError as exc:
            raise fail("meter", str(exc)) from None
        meter = (float(m[0]), absolute)
    if (rule == "guarded" or truth == "tur_ok") and meter is None:
        raise fail("meter", "a guarded verdict or a TUR question needs the meter's accuracy, "
                            'meter = [% of reading, "absolute"]')
    if truth == "tur_ok" and limit is None:
        raise fail("tolerance", "a TUR question needs nominal and tolerance")
    prompt = _lang_text(raw.get("prompt"), lambda m: fail("prompt", m), required=False)
    example = str(raw.get("example", "")) or (options[0] if kind == "choice" else
                                              EXAMPLES[kind] if kind != "quantity"
                                              else f"1.23 {unit}")
    return Answer(key=key, kind=kind, truth=truth, unit=unit, accept=accept, mistake=mistake,
                  options=tuple(options) if kind == "choice" else (), limit=limit, rule=rule,
                  of=str(raw.get("of", "value")), meter=meter, prompt=prompt, example=example)
