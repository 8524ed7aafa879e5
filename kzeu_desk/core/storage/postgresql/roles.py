"""Who may do what on a team's fact base: database roles for curators and reviewers
(`kzeu-desk team grant --db URL --role NAME --as curator|reviewer`, docs/TEAM.md).

Two group roles per fact base database hold the grants; a person's login role is made a member
of one of them:

* `<database>_curators` owns the fact base's tables, sequences and search index. A curator
  inherits reading and writing every table, and (being a member of the owner) a curator's app
  brings the schema up to date after an update (opening.py sets that role for the migration,
  so every object it creates belongs to the group as well).
* `<database>_reviewers` may connect and read every table, and nothing else: the app opens the
  fact base read-only for them, and the server refuses any write their session tries. Default
  privileges give reviewers read access to tables later migrations create.

The administrator who runs the command must be able to create roles and own the database's
tables (the server's superuser, or the role that created the fact base with CREATEROLE).
Nothing here stores a password: a login role gets one only when the administrator types it, and
only its SCRAM hash leaves this computer.
"""

from __future__ import annotations

from typing import Literal

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.storage.postgresql import transactions

Access = Literal["curator", "reviewer"]


def quoted(name: str) -> str:
    """An SQL identifier, quoted (role and database names may hold any character)."""
    return '"' + name.replace('"', '""') + '"'


def group_names(database: str) -> tuple[str, str]:
    """(curators' group, reviewers' group) of a fact base database. PostgreSQL cuts names at 63
    bytes: a long database name is shortened so that both group names stay distinct."""
    stem = database.encode()[:50].decode(errors="ignore")
    return f"{stem}_curators", f"{stem}_reviewers"


def grant(url: str, role: str, access: Access, *, password: str | None, new_role_password: str | None) -> str:
    """Give `role` (created as a login role when missing) curator's or reviewer's access to the fact
    base at `url`, which is created first when the database holds none yet. Returns one sentence
    saying what was done; refusals are one sentence too (`UserError`)."""
    from kzeu_desk.core.storage.postgresql import POSTGRESQL

    if not role.strip():
        raise UserError("Name the database role to grant access to (--role NAME).")
    opened = POSTGRESQL.open(url, read_only=False, password=password)  # creates and migrates the fact base
    name = POSTGRESQL.shown_name(url)
    try:
        if opened.read_only:
            raise UserError(f"Access cannot be granted: {opened.read_only_reason}")
        with transactions.write_transaction(opened.engine) as conn:
            created = _grant(conn, role, access, new_role_password)
    except DBAPIError as error:
        message = str(error.orig).strip().splitlines()[0]
        raise UserError(f"Access to {name} could not be granted ({message}); run this as the server's "
                        "administrator (a role that may create roles and owns the fact base).") from None
    finally:
        POSTGRESQL.close(url, opened)
    made = f"Created the login role “{role}” and gave it" if created else f"Gave the role “{role}”"
    what = ("read and write access (curator)" if access == "curator"
            else "read-only access (reviewer: the server refuses every change)")
    password_said = "; its password is the one typed" if new_role_password else ""
    return f"{made} {what} to {name}{password_said}."


def _grant(conn: Connection, role: str, access: Access, new_role_password: str | None) -> bool:
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    curators, reviewers = group_names(database)
    for group in (curators, reviewers):
        if not _role_exists(conn, group):
            conn.exec_driver_sql(f"CREATE ROLE {quoted(group)} NOLOGIN")
        conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {quoted(database)} TO {quoted(group)}")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {quoted(group)}")
    # PostgreSQL 15 gives PUBLIC no CREATE on schema public: the owning group needs it for migrations.
    conn.exec_driver_sql(f"GRANT CREATE ON SCHEMA public TO {quoted(curators)}")
    _hand_tables_to(conn, curators)
    conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {quoted(reviewers)}")
    conn.exec_driver_sql(f"ALTER DEFAULT PRIVILEGES FOR ROLE {quoted(curators)} IN SCHEMA public "
                         f"GRANT SELECT ON TABLES TO {quoted(reviewers)}")
    created = not _role_exists(conn, role)
    if created:
        conn.exec_driver_sql(f"CREATE ROLE {quoted(role)} LOGIN")
    if new_role_password:
        # An existing role's password is replaced too: the administrator typed it for this role.
        # Only its SCRAM hash, made here by libpq as psql's \password does, reaches the server,
        # so the password itself appears in no server log, statistics view or history.
        driver = conn.connection.driver_connection
        assert driver is not None
        hashed = driver.pgconn.encrypt_password(new_role_password.encode(), role.encode(), b"scram-sha-256")
        # A utility statement takes no parameters: the server quotes the literal itself (format's %L).
        statement = conn.execute(text("SELECT format('ALTER ROLE %I PASSWORD %L', CAST(:role AS text), "
                                      "CAST(:password AS text))"),
                                 {"role": role, "password": hashed.decode()}).scalar_one()
        conn.exec_driver_sql(statement)
    # A role moved from one kind to the other loses the first.
    leave, join = (reviewers, curators) if access == "curator" else (curators, reviewers)
    if conn.execute(text("SELECT pg_has_role(:role, :group, 'MEMBER') AND :role <> :group"),
                    {"role": role, "group": leave}).scalar():
        conn.exec_driver_sql(f"REVOKE {quoted(leave)} FROM {quoted(role)}")
    conn.exec_driver_sql(f"GRANT {quoted(join)} TO {quoted(role)}")
    return created


def _role_exists(conn: Connection, role: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = :role"), {"role": role}).first() is not None


def _hand_tables_to(conn: Connection, owner: str) -> None:
    """Make the curators' group own every table of the fact base (its sequences, indexes and
    triggers follow their tables) and the functions those triggers call (migration 0012's), so
    that a curator's later schema step may replace or drop them."""
    tables = conn.execute(text(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public' AND tableowner <> :owner"),
        {"owner": owner}).scalars().all()
    for table in tables:
        conn.exec_driver_sql(f"ALTER TABLE public.{quoted(table)} OWNER TO {quoted(owner)}")
    functions = conn.execute(text(
        "SELECT DISTINCT CAST(CAST(t.tgfoid AS regprocedure) AS text) FROM pg_catalog.pg_trigger t "
        "JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid "
        "WHERE c.relnamespace = CAST('public' AS regnamespace) AND NOT t.tgisinternal "
        "AND pg_get_userbyid(p.proowner) <> :owner"), {"owner": owner}).scalars().all()
    for function in functions:  # a regprocedure's text is already quoted where it must be
        conn.exec_driver_sql(f"ALTER FUNCTION {function} OWNER TO {quoted(owner)}")


__all__ = ["Access", "grant", "group_names", "quoted"]
