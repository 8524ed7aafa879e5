"""Fact > Link to another fact: pick the kind of link and the other fact by searching for it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QVBoxLayout, QWidget,
)

from kzeu_desk.core import fact_listing
from kzeu_desk.core.fact_detail import fact_label
from kzeu_desk.core.models import LinkKind
from kzeu_desk.ui.session import Session

_KIND_LABELS = {
    LinkKind.SUPPORTS: "supports",
    LinkKind.CONTRADICTS: "contradicts",
    LinkKind.DUPLICATE_OF: "is a duplicate of",
    LinkKind.DERIVED_FROM: "is derived from",
    LinkKind.RELATED: "is related to",
}
_SHOWN = 50


class LinkDialog(QDialog):
    def __init__(self, session: Session, fact_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Link to another fact")
        self.resize(560, 420)
        self._session = session
        self._fact_id = fact_id
        with session.fact_base.reading() as conn:
            own_label = fact_label(conn, fact_id)

        self.kind_combo = QComboBox(objectName="linkKind")
        for kind, label in _KIND_LABELS.items():
            self.kind_combo.addItem(label, kind)
        self.search_box = QLineEdit(placeholderText="Search the other fact: subject, property, value, quote or note",
                                    clearButtonEnabled=True, objectName="linkSearch")
        self.results = QListWidget(objectName="linkCandidates")
        self.results.setUniformItemSizes(True)
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._search)
        self.search_box.textChanged.connect(lambda _text: self._debounce.start())
        self.search_box.returnPressed.connect(self._choose_first)

        this_fact = QLabel(own_label, textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        form = QFormLayout()
        form.addRow("This fact", this_fact)
        form.addRow("", self.kind_combo)
        form.addRow("Other fact", self.search_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Link")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.results.currentItemChanged.connect(lambda current, _previous: self._update_ok(current))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.results)
        layout.addWidget(self.buttons)
        self._search()

    def chosen(self) -> tuple[int, LinkKind]:
        return self.results.currentItem().data(Qt.ItemDataRole.UserRole), self.kind_combo.currentData()

    def _search(self) -> None:
        spec = fact_listing.ListingSpec(
            sort=fact_listing.SortColumn.UPDATED, descending=True, search_text=self.search_box.text())
        with self._session.fact_base.reading() as conn:
            rows = [r for r in fact_listing.page_after(conn, spec, None, limit=_SHOWN + 1) if r.id != self._fact_id]
        self.results.clear()
        for row in rows[:_SHOWN]:
            item = QListWidgetItem(f"{row.subject or '(no subject)'} · {row.property or '(no property)'} · {row.value}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(f"Fact {row.id} — {row.status}, {row.rank}")
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self._update_ok(self.results.currentItem())

    def _choose_first(self) -> None:
        if self.results.currentItem() is not None:
            self.accept()

    def _update_ok(self, current: QListWidgetItem | None) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(current is not None)
