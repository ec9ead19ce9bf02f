"""Serve the simulated bench (34465A DMM + MSO1104Z scope) on 127.0.0.1."""

from __future__ import annotations

import click


@click.command("sim")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--dmm-port", type=click.IntRange(0, 65535), default=5025, show_default=True,
              help="TCP port of the 34465A (0 picks a free port).")
@click.option("--scope-port", type=click.IntRange(0, 65535), default=5555, show_default=True,
              help="TCP port of the MSO1104Z (0 picks a free port).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Same seed, same readings and waveforms.")
@click.option("--fault", "faults", multiple=True, metavar="NAME",
              help="Switch on a board fault at start (repeatable): ldo_drift, supply_ripple, "
                   "pwm_stuck, uart_baud, r1_open, i2c_nak.")
@click.option("--allow-remote", is_flag=True,
              help="Allow listening on a non-loopback address.")
@click.option("--lan/--no-lan", default=True, show_default=True,
              help="Also serve VXI-11 (TCPIP::<ip>::INSTR) and HiSLIP "
                   "(TCPIP::<ip>::hislip0::INSTR): the meter on --host, the scope on the "
                   "next loopback address.")
@click.option("--exit-with-stdin", is_flag=True, hidden=True,
              help="Stop when stdin closes (the parent that started this bench has ended).")
def command(host: str, dmm_port: int, scope_port: int, seed: int, faults: tuple[str, ...],
            allow_remote: bool, lan: bool, exit_with_stdin: bool) -> None:
    """Serve the simulated bench until Ctrl-C (SIGINT) or SIGTERM.

    As soon as both instruments listen, one line per resource goes to stdout, the raw
    sockets first: `dmm TCPIP::127.0.0.1::<port>::SOCKET`,
    `scope TCPIP::127.0.0.1::<port>::SOCKET`, then (with --lan) `dmm TCPIP::127.0.0.1::INSTR`,
    `dmm TCPIP::127.0.0.1::hislip0::INSTR` and the same for the scope on 127.0.0.2.
    A LAN service that cannot listen (port 111 needs root) is named in one line on
    stderr; the rest is served.

    With `--exit-with-stdin` (how the desktop app starts its demo bench) the bench
    also stops when its stdin reaches end of file: the parent holds the other end
    of that pipe, and the operating system closes it however the parent ends, a
    crash included, so no simulator is left behind listening.
    """
    from meterlab.sim.board import FAULTS
    from meterlab.sim.serve import serve

    for name in faults:
        if name.lower() not in FAULTS:
            raise click.BadParameter(
                f"unknown fault {name!r}; choose from {', '.join(FAULTS)}", param_hint="--fault"
            )
    serve(host=host, dmm_port=dmm_port, scope_port=scope_port, seed=seed,
          faults=[f.lower() for f in faults], allow_remote=allow_remote, lan=lan,
          exit_with_stdin=exit_with_stdin)
