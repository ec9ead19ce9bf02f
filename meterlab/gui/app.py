"""Start the desktop application.

The window must be on screen fast: only Qt, pyqtgraph and numpy load here;
pandas and the instrument stack load when a feature needs them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from meterlab.errors import MeterlabError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from meterlab.gui.main_window import MainWindow


def build_window(
    argv: list[str] | None = None,
    *,
    demo: bool = False,
    dmm: str | None = None,
    scope: str | None = None,
    settings_path: str | None = None,
    db_path: str | None = None,
    bench: object | None = None,
) -> tuple[QApplication, MainWindow]:
    """Create the application and show the main window, without entering the event loop.

    The window is shown at once; its views (numpy, pyqtgraph) and the reading
    source are built on the first turn of the event loop, so the window is on
    screen before the heavy imports. `settings_path` points QSettings at an INI
    file and `db_path` at a session database (tests, benchmarks, screenshots); by
    default the user's own settings and sessions are used. `bench` is a demo bench's
    process the caller already started (`meterlab --demo` starts it before Qt loads).
    """
    from meterlab.gui.qtcompat import hold_collection, release_collection

    hold_collection()  # until every view is built (see qtcompat)
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer

    from meterlab.bench.meter_choice import SETTINGS_NAME, SETTINGS_OWNER
    from meterlab.gui.settings import Settings

    QCoreApplication.setOrganizationName(SETTINGS_OWNER)  # where the user's settings live
    QCoreApplication.setApplicationName(SETTINGS_NAME)
    settings = Settings(QSettings(settings_path, QSettings.Format.IniFormat)
                        if settings_path else None)
    # The demo bench's process starts first: it imports numpy and builds its instruments
    # on the other core while this one loads the widgets and paints the shell. Its
    # start-up is the longest stretch before the first reading; started after the
    # paint, it began 0.5–0.9 s later on the loaded 2-core machine, and the first
    # reading waited for all of that.
    if bench is None:
        bench = _start_bench(settings, demo=demo, dmm=dmm)

    from PySide6.QtWidgets import QApplication

    from meterlab.gui.i18n import install_translators
    from meterlab.gui.main_window import MainWindow
    from meterlab.gui.qtcompat import collect_on_gui_thread

    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    collect_on_gui_thread(app)
    app.setApplicationDisplayName("meterlab")
    install_translators(app, settings.language)
    _apply_stylesheet(app)
    app.setDesktopFileName("meterlab")  # before the window shows: Wayland matches it to
    # meterlab.desktop and its icon; the window's own icon follows with the views

    if scope:
        settings.scope_resource = scope

    started: list[object | None] = [bench]  # the bench's process, if any

    def open_source() -> object:  # after the first paint: may import numpy, pyvisa, drivers
        from meterlab.gui.sources import make_source

        try:
            last = settings.dmm_resource or None
            return make_source(dmm=dmm, demo=demo, last_dmm=last, bench=started[0])
        except MeterlabError as exc:
            window.banner.show_message(str(exc), "warning")
            if started[0] is not None:
                started[0].stop()
            return None

    window = MainWindow(open_source, settings=settings, defer_views=True, autostart=True,
                        extra_views=True, db_path=db_path)
    window.show()
    app.processEvents()  # paint the shell now; numpy and pyqtgraph load after this
    window.lab_forwarder = None  # type: ignore[attr-defined]

    def forward_to_lab() -> None:  # its first round is seconds away: after the views
        from meterlab.gui.lab_forwarder import start_lab_forwarder

        window.lab_forwarder = start_lab_forwarder(window, db_path)  # type: ignore[attr-defined]

    window.after_views(lambda: _apply_icon(app))  # 3 ms (QIcon, its engine): not before
    window.after_views(forward_to_lab)
    window.after_views(release_collection)
    QTimer.singleShot(0, window.build_views)
    return app, window  # type: ignore[return-value]


def _apply_icon(app: QApplication) -> None:
    """The application icon (ui/meterlab.svg), for the window's title bar and task bar
    (Wayland takes it from meterlab.desktop, matched by the desktop file name that
    `build_window` sets before the window shows)."""
    from PySide6.QtGui import QIcon

    from meterlab.paths import shipped_dir

    for name in ("meterlab.svg", "meterlab.png"):
        path = shipped_dir("ui") / name
        if path.is_file():
            app.setWindowIcon(QIcon(str(path)))
            return


def _start_bench(settings: object, *, demo: bool, dmm: str | None) -> object | None:
    """Start the simulated bench's process now, if the window will read from it.

    It then comes up on the other core while this process loads the views and
    pyvisa, instead of after them. The rule is the one `sources.make_source` follows.
    """
    from meterlab.bench.meter_choice import reads_demo_bench

    saved = bool(settings.dmm_resource)  # type: ignore[attr-defined]
    if not reads_demo_bench(dmm=dmm, demo=demo, saved_meter=saved):
        return None
    from meterlab.sim.process import BenchProcess

    return BenchProcess(seed=1)


def _apply_stylesheet(app: QApplication) -> None:
    """Load `ui/style.qss` if it ships (without `style.py`, which pulls in numpy)."""
    from meterlab.paths import shipped_dir

    path = shipped_dir("ui") / "style.qss"
    if path.is_file():
        app.setStyleSheet(path.read_text(encoding="utf-8"))


def run(
    argv: list[str] | None = None,
    *,
    demo: bool = False,
    dmm: str | None = None,
    scope: str | None = None,
    db_path: str | None = None,
    bench: object | None = None,
) -> int:
    """Open the main window and run the event loop; returns the exit code.

    `db_path`: the session database (`meterlab gui --db`); `bench`: see `build_window`.
    """
    app, _window = build_window(argv, demo=demo, dmm=dmm, scope=scope, db_path=db_path,
                                bench=bench)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(run())
