"""Where meterlab finds the data folders users edit, and where it keeps its own files.

The shipped folders (`instruments/`, `limits/`, `ui/`) sit beside the package in a
source checkout and inside it (`meterlab/_data/`) in an installed wheel; a user
folder (platformdirs) can add more without touching either.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "meterlab"
_PKG = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """Return the shipped data folder `name` (instruments, limits or ui).

    An installed wheel's own copy wins: in site-packages the folder beside the package
    could belong to anything else that was installed there.
    """
    installed = _PKG / "_data" / name
    if installed.is_dir():
        return installed
    return _PKG.parent / name


def user_config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP))


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP))


def user_dir(name: str) -> Path:
    """The user's own folder for `name` (e.g. extra instrument profiles); may not exist."""
    return user_config_dir() / name
