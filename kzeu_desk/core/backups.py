"""Rotating snapshots of a fact base, and restoring one.

A backup is always a consistent, checked snapshot written atomically by the storage engine
(`StorageEngine.snapshot_into`), never a raw copy of a live file. Backups live beside the fact base
in `<name>.backups/`, named by time and reason, and are thinned to a grandfather-father-son schedule: the newest of each of the last 12 days,
10 weeks and 9 months are kept, as are the newest few whatever their age.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kzeu_desk.core import storage
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.storage import StorageFailure

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, KEEP_NEWEST = 12, 10, 9, 5
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>[a-z-]+)\.sqlite$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    reason: str

    @property
    def label(self) -> str:
        local = self.taken_at.astimezone().strftime("%d %b %Y %H:%M:%S")
        return f"{local} — {self.reason.replace('-', ' ')}"


def backup_folder(fact_base: Path) -> Path:
    return fact_base.parent / f"{fact_base.name}.backups"


def take_backup(fact_base: Path, reason: str) -> Backup:
    """Snapshot the fact base now; `reason` is a short slug such as 'manual' or 'before-load'."""
    folder = backup_folder(fact_base)
    folder.mkdir(exist_ok=True)
    taken = datetime.now(UTC).replace(microsecond=0)
    target = folder / f"{fact_base.stem}-{taken:%Y%m%dT%H%M%SZ}-{reason}.sqlite"
    counter = 1
    while target.exists():  # two backups within one second: keep both
        counter += 1
        target = folder / f"{fact_base.stem}-{taken:%Y%m%dT%H%M%SZ}-{reason}-{counter}.sqlite"
    try:
        storage.engine_for(fact_base).snapshot_into(fact_base, target)
    except (StorageFailure, OSError) as error:
        raise UserError(f"The backup could not be written to “{folder}” ({error}).") from None
    rotate(fact_base)
    return Backup(target, taken, reason)


def list_backups(fact_base: Path) -> list[Backup]:
    """Newest first."""
    folder = backup_folder(fact_base)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.sqlite"):
        match = _NAME.match(path.name)
        if match:
            taken = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            found.append(Backup(path, taken, re.sub(r"-\d+$", "", match["reason"])))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def backups_to_keep(backups: list[Backup]) -> set[Path]:
    """The grandfather-father-son schedule over backups sorted newest first."""
    keep = {b.path for b in backups[:KEEP_NEWEST]}
    for period, count in ((lambda t: t.date(), KEEP_DAILY),
                          (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
                          (lambda t: (t.year, t.month), KEEP_MONTHLY)):
        seen = []
        for backup in backups:
            key = period(backup.taken_at)
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                keep.add(backup.path)
    return keep


def rotate(fact_base: Path) -> list[Path]:
    """Delete backups the schedule no longer needs; returns what was deleted."""
    backups = list_backups(fact_base)
    keep = backups_to_keep(backups)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore_backup(fact_base: Path, backup: Path) -> Backup:
    """Replace the fact base's content with a backup's, keeping a backup of what is replaced.

    Anyone else with the fact base open sees either the old or the restored content, never a mixture
    (`StorageEngine.restore`).
    """
    engine = storage.engine_for(fact_base)
    try:
        damaged = bool(engine.copy_problems(backup))
    except StorageFailure:
        raise UserError(f"“{backup.name}” is not a fact base backup, so it was not restored.") from None
    if damaged:
        raise UserError(f"“{backup.name}” is damaged, so it was not restored.")
    safety = take_backup(fact_base, "before-restore")
    try:
        engine.restore(fact_base, backup)
    except StorageFailure as error:
        raise UserError(f"The backup could not be restored: {error}; the fact base was left as it was.") from None
    return safety
