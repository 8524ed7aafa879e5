"""The original of a source: a PDF drawn in the app at the evidence's page with the quote marked;
any other file opened with the system's own program (from a private temporary copy) or saved.

PDFs are drawn in the app (PDFium, as at import) rather than handed to the system viewer because a
viewer cannot be told reliably which page to open: `file.pdf#page=12` works in some browsers and
in no desktop viewer's "open file" path, and each viewer has its own command-line option. Drawing
it here opens at the right page everywhere, also for a reviewer with no PDF viewer, and can mark
the quoted words. "Open with system viewer" is still offered for the full reader experience.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from kzeu_desk.core import originals
from kzeu_desk.core.documents.common import OriginalFile
from kzeu_desk.ui.session import Session

_EXTENSIONS = {"application/pdf": ".pdf", "text/html": ".html", "text/plain": ".txt", "text/markdown": ".md",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
               "application/vnd.oasis.opendocument.text": ".odt"}
_RENDER_SCALE = 1.5  # 108 dots an inch: sharp on ordinary screens, quick to draw
_QUOTE_MARK = QColor(255, 213, 79, 110)


def load_original(session: Session, source_id: int) -> originals.SourceOriginal | None:
    with session.fact_base.reading() as conn:
        return originals.of_source(conn, source_id)


def save_copy(original: OriginalFile, name: str, parent: QWidget) -> None:
    suggested = str(Path.home() / _file_name(original, name))
    target, _ = QFileDialog.getSaveFileName(parent, "Save a copy of the original", suggested)
    if target:
        Path(target).write_bytes(original.data)


def open_with_system(original: OriginalFile, name: str) -> bool:
    """A private temporary copy opened by the desktop's program for its type."""
    folder = Path(tempfile.mkdtemp(prefix="kzeu-original-"))
    path = folder / _file_name(original, name)
    path.write_bytes(original.data)
    path.chmod(0o400)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _file_name(original: OriginalFile, name: str) -> str:
    clean = "".join(ch if ch.isalnum() or ch in "-_. " else "_" for ch in Path(name).name).strip() or "original"
    extension = _EXTENSIONS.get(original.media_type, "")
    return clean if clean.lower().endswith(extension) else clean + extension


class PdfOriginalView(QDialog):
    """One page of the original PDF at a time, the quote's words marked, with page navigation."""

    def __init__(self, original: OriginalFile, name: str, title: str, page: int = 1, quote: str | None = None,
                 parent: QWidget | None = None):
        from kzeu_desk.core.documents import pdf

        super().__init__(parent)
        self.setObjectName("originalView")
        self.setWindowTitle(f"Original — {title}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._original = original
        self._name = name
        self._quote = quote
        self._quote_page = page
        self.page_count = pdf.page_count(original.data)

        self.page_box = QSpinBox(self, objectName="originalPage")
        self.page_box.setRange(1, max(1, self.page_count))
        self.page_box.setSuffix(f" of {self.page_count}")
        self.page_box.setPrefix("Page ")
        self.page_box.setAccessibleName("Page")
        previous_button = QPushButton("◀", self, objectName="originalPreviousPage", toolTip="Previous page (Page Up)")
        next_button = QPushButton("▶", self, objectName="originalNextPage", toolTip="Next page (Page Down)")
        previous_button.setShortcut("PgUp")
        next_button.setShortcut("PgDown")
        system_button = QPushButton("Open with system viewer", self, objectName="originalOpenWithSystem")
        save_button = QPushButton("Save a copy…", self, objectName="originalSaveCopy")
        self.note = QLabel(self, objectName="originalNote", textFormat=Qt.TextFormat.PlainText)
        self.image = QLabel(self, objectName="originalPageImage", alignment=Qt.AlignmentFlag.AlignCenter)
        self.scroller = scroller = QScrollArea(self)
        scroller.setWidget(self.image)
        scroller.setWidgetResizable(True)
        scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)

        bar = QHBoxLayout()
        bar.addWidget(previous_button)
        bar.addWidget(self.page_box)
        bar.addWidget(next_button)
        bar.addWidget(self.note, 1)
        bar.addWidget(system_button)
        bar.addWidget(save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroller, 1)

        self.page_box.valueChanged.connect(self._show_page)
        previous_button.clicked.connect(lambda: self.page_box.setValue(self.page_box.value() - 1))
        next_button.clicked.connect(lambda: self.page_box.setValue(self.page_box.value() + 1))
        system_button.clicked.connect(lambda: open_with_system(self._original, self._name))
        save_button.clicked.connect(lambda: save_copy(self._original, self._name, self))
        self.resize(980, 1000)
        self.page_box.setValue(min(max(page, 1), self.page_count))
        self._show_page(self.page_box.value())

    @property
    def page(self) -> int:
        return self.page_box.value()

    def _show_page(self, number: int) -> None:
        from kzeu_desk.core.documents import pdf

        rendered = pdf.render_page(self._original.data, number - 1, _RENDER_SCALE)
        image = QImage(rendered.bgra, rendered.width, rendered.height, rendered.stride,
                       QImage.Format.Format_ARGB32).copy()
        marked = 0
        if self._quote and number == self._quote_page:
            boxes = pdf.quote_boxes(self._original.data, number - 1, self._quote)
            marked = len(boxes)
            if boxes:
                scale = rendered.scale
                painter = QPainter(image)
                for left, bottom, right, top in boxes:
                    painter.fillRect(QRectF(left * scale, rendered.height - top * scale, (right - left) * scale,
                                            (top - bottom) * scale), _QUOTE_MARK)
                painter.end()
        self.image.setPixmap(QPixmap.fromImage(image))
        if marked:
            # Bring the mark into view once the page is laid out in the scroll area.
            left, _bottom, _right, top = boxes[0]
            target = (int(left * scale), int(rendered.height - top * scale))
            QTimer.singleShot(0, lambda: self.scroller.ensureVisible(*target, 50, 200))
        if self._quote and number == self._quote_page:
            self.note.setText("The quoted passage is marked." if marked else "The quote is on this page.")
        else:
            self.note.setText("")


class OtherOriginalView(QDialog):
    """A non-PDF original: what it is, and the two ways to look at it."""

    def __init__(self, original: OriginalFile, name: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("originalView")
        self.setWindowTitle(f"Original — {title}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        size = len(original.data)
        text = QLabel(f"“{name}” ({size / 1024:,.0f} KB, {original.media_type}) is kept in the fact base exactly "
                      "as it was imported.", self, textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        system_button = QPushButton("Open with system viewer", self, objectName="originalOpenWithSystem")
        save_button = QPushButton("Save a copy…", self, objectName="originalSaveCopy")
        close_button = QPushButton("Close", self)
        system_button.clicked.connect(lambda: open_with_system(original, name))
        save_button.clicked.connect(lambda: save_copy(original, name, self))
        close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (system_button, save_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(buttons)


def show_original(session: Session, source_id: int, *, page: int = 1, quote: str | None = None,
                  parent: QWidget | None = None) -> QDialog | None:
    """Open the source's original (a PDF at `page`); None when the source has none kept."""
    found = load_original(session, source_id)
    if found is None:
        return None
    original, name, title = found.original, found.file_name, found.title
    if original.media_type == "application/pdf":
        dialog: QDialog = PdfOriginalView(original, name, title, page, quote, parent)
    else:
        dialog = OtherOriginalView(original, name, title, parent)
    dialog.show()
    return dialog
