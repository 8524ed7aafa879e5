"""The workspace on a team's PostgreSQL fact base: another curator's change appears within two
seconds without losing the selection; the connect dialog builds the address; a reviewer's window
says why it is read-only."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from kzeu_desk.core import storage
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.ui import create_main_window
from kzeu_desk.ui.team_connection import ConnectServerDialog, server_address

CLAIM = TypedValue(ValueKind.TEXT, text="a claim")


@pytest.fixture
def window(qtbot, postgresql_url):
    with FactBase.open(postgresql_url, actor="ana") as fb:
        for number in range(3):
            fb.create_fact(value=CLAIM, note=f"fact {number}")
    win = create_main_window(postgresql_url)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.mark.wall_clock
def test_another_curators_change_appears_within_two_seconds_keeping_the_selection(window, qtbot, postgresql_url):
    assert "3 facts" in window.totals_label.text()
    assert "on this computer as postgres" in window.windowTitle()
    window.fact_table.view.selectRow(1)
    selected = window.session.selected_fact
    assert selected is not None
    with FactBase.open(postgresql_url, actor="bek") as other:
        started = time.monotonic()
        other.create_fact(value=CLAIM, note="Bek's fact")
        qtbot.waitUntil(lambda: "4 facts" in window.totals_label.text(), timeout=2_000)
    assert time.monotonic() - started < 2
    assert window.session.selected_fact == selected
    assert window.fact_table.model.rowCount() == 4
    current = window.fact_table.view.currentIndex()
    assert window.fact_table.model.fact_id_at(current.row()) == selected


def test_another_curators_change_made_while_the_window_writes_is_shown_when_it_is_done(window, qtbot,
                                                                                    postgresql_url, monkeypatch):
    from kzeu_desk.ui.session import Session

    running = {"label": "Import files"}
    monkeypatch.setattr(Session, "busy", property(lambda _session: running["label"]))
    with FactBase.open(postgresql_url, actor="bek") as other:
        other.create_fact(value=CLAIM, note="Bek's fact while ours ran")
    qtbot.wait(1_000)  # heard, and put off: the window's own operation refreshes its panes when it ends
    assert "3 facts" in window.totals_label.text()
    running["label"] = None
    window.session.busy_changed.emit(None)
    qtbot.waitUntil(lambda: "4 facts" in window.totals_label.text(), timeout=3_000)


def test_the_connect_dialog_builds_the_address_and_remembers_all_but_the_password(qtbot):
    assert server_address("db.example.org", 5432, "kz_eu_facts", "ana") == "postgresql://ana@db.example.org/kz_eu_facts"
    assert server_address("db.example.org", 6543, "facts", "") == "postgresql://db.example.org:6543/facts"
    assert server_address("/run/pg", 5432, "facts", "a b") == "postgresql://a%20b@/facts?host=%2Frun%2Fpg"
    dialog = ConnectServerDialog()
    qtbot.addWidget(dialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel) is not None
    dialog.connect_button.click()
    assert not dialog.problem.isHidden() and "database" in dialog.problem.text()
    dialog.host.setText("db.example.org")
    dialog.database.setText("kz_eu_facts")
    dialog.role.setText("ana")
    dialog.connect_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.address() == "postgresql://ana@db.example.org/kz_eu_facts"
    again = ConnectServerDialog()
    qtbot.addWidget(again)
    assert (again.host.text(), again.database.text(), again.role.text()) == ("db.example.org", "kz_eu_facts", "ana")


def test_a_reviewers_window_is_read_only_and_says_why(qtbot, postgresql_server, postgresql_url):
    storage.engine_for(postgresql_url).grant_access(postgresql_url, "rev_window", "reviewer",
                                                    new_role_password="secret")
    database = postgresql_url.split("/")[3].split("?")[0]
    win = create_main_window(postgresql_server.url(database, user="rev_window", password="secret"))
    qtbot.addWidget(win)
    win.show()
    assert win.session.read_only
    assert "rev_window" in win.banner.text() and "may read" in win.banner.text()
    assert not win.actionImport.isEnabled()
    assert "secret" not in win.windowTitle()
    win.close()


# -- File > Connect to a team fact base…, as a curator goes through it ------------------------------


def _answer_when_shown(qtbot, name: str, answer) -> list[str]:
    """Answer the modal dialog called `name` (a QObject name, or a class name) when it shows; what
    each showing said is collected in the list returned."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    said: list[str] = []

    def look() -> None:
        shown = QApplication.activeModalWidget()
        if shown is not None and name in (shown.objectName(), type(shown).__name__) and shown.isVisible():
            said.append(getattr(shown, "labelText", getattr(shown, "text", lambda: ""))())
            answer(shown, len(said))

    timer = QTimer(interval=50)
    timer.timeout.connect(look)
    timer.start()
    _timers.append(timer)  # stopped by the fixture at the test's end
    return said


_timers: list = []


@pytest.fixture
def file_window(qtbot, tmp_path):
    with FactBase.open(tmp_path / "mine.sqlite", actor="cora"):
        pass
    win = create_main_window(tmp_path / "mine.sqlite")
    qtbot.addWidget(win)
    win.show()
    yield win
    for timer in _timers:
        timer.stop()
    _timers.clear()
    from kzeu_desk.ui import app

    for opened in list(app._open_windows):
        opened.close()
        app._open_windows.remove(opened)
    win.close()


def test_file_connect_opens_a_team_fact_base_asking_for_the_password_and_never_keeps_it(
        qtbot, file_window, postgresql_server, postgresql_url, private_data_dir, monkeypatch):
    from kzeu_desk.core.locations import without_password
    from kzeu_desk.ui import app
    from kzeu_desk.ui.recent_fact_bases import recent_paths

    monkeypatch.setenv("PGPASSFILE", str(private_data_dir / "no-pgpass"))
    storage.engine_for(postgresql_url).grant_access(postgresql_url, "cora", "curator", new_role_password="c-Secret-7")
    database = postgresql_url.split("/")[3].split("?")[0]
    address = postgresql_server.url(database, user="cora")

    def fill(dialog, _times) -> None:
        dialog.pasted.setText(address)
        dialog.connect_button.click()

    def type_password(dialog, times) -> None:  # a wrong one first: asked again, in one sentence
        dialog.setTextValue("wrong" if times == 1 else "c-Secret-7")
        dialog.accept()

    _answer_when_shown(qtbot, "connectServerDialog", fill)
    asked = _answer_when_shown(qtbot, "serverPasswordDialog", type_password)
    # Other test modules run earlier in this process may have left windows opened from a menu.
    already_open = list(app._open_windows)
    file_window.findChild(type(file_window.actionConnectServer), "actionConnectServer").trigger()
    qtbot.waitUntil(lambda: len(app._open_windows) == len(already_open) + 1, timeout=20_000)
    team = next(w for w in app._open_windows if w not in already_open)
    assert not team.session.read_only and team.session.fact_base.actor == "cora"
    assert "as cora" in team.windowTitle()
    assert len(asked) == 2 and "asks for a password" in asked[0] and "did not accept" in asked[1]
    assert all(line.count(".") >= 1 and "c-Secret-7" not in line for line in asked)
    assert recent_paths()[0] == str(without_password(address))  # Open recent: the address, no password
    kept = "".join(p.read_text(errors="replace") for p in private_data_dir.rglob("*") if p.is_file()
                   and p.suffix in (".ini", ".conf", ".json", ".txt", ".log", ""))
    assert "c-Secret-7" not in kept
    team.close()
    if team in app._open_windows:
        app._open_windows.remove(team)


@pytest.mark.parametrize("problem", ["database missing", "server down", "unknown host"])
def test_file_connect_says_in_one_sentence_why_a_team_fact_base_did_not_open(
        qtbot, file_window, postgresql_server, tmp_path, problem):
    from kzeu_desk.ui import app

    address = {"database missing": postgresql_server.url("no_such_facts"),
               "server down": f"postgresql://ana@/facts?host={tmp_path}&port=5999",
               "unknown host": "postgresql://ana@no-such-host.invalid/facts?connect_timeout=3"}[problem]

    def fill(dialog, _times) -> None:
        dialog.pasted.setText(address)
        dialog.connect_button.click()

    def close(box, _times) -> None:
        box.close()

    _answer_when_shown(qtbot, "connectServerDialog", fill)
    warned = _answer_when_shown(qtbot, "QMessageBox", close)
    file_window.actionConnectServer.trigger()
    qtbot.waitUntil(lambda: len(warned) == 1, timeout=20_000)
    sentence = warned[0]
    assert "\n" not in sentence and "Traceback" not in sentence and sentence.endswith(".")
    assert {"database missing": "There is no database “no_such_facts”", "server down": "could not be reached",
            "unknown host": "could not be reached"}[problem] in sentence
    assert app._open_windows == [] and file_window.session is not None  # the curator's own window is untouched


def test_a_curator_made_a_reviewer_while_working_is_refused_in_one_sentence_and_loses_nothing(
        qtbot, postgresql_server, postgresql_url):
    """The server enforces the grants, not only the window: a curator whose role became a
    reviewer's while the window was open types a note; the save is refused in one sentence and the
    fact is as it was. Opened again, the window is read-only and says why."""
    from PySide6.QtWidgets import QMessageBox

    engine = storage.engine_for(postgresql_url)
    engine.grant_access(postgresql_url, "dora", "curator", new_role_password="d-secret")
    database = postgresql_url.split("/")[3].split("?")[0]
    address = postgresql_server.url(database, user="dora", password="d-secret")
    with FactBase.open(address) as fb:
        fact_id = min(fb.create_fact(value=CLAIM, note="as it was").inserted["fact"])
    win = create_main_window(address)
    qtbot.addWidget(win)
    win.show()
    assert not win.session.read_only
    win.session.select_fact(fact_id)
    editor = win.fact_editor
    qtbot.waitUntil(lambda: editor.note_edit.toPlainText() == "as it was", timeout=5_000)
    engine.grant_access(postgresql_url, "dora", "reviewer")
    editor.note_edit.setFocus()
    editor.note_edit.setPlainText("changed by a reviewer")
    editor.note_edit.document().setModified(True)
    editor._commit_note()
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "userMessage") is not None, timeout=5_000)
    sentence = win.findChild(QMessageBox, "userMessage").text()
    assert sentence.count(". ") == 0 and "\n" not in sentence and "“dora”" in sentence and "not saved" in sentence
    with FactBase.open(postgresql_url, read_only=True) as fb, fb.reading() as conn:
        from sqlalchemy import text

        assert conn.execute(text("SELECT note FROM fact WHERE id = :id"), {"id": fact_id}).scalar_one() == "as it was"
    win.close()
    again = create_main_window(address)
    qtbot.addWidget(again)
    again.show()
    assert again.session.read_only and "dora" in again.banner.text()
    refused = []
    again.session.failed.connect(refused.append)
    assert again.session.perform(lambda fb: fb.update_fact(fact_id, 1, note="again")) is None
    assert len(refused) == 1 and "\n" not in refused[0] and "read-only" in refused[0]
    again.close()
