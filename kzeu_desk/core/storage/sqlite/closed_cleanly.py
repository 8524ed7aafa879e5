"""Fact base files this app closed cleanly, and exactly how they looked then.

A file is quick_checked before anything is written to it (opening.py), so that a damaged file is
never made worse. The check reads every page: 1.53 s of the 2.07 s it took to open a fact base of
a million facts (8 Dec, file in the page cache), on every open, although the file is nearly always
the one this app closed a day earlier and nothing has touched since. So when this app hands a file
back at rest (one file, rollback-journal mode, nobody else holding it), it notes the file's
identity, size, modification and change times to the nanosecond and a digest of its header; an
open that finds all of them unchanged, and no journal or -wal beside the file, skips the check.
Anything that writes to the file - SQLite, a copy over it, a damaging `dd` - moves its times, and
a copy to another place is another inode, so such a file is checked as before. Decay of the disk
under an unchanged file is what this gives up; Tools > Check reads every page whenever asked.

Times are only as fine as the file system's clock (coarse ones tick every 1-10 ms): a write in
the same tick as our last one would leave the times as noted. So the note is taken only once the
clock has passed the file's times by `_CLOCK_TICK_NS`, and it is trusted only if it says so.
The notes live in one small JSON file in the user's data folder; losing it, or any error reading
or writing it, only means the next open checks the file again.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from kzeu_desk.core.storage.sqlite import files as sqlite_file
from kzeu_desk.paths import user_data_dir

NOTES_FILE_NAME = "closed-cleanly.json"
_CLOCK_TICK_NS = 25_000_000  # longer than the coarsest file-time tick in use (10 ms at 100 Hz)
_NOTES_KEPT = 64  # the fact bases a curator has open in turn; older notes only cost one check
_HEADER_BYTES = 100  # SQLite's database header: page size, counters, journal mode, schema cookie


def note_closed_cleanly(path: Path) -> None:
    """Note how a file this app has just handed back at rest looks (see the module's docstring)."""
    try:
        path = path.resolve()
        found = path.stat()
        wait_ns = max(found.st_mtime_ns, found.st_ctime_ns) + _CLOCK_TICK_NS - time.time_ns()
        if wait_ns > _CLOCK_TICK_NS:
            return  # the file's times are ahead of our clock (a file server's clock, a clock set back): no note
        if wait_ns > 0:
            time.sleep(wait_ns / 1e9)
        fingerprint = _fingerprint(path)
        if fingerprint is None:
            return
        notes = _read_notes()
        notes.pop(str(path), None)
        notes[str(path)] = {**asdict(fingerprint), "noted_at_ns": time.time_ns()}
        _write_notes(dict(list(notes.items())[-_NOTES_KEPT:]))
    except OSError:
        return


def unchanged_since_closed_cleanly(path: Path) -> bool:
    """Whether the file is exactly as this app last handed it back at rest."""
    try:
        path = path.resolve()
        note = _read_notes().get(str(path))
        fingerprint = _fingerprint(path)
    except OSError:
        return False
    if not isinstance(note, dict) or fingerprint is None:
        return False
    noted_at = note.get("noted_at_ns")
    if not isinstance(noted_at, int) or noted_at - fingerprint.changed_last_ns < _CLOCK_TICK_NS:
        return False
    return all(note.get(key) == value for key, value in asdict(fingerprint).items())


@dataclass(frozen=True)
class _Fingerprint:
    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int
    header: str  # SHA-256 of the header, hex

    @property
    def changed_last_ns(self) -> int:
        return max(self.mtime_ns, self.ctime_ns)


def _fingerprint(path: Path) -> _Fingerprint | None:
    """The file's identity and times, or None when it is not at rest as one file in rollback mode."""
    if any(companion.exists() for companion in (sqlite_file.wal_file(path), sqlite_file.journal_file(path))):
        return None
    with path.open("rb") as handle:
        found = os.fstat(handle.fileno())
        header = handle.read(_HEADER_BYTES)
    # Bytes 18 and 19 are the write and read versions: 1 in rollback-journal mode, 2 in WAL mode.
    if len(header) < _HEADER_BYTES or header[18:20] != b"\x01\x01":
        return None
    return _Fingerprint(found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns,
                        hashlib.sha256(header).hexdigest())


def _notes_path() -> Path:
    return user_data_dir() / NOTES_FILE_NAME


def _read_notes() -> dict[str, object]:
    try:
        notes = json.loads(_notes_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return notes if isinstance(notes, dict) else {}


def _write_notes(notes: dict[str, object]) -> None:
    target = _notes_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        partial.write_text(json.dumps(notes, indent=1), encoding="utf-8")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
