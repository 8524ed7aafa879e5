"""The app's own settings file, and reading lists back from it as lists.

Kept beside the personal fact base (settings.ini in the user data folder), so KZEU_DESK_DATA_DIR
isolates a whole profile: tests, smoke runs and a curator's second profile never share state.

QSettings' INI format stores a list of one string exactly as it stores a string, so such a list comes
back as a plain `str` (and an empty list as None). Iterating that string gave Open recent one menu
entry per character ("/", "t", "m", "p", ...). `string_list` undoes the ambiguity for every caller.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from kzeu_desk.paths import user_data_dir

SETTINGS_FILE_NAME = "settings.ini"


def app_settings() -> QSettings:
    return QSettings(str(user_data_dir() / SETTINGS_FILE_NAME), QSettings.Format.IniFormat)


def string_list(settings: QSettings, key: str) -> list[str]:
    """A list of strings stored under `key`: [] when missing, one item when QSettings hands back a str."""
    value = settings.value(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if isinstance(item, str) and item]
    return []


def set_string_list(settings: QSettings, key: str, values: list[str]) -> None:
    settings.setValue(key, list(values))


def last_folder(purpose: str, fallback: str) -> str:
    """The folder a file dialog for `purpose` last used, if it still exists; else `fallback`."""
    from pathlib import Path

    folder = app_settings().value(f"folders/{purpose}")
    return folder if isinstance(folder, str) and folder and Path(folder).is_dir() else fallback


def remember_folder(purpose: str, chosen_file_or_folder: str) -> None:
    """Remember where the curator just chose a file (or a folder) for the next dialog of this kind."""
    from pathlib import Path

    chosen = Path(chosen_file_or_folder)
    folder = chosen if chosen.is_dir() else chosen.parent
    app_settings().setValue(f"folders/{purpose}", str(folder))
