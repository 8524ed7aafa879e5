"""File > New fact base…: a file name, and whether to start with the sample articles (off by default)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

DEFAULT_NAME = "facts.kzeu.sqlite"
_SUFFIXES = (".sqlite", ".kzeu", ".db")


def _free_name(folder: Path) -> Path:
    """facts.kzeu.sqlite, or facts-2.kzeu.sqlite, ... when that is taken."""
    candidate = folder / DEFAULT_NAME
    number = 2
    while candidate.exists():
        candidate = folder / f"facts-{number}.kzeu.sqlite"
        number += 1
    return candidate


def creation_problem(path: Path) -> str | None:
    """Why a new fact base cannot be made at `path`, in one sentence; None when it can."""
    if not path.name:
        return "Give the new fact base a file name."
    if path.exists():
        return f"“{path}” already exists; choose another name, or open it with File > Open fact base."
    if not path.parent.is_dir():
        return f"The folder “{path.parent}” does not exist; choose an existing folder."
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return f"The folder “{path.parent}” cannot be written to; choose another folder."
    return None


def create_fact_base(path: Path, *, with_samples: bool) -> None:
    """Create, migrate and seed a fact base at `path`; the sample articles only when asked for."""
    from kzeu_desk.core.sample_corpus import import_sample_corpus
    from kzeu_desk.core.service import FactBase

    with FactBase.open(path) as fact_base:
        if with_samples:
            import_sample_corpus(fact_base)


class NewFactBaseDialog(QDialog):
    def __init__(self, folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("newFactBaseDialog")
        self.setWindowTitle("New fact base")
        self.created_path: Path | None = None

        self.path_edit = QLineEdit(str(_free_name(Path(folder))))
        self.path_edit.setObjectName("newFactBasePath")
        self.path_edit.setAccessibleName("New fact base file")
        self.path_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 56))
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._choose)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(choose)

        self.with_samples = QCheckBox("Add the five sample articles (to try things out)")
        self.with_samples.setObjectName("newFactBaseWithSamples")
        self.with_samples.setChecked(False)

        self.problem = QLabel(objectName="newFactBaseProblem", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.problem.hide()

        intro = QLabel("A new, empty fact base opens in its own window. Import documents into it with "
                       "File > Import documents.", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("File:", path_row)
        form.addRow("", self.with_samples)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    @property
    def path(self) -> Path:
        typed = Path(os.path.expanduser(self.path_edit.text().strip()))
        if typed.name and not typed.name.endswith(_SUFFIXES):
            typed = typed.with_name(typed.name + ".kzeu.sqlite")
        return typed

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "New fact base", str(self.path),
                                                "Fact bases (*.sqlite *.kzeu *.db)")
        if chosen:
            self.path_edit.setText(chosen)

    def try_create(self) -> None:
        from kzeu_desk.core.errors import UserError

        path = self.path
        problem = creation_problem(path)
        if problem is None:
            try:
                create_fact_base(path, with_samples=self.with_samples.isChecked())
            except UserError as error:
                problem = str(error)
            except OSError as error:
                problem = f"“{path}” could not be created: {error.strerror or error}."
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.created_path = path
        self.accept()
