"""`kzeu-desk load`: a JSON Lines file read back into a fact base, new or existing, as one service
bulk operation.

The file is read twice. The first pass (checks.py) checks every line without touching the fact
base. The id plan (id_plan.py) decides how the file's ids become the target's. The second pass
(writing.py) writes everything through `FactBase.bulk_operation`: one write transaction, rows by
executemany, conflicts re-checked and the search index refreshed before it commits; any refusal
rolls it all back and the fact base stays as it was. Loading into a fact base that holds nothing but
its automatic starter vocabulary replaces that vocabulary and its history with the file's, so the
new fact base is an exact copy.

Undo. A load is recorded as one operation, "Load “FILE”", without an audit event per row: it is
not undoable from the UI (File > Load JSON Lines announces it to the panes but puts nothing on the
undo stack). To take
a load back, restore the snapshot `load_jsonl` takes first of a fact base that already held data
(see `LoadResult.backup_path`). Conflicts are re-checked with the service's `rescan`, audited
under the load's operation.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, text

from kzeu_desk.core.backups import Backup, discard_backup, take_backup
from kzeu_desk.core.bulk import BulkWriter
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.errors import ReadOnlyFactBase
from kzeu_desk.core.export.common import ProgressCallback, plural
from kzeu_desk.core.progress import Progress
from kzeu_desk.core.loading.checks import CheckedFile, Survey, check_file
from kzeu_desk.core.loading.id_plan import plan_ids
from kzeu_desk.core.loading.writing import Loaded, check_quotes, write_records
from kzeu_desk.core.service import BulkWording, FactBase

_WORDING = BulkWording(read_only="This fact base is open read-only; nothing can be loaded into it.",
                       failed="The file could not be loaded", unchanged="nothing was loaded")
# What opening a new fact base created, which a load into it replaces (children first).
_WRITTEN_TABLES = ("source", "source_page", "entity_alias", "property_separator", "fact", "fact_qualifier", "evidence",
                   "fact_link", "conflict", "conflict_member", "audit_event")
_STARTER_TABLES = ("audit_event", "entity_alias", "entity", "property_separator", "property", "operation")


@dataclass(frozen=True)
class LoadResult:
    operation_id: int
    inserted: dict[str, int]
    reused: dict[str, int]
    backup_path: Path | None
    summary: str
    changes: Changes | None = None  # the bulk operation's (rows counted, not listed), for a window to announce


def load_jsonl(fact_base: FactBase, source: Path | str | CheckedFile, *, progress: ProgressCallback | None = None,
               backup: bool = True, backup_progress: Progress | None = None) -> LoadResult:
    """Load a kzeu_desk JSON Lines file into `fact_base` in one bulk operation. `backup_progress`
    hears the backup taken first and may stop it (`Stopped`, nothing left of it): at 1M facts that
    copy is most of a small load's time."""
    if fact_base.read_only:  # before a backup is taken or the file read
        raise ReadOnlyFactBase(fact_base.why_read_only("nothing was loaded"))
    checked = source if isinstance(source, CheckedFile) else check_file(source)
    path, survey = checked.path, checked.survey
    backup_path = _backup_if_holding_data(fact_base, backup_progress) if backup else None
    try:
        result = _load(fact_base, path, survey, progress)
    except BaseException:
        if backup_path is not None:  # nothing changed, so there is nothing to go back to
            discard_backup(Backup(backup_path, datetime.now(UTC), "before-load"))
        raise
    restore_hint = f" The fact base as it was before is in “{backup_path}”." if backup_path else ""
    return LoadResult(result.operation_id, result.inserted, result.reused, backup_path, result.summary + restore_hint,
                      result.changes)


def _backup_if_holding_data(fact_base: FactBase, progress: Progress | None = None) -> Path | None:
    with fact_base.reading() as conn:
        if _is_pristine(conn):
            return None
    return take_backup(fact_base.location, "before-load", progress).path  # named, listed and rotated like every backup


def _load(fact_base: FactBase, path: Path, survey: Survey, progress: ProgressCallback | None) -> LoadResult:
    def body(bulk: BulkWriter) -> Loaded:
        pristine = _is_pristine(bulk.conn)
        if pristine and (survey.counts["entity"] or survey.counts["property"]):
            # Nothing refers to these rows yet; the file brings its own vocabulary and its history.
            bulk.delete_every_row(_STARTER_TABLES)
        plan = plan_ids(bulk.conn, survey, path.name)
        # Into a fact base that held nothing, the indexes are built once after the rows are in
        # rather than kept in step with each insert (docs/PERFORMANCE.md section 15); writing
        # reads rows by their keys only. Into one with data, rebuilding its indexes could cost
        # more than the load.
        with bulk.indexes_deferred(_WRITTEN_TABLES) if pristine else nullcontext():
            loaded = write_records(bulk, path, plan, survey, progress)
        check_quotes(bulk.conn, loaded, path.name)
        for table_name, (_lowest, highest) in survey.id_range.items():
            # Ids that only the file's history mentions (rows deleted before the export) stay reserved.
            bulk.reserve_ids(table_name, highest + plan.shift.get(table_name, 0))
        # A fact base that held nothing is checked whole; otherwise its own facts were already
        # checked and only what the load added can disagree.
        bulk.rescan_all_conflicts = pristine
        bulk.conflict_keys |= loaded.conflict_keys
        bulk.contradicting_facts |= loaded.contradicting_facts
        bulk.facts_to_index.extend(loaded.fact_ids)
        return loaded

    loaded, changes = fact_base.bulk_operation(f"Load “{path.name}”", body, _WORDING)
    counted = changes.bulk_counts
    inserted = {
        "source": counted.get("source", 0), "source_revision": counted.get("source_revision", 0),
        "entity": counted.get("entity", 0),
        "property": counted.get("property", 0), "fact": counted.get("fact", 0),
        "evidence": counted.get("evidence", 0), "link": counted.get("fact_link", 0),
        "conflict": counted.get("conflict", 0), "audit": counted.get("audit_event", 0),
    }
    assert changes.operation_id is not None
    return LoadResult(changes.operation_id, inserted, loaded.reused_rows, None, _summary(path, inserted, loaded), changes)


def _is_pristine(conn: Connection) -> bool:
    """Whether the target holds nothing but what opening it created (the starter vocabulary)."""
    data = conn.execute(text(
        "SELECT (SELECT count(*) FROM source) + (SELECT count(*) FROM fact) + (SELECT count(*) FROM conflict)"
    )).scalar_one()
    operations = conn.execute(text("SELECT count(*) FROM operation")).scalar_one()
    return data == 0 and operations <= 1


def _summary(path: Path, inserted: dict[str, int], loaded: Loaded) -> str:
    parts = [plural(inserted["fact"], "fact"), plural(inserted["evidence"], "evidence span"),
             plural(inserted["source"], "source")]
    reused = sum(count for kind, count in loaded.reused_rows.items() if kind != "source_revision")
    reused_rows = plural(reused, "existing source, entity or property", "existing sources, entities and properties")
    already = f" ({reused_rows} reused)" if reused else ""
    return f"Loaded {parts[0]}, {parts[1]} and {parts[2]} from “{path.name}”{already}."
