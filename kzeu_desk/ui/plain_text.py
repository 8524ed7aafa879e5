"""Showing stored text in widgets literally: labels, tooltips and times, never interpreted as HTML."""

from __future__ import annotations

import html
from datetime import datetime
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: Qt renders a tooltip that looks like HTML as rich text."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """"1 fact", "2 facts", "1,204 open conflicts": a number with its noun in the right form."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


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
    if len(iso_utc) > 16 and iso_utc.endswith("Z") and iso_utc[10] == "T":
        return _local_minute(iso_utc[:16])  # what is shown depends on the minute alone
    return _local(iso_utc)


@lru_cache(maxsize=8192)
def _local_minute(utc_minute: str) -> str:
    # A page of the facts table formats 256 of these; strftime imports `time` on every call, which
    # PySide6's import hook makes cost ~0.1 ms: a cache keeps scrolling within its frame budget.
    return _local(f"{utc_minute}:00Z")


def _local(iso_utc: str) -> str:
    try:
        moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso_utc
    return moment.strftime("%d %b %Y %H:%M")
