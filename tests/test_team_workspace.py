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
