"""Long fuzzing runs with counts, outside the normal suite (that keeps a fast sample).

Why: a parser that meets a reply, a limit or a file nobody wrote by hand must either
accept it or refuse it with the error a person can act on (the documented error type,
which the CLI and the app turn into one line). Anything else is an uncaught exception
— an "internal error" at the bench. This script feeds each parser many generated
inputs with Hypothesis and counts both:

    uv run python scripts/fuzz.py                       # 100,000 inputs per target
    uv run python scripts/fuzz.py --examples 2000 tolerance scpi-replies

Targets and what each may raise (anything else counts as uncaught):

- tolerance: `parse_limit`, `limit_from` → LimitError
- plan: `load_plan` on a TOML file (seed plans mutated, or generated text) → FileFormatError
- profile: `load_profile` on a TOML file (seed profiles mutated) → FileFormatError
- scpi-replies: `parse_numbers`, `parse_number`, `block_header`, `split_block`,
  `parse_block`, `parse_idn`, `parse_error`, `parse_conf`, `unquote` → InstrumentError
- sim-commands: the simulated 34465A's and MSO1104Z's `execute` (split into units,
  header parse, table lookup, parameters). The simulator turns every Python exception
  into SCPI error -300 carrying the exception's class name, so the queue is read after
  each input: a -300 naming an exception, or `execute` raising, counts as uncaught.
  The instruments run on a clock that advances 1 ms per look, so waits end at once.

Hypothesis runs generation only (no shrinking, no example database); the first few
uncaught inputs of each target are printed with their traceback line.

One file of ~500 lines on purpose: the five targets share the counting harness, and a
fuzz run is easiest to hand to someone as a single script.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meterlab.errors import FileFormatError, InstrumentError, LimitError  # noqa: E402

#: A progress line every so many inputs: a run cut short still says how far it got.
PROGRESS_EVERY = 10_000


@dataclass
class Tally:
    name: str
    inputs: int = 0
    refused: int = 0  # documented errors: a refusal a person can act on
    uncaught: int = 0
    seconds: float = 0.0
    next_progress: int = PROGRESS_EVERY
    slow: list[str] = field(default_factory=list)  # simulator: messages over 5 s
    waited: int = 0  # simulator only: a wait for a trigger that never comes, cut short
    first: list[str] = field(default_factory=list)

    def crash(self, what: str, exc: BaseException) -> None:
        self.uncaught += 1
        if len(self.first) < 5:
            frames = traceback.extract_tb(exc.__traceback__)
            where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
            self.first.append(f"{type(exc).__name__}: {exc}{where} <- {what[:200]!r}")


def _run(tally: Tally, what: object, fn: Callable[[], object],
         allowed: tuple[type[BaseException], ...], *, count: bool = True) -> None:
    tally.inputs += count
    try:
        fn()
    except allowed:
        tally.refused += 1
    except Exception as exc:  # the point of the run: count, never stop
        tally.crash(repr(what), exc)


#: Each Hypothesis example is also tried in this many mutated forms (the parsers take
#: microseconds; Hypothesis' own generation takes milliseconds an example on this machine,
#: so mutations are what makes 100,000 inputs a target fit in minutes).
AMPLIFY = 10
_POOL = "0123456789.,;:+-±%()#\"' \n\tVAΩkmµE?*\x00\x7f\u202e\ufeffé"


def _mutate_one(x: str | bytes, rnd: random.Random) -> str | bytes:
    """One random edit: cut, drop a piece, insert or repeat a piece, swap two pieces."""
    n = len(x)
    i, j = sorted((rnd.randint(0, n), rnd.randint(0, n)))
    op = rnd.randrange(5)
    if isinstance(x, bytes):
        ins = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 3)))
    else:
        ins = "".join(rnd.choice(_POOL) for _ in range(rnd.randint(1, 3)))
    if op == 0:
        return x[:i]
    if op == 1:
        return x[:i] + x[j:]
    if op == 2:
        return x[:i] + ins + x[i:]
    if op == 3:
        return x[:j] + x[i:j] + x[j:]
    return x[:i] + x[j:] + x[i:j]


def _drive(tally: Tally, examples: int, strategy: st.SearchStrategy,
           body: Callable[[object], None], fields: tuple[int, ...] = ()) -> None:
    """Run `body` on `examples` inputs: Hypothesis examples of `strategy`, each followed by
    AMPLIFY - 1 mutations of its text (one of the tuple's `fields`, or the whole input)."""
    per = min(AMPLIFY, examples)
    t0 = time.perf_counter()

    @settings(max_examples=-(-examples // per), database=None, deadline=None,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(strategy, st.randoms(use_true_random=False))
    def run(x: object, rnd: random.Random) -> None:
        if tally.inputs >= tally.next_progress:
            tally.next_progress += PROGRESS_EVERY
            print(f"  {tally.name}: {tally.inputs:,} inputs, {tally.uncaught} uncaught "
                  f"({time.perf_counter() - t0:.0f} s)", flush=True)
        body(x)
        for _ in range(per - 1):
            if not fields:
                body(_mutate_one(x, rnd))  # type: ignore[arg-type]
            else:
                y = list(x)  # type: ignore[call-overload]
                f = rnd.choice(fields)
                y[f] = _mutate_one(y[f], rnd)
                body(tuple(y))

    run()
    tally.seconds = time.perf_counter() - t0


# --- tolerance ---------------------------------------------------------------------------

_NUM = st.one_of(
    st.integers(-10**6, 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.from_regex(r"[-+]?[0-9]{1,4}(\.[0-9]{0,4})?([eE][-+]?[0-9]{1,3})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,4}(\.[0-9]{1,3})?", fullmatch=True),
    st.from_regex(r"[0-9][kKmMRr][0-9]", fullmatch=True),  # 4k7, 2R2
)
_UNIT = st.sampled_from(["", "V", "mV", "uV", "µV", "kV", "A", "mA", "µA", "Ω", "kΩ", "MΩ",
                         "ohm", "Hz", "kHz", "MHz", "F", "nF", "pF", "s", "ms", "°C", "%",
                         "ppm", "dB", "W", "VAC", "Ohm"])
_OP = st.sampled_from(["±", "+/-", "+-", "+", "-", "/", "..", "…", "to", ">=", "<=", ">", "<",
                       "=", "(", ")", "%", "ppm", "E6", "E12", "E24", "E48", "E96", "E192",
                       "warn", "of", "range", "reading", ",", " ", "  ", "\t", "≥", "≤"])
_TOL_TOKEN = st.one_of(_NUM, _UNIT, _OP, st.text(max_size=3))
_SI = st.sampled_from(["", "m", "µ", "u", "k", "M", "n", "p", "G"])
_BASE = st.sampled_from(["V", "A", "Ω", "Hz", "F", "s", "ohm", "°C", "dB", "Bd", "W"])
_PLAIN = st.from_regex(r"-?[0-9]{1,3}(\.[0-9]{1,3})?", fullmatch=True)
_AMT = st.from_regex(r"[1-9][0-9]{0,2}(\.[0-9]{1,3})?", fullmatch=True)
_QTY = st.one_of(
    st.tuples(_PLAIN, st.sampled_from(["", " "]), _SI,
              st.sampled_from(["V", "A", "Ω", "Hz", "F", "s"])).map("".join),
    st.tuples(_NUM, st.sampled_from(["", " "]), _SI, _BASE).map("".join))
#: Limits shaped like the ones people write (nominal ± tolerance, bands, bounds, E-series),
#: with random numbers, prefixes and units, so the run reaches past the tokenizer.
_WELL_FORMED = st.one_of(
    st.tuples(_QTY, st.sampled_from([" ±", " +/-", " ± ", "±"]), _AMT,
              st.sampled_from([" %", "%", " ppm", "", " mV", " V", " Ω"])).map("".join),
    st.tuples(_QTY, st.sampled_from([" .. ", "..", " to ", " … "]), _QTY).map("".join),
    st.tuples(st.sampled_from([">= ", "<= ", ">", "<", "≥ ", "≤ "]), _QTY).map("".join),
    st.tuples(_QTY, st.sampled_from([" E6", " E12", " E24", " E96", " E192", " E7"])
              ).map("".join),
    st.tuples(_QTY, st.sampled_from([" +", " + "]), _NUM, st.sampled_from([" %/-", " % -"]),
              _NUM, st.sampled_from([" %", ""])).map("".join),
    st.tuples(_QTY, st.just(" ±("), _NUM, st.just(" % + "), _QTY, st.just(")")).map("".join),
    st.tuples(_QTY, st.just(" ±"), _NUM, st.just(" % warn ±"), _NUM, st.just(" %")
              ).map("".join),
)
TOL_TEXT = st.one_of(
    _WELL_FORMED, _WELL_FORMED, _WELL_FORMED, _WELL_FORMED,
    st.lists(_TOL_TOKEN, max_size=12).map(" ".join),
    st.lists(_TOL_TOKEN, max_size=12).map("".join),
    st.text(max_size=40),
)


def fuzz_tolerance(examples: int) -> Tally:
    from meterlab.tolerance import limit_from, parse_limit

    t = Tally("tolerance parser")
    units = st.one_of(st.none(), st.none(), st.none(),
                      st.sampled_from(["V", "A", "Ω", "Hz", "F", "s", "°C", "%", "dB", "Bd",
                                       "W", "x"]))

    def body(x: object) -> None:
        kind, text, unit, nominal = x  # type: ignore[misc]
        if kind:
            _run(t, (text, unit), lambda: parse_limit(text, unit), (LimitError,))
        else:
            _run(t, (nominal, text, unit),
                 lambda: limit_from(nominal, text, unit or "V"), (LimitError,))

    nominal = st.one_of(st.floats(allow_nan=True, allow_infinity=True), TOL_TEXT)
    _drive(t, examples, st.tuples(st.booleans(), TOL_TEXT, units, nominal), body, (1,))
    return t


# --- TOML files: plans and profiles -------------------------------------------------------

_TOML_VALUE = st.one_of(
    st.integers(-2**70, 2**70).map(str),
    st.floats().map(repr),  # "inf" and "nan" are TOML floats too
    st.text(max_size=20).map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"')
                             .replace("\n", "\\n") + '"'),
    st.sampled_from(["true", "false", "[]", "{}", '["a", 1]', "[[[[1]]]]", "1979-05-27",
                     '"3.3 V ±3 %"', '"<= 20 mV"', '"VOLT:DC"', '"E24"', "1e308", "-0",
                     "[" * 200 + "]" * 200, '{ a = { b = { c = 1 } } }']),
    TOL_TEXT.map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', "'")
                 .replace("\n", " ") + '"'),
)


def _mutate(lines: list[str], ops: list[tuple[int, int, str, str]]) -> str:
    """Apply line mutations: drop, repeat, swap, set a key's value, insert, cut."""
    out = list(lines)
    for op, pos, value, junk in ops:
        if not out:
            out.append(junk)
            continue
        i = pos % len(out)
        if op == 0:
            del out[i]
        elif op == 1:
            out.insert(i, out[i])
        elif op == 2:
            j = (pos // 7) % len(out)
            out[i], out[j] = out[j], out[i]
        elif op in (3, 4, 5):
            m = re.match(r"\s*([\w.\"-]+)\s*=", out[i])
            if m:
                out[i] = f"{m.group(1)} = {value}"
            else:
                out.insert(i, f"{junk or 'x'} = {value}")
        elif op == 6:
            out.insert(i, junk)
        elif op == 7:
            out[i] = out[i][: pos % (len(out[i]) + 1)]
    return "\n".join(out)


def _file_text(seeds: list[str]) -> st.SearchStrategy:
    ops = st.lists(st.tuples(st.integers(0, 7), st.integers(0, 10_000), _TOML_VALUE,
                             st.text(max_size=30)), min_size=1, max_size=6)
    mutated = st.tuples(st.sampled_from(seeds), ops).map(
        lambda p: _mutate(p[0].splitlines(), p[1]))
    return st.one_of(mutated, mutated, mutated,
                     st.text(alphabet='[]{}"\'#=\n ab1,.xyz_-+', max_size=300),
                     st.binary(max_size=200).map(lambda b: b.decode("latin-1")))


def _fuzz_file(name: str, examples: int, seed_dir: Path, loader: str) -> Tally:
    from meterlab.plan import load_plan
    from meterlab.profiles import load_profile

    t = Tally(name)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(seed_dir.glob("*.toml"))]
    load = load_plan if loader == "plan" else load_profile
    with tempfile.TemporaryDirectory(prefix="meterlab-fuzz-") as tmp:
        if loader == "profile":  # `extends` finds its parent next to the file
            for p in seed_dir.glob("*.toml"):
                (Path(tmp) / p.name).write_text(p.read_text(encoding="utf-8"),
                                                encoding="utf-8")
        path = Path(tmp) / "fuzzed.toml"

        def body(text: object) -> None:
            assert isinstance(text, str)
            path.write_bytes(text.encode("utf-8", "surrogatepass"))
            _run(t, text, lambda: load(path), (FileFormatError,))

        _drive(t, examples, _file_text(seeds), body)
    return t


def fuzz_plan(examples: int) -> Tally:
    return _fuzz_file("plan loader", examples, ROOT / "limits", "plan")


def fuzz_profile(examples: int) -> Tally:
    return _fuzz_file("profile loader", examples, ROOT / "instruments", "profile")


# --- SCPI replies ---------------------------------------------------------------------------

_REPLY_PART = st.one_of(
    _NUM, st.sampled_from(["+9.9E37", "-9.9E37", "9.91E37", "NAN", "nan", "INF", "-inf",
                           "+1.23456789E+00", "1e999", "0x10", "1_000", "", " ", ",", ";",
                           '"', "'", "\n", "\r\n", "#", "#0", "#9", "#15", "#210", "KEYSIGHT",
                           "TECHNOLOGIES", "34465A", "MY1234", "A.03.01", '"No error"',
                           "-113", '+0,"No error"', "VOLT", "+1.0E+01", "DEF", "AUTO"]),
    st.text(max_size=6),
)
REPLY_TEXT = st.one_of(st.lists(_REPLY_PART, max_size=10).map("".join),
                       st.lists(_REPLY_PART, max_size=10).map(",".join),
                       st.text(max_size=60))


@st.composite
def _blocks(draw: st.DrawFn) -> bytes:
    payload = draw(st.binary(max_size=64))
    n = len(payload) + draw(st.sampled_from([0, 0, 0, -1, 1, 5, -5, 10**6]))
    digits = str(max(n, 0)) if draw(st.booleans()) else draw(st.text("0123456789", max_size=12))
    nd = draw(st.one_of(st.just(str(len(digits))), st.sampled_from("0123456789aZ# ")))
    tail = draw(st.sampled_from([b"", b"\n", b"\r\n", b"junk", b"#"]))
    return b"#" + nd.encode() + digits.encode("ascii") + payload + tail


REPLY_BYTES = st.one_of(_blocks(), st.binary(max_size=80),
                        REPLY_TEXT.map(lambda s: s.encode("utf-8", "surrogatepass")))


def fuzz_scpi_replies(examples: int) -> Tally:
    from meterlab import scpi

    t = Tally("SCPI reply parsing")
    text_fns = [scpi.parse_numbers, scpi.parse_number, scpi.parse_idn, scpi.parse_error,
                scpi.parse_conf, scpi.unquote]
    byte_fns = [scpi.parse_numbers, scpi.parse_number, scpi.block_header, scpi.split_block,
                scpi.parse_block]

    def body(x: object) -> None:
        text, data = x  # type: ignore[misc]
        # One input is a (text, bytes) pair of replies; every parser sees it, so the
        # refused count is per call (11 calls an input).
        t.inputs += 1
        for fn in text_fns:
            _run(t, (fn.__name__, text), lambda fn=fn: fn(text), (InstrumentError,),
                 count=False)
        for fn in byte_fns:
            _run(t, (fn.__name__, data), lambda fn=fn: fn(data), (InstrumentError,),
                 count=False)

    _drive(t, examples, st.tuples(REPLY_TEXT, REPLY_BYTES), body, (0, 1))
    return t


# --- the simulator's command parser ------------------------------------------------------


class _TickClock:
    """1 ms per look: a simulated wait for readings or a trigger ends after a few looks."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        self.now += 0.001
        return self.now


def _headers(inst: object) -> list[str]:
    words: list[str] = []
    for cmd in inst.table._commands:  # type: ignore[attr-defined]
        words.append(re.sub(r"[\[\]]", "", re.sub(r"<\w+>|\{\w+\}", "1", cmd.pattern)))
    return words


class _Waited(BaseException):
    """Raised out of a simulated wait that would last for ever (READ? waiting for a BUS
    trigger that never comes, as the real meter does until the client clears it)."""


class _TickCondition:
    """Stands in for the meter's Condition: a wait moves the tick clock on instead of
    sleeping, and the 200th wait in one message ends it (see `_Waited`)."""

    def __init__(self, clock: _TickClock) -> None:
        self.clock = clock
        self.waits = 0

    def wait(self, timeout: float | None = None) -> bool:
        self.waits += 1
        if self.waits > 200:
            raise _Waited
        self.clock.now += timeout or 0.5
        return False

    def notify_all(self) -> None:
        pass

    notify = notify_all


_EXC_NAME = re.compile(r"^[A-Z]\w*(Error|Exception|Exit|Interrupt)$|^[A-Z]\w*Error\b")


def fuzz_sim_commands(examples: int) -> Tally:
    from meterlab.sim.board import Board
    from meterlab.sim.dmm import Keysight34465A
    from meterlab.sim.instrument import Connection
    from meterlab.sim.scope import RigolMSO1104Z

    t = Tally("simulator command parser")
    board = Board(seed=1)
    insts = [Keysight34465A(board, seed=1), RigolMSO1104Z(board, seed=1)]
    conds = []
    for inst in insts:
        clock = _TickClock()
        inst.clock = clock  # type: ignore[attr-defined]
        inst.sleep = lambda seconds: None  # type: ignore[method-assign]
        if hasattr(inst, "_cond"):
            inst._cond = _TickCondition(clock)  # type: ignore[attr-defined]
            conds.append(inst._cond)  # type: ignore[attr-defined]
    known = sorted({h for inst in insts for h in _headers(inst)}) or ["*IDN"]
    header = st.one_of(
        st.sampled_from(known),
        st.sampled_from(known).map(lambda h: ":".join(w[:4] for w in h.split(":"))),
        st.from_regex(r":?\*?[A-Za-z_][A-Za-z0-9_]{0,14}(:[A-Za-z_][A-Za-z0-9_]{0,14}){0,4}",
                      fullmatch=True),
        st.text(max_size=12))
    param = st.one_of(_NUM, _NUM.map(lambda n: n + "V"), _NUM.map(lambda n: n + " mV"),
                      st.sampled_from(["MIN", "MAX", "DEF", "ON", "OFF", "1", "0", "AUTO",
                                       "INF", "IMM", "BUS", "EXT", "CHAN1", "'a'", '"b"',
                                       "#15hello", "#0abc\n", "#9", "(@101)", "1e999"]),
                      st.text(max_size=8))
    unit = st.tuples(header, st.booleans(), st.lists(param, max_size=4)).map(
        lambda u: u[0] + ("?" if u[1] else "") + (" " + ",".join(u[2]) if u[2] else ""))
    message = st.one_of(
        st.lists(unit, min_size=1, max_size=4).map(lambda us: ";".join(us).encode(
            "utf-8", "surrogatepass")),
        st.binary(max_size=120))
    conns = [Connection(), Connection()]
    # Commands that change the acquisition are allowed: the bounded clock keeps a wait short.

    def body(x: object) -> None:
        which, msg = x  # type: ignore[misc]
        inst = insts[which]
        inst.errors.clear()  # type: ignore[attr-defined]
        t.inputs += 1
        started = time.perf_counter()
        for cond in conds:
            cond.waits = 0
        try:
            inst.execute(msg, conns[which])
        except _Waited:
            t.waited += 1  # (execute's `with self.lock` released the lock)
            inst.reset()  # type: ignore[attr-defined]
            return
        except Exception as exc:
            t.crash(repr(msg), exc)
            return
        took = time.perf_counter() - started
        hidden = [(c, i) for c, i in inst.errors if c == -300 and _EXC_NAME.match(i or "")]  # type: ignore[attr-defined]
        if hidden:
            t.crash(repr(msg), RuntimeError(f"-300 {hidden[0][1]} (caught inside execute)"))
        elif inst.errors:  # type: ignore[attr-defined]
            t.refused += 1
        if took > 5:  # slow, not wrong: listed, not counted as uncaught
            t.slow.append(f"{took:.1f} s <- {msg[:120]!r}")
        if t.inputs % 5000 == 0:
            for i in insts:  # a fresh state now and then, as after *RST on a bench
                i.reset()  # type: ignore[attr-defined]

    _drive(t, examples, st.tuples(st.integers(0, 1), message), body, (1,))
    return t


TARGETS: dict[str, Callable[[int], Tally]] = {
    "tolerance": fuzz_tolerance,
    "plan": fuzz_plan,
    "profile": fuzz_profile,
    "scpi-replies": fuzz_scpi_replies,
    "sim-commands": fuzz_sim_commands,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("targets", nargs="*", help=f"default: all of {', '.join(TARGETS)}")
    ap.add_argument("--examples", type=int, default=100_000, help="inputs per target")
    ap.add_argument("--amplify", type=int, default=AMPLIFY,
                    help="inputs per Hypothesis example (1 + mutations); 1 = Hypothesis only")
    args = ap.parse_args(argv)
    globals()["AMPLIFY"] = max(1, args.amplify)
    names = args.targets or list(TARGETS)
    unknown = [n for n in names if n not in TARGETS]
    if unknown:
        ap.error(f"unknown target {unknown[0]!r}; choose from {', '.join(TARGETS)}")
    rows = []
    for name in names:
        tally = TARGETS[name](args.examples)
        rows.append(tally)
        print(f"{tally.name}: {tally.inputs:,} inputs, {tally.refused:,} refused with the "
              f"documented error, {tally.uncaught} uncaught ({tally.seconds:.0f} s)"
              + (f"; {tally.waited:,} waited for a trigger that never came (cut short, "
                 "as a client's timeout would)" if tally.waited else ""), flush=True)
        for line in tally.first:
            print("   ", line, flush=True)
        for line in tally.slow[:5]:
            print("    slow:", line, flush=True)
    print()
    print(f"{'target':<28}{'inputs':>10}  {'refused':>9}  uncaught  time"
          "   (refused: turned down with the documented error)")
    for r in rows:
        print(f"{r.name:<28}{r.inputs:>10,}  {r.refused:>9,}  {r.uncaught:>8}  {r.seconds:>4.0f} s")
    return 1 if any(r.uncaught for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
