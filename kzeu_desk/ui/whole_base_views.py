"""The views of the whole fact base, wired into the main window: View > Timeline, View > Source
agreement, View > Overview, and File > Export report….

Each view is a dock in the bottom area, tabbed with the facts table, hidden until asked for; it reads
nothing until it is on screen. Clicking a fact in a view selects it and shows its evidence in the
source text; clicking an open conflict brings up the Conflicts pane on it. Views follow the facts
table's filter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from kzeu_desk.core.models import AnchorState
from kzeu_desk.ui.session import Session

if TYPE_CHECKING:
    from kzeu_desk.ui.main_window import MainWindow


class WholeBaseViews(QObject):
    """Owns the docks and actions; `reload()` after the fact base was re-read from disk."""

    def __init__(self, window: MainWindow, session: Session, *, file_menu: QMenu, view_menu: QMenu):
        super().__init__(window)
        from kzeu_desk.ui.timeline_view import TimelineView

        self._window = window
        self._session = session
        self.timeline = TimelineView(session)
        self.timeline_dock = self._dock("timelineDock", "Timeline", self.timeline)
        self.timeline.fact_activated.connect(self.show_fact_evidence)
        self.timeline.message.connect(lambda text: window.statusBar().showMessage(text, 10_000))

        self.actionShowTimeline = self._action("actionShowTimeline", "&Timeline", "Ctrl+Shift+T",
                                               "Facts with a time on a zoomable time line, by subject or property",
                                               lambda: self.raise_dock(self.timeline_dock))
        view_menu.addSeparator()
        view_menu.addActions([self.actionShowTimeline])

        fact_table = window.fact_table
        fact_table.model.counts_changed.connect(self._follow_filter)
        self._follow_filter()

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        window = self._window
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        facts_dock = window.findChild(QDockWidget, "factsDock")
        if facts_dock is not None:
            window.tabifyDockWidget(facts_dock, dock)
        dock.hide()  # shown by its View action; the layout a curator leaves is restored on the next start
        dock.visibilityChanged.connect(widget.set_on_screen)
        return dock

    def _action(self, name: str, text: str, shortcut: str | None, tip: str, slot) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setProperty("mutates", False)
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def raise_dock(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()
        dock.widget().setFocus()

    def _follow_filter(self) -> None:
        spec = self._window.fact_table.model.spec
        self.timeline.set_listing(spec)

    def reload(self) -> None:
        """The fact base was read again from the file (File > Refresh, another program wrote)."""
        for view in (self.timeline,):
            view._reload_soon()

    def wait(self) -> None:
        for view in (self.timeline,):
            view.wait()

    # -- going from a view to the evidence ---------------------------------------------------------

    def show_fact_evidence(self, fact_id: int) -> None:
        """Select the fact and show its first evidence span in the source text."""
        from kzeu_desk.core.fact_detail import fact_evidence

        self._session.select_fact(fact_id)
        with self._session.fact_base.reading() as conn:
            spans = [span for span in fact_evidence(conn, fact_id) if span.anchor_state != AnchorState.ORPHANED.value]
        if spans:
            self._window.reveal_evidence(spans[0].source_id, spans[0].start, spans[0].end)
