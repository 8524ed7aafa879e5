"""Where kzeu_desk finds its shipped files and keeps its per-user data.

One helper knows the three layouts: a PyInstaller bundle (files under sys._MEIPASS), an
installed wheel (files under kzeu_desk/_data), and a source checkout (files at the project top
level). Nothing here ever looks at the current working directory.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

APP_NAME = "kzeu_desk"
_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """The folder holding `resources/` and `db/` for this way of running."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    installed = _PACKAGE_DIR / "_data"
    if (installed / "resources").is_dir():
        return installed
    return _PACKAGE_DIR.parent


def resources_dir() -> Path:
    return data_root() / "resources"


def migrations_dir() -> Path:
    return data_root() / "db"


def sample_corpus_dir() -> Path:
    return resources_dir() / "corpus"


def user_data_dir() -> Path:
    """Per-user folder for the default fact base; KZEU_DESK_DATA_DIR overrides it (tests, smoke runs)."""
    override = os.environ.get("KZEU_DESK_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_fact_base_path() -> Path:
    return user_data_dir() / "facts.kzeu.sqlite"
