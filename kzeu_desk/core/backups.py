"""Rotating snapshots of a fact base, and restoring one.

A backup is always a consistent, checked snapshot written atomically by the storage engine
(`StorageEngine.snapshot_into`), never a raw copy of a live file. Backups live beside the fact base in `<name>.backups/`, named by time and
reason (manual, periodic, before-load, before-migration, before-restore), and are thinned to a
grandfather-father-son schedule: the newest of each of the last 12 days, 10 weeks and 9 months are
kept, as are the newest few whatever their age.

A restore accepts only a file this version can open as a fact base (our schema, not newer, passing
quick_check), and always keeps what it replaces first.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from kzeu_desk.core import storage
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.leftovers import private_folder
from kzeu_desk.core.locations import Location
from kzeu_desk.core.progress import Progress, Stopped
from kzeu_desk.core.storage import StorageFailure
import contextlib

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, KEEP_NEWEST = 12, 10, 9, 5
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>[a-z-]+)(?:-\d+)?\.sqlite$")
# Names earlier versions gave the backups taken before a load or a migration.
_OLDER_NAMES = (
    re.compile(r"^(?P<stem>.+)-(?P<reason>before-load)-(?P<stamp>\d{8}T\d{6})\d*Z\.sqlite$"),
    re.compile(r"^(?P<stem>.+)-(?P<reason>before-migration)-from-.+-(?P<stamp>\d{8}T\d{6})Z\.sqlite$"),
)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    reason: str

    @property
    def label(self) -> str:
        local = self.taken_at.astimezone().strftime("%d %b %Y %H:%M:%S")
        return f"{local} — {self.reason.replace('-', ' ')}"


def backup_folder(fact_base: Location) -> Path:
    """Beside a file; for a fact base on a server (which its administrator backs up as a whole), a
    folder of this user's own, one per server database."""
    if isinstance(fact_base, Path):
        return fact_base.parent / f"{fact_base.name}.backups"
    from kzeu_desk.paths import user_data_dir

    return user_data_dir() / "server backups" / f"{_stem(fact_base)}.backups"


def _stem(fact_base: Location) -> str:
    if isinstance(fact_base, Path):
        return fact_base.stem
    return re.sub(r"[^\w.-]+", "-", storage.engine_for(fact_base).shown_name(fact_base)).strip("-") or "fact-base"


def take_backup(fact_base: Location, reason: str, progress: Progress | None = None, *,
                rotating: bool = True) -> Backup:
    """Snapshot the fact base now; `reason` is a short slug such as 'manual' or 'before-load'.
    Stopped through `progress`, it raises `Stopped` and leaves no file (and no folder it made).
    `rotating=False` leaves older backups alone (the caller rotates once this one is sure to stay)."""
    folder = backup_folder(fact_base)
    made_folder = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"No backup could be taken: the folder “{folder}” cannot be made "
                        f"({_os_reason(error)}).") from None
    taken = datetime.now(UTC).replace(microsecond=0)
    stem = _stem(fact_base)
    target = folder / f"{stem}-{taken:%Y%m%dT%H%M%SZ}-{reason}.sqlite"
    counter = 1
    while target.exists():  # two backups within one second: keep both
        counter += 1
        target = folder / f"{stem}-{taken:%Y%m%dT%H%M%SZ}-{reason}-{counter}.sqlite"
    try:
        storage.engine_for(fact_base).snapshot_into(fact_base, target, progress)
    except Stopped:
        if made_folder:
            shutil.rmtree(folder, ignore_errors=True)  # nor of one the curator stopped
        raise
    except (StorageFailure, OSError) as error:
        if made_folder:
            shutil.rmtree(folder, ignore_errors=True)  # nothing is left of a backup that failed
        raise UserError(f"No backup could be written to “{folder}” ({_os_reason(error)}).") from None
    if rotating:
        rotate(fact_base)
    return Backup(target, taken, reason)


def _os_reason(error: Exception) -> str:
    message = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    if "full" in message.lower() or "No space" in message:
        return "the disk is full"
    if "readonly" in message or "Read-only" in message:
        return "the folder is on a read-only disk or cannot be written"
    return message[:1].lower() + message[1:]


def discard_backup(backup: Backup) -> None:
    """Remove a backup that turned out not to be needed (the change it guarded was not made), and its
    folder if that holds nothing else."""
    backup.path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        backup.path.parent.rmdir()


def list_backups(fact_base: Location) -> list[Backup]:
    """Newest first."""
    folder = backup_folder(fact_base)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.sqlite"):
        backup = _parse_name(path)
        if backup is not None and backup[0] == _stem(fact_base):
            found.append(Backup(path, backup[1], backup[2]))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _parse_name(path: Path) -> tuple[str, datetime, str] | None:
    for pattern in (_NAME, *_OLDER_NAMES):
        match = pattern.match(path.name)
        if match:
            stamp = match["stamp"] if match["stamp"].endswith("Z") else match["stamp"] + "Z"
            taken = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            return match["stem"], taken, match["reason"]
    return None


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


def rotate(fact_base: Location) -> list[Path]:
    """Delete backups the schedule no longer needs; returns what was deleted."""
    backups = list_backups(fact_base)
    keep = backups_to_keep(backups)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


# -- restoring -----------------------------------------------------------------------------------


def restore_backup(fact_base: Location, backup: Path, progress: Progress | None = None) -> Backup:
    """Replace the fact base's content with a backup's, keeping a backup of what is replaced.

    The engine vets the backup like any fact base (not newer than this version, passing its checks;
    an older schema is brought up to date in a private copy first) and says in one sentence why it
    will not restore it. Anyone else with the fact base open sees either the old or the restored
    content, never a mixture (`StorageEngine.restore`); a damaged fact base's bytes are kept as they
    are before a checked copy replaces it.

    A stop asked of `progress` raises `Stopped` with the fact base exactly as it was: until the
    replacement the fact base is only read (the backup checked and copied privately, the present
    state backed up), and the replacement itself is one transaction that a stop rolls back. The
    backup of the present state taken for it is removed then (it holds what is still there), and
    older backups are thinned only once the restore is done. A damaged fact base, once set aside,
    is replaced without offering to stop.
    """
    backup = Path(backup)
    engine = storage.engine_for(fact_base)
    folder = private_folder("restore")
    try:
        copy = engine.restorable_copy(backup, folder, progress)
        target = engine.restore_target(fact_base)
        if progress is not None:
            progress.check()
        safety = _keep_what_is_replaced(fact_base, target, progress)
        try:
            if target == "damaged":  # only a file is ever damaged (a server keeps its storage sound)
                engine.snapshot_into(copy, Path(fact_base))
            else:
                engine.restore(fact_base, copy, progress)
        except Stopped:
            if target == "fact base":
                discard_backup(safety)
            raise
        except (StorageFailure, OSError) as error:
            raise UserError(f"The backup could not be restored ({_os_reason(error)}); the fact base was left as "
                            "it was.") from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if target == "fact base":
        rotate(fact_base)
    return safety


def _keep_what_is_replaced(fact_base: Location, target: Literal["missing", "fact base", "damaged"],
                           progress: Progress | None = None) -> Backup:
    if target == "missing":
        return Backup(Path(fact_base), datetime.now(UTC), "nothing replaced")
    if target == "fact base":
        return take_backup(fact_base, "before-restore", progress, rotating=False)
    folder = backup_folder(fact_base)
    taken = datetime.now(UTC).replace(microsecond=0)
    kept = folder / f"{_stem(fact_base)}-{taken:%Y%m%dT%H%M%SZ}-damaged-before-restore.sqlite"
    try:
        storage.engine_for(fact_base).set_aside(fact_base, kept)
    except OSError as error:
        raise UserError(f"Nothing was restored: the damaged file could not be kept first ({_os_reason(error)}).") from None
    return Backup(kept, taken, "damaged-before-restore")
