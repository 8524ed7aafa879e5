"""Reading a whole-base view only while a curator can see it.

The timeline, the agreement matrix and the overview each read much of the fact base. Tabbed behind
the facts table they read nothing: a change only marks them stale, and they read again when their
dock is raised or shown. On screen, changes that come in bursts (typing in the facts table's filter,
a run of edits) are gathered by a short timer into one read.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget


class ReadWhenSeen(QObject):
    """Calls `read()` when `view` is on screen and something it shows has changed."""

    def __init__(self, view: QWidget, read: Callable[[], None], *, delay_ms: int):
        super().__init__(view)
        self._view = view
        self._read = read
        self.stale = True  # nothing read yet
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._read)

    def on_screen(self) -> bool:
        return self._view.isVisible() and not self._view.visibleRegion().isEmpty()

    def shown(self, on_screen: bool = True) -> None:
        """The view was shown, or its dock raised (QDockWidget.visibilityChanged)."""
        if on_screen and self.stale:
            QTimer.singleShot(0, self._read_if_on_screen)

    def soon(self, *, at_once: bool = False) -> None:
        """What the view shows has changed: read now (`at_once`, a curator's own choice) or after
        the delay when on screen, or when next shown."""
        self.stale = True
        if not self.on_screen():
            return
        if at_once:
            self._timer.stop()
            self._read()
        else:
            self._timer.start()

    def reading(self) -> None:
        """The view's read starts: it is no longer stale."""
        self.stale = False

    def _read_if_on_screen(self) -> None:
        if self.stale and self.on_screen():
            self._read()
