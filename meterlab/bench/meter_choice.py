"""Which meter a new window reads from: one rule for the `meterlab` command and the window.

The command asks it before Qt loads (to start the demo bench's process early, on the
other core), the window asks it again once its settings are open, and the window's
source is chosen by it: three moments, one answer. Qt-free, and it loads only the
standard library (the settings file is read with configparser), so the
command can ask before anything heavy loads.
"""

from __future__ import annotations

import sys

#: Whose settings the window keeps (Qt's organisation and application name): they name the
#: store (`gui.settings.default_store`, and the application `gui.app` sets up) and so the
#: file `saved_meter` reads.
SETTINGS_OWNER = "meterlab"
SETTINGS_NAME = "meterlab"

#: Where the window keeps the meter it reopens (the QSettings key `Settings.dmm_resource`
#: uses; `saved_meter` reads the same key from the file without Qt).
SAVED_METER_KEY = "resources/dmm"


def reads_demo_bench(*, dmm: str | None, demo: bool, saved_meter: bool) -> bool:
    """True when the window's meter is the simulated bench.

    A resource given now (`--dmm`) wins; `--demo` forces the bench; otherwise the meter
    saved from an earlier start; with none (a first start) the bench, so a new user sees
    a working bench at once.
    """
    return not dmm and (demo or not saved_meter)


def saved_meter() -> bool:
    """Whether the window will reopen a meter saved from an earlier start (else it opens
    the demo bench), decided without loading Qt so the bench can start before Qt does.

    The window keeps its settings with Qt's QSettings(SETTINGS_OWNER, SETTINGS_NAME), which
    on Linux is the INI file `$XDG_CONFIG_HOME/meterlab/meterlab.conf`, with
    `SAVED_METER_KEY` as key `dmm` in its `[resources]` group. A new user has no such
    file. Wherever the answer is not certain — another system, a file that does not
    parse — this says True: the window then decides itself, after Qt has loaded.
    """
    import configparser
    import os

    if not sys.platform.startswith("linux"):
        return True
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    path = os.path.join(base, SETTINGS_OWNER, f"{SETTINGS_NAME}.conf")
    if not os.path.exists(path):
        return False
    ini = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        ini.read(path, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return True
    group, _, key = SAVED_METER_KEY.partition("/")
    return bool(ini.get(group, key, fallback="").strip())
