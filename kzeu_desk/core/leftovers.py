"""Files and folders a kzeu_desk process makes for a while (private copies, staged exports, snapshots
being written), named with the process id so that what a killed process left is recognised and
removed by the next one. Nothing here knows a database engine."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

_PRIVATE_PREFIX = "kzeu-desk-"


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists (a recycled id only delays a clean-up)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def owned_by_me(path: Path) -> bool:
    try:
        return path.lstat().st_uid == os.geteuid()
    except (OSError, AttributeError):
        return False


def private_folder(kind: str) -> Path:
    """A new folder in the system's temporary folder for copies this process reads or stages.

    Folders left by a killed process are removed here, by the next kzeu_desk that makes one (a
    private copy of a large fact base is as large as the fact base).
    """
    remove_stale_private_folders()
    return Path(tempfile.mkdtemp(prefix=f"{_PRIVATE_PREFIX}{kind}-{os.getpid()}-"))


def remove_stale_private_folders() -> None:
    root = Path(tempfile.gettempdir())
    try:
        candidates = [p for p in root.glob(f"{_PRIVATE_PREFIX}*-*-*") if p.is_dir() and not p.is_symlink()]
    except OSError:
        return
    for folder in candidates:
        owner = folder.name.removeprefix(_PRIVATE_PREFIX).split("-")
        if len(owner) >= 3 and owner[1].isdigit() and owned_by_me(folder) and not process_alive(int(owner[1])):
            shutil.rmtree(folder, ignore_errors=True)
