"""Help > Keyboard shortcuts: every key binding that exists, read from the window itself.

Three kinds are collected, so the list can never go stale: the menus' actions with their keys,
every QShortcut a pane binds for itself (the Conflicts pane's Alt+1…9, Ctrl+Alt+1…9, Ctrl+Shift+D,
Ctrl+Shift+S), and the keys a widget handles itself and declares as `pane_keys` ((what, keys) pairs:
the Candidates list's Enter, Shift+Enter and Delete). A pane names its shortcut with `setWhatsThis`
("Prefer card 3") and the pane with its accessible name; numbered runs ("Prefer card 1" …
"Prefer card 9" on Alt+1 … Alt+9) are listed as one row.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QMainWindow, QMenu, QMenuBar, QTableWidget,
    QTableWidgetItem,
    QVBoxLayout, QWidget,
)

_NATIVE = QKeySequence.SequenceFormat.NativeText
_NUMBERED = re.compile(r"^(?P<stem>.*?)(?P<number>\d+)$")


def shortcut_rows(menu_bar: QMenuBar, window: QWidget | None = None) -> list[tuple[str, str, str]]:
    """(where, action, keys) for every menu action, then every pane's own shortcuts."""
    rows = []
    for menu_action in menu_bar.actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        menu_title = menu.title().replace("&", "")
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            keys = ", ".join(s.toString(_NATIVE) for s in action.shortcuts())
            rows.append((menu_title, _plain(action), keys))
    if window is not None:
        rows.extend(pane_shortcut_rows(window))
        rows.extend(own_key_rows(window))
    return rows


def own_key_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """The keys widgets handle in their own key events and declare as `pane_keys`: a curator working
    a pane from the keyboard found Enter and Delete in its hint line only, not in this list."""
    return [(_pane_name(widget.parentWidget()), what, keys)
            for widget in window.findChildren(QWidget) for what, keys in getattr(widget, "pane_keys", ())]


def pane_shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """The QShortcuts bound inside the window's panes, numbered runs folded into one row each."""
    bound: list[tuple[str, str, str]] = []
    for shortcut in window.findChildren(QShortcut):
        if shortcut.key().isEmpty():
            continue
        what = shortcut.whatsThis() or "(unnamed)"
        bound.append((_pane_name(shortcut.parent()), what, shortcut.key().toString(_NATIVE)))
    rows: list[tuple[str, str, str]] = []
    runs: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for where, what, keys in bound:
        numbered = _NUMBERED.match(what)
        if numbered and keys.endswith(numbered.group("number")):
            key = (where, numbered.group("stem"))
            if key not in runs:
                runs[key] = []
                rows.append((where, f"\0{numbered.group('stem')}", ""))  # a placeholder keeps the order
            runs[key].append((int(numbered.group("number")), keys))
        else:
            rows.append((where, what, keys))
    folded = []
    for where, what, keys in rows:
        if not what.startswith("\0"):
            folded.append((where, what, keys))
            continue
        stem = what[1:]
        members = sorted(runs[(where, stem)])
        first, last = members[0], members[-1]
        if len(members) == 1:
            folded.append((where, f"{stem}{first[0]}", first[1]))
        else:
            folded.append((where, f"{stem}{first[0]}…{last[0]}", f"{first[1]} … {last[1]}"))
    return folded


def _pane_name(widget: object) -> str:
    while isinstance(widget, QWidget) and not isinstance(widget, QMainWindow):
        if widget.accessibleName():
            return f"{widget.accessibleName()} pane"
        widget = widget.parentWidget()
    return "Window"


def _plain(action: QAction) -> str:
    return action.text().replace("&", "").replace("…", "")


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(620, 640)
        rows = shortcut_rows(menu_bar, parent)
        table = QTableWidget(len(rows), 3, self)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels(["Where", "Action", "Keys"])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
