"""The `meterlab` command tree.

Each sub-command is a module `meterlab/commands/<name>.py` defining a click
command called `command`; its docstring's first line is the help line. Modules
are found by name and imported only when used, so `meterlab --help` and the GUI
start without paying for pandas or pyvisa.
Every `MeterlabError` is turned into one line on stderr and exit code 2; no
traceback reaches a user.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import click

import meterlab
from meterlab.errors import MeterlabError

_COMMANDS_DIR = Path(__file__).resolve().parent / "commands"

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_ERROR = 2


class LazyGroup(click.Group):
    """A click group that imports a sub-command's module only when it runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(
            p.stem.replace("_", "-")
            for p in _COMMANDS_DIR.glob("*.py")
            if not p.stem.startswith("_")
        )

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.list_commands(ctx):
            return None
        module = importlib.import_module(f"meterlab.commands.{cmd_name.replace('-', '_')}")
        return module.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _help_line(name)) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _help_line(name: str) -> str:
    """First docstring line of a command module, read without importing it."""
    path = _COMMANDS_DIR / f"{name.replace('-', '_')}.py"
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.version_option(package_name="meterlab", prog_name="meterlab")  # read when asked
@click.option("--demo", is_flag=True, help="Open the window on the simulated bench.")
@click.pass_context
def cli(ctx: click.Context, demo: bool) -> None:
    """meterlab: multimeters and oscilloscopes on the bench, judged against tolerances.

    Without a command it opens the window. Start the simulated bench with `meterlab sim`.
    """
    if ctx.invoked_subcommand is None:
        ctx.exit(open_window(demo=demo))


def open_window(*, demo: bool, dmm: str | None = None, scope: str | None = None,
                db_path: str | None = None) -> int:
    """Open the desktop window (for `meterlab` and `meterlab gui`); returns its exit code.

    The demo bench's process is started first when the window will use it (`demo`, or
    no meter saved from an earlier start), so it comes up on the other core while Qt
    loads; Qt is imported only here, so `meterlab --help` and the other commands
    never load it. A display that cannot be opened is said in words before Qt tries.
    """
    from meterlab.bench.meter_choice import reads_demo_bench, saved_meter
    from meterlab.sim.process import start_for_window

    bench = start_for_window(reads_demo_bench(dmm=dmm, demo=demo, saved_meter=saved_meter()))
    try:
        from meterlab.gui.qtcompat import hold_collection

        hold_collection()  # until the window's views are built (see qtcompat)
        from meterlab.gui.preflight import check_display

        check_display()
        from meterlab.gui.app import run
    except BaseException:
        if bench is not None:
            bench.stop()
        raise
    window_takes_sigterm()
    return run([sys.argv[0]], demo=demo, dmm=dmm, scope=scope, db_path=db_path, bench=bench)


class Terminated(KeyboardInterrupt):
    """SIGTERM, delivered as Ctrl-C is: every command already stops cleanly on that path
    (sessions closed as aborted with every committed reading, half-written files removed)."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """A service manager's or `kill`'s SIGTERM stops any command promptly, as Ctrl-C would.
    Commands with a gentler stop of their own (read, sim) install their handler on top."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def window_takes_sigterm() -> None:
    """The window keeps the system's SIGTERM (end at once): a Python handler would only run
    when Qt next calls into Python, and its exception would be lost in a slot."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _interrupted(exc: BaseException) -> None:
    if isinstance(exc, Terminated):
        click.echo("meterlab: stopped (SIGTERM); what was already saved is kept.", err=True)
        sys.exit(128 + signal.SIGTERM)
    click.echo("meterlab: interrupted; what was already saved is kept.", err=True)
    sys.exit(130)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the command tree, turning our errors into one line."""
    try:
        with _sigterm_as_interrupt():
            code = cli.main(args=argv, prog_name="meterlab", standalone_mode=False)
    except click.exceptions.Abort as exc:
        if isinstance(exc.__context__, KeyboardInterrupt):
            _interrupted(exc.__context__)
        click.echo("meterlab: aborted.", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except MeterlabError as exc:
        click.echo(f"meterlab: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt as exc:
        _interrupted(exc)
    except BrokenPipeError:
        # `meterlab sessions | head` closed the pipe: nothing to tell anyone.
        sys.exit(EXIT_OK)
    except OSError as exc:
        # The computer, not meterlab, refused: a full disk, a read-only folder, stdout to
        # /dev/full. Say which file and why; that is all a person can act on.
        where = f" ({exc.filename})" if exc.filename else ""
        click.echo(f"meterlab: the system refused a read or write{where}: "
                   f"{exc.strerror or exc}. What was already saved is kept; free some space "
                   "or check the permissions, then try again.", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # the last resort: a bug must not show a traceback
        click.echo(_internal_error(exc), err=True)
        sys.exit(EXIT_ERROR)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _internal_error(exc: BaseException) -> str:
    """Log the traceback of a bug to the user log folder and return the one line to show.

    A bug is still ours, not the technician's: they get one sentence and a file to
    attach to a report, and the developers get the full traceback.
    """
    import datetime
    import traceback

    import platformdirs

    line = f"meterlab: internal error: {type(exc).__name__}: {exc}."
    line += " Please report it; nothing you measured was lost."
    try:
        log_dir = Path(platformdirs.user_log_dir("meterlab"))
        log_dir.mkdir(parents=True, exist_ok=True)
        log = log_dir / "errors.log"
        stamp = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {stamp} meterlab {meterlab.__version__} argv={sys.argv!r}\n")
            fh.write("".join(traceback.format_exception(exc)))
        line += f" Details: {log}"
    except OSError as log_exc:
        line += f" (the details could not be logged: {log_exc.strerror or log_exc})"
    return line
