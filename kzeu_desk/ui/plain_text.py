"""Showing stored text in widgets literally: labels, tooltips and times, never interpreted as HTML."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: Qt renders a tooltip that looks like HTML as rich text."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def plain_label(text: str = "", *, word_wrap: bool = False, selectable: bool = False,
                object_name: str | None = None) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(word_wrap)
    if object_name:
        label.setObjectName(object_name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def local_time(iso_utc: str) -> str:
    """A stored UTC time in the user's time zone; shown as stored if another client wrote it oddly."""
    try:
        moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso_utc
    return moment.strftime("%d %b %Y %H:%M")
