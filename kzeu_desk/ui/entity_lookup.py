"""The fact editor's entity names and aliases, read without freezing the window.

Showing a fact needs only the names of the entities it mentions: those are read by id, a few
primary-key lookups. Completion and turning typed text into an entity need every alias (52k at
1M facts; the read and the `EntityDirectory` built from it held the GUI thread for seconds when
Evidence to check selected a fact after a revision import). That directory is read off the GUI
thread a moment after a fact is shown, so it is ready by the time a curator types; typing faster
than that reads it on the spot, as before. The moment matters: a worker building 52k rows in
Python competes with the GUI thread for the interpreter lock, and right after a fact is shown the
GUI thread is busiest (the reader, the table, the editor), so the read waits for a quiet second.

Only the read runs on a thread (rows as the driver makes them). A large directory is then built in
the worker process (`operations.compute_in_another_process`): built on the thread, its ~0.2 s of
Python at 1M facts held the interpreter lock whenever the OS paused the thread, and the GUI thread
waited for it (a 0.27 s gap after a revision import, 24 ms of it the GUI thread's own work).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from sqlalchemy import Connection

from kzeu_desk.core import queries
from kzeu_desk.core.entity_directory import EntityDirectory, directory_of
from kzeu_desk.ui.background import BackgroundReader
from kzeu_desk.ui.entity_field import AliasListModel
from kzeu_desk.ui.operations import compute_in_another_process
from kzeu_desk.ui.session import Session

_CHANNEL = "entity-directory"
QUIET_BEFORE_READING_MS = 1000
# Up to this many aliases the directory is built on the reading thread (~15 ms of Python); more
# are built in the worker process. 52k at 1M facts, ~5k at 100k.
BUILD_ON_THE_THREAD_UP_TO = 3_000


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
        self._generation = 0  # of the directory asked for; a build for an older one is dropped
        self._building = False  # in the worker process
        self._quiet = QTimer(self, singleShot=True, interval=QUIET_BEFORE_READING_MS)
        self._quiet.timeout.connect(self._request)

    @property
    def loaded(self) -> bool:
        return self._directory is not None

    @property
    def reading(self) -> bool:
        """Whether the directory is being read or built off the GUI thread."""
        return self._reader.pending(_CHANNEL) or self._building

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
            self._generation += 1
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
        self._generation += 1
        generation = self._generation
        self._reader.request(_CHANNEL, lambda conn, _report: _read_rows_or_directory(conn),
                             lambda read: self._read(generation, read))

    def _read(self, generation: int, read: EntityDirectory | list[tuple[str, int, str]]) -> None:
        if generation != self._generation:
            return
        if isinstance(read, EntityDirectory):
            self._adopt(read)
            return
        self._building = True

        def built(directory: EntityDirectory) -> None:
            if generation == self._generation:
                self._building = False
                self._adopt(directory)

        compute_in_another_process(self, directory_of, (read,), built)

    def invalidate(self) -> None:
        """Entities or aliases changed: names are read again, the directory in the background."""
        self._reader.cancel(_CHANNEL)
        self._generation += 1
        self._building = False
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
        self._building = False
        self._directory = directory
        self._names.clear()
        self._model.set_rows(directory.alias_rows)


def _read_directory(conn: Connection) -> EntityDirectory:
    return directory_of(queries.entity_name_rows(conn))


def _read_rows_or_directory(conn: Connection) -> EntityDirectory | list[tuple[str, int, str]]:
    """On the reading thread: a small directory built, a large one's rows (for the worker process)."""
    rows = queries.entity_name_rows(conn)
    return directory_of(rows) if len(rows) <= BUILD_ON_THE_THREAD_UP_TO else rows
