"""File > Export: choose a format, a scope and a target; the export runs off the GUI thread.

A thin widget over `kzeu_desk.core.export`, which knows the formats, suggests targets and says
what is wrong with one. Exports only read (from their own read-only connection), so the dialog
works the same in a reviewer's read-only session.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.export import (
    FORMATS,
    ExportCancelled,
    ExportResult,
    export,
    suggested_target,
    target_problem,
)
from kzeu_desk.ui.app_settings import app_settings
from kzeu_desk.ui.session import Session

_PROGRESS_STEPS = 1000  # QProgressDialog takes ints; rows can number in the millions


class _ExportWorker(QObject):
    progressed = Signal(int, str)  # per mille done, stage
    succeeded = Signal(object)  # ExportResult
    failed = Signal(str)  # one sentence
    finished = Signal()

    def __init__(self, fact_base_path: Path, format_name: str, target: Path, only_confirmed: bool):
        super().__init__()
        self._fact_base_path = fact_base_path
        self._format_name = format_name
        self._target = target
        self._only_confirmed = only_confirmed
        self.cancelled = False  # set from the GUI thread; read between rows

    @Slot()
    def run(self) -> None:
        try:
            result = export(self._fact_base_path, self._format_name, self._target,
                            only_confirmed=self._only_confirmed, progress=self._report)
        except ExportCancelled:
            self.failed.emit("The export was stopped; nothing was written.")
        except UserError as error:
            self.failed.emit(str(error))
        except OSError as error:
            reason = getattr(error, "strerror", None) or str(error)
            where = getattr(error, "filename", None) or self._target
            self.failed.emit(f"The export could not be written to “{where}”: {reason}.")
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()

    def _report(self, done: int, total: int, stage: str) -> None:
        if self.cancelled:
            raise ExportCancelled("The export was stopped; nothing was written.")
        self.progressed.emit(_PROGRESS_STEPS * done // total if total else 0, stage)


class ExportDialog(QDialog):
    """Export the session's fact base; `export_finished` carries the result, or None on failure."""

    export_finished = Signal(object)  # ExportResult | None

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export")
        self._session = session
        self._fact_base_path = Path(session.fact_base.path)
        self._target_edited = False
        self._last_folder: Path | None = None  # where the last export from this profile went
        self._thread: QThread | None = None
        self._worker: _ExportWorker | None = None
        self._progress: QProgressDialog | None = None
        self._result: ExportResult | None = None
        self._failure: str | None = None

        self.format_list = QListWidget()
        for name, export_format in FORMATS.items():
            item = QListWidgetItem(f"{export_format.title}\n{export_format.description}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.format_list.addItem(item)
        self.format_list.setCurrentRow(len(FORMATS) - 1)  # the lossless format is the safe default

        self.all_facts = QRadioButton("All facts (drafts, rejected and deprecated ones marked as such)")
        self.only_confirmed = QRadioButton("Only confirmed facts")
        self.all_facts.setChecked(True)
        scope_group = QButtonGroup(self)
        scope_group.addButton(self.all_facts)
        scope_group.addButton(self.only_confirmed)

        self.target_edit = QLineEdit()
        self.target_edit.textEdited.connect(self._on_target_edited)
        choose = QPushButton("Choose…")
        choose.clicked.connect(self.choose_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(choose)

        self.target_hint = QLabel()
        self.target_hint.setTextFormat(Qt.TextFormat.PlainText)  # paths are user data, never markup

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        scope_box = QVBoxLayout()
        scope_box.addWidget(self.all_facts)
        scope_box.addWidget(self.only_confirmed)
        form.addRow("Facts:", scope_box)
        form.addRow("Write to:", target_row)
        form.addRow("", self.target_hint)
        layout = QVBoxLayout(self)
        heading = QLabel("Format:")
        layout.addWidget(heading)
        layout.addWidget(self.format_list, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.format_list.currentRowChanged.connect(self._on_format_changed)
        self._restore_last_choices()
        self._on_format_changed()
        self.resize(640, 460)

    # -- what the curator chose last time --------------------------------------------------------

    def _restore_last_choices(self) -> None:
        """The format, scope and folder of the last export from this profile."""
        settings = app_settings()
        last_format = settings.value("export/format")
        if isinstance(last_format, str) and last_format in FORMATS:
            self.select_format(last_format)
        self.only_confirmed.setChecked(str(settings.value("export/onlyConfirmed", "false")).lower() == "true")
        self.all_facts.setChecked(not self.only_confirmed.isChecked())
        folder = settings.value("export/folder")
        self._last_folder = Path(folder) if isinstance(folder, str) and folder and Path(folder).is_dir() else None

    def _remember_choices(self) -> None:
        settings = app_settings()
        settings.setValue("export/format", self.format_name)
        settings.setValue("export/onlyConfirmed", self.only_confirmed.isChecked())
        # A file's folder, or the folder holding a data package's own folder.
        settings.setValue("export/folder", str(self.target.parent))

    def _suggested_target(self) -> Path:
        suggested = suggested_target(self._fact_base_path, self.format_name)
        return suggested if self._last_folder is None else self._last_folder / suggested.name

    # -- choices ---------------------------------------------------------------------------------

    @property
    def format_name(self) -> str:
        return self.format_list.currentItem().data(Qt.ItemDataRole.UserRole)

    def select_format(self, name: str) -> None:
        self.format_list.setCurrentRow(list(FORMATS).index(name))

    @property
    def target(self) -> Path:
        return Path(self.target_edit.text().strip())

    def set_target(self, path: Path) -> None:
        self.target_edit.setText(str(path))
        self._target_edited = True

    def _on_target_edited(self) -> None:
        self._target_edited = True

    def _on_format_changed(self) -> None:
        export_format = FORMATS[self.format_name]
        if not self._target_edited:
            self.target_edit.setText(str(self._suggested_target()))
        self.target_hint.setText("A folder: datapackage.json and one CSV per table go into it."
                                 if export_format.target_kind == "folder" else "A file.")

    def choose_target(self) -> None:
        export_format = FORMATS[self.format_name]
        if export_format.target_kind == "folder":
            chosen = QFileDialog.getExistingDirectory(self, "Export into folder", str(self.target.parent))
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, f"Export {export_format.title}", str(self.target))
        if chosen:
            self.set_target(Path(chosen))

    # -- running ---------------------------------------------------------------------------------

    def start_export(self) -> None:
        problem = target_problem(self._fact_base_path, self.format_name, self.target)
        if problem:
            QMessageBox.warning(self, "Cannot export there", problem)
            return
        self._result, self._failure = None, None
        self.buttons.setEnabled(False)
        self._thread = QThread(self)
        self._worker = _ExportWorker(self._fact_base_path, self.format_name, self.target,
                                     self.only_confirmed.isChecked())
        self._worker.moveToThread(self._thread)
        self._progress = QProgressDialog("Exporting…", "Stop", 0, _PROGRESS_STEPS, self)
        self._progress.setWindowTitle("Export")
        self._progress.setMinimumDuration(400)  # short exports finish before a dialog would flash
        self._progress.canceled.connect(self._cancel)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        self._worker.finished.connect(self._on_finished)
        self._thread.start()

    def wait(self) -> None:
        """Block until a running export is done (tests, and closing the window during an export)."""
        if self._thread is not None:
            self._thread.wait()

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancelled = True

    def _on_progress(self, per_mille: int, stage: str) -> None:
        if self._progress is not None:
            self._progress.setValue(per_mille)
            self._progress.setLabelText(f"{stage}…")

    def _on_succeeded(self, result: ExportResult) -> None:
        self._result = result

    def _on_failed(self, message: str) -> None:
        self._failure = message

    def _on_finished(self) -> None:
        assert self._thread is not None and self._progress is not None
        self._thread.quit()
        self._thread.wait()
        self._progress.reset()
        self.buttons.setEnabled(True)
        if self._result is not None:
            self._remember_choices()
            QMessageBox.information(self, "Export finished", self._result.summary)
            self.export_finished.emit(self._result)
            self.accept()
        else:
            QMessageBox.warning(self, "Export failed", self._failure or "The export did not finish.")
            self.export_finished.emit(None)
