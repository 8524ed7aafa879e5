"""The views of the whole fact base, wired into the main window: View > Timeline, View > Source
agreement, View > Overview, and File > Export report….

Each view is a dock in the bottom area, tabbed with the facts table, hidden until asked for; it reads
nothing until it is on screen. Clicking a fact in a view selects it and shows its evidence in the
source text; clicking an open conflict brings up the Conflicts pane on it. Views follow the facts
table's filter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from kzeu_desk.ui.session import Session

if TYPE_CHECKING:
    from kzeu_desk.ui.main_window import MainWindow
    from kzeu_desk.ui.report_export import ReportExport


# How much of the window's height a whole-base view gets when it is asked for (View menu).
ROOM_SHARE = 0.58


class WholeBaseViews(QObject):
    """Owns the docks and actions; `reload()` after the fact base was re-read from disk.

    A view is built (and its module imported) the first time its dock is shown: until then the
    dock holds an empty placeholder, so opening the workspace costs what it did without them
    (building all three took 132 ms of a 377 ms attach). Docks exist from the start, so the
    layout a curator left, with a view open, is restored the next day.
    """

    def __init__(self, window: MainWindow, session: Session, *, file_menu: QMenu, view_menu: QMenu):
        super().__init__(window)
        self._window = window
        self._session = session
        self._built: dict[str, QWidget] = {}
        self.timeline_dock = self._dock("timelineDock", "Timeline")
        self.agreement_dock = self._dock("agreementDock", "Source agreement")
        self.overview_dock = self._dock("overviewDock", "Overview")

        self.actionShowTimeline = self._action("actionShowTimeline", "&Timeline", "Ctrl+Shift+T",
                                               "Facts with a time on a zoomable time line, by subject or property",
                                               lambda: self.raise_dock(self.timeline_dock))
        self.actionShowAgreement = self._action("actionShowAgreement", "Source &agreement", "Ctrl+Shift+G",
                                                "Which sources say what about the same thing, and who disagrees "
                                                "with whom", lambda: self.raise_dock(self.agreement_dock))
        self.actionShowOverview = self._action("actionShowOverview", "&Overview", "Ctrl+Shift+W",
                                               "Facts by status and rank, conflicts over time, sources, curators",
                                               lambda: self.raise_dock(self.overview_dock))
        view_menu.addSeparator()
        view_menu.addActions([self.actionShowOverview, self.actionShowTimeline, self.actionShowAgreement])
        self.actionExportReport = self._action("actionExportReport", "Export re&port…", "Ctrl+Shift+R",
                                               "Write the fact base as web pages for people without the app",
                                               self.export_report)
        file_menu.insertAction(window.actionExportReviewerCopy, self.actionExportReport)
        self.report_job: ReportExport | None = None
        window.fact_table.model.counts_changed.connect(self._follow_filter)

    # -- the views, built when first shown ------------------------------------------------------------

    @property
    def views(self) -> tuple[QWidget, ...]:
        return tuple(self._built.values())

    @property
    def timeline(self):
        return self._view(self.timeline_dock)

    @property
    def agreement(self):
        return self._view(self.agreement_dock)

    @property
    def overview(self):
        return self._view(self.overview_dock)

    def _view(self, dock: QDockWidget) -> QWidget:
        name = dock.objectName()
        if name not in self._built:
            view = self._build(name)
            self._built[name] = view
            dock.setWidget(view)
            view.set_listing(self._window.fact_table.model.spec)
            dock.visibilityChanged.connect(view.set_on_screen)
        return self._built[name]

    def _build(self, dock_name: str) -> QWidget:
        window, session = self._window, self._session
        view: QWidget
        if dock_name == "timelineDock":
            from kzeu_desk.ui.timeline_view import TimelineView

            timeline = TimelineView(session)
            timeline.fact_activated.connect(self.show_fact_evidence)
            timeline.message.connect(self._say)
            view = timeline
        elif dock_name == "agreementDock":
            from kzeu_desk.ui.agreement_view import AgreementView

            agreement = AgreementView(session)
            agreement.evidence_wanted.connect(self.show_statement)
            agreement.fact_wanted.connect(self.show_fact_evidence)
            agreement.conflict_wanted.connect(self.show_conflict)
            agreement.message.connect(self._say)
            view = agreement
        else:
            from kzeu_desk.ui.overview_view import OverviewView

            overview = OverviewView(session)
            overview.status_chosen.connect(self.list_facts_with_status)
            overview.source_chosen.connect(self.open_source)
            overview.conflicts_wanted.connect(lambda: self.raise_dock(window.findChild(QDockWidget, "conflictsDock")))
            overview.message.connect(self._say)
            view = overview
        return view

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 10_000)

    def _dock(self, name: str, title: str) -> QDockWidget:
        window = self._window
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        placeholder = QWidget()
        placeholder.setAccessibleName(title)
        dock.setWidget(placeholder)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        facts_dock = window.findChild(QDockWidget, "factsDock")
        if facts_dock is not None:
            window.tabifyDockWidget(facts_dock, dock)
        dock.hide()  # shown by its View action; the layout a curator leaves is restored on the next start
        dock.visibilityChanged.connect(lambda visible, shown=dock: visible and self._view(shown))
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
        whole_base = dock in (self.timeline_dock, self.agreement_dock, self.overview_dock)
        if whole_base:
            self._view(dock)
        dock.show()
        dock.raise_()
        dock.widget().setFocus()
        if whole_base:
            QTimer.singleShot(0, lambda: self._give_room(dock))

    def _give_room(self, dock: QDockWidget) -> None:
        """A picture of the whole base needs height: in the facts table's default share of the window
        (two fifths) the matrix showed three keys under its source names and the overview two of its
        four panels. Asked for, the bottom area grows to ROOM_SHARE of the window, once; the source
        text keeps the rest (well above the layout's collapse limit), and a curator's own larger
        size, or a floating dock, is left alone."""
        window = self._window
        wanted = int(window.height() * ROOM_SHARE)
        if not dock.isFloating() and dock.isVisible() and dock.height() < wanted:
            window.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)

    def _follow_filter(self) -> None:
        spec = self._window.fact_table.model.spec
        for view in self.views:
            view.set_listing(spec)

    def reload(self) -> None:
        """The fact base was read again from the file (File > Refresh, another program wrote)."""
        for view in self.views:
            view.reload_soon()

    def wait(self) -> None:
        for view in self.views:
            view.wait()
        if self.report_job is not None:
            self.report_job.wait()

    def stop(self) -> None:
        """The window is closing: the views read nothing more, and a report being written is finished."""
        from kzeu_desk.ui.background import BackgroundReader

        for view in self.views:
            for reader in view.findChildren(BackgroundReader):
                reader.stop()
        if self.report_job is not None:
            self.report_job.wait()

    def export_report(self) -> None:
        from kzeu_desk.ui.report_export import export_report_dialog

        self.report_job = export_report_dialog(self._session.fact_base, self._window)
        if self.report_job is not None:
            self.report_job.finished_with.connect(
                lambda result: result is not None and self._window.statusBar().showMessage(result.summary, 10_000))

    # -- going from a view to the evidence ---------------------------------------------------------

    def show_statement(self, fact_id: int, source_id: int, start: int, end: int) -> None:
        """Select the fact and show its quote in this source."""
        self._session.select_fact(fact_id)
        self._window.reveal_evidence(source_id, start, end)

    def list_facts_with_status(self, status: str) -> None:
        """The facts table, filtered to one status."""
        from kzeu_desk.core.models import FactStatus

        table = self._window.fact_table
        table.status_filter.setCurrentIndex(table.status_filter.findData(FactStatus(status)))
        self.raise_dock(self._window.findChild(QDockWidget, "factsDock"))

    def open_source(self, source_id: int) -> None:
        self._window.sources_pane.choose(source_id)  # the source text follows the Sources pane

    def show_conflict(self, conflict_id: int) -> None:
        """Bring up the Conflicts pane on an open conflict."""
        dock = self._window.findChild(QDockWidget, "conflictsDock")
        dock.show()
        dock.raise_()
        if not self._window.conflicts_panel.show_conflict(conflict_id):
            self._window.statusBar().showMessage(
                f"Conflict {conflict_id} is not in the queue as it is filtered; clear the Conflicts filters.", 10_000)

    def show_fact_evidence(self, fact_id: int) -> None:
        """Select the fact and show its first evidence in the source text (the open source first)."""
        self._window.evidence_navigator.go_to_fact(fact_id)
