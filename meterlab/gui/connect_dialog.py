"""The connect dialog: pick or type a VISA address, choose the VISA library, test it.

"Test connection" opens the address on a worker thread, asks *IDN? and says
who answered and which profile describes it — or, in plain words, why not:
a mistyped address, nothing answering, or an instrument meterlab has no
profile for (and the folder where one can be added). The dialog never waits
on the instrument itself, so it stays responsive however dead the address.

    dialog = ConnectDialog(parent, backend="@py", simulated={"dmm": res})
    if dialog.exec():
        dialog.resource(), dialog.backend(), dialog.identity  # identity: last test, or None
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meterlab.gui import instruments_probe as probe
from meterlab.gui.instruments_text import describe_identity, error_text, origin_text, role_text
from meterlab.gui.tasks import TaskRunner

EXAMPLES = (
    "TCPIP::192.168.1.50::5025::SOCKET",
    "TCPIP::192.168.1.50::INSTR",
    "USB0::0x2A8D::0x1301::MY12345678::INSTR",
)


class ConnectDialog(QDialog):
    """Choose an instrument address and VISA backend; optionally test it first."""

    #: A test finished: (ok, text shown). ok is False for errors and unknown instruments.
    tested = Signal(bool, str)
    #: Discovery finished (the list is filled).
    discovered = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        backend: str | None = None,
        simulated: Mapping[str, str] | None = None,
        remembered: Iterable[str] = (),
        resource: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect an instrument"))
        self._simulated = dict(simulated or {})
        self._remembered = [r for r in remembered if r]
        self._runner = TaskRunner(self)
        self._test_job = 0
        self.identity: probe.Identity | None = None
        self._build(backend, resource)
        self.refresh()

    def _build(self, backend: str | None, resource: str) -> None:
        self.found_list = QListWidget()
        self.found_list.setObjectName("discoveryList")
        self.found_list.currentItemChanged.connect(self._picked)
        self.found_list.itemDoubleClicked.connect(lambda _item: self.test_connection())
        self.refresh_button = QPushButton(self.tr("Search again"))
        self.refresh_button.clicked.connect(self.refresh)
        self.search_label = QLabel()
        self.search_label.setStyleSheet("color: #555555;")

        self.resource_edit = QLineEdit(resource)
        self.resource_edit.setObjectName("resourceEdit")
        self.resource_edit.setPlaceholderText(EXAMPLES[0])
        self.resource_edit.textChanged.connect(self._edited)
        width = max(len(e) for e in EXAMPLES) + 3
        kinds = (self.tr("LAN, raw socket (fast)"), self.tr("LAN, VXI-11"), self.tr("USB"))
        examples = QLabel("\n".join([self.tr("Examples:")] + [
            "  " + e.ljust(width) + k for e, k in zip(EXAMPLES, kinds, strict=True)]))
        examples.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        examples.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        examples.setStyleSheet("color: #555555;")

        self.backend_combo = QComboBox()
        self.backend_combo.setObjectName("backendCombo")
        self.backend_combo.addItem(self.tr("Built-in (pyvisa-py, @py)"), "@py")
        self.backend_combo.addItem(
            self.tr("System VISA (NI, Keysight, R&S; @ivi)"), "@ivi")
        if backend and backend not in ("@py", "@ivi"):
            self.backend_combo.addItem(backend, backend)
        index = self.backend_combo.findData(backend or "@py")
        self.backend_combo.setCurrentIndex(max(0, index))
        self.backend_combo.currentIndexChanged.connect(lambda _i: self.refresh())

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testButton")
        self.test_button.clicked.connect(self.test_connection)
        self.result_label = QLabel()
        self.result_label.setObjectName("testResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setMinimumHeight(48)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Instruments found")), 1)
        head.addWidget(self.refresh_button)
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.resource_edit)
        form.addRow("", examples)
        form.addRow(self.tr("VISA library"), self.backend_combo)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.found_list, 1)
        lay.addWidget(self.search_label)
        lay.addLayout(form)
        lay.addLayout(test_row)
        lay.addWidget(self.result_label)
        lay.addWidget(self.buttons)
        self.resize(640, 520)
        self._edited(self.resource_edit.text())

    # -- values ---------------------------------------------------------------------
    def resource(self) -> str:
        return self.resource_edit.text().strip()

    def backend(self) -> str:
        return str(self.backend_combo.currentData())

    @property
    def testing(self) -> bool:
        return self._test_job != 0

    # -- discovery ---------------------------------------------------------------------
    def refresh(self) -> None:
        """List what the chosen VISA library finds (bounded in time, on a worker)."""
        self.refresh_button.setEnabled(False)
        self.search_label.setText(self.tr("Searching for instruments…"))
        backend, sim, last = self.backend(), self._simulated, self._remembered
        self._runner.submit(lambda: probe.discover(backend, simulated=sim, remembered=last),
                            self._discovered, name="discovery")

    def _discovered(self, found: list[probe.Found] | None, error: BaseException | None) -> None:
        self.refresh_button.setEnabled(True)
        self.found_list.clear()
        for item in found or []:
            label = origin_text(item.origin, item.label)
            if item.role:
                label += f" ({role_text(item.role).lower()})"
            row = QListWidgetItem(f"{item.resource}    — {label}")
            row.setData(Qt.ItemDataRole.UserRole, item.resource)
            self.found_list.addItem(row)
        if error is not None:
            self.search_label.setText(error_text(error))
        elif not found:
            self.search_label.setText(self.tr(
                "Nothing found. LAN instruments often do not announce themselves: type the "
                "address below."))
        else:
            self.search_label.setText(self.tr(
                "Pick one, or type an address below. LAN instruments may not be listed."))
        self.discovered.emit()

    def _picked(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.resource_edit.setText(str(current.data(Qt.ItemDataRole.UserRole)))

    def _edited(self, text: str) -> None:
        self.connect_button.setEnabled(bool(text.strip()))
        self.test_button.setEnabled(bool(text.strip()) and not self.testing)

    # -- test ----------------------------------------------------------------------------
    def test_connection(self) -> None:
        """Ask *IDN? at the address on a worker thread; the answer lands in `result_label`."""
        resource, backend = self.resource(), self.backend()
        if not resource or self.testing:
            return
        self.identity = None
        self.test_button.setEnabled(False)
        self._show(self.tr("Asking %1 who it is…").replace("%1", resource), "note")
        self._test_job = self._runner.submit(
            lambda: probe.open_and_identify(resource, backend)[0],
            lambda ident, err: self._test_done(resource, ident, err), name="test-connection")

    def _test_done(self, resource: str, identity: probe.Identity | None,
                   error: BaseException | None) -> None:
        self._test_job = 0
        self._edited(self.resource_edit.text())
        if error is not None:
            text = error_text(error)
            self._show("⊘ " + text, "error")
            self.tested.emit(False, text)
            return
        assert identity is not None
        self.identity = identity
        text = describe_identity(identity)
        if identity.kind:
            self._show("✓ " + text, "ok")
            self.tested.emit(True, text)
            return
        self._show("⚠ " + text, "warning")
        self.tested.emit(False, text)

    def _show(self, text: str, level: str) -> None:
        colour = {"ok": "#00704F", "warning": "#8A4B00", "error": "#B34700"}.get(level, "#333333")
        self.result_label.setStyleSheet(f"color: {colour};")
        self.result_label.setText(text)

