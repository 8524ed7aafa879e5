"""Building synthetic fact bases, and caching them under benchmarks/data/ between runs.

A fact base is created and migrated by `FactBase.open` (so it carries the real schema and starter
vocabulary), filled with SQLAlchemy Core executemany (the app's own bulk path, ~176k rows/s where ORM objects manage ~10k),
then brought to the state the app maintains itself: the search index rebuilt and the conflicts
found by `conflicts.rescan`, run through `FactBase.run` as one audited operation. The result
passes `kzeu-desk check`.

Cache files are named by size, seed, schema revision and generator revision, so a schema
migration or a change to the generator builds afresh; a half-built file never has the final name.

    python -m benchmarks.generate 100k [--seed N]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.synthetic import COLUMNS, GENERATOR_REVISION, TABLE_ORDER, StartingIds, SyntheticRows, as_dicts, \
    generate_rows

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_SEED = 20251122

Log = Callable[[str], None]


def parse_size(label: str) -> int:
    """'10k' -> 10_000, '1M' -> 1_000_000, '250' -> 250."""
    text = label.strip().lower().replace("_", "")
    for suffix, factor in (("m", 1_000_000), ("k", 1_000)):
        if text.endswith(suffix):
            return int(float(text[:-1]) * factor)
    return int(text)


def size_label(facts: int) -> str:
    if facts >= 1_000_000 and facts % 1_000_000 == 0:
        return f"{facts // 1_000_000}M"
    if facts >= 1_000 and facts % 1_000 == 0:
        return f"{facts // 1_000}k"
    return str(facts)


@dataclass
class GeneratedBase:
    path: Path
    facts: int
    seed: int
    schema_revision: str
    long_source_id: int | None
    conflicting_keys: list[list[int]]  # a sample of (subject_id, property_id) with a value conflict
    search_words: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    phase_seconds: dict[str, float] = field(default_factory=dict)  # how long generation took, by phase

    def save(self, meta_path: Path) -> None:
        data = asdict(self)
        data["path"] = self.path.name
        meta_path.write_text(json.dumps(data, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, meta_path: Path) -> GeneratedBase:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
        data["path"] = meta_path.parent / data["path"]
        return cls(**data)


def schema_revision() -> str:
    from kzeu_desk.core import migrations

    return migrations.head_revision()


def cache_path(facts: int, seed: int, data_dir: Path = DATA_DIR) -> Path:
    return data_dir / f"facts-{size_label(facts)}-seed{seed}-{schema_revision()}-gen{GENERATOR_REVISION}.sqlite"


def cached_fact_base(facts: int, seed: int = DEFAULT_SEED, data_dir: Path = DATA_DIR,
                     log: Log = print) -> GeneratedBase:
    """The generated fact base for this size and seed, built on first use."""
    path = cache_path(facts, seed, data_dir)
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return GeneratedBase.load(meta)
    data_dir.mkdir(parents=True, exist_ok=True)
    # Bases of this size and seed from an older schema or generator are never read again: at 1M they
    # are a gigabyte each.
    for stale in data_dir.glob(f"*facts-{size_label(facts)}-seed{seed}-*"):
        if stale.is_file() and not stale.name.startswith(path.stem):
            stale.unlink()
    partial = path.with_name(f"partial-{path.name}")
    remove_database(partial)
    log(f"generating {size_label(facts)} facts (seed {seed}) into {path.name}; cached for later runs")
    generated = build_fact_base(partial, facts, seed, log)
    remove_database(path)
    os.replace(partial, path)
    generated.path = path
    generated.save(meta)
    return generated


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def empty_fact_base(path: Path) -> tuple[StartingIds, list[tuple], dict[int, str]]:
    """Create a migrated, seeded fact base and say what it already holds."""
    from kzeu_desk.core.service import FactBase

    FactBase.open(path, actor="benchmark").close()  # created, migrated and seeded
    connection = sqlite3.connect(path)
    try:
        starting = StartingIds(**{
            name: connection.execute(f"SELECT coalesce(max(id), 0) FROM {name}").fetchone()[0]
            for name in TABLE_ORDER
        })
        starter_properties = connection.execute(
            "SELECT id, name, value_kind, single_valued, default_unit FROM property ORDER BY id").fetchall()
        starter_entities = dict(connection.execute("SELECT id, name FROM entity ORDER BY id").fetchall())
    finally:
        connection.close()
    return starting, starter_properties, starter_entities


def synthetic_rows_for(path: Path, facts: int, seed: int) -> SyntheticRows:
    """Create the empty fact base at `path` and the rows that fill it."""
    starting, starter_properties, starter_entities = empty_fact_base(path)
    return generate_rows(facts, seed, starting, starter_properties, starter_entities)


def insert_with_core(path: Path, rows: SyntheticRows) -> None:
    """The app's bulk path: SQLAlchemy Core executemany in one write transaction."""
    from sqlalchemy import insert

    from kzeu_desk.core.storage.sqlite import engine as sqlite_features
    from kzeu_desk.core.recorder import table

    engine = sqlite_features.make_engine(path, read_only=False)
    try:
        with sqlite_features.write_transaction(engine) as conn:
            for name in TABLE_ORDER:
                statement = insert(table(name))
                for batch in rows.batches(name):
                    conn.execute(statement, as_dicts(name, batch))
    finally:
        engine.dispose()


def insert_with_raw_sqlite(path: Path, rows: SyntheticRows) -> None:
    """The floor: the same rows through sqlite3 executemany, same pragmas as the app's connections."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("BEGIN IMMEDIATE")
        for name in TABLE_ORDER:
            columns = ", ".join(f'"{column}"' for column in COLUMNS[name])  # "end" is a keyword
            placeholders = ", ".join("?" * len(COLUMNS[name]))
            statement = f"INSERT INTO {name} ({columns}) VALUES ({placeholders})"
            connection.executemany(statement, rows.rows[name])
        connection.execute("COMMIT")
    finally:
        connection.close()


def finish_derived_data(path: Path, log: Log = print) -> dict[str, float]:
    """Search index and conflicts, as the app keeps them; returns seconds per phase."""
    from kzeu_desk.core import conflicts, search_documents
    from kzeu_desk.core.storage.sqlite import engine as sqlite_features
    from kzeu_desk.core.service import FactBase

    seconds: dict[str, float] = {}
    with FactBase.open(path, actor="benchmark") as fact_base:
        started = time.perf_counter()
        with sqlite_features.write_transaction(fact_base.engine) as conn:
            search_documents.rebuild(conn)
        seconds["search index rebuild"] = time.perf_counter() - started
        log(f"  search index rebuilt in {seconds['search index rebuild']:.1f} s")
        started = time.perf_counter()
        fact_base.run("Find conflicts in generated data", conflicts.rescan)
        seconds["conflict rescan (first)"] = time.perf_counter() - started
        log(f"  conflicts found in {seconds['conflict rescan (first)']:.1f} s")
    connection = sqlite3.connect(path)
    try:
        # The cache file then stands alone: no -wal beside it to copy or lose.
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return seconds


def build_fact_base(path: Path, facts: int, seed: int, log: Log = print) -> GeneratedBase:
    phases: dict[str, float] = {}
    started = time.perf_counter()
    rows = synthetic_rows_for(path, facts, seed)
    phases["rows generated in Python"] = time.perf_counter() - started
    log(f"  rows generated in {phases['rows generated in Python']:.1f} s "
        f"({', '.join(f'{len(v):,} {k}' for k, v in rows.rows.items())})")
    started = time.perf_counter()
    insert_with_core(path, rows)
    phases["Core executemany insert"] = time.perf_counter() - started
    log(f"  inserted with Core executemany in {phases['Core executemany insert']:.1f} s")
    phases.update(finish_derived_data(path, log))
    counts = {name: len(table_rows) for name, table_rows in rows.rows.items()}
    connection = sqlite3.connect(path)
    try:
        counts["conflict"] = connection.execute("SELECT count(*) FROM conflict").fetchone()[0]
    finally:
        connection.close()
    return GeneratedBase(
        path=path, facts=facts, seed=seed, schema_revision=schema_revision(), long_source_id=rows.long_source_id,
        conflicting_keys=[list(key) for key in rows.conflicting_keys[:200]], search_words=rows.search_words,
        counts=counts, phase_seconds=phases,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Build (or find cached) synthetic fact bases.")
    parser.add_argument("sizes", nargs="+", help="fact counts such as 10k 100k 1M")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    args = parser.parse_args()
    for size in args.sizes:
        generated = cached_fact_base(parse_size(size), args.seed, args.data_dir)
        print(f"{generated.path}  {generated.counts}")


if __name__ == "__main__":
    main()
