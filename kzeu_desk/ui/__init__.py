"""The Qt user interface. Everything here may import PySide6; nothing in kzeu_desk.core may."""

from __future__ import annotations

from pathlib import Path


def create_main_window(db_path: Path | str, *, read_only: bool = False):
    """Build the main window for a fact base without entering the event loop (a QApplication must exist)."""
    from kzeu_desk.core.service import FactBase
    from kzeu_desk.ui.main_window import MainWindow
    from kzeu_desk.ui.session import Session

    window = MainWindow()
    window.attach(Session(FactBase.open(db_path if isinstance(db_path, str) else Path(db_path), read_only=read_only)))
    return window
