"""Where an export is written before it appears: beside its target, under a name that says whose it is.

An export writes into `.TARGET.PID-RANDOM.kzeu-partial` (a file, or a folder for a data package and
the SQLite snapshot's working copy) in the target's folder, so the final rename never crosses a
file system. If the process is killed, that name remains; the next export into the same folder
removes every such leftover whose process no longer runs (a snapshot's staging copy is as large as
the fact base, 25 MB for the sample-sized bases measured, and was never removed before).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from pathlib import Path

from kzeu_desk.core.leftovers import process_alive

_SUFFIX = ".kzeu-partial"
_STAGED = re.compile(r"^\..+\.(?P<pid>\d+)-[0-9a-f]+" + re.escape(_SUFFIX) + r"$")


def staging_path(target: Path) -> Path:
    """A fresh name beside `target` for writing it; stale leftovers in that folder are removed first."""
    remove_stale_staging(target.parent)
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{_SUFFIX}")


def remove_stale_staging(folder: Path) -> list[Path]:
    """Remove what killed exports left in `folder`; returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _STAGED.match(entry.name)
        if not match or process_alive(int(match["pid"])):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry)
        except OSError:
            pass
    return removed


def discard(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
