"""The conflicts panel's keys: the numbered cards' decisions, dismissing and scoping a conflict."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

# Alt+digit and Ctrl+Alt+digit address cards 1-9; a tenth card is reached with Tab and the buttons.
NUMBERED_CARDS = 9
PREFER_KEYS = tuple(f"Alt+{number}" for number in range(1, NUMBERED_CARDS + 1))
REJECT_KEYS = tuple(f"Ctrl+Alt+{number}" for number in range(1, NUMBERED_CARDS + 1))
DISMISS_KEY = "Ctrl+Shift+D"
SCOPE_KEY = "Ctrl+Shift+S"


def shortcut_text(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
