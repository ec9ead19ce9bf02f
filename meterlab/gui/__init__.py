"""The PySide6 + pyqtgraph desktop application.

Only this package imports Qt. It reads from the Qt-free core (readings,
tolerance, statistics, acquisition) and never speaks SCPI itself. Entry point:
`meterlab.gui.app.run()`.

Importing the package applies `qtcompat.guard()` first, so every window, test
and script is protected from the PySide6 6.12.0 refcount bug described there,
and PySide6's look at each module imported after it reads bytes
(`qtcompat.quicker_import_scan`), which the app's start-up waits for.
"""

from meterlab.gui import qtcompat

qtcompat.guard()
qtcompat.quicker_import_scan()
