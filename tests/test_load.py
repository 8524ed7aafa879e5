"""`kzeu-desk load`: the JSON Lines export read back, losslessly, and bad files refused cleanly."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from sqlalchemy import text
from test_export import curate

from kzeu_desk.core.errors import ReadOnlyFactBase, UserError
from kzeu_desk.core.export import export
from kzeu_desk.core.export.jsonl import FORMAT_VERSION
from kzeu_desk.core.loading import LoadError, load_jsonl
from kzeu_desk.core.integrity import check
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind


@pytest.fixture(scope="module")
def curated_path(tmp_path_factory) -> Path:
    from kzeu_desk.core.sample_corpus import import_sample_corpus

    path = tmp_path_factory.mktemp("curated") / "facts.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        import_sample_corpus(fb)
        curate(fb)
    return path


@pytest.fixture(scope="module")
def exported(curated_path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exported") / "facts.jsonl"
    export(curated_path, "jsonl", out)
    return out


@pytest.fixture
def target(curated_path, tmp_path) -> Path:
    """A fact base that already holds data: a copy of the curated one."""
    copy = tmp_path / "target.sqlite"
    shutil.copy(curated_path, copy)
    return copy


def table_rows(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        names = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {name: connection.execute(f"SELECT * FROM \"{name}\" ORDER BY rowid").fetchall()
                for name in names if not name.startswith("fact_search_")}


def test_export_load_export_gives_identical_output(exported, tmp_path):
    copy = tmp_path / "copy.sqlite"
    with FactBase.open(copy, actor="someone else") as fb:
        result = load_jsonl(fb, exported)
        with fb.reading() as conn:
            assert check(conn) == []
            own_events = conn.execute(text("SELECT count(*) FROM audit_event WHERE operation_id = :o"),
                                      {"o": result.operation_id}).scalar_one()
            label = conn.execute(text("SELECT label FROM operation WHERE id = :o"), {"o": result.operation_id}).scalar()
    assert own_events == 0, "a bulk load records one operation, not one event per row"
    assert label == "Load “facts.jsonl”" and result.backup_path is None
    assert result.summary == "Loaded 12 facts, 12 evidence spans and 5 sources from “facts.jsonl”."
    again = tmp_path / "again.jsonl"
    export(copy, "jsonl", again)
    assert again.read_bytes() == exported.read_bytes()


def test_a_loaded_copy_keeps_history_and_never_reuses_a_deleted_id(exported, tmp_path):
    from kzeu_desk.core.fact_detail import fact_history

    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    deleted = next(r["row"] for r in records
                   if r["type"] == "audit" and r["table"] == "fact" and r["action"] == "delete")
    confirmed = next(r["id"] for r in records if r["type"] == "fact" and r["rank"] == "preferred")
    copy = tmp_path / "copy.sqlite"
    with FactBase.open(copy) as fb:
        load_jsonl(fb, exported)
        with fb.reading() as conn:
            summaries = [entry.summary for entry in fact_history(conn, confirmed)]
        assert "Fact created" in summaries and len(summaries) >= 3
        new_fact = fb.create_fact(value=TypedValue(ValueKind.TEXT, text="new")).new_id("fact")
    assert new_fact > deleted


def test_loading_into_a_fact_base_with_data_renumbers_and_reuses(exported, target):
    before = table_rows(target)
    with FactBase.open(target, actor="merger") as fb:
        result = load_jsonl(fb, exported)
        with fb.reading() as conn:
            assert check(conn) == []
            facts = conn.execute(text("SELECT count(*) FROM fact")).scalar_one()
            entities = conn.execute(text("SELECT count(*) FROM entity")).scalar_one()
            sources = conn.execute(text("SELECT count(*) FROM source")).scalar_one()
            members = conn.execute(text(
                "SELECT count(*) FROM conflict_member m LEFT JOIN fact f ON f.id = m.fact_id WHERE f.id IS NULL"
            )).scalar_one()
    assert facts == 2 * len(before["fact"]) and members == 0
    assert entities == len(before["entity"]) and sources == len(before["source"])
    assert result.reused == {"source": 5, "entity": 10, "property": 20}
    assert result.inserted["fact"] == 12 and result.inserted["source"] == 0
    assert result.backup_path is not None and table_rows(result.backup_path) == before
    assert str(result.backup_path) in result.summary


def test_loading_next_to_the_same_articles_reuses_them(exported, fact_base):
    result = load_jsonl(fact_base, exported)
    assert result.reused["source"] == 5 and result.inserted["evidence"] == 12
    with fact_base.reading() as conn:
        assert check(conn) == []
        assert conn.execute(text("SELECT count(*) FROM source")).scalar_one() == 5


# -- bad input -------------------------------------------------------------------------------------


def _first(lines: list[str], kind: str) -> int:
    return next(i for i, line in enumerate(lines) if json.loads(line)["type"] == kind)


def _mutate(lines: list[str], case: str) -> int:
    """Spoil one line the way `case` says; returns its line number (1-based)."""
    def edit(index: int, change) -> int:
        record = json.loads(lines[index])
        change(record)
        lines[index] = json.dumps(record, ensure_ascii=False)
        return index + 1

    if case == "wrong type":
        return edit(_first(lines, "fact"), lambda r: r.update(type="facts"))
    if case == "missing reference":
        return edit(_first(lines, "evidence"), lambda r: r.update(fact=999))
    if case == "not JSON":
        index = _first(lines, "link")
        lines[index] = lines[index][:40]
        return index + 1
    if case == "newer version":
        return edit(0, lambda r: r.update(version=FORMAT_VERSION + 1))
    if case == "missing field":
        return edit(_first(lines, "fact"), lambda r: r.pop("status"))
    if case == "bad date":
        return edit(_first(lines, "fact"), lambda r: r.update(point_in_time="2022-13"))
    if case == "quote not in source":
        return edit(_first(lines, "evidence"), lambda r: r.update(quote="x" * len(r["quote"])))
    if case == "property named like another":
        return edit(_first(lines, "property"), lambda r: r.update(key="renamed_key"))
    raise AssertionError(case)


BAD_CASES = ["wrong type", "missing reference", "not JSON", "newer version", "missing field", "bad date",
             "quote not in source", "property named like another"]


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_names_the_line_and_changes_nothing(exported, target, tmp_path, case):
    lines = exported.read_text(encoding="utf-8").splitlines()
    line = _mutate(lines, case)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = table_rows(target)
    with FactBase.open(target) as fb, pytest.raises(LoadError) as refused:
        load_jsonl(fb, bad)
    message = str(refused.value)
    assert message.startswith(f"Line {line} of bad.jsonl: ") and message.endswith("; nothing was loaded.")
    assert "\n" not in message and ". " not in message
    # Row-identical: opening for writing and closing again switches the journal mode (WAL while open,
    # rollback journal at rest), which rewrites header bytes even when nothing is written.
    assert table_rows(target) == rows
    assert not list((tmp_path / "target.sqlite.backups").glob("*")), "no snapshot left for a load that did not happen"


def test_messages_say_what_is_wrong(exported, tmp_path):
    def refusal(case: str) -> str:
        lines = exported.read_text(encoding="utf-8").splitlines()
        _mutate(lines, case)
        bad = tmp_path / f"{case}.jsonl"
        bad.write_text("\n".join(lines), encoding="utf-8")
        with FactBase.open(tmp_path / f"{case}.sqlite") as fb, pytest.raises(LoadError) as refused:
            load_jsonl(fb, bad)
        return str(refused.value)

    assert "record type \"facts\" is unknown" in refusal("wrong type")
    assert "refers to fact 999, which no earlier line defines" in refusal("missing reference")
    assert "not valid JSON" in refusal("not JSON")
    assert (f"format version {FORMAT_VERSION + 1}, newer than this kzeu_desk reads ({FORMAT_VERSION}); "
            "update kzeu_desk") in refusal("newer version")
    assert "a fact needs “status”" in refusal("missing field")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    with FactBase.open(tmp_path / "empty.sqlite") as fb, pytest.raises(LoadError, match=r"^Line 1 of empty\.jsonl"):
        load_jsonl(fb, empty)


def test_a_read_only_fact_base_refuses_a_load(exported, target):
    with FactBase.open(target, read_only=True) as fb, pytest.raises(ReadOnlyFactBase):
        load_jsonl(fb, exported)


def test_a_missing_file_is_one_sentence(tmp_path):
    with FactBase.open(tmp_path / "x.sqlite") as fb, pytest.raises(UserError, match="There is no file"):
        load_jsonl(fb, tmp_path / "absent.jsonl")


# -- the command line ------------------------------------------------------------------------------


def kzeu(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kzeu_desk", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_command_line_load(exported, tmp_path):
    new = tmp_path / "new.sqlite"
    result = kzeu("load", "--db", str(new), str(exported), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Loaded 12 facts, 12 evidence spans and 5 sources from “facts.jsonl”."
    with FactBase.open(new, read_only=True) as fb, fb.reading() as conn:
        assert check(conn) == []

    lines = exported.read_text(encoding="utf-8").splitlines()
    line = _mutate(lines, "missing reference")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines), encoding="utf-8")
    never_made = tmp_path / "never.sqlite"
    refused = kzeu("load", "--db", str(never_made), str(bad), cwd=tmp_path)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.startswith(f"kzeu-desk: Line {line} of bad.jsonl: ") and refused.stderr.count("\n") == 1
    assert not never_made.exists(), "a bad file is refused before a fact base is created for it"
    existing_bytes = new.read_bytes()
    assert kzeu("load", "--db", str(new), str(bad), cwd=tmp_path).returncode == 2
    assert new.read_bytes() == existing_bytes, "refused before the fact base is even opened"


def test_a_file_that_breaks_between_the_passes_is_refused_in_one_sentence(exported, tmp_path):
    from kzeu_desk.core.loading import check_file

    changing = tmp_path / "changing.jsonl"
    shutil.copy(exported, changing)
    checked = check_file(changing)
    lines = changing.read_text(encoding="utf-8").splitlines()
    last_fact = max(i for i, line in enumerate(lines) if json.loads(line)["type"] == "fact")
    lines[last_fact] = lines[last_fact].replace('"version": ', '"version": 1e999, "was": ', 1)
    changing.write_text("\n".join(lines), encoding="utf-8")
    target = tmp_path / "target.sqlite"
    with FactBase.open(target) as fb, pytest.raises(LoadError) as refused:
        load_jsonl(fb, checked)
    assert str(refused.value) == (f"Line {last_fact + 1} of changing.jsonl: the number 1e999 is too large to be "
                                  "stored; nothing was loaded.")
    with FactBase.open(target) as fb, fb.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM fact")).scalar_one() == 0


def _same_crc32(original: str, changed: str, free: list[int]) -> str | None:
    """`changed` (as long in UTF-8 as `original`) with the case of some ASCII letters at the byte
    offsets `free` flipped so that its CRC-32 is `original`'s; None if no choice of them does it.
    CRC-32 is linear over GF(2), so this is one small system of equations."""
    size = len(original.encode("utf-8"))
    zero = zlib.crc32(bytes(size))

    def effect(offset: int) -> int:
        flipped = bytearray(size)
        flipped[offset] = 0x20  # the bit that tells "a" from "A"
        return zlib.crc32(bytes(flipped)) ^ zero

    want = zlib.crc32(original.encode("utf-8")) ^ zlib.crc32(changed.encode("utf-8"))
    basis: dict[int, tuple[int, int]] = {}  # leading bit -> (effect, which offsets make it)
    for index, offset in enumerate(free):
        vector, chosen = effect(offset), 1 << index
        while vector:
            top = vector.bit_length() - 1
            if top not in basis:
                basis[top] = (vector, chosen)
                break
            vector, chosen = vector ^ basis[top][0], chosen ^ basis[top][1]
    chosen = 0
    while want:
        top = want.bit_length() - 1
        if top not in basis:
            return None
        want, chosen = want ^ basis[top][0], chosen ^ basis[top][1]
    data = bytearray(changed.encode("utf-8"))
    for index, offset in enumerate(free):
        if chosen >> index & 1:
            data[offset] ^= 0x20
    return data.decode("utf-8")


def _letters_of(line: str, key: str) -> list[int]:
    """Byte offsets in `line` of the ASCII letters of the text field `key` (escapes left alone)."""
    start = line.index(f'"{key}": "') + len(f'"{key}": "')
    offsets, at, escaped = [], len(line[:start].encode("utf-8")), 0
    for char in line[start:]:
        if escaped:
            escaped = 4 if char == "u" else escaped - 1
        elif char == "\\":
            escaped = 1
        elif char == '"':
            break
        elif char.isascii() and char.isalpha():
            offsets.append(at)
        at += len(char.encode("utf-8"))
    return offsets


def _evidence_moved_keeping_its_crc32(lines: list[str]) -> tuple[int, str]:
    """The index of an evidence line, and that line pointing at another fact with the same CRC-32."""
    fact_ids = [json.loads(line)["id"] for line in lines if json.loads(line)["type"] == "fact"]
    for index, line in enumerate(lines):
        record = json.loads(line)
        if record["type"] != "evidence":
            continue
        others = [i for i in fact_ids if i != record["fact"] and len(str(i)) == len(str(record["fact"]))]
        if not others:
            continue
        moved = line.replace(f'"fact": {record["fact"]},', f'"fact": {others[0]},', 1)
        free = [offset for key in ("prefix", "suffix") for offset in _letters_of(line, key)]
        forged = _same_crc32(line, moved, free)
        if forged is not None:
            return index, forged
    raise AssertionError("no evidence line has enough letters around its quote")


def test_a_line_changed_between_the_passes_is_refused_even_when_it_keeps_its_crc32(exported, tmp_path):
    """Evidence moved to another fact between the passes, its CRC-32 kept by the case of letters in
    its context: the second pass must not take it for the line the first pass checked."""
    from kzeu_desk.core.loading import check_file

    lines = [json.dumps(json.loads(line), ensure_ascii=False)
             for line in exported.read_text(encoding="utf-8").splitlines()]
    index, forged = _evidence_moved_keeping_its_crc32(lines)
    assert zlib.crc32(forged.encode("utf-8")) == zlib.crc32(lines[index].encode("utf-8")) and forged != lines[index]
    assert json.loads(forged)["fact"] != json.loads(lines[index])["fact"]

    changing = tmp_path / "changing.jsonl"
    changing.write_text("\n".join(lines), encoding="utf-8")
    checked = check_file(changing)
    lines[index] = forged
    changing.write_text("\n".join(lines), encoding="utf-8")
    target = tmp_path / "target.sqlite"
    with FactBase.open(target) as fb, pytest.raises(LoadError) as refused:
        load_jsonl(fb, checked)
    found = re.fullmatch(r"“changing\.jsonl” changed while it was being loaded \(lines? (\d+)(?:–(\d+))?\); "
                         r"nothing was loaded\.", str(refused.value))
    assert found is not None, str(refused.value)
    assert int(found[1]) <= index + 1 <= int(found[2] or found[1])
    with FactBase.open(target) as fb, fb.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM fact")).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM evidence")).scalar_one() == 0


def test_a_file_cut_short_between_the_passes_is_refused(exported, tmp_path, monkeypatch):
    """Cut at the end of a block of lines (here every line is a block), so no block read differs
    from its digest: the blocks missing at the end are what refuses it."""
    from kzeu_desk.core.loading import check_file, checks

    monkeypatch.setattr(checks, "_BLOCK_BYTES", 1)
    lines = exported.read_text(encoding="utf-8").splitlines(keepends=True)
    changing = tmp_path / "changing.jsonl"
    changing.write_text("".join(lines), encoding="utf-8")
    checked = check_file(changing)
    changing.write_text("".join(lines[:-3]), encoding="utf-8")
    target = tmp_path / "target.sqlite"
    with FactBase.open(target) as fb, pytest.raises(LoadError) as refused:
        load_jsonl(fb, checked)
    assert str(refused.value) == (f"“changing.jsonl” changed while it was being loaded (it ends at line "
                                  f"{len(lines) - 3} now, before where it ended when it was checked); "
                                  "nothing was loaded.")
    with FactBase.open(target) as fb, fb.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM fact")).scalar_one() == 0


_HUGE = "__number__"  # written as the bare number each case gives


@pytest.mark.parametrize(("kind", "change", "number", "problem"), [
    ("header", lambda r: r.update(version=_HUGE), "1e400", "the number 1e400 is too large to be stored"),
    ("header", lambda r: r["counts"].update(fact=_HUGE), "18446744073709551616", "whole number 18446744073709551616"),
    # The number is named before the unknown record type, the missing field or the wrong date.
    ("fact", lambda r: r.update(type="facts", id=_HUGE), "9223372036854775808", "whole number 9223372036854775808"),
    ("fact", lambda r: (r.pop("status"), r["value"].update(amount=_HUGE)), "-2e308", "the number -2e308 is too large"),
    ("fact", lambda r: r.update(point_in_time="2022-13", version=_HUGE), "1" * 30, "whole number 1111111111111111"),
    ("evidence", lambda r: r.update(pages=[1, _HUGE]), "-9223372036854775809", "whole number -9223372036854775809"),
    ("evidence", lambda r: r.update(start=_HUGE, end=2), "9" * 400 + ".5", "is too large to be stored"),
    ("audit", lambda r: r.update(after={"v": [[{"w": _HUGE}]]}), "1.5e309", "the number 1.5e309 is too large"),
])
def test_a_number_a_fact_base_cannot_hold_is_named_wherever_it_stands(exported, tmp_path, kind, change, number,
                                                                      problem):
    """The first pass looks at numbers where its record type's rules say they stand (and walks what
    the rules leave free, such as audit images); the refusal is the one the parse words, first."""
    from kzeu_desk.core.loading import check_file

    lines = exported.read_text(encoding="utf-8").splitlines()
    index = _first(lines, kind)
    record = json.loads(lines[index])
    change(record)
    lines[index] = json.dumps(record, ensure_ascii=False).replace(f'"{_HUGE}"', number)
    bad = tmp_path / "huge.jsonl"
    bad.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(LoadError) as refused:
        check_file(bad)
    message = str(refused.value)
    assert message.startswith(f"Line {index + 1} of huge.jsonl: ") and problem in message, message


def test_a_load_into_a_new_fact_base_leaves_its_indexes_as_a_new_one_has_them(exported, tmp_path):
    def indexes(path: Path) -> list[tuple]:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            return connection.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
                                      "ORDER BY name").fetchall()

    FactBase.open(tmp_path / "new.sqlite").close()
    with FactBase.open(tmp_path / "loaded.sqlite") as fb:
        load_jsonl(fb, exported)  # its secondary indexes are built after the rows are in
    assert indexes(tmp_path / "loaded.sqlite") == indexes(tmp_path / "new.sqlite")
    assert len(indexes(tmp_path / "new.sqlite")) > 30


# -- from the window: File > Load JSON Lines -------------------------------------------------------


def test_load_from_the_window_runs_off_the_gui_thread_and_the_panes_follow(qtbot, exported, target, monkeypatch):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QFileDialog

    from kzeu_desk.core import backups
    from kzeu_desk.ui import create_main_window

    before = table_rows(target)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(exported), ""))
    window = create_main_window(target)
    qtbot.addWidget(window)
    window.show()
    window.findChild(QAction, "actionLoadJsonLines").trigger()
    op = window._last_op
    assert op.label == "Load JSON Lines" and op.writing
    qtbot.waitUntil(lambda: op.done and not window.fact_table.model.counting, timeout=30_000)
    assert op.error is None
    assert window.fact_table.model.rowCount() == 2 * len(before["fact"])  # the table counted again
    assert window.statusBar().currentMessage().startswith("Loaded 12 facts")
    assert [b.reason for b in backups.list_backups(target)] == ["before-load"]
    assert not window.session.undo_stack.canUndo()  # taken back by restoring that backup, not by undo
    window.close()


def test_a_load_stopped_from_the_window_loads_nothing_and_keeps_no_backup(qtbot, exported, target, monkeypatch):
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    import kzeu_desk.core.loading as loading
    from kzeu_desk.core import backups
    from kzeu_desk.ui import create_main_window
    from kzeu_desk.ui.bulk_load import load_file

    gate, checking = threading.Event(), threading.Event()
    real = loading.check_file

    def held(path):
        checking.set()
        gate.wait(10)
        return real(path)

    monkeypatch.setattr(loading, "check_file", held)
    before = table_rows(target)
    window = create_main_window(target)
    qtbot.addWidget(window)
    window.show()
    op = load_file(window, window.session, exported, window.statusBar().showMessage)
    qtbot.waitUntil(checking.is_set, timeout=5000)
    dialog = window.findChild(QProgressDialog, "operationProgress")
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.findChild(QPushButton).click()
    gate.set()
    qtbot.waitUntil(lambda: op.done, timeout=30_000)
    assert window.statusBar().currentMessage() == "Loading “facts.jsonl” was stopped; nothing was loaded."
    window.close()
    assert table_rows(target) == before
    assert backups.list_backups(target) == []


def test_a_load_stopped_while_it_backs_up_the_fact_base_leaves_nothing(qtbot, exported, target, monkeypatch):
    """At 1M facts the backup taken first is most of a small load's time: Stop interrupts it too."""
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from kzeu_desk.core import backups
    from kzeu_desk.core.storage.sqlite import engine as sqlite_engine
    from kzeu_desk.ui import create_main_window
    from kzeu_desk.ui.bulk_load import load_file

    gate, copying = threading.Event(), threading.Event()
    real = sqlite_engine._vacuum_into

    def held(database, copy, progress=None):
        copying.set()
        gate.wait(10)
        return real(database, copy, progress)

    monkeypatch.setattr(sqlite_engine, "_vacuum_into", held)
    monkeypatch.setattr(sqlite_engine, "_STEPS_PER_CHECK", 100)
    before = table_rows(target)
    window = create_main_window(target)
    qtbot.addWidget(window)
    window.show()
    op = load_file(window, window.session, exported, window.statusBar().showMessage)
    qtbot.waitUntil(copying.is_set, timeout=5000)
    dialog = window.findChild(QProgressDialog, "operationProgress")
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.findChild(QPushButton).click()
    gate.set()
    qtbot.waitUntil(lambda: op.done, timeout=30_000)
    assert "was stopped; nothing was loaded" in window.statusBar().currentMessage()
    window.close()
    assert table_rows(target) == before
    assert backups.list_backups(target) == [] and not backups.backup_folder(target).exists()
