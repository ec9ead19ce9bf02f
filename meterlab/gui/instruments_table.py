"""The table of instruments: one row per VISA address, kept by the instruments view.

`Entry` is everything the view knows about one address; the table only shows
it. Rows are found by resource, so a late identification or a state change
updates its own row whatever the sorting or the selection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from meterlab.gui import instruments_probe as probe
from meterlab.gui.instruments_text import (
    STATE_COLOUR,
    State,
    origin_text,
    role_text,
    state_text,
)

if TYPE_CHECKING:
    from meterlab.visa import Connection

# The state sits beside the role, firmware (long, rarely needed) last: a narrow window
# hides the least useful column, not the one that says whether the instrument answers.
ROLE, STATE, MODEL, SERIAL, PROFILE, RESOURCE, ORIGIN, FIRMWARE = range(8)


@dataclass
class Entry:
    """One listed address: where it came from, who answered, and our connection to it."""

    resource: str
    backend: str | None
    origin: str
    label: str = ""
    identity: probe.Identity | None = None
    state: State = State.ASKING
    message: str = ""  # the last problem, in words (shown under the table and as tooltip)
    conn: Connection | None = None
    in_use: str = ""  # "dmm"/"scope": the meter or scope view reads from this address

    @property
    def kind(self) -> str:
        return self.identity.kind if self.identity is not None else ""

    @property
    def simulated(self) -> bool:
        return self.origin == probe.SIMULATED


class InstrumentTable(QTableWidget):
    """Read-only rows, one per `Entry`, selected a whole row at a time."""

    def __init__(self) -> None:
        super().__init__(0, 8)
        self.setObjectName("instrumentTable")
        headers = {ROLE: self.tr("Role"), STATE: self.tr("State"), MODEL: self.tr("Model"),
                   SERIAL: self.tr("Serial"), PROFILE: self.tr("Profile"),
                   RESOURCE: self.tr("Resource"), ORIGIN: self.tr("Found"),
                   FIRMWARE: self.tr("Firmware")}
        self.setHorizontalHeaderLabels([headers[c] for c in range(8)])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        # An address cut short is useless: every column fits its text but the firmware,
        # which takes what is left (elided in the middle; the tooltip keeps it all).
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        head = self.horizontalHeader()
        for col in range(8):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(FIRMWARE, QHeaderView.ResizeMode.Stretch)

    def row_of(self, resource: str) -> int:
        for row in range(self.rowCount()):
            item = self.item(row, RESOURCE)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == resource:
                return row
        return -1

    def selected_resource(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.item(rows[0].row(), RESOURCE)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select_resource(self, resource: str) -> None:
        row = self.row_of(resource)
        if row >= 0:
            self.selectRow(row)

    def show_entry(self, entry: Entry) -> None:
        """Add or refresh the row of `entry`."""
        row = self.row_of(entry.resource)
        if row < 0:
            row = self.rowCount()
            self.insertRow(row)
        ident = entry.identity
        texts = {c: "" for c in range(8)}
        if ident is not None:
            role = role_text(ident.kind)
            if entry.in_use:
                role += " — " + self.tr("in use")
            texts.update({ROLE: role, MODEL: ident.model, SERIAL: ident.serial,
                          FIRMWARE: ident.firmware,
                          PROFILE: ident.profile_name or ("⚠ " + self.tr("none"))})
        texts.update({RESOURCE: entry.resource, ORIGIN: origin_text(entry.origin, entry.label),
                      STATE: state_text(entry.state)})
        tip = "\n".join(t for t in (
            f"{ident.maker} {ident.model}" if ident is not None else "", entry.resource,
            entry.message) if t)
        for col, text in texts.items():
            item = self.item(row, col)
            if item is None:
                item = QTableWidgetItem()
                self.setItem(row, col, item)
            item.setText(text)
            item.setToolTip(tip)
        self.item(row, RESOURCE).setData(Qt.ItemDataRole.UserRole, entry.resource)
        font = self.item(row, ROLE).font()
        font.setBold(bool(entry.in_use))
        self.item(row, ROLE).setFont(font)
        state_item = self.item(row, STATE)
        state_item.setForeground(QBrush(QColor(STATE_COLOUR[entry.state])))
        if entry.simulated:
            self.item(row, ORIGIN).setForeground(QBrush(QColor("#8A4B00")))

    def remove_missing(self, keep: set[str]) -> None:
        for row in reversed(range(self.rowCount())):
            item = self.item(row, RESOURCE)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) not in keep:
                self.removeRow(row)
