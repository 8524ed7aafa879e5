"""The workspace's operation runner (ui/operations.py) and the window staying responsive during
long work: the stall probe's 10 ms timer must keep ticking while backups, checks and re-scans run."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton

from kzeu_desk.core.changes import Changes
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.progress import Progress, Stopped
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.ui.operations import WorkspaceOp
from kzeu_desk.ui.session import Session

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))  # benchmarks/ is a top-level folder, not part of the package

from benchmarks.generate import cached_fact_base  # noqa: E402
from benchmarks.stall_probe import measure_actions  # noqa: E402


@pytest.fixture
def session(qtbot, fact_base) -> Session:
    return Session(fact_base)


@pytest.fixture
def host(qtbot):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.statusBar()  # as the workspace has one from the start
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_writing_operation_is_one_undo_step_announced_to_the_views(qtbot, session, host):
    announced: list[Changes] = []
    session.changed.connect(announced.append)
    results = []
    op = (WorkspaceOp(host, session, "Add a fact", lambda fb, _progress: fb.create_fact(
              value=TypedValue(ValueKind.DATE, date="2021")))
          .writes().success(results.append).run_in_background())
    op.wait()
    assert results and isinstance(results[0], Changes) and announced == results
    assert session.undo_stack.count() == 1 and session.busy is None
    session.undo_stack.undo()
    with session.fact_base.reading() as conn:
        assert conn.exec_driver_sql(f"SELECT count(*) FROM fact WHERE id = {results[0].new_id('fact')}").scalar() == 0


def test_while_a_writing_operation_runs_edits_are_refused_not_waited_for(qtbot, session, host):
    release = threading.Event()
    said: list[str] = []
    session.failed.connect(said.append)

    def slow(fb: FactBase, progress: Progress) -> Changes:
        release.wait(10)
        return fb.rescan_conflicts(progress=progress)

    busy: list[object] = []
    session.busy_changed.connect(busy.append)
    op = WorkspaceOp(host, session, "Re-check all conflicts", slow).writes().run_in_background()
    assert session.busy == "Re-check all conflicts" and busy == ["Re-check all conflicts"]
    assert session.perform(lambda fb: fb.create_entity("Meanwhile")) is None
    second = WorkspaceOp(host, session, "Repair fact base", lambda fb, _p: fb.rescan_conflicts()).writes()
    second.run_in_background()
    assert not second.running and second.done
    assert said == ["Wait until “Re-check all conflicts” has finished; your change was not saved.",
                    "Wait until “Re-check all conflicts” has finished, then try again."]
    # A reading operation (a backup, a check) runs alongside.
    reader = WorkspaceOp(host, session, "Count", lambda fb, _p: 1).run_in_background()
    reader.wait()
    assert reader.result == 1
    release.set()
    op.wait()
    assert session.busy is None and busy[-1] is None
    assert session.perform(lambda fb: fb.create_entity("Afterwards")) is not None


def test_while_operations_run_young_collections_go_on_and_full_ones_wait(qtbot, session, host):
    """A full collection walks every object with the interpreter lock held (0.15-0.25 s at 100k
    facts): none while work runs. The young generations keep collecting what the work makes, so no
    walk of all of it falls to the GUI thread's first allocation afterwards (20.6 ms at 1M)."""
    import gc

    thresholds = gc.get_threshold()
    collections: list[tuple[int, str]] = []

    def heard(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append((info["generation"], threading.current_thread().name))

    def work(_fact_base, _progress) -> int:
        kept = []
        for number in range(300_000):  # containers made and kept, and cycles made and dropped
            cycle: list = [number]
            cycle.append(cycle)
            kept.append((number,))
        return len(kept)

    gc.callbacks.append(heard)
    try:
        op = WorkspaceOp(host, session, "Make objects", work).run_in_background()
        assert gc.isenabled() and gc.get_threshold()[2] > 10**6
        op.wait()
    finally:
        gc.callbacks.remove(heard)
    made_by_work = [generation for generation, thread in collections if thread == "op: Make objects"]
    assert made_by_work and 0 in made_by_work and 2 not in made_by_work
    assert op.result == 300_000 and gc.get_threshold() == thresholds


def test_what_lives_when_work_ends_is_set_aside_and_what_it_dropped_is_freed(qtbot, session, host):
    """The full collection put off while work ran would walk everything the window holds at the
    next allocations (the GUI thread's, adopting the result): 134 ms at the end of a whole stall
    probe at 1M. What lives when the last operation ends is moved out of the collector's walks, and
    the cycles the work made and dropped are collected first, not kept."""
    import gc
    import weakref

    class Node:
        pass

    dropped: list[weakref.ref] = []

    def work(_fact_base, _progress) -> list[list[int]]:
        for _ in range(3):
            cycle = Node()
            cycle.itself = cycle  # type: ignore[attr-defined]
            dropped.append(weakref.ref(cycle))
            del cycle
        return [[number] for number in range(20_000)]  # containers that live on: the result

    frozen_before = gc.get_freeze_count()
    op = WorkspaceOp(host, session, "Make objects", work).run_in_background()
    op.wait()
    kept = op.result
    assert kept is not None and len(kept) == 20_000
    assert gc.get_freeze_count() >= frozen_before + 20_000
    walked = {id(obj) for obj in gc.get_objects()}  # the generations a collection walks
    assert id(kept) not in walked and id(kept[0]) not in walked and id(kept[-1]) not in walked
    assert all(ref() is None for ref in dropped)


def test_stopping_an_operation_changes_nothing(qtbot, session, host):
    stopped: list[bool] = []
    succeeded: list[object] = []
    op = (WorkspaceOp(host, session, "Re-check all conflicts",
                      lambda fb, progress: fb.rescan_conflicts(progress=progress))
          .writes().with_progress("Checking…", cancellable=True)
          .success(succeeded.append).stopped(lambda: stopped.append(True)))
    op.progress.request_stop()
    op.run_in_background().wait()
    assert stopped == [True] and succeeded == [] and isinstance(op.error, Stopped)
    assert session.undo_stack.count() == 0
    with session.fact_base.reading() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM operation WHERE label = 'Re-check all conflicts'").scalar() == 0


def test_a_refusal_is_one_sentence_and_a_bug_is_not_swallowed(qtbot, session, host):
    said: list[str] = []
    session.failed.connect(said.append)

    def refused(_fb, _progress):
        raise UserError("The disk is full.")

    WorkspaceOp(host, session, "Refused", refused).run_in_background().wait()
    assert said == ["The disk is full."]

    def broken(_fb, _progress):
        raise ZeroDivisionError("a bug")

    with qtbot.capture_exceptions() as raised:
        WorkspaceOp(host, session, "Broken", broken).run_in_background().wait()
    assert [type(error) for _kind, error, _tb in raised] == [ZeroDivisionError]


def test_progress_shows_after_a_moment_with_stop_only_where_it_is_safe(qtbot, session, host):
    release = threading.Event()

    def waits(_fb, progress: Progress) -> int:
        progress.report(1, 4, "Checking that dates are ISO year, month or day")
        while not release.wait(0.01):
            progress.check()
        return 1

    for cancellable in (True, False):
        release.clear()
        op = (WorkspaceOp(host, session, "Check fact base", waits)
              .with_progress("Checking the fact base…", cancellable=cancellable).run_in_background())
        dialog = host.findChild(QProgressDialog, "operationProgress")
        assert dialog is not None and not dialog.isVisible(), "no flash for work that ends at once"
        qtbot.waitUntil(dialog.isVisible, timeout=3000)
        assert "dates are ISO" in dialog.labelText() and dialog.value() == 250
        assert (dialog.findChild(QPushButton) is not None) is cancellable
        if cancellable:
            dialog.findChild(QPushButton).click()
            op.wait()
            assert isinstance(op.error, Stopped)
        else:
            release.set()
            op.wait()
            assert op.result == 1
        qtbot.waitUntil(lambda: host.findChild(QProgressDialog, "operationProgress") is None)


def test_quiet_operations_show_in_the_status_bar(qtbot, session, host):
    from PySide6.QtWidgets import QLabel

    release = threading.Event()
    op = WorkspaceOp(host, session, "Back up", lambda _fb, _p: release.wait(10)).run_in_background()
    status = host.statusBar().findChild(QLabel, "operationStatus")
    assert status is not None and status.isVisible() and status.text() == "Back up…"
    release.set()
    op.wait()
    assert not status.isVisible()


# -- the window keeps answering during long work ------------------------------------------------------

# Large enough that a backup and a check take seconds on the project's machine kind when run on the
# GUI thread (they froze the window 2-4 s at 100k facts); the assertion is on the event loop's
# longest gap, never on how long the work took.
STALL_FACTS = 40_000
LONGEST_GAP_S = 0.25  # the target is 0.1 s; the margin is for a machine shared with other work


@pytest.fixture(scope="module")
def large_base(tmp_path_factory) -> Path:
    return cached_fact_base(STALL_FACTS, data_dir=tmp_path_factory.mktemp("stall-data"), log=lambda _m: None).path


@pytest.mark.slow
@pytest.mark.wall_clock
def test_the_window_keeps_answering_during_backup_check_and_rescan(qtbot, large_base):
    stalls = measure_actions(large_base, {"backup", "check", "rescan", "reviewer_copy"})
    assert set(stalls) == {"backup", "check", "rescan", "reviewer_copy"}
    for name, stall in stalls.items():
        # Less the time the GUI thread was ready to run but the OS ran other work: at load average
        # 13-16 on 2 cores (7 engineers' runs) it waited 0.1-2.7 s for a CPU inside the longest gaps,
        # and a backup's gap here was 0.64 s, which no code of ours can shorten. On a machine that
        # does not count that wait (no /proc schedstat) this is the plain longest gap.
        assert stall.longest_own_gap <= LONGEST_GAP_S, (
            f"{name} stopped the window for {stall.longest_gap:.3f} s, {stall.longest_own_gap:.3f} s of it not "
            f"waiting for a CPU")
        # The probe saw the work through: many ticks while it ran, not one gap around it.
        assert stall.ticks >= 3, name
    # The base is large enough that the same work on the GUI thread would have frozen it for longer.
    assert stalls["backup"].duration > LONGEST_GAP_S and stalls["check"].duration > LONGEST_GAP_S


def test_check_and_repair_run_off_the_gui_thread_and_repair_is_one_undo_step(qtbot, session, host):
    from kzeu_desk.ui.maintenance import CheckDialog

    import sqlite3

    fact_id = session.fact_base.create_fact(value=TypedValue(ValueKind.DATE, date="2021")).new_id("fact")
    other_tool = sqlite3.connect(session.fact_base.path)  # what another tool could leave behind
    with other_tool:
        other_tool.execute("INSERT INTO fact_link (from_fact_id, to_fact_id, kind, created_at, created_by) "
                           "VALUES (?, 987654, 'supports', '2024-01-01', 'other tool')", (fact_id,))
    other_tool.close()
    dialog = CheckDialog(session, host)
    qtbot.addWidget(dialog)
    assert dialog.progress_bar.isVisibleTo(dialog) and dialog.stop_button.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: dialog.problems is not None, timeout=20_000)
    assert [p.message for p in dialog.problems] == ["fact_link row 1 points at a missing fact row"]
    assert dialog.repair_button.isEnabled() and not dialog.progress_bar.isVisibleTo(dialog)
    dialog.repair().wait()
    qtbot.waitUntil(lambda: dialog.problems == [], timeout=20_000)
    assert "All checks pass now." in dialog.summary.text()
    assert session.undo_stack.count() == 1 and session.undo_stack.text(0) == "Repair fact base"


def test_heavy_pure_work_runs_in_another_process_and_answers_on_the_gui_thread(qtbot):
    """A word diff of a long text keeps the interpreter busy for seconds: it runs in a worker process,
    so the window's thread never waits for the interpreter lock; the answer arrives on the GUI thread."""
    import threading

    from PySide6.QtCore import QObject

    from kzeu_desk.core import revisions
    from kzeu_desk.ui.operations import compute_in_another_process

    old = "The agreement entered into force in 2020 after ratification. " * 50
    new = old.replace("2020", "2021", 3)
    receiver = QObject()
    answers: list = []
    compute_in_another_process(receiver, revisions.text_diff, (old, new),
                               lambda pieces: answers.append((pieces, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(answers), timeout=60_000)
    pieces, thread = answers[0]
    assert pieces == revisions.text_diff(old, new)
    assert thread is threading.main_thread()


class _Traced:
    """Records the thread that frees it: Qt objects (and closures over them) must be freed on the GUI thread."""

    freed_on: ClassVar[list[threading.Thread]] = []

    def __del__(self) -> None:
        _Traced.freed_on.append(threading.current_thread())


def _hold_then_answer(gate: threading.Event, traced: _Traced) -> _Traced:
    gate.wait(30)
    return _Traced()


def test_a_views_work_is_freed_on_the_gui_thread_and_its_answer_arrives_there(qtbot):
    from PySide6.QtCore import QObject

    from kzeu_desk.ui.operations import compute_off_gui_thread

    _Traced.freed_on.clear()
    gate = threading.Event()
    receiver = QObject()
    answers: list = []
    compute_off_gui_thread(receiver, _hold_then_answer, (gate, _Traced()),
                           lambda result: answers.append((type(result), threading.current_thread())))
    gate.set()
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    qtbot.waitUntil(lambda: len(_Traced.freed_on) == 2, timeout=20_000)  # the argument and the result
    assert answers == [(_Traced, threading.main_thread())]
    assert set(_Traced.freed_on) == {threading.main_thread()}


def test_a_late_answer_for_a_view_that_is_gone_goes_nowhere(qtbot):
    """Closing a view while its work runs: the worker touches no Qt object, and its answer is dropped."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    from kzeu_desk.ui import operations
    from kzeu_desk.ui.operations import compute_off_gui_thread

    gate = threading.Event()
    parent = QObject()
    receiver = QObject(parent)
    answers: list = []
    compute_off_gui_thread(receiver, _hold_then_answer, (gate, _Traced()), answers.append)
    compute_off_gui_thread(receiver, lambda: 1 / 0, (), answers.append)  # its error is dropped too
    parent.deleteLater()
    QCoreApplication.sendPostedEvents(parent, QEvent.Type.DeferredDelete)
    gate.set()
    qtbot.waitUntil(lambda: not operations._Mailbox.jobs, timeout=20_000)
    assert answers == []


def test_a_short_texts_diff_runs_on_a_thread_and_starts_no_process(qtbot, monkeypatch):
    """A worker process takes 0.6 s to start idle, seconds under load: a diff of a few ms does not wait for it."""
    from PySide6.QtCore import QObject

    from kzeu_desk.core import revisions
    from kzeu_desk.ui import text_diffing

    from kzeu_desk.ui import operations

    def no_process(*_args):
        raise AssertionError("a short text's diff started a process")

    monkeypatch.setattr(operations._WorkerProcess, "warm", False)  # an earlier test may have started it
    monkeypatch.setattr(text_diffing, "compute_in_another_process", no_process)
    old = "The agreement entered into force in 2020 after ratification. " * 50
    new = old.replace("2020", "2021", 3)
    receiver = QObject()
    answers: list = []
    text_diffing.diff_off_gui_thread(receiver, old, new, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    assert answers == [revisions.text_diff(old, new)]


def test_a_short_texts_diff_goes_to_the_worker_process_when_it_runs_idle(qtbot, monkeypatch):
    """Once the process has answered and is idle, short work goes there too: nothing to wait for, no thread
    of Python in the window's process competing with the GUI thread for the interpreter lock."""
    from PySide6.QtCore import QObject

    from kzeu_desk.core import revisions
    from kzeu_desk.ui import operations, text_diffing

    old = "The agreement entered into force in 2020 after ratification. " * 50
    new = old.replace("2020", "2021", 3)
    receiver = QObject()
    warmed: list = []
    operations.compute_in_another_process(receiver, revisions.text_diff, (old, old), warmed.append)
    qtbot.waitUntil(lambda: bool(warmed), timeout=60_000)
    assert operations.worker_process_idle()
    import time

    slept: list = []
    operations.compute_in_another_process(receiver, time.sleep, (0.5,), slept.append)
    assert not operations.worker_process_idle()  # a short job would wait behind this one: a thread then
    qtbot.waitUntil(lambda: bool(slept), timeout=60_000)
    assert operations.worker_process_idle()

    def no_thread(*_args):
        raise AssertionError("a short text's diff ran on a thread while the worker process was running")

    monkeypatch.setattr(text_diffing, "compute_off_gui_thread", no_thread)
    answers: list = []
    text_diffing.diff_off_gui_thread(receiver, old, new, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=60_000)
    assert answers == [revisions.text_diff(old, new)]


def _steps_in(steps: int, *, progress, should_stop) -> int:
    """Work for `run_in_the_worker_process`: `steps` steps of 20 ms, reported; stops when asked; the
    process it ran in."""
    import os
    import time

    for done in range(steps):
        if should_stop():
            raise Stopped("Stopped after a step.")
        progress(done, steps)
        time.sleep(0.02)
    progress(steps, steps)
    return os.getpid()


def test_an_operations_work_in_the_worker_process_reports_progress_and_gives_the_same_result(qtbot, session, host):
    """Re-anchoring, as a revision import places its highlights: in the worker process (seconds of
    Python on the operation's thread took the interpreter lock from the GUI thread), its progress
    passed on to the operation, and the same placements as on the spot."""
    import os

    from kzeu_desk.core.reanchor import LastAnchor, reanchor
    from kzeu_desk.ui.operations import run_in_the_worker_process

    old = "The agreement entered into force in 2020 after ratification by all member states. " * 40
    new = "A new first line. " + old.replace("2020", "2021", 2)
    anchors = [LastAnchor(key, start, start + 24, old[start:start + 24], old[max(0, start - 20):start],
                          old[start + 24:start + 44], 1) for key, start in enumerate(range(0, len(old) - 30, 83))]
    reports: list = []

    def work(_fact_base, progress):
        placed = run_in_the_worker_process(reanchor, (new, anchors, {1: old}), progress=progress.report,
                                           should_stop=lambda: progress.stop_requested)
        return placed, run_in_the_worker_process(_steps_in, (10,), progress=progress.report,
                                                 should_stop=lambda: progress.stop_requested)

    op = WorkspaceOp(host, session, "Place", work).on_report(reports.append).run_in_background()
    assert op.wait(120)
    placed, pid = op.result
    assert placed == reanchor(new, anchors, {1: old}) and len(placed) == len(anchors)
    assert pid != os.getpid()
    assert reports and reports[-1].done == reports[-1].total == 10


def test_an_operations_work_in_the_worker_process_stops_when_asked(qtbot, session, host):
    from kzeu_desk.ui.operations import run_in_the_worker_process

    reports: list = []
    stopped: list = []
    op = (WorkspaceOp(host, session, "Steps",
                      lambda _fb, progress: run_in_the_worker_process(
                          _steps_in, (3000,), progress=progress.report, should_stop=lambda: progress.stop_requested))
          .with_progress("Stepping…", cancellable=True)
          .on_report(reports.append).stopped(lambda: stopped.append(True)).run_in_background())
    qtbot.waitUntil(lambda: bool(reports), timeout=60_000)
    op.stop()
    assert op.wait(30)
    assert stopped == [True] and op.result is None and isinstance(op.error, Stopped)
    assert reports[-1].done < 3000


def test_views_closing_while_their_work_answers_never_crash():
    """A race, so it runs many times in a process of its own: before delivery stopped touching Qt
    from the worker, this died of a segmentation fault within 3 s every time."""
    import subprocess

    ran = subprocess.run([sys.executable, str(PROJECT_ROOT / "tests" / "view_work_race.py"), "2"],
                         capture_output=True, text=True, timeout=240, cwd=PROJECT_ROOT)
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert ran.stdout.strip().endswith("ok")


def test_an_operation_whose_dialog_went_with_its_parent_still_ends(qtbot, session, host):
    """Qt deletes a progress dialog with its parent (a dialog closed while its operation ran); the
    operation still ends and the session is no longer busy (it stayed busy for good once)."""
    import threading

    import shiboken6
    from PySide6.QtWidgets import QDialog, QProgressDialog

    parent = QDialog(host)
    release = threading.Event()
    op = (WorkspaceOp(parent, session, "Waiting work", lambda _fb, _progress: release.wait(10))
          .writes().with_progress("Working…", cancellable=True).run_in_background())
    assert parent.findChild(QProgressDialog) is not None and session.busy == "Waiting work"
    shiboken6.delete(parent)  # the dialog goes with it
    release.set()
    assert op.wait(10)
    assert op.error is None and session.busy is None and not session.operations


def test_a_stoppable_operation_leaves_the_panes_their_size(qtbot, session, host):
    """Its label, bar and Stop button in the status bar keep the status bar's height: a taller Stop
    button made it grow 4 px as a backup or reviewer copy started and shrink as it ended, and every
    pane of the window was laid out and painted again each time (12-20 ms of the GUI thread at 1M)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QLabel

    central = QLabel("The source being read")
    host.setCentralWidget(central)
    host.statusBar().addPermanentWidget(QLabel("All changes saved"))
    qtbot.wait(20)
    resized: list[object] = []

    class Resizes(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Resize:
                resized.append((watched, event.oldSize(), event.size()))
            return False

    spy = Resizes()
    central.installEventFilter(spy)
    release = threading.Event()
    op = (WorkspaceOp(host, session, "Export reviewer copy", lambda _fb, _progress: release.wait(10))
          .stoppable().run_in_background())
    qtbot.waitUntil(lambda: op.stop_button is not None and op.stop_button.isVisible())
    qtbot.wait(20)  # the status bar laid out with its new widgets
    release.set()
    op.wait()
    qtbot.wait(20)
    assert resized == []
