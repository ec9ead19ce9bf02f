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
) -> tuple[QApplication, MainWindow]:
    """Create the application and show the main window, without entering the event loop.

    `settings_path` points QSettings at an INI file (tests, benchmarks,
    screenshots); by default the user's own settings store is used.
    """
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from meterlab.gui.i18n import install_translators
    from meterlab.gui.main_window import MainWindow, default_settings
    from meterlab.gui.sources import make_source
    from meterlab.gui.style import apply_stylesheet

    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName("meterlab")
    app.setApplicationName("meterlab")
    app.setApplicationDisplayName("meterlab")
    if settings_path:
        settings = QSettings(settings_path, QSettings.Format.IniFormat)
    else:
        settings = default_settings()
    install_translators(app, str(settings.value("ui/language", "") or ""))
    apply_stylesheet(app)  # type: ignore[arg-type]

    if dmm:
        settings.setValue("resources/dmm", dmm)
    if scope:
        settings.setValue("resources/scope", scope)
    message = ""
    try:
        source = make_source(dmm=dmm, demo=demo)
    except MeterlabError as exc:
        source = None
        message = str(exc)
    window = MainWindow(source, settings=settings, startup_message=message)
    window.show()
    if source is not None and source.simulated:
        window.meter.start()
    return app, window  # type: ignore[return-value]


def run(
    argv: list[str] | None = None,
    *,
    demo: bool = False,
    dmm: str | None = None,
    scope: str | None = None,
) -> int:
    """Open the main window and run the event loop; returns the exit code."""
    app, _window = build_window(argv, demo=demo, dmm=dmm, scope=scope)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(run())
