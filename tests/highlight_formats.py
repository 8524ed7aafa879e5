"""What a source view has drawn: every format range of its document's layout, for comparing two views' highlights."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat

from kzeu_desk.ui.source_view import SourceView


def highlight_formats(view: SourceView) -> list[tuple[int, int, int, str]]:
    """(position, length, background colour, underline style) of each format range, in document order."""
    found = []
    block = view.document().firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            found.append((block.position() + r.start, r.length, QTextCharFormat(r.format).background().color().rgba(),
                          QTextCharFormat(r.format).underlineStyle().name))
        block = block.next()
    return found
