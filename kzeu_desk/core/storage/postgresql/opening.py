"""Opening a fact base on a PostgreSQL server: refusing what is not one, bringing its schema up to
date through the same Alembic history as a file, and opening read-only where the server will not
let this role write.

Who may write is the server's to say: a role without write grants on the fact base's tables (a
reviewer, `kzeu-desk team grant --as reviewer`) opens read-only with the reason, and its session
refuses writes on the server as well (`default_transaction_read_only`).
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from kzeu_desk.core import migrations
from kzeu_desk.core.errors import NotAFactBase, SchemaTooNew, UserError
from kzeu_desk.core.storage.interface import OpenedStorage
from kzeu_desk.core.storage.postgresql import connecting, transactions

_APP_TABLES = {"fact", "source", "evidence"}
# Tables a curator writes in every action.
_WRITTEN_TABLES = ("fact", "evidence", "operation", "audit_event", "conflict")


def open_storage(url: str, *, read_only: bool, password: str | None) -> OpenedStorage:
    name = connecting.shown_name(url)
    engine = connecting.make_engine(url, read_only=True, password=password)
    try:
        with connecting.connected(engine, url) as conn, conn.begin():
            facts = connecting.server_facts(conn)
            tables = _tables(conn)
            revision = migrations.current_revision(conn) if "alembic_version" in tables else None
            may_write = _may_write(conn) if tables else bool(facts["may_create"])
    finally:
        engine.dispose()
    if tables - {"alembic_version"} and revision is None:
        raise NotAFactBase(f"The database {name} holds another application's tables, not a fact base.")
    if not tables and read_only:
        raise NotAFactBase(f"The database {name} holds no fact base yet.")
    if not tables and not may_write:
        raise UserError(f"The database {name} is empty and your role “{facts['role']}” may not create the fact "
                        "base's tables in it; ask its administrator (docs/TEAM.md).")
    reason = None
    if revision is not None and revision not in migrations.known_revisions():
        reason = (f"{name} was saved by a newer version of kzeu_desk, so it is open read-only; "
                  "update kzeu_desk to change it.")
    elif not may_write and not read_only:
        reason = (f"Your database role “{facts['role']}” may read {name} but not change it, "
                  "so it is open read-only.")
    if read_only or reason:
        if revision != migrations.head_revision() and revision in migrations.known_revisions():
            raise UserError(f"{name} was made by an older version of kzeu_desk; a curator must open it once "
                            "to bring it up to date.")
        return OpenedStorage(connecting.make_engine(url, read_only=True, password=password), True, reason,
                             None, actor=facts["role"])
    engine = connecting.make_engine(url, read_only=False, password=password)
    try:
        if revision != migrations.head_revision():
            _migrate(engine, url)
    except BaseException:
        engine.dispose()
        raise
    return OpenedStorage(engine, False, None, None, actor=facts["role"])


def _tables(conn: Connection) -> set[str]:
    return set(conn.execute(text(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()")).scalars())


def _may_write(conn: Connection) -> bool:
    checks = " AND ".join(f"has_table_privilege('{name}', 'INSERT, UPDATE, DELETE')" for name in _WRITTEN_TABLES)
    try:
        return bool(conn.execute(text(f"SELECT {checks}")).scalar())
    except DBAPIError:  # a table missing: not a fact base this version knows; the revision says more
        return False


def _migrate(engine: Engine, url: str) -> None:
    """Bring the schema to head in one transaction (PostgreSQL's DDL is transactional: a failed
    step leaves nothing half-done). Writers take turns, so two curators opening a new version at
    once migrate once. Objects are created as the role owning the fact base's tables when this
    role is a member of it (`team grant` makes curators members of their fact base's group role),
    so every curator can run later migrations and reviewers' default grants apply."""
    try:
        with transactions.write_transaction(engine) as conn:
            owner = conn.execute(text(
                "SELECT tableowner FROM pg_catalog.pg_tables WHERE schemaname = current_schema() "
                "AND tablename = 'alembic_version'")).scalar()
            if owner is not None and conn.execute(text(
                    "SELECT :owner <> current_user AND pg_has_role(:owner, 'MEMBER')"), {"owner": owner}).scalar():
                conn.execute(text(f"SET LOCAL ROLE {_identifier(owner)}"))
            if migrations.current_revision(conn) != migrations.head_revision():
                _room_for_long_revision_names(conn)
                migrations.upgrade_to_head(conn)
    except SchemaTooNew:
        raise
    except DBAPIError as error:
        message = str(error.orig).strip().splitlines()[0]
        raise UserError(f"{connecting.shown_name(url)} could not be brought up to date: {message}; "
                        "nothing was changed.") from None


def _room_for_long_revision_names(conn: Connection) -> None:
    """Alembic makes its version column VARCHAR(32), which SQLite never enforces and PostgreSQL
    does: our revision ids name their step ("0005_document_pages_and_originals" is 33 characters).
    The table is made (or widened) first; Alembic uses a table that exists as it is."""
    conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS alembic_version (version_num varchar(255) NOT NULL, "
                         "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))")
    conn.exec_driver_sql("ALTER TABLE alembic_version ALTER COLUMN version_num TYPE varchar(255)")


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
