"""Run as a program: views die while their background work runs, for SECONDS (default 2).

Each round starts 20 computations whose receivers are then destroyed, half at once, half through
deleteLater, while the workers answer. Delivery that touched Qt from the worker thread crashed this
within 3 s every time (a segmentation fault in the worker's signal emission). Prints "ok" at the end.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _work(n: int) -> list[int]:
    return list(range(n))


def main() -> None:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication, QWidget

    from kzeu_desk.ui.operations import compute_off_gui_thread

    faulthandler.enable()
    app = QApplication([sys.argv[0]])
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    answers = []
    started = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        parents = []
        for _ in range(20):
            parent = QWidget()
            compute_off_gui_thread(QObject(parent), _work, (started % 50,), answers.append)
            started += 1
            parents.append(parent)
        for number, parent in enumerate(parents):
            if number % 2:
                parent.deleteLater()
        parents.clear()  # the others are freed here, by reference counting
        app.processEvents()
    for _ in range(50):
        app.processEvents()
        time.sleep(0.01)
    print(f"{started} computations, {len(answers)} answers delivered; ok")


if __name__ == "__main__":
    main()
