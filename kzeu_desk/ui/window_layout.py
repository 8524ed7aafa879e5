"""How the workspace's window and panes are laid out, kept between launches and reset on request.

What went wrong before, and why the order here matters: the window appears before the fact base is
opened, and its panes are added afterwards, to an already visible window. Qt shows a widget added to
a visible window's layout only on the next turn of the event loop (QLayout queues the show), while
`QMainWindow.restoreState` on a visible window fits the saved sizes at once. The dock state was
restored in the same turn as the central widget was replaced, so the fit saw no central widget and
gave its height to the bottom dock area; that stretched facts table was then saved at quit. On an
800x800 screen the source text went from 373 px on the first launch to 115 px on every later one,
and the Sources pane widened by 3 px per launch. Here the central widget exists (and is visible)
from the first paint, and the state is restored only after it is shown.

A saved layout is used only when it fits: it must come from this layout version (states saved by
version 1 were the collapsed ones) and from a screen of the same size, and once applied no pane may
be collapsed (the source text keeps `MIN_TEXT_HEIGHT`, every docked pane its minimum). Otherwise the
default layout, sized from the window, is used.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QHeaderView, QMainWindow, QWidget

from kzeu_desk.ui.app_settings import app_settings

# Bumped whenever the panes' arrangement changes in a way an old state would restore wrongly.
# 1: states saved with the restore-order bug (a collapsed source text); never restored.
LAYOUT_VERSION = 2
# A source text this short (about six lines) counts as collapsed.
MIN_TEXT_HEIGHT = 140
MIN_TEXT_WIDTH = 320
# A saved layout is kept for a screen whose usable size differs by less than this (a panel moved).
_SCREEN_TOLERANCE = 0.05

_GEOMETRY_KEY = "mainWindow/geometry"
_STATE_KEY = "mainWindow/state"
_SCREEN_KEY = "mainWindow/screen"
_HEADER_PREFIX = "headers/"


def _screen_size(window: QWidget) -> QSize | None:
    screen = window.screen()
    return screen.availableGeometry().size() if screen is not None else None


def _same_screen(saved: object, current: QSize | None) -> bool:
    if current is None or not isinstance(saved, str) or "x" not in saved:
        return False
    try:
        width, height = (int(part) for part in saved.split("x", 1))
    except ValueError:
        return False
    return (abs(width - current.width()) <= current.width() * _SCREEN_TOLERANCE
            and abs(height - current.height()) <= current.height() * _SCREEN_TOLERANCE)


class WindowLayout(QObject):
    """Saves, restores and resets one main window's geometry, panes and table columns."""

    def __init__(self, window: QMainWindow, central_text: Callable[[], QWidget | None]):
        super().__init__(window)
        self._window = window
        self._central_text = central_text  # the widget that must never collapse (the source text)
        self._default_state: QByteArray | None = None
        self._headers: dict[str, tuple[QHeaderView, Callable[[], None], Callable[[], None]]] = {}
        self._check_pending = False
        self._pending_steps: list[Callable[[], None]] = []  # to run once the window is first shown
        self.used_saved_layout = False  # tests and diagnostics: whether the last restore kept the saved state

    # -- start-up ------------------------------------------------------------------------------

    def restore_geometry(self) -> bool:
        """Before the first show: the window's saved size and place, when saved on a screen like this one."""
        settings = app_settings()
        geometry = settings.value(_GEOMETRY_KEY)
        if not isinstance(geometry, QByteArray) or not _same_screen(settings.value(_SCREEN_KEY),
                                                                     _screen_size(self._window)):
            return False
        return self._window.restoreGeometry(geometry)

    def track_header(self, key: str, header: QHeaderView, reset: Callable[[], None],
                     restored: Callable[[], None] = lambda: None) -> None:
        """Keep a table header's column widths, order and hidden columns; `reset` restores its defaults,
        `restored` is told when saved columns were applied."""
        self._headers[key] = (header, reset, restored)

    def restore_panes(self) -> None:
        """Once every pane is docked: the saved arrangement if it fits, else the default one."""
        window = self._window
        # The arrangement as built, before any saved state: what View > Reset layout goes back to.
        self._default_state = window.saveState(LAYOUT_VERSION)
        central = window.centralWidget()
        if window.isVisible() and central is not None and not central.isVisible():
            central.show()  # see the module docstring: restoreState must fit around a shown central widget
        settings = app_settings()
        state = settings.value(_STATE_KEY)
        fits = (isinstance(state, QByteArray) and _same_screen(settings.value(_SCREEN_KEY), _screen_size(window))
                and window.restoreState(state, LAYOUT_VERSION))
        self.used_saved_layout = bool(fits)
        if fits:
            for key, (header, _reset, restored) in self._headers.items():
                saved = settings.value(f"{_HEADER_PREFIX}{key}/state")
                # A header saved with other columns (an older version) would put titles on the wrong data.
                same_columns = str(settings.value(f"{_HEADER_PREFIX}{key}/columns")) == str(header.count())
                if isinstance(saved, QByteArray) and same_columns and header.restoreState(saved):
                    restored()
        self._after_layout(self._check_not_collapsed if fits else self._apply_default_sizes)

    def after_layout(self, step: Callable[[], None]) -> None:
        """Run `step` once the window is shown and its panes have their restored (or default) sizes:
        after the step `restore_panes` queued, when called after it."""
        self._after_layout(step)

    def _after_layout(self, step: Callable[[], None]) -> None:
        """Run `step` once the window is shown and laid out (dock sizes only take at the real size)."""
        if self._window.isVisible():
            QTimer.singleShot(0, step)
            return
        self._pending_steps.append(step)
        if len(self._pending_steps) == 1:
            self._window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._window and event.type() == QEvent.Type.Show:
            self._window.removeEventFilter(self)
            steps, self._pending_steps = self._pending_steps, []
            for step in steps:  # in the order they were asked for
                QTimer.singleShot(0, step)
        return False

    # -- checks and defaults -------------------------------------------------------------------

    def collapsed_panes(self) -> list[str]:
        """Names of panes squeezed below what they need to be usable (empty when the layout is sound)."""
        collapsed = []
        text = self._central_text()
        if text is not None and text.isVisible() and (text.height() < MIN_TEXT_HEIGHT or text.width() < MIN_TEXT_WIDTH):
            collapsed.append("sourceText")
        for dock in self._window.findChildren(QDockWidget):
            if dock.isVisible() and not dock.isFloating() and dock.widget() is not None:
                needed = dock.minimumSizeHint()
                if dock.width() < needed.width() or dock.height() < needed.height():
                    collapsed.append(dock.objectName())
        return collapsed

    def _check_not_collapsed(self) -> None:
        if self.collapsed_panes():
            self.used_saved_layout = False
            self._apply_default_sizes()

    def _apply_default_sizes(self) -> None:
        window = self._window
        width, height = window.width(), window.height()
        sides = [window.findChild(QDockWidget, "sourcesDock"), window.findChild(QDockWidget, "factEditorDock")]
        if all(sides):
            # Sources wide enough for titles, the editor for its form; the text takes the middle.
            window.resizeDocks(sides, [max(280, width * 22 // 100), max(360, width // 4)], Qt.Orientation.Horizontal)
        facts = window.findChild(QDockWidget, "factsDock")
        if facts is not None:
            # The text keeps at least half of the height between the menu and the status bar.
            window.resizeDocks([facts], [max(220, min(height * 2 // 5, height // 2 - 40))], Qt.Orientation.Vertical)

    def reset(self) -> None:
        """View > Reset layout: every pane back in its first-launch place and size, every column shown as first."""
        if self._default_state is not None:
            self._window.restoreState(self._default_state, LAYOUT_VERSION)
        for _header, reset_columns, _restored in self._headers.values():
            reset_columns()
        self.used_saved_layout = False
        self._after_layout(self._apply_default_sizes)

    # -- quitting ------------------------------------------------------------------------------

    def save(self, *, panes: bool) -> None:
        """At quit and when the curator pauses: the geometry always, the panes and columns when a fact base
        was attached."""
        settings = app_settings()
        settings.setValue(_GEOMETRY_KEY, self._window.saveGeometry())
        screen = _screen_size(self._window)
        if screen is not None:
            settings.setValue(_SCREEN_KEY, f"{screen.width()}x{screen.height()}")
        if panes:
            settings.setValue(_STATE_KEY, self._window.saveState(LAYOUT_VERSION))
            for key, (header, _reset, _restored) in self._headers.items():
                settings.setValue(f"{_HEADER_PREFIX}{key}/state", header.saveState())
                settings.setValue(f"{_HEADER_PREFIX}{key}/columns", header.count())
        settings.sync()
