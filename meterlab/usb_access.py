"""Why a USB instrument cannot be used, and the one thing to do about it.

Most bench meters and scopes are plugged in by USB (USBTMC: interface class 0xFE,
subclass 3). pyvisa-py reaches them through pyusb and a libusb library, and when
any link of that chain is missing it skips the instrument with at most a log line.
A technician then sees an empty list and no reason. This module looks at the same
devices through pyusb and turns each refusal into one line that says what to type:

- pyusb missing → install the `usb` extra;
- no libusb → the extra brings one (`libusb-package`), or the system's package;
- Linux refuses to open the device → the udev rule, written out for that device;
- Windows has no libusb-capable driver on it → the maker's VISA, or WinUSB (Zadig);
- the device is held (kernel usbtmc driver, another VISA program) → what frees it.

pyusb is imported only here and only when asked, so the rest of meterlab runs
without it. `usb_advice` is a pure function of the exception pyusb raised, the
device and the platform, so every message is tested without hardware.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

USBTMC_CLASS, USBTMC_SUBCLASS = 0xFE, 0x03
UDEV_RULE_FILE = "/etc/udev/rules.d/99-meterlab-usbtmc.rules"
INSTALL_EXTRA = 'pip install "meterlab[usb]" (or: uv tool install "meterlab[usb]")'

# libusb error codes pyusb passes on as USBError.backend_error_code
LIBUSB_ERROR_ACCESS, LIBUSB_ERROR_BUSY, LIBUSB_ERROR_NOT_SUPPORTED = -3, -6, -12


@dataclass(frozen=True)
class UsbDevice:
    """A USBTMC device as the bus describes it, before anyone opened it."""

    vid: int
    pid: int
    product: str = ""

    def __str__(self) -> str:
        name = f" ({self.product})" if self.product else ""
        return f"{self.vid:04x}:{self.pid:04x}{name}"


def udev_rule(device: UsbDevice | None = None) -> str:
    """The udev rule that lets every user open `device` (or any USBTMC instrument)."""
    if device is None:
        return 'SUBSYSTEM=="usb", ENV{ID_USB_INTERFACES}=="*:fe03??:*", MODE="0666"'
    return (f'SUBSYSTEM=="usb", ATTR{{idVendor}}=="{device.vid:04x}", '
            f'ATTR{{idProduct}}=="{device.pid:04x}", MODE="0666"')


def _errno(exc: BaseException) -> tuple[int | None, int | None]:
    return getattr(exc, "errno", None), getattr(exc, "backend_error_code", None)


def usb_advice(exc: BaseException, device: UsbDevice | None = None,
               platform: str = sys.platform) -> str:
    """One line for a person at the bench: what refused, and exactly what to do."""
    what = f"USB instrument {device}" if device is not None else "A USB instrument"
    if isinstance(exc, ImportError):
        return ("USB instruments are not looked for: pyusb is not installed. "
                f"Install the USB extra: {INSTALL_EXTRA}.")
    if type(exc).__name__ == "NoBackendError":
        return ("USB instruments are not looked for: pyusb found no libusb library. "
                f"Install the USB extra, which brings one: {INSTALL_EXTRA}; or the system's "
                "(Debian/Ubuntu: sudo apt install libusb-1.0-0, macOS: brew install libusb).")
    code, backend = _errno(exc)
    windows = platform.startswith("win")
    if windows and (isinstance(exc, NotImplementedError)
                    or backend in (LIBUSB_ERROR_NOT_SUPPORTED, LIBUSB_ERROR_ACCESS)
                    or code in (errno.ENOSYS, errno.EACCES)):
        return (f"{what} was found, but Windows gives it no driver libusb can use. Install "
                "the maker's VISA (Keysight IO Libraries Suite or NI-VISA) and add --visa "
                "@ivi, or give the device the WinUSB driver with Zadig (zadig.akeo.ie).")
    if code in (errno.EACCES, errno.EPERM) or backend == LIBUSB_ERROR_ACCESS:
        if platform.startswith("linux"):
            return (f"{what} was found, but this user may not open it. Allow it with a udev "
                    f"rule, then unplug and replug it: echo '{udev_rule(device)}' | sudo tee "
                    f"{UDEV_RULE_FILE} && sudo udevadm control --reload-rules && "
                    "sudo udevadm trigger")
        return (f"{what} was found, but the system refused to open it. Quit the maker's "
                "software that may hold it, or use the maker's VISA with --visa @ivi.")
    if code == errno.EBUSY or backend == LIBUSB_ERROR_BUSY:
        tail = (" If none runs, the kernel's usbtmc driver holds it: sudo rmmod usbtmc."
                if platform.startswith("linux") else "")
        return (f"{what} is in use by another program: close other VISA programs "
                f"(the maker's tools, another meterlab).{tail}")
    return (f"{what} could not be opened ({exc}). Unplug and replug it, and check that "
            "its USB port is set to USBTMC (not USB storage or printer) in its I/O menu.")


def usb_open_advice(exc: BaseException, resource: str,
                    platform: str = sys.platform) -> str | None:
    """The line to show when opening the USB resource `resource` raised `exc`, or None
    when pyusb was not what refused (no such device: the caller's own message fits)."""
    refused = (isinstance(exc, ImportError | NotImplementedError)
               or type(exc).__name__ in ("USBError", "NoBackendError", "USBTimeoutError"))
    if not refused:
        return None
    parts = resource.split("::")
    device = None
    if len(parts) >= 3:
        try:
            device = UsbDevice(int(parts[1], 0), int(parts[2], 0))
        except ValueError:
            device = None
    return usb_advice(exc, device, platform)


def _is_usbtmc(dev: Any) -> bool:
    try:
        for cfg in dev:
            for intf in cfg:
                if (intf.bInterfaceClass, intf.bInterfaceSubClass) == (USBTMC_CLASS,
                                                                       USBTMC_SUBCLASS):
                    return True
    except Exception:  # a descriptor the OS will not give is not a USBTMC device we can use
        return False
    return False


def find_usbtmc() -> list[Any]:
    """USBTMC devices on the bus via pyusb (libusb-package's library if the system has none).

    Raises ImportError without pyusb and usb.core.NoBackendError without any libusb.
    """
    import usb.core

    try:
        return list(usb.core.find(find_all=True, custom_match=_is_usbtmc))
    except usb.core.NoBackendError:
        try:
            import libusb_package
        except ImportError:
            raise usb.core.NoBackendError("No backend available") from None
        return list(libusb_package.find(find_all=True, custom_match=_is_usbtmc))


def usb_problems(find: Callable[[], list[Any]] | None = None,
                 platform: str = sys.platform) -> list[str]:
    """One line per reason USB instruments cannot be used here; [] when all is well.

    Opening each device (reading its serial number) is what fails without a udev rule
    or a driver, exactly where pyvisa-py would fail; nothing is sent to the instrument.
    """
    try:
        devices = (find or find_usbtmc)()
    except Exception as exc:  # ImportError, NoBackendError, or a broken USB stack
        return [usb_advice(exc, platform=platform)]
    out = []
    for dev in devices:
        info = UsbDevice(int(getattr(dev, "idVendor", 0)), int(getattr(dev, "idProduct", 0)))
        try:
            _ = dev.serial_number
        except Exception as exc:
            out.append(usb_advice(exc, info, platform))
    return out
