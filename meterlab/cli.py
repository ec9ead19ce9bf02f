"""The `meterlab` command tree.

Sub-commands live in `meterlab/commands/<name>.py` and are imported only when
used, so `meterlab --help` and the GUI start without paying for pandas or pyvisa.
Every `MeterlabError` is turned into one line on stderr and exit code 2; no
traceback reaches a user.
"""

from __future__ import annotations

import importlib
import sys

import click

from meterlab import __version__
from meterlab.errors import MeterlabError

# name -> (module, function, one-line help); the module defines a click command.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "sim": ("meterlab.commands.sim", "sim", "Serve the simulated bench (34465A DMM + MSO1104Z scope)."),
}

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_ERROR = 2


class LazyGroup(click.Group):
    """A click group that imports a sub-command's module only when it runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module, attr, _ = entry
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="meterlab")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """meterlab: multimeters and oscilloscopes on the bench, judged against tolerances.

    Start the simulated bench with `meterlab sim`.
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the command tree, turning our errors into one line."""
    try:
        code = cli.main(args=argv, prog_name="meterlab", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except MeterlabError as exc:
        click.echo(f"meterlab: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
