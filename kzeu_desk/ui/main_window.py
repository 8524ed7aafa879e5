"""The curator's workspace: sources, the source text, the fact editor, the facts table, history.

The window is built in two steps so it can appear before the database layer has loaded
(importing SQLModel/SQLAlchemy takes 0.3-0.9 s, PySide6 ~0.2 s): `MainWindow()` is a light shell with menus; `attach(session)` builds the panes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget, QFileDialog, QInputDialog, QLabel, QMainWindow, QMessageBox, QStatusBar,
    QVBoxLayout, QWidget,
)

from kzeu_desk import __version__
from kzeu_desk.ui.app_settings import last_folder, remember_folder
from kzeu_desk.ui import reading_place
from kzeu_desk.ui.later_turn import on_a_later_turn
from kzeu_desk.ui.recent_fact_bases import RecentFactBasesMenu, remember
from kzeu_desk.ui.window_layout import WindowLayout

if TYPE_CHECKING:
    from kzeu_desk.core.changes import Changes
    from kzeu_desk.ui.session import Session

# How long the reader and the candidate list stay still before where the curator is reading is saved.
PLACE_SAVED_AFTER_MS = 2_000

_DOCUMENT_FILTER = ("Documents (*.pdf *.docx *.odt *.html *.htm *.txt *.md *.markdown);;PDF (*.pdf);;"
                    "Word and OpenDocument (*.docx *.odt);;Web pages (*.html *.htm);;Text (*.txt *.md *.markdown);;"
                    "All files (*)")
_FACT_BASE_FILTER = "Fact bases (*.sqlite *.kzeu *.db);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAccessibleName("kzeu_desk workspace")
        self.setWindowTitle("kzeu_desk")
        self._size_to_screen()
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self._refresh_steps: list[Callable[[], object]] | None = None  # panes still to read for a refresh
        # Side panes run the full height; the facts table sits under the text it was drawn from.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.session: Session | None = None
        # Where the curator was when this fact base's window last closed, until the reader is put there.
        self._place_to_restore: reading_place.ReadingPlace | None = None
        self.instance_lock = None  # set by the app when this window edits a file (core/instance_lock.py)
        # The central widget is built once and kept: the panes' saved sizes are fitted around it
        # (ui/window_layout.py says why replacing it later collapsed the source text).
        self._central = QWidget(objectName="workspaceCentral")
        self._central_layout = QVBoxLayout(self._central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(4)
        self._opening = QLabel("Opening the fact base…", alignment=Qt.AlignmentFlag.AlignCenter)
        self._central_layout.addWidget(self._opening)
        self.setCentralWidget(self._central)
        self.layout_keeper = WindowLayout(self, lambda: getattr(getattr(self, "source_pane", None), "view", None))
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.layout_keeper.restore_geometry()

    def _size_to_screen(self) -> None:
        """First run: most of the screen, since three panes and a table share it."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None or screen.width() < 800:
            self.resize(1400, 880)
            return
        self.resize(int(screen.width() * 0.92), int(screen.height() * 0.9))
        self.move(screen.x() + (screen.width() - self.width()) // 2, screen.y() + (screen.height() - self.height()) // 2)

    # -- actions and menus ---------------------------------------------------------------------

    def _action(self, name: str, text: str, shortcut: QKeySequence | str | list | None = None,
                slot=None, tip: str | None = None, mutates: bool = False) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{text.replace('…', '').replace('&', '')} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                              if shortcut is not None else tip)
        if slot is not None:
            action.triggered.connect(slot)
        action.setProperty("mutates", mutates)
        # Window-wide, so shortcuts work whichever pane has focus.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.actionImport = a("actionImport", "&Import documents…", "Ctrl+I", self.import_documents_dialog,
                              "Import PDF, Word, OpenDocument, web page, text or Markdown files as sources",
                              mutates=True)
        self.actionImportFromWeb = a("actionImportFromWeb", "Import from &web address…", "Ctrl+Shift+U",
                                     self.import_web_address_dialog,
                                     "Fetch a web page (or a PDF or Word file on the web) and import it", mutates=True)
        self.actionOpenOriginal = a("actionOpenOriginal", "Open &original", "Ctrl+Shift+P", self.open_original,
                                    "Show the file the source was imported from, at the page of the selected text")
        self.actionImportRevision = a("actionImportRevision", "Import new &revision…", "Ctrl+Shift+I",
                                      self.import_revision_dialog,
                                      "Import a corrected version of a source; its evidence follows the text",
                                      mutates=True)
        self.actionShowEvidenceToCheck = a("actionShowEvidenceToCheck", "&Evidence to check", "F9",
                                           self._show_evidence_queue,
                                           "Evidence that lost its place when a source was revised")
        self.actionNewFactBase = a("actionNewFactBase", "&New fact base…", None, self.new_fact_base_dialog,
                                   "Create an empty fact base in a file of your choice")
        self.actionOpen = a("actionOpen", "&Open fact base…", QKeySequence.StandardKey.Open, self._open_dialog,
                            "Open another fact base")
        self.actionOpenReadOnly = a("actionOpenReadOnly", "Open fact base &read-only…", "Ctrl+Shift+O",
                                    lambda: self._open_dialog(read_only=True), "Open a fact base for review")
        self.actionConnectServer = a("actionConnectServer", "&Connect to a team fact base…", None,
                                     self.connect_server_dialog,
                                     "Open a fact base your team shares on a PostgreSQL server")
        self.actionExport = a("actionExport", "&Export…", "Ctrl+E", self.export_dialog,
                              "Export the fact base for other tools (SQLite, Data Package, Web Annotation, "
                              "Wikidata, JSON Lines)")
        self.actionLoadJsonLines = a("actionLoadJsonLines", "&Load JSON Lines…", None, self.load_json_lines_dialog,
                                     "Load a kzeu_desk JSON Lines export into this fact base (one step; a backup "
                                     "is taken first)", mutates=True)
        self.actionExportReviewerCopy = a(
            "actionExportReviewerCopy", "Export &reviewer copy…", "Ctrl+Shift+E", self.export_reviewer_copy,
            "Write a consistent copy that opens read-only anywhere")
        self.actionRefresh = a("actionRefresh", "Re&fresh", QKeySequence.StandardKey.Refresh, self.refresh_all,
                               "Show what others have changed in this fact base since it was read")
        self.actionBackUpNow = a("actionBackUpNow", "&Back up now", "Ctrl+Shift+B", self.back_up_now,
                                 "Take a backup snapshot of this fact base now")
        self.actionRestoreBackup = a("actionRestoreBackup", "Restore from &backup…", None, self.restore_backup,
                                     "Replace this fact base with one of its backups", mutates=True)
        self.actionEditSource = a("actionEditSource", "Source &details…", "Alt+Return", self.edit_source_details,
                                  "Title, publisher, author, address, publication date and language of the source")
        self.actionDeleteSource = a("actionDeleteSource", "D&elete source…", None, self.delete_current_source,
                                    "Delete the current source, saying first what happens to its evidence and facts",
                                    mutates=True)
        self.actionManageVocabulary = a("actionManageVocabulary", "&Properties and entities…", "Ctrl+Shift+V",
                                        self.manage_vocabulary,
                                        "Create, edit, deprecate and merge properties and entities")
        self.actionCheckFactBase = a("actionCheckFactBase", "&Check fact base…", None, self.check_fact_base,
                                     "Run SQLite's checks and the app's invariants, and repair what can be")
        self.actionQuit = a("actionQuit", "&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.actionUndo = a("actionUndo", "&Undo", [QKeySequence.StandardKey.Undo], self._undo, mutates=True)
        self.actionRedo = a("actionRedo", "&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], self._redo, mutates=True)
        self.actionFind = a("actionFind", "&Find in text…", QKeySequence.StandardKey.Find,
                            lambda: self.source_pane.open_find(), "Find words in the open source")
        self.actionFilterFacts = a("actionFilterFacts", "Filter &facts…", "Ctrl+L", self._focus_fact_filter,
                                   "Search facts by subject, property, value, quote or note")
        self.actionNewFactFromSelection = a(
            "actionNewFactFromSelection", "&New fact from selection", "Ctrl+N", self.new_fact_from_selection,
            "Make a draft fact from the highlighted text", mutates=True)
        self.actionAddEvidence = a("actionAddEvidence", "&Add selection as evidence", "Ctrl+Shift+N",
                                   self.add_selection_as_evidence,
                                   "Attach the highlighted text to the current fact as evidence", mutates=True)
        self.actionNextEvidence = a("actionNextEvidence", "Next e&vidence of this fact", "F7",
                                    lambda: self.evidence_navigator.step(+1),
                                    "Show the selected fact's next evidence in the source text")
        self.actionPreviousEvidence = a("actionPreviousEvidence", "Previous evi&dence of this fact", "Shift+F7",
                                        lambda: self.evidence_navigator.step(-1),
                                        "Show the selected fact's previous evidence in the source text")
        self.actionDeleteFact = a("actionDeleteFact", "&Delete fact", "Ctrl+Delete", self.delete_current_fact,
                                  "Delete the current fact and its evidence", mutates=True)
        self.actionLinkFacts = a("actionLinkFacts", "&Link to another fact…", "Ctrl+K", self.link_current_fact,
                                 "Link the current fact to another one", mutates=True)
        self.actionNextConflict = a("actionNextConflict", "&Next conflict", "F8", lambda: self._step_conflict(+1),
                                    "Show the next open conflict")
        self.actionPreviousConflict = a("actionPreviousConflict", "&Previous conflict", "Shift+F8",
                                        lambda: self._step_conflict(-1), "Show the previous open conflict")
        self.actionFlagFact = a("actionFlagFact", "&Flag fact for review…", "Ctrl+Shift+F", self.flag_current_fact,
                                "Flag the current fact as doubtful, with a reason", mutates=True)
        self.actionRescanConflicts = a("actionRescanConflicts", "&Re-check all conflicts", None,
                                       self.rescan_conflicts, "Check every fact against the others again",
                                       mutates=True)
        self.actionResetLayout = a("actionResetLayout", "Reset &layout", None, self.reset_layout,
                                   "Put every pane back in its first-launch place and size")
        self.actionShortcuts = a("actionShortcuts", "&Keyboard shortcuts", ["F1", "Ctrl+/"], self.show_shortcuts)
        self.actionAbout = a("actionAbout", "&About kzeu_desk", None, self._about)
        self.actionFocusSources = a("actionFocusSources", "Go to &sources", "Ctrl+1",
                                    lambda: self.sources_pane.view.setFocus())
        self.actionFocusText = a("actionFocusText", "Go to source &text", "Ctrl+2",
                                 lambda: self.source_pane.view.setFocus())
        self.actionFocusEditor = a("actionFocusEditor", "Go to fact &editor", "Ctrl+3",
                                   lambda: self.fact_editor.focus_subject())
        self.actionFocusFacts = a("actionFocusFacts", "Go to facts &table", "Ctrl+4",
                                  lambda: self.fact_table.view.setFocus())
        self.actionFocusCandidates = a("actionFocusCandidates", "Go to &candidates", "Ctrl+5",
                                       lambda: self._raise_and_focus("candidatesDock", self.candidates_pane.view),
                                       "The figures and dates of the open source, to make facts from")
        for action in self.actions():
            action.setEnabled(action in (self.actionQuit, self.actionShortcuts, self.actionAbout, self.actionNewFactBase))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu("&File")
        file_menu.addActions([self.actionNewFactBase, self.actionOpen, self.actionOpenReadOnly,
                              self.actionConnectServer])
        self.recent_menu = RecentFactBasesMenu(self, lambda path: self.open_in_new_window(path, read_only=False),
                                               self._say)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.actionImport, self.actionImportFromWeb, self.actionImportRevision,
                              self.actionLoadJsonLines])
        file_menu.addSeparator()
        file_menu.addActions([self.actionExport, self.actionExportReviewerCopy])
        file_menu.addSeparator()
        file_menu.addAction(self.actionRefresh)
        file_menu.addActions([self.actionBackUpNow, self.actionRestoreBackup])
        file_menu.addSeparator()
        file_menu.addAction(self.actionQuit)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.actionUndo, self.actionRedo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.actionFind, self.actionFilterFacts])
        source_menu = bar.addMenu("&Source")
        source_menu.addActions([self.actionEditSource, self.actionDeleteSource])
        fact_menu = bar.addMenu("F&act")
        fact_menu.addActions([self.actionNewFactFromSelection, self.actionAddEvidence, self.actionLinkFacts])
        fact_menu.addSeparator()
        fact_menu.addActions([self.actionNextEvidence, self.actionPreviousEvidence])
        fact_menu.addSeparator()
        fact_menu.addAction(self.actionDeleteFact)
        conflicts_menu = bar.addMenu("&Conflicts")
        conflicts_menu.addActions([self.actionNextConflict, self.actionPreviousConflict])
        conflicts_menu.addSeparator()
        conflicts_menu.addActions([self.actionFlagFact, self.actionRescanConflicts])
        self.view_menu = bar.addMenu("&View")
        self.view_menu.addActions([self.actionFocusSources, self.actionFocusText, self.actionFocusEditor,
                                   self.actionFocusFacts, self.actionFocusCandidates, self.actionShowEvidenceToCheck,
                                   self.actionOpenOriginal])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.actionResetLayout)
        self.view_menu.addSeparator()
        tools_menu = bar.addMenu("&Tools")
        tools_menu.addActions([self.actionManageVocabulary, self.actionCheckFactBase])
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.actionShortcuts, self.actionAbout])

    def _build_status_bar(self) -> None:
        status = QStatusBar(self)
        self.setStatusBar(status)
        self.totals_label = QLabel()
        self.saved_label = QLabel()
        self.read_only_badge = QLabel(" Read-only ")
        self.read_only_badge.setObjectName("readOnlyBadge")
        self.read_only_badge.setStyleSheet(
            "QLabel#readOnlyBadge { background: palette(highlight); color: palette(highlighted-text);"
            " border-radius: 3px; padding: 1px 6px; font-weight: 600; }")
        self.read_only_badge.hide()
        status.addPermanentWidget(self.totals_label)
        status.addPermanentWidget(self.saved_label)
        status.addPermanentWidget(self.read_only_badge)

    # -- attaching a fact base -----------------------------------------------------------------

    def attach(self, session: Session) -> None:
        from kzeu_desk.ui.candidates_pane import CandidatesPane
        from kzeu_desk.ui.conflicts_panel import ConflictsPanel
        from kzeu_desk.ui.fact_editor import FactEditor
        from kzeu_desk.ui.fact_table import FactTablePane
        from kzeu_desk.ui.history_pane import HistoryPane
        from kzeu_desk.ui.orphan_queue import OrphanQueuePane
        from kzeu_desk.ui.revision_view import RevisionView
        from kzeu_desk.ui.source_pane import SourcePane
        from kzeu_desk.ui.sources_pane import SourcesPane

        self.session = session
        session.setParent(self)  # the session lives exactly as long as its window
        self.sources_pane = SourcesPane(session)
        self.source_pane = SourcePane(session)
        self.fact_editor = FactEditor(session)
        self.fact_table = FactTablePane(session)
        self.history_pane = HistoryPane(session)
        self.conflicts_panel = ConflictsPanel(session, defer_while_hidden=True)
        self.orphan_queue = OrphanQueuePane(session)
        self.revision_view = RevisionView(session)
        self.candidates_pane = CandidatesPane(session)
        self.banner = QLabel(objectName="readOnlyBanner", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.banner.setStyleSheet("QLabel#readOnlyBanner { background: palette(tool-tip-base); "
                                  "color: palette(tool-tip-text); padding: 6px 10px; border-radius: 3px; }")
        self.banner.hide()
        self._central_layout.removeWidget(self._opening)
        self._opening.deleteLater()
        self._central_layout.addWidget(self.banner)
        self._central_layout.addWidget(self.source_pane, 1)
        self._watch_for_other_writers()
        from kzeu_desk.ui.maintenance import BackupScheduler

        self.backup_scheduler = BackupScheduler(session, self)
        self.backup_scheduler.finished.connect(lambda message: self.statusBar().showMessage(message, 5_000))

        sources_dock = self._dock("sourcesDock", "Sources", self.sources_pane, Qt.DockWidgetArea.LeftDockWidgetArea)
        revisions_dock = self._dock("revisionsDock", "Revisions", self.revision_view,
                                    Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(sources_dock, revisions_dock)
        self.tabifyDockWidget(revisions_dock, self._dock("candidatesDock", "Candidates", self.candidates_pane,
                                                         Qt.DockWidgetArea.LeftDockWidgetArea))
        sources_dock.raise_()
        self._dock("factEditorDock", "Fact", self.fact_editor, Qt.DockWidgetArea.RightDockWidgetArea)
        facts_dock = self._dock("factsDock", "Facts", self.fact_table, Qt.DockWidgetArea.BottomDockWidgetArea)
        conflicts_dock = self._dock("conflictsDock", "Conflicts", self.conflicts_panel,
                                    Qt.DockWidgetArea.BottomDockWidgetArea)
        history_dock = self._dock("historyDock", "History", self.history_pane, Qt.DockWidgetArea.BottomDockWidgetArea)
        conflicts_dock.visibilityChanged.connect(self.conflicts_panel.set_on_screen)
        self.tabifyDockWidget(facts_dock, conflicts_dock)
        self.tabifyDockWidget(conflicts_dock, history_dock)
        orphans_dock = self._dock("orphanQueueDock", "Evidence to check", self.orphan_queue,
                                  Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(history_dock, orphans_dock)
        facts_dock.raise_()
        from kzeu_desk.ui.whole_base_views import WholeBaseViews

        self.whole_base_views = WholeBaseViews(self, session, file_menu=self.file_menu, view_menu=self.view_menu)

        self.source_pane.view.set_context_actions([self.actionNewFactFromSelection, self.actionAddEvidence])
        self.sources_pane.source_chosen.connect(self.source_pane.show_source_id)
        from kzeu_desk.ui.evidence_navigator import EvidenceNavigator

        self.evidence_navigator = EvidenceNavigator(
            session, self._open_source, lambda: self.source_pane.source_id, self.source_pane.view,
            lambda message: self.statusBar().showMessage(message, 6_000), self)
        self.source_pane.view.fact_clicked.connect(self.evidence_navigator.select_from_text)
        self.source_pane.view.selection_span_changed.connect(self._update_actions)
        self.fact_editor.evidence_activated.connect(self.reveal_evidence)
        self.fact_editor.evidence_review_requested.connect(self._review_evidence)
        self.conflicts_panel.evidence_activated.connect(self.reveal_evidence)
        self.orphan_queue.evidence_activated.connect(self.reveal_evidence)
        self.sources_pane.source_chosen.connect(self.revision_view.show_source_id)
        self.sources_pane.source_chosen.connect(self._update_actions)
        self.sources_pane.source_chosen.connect(self.candidates_pane.show_source)
        self.candidates_pane.span_chosen.connect(self.select_in_text)
        self.candidates_pane.edit_requested.connect(self.fact_editor.focus_subject)
        session.changed.connect(self._on_changes)
        session.failed.connect(self._say)
        session.said.connect(lambda message: self.statusBar().showMessage(message, 8_000))
        session.about_to_write.connect(self._commit_pending_edit)
        session.busy_changed.connect(self._on_busy_changed)
        session.selected_fact_changed.connect(self._update_actions)
        session.undo_stack.canUndoChanged.connect(self._update_actions)
        session.undo_stack.canRedoChanged.connect(self._update_actions)
        session.undo_stack.undoTextChanged.connect(self._name_undo)
        session.undo_stack.redoTextChanged.connect(self._name_redo)

        self.fact_table.keep_columns_with(self.layout_keeper)
        self.layout_keeper.restore_panes()
        remember(session.fact_base.location_text)
        self.recent_menu.refill()
        self._show_identity()
        from kzeu_desk.ui.totals_label import TotalsLabel

        self.totals = TotalsLabel(self.totals_label, session)
        self._update_actions()
        self._go_back_to_where_the_curator_was()
        # Connected only now: choosing the remembered source above must not overwrite its place.
        self.sources_pane.source_chosen.connect(self._remember_new_source)
        # Scrolling the reader, moving through candidates, raising, moving or floating a pane is saved
        # once the curator pauses, so a crash or a killed app comes back within a few seconds of where
        # they were and with the panes as they last saw them, not only after a proper quit. Saving costs
        # 14-19 ms (reading the place, writing settings.ini), hence not on every scroll step.
        self._place_saver = QTimer(self)
        self._place_saver.setSingleShot(True)
        self._place_saver.setInterval(PLACE_SAVED_AFTER_MS)
        self._place_saver.timeout.connect(self._save_place_and_panes)
        self.source_pane.view.verticalScrollBar().valueChanged.connect(self._place_saver.start)
        self.candidates_pane.view.selectionModel().currentChanged.connect(self._place_saver.start)
        for dock in self.findChildren(QDockWidget):
            dock.visibilityChanged.connect(self._place_saver.start)
            dock.dockLocationChanged.connect(self._place_saver.start)
            dock.topLevelChanged.connect(self._place_saver.start)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def _show_identity(self) -> None:
        fact_base = self.session.fact_base
        read_only = fact_base.read_only
        # On a server, who the audit will name: the database role this window works as.
        shown = f"{fact_base.name} as {fact_base.actor}" if fact_base.on_server else fact_base.name
        title = f"{shown} — kzeu_desk"
        self.setWindowTitle(f"{title} [Read-only]" if read_only else title)
        self.read_only_badge.setVisible(read_only)
        self.saved_label.setVisible(not read_only)
        self.saved_label.setText("All changes saved")
        if read_only:
            reason = fact_base.read_only_reason or "Opened for review."
            self.banner.setText(f"Read-only — you can look at everything and export it, but nothing can be "
                                f"changed here. {reason}")
            self.read_only_badge.setToolTip(reason)
            self.read_only_badge.setText(" Read-only (copy) " if fact_base.reading_a_copy else " Read-only ")
        self.banner.setVisible(read_only)

    # -- reacting to changes -------------------------------------------------------------------

    # -- other writers --------------------------------------------------------------------------

    def _watch_for_other_writers(self) -> None:
        """Reviewers (and a second curator) see others' work: a server's change feed tells of each
        commit; for a file, the files the storage names are watched."""
        from kzeu_desk.ui.team_connection import OthersChanges

        self._watcher = QFileSystemWatcher(self)
        self._others = OthersChanges(self._refresh_if_others_wrote, self)
        path = self.session.fact_base.path
        if path is None:
            self._refresh_timer = QTimer(self, singleShot=True, interval=700)
            self._refresh_timer.timeout.connect(self._refresh_if_others_wrote_meanwhile)
            self._others_wrote_meanwhile = False
            self._known_operation = self._latest_operation()
            self.session.fact_base.watch_others(self._others.on_change)
            return
        self._watcher.addPath(str(path.parent))
        self._watch_files()
        self._refresh_timer = QTimer(self, singleShot=True, interval=700)  # a burst of commits, one refresh
        self._refresh_timer.timeout.connect(self._refresh_if_others_wrote)
        self._watcher.fileChanged.connect(lambda _path: self._look_for_others_writes())
        self._watcher.directoryChanged.connect(lambda _path: (self._watch_files(), self._look_for_others_writes()))
        self._known_operation = self._latest_operation()

    def _look_for_others_writes(self) -> None:
        """A watched file changed: unless it is as the window's own last commit left it (each of
        its commits changes the file), look for others' operations once the burst is over."""
        if self.session is not None and self.session.fact_base.others_may_have_written():
            self._refresh_timer.start()

    def _watch_files(self) -> None:
        wanted = [str(p) for p in self.session.fact_base.files_to_watch()]
        missing = [p for p in wanted if p not in self._watcher.files()]
        if missing:
            self._watcher.addPaths(missing)

    def _latest_operation(self) -> int:
        from kzeu_desk.core.queries import latest_operation_id

        if self.session.fact_base.reading_a_copy:
            return -1  # a private copy never changes; only the original can tell
        with self.session.fact_base.reading() as conn:
            return latest_operation_id(conn)

    def _refresh_if_others_wrote(self) -> None:
        if self.session is None:
            return
        here = self.session.fact_base
        if self.session.busy is not None:
            # A writing operation runs: its own Changes refresh the panes, and others are looked for after.
            self._others_wrote_meanwhile = here.path is None
            return
        if here.path is None:
            # A server's change feed names only others' operations (FactBase.watch_others), so no
            # read is needed to tell: asking for the latest operation first cost two read
            # transactions on the GUI thread (4 waits for the server) before any pane began to read.
            self._others_wrote_meanwhile = False
            self.refresh_all()
            return
        if not here.reading_a_copy and not here.others_may_have_written():
            return  # the window's own commit (the file event may come before the commit's state was noted)
        if here.reading_a_copy or self._latest_operation() != self._known_operation:
            self.refresh_all()

    def _refresh_if_others_wrote_meanwhile(self) -> None:
        """A writing operation ended: what the server's feed told of while it ran is shown now."""
        if self._others_wrote_meanwhile:
            self._refresh_if_others_wrote()

    def refresh_all(self) -> None:
        """Read everything again from the file: what others wrote since appears in every pane.

        What reads off the GUI thread (the sources list, the facts table's count, the totals) starts
        now; the panes that read on the GUI thread do so one a turn of the event loop, each on a later
        turn (`on_a_later_turn`). All in one turn, after a restore at 1M facts (SQLite's cache of the
        new file cold), they were the restore's longest gap: 95 ms, 79 ms of it the GUI thread's CPU,
        on an idle machine; a repair's end ran them in the turn that adopted its changes."""
        self._commit_pending_edit()
        self.session.fact_base.refresh_copy()
        if self.session.fact_base.path is not None:  # a server's feed needs no count of operations
            self._known_operation = self._latest_operation()
        self.sources_pane.reload(in_background=True)
        self.fact_table.model.refresh()
        self._show_identity()
        self.totals.recount()
        here = self.session.fact_base
        self.statusBar().showMessage("Up to date with the fact base file." if here.path is not None
                                     else f"Showing the latest changes to {here.name}.", 5_000)
        first = self._refresh_steps is None or not self._refresh_steps
        self._refresh_steps = [self._refresh_shown_source, self.fact_editor.reload, self.conflicts_panel.reload,
                               self.history_pane.model.reload, self.whole_base_views.reload]
        if first:
            on_a_later_turn(self, self._next_refresh_step)

    @property
    def refresh_pending(self) -> bool:
        """Whether panes are still to be read again for the last refresh (`refresh_all`)."""
        return bool(self._refresh_steps)

    def _refresh_shown_source(self) -> None:
        """The source being read, as the file has it now: its details and highlights, its text only if
        it changed (another program's revision, a restore), its revisions only if they changed."""
        chosen = self.sources_pane.current_source_id()
        if chosen is not None:
            self.source_pane.refresh_in_background()
            self.revision_view.show_source_id(chosen)

    def _next_refresh_step(self) -> None:
        if not self._refresh_steps:
            return
        if self.session is None or self.session.closed:
            self._refresh_steps = []
            return
        step = self._refresh_steps.pop(0)
        step()
        if self._refresh_steps:
            on_a_later_turn(self, self._next_refresh_step)

    def _on_changes(self, changes: Changes) -> None:
        from kzeu_desk.core.changes import OperationKind

        if changes.operation_id is not None:
            self._known_operation = max(self._known_operation, changes.operation_id)
        if self.session.selected_fact is not None and self.session.selected_fact in changes.deleted.get("fact", set()):
            self.session.select_fact(None)
        new_facts = changes.inserted.get("fact", set())
        if len(new_facts) == 1 and changes.kind is OperationKind.ACTION:
            self.session.select_fact(next(iter(new_facts)))
        self.saved_label.setText("All changes saved")
        self._update_actions()

    def _name_undo(self, text: str) -> None:
        self.actionUndo.setText(f"&Undo {text}" if text else "&Undo")

    def _name_redo(self, text: str) -> None:
        self.actionRedo.setText(f"&Redo {text}" if text else "&Redo")

    def _update_actions(self, *_signal_args) -> None:
        if self.session is None:
            return
        writable = not self.session.read_only
        has_fact = self.session.selected_fact is not None
        has_source = self.sources_pane.current_source_id() is not None
        enabled = {
            self.actionImport: writable,
            self.actionImportFromWeb: writable,
            self.actionOpenOriginal: self.source_pane.source_id is not None,
            self.actionImportRevision: writable,
            self.actionUndo: writable and self.session.undo_stack.canUndo(),
            self.actionRedo: writable and self.session.undo_stack.canRedo(),
            # Enabled without a selection too, so Ctrl+N can say what it needs instead of doing nothing.
            self.actionNewFactFromSelection: writable,
            self.actionAddEvidence: writable and has_fact,
            self.actionDeleteFact: writable and has_fact,
            self.actionLinkFacts: writable and has_fact,
            self.actionFlagFact: writable and has_fact,
            self.actionRescanConflicts: writable,
            self.actionRestoreBackup: writable,
            self.actionBackUpNow: writable,  # a backup writes beside the file: not for reviewers
            self.actionEditSource: has_source,  # read-only: the details are shown, not edited
            self.actionDeleteSource: writable and has_source,
        }
        busy = self.session.busy is not None  # a writing operation runs off the GUI thread
        for action in self.actions():
            action.setEnabled(enabled.get(action, True) and not (busy and action.property("mutates")))

    def _on_busy_changed(self, label: str | None) -> None:
        self._update_actions()
        if label is None and self.session is not None:
            self._refresh_timer.start()  # what others wrote meanwhile

    def _hint(self, message: str) -> None:
        """Say what an action needs, in the status bar and beside the pointer: a hint, not a warning."""
        from PySide6.QtGui import QCursor
        from PySide6.QtWidgets import QToolTip

        self.statusBar().showMessage(message, 8_000)
        if self.isActiveWindow():
            QToolTip.showText(QCursor.pos(), message, self)

    def _say(self, message: str) -> None:
        """Tell the user why an action did not happen, without blocking the event loop."""
        self.statusBar().showMessage(message, 10_000)
        box = QMessageBox(QMessageBox.Icon.Warning, "kzeu_desk", message, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("userMessage")
        box.open()

    # -- fact actions --------------------------------------------------------------------------

    def new_fact_from_selection(self) -> None:
        span = self.source_pane.view.selected_span()
        source_id = self.source_pane.source_id
        if self.session.read_only:
            return
        if span is None or source_id is None:
            self._hint("Select some text in a source first, then press Ctrl+N to make a fact from it.")
            return
        changes = self.session.perform(lambda fb: fb.create_fact_from_selection(source_id, *span))
        if changes is not None:
            self.fact_editor.focus_subject()
            if note := self.session.fact_base.suggestion_for_span(source_id, *span).note:
                self.statusBar().showMessage(note, 20_000)  # e.g. "last year" in a source with no date

    def add_selection_as_evidence(self) -> None:
        span = self.source_pane.view.selected_span()
        fact_id, source_id = self.session.selected_fact, self.source_pane.source_id
        if fact_id is None or self.session.read_only:
            return
        if span is None or source_id is None:
            self._hint("Select the text to add in a source first, then press Ctrl+Shift+N.")
            return
        self.session.perform(lambda fb: fb.add_evidence(fact_id, source_id, *span))

    def delete_current_fact(self) -> None:
        fact_id = self.session.selected_fact
        if fact_id is None or self.session.read_only:
            return
        if self.session.perform(lambda fb: fb.delete_fact(fact_id)) is not None:
            self.statusBar().showMessage(f"Deleted fact {fact_id} — Ctrl+Z to undo.", 10_000)

    def link_current_fact(self) -> None:
        from kzeu_desk.ui.link_dialog import LinkDialog

        fact_id = self.session.selected_fact
        if fact_id is None or self.session.read_only:
            return
        dialog = LinkDialog(self.session, fact_id, self)
        if dialog.exec():
            target, kind = dialog.chosen()
            self.session.perform(lambda fb: fb.link_facts(fact_id, target, kind))

    # -- sources and vocabulary (ui/source_details_dialog.py, ui/vocabulary_manager.py) ---------

    def edit_source_details(self) -> None:
        from kzeu_desk.ui.source_details_dialog import SourceDetailsDialog

        source_id = self.sources_pane.current_source_id()
        if source_id is not None:
            SourceDetailsDialog(self.session, source_id, self).exec()

    def delete_current_source(self) -> None:
        from kzeu_desk.ui.source_details_dialog import confirm_source_deletion

        source_id = self.sources_pane.current_source_id()
        if source_id is not None:
            confirm_source_deletion(self.session, source_id, self)

    def manage_vocabulary(self) -> None:
        from kzeu_desk.ui.vocabulary_manager import open_vocabulary_manager

        self.vocabulary_manager = open_vocabulary_manager(self.session, self)

    # -- maintenance ----------------------------------------------------------------------------

    def back_up_now(self) -> None:
        from kzeu_desk.ui.maintenance import back_up_now

        self._last_op = back_up_now(self, self.session, self.statusBar().showMessage)

    def restore_backup(self) -> None:
        from kzeu_desk.ui.maintenance import RestoreDialog, restore

        dialog = RestoreDialog(self.session, self)
        if not dialog.exec() or dialog.chosen() is None:
            return

        def restored() -> None:
            # Undo steps describe the replaced state; they can no longer be replayed.
            self.session.undo_stack.clear()
            self.refresh_all()
            self.statusBar().showMessage("Backup restored; the replaced state was kept as a backup.", 8_000)

        self._last_op = restore(self, self.session, dialog.chosen(), restored, self.statusBar().showMessage)

    def check_fact_base(self) -> None:
        from kzeu_desk.ui.maintenance import CheckDialog

        dialog = CheckDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.repaired.connect(self.refresh_all)
        self.check_dialog = dialog
        dialog.open()

    def _step_conflict(self, direction: int) -> None:
        dock = self.findChild(QDockWidget, "conflictsDock")
        dock.show()
        dock.raise_()
        if direction > 0:
            self.conflicts_panel.next_conflict()
        else:
            self.conflicts_panel.previous_conflict()
        self.conflicts_panel.focus_rationale()

    def flag_current_fact(self) -> None:
        fact_id = self.session.selected_fact
        if fact_id is None or self.session.read_only:
            return
        reason, ok = QInputDialog.getText(self, "Flag fact for review", "Why should this fact be checked?")
        if ok and reason.strip():
            self.session.perform(lambda fb: fb.flag_facts([fact_id], reason))

    def rescan_conflicts(self) -> None:
        """The full verification (edits are checked as they are made), off the GUI thread."""
        from kzeu_desk.ui.maintenance import rescan_conflicts

        self._last_op = rescan_conflicts(self, self.session, self.statusBar().showMessage)

    def _open_source(self, source_id: int) -> None:
        if self.source_pane.source_id != source_id:
            self.sources_pane.choose(source_id)  # the list announces the choice: the reader shows it
            if self.source_pane.source_id != source_id:  # not in the list as filtered: shown all the same
                self.source_pane.show_source_id(source_id)

    def reveal_evidence(self, source_id: int, start: int, end: int) -> None:
        self._open_source(source_id)
        self.source_pane.view.mark_evidence(start, end)

    def select_in_text(self, source_id: int, start: int, end: int) -> None:
        """Open the source with a span selected (a candidate's figure): Ctrl+N then makes a fact of it,
        which an evidence mark deliberately does not allow."""
        self._open_source(source_id)
        self.source_pane.view.reveal_span(start, end)

    def _undo(self) -> None:
        self._commit_pending_edit()
        self.session.undo_stack.undo()

    def _redo(self) -> None:
        self._commit_pending_edit()
        self.session.undo_stack.redo()

    def _commit_pending_edit(self) -> None:
        """A half-typed field is committed first, so Ctrl+Z undoes it rather than what came before."""
        self.fact_editor.commit_pending_edit()

    def _raise_and_focus(self, dock_name: str, widget: QWidget) -> None:
        self.findChild(QDockWidget, dock_name).raise_()
        widget.setFocus()

    def _focus_fact_filter(self) -> None:
        self.findChild(QDockWidget, "factsDock").raise_()
        self.fact_table.filter_box.setFocus()
        self.fact_table.filter_box.selectAll()

    # -- files ---------------------------------------------------------------------------------

    def import_documents_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import documents", self._folder_for("documents"),
                                                _DOCUMENT_FILTER)
        if files:
            remember_folder("documents", files[0])
            self.import_files([Path(f) for f in files])

    def import_files(self, files: list[Path | str]):
        """Import files and web addresses (strings) off the GUI thread, then show the import report."""
        from kzeu_desk.ui.document_import import DocumentImport

        if self.session is None or self.session.read_only or not files:
            return None
        job = DocumentImport(self.session, files, self)
        job.done.connect(lambda ids: ids and self.sources_pane.choose(ids[-1]))
        job.revision_imported.connect(self._revision_imported)
        job.report_shown.connect(self._wire_import_report)
        job.start()
        return job

    def import_web_address_dialog(self) -> None:
        from kzeu_desk.ui.web_import import ask_for_web_address

        address = ask_for_web_address(self)
        if address:
            self._web_import_job = self.import_files([address])

    def _wire_import_report(self, report) -> None:
        self.last_import_report = report
        report.show_source.connect(self.sources_pane.choose)
        edit = self.findChild(QAction, "actionEditSource")
        if edit is not None:
            report.correct_details.connect(lambda source_id: (self.sources_pane.choose(source_id), edit.trigger()))

    def open_original(self) -> None:
        """The current source's original file, at the page of the selected text (or the caret)."""
        from kzeu_desk.ui.original_view import show_original

        source_id = self.source_pane.source_id
        if source_id is None:
            return
        view = self.source_pane.view
        span = view.selected_span()
        start, end = span if span is not None else (view.caret_position(), view.caret_position() + 1)
        pages = self.source_pane.page_gutter.pages
        page = pages.page_at(start) if pages is not None else 1
        quote = view.source_text[start:end] if span is not None else None
        self._original_view = show_original(self.session, source_id, page=page, quote=quote, parent=self)
        if self._original_view is None:
            self._say("This source was imported before kzeu_desk kept original files, so there is no original "
                      "to show.")

    def import_revision_dialog(self) -> None:
        from kzeu_desk.ui.revision_view import start_revision_import

        path, _ = QFileDialog.getOpenFileName(self, "Import new revision of a source", self._folder_for("documents"),
                                              _DOCUMENT_FILTER)
        if not path:
            return
        remember_folder("documents", path)
        job = start_revision_import(self.session, Path(path), self,
                                    current_source_id=self.sources_pane.current_source_id())
        if job is not None:
            job.done.connect(self._revision_imported)
        self._revision_job = job

    def _revision_imported(self, changes) -> None:
        if changes is None:
            return
        for source_id in changes.updated.get("source", ()):
            self.sources_pane.choose(source_id)
        self.orphan_queue.after_reading(lambda: self.orphan_queue.model.rowCount() and self._show_evidence_queue())

    def _review_evidence(self, evidence_id: int) -> None:
        self._show_evidence_queue()
        self.orphan_queue.choose_evidence(evidence_id)

    def _show_evidence_queue(self) -> None:
        dock = self.findChild(QDockWidget, "orphanQueueDock")
        dock.show()
        dock.raise_()

    def export_dialog(self) -> None:
        from kzeu_desk.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.session, self)
        dialog.export_finished.connect(
            lambda result: result is not None and self.statusBar().showMessage(result.summary, 10_000))
        dialog.exec()

    def load_json_lines_dialog(self) -> None:
        from kzeu_desk.ui.bulk_load import JSONL_FILTER, load_file

        if self.session is None or self.session.read_only:
            return
        chosen, _ = QFileDialog.getOpenFileName(self, "Load JSON Lines", self._folder_for("documents"), JSONL_FILTER)
        if chosen:
            self._last_op = load_file(self, self.session, Path(chosen), self.statusBar().showMessage)

    def export_reviewer_copy(self) -> None:
        suggested = self.session.fact_base.folder / f"{self.session.fact_base.file_stem}-review.sqlite"
        target, _ = QFileDialog.getSaveFileName(self, "Export reviewer copy", str(suggested), _FACT_BASE_FILTER)
        if not target:
            return
        from kzeu_desk.ui.maintenance import write_reviewer_copy

        self._last_op = write_reviewer_copy(self, self.session, Path(target), self.statusBar().showMessage)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.session is not None and not self.session.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        # Files from a file manager, and links dragged from a browser (fetched like File > Import from web).
        items: list[Path | str] = []
        for url in event.mimeData().urls():
            if url.isLocalFile():
                items.append(Path(url.toLocalFile()))
            elif url.scheme() in ("http", "https"):
                items.append(url.toString())
        if items and self.session is not None and not self.session.read_only:
            event.acceptProposedAction()
            self.import_files(items)

    def connect_server_dialog(self) -> None:
        from kzeu_desk.ui.team_connection import ConnectServerDialog

        dialog = ConnectServerDialog(self)
        if dialog.exec():
            self.open_in_new_window(dialog.address(), read_only=False)

    def _open_dialog(self, read_only: bool = False) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open fact base read-only" if read_only else "Open fact base",
                                              self._folder_for("factBases"), _FACT_BASE_FILTER)
        if path:
            remember_folder("factBases", path)
            self.open_in_new_window(Path(path), read_only=read_only)

    def _folder_for(self, purpose: str) -> str:
        """Where a file dialog starts: the folder last used for this purpose, else the fact base's own."""
        here = self.session.fact_base.folder if self.session is not None else Path.home()
        return last_folder(purpose, str(here))

    def new_fact_base_dialog(self) -> None:
        from kzeu_desk.ui.new_fact_base import NewFactBaseDialog

        dialog = NewFactBaseDialog(self._folder_for("factBases"), self)
        if dialog.exec() and dialog.created_path is not None:
            remember_folder("factBases", str(dialog.created_path))
            self.open_in_new_window(dialog.created_path, read_only=False)

    def open_in_new_window(self, path: Path | str, *, read_only: bool) -> None:
        from kzeu_desk.ui.app import open_window

        here = self.session.fact_base if self.session is not None else None
        if here is not None and not read_only and (
                path == here.location_text if isinstance(path, str)
                else here.path is not None and Path(path).resolve() == here.path.resolve()):
            self.statusBar().showMessage(f"{here.name} is the fact base open in this window.", 8_000)
            self.activateWindow()
            return
        open_window(path, read_only=read_only, parent_for_errors=self)

    # -- help ----------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        from kzeu_desk.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    def _about(self) -> None:
        QMessageBox.about(self, "About kzeu_desk",
                          f"kzeu_desk {__version__}\nA workbench for a sourced fact base on Kazakhstan–EU relations.")

    # -- window state --------------------------------------------------------------------------

    def _go_back_to_where_the_curator_was(self) -> None:
        """The source open when this fact base's window last closed, at the same first visible
        character, its candidate current (ui/reading_place.py); else the first source, from the top.
        The source is chosen as the first one was before (its text laid out once); the reading
        position is set once the panes have their sizes, so it is not measured in a text about to
        be wrapped again."""
        sources = self.sources_pane
        place = reading_place.load(self.session.fact_base.location_text)
        if place is not None and sources.model.contains(place.source_id):
            self._place_to_restore = place
            if place.candidate is not None:
                self.candidates_pane.restore_current(place.source_id, place.candidate)
            sources.choose(place.source_id)
            if place.position > 0:
                self.layout_keeper.after_layout(lambda: on_a_later_turn(self, self._restore_reading_position))
            else:
                self._place_to_restore = None
            return
        self._place_to_restore = None
        if sources.model.rowCount() and sources.current_source_id() is None:
            sources.view.selectRow(0)

    def _restore_reading_position(self) -> None:
        place, self._place_to_restore = self._place_to_restore, None
        if place is None or self.session is None or self.session.closed:
            return
        if self.source_pane.source_id == place.source_id:
            # False when the text is shorter now (a revision): the reader stays at the top.
            self.source_pane.view.scroll_to_position(place.position)

    def current_reading_place(self) -> reading_place.ReadingPlace | None:
        """Where the curator is now: the shown source, its first visible character, the current candidate."""
        if self._place_to_restore is not None:  # closed before the place was restored: keep it as it was
            return self._place_to_restore
        source_id = self.source_pane.source_id
        if source_id is None:
            return None
        candidate = (self.candidates_pane.remembered_current()
                     if self.candidates_pane.source_id == source_id else None)
        return reading_place.ReadingPlace(source_id, self.source_pane.view.first_visible_position(), candidate)

    def _remember_new_source(self, source_id: int | None) -> None:
        """Another source chosen: it is shown from the top, so that is where the curator now is (a
        crash before quitting brings back this source rather than the one left)."""
        if self.session is None or self.session.closed:
            return
        self._place_to_restore = None
        reading_place.save(self.session.fact_base.location_text,
                           reading_place.ReadingPlace(source_id) if source_id is not None else None)

    def _save_reading_place(self) -> None:
        if self.session is not None and not self.session.closed:
            reading_place.save(self.session.fact_base.location_text, self.current_reading_place())

    def _save_place_and_panes(self) -> None:
        """Where the curator paused: the reading place, and the panes and columns as arranged."""
        if self.session is not None and not self.session.closed:
            self._save_reading_place()
            self.layout_keeper.save(panes=True)

    def reset_layout(self) -> None:
        self.layout_keeper.reset()
        self.statusBar().showMessage("Panes and columns are back in their first-launch places.", 5_000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None:
            self._place_saver.stop()
            # Read from the widgets as shown (no read of the fact base), before any pane stops.
            self._save_reading_place()
            self._commit_pending_edit()
            if getattr(self, "_revision_job", None) is not None:
                self._revision_job.wait()
            self.whole_base_views.stop()
            self.fact_editor.stop_background_reads()
            self.sources_pane.model.stop()
            self.source_pane.stop()
            self.orphan_queue.stop()
            self.totals.stop()
            self.fact_table.stop_background_reads()
            self.session.wait_for_operations()
        self.layout_keeper.save(panes=self.session is not None)
        super().closeEvent(event)
        if self.session is not None and event.isAccepted():
            # A closed window stops watching: its file may be moved or deleted from now on.
            self._watcher.blockSignals(True)
            self._refresh_timer.stop()
            self.candidates_pane.stop()
            # Let pending deferred calls run before the connection pool goes away.
            self.session.closed = True
            QTimer.singleShot(0, self.session.fact_base.close)
            if self.instance_lock is not None:
                QTimer.singleShot(0, self.instance_lock.release)
