"""Can a window open here? Asked before Qt loads, because Qt aborts the whole process
(a core dump, not an exception) when it finds no display or misses a system library."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys

from meterlab.errors import UsageError


def check_display() -> None:
    """Raise UsageError, in words, when Qt would abort for want of a display."""
    if not sys.platform.startswith("linux"):
        return
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform and platform not in ("xcb", "wayland"):
        return  # offscreen, vnc, eglfs…: the user chose; Qt needs no X server for those
    wayland = bool(os.environ.get("WAYLAND_DISPLAY"))
    x11 = bool(os.environ.get("DISPLAY"))
    if not (wayland or x11):
        raise UsageError(
            "meterlab needs a graphical display to open its window, and this session has "
            "none (DISPLAY is not set). The command-line tools work without one: see "
            "'meterlab --help'. On a server, run the window under Xvfb "
            "('xvfb-run meterlab') or set QT_QPA_PLATFORM=offscreen."
        )
    use_x11 = platform == "xcb" or not wayland
    if use_x11 and not _x_server_answers(os.environ.get("DISPLAY", "")):
        raise UsageError(
            f"meterlab cannot reach the display {os.environ.get('DISPLAY', '')!r} to open its "
            "window: no X server answers there. Check DISPLAY (and, over ssh, X forwarding). "
            "The command-line tools work without a display: see 'meterlab --help'."
        )
    missing = _missing_xcb_libraries() if use_x11 else []
    if missing:
        packages = " ".join(pkg for _, pkg in missing)
        raise UsageError(
            "meterlab's window needs system libraries that Qt 6 uses on X11, and these are "
            f"not installed: {', '.join(lib for lib, _ in missing)}. Install them (Debian/"
            f"Ubuntu: 'sudo apt install {packages}') and start meterlab again. The "
            "command-line tools work meanwhile: see 'meterlab --help'."
        )


#: Libraries Qt's xcb platform plugin loads beyond libxcb itself, with their Debian package.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _missing_xcb_libraries() -> list[tuple[str, str]]:
    """The xcb libraries the dynamic loader cannot find (empty when unsure)."""
    ldconfig = shutil.which("ldconfig") or next(
        (p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if os.path.exists(p)), None)
    if ldconfig is None:
        return []  # no ldconfig (e.g. musl): let Qt judge
    try:
        listing = subprocess.run([ldconfig, "-p"], capture_output=True, text=True,  # noqa: S603
                                 timeout=5, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []  # no ldconfig (e.g. musl): let Qt judge
    if not listing:
        return []
    known = set(re.findall(r"^\s*(\S+)\s", listing, flags=re.MULTILINE))
    extra = os.environ.get("LD_LIBRARY_PATH", "")
    for folder in filter(None, extra.split(":")):
        with contextlib.suppress(OSError):
            known.update(os.listdir(folder))
    return [(lib, pkg) for lib, pkg in XCB_LIBRARIES.items() if lib not in known]


def _x_server_answers(display: str) -> bool:
    """Whether something listens where DISPLAY points (":1", "host:0.0", "unix:2")."""
    m = re.fullmatch(r"(?:(?P<host>[^:]*)/)?(?P<name>[^:]*):(?P<num>\d+)(?:\.\d+)?", display)
    if not m:
        return True  # a form we do not know: let Qt judge it
    host, num = m.group("name"), int(m.group("num"))
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{num}"  # noqa: S108 - the X11 socket path is fixed by X
        with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(1.0)
            sock.connect(path)
            return True
        with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX) as sock:
            sock.connect(f"\0{path}")  # Linux abstract socket, as Xorg also listens on
            return True
        return False
    try:
        with socket.create_connection((host, 6000 + num), timeout=1.0):
            return True
    except OSError:
        return False
