"""When another curator saved the same fact first: one sentence and a choice, never a silent overwrite.

The fact editor's save carries the version it loaded; the service refuses it when the fact moved on
(StaleEdit). The editor then shows the stored fact and asks here what to do with the change that was
not saved:

* **Keep mine**: save my change on top of theirs (for the fields I changed, mine wins);
* **Take theirs**: drop my change (the editor already shows theirs);
* **Merge**: save my change only where the other curator left the field as I found it; a note both
  changed keeps both texts, theirs first. Offered when there is something to merge.

`resolve` works the answer out from three rows: as I loaded the fact, as it is stored now, and my
change. It is Qt-free logic with a dialog in front, so the choice is testable without clicking.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class Choice(Enum):
    KEEP_MINE = "keep mine"
    TAKE_THEIRS = "take theirs"
    MERGE = "merge"


@dataclass(frozen=True)
class Collision:
    """My unsaved change of one fact, and the fact as I loaded it and as it is stored now."""

    loaded: Mapping[str, object]
    stored: Mapping[str, object]
    mine: Mapping[str, object]  # the columns my change sets (value_* columns included)
    who: str = "Another curator"  # who saved the stored version (the audit's actor)

    def theirs_changed(self, column: str) -> bool:
        return self.loaded.get(column) != self.stored.get(column)

    def merged(self) -> dict[str, object]:
        """My columns the other curator left alone, and a note both changed with both texts."""
        merged: dict[str, object] = {}
        value_columns = [c for c in self.mine if c.startswith("value_")]
        if value_columns and not any(self.theirs_changed(c) for c in value_columns):
            merged.update({c: self.mine[c] for c in value_columns})
        for column, mine in self.mine.items():
            if column.startswith("value_"):
                continue
            if not self.theirs_changed(column):
                merged[column] = mine
            elif column == "note" and mine and self.stored.get(column) and mine != self.stored.get(column):
                merged[column] = f"{self.stored[column]}\n\n{mine}"
        return {c: v for c, v in merged.items() if v != self.stored.get(c)}


def ask(parent: QWidget | None, collision: Collision, what: str) -> Choice:
    """The dialog: one sentence, three choices (Merge only when there is something to merge)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Changed by someone else",
                      f"{collision.who} changed this fact after you opened it, so your change ({what}) was not "
                      "saved; the fact now shows their version.", parent=parent)
    box.setObjectName("editCollisionDialog")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText("Keep yours (it replaces theirs in the fields you changed), take theirs, or merge "
                           "(your change where they left the field alone; both notes kept).")
    keep = box.addButton("Keep mine", QMessageBox.ButtonRole.AcceptRole)
    merge = box.addButton("Merge", QMessageBox.ButtonRole.AcceptRole)
    take = box.addButton("Take theirs", QMessageBox.ButtonRole.RejectRole)
    merge.setEnabled(bool(collision.merged()))
    box.setDefaultButton(merge if merge.isEnabled() else take)
    box.setEscapeButton(take)
    box.exec()
    clicked = box.clickedButton()
    return Choice.KEEP_MINE if clicked is keep else Choice.MERGE if clicked is merge else Choice.TAKE_THEIRS
