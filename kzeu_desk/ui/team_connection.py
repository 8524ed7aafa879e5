"""A team's fact base on a PostgreSQL server, in the window: File > Connect to a team fact base…
(`actionConnectServer`), the password prompt, and other curators' changes shown as they commit.

The dialog builds a `postgresql://` address from the server, database and role a curator is
given (or takes one pasted whole). It never asks for a password: libpq looks in its usual places
first (`~/.pgpass`, `PGPASSFILE`, `PGSERVICE`), and only when the server still asks does
`ask_password` prompt; the password is kept in memory for this run only, never in the settings.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote as percent_encoded
from urllib.parse import urlencode

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kzeu_desk.ui.app_settings import app_settings

_SETTINGS = "teamServer/"
DEFAULT_PORT = 5432


def server_address(host: str, port: int, database: str, role: str) -> str:
    """The postgresql:// address of a database; a host starting with "/" is a socket folder."""
    host, database, role = host.strip(), database.strip(), role.strip()
    user = f"{percent_encoded(role, safe='')}@" if role else ""
    query: dict[str, str] = {}
    netloc = user
    if host.startswith("/"):
        query["host"] = host
        if port != DEFAULT_PORT:
            query["port"] = str(port)
    elif host:
        bracketed = f"[{host}]" if ":" in host else host  # an IPv6 address
        netloc += bracketed + (f":{port}" if port != DEFAULT_PORT else "")
    address = f"postgresql://{netloc}/{percent_encoded(database, safe='')}"
    return address + (f"?{urlencode(query)}" if query else "")


class ConnectServerDialog(QDialog):
    """Server, port, database and role; or an address pasted whole. `address()` is what to open."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connectServerDialog")
        self.setWindowTitle("Connect to a team fact base")
        settings = app_settings()
        self.host = QLineEdit(settings.value(_SETTINGS + "host", "", type=str), objectName="serverHost",
                              placeholderText="db.example.org")
        self.port = QSpinBox(objectName="serverPort", minimum=1, maximum=65535)
        self.port.setValue(int(settings.value(_SETTINGS + "port", DEFAULT_PORT, type=int)))
        self.database = QLineEdit(settings.value(_SETTINGS + "database", "", type=str), objectName="serverDatabase",
                                  placeholderText="kz_eu_facts")
        self.role = QLineEdit(settings.value(_SETTINGS + "role", "", type=str), objectName="serverRole",
                              placeholderText="your database role (login name)")
        self.pasted = QLineEdit(objectName="serverAddress", placeholderText="or paste a postgresql:// address")
        form = QFormLayout()
        form.addRow("&Server:", self.host)
        form.addRow("&Port:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&Role:", self.role)
        form.addRow("&Address:", self.pasted)
        explanation = QLabel(
            "Your administrator gives you these. The password is looked up where PostgreSQL's "
            "own tools look (~/.pgpass); if the server still asks, you are asked once, and it is never saved.",
            wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.problem = QLabel(objectName="connectProblem", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: palette(highlight);")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton("Connect", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._accept_if_complete)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    def address(self) -> str:
        pasted = self.pasted.text().strip()
        if pasted:
            return pasted
        return server_address(self.host.text(), self.port.value(), self.database.text(), self.role.text())

    def _accept_if_complete(self) -> None:
        pasted = self.pasted.text().strip()
        if pasted and not pasted.lower().startswith(("postgresql://", "postgres://")):
            self._show_problem("An address starts with postgresql://.")
            return
        if not pasted and not self.database.text().strip():
            self._show_problem("Name the database (or paste the address your administrator gave you).")
            return
        if not pasted:
            settings = app_settings()
            for key, value in (("host", self.host.text().strip()), ("port", self.port.value()),
                               ("database", self.database.text().strip()), ("role", self.role.text().strip())):
                settings.setValue(_SETTINGS + key, value)
        self.accept()

    def _show_problem(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.show()


def ask_password(parent: QWidget | None, sentence: str, shown_address: str) -> str | None:
    """The server's password, typed by the user (None when they cancel); kept in memory only."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("serverPasswordDialog")
    dialog.setWindowTitle("Password")
    dialog.setLabelText(f"{sentence}\n\n{shown_address}")
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setOkButtonText("Connect")
    if not dialog.exec():
        return None
    return dialog.textValue()


class OthersChanges(QObject):
    """Other curators' commits, heard by the fact base's change feed on its own thread and handed to
    the GUI thread (a queued signal); a burst of commits becomes one refresh."""

    heard = Signal(object)  # operation id, or None when something may have been missed

    def __init__(self, refresh: Callable[[], None], parent: QObject):
        super().__init__(parent)
        # Well inside the two seconds a curator may wait for another's change (a refresh of every
        # pane of a 100k-fact base takes a few hundred ms).
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(refresh)
        self.heard.connect(self._soon, Qt.ConnectionType.QueuedConnection)

    def _soon(self, _operation_id: object) -> None:
        self._timer.start()

    def on_change(self, operation_id: int | None) -> None:
        """Called on the feed's thread."""
        self.heard.emit(operation_id)
