"""Instrument profiles: TOML files that say how to recognise and talk to one model family.

A profile is data, not code, so a technician can add an instrument by dropping a file in
the user folder (`paths.user_dir("instruments")`, shown by `meterlab list --verbose`)
without touching meterlab. Shipped profiles live in `instruments/`. User profiles are
matched first, so a user file can override a shipped one.

Schema (common part; `instruments/keysight-34465a.toml` carries the full annotated
example, the DMM part is validated by `meterlab.drivers.dmm_profile`)::

    [profile]
    name = "Keysight 34465A / 34470A"     # shown to the user
    kind = "dmm"                           # "dmm" or "scope"
    family = "keysight-truevolt"           # free text, groups related profiles
    dialect = "rigol-ds1000z"              # scopes only: which code adapter speaks to it
                                           # (multimeters have one driver; spellings that
                                           # differ go in [dmm.commands])
    extends = "keysight-34465a"            # optional: start from that profile (file name,
                                           # with or without .toml) and override only
                                           # what differs

    [identify]                             # matched against *IDN?, model field first:
    models = ["34465A", "34470A"]          #   exact model names (case-insensitive), and/or
    model_regex = "^3446[5-9]A$"           #   a regular expression on the model field
    makers = ["Keysight Technologies"]     # optional: restricts the maker field too.
                                           # Leave it out where instruments can disguise
                                           # themselves (34460A/61A can claim to be a
                                           # HP 34401A via SYST:IDEN): the model wins.

    [connection]                           # all optional
    port = 5025                            # the raw-socket port (TCPIP::host::port::SOCKET)
    read_termination = "\\n"
    write_termination = "\\n"
    timeout_ms = 5000
    chunk_size = 1048576                   # bytes per low-level read for big blocks
    error_queue = true                     # false: SYST:ERR? is not understood

    [dmm] / [scope]                        # kind-specific, see the kind's validator

Public API::

    Profile                          # frozen dataclass, see below
    ConnectionSettings               # frozen dataclass
    load_profiles(extra_dirs=None) -> list[Profile]
    load_profile(path) -> Profile
    match_profile(idn, profiles=None) -> Profile | None
    require_profile(idn, kind=None, *, resource=None, profiles=None) -> Profile
    Profile.section(name) -> dict    # raw kind-specific table, e.g. "scope"
    Profile.fail(message, *key) -> NoReturn   # FileFormatError at the key's line
    Profile.spec                     # the kind validator's typed result (DmmSpec for "dmm")

Extending: the parent is looked up beside the file, then in the user folder, then
in the shipped one. Its tables are merged deeply into the child's (a key the child
writes wins; arrays are replaced, never appended), except `[identify]` and
`profile.name`, which every profile states itself so two files never claim the same
instrument by inheritance. A missing parent and a cycle are FileFormatErrors at the
`extends` line; a mistake in an inherited key names the file that wrote it.

Kind validators: for kind K, the module `meterlab.drivers.K_profile` (if it exists) must
define `validate(profile: Profile) -> object`; it is called at load time, its result is
stored as `profile.spec`, and it reports mistakes with `profile.fail(...)`.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from meterlab import paths
from meterlab.config_io import parse_toml, read_config
from meterlab.errors import FileFormatError, NoProfile
from meterlab.scpi import Idn

KINDS = ("dmm", "scope")

_TOP_LEVEL = {"profile", "identify", "connection", *KINDS}


@dataclass(frozen=True, slots=True)
class ConnectionSettings:
    """How to talk to the instrument on the wire; defaults suit any LAN SCPI instrument."""

    port: int | None = None
    read_termination: str = "\n"
    write_termination: str = "\n"
    timeout_ms: int = 5000
    chunk_size: int = 1 << 20
    error_queue: bool = True


@dataclass(frozen=True)
class Profile:
    """One model family. `spec` is the typed kind-specific part (e.g. DmmSpec)."""

    name: str
    kind: str
    family: str
    dialect: str
    path: Path
    models: tuple[str, ...] = ()
    model_regex: re.Pattern[str] | None = None
    makers: tuple[str, ...] = ()
    connection: ConnectionSettings = field(default_factory=ConnectionSettings)
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)
    text: str = field(default="", repr=False)
    spec: Any = field(default=None, repr=False, compare=False)
    #: The files this profile was merged from, itself first: (path, text, its own table).
    layers: tuple[tuple[Path, str, Mapping[str, Any]], ...] = field(
        default=(), repr=False, compare=False)

    def section(self, name: str) -> dict[str, Any]:
        """The raw table `name` (e.g. "dmm", "scope"); empty if the file has none."""
        value = self.raw.get(name, {})
        return dict(value) if isinstance(value, Mapping) else {}

    def matches(self, idn: Idn) -> bool:
        """True when this profile describes the instrument that sent `idn`."""
        return _identifies(self.models, self.makers, self.model_regex, idn)

    def fail(self, message: str, *key: str) -> NoReturn:
        """Raise FileFormatError for `key` (a path like "dmm", "functions", "VOLT:DC"),
        at the file that wrote it: the profile's own, or the one it inherited it from."""
        path, text = self.path, self.text
        for layer_path, layer_text, table in self.layers:
            if _has_key(table, key):
                path, text = layer_path, layer_text
                break
        raise FileFormatError(
            message, path=str(path), line=find_key_line(text, key), key=".".join(key)
        )


def _has_key(table: Mapping[str, Any], key: Iterable[str]) -> bool:
    node: Any = table
    for part in key:
        if not isinstance(node, Mapping) or part not in node:
            return False
        node = node[part]
    return True


# -- locating keys in the text, for error messages ----------------------------------------


def _header_names(line: str) -> list[str] | None:
    """`[a.b."c:d"]` or `[[a.b]]` → ["a", "b", "c:d"]; None if the line is no header."""
    m = re.match(r"^\s*\[\[?\s*(.+?)\s*\]\]?\s*(#.*)?$", line)
    if not m:
        return None
    parts = re.findall(r'"[^"]*"|\'[^\']*\'|[^.]+', m.group(1))
    return [p.strip().strip('"').strip("'") for p in parts]


def _bracket_delta(line: str) -> int:
    """Net '[' minus ']' outside strings and comments: tracks multi-line arrays."""
    depth, quote = 0, ""
    for ch in line:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
    return depth


def find_key_line(text: str, key: Iterable[str]) -> int | None:
    """1-based line of `key` in a TOML text: the `name =` line, or its table header.

    Falls back to the nearest enclosing table that exists; None when nothing is found.
    Good enough for the flat, hand-written files profiles are.
    """
    parts = list(key)
    lines = text.splitlines()
    for n in range(len(parts), 0, -1):
        table, name = parts[: n - 1], parts[n - 1]
        current: list[str] = []
        depth = 0
        for i, line in enumerate(lines, start=1):
            names = _header_names(line) if depth == 0 else None
            if names is not None:
                current = names
                if current == [*table, name]:
                    return i
                continue
            if depth == 0 and current == table:
                m = re.match(r'^\s*("[^"]*"|\'[^\']*\'|[A-Za-z0-9_-]+)\s*=', line)
                if m and m.group(1).strip("\"'") == name:
                    return i
            depth = max(0, depth + _bracket_delta(line))
    return None


def _syntax_line(exc: tomllib.TOMLDecodeError) -> int | None:
    m = re.search(r"line (\d+)", str(exc))
    return int(m.group(1)) if m else None


# -- loading --------------------------------------------------------------------------------


def _expect(path: Path, text: str, table: Mapping[str, Any], key: tuple[str, ...],
            kind: type | tuple[type, ...], required: bool = False) -> Any:
    name = key[-1]
    if name not in table:
        if required:
            raise FileFormatError(
                f"the required key '{'.'.join(key)}' is missing",
                path=str(path), line=find_key_line(text, key[:-1]), key=".".join(key),
            )
        return None
    value = table[name]
    ok = isinstance(value, kind) and not (isinstance(value, bool) and kind in (int, float,
                                                                                (int, float)))
    if not ok:
        want = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise FileFormatError(
            f"'{'.'.join(key)}' should be {want}, not {value!r}",
            path=str(path), line=find_key_line(text, key), key=".".join(key),
        )
    return value


def _str_list(path: Path, text: str, table: Mapping[str, Any], key: tuple[str, ...]
              ) -> tuple[str, ...]:
    value = _expect(path, text, table, key, list)
    if value is None:
        return ()
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise FileFormatError(
            f"'{'.'.join(key)}' should be a list of non-empty strings",
            path=str(path), line=find_key_line(text, key), key=".".join(key),
        )
    return tuple(v.strip() for v in value)


def _read(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        text = read_config(path, "profile").decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FileFormatError(f"cannot read the profile: {exc}", path=str(path)) from None
    try:
        return text, parse_toml(text, str(path), "profile")
    except tomllib.TOMLDecodeError as exc:
        raise FileFormatError(
            f"not valid TOML: {exc}", path=str(path), line=_syntax_line(exc)
        ) from None


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """`over` on top of `base`: tables merge key by key, anything else is replaced."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _parent_path(name: str, child: Path) -> Path | None:
    file = name if name.endswith(".toml") else f"{name}.toml"
    if Path(file).name != file:  # a name, not a path: profiles extend profiles by name
        return None
    for folder in (child.parent, *profile_dirs()):
        candidate = folder / file
        if candidate.is_file():
            return candidate
    return None


def _extended(path: Path, text: str, data: dict[str, Any], chain: tuple[Path, ...]
              ) -> tuple[dict[str, Any], tuple[tuple[Path, str, Mapping[str, Any]], ...]]:
    """The child's data merged onto its parent's, and the files involved (child first)."""
    own: tuple[tuple[Path, str, Mapping[str, Any]], ...] = ((path, text, data),)
    prof = data.get("profile")
    if not isinstance(prof, Mapping) or "extends" not in prof:
        return data, own
    where = {"path": str(path), "line": find_key_line(text, ("profile", "extends")),
             "key": "profile.extends"}
    name = prof["extends"]
    if not isinstance(name, str) or not name.strip():
        raise FileFormatError("'profile.extends' should be the file name of another profile, "
                              f'e.g. "keysight-34465a", not {name!r}', **where)
    parent_path = _parent_path(name.strip(), path)
    if parent_path is None:
        raise FileFormatError(
            f"'profile.extends' names {name!r}, but no such profile is beside this file, in "
            f"{paths.user_dir('instruments')} or among the shipped ones", **where)
    resolved = parent_path.resolve()
    if resolved in chain or resolved == path.resolve():
        loop = " → ".join(p.name for p in (*chain, path.resolve(), resolved))
        raise FileFormatError(f"'profile.extends' goes round in a circle ({loop}); one of "
                              "these profiles must stand on its own", **where)
    parent = load_profile(parent_path, _chain=(*chain, path.resolve()))
    for own_key in ("identify",):
        if own_key not in data:
            raise FileFormatError(
                f"a profile that extends another needs its own [{own_key}] table, so that "
                "two files never claim the same instrument", path=str(path),
                line=find_key_line(text, ("profile",)), key=own_key)
    inherited = {k: v for k, v in parent.raw.items() if k != "identify"}
    inherited["profile"] = {k: v for k, v in inherited.get("profile", {}).items()
                            if k != "name"}
    merged = _merge(inherited, data)
    merged["profile"] = {k: v for k, v in merged["profile"].items() if k != "extends"}
    return merged, own + parent.layers


def load_profile(path: str | Path, *, _chain: tuple[Path, ...] = ()) -> Profile:
    """Read and validate one profile file (and what it extends); any mistake is a
    FileFormatError naming the file, line and key."""
    path = Path(path)
    text, data = _read(path)
    data, layers = _extended(path, text, data, _chain)

    for top in data:
        if top not in _TOP_LEVEL:
            raise FileFormatError(
                f"unknown table or key '{top}' (expected one of {sorted(_TOP_LEVEL)})",
                path=str(path), line=find_key_line(text, (top,)), key=top,
            )
    prof = _expect(path, text, data, ("profile",), dict, required=True)
    name = _expect(path, text, prof, ("profile", "name"), str, required=True)
    kind = _expect(path, text, prof, ("profile", "kind"), str, required=True)
    if kind not in KINDS:
        raise FileFormatError(
            f"'profile.kind' must be one of {', '.join(KINDS)}, not {kind!r}",
            path=str(path), line=find_key_line(text, ("profile", "kind")), key="profile.kind",
        )
    family = _expect(path, text, prof, ("profile", "family"), str) or name
    dialect = _expect(path, text, prof, ("profile", "dialect"), str) or "scpi"

    ident = _expect(path, text, data, ("identify",), dict, required=True)
    models = _str_list(path, text, ident, ("identify", "models"))
    makers = _str_list(path, text, ident, ("identify", "makers"))
    regex_text = _expect(path, text, ident, ("identify", "model_regex"), str)
    regex = None
    if regex_text is not None:
        try:
            regex = re.compile(regex_text, re.IGNORECASE)
        except re.error as exc:
            raise FileFormatError(
                f"'identify.model_regex' is not a valid regular expression: {exc}",
                path=str(path), line=find_key_line(text, ("identify", "model_regex")),
                key="identify.model_regex",
            ) from None
    if not models and regex is None:
        raise FileFormatError(
            "'identify' needs 'models' or 'model_regex' to recognise the instrument",
            path=str(path), line=find_key_line(text, ("identify",)), key="identify.models",
        )

    conn = _expect(path, text, data, ("connection",), dict) or {}
    known_conn = {"port", "read_termination", "write_termination", "timeout_ms", "chunk_size",
                  "error_queue"}
    for k in conn:
        if k not in known_conn:
            raise FileFormatError(
                f"unknown key 'connection.{k}' (expected one of {sorted(known_conn)})",
                path=str(path), line=find_key_line(text, ("connection", k)),
                key=f"connection.{k}",
            )
    defaults = ConnectionSettings()
    settings = ConnectionSettings(
        port=_expect(path, text, conn, ("connection", "port"), int),
        read_termination=_expect(path, text, conn, ("connection", "read_termination"), str)
        or defaults.read_termination,
        write_termination=_expect(path, text, conn, ("connection", "write_termination"), str)
        or defaults.write_termination,
        timeout_ms=_expect(path, text, conn, ("connection", "timeout_ms"), int)
        or defaults.timeout_ms,
        chunk_size=_expect(path, text, conn, ("connection", "chunk_size"), int)
        or defaults.chunk_size,
        error_queue=bool(_expect(path, text, conn, ("connection", "error_queue"), bool)
                         if "error_queue" in conn else True),
    )
    for key, value, low in (("port", settings.port, 1), ("timeout_ms", settings.timeout_ms, 1),
                            ("chunk_size", settings.chunk_size, 64)):
        if value is not None and value < low:
            raise FileFormatError(
                f"'connection.{key}' must be at least {low}, not {value}",
                path=str(path), line=find_key_line(text, ("connection", key)),
                key=f"connection.{key}",
            )

    profile = Profile(
        name=name, kind=kind, family=family, dialect=dialect, path=path, models=models,
        model_regex=regex, makers=makers, connection=settings, raw=data, text=text,
        layers=layers,
    )
    validator = _validator(kind)
    if validator is not None:
        object.__setattr__(profile, "spec", validator(profile))
    return profile


def _validator(kind: str) -> Any:
    module_name = f"meterlab.drivers.{kind}_profile"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    return getattr(module, "validate", None)


def profile_dirs(extra_dirs: Iterable[str | Path] | None = None) -> list[Path]:
    """Folders searched, highest priority first: extra, the user folder, the shipped one."""
    dirs = [Path(d) for d in (extra_dirs or ())]
    dirs += [paths.user_dir("instruments"), paths.shipped_dir("instruments")]
    return dirs


def load_profiles(extra_dirs: Iterable[str | Path] | None = None) -> list[Profile]:
    """All profiles, highest priority first (extra dirs, user folder, shipped)."""
    out: list[Profile] = []
    for d in profile_dirs(extra_dirs):
        if d.is_dir():
            out.extend(load_profile(p) for p in sorted(d.glob("*.toml")))
    return out


def _identify_table(text: str) -> dict[str, Any] | None:
    """The `[identify]` table of a profile's text, parsed on its own; None if unsure.

    A few lines instead of the whole file: choosing the profile of the instrument that
    just answered should not parse (and validate) every other model's file. None
    whenever the table is not written as one plain `[identify]` section, or does not
    parse alone: the caller then loads the whole file, which says what is wrong.
    """
    own: list[str] = []
    inside, found, depth = False, False, 0
    for line in text.splitlines():
        # Only a line with a bracket can be a header or change the depth: the others skip
        # both scans (a connection looks at every shipped profile this way).
        bracketed = "[" in line or "]" in line
        names = _header_names(line) if depth == 0 and bracketed else None
        if names is not None:
            inside = names == ["identify"]
            if inside:
                if found:
                    return None
                found = True
            elif names and names[0] == "identify":
                return None  # [identify.x]: leave such files to the full parser
            continue
        if inside:
            own.append(line)
        if bracketed:
            depth = max(0, depth + _bracket_delta(line))
    if not found:
        return None
    try:
        return tomllib.loads("\n".join(own))
    except tomllib.TOMLDecodeError:
        return None


def _may_match(text: str, idn: Idn) -> bool:
    """False only when the file's own `[identify]` surely rejects `idn` (see above)."""
    ident = _identify_table(text)
    if ident is None:
        return True
    models, makers, regex = (ident.get("models", []), ident.get("makers", []),
                             ident.get("model_regex"))
    if not (isinstance(models, list) and isinstance(makers, list)
            and all(isinstance(m, str) and m.strip() for m in [*models, *makers])
            and isinstance(regex, str | None)):
        return True
    try:
        pattern = re.compile(regex, re.IGNORECASE) if regex is not None else None
    except re.error:
        return True
    return _identifies(models, makers, pattern, idn)


def _identifies(models: Iterable[str], makers: Iterable[str],
                regex: re.Pattern[str] | None, idn: Idn) -> bool:
    """The `[identify]` rule, for a loaded profile and for the quick look at a file: the
    model is one of `models` or fits `regex`, and the maker is one of `makers` (if any);
    both compared without case or surrounding spaces."""
    model = idn.model.strip().upper()
    hit = model in (m.strip().upper() for m in models) or bool(
        regex is not None and regex.search(idn.model.strip()))
    if not hit:
        return False
    makers = [m.strip().upper() for m in makers]
    return not makers or idn.maker.strip().upper() in makers


def _candidates(idn: Idn, extra_dirs: Iterable[str | Path] | None = None) -> Iterator[Profile]:
    """The profiles that may describe `idn`, in `load_profiles` order, each loaded only
    if its `[identify]` does not rule it out."""
    for d in profile_dirs(extra_dirs):
        if not d.is_dir():
            continue
        for path in sorted(d.glob("*.toml")):
            try:
                text = read_config(path, "profile").decode("utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""  # load_profile says why, in words
            if not text or _may_match(text, idn):
                yield load_profile(path)


def match_profile(idn: Idn, profiles: Iterable[Profile] | None = None) -> Profile | None:
    """The first profile that recognises `idn` (user profiles win over shipped ones).

    Without `profiles`, only the files whose `[identify]` may match are loaded: a
    connection then pays for its own model's profile, not for every model's.
    """
    for p in _candidates(idn) if profiles is None else profiles:
        if p.matches(idn):
            return p
    return None


def require_profile(
    idn: Idn,
    kind: str | None = None,
    *,
    resource: str | None = None,
    profiles: Iterable[Profile] | None = None,
) -> Profile:
    """Like match_profile, but an unknown instrument is a `NoProfile` error in plain words."""
    where = f" at {resource}" if resource else ""
    candidates = [p for p in (_candidates(idn) if profiles is None else profiles)
                  if kind is None or p.kind == kind]
    profile = match_profile(idn, candidates)
    if profile is None:
        what = {"dmm": "multimeter", "scope": "oscilloscope"}.get(kind or "", "instrument")
        raise NoProfile(
            f"The instrument{where} identifies itself as '{idn.maker}, {idn.model}', "
            f"which no {what} profile describes. Check that this is the instrument you meant; "
            f"to use it anyway, add a profile in {paths.user_dir('instruments')} "
            "(copy a shipped one from a similar model and change [identify].models).",
            resource=resource,
        )
    return profile
