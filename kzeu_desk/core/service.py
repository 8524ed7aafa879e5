"""The one way data changes: each user action is one transaction with its audit events,
returning the `Changes` it made.

Reads for list views live in `queries`; this module only writes.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError, OperationalError

from kzeu_desk.core import conflicts, entities, properties, revisions, search_documents, source_details, storage
from kzeu_desk.core import qualifiers as qualifier_steps
from kzeu_desk.core import steps
from kzeu_desk.core.bulk import BulkWriter
from kzeu_desk.core.changes import Changes, OperationKind
from kzeu_desk.core.errors import FactBaseLocked, InvalidEdit, ReadOnlyFactBase, StaleEdit, UserError
from kzeu_desk.core.locations import Location, as_text, location_from_text, without_password
from kzeu_desk.core.models import AnchorState, ConflictStatus, FactRank, FactStatus, LinkKind
from kzeu_desk.core.properties import PropertyDraft
from kzeu_desk.core.property_info import property_info, value_for_property
from kzeu_desk.core.progress import Progress
from kzeu_desk.core.documents.common import ReadDocument
from kzeu_desk.core.steps import SourceMetadata
from kzeu_desk.core.recorder import Recorder, table
from kzeu_desk.core.text import quote_context, sha256_text
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_format import format_value
from kzeu_desk.core.vocabulary import STARTER_ENTITIES, STARTER_PROPERTIES

if TYPE_CHECKING:
    from kzeu_desk.core.reanchor import Placement
    from kzeu_desk.core.value_parsing import Suggestion

T = TypeVar("T")


@dataclass(frozen=True)
class BulkWording:
    """How a bulk operation's refusals read: `failed` starts the sentence ("The file could not be
    loaded"), `unchanged` ends it ("nothing was loaded")."""

    read_only: str
    failed: str
    unchanged: str


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers; any stable label will do
        return "curator"


# The watched files' (inode, size, modification time) each, None for one that is missing; None
# for a fact base that is no file.
_FilesState = tuple[tuple[int, int, int] | None, ...] | None


class FactBase:
    """An open fact base: the service operations and the storage they run on."""

    def __init__(self, location: Location, opened: storage.OpenedStorage, actor: str, engine: storage.StorageEngine):
        self.location = location
        # A file's path; None for a fact base on a database server (`location` is its URL).
        self.path: Path | None = location if isinstance(location, Path) else None
        self.name = engine.shown_name(location)  # how the user knows it: a file name, "facts on host"
        self.actor = actor
        self._storage_engine = engine
        self._own_operations: set[int] = set()  # committed here; a change feed reports only others'
        self._feeds: list[storage.ChangeFeed] = []
        self._files_after_own_commit: _FilesState = None  # see `others_may_have_written`
        self._attach(opened)

    def _attach(self, opened: storage.OpenedStorage) -> None:
        self._storage = opened
        self.engine = opened.engine
        self.read_only = opened.read_only
        self.read_only_reason = opened.read_only_reason
        self.backup_path = opened.backup_path

    def why_read_only(self, consequence: str) -> str:
        """One sentence: why this fact base is read-only, then `consequence` ("nothing can be changed")."""
        reason = self.read_only_reason or f"“{self.name}” was opened for review (read-only)."
        first_sentence = reason.split(". ")[0].rstrip(". ")  # the note about reading a copy is left out
        return f"{first_sentence}; {consequence}."

    @property
    def readable_file(self) -> Path | None:
        """The file this fact base's reads come from: the private copy when it is read through one;
        None for a fact base on a server."""
        return self._storage.snapshot_path or self.path

    @property
    def on_server(self) -> bool:
        """Whether the fact base lives on a database server that others share (not in a file)."""
        return self.path is None

    @property
    def location_text(self) -> str:
        """The location as it is remembered (Open recent) and passed on: a path, or a URL without any
        password in it."""
        return as_text(without_password(self.location))

    @property
    def folder(self) -> Path:
        """Where file dialogs about this fact base start: the file's folder; the home folder for a
        fact base on a server."""
        return self.path.parent if self.path is not None else Path.home()

    @property
    def file_stem(self) -> str:
        """A name for files made from this fact base (exports, copies): the file's stem, or the
        server database's name and host."""
        if self.path is not None:
            return self.path.stem
        return re.sub(r"[^\w.-]+", "-", self.name).strip("-") or "fact-base"

    @property
    def reading_a_copy(self) -> bool:
        return self._storage.snapshot_path is not None

    def refresh_copy(self) -> None:
        """Take a fresh private copy when the fact base is read through one (it can't be read in place)."""
        if self.reading_a_copy:
            reason = (self.read_only_reason or "").split(" Showing a copy")[0] or None
            self._storage_engine.close(self.location, self._storage)
            self._attach(self._storage_engine.open(self.location, read_only=True, read_only_reason=reason))

    @classmethod
    def open(cls, location: Location | str, *, read_only: bool = False, actor: str | None = None,
             read_only_reason: str | None = None, password: str | None = None) -> FactBase:
        """Open the fact base at a file path or a database URL (its storage engine says what is
        refused, and why it opens read-only); `read_only_reason` says why the caller asked for
        read-only (another window is editing it); `password` is one the user typed after
        `PasswordNeeded`, kept in memory only."""
        location = location_from_text(location)
        engine = storage.engine_for(location)
        opened = engine.open(location, read_only=read_only, read_only_reason=read_only_reason, password=password)
        fact_base = cls(location, opened, actor or engine.actor(opened) or default_actor(), engine)
        if not fact_base.read_only:
            fact_base._seed_vocabulary_once()
        return fact_base

    def close(self) -> None:
        for feed in self._feeds:
            feed.stop()
        self._feeds.clear()
        self._storage_engine.close(self.location, self._storage)

    def files_to_watch(self) -> list[Path]:
        """Files that change when another program commits to this fact base (watch them to refresh)."""
        return [path for path in self._storage_engine.watched_files(self.location) if path.exists()]

    def others_may_have_written(self) -> bool:
        """False when the watched files are exactly as this fact base's own last commit left them
        (size, modification time to the nanosecond, identity): what a file watcher saw was our own
        write, and nothing need be read to tell. True otherwise, also for a server (its change feed
        leaves out our own operations already). Each own commit costs two `stat` calls; a commit by
        another program in the microseconds between our commit and them would be taken for ours
        until the next change to the file."""
        state = self._files_state()
        return state is None or state != self._files_after_own_commit

    def _files_state(self) -> _FilesState:
        if self.path is None:
            return None
        state: list[tuple[int, int, int] | None] = []
        for path in self._storage_engine.watched_files(self.location):
            try:
                found = path.stat()
            except OSError:
                state.append(None)  # a watched file the engine names may not exist while nobody has the base open
            else:
                state.append((found.st_ino, found.st_size, found.st_mtime_ns))
        return tuple(state)

    def watch_others(self, on_change: Callable[[int | None], None]) -> bool:
        """Have `on_change(operation_id)` called (from another thread) when someone else commits an
        operation, `on_change(None)` when something may have been missed; False where the engine
        has no such feed (a file: watch `files_to_watch` instead)."""
        feed = self._storage_engine.change_feed(self.location, self._storage)
        if feed is None:
            return False

        def others_only(operation_id: int | None) -> None:
            if operation_id is None or operation_id not in self._own_operations:
                on_change(operation_id)

        feed.start(others_only)
        self._feeds.append(feed)
        return True

    def write_snapshot(self, target: Path, progress: Progress | None = None) -> None:
        """A consistent standalone copy of the fact base at `target` (a reviewer's copy), written
        atomically while others may be writing; one sentence (UserError) when it cannot be.
        Stopped through `progress`, it leaves `target` as it was (`Stopped`)."""
        if self.path is not None and target.exists() and target.resolve() == self.path.resolve():
            raise UserError("A snapshot cannot replace the fact base it is taken from; choose another file name.")
        try:
            self._storage_engine.snapshot_into(self.location, target, progress)
        except (storage.StorageFailure, OSError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise UserError(f"The snapshot could not be written: {reason}.") from None

    def __enter__(self) -> FactBase:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self._storage_engine.read_transaction(self.engine) as conn:
            yield conn

    # -- the transaction every operation runs in -----------------------------------------------

    @contextmanager
    def _operation(self, label: str, *, skip_if_unchanged: bool = False,
                   kind: OperationKind = OperationKind.ACTION) -> Iterator[Recorder]:
        if self.read_only:
            raise ReadOnlyFactBase(self.why_read_only("nothing can be changed"))
        try:
            with self._storage_engine.write_transaction(self.engine) as conn:
                recorder = Recorder(conn, label=label, actor=self.actor, kind=kind)
                yield recorder
                if skip_if_unchanged and recorder.changes.empty:
                    # An edit that changed nothing leaves no operation, so History and undo show real actions.
                    raise _NothingChanged
                self._after_writes(recorder)
                self._announce(conn, recorder.operation_id)
            self._files_after_own_commit = self._files_state()  # committed: as a watcher will find them
        except _NothingChanged:
            recorder.changes.operation_id = None
        except IntegrityError as error:
            raise InvalidEdit(f"That change would make the fact base inconsistent ({error.orig}).") from None
        except DBAPIError as error:
            if self._refused(error):
                raise self._refusal(error) from None
            if not isinstance(error, DatabaseError):
                raise
            # a damaged file: said in one sentence, pointing to check and backups
            described = self._storage_engine.describe_failure(error, self.location)
            # The engine's first line only: a server adds CONTEXT and DETAIL lines after its reason.
            reason = (str(error.orig).strip().splitlines() or [type(error.orig).__name__])[0].rstrip(".")
            raise (described or UserError(f"Your change could not be saved: {reason}.")) from None

    def _announce(self, conn: Connection, operation_id: int | None) -> None:
        """Tell other workspaces of the operation when it commits. It is marked as this workspace's
        own first: the feed's thread may hear of it before the commit returns here."""
        if operation_id is not None:
            self._own_operations.add(operation_id)
        self._storage_engine.announce(conn, operation_id)

    def _refused(self, error: DBAPIError) -> bool:
        """Whether the engine refused (busy, full, not permitted, ...) rather than the app erred."""
        return isinstance(error, OperationalError) or self._storage_engine.problem(error) is not storage.StorageProblem.OTHER

    def _refusal(self, error: DBAPIError) -> UserError:
        """The sentence for a user action the engine refused."""
        text = str(error.orig).strip()
        problem = self._storage_engine.problem(error)
        if problem is storage.StorageProblem.NOT_PERMITTED:
            return ReadOnlyFactBase(f"Your change was not saved: the server does not let your database role "
                                    f"“{self.actor}” change {self.name}; nothing already saved was lost.")
        if problem is storage.StorageProblem.UNREACHABLE:
            return UserError(f"Your change was not saved because the connection to {self.name} was lost; "
                             "try again once it is back (nothing already saved was lost).")
        if problem is storage.StorageProblem.BUSY:
            return FactBaseLocked("The fact base is busy in another program; your change was not saved. Try again.")
        if problem is storage.StorageProblem.DISK_FULL:
            return UserError("Your change was not saved because the disk is full; free some space and try "
                             "again (nothing already saved was lost).")
        if problem is storage.StorageProblem.NOT_WRITABLE:
            return UserError(f"Your change was not saved because the fact base file could not be written "
                             f"({text}); nothing already saved was lost.")
        return (self._storage_engine.describe_failure(error, self.location)
                or UserError(f"Your change could not be saved: {text}."))

    def _after_writes(self, recorder: Recorder) -> None:
        """Keep derived data in step inside the same transaction, then write the audit events.
        The reads come first: the last writes (search documents, audit rows) then need no answer,
        and a server gets them with the commit instead of waiting for each (two of an edit's
        ~20 waits for the server; docs/PERFORMANCE.md, "PostgreSQL")."""
        keys, facts = recorder.conflict_keys, recorder.facts_touched
        if recorder.reindex_every_fact:
            conflicts.recheck(recorder, keys, facts)
            search_documents.rebuild(recorder.conn)
            _ = recorder.operation_id  # its row written while answers can still be read
            self._storage_engine.only_writes_until_commit(recorder.conn)
        else:
            # The re-check writes only conflicts, so the search documents' reads travel with its
            # reads: one wait for a server where they were two.
            conflict_reads = conflicts.recheck_reads(keys, facts)
            touched = sorted(facts)
            answers = recorder.read_together(  # the operation's row too, if not written yet
                conflict_reads + search_documents.reads_of(self._storage_engine, touched))
            conflicts.recheck_answered(recorder, keys, facts, answers[:len(conflict_reads)])
            reindexed = search_documents.refresh_from(touched, answers[len(conflict_reads):])
            self._storage_engine.only_writes_until_commit(recorder.conn)
            search_documents.write(recorder.conn, reindexed)
        recorder.flush_audit()

    def bulk_operation(self, label: str, body: Callable[[BulkWriter], T], wording: BulkWording) -> tuple[T, Changes]:
        """Run `body` as one bulk operation: one write transaction tuned for millions of inserted
        rows, refused on a read-only fact base and mapped to one sentence on failure like any
        operation (in `wording`), with conflicts and the search index brought up to date before
        it commits. Recorded as one operation labelled `label`, created after the body's writes
        (so history a body brings reads before it), whose Changes count the inserted rows."""
        if self.read_only:
            raise ReadOnlyFactBase(wording.read_only)
        try:
            with (self._storage_engine.write_transaction(self.engine) as conn,
                  self._storage_engine.bulk_writing(conn)):
                writer = BulkWriter(conn)
                result = body(writer)
                recorder = Recorder(conn, label=label, actor=self.actor, kind=OperationKind.BULK)
                if writer.rescan_all_conflicts:
                    conflicts.rescan(recorder)
                else:
                    conflicts.recheck(recorder, writer.conflict_keys, writer.contradicting_facts)
                search_documents.index_new(conn, writer.facts_to_index)
                search_documents.refresh(conn, set(recorder.facts_touched).difference(writer.facts_to_index))
                recorder.flush_audit()
                self._announce(conn, recorder.operation_id)
        except IntegrityError as error:
            raise UserError(f"{wording.failed} ({error.orig}); {wording.unchanged}.") from None
        except DBAPIError as error:
            if not self._refused(error):
                raise
            reason = str(error.orig).strip()
            problem = self._storage_engine.problem(error)
            if problem is storage.StorageProblem.BUSY:
                raise FactBaseLocked(f"The fact base is busy in another program; {wording.unchanged}. Try again.") from None
            if problem is storage.StorageProblem.NOT_PERMITTED:
                raise ReadOnlyFactBase(f"{wording.failed}: your database role “{self.actor}” may not change "
                                       f"{self.name}; {wording.unchanged}.") from None
            raise UserError(f"{wording.failed}: {reason}; {wording.unchanged}.") from None
        recorder.changes.bulk_counts.update(writer.inserted)
        return result, recorder.changes

    def run(self, label: str, body: Callable[[Recorder], object]) -> Changes:
        """Run several service steps as one user action (one transaction, one undo step)."""
        with self._operation(label) as recorder:
            body(recorder)
        return recorder.changes

    # -- vocabulary ----------------------------------------------------------------------------

    def _seed_vocabulary_once(self) -> None:
        with self.reading() as conn:
            seeded = conn.execute(
                select(table("app_meta").c.value).where(table("app_meta").c.key == "vocabulary_seeded")
            ).scalar()
        if seeded:
            return
        with self._operation("Create starter vocabulary") as rec:
            ids: dict[str, int] = {}
            for seed in STARTER_PROPERTIES:
                ids[seed.key] = properties.insert_property(rec, PropertyDraft(
                    key=seed.key, name=seed.name, value_kind=seed.value_kind, description=seed.description,
                    single_valued=seed.single_valued, default_unit=seed.default_unit, tolerance=seed.tolerance,
                    wikidata_pid=seed.wikidata_pid))
            for seed in STARTER_PROPERTIES:
                if seed.separators:
                    properties.update_property(rec, ids[seed.key], replace(
                        properties.draft_of(rec.conn, ids[seed.key]), separators=tuple(ids[k] for k in seed.separators)))
            for entity in STARTER_ENTITIES:
                steps.insert_entity(rec, entity.name, entity.kind, entity.aliases, entity.external_id, entity.description)
            rec.set_meta("vocabulary_seeded", rec.at)

    def create_entity(
        self, name: str, *, kind: str = "other", aliases: Sequence[str] = (), external_id: str | None = None,
        description: str | None = None,
    ) -> Changes:
        with self._operation(f"New entity “{name.strip()}”") as rec:
            steps.insert_entity(rec, name, kind, aliases, external_id, description)
        return rec.changes

    def add_alias(self, entity_id: int, alias: str) -> Changes:
        with self._operation(f"Add alias “{' '.join(alias.split())}”") as rec:
            entities.add_alias(rec, entity_id, alias)
        return rec.changes

    def update_entity(self, entity_id: int, *, name: str | None = None, kind: str | None = None,
                      description: str | None = None, external_id: str | None = None,
                      **unknown: object) -> Changes:
        """Rename, re-kind, describe or link an entity to Wikidata: only the fields given change."""
        if unknown:
            raise InvalidEdit(f"An entity has no field {sorted(unknown)[0]!r}.")
        given = {name_: value for name_, value in (("name", name), ("kind", kind), ("description", description),
                                                   ("external_id", external_id)) if value is not None}
        with self.reading() as conn:
            old_name = conn.execute(select(table("entity").c.name).where(table("entity").c.id == entity_id)).scalar()
        new_name = " ".join((name or "").split())
        label = (f"Rename “{old_name}” to “{new_name}”" if name is not None and new_name != old_name
                 else f"Edit entity “{old_name}”")
        with self._operation(label, skip_if_unchanged=True) as rec:
            entities.update_entity(rec, entity_id, fields=frozenset(given), name=name, kind=kind,
                                   description=description, external_id=external_id)
        return rec.changes

    def remove_alias(self, alias_id: int) -> Changes:
        with self._operation("Remove alias") as rec:
            entities.delete_alias(rec, alias_id)
        return rec.changes

    def merge_entities(self, from_id: int, into_id: int) -> Changes:
        """Merge a duplicate entity into another: its facts move and their conflicts are re-checked."""
        names = self._names("entity", from_id, into_id)
        with self._operation(f"Merge “{names[0]}” into “{names[1]}”") as rec:
            entities.merge_entities(rec, from_id, into_id)
        return rec.changes

    def delete_entity(self, entity_id: int) -> Changes:
        (name,) = self._names("entity", entity_id)
        with self._operation(f"Delete entity “{name}”") as rec:
            entities.delete_entity(rec, entity_id)
        return rec.changes

    # -- properties ----------------------------------------------------------------------------

    def create_property(self, draft: PropertyDraft, *, assign_to: tuple[int, int] | None = None) -> Changes:
        """A new property; with `assign_to` (fact id, version read) it also becomes that fact's
        property, its value restated to fit when nothing is lost, in the same undoable action."""
        label = f"New property “{' '.join(draft.name.split())}”"
        with self._operation(label) as rec:
            property_id = properties.insert_property(rec, draft)
            if assign_to is not None:
                fact_id, version = assign_to
                fact = rec.require("fact", fact_id, "Fact")
                prop = property_info(rec.conn, property_id)
                assert prop is not None
                restated = value_for_property(TypedValue.from_columns(fact), prop)
                steps.update_fact(rec, fact_id, version, value=restated, property_id=property_id)
        return rec.changes

    def update_property(self, property_id: int, draft: PropertyDraft) -> Changes:
        (name,) = self._names("property", property_id)
        with self._operation(f"Edit property “{name}”", skip_if_unchanged=True) as rec:
            properties.update_property(rec, property_id, draft)
        return rec.changes

    def deprecate_property(self, property_id: int, deprecated: bool = True) -> Changes:
        """A deprecated property keeps its facts but is no longer offered for new ones."""
        (name,) = self._names("property", property_id)
        label = f"Deprecate property “{name}”" if deprecated else f"Restore property “{name}”"
        with self._operation(label, skip_if_unchanged=True) as rec:
            properties.set_deprecated(rec, property_id, deprecated)
        return rec.changes

    def merge_properties(self, from_id: int, into_id: int) -> Changes:
        """Move every fact and qualifier of one property to another (values restated to fit it) and
        delete the first; conflicts are re-checked."""
        names = self._names("property", from_id, into_id)
        with self._operation(f"Merge property “{names[0]}” into “{names[1]}”") as rec:
            properties.merge_properties(rec, from_id, into_id)
        return rec.changes

    def delete_property(self, property_id: int) -> Changes:
        (name,) = self._names("property", property_id)
        with self._operation(f"Delete property “{name}”") as rec:
            properties.delete_property(rec, property_id)
        return rec.changes

    def _names(self, table_name: str, *row_ids: int) -> list[str]:
        """Names of vocabulary rows for action labels; one sentence if one is gone."""
        t = table(table_name)
        with self.reading() as conn:
            found = dict(conn.execute(select(t.c.id, t.c.name).where(t.c.id.in_(row_ids))).all())
        for row_id in row_ids:
            if row_id not in found:
                raise StaleEdit(f"{table_name.capitalize()} {row_id} no longer exists; it may have been deleted "
                                "by someone else.")
        return [found[row_id] for row_id in row_ids]

    # -- qualifiers ----------------------------------------------------------------------------

    def add_qualifier(self, fact_id: int, property_id: int, value: TypedValue) -> Changes:
        label = self._qualifier_label("Add qualifier", property_id, value)
        with self._operation(label) as rec:
            qualifier_steps.insert_qualifier(rec, fact_id, property_id, value)
        return rec.changes

    def update_qualifier(self, qualifier_id: int, value: TypedValue, *, property_id: int | None = None) -> Changes:
        with self.reading() as conn:
            current = conn.execute(select(table("fact_qualifier").c.property_id)
                                   .where(table("fact_qualifier").c.id == qualifier_id)).scalar()
        label = self._qualifier_label("Set qualifier", property_id or current or 0, value)
        with self._operation(label, skip_if_unchanged=True) as rec:
            qualifier_steps.update_qualifier(rec, qualifier_id, value, property_id)
        return rec.changes

    def remove_qualifier(self, qualifier_id: int) -> Changes:
        with self.reading() as conn:
            found = qualifier_steps.qualifier_label(conn, qualifier_id)
        with self._operation(f"Remove qualifier {found}" if found else "Remove qualifier") as rec:
            qualifier_steps.delete_qualifier(rec, qualifier_id)
        return rec.changes

    def _qualifier_label(self, verb: str, property_id: int, value: TypedValue) -> str:
        with self.reading() as conn:
            name = conn.execute(select(table("property").c.name).where(table("property").c.id == property_id)).scalar()
            entity = (conn.execute(select(table("entity").c.name).where(table("entity").c.id == value.entity_id)).scalar()
                      if value.entity_id is not None else None)
        shown = qualifier_steps.shown_value(value, lambda _id: entity or f"entity #{_id}")
        return f"{verb} {name}: {shown}" if name else verb

    # -- sources -------------------------------------------------------------------------------

    def import_document(self, document: ReadDocument, metadata: SourceMetadata = SourceMetadata()) -> Changes:
        with self._operation(f"Import “{document.file_name}”") as rec:
            steps.insert_source(rec, document, metadata)
        return rec.changes

    def update_source(self, source_id: int, **details: str | None) -> Changes:
        """Change a source's details (title, publisher, author, url, published, language, note);
        only the details given change, an empty one is cleared."""
        with self.reading() as conn:
            title = conn.execute(select(table("source").c.title).where(table("source").c.id == source_id)).scalar()
        with self._operation(f"Edit details of “{title}”", skip_if_unchanged=True) as rec:
            source_details.update_source(rec, source_id, details)
        return rec.changes

    def delete_source(self, source_id: int, *, delete_unsupported_facts: bool = False) -> Changes:
        """Delete a source with its evidence and earlier texts; the facts only it supports are
        deleted too, or kept without evidence (`source_details.deletion_effects` says which first)."""
        with self.reading() as conn:
            title = source_details.deletion_effects(conn, source_id).title
        with self._operation(f"Delete source “{title}”") as rec:
            source_details.delete_source(rec, source_id, delete_unsupported_facts=delete_unsupported_facts)
        return rec.changes

    # -- facts ---------------------------------------------------------------------------------

    def create_fact(
        self, *, value: TypedValue, subject_id: int | None = None, property_id: int | None = None,
        status: FactStatus = FactStatus.DRAFT, rank: FactRank = FactRank.NORMAL, note: str | None = None,
        qualifiers: dict | None = None, evidence: Sequence[tuple[int, int, int]] = (), label: str = "New fact",
        qualifier_values: Sequence[tuple[int, TypedValue]] = (),
    ) -> Changes:
        """`evidence` holds (source_id, start, end) spans in code points; `qualifiers` the fact's
        point_in_time, start_time, end_time and scope_note; `qualifier_values` its (qualifier
        property id, value) pairs."""
        with self._operation(label) as rec:
            fact_id = steps.insert_fact(rec, value=value, subject_id=subject_id, property_id=property_id,
                                       status=status, rank=rank, note=note, qualifiers=qualifiers or {})
            for qualifier_property, qualifier_value in qualifier_values:
                qualifier_steps.insert_qualifier(rec, fact_id, qualifier_property, qualifier_value)
            for source_id, start, end in evidence:
                steps.insert_evidence(rec, fact_id, source_id, start, end)
        return rec.changes

    def suggestion_for_span(self, source_id: int, start: int, end: int) -> Suggestion:
        """The value Ctrl+N suggests for a span of a source, with the note shown beside it (when a
        relative date needs the source's publication date)."""
        with self.reading() as conn:
            source = conn.execute(
                select(table("source").c.text, table("source").c.published).where(table("source").c.id == source_id)
            ).first()
        if source is None:
            raise InvalidEdit("That source no longer exists.")
        steps.check_span(source.text, start, end)
        from kzeu_desk.core.value_parsing import sentence_around, sentence_before, suggest, text_before  # value parsing compiles ~290 patterns at import (0.1 s CPU): imported when first used, not at start-up (docs/PERFORMANCE.md §13)

        return suggest(source.text[start:end], published=source.published,
                       context=sentence_around(source.text, start, end),
                       before=sentence_before(source.text, start, end),
                       earlier=text_before(source.text, start, end))

    def create_fact_from_selection(self, source_id: int, start: int, end: int) -> Changes:
        """A draft fact whose value is suggested from the highlighted text, with that span as evidence."""
        value = self.suggestion_for_span(source_id, start, end).value
        return self.create_fact(value=value, evidence=[(source_id, start, end)], label="New fact from selection")

    def create_fact_from_candidate(self, source_id: int, evidence_start: int, evidence_end: int,
                                   value: TypedValue) -> Changes:
        """A draft fact stating a value the Candidates pane found, citing its sentence."""
        shown = format_value(value)
        return self.create_fact(value=value, evidence=[(source_id, evidence_start, evidence_end)],
                                label=f"New fact “{shown}”")

    def dismiss_candidate(self, source_id: int, start: int, end: int) -> Changes:
        """Remember that the figure at start..end is not a fact, for everyone sharing the fact base."""
        with self._operation("Dismiss candidate") as rec:
            steps.insert_dismissal(rec, source_id, start, end)
        return rec.changes

    def restore_candidate(self, dismissal_id: int) -> Changes:
        """Bring a dismissed candidate back into the list."""
        with self._operation("Restore candidate") as rec:
            steps.delete_dismissal(rec, dismissal_id)
        return rec.changes

    def update_fact(self, fact_id: int, expected_version: int, *, value: TypedValue | None = None,
                    label: str = "Edit fact", **fields: Any) -> Changes:
        """Change a fact's fields; refused (StaleEdit) if it changed since `expected_version` was read."""
        with self._operation(label, skip_if_unchanged=True) as rec:
            steps.update_fact(rec, fact_id, expected_version, value=value, **fields)
        return rec.changes

    def create_entity_and_assign(self, fact_id: int, expected_version: int, name: str, *,
                                 as_value: bool = False) -> Changes:
        """A new entity becomes the fact's subject (or its value) in one action."""
        role = "value" if as_value else "subject"
        with self._operation(f"New entity “{name.strip()}” as {role}") as rec:
            entity_id = steps.insert_entity(rec, name, "other", (), None, None)
            if as_value:
                steps.update_fact(rec, fact_id, expected_version, value=TypedValue(ValueKind.ENTITY, entity_id=entity_id))
            else:
                steps.update_fact(rec, fact_id, expected_version, subject_id=entity_id)
        return rec.changes

    def delete_fact(self, fact_id: int) -> Changes:
        with self._operation("Delete fact") as rec:
            steps.delete_fact(rec, fact_id)
        return rec.changes

    # -- evidence ------------------------------------------------------------------------------

    def add_evidence(self, fact_id: int, source_id: int, start: int, end: int) -> Changes:
        with self._operation("Add evidence") as rec:
            rec.require("fact", fact_id, "Fact")
            steps.insert_evidence(rec, fact_id, source_id, start, end)
        return rec.changes

    def remove_evidence(self, evidence_id: int) -> Changes:
        with self._operation("Remove evidence") as rec:
            rec.delete("evidence", evidence_id)
        return rec.changes

    # -- links ---------------------------------------------------------------------------------

    def link_facts(self, from_fact_id: int, to_fact_id: int, kind: LinkKind | str, note: str | None = None) -> Changes:
        kind = LinkKind(kind)
        if from_fact_id == to_fact_id:
            raise InvalidEdit("A fact cannot be linked to itself.")
        with self._operation(f"Link facts ({kind.value.replace('_', ' ')})") as rec:
            rec.require("fact", from_fact_id, "Fact")
            rec.require("fact", to_fact_id, "Fact")
            links = table("fact_link")
            exists = rec.conn.execute(select(func.count()).select_from(links).where(
                (links.c.from_fact_id == from_fact_id) & (links.c.to_fact_id == to_fact_id) & (links.c.kind == kind.value)
            )).scalar()
            if exists:
                raise InvalidEdit("These facts are already linked that way.")
            rec.insert("fact_link", {"from_fact_id": from_fact_id, "to_fact_id": to_fact_id, "kind": kind.value,
                                     "note": note, "created_at": rec.at, "created_by": rec.actor})
            # Both ends' conflict state may depend on a "contradicts" link.
            for fact_id in (from_fact_id, to_fact_id):
                rec.facts_touched.add(fact_id)
        return rec.changes

    def remove_link(self, link_id: int) -> Changes:
        with self._operation("Remove link") as rec:
            rec.delete("fact_link", link_id)
        return rec.changes

    # -- conflicts -----------------------------------------------------------------------------

    def rescan_conflicts(self, *, only_changed: bool = False, progress: Progress | None = None) -> Changes:
        """Check every fact against the others again: the full verification (for after a load or
        a change of the rules; ~0.17 s of CPU at 100k facts, ~2 s at 1M), or, with `only_changed`, only
        what changed since the last check, which finds the same in milliseconds (a few hundred
        changed facts: ~0.2 s at 1M) and is itself a full check when there was none yet
        (`conflicts.recheck_changed`). `progress` may stop it anywhere: nothing is then changed."""
        label = "Re-check conflicts of changed facts" if only_changed else "Re-check all conflicts"
        with self._operation(label) as rec:
            if only_changed:
                conflicts.recheck_changed(rec, progress)
            else:
                conflicts.rescan(rec, progress)
        return rec.changes

    def flag_facts(self, fact_ids: Sequence[int], reason: str) -> Changes:
        reason = reason.strip()
        if not reason:
            raise InvalidEdit("Say why you flag these facts, so the next curator knows what to check.")
        if not 1 <= len(set(fact_ids)) <= 2:
            raise InvalidEdit("Flag one fact or a pair of facts.")
        with self._operation("Flag for review") as rec:
            for fact_id in fact_ids:
                rec.require("fact", fact_id, "Fact")
            conflicts.flag(rec, tuple(fact_ids), reason)
        return rec.changes

    def prefer_fact(self, conflict_id: int, fact_id: int, rationale: str) -> Changes:
        """Settle a conflict for one fact: it becomes preferred, the other members deprecated (kept)."""
        with self._resolution(conflict_id, "prefer", rationale, f"Prefer fact {fact_id}") as (rec, members):
            self._require_member(fact_id, members)
            for member in members:
                rank = FactRank.PREFERRED if member == fact_id else FactRank.DEPRECATED
                rec.update("fact", member, {"rank": rank.value})
        return rec.changes

    def reject_fact(self, conflict_id: int, fact_id: int, rationale: str) -> Changes:
        with self._resolution(conflict_id, "reject", rationale, f"Reject fact {fact_id}") as (rec, members):
            self._require_member(fact_id, members)
            rec.update("fact", fact_id, {"status": FactStatus.REJECTED.value})
        return rec.changes

    def merge_facts(self, conflict_id: int, keep_fact_id: int, rationale: str) -> Changes:
        """Duplicates: evidence moves to the kept fact; the others are marked duplicate-of and deprecated."""
        with self._resolution(conflict_id, "merge", rationale, f"Merge into fact {keep_fact_id}") as (rec, members):
            self._require_member(keep_fact_id, members)
            self._merge_into(rec, keep_fact_id, [m for m in members if m != keep_fact_id])
        return rec.changes

    def merge_agreeing(self, keep_fact_id: int, other_fact_ids: Sequence[int]) -> Changes:
        """Merge facts that agree (corroboration) into one, outside any conflict."""
        with self._operation(f"Merge {len(other_fact_ids)} agreeing facts into fact {keep_fact_id}") as rec:
            rec.require("fact", keep_fact_id, "Fact")
            self._merge_into(rec, keep_fact_id, [f for f in other_fact_ids if f != keep_fact_id])
        return rec.changes

    def _merge_into(self, rec: Recorder, keep_fact_id: int, others: Sequence[int]) -> None:
        evidence, links = table("evidence"), table("fact_link")
        # Offsets only mean something with the revision they point into (orphans point into older ones).
        kept_spans = {(r.source_id, r.confirmed_revision, r.start, r.end) for r in rec.conn.execute(
            select(evidence.c.source_id, evidence.c.confirmed_revision, evidence.c.start, evidence.c.end)
            .where(evidence.c.fact_id == keep_fact_id))}
        for other in others:
            for row in rec.conn.execute(select(evidence).where(evidence.c.fact_id == other)).mappings().all():
                span = (row["source_id"], row["confirmed_revision"], row["start"], row["end"])
                if span in kept_spans:
                    rec.delete("evidence", row["id"])
                else:
                    rec.update("evidence", row["id"], {"fact_id": keep_fact_id})
                    kept_spans.add(span)
            rec.update("fact", other, {"rank": FactRank.DEPRECATED.value})
            already = rec.conn.execute(select(links.c.id).where(
                links.c.from_fact_id == other, links.c.to_fact_id == keep_fact_id,
                links.c.kind == LinkKind.DUPLICATE_OF.value)).scalar()
            if already is None:
                rec.insert("fact_link", {"from_fact_id": other, "to_fact_id": keep_fact_id,
                                         "kind": LinkKind.DUPLICATE_OF.value, "note": "merged",
                                         "created_at": rec.at, "created_by": rec.actor})

    def scope_facts(self, conflict_id: int, scopes: dict[int, dict], rationale: str) -> Changes:
        """Give members qualifiers so they describe different times (e.g. 2021 vs 2022)."""
        with self._resolution(conflict_id, "scope", rationale, "Scope facts") as (rec, members):
            for fact_id, qualifiers in scopes.items():
                self._require_member(fact_id, members)
                unknown = set(qualifiers) - {"point_in_time", "start_time", "end_time", "scope_note"}
                if unknown:
                    raise InvalidEdit(f"Unknown qualifier {sorted(unknown)[0]!r}.")
                rec.update("fact", fact_id, qualifiers)
            conflict = rec.require("conflict", conflict_id, "Conflict")
            if conflict["rule"] == "value" and any(
                d.signature == conflict["signature"]
                for d in conflicts.value_disagreements(rec.conn, conflict["subject_id"], conflict["property_id"])
            ):
                raise InvalidEdit("These facts still cover overlapping times; give them scopes that do not overlap.")
        return rec.changes

    def dismiss_conflict(self, conflict_id: int, rationale: str) -> Changes:
        """Not a conflict; it stays dismissed unless a member's value or scope changes."""
        with self._resolution(conflict_id, "dismiss", rationale, "Dismiss conflict") as (rec, _members):
            pass
        return rec.changes

    @contextmanager
    def _resolution(self, conflict_id: int, resolution: str, rationale: str,
                    what: str) -> Iterator[tuple[Recorder, list[int]]]:
        rationale = rationale.strip()
        if not rationale:
            raise InvalidEdit("Give a short rationale, so reviewers can see why this was decided.")
        status = ConflictStatus.DISMISSED if resolution == "dismiss" else ConflictStatus.RESOLVED
        with self._operation(f"{what} — {rationale}") as rec:
            conflict = rec.require("conflict", conflict_id, "Conflict")
            if conflict["status"] != ConflictStatus.OPEN.value:
                raise InvalidEdit("This conflict has already been settled; re-open it by changing a fact.")
            members = list(rec.conn.execute(select(table("conflict_member").c.fact_id).where(
                table("conflict_member").c.conflict_id == conflict_id)).scalars())
            rec.update("conflict", conflict_id, {
                "status": status.value, "resolution": resolution, "rationale": rationale,
                "resolved_by": rec.actor, "resolved_at": rec.at,
            })
            yield rec, members
            # The judgement covers the members as they stand after the resolution's own edits.
            fingerprint = conflicts.current_fingerprint(rec.conn, members)
            rec.update("conflict", conflict_id, {"members_fingerprint": fingerprint})

    @staticmethod
    def _require_member(fact_id: int, members: Sequence[int]) -> None:
        if fact_id not in members:
            raise InvalidEdit(f"Fact {fact_id} is not part of this conflict.")

    # -- revisions -----------------------------------------------------------------------------

    def import_revision(
        self, source_id: int, document: ReadDocument, *, metadata: SourceMetadata | None = None,
        label: str | None = None, progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None, place: Callable[..., list[Placement]] | None = None,
    ) -> Changes:
        """Make `document` the source's current text, keep the old text as a revision, and move
        every evidence span onto the new text or orphan it, all in one operation (one undo step).

        The spans are placed before the write transaction starts, so other work on the fact base
        (reading, and others' writes) goes on meanwhile; inside it, anything that changed in the
        meantime is placed again. `metadata` fields that are set replace the source's own.
        `progress(done, total)` and `should_stop()` are called from the placing loop; stopping
        raises `reanchor.Cancelled` and changes nothing. `place` places them, with `reanchor.reanchor`'s
        parameters (default: that function; a window runs it in another process).
        """
        with self.reading() as conn:
            planned = revisions.anchoring_inputs(conn, source_id)
        if planned is None:
            raise StaleEdit(f"Source {source_id} no longer exists; it may have been deleted by someone else.")
        if planned.source["text_sha256"] == sha256_text(document.text):
            raise InvalidEdit(f"“{document.file_name}” is the current text of “{planned.source['title']}”; "
                              "no new revision was made.")
        from kzeu_desk.core.reanchor import reanchor  # with rapidfuzz: imported when a revision is imported

        placements = {p.key: p for p in (place or reanchor)(document.text, planned.anchors, planned.old_texts,
                                                            progress=progress, should_stop=should_stop)}
        title = planned.source["title"]
        with self._operation(label or f"New revision of “{title}” from “{document.file_name}”") as rec:
            current = revisions.anchoring_inputs(rec.conn, source_id)
            if (current is None or current.revision != planned.revision
                    or current.source["text_sha256"] != planned.source["text_sha256"]):
                raise StaleEdit(f"“{title}” was changed by someone else while its new revision was prepared; "
                                "nothing was imported. Import it again.")
            planned_anchors = {a.key: a for a in planned.anchors}
            changed_meanwhile = [a for a in current.anchors if planned_anchors.get(a.key) != a]
            placements.update((p.key, p) for p in reanchor(document.text, changed_meanwhile, current.old_texts))
            new_revision = self._supersede_text(rec, current, document, metadata)
            new_sha = sha256_text(document.text)
            followed = {evidence_id: self._following_placement(row, placements[evidence_id], document.text, new_sha,
                                                               new_revision)
                        for evidence_id, row in current.evidence.items()}
            rec.update_many("evidence", {evidence_id: values for evidence_id, values in followed.items() if values})
            # A fact's search document holds its quotes, and conflicts read no evidence: only facts
            # whose quotes changed need their derived data redone (re-indexing 10k facts costs ~1 s).
            rec.facts_touched &= {row["fact_id"] for evidence_id, row in current.evidence.items()
                                  if followed[evidence_id].get("quote", row["quote"]) != row["quote"]}
            renamed = {**current.source, "file_name": document.file_name,
                       "title": (metadata and metadata.title) or current.source["title"]}
            if revisions.cited_name(current.source) != revisions.cited_name(renamed):
                # Conflict explanations cite sources by name: re-judge the conflicts that may cite this one.
                keys, fact_ids = revisions.conflicts_citing(rec.conn, source_id)
                rec.conflict_keys |= keys
                rec.facts_touched |= fact_ids
        return rec.changes

    def _supersede_text(self, rec: Recorder, current: revisions.AnchoringInputs, document: ReadDocument,
                        metadata: SourceMetadata | None) -> int:
        """Keep the current text as a revision and put the document's text in its place; returns
        the new revision's number."""
        source = current.source
        rec.insert("source_revision", {
            "source_id": source["id"], "number": current.revision, "text": source["text"],
            "text_sha256": source["text_sha256"], "char_count": source["char_count"],
            "file_name": source["file_name"], "encoding": source["encoding"],
            "imported_at": source["imported_at"], "imported_by": source["imported_by"],
            "superseded_at": rec.at, "superseded_by": rec.actor,
            "format": source["format"], "extractor": source["extractor"],
            "original_sha256": source["original_sha256"], "retrieved_at": source["retrieved_at"],
        })
        replaced = {
            "text": document.text, "text_sha256": sha256_text(document.text), "char_count": len(document.text),
            "file_name": document.file_name, "encoding": document.encoding,
            "imported_at": rec.at, "imported_by": rec.actor, "retrieved_at": document.metadata.retrieved_at,
            **steps.document_origin(rec, document),
        }
        # What the new file says about itself fills details the source does not have yet.
        replaced.update({name: value for name, value in document.metadata.filled().items()
                         if name in ("author", "publisher", "published", "language", "url") and not source[name]})
        if metadata is not None:
            replaced.update({name: value for name, value in vars(metadata).items() if value is not None})
        rec.update("source", source["id"], replaced)
        new_revision = current.revision + 1
        steps.insert_pages(rec, source["id"], new_revision, document.page_starts, document.page_labels,
                           len(document.text))
        return new_revision

    @staticmethod
    def _following_placement(row: dict, placement: Placement, new_text: str, new_sha: str,
                             new_revision: int) -> dict:
        """The evidence columns that record where one span went (empty: nothing to write). An
        orphan keeps its offsets and quote, which go on pointing into the revision it was last
        found in; a fuzzy match remembers where it came from until a curator accepts it, and
        stays "fuzzy" (needing that look) even when a later revision finds it exactly."""
        was_fuzzy = row["anchor_state"] == AnchorState.FUZZY.value
        if not placement.anchored:
            if row["anchor_state"] != AnchorState.ORPHANED.value:
                return {"anchor_state": AnchorState.ORPHANED.value, "anchor_score": None, "number_changed": False}
            return {}
        assert placement.start is not None and placement.end is not None  # anchored
        prefix, quote, suffix = quote_context(new_text, placement.start, placement.end)
        values = {
            "start": placement.start, "end": placement.end, "quote": quote, "prefix": prefix, "suffix": suffix,
            "source_sha256": new_sha, "confirmed_revision": new_revision,
            "anchor_state": placement.state.value, "anchor_score": placement.score,
            "number_changed": placement.number_changed,
        }
        if was_fuzzy and row["previous_revision"] is not None:
            # Still unreviewed: it keeps its origin, the weakest score it was ever placed with, and
            # a figure that changed on the way.
            scores = [s for s in (row["anchor_score"], placement.score) if s is not None]
            values.update(anchor_state=AnchorState.FUZZY.value, anchor_score=min(scores) if scores else None,
                          number_changed=bool(row["number_changed"]) or placement.number_changed)
        elif placement.state is AnchorState.FUZZY:
            values.update(previous_revision=row["confirmed_revision"], previous_start=row["start"],
                          previous_end=row["end"])
        else:
            values.update(previous_revision=None, previous_start=None, previous_end=None)
        return values

    def reattach_evidence(self, evidence_id: int, start: int, end: int) -> Changes:
        """A curator's choice of where lost (or wrongly placed) evidence now is, in the current text."""
        with self._operation("Re-attach evidence") as rec:
            row = rec.require("evidence", evidence_id, "Evidence")
            source = rec.require("source", row["source_id"], "Source")
            steps.check_span(source["text"], start, end)
            prefix, quote, suffix = quote_context(source["text"], start, end)
            rec.update("evidence", evidence_id, {
                "start": start, "end": end, "quote": quote, "prefix": prefix, "suffix": suffix,
                "source_sha256": source["text_sha256"],
                "confirmed_revision": revisions.current_revision(rec.conn, row["source_id"]),
                **_CONFIRMED_BY_CURATOR,
            })
        return rec.changes

    def accept_anchor(self, evidence_id: int) -> Changes:
        """A curator confirms that an approximate match is where the evidence now is."""
        with self._operation("Accept re-anchored evidence") as rec:
            row = rec.require("evidence", evidence_id, "Evidence")
            if row["anchor_state"] != AnchorState.FUZZY.value:
                raise InvalidEdit("Only an approximate match can be accepted; this evidence has none.")
            rec.update("evidence", evidence_id, _CONFIRMED_BY_CURATOR)
        return rec.changes

    def drop_evidence(self, evidence_id: int) -> Changes:
        """A curator gives up evidence that a new revision no longer supports."""
        with self._operation("Drop lost evidence") as rec:
            rec.delete("evidence", evidence_id)
        return rec.changes

    # -- undo / redo ---------------------------------------------------------------------------

    def revert(self, operation_id: int, label: str, *, kind: OperationKind = OperationKind.UNDO) -> Changes:
        """Undo (or redo, by reverting the undo: `kind` REDO) one earlier operation, as a new operation."""
        with self._operation(label, kind=kind) as rec:
            rec.revert_operation(operation_id)
        return rec.changes


# A curator placed (or confirmed) the span in the current text: it is exact from then on.
_CONFIRMED_BY_CURATOR = {
    "anchor_state": AnchorState.EXACT.value, "anchor_score": None,
    "previous_revision": None, "previous_start": None, "previous_end": None, "number_changed": False,
}


class _NothingChanged(Exception):
    """Raised inside an operation that wrote nothing, to roll back its empty operation row."""
