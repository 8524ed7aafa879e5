"""Reading the fact base off the GUI thread, for views whose reads can take longer than a frame.

A view asks for a read on a named channel; the read runs on a worker thread with its own
connection (one read transaction, so it sees one consistent state), and its result comes back to
the GUI thread through a queued signal. A newer request on the same channel supersedes an older
one: the older result is dropped when it arrives, so a view never flickers through stale answers
while the user scrolls or types. A read that fails reports one sentence instead of a result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QRunnable, QThreadPool, QTimer, Signal
from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from kzeu_desk.core.errors import UserError

_log = logging.getLogger(__name__)

# A read that takes longer than this shows the view's busy indicator; quicker ones never flash it.
BUSY_AFTER_MS = 150

Report = Callable[[int, int], None]  # (done, total): progress of a long read
Read = Callable[[Connection, Report], Any]


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it, so slots run there."""

    finished = Signal(str, int, object)  # channel, generation, result
    failed = Signal(str, int, str)  # channel, generation, one sentence
    progressed = Signal(str, int, int, int)  # channel, generation, done, total


class _Job(QRunnable):
    def __init__(self, open_reading, relay: _Relay, channel: str, generation: int, read: Read):
        super().__init__()
        self._open_reading = open_reading
        self._relay = relay
        self._channel = channel
        self._generation = generation
        self._read = read

    def run(self) -> None:
        def report(done: int, total: int) -> None:
            self._relay.progressed.emit(self._channel, self._generation, done, total)

        try:
            with self._open_reading() as conn:
                result = self._read(conn, report)
        except UserError as error:
            self._relay.failed.emit(self._channel, self._generation, str(error))
        except SQLAlchemyError as error:
            reason = str(getattr(error, "orig", None) or error).splitlines()[0]
            self._relay.failed.emit(self._channel, self._generation, f"The fact base could not be read: {reason}.")
        except Exception as error:  # a bug must not kill the worker thread silently
            _log.exception("background read on %s failed", self._channel)
            self._relay.failed.emit(self._channel, self._generation, f"Reading failed: {error}.")
        else:
            self._relay.finished.emit(self._channel, self._generation, result)


class BackgroundReader(QObject):
    """Background reads for one view. `busy` says whether a read has been running for a while."""

    busy_changed = Signal(bool)
    progressed = Signal(str, int, int)  # channel, done, total

    def __init__(self, open_reading: Callable[[], Any], parent: QObject | None = None):
        """`open_reading()` returns a context manager yielding a read-only connection
        (FactBase.reading)."""
        super().__init__(parent)
        self._open_reading = open_reading
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._relay.progressed.connect(self._progressed)
        self._generations: dict[str, int] = {}
        self._callbacks: dict[str, tuple[Callable[[Any], None], Callable[[str], None] | None]] = {}
        self._running: dict[str, QElapsedTimer] = {}
        self._busy = False
        self._stopped = False
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._update_busy)

    @property
    def busy(self) -> bool:
        return self._busy

    def pending(self, channel: str | None = None) -> bool:
        return bool(self._running) if channel is None else channel in self._running

    def request(self, channel: str, read: Read, done: Callable[[Any], None],
                failed: Callable[[str], None] | None = None) -> None:
        """Run `read(conn, report)` off the GUI thread; `done(result)` runs on the GUI thread
        unless a newer request on `channel` came in meanwhile."""
        if self._stopped:
            return
        generation = self._generations.get(channel, 0) + 1
        self._generations[channel] = generation
        self._callbacks[channel] = (done, failed)
        clock = QElapsedTimer()
        clock.start()
        self._running[channel] = clock
        self._busy_timer.start()
        self._pool.start(_Job(self._open_reading, self._relay, channel, generation, read))

    def cancel(self, channel: str) -> None:
        """Forget a request: its result, when it comes, is dropped."""
        self._generations[channel] = self._generations.get(channel, 0) + 1
        self._running.pop(channel, None)
        self._update_busy()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every read has run (tests, and closing the window); queued results are
        delivered by the event loop afterwards."""
        return self._pool.waitForDone(msecs)

    def wait_until_delivered(self) -> None:
        """Block until every read has run and its result has reached its `done` (tests, and closing
        the window); a `done` that asks for another read is waited for too."""
        while self._running:
            self.wait()
            QCoreApplication.sendPostedEvents()

    def stop(self) -> None:
        """The window is closing: wait for running reads, drop their results and start no more, so
        nothing reads the fact base after it is closed (its file may be gone by then)."""
        self._stopped = True
        self._pool.waitForDone()
        self._running.clear()
        self._busy_timer.stop()

    def _current(self, channel: str, generation: int) -> bool:
        return not self._stopped and self._generations.get(channel) == generation

    def _finished(self, channel: str, generation: int, result: object) -> None:
        if not self._current(channel, generation):
            return
        self._running.pop(channel, None)
        self._update_busy()
        done, _failed = self._callbacks[channel]
        done(result)

    def _failed(self, channel: str, generation: int, message: str) -> None:
        if not self._current(channel, generation):
            return
        self._running.pop(channel, None)
        self._update_busy()
        _done, failed = self._callbacks[channel]
        if failed is not None:
            failed(message)
        else:
            _log.warning("%s: %s", channel, message)

    def _progressed(self, channel: str, generation: int, done: int, total: int) -> None:
        if self._current(channel, generation):
            self.progressed.emit(channel, done, total)

    def _update_busy(self) -> None:
        busy = any(clock.elapsed() >= BUSY_AFTER_MS for clock in self._running.values())
        if self._running and not busy:
            self._busy_timer.start()
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
