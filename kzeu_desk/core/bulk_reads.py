"""Building many Python objects at once without freezing the window.

Python's cyclic garbage collector runs a full collection when enough objects survive; each one
walks every object in the process while holding the interpreter lock, so a background read that
builds tens of thousands of rows stops the GUI thread too. Comparing the sources of 100k facts
triggered twelve such collections, up to 550 ms each (2.4 s of 10 s). Inside `no_collection_pauses`
automatic collection is off; reference counting still frees everything that is not a cycle, and
collection resumes afterwards.

Resuming alone only moved the pause: the rows the read built survive (the view keeps them), so the
next allocations on the GUI thread set off a full collection walking all of them (394 ms when the
agreement matrix of 100k facts was shown, 30 ms for the same work once they were set aside). So the
objects alive at the end are moved to the collector's permanent generation (`gc.freeze`), which
full collections skip. They are still freed by reference counting when the view lets them go; only
reference cycles among them would stay until the process ends, and these reads build none (rows of
tuples, frozen dataclasses and dicts of them).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collection_pauses() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Another bulk read that started while this one ran found collection off and leaves it to us.
        if was_enabled:
            gc.freeze()
            gc.enable()
