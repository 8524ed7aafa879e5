"""Word diffs of two revisions of a text, computed away from the GUI thread, where their cost says.

Measured on one machine (idle), `revisions.text_diff` of a text and a copy with a few words changed:

    characters      3 changed words   30 changed words
    8,000                 2.6 ms             9.7 ms
    50,000               13 ms              94 ms
    100,000              30 ms              60 ms
    300,000             260 ms             450 ms
    1,000,000           1.5 s              2.7 s

A worker process answers a small diff in 2-9 ms once it runs, but starting it takes 0.6 s idle and
several seconds on a loaded machine (its imports), and that first start is what a curator waits for.
A thread starts at once; its only cost is the interpreter lock it shares with the GUI thread, which
waits at most one switch interval (5 ms) each time Qt calls into Python. For a diff of up to ~100 ms
that bounds what the window can lose to it by the diff itself; for a long text it froze the window
1.3-6.4 s after a revision import at 1M facts. So diffs of texts up to 100,000 characters (old and
new together) run on a thread, longer ones in the worker process.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from kzeu_desk.core import revisions
from kzeu_desk.ui.operations import compute_in_another_process, compute_off_gui_thread, worker_process_idle

DIFF_ON_A_THREAD_UP_TO = 100_000  # characters, old and new together


def diff_off_gui_thread(receiver: QObject, old: str, new: str,
                        done: Callable[[list[revisions.DiffPiece]], Any]) -> None:
    """`done(revisions.text_diff(old, new))` on the GUI thread, unless `receiver` is gone by then."""
    # A short diff goes to the worker process too when it runs idle: no wait for it to start then, and
    # no thread of Python competing with the GUI thread for the interpreter lock.
    if len(old) + len(new) <= DIFF_ON_A_THREAD_UP_TO and not worker_process_idle():
        compute_off_gui_thread(receiver, revisions.text_diff, (old, new), done)
    else:
        compute_in_another_process(receiver, revisions.text_diff, (old, new), done)
