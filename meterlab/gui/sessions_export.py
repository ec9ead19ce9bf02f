"""The Export… dialog of the sessions view: a format and a file, nothing else to learn.

The dialog only asks; the sessions view writes the file on a worker thread
with `meterlab.export.export_sessions` (pandas, openpyxl, pyarrow and reportlab
load then, never when the window opens). The file name follows the format, so
a quality engineer switching from CSV to PDF does not end up with `report.csv`
holding a PDF.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: (format key, extension) in the order offered; the labels are translated in the dialog.
FORMATS: tuple[tuple[str, str], ...] = (
    ("csv", ".csv"), ("xlsx", ".xlsx"), ("parquet", ".parquet"), ("json", ".json"),
    ("pdf", ".pdf"),
)


class ExportDialog(QDialog):
    """Ask for a format and a target file for the sessions in `session_ids`.

    `folder` is where the file goes by default (the last export folder). After
    `accepted`, read `fmt` and `path`.
    """

    def __init__(self, session_ids: list[str], folder: str | Path, default_name: str,
                 parent: QWidget | None = None, fmt: str = "csv") -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export session"))
        self.session_ids = list(session_ids)
        self._folder = Path(folder)
        self.format_combo = QComboBox()
        labels = {
            "csv": self.tr("CSV — one row per reading, for any spreadsheet"),
            "xlsx": self.tr("Excel workbook — summary, readings, limits"),
            "parquet": self.tr("Parquet — typed columns for data analysis"),
            "json": self.tr("JSON — metadata and readings in one document"),
            "pdf": self.tr("PDF report — certificate-style, with signature line"),
        }
        for key, _ext in FORMATS:
            self.format_combo.addItem(labels[key], key)
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(fmt)))
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.path_edit = QLineEdit(str(self._folder / (default_name + self._ext())))
        self.path_edit.setMinimumWidth(420)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        what = QLabel(self.tr("%n session(s): %1", "", len(self.session_ids))
                      .replace("%1", ", ".join(s[:8] for s in self.session_ids[:6])
                               + (" …" if len(self.session_ids) > 6 else "")))
        what.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Sessions"), what)
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("File"), path_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)

    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def set_format(self, fmt: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))

    def _ext(self) -> str:
        return dict(FORMATS)[self.fmt]

    def _format_changed(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            return
        p = Path(text)
        if p.suffix.lower() in dict(FORMATS).values() or not p.suffix:
            self.path_edit.setText(str(p.with_suffix(self._ext())))

    def _browse(self) -> None:
        ext = self._ext()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path_edit.text(),
            self.tr("%1 files (*%2)").replace("%1", self.fmt.upper()).replace("%2", ext))
        if path:
            if not Path(path).suffix:
                path += ext
            self.path_edit.setText(path)

    def _accept(self) -> None:
        if not self.path_edit.text().strip():
            self.path_edit.setFocus()
            return
        self.accept()
