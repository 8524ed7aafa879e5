"""A command that may create a fact base leaves none behind when it fails (a refused load or import)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from kzeu_desk.core import storage


class NewFactBase:
    """What `discarded_if_new_and_unused` knows about the path it guards."""

    def __init__(self, path: Path, is_new: bool):
        self.path = path
        self.is_new = is_new
        self.discard_on_exit = False

    def discard_if_new(self) -> None:
        self.discard_on_exit = self.is_new


@contextmanager
def discarded_if_new_and_unused(path: Path | str) -> Iterator[NewFactBase]:
    """Guard a command that may create a fact base: when it fails (or calls `discard_if_new`), a
    fact base it created is removed again with everything made for it (the engine's companion
    files, the lock, the backups folder, parent folders), so the disk is left as it was."""
    if storage.is_server_url(path):  # a database on a server is its administrator's to create and remove
        yield NewFactBase(Path(), is_new=False)
        return
    path = Path(path)
    if os.path.lexists(path):
        yield NewFactBase(path, is_new=False)
        return
    missing_folders = []
    folder = path.absolute().parent
    while not folder.exists():
        missing_folders.append(folder)
        folder = folder.parent
    backups = path.absolute().parent / f"{path.name}.backups"
    had_backups = backups.exists()
    guard = NewFactBase(path, is_new=True)
    try:
        yield guard
    except BaseException:
        _remove_created(path, missing_folders, None if had_backups else backups)
        raise
    if guard.discard_on_exit:
        _remove_created(path, missing_folders, None if had_backups else backups)


def _remove_created(path: Path, folders: list[Path], backups: Path | None) -> None:
    made = [*storage.engine_for(path).companion_files(path), path.with_name(f".{path.name}.lock")]
    for file in made:
        with suppress(OSError):
            file.unlink()
    if backups is not None:
        shutil.rmtree(backups, ignore_errors=True)
    for folder in folders:  # deepest first
        try:
            folder.rmdir()
        except OSError:
            break
