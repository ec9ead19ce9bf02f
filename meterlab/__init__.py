"""meterlab: SCPI multimeters and oscilloscopes on the bench, judged against their tolerances."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`__version__`, read from the installed metadata when first asked for.

    Lazily, because `importlib.metadata` costs ~0.1 s and every meterlab process
    (the desktop app before its first reading, the simulated bench it starts)
    imports this package long before anything shows a version.
    """
    if name != "__version__":
        raise AttributeError(f"module 'meterlab' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("meterlab")
    except PackageNotFoundError:  # running from a source tree that was never installed
        value = "0.0.0+src"
    globals()["__version__"] = value
    return value
