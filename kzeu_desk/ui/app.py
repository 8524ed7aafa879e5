"""Starting the GUI: the window shows first, the database layer loads right after (importing
SQLModel/SQLAlchemy takes 0.3-0.9 s, more than PySide6's ~0.2 s)."""

from __future__ import annotations

import gc
import os
import sys
import time
import traceback
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kzeu_desk import __version__
from kzeu_desk.paths import resources_dir, user_data_dir
from kzeu_desk.ui.main_window import MainWindow
from kzeu_desk.ui.interpreter_sharing import share_the_interpreter_with_the_gui
from kzeu_desk.ui.platform_check import missing_window_libraries_message, no_display_message

_open_windows: list[MainWindow] = []  # windows opened from a menu live until closed
_last_said: dict[str, float] = {}  # known failures shown, and when
_current_fact_base: list[Path | str | None] = [None]  # named in sentences about failures that name no file
_SMOKE_RUN_MS = 400


def _application() -> QApplication:
    # This process only ever makes a QApplication; `instance()` is typed as its base class.
    app = cast(QApplication | None, QApplication.instance())
    if app is None:
        app = QApplication(sys.argv[:1])
    share_the_interpreter_with_the_gui()
    app.setApplicationName("kzeu_desk")
    app.setOrganizationName("kzeu_desk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("kzeu-desk")
    icon = resources_dir() / "icons" / "kzeu_desk.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def _report_unexpected(exc_type, exc, tb) -> None:
    """An unexpected error becomes one sentence for the user; the details go to a log file.
    A damaged file, a full disk or a file that cannot be written is said in its own words."""
    known = opening_failure(exc, _current_fact_base[0]) if isinstance(exc, Exception) else None
    if known is not None and QApplication.instance() is not None:
        # A damaged page fails every view that reads it (each cell of a table): say it once a minute.
        now = time.monotonic()
        if _last_said.get(known, -60.0) + 60 <= now:
            _last_said[known] = now
            QMessageBox.critical(None, "kzeu_desk", known)
        return
    log = user_data_dir() / "errors.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(exc_type, exc, tb)) + "\n")
    except OSError:
        pass
    # One sentence on the terminal too: the traceback is in the log.
    print(f"kzeu-desk: something went wrong ({exc_type.__name__}); the details are in {log}.", file=sys.stderr)
    if QApplication.instance() is not None and not isinstance(exc, KeyboardInterrupt):
        QMessageBox.critical(None, "kzeu_desk",
                             f"Something went wrong and the last action may not have finished. Details are in {log}.")


def _open_fact_base(db: Path | str | None, *, read_only: bool, ask: bool = True, parent: QWidget | None = None):
    """Open for the GUI; returns (fact base, instance lock or None), or None if the user cancelled."""
    from kzeu_desk.core.instance_lock import InstanceLock
    from kzeu_desk.core.locations import is_url
    from kzeu_desk.core.sample_corpus import open_default_fact_base
    from kzeu_desk.core.service import FactBase
    from kzeu_desk.paths import default_fact_base_path

    if is_url(db):  # a team's fact base on a server: its grants and transactions keep curators apart
        assert isinstance(db, str)
        on_server = _open_on_server(db, read_only=read_only, ask=ask, parent=parent)
        if on_server is not None:
            _current_fact_base[0] = db
        return None if on_server is None else (on_server, None)
    path = default_fact_base_path() if db is None else Path(db)
    lock = None
    reason = None
    if not read_only and path.is_file():
        lock = InstanceLock(path)  # never the reason a file cannot be opened (core/instance_lock.py)
        holder = lock.acquire()
        if not lock.held:
            lock = None
        if holder is not None:
            choice = _ask_about_other_window(path, holder, parent) if ask else "read-only"
            if choice is None:
                return None
            read_only = choice == "read-only"
            reason = (f"“{path.name}” is being edited in another kzeu_desk window ({holder.describe()}), "
                      "so it is open read-only here.")
    try:
        fact_base = (open_default_fact_base(read_only=read_only, read_only_reason=reason) if db is None
                     else FactBase.open(path, read_only=read_only, read_only_reason=reason))
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    _current_fact_base[0] = fact_base.path
    if fact_base.read_only and lock is not None:
        lock.release()  # a file that opened read-only (no permission, newer schema...) is not held
        lock = None
    return fact_base, lock


def _open_on_server(url: str, *, read_only: bool, ask: bool, parent: QWidget | None):
    """FactBase.open, asking for the password when libpq finds none (kept in memory only)."""
    from urllib.parse import unquote

    from kzeu_desk.core.errors import PasswordNeeded
    from kzeu_desk.core.locations import without_password
    from kzeu_desk.core.service import FactBase
    from kzeu_desk.ui.team_connection import ask_password

    password = None
    while True:
        try:
            return FactBase.open(url, read_only=read_only, password=password)
        except PasswordNeeded as needed:
            if not ask:
                raise
            # The address as a person reads it: a socket directory is percent-encoded in it
            # ("host=%2Fvar%2Frun%2Fpostgresql"); it is only shown, never used again.
            password = ask_password(parent, str(needed), unquote(str(without_password(url))))
            if password is None:
                return None


def opening_failure(error: BaseException, db: Path | str | None) -> str | None:
    """One sentence for a fact base that could not be opened, or None for a bug."""
    from kzeu_desk.core.failures import explain_failure

    described = explain_failure(error, db)
    return None if described is None else str(described)


def _ask_about_other_window(path: Path, holder, parent: QWidget | None) -> str | None:
    box = QMessageBox(QMessageBox.Icon.Question, "Fact base already open",
                      f"“{path.name}” is already open for editing in another kzeu_desk window "
                      f"({holder.describe()}). You can review it read-only, or edit it here too: "
                      "both windows' changes are kept, and an edit to a fact changed in the other window "
                      "is refused rather than overwriting it.", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    review = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
    edit = box.addButton("Edit here too", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(review)
    box.exec()
    clicked = box.clickedButton()
    return "read-only" if clicked is review else "edit" if clicked is edit else None


def open_window(db: Path | str | None, *, read_only: bool, parent_for_errors: QWidget | None = None) -> MainWindow | None:
    """Open a fact base in a new window; a user's mistake is reported in one sentence."""
    from kzeu_desk.ui.session import Session

    try:
        opened = _open_fact_base(db, read_only=read_only, parent=parent_for_errors)
    except Exception as error:
        message = opening_failure(error, db)
        if message is None:
            raise
        QMessageBox.warning(parent_for_errors, "kzeu_desk", message)
        return None
    if opened is None:
        return None
    window = MainWindow()
    window.instance_lock = opened[1]
    window.attach(Session(opened[0]))
    window.show()
    _open_windows.append(window)
    window.destroyed.connect(lambda *_: _open_windows.remove(window) if window in _open_windows else None)
    return window


def _fail_smoke_run(exc_type, exc, tb) -> None:
    """In a smoke run nobody can click a dialog away: print the error and fail the run (a known
    failure, such as a damaged file, in one sentence; a bug with its traceback)."""
    known = opening_failure(exc, _current_fact_base[0]) if isinstance(exc, Exception) else None
    if known is not None:
        print(f"\nkzeu-desk: {known}", file=sys.stderr, flush=True)
        # The same failure from every view that reads the file, each prefixed by Qt, is noise now.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stderr.fileno())
        QApplication.exit(2)
        return
    traceback.print_exception(exc_type, exc, tb)
    QApplication.exit(1)


class _AfterFirstPaint(QObject):
    """Runs a callback once the window has been painted, so loading the database layer
    (SQLAlchemy takes longer to import than Qt) never keeps the window blank."""

    _LATEST_MS = 500  # should a platform never paint (hidden, minimised), load anyway

    def __init__(self, window: QObject, callback):
        super().__init__(window)
        self._callback = callback
        self._done = False
        self._report = bool(os.environ.get("KZEU_DESK_REPORT_FIRST_PAINT"))  # docs/PACKAGING.md timings
        window.installEventFilter(self)
        QTimer.singleShot(self._LATEST_MS, self._run)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self._done:
            watched.removeEventFilter(self)
            if self._report:
                print(f"kzeu-desk: first paint at {time.time():.3f}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        if not self._done:
            self._done = True
            self._callback()


def _report_startup(moment: str) -> None:
    """With KZEU_DESK_REPORT_STARTUP=<file>, note when the window appeared and when the workspace was
    ready (CLOCK_MONOTONIC, system-wide on Linux), so benchmarks/startup.py can time a real start."""
    target = os.environ.get("KZEU_DESK_REPORT_STARTUP")
    if not target:
        return
    import json

    path = Path(target)
    marks = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    marks.setdefault(moment, time.monotonic())
    path.write_text(json.dumps(marks), encoding="utf-8")


def run_gui(db: Path | str | None, *, read_only: bool = False, smoke: bool = False) -> int:
    cannot_open_window = (missing_window_libraries_message() or no_display_message()
                          if QApplication.instance() is None else None)
    if cannot_open_window:
        print(cannot_open_window, file=sys.stderr)
        return 2  # the user can fix it by installing the named packages
    app = _application()
    sys.excepthook = _fail_smoke_run if smoke else _report_unexpected
    window = MainWindow()
    window.show()
    _report_startup("first_window_shown")
    outcome = {"code": 0}

    # With no fact base named, the curator goes on where they stopped: the local file they last had
    # open, if it is still there (a server is not dialled unasked). Should it fail to open, the
    # default fact base opens instead with the reason, so a damaged file never locks them out.
    # Smoke runs always take the default, so they do not depend on the profile's history.
    candidates: list[Path | str | None] = [db]
    if db is None and not smoke:
        from kzeu_desk.ui.recent_fact_bases import last_local_fact_base

        last = last_local_fact_base()
        if last is not None:
            candidates = [last, None]

    def fail(message: str) -> None:
        print(f"kzeu-desk: {message}", file=sys.stderr)
        if not smoke:
            QMessageBox.critical(window, "kzeu_desk", message)
        outcome["code"] = 2
        window.close()

    def attach(location: Path | str | None) -> bool:
        """Open a fact base and attach the window to it; False if the curator cancelled."""
        from kzeu_desk.ui.session import Session

        opened = _open_fact_base(location, read_only=read_only, ask=not smoke, parent=window)
        if opened is None:
            return False
        window.instance_lock = opened[1]
        try:
            window.attach(Session(opened[0]))
        except Exception:  # a file that opened but cannot be read (damaged pages or text)
            window.session = None  # half attached: nothing to save on closing
            opened[0].close()
            if opened[1] is not None:
                opened[1].release()
            raise
        return True

    def load() -> None:
        # Importing the database layer and the panes makes ~135k objects, none of them garbage: the
        # cyclic collector walking them again and again was ~10% of start-up. It runs again once
        # the workspace is attached (and what start-up built is then frozen out of its walks).
        gc.disable()
        try:
            open_and_attach()
        finally:
            gc.enable()

    def open_and_attach() -> None:
        not_reopened = None
        for number, location in enumerate(candidates):
            try:
                attached = attach(location)
            except Exception as error:
                message = opening_failure(error, location)
                if message is None:
                    raise
                if number + 1 < len(candidates):
                    not_reopened = message
                    continue
                fail(message)
                return
            if not attached:  # the curator cancelled
                window.close()
                return
            break
        _report_startup("workspace_attached")
        # What start-up built lives as long as the window: collections need not walk it again
        # (a full collection walks every object, holding the interpreter lock: ~100k objects here).
        gc.freeze()
        if smoke:
            QTimer.singleShot(_SMOKE_RUN_MS, window.close)
        if not_reopened is not None:
            message = (f"{not_reopened} The default fact base is open instead; "
                       "File > Open recent still lists the other one.")
            QTimer.singleShot(0, lambda: QMessageBox.warning(window, "kzeu_desk", message))

    _AfterFirstPaint(window, load)
    status = app.exec()
    return outcome["code"] or status
