"""Other curators' commits as they happen: LISTEN on a connection of the feed's own, in a thread.

Every write transaction NOTIFYs the operation it recorded (transactions.announce), delivered when
it commits. The thread waits on the connection's socket, so a notification reaches `on_change`
within milliseconds; should the connection break (a server restart, a laptop waking up), it is
made again, and `on_change(None)` says that something may have been missed meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import psycopg

from kzeu_desk.core.storage.interface import ChangeFeed
from kzeu_desk.core.storage.postgresql.transactions import CHANNEL
import contextlib

_WAIT_S = 0.5  # how often the thread looks whether it should stop
_RETRY_S = 2.0


class ListenFeed(ChangeFeed):
    def __init__(self, connect: Callable[[], psycopg.Connection]):
        self._connect = connect
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._connection: psycopg.Connection | None = None

    def start(self, on_change: Callable[[int | None], None]) -> None:
        if self._thread is not None:
            return
        self._connection = self._listening()  # the first LISTEN is in place before start returns
        self._thread = threading.Thread(target=self._run, args=(on_change,), name="kzeu-desk change feed",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._close()

    def _listening(self) -> psycopg.Connection:
        connection = self._connect()
        connection.autocommit = True
        connection.execute(f"LISTEN {CHANNEL}")
        return connection

    def _run(self, on_change: Callable[[int | None], None]) -> None:
        while not self._stopping.is_set():
            try:
                if self._connection is None:
                    self._connection = self._listening()
                    on_change(None)
                for notify in self._connection.notifies(timeout=_WAIT_S):
                    on_change(_operation(notify.payload))
            except psycopg.Error:
                self._close()
                self._stopping.wait(_RETRY_S)

    def _close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(psycopg.Error):
                connection.close()


def _operation(payload: Any) -> int | None:
    try:
        return int(payload)
    except (TypeError, ValueError):
        return None
