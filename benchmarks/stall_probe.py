"""How long the window stops answering during the workspace's long actions.

A 10 ms timer runs in the GUI process while each action is triggered the way a curator triggers
it (the window's own QActions and dialogs) and waited for in the window's event loop; the longest
gap between two ticks is how long the window froze. The event loop turning is what counts, not how
long the work takes: a gap of 100 ms is the target at any size.

    python -m benchmarks.stall_probe --db FACTS.sqlite [--only backup,check] [--long-source ID] [--explain]
        [--dump-after-ms 80]

works on a copy of the fact base in a temporary folder (a backup and a restore write beside it),
and prints one JSON object: per action, the longest gap, the CPU the GUI thread spent in that gap,
the action's duration in seconds, and the load average when the action started and ended. On a
shared machine a gap can be long while the GUI thread used little CPU (it waited for the
interpreter lock, or the OS ran other work): the CPU says which.
"""

from __future__ import annotations

import argparse
import collections
import faulthandler
import gc
import json
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KZEU_DESK_DATA_DIR", tempfile.mkdtemp(prefix="kzeu-bench-profile-"))

TICK_MS = 10


@dataclass(frozen=True)
class Stall:
    longest_gap: float  # seconds between two ticks of the 10 ms timer, at most
    duration: float  # seconds from the trigger until the action was done
    ticks: int
    gap_cpu: float = 0.0  # CPU seconds of the GUI thread within the longest gap
    gap_waiting_for_a_cpu: float = 0.0  # seconds the GUI thread was ready to run in it but the OS ran others
    gap_process_cpu: float = 0.0  # CPU seconds of the whole process (every thread) within it
    # The longest gap less the time the GUI thread waited for a CPU in it: what the process itself
    # made the window wait (running, or waiting for the interpreter lock or a file), load aside.
    longest_own_gap: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)  # the machine's 1-minute load average at the start and the end
    # The cyclic collector's runs overlapping the longest gap: (generation, seconds, thread) each;
    # whichever thread runs one holds the interpreter lock all through it.
    gap_collections: tuple[tuple[int, float, str], ...] = ()
    # The longest collection of the oldest generation during the whole action: (seconds, thread).
    longest_full_collection: tuple[float, str] = (0.0, "")
    # The GUI thread's own CPU: over the whole action, and the most of it in any one gap. Neither
    # counts time spent waiting for a CPU or for the interpreter lock, so on a shared machine they
    # say what the window's own work was, whatever the load.
    gui_cpu: float = 0.0
    most_gui_cpu_in_a_gap: float = 0.0
    # With `long_gaps_s`: every gap at least that long, as (start, end, GUI thread's CPU in it), the
    # times on the monotonic clock (`time.perf_counter`), to match with a sampler's timestamps
    # (`perf record -k CLOCK_MONOTONIC`).
    long_gaps: tuple[tuple[float, float, float], ...] = ()


class StallExplainer:
    """Where the GUI thread is while the window is frozen: a watchdog thread that, whenever no tick
    has come for `after_s` during a measurement, samples the GUI thread's Python stack every 5 ms
    (`sys._current_frames`). A sampler, not a profiler: it costs the GUI thread nothing while ticks
    come on time. `explain(ticks)` lists, for the longest gaps, the stacks seen in them."""

    def __init__(self, after_s: float = 0.04):
        self._after = after_s
        self._gui = threading.get_ident()
        self.last_tick = time.perf_counter()
        self.active = False
        self._samples: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="stall-explainer", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(0.005):
            now = time.perf_counter()
            if not self.active or now - self.last_tick < self._after:
                continue
            frames = sys._current_frames()
            frame = frames.get(self._gui)
            if frame is not None:
                self._samples.append((now, _where(frame)))
            # A worker holding the interpreter lock freezes the window too: where the others are.
            for ident, other in frames.items():
                if ident not in (self._gui, threading.get_ident()):
                    self._samples.append((now, "[worker] " + _where(other).replace("\n", "\n         ")))

    def explain(self, ticks: list[float], gaps: int = 3) -> str:
        """The `gaps` longest gaps between `ticks`, each with the stacks sampled in it, commonest first."""
        samples, self._samples = self._samples, []
        spans = sorted(zip(ticks, ticks[1:], strict=False), key=lambda span: span[0] - span[1])[:gaps]
        parts = []
        for earlier, later in spans:
            seen = collections.Counter(stack for at, stack in samples if earlier <= at <= later)
            parts.append(f"- gap of {later - earlier:.3f} s, {sum(seen.values())} samples:")
            parts.extend(f"  {count} ×\n    " + stack.replace("\n", "\n    ") for stack, count in seen.most_common(6))
        return "\n".join(parts)

    def close(self) -> None:
        self._stop.set()


def _where(frame) -> str:
    """The stack as `file:line function` lines, innermost last, keeping the project's own frames and
    the one frame below them (the library call that takes the time)."""
    lines = [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in traceback.extract_stack(frame)
             if "kzeu_desk" in f.filename]
    below = traceback.extract_stack(frame)[-1]
    if "kzeu_desk" not in below.filename:
        lines.append(f"  -> {Path(below.filename).name}:{below.lineno} {below.name}")
    return "\n".join(lines[-8:])


class CollectionLog:
    """Every run of Python's cyclic collector, timed (`gc.callbacks`): when it started and ended, its
    generation, the thread that ran it and how many objects it freed. A collection holds the
    interpreter lock from start to end, so one overlapping a gap stopped the window for its length."""

    def __init__(self) -> None:
        self.runs: list[tuple[float, float, int, str, int]] = []  # start, end, generation, thread, collected
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._started = now
        else:
            self.runs.append((self._started, now, info["generation"], threading.current_thread().name,
                              info["collected"]))

    def between(self, earlier: float, later: float) -> list[tuple[float, float, int, str, int]]:
        return [run for run in self.runs if run[1] >= earlier and run[0] <= later]

    def close(self) -> None:
        gc.callbacks.remove(self._callback)


class ThreadClocks:
    """Each thread's CPU time in the process, read from /proc/self/task/*/schedstat (Linux): taken at
    the start and the end of a gap, it says which thread ran while the GUI thread did not, whether
    that thread held the interpreter lock or not. Reading it needs no lock and no Python frames."""

    def __init__(self) -> None:
        self._tasks = Path("/proc/self/task")

    def read(self) -> dict[int, float]:
        clocks = {}
        try:
            tasks = os.listdir(self._tasks)
        except OSError:
            return clocks
        for task in tasks:
            try:
                with open(self._tasks / task / "schedstat", "rb") as stat:
                    clocks[int(task)] = int(stat.read().split()[0]) / 1e9
            except (OSError, ValueError, IndexError):
                continue  # the thread ended meanwhile
        return clocks

    @staticmethod
    def names() -> dict[int, str]:
        named = {thread.native_id: thread.name for thread in threading.enumerate() if thread.native_id is not None}
        named[os.getpid()] = "GUI"  # the main thread's task id is the process id
        return named

    @classmethod
    def busiest(cls, before: dict[int, float], after: dict[int, float], count: int = 3) -> str:
        """The threads that ran most between the two readings, as `name 12 ms` each."""
        names = cls.names()
        ran = sorted(((after[task] - before.get(task, 0.0), task) for task in after), reverse=True)[:count]
        return ", ".join(f"{names.get(task, f'task {task}')} {seconds * 1000:.0f} ms" for seconds, task in ran
                         if seconds >= 0.0005) or "no thread"


class GapDumper:
    """Every thread's Python stack whenever no tick has come for `after_s`, printed by a watchdog
    thread. It takes the stacks holding the interpreter lock (`faulthandler.dump_traceback` from a
    Python thread), so it prints them at the first moment it gets the lock in a gap: a thread that
    held the lock all along shows where it was when it let go. faulthandler's own watchdog printed
    them without the lock while the threads ran on, and re-armed at every tick of a 1M repair
    (minutes of them) it crashed the probe (a segmentation fault in libpython)."""

    def __init__(self, after_s: float) -> None:
        self._after = after_s
        self.last_tick = time.perf_counter()
        self.active = False
        self._dumped_for = 0.0  # the tick whose gap was dumped last: once a gap, then every `after_s`
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="gap-dumper", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(min(0.005, self._after / 4)):
            now = time.perf_counter()
            if not self.active or now - self.last_tick < self._after or now - self._dumped_for < self._after:
                continue
            self._dumped_for = now
            print(f"-- no tick for {(now - self.last_tick) * 1000:.0f} ms; every thread's stack:",
                  file=sys.stderr, flush=True)
            faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
            sys.stderr.flush()

    def close(self) -> None:
        self._stop.set()


class StallProbe:
    """A 10 ms timer in the GUI thread; `measure` runs an action and reports the longest gap."""

    def __init__(self, explainer: StallExplainer | None = None, dump_after_s: float | None = None,
                 long_gaps_s: float | None = None) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.long_gaps_s = long_gaps_s  # list every gap this long (`Stall.long_gaps`)
        self._timer = QTimer(interval=TICK_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._ticks: list[float] = []
        self._cpu: list[float] = []  # the GUI thread's CPU time at each tick
        self._waited: list[float] = []  # the GUI thread's time on the OS's run queue, at each tick
        self._process_cpu: list[float] = []
        # Linux counts, per thread, the time it was ready to run but not running (the second field
        # of /proc/thread-self/schedstat): on a shared machine, the OS running others, not our work.
        try:
            self._schedstat: int | None = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
        except OSError:
            self._schedstat = None
        self._done: Callable[[], bool] = lambda: True
        self._loop = None
        self._explainer = explainer
        self._collections = CollectionLog()
        # With dumps: the stacks in every gap of `dump_after_s` or more, and which threads ran in it.
        self._dump_after = dump_after_s
        self._dumper = GapDumper(dump_after_s) if dump_after_s is not None else None
        self._clocks = ThreadClocks()
        self._thread_cpu: dict[int, float] = {}

    def _waiting_for_a_cpu(self) -> float:
        if self._schedstat is None:
            return 0.0
        return int(os.pread(self._schedstat, 100, 0).split()[1]) / 1e9

    def _note(self, at: float) -> None:
        self._ticks.append(at)
        self._cpu.append(time.thread_time())
        self._waited.append(self._waiting_for_a_cpu())
        self._process_cpu.append(time.process_time())

    def _tick(self) -> None:
        self._note(time.perf_counter())
        if self._dumper is not None and self._dump_after is not None:
            self._dumper.last_tick = self._ticks[-1]
            clocks = self._clocks.read()
            gap = self._ticks[-1] - self._ticks[-2]
            if gap >= self._dump_after:  # the dumps printed since the last such line were taken in this gap
                collections = "; ".join(f"generation {generation} {(end - start) * 1000:.0f} ms on {thread}"
                                        for start, end, generation, thread, _ in
                                        self._collections.between(self._ticks[-2], self._ticks[-1]))
                print(f"-- end of a gap of {gap * 1000:.0f} ms: GUI thread's CPU "
                      f"{(self._cpu[-1] - self._cpu[-2]) * 1000:.0f} ms, waiting for a CPU "
                      f"{(self._waited[-1] - self._waited[-2]) * 1000:.0f} ms; threads that ran: "
                      f"{self._clocks.busiest(self._thread_cpu, clocks)}; collections: {collections or 'none'}",
                      file=sys.stderr, flush=True)
            self._thread_cpu = clocks
        if self._explainer is not None:
            self._explainer.last_tick = self._ticks[-1]
        if self._loop is not None and self._done():
            self._loop.quit()

    def measure(self, trigger: Callable[[], object], done: Callable[[], bool], timeout_s: float = 600,
                name: str = "") -> Stall:
        """Start the timer, call `trigger` (as a menu click would, from the event loop), and turn the
        event loop until `done()`; the gap before the first tick counts as well."""
        from PySide6.QtCore import QEventLoop, QTimer

        self._ticks, self._cpu, self._waited, self._process_cpu = [], [], [], []
        self._done = done
        self._loop = QEventLoop()
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        self._note(started)
        self._collections.runs.clear()
        if self._dumper is not None:
            print(f"\n== {name or 'action'}: dumps follow", file=sys.stderr, flush=True)
            self._thread_cpu = self._clocks.read()
            self._dumper.last_tick = started
            self._dumper.active = True
        if self._explainer is not None:
            self._explainer.last_tick = started
            self._explainer.active = True
        self._timer.start()
        QTimer.singleShot(0, trigger)
        QTimer.singleShot(int(timeout_s * 1000), self._loop.quit)
        self._loop.exec()
        self._loop = None
        self._timer.stop()
        if self._dumper is not None:
            self._dumper.active = False
        finished = time.perf_counter()
        self._note(finished)
        ticks, cpu, waited, process_cpu = self._ticks, self._cpu, self._waited, self._process_cpu
        gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)]
        longest = max(range(len(gaps)), key=gaps.__getitem__)
        if self._explainer is not None:
            self._explainer.active = False
            print(f"\n== {name or 'action'}: longest gap {max(gaps):.3f} s, took {finished - started:.2f} s",
                  file=sys.stderr)
            print(self._explainer.explain(ticks), file=sys.stderr)
        full = [(end - start, thread) for start, end, generation, thread, _ in self._collections.runs if generation == 2]
        gap_cpus = [later - earlier for earlier, later in zip(cpu, cpu[1:], strict=False)]
        long_gaps = () if self.long_gaps_s is None else tuple(
            (ticks[at], ticks[at + 1], gap_cpus[at]) for at, gap in enumerate(gaps) if gap >= self.long_gaps_s)
        return Stall(gaps[longest], finished - started, len(ticks) - 1,
                     gap_cpu=cpu[longest + 1] - cpu[longest],
                     gap_waiting_for_a_cpu=waited[longest + 1] - waited[longest],
                     gap_process_cpu=process_cpu[longest + 1] - process_cpu[longest],
                     longest_own_gap=max(gap - (waited[at + 1] - waited[at]) for at, gap in enumerate(gaps)),
                     load=(load_before, os.getloadavg()[0]),
                     gap_collections=tuple((generation, end - start, thread) for start, end, generation, thread, _
                                           in self._collections.between(ticks[longest], ticks[longest + 1])),
                     longest_full_collection=max(full, default=(0.0, "")),
                     gui_cpu=cpu[-1] - cpu[0], most_gui_cpu_in_a_gap=max(gap_cpus), long_gaps=long_gaps)

    def close(self) -> None:
        self._collections.close()
        if self._dumper is not None:
            self._dumper.close()


def wait_until_settled(app, window, timeout_s: float = 120, pause_s: float = 0.005) -> None:
    """Turn the event loop until the window is settled (`_settled`), for at most `timeout_s`."""
    give_up = time.perf_counter() + timeout_s
    while not _settled(window) and time.perf_counter() < give_up:
        app.processEvents()
        time.sleep(pause_s)


def _settled(window) -> bool:
    """No operation runs, no pane is still to be read again for a refresh (one a turn), and the
    panes' own background reads (the sources list after a refresh, the
    queue of evidence to check, the facts table's count after a refresh, the fact's history, the
    candidates of the source shown) are in, the work left for later turns (the queue's selection of
    its item's fact, the reader going to that fact's evidence) is done, and a long source's
    highlights are laid on."""
    from PySide6.QtWidgets import QPlainTextEdit

    return (window.session is not None and not window.session.operations
            and not getattr(window, "refresh_pending", False)
            and not getattr(window.sources_pane.model, "reading", False)
            and not getattr(window.source_pane, "reading", False)
            and not getattr(window.orphan_queue, "reading", False)
            and not getattr(window.orphan_queue, "selecting", False)
            and not getattr(getattr(window, "evidence_navigator", None), "pending", False)
            and not getattr(window.fact_table.model, "counting", False)
            and not getattr(window.fact_editor, "reading_history", False)
            and not getattr(getattr(window, "candidates_pane", None), "finding", False)
            and not any(getattr(view, "colouring", False) for view in window.findChildren(QPlainTextEdit)))


def measure_actions(db: Path, only: set[str] | None = None, long_source: int | None = None,
                    documents: list[Path] | None = None, explain: bool = False,
                    dump_after_s: float | None = None, load_file: Path | None = None,
                    collector_report: bool = False, long_gaps_s: float | None = None,
                    reading: int | None = None) -> dict[str, Stall]:
    """Each action on the fact base at `db` (changed by them: pass a copy), in a fresh window;
    `explain` prints to stderr where the GUI thread was during each action's gaps, `dump_after_s`
    every thread's stack whenever no tick came for that long; `collector_report` prints what the
    collector holds at the end (`collector_at_end`, which unfreezes everything: the probe's own
    process only, not a test's); `reading`: the source shown in the reader all along, chosen in the
    sources list before the first action (a curator reading a long source while the work runs)."""
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from kzeu_desk.core.reading import read_document
    from kzeu_desk.ui import create_main_window
    from kzeu_desk.ui.maintenance import restore
    from kzeu_desk.ui.interpreter_sharing import share_the_interpreter_with_the_gui

    app = QApplication.instance() or QApplication([sys.argv[0]])
    share_the_interpreter_with_the_gui()  # as the application does at start-up
    window = create_main_window(db)
    window.resize(1600, 1000)
    window.show()
    for _ in range(3):
        app.processEvents()
    if reading is not None:
        window.sources_pane.choose(reading)
        wait_until_settled(app, window)  # its highlights laid on
    # As the application does once the workspace is attached (ui/app.py): what start-up built is
    # left out of the collector's walks. Without it a full collection after an action walked all of
    # it too (234 ms after a revision import at 1M facts), which the application never does.
    gc.freeze()
    # Dialogs that would wait for a click: a curator answers them; the probe must not.
    QMessageBox.information = staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Ok)  # type: ignore[method-assign]
    QMessageBox.warning = staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Ok)  # type: ignore[method-assign]
    folder = Path(tempfile.mkdtemp(prefix="kzeu-stall-"))
    explainer = StallExplainer() if explain else None
    probe = StallProbe(explainer, dump_after_s, long_gaps_s)
    results: dict[str, Stall] = {}

    def wanted(name: str) -> bool:
        return only is None or name in only

    def settled() -> bool:
        return _settled(window)

    try:
        if wanted("backup"):
            results["backup"] = probe.measure(window.actionBackUpNow.trigger, settled, name="backup")
        if wanted("check"):
            results["check"] = probe.measure(window.actionCheckFactBase.trigger, settled, name="check")
            window.check_dialog.close()
        if wanted("rescan"):
            results["rescan"] = probe.measure(window.actionRescanConflicts.trigger, settled, name="rescan")
        if wanted("repair"):
            # Tools > Check fact base, then Repair once the check is done (the repair re-checks after).
            repairing: list = []

            def repaired() -> bool:
                dialog = window.check_dialog
                if not repairing:
                    if dialog.op is not None and dialog.op.done:
                        repairing.append(dialog.repair())
                    return False
                return repairing[0].done and dialog.op.done and settled()

            results["repair"] = probe.measure(window.actionCheckFactBase.trigger, repaired, name="repair")
            window.check_dialog.close()
        if wanted("refresh"):
            results["refresh"] = probe.measure(window.actionRefresh.trigger, settled, name="refresh")
        if wanted("reviewer_copy"):
            target = folder / "review.sqlite"
            QFileDialog.getSaveFileName = staticmethod(lambda *_a, **_k: (str(target), ""))  # type: ignore[method-assign]
            results["reviewer_copy"] = probe.measure(window.actionExportReviewerCopy.trigger, settled, name="reviewer_copy")
        if wanted("export") and window.session is not None:
            from kzeu_desk.ui.export_dialog import ExportDialog

            dialog = ExportDialog(window.session, window)
            dialog.select_format("jsonl")
            dialog.set_target(folder / "export.jsonl")
            results["export"] = probe.measure(dialog.start_export, lambda: dialog.finished_export, name="export")
            dialog.close()
        if wanted("import") and documents:
            jobs: list = []
            results["import"] = probe.measure(lambda: jobs.append(window.import_files(documents)),
                                              lambda: bool(jobs) and jobs[0].over and settled(), name="import")
        if wanted("revision") and long_source is not None and window.session is not None:
            from kzeu_desk.ui.revision_view import RevisionImport

            with window.session.fact_base.reading() as conn:
                text = conn.exec_driver_sql("SELECT text FROM source WHERE id = ?", (long_source,)).scalar()
            revised = folder / "revised.txt"
            # A corrected edition: every 40th paragraph gains a sentence, every 150th is gone (its
            # highlights go to Evidence to check); every highlight is placed again.
            paragraphs = text.split("\n")
            revised.write_text("\n".join(
                paragraph + (" A correction was added here." if number % 40 == 7 else "")
                for number, paragraph in enumerate(paragraphs) if number % 150 != 11), encoding="utf-8")
            document = read_document(revised)
            job = RevisionImport(window.session, long_source, document, window)
            results["revision"] = probe.measure(job.start, lambda: job.over and settled(), name="revision")
        if wanted("load") and window.session is not None:
            jsonl = load_file or sample_export(folder)
            QFileDialog.getOpenFileName = staticmethod(lambda *_a, **_k: (str(jsonl), ""))  # type: ignore[method-assign]
            results["load"] = probe.measure(window.actionLoadJsonLines.trigger, settled, name="load")
        if wanted("restore") and window.session is not None:
            from kzeu_desk.core.backups import take_backup

            backup = take_backup(window.session.fact_base.path, "manual")
            results["restore"] = probe.measure(lambda: restore(window, window.session, backup.path, window.refresh_all),
                                               settled, name="restore")
        if results and collector_report:  # unfreezes and collects everything: for a probe's own process
            print(json.dumps({"collector_at_end": collector_at_end()}), file=sys.stderr, flush=True)
    finally:
        window.close()
        for _ in range(3):
            app.processEvents()
        shutil.rmtree(folder, ignore_errors=True)
        if explainer is not None:
            explainer.close()
        probe.close()
    return results


def collector_at_end() -> dict[str, object]:
    """What the collector holds once every action ran: the objects set aside from its walks
    (`gc.freeze`), those it still walks in a full collection and how long one takes now, and how many
    objects a full collection of everything, the set-aside included, finds to be garbage: cycles
    that died after being set aside, which only the process's end frees."""
    walked = len(gc.get_objects(2))
    frozen = gc.get_freeze_count()
    started = time.perf_counter()
    gc.collect()
    full_s = time.perf_counter() - started
    gc.unfreeze()
    gc.set_debug(gc.DEBUG_SAVEALL)  # the garbage is kept in gc.garbage, to say what it is
    started = time.perf_counter()
    kept_garbage = gc.collect()
    everything_s = time.perf_counter() - started
    gc.set_debug(0)
    kinds = collections.Counter(type(thing).__name__ for thing in gc.garbage).most_common(8)
    gc.garbage.clear()
    return {"frozen": frozen, "oldest_generation": walked, "full_collection_s": round(full_s, 4),
            "garbage_among_the_frozen": kept_garbage, "collection_of_everything_s": round(everything_s, 4),
            "garbage_kinds": dict(kinds)}


def sample_export(folder: Path) -> Path:
    """A JSON Lines export to load: the five sample articles with their facts, as a colleague's
    export would bring them (`--load-file` names another)."""
    from kzeu_desk.core.export import export
    from kzeu_desk.core.sample_corpus import import_sample_corpus
    from kzeu_desk.core.service import FactBase

    base, out = folder / "sample.sqlite", folder / "sample.jsonl"
    with FactBase.open(base, actor="colleague") as fact_base:
        import_sample_corpus(fact_base)
    export(base, "jsonl", out)
    return out


def ten_documents() -> list[Path]:
    """The sample articles and the test suite's documents of every format (PDF, Word, OpenDocument,
    web page, text): ten files none of which a generated fact base holds."""
    root = Path(__file__).resolve().parent.parent
    corpus = sorted((root / "resources" / "corpus").glob("*.txt"))
    golden = sorted(p for p in (root / "tests" / "golden").iterdir() if p.suffix != ".json")
    return [*corpus, *golden][:10]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--only", default="", help="comma-separated actions (default: all)")
    parser.add_argument("--long-source", type=int, default=None, help="the source a revision import revises")
    parser.add_argument("--documents", type=Path, default=None,
                        help="a folder of documents to import (ten; default: the sample articles and test documents)")
    parser.add_argument("--explain", action="store_true",
                        help="print (to stderr) where the GUI thread was while the window was frozen")
    parser.add_argument("--load-file", type=Path, default=None,
                        help="the JSON Lines file File > Load JSON Lines loads (default: the sample articles' export)")
    parser.add_argument("--dump-after-ms", type=int, default=None,
                        help="print (to stderr) every thread's stack whenever no tick came for this long")
    parser.add_argument("--reading", type=int, default=None,
                        help="the source shown in the reader during every action (default: the one the window opens at)")
    parser.add_argument("--long-gaps-ms", type=int, default=None,
                        help="list every gap at least this long, with its times on the monotonic clock")
    parser.add_argument("--without-setting-aside", action="store_true",
                        help="measure the runner without moving what lives out of the collector's walks "
                             "when the last operation ends (§27), for comparison")
    args = parser.parse_args()
    if args.without_setting_aside:
        from kzeu_desk.ui.operations import _CollectorPause

        _CollectorPause.set_aside_what_lives = staticmethod(lambda: None)  # type: ignore[method-assign]
    print(json.dumps({"gui_thread": threading.get_native_id()}), file=sys.stderr, flush=True)
    work = Path(tempfile.mkdtemp(prefix="kzeu-stall-db-"))
    try:
        copy = work / args.db.name
        shutil.copyfile(args.db, copy)
        documents = (sorted(p for p in args.documents.iterdir() if p.is_file())[:10] if args.documents
                     else ten_documents())
        only = {name.strip() for name in args.only.split(",") if name.strip()} or None
        found = measure_actions(copy, only, args.long_source, documents, explain=args.explain,
                                dump_after_s=args.dump_after_ms / 1000 if args.dump_after_ms else None,
                                load_file=args.load_file, collector_report=True,
                                long_gaps_s=args.long_gaps_ms / 1000 if args.long_gaps_ms else None,
                                reading=args.reading)
        print(json.dumps({name: asdict(stall) for name, stall in found.items()}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
