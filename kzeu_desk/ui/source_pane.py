"""The reading pane: the shown source's title and details (and, for paged documents, the page at
the top of the view) above its text with its page gutter, the find bar below, kept in step with
the session."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kzeu_desk.core import queries
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.citation import Citation
from kzeu_desk.core.highlight_index import HighlightIndex
from kzeu_desk.core.pages import PageMap, current_page_map
from kzeu_desk.core.text import Utf16Index
from kzeu_desk.core.value_format import format_date
from kzeu_desk.ui.background import BackgroundReader
from kzeu_desk.ui.find_bar import FindBar
from kzeu_desk.ui.page_gutter import PageGutter
from kzeu_desk.ui.source_view import READING_MARGIN, SourceView, plain_text_as_tooltip

if TYPE_CHECKING:  # the session pulls in the whole service layer; the pane only needs its signals
    from sqlalchemy import Connection

    from kzeu_desk.ui.session import Session

_REFRESH = "refresh"  # the background reader's channel for a refresh's read of the shown source
# An edit's spans are read and patched in on the GUI thread when its changes name at most this many
# facts and evidence rows: reading a few spans by id costs 0.1-0.6 ms at 100k facts and patching
# the index ~10 us a span (plus its sweep), against 63-100 ms for the 1 MB source's 10k spans read
# whole and 20-60 ms for their index; more (a merge of hundreds of facts, a re-anchoring) are read
# whole off the GUI thread instead, as a refresh reads them.
_FEW_ROWS = 200


@dataclass(frozen=True, slots=True)
class _Shown:
    """What `_read_source` reads: a source's row, its spans and its pages, and, when read off the
    GUI thread, its text's and its spans' indexes built there too."""
    row: queries.SourceWithText
    spans: list[queries.EvidenceSpan]
    pages: PageMap | None
    indexed: tuple[Utf16Index, HighlightIndex] | None = None


class SourcePane(QWidget):
    """Header, text and find bar for the source the curator is reading, kept in step with the session."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePane")
        self._session = session
        self.source_id: int | None = None

        self.title_label = QLabel(self)
        self.title_label.setObjectName("sourceTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.title_label.font())
        title_font.setBold(True)
        if title_font.pointSizeF() > 0:
            title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.title_label.setFont(title_font)

        self.details_label = QLabel(self)
        self.details_label.setObjectName("sourceDetails")
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setWordWrap(True)
        self.details_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self._reader = BackgroundReader(session.fact_base.reading, self)
        # A read of the shown source is out because the source itself changed (a new revision?):
        # until it is shown, the spans shown may be of the text it replaces, so none is patched in.
        self._text_may_change = False
        self.view = SourceView(self)
        self.view.fact_values = self._fact_values
        self.find_bar = FindBar(self.view, self)
        self.page_gutter = PageGutter(self.view)
        self.page_label = QLabel(self, objectName="sourcePage", textFormat=Qt.TextFormat.PlainText)
        self.page_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.page_gutter.page_changed.connect(self._show_page)

        header = QVBoxLayout()
        header.setContentsMargins(READING_MARGIN, 8, READING_MARGIN, 4)
        header.setSpacing(2)
        header.addWidget(self.title_label)
        details_row = QHBoxLayout()
        details_row.addWidget(self.details_label, 1)
        details_row.addWidget(self.page_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        header.addLayout(details_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)

        session.changed.connect(self._on_changes)
        session.selected_fact_changed.connect(self.view.set_selected_fact)
        self._show_header(None)

    def _fact_values(self, fact_ids: list[int]) -> dict[int, str]:
        from kzeu_desk.core.fact_detail import fact_values

        with self._session.fact_base.reading() as conn:
            return fact_values(conn, fact_ids)

    def open_find(self) -> None:
        self.find_bar.open()

    def show_source_id(self, source_id: int | None) -> None:
        self._reader.cancel(_REFRESH)  # what is read now supersedes a refresh's read still out
        if source_id is None:
            self._clear()
            return
        with self._session.fact_base.reading() as conn:
            shown = _read_source(conn, source_id)
        self._show(source_id, shown)

    def refresh_in_background(self) -> None:
        """The shown source as the file has it now (File > Refresh, after a restore or a repair),
        read off the GUI thread and shown as `show_source_id` shows it. Reading the 1 MB source's
        10k highlights' spans on the GUI thread was that refresh's longest turn at 1M facts: ~100 ms
        of the GUI thread's CPU once its text was no longer set again, and building their index
        20-60 ms more, so that is built off the GUI thread too."""
        source_id = self.source_id
        if source_id is None:
            return
        self._reader.request(_REFRESH, lambda conn, _report: _read_source(conn, source_id, indexed=True),
                             lambda shown: self._show(source_id, shown) if self.source_id == source_id else None)

    @property
    def reading(self) -> bool:
        """A refresh's read of the shown source is still out."""
        return self._reader.pending(_REFRESH)

    def stop(self) -> None:
        """The window is closing: no read of the fact base from now on."""
        self._reader.stop()

    def _show(self, source_id: int, shown: _Shown | None) -> None:
        if shown is None:
            self._clear()
            return
        self._text_may_change = False
        row, spans, pages = shown.row, shown.spans, shown.pages
        # The source already shown, its text unchanged (the sources list re-read by File > Refresh,
        # a load or a restore chooses it again): its spans are re-coloured where they changed, and the
        # reader keeps their place. Setting the 1 MB source's text again took 170-263 ms of the GUI
        # thread in one turn at 1M facts, and its colouring ~0.4 s more over later turns.
        same_text = source_id == self.source_id and row.text == self.view.source_text
        self.source_id = source_id
        self._show_header(row)
        self.view.set_selected_fact(self._session.selected_fact)
        if same_text:
            self.view.set_spans(spans, shown.indexed[1] if shown.indexed is not None else None)
        else:
            self.view.show_source(source_id, row.text, spans, shown.indexed)
        self.page_gutter.set_pages(pages, self.view.utf16_index)

    def update_spans(self, changes: Changes) -> None:
        """Bring the shown source's highlights in step with an operation's changes: the spans of the
        facts and the evidence rows they name are read and patched in (`SourceView.update_spans`),
        which costs the GUI thread a few ms however long the source; changes that name no rows (a
        load) or too many are read whole off the GUI thread (`refresh_in_background`). Reading the
        1 MB source's 10k spans on the GUI thread after every edit held it 100 ms at 1M facts."""
        if self.source_id is None:
            return
        fact_ids, evidence_ids = changes.touched("fact"), changes.touched("evidence")
        # While a read that may bring a new text is out, the shown spans may be of the old text.
        if (self.view.highlight_index is None or self._text_may_change
                or changes.bulk_counts.get("fact") or changes.bulk_counts.get("evidence")
                or len(fact_ids) + len(evidence_ids) > _FEW_ROWS):
            self.refresh_in_background()
            return
        with self._session.fact_base.reading() as conn:
            fresh = queries.evidence_spans_of(conn, self.source_id, fact_ids, evidence_ids)
        self.view.update_spans(fact_ids, evidence_ids, fresh)
        if self._reader.pending(_REFRESH):  # its read may be older than this change: read again
            self.refresh_in_background()

    def _on_changes(self, changes: Changes) -> None:
        if self.source_id is None:
            return
        if self.source_id in changes.deleted.get("source", set()):
            self._clear()
            return
        if self.source_id in changes.touched("source"):
            with self._session.fact_base.reading() as conn:
                row = queries.source_row(conn, self.source_id)  # the 1 MB text: 5-9 ms of CPU
            if row is None:
                self._clear()
                return
            self._show_header(row)
            if row.text != self.view.source_text:
                # A new revision (or its undo): its spans and their index are read and built off the
                # GUI thread, and `_show` sets the text (33 ms for 1 MB). Read here, with the 1 MB
                # source's 10k spans, they held the GUI thread 205-226 ms in one turn at 1M facts.
                self._text_may_change = True
                self.refresh_in_background()
                return
        # A fact edit recolours its spans; evidence rows deleted or moved away name no source any
        # more, but the shown index knows which of its spans they were.
        if changes.affects("evidence", "fact"):
            self.update_spans(changes)

    def _clear(self) -> None:
        self._text_may_change = False
        self.source_id = None
        self._show_header(None)
        self.view.clear_source()
        self.page_gutter.set_pages(None, self.view.utf16_index)

    def _show_page(self, number: int) -> None:
        pages = self.page_gutter.pages
        self.page_label.setText(f"Page {pages.label(number)} of {len(pages)}" if pages and number else "")

    def _show_header(self, row: queries.SourceDescription | None) -> None:
        self.view.citation = (Citation(row.title, row.publisher, row.author, row.published, row.url, row.file_name).full
                              if row is not None else None)
        if row is None:
            self.title_label.clear()
            self.details_label.clear()
            self.title_label.hide()
            self.details_label.hide()
            return
        self.title_label.setText(row.title or row.file_name or "Untitled source")
        self.details_label.setText(source_details_line(row))
        provenance = source_provenance(row)
        self.details_label.setToolTip(plain_text_as_tooltip(provenance) if provenance else "")
        self.title_label.show()
        self.details_label.setVisible(bool(self.details_label.text()))


def _read_source(conn: Connection, source_id: int, *, indexed: bool = False) -> _Shown | None:
    """A source's row, its evidence spans and its pages, or None if it is gone; `indexed`: with
    its text's and its spans' indexes (off the GUI thread)."""
    row = queries.source_row(conn, source_id)
    if row is None:
        return None
    spans = queries.evidence_spans(conn, source_id)
    utf16 = Utf16Index(row.text) if indexed else None
    return _Shown(row, spans, current_page_map(conn, source_id),
                  (utf16, HighlightIndex(spans, utf16)) if utf16 is not None else None)


_DOCUMENT_FORMATS = {"pdf": "PDF", "docx": "Word", "odt": "OpenDocument", "html": "web page"}


def source_details_line(row: queries.SourceDescription) -> str:
    """author · publisher · published · N characters · format or encoding, leaving out whatever is unknown."""
    parts: list[str] = []
    if row.author:
        parts.append(row.author)
    if row.publisher:
        parts.append(row.publisher)
    if row.published:
        parts.append(_readable_date(row.published))
    if row.char_count is not None:
        count = int(row.char_count)
        parts.append(f"{count:,} character{'s' if count != 1 else ''}")
    if row.format in _DOCUMENT_FORMATS:
        parts.append(_DOCUMENT_FORMATS[row.format])
    elif row.encoding:
        parts.append(row.encoding)
    return " · ".join(parts)


def _readable_date(published: str) -> str:
    try:
        return format_date(published)
    except ValueError:  # imported metadata may hold a free-form date; showing it as typed beats hiding it
        return published


def source_provenance(row: queries.SourceDescription) -> str:
    """Where the text came from, for the details tooltip."""
    lines = [f"{label}: {value}" for value, label in
             ((row.author, "Author"), (row.url, "Address"), (row.retrieved_at, "Retrieved"), (row.file_name, "File"),
              (row.note, "Note")) if value]
    return "\n".join(lines)
