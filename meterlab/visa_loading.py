"""Loading pyvisa and pyvisa-py without what the first connection does not need.

The desktop app's first reading waits for pyvisa and pyvisa-py to load, on the same
interpreter lock as the window it builds meanwhile, so every module they load up front
and use only later (or never) is time a technician spends looking at an empty meter:

* pyvisa-py imports zeroconf (with asyncio) and psutil to look for LAN instruments
  later: ~0.2 s. `defer_import` puts a stand-in in their place until they are used.
* pyvisa's and pyvisa-py's `__init__` import `importlib.metadata` for their
  `__version__` (the reader alone is ~45 ms, most of it the `email` package it parses
  with; loading both and opening the manager went from 157–208 to 133–175 ms).
  `versions_without_metadata` answers that one question from the installed
  `.dist-info` folder's name instead (the wheel standard puts the version there), and
  leaves `importlib.metadata` unloaded for whoever needs it later.

`meterlab.visa` imports pyvisa, and opens pyvisa-py's resource manager, through here.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import types
from collections.abc import Iterator
from typing import Any


class _Deferred(types.ModuleType):
    """Stands in `sys.modules` for a module until one of its attributes is asked for."""

    def __getattr__(self, attr: str) -> Any:
        import importlib

        if attr.startswith("__") and attr not in ("__path__", "__all__", "__version__"):
            # Introspection (PySide6's import hook reads every new module's source;
            # `inspect` asks for `__wrapped__`, `__file__`) is no use of the module.
            raise AttributeError(attr)
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        real = importlib.import_module(name)
        self.__dict__.update(real.__dict__)  # later lookups skip this method
        return getattr(real, attr)


def defer_import(name: str) -> None:
    """Make `import name` cheap until the module is really used.

    A stand-in module (with the real spec, so the import system asks it nothing) loads
    the real one on first use. The stdlib's `LazyLoader` cannot do this on Python 3.11:
    `import x` reads `x.__spec__`, which loads it.
    """
    import importlib.util

    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return
    if spec is None:
        return
    stand_in = _Deferred(name)
    stand_in.__spec__ = spec
    sys.modules[name] = stand_in


def installed_version(name: str) -> str | None:
    """The version of distribution `name` from its `<name>-<version>.dist-info` folder on
    `sys.path` (the wheel standard's name for it), or None where there is no such folder
    (an egg, a zip, a source tree): `importlib.metadata` then answers."""
    wanted = re.sub(r"[-_.]+", "_", name).lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in names:
            if folder.endswith(".dist-info") and folder.lower().startswith(wanted):
                return folder[len(wanted):-len(".dist-info")]
    return None


class _QuickMetadata(_Deferred):
    """`importlib.metadata` while pyvisa loads: its two names answered at once, and any
    other use (another thread importing meanwhile) loads the real module as `_Deferred`
    does."""

    class PackageNotFoundError(ModuleNotFoundError):
        """Raised by `version` here; pyvisa catches it by this name."""

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            # `from importlib.metadata import …` asks for `__path__` first: a plain
            # module has none, and asking must not load the real one.
            raise AttributeError(attr)
        return super().__getattr__(attr)

    @staticmethod
    def version(name: str) -> str:
        found = installed_version(name)
        if found is not None:
            return found
        import importlib

        if isinstance(sys.modules.get("importlib.metadata"), _QuickMetadata):
            del sys.modules["importlib.metadata"]  # the real one, in its place from now on
        real = importlib.import_module("importlib.metadata")
        try:
            return str(real.version(name))
        except real.PackageNotFoundError:
            raise _QuickMetadata.PackageNotFoundError(name) from None


@contextlib.contextmanager
def versions_without_metadata() -> Iterator[None]:
    """While the block runs, `from importlib.metadata import version` gets `_QuickMetadata`
    (pyvisa and pyvisa-py each ask it for their `__version__` as they load)."""
    if "importlib.metadata" in sys.modules:
        yield
        return
    quick = _QuickMetadata("importlib.metadata")
    sys.modules["importlib.metadata"] = quick
    try:
        yield
    finally:
        if sys.modules.get("importlib.metadata") is quick:
            del sys.modules["importlib.metadata"]


def import_pyvisa() -> None:
    """`import pyvisa`, with its version read without loading `importlib.metadata`."""
    with versions_without_metadata():
        import pyvisa  # noqa: F401
