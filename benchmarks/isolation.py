"""Running one measurement in a forked child with a deadline.

Some operations take minutes or hours at 1M facts before they are fixed (a full conflict re-scan,
a bulk load). A child process can be stopped at the deadline, whereas a thread cannot; the
parent then reports "did not finish within N s" instead of hanging the whole benchmark.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from typing import Any


class DidNotFinish(Exception):
    def __init__(self, seconds: float):
        super().__init__(f"did not finish within {seconds:.0f} s")
        self.seconds = seconds


class FailedInChild(Exception):
    pass


def _child(connection, work: Callable[[], Any]) -> None:
    try:
        connection.send(("ok", work()))
    except BaseException:  # the parent reports it; the child must always answer
        connection.send(("error", traceback.format_exc()))
    finally:
        connection.close()


def run_with_deadline(work: Callable[[], Any], deadline_seconds: float) -> Any:
    """`work()` in a forked child; its (picklable) result, or DidNotFinish / FailedInChild."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sending, work), daemon=True)
    child.start()
    sending.close()
    try:
        if not receiving.poll(deadline_seconds):
            child.kill()
            raise DidNotFinish(deadline_seconds)
        outcome, value = receiving.recv()
    except EOFError:
        raise FailedInChild(f"the measuring process died (exit code {child.exitcode})") from None
    finally:
        child.join(timeout=10)
        receiving.close()
    if outcome == "error":
        raise FailedInChild(value)
    return value
