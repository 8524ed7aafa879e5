"""The fact editor's entity names and aliases, read without freezing the window.

Showing a fact needs only the names of the entities it mentions: those are read by id, a few
primary-key lookups. Completion and turning typed text into an entity need every alias (52k at
1M facts; the read and the `EntityDirectory` built from it held the GUI thread for seconds when
Evidence to check selected a fact after a revision import). That directory is read off the GUI
thread a moment after a fact is shown, so it is ready by the time a curator types; typing faster
than that reads it on the spot, as before. The moment matters: a worker building 52k rows in
Python competes with the GUI thread for the interpreter lock, and right after a fact is shown the
GUI thread is busiest (the reader, the table, the editor), so the read waits for a quiet second.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from sqlalchemy import Connection

from kzeu_desk.core import queries
from kzeu_desk.core.entity_directory import EntityDirectory
from kzeu_desk.ui.background import BackgroundReader
from kzeu_desk.ui.entity_field import AliasListModel
from kzeu_desk.ui.session import Session

_CHANNEL = "entity-directory"
QUIET_BEFORE_READING_MS = 1000


class EntityLookup(QObject):
    """Entity names for showing facts, and the whole directory for typing, kept current through
    `invalidate()` (entities or aliases changed)."""

    def __init__(self, session: Session, model: AliasListModel, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._model = model
        self._reader = BackgroundReader(session.fact_base.reading, self)
        self._directory: EntityDirectory | None = None
        self._names: dict[int, str] = {}  # read one by one until the directory is here
        self._requested = False
        self._quiet = QTimer(self, singleShot=True, interval=QUIET_BEFORE_READING_MS)
        self._quiet.timeout.connect(self._request)

    @property
    def loaded(self) -> bool:
        return self._directory is not None

    def name(self, entity_id: int) -> str:
        """The entity's name; reads only that entity until the whole directory has been read."""
        if self._directory is not None:
            return self._directory.name(entity_id)
        if entity_id not in self._names:
            with self._session.fact_base.reading() as conn:
                self._names.update(queries.entity_names_by_id(conn, [entity_id]))
        self.load_in_background()
        return self._names.get(entity_id, f"entity #{entity_id}")

    def directory(self) -> EntityDirectory:
        """Every name and alias, for typed text; read here and now if the background read is not done."""
        if self._directory is None:
            self._quiet.stop()
            self._reader.cancel(_CHANNEL)
            with self._session.fact_base.reading() as conn:
                self._adopt(_read_directory(conn))
        assert self._directory is not None
        return self._directory

    def load_in_background(self) -> None:
        """Read the directory off the GUI thread once nothing has asked for a second (each call
        starts the second again), unless it is read or being read."""
        if self._directory is None and not self._requested:
            self._quiet.start()

    def _request(self) -> None:
        if self._directory is not None or self._requested:
            return
        self._requested = True
        self._reader.request(_CHANNEL, lambda conn, _report: _read_directory(conn), self._adopt)

    def invalidate(self) -> None:
        """Entities or aliases changed: names are read again, the directory in the background."""
        self._reader.cancel(_CHANNEL)
        was_read = self._directory is not None or self._requested or self._quiet.isActive()
        self._directory = None
        self._names.clear()
        self._requested = False
        if was_read:
            self.load_in_background()

    def wait(self) -> None:
        """Block until a background read is done (tests; closing the editor)."""
        self._reader.wait()

    def stop(self) -> None:
        self._quiet.stop()
        self._reader.stop()

    def _adopt(self, directory: EntityDirectory) -> None:
        self._requested = False
        self._directory = directory
        self._names.clear()
        self._model.set_rows(directory.alias_rows)


def _read_directory(conn: Connection) -> EntityDirectory:
    return EntityDirectory(queries.entity_names(conn))
