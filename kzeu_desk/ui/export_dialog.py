"""File > Export: choose a format, a scope and a target; the export runs off the GUI thread
(on the workspace's operation runner, `ui/operations.py`).

A thin widget over `kzeu_desk.core.export`, which knows the formats, suggests targets and says
what is wrong with one. Exports only read (from their own read-only connection), so the dialog
works the same in a reviewer's read-only session.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
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
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.export import (
    FORMATS,
    LICENSES,
    ExportCancelled,
    ExportResult,
    export,
    suggested_target,
    target_problem,
)
from kzeu_desk.core.progress import Progress, Stopped
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui.app_settings import app_settings
from kzeu_desk.ui.operations import WorkspaceOp
from kzeu_desk.ui.session import Session
from kzeu_desk.ui.titled_item_delegate import TitledItemDelegate

def export_work(format_name: str, target: Path, only_confirmed: bool, *, without_texts: bool = False,
                license: str | None = None, wikibase: str | None = None):
    """The export as an operation for the runner (`ui/operations.py`): it reads from its own
    connection, reports each stage and stops between rows when asked, leaving nothing behind."""

    def work(fact_base: FactBase, progress: Progress) -> ExportResult:
        def report(done: int, total: int, stage: str) -> None:
            if progress.stop_requested:
                raise ExportCancelled("The export was stopped; nothing was written.")
            progress.report(done, total, stage)

        try:
            return export(fact_base.location, format_name, target, only_confirmed=only_confirmed,
                          without_texts=without_texts, license=license, wikibase=wikibase, progress=report)
        except ExportCancelled as stopped:
            raise Stopped(str(stopped)) from None
        except UserError:
            raise
        except OSError as error:
            reason = getattr(error, "strerror", None) or str(error)
            where = getattr(error, "filename", None) or target
            raise UserError(f"The export could not be written to “{where}”: {reason}.") from None

    return work


class ExportDialog(QDialog):
    """Export the session's fact base; `export_finished` carries the result, or None on failure."""

    export_finished = Signal(object)  # ExportResult | None

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export")
        self._session = session
        self._fact_base_path = session.fact_base.location
        self._target_edited = False
        self._last_folder: Path | None = None  # where the last export from this profile went
        self.op: WorkspaceOp | None = None

        self.format_list = QListWidget()
        self.format_list.setItemDelegate(TitledItemDelegate(self.format_list))
        for name, export_format in FORMATS.items():
            item = QListWidgetItem(f"{export_format.title}\n{export_format.description}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.format_list.addItem(item)
        # Every format in view at once, no scrolling: eight choices are read, not browsed.
        self.format_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frame = 2 * self.format_list.frameWidth()
        self.format_list.setMinimumHeight(
            sum(self.format_list.sizeHintForRow(row) for row in range(self.format_list.count())) + frame)
        self.format_list.setMinimumWidth(min(self.format_list.sizeHintForColumn(0) + frame, 720))
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

        self.without_texts = QCheckBox("Leave out the sources' full texts (quotes and citations stay)")
        self.without_texts.setObjectName("exportWithoutTexts")
        self.without_texts.setToolTip("For sharing where the articles' copyright forbids passing them on.")
        self.license_combo = QComboBox()
        self.license_combo.setObjectName("exportLicense")
        self.license_combo.addItem("Not stated", None)
        for license_id, (title, _path) in LICENSES.items():
            self.license_combo.addItem(f"{title} ({license_id})", license_id)
        self.wikibase_edit = QLineEdit()
        self.wikibase_edit.setObjectName("exportWikibase")
        self.wikibase_edit.setPlaceholderText("Wikidata — or your own Wikibase's entity address, https://…/entity/")
        self.wikibase_edit.setToolTip("The ids in the vocabulary manager are this Wikibase's.")

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
        form.addRow("Texts:", self.without_texts)
        form.addRow("License:", self.license_combo)
        form.addRow("Wikibase:", self.wikibase_edit)
        self._form = form
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
        self.without_texts.setChecked(str(settings.value("export/withoutTexts", "false")).lower() == "true")
        license_index = self.license_combo.findData(settings.value("export/license"))
        self.license_combo.setCurrentIndex(max(license_index, 0))
        wikibase = settings.value("export/wikibase")
        self.wikibase_edit.setText(wikibase if isinstance(wikibase, str) else "")
        self.all_facts.setChecked(not self.only_confirmed.isChecked())
        folder = settings.value("export/folder")
        self._last_folder = Path(folder) if isinstance(folder, str) and folder and Path(folder).is_dir() else None

    def _remember_choices(self) -> None:
        settings = app_settings()
        settings.setValue("export/format", self.format_name)
        settings.setValue("export/onlyConfirmed", self.only_confirmed.isChecked())
        settings.setValue("export/withoutTexts", self.without_texts.isChecked())
        settings.setValue("export/license", self.license_combo.currentData() or "")
        settings.setValue("export/wikibase", self.wikibase_edit.text().strip())
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
        # Only the choices that change this format are shown.
        self._form.setRowVisible(self.without_texts, export_format.carries_texts and self.format_name != "jsonl")
        self._form.setRowVisible(self.license_combo, "license" in export_format.options)
        self._form.setRowVisible(self.wikibase_edit, "wikibase" in export_format.options)

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
        self.buttons.setEnabled(False)
        export_format = FORMATS[self.format_name]
        work = export_work(
            self.format_name, self.target, self.only_confirmed.isChecked(),
            without_texts=self.without_texts.isChecked() and export_format.carries_texts and self.format_name != "jsonl",
            license=self.license_combo.currentData() if "license" in export_format.options else None,
            wikibase=(self.wikibase_edit.text().strip() or None) if "wikibase" in export_format.options else None)
        self.op = (WorkspaceOp(self, self._session, "Export", work)
                   .with_progress(f"Exporting {FORMATS[self.format_name].title}…", cancellable=True)
                   .success(self._on_succeeded)
                   .failure(lambda error: self._on_failed(str(error)))
                   .stopped(lambda: self._on_failed("The export was stopped; nothing was written."))
                   .afterwards(lambda: self.buttons.setEnabled(True))
                   .run_in_background())

    @property
    def finished_export(self) -> bool:
        """Whether the export started last is over (whatever its outcome)."""
        return self.op is None or self.op.done

    def wait(self) -> None:
        """Block until a running export is done (tests, and closing the window during an export)."""
        if self.op is not None:
            self.op.wait()

    def _on_succeeded(self, result: ExportResult) -> None:
        self._remember_choices()
        QMessageBox.information(self, "Export finished", result.summary)
        self.export_finished.emit(result)
        self.accept()

    def _on_failed(self, message: str) -> None:
        QMessageBox.warning(self, "Export failed", message)
        self.export_finished.emit(None)
