"""Structural rules: the core never loads Qt, only the storage layer speaks an engine's own SQL,
and the PySide6 build in use does not corrupt None. (Who imports whom is import-linter's job:
`make lint`, contracts in pyproject.toml.)"""

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import kzeu_desk
import kzeu_desk.core

PROJECT = Path(kzeu_desk.__file__).parent.parent


def every_core_module() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(kzeu_desk.core.__path__, "kzeu_desk.core."))


def test_importing_every_core_module_loads_no_qt():
    modules = every_core_module()
    program = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert {"kzeu_desk.core.export.wikidata", "kzeu_desk.core.loading.writing",
            "kzeu_desk.core.storage.sqlite.search"} <= set(modules), "subpackages are walked too"
    assert result.stdout.strip() == ""


# What only SQLite understands (or only its driver offers). Each may appear in core/storage/ alone.
SQLITE_ONLY = {
    "PRAGMA": r"\bPRAGMA\b",
    "FTS5 MATCH": r"\bMATCH\b",
    "rowid": r"\browid\b",
    "group_concat": r"\bgroup_concat\b",
    "GLOB": r"\bGLOB\b",
    "quote()": r"\bquote\(",
    "json_extract": r"\bjson_extract\b",
    "sqlite_sequence": r"\bsqlite_sequence\b",
    "sqlite_master": r"\bsqlite_master\b",
    "VACUUM": r"\bVACUUM\b",
    "BEGIN IMMEDIATE": r"\bBEGIN IMMEDIATE\b",
    "fts5": r"\bfts5\b",
    "the driver's connection": r"\bdriver_connection\b",
    "the sqlite3 module": r"\bsqlite3\b",
    "WAL files": r"(?<!\w)-(wal|shm)\b",
}


def test_no_sqlite_only_construct_outside_the_storage_layer():
    storage = PROJECT / "kzeu_desk" / "core" / "storage"
    sources = [*(PROJECT / "kzeu_desk").rglob("*.py"), *(PROJECT / "db").rglob("*.py")]
    found = []
    for path in sources:
        if storage in path.parents:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for what, pattern in SQLITE_ONLY.items():
                if re.search(pattern, line):
                    found.append(f"{path.relative_to(PROJECT)}:{number}: {what}: {line.strip()[:80]}")
    assert len(sources) > 50
    assert not found, "SQLite-only constructs belong in kzeu_desk/core/storage/:\n" + "\n".join(found)


def test_pyside_void_calls_do_not_drift_none_refcount():
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None per void call (QWidget.update,
    setObjectName, ...) and aborts with "none_dealloc" after a few thousand (docs/ARCHITECTURE.md, traps)."""
    program = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication, QObject\n"
        "app = QCoreApplication([])\n"
        "o = QObject()\n"
        "before = sys.getrefcount(None)\n"
        "for i in range(100_000): o.setObjectName('x')\n"
        "after = sys.getrefcount(None)\n"
        "print(after - before)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 100
