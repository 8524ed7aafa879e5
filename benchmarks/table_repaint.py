"""Facts table repaint beside Qt alone: the same strings in a C++ model, on the same view, alternating.

    python -m benchmarks.table_repaint --db FACTS.sqlite [--rounds 15] [--screens 20] [--at 0.5]

The floor is exact: the rows the table shows are copied into a `QStandardItemModel` with every role
our model answers for painting (text, right alignment of the count columns, the status dot, the
muted colour of rejected facts), and that model is set on the *same* `FactTableView` (same size,
font, palette, column widths and hidden columns, icon size, row height, alternating colours), with
Qt's own `QStyledItemDelegate`. So what remains between the rows is what our model and delegate
cost in Python. Three variants are timed in turns, each turn repainting the same screens once
(pages already read: what scrolling back and forth costs):

- `ours`: the table as the app shows it (our model and our delegate);
- `qt_delegate`: our model with Qt's delegate, which asks `data()` seven roles per cell (the
  table before its delegate: what main shipped until #22 item 5);
- `qt_model`: the C++ copy with Qt's delegate: the floor;
- `ours_new_texts`: as `ours`, but every text new to the delegate (a second delegate of ours, its
  texts forgotten before each repaint): the first paint of rows never shown before, as when scrolling on;
- `ours_scrolling_on` and `qt_delegate_scrolling_on`: after and before, each turn 20 screens of
  rows not read before (from a fifth and from seven tenths of the listing on), pages fetched on
  the way included: the harness's scroll (gui_probe), but beside the floor turn by turn (meant for
  100k rows and more, where the turns' rows do not meet), repaint after repaint with no event loop
  between them, so nothing can be prepared ahead: the worst case;
- `ours_scrolling_on_idle`: as `ours_scrolling_on` (from nine twentieths on), but the event loop
  runs between the screens until the table has done what it does while idle (lays out the texts of
  the screen below, reads the next page off the GUI thread), as between two Page Down presses or
  wheel notches; that work's CPU (both threads) is timed apart, per screen, as `.idle_cpu_ms`;
- `qt_model_idle`: the floor for it: the C++ copy's screens with the event loop run between them
  as well, so the idle variant is compared with a floor taken the same way (the C++ copy took
  1.02-1.17x as long with the loop run as without in the runs of docs/PERFORMANCE.md §23; two checks
  of ours on rows already shown gave 9.6 against 12.5 ms, then 6.8-7.3 against 7.0-7.8 ms: no
  steady difference either way).

CPU time of the process per `viewport().repaint()` (`time.process_time`), medians over all turns;
the order of the variants rotates every turn, so a slow spell of a shared machine hits each alike.
Printed as one JSON object; `--screenshots DIR` also saves one screen of each variant as PNG and
the number of pixels in which `ours` differs from each of the others.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KZEU_DESK_DATA_DIR", tempfile.mkdtemp(prefix="kzeu-bench-table-"))

TABLE_SIZE = (1400, 900)  # as benchmarks/gui_probe.py: a curator who gave the facts table most of the screen
VARIANTS = ("ours", "qt_delegate", "qt_model", "ours_new_texts", "ours_scrolling_on", "qt_delegate_scrolling_on",
            "ours_scrolling_on_idle", "qt_model_idle")
# Apart, and from the other rows.
_SCROLLING_FROM = {"ours_scrolling_on": 0.2, "qt_delegate_scrolling_on": 0.7, "ours_scrolling_on_idle": 0.45}
_IDLE = "ours_scrolling_on_idle"
_WITH_EVENT_LOOP = frozenset({_IDLE, "qt_model_idle"})


def twin_model(model, first_row: int, rows: int):
    """The rows `first_row`..+`rows` of our model as a C++ `QStandardItemModel` holding every role
    our model answers when painting, read through `data()` as a view would read them."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.DecorationRole,
             Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole,
             Qt.ItemDataRole.CheckStateRole)
    columns = model.columnCount()
    copy = QStandardItemModel(rows, columns)
    for row in range(rows):
        for column in range(columns):
            index = model.index(first_row + row, column)
            item = QStandardItem()
            item.setEditable(False)
            for role in roles:
                value = model.data(index, role)
                if value is not None:
                    item.setData(value, role)
            copy.setItem(row, column, item)
    for column in range(columns):
        copy.setHeaderData(column, Qt.Orientation.Horizontal,
                           model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
    return copy


class SameView:
    """Puts a model and a delegate on the view, keeping the view's columns as they were."""

    def __init__(self, view) -> None:
        header = view.horizontalHeader()
        self.view = view
        self.widths = [header.sectionSize(column) for column in range(header.count())]
        self.hidden = [header.isSectionHidden(column) for column in range(header.count())]
        self.sorted_by = header.sortIndicatorSection(), header.sortIndicatorOrder()
        view.setSortingEnabled(False)  # else setModel would sort the copy

    def show(self, model, delegate) -> None:
        view = self.view
        if view.model() is not model:
            view.setModel(model)
            header = view.horizontalHeader()
            for column, (width, hidden) in enumerate(zip(self.widths, self.hidden, strict=True)):
                header.resizeSection(column, width)
                header.setSectionHidden(column, hidden)
        if view.itemDelegate() is not delegate:
            view.setItemDelegate(delegate)
        view.doItemsLayout()  # the scroll bar's range follows the model now, not at the next turn of the loop

    def restore(self) -> None:
        """Sorting back on, by the column and order the view had (the model's own: no new query)."""
        self.view.horizontalHeader().setSortIndicator(*self.sorted_by)
        self.view.setSortingEnabled(True)


def measure(app, db: Path, *, rounds: int, screens: int, at: float, screenshots: Path | None = None) -> dict:
    from PySide6.QtWidgets import QStyledItemDelegate

    from kzeu_desk.core.service import FactBase
    from kzeu_desk.ui.fact_table import FactTablePane, cell_delegate
    from kzeu_desk.ui.session import Session

    session = Session(FactBase.open(db, actor="benchmark"))
    pane = FactTablePane(session)
    pane.resize(*TABLE_SIZE)
    pane.show()
    for _ in range(3):
        app.processEvents()
    view, model = pane.view, pane.model
    row_height = view.verticalHeader().defaultSectionSize()
    rows_on_screen = max(1, view.viewport().height() // row_height)
    shown_rows = screens * rows_on_screen + 1
    first = min(max(0, int(model.rowCount() * at)), max(0, model.rowCount() - shown_rows))
    shown_rows = min(shown_rows, model.rowCount() - first)
    scrollbar = view.verticalScrollBar()
    for step in range(screens):  # read the pages (and lay out our texts) before timing
        scrollbar.setValue(first + step * rows_on_screen)
        view.viewport().repaint()
    ours_delegate = view.itemDelegate()
    qt_delegate = QStyledItemDelegate(view)
    fresh_delegate = cell_delegate(model, view)
    twin = twin_model(model, first, shown_rows)
    same = SameView(view)
    setups = {"ours": (model, ours_delegate, first), "qt_delegate": (model, qt_delegate, first),
              "qt_model": (twin, qt_delegate, 0), "ours_new_texts": (model, fresh_delegate, first)}
    seconds: dict[str, list[float]] = {name: [] for name in VARIANTS}
    wall: dict[str, list[float]] = {name: [] for name in VARIANTS}
    idle: list[float] = []
    # Each variant that scrolls on has a delegate of its own: thousands of new texts a turn would
    # otherwise push the rows `ours` repaints out of the texts it keeps laid out.
    setups["ours_scrolling_on"] = (model, cell_delegate(model, view), 0)
    setups["qt_delegate_scrolling_on"] = (model, qt_delegate, 0)
    setups[_IDLE] = (model, cell_delegate(model, view), 0)
    setups["qt_model_idle"] = (twin, qt_delegate, 0)
    span = max(1, model.rowCount() - shown_rows)
    for turn in range(rounds + 1):  # turn 0 warms each variant up and is not counted
        order = VARIANTS[turn % len(VARIANTS):] + VARIANTS[:turn % len(VARIANTS)]
        for name in order:
            shown_model, delegate, offset = setups[name]
            if name in _SCROLLING_FROM:
                offset = (int(model.rowCount() * _SCROLLING_FROM[name]) + turn * (shown_rows - 1)) % span
            same.show(shown_model, delegate)
            app.processEvents()
            if name == _IDLE:  # scrolling on from the screen above, shown and idle after
                view.verticalScrollBar().setValue(max(0, offset - rows_on_screen))
                view.viewport().repaint()
                until_idle(app, view, model)
            for step in range(screens):
                view.verticalScrollBar().setValue(offset + step * rows_on_screen)
                if name == "ours_new_texts":
                    fresh_delegate.forget_laid_out_texts()
                started_cpu, started = time.process_time(), time.perf_counter()
                view.viewport().repaint()
                cpu, elapsed = time.process_time() - started_cpu, time.perf_counter() - started
                if name in _WITH_EVENT_LOOP:
                    idle_started = time.process_time()
                    until_idle(app, view, model)
                    if turn and name == _IDLE:
                        idle.append(time.process_time() - idle_started)
                if turn:
                    assert view.rowAt(0) == offset + step * rows_on_screen, "the screen timed is not the one meant"
                    seconds[name].append(cpu)
                    wall[name].append(elapsed)
            if name not in _WITH_EVENT_LOOP:
                # What the table planned to do when idle is dropped, so the next turn of a variant
                # without idle time does not find its first screen laid out at the switch of variants.
                view.look_ahead_at_next_paint()
    result: dict = {"rows": model.rowCount(), "first_row": first, "rows_on_screen": rows_on_screen,
                    "screens": screens, "rounds": rounds,
                    "visible_columns": sum(not hidden for hidden in same.hidden)}
    for name in VARIANTS:
        result[f"{name}.cpu_ms"] = statistics.median(seconds[name]) * 1000
        result[f"{name}.wall_ms"] = statistics.median(wall[name]) * 1000
        result[f"{name}.turn_cpu_ms"] = [statistics.median(seconds[name][turn * screens:(turn + 1) * screens]) * 1000
                                         for turn in range(rounds)]
    result[f"{_IDLE}.idle_cpu_ms"] = statistics.median(idle) * 1000
    result[f"{_IDLE}.idle_cpu_mean_ms"] = statistics.fmean(idle) * 1000
    result[f"{_IDLE}.cpu_mean_ms"] = statistics.fmean(seconds[_IDLE]) * 1000
    result["ours_scrolling_on.cpu_mean_ms"] = statistics.fmean(seconds["ours_scrolling_on"]) * 1000
    result["ours_over_qt_model"] = result["ours.cpu_ms"] / result["qt_model.cpu_ms"]
    result["qt_delegate_over_qt_model"] = result["qt_delegate.cpu_ms"] / result["qt_model.cpu_ms"]
    for name in VARIANTS[3:]:
        result[f"{name}_over_qt_model"] = result[f"{name}.cpu_ms"] / result["qt_model.cpu_ms"]
    result[f"{_IDLE}_over_qt_model_idle"] = result[f"{_IDLE}.cpu_ms"] / result["qt_model_idle.cpu_ms"]
    if screenshots is not None:
        result["differing_pixels"] = _screenshots(app, same, setups, screenshots, rows_on_screen)
    pane.close()
    session.fact_base.close()
    return result


def until_idle(app, view, model) -> None:
    """Run the event loop until the table has nothing left to do while idle: no page being read
    ahead, no texts left to lay out ahead."""
    while True:
        model.wait_for_pages_read_ahead()
        app.processEvents()
        if not view.laying_out_ahead and not model.reading_ahead:
            return


def _screenshots(app, same: SameView, setups: dict, folder: Path, rows_on_screen: int) -> dict[str, int]:
    from PySide6.QtGui import QImage

    folder.mkdir(parents=True, exist_ok=True)
    images = {}
    for name in VARIANTS[:3]:
        shown_model, delegate, offset = setups[name]
        same.show(shown_model, delegate)
        same.view.verticalScrollBar().setValue(offset + rows_on_screen)
        same.view.selectRow(offset + rows_on_screen + 3)
        app.processEvents()
        images[name] = same.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        images[name].save(str(folder / f"table-{name}.png"))
    return {other: differing_pixels(images["ours"], images[other]) for other in VARIANTS[1:3]}


def differing_pixels(first, second) -> int:
    """How many pixels of two images of the same size differ (-1: the sizes differ)."""
    if first.size() != second.size():
        return -1
    width = first.width()
    return sum(1 for y in range(first.height()) for x in range(width) if first.pixel(x, y) != second.pixel(x, y))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=15, help="turns of each variant (the first warm-up turn aside)")
    parser.add_argument("--screens", type=int, default=20, help="screens repainted per turn")
    parser.add_argument("--at", type=float, default=0.5, help="where in the listing, 0 top to 1 end")
    parser.add_argument("--screenshots", type=Path, help="save one screen of each variant here as PNG")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from kzeu_desk.ui.interpreter_sharing import share_the_interpreter_with_the_gui

    share_the_interpreter_with_the_gui()  # as the application does at start-up
    app = QApplication.instance() or QApplication([sys.argv[0]])
    print(json.dumps(measure(app, args.db, rounds=args.rounds, screens=args.screens, at=args.at,
                             screenshots=args.screenshots)))


if __name__ == "__main__":
    main()
