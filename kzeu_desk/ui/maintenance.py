"""Backups (periodic, manual, restore) and Tools > Check fact base, for the main window."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from kzeu_desk.core import backups
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.integrity import check
from kzeu_desk.core.queries import latest_operation_id
from kzeu_desk.ui.session import Session

PERIODIC_BACKUP_MS = 30 * 60 * 1000


class BackupScheduler(QObject):
    """Every half hour, a backup if the fact base changed since the last one; off the GUI thread."""

    finished = Signal(str)  # one sentence for the status bar

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._backed_up_operation = self._latest()
        self._running = False
        self.timer = QTimer(self, interval=PERIODIC_BACKUP_MS)
        self.timer.timeout.connect(self.back_up_if_changed)
        if not session.read_only:
            self.timer.start()

    def _latest(self) -> int:
        with self._session.fact_base.reading() as conn:
            return latest_operation_id(conn)

    def back_up_if_changed(self) -> bool:
        latest = self._latest()
        if self._running or latest == self._backed_up_operation:
            return False
        self._running = True
        path = self._session.fact_base.path

        def work() -> None:
            try:
                backups.take_backup(path, "periodic")
                self._backed_up_operation = latest
                self.finished.emit("Backup taken.")
            except UserError as error:
                self.finished.emit(str(error))
            finally:
                self._running = False

        threading.Thread(target=work, name="periodic-backup", daemon=True).start()
        return True


class RestoreDialog(QDialog):
    """File > Restore from backup: pick one; what is replaced is kept as a backup first."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.resize(520, 420)
        self._session = session
        self.list = QListWidget(objectName="backupList")
        for backup in backups.list_backups(session.fact_base.path):
            item = QListWidgetItem(backup.label)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        explanation = QLabel("The fact base will be replaced by the backup you choose. Its present state is "
                             "backed up first, so this can be reversed.", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.list.currentItemChanged.connect(lambda current, _old: self.restore_button.setEnabled(current is not None))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        if self.list.count():
            layout.addWidget(self.list)
        else:
            layout.addWidget(QLabel("There are no backups of this fact base yet."))
        layout.addWidget(self.buttons)

    def chosen(self):
        from pathlib import Path

        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None


class CheckDialog(QDialog):
    """Tools > Check fact base: the report, and repairs for what the app can fix."""

    repaired = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Check fact base")
        self.resize(620, 420)
        self._session = session
        self.report = QPlainTextEdit(readOnly=True, objectName="checkReport")
        self.summary = QLabel(wordWrap=True, objectName="checkSummary")
        self.repair_button = QPushButton("Repair", objectName="repairButton")
        self.repair_button.setToolTip("Remove orphaned evidence and dangling links, re-check conflicts, rebuild search")
        self.repair_button.clicked.connect(self.repair)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.repair_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.report)
        layout.addWidget(buttons)
        self.run_check()

    def run_check(self) -> list:
        with self._session.fact_base.reading() as conn:
            problems = check(conn)
        structural = [p for p in problems if p.check == "quick_check"]
        if not problems:
            self.summary.setText("No problems found: SQLite's checks and all of kzeu_desk's invariants pass.")
        elif structural:
            self.summary.setText(f"{len(problems)} problems found. The file itself is damaged: restore a "
                                 "backup (File > Restore from backup) rather than repair it.")
        else:
            self.summary.setText(f"{len(problems)} problems found. Repair fixes them as one step you can undo.")
        self.report.setPlainText("\n".join(f"{p.check}: {p.message}" for p in problems))
        self.repair_button.setEnabled(bool(problems) and not structural and not self._session.read_only)
        return problems

    def repair(self) -> None:
        from kzeu_desk.core.repair import RepairReport, repair

        outcome: dict[str, RepairReport] = {}
        changes = self._session.perform(lambda fb: outcome.setdefault("report", repair(fb)).changes)
        if changes is not None:
            problems = self.run_check()
            self.summary.setText(outcome["report"].summary + (" All checks pass now." if not problems else ""))
            self.repaired.emit()
