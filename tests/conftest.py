"""Test-wide settings: Qt offscreen, and a private data directory so no test touches real user data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory, monkeypatch) -> Path:
    folder = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("KZEU_DESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def fact_base(new_location):
    """A new, migrated, seeded fact base with the sample corpus imported (a file, or a database
    on the test server in modules marked both_engines)."""
    from kzeu_desk.core.sample_corpus import import_sample_corpus
    from kzeu_desk.core.service import FactBase

    with FactBase.open(new_location, actor="tester") as opened:
        import_sample_corpus(opened)
        yield opened


@pytest.fixture(autouse=True)
def edit_collisions_take_theirs(request, monkeypatch):
    """A modal dialog would wait for a click forever: where a test makes another curator's save
    collide with the editor's, the editor takes theirs unless the test answers otherwise."""
    if "qtbot" not in request.fixturenames:
        return
    from kzeu_desk.ui import edit_collision

    monkeypatch.setattr(edit_collision, "ask", lambda *_args: edit_collision.Choice.TAKE_THEIRS)


# -- both engines ------------------------------------------------------------------------------
# A test module marked `pytestmark = pytest.mark.both_engines` runs each test that uses
# `engine_name` (directly or through `new_location` / `fact_base`) against SQLite and against a
# real PostgreSQL server the tests start themselves (tests/postgresql_server.py); other modules
# run on SQLite only.


def pytest_configure(config):
    from kzeu_desk.ui.interpreter_sharing import share_the_interpreter_with_the_gui

    share_the_interpreter_with_the_gui()  # as the application does at start-up (ui/app.py)
    config.addinivalue_line("markers", "both_engines: run the module's fact-base tests on SQLite and PostgreSQL")
    config.addinivalue_line("markers", "sqlite_only: in a both_engines module, a test of SQLite itself")


def pytest_collection_modifyitems(config, items):
    """Modules holding a long test run first: the packaging build, then those with a test marked
    `slow`. With pytest-xdist (`make test`, --no-loadscope-reorder) each module is handed whole to
    the next free worker, so a long module handed out last would leave the other worker idle for
    its whole length (the build alone is 75 s); started first, the short modules fill in around it
    (docs/TESTING.md). The order within a module is kept."""
    def rank(item) -> int:
        if item.get_closest_marker("packaging"):
            return 0
        return 1 if item.get_closest_marker("slow") else 2

    module_rank: dict = {}
    for item in items:
        module_rank[item.path] = min(module_rank.get(item.path, 2), rank(item))
    items.sort(key=lambda item: module_rank[item.path])  # stable: modules stay whole and in order


def pytest_generate_tests(metafunc):
    if "engine_name" in metafunc.fixturenames:
        both = (metafunc.definition.get_closest_marker("both_engines") is not None
                and metafunc.definition.get_closest_marker("sqlite_only") is None)
        metafunc.parametrize("engine_name", ["sqlite", "postgresql"] if both else ["sqlite"])


@pytest.fixture(scope="session")
def postgresql_server():
    """One server for the whole run, stopped at its end."""
    from postgresql_server import PostgresServer, ServerUnavailable

    try:
        server = PostgresServer()
    except ServerUnavailable as unavailable:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL tests cannot run: {unavailable}")
        pytest.skip(f"PostgreSQL tests skipped: {unavailable}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgresql_template(postgresql_server) -> str:
    """A database migrated to head and seeded, which each test's database is a copy of (a copy
    takes ~0.1 s where migrating takes ~1 s)."""
    from kzeu_desk.core.service import FactBase

    name = postgresql_server.create_database(name="kzeu_template")
    FactBase.open(postgresql_server.url(name), actor="tester").close()
    return name


@pytest.fixture
def postgresql_url(postgresql_server, postgresql_template):
    """A fresh fact base of its own on the test server (migrated and seeded, nothing else)."""
    name = postgresql_server.create_database(template=postgresql_template)
    yield postgresql_server.url(name)
    postgresql_server.drop_database(name)


@pytest.fixture
def empty_postgresql_url(postgresql_server):
    """A fresh empty database on the test server (no tables yet)."""
    name = postgresql_server.create_database()
    yield postgresql_server.url(name)
    postgresql_server.drop_database(name)


@pytest.fixture
def engine_name() -> str:
    return "sqlite"  # overridden by the parametrisation above


@pytest.fixture
def new_location(engine_name, tmp_path, request):
    """Where a new fact base goes: a file path for SQLite, a fresh database URL for PostgreSQL."""
    if engine_name == "sqlite":
        return tmp_path / "facts.sqlite"
    return request.getfixturevalue("postgresql_url")
