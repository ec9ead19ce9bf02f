"""Can a window open here? Asked before Qt loads, because Qt aborts the whole process
(a core dump, not an exception) when it finds no display or misses a system library."""

from __future__ import annotations

import contextlib
import ctypes.util
import os
import re
import socket
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
    if use_x11 and ctypes.util.find_library("xcb-cursor") is None:
        raise UsageError(
            "meterlab's window needs the system library libxcb-cursor (Qt 6 uses it on X11), "
            "and it is not installed. Install it (Debian/Ubuntu: 'sudo apt install "
            "libxcb-cursor0'; Fedora: 'sudo dnf install xcb-util-cursor') and start "
            "meterlab again. The command-line tools work meanwhile: see 'meterlab --help'."
        )


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
