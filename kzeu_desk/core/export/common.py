"""What every exporter shares: the read-only reading of the fact base, progress, atomic output."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, text

from kzeu_desk import __version__
from kzeu_desk.core.locations import Location
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.export.scope import ExportScope
from kzeu_desk.core.export.staging import staging_path
from kzeu_desk.core.qualifiers import Qualifier, qualifiers_of

GENERATOR = f"kzeu_desk {__version__}"

# done, total, stage ("Writing facts"); may raise ExportCancelled to stop the export.
ProgressCallback = Callable[[int, int, str], None]

_REPORT_EVERY_SECONDS = 0.1


class ExportCancelled(UserError):
    """The user stopped the export; nothing was written."""


@dataclass(frozen=True)
class ExportResult:
    paths: tuple[Path, ...]
    counts: dict[str, int] = field(default_factory=dict)
    summary: str = ""  # one sentence for the user


class Progress:
    """Reports progress over a known total, at most ten times a second so the GUI thread keeps up."""

    def __init__(self, callback: ProgressCallback | None):
        self._callback = callback
        self._total = 0
        self._done = 0
        self._stage = ""
        self._last_report = 0.0

    def start(self, total: int) -> None:
        self._total, self._done = max(total, 0), 0
        self._report(force=True)

    def stage(self, name: str) -> None:
        self._stage = name
        self._report(force=True)

    def advance(self, rows: int = 1) -> None:
        self._done += rows
        self._report(force=False)

    def finish(self) -> None:
        self._done = self._total
        self._report(force=True)

    def _report(self, *, force: bool) -> None:
        if self._callback is None:
            return
        now = time.monotonic()
        if force or now - self._last_report >= _REPORT_EVERY_SECONDS:
            self._last_report = now
            self._callback(min(self._done, self._total), self._total, self._stage)


@contextmanager
def reading_fact_base(path: Location) -> Iterator[Connection]:
    """One read transaction on the fact base opened read-only: exports never write to it."""
    from kzeu_desk.core.service import FactBase

    with FactBase.open(path, read_only=True) as fact_base, fact_base.reading() as conn:
        yield conn


@contextmanager
def atomic_output(path: Path, *, binary: bool = False) -> Iterator[IO]:
    """A file that appears at `path` complete and synced, or not at all (nor any folder made for it)."""
    path = path.resolve()
    with folders_made_for(path):
        temporary = staging_path(path)
        try:
            with (temporary.open("xb") if binary else temporary.open("x", encoding="utf-8", newline="")) as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
            fsync_directory(path.parent)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise


@contextmanager
def folders_made_for(path: Path) -> Iterator[None]:
    """Make `path`'s missing parent folders; if the block fails, remove those it made again."""
    missing = []
    folder = path.parent
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        yield
    except BaseException:
        for made in missing:  # deepest first; only while empty
            try:
                made.rmdir()
            except OSError:
                break
        raise


def fsync_directory(directory: Path) -> None:
    """Make a rename in `directory` durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else (plural_form or singular + 's')}"


def counted_summary(counts: dict[str, int], target: Path) -> str:
    """'Exported 12 facts, 12 evidence spans and 5 sources to “x.jsonl”.'"""
    parts = [plural(counts.get("fact", 0), "fact")]
    if "evidence" in counts:
        parts.append(plural(counts["evidence"], "evidence span"))
    if "source" in counts:
        parts.append(plural(counts["source"], "source"))
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
    return f"Exported {listed} to “{target.name}”."


def qualifiers_in_scope(conn: Connection, scope: ExportScope) -> dict[int, list[Qualifier]]:
    """The qualifiers of the facts in scope, by fact (far fewer than evidence rows: read once)."""
    fact_ids = conn.execute(text(
        f"SELECT DISTINCT r.fact_id FROM fact_qualifier r WHERE {scope.keeps('fact_qualifier', 'r')}")).scalars().all()
    return qualifiers_of(conn, fact_ids)
