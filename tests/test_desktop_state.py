"""What the workspace keeps between launches (#15 items 1-4, 11, 12), checked as a curator meets it:
the app's own entry point launched several times in a row on one data folder, offscreen and under
a real X server with a window manager, with its real settings file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget

from kzeu_desk.core.sample_corpus import import_sample_corpus
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui import create_main_window
from kzeu_desk.ui.app_settings import app_settings, string_list
from kzeu_desk.ui.recent_fact_bases import forget, recent_paths, remember
from kzeu_desk.ui.window_layout import LAYOUT_VERSION, MIN_TEXT_HEIGHT

PROJECT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "launch_probe.py"
PANES = ("sourcesDock", "factEditorDock", "factsDock")


def launch(data_dir: Path, tmp_path: Path, steps: list[dict] | None = None, arguments: tuple[str, ...] = (),
           environment: dict[str, str] | None = None, external_close=None) -> dict:
    """One real launch of the app; returns what the probe measured at start and at quit."""
    number = len(list(tmp_path.glob("launch-*.json")))
    out = tmp_path / f"launch-{number}.json"
    steps_file = tmp_path / f"steps-{number}.json"
    steps = list(steps or [])
    if external_close is not None:
        steps.append({"close": "external"})
    steps_file.write_text(json.dumps(steps), encoding="utf-8")
    env = {**(environment or os.environ), "KZEU_DESK_DATA_DIR": str(data_dir)}
    if environment is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
    process = subprocess.Popen([sys.executable, str(PROBE), str(out), str(steps_file), *arguments], env=env,
                               cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if external_close is not None:
        external_close(out, env)
    _stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr, stderr
    return json.loads(out.read_text(encoding="utf-8"))


def pane_sizes(measured: dict) -> dict[str, tuple[int, int]]:
    sizes = {name: (measured["docks"][name]["width"], measured["docks"][name]["height"]) for name in PANES}
    sizes["text"] = tuple(measured["text"])
    return sizes


def assert_close(restored: dict, saved: dict, tolerance: float) -> None:
    for name, (width, height) in pane_sizes(saved).items():
        got_width, got_height = pane_sizes(restored)[name]
        assert abs(got_width - width) <= max(3, width * tolerance), (name, "width", got_width, width)
        assert abs(got_height - height) <= max(3, height * tolerance), (name, "height", got_height, height)


# A curator's first day: the facts table made shorter, the Sources pane wider, one column narrower.
CURATOR_STEPS = [{"resize_dock": ["factsDock", 230, "vertical"]},
                 {"resize_dock": ["sourcesDock", 300, "horizontal"]},
                 {"column_width": [1, 150]}]


def test_pane_sizes_survive_several_launches_offscreen(tmp_path):
    data = tmp_path / "data"
    first = launch(data, tmp_path, CURATOR_STEPS)
    assert first["start"]["collapsed"] == [] and not first["start"]["used_saved_layout"]
    assert first["start"]["text"][1] >= MIN_TEXT_HEIGHT
    previous = first
    for _ in range(3):
        again = launch(data, tmp_path)
        assert again["start"]["used_saved_layout"]
        assert again["start"]["collapsed"] == []
        assert_close(again["start"], previous["saved"], tolerance=0.02)
        assert again["start"]["columns"][1] == 150
        previous = again
    assert_close(previous["saved"], first["saved"], tolerance=0.02)  # no drift, launch after launch


def _close_through_the_window_manager(out: Path, env: dict[str, str]) -> None:
    import time

    deadline = time.monotonic() + 60
    while not out.exists():
        assert time.monotonic() < deadline, "the app did not report its window"
        time.sleep(0.1)
    title = json.loads(out.read_text(encoding="utf-8"))["saved"]["title"]
    subprocess.run(["wmctrl", "-c", title], env=env, check=True)


@pytest.mark.slow
def test_pane_sizes_survive_several_launches_under_a_window_manager(tmp_path):
    from tests.x_session import x_session

    data = tmp_path / "data"
    with x_session() as environment:
        first = launch(data, tmp_path, CURATOR_STEPS, environment=environment,
                       external_close=_close_through_the_window_manager)
        assert first["start"]["collapsed"] == []
        assert first["start"]["screen"] == [1600, 1000]
        previous = first
        for _ in range(2):
            again = launch(data, tmp_path, environment=environment, external_close=_close_through_the_window_manager)
            assert again["start"]["used_saved_layout"], again
            assert again["start"]["collapsed"] == []
            assert again["start"]["window"] == previous["saved"]["window"]
            assert_close(again["start"], previous["saved"], tolerance=0.05)
            previous = again
        assert_close(previous["saved"], first["saved"], tolerance=0.05)


def test_open_recent_is_exact_across_launches(tmp_path):
    data = tmp_path / "data"
    bases = []
    for name in ("alpha.sqlite", "beta.sqlite"):
        path = tmp_path / name
        FactBase.open(path).close()
        bases.append(str(path))
    launch(data, tmp_path, arguments=(bases[0],))
    only_one = launch(data, tmp_path, arguments=(bases[0],))
    assert only_one["start"]["recent"] == [bases[0]]  # one entry comes back whole, not as characters
    launch(data, tmp_path, arguments=(bases[1],))
    last = launch(data, tmp_path, arguments=(bases[0],))
    assert last["start"]["recent"] == [bases[0], bases[1]]
    assert last["start"]["recent_enabled"] == [True, True]


def test_a_launch_without_a_fact_base_named_goes_on_in_the_last_one(tmp_path):
    data = tmp_path / "data"
    mine = tmp_path / "mine.sqlite"
    FactBase.open(mine).close()
    launch(data, tmp_path, arguments=(str(mine),))
    next_day = launch(data, tmp_path)
    assert next_day["start"]["fact_base"] == str(mine)
    assert next_day["start"]["warnings"] == []
    # A file that can no longer be opened never locks the curator out: the default one opens, with the reason.
    mine.write_bytes(b"not a database at all" * 300)
    damaged_day = launch(data, tmp_path)
    assert damaged_day["start"]["fact_base"] == str(data / "facts.kzeu.sqlite")
    [warning] = damaged_day["start"]["warnings"]
    assert "mine.sqlite" in warning and "default fact base is open instead" in warning
    assert "Traceback" not in warning
    assert damaged_day["start"]["recent"][1] == str(mine)  # still listed, to try again later
    # A file that was moved away is not an error: the default fact base opens quietly.
    mine.unlink()
    moved_day = launch(data, tmp_path)
    assert moved_day["start"]["fact_base"] == str(data / "facts.kzeu.sqlite")
    assert moved_day["start"]["warnings"] == []


# -- layouts that must not be restored --------------------------------------------------------


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "workspace.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        import_sample_corpus(fb)
    return path


def _open(qtbot, db_path):
    window = create_main_window(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    return window


def _squeeze_text_and_quit(qtbot, db_path, version: int = LAYOUT_VERSION, screen: str | None = None) -> None:
    window = _open(qtbot, db_path)
    facts = window.findChild(QDockWidget, "factsDock")
    window.resizeDocks([facts], [window.height()], Qt.Orientation.Vertical)
    qtbot.wait(20)
    assert window.source_pane.view.height() < MIN_TEXT_HEIGHT
    window.close()
    settings = app_settings()
    settings.setValue("mainWindow/state", window.saveState(version))
    if screen is not None:
        settings.setValue("mainWindow/screen", screen)
    settings.sync()


def _assert_default_layout(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.source_pane.view.height() >= MIN_TEXT_HEIGHT)
    assert not window.layout_keeper.used_saved_layout
    assert window.layout_keeper.collapsed_panes() == []


def test_a_collapsed_layout_is_never_restored(qtbot, db_path):
    _squeeze_text_and_quit(qtbot, db_path)
    _assert_default_layout(qtbot, _open(qtbot, db_path))


def test_a_layout_from_an_older_version_falls_back_to_the_default(qtbot, db_path):
    _squeeze_text_and_quit(qtbot, db_path, version=1)
    _assert_default_layout(qtbot, _open(qtbot, db_path))


def test_a_layout_from_another_screen_size_falls_back_to_the_default(qtbot, db_path):
    _squeeze_text_and_quit(qtbot, db_path, screen="3840x2160")
    _assert_default_layout(qtbot, _open(qtbot, db_path))


def test_view_reset_layout_restores_panes_and_columns(qtbot, db_path):
    window = _open(qtbot, db_path)
    qtbot.waitUntil(lambda: window.source_pane.view.height() >= MIN_TEXT_HEIGHT)
    first_text = window.source_pane.view.height()
    first_columns = [window.fact_table.view.columnWidth(c) for c in range(4)]
    window.findChild(QDockWidget, "historyDock").setFloating(True)
    window.findChild(QDockWidget, "factEditorDock").hide()
    window.resizeDocks([window.findChild(QDockWidget, "factsDock")], [window.height()], Qt.Orientation.Vertical)
    window.fact_table.view.horizontalHeader().setSectionHidden(2, True)
    window.fact_table.view.setColumnWidth(1, 30)
    reset = window.findChild(type(window.actionUndo), "actionResetLayout")
    assert reset is not None and reset in window.view_menu.actions()
    reset.trigger()
    qtbot.waitUntil(lambda: abs(window.source_pane.view.height() - first_text) <= 3)
    assert not window.findChild(QDockWidget, "historyDock").isFloating()
    assert window.findChild(QDockWidget, "factEditorDock").isVisible()
    assert not window.fact_table.view.horizontalHeader().isSectionHidden(2)
    assert [window.fact_table.view.columnWidth(c) for c in range(4)] == first_columns


# -- Open recent ------------------------------------------------------------------------------


def test_a_one_item_recent_list_comes_back_as_one_full_path(tmp_path):
    path = tmp_path / "only.sqlite"
    path.touch()
    remember(path)
    # Read back from the file by a fresh QSettings, as the next launch does.
    fresh = QSettings(app_settings().fileName(), QSettings.Format.IniFormat)
    assert string_list(fresh, "recentFactBases") == [str(path)]
    assert recent_paths() == [str(path)]


def test_recent_list_is_newest_first_without_duplicates_and_drops_old_garbage(tmp_path):
    paths = [tmp_path / f"{name}.sqlite" for name in "abc"]
    for path in paths:
        path.touch()
    settings = app_settings()
    # What the old code left behind: a one-item list split into characters.
    settings.setValue("recentFactBases", ["/", "t", "m", "p"])
    settings.sync()
    assert recent_paths() == []
    for path in (*paths, paths[0], Path(str(paths[1]) + "/../b.sqlite")):
        remember(path)
    assert recent_paths() == [str(paths[1]), str(paths[0]), str(paths[2])]


def test_recent_menu_names_paths_greys_missing_ones_and_removes_them(qtbot, db_path, tmp_path):
    gone = tmp_path / "gone.sqlite"
    gone.touch()
    remember(gone)
    gone.unlink()
    window = _open(qtbot, db_path)
    menu = window.findChild(type(window.recent_menu), "menuRecentFactBases")
    assert menu is window.recent_menu
    menu.refill()
    actions = menu.path_actions()
    assert [a.data() for a in actions] == [str(db_path), str(gone)]
    assert [a.isEnabled() for a in actions] == [True, False]
    assert "not found" in actions[1].text()
    remove = window.findChild(type(window.actionUndo), "actionRemoveMissingRecent")
    assert remove.isEnabled()
    remove.trigger()
    assert [a.data() for a in menu.path_actions()] == [str(db_path)]
    assert recent_paths() == [str(db_path)]
    forget([str(db_path)])


def test_choosing_a_recent_fact_base_opens_it_and_a_vanished_one_is_explained(qtbot, db_path, tmp_path):
    from kzeu_desk.ui import app as app_module

    other = tmp_path / "other.sqlite"
    with FactBase.open(other) as fb:
        import_sample_corpus(fb)
    remember(other)
    window = _open(qtbot, db_path)
    window.recent_menu.refill()
    entry = next(a for a in window.recent_menu.path_actions() if a.data() == str(other))
    entry.trigger()
    opened = [w for w in app_module._open_windows if w.session.fact_base.path == other]
    assert len(opened) == 1
    opened[0].close()
    other.unlink()
    entry = next(a for a in window.recent_menu.path_actions() if a.data() == str(other))
    entry.trigger()  # the menu was filled before the file went away
    qtbot.waitUntil(lambda: "any more" in window.statusBar().currentMessage())
    assert "Traceback" not in window.statusBar().currentMessage()


# -- New fact base, dialog folders ----------------------------------------------------------------


def test_new_fact_base_is_empty_unless_samples_are_asked_for(qtbot, db_path, tmp_path, monkeypatch):
    from kzeu_desk.core import queries
    from kzeu_desk.ui import app as app_module
    from kzeu_desk.ui.new_fact_base import NewFactBaseDialog

    window = _open(qtbot, db_path)
    action = window.findChild(type(window.actionUndo), "actionNewFactBase")
    assert action is not None and action.isEnabled()
    created = []

    def fill_in(dialog, with_samples: bool, name: str):
        assert Path(dialog.path_edit.text()).parent == db_path.parent  # starts beside the open fact base
        dialog.path_edit.setText(str(tmp_path / name))
        dialog.with_samples.setChecked(with_samples)
        dialog.try_create()
        created.append(dialog.created_path)
        return dialog.result()

    for with_samples, name, sources in ((False, "empty", 0), (True, "tryout.sqlite", 5)):
        monkeypatch.setattr(NewFactBaseDialog, "exec", lambda self, w=with_samples, n=name: fill_in(self, w, n))
        action.trigger()
        opened = app_module._open_windows[-1]
        assert opened.session.fact_base.path == created[-1]
        with opened.session.fact_base.reading() as conn:
            assert len(queries.source_rows(conn)) == sources
        opened.close()
    assert created[0].name == "empty.kzeu.sqlite"


def test_new_fact_base_refuses_an_existing_file_in_one_sentence(qtbot, db_path):
    from kzeu_desk.ui.new_fact_base import NewFactBaseDialog

    dialog = NewFactBaseDialog(str(db_path.parent))
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(db_path))
    dialog.try_create()
    assert dialog.created_path is None
    assert dialog.problem.text().startswith(f"“{db_path}” already exists")
    assert dialog.problem.text().count(".") <= 3 and "\n" not in dialog.problem.text()


def test_file_dialogs_start_in_the_fact_bases_folder_then_the_last_one_used(qtbot, db_path, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = _open(qtbot, db_path)
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: (asked.append(args[2]), ([], ""))[1])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (asked.append(args[2]), ("", ""))[1])
    window.import_documents_dialog()
    window._open_dialog()
    assert asked == [str(db_path.parent), str(db_path.parent)]
    elsewhere = tmp_path / "articles"
    elsewhere.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args: (asked.append(args[2]), ([str(elsewhere / "x.txt")], ""))[1])
    monkeypatch.setattr(window, "import_files", lambda files: None)
    window.import_documents_dialog()
    window.import_documents_dialog()
    assert asked[-1] == str(elsewhere)


def test_export_dialog_remembers_format_scope_and_folder(qtbot, db_path, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kzeu_desk.ui.export_dialog import ExportDialog

    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    window = _open(qtbot, db_path)
    out = tmp_path / "exports"
    out.mkdir()
    dialog = ExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.select_format("wikidata")
    dialog.only_confirmed.setChecked(True)
    dialog.set_target(out / "mine.json")
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000):
        dialog.start_export()
    again = ExportDialog(window.session, window)
    qtbot.addWidget(again)
    assert again.format_name == "wikidata"
    assert again.only_confirmed.isChecked()
    assert again.target.parent == out
    assert "`" not in " ".join(again.format_list.item(i).text() for i in range(again.format_list.count()))


# -- starting without a display, and the first `make run` ---------------------------------------


@pytest.mark.parametrize("display", ["", ":87"], ids=["no DISPLAY", "nothing at DISPLAY"])
def test_without_a_display_one_sentence_and_a_clean_exit(tmp_path, display):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY")}
    env["KZEU_DESK_DATA_DIR"] = str(tmp_path)
    if display:
        env["DISPLAY"] = display
    result = subprocess.run([sys.executable, "-m", "kzeu_desk"], env=env, capture_output=True, text=True,
                            timeout=120, cwd=PROJECT)
    assert result.returncode == 2  # not 134 (Qt's abort)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display could be reached" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert "xcb-cursor0" not in result.stderr


def test_first_make_run_says_what_it_does_and_shows_pips_progress(tmp_path):
    plan = subprocess.run(["make", "-n", f"VENV={tmp_path / 'venv'}", f"{tmp_path / 'venv'}/.installed"],
                          cwd=PROJECT, capture_output=True, text=True, check=True).stdout
    installs = [line for line in plan.splitlines() if "pip install" in line]
    assert installs and not any("--quiet" in line or " -q " in line for line in installs)
    assert "first run only" in plan and "bin/kzeu-desk" in plan
