"""File > Open recent: the fact bases this profile opened, newest first, kept in the settings file.

Paths are stored whole and absolute, once each; a team's fact base on a server by its
postgresql:// address (never with a password: the window remembers `FactBase.location_text`). A fact base that is no longer where it was stays in
the list, greyed, until the curator removes it: a disconnected drive is not a reason to forget it.
The menu is the automation contract `menuRecentFactBases`; each fact base's action carries its path
as `data()` (docs/automation.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from kzeu_desk.ui.app_settings import app_settings, set_string_list, string_list

MAX_RECENT = 10
_KEY = "recentFactBases"


def _is_address(path: str) -> bool:
    return path.lower().startswith(("postgresql://", "postgres://"))


def normalised_location(path: Path | str) -> str:
    """A fact base's path or address as this list keys it (what other per-fact-base settings key by too)."""
    if isinstance(path, str) and _is_address(path):
        return path.strip()
    # Absolute without resolving symlinks: the curator sees the path they opened, not where a link points.
    return os.path.normpath(os.path.abspath(os.path.expanduser(str(path))))


def recent_paths() -> list[str]:
    """The remembered fact bases, newest first, without duplicates."""
    seen: set[str] = set()
    paths = []
    for path in string_list(app_settings(), _KEY):
        if not _is_address(path) and (not os.path.isabs(path) or not Path(path).name):
            continue  # not a path this module wrote: e.g. the characters an older version split a path into
        normal = normalised_location(path)
        if normal not in seen:
            seen.add(normal)
            paths.append(normal)
    return paths


def last_local_fact_base() -> Path | None:
    """The fact base file opened last, if it is still where it was; None for a server or a missing file."""
    paths = recent_paths()
    if not paths or _is_address(paths[0]):
        return None
    last = Path(paths[0])
    return last if last.is_file() else None


def remember(path: Path | str) -> None:
    normal = normalised_location(path)
    set_string_list(app_settings(), _KEY, [normal, *(p for p in recent_paths() if p != normal)][:MAX_RECENT])


def forget(paths: list[str]) -> None:
    gone = {normalised_location(p) for p in paths}
    set_string_list(app_settings(), _KEY, [p for p in recent_paths() if p not in gone])


def _label(number: int, path: str, names: list[str]) -> str:
    if _is_address(path):  # a server's database, by its address (no password is ever in it)
        shown = _server_label(path).replace("&", "&&")
        return f"&{number} {shown}" if number < 10 else shown
    name = Path(path).name
    # Two fact bases of the same name (facts.sqlite in two projects) are told apart by their folder.
    shown = name if names.count(name) == 1 else f"{name} — {Path(path).parent.name or path}"
    shown = shown.replace("&", "&&")
    return f"&{number} {shown}" if number < 10 else shown


def _server_label(address: str) -> str:
    """“kz_eu_facts on db.example.org (team)”: the database and its host, as the address names them."""
    from urllib.parse import parse_qs, urlsplit

    try:
        parts = urlsplit(address)
        host = parts.hostname or parse_qs(parts.query).get("host", ["this computer"])[0]
    except ValueError:
        return address
    if host.startswith("/"):
        host = "this computer"
    database = parts.path.lstrip("/") or parts.username or "database"
    return f"{database} on {host} (team)"


class RecentFactBasesMenu(QMenu):
    """The submenu; `open_requested(path)` is called with a chosen fact base that exists."""

    def __init__(self, parent: QWidget, open_requested: Callable[[Path | str], None], say: Callable[[str], None]):
        super().__init__("Open &recent", parent)
        self.setObjectName("menuRecentFactBases")
        self._open_requested = open_requested
        self._say = say
        self.setToolTipsVisible(True)
        # Read again each time: another window (or another launch) may have changed the list.
        self.aboutToShow.connect(self.refill)
        self.refill()

    def path_actions(self) -> list[QAction]:
        """One action per remembered fact base, newest first (their `data()` is the path)."""
        return [action for action in self.actions() if isinstance(action.data(), str) and action.data()]

    def refill(self) -> None:
        self.clear()
        paths = recent_paths()
        names = [Path(p).name for p in paths]
        missing = []
        for number, path in enumerate(paths, start=1):
            exists = _is_address(path) or Path(path).is_file()  # a server is asked when chosen
            action = self.addAction(_label(number, path, names) + ("" if exists else " (not found)"))
            action.setData(path)
            action.setToolTip(path if exists else f"{path} is not there any more")
            action.setStatusTip(path)
            action.setEnabled(exists)
            if exists:
                action.triggered.connect(lambda _checked=False, p=path: self._choose(p))
            else:
                missing.append(path)
        if not paths:
            self.addAction("No recent fact bases").setEnabled(False)
            return
        self.addSeparator()
        remove_missing = self.addAction("Remove &missing fact bases from the list")
        remove_missing.setObjectName("actionRemoveMissingRecent")
        remove_missing.setEnabled(bool(missing))
        remove_missing.triggered.connect(lambda: (forget(missing), self.refill()))
        clear = self.addAction("&Clear the list")
        clear.setObjectName("actionClearRecent")
        clear.triggered.connect(lambda: (forget(paths), self.refill()))

    def _choose(self, path: str) -> None:
        if not _is_address(path) and not Path(path).is_file():
            self.refill()
            self._say(f"There is no fact base at “{path}” any more; it is shown greyed in Open recent.")
            return
        self._open_requested(path if _is_address(path) else Path(path))
