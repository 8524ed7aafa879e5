"""A fact base this app closed cleanly and nothing touched since opens without a full quick_check;
anything else that may have changed it is checked before a byte is written (closed_cleanly.py)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from kzeu_desk.core.reading import read_document
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.storage.sqlite import closed_cleanly
from kzeu_desk.core.storage.sqlite import engine as sqlite_features


@pytest.fixture
def checks(monkeypatch) -> list[int]:
    """Counts the quick_checks run while opening (their findings are SQLite's own)."""
    counted: list[int] = []
    real = sqlite_features.quick_check

    def counting(conn):
        counted.append(1)
        return real(conn)

    monkeypatch.setattr(sqlite_features, "quick_check", counting)
    return counted


def add_note(fact_base: FactBase, folder: Path, name: str, text: str) -> None:
    article = folder / name
    article.write_text(text, encoding="utf-8")
    fact_base.import_document(read_document(article))


@pytest.fixture
def closed_base(tmp_path) -> Path:
    path = tmp_path / "facts.sqlite"
    with FactBase.open(path, actor="tester") as fact_base:
        add_note(fact_base, tmp_path, "note.txt", "Kazakhstan and the EU signed 12 agreements in 2024.")
    return path


def reopen(path: Path) -> FactBase:
    return FactBase.open(path, actor="tester")


def _damage_a_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096 * 3
    data[page:page + 4096] = bytes(4096)  # same size, same inode: only the times tell
    path.write_bytes(bytes(data))


def test_a_file_closed_cleanly_and_untouched_is_not_checked_again(closed_base, checks):
    for _day in range(3):
        with reopen(closed_base) as fact_base:
            assert not fact_base.read_only
    assert checks == []


def test_a_file_opened_for_the_first_time_is_checked(tmp_path, closed_base, checks):
    copy = tmp_path / "colleague.sqlite"
    shutil.copy2(closed_base, copy)  # same bytes and times, another file
    with reopen(copy):
        pass
    assert checks == [1]
    with reopen(copy):
        pass
    assert checks == [1], "closed cleanly by this app, it need not be read again"


def test_pages_damaged_after_a_clean_close_are_found_before_anything_is_written(closed_base, checks):
    _damage_a_page(closed_base)
    damaged = closed_base.read_bytes()
    with reopen(closed_base) as fact_base:
        assert fact_base.read_only and "damaged" in (fact_base.read_only_reason or "")
    assert checks == [1]
    assert closed_base.read_bytes() == damaged


def test_a_change_by_another_program_is_checked(closed_base, checks):
    with sqlite3.connect(closed_base) as raw:
        raw.execute("UPDATE source SET title = 'renamed elsewhere'")
    raw.close()
    with reopen(closed_base):
        pass
    assert checks == [1]


def test_a_file_left_in_wal_mode_by_a_stopped_writer_is_checked(closed_base, checks):
    raw = sqlite3.connect(closed_base)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("UPDATE source SET title = 'half way'")
    raw.commit()
    shutil.copy2(closed_base, closed_base.with_name("kept.sqlite"))
    shutil.copy2(Path(f"{closed_base}-wal"), closed_base.with_name("kept.sqlite-wal"))
    raw.close()
    kept = closed_base.with_name("kept.sqlite")
    assert not closed_cleanly.unchanged_since_closed_cleanly(kept)
    with reopen(closed_base):
        pass
    assert checks == [1]


def test_a_note_taken_within_the_file_clock_tick_is_not_trusted(closed_base, private_data_dir):
    """A write in the same tick of a coarse file clock leaves the times as noted: such a note is void."""
    assert closed_cleanly.unchanged_since_closed_cleanly(closed_base)
    notes_file = private_data_dir / closed_cleanly.NOTES_FILE_NAME
    notes = json.loads(notes_file.read_text(encoding="utf-8"))
    (note,) = notes.values()
    note["noted_at_ns"] = max(note["mtime_ns"], note["ctime_ns"]) + 1_000_000
    notes_file.write_text(json.dumps(notes), encoding="utf-8")
    assert not closed_cleanly.unchanged_since_closed_cleanly(closed_base)


@pytest.mark.parametrize("contents", ["not json {", "[1, 2]", '{"x": 1}', ""])
def test_a_damaged_notes_file_only_means_the_file_is_checked(closed_base, private_data_dir, checks, contents):
    (private_data_dir / closed_cleanly.NOTES_FILE_NAME).write_text(contents, encoding="utf-8")
    with reopen(closed_base):
        pass
    assert checks == [1]
    with reopen(closed_base):
        pass
    assert checks == [1], "the note is written again on the clean close"


def test_notes_that_cannot_be_written_never_stop_a_close(tmp_path, closed_base, private_data_dir, checks):
    notes_file = private_data_dir / closed_cleanly.NOTES_FILE_NAME
    notes_file.unlink()
    notes_file.mkdir()  # a folder where the file should be: every write fails
    with reopen(closed_base) as fact_base:
        add_note(fact_base, tmp_path, "second.txt", "Trade grew by 5 per cent.")
    with reopen(closed_base) as fact_base, fact_base.reading() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM source").scalar() == 2
    assert checks == [1, 1]


def test_a_file_another_window_still_holds_is_not_noted(closed_base, checks):
    first = reopen(closed_base)
    second = reopen(closed_base)
    first.close()  # the second window still has it open: the file stays in WAL mode
    add_note(second, closed_base.parent, "later.txt", "A later note.")
    second.close()
    with reopen(closed_base):
        pass
    # Only the open beside a window holding the file (WAL mode, a -wal beside it) had to check; the
    # first window's close could not hand the file back, the second's did and noted it.
    assert len(checks) == 1


def test_only_the_newest_notes_are_kept(tmp_path, private_data_dir, monkeypatch):
    monkeypatch.setattr(closed_cleanly, "_NOTES_KEPT", 3)
    for number in range(5):
        FactBase.open(tmp_path / f"base-{number}.sqlite", actor="tester").close()
    notes = json.loads((private_data_dir / closed_cleanly.NOTES_FILE_NAME).read_text(encoding="utf-8"))
    assert sorted(Path(name).name for name in notes) == ["base-2.sqlite", "base-3.sqlite", "base-4.sqlite"]


def test_a_file_stamped_ahead_of_our_clock_is_not_noted_and_the_close_does_not_wait(tmp_path, private_data_dir):
    """A file server's clock ahead of ours (or ours set back) would otherwise make the close wait till it caught up."""
    path = tmp_path / "ahead.sqlite"
    FactBase.open(path, actor="tester").close()
    (private_data_dir / closed_cleanly.NOTES_FILE_NAME).unlink()
    an_hour_ahead = time.time_ns() + 3600 * 10**9
    os.utime(path, ns=(an_hour_ahead, an_hour_ahead))
    started = time.monotonic()
    closed_cleanly.note_closed_cleanly(path)
    assert time.monotonic() - started < 1
    assert not closed_cleanly.unchanged_since_closed_cleanly(path)
