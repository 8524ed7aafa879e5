"""File > Import from web address: asking for the address (the fetching is the import run's job)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_for_web_address(parent: QWidget) -> str | None:
    """The address the curator typed or pasted, or None; an address on the clipboard is offered."""
    clipboard = QGuiApplication.clipboard().text().strip() if QGuiApplication.clipboard() else ""
    offered = clipboard if clipboard.startswith(("http://", "https://")) and " " not in clipboard else ""
    dialog = QInputDialog(parent)
    dialog.setObjectName("webAddressDialog")
    dialog.setWindowTitle("Import from web address")
    dialog.setLabelText("Address of the page, PDF or Word file to import (https://…).\n"
                        "The page is fetched once and kept in the fact base with the address and today's date.")
    dialog.setTextValue(offered)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setOkButtonText("Import")
    dialog.resize(640, dialog.sizeHint().height())
    if not dialog.exec():
        return None
    address = dialog.textValue().strip()
    return address or None
