"""List the instruments meterlab can see, one per line, with the model when it answers.

Bounded in time on purpose: discovery and every *IDN? run on daemon threads and
whatever has not answered by the deadline is listed without a model, so a hung
USB stack or a host that swallows packets never hangs the command. Serial ports
are listed but not asked: text sent to an unknown serial device at a guessed
baud rate can confuse it, and it would not answer in time anyway.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

import click

from meterlab.commands._common import visa_option

#: How long one *IDN? may take, at most (seconds).
IDN_TIMEOUT_S = 1.0


@click.command("list")
@click.option("--timeout", type=click.FloatRange(min=0.5, max=60), default=4.0,
              show_default=True, metavar="S", help="Give up on slow discovery after S seconds.")
@click.option("--verbose", is_flag=True,
              help="Also say which VISA backend and profile folders are used (on stderr).")
@visa_option
def command(timeout: float, verbose: bool, backend: str | None) -> None:
    """List VISA resources (and a running simulated bench) with the model of each."""
    from meterlab.visa import default_backend, list_resources, local_resources

    start = time.monotonic()
    chosen = backend or default_backend()
    if verbose:
        from meterlab.profiles import profile_dirs

        click.echo(f"VISA backend: {chosen}", err=True)
        for d in profile_dirs():
            note = "" if d.is_dir() else " (does not exist yet)"
            click.echo(f"Profiles from: {d}{note}", err=True)
    found = list_resources(chosen, timeout_s=timeout * 0.5)
    labels = local_resources()
    for res in _simulated_bench():
        if res not in found:
            found.append(res)
            labels.setdefault(res, "simulated bench on this computer (meterlab sim)")
    real = [r for r in found if r not in labels]
    for line in _usb_notes(verbose or not real, deadline=start + timeout):
        click.echo(line, err=True)
    left = max(0.2, timeout - (time.monotonic() - start))
    answers = _identify_all(found, chosen, deadline=time.monotonic() + left)
    if not found:
        click.echo("No instruments found. Check cables and power; a LAN instrument may need "
                   "its address given directly (TCPIP::<ip>::INSTR). Start the simulated bench "
                   "with 'meterlab sim'.", err=True)
        return
    width = max(len(r) for r in found)
    for res in found:
        desc = answers.get(res, "(no answer to *IDN? in time)")
        if res in labels:
            desc += f" — {labels[res]}"
        click.echo(f"{res:<{width}}  {desc}")


def _simulated_bench(hosts: tuple[str, ...] = ("127.0.0.1", "127.0.0.2"),
                     socket_host: str = "127.0.0.1") -> list[str]:
    """The simulated bench on its usual ports, when `meterlab sim` runs on this computer.

    Raw-socket instruments cannot be discovered, so the two known ports are tried
    (a refused connection on loopback costs well under a millisecond). VXI-11 and
    HiSLIP are discovered by broadcast and mDNS, which loopback does not carry, so the
    bench's two addresses are asked directly: the portmapper for the VXI-11 core
    channel, port 4880 for HiSLIP."""
    from meterlab.sim import DEFAULT_DMM_PORT, DEFAULT_SCOPE_PORT
    from meterlab.sim.hislip import HISLIP_PORT
    from meterlab.sim.oncrpc import getport
    from meterlab.sim.vxi11 import DEVICE_CORE_PROG, VXI11_VERS

    out = []
    for port in (DEFAULT_DMM_PORT, DEFAULT_SCOPE_PORT):
        with contextlib.suppress(OSError), socket.create_connection((socket_host, port),
                                                                     timeout=0.2):
            out.append(f"TCPIP::{socket_host}::{port}::SOCKET")
    for host in hosts:
        with contextlib.suppress(OSError, ValueError, EOFError):
            if getport(host, DEVICE_CORE_PROG, VXI11_VERS, timeout_s=0.5):
                out.append(f"TCPIP::{host}::INSTR")
        with contextlib.suppress(OSError), socket.create_connection((host, HISLIP_PORT),
                                                                     timeout=0.2):
            out.append(f"TCPIP::{host}::hislip0::INSTR")
    return out


def _usb_notes(say_missing_pyusb: bool, deadline: float) -> list[str]:
    """Why USB instruments cannot be used here, one line each (see meterlab/usb_access.py).

    Without pyusb that is only worth saying when nothing else was found (or with
    --verbose): a LAN-only bench needs no USB. Bounded like the rest of discovery."""
    from importlib.util import find_spec

    from meterlab.usb_access import usb_advice, usb_problems

    if find_spec("usb") is None:
        return [usb_advice(ImportError("pyusb"))] if say_missing_pyusb else []
    box: list[str] = []
    t = threading.Thread(target=lambda: box.extend(usb_problems()), daemon=True,
                         name="usb-access")
    t.start()
    t.join(max(0.2, deadline - time.monotonic()))
    return list(box)


def _identify_all(resources: list[str], backend: str, deadline: float) -> dict[str, str]:
    answers: dict[str, str] = {}
    threads = []
    for res in resources:
        if res.upper().startswith("ASRL"):
            answers[res] = "(serial port: not asked)"
            continue
        t = threading.Thread(target=_identify, args=(res, backend, answers), daemon=True,
                             name=f"idn-{res}")
        t.start()
        threads.append(t)
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    return dict(answers)


def _identify(resource: str, backend: str, answers: dict[str, str]) -> None:
    from meterlab.errors import MeterlabError
    from meterlab.profiles import match_profile
    from meterlab.visa import open_instrument

    try:
        with open_instrument(resource, backend=backend, timeout_ms=int(IDN_TIMEOUT_S * 1000),
                             verify=False) as conn:
            idn = conn.idn
    except MeterlabError:
        answers[resource] = "(does not answer *IDN?)"
        return
    except Exception:  # a backend quirk on one resource must not spoil the whole list
        answers[resource] = "(could not be opened)"
        return
    text = f"{idn.maker} {idn.model}"
    if idn.serial:
        text += f", serial {idn.serial}"
    try:
        profile = match_profile(idn)
    except MeterlabError:  # a broken user profile is reported by the commands that use it
        profile = None
    if profile is None:
        text += " (no profile)"
    answers[resource] = text
