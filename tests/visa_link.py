"""A test's own VISA link to the simulated bench, beside meterlab's.

pyvisa gives every caller in a process the *same* ResourceManager per backend
(`ResourceManager("@py")` returns the existing one), so `rm.close()` in a test also
closes every instrument meterlab has open in that process: a live view's worker then
loses its link mid-read, and pyvisa itself can fail while the worker opens a resource
during that close ("Set changed size during iteration"). Tests therefore close only
the resources they opened, never the manager.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pyvisa
from pyvisa.resources import MessageBasedResource


def shared_manager() -> pyvisa.ResourceManager:
    """The process's pyvisa-py manager; never close it in a test (see the module)."""
    return pyvisa.ResourceManager("@py")


def open_link(resource: str, timeout: int = 5000) -> MessageBasedResource:
    """A line-terminated SCPI link, as QCoDeS and PyMeasure open a SOCKET resource."""
    return shared_manager().open_resource(resource, read_termination="\n",
                                          write_termination="\n", timeout=timeout)


@contextmanager
def link(resource: str, timeout: int = 5000) -> Iterator[MessageBasedResource]:
    """`open_link`, closed again however the block ends."""
    res = open_link(resource, timeout)
    try:
        yield res
    finally:
        res.close()
