"""Bringing a fact base's schema up to date with Alembic, and telling when it is newer than the app.

Developers add a migration with:  python -m kzeu_desk.core.migrations revision "what changed"
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from kzeu_desk.paths import migrations_dir


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(conn: Connection) -> None:
    command.upgrade(_config(conn), "head")


def _make_revision(message: str) -> None:
    """Autogenerate a migration by comparing a database at head with the models."""
    from kzeu_desk.core.sqlite_features import make_engine

    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(Path(folder) / "head.sqlite", read_only=False)
        with engine.begin() as conn:
            if head_revision() is not None:
                upgrade_to_head(conn)
            command.revision(_config(conn), message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "revision":
        sys.exit('usage: python -m kzeu_desk.core.migrations revision "message"')
    _make_revision(sys.argv[2])
