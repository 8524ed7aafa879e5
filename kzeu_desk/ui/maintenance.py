"""Backups (periodic, manual, restore), Tools > Check fact base, re-checking conflicts and the
reviewer copy, for the main window: each runs off the GUI thread (`ui/operations.py`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QProgressBar,
    QPushButton, QVBoxLayout, QWidget,
)

from kzeu_desk.core import backups
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.integrity import Problem, check
from kzeu_desk.core.progress import Progress, Report
from kzeu_desk.core.queries import latest_operation_id
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui.operations import WorkspaceOp
from kzeu_desk.ui.session import Session

PERIODIC_BACKUP_MS = 30 * 60 * 1000


class BackupScheduler(QObject):
    """Every half hour, a backup if the fact base changed since the last one; off the GUI thread."""

    finished = Signal(str)  # one sentence for the status bar

    def __init__(self, session: Session, parent: QWidget):
        super().__init__(parent)
        self._window = parent
        self._session = session
        self._backed_up_operation = self._latest()
        self._running = False
        self.timer = QTimer(self, interval=PERIODIC_BACKUP_MS)
        self.timer.timeout.connect(self.back_up_if_changed)
        # A team's fact base on a server is backed up by its administrator (pg_dump); every curator's
        # window copying the whole database now and then would load the server for nothing. Back up
        # now still writes a snapshot there.
        if not session.read_only and not session.fact_base.on_server:
            self.timer.start()

    def _latest(self) -> int:
        with self._session.fact_base.reading() as conn:
            return latest_operation_id(conn)

    def back_up_if_changed(self) -> bool:
        latest = self._latest()
        if self._running or latest == self._backed_up_operation:
            return False
        self._running = True

        def taken(_backup: backups.Backup) -> None:
            self._backed_up_operation = latest
            self.finished.emit("Backup taken.")

        self.op = (WorkspaceOp(self._window, self._session, "Periodic backup",
                               lambda fact_base, progress: backups.take_backup(fact_base.location, "periodic"))
                   .success(taken).failure(lambda error: self.finished.emit(str(error)))
                   .afterwards(lambda: setattr(self, "_running", False))
                   .run_in_background())
        return True


class RestoreDialog(QDialog):
    """File > Restore from backup: pick one; what is replaced is kept as a backup first."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.resize(520, 420)
        self._session = session
        self.list = QListWidget(objectName="backupList")
        for backup in backups.list_backups(session.fact_base.location):
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
    """Tools > Check fact base: the report, and repairs for what the app can fix. The check and the
    repair run off the GUI thread; the dialog says what is going on meanwhile."""

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
        # The check shows its progress here (it only reads: the window stays usable meanwhile).
        self.progress_bar = QProgressBar(objectName="checkProgress", textVisible=False)
        self.stop_button = QPushButton("Stop", objectName="checkStopButton")
        self.stop_button.clicked.connect(self.stop_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.repair_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(progress_row)
        layout.addWidget(self.report)
        layout.addWidget(buttons)
        self.problems: list[Problem] | None = None
        self.op: WorkspaceOp | None = None
        self.run_check()

    def run_check(self, then_say: str = "") -> WorkspaceOp:
        self.problems = None
        self.repair_button.setEnabled(False)
        self.summary.setText("Checking the file's structure and every invariant the app relies on…")
        self.report.clear()
        self._show_progress(True)
        self.progress_bar.setRange(0, 0)

        def reported(report: Report) -> None:
            if report.total:
                self.progress_bar.setRange(0, report.total)
                self.progress_bar.setValue(report.done)
            if report.stage:
                self.summary.setText(f"{report.stage}…")

        def work(fact_base: FactBase, progress: Progress) -> list[Problem]:
            with fact_base.reading() as conn:
                return check(conn, progress)

        self.op = (WorkspaceOp(self, self._session, "Check fact base", work)
                   .on_report(reported)
                   .afterwards(lambda: self._show_progress(False))
                   .success(lambda problems: self._show(problems, then_say))
                   .stopped(lambda: self.summary.setText("The check was stopped before it was complete."))
                   .failure(lambda error: self.summary.setText(str(error)))
                   .run_in_background())
        return self.op

    def _show_progress(self, shown: bool) -> None:
        self.progress_bar.setVisible(shown)
        self.stop_button.setVisible(shown)
        self.stop_button.setEnabled(True)

    def stop_check(self) -> None:
        if self.op is not None and self.op.running:
            self.op.progress.request_stop()
            self.stop_button.setEnabled(False)

    def _show(self, problems: list[Problem], then_say: str) -> None:
        self.problems = problems
        structural = [p for p in problems if p.check == "quick_check"]
        if not problems:
            self.summary.setText((then_say + " All checks pass now.") if then_say else
                                 "No problems found: SQLite's checks and all of kzeu_desk's invariants pass.")
        elif structural:
            self.summary.setText(f"{len(problems)} problems found. The file itself is damaged: restore a "
                                 "backup (File > Restore from backup) rather than repair it.")
        else:
            self.summary.setText((then_say + " " if then_say else "")
                                 + f"{len(problems)} problems found. Repair fixes them as one step you can undo.")
        self.report.setPlainText("\n".join(f"{p.check}: {p.message}" for p in problems))
        self.repair_button.setEnabled(bool(problems) and not structural and not self._session.read_only)

    def repair(self) -> WorkspaceOp:
        from kzeu_desk.core.repair import repair

        self.repair_button.setEnabled(False)

        def repaired(report) -> None:
            self.repaired.emit()
            self.run_check(report.summary)

        self.op = (WorkspaceOp(self, self._session, "Repair fact base",
                               lambda fact_base, progress: repair(fact_base, progress))
                   .writes()
                   .with_progress("Repairing the fact base…", cancellable=True)
                   .success(repaired)
                   .afterwards(lambda: self.repair_button.setEnabled(self.problems is None or bool(self.problems)))
                   .run_in_background())
        return self.op

    def done(self, result: int) -> None:  # closing while it checks: the check stops (it only reads)
        if self.op is not None and self.op.running and not self.op.writing:
            self.op.progress.request_stop()
        super().done(result)


# -- the main window's long maintenance actions ----------------------------------------------------


def back_up_now(window: QWidget, session: Session, say: Callable[[str, int], None]) -> WorkspaceOp:
    """File > Back up now: a snapshot beside the fact base, while the curator keeps working."""
    return (WorkspaceOp(window, session, "Back up",
                        lambda fact_base, progress: backups.take_backup(fact_base.location, "manual", progress))
            .stoppable()  # stopped, no backup file is left (the folder neither, if this one made it)
            .stopped(lambda: say("The backup was stopped; no backup was written.", 8_000))
            .success(lambda backup: say(f"Backup written: {backup.path.name}", 8_000))
            .run_in_background())


def restore(window: QWidget, session: Session, backup: Path, after: Callable[[], None],
            say: Callable[[str, int], None] | None = None) -> WorkspaceOp:
    """File > Restore from backup, once chosen: the fact base is replaced, what is replaced is kept.
    Stop is offered all along: until the replacement commits, stopping leaves the fact base exactly
    as it was (`backups.restore_backup`), and no backup of it is left over either."""

    def work(fact_base: FactBase, progress: Progress) -> backups.Backup:
        progress.stage("Checking the backup")
        return backups.restore_backup(fact_base.location, backup, progress)

    def stopped() -> None:
        if say is not None:
            say("The restore was stopped; the fact base is as it was.", 8_000)

    # Not undoable: undo steps describe the replaced state and could no longer be replayed.
    return (WorkspaceOp(window, session, "Restore from backup", work)
            .writes(undoable=False, changes=lambda _safety: None)
            .with_progress(f"Restoring “{backup.name}”…", cancellable=True)
            .stopped(stopped)
            .success(lambda _safety: after())
            .run_in_background())


def rescan_conflicts(window: QWidget, session: Session, say: Callable[[str, int], None]) -> WorkspaceOp:
    """Conflicts > Re-check all conflicts: the full verification (edits are checked as they are made)."""

    def said(changes: Changes) -> None:
        found = len(changes.inserted.get("conflict", ())) + len(changes.updated.get("conflict", ()))
        say("Every fact was checked against the others again: "
            + ("nothing changed." if changes.empty else f"{found:,} conflicts found or updated."), 8_000)

    return (WorkspaceOp(window, session, "Re-check all conflicts",
                        lambda fact_base, progress: fact_base.rescan_conflicts(progress=progress))
            .writes()
            .with_progress("Checking every fact against the others…", cancellable=True)
            .success(said)
            .run_in_background())


def write_reviewer_copy(window: QWidget, session: Session, target: Path,
                        say: Callable[[str, int], None]) -> WorkspaceOp:
    """File > Export reviewer copy: a consistent snapshot, written while the curator keeps working."""
    return (WorkspaceOp(window, session, "Export reviewer copy",
                        lambda fact_base, progress: fact_base.write_snapshot(target, progress))
            .stoppable()  # stopped, the target is left as it was and no partial file beside it
            .stopped(lambda: say(f"The reviewer copy was stopped; {target.name} was not written.", 8_000))
            .success(lambda _none: say(f"Reviewer copy written to {target}; it opens read-only anywhere.", 10_000))
            .run_in_background())
