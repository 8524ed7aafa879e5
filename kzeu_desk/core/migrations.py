"""Bringing a fact base's schema up to date with Alembic, and telling when it is newer than the app.

Developers add a migration with:  python -m kzeu_desk.core.migrations revision "what changed"
"""

from __future__ import annotations

import ast
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from kzeu_desk.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

# Opening a fact base only needs to know whether its schema is at head. Reading the two assignments
# from each version file answers that without importing Alembic (0.3-0.8 s of every start-up), which
# is loaded only when a migration actually runs. tests/test_storage.py checks this against Alembic.


@cache
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, from the `revision` and `down_revision` assignments of db/versions."""
    graph: dict[str, str | None] = {}
    for path in sorted(migrations_dir().joinpath("versions").glob("*.py")):
        values: dict[str, object] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.AnnAssign | ast.Assign):
                targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
                for target in targets:
                    if isinstance(target, ast.Name) and target.id in ("revision", "down_revision") and node.value:
                        values[target.id] = ast.literal_eval(node.value)
        if "revision" in values:
            graph[str(values["revision"])] = values.get("down_revision")  # type: ignore[assignment]
    return graph


def head_revision() -> str | None:
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down is not None}
    if len(heads) > 1:
        raise RuntimeError(f"db/versions has several heads: {sorted(heads)}")
    return next(iter(heads), None)


def known_revisions() -> set[str]:
    return set(_revision_graph())


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(conn: Connection) -> None:
    from alembic import command

    command.upgrade(_config(conn), "head")


def _make_revision(message: str) -> None:
    """Autogenerate a migration by comparing a database at head with the models."""
    from kzeu_desk.core.storage.sqlite.engine import make_engine

    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(Path(folder) / "head.sqlite", read_only=False)
        with engine.begin() as conn:
            if head_revision() is not None:
                upgrade_to_head(conn)
            from alembic import command

            command.revision(_config(conn), message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "revision":
        sys.exit('usage: python -m kzeu_desk.core.migrations revision "message"')
    _make_revision(sys.argv[2])
