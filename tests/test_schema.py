"""The migrations build exactly the schema the models declare, and the indexes do the work they
are there for."""

from __future__ import annotations

import warnings

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from kzeu_desk.core import fact_listing, migrations
from kzeu_desk.core.storage.sqlite import engine as sqlite_features
from kzeu_desk.core.models import FactStatus, SQLModel


@pytest.fixture
def engine_at_head(tmp_path):
    engine = sqlite_features.make_engine(tmp_path / "head.sqlite", read_only=False)
    with sqlite_features.migration_transaction(engine) as conn:
        migrations.upgrade_to_head(conn)
    yield engine
    engine.dispose()


def _not_the_search_index(obj, name, type_, reflected, compare_to):
    # As db/env.py: the search index's tables are made by the storage engine, not by the models, and
    # the facts' per-key summary is kept by triggers.
    return not (type_ == "table" and reflected and compare_to is None
                and (name.startswith("fact_search") or name == "fact_key_summary"))


def test_autogenerate_finds_nothing_to_migrate(engine_at_head):
    with engine_at_head.connect() as conn, warnings.catch_warnings():
        # SQLite cannot reflect expression indexes, so autogenerate skips them, with a warning;
        # the next test compares those.
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression-based index")
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        context = MigrationContext.configure(conn, opts={"include_object": _not_the_search_index, "compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_every_index_of_the_models_is_in_the_migrated_schema_as_declared(engine_at_head):
    with engine_at_head.connect() as conn:
        built = dict(conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all())
    declared = {index.name: str(CreateIndex(index).compile(dialect=sqlite.dialect()))
                for table in SQLModel.metadata.tables.values() for index in table.indexes}
    assert {name: built.get(name) for name in declared} == declared


def test_the_query_indexes_step_downgrades_and_upgrades(engine_at_head):
    added = {"ix_conflict_rule_key", "ix_fact_key_scope", "ix_fact_status", "ix_fact_status_order",
             "ix_fact_rank_order", "ix_fact_value_order"}
    indexes = lambda conn: {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
    with sqlite_features.migration_transaction(engine_at_head) as conn:
        command.downgrade(migrations._config(conn), "0002_source_revisions")
        assert not indexes(conn) & added
        migrations.upgrade_to_head(conn)
        assert indexes(conn) >= added - {"ix_fact_key_scope"} | {"ix_fact_key_values"}  # replaced in 0009


def test_the_rescan_index_step_replaces_the_key_scope_index_and_puts_it_back(engine_at_head):
    indexes = lambda conn: {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
    with sqlite_features.migration_transaction(engine_at_head) as conn:
        assert {"ix_fact_key_values"} <= indexes(conn) and "ix_fact_key_scope" not in indexes(conn)
        command.downgrade(migrations._config(conn), "0008_qualifiers_and_property_rules")
        assert "ix_fact_key_scope" in indexes(conn) and "ix_fact_key_values" not in indexes(conn)
        migrations.upgrade_to_head(conn)
        assert "ix_fact_key_values" in indexes(conn) and "ix_fact_key_scope" not in indexes(conn)


def plan_of_last_statement(conn, call) -> list[tuple]:
    """EXPLAIN QUERY PLAN of the last statement `call(conn)` runs."""
    statements = []
    listen = lambda _conn, _cursor, statement, parameters, _context, _many: statements.append((statement, parameters))
    event.listen(conn, "before_cursor_execute", listen)
    try:
        call(conn)
    finally:
        event.remove(conn, "before_cursor_execute", listen)
    statement, parameters = statements[-1]
    return conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()


@pytest.mark.parametrize("sort", [fact_listing.SortColumn.STATUS, fact_listing.SortColumn.RANK,
                                  fact_listing.SortColumn.VALUE])
@pytest.mark.parametrize("descending", [False, True])
def test_the_facts_tables_sorts_read_a_page_from_their_index(engine_at_head, sort, descending):
    """Their expressions must be the listing's own, or SQLite sorts every fact for each page."""
    spec = fact_listing.ListingSpec(sort=sort, descending=descending)
    with engine_at_head.connect() as conn:
        plan = plan_of_last_statement(conn, lambda conn: fact_listing.page_after(conn, spec, None))
    # The page's ids are cut in a subquery; the outer query only orders that page's rows.
    (page,) = [row for row in plan if row[3] in ("MATERIALIZE page", "CO-ROUTINE page")]
    cutting = [row[3] for row in plan if row[1] == page[0]]
    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in cutting), cutting
    assert any(f"ix_fact_{sort.value}_order" in step for step in cutting), cutting


def test_the_status_filter_counts_from_its_index(engine_at_head):
    spec = fact_listing.ListingSpec(status=FactStatus.DISPUTED)
    with engine_at_head.connect() as conn:
        plan = plan_of_last_statement(conn, lambda conn: fact_listing.count(conn, spec))
    assert any("COVERING INDEX ix_fact_status (status=?)" in row[3] for row in plan), plan


def test_the_date_range_and_count_step_keeps_facts_ids_and_indexes_and_downgrades_without_loss(tmp_path):
    """0004 rebuilds the parent tables fact and property on SQLite: their rows, the evidence pointing
    at them, their id counters and the facts table's expression indexes must all survive."""
    engine = sqlite_features.make_engine(tmp_path / "old.sqlite", read_only=False)
    index_sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'fact' AND sql IS NOT NULL"
    try:
        with sqlite_features.migration_transaction(engine) as conn:
            command.upgrade(migrations._config(conn), "0003_query_indexes")
            indexes_at_0003 = dict(conn.exec_driver_sql(index_sql).all())
        with sqlite_features.write_transaction(engine) as conn:
            conn.exec_driver_sql("INSERT INTO property (key, name, value_kind, single_valued) VALUES ('p', 'P', 'date', 1)")
            conn.exec_driver_sql("INSERT INTO source (title, text, text_sha256, char_count, imported_at, imported_by) "
                                 "VALUES ('t', 'hello world', 'x', 11, 'a', 'b')")
            for kind in ("text", "date", "quantity"):
                conn.exec_driver_sql("INSERT INTO fact (property_id, value_kind, value_approximate, status, rank, "
                                     "created_at, created_by, updated_at, updated_by, version) "
                                     f"VALUES (1, '{kind}', 0, 'draft', 'normal', 'a', 'b', 'a', 'b', 1)")
                conn.exec_driver_sql("INSERT INTO evidence (fact_id, source_id, start, \"end\", quote, prefix, suffix, source_sha256, "
                                     "created_at, created_by) VALUES (last_insert_rowid(), 1, 0, 5, 'hello', '', '', 'x', 'a', 'b')")
            conn.exec_driver_sql("DELETE FROM evidence WHERE fact_id = 3")
            conn.exec_driver_sql("DELETE FROM fact WHERE id = 3")  # undo may bring fact 3 back
        with sqlite_features.migration_transaction(engine) as conn:
            migrations.upgrade_to_head(conn)
        with sqlite_features.write_transaction(engine) as conn:
            assert conn.exec_driver_sql("SELECT id, value_kind FROM fact ORDER BY id").all() == [(1, "text"), (2, "date")]
            assert conn.exec_driver_sql("SELECT fact_id FROM evidence ORDER BY id").scalars().all() == [1, 2]
            assert conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = 'fact'").scalar() == 3
            at_head = dict(conn.exec_driver_sql(index_sql).all())
            # 0009 replaced the re-scan's index; every other one is as 0003 left it.
            assert at_head.pop("ix_fact_key_values").startswith("CREATE INDEX ix_fact_key_values ON fact")
            assert at_head == {name: sql for name, sql in indexes_at_0003.items() if name != "ix_fact_key_scope"}
            schema = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'fact'").scalar()
            assert "AUTOINCREMENT" in schema and "ck_status_known" in schema
            conn.exec_driver_sql("UPDATE fact SET value_kind = 'date_range', value_date = '2019-06-03', "
                                 "value_date_end = '2019-06-04' WHERE id = 2")
            conn.exec_driver_sql("UPDATE property SET value_kind = 'count' WHERE id = 1")
            with pytest.raises(Exception, match="CHECK constraint failed"):
                conn.exec_driver_sql("UPDATE fact SET value_kind = 'colour' WHERE id = 1")
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with sqlite_features.migration_transaction(engine) as conn:
            command.downgrade(migrations._config(conn), "0003_query_indexes")
        with sqlite_features.write_transaction(engine) as conn:
            assert conn.exec_driver_sql("SELECT value_kind, value_date, note FROM fact WHERE id = 2").one() == (
                "date", "2019-06-03", "(Until 2019-06-04.)")
            assert conn.exec_driver_sql("SELECT value_kind FROM property").scalar() == "quantity"
            assert dict(conn.exec_driver_sql(index_sql).all()) == indexes_at_0003
    finally:
        engine.dispose()


def test_the_searchable_notes_step_reshapes_an_older_index_keeping_its_documents(tmp_path):
    """A fact base made before 0010 has a four-column FTS5 table (no notes): the step makes it again
    with its documents and each fact's note, so notes are found and nothing else is lost."""
    from kzeu_desk.core.search_documents import search_words
    from kzeu_desk.core.service import FactBase
    from kzeu_desk.core.storage import engine_of
    from kzeu_desk.core.typed_value import TypedValue, ValueKind

    path = tmp_path / "old.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        noted = fb.create_fact(value=TypedValue(ValueKind.MONEY, amount=3.5e9, unit="EUR"),
                               note="Figure from the draft; check against the Eurostat release").new_id("fact")
        plain = fb.create_fact(value=TypedValue(ValueKind.TEXT, text="customs union")).new_id("fact")
    engine = sqlite_features.make_engine(path, read_only=False)
    try:
        with sqlite_features.migration_transaction(engine) as conn:
            command.downgrade(migrations._config(conn), "0009_rescan_value_index")
            # The table as 0001 made it before 0010, holding what the index held then.
            conn.exec_driver_sql("CREATE VIRTUAL TABLE old_search USING fts5(subject, property, value, quotes, "
                                 "tokenize = 'unicode61 remove_diacritics 2')")
            conn.exec_driver_sql("INSERT INTO old_search (rowid, subject, property, value, quotes) "
                                 "SELECT rowid, subject, property, value, quotes FROM fact_search")
            conn.exec_driver_sql("DROP TABLE fact_search")
            conn.exec_driver_sql("ALTER TABLE old_search RENAME TO fact_search")
        with sqlite_features.migration_transaction(engine) as conn:
            migrations.upgrade_to_head(conn)
            assert [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(fact_search)")][-1] == "notes"
    finally:
        engine.dispose()
    with FactBase.open(path) as fb, fb.reading() as conn:
        index = engine_of(conn).search

        def matches(typed: str) -> list[int]:
            return list(conn.execute(text(f"SELECT id FROM fact WHERE {index.match_clause('fact.id')} ORDER BY id"),
                                     {"search": index.expression(search_words(typed))}).scalars())

        assert matches("eurostat draft") == [noted]
        assert matches("customs") == [plain] and matches("3.5") == [noted]  # the documents it held are kept
        assert index.coverage_problems(conn) == []


def test_the_number_changed_step_flags_the_fuzzy_matches_the_queue_flagged_and_downgrades(tmp_path):
    """0007 adds evidence.number_changed: fuzzy matches whose figures differ from the span they were
    placed from (the review queue's rule until then) get it, the others do not; the downgrade drops it."""
    engine = sqlite_features.make_engine(tmp_path / "old.sqlite", read_only=False)
    columns_sql = "SELECT name FROM pragma_table_info('evidence')"
    try:
        with sqlite_features.migration_transaction(engine) as conn:
            command.upgrade(migrations._config(conn), "0006_dismissed_candidates")
        old, new = "Investment reached almost US$77 billion in all.", "Investment reached almost US$78 billion, in all."
        with sqlite_features.write_transaction(engine) as conn:
            conn.exec_driver_sql("INSERT INTO source (title, text, text_sha256, char_count, imported_at, imported_by) "
                                 f"VALUES ('t', '{new}', 'x', {len(new)}, 'a', 'b')")
            conn.exec_driver_sql("INSERT INTO source_revision (source_id, number, text, text_sha256, char_count, "
                                 "imported_at, imported_by, superseded_at, superseded_by) "
                                 f"VALUES (1, 1, '{old}', 'y', {len(old)}, 'a', 'b', 'c', 'd')")
            conn.exec_driver_sql("INSERT INTO fact (value_kind, value_approximate, status, rank, created_at, created_by, "
                                 "updated_at, updated_by, version) VALUES ('text', 0, 'draft', 'normal', 'a', 'b', 'a', 'b', 1)")
            spans = [("almost US$78 billion", "almost US$77 billion"), ("Investment reached", "Investment reached")]
            for quote, was in spans:
                start, was_start = new.index(quote), old.index(was)
                conn.exec_driver_sql(
                    'INSERT INTO evidence (fact_id, source_id, start, "end", quote, prefix, suffix, source_sha256, '
                    "created_at, created_by, anchor_state, anchor_score, confirmed_revision, previous_revision, "
                    f"previous_start, previous_end) VALUES (1, 1, {start}, {start + len(quote)}, '{quote}', '', '', 'x', "
                    f"'a', 'b', 'fuzzy', 0.95, 2, 1, {was_start}, {was_start + len(was)})")
        with sqlite_features.migration_transaction(engine) as conn:
            migrations.upgrade_to_head(conn)
        with sqlite_features.write_transaction(engine) as conn:
            assert conn.exec_driver_sql("SELECT quote, number_changed FROM evidence ORDER BY id").all() == [
                ("almost US$78 billion", 1), ("Investment reached", 0)]
        with sqlite_features.migration_transaction(engine) as conn:
            command.downgrade(migrations._config(conn), "0006_dismissed_candidates")
        with sqlite_features.write_transaction(engine) as conn:
            assert "number_changed" not in conn.exec_driver_sql(columns_sql).scalars().all()
            assert conn.exec_driver_sql("SELECT count(*) FROM evidence").scalar() == 2
    finally:
        engine.dispose()


def test_the_worded_under_step_adds_an_empty_column_to_conflicts_and_downgrades(engine_at_head):
    """0011 adds conflict.worded_under: rows already there stay NULL (their explanation may be stale,
    so nothing can vouch for it; the next check fills it in); the downgrade drops it, rows kept."""
    columns = lambda conn: conn.exec_driver_sql("SELECT name FROM pragma_table_info('conflict')").scalars().all()
    insert = ("INSERT INTO conflict (rule, signature, status, explanation, members_fingerprint, created_at) "
              "VALUES ('manual', :signature, 'open', 'flagged', 'x', 'then')")
    with sqlite_features.migration_transaction(engine_at_head) as conn:
        command.downgrade(migrations._config(conn), "0010_searchable_notes")
        assert "worded_under" not in columns(conn)
        conn.execute(text(insert), {"signature": "manual:1@1"})
        migrations.upgrade_to_head(conn)
        assert conn.exec_driver_sql("SELECT signature, worded_under FROM conflict").all() == [("manual:1@1", None)]
        conn.exec_driver_sql("UPDATE conflict SET worded_under = 'digest'")
        command.downgrade(migrations._config(conn), "0010_searchable_notes")
        assert "worded_under" not in columns(conn)
        assert conn.exec_driver_sql("SELECT signature, explanation FROM conflict").all() == [("manual:1@1", "flagged")]


def test_the_wording_watch_step_deletes_the_rescans_note_on_writes_it_watches_and_downgrades(engine_at_head):
    """0012: writing a row that a value conflict's record is made from deletes the note the re-scan
    leaves in app_meta, whatever writes it (here plain SQL); other writes leave it. Both steps delete
    the note: while stepped down nothing watches."""
    note = "INSERT INTO app_meta (key, value) VALUES ('conflicts_wording_unchanged', '{}')"
    noted = lambda conn: conn.exec_driver_sql(
        "SELECT count(*) FROM app_meta WHERE key = 'conflicts_wording_unchanged'").scalar()
    triggers = lambda conn: conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'conflict_wording_watch_%'").scalar()
    with sqlite_features.migration_transaction(engine_at_head) as conn:
        assert triggers(conn) == 18  # insert, delete and update on six tables
        conn.exec_driver_sql("INSERT INTO source (title, text, text_sha256, char_count, imported_at, imported_by) "
                             "VALUES ('t', 'hello world', 'x', 11, 'a', 'b')")
        conn.exec_driver_sql(note)
        conn.exec_driver_sql("UPDATE source SET language = 'kk'")  # not in a citation
        assert noted(conn) == 1
        conn.exec_driver_sql("UPDATE source SET publisher = 'Press'")
        assert noted(conn) == 0
        conn.exec_driver_sql(note)
        conn.exec_driver_sql("INSERT INTO property (key, name, value_kind, single_valued) VALUES ('p', 'P', 'date', 1)")
        assert noted(conn) == 0
        conn.exec_driver_sql(note)
        command.downgrade(migrations._config(conn), "0011_conflict_worded_under")
        assert triggers(conn) == 0 and noted(conn) == 0
        conn.exec_driver_sql(note)
        migrations.upgrade_to_head(conn)
        assert triggers(conn) == 18 and noted(conn) == 0


def test_the_key_summary_step_fills_the_table_from_the_facts_keeps_it_and_downgrades(engine_at_head):
    """0013: the table holds the keys the re-scan's key filter keeps, filled from the facts there are
    and kept by triggers as facts are written (here by plain SQL); the downgrade drops both."""
    from kzeu_desk.core import conflicts
    from kzeu_desk.core.storage.sqlite import SQLITE

    summary = lambda conn: set(conn.exec_driver_sql("SELECT subject_id, property_id, bare_points FROM fact_key_summary").all())
    counted = lambda conn: set(conn.execute(text(conflicts.key_summary_rows(SQLITE).replace("{keys}", "1 = 1"))).all())
    objects = lambda conn: set(conn.exec_driver_sql(
        "SELECT type, name FROM sqlite_master WHERE name LIKE 'fact_key_summary%' AND type IN ('table', 'trigger')").all())
    fact = ("INSERT INTO fact (subject_id, property_id, value_kind, value_amount, value_approximate, point_in_time, "
            "start_time, status, rank, version, created_at, created_by, updated_at, updated_by) VALUES (1, 1, 'money', "
            ":amount, 0, :point, :start, 'confirmed', 'normal', 1, 'then', 'me', 'then', 'me')")
    with sqlite_features.migration_transaction(engine_at_head) as conn:
        assert objects(conn) == {("table", "fact_key_summary")} | {
            ("trigger", f"fact_key_summary_{event}") for event in ("insert", "delete", "update", "moved")}
        command.downgrade(migrations._config(conn), "0012_conflict_wording_watch")
        assert objects(conn) == set()
        conn.exec_driver_sql("INSERT INTO entity (name, kind) VALUES ('Kazakhstan', 'country')")
        conn.exec_driver_sql("INSERT INTO property (key, name, value_kind, single_valued) VALUES ('p', 'P', 'money', 1)")
        for amount, point, start in ((1, "2001", None), (2, "2001-05", None), (3, "2002", None)):
            conn.execute(text(fact), {"amount": amount, "point": point, "start": start})
        migrations.upgrade_to_head(conn)
        assert summary(conn) == counted(conn) == {(1, 1, 1)}  # two bare points in 2001
        conn.exec_driver_sql("UPDATE fact SET point_in_time = '2003' WHERE value_amount = 2")
        assert summary(conn) == counted(conn) == set()  # one fact a year
        conn.execute(text(fact), {"amount": 4, "point": None, "start": "2001"})
        assert summary(conn) == counted(conn) == {(1, 1, 0)}  # a start: not a bare point
        conn.exec_driver_sql("DELETE FROM fact WHERE value_amount = 4")
        assert summary(conn) == counted(conn) == set()
        command.downgrade(migrations._config(conn), "0012_conflict_wording_watch")
        assert objects(conn) == set()
