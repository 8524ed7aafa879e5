"""The workspace's long actions run here, off the GUI thread, so the window never stops answering.

Modelled on Anki's `CollectionOp`/`QueryOp`: an operation is a function of the open fact base (and
a `Progress` it may report to), run on a worker thread; what it returns comes back on the GUI
thread, where a writing operation's `Changes` are adopted into the undo stack and announced through
`Session.changed`, so every pane refreshes from them as after any edit.

    WorkspaceOp(window, session, "Re-check all conflicts",
                lambda fact_base, progress: fact_base.rescan_conflicts(progress=progress)) \\
        .writes() \\
        .with_progress("Checking every fact against the others…", cancellable=True) \\
        .success(lambda changes: ...) \\
        .run_in_background()

- `.writes(undoable=True, changes=..., exclusive=True)`: the operation writes. Only one exclusive
  writing operation runs at a time, and while it runs the session is busy (`Session.busy`): actions
  that change the fact base are disabled and `Session.perform` refuses with a sentence, because a
  second writer on the GUI thread would wait for the first one's transaction and freeze the window.
  `exclusive=False` is for work whose long part comes before a short transaction (reading
  documents, placing highlights on a revision): the curator keeps editing meanwhile. `changes` finds the
  `Changes` in the result (default: the result is the Changes); `undoable=False` announces them
  without an undo step (a restore replaces everything undo could replay).
- `.with_progress(text, cancellable=..., modal=True)`: a progress dialog, shown only if the work
  lasts over 400 ms (a short one finishes before a dialog would flash). Stop is offered only when
  the operation can stop safely; it then raises `Stopped` at its next safe point and nothing is
  changed. Without it, progress shows in the status bar and the window stays fully usable
  (reading operations such as backups and checks need nothing more: readers never wait for a
  writer).
- `.stoppable()`: for an operation without a dialog, a Stop button beside its label in the status
  bar (a backup, a reviewer copy: nothing is left of them when stopped).
- `.success(callback)` gets the result on the GUI thread; `.failure(callback)` gets a `UserError`
  (one sentence; by default `Session.failed` shows it). An unexpected exception is raised again on
  the GUI thread, where the application's handler reports it.
- `.on_report(callback)` hears each progress `Report` on the GUI thread; `.stopped(callback)` is
  called instead of success when the curator stopped it; `.afterwards(callback)` last, whatever
  happened.
- `.run_in_background()` starts it and returns the operation; `.wait()` blocks until it is done
  (tests, and closing the window); `.stop()` asks it to stop.
"""

from __future__ import annotations

import concurrent.futures
import concurrent.futures.process
import functools
import gc
import itertools
import multiprocessing
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow, QProgressBar, QProgressDialog, QPushButton,
                               QToolButton, QWidget)

from kzeu_desk.core.changes import Changes
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.progress import Progress, Report, Stopped
from kzeu_desk.core.service import FactBase
# Re-exported: the runner is where long work and the interpreter's sharing were documented first.
from kzeu_desk.ui.interpreter_sharing import share_the_interpreter_with_the_gui as share_the_interpreter_with_the_gui
from kzeu_desk.ui.session import Session

T = TypeVar("T")

SHOW_PROGRESS_AFTER_MS = 400
_STEPS = 1000  # progress widgets take ints; rows can number in the millions


class _CollectorPause:
    """Python's cyclic garbage collector makes no full collection while operations run. A full
    collection walks every object the process holds, holding the interpreter lock all along: with the
    rows of a re-scan in memory it stopped the window for 0.15-0.25 s at 100k facts (the 10 ms probe's
    longest gap, where the work itself never held the lock over 40 ms).

    The young generations keep collecting: each collection walks only the objects made since the
    last one (hundreds, ~0.1 ms). Holding the whole collector instead, as before, left everything an
    operation made and kept in the youngest generation, and the first allocation after it walked
    all of it on the GUI thread: 20.6 ms after an import of ten documents at 1M facts."""

    _running = 0
    _thresholds: tuple[int, int, int] | None = None
    _NO_FULL_COLLECTION = 2**30  # young collections between full ones: never, while work runs

    @classmethod
    def enter(cls) -> None:
        cls._running += 1
        if cls._running == 1:
            young, middle, _full = cls._thresholds = gc.get_threshold()
            gc.set_threshold(young, middle, cls._NO_FULL_COLLECTION)

    @classmethod
    def leave(cls) -> None:
        cls._running -= 1
        if cls._running == 0 and cls._thresholds is not None:
            cls.set_aside_what_lives()
            gc.set_threshold(*cls._thresholds)
            cls._thresholds = None

    @staticmethod
    def set_aside_what_lives() -> None:
        """The full collection put off while work ran would come at the next allocations, on
        whichever thread makes them (the GUI thread, adopting the work's result), and walk every
        object the window holds: what the earlier actions left alive too. At the end of a whole
        stall probe at 1M facts that was the restore's longest gap (134 ms, 121 ms of it the GUI
        thread's CPU, against 31-36 ms for a restore alone). What lives now lives on (the views' rows,
        caches, the open fact base): moved out of the collector's walks, as start-up's objects are
        (`gc.freeze`). The young generations are collected first (what the work made since their
        last collection, a few thousand objects), so the cycles it made and dropped are freed, not
        kept; cycles that were still alive when promoted and die later are kept until the process
        ends (the probe's `collector_at_end` counts them)."""
        gc.collect(1)
        gc.freeze()


class _Signals(QObject):
    """Lives on the GUI thread; emitted from the worker, so every slot runs on the GUI thread.

    Emitting from the worker is safe here because this object outlives every emission and dies on
    the GUI thread: it belongs to its operation, which the worker thread holds (its target) until
    it ends and the session holds until `_finish`; `_finish` joins the worker before the session
    lets the operation go. (Views' short computations, which have no such owner, answer through
    `_Mailbox` below instead.)"""

    reported = Signal(object)  # Report
    finished = Signal(object, object)  # result, exception (one of them None)


class WorkspaceOp(Generic[T]):
    def __init__(self, parent: QWidget, session: Session, label: str,
                 work: Callable[[FactBase, Progress], T]):
        self.label = label
        self._parent = parent
        self._session = session
        self._work = work
        self._writes = False
        self._exclusive = False
        self._undoable = True
        self._changes_of: Callable[[T], Changes | None] = _result_as_changes
        self._progress_text: str | None = None
        self._cancellable = False
        self._modal = True
        self._on_success: Callable[[T], Any] | None = None
        self._on_failure: Callable[[UserError], Any] | None = None
        self._on_stopped: Callable[[], Any] | None = None
        self._afterwards: Callable[[], Any] | None = None
        self._report_callbacks: list[Callable[[Report], Any]] = []
        self.progress = Progress(self._report_from_worker, stop_message=f"{label} was stopped; nothing was changed.")
        self._signals = _Signals()
        self._signals.reported.connect(self._show_report)
        self._signals.finished.connect(self._finish)
        self._thread: threading.Thread | None = None
        self._dialog: QProgressDialog | None = None
        self._status: _StatusProgress | None = None
        self.stop_button: QToolButton | None = None  # in the status bar, for a stoppable quiet operation
        self.stops_on_close = True  # closing the window stops it, if it can stop
        self._show_timer: QTimer | None = None
        self.started_at = 0.0
        self.result: T | None = None
        self.error: BaseException | None = None
        self.done = False

    # -- how it runs ---------------------------------------------------------------------------

    def writes(self, *, undoable: bool = True, changes: Callable[[T], Changes | None] | None = None,
               exclusive: bool = True) -> WorkspaceOp[T]:
        self._writes = True
        self._exclusive = exclusive
        self._undoable = undoable
        if changes is not None:
            self._changes_of = changes
        return self

    def with_progress(self, text: str, *, cancellable: bool = False, modal: bool = True) -> WorkspaceOp[T]:
        self._progress_text = text
        self._cancellable = cancellable
        self._modal = modal
        return self

    def stoppable(self) -> WorkspaceOp[T]:
        """Offer Stop in the status bar (an operation shown there, without a dialog); the work must
        raise `Stopped` at safe points, leaving nothing half done. Closing the window lets it finish:
        the curator asked for its file and did not stop it."""
        self._cancellable = True
        self.stops_on_close = False
        return self

    def success(self, callback: Callable[[T], Any]) -> WorkspaceOp[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[UserError], Any]) -> WorkspaceOp[T]:
        self._on_failure = callback
        return self

    def stopped(self, callback: Callable[[], Any]) -> WorkspaceOp[T]:
        """Called instead of success when the curator stopped the operation (nothing was changed)."""
        self._on_stopped = callback
        return self

    def afterwards(self, callback: Callable[[], Any]) -> WorkspaceOp[T]:
        """Called last, whatever happened (also when the operation was refused because another runs)."""
        self._afterwards = callback
        return self

    def on_report(self, callback: Callable[[Report], Any]) -> WorkspaceOp[T]:
        """Also hear each progress report, on the GUI thread."""
        self._report_callbacks.append(callback)
        return self

    @property
    def writing(self) -> bool:
        """Whether this operation keeps the session busy: its writes take long in one transaction."""
        return self._writes and self._exclusive

    # -- running -------------------------------------------------------------------------------

    def run_in_background(self) -> WorkspaceOp[T]:
        session = self._session
        if not session.may_start(self):
            self.done = True
            if self._afterwards is not None:
                self._afterwards()
            return self
        session.operation_started(self)
        _CollectorPause.enter()
        self.started_at = time.monotonic()
        self._present()
        fact_base = session.fact_base
        self._thread = threading.Thread(target=self._run, args=(fact_base,), name=f"op: {self.label}", daemon=True)
        self._thread.start()
        return self

    def _run(self, fact_base: FactBase) -> None:
        try:
            result = self._work(fact_base, self.progress)
        except BaseException as error:  # handed to the GUI thread, which decides what to say
            self._signals.finished.emit(None, error)
        else:
            self._signals.finished.emit(result, None)

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the work is done and its result handled on this (the GUI) thread."""
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        while not self.done:
            if self._thread is None:
                return True  # refused before it started
            if deadline is not None and time.monotonic() > deadline:
                return False
            self._thread.join(0.02)
            QApplication.sendPostedEvents(self._signals)
        return True

    def stop(self) -> None:
        """Ask the operation to stop at its next safe point; only cancellable ones have any."""
        if self._cancellable:
            self.progress.request_stop()

    @property
    def running(self) -> bool:
        return self._thread is not None and not self.done

    # -- on the GUI thread ---------------------------------------------------------------------

    def _report_from_worker(self, report: Report) -> None:
        self._signals.reported.emit(report)

    def _present(self) -> None:
        if self._progress_text is None:
            self._status = _StatusProgress.of(self._parent, self.label)
            if self._status is not None and self._cancellable:
                self.stop_button = self._status.add_stop(self.label, self._stop_asked)
            return
        dialog = QProgressDialog(self._progress_text, "Stop" if self._cancellable else None, 0, 0, self._parent)
        dialog.setObjectName("operationProgress")
        dialog.setWindowTitle(self.label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal if self._modal else Qt.WindowModality.NonModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setMinimumWidth(420)
        if self._cancellable:
            dialog.canceled.connect(self._stop_asked)
        dialog.hide()  # QProgressDialog shows itself on its own timer; ours decides
        self._dialog = dialog
        self._show_timer = QTimer(singleShot=True, interval=SHOW_PROGRESS_AFTER_MS)
        self._show_timer.timeout.connect(self._show_dialog)
        self._show_timer.start()

    def _live_dialog(self) -> QProgressDialog | None:
        """The progress dialog, unless Qt deleted it with its parent (a dialog closed while its
        operation ran): touching it then raised in `_finish`, before the session was told the
        operation had ended, and the session stayed busy for good (seen once in the stall probe)."""
        if self._dialog is not None and not shiboken6.isValid(self._dialog):
            self._dialog = None
        return self._dialog

    def _show_dialog(self) -> None:
        if self._live_dialog() is not None and not self.done:
            assert self._dialog is not None
            self._dialog.show()

    def _stop_asked(self) -> None:
        self.progress.request_stop()
        if self.stop_button is not None:
            self.stop_button.setText("Stopping…")
            self.stop_button.setEnabled(False)
        if self._live_dialog() is not None:
            self._dialog.setLabelText("Stopping…")
            self._dialog.setCancelButtonText("Stopping…")
            button = self._dialog.findChild(QPushButton)
            if button is not None:
                button.setEnabled(False)

    def _show_report(self, report: Report) -> None:
        if self.done:
            return
        for callback in self._report_callbacks:
            callback(report)
        if self._live_dialog() is not None:
            if report.stage and not self.progress.stop_requested:
                self._dialog.setLabelText(f"{self._progress_text}\n{report.stage}")
            self._dialog.setMaximum(_STEPS if report.total else 0)  # 0: a busy indicator
            if report.total:
                self._dialog.setValue(min(_STEPS, _STEPS * report.done // report.total))
        elif self._status is not None:
            self._status.show_report(report)

    def _finish(self, result: T | None, error: BaseException | None) -> None:
        if self.done:
            return
        self.done = True
        if self._thread is not None:
            self._thread.join()
        try:
            self._end(result, error)
        finally:
            # After the result is handed over: what that dropped is still young, and freed.
            _CollectorPause.leave()

    def _end(self, result: T | None, error: BaseException | None) -> None:
        self.result, self.error = result, error
        if self._show_timer is not None:
            self._show_timer.stop()
        if self._live_dialog() is not None:
            assert self._dialog is not None
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        if self._status is not None:
            self._status.release(self.label, self.stop_button)
            self.stop_button = None
            self._status = None
        self._session.operation_finished(self)
        try:
            self._hand_over(result, error)
        finally:
            if self._afterwards is not None:
                self._afterwards()

    def _hand_over(self, result: T | None, error: BaseException | None) -> None:
        if isinstance(error, Stopped):
            if self._on_stopped is not None:
                self._on_stopped()
            else:
                self._session.said.emit(str(error))
            return
        if isinstance(error, UserError):
            if self._on_failure is not None:
                self._on_failure(error)
            else:
                self._session.failed.emit(str(error))
            return
        if error is not None:
            raise error  # not the curator's doing: the application's handler reports it
        if self._writes:
            changes = self._changes_of(result)
            if changes is not None:
                if self._undoable:
                    self._session.adopt(changes)
                else:
                    self._session.changed.emit(changes)
        if self._on_success is not None:
            self._on_success(result)


def _result_as_changes(result: Any) -> Changes | None:
    if isinstance(result, Changes):
        return result
    return getattr(result, "changes", None)


class _StatusProgress:
    """A label and a small progress bar in the window's status bar, shared by the quiet operations
    running at once (a backup while a check runs), and a Stop button for each that can stop."""

    def __init__(self, window: QMainWindow):
        self._window = window
        self._labels: list[str] = []
        self._stops = 0  # Stop buttons shown
        self.text = QLabel(objectName="operationStatus")
        self.bar = QProgressBar(objectName="operationStatusBar", maximumWidth=160, maximumHeight=14, textVisible=False)
        self.bar.setRange(0, 0)
        window.statusBar().insertPermanentWidget(0, self.text)
        window.statusBar().insertPermanentWidget(1, self.bar)
        self.text.hide()
        self.bar.hide()

    @classmethod
    def of(cls, parent: QWidget, label: str) -> _StatusProgress | None:
        window = parent.window()
        if not isinstance(window, QMainWindow):
            return None
        status = getattr(window, "_operation_status", None)
        if status is None:
            status = cls(window)
            window._operation_status = status
        status._labels.append(label)
        status._refresh()
        return status

    def add_stop(self, label: str, stop: Callable[[], Any]) -> QToolButton:
        """A Stop button for one operation, after the bar (and any other operation's)."""
        button = QToolButton(objectName="operationStop", text="Stop", autoRaise=True)
        # No taller than the label beside it: a taller button made the status bar grow 4 px when a
        # backup or reviewer copy started and shrink when it ended, and each time every pane of the
        # window was laid out and painted again (12-20 ms of the GUI thread at 1M facts).
        button.setMaximumHeight(button.fontMetrics().height())
        button.setToolTip(f"Stop: {label} (nothing is left of it)")
        button.setAccessibleName(f"Stop {label}")
        button.clicked.connect(stop)
        self._window.statusBar().insertPermanentWidget(2 + self._stops, button)
        self._stops += 1
        return button

    def _refresh(self) -> None:
        visible = bool(self._labels)
        self.text.setText(" · ".join(f"{label}…" for label in self._labels))
        self.text.setVisible(visible)
        self.bar.setVisible(visible)
        if not visible:
            self.bar.setRange(0, 0)

    def show_report(self, report: Report) -> None:
        if report.total:
            self.bar.setRange(0, _STEPS)
            self.bar.setValue(min(_STEPS, _STEPS * report.done // report.total))
        else:
            self.bar.setRange(0, 0)

    def release(self, label: str, stop: QToolButton | None = None) -> None:
        if label in self._labels:
            self._labels.remove(label)
        if stop is not None:
            self._window.statusBar().removeWidget(stop)
            stop.deleteLater()
            self._stops -= 1
        self._refresh()


# -- a view's pure computation, and how its result crosses back to the GUI thread -----------------
#
# Qt objects, and PySide's Python wrappers of them, belong to one thread: a QObject must be
# destroyed on the thread it lives on, and a signal emitted from another thread is only safe while
# the sender is certain to outlive the emission. The first version of this code broke both rules.
# The worker emitted a signal of a small QObject made a child of the view, so closing the view
# (deleteLater, carried out on the GUI thread while it runs the event loop without the interpreter
# lock) could destroy that object in the middle of the worker's emission; and the worker held the
# last Python references to it and to the view's callback, so their wrappers could be freed on the
# worker thread. A full test run died of it once, a segmentation fault inside
# QApplication.processEvents (28 runs of the same module did not show it: a race), and
# tests/view_work_race.py, closing views while their work answers, crashed it within 3 s every time.
#
# So no worker touches Qt at all, by construction:
# - everything Qt about a job (the receiver, `done`, and the work, which may close over a view) is
#   held in `_Mailbox.jobs`, which only the GUI thread reads or changes;
# - a worker gets a job number and a one-slot list, `slot`, holding the work; it takes the work out,
#   runs it, drops its own reference, puts the outcome into `slot` and the number into a
#   `queue.SimpleQueue` (plain Python, safe from any thread), and holds nothing else; so the last
#   reference to the work, its closure and its result is always dropped on the GUI thread;
# - the GUI thread polls that queue with a timer that lives on it (10 ms, only while jobs are out);
#   a result whose receiver is gone (`shiboken6.isValid`) is dropped there, unread.
# A worker process's result arrives through its future's callback, which runs on the executor's
# own thread: it too only fills the slot and puts the number into the queue.

_POLL_MS = 10

class _Job:
    def __init__(self, receiver: QObject, done: Callable[[Any], Any], work: object, slot: list,
                 retry: Callable[[QObject], None] | None):
        # Held (as `done` mostly holds it anyway), so it is released here, on the GUI thread; whether
        # its Qt object still exists is what counts.
        self.receiver = receiver
        self.done = done
        self.work = work  # held here too, so the worker never drops its last reference
        self.slot = slot  # the work until a worker takes it; then the outcome (or the future)
        self.retry = retry  # for a process job: run it on a thread instead, if the process died

    def receiver_alive(self) -> bool:
        return shiboken6.isValid(self.receiver)


class _Mailbox:
    """The GUI thread's side: the jobs out, and the queue workers answer through."""

    jobs: ClassVar[dict[int, _Job]] = {}
    answered: queue.SimpleQueue[int] = queue.SimpleQueue()
    numbers = itertools.count(1)
    timer: QTimer | None = None

    @classmethod
    def post(cls, receiver: QObject, done: Callable[[Any], Any], work: object, slot: list,
             retry: Callable[[QObject], None] | None = None) -> int:
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("a view's background computation is started on the GUI thread")
        number = next(cls.numbers)
        cls.jobs[number] = _Job(receiver, done, work, slot, retry)
        timer = cls.timer
        if timer is None or not shiboken6.isValid(timer):
            # A child of the application, so it lives on the GUI thread and goes with it.
            timer = cls.timer = QTimer(QCoreApplication.instance(), interval=_POLL_MS)
            timer.timeout.connect(cls.deliver)
        if not timer.isActive():
            timer.start()
        return number

    @classmethod
    def deliver(cls) -> None:
        """On the GUI thread: hand every answer that came to its receiver."""
        while True:
            try:
                number = cls.answered.get_nowait()
            except queue.Empty:
                break
            job = cls.jobs.pop(number, None)
            if job is None:
                continue
            outcome = job.slot.pop() if job.slot else (None, RuntimeError("a background computation gave no answer"))
            if isinstance(outcome, concurrent.futures.Future):
                error = outcome.exception()
                if isinstance(error, concurrent.futures.process.BrokenProcessPool) and job.retry is not None:
                    _WorkerProcess.broken()
                    if job.receiver_alive():
                        job.retry(job.receiver)
                    continue
                outcome = (None if error is not None else outcome.result(), error)
            if not job.receiver_alive():
                continue  # the view went away meanwhile: its result goes nowhere
            result, error = outcome
            if error is not None:
                raise error  # a bug in the work: the application's handler reports it
            job.done(result)
        if not cls.jobs and cls.timer is not None and shiboken6.isValid(cls.timer):
            cls.timer.stop()


def _work_on(number: int, slot: list) -> None:
    """A worker thread: runs the work in `slot` and answers through the mailbox, touching no Qt."""
    work = slot.pop()
    try:
        outcome: tuple[Any, BaseException | None] = (work(), None)
    except BaseException as raised:
        outcome = (None, raised)
    del work  # the GUI thread's job still holds the work: its last reference goes there
    slot.append(outcome)
    del outcome
    _Mailbox.answered.put(number)


def compute_off_gui_thread(receiver: QObject, function: Callable[..., T], args: tuple,
                           done: Callable[[T], Any]) -> None:
    """For a view: compute `function(*args)` (something that reads no database, changes nothing
    and touches no Qt object) on a worker thread, and hand the result to `done` on the GUI thread,
    unless `receiver` is gone by then. Nothing is shown meanwhile; the view says what it is waiting
    for if it must. Exceptions are raised again on the GUI thread."""
    work = functools.partial(function, *args)
    slot: list = [work]
    number = _Mailbox.post(receiver, done, work, slot)
    threading.Thread(target=_work_on, args=(number, slot), name="view-work", daemon=True).start()


class _WorkerProcess:
    """One worker process for the whole application. "spawn": forking a process that runs Qt's
    threads is unsafe. It starts on first use (0.6 s on an idle machine, its imports done in the new
    process) and serves every later call; a pool that broke (its process was killed) is replaced on
    the next call."""

    pool: concurrent.futures.ProcessPoolExecutor | None = None
    warm = False  # the process has answered once: it is running, its imports done
    # Jobs sent and not answered yet (changed only on the GUI thread and the threads waiting for
    # them; a count off by a moment only sends one short job to a thread instead).
    out = 0
    # Shared with the process, set when it starts: [job, done, total, job to stop] for an operation's
    # work there (`run_in_the_worker_process`); one process runs one job at a time.
    shared: Any = None
    jobs = itertools.count(1)

    @classmethod
    def get(cls) -> concurrent.futures.ProcessPoolExecutor:
        if cls.pool is None:
            context = multiprocessing.get_context("spawn")
            cls.shared = context.Array("q", 4, lock=False)
            cls.pool = concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context,
                                                              initializer=_the_worker_process_starts,
                                                              initargs=(cls.shared,))
        return cls.pool

    @classmethod
    def broken(cls) -> None:
        cls.pool = None
        cls.warm = False
        cls.out = 0


_IN_THE_PROCESS: dict[str, Any] = {}  # in the worker process: "shared", the array above


def _the_worker_process_starts(shared: Any) -> None:
    """In the worker process, once: the array progress and stops pass through."""
    _IN_THE_PROCESS["shared"] = shared


def _run_reporting(job: int, function: Callable[..., T], args: tuple) -> T:
    """In the worker process: `function(*args, progress=..., should_stop=...)`, its progress written
    to the shared array and a stop read from it."""
    shared = _IN_THE_PROCESS["shared"]

    def progress(done: int, total: int) -> None:
        shared[1], shared[2] = done, total
        shared[0] = job  # last: the numbers above belong to this job once it is set

    return function(*args, progress=progress, should_stop=lambda: shared[3] == job)


def run_in_the_worker_process(function: Callable[..., T], args: tuple, *, progress: Callable[[int, int], None],
                              should_stop: Callable[[], bool]) -> T:
    """For an operation's work, on its worker thread: `function(*args, progress=, should_stop=)` run in
    the worker process, this thread waiting for it, passing its progress on and a stop to it. Python
    that runs for seconds on a thread of the window's process (re-anchoring 10k highlights on a 1 MB
    text) takes the interpreter lock from the GUI thread each time the OS pauses it holding it.
    `function` and `args` must be picklable, and what `function` raises is raised here (a stop as
    `function` raises it). If no process can be started, or it dies, it runs here instead."""
    if threading.current_thread() is threading.main_thread():
        raise RuntimeError("an operation's work waits for the worker process on its own thread")
    try:
        pool = _WorkerProcess.get()
        shared, job = _WorkerProcess.shared, next(_WorkerProcess.jobs)
        if should_stop():  # asked before it started: a short job could end before the first look below
            shared[3] = job
        future = pool.submit(_run_reporting, job, function, args)
    except (OSError, RuntimeError):  # no process could be started, or the pool is shutting down
        return function(*args, progress=progress, should_stop=should_stop)
    _WorkerProcess.out += 1
    future.add_done_callback(_answered)
    reported = (-1, -1)

    def pass_progress_on() -> None:
        nonlocal reported
        if shared[0] == job and (shared[1], shared[2]) != reported:
            reported = (shared[1], shared[2])
            progress(*reported)

    while True:
        try:
            result = future.result(timeout=_POLL_MS / 1000 * 5)
        except concurrent.futures.TimeoutError:
            pass_progress_on()
            if shared[3] != job and should_stop():
                shared[3] = job
            continue
        except concurrent.futures.process.BrokenProcessPool:
            _WorkerProcess.broken()
            return function(*args, progress=progress, should_stop=should_stop)
        pass_progress_on()  # the last report, written just before the answer came
        _WorkerProcess.warm = True
        return result


def _answered(_future: concurrent.futures.Future) -> None:
    _WorkerProcess.out = max(0, _WorkerProcess.out - 1)


def worker_process_idle() -> bool:
    """Whether the worker process is running, has answered and has nothing to do: work sent to it
    now starts at once. Views that keep short work on a thread (a process takes ~0.6 s to start,
    seconds under load) send it there too then: a thread running Python competes with the GUI thread
    for the interpreter lock, and when the OS pauses it holding the lock the window waits (a 0.34 s
    gap after a revision import at 1M facts, the candidates of a 60k-character source scanned on a
    thread). Not while it works: its one process does one job at a time, and a short scan queued
    behind a 1 MB text's diff waited a minute for it at load 11."""
    return _WorkerProcess.warm and _WorkerProcess.pool is not None and _WorkerProcess.out == 0


def compute_in_another_process(receiver: QObject, function: Callable[..., T], args: tuple,
                               done: Callable[[T], Any]) -> None:
    """Like `compute_off_gui_thread`, for pure computation that keeps the interpreter busy for seconds
    (a word diff of a 1 MB text): `function(*args)` runs in a worker process. On a thread it would
    starve the window: each time Qt calls into Python (the highlighter, once per paragraph of a long
    source, 4.5k times) the GUI thread waits up to the interpreter's switch interval (5 ms) for the
    lock, which froze the window 1.3-6.4 s after a revision import at 1M facts. `function` and `args`
    must be picklable (a module-level function). If no process can be started it runs on a thread."""
    slot: list = []

    def on_a_thread_instead(alive_receiver: QObject) -> None:
        compute_off_gui_thread(alive_receiver, function, args, done)

    number = _Mailbox.post(receiver, done, (function, args), slot, retry=on_a_thread_instead)
    try:
        future = _WorkerProcess.get().submit(function, *args)
    except (OSError, RuntimeError):  # no process could be started, or the pool is shutting down
        _Mailbox.jobs.pop(number, None)
        on_a_thread_instead(receiver)
        return
    _WorkerProcess.out += 1
    future.add_done_callback(_answered)

    def answered(finished: concurrent.futures.Future) -> None:
        # The executor's thread (or this one, if it is done already): a future is plain Python.
        if not finished.cancelled() and finished.exception() is None:
            _WorkerProcess.warm = True
        slot.append(finished)
        _Mailbox.answered.put(number)

    future.add_done_callback(answered)
