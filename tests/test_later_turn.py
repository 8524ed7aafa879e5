"""Work put off to a later turn runs after the timers that fell due, so a chain of turns lets the window's timers in."""

import time

from PySide6.QtCore import QObject, Qt, QTimer

from kzeu_desk.ui.later_turn import on_a_later_turn


def _chain(qtbot, put_off) -> list[str]:
    """Three steps of 25 ms, each putting the next off with `put_off`, beside a 5 ms timer: what ran, in order."""
    events: list[str] = []
    ticker = QTimer(interval=5)
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.timeout.connect(lambda: events.append("tick"))
    receiver = QObject()

    def step(left: int) -> None:
        events.append("step")
        until = time.perf_counter() + 0.025  # the ticker falls due meanwhile
        while time.perf_counter() < until:
            pass
        if left:
            put_off(receiver, lambda: step(left - 1))
        else:
            events.append("done")

    ticker.start()
    QTimer.singleShot(10, lambda: step(2))
    qtbot.waitUntil(lambda: "done" in events, timeout=5_000)
    ticker.stop()
    return events[events.index("step"):events.index("done") + 1]


def test_a_later_turn_comes_after_the_timers_due(qtbot):
    events = _chain(qtbot, on_a_later_turn)
    assert events == ["step", "tick", "step", "tick", "step", "done"]


def test_a_zero_delay_single_shot_comes_before_them(qtbot):
    # Why the helper exists: Qt's GLib dispatcher (Linux) runs posted events, a zero-delay single
    # shot among them, ahead of timers that fell due right after a timer fired.
    events = _chain(qtbot, lambda receiver, work: QTimer.singleShot(0, receiver, work))
    assert events[:2] == ["step", "step"]
