"""The simulator's own SCPI parser: program messages, headers, parameters, errors.

This is deliberately separate from `meterlab.scpi` (the client side): the
simulator exists to test the client, so the two must not share a parser that
could hide a bug by mirroring it on both ends.

It follows IEEE 488.2 / SCPI-99 as the instruments' programming guides describe
them: short and long mnemonic forms in any case, optional nodes in brackets,
numeric suffixes (`CHANnel2`), `;` compound messages with the "current path"
rule, a leading `:` resetting to the root, `MIN|MAX|DEF`, suffix multipliers and
units in numeric arguments, quoted strings and definite-length blocks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Standard SCPI error texts, as the Keysight and Rigol guides print them.
ERRORS: dict[int, str] = {
    0: "No error",
    -100: "Command error",
    -101: "Invalid character",
    -102: "Syntax error",
    -103: "Invalid separator",
    -104: "Data type error",
    -105: "GET not allowed",
    -108: "Parameter not allowed",
    -109: "Missing parameter",
    -110: "Command header error",
    -112: "Program mnemonic too long",
    -113: "Undefined header",
    -114: "Header suffix out of range",
    -120: "Numeric data error",
    -121: "Invalid character in number",
    -123: "Exponent too large",
    -124: "Too many digits",
    -128: "Numeric data not allowed",
    -131: "Invalid suffix",
    -138: "Suffix not allowed",
    -141: "Invalid character data",
    -144: "Character data too long",
    -148: "Character data not allowed",
    -150: "String data error",
    -151: "Invalid string data",
    -158: "String data not allowed",
    -160: "Block data error",
    -161: "Invalid block data",
    -168: "Block data not allowed",
    -200: "Execution error",
    -210: "Trigger error",
    -211: "Trigger ignored",
    -213: "Init ignored",
    -214: "Trigger deadlock",
    -220: "Parameter error",
    -221: "Settings conflict",
    -222: "Data out of range",
    -223: "Too much data",
    -224: "Illegal parameter value",
    -230: "Data corrupt or stale",
    -241: "Hardware missing",
    -300: "Device-specific error",
    -310: "System error",
    -350: "Queue overflow",
    -363: "Input buffer overrun",
    -400: "Query error",
    -410: "Query INTERRUPTED",
    -420: "Query UNTERMINATED",
    -430: "Query DEADLOCKED",
    -440: "Query UNTERMINATED after indefinite response",
}


class SCPIError(Exception):
    """A command could not be executed; it goes to the instrument's error queue."""

    def __init__(self, code: int, info: str | None = None) -> None:
        self.code = code
        self.info = info
        super().__init__(f"{code},{ERRORS.get(code, 'Error')}" + (f";{info}" if info else ""))


# --- header patterns -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Node:
    """One mnemonic of a header pattern, e.g. `VOLTage`, optional `[:DC]`, `CHANnel<n>`."""

    long: str
    short: str
    optional: bool
    suffix: bool

    def match(self, word: str) -> int | bool | None:
        """Return the numeric suffix (or True when none is allowed) if `word` fits, else False."""
        stem, digits = word, ""
        if self.suffix:
            m = _SUFFIX_RE.match(word)
            if m:
                stem, digits = m.group(1), m.group(2)
        if stem != self.short and stem != self.long:
            return False
        if not self.suffix:
            return True
        return int(digits) if digits else None


_SUFFIX_RE = re.compile(r"^(.*?[A-Z_])(\d+)$")


def compile_pattern(pattern: str) -> tuple[Node, ...]:
    """Turn `[SENSe:]VOLTage[:DC]:RANGe[:AUTO]` or `CHANnel#:SCALe` into nodes.

    Upper-case letters of a mnemonic form its short form; `#` marks a numeric
    suffix. Each bracketed group holds exactly one mnemonic.
    """
    nodes: list[Node] = []
    i = 0
    text = pattern.lstrip(":")
    while i < len(text):
        optional = text[i] == "["
        if optional:
            end = text.index("]", i)
            word = text[i + 1 : end].strip(":")
            i = end + 1
        else:
            end = text.find(":", i)
            brk = text.find("[", i)
            stops = [p for p in (end, brk) if p != -1]
            stop = min(stops) if stops else len(text)
            word = text[i:stop]
            i = stop
        if i < len(text) and text[i] == ":":
            i += 1
        if not word:
            continue
        suffix = word.endswith("#")
        word = word.rstrip("#")
        short = "".join(c for c in word if c.isupper() or c.isdigit() or c in "*?_")
        nodes.append(Node(word.upper(), short or word.upper(), optional, suffix))
    return tuple(nodes)


def match_nodes(nodes: Sequence[Node], words: Sequence[str]) -> list[int | None] | None:
    """Match header words against pattern nodes; return the suffix list or None."""

    def rec(ni: int, wi: int, acc: list[int | None]) -> list[int | None] | None:
        if ni == len(nodes):
            return acc if wi == len(words) else None
        node = nodes[ni]
        if wi < len(words):
            got = node.match(words[wi])
            if got is not False:
                res = rec(ni + 1, wi + 1, acc + ([got] if node.suffix else []))  # type: ignore[list-item]
                if res is not None:
                    return res
        if node.optional:
            return rec(ni + 1, wi, acc + ([None] if node.suffix else []))
        return None

    return rec(0, 0, [])


# --- parameters ------------------------------------------------------------------------

# Suffix multipliers of IEEE 488.2 (case-insensitive). "M" is milli, except in
# MHZ and MOHM where it is mega; "MA" alone is mega.
_MULTIPLIERS = {
    "EX": 1e18, "PE": 1e15, "T": 1e12, "G": 1e9, "MA": 1e6, "K": 1e3,
    "M": 1e-3, "U": 1e-6, "N": 1e-9, "P": 1e-12, "F": 1e-15, "A": 1e-18,
}
_NUMBER_RE = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-zµΩ%°]*)$")


@dataclass(slots=True)
class Param:
    """One program data element as sent, with converters that raise SCPIError."""

    text: str

    @property
    def upper(self) -> str:
        return self.text.upper()

    def is_string(self) -> bool:
        return len(self.text) >= 2 and self.text[0] in "\"'" and self.text[-1] == self.text[0]

    def string(self) -> str:
        if not self.is_string():
            raise SCPIError(-151, self.text)
        q = self.text[0]
        return self.text[1:-1].replace(q + q, q)

    def boolean(self) -> bool:
        u = self.upper
        if u in ("ON", "1"):
            return True
        if u in ("OFF", "0"):
            return False
        try:
            return round(float(u)) != 0
        except ValueError:
            raise SCPIError(-224, self.text) from None

    def choice(self, options: Sequence[str]) -> str:
        """Match character data against `IMMediate`-style options; return the long form upper."""
        u = self.upper
        for opt in options:
            short = "".join(c for c in opt if c.isupper() or c.isdigit())
            if u == opt.upper() or u == short:
                return opt.upper()
        if self.is_string():
            raise SCPIError(-158, self.text)
        raise SCPIError(-224, self.text)

    def number(
        self,
        *,
        units: Sequence[str] = (),
        special: dict[str, float] | None = None,
        integer: bool = False,
    ) -> float:
        """Numeric value with optional unit suffix and MINimum/MAXimum/DEFault keywords."""
        u = self.upper
        if special:
            for key, val in special.items():
                short = "".join(c for c in key if c.isupper())
                if u in (key.upper(), short):
                    return val
        m = _NUMBER_RE.match(self.text.strip())
        if not m:
            if self.is_string():
                raise SCPIError(-158, self.text)
            if re.match(r"^[A-Za-z]", self.text):
                raise SCPIError(-224, self.text)
            raise SCPIError(-120, self.text)
        try:
            value = float(m.group(1))
        except ValueError:  # pragma: no cover - the regex only admits floats
            raise SCPIError(-120, self.text) from None
        if math.isinf(value):
            raise SCPIError(-123, self.text)
        suffix = m.group(2).upper().replace("Ω", "OHM").replace("µ", "U")
        if suffix:
            value *= _suffix_factor(suffix, units)
        if integer:
            value = float(round(value))
        return value


def _suffix_factor(suffix: str, units: Sequence[str]) -> float:
    for unit in sorted(units, key=len, reverse=True):
        uu = unit.upper()
        if suffix.endswith(uu):
            prefix = suffix[: -len(uu)]
            if not prefix:
                return 1.0
            if prefix == "M" and uu in ("HZ", "OHM"):
                return 1e6
            if prefix in _MULTIPLIERS:
                return _MULTIPLIERS[prefix]
            raise SCPIError(-131, suffix)
    raise SCPIError(-131 if units else -138, suffix)


# --- program messages ------------------------------------------------------------------


@dataclass(slots=True)
class Unit:
    """One program message unit: header words, query flag, parameters, absolute flag."""

    header: str
    words: list[str]
    query: bool
    common: bool
    absolute: bool
    params: list[Param] = field(default_factory=list)
    block: bytes | None = None


def split_units(message: bytes) -> list[bytes]:
    """Split a program message at `;` outside strings and definite-length blocks."""
    units: list[bytes] = []
    start = 0
    i = 0
    n = len(message)
    quote = 0
    while i < n:
        c = message[i]
        if quote:
            if c == quote:
                quote = 0
        elif c in (0x22, 0x27):
            quote = c
        elif c == 0x23 and i + 1 < n and 0x31 <= message[i + 1] <= 0x39:  # '#1'..'#9'
            nd = message[i + 1] - 0x30
            digits = message[i + 2 : i + 2 + nd]
            if len(digits) == nd and digits.isdigit():
                i = i + 2 + nd + int(digits)
                continue
        elif c == 0x3B:  # ';'
            units.append(message[start:i])
            start = i + 1
        i += 1
    units.append(message[start:])
    return [u for u in (x.strip() for x in units) if u]


_HEADER_RE = re.compile(r"^(:?)(\*?[A-Za-z_][A-Za-z0-9_]*(?::[A-Za-z_][A-Za-z0-9_]*)*)(\??)")


def parse_unit(raw: bytes) -> Unit:
    """Parse one program message unit into header and parameters."""
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
        if "#" not in text:
            raise SCPIError(-101) from None
    m = _HEADER_RE.match(text)
    if not m:
        raise SCPIError(-102 if text[:1].isprintable() else -101)
    absolute = bool(m.group(1))
    header = m.group(2).upper()
    query = bool(m.group(3))
    rest = text[m.end():]
    if rest and not rest[0].isspace():
        raise SCPIError(-102, text[:40])
    words = header.split(":")
    if any(len(w) > 12 for w in words):
        raise SCPIError(-112)
    unit = Unit(header, words, query, header.startswith("*"), absolute)
    rest = rest.strip()
    if rest:
        unit.params, unit.block = _split_params(rest, raw)
    return unit


def _split_params(rest: str, raw: bytes) -> tuple[list[Param], bytes | None]:
    params: list[Param] = []
    block: bytes | None = None
    cur = []
    quote = ""
    i = 0
    while i < len(rest):
        c = rest[i]
        if quote:
            cur.append(c)
            if c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
            cur.append(c)
        elif c == "#" and i + 1 < len(rest) and rest[i + 1].isdigit() and rest[i + 1] != "0":
            nd = int(rest[i + 1])
            digits = rest[i + 2 : i + 2 + nd]
            if len(digits) != nd or not digits.isdigit():
                raise SCPIError(-161)
            length = int(digits)
            start = i + 2 + nd
            data = rest[start : start + length]
            if len(data) != length:
                raise SCPIError(-161)
            block = data.encode("latin-1")
            cur.append("#")
            i = start + length
            continue
        elif c == ",":
            params.append(Param("".join(cur).strip()))
            cur = []
        else:
            cur.append(c)
        i += 1
    if quote:
        raise SCPIError(-151)
    params.append(Param("".join(cur).strip()))
    if any(p.text == "" for p in params):
        raise SCPIError(-102 if len(params) > 1 else -109)
    return params, block


# --- command table ---------------------------------------------------------------------

Handler = Callable[["Call"], Any]


@dataclass(slots=True)
class Call:
    """What a handler receives: the parsed unit, its header suffixes and the connection."""

    unit: Unit
    suffixes: list[int | None]
    conn: Any

    @property
    def params(self) -> list[Param]:
        return self.unit.params

    @property
    def query(self) -> bool:
        return self.unit.query

    def expect(self, lo: int, hi: int | None = None) -> list[Param]:
        """Check the parameter count: too few → -109, too many → -108."""
        hi = lo if hi is None else hi
        n = len(self.unit.params)
        if n < lo:
            raise SCPIError(-109)
        if n > hi:
            raise SCPIError(-108)
        return self.unit.params

    def param(self, i: int) -> Param | None:
        return self.unit.params[i] if i < len(self.unit.params) else None

    def suffix(self, i: int = 0, default: int = 1, lo: int = 1, hi: int = 1 << 30) -> int:
        value = self.suffixes[i] if i < len(self.suffixes) else None
        value = default if value is None else value
        if not lo <= value <= hi:
            raise SCPIError(-114)
        return value


@dataclass(slots=True)
class Command:
    pattern: str
    nodes: tuple[Node, ...]
    set: Handler | None
    query: Handler | None


class CommandTable:
    """Header patterns → handlers, with a cache of resolved headers."""

    def __init__(self) -> None:
        self._commands: list[Command] = []
        self._cache: dict[tuple[str, ...], tuple[Command, list[int | None]] | None] = {}

    def add(
        self, pattern: str, *, set: Handler | None = None, query: Handler | None = None
    ) -> None:
        self._commands.append(Command(pattern, compile_pattern(pattern), set, query))
        self._cache.clear()

    def resolve(self, words: Sequence[str]) -> tuple[Command, list[int | None]] | None:
        key = tuple(words)
        if key in self._cache:
            return self._cache[key]
        found = None
        for cmd in self._commands:
            suffixes = match_nodes(cmd.nodes, words)
            if suffixes is not None:
                found = (cmd, suffixes)
                break
        if len(self._cache) < 4096:
            self._cache[key] = found
        return found


# --- reply formatting ------------------------------------------------------------------


def block(data: bytes, digits: int | None = None) -> bytes:
    """IEEE 488.2 definite-length block: `#`, N, N length digits, data."""
    length = str(len(data))
    if digits is not None:
        length = length.zfill(digits)
    return b"#" + str(len(length)).encode() + length.encode() + data
