"""USB instruments: the one line `meterlab list` says when the OS, pyusb or libusb refuses.

No USB instrument is plugged into a CI machine, so the refusals are produced the way
pyusb produces them (its own exception classes, with libusb's error codes) and the
messages are checked for what a person must type: the udev rule, the extra, the driver.
"""

from __future__ import annotations

import sys

import pytest
import usb.core

from meterlab.cli import main
from meterlab.usb_access import (
    UDEV_RULE_FILE,
    UsbDevice,
    find_usbtmc,
    udev_rule,
    usb_advice,
    usb_problems,
)

SCOPE = UsbDevice(0x1AB1, 0x04CE)  # a Rigol DS1000Z's USB ids
DENIED = usb.core.USBError("Access denied (insufficient permissions)", -3, 13)
BUSY = usb.core.USBError("Resource busy", -6, 16)
NOT_SUPPORTED = usb.core.USBError("Operation not supported or unimplemented on this platform",
                                  -12, 40)


class FakeDevice:
    """What pyusb hands back for a device: ids readable, opening it raises."""

    def __init__(self, vid: int, pid: int, error: BaseException | None) -> None:
        self.idVendor, self.idProduct, self._error = vid, pid, error

    @property
    def serial_number(self) -> str:
        if self._error is not None:
            raise self._error
        return "DS1ZA000000001"


def one_line(text: str) -> str:
    assert "\n" not in text and text.endswith((".", "trigger")), text
    return text


def test_no_permission_on_linux_gives_the_udev_rule_for_that_device():
    line = one_line(usb_advice(DENIED, SCOPE, "linux"))
    rule = 'SUBSYSTEM=="usb", ATTR{idVendor}=="1ab1", ATTR{idProduct}=="04ce", MODE="0666"'
    assert udev_rule(SCOPE) == rule
    assert f"echo '{rule}' | sudo tee {UDEV_RULE_FILE}" in line
    assert "udevadm control --reload-rules" in line and "1ab1:04ce" in line
    assert "replug" in line


def test_without_a_known_device_the_rule_covers_every_usbtmc_interface():
    assert udev_rule() == 'SUBSYSTEM=="usb", ENV{ID_USB_INTERFACES}=="*:fe03??:*", MODE="0666"'
    assert udev_rule() in usb_advice(DENIED, None, "linux")


@pytest.mark.parametrize("exc", [NOT_SUPPORTED, DENIED, NotImplementedError("no driver")])
def test_no_driver_on_windows_names_the_makers_visa_and_winusb(exc):
    line = one_line(usb_advice(exc, SCOPE, "win32"))
    assert "--visa @ivi" in line and "WinUSB" in line and "Zadig" in line
    assert "udev" not in line


def test_a_busy_device_on_linux_names_the_kernel_driver():
    line = one_line(usb_advice(BUSY, SCOPE, "linux"))
    assert "another program" in line and "sudo rmmod usbtmc" in line


def test_missing_pyusb_and_missing_libusb_say_which_package_to_install():
    no_pyusb = one_line(usb_advice(ModuleNotFoundError("No module named 'usb'")))
    assert 'pip install "meterlab[usb]"' in no_pyusb and "pyusb" in no_pyusb
    no_lib = one_line(usb_advice(usb.core.NoBackendError("No backend available")))
    assert "libusb" in no_lib and 'meterlab[usb]' in no_lib and "libusb-1.0-0" in no_lib


def test_problems_are_found_per_device_and_none_when_access_works():
    devices = [FakeDevice(0x1AB1, 0x04CE, DENIED), FakeDevice(0x2A8D, 0x1301, None)]
    lines = usb_problems(lambda: devices, "linux")
    assert len(lines) == 1 and "1ab1:04ce" in lines[0]
    assert usb_problems(lambda: [], "linux") == []  # no device: nothing to say


def test_problems_when_the_usb_stack_itself_is_missing():
    def no_backend() -> list:
        raise usb.core.NoBackendError("No backend available")

    def no_pyusb() -> list:
        raise ModuleNotFoundError("No module named 'usb'")

    assert "libusb" in usb_problems(no_backend)[0]
    assert "pyusb is not installed" in usb_problems(no_pyusb)[0]


def test_the_real_pyusb_and_libusb_enumerate_here():
    # With the usb extra installed the bus can be walked (libusb-package's library when
    # the system has none); the list holds only USBTMC devices.
    devices = find_usbtmc()
    assert isinstance(devices, list)


def test_meterlab_list_says_what_to_do_in_one_line(monkeypatch, capsys):
    monkeypatch.setattr("meterlab.usb_access.find_usbtmc",
                        lambda: [FakeDevice(0x1AB1, 0x04CE, DENIED)])
    with pytest.raises(SystemExit) as exc:
        main(["list", "--timeout", "0.5"])
    assert exc.value.code in (0, None)
    err = capsys.readouterr().err
    notes = [line for line in err.splitlines() if "1ab1:04ce" in line]
    assert len(notes) == 1 and "sudo tee" in notes[0]


def test_opening_a_refused_usb_resource_says_what_to_do(monkeypatch):
    import pyvisa

    from meterlab.errors import InstrumentError
    from meterlab.usb_access import usb_open_advice
    from meterlab.visa import open_instrument

    res = "USB0::0x1AB1::0x04CE::DS1ZA000000001::INSTR"
    assert usb_open_advice(ValueError("No device found."), res) is None  # not a refusal
    assert "1ab1:04ce" in usb_open_advice(DENIED, res, "linux")

    def refuse(self, resource_name, **kwargs):  # what pyvisa-py lets through from pyusb
        raise DENIED

    monkeypatch.setattr(pyvisa.ResourceManager, "open_resource", refuse)
    with pytest.raises(InstrumentError) as err:
        open_instrument(res, backend="@py", timeout_ms=1000)
    if sys.platform.startswith("linux"):
        assert "udev" in str(err.value) and "1ab1" in str(err.value)


def test_pyusb_gets_the_packaged_libusb_without_importing_its_package():
    # pyvisa-py's USB search otherwise runs ldconfig and a compiler per library name;
    # importing libusb_package to find its file cost 50 ms of the app's start-up.
    import subprocess

    code = ("import sys, meterlab.visa_loading as v\n"
            "v.libusb_from_package()\n"
            "import usb.backend.libusb1 as l\n"
            "print(l._lib._name)\n"
            "print('libusb_package' in sys.modules, 'importlib_resources' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    import libusb_package

    assert out[0] == str(libusb_package.get_library_path())
    assert out[1] == "False False"
