"""Reading the small TOML files people hand meterlab (plans, profiles, station files) safely.

They come from a USB stick, a colleague or a typo, so the file itself is untrusted:
a symlink to /dev/zero or a named pipe would never end, a 2 GB log renamed .toml would
fill memory, and a value of a hundred thousand nested brackets exhausts tomllib's
recursion. Each of these is said for what it is, naming the file (and the line), so
the person can act, instead of "no such file" or an internal error.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from meterlab.errors import FileFormatError

#: Larger than any plan, profile or station file a person writes by a wide margin.
MAX_CONFIG_BYTES = 4 * 1024 * 1024
#: Arrays / inline tables nested deeper than this hold no meaning in these files.
MAX_NESTING = 32

_KINDS = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a folder"))


def not_regular(path: Path) -> str | None:
    """What the path is when it exists but is not a regular file ("a character device"…);
    None when it is a regular file or does not exist."""
    try:
        mode = os.stat(path).st_mode  # follows symlinks: /dev/zero behind x.toml counts
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode):
        return None
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def read_config(path: Path, what: str) -> bytes:
    """The bytes of a regular file of at most MAX_CONFIG_BYTES; FileFormatError otherwise.
    `what` names the file for the person ("plan", "profile", "station file")."""
    kind = not_regular(path)
    if kind is not None:
        target = os.path.realpath(path)
        via = f" ({target})" if target != os.path.abspath(path) else ""
        raise FileFormatError(f"this is {kind}{via}, not a regular file, so it cannot be a "
                              f"{what}. Give a .toml {what} file.", path=str(path))
    with open(path, "rb") as fh:
        data = fh.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise FileFormatError(f"larger than {MAX_CONFIG_BYTES // (1024 * 1024)} MB, far more "
                              f"than any {what}; is it the right file?", path=str(path))
    return data


def nesting_too_deep(text: str, limit: int = MAX_NESTING) -> int | None:
    """The 1-based line where brackets/braces of a value nest deeper than `limit`, or None.

    A light scan that skips strings and comments; table headers ([a], [[a]]) open and close
    on their line, so they never get deep."""
    if text.count("[") + text.count("{") <= limit:
        return None  # the usual case, at C speed
    depth = 0
    line = 1
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
        elif c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        elif c in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n:
                if quote[0] == '"' and text[j] == "\\":
                    j += 2
                    continue
                if text.startswith(quote, j):
                    break
                if text[j] == "\n":
                    if len(quote) == 1:
                        break
                    line += 1
                j += 1
            i = j + len(quote)
            continue
        elif c in "[{":
            depth += 1
            if depth > limit:
                return line
        elif c in "]}":
            depth = max(depth - 1, 0)
        i += 1
    return None


def parse_toml(text: str, path: str, what: str) -> dict[str, Any]:
    """tomllib.loads, with runaway nesting refused as a file error naming the line."""
    line = nesting_too_deep(text)
    if line is not None:
        raise FileFormatError(f"arrays or tables nested more than {MAX_NESTING} deep; a {what} "
                              f"never needs that. Is it the right file?", path=path, line=line)
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise FileFormatError(f"values nested too deep to read; a {what} never needs that.",
                              path=path) from None
