"""Row writes inside one transaction, each with its audit event (before/after images).

The images make every operation reversible: undo and redo replay them backwards
(`revert_operation`), so the audit log is both the history a curator reads and the undo store.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import Connection, CursorResult, Insert, Select, Table, bindparam, delete, insert, select, text, update
from sqlalchemy.sql import ClauseElement

from kzeu_desk.core.changes import Changes, OperationKind
from kzeu_desk.core.errors import StaleEdit
from kzeu_desk.core.models import SQLModel

# Property columns the conflict rules read: a change re-judges every (subject, property) key of it.
_JUDGING_PROPERTY_COLUMNS = ("single_valued", "tolerance", "value_kind", "name")  # explanations name it
# Bookkeeping the recorder maintains itself on every fact change.
_FACT_MANAGED_COLUMNS = ("version", "updated_at", "updated_by")
_CHUNK = 500  # ids per query, well under SQLite's bound-parameter limit


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


@cache
def _operation_insert() -> Insert:
    """One query object for every operation row (a server's batch compiles each object once)."""
    t = table("operation")
    return insert(t).values(label=bindparam("label"), at=bindparam("at"), actor=bindparam("actor")).returning(t.c.id)


@cache
def _row_query(table_name: str) -> Select:
    t = table(table_name)
    return select(t).where(t.c.id == bindparam("row_id"))


class Recorder:
    """Applies row changes for one operation and logs them; create it through the service."""

    def __init__(self, conn: Connection, *, label: str, actor: str, kind: OperationKind = OperationKind.ACTION):
        # For reading inside the operation; every write goes through the methods below.
        self.conn = conn
        self.actor = actor
        self.at = utc_now()
        self.changes = Changes(label=label, kind=kind)
        self._events: list[dict] = []
        self._label = label
        self._operation_id: int | None = None  # the operation row is written when first needed
        # Filled by the writes, consumed by the service before commit (search index, conflicts).
        self.facts_touched: set[int] = set()
        self.conflict_keys: set[tuple[int, int]] = set()
        self.conflicts_touched: set[int] = set()
        self.reindex_every_fact = False  # set by a step that may have left the search index behind

    @property
    def operation_id(self) -> int:
        """The id of this operation's row, written now if no read took it along (`read_together`)."""
        if self._operation_id is None:
            self._operation_written(self.conn.execute(_operation_insert(), self._operation_values()).scalar_one())
        assert self._operation_id is not None
        return self._operation_id

    def _operation_values(self) -> dict[str, str]:
        return {"label": self._label, "at": self.at, "actor": self.actor}

    def _operation_written(self, operation_id: int) -> None:
        self._operation_id = operation_id
        self.changes.operation_id = operation_id

    # -- reading -------------------------------------------------------------------------------

    def read_together(self, reads: Sequence[tuple[ClauseElement, Mapping[str, object]]]) -> list[list[dict]]:
        """The engine's `read_together` inside the operation; the operation row, if not written
        yet, is written in the same batch (its id is the only answer needed): a server's edit
        then waits once for both, where the row alone cost a wait of its own."""
        from kzeu_desk.core.storage import engine_of

        engine = engine_of(self.conn)
        if self._operation_id is not None:
            return engine.read_together(self.conn, reads)
        answers = engine.read_together(self.conn, [(_operation_insert(), self._operation_values()), *reads])
        self._operation_written(int(answers[0][0]["id"]))
        return answers[1:]

    def row(self, table_name: str, row_id: int) -> dict | None:
        t = table(table_name)
        found = self.conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
        return dict(found) if found is not None else None

    @staticmethod
    def row_read(table_name: str, row_id: int) -> tuple[Select, dict[str, int]]:
        """The read of `row` (as query and parameters), for a caller sending it with others."""
        return _row_query(table_name), {"row_id": row_id}

    def require(self, table_name: str, row_id: int, what: str) -> dict:
        found = self.row(table_name, row_id)
        if found is None:
            raise _gone(what, row_id)
        return found

    def rows(self, table_name: str, row_ids: Iterable[int]) -> dict[int, dict]:
        """The rows with these ids that exist, by id, read a chunk at a time."""
        t = table(table_name)
        ids = list(row_ids)
        found: dict[int, dict] = {}
        for chunk_start in range(0, len(ids), _CHUNK):
            chunk = ids[chunk_start:chunk_start + _CHUNK]
            rows = self.conn.execute(select(t).where(t.c.id.in_(chunk))).mappings()
            found.update((row["id"], dict(row)) for row in rows)
        return found

    # -- writing -------------------------------------------------------------------------------

    def insert(self, table_name: str, values: dict) -> int:
        t = table(table_name)
        if table_name == "fact":
            values = {"created_at": self.at, "created_by": self.actor, **values}
            values.update(version=values.get("version", 1), updated_at=self.at, updated_by=self.actor)
        row_id = _new_id(self.conn.execute(insert(t).values(**values)))
        self._log("insert", table_name, row_id, None, self.row(table_name, row_id))
        return row_id

    def update(self, table_name: str, row_id: int, values: dict, *, expected_version: int | None = None,
               before: dict | None = None) -> dict:
        """Change columns of one row; for facts, refuse when its version moved on since it was read.
        `before` is the row as `row_read` read it in this transaction, if the caller read it."""
        t = table(table_name)
        if before is None:
            before = self.require(table_name, row_id, table_name.capitalize())
        if expected_version is not None and before["version"] != expected_version:
            raise StaleEdit(
                f"This fact was changed by {before['updated_by']} at {before['updated_at']} "
                "after you opened it; your edit was not applied and the fact was reloaded."
            )
        changed = {k: v for k, v in values.items() if before[k] != v}
        if not changed:
            return before
        if table_name == "fact":
            changed.update(version=before["version"] + 1, updated_at=self.at, updated_by=self.actor)
        # Its answer is never read (the version was checked against `before`, read under the
        # writers' lock), so a server gets it with the next statement: one wait less an edit.
        from kzeu_desk.core.storage import engine_of

        engine_of(self.conn).write_unanswered(self.conn, update(t).where(t.c.id == row_id).values(**changed))
        after = {**before, **changed}
        self._log("update", table_name, row_id, before, after)
        return after

    def update_many(self, table_name: str, values_by_id: Mapping[int, dict]) -> dict[int, dict]:
        """`update` for many rows of one table (without version checks), as one batch: the rows
        are read a chunk at a time and written with one executemany per set of changed columns.
        Logs exactly the audit events `update` would, in the order of `values_by_id`; returns the
        rows as they now are. A revision import re-anchoring 10k evidence rows spent ~4 s in
        per-row `update` calls, three statements each."""
        return self._update_rows(table_name, self.rows(table_name, values_by_id), values_by_id)

    def _update_rows(self, table_name: str, befores: Mapping[int, dict],
                     values_by_id: Mapping[int, dict]) -> dict[int, dict]:
        """update_many on rows already read in this transaction (`befores`, by id)."""
        t = table(table_name)
        afters: dict[int, dict] = {}
        batches: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        for row_id, values in values_by_id.items():
            before = befores.get(row_id)
            if before is None:
                raise _gone(table_name.capitalize(), row_id)
            changed = {k: v for k, v in values.items() if before[k] != v}
            if not changed:
                afters[row_id] = before
                continue
            if table_name == "fact":
                changed.update(version=before["version"] + 1, updated_at=self.at, updated_by=self.actor)
            batches[tuple(sorted(changed))].append({"target_id": row_id, **{f"set_{k}": v for k, v in changed.items()}})
            afters[row_id] = after = {**before, **changed}
            self._log("update", table_name, row_id, before, after)
        for columns, parameters in batches.items():
            statement = update(t).where(t.c.id == bindparam("target_id")).values(
                {column: bindparam(f"set_{column}") for column in columns})
            self.conn.execute(statement, parameters)
        return afters

    def delete(self, table_name: str, row_id: int) -> dict:
        t = table(table_name)
        before = self.require(table_name, row_id, table_name.capitalize())
        self.conn.execute(delete(t).where(t.c.id == row_id))
        self._log("delete", table_name, row_id, before, None)
        return before

    def delete_all(self, table_name: str, row_ids: Iterable[int]) -> None:
        for row_id in row_ids:
            self.delete(table_name, row_id)

    def _log(self, action: str, table_name: str, row_id: int, before: dict | None, after: dict | None) -> None:
        self.changes.record(action, table_name, row_id)
        self._events.append(
            {
                "operation_id": self.operation_id,
                "at": self.at,
                "actor": self.actor,
                "action": action,
                "target_type": table_name,
                "target_id": row_id,
                "before": _image(before),
                "after": _image(after),
            }
        )
        self._note_consequences(table_name, before, after)

    def _note_consequences(self, table_name: str, before: dict | None, after: dict | None) -> None:
        for image in (before, after):
            if image is None:
                continue
            if table_name == "fact":
                self.facts_touched.add(image["id"])
                if image["subject_id"] is not None and image["property_id"] is not None:
                    self.conflict_keys.add((image["subject_id"], image["property_id"]))
            elif table_name == "evidence":
                self.facts_touched.add(image["fact_id"])
            elif table_name == "fact_link":
                self.facts_touched.update((image["from_fact_id"], image["to_fact_id"]))
            elif table_name == "conflict_member":
                self.conflicts_touched.add(image["conflict_id"])
            elif table_name == "fact_qualifier":
                # A qualifier is part of its fact's search document and may separate it from others.
                self.facts_touched.add(image["fact_id"])
                self.conflict_keys.update(self._keys_of(fact_ids=[image["fact_id"]]))
            elif table_name == "property_separator":
                self.conflict_keys.update(self._keys_of(property_id=image["property_id"]))
        if table_name == "property" and before is not None and after is not None and any(
                before.get(column) != after.get(column) for column in _JUDGING_PROPERTY_COLUMNS):
            # What counts as a conflict for this property changed: every key of it is judged again.
            self.conflict_keys.update(self._keys_of(property_id=after["id"]))
        if table_name == "entity" and before is not None and after is not None and before["name"] != after["name"]:
            # Conflict explanations name their subject, and the entities their members state.
            self.conflict_keys.update(self._keys_of(subject_id=after["id"]))
            self.conflict_keys.update(self._keys_of_conflicts_stating(after["id"]))

    def _keys_of_conflicts_stating(self, entity_id: int) -> set[tuple[int, int]]:
        """The keys of value conflicts one of whose members states this entity as its value. Read
        through the conflicts' members (~18.7k at 1M facts), as no index finds facts by their value's
        entity."""
        c, m, f = table("conflict"), table("conflict_member"), table("fact")
        return {(row[0], row[1]) for row in self.conn.execute(
            select(c.c.subject_id, c.c.property_id).select_from(c.join(m, m.c.conflict_id == c.c.id)
                                                                .join(f, f.c.id == m.c.fact_id))
            .where(c.c.rule == "value", c.c.subject_id.is_not(None), c.c.property_id.is_not(None),
                   f.c.value_entity_id == entity_id).distinct())}

    def _keys_of(self, *, fact_ids: Sequence[int] = (), property_id: int | None = None,
                 subject_id: int | None = None) -> set[tuple[int, int]]:
        """The (subject, property) keys of these facts, or of every fact of a property or subject."""
        f = table("fact")
        query = select(f.c.subject_id, f.c.property_id).where(f.c.subject_id.is_not(None), f.c.property_id.is_not(None))
        if property_id is not None:
            query = query.where(f.c.property_id == property_id)
        elif subject_id is not None:
            query = query.where(f.c.subject_id == subject_id)
        else:
            query = query.where(f.c.id.in_(list(fact_ids)))
        return {(subject_id, prop) for subject_id, prop in self.conn.execute(query.distinct())}

    def set_meta(self, key: str, value: str) -> None:
        """Bookkeeping in app_meta, not audited: undoing the operation leaves it as it is."""
        self.conn.execute(text(
            "INSERT INTO app_meta (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ), {"key": key, "value": value})

    def insert_content(self, table_name: str, values: dict) -> None:
        """A content-addressed row (keyed by the hash of what it holds, written once and never
        changed, such as a kept original file), not audited: undoing the operation leaves it for
        the next one that brings the same content."""
        self.conn.execute(insert(table(table_name)).values(**values))

    def defer_foreign_keys(self) -> None:
        """Check foreign keys when the operation commits, not after each statement (a repair
        deleting rows that point at rows already gone)."""
        from kzeu_desk.core.storage import engine_of

        engine_of(self.conn).defer_foreign_keys(self.conn)

    def flush_audit(self) -> None:
        if self._events:
            # inline: nothing reads the new rows' ids back (a server need not answer before the commit)
            self.conn.execute(insert(table("audit_event")).inline(), self._events)
            self._events.clear()

    # -- undo / redo ---------------------------------------------------------------------------

    def revert_operation(self, operation_id: int) -> None:
        """Replay an operation's audit images backwards, refusing if its rows changed since."""
        events = self.conn.execute(
            select(table("audit_event"))
            .where(table("audit_event").c.operation_id == operation_id)
            .order_by(table("audit_event").c.id.desc())
        ).mappings().all()
        for run in _runs(events):
            name = run[0]["target_type"]
            if run[0]["action"] == "update":
                self._revert_updates(name, run)
                continue
            (event,) = run
            row_id, before, after = event["target_id"], _unimage(event["before"]), _unimage(event["after"])
            if not _same_state(name, self.row(name, row_id), after):
                raise _changed_since()
            if event["action"] == "insert":
                self.delete(name, row_id)
            else:
                assert before is not None  # a delete event has the row's image before
                self._restore(name, before)
        self.conn.execute(
            update(table("operation"))
            .where(table("operation").c.id == self.operation_id)
            .values(reverts_id=operation_id)
        )

    def _revert_updates(self, table_name: str, events: list[Mapping]) -> None:
        """Put back the before-images of update events on distinct rows of one table, as one batch:
        the rows are independent, so checking them all first and then writing them all does what
        replaying them one by one would (undoing a 10k-row revision import is one such run)."""
        current = self.rows(table_name, (event["target_id"] for event in events))
        restored: dict[int, dict] = {}
        for event in events:
            row_id = event["target_id"]
            if not _same_state(table_name, current.get(row_id), _unimage(event["after"])):
                raise _changed_since()
            before = _unimage(event["before"])
            assert before is not None  # an update event has both images
            restored[row_id] = {k: v for k, v in before.items() if k not in ("id", *_managed(table_name))}
        self._update_rows(table_name, current, restored)

    def _restore(self, table_name: str, image: dict) -> None:
        t = table(table_name)
        if table_name == "fact":
            # The version keeps counting up, so an editor holding the old version sees a stale edit.
            image = {**image, "version": image["version"] + 1, "updated_at": self.at, "updated_by": self.actor}
        self.conn.execute(insert(t).values(**image))
        self._log("insert", table_name, image["id"], None, self.row(table_name, image["id"]))


def _new_id(result: CursorResult) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _runs(events: Sequence[Mapping]) -> Iterable[list[Mapping]]:
    """Audit events in their order, grouped: consecutive updates of distinct rows of one table
    form one run; every insert and delete is a run of its own."""
    run: list[Mapping] = []
    ids: set[int] = set()
    for event in events:
        joins_run = (event["action"] == "update" and run and run[0]["action"] == "update"
                     and run[0]["target_type"] == event["target_type"] and event["target_id"] not in ids)
        if run and not joins_run:
            yield run
            run, ids = [], set()
        run.append(event)
        ids.add(event["target_id"])
    if run:
        yield run


def _gone(what: str, row_id: int) -> StaleEdit:
    return StaleEdit(f"{what} {row_id} no longer exists; it may have been deleted by someone else.")


def _changed_since() -> StaleEdit:
    return StaleEdit("This step can no longer be undone: what it changed was changed again since.")


def _managed(table_name: str) -> tuple[str, ...]:
    return _FACT_MANAGED_COLUMNS if table_name == "fact" else ()


def _same_state(table_name: str, current: dict | None, expected: dict | None) -> bool:
    """Whether a row still holds what the operation left; bookkeeping columns don't count,
    since an operation that touched a fact twice sees its own restore bump the version."""
    if current is None or expected is None:
        return current is None and expected is None
    ignored = _managed(table_name)
    return all(current[k] == v for k, v in expected.items() if k not in ignored)


def _image(row: dict | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)


def _unimage(image: str | None) -> dict | None:
    return None if image is None else json.loads(image)
