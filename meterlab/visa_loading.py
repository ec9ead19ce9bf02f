"""Loading pyvisa and pyvisa-py without what the first connection does not need.

The desktop app's first reading waits for pyvisa and pyvisa-py to load, on the same
interpreter lock as the window it builds meanwhile, so every module they load up front
and use only later (or never) is time a technician spends looking at an empty meter:

* pyvisa-py imports zeroconf (with asyncio) and psutil to look for LAN instruments
  later: ~0.2 s. `defer_import` puts a stand-in in their place until they are used.
* pyvisa-py asks pyusb for a USB back-end as it loads, and pyusb searches for libusb
  with `ctypes.util.find_library` (~0.5 s without a system libusb).
  `libusb_from_package` hands it the library `libusb-package` ships instead.
* pyvisa's and pyvisa-py's `__init__` import `importlib.metadata` for their
  `__version__` (the reader alone is ~45 ms, most of it the `email` package it parses
  with; loading both and opening the manager went from 157–208 to 133–175 ms).
  `versions_without_metadata` answers that one question from the installed
  `.dist-info` folder's name instead (the wheel standard puts the version there), and
  leaves `importlib.metadata` unloaded for whoever needs it later.

`meterlab.visa` imports pyvisa (`import_pyvisa`) and opens a backend's resource manager
(`resource_manager`) through here.
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


def resource_manager(backend: str) -> Any:
    """`pyvisa.ResourceManager(backend)`, with pyvisa-py (for "@py") loaded without the
    library search and the metadata reader; its errors are pyvisa's own."""
    import pyvisa

    if backend.lstrip().startswith("@py"):
        libusb_from_package()
    with versions_without_metadata():  # pyvisa-py loads here
        return pyvisa.ResourceManager(backend)


def libusb_from_package() -> None:
    """Hand pyusb the libusb that `libusb-package` ships, before pyvisa-py loads.

    pyvisa-py asks pyusb for a USB back-end as it loads; pyusb then looks for
    libusb 1.0, OpenUSB and libusb 0.1 with `ctypes.util.find_library`, which on
    Linux runs `ldconfig` and a C compiler for each name it does not find: about
    half a second on a PC without a system libusb, before any instrument can be
    opened. pyusb keeps the first back-end it loads, so loading the packaged one
    first (what `usb_access` falls back to anyway) skips that search. Without
    pyusb or libusb-package nothing changes.
    """
    library = _packaged_libusb()
    if library is None:
        return
    with contextlib.suppress(Exception):  # no usable library: pyusb searches as before
        import usb.backend.libusb1

        usb.backend.libusb1.get_backend(find_library=lambda _name: library)


def _packaged_libusb() -> str | None:
    """The libusb file inside the installed `libusb-package`, found without importing it.

    Importing it (for its `get_libusb1_backend`) loads importlib_resources, 50 ms of
    the desktop app's start-up on the path to the first reading; the library is a plain
    file beside its `__init__.py`.
    """
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec("libusb_package")
    except (ImportError, ValueError):
        return None
    folders = spec.submodule_search_locations if spec is not None else None
    for folder in folders or []:
        for pattern in ("libusb-1.0.so*", "libusb-1.0*.dylib", "libusb-1.0.dll"):
            found = sorted(Path(folder).glob(pattern))
            if found:
                return str(found[0])
    return None
