"""Creating or editing a property: label and key, what it means, the kind of value it takes (with
units for amounts), whether it holds one value at a time and which qualifiers separate its values,
the kind of subject it is stated about, and its Wikidata id. The service checks the whole draft
before the dialog closes, so a mistake is said here, in one sentence, next to the fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QVBoxLayout, QWidget,
)

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.properties import KEY_PATTERN, PropertyDraft, checked_draft, draft_of, slug
from kzeu_desk.core.property_info import ENTITY_KINDS, KIND_WORDS, UNIT_KINDS, PropertyInfo, property_infos
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.ui.form_fields import ProblemLabel
from kzeu_desk.ui.plain_text import plain_label
from kzeu_desk.ui.session import Session
from kzeu_desk.ui.text_styles import muted, small_print

_USUAL_UNITS = ("USD", "EUR", "KZT", "%", "companies", "tonnes", "people")
_ANY_SUBJECT = "any kind"
_KIND_HINTS = {
    ValueKind.ENTITY: "another entity (a partner, an agreement)",
    ValueKind.DATE: "a day, month or year",
    ValueKind.DATE_RANGE: "first and last day (held on 3–4 June 2019)",
    ValueKind.QUANTITY: "an amount with a unit (1.5 million tonnes)",
    ValueKind.COUNT: "a whole number of things (27 member states)",
    ValueKind.MONEY: "an amount in a currency (US$41.6 billion)",
    ValueKind.PERCENT: "a share (29.8%)",
    ValueKind.TEXT: "words kept as written",
}


class PropertyDialog(QDialog):
    def __init__(self, session: Session, draft: PropertyDraft, *, property_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("propertyDialog")
        self._session = session
        self._property_id = property_id
        self._key_edited = property_id is not None
        with session.fact_base.reading() as conn:
            self._others = [p for p in property_infos(conn).values() if p.id != property_id]
        self.setWindowTitle("Edit property" if property_id is not None else "New property")
        self.setMinimumWidth(520)

        self.label_edit = QLineEdit(draft.name)
        self.label_edit.setAccessibleName("Label")
        self.label_edit.setPlaceholderText("e.g. negotiation rounds")
        self.key_edit = QLineEdit(draft.key)
        self.key_edit.setAccessibleName("Key")
        self.key_edit.setPlaceholderText("negotiation_rounds")
        if property_id is not None:
            self.key_edit.setReadOnly(True)
            self.key_edit.setToolTip("Exports name the property by its key, so it stays as it was created.")
        self.description_edit = QPlainTextEdit(draft.description or "")
        self.description_edit.setAccessibleName("Description")
        self.description_edit.setPlaceholderText("What a fact with this property states, for the next curator.")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(self.description_edit.fontMetrics().lineSpacing() * 3 + 12)

        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Value kind")
        for kind in ValueKind:
            self.kind_combo.addItem(KIND_WORDS[kind], kind.value)
            self.kind_combo.setItemData(self.kind_combo.count() - 1, _KIND_HINTS[kind], Qt.ItemDataRole.ToolTipRole)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(ValueKind(draft.value_kind).value))
        self.kind_hint = muted(small_print(plain_label(word_wrap=True)))

        self.default_unit_combo = QComboBox()
        self.default_unit_combo.setAccessibleName("Default unit")
        self.default_unit_combo.setEditable(True)
        self.default_unit_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.default_unit_combo.addItems(["", *_USUAL_UNITS])
        self.default_unit_combo.setEditText(draft.default_unit or "")
        self.default_unit_combo.lineEdit().setPlaceholderText("what a bare number is in")
        self.units_edit = QLineEdit(", ".join(draft.allowed_units))
        self.units_edit.setAccessibleName("Allowed units")
        self.units_edit.setPlaceholderText("any unit; or list them: rounds, sessions")

        self.single_check = QCheckBox("One value at a time: different values for the same subject and time "
                                      "are flagged as conflicts")
        self.single_check.setAccessibleName("Single value")
        self.single_check.setChecked(draft.single_valued)
        self.separators_list = QListWidget()
        self.separators_list.setAccessibleName("Separator qualifiers")
        self.separators_list.setToolTip("Facts that differ in a ticked qualifier state different things "
                                        "(the EU's share and China's share) and are not compared.")
        # The ticked ones first, so what separates this property shows without scrolling; then the
        # entity qualifiers, which separate most often (partner, applies to part).
        for prop in sorted(self._others, key=lambda p: (p.id not in draft.separators,
                                                        p.value_kind is not ValueKind.ENTITY, p.name.casefold())):
            if prop.deprecated and prop.id not in draft.separators:
                continue
            item = QListWidgetItem(f"{prop.name} ({KIND_WORDS[prop.value_kind]})")
            item.setData(Qt.ItemDataRole.UserRole, prop.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if prop.id in draft.separators else Qt.CheckState.Unchecked)
            self.separators_list.addItem(item)
        self.separators_list.setFixedHeight(self.separators_list.sizeHintForRow(0) * 7 + 8)

        self.subject_combo = QComboBox()
        self.subject_combo.setAccessibleName("Subject kind")
        self.subject_combo.setEditable(True)
        self.subject_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.subject_combo.addItems([_ANY_SUBJECT, *(k for k in ENTITY_KINDS if k != "other")])
        self.subject_combo.setEditText(draft.subject_kind or _ANY_SUBJECT)
        self.subject_combo.setToolTip("A subject of another kind is refused; entities of unknown kind "
                                      "(“other”) are accepted.")
        self.wikidata_edit = QLineEdit(draft.wikidata_pid or "")
        self.wikidata_edit.setAccessibleName("Wikidata property")
        self.wikidata_edit.setPlaceholderText("P1082 (optional)")
        self.tolerance_spin = QDoubleSpinBox()
        self.tolerance_spin.setAccessibleName("Tolerance")
        self.tolerance_spin.setRange(-1, 99)
        self.tolerance_spin.setDecimals(0)
        self.tolerance_spin.setSuffix(" %")
        self.tolerance_spin.setSpecialValueText("app default (10 %)")
        self.tolerance_spin.setValue(-1 if draft.tolerance is None else round(draft.tolerance * 100))
        self.tolerance_spin.setToolTip("How far “about X” may stray before two figures disagree.")
        self.problem = ProblemLabel()
        self.problem.setAccessibleName("Property problem")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Label", self.label_edit)
        form.addRow("Key", self.key_edit)
        form.addRow("Description", self.description_edit)
        form.addRow("Value kind", self.kind_combo)
        form.addRow("", self.kind_hint)
        self._unit_rows = [("Default unit", self.default_unit_combo), ("Allowed units", self.units_edit),
                           ("Tolerance", self.tolerance_spin)]
        for title, widget in self._unit_rows:
            form.addRow(title, widget)
        form.addRow("", self.single_check)
        form.addRow("Separated by", self.separators_list)
        form.addRow("Subject kind", self.subject_combo)
        form.addRow("Wikidata", self.wikidata_edit)
        self._form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create" if property_id is None else "Save")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(buttons)

        self.label_edit.textEdited.connect(self._label_edited)
        self.key_edit.textEdited.connect(lambda _text: setattr(self, "_key_edited", True))
        self.kind_combo.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self.single_check.toggled.connect(lambda _on: self._kind_changed())
        for edit in (self.label_edit, self.key_edit, self.units_edit, self.wikidata_edit):
            edit.textEdited.connect(lambda _text: self.problem.clear_problem())
        self._kind_changed()

    @classmethod
    def for_new(cls, session: Session, label: str = "", value: TypedValue | None = None,
                parent: QWidget | None = None) -> PropertyDialog:
        """A new property, ready for `value` (the fact's current value) when one is given."""
        kind = value.kind if value is not None else ValueKind.TEXT
        unit = value.unit if value is not None and value.kind in UNIT_KINDS else None
        draft = PropertyDraft(key=slug(label), name=label, value_kind=kind, default_unit=unit,
                              single_valued=kind is not ValueKind.TEXT)
        return cls(session, draft, parent=parent)

    @classmethod
    def for_existing(cls, session: Session, property_id: int, parent: QWidget | None = None) -> PropertyDialog:
        with session.fact_base.reading() as conn:
            draft = draft_of(conn, property_id)
        return cls(session, draft, property_id=property_id, parent=parent)

    # -- reading the form ----------------------------------------------------------------------

    def draft(self) -> PropertyDraft:
        kind = ValueKind(self.kind_combo.currentData())
        subject = self.subject_combo.currentText().strip()
        tolerance = self.tolerance_spin.value()
        separators = tuple(self.separators_list.item(i).data(Qt.ItemDataRole.UserRole)
                           for i in range(self.separators_list.count())
                           if self.separators_list.item(i).checkState() == Qt.CheckState.Checked)
        return PropertyDraft(
            key=self.key_edit.text().strip(), name=self.label_edit.text(), value_kind=kind,
            description=self.description_edit.toPlainText(), single_valued=self.single_check.isChecked(),
            default_unit=self.default_unit_combo.currentText().strip() or None,
            allowed_units=tuple(u.strip() for u in self.units_edit.text().split(",") if u.strip()),
            wikidata_pid=self.wikidata_edit.text().strip() or None,
            subject_kind=None if subject in ("", _ANY_SUBJECT) else subject,
            separators=separators if self.single_check.isChecked() else (),
            tolerance=None if tolerance < 0 else tolerance / 100,
        )

    def accept(self) -> None:
        try:
            with self._session.fact_base.reading() as conn:
                checked_draft(conn, self.draft(), property_id=self._property_id)
        except UserError as error:
            self.problem.show_problem(str(error))
            return
        super().accept()

    # -- keeping the form consistent -----------------------------------------------------------

    def _label_edited(self, text: str) -> None:
        if not self._key_edited:
            self.key_edit.setText(slug(text))

    def _kind_changed(self) -> None:
        kind = ValueKind(self.kind_combo.currentData())
        self.kind_hint.setText(f"Takes {_KIND_HINTS[kind]}.")
        for _title, widget in self._unit_rows:
            shown = kind in UNIT_KINDS or (widget is self.tolerance_spin and kind.is_numeric)
            self._form.setRowVisible(widget, shown)
        single = self.single_check.isChecked()
        self._form.setRowVisible(self.separators_list, single)
        self.problem.clear_problem()


def key_is_valid(key: str) -> bool:
    return KEY_PATTERN.fullmatch(key) is not None


def describe_rules(prop: PropertyInfo, separator_names: tuple[str, ...] = ()) -> list[str]:
    """What a property's rules mean, one line each, for the vocabulary manager's details."""
    lines = [f"Takes {_KIND_HINTS[prop.value_kind]}."]
    if prop.value_kind in UNIT_KINDS:
        if prop.allowed_units:
            lines.append(f"Units: {', '.join(prop.allowed_units)} (a bare number is {prop.default_unit}).")
        elif prop.default_unit:
            lines.append(f"Any unit; a bare number is {prop.default_unit}.")
    if prop.single_valued:
        lines.append("One value at a time: different values for the same subject and time conflict.")
        if separator_names:
            lines.append(f"Separated by {', '.join(separator_names)}: facts that differ in "
                         f"{'it' if len(separator_names) == 1 else 'them'} are not compared.")
    else:
        lines.append("Several values may hold at once; they are never flagged as conflicts.")
    if prop.subject_kind:
        lines.append(f"Stated about: {prop.subject_kind}.")
    if prop.wikidata_pid:
        lines.append(f"Wikidata property {prop.wikidata_pid}.")
    if prop.deprecated:
        lines.append("Deprecated: kept for its facts, not offered for new ones.")
    return lines
