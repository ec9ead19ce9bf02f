"""Serve the simulated bench (34465A DMM + MSO1104Z scope) on 127.0.0.1."""

from __future__ import annotations

import signal
import sys
import threading

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
def command(host: str, dmm_port: int, scope_port: int, seed: int, faults: tuple[str, ...],
            allow_remote: bool) -> None:
    """Serve the simulated bench until Ctrl-C (SIGINT) or SIGTERM.

    As soon as both instruments listen, one line per instrument goes to stdout:
    `dmm TCPIP::127.0.0.1::<port>::SOCKET` and `scope TCPIP::127.0.0.1::<port>::SOCKET`.
    """
    from meterlab.sim import SimulatedBench
    from meterlab.sim.board import FAULTS

    for name in faults:
        if name.lower() not in FAULTS:
            raise click.BadParameter(
                f"unknown fault {name!r}; choose from {', '.join(FAULTS)}", param_hint="--fault"
            )
    bench = SimulatedBench(seed=seed, faults=[f.lower() for f in faults], host=host,
                           dmm_port=dmm_port, scope_port=scope_port, allow_remote=allow_remote)
    stop = threading.Event()

    def _stop(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    bench.start()
    try:
        sys.stdout.write(f"dmm {bench.dmm_resource}\nscope {bench.scope_resource}\n")
        sys.stdout.flush()
        while not stop.wait(0.5):
            pass
    finally:
        bench.stop()
