"""meterlab: SCPI multimeters and oscilloscopes on the bench, judged against their tolerances."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("meterlab")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+src"
